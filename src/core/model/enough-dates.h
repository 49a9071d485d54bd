/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *enough_dates_format_day  (gint64 usec,
                                gint64 now_usec);
char *enough_dates_format_date (gint64 usec);

G_END_DECLS
