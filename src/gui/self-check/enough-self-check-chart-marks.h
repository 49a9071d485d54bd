/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

#include "enough-item-bank.h"

G_BEGIN_DECLS

/* How the Self-Check chart tells its lines apart: a colour for light and
 * one for dark backgrounds (ENOUGH_N_SUBSCALES of them), and a marker
 * shape for each, so colour is never the only difference. */
const GdkRGBA *enough_self_check_chart_palette     (gboolean  dark);
void           enough_self_check_chart_draw_marker (cairo_t  *cr,
                                                    guint     marker,
                                                    double    x,
                                                    double    y,
                                                    double    r);

G_END_DECLS
