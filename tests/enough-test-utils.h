/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *enough_test_make_data_dir   (void);
void  enough_test_remove_data_dir (const char *path);

G_END_DECLS
