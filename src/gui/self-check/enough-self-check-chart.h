/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-self-check-scoring.h"
#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_SELF_CHECK_CHART (enough_self_check_chart_get_type ())

G_DECLARE_FINAL_TYPE (EnoughSelfCheckChart, enough_self_check_chart, ENOUGH, SELF_CHECK_CHART, GtkWidget)

/* A line per subscale over the completed checks of @model (EnoughSelfCheck,
 * newest first, as the store lists them), oldest on the left, drawn with
 * cairo in the widget's own colours. Clicking near a check's column emits
 * ::check-activated (EnoughSelfCheck *). The accessible description holds a
 * text summary of the same data. */
GtkWidget       *enough_self_check_chart_new         (void);
void             enough_self_check_chart_set_model   (EnoughSelfCheckChart *self,
                                                      GListModel           *model);
GListModel      *enough_self_check_chart_get_model   (EnoughSelfCheckChart *self);

/* The data drawn (tests, the text summary): points run oldest first, the
 * newest 120 completed checks at most. */
guint            enough_self_check_chart_get_n_points (EnoughSelfCheckChart *self);
double           enough_self_check_chart_get_value    (EnoughSelfCheckChart *self,
                                                       guint                 point,
                                                       EnoughSubscale        subscale);
/* The check drawn at @point (transfer full; read from the model). */
EnoughSelfCheck *enough_self_check_chart_dup_check    (EnoughSelfCheckChart *self,
                                                       guint                 point);
const char      *enough_self_check_chart_get_summary  (EnoughSelfCheckChart *self);
/* Where a point of @subscale is drawn, in widget coordinates (tests). */
gboolean         enough_self_check_chart_get_point_position (EnoughSelfCheckChart *self,
                                                             guint                 point,
                                                             EnoughSubscale        subscale,
                                                             double               *out_x,
                                                             double               *out_y);
/* What a click at (x, y) in widget coordinates would open, or -1. */
int              enough_self_check_chart_get_point_at (EnoughSelfCheckChart *self,
                                                       double                x,
                                                       double                y);

G_END_DECLS
