/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "enough-self-check-chart.h"
#include "enough-dates.h"
#include "enough-self-check-chart-marks.h"

/* Only the numbers drawn (no record is kept alive): the check itself is
 * read back from the model by its position when clicked. */
/* A point's values: the subscales, then the two dimensions. */
#define N_VALUES (ENOUGH_N_SUBSCALES + ENOUGH_N_DIMENSIONS)
#define MAX_LINES ENOUGH_N_DIMENSIONS

typedef struct
{
  guint            position;  /* in the model */
  gint64           completed_at;
  double           values[N_VALUES];
} Point;

/* The few checks that read well side by side. */
#define LAST_CHECKS 10
#define YEAR_USEC ((gint64) 365 * 24 * 3600 * G_USEC_PER_SEC)
/* Closer than this, the markers would blur into the line: line only. */
#define MIN_MARKER_SPACING 9.0

/* The newest checks only: more would not fit side by side (and a long
 * history would otherwise mean reading every record to draw it). */
#define MAX_POINTS 120

struct _EnoughSelfCheckChart
{
  GtkWidget   parent_instance;

  GListModel *model;
  GArray     *points;   /* Point, oldest first */
  char       *summary;
  guint       series;   /* EnoughSelfCheckChartSeries, or subscale + 1 */
  EnoughSelfCheckChartRange range;
  guint       first;    /* the first point drawn */
  GtkStringList *series_choices;
};

G_DEFINE_FINAL_TYPE (EnoughSelfCheckChart, enough_self_check_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SERIES,
  PROP_RANGE,
  PROP_SERIES_CHOICES,
  N_PROPS
};

enum {
  CHECK_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define PAD            8.0
#define LEGEND_SWATCH 28.0
#define LEGEND_GAP     6.0
#define LEGEND_SPACING 18.0
#define LEGEND_ROW    22.0
#define MIN_WIDTH    240
#define MIN_HEIGHT   300

typedef struct
{
  double x0, x1, y0, y1;   /* plot area */
  double legend_top;
  int    n_legend_rows;
} Layout;

/* The lines drawn: indexes into a point's values; returns how many. */
static guint
get_lines (EnoughSelfCheckChart *self,
           guint                 lines[MAX_LINES])
{
  if (self->series == ENOUGH_SELF_CHECK_CHART_DIMENSIONS)
    {
      lines[0] = ENOUGH_N_SUBSCALES + ENOUGH_DIMENSION_STRIVINGS;
      lines[1] = ENOUGH_N_SUBSCALES + ENOUGH_DIMENSION_CONCERNS;
      return 2;
    }
  lines[0] = self->series - 1;
  return 1;
}

static const char *
line_name (guint value)
{
  if (value < ENOUGH_N_SUBSCALES)
    return enough_subscale_get_name (value);
  return enough_dimension_get_name (value - ENOUGH_N_SUBSCALES);
}

/* A subscale keeps its colour and marker; the dimensions take the first
 * two (strivings is the High standards subscale itself). */
static guint
line_style (guint value)
{
  return value < ENOUGH_N_SUBSCALES ? value : value - ENOUGH_N_SUBSCALES;
}

static guint
n_drawn (EnoughSelfCheckChart *self)
{
  return self->points->len - self->first;
}

static PangoLayout *
make_text (EnoughSelfCheckChart *self,
           const char           *text,
           gboolean              small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  return layout;
}

static double
text_width (EnoughSelfCheckChart *self,
            const char           *text,
            gboolean              small)
{
  g_autoptr(PangoLayout) layout = make_text (self, text, small);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

/* Lays the legend out in rows that fit @width; returns the number of rows
 * and, when @positions is not NULL, each entry's x and row. */
static int
layout_legend (EnoughSelfCheckChart *self,
               double                width,
               double                positions[MAX_LINES][2])
{
  guint lines[MAX_LINES];
  guint n_lines = get_lines (self, lines);
  double x = PAD;
  int row = 0;

  for (guint s = 0; s < n_lines; s++)
    {
      double w = LEGEND_SWATCH + LEGEND_GAP + text_width (self, line_name (lines[s]), TRUE);

      if (x > PAD && x + w > width - PAD)
        {
          row++;
          x = PAD;
        }
      if (positions != NULL)
        {
          positions[s][0] = x;
          positions[s][1] = row;
        }
      x += w + LEGEND_SPACING;
    }

  return row + 1;
}

static void
compute_layout (EnoughSelfCheckChart *self,
                double                width,
                double                height,
                Layout               *out)
{
  g_autoptr(PangoLayout) probe = make_text (self, "5", TRUE);
  int label_w, label_h;

  pango_layout_get_pixel_size (probe, &label_w, &label_h);

  out->n_legend_rows = layout_legend (self, width, NULL);
  out->legend_top = height - out->n_legend_rows * LEGEND_ROW;
  out->x0 = PAD + label_w + 10;
  out->x1 = width - PAD - 12;
  out->y0 = PAD + label_h / 2.0;
  out->y1 = out->legend_top - PAD - label_h - 10;
}

/* @index among the points, from the first drawn. */
static double
point_x (EnoughSelfCheckChart *self,
         const Layout         *layout,
         guint                 index)
{
  guint n = n_drawn (self);

  if (n <= 1)
    return (layout->x0 + layout->x1) / 2.0;

  /* Some room at both ends so the first and last dates fit. */
  return layout->x0 + 24 + (layout->x1 - layout->x0 - 48) * (index - self->first) / (double) (n - 1);
}

static double
value_y (const Layout *layout,
         double        value)
{
  return layout->y1 - (layout->y1 - layout->y0) * (value - 1.0) / 4.0;
}

static char *
format_short_date (gint64 usec)
{
  return enough_dates_format_date (usec);
}

static void
enough_self_check_chart_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  EnoughSelfCheckChart *self = ENOUGH_SELF_CHECK_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const GdkRGBA *colors = enough_self_check_chart_palette (dark);
  double legend_pos[MAX_LINES][2];
  double last_label_end = -G_MAXDOUBLE;
  guint lines[MAX_LINES];
  guint n_lines = get_lines (self, lines);
  gboolean markers;
  GdkRGBA fg;
  Layout layout;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  /* The theme's own text colour, so axes and labels follow light and dark. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  compute_layout (self, width, height, &layout);
  layout_legend (self, width, legend_pos);
  markers = n_drawn (self) < 2 ||
            point_x (self, &layout, self->first + 1) - point_x (self, &layout, self->first) >= MIN_MARKER_SPACING;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Grid and the 1–5 axis labels. */
  cairo_set_line_width (cr, 1.0);
  for (int v = ENOUGH_ANSWER_MIN; v <= ENOUGH_ANSWER_MAX; v++)
    {
      double y = round (value_y (&layout, v)) + 0.5;
      g_autofree char *text = g_strdup_printf ("%d", v);
      g_autoptr(PangoLayout) label = make_text (self, text, TRUE);
      int w, h;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * (v == 1 ? 0.45 : 0.15));
      cairo_move_to (cr, layout.x0, y);
      cairo_line_to (cr, layout.x1, y);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (label, &w, &h);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.75);
      cairo_move_to (cr, layout.x0 - 8 - w, y - h / 2.0);
      pango_cairo_show_layout (cr, label);
    }

  /* Dates under the points, skipping those that would overlap. */
  for (guint i = self->first; i < self->points->len; i++)
    {
      const Point *p = &g_array_index (self->points, Point, i);
      g_autofree char *text = format_short_date (p->completed_at);
      g_autoptr(PangoLayout) label = make_text (self, text, TRUE);
      double x = point_x (self, &layout, i);
      double left;
      int w, h;

      pango_layout_get_pixel_size (label, &w, &h);
      left = CLAMP (x - w / 2.0, PAD, width - PAD - w);
      if (left < last_label_end + 8)
        continue;
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.75);
      cairo_move_to (cr, left, layout.y1 + 8);
      pango_cairo_show_layout (cr, label);
      last_label_end = left + w;
    }

  /* One line per score shown. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint l = 0; l < n_lines; l++)
    {
      guint v = lines[l];

      gdk_cairo_set_source_rgba (cr, &colors[line_style (v)]);
      cairo_set_line_width (cr, 2.5);
      for (guint i = self->first; i < self->points->len; i++)
        {
          const Point *p = &g_array_index (self->points, Point, i);
          double x = point_x (self, &layout, i);
          double y = value_y (&layout, p->values[v]);

          if (i == self->first)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);

      for (guint i = self->first; markers && i < self->points->len; i++)
        {
          const Point *p = &g_array_index (self->points, Point, i);

          enough_self_check_chart_draw_marker (cr, line_style (v), point_x (self, &layout, i),
                       value_y (&layout, p->values[v]), 4.5);
        }
    }

  /* The legend: marker, line and name for each line. */
  for (guint l = 0; l < n_lines; l++)
    {
      g_autoptr(PangoLayout) label = make_text (self, line_name (lines[l]), TRUE);
      double x = legend_pos[l][0];
      double y = layout.legend_top + legend_pos[l][1] * LEGEND_ROW + LEGEND_ROW / 2.0;
      int w, h;

      gdk_cairo_set_source_rgba (cr, &colors[line_style (lines[l])]);
      cairo_set_line_width (cr, 2.5);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + LEGEND_SWATCH, y);
      cairo_stroke (cr);
      enough_self_check_chart_draw_marker (cr, line_style (lines[l]), x + LEGEND_SWATCH / 2.0, y, 4.5);

      pango_layout_get_pixel_size (label, &w, &h);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha);
      cairo_move_to (cr, x + LEGEND_SWATCH + LEGEND_GAP, y - h / 2.0);
      pango_cairo_show_layout (cr, label);
    }

  cairo_destroy (cr);
}

static void
enough_self_check_chart_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 640;
    }
  else
    {
      EnoughSelfCheckChart *self = ENOUGH_SELF_CHECK_CHART (widget);
      int rows = layout_legend (self, for_size > 0 ? for_size : 640, NULL);

      /* The plot keeps its height; the legend adds rows when narrow. */
      *minimum = MIN_HEIGHT + (rows - 1) * LEGEND_ROW;
      *natural = *minimum + 40;
    }
}

static GtkSizeRequestMode
enough_self_check_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
update_summary (EnoughSelfCheckChart *self)
{
  GString *text = g_string_new (NULL);
  guint n = n_drawn (self);
  guint lines[MAX_LINES];
  guint n_lines = get_lines (self, lines);

  if (self->points->len == 0)
    {
      g_string_append (text, _("No completed checks yet."));
    }
  else if (n == 0)
    {
      g_string_append (text, _("No completed checks in the past year."));
    }
  else
    {
      const Point *first = &g_array_index (self->points, Point, self->first);
      const Point *last = &g_array_index (self->points, Point, n - 1);
      g_autofree char *first_date = format_short_date (first->completed_at);
      g_autofree char *last_date = format_short_date (last->completed_at);

      if (n == 1)
        /* Translators: start of the text summary of the Self-Check chart. */
        g_string_append_printf (text, _("One completed check, on %s."), first_date);
      else
        /* Translators: start of the text summary of the Self-Check chart;
         * the count is at least 2, then two dates. */
        g_string_append_printf (text, ngettext ("%u completed checks, from %s to %s.",
                                                "%u completed checks, from %s to %s.", n),
                                n, first_date, last_date);

      for (guint l = 0; l < n_lines; l++)
        {
          guint s = lines[l];

          g_string_append_c (text, ' ');
          if (n == 1)
            /* Translators: one line of the chart summary: a subscale name and
             * its score, with one decimal. */
            g_string_append_printf (text, _("%s: %.1f."),
                                    line_name (s),
                                    enough_scoring_round_for_display (last->values[s]));
          else
            /* Translators: one line of the chart summary: a subscale name, its
             * score in the first check, and in the latest check, with one decimal. */
            g_string_append_printf (text, _("%s: %.1f in the first check, %.1f in the latest."),
                                    line_name (s),
                                    enough_scoring_round_for_display (first->values[s]),
                                    enough_scoring_round_for_display (last->values[s]));
        }
    }

  g_free (self->summary);
  self->summary = g_string_free (text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

/* Which points the range draws, and what that says. */
static void
update_range (EnoughSelfCheckChart *self)
{
  guint n = self->points->len;

  switch (self->range)
    {
    case ENOUGH_SELF_CHECK_CHART_LAST_10:
      self->first = n > LAST_CHECKS ? n - LAST_CHECKS : 0;
      break;
    case ENOUGH_SELF_CHECK_CHART_PAST_YEAR:
      {
        gint64 since = g_get_real_time () - YEAR_USEC;

        for (self->first = 0;
             self->first < n && g_array_index (self->points, Point, self->first).completed_at < since;
             self->first++)
          ;
      }
      break;
    case ENOUGH_SELF_CHECK_CHART_ALL:
    case ENOUGH_SELF_CHECK_CHART_N_RANGES:
    default:
      self->first = 0;
      break;
    }

  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
rebuild (EnoughSelfCheckChart *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  g_array_set_size (self->points, 0);

  /* The model is newest first; the chart reads left to right in time, so
   * the points are collected newest first and then reversed. */
  for (guint i = 0; i < n && self->points->len < MAX_POINTS; i++)
    {
      g_autoptr(EnoughSelfCheck) check = g_list_model_get_item (self->model, i);
      guint8 answers[ENOUGH_SELF_CHECK_N_ITEMS];
      guint version = enough_self_check_get_bank_version (check);
      EnoughScores scores;
      Point p = { 0, };

      if (!enough_self_check_is_completed (check))
        continue;
      enough_self_check_get_answers (check, answers);
      /* A check from an unknown bank version cannot be drawn; it stays in the list. */
      if (!enough_scores_compute (version, answers, enough_item_bank_get_n_items (version),
                                  &scores, NULL))
        continue;

      p.position = i;
      p.completed_at = enough_self_check_get_completed_at (check);
      for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
        p.values[s] = scores.subscale_means[s];
      for (guint d = 0; d < ENOUGH_N_DIMENSIONS; d++)
        p.values[ENOUGH_N_SUBSCALES + d] = scores.dimensions[d];
      g_array_append_val (self->points, p);
    }
  for (guint a = 0, b = self->points->len; b-- > a + 1; a++)
    {
      Point tmp = g_array_index (self->points, Point, a);

      g_array_index (self->points, Point, a) = g_array_index (self->points, Point, b);
      g_array_index (self->points, Point, b) = tmp;
    }

  update_range (self);
}

static void
on_items_changed (EnoughSelfCheckChart *self,
                  guint                 position,
                  guint                 removed,
                  guint                 added,
                  GListModel           *model)
{
  rebuild (self);
}

GtkWidget *
enough_self_check_chart_new (void)
{
  return g_object_new (ENOUGH_TYPE_SELF_CHECK_CHART, NULL);
}

void
enough_self_check_chart_set_model (EnoughSelfCheckChart *self,
                                   GListModel           *model)
{
  g_return_if_fail (ENOUGH_IS_SELF_CHECK_CHART (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed),
                             self, G_CONNECT_SWAPPED);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
enough_self_check_chart_get_model (EnoughSelfCheckChart *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_CHART (self), NULL);

  return self->model;
}

void
enough_self_check_chart_set_series (EnoughSelfCheckChart *self,
                                    guint                 series)
{
  g_return_if_fail (ENOUGH_IS_SELF_CHECK_CHART (self));
  g_return_if_fail (series <= ENOUGH_N_SUBSCALES);

  if (self->series == series)
    return;
  self->series = series;
  update_summary (self);
  /* The legend may take fewer rows. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES]);
}

guint
enough_self_check_chart_get_series (EnoughSelfCheckChart *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_CHART (self), 0);

  return self->series;
}

void
enough_self_check_chart_set_range (EnoughSelfCheckChart      *self,
                                   EnoughSelfCheckChartRange  range)
{
  g_return_if_fail (ENOUGH_IS_SELF_CHECK_CHART (self));
  g_return_if_fail (range < ENOUGH_SELF_CHECK_CHART_N_RANGES);

  if (self->range == range)
    return;
  self->range = range;
  update_range (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
}

EnoughSelfCheckChartRange
enough_self_check_chart_get_range (EnoughSelfCheckChart *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_CHART (self), 0);

  return self->range;
}

guint
enough_self_check_chart_get_first_drawn (EnoughSelfCheckChart *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_CHART (self), 0);

  return self->first;
}

GStrv
enough_self_check_chart_dup_drawn_lines (EnoughSelfCheckChart *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint lines[MAX_LINES];
  guint n_lines;

  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_CHART (self), NULL);

  n_lines = get_lines (self, lines);
  for (guint l = 0; l < n_lines; l++)
    g_strv_builder_add (builder, line_name (lines[l]));
  return g_strv_builder_end (builder);
}

guint
enough_self_check_chart_get_n_points (EnoughSelfCheckChart *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_CHART (self), 0);

  return self->points->len;
}

double
enough_self_check_chart_get_value (EnoughSelfCheckChart *self,
                                   guint                 point,
                                   EnoughSubscale        subscale)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_CHART (self), 0.0);
  g_return_val_if_fail (point < self->points->len, 0.0);
  g_return_val_if_fail (subscale < ENOUGH_N_SUBSCALES, 0.0);

  return g_array_index (self->points, Point, point).values[subscale];
}

EnoughSelfCheck *
enough_self_check_chart_dup_check (EnoughSelfCheckChart *self,
                                   guint                 point)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_CHART (self), NULL);
  g_return_val_if_fail (point < self->points->len, NULL);
  g_return_val_if_fail (self->model != NULL, NULL);

  return g_list_model_get_item (self->model, g_array_index (self->points, Point, point).position);
}

const char *
enough_self_check_chart_get_summary (EnoughSelfCheckChart *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_CHART (self), NULL);

  return self->summary;
}

gboolean
enough_self_check_chart_get_point_position (EnoughSelfCheckChart *self,
                                            guint                 point,
                                            EnoughSubscale        subscale,
                                            double               *out_x,
                                            double               *out_y)
{
  Layout layout;

  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_CHART (self), FALSE);
  g_return_val_if_fail (subscale < ENOUGH_N_SUBSCALES, FALSE);

  if (point >= self->points->len || point < self->first ||
      gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;

  compute_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                  gtk_widget_get_height (GTK_WIDGET (self)), &layout);
  *out_x = point_x (self, &layout, point);
  *out_y = value_y (&layout, g_array_index (self->points, Point, point).values[subscale]);
  return TRUE;
}

/* The column of a check: anything within half the distance to its
 * neighbours (at most 40 px) and inside the plot's height. */
int
enough_self_check_chart_get_point_at (EnoughSelfCheckChart *self,
                                      double                x,
                                      double                y)
{
  Layout layout;
  int best = -1;
  double best_distance = G_MAXDOUBLE;
  double reach = 40.0;

  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_CHART (self), -1);

  if (n_drawn (self) == 0)
    return -1;

  compute_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                  gtk_widget_get_height (GTK_WIDGET (self)), &layout);
  if (y < layout.y0 - 12 || y > layout.y1 + 12)
    return -1;

  if (n_drawn (self) > 1)
    reach = MIN (reach, (point_x (self, &layout, self->first + 1) -
                         point_x (self, &layout, self->first)) / 2.0);

  for (guint i = self->first; i < self->points->len; i++)
    {
      double distance = fabs (point_x (self, &layout, i) - x);

      if (distance <= reach && distance < best_distance)
        {
          best = (int) i;
          best_distance = distance;
        }
    }

  return best;
}

static void
on_click_released (GtkGestureClick      *gesture,
                   int                   n_press,
                   double                x,
                   double                y,
                   EnoughSelfCheckChart *self)
{
  int point = enough_self_check_chart_get_point_at (self, x, y);
  g_autoptr(EnoughSelfCheck) check = NULL;

  if (point >= 0)
    check = enough_self_check_chart_dup_check (self, (guint) point);
  if (check != NULL)
    g_signal_emit (self, signals[CHECK_ACTIVATED], 0, check);
}

static void
on_dark_changed (EnoughSelfCheckChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
enough_self_check_chart_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  EnoughSelfCheckChart *self = ENOUGH_SELF_CHECK_CHART (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SERIES:
      g_value_set_uint (value, self->series);
      break;
    case PROP_RANGE:
      g_value_set_uint (value, self->range);
      break;
    case PROP_SERIES_CHOICES:
      g_value_set_object (value, self->series_choices);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_self_check_chart_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  EnoughSelfCheckChart *self = ENOUGH_SELF_CHECK_CHART (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      enough_self_check_chart_set_model (self, g_value_get_object (value));
      break;
    case PROP_SERIES:
      enough_self_check_chart_set_series (self, g_value_get_uint (value));
      break;
    case PROP_RANGE:
      enough_self_check_chart_set_range (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_self_check_chart_dispose (GObject *object)
{
  EnoughSelfCheckChart *self = ENOUGH_SELF_CHECK_CHART (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);
  g_clear_object (&self->series_choices);
  if (self->points != NULL)
    g_array_set_size (self->points, 0);

  G_OBJECT_CLASS (enough_self_check_chart_parent_class)->dispose (object);
}

static void
enough_self_check_chart_finalize (GObject *object)
{
  EnoughSelfCheckChart *self = ENOUGH_SELF_CHECK_CHART (object);

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (enough_self_check_chart_parent_class)->finalize (object);
}

static void
enough_self_check_chart_class_init (EnoughSelfCheckChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_self_check_chart_dispose;
  object_class->finalize = enough_self_check_chart_finalize;
  object_class->get_property = enough_self_check_chart_get_property;
  object_class->set_property = enough_self_check_chart_set_property;

  widget_class->snapshot = enough_self_check_chart_snapshot;
  widget_class->measure = enough_self_check_chart_measure;
  widget_class->get_request_mode = enough_self_check_chart_get_request_mode;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* guint, not enums: they bind to a drop-down's "selected". */
  properties[PROP_SERIES] =
    g_param_spec_uint ("series", NULL, NULL, 0, ENOUGH_N_SUBSCALES, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RANGE] =
    g_param_spec_uint ("range", NULL, NULL, 0, ENOUGH_SELF_CHECK_CHART_N_RANGES - 1, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SERIES_CHOICES] =
    g_param_spec_object ("series-choices", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHECK_ACTIVATED] =
    g_signal_new ("check-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ENOUGH_TYPE_SELF_CHECK);

  gtk_widget_class_set_css_name (widget_class, "selfcheckchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
enough_self_check_chart_init (EnoughSelfCheckChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->points = g_array_new (FALSE, TRUE, sizeof (Point));
  self->series_choices = gtk_string_list_new (NULL);
  /* Translators: in the Self-Check chart's list of scores to show: the
   * two overall dimensions together */
  gtk_string_list_append (self->series_choices, _("Overall: Striving and Concerns"));
  for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
    gtk_string_list_append (self->series_choices, enough_subscale_get_name (s));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your scores over time"),
                                  -1);
  update_summary (self);
}
