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

/* Lines over the completed checks of @model (EnoughSelfCheck, newest
 * first, as the store lists them), oldest on the left, drawn with cairo in
 * the widget's own colours: the two overall dimensions, or one subscale
 * (:series), over the last 10 checks, the past year or all of them
 * (:range) — six lines over a hundred checks were a tangle. Clicking near
 * a check's column emits ::check-activated (EnoughSelfCheck *). The
 * accessible description holds a text summary of what is drawn.
 * :series-choices lists the :series names (for a drop-down). */
typedef enum
{
  ENOUGH_SELF_CHECK_CHART_DIMENSIONS,  /* then subscale s is s + 1 */
} EnoughSelfCheckChartSeries;

typedef enum
{
  ENOUGH_SELF_CHECK_CHART_LAST_10,
  ENOUGH_SELF_CHECK_CHART_PAST_YEAR,
  ENOUGH_SELF_CHECK_CHART_ALL,
  ENOUGH_SELF_CHECK_CHART_N_RANGES
} EnoughSelfCheckChartRange;

GtkWidget       *enough_self_check_chart_new         (void);
void             enough_self_check_chart_set_model   (EnoughSelfCheckChart *self,
                                                      GListModel           *model);
GListModel      *enough_self_check_chart_get_model   (EnoughSelfCheckChart *self);
void             enough_self_check_chart_set_series  (EnoughSelfCheckChart *self,
                                                      guint                 series);
guint            enough_self_check_chart_get_series  (EnoughSelfCheckChart *self);
void             enough_self_check_chart_set_range   (EnoughSelfCheckChart *self,
                                                      EnoughSelfCheckChartRange range);
EnoughSelfCheckChartRange enough_self_check_chart_get_range (EnoughSelfCheckChart *self);

/* The data read (tests, the text summary): points run oldest first, the
 * newest 120 completed checks at most. */
guint            enough_self_check_chart_get_n_points (EnoughSelfCheckChart *self);
double           enough_self_check_chart_get_value    (EnoughSelfCheckChart *self,
                                                       guint                 point,
                                                       EnoughSubscale        subscale);
/* The check drawn at @point (transfer full; read from the model). */
EnoughSelfCheck *enough_self_check_chart_dup_check    (EnoughSelfCheckChart *self,
                                                       guint                 point);
const char      *enough_self_check_chart_get_summary  (EnoughSelfCheckChart *self);
/* What is drawn (tests): the points from @first_point on (the range), and
 * the names of the lines, in the legend's order. */
guint            enough_self_check_chart_get_first_drawn (EnoughSelfCheckChart *self);
GStrv            enough_self_check_chart_dup_drawn_lines (EnoughSelfCheckChart *self);
/* Where a point of @subscale would be drawn, in widget coordinates; FALSE
 * if that point is outside the range drawn (tests). */
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
