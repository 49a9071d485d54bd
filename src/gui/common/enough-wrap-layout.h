/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ENOUGH_TYPE_WRAP_LAYOUT (enough_wrap_layout_get_type ())

G_DECLARE_FINAL_TYPE (EnoughWrapLayout, enough_wrap_layout, ENOUGH, WRAP_LAYOUT, GtkLayoutManager)

/* Lays children out left to right at their natural width, wrapping to a
 * new row when one does not fit (GTK 4.8 has no wrapping box; GtkFlowBox
 * aligns columns and under-reports its height once it wraps). Used for the
 * small pattern tags on a bubble. */
GtkLayoutManager *enough_wrap_layout_new (int spacing);

G_END_DECLS
