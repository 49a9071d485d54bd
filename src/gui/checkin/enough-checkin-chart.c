/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "enough-checkin-chart.h"

struct _EnoughCheckinChart
{
  GtkWidget  parent_instance;

  GArray    *days;       /* EnoughCheckinDay, oldest first */
  guint32    first_day;
  guint      n_days;
};

G_DEFINE_FINAL_TYPE (EnoughCheckinChart, enough_checkin_chart, GTK_TYPE_WIDGET)

/* The share of the height the lines take; the daylight bars the rest. */
#define LINES_SHARE 0.68
#define PAD 6.0

typedef struct { double r, g, b; } Rgb;

static void
set_rgb (cairo_t *cr, Rgb c, double alpha)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, alpha);
}

/* One series: segments between neighbouring days only (a gap stays a gap). */
static void
draw_line (cairo_t            *cr,
           EnoughCheckinChart *self,
           double              x0,
           double              step,
           double              top,
           double              height,
           gboolean            energy,
           double              dot)
{
  gboolean drawing = FALSE;
  guint32 previous = 0;

  for (guint i = 0; i < self->days->len; i++)
    {
      const EnoughCheckinDay *d = &g_array_index (self->days, EnoughCheckinDay, i);
      int v = energy ? d->energy : d->mood;
      double x = x0 + (d->day - self->first_day + 0.5) * step;
      double y = top + height - v * height / 10.0;

      if (v < 0)
        {
          drawing = FALSE;
          continue;
        }
      if (drawing && d->day == previous + 1)
        cairo_line_to (cr, x, y);
      else
        {
          /* A lone day shows as a dot: a round cap, or with butt caps a
           * segment @dot long. */
          cairo_move_to (cr, x - dot / 2, y);
          cairo_line_to (cr, x + dot / 2, y);
        }
      drawing = TRUE;
      previous = d->day;
    }
  cairo_stroke (cr);
}

static void
enough_checkin_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  EnoughCheckinChart *self = ENOUGH_CHECKIN_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  Rgb mood = dark ? (Rgb) { 0.47, 0.68, 0.93 } : (Rgb) { 0.11, 0.44, 0.85 };
  Rgb energy = dark ? (Rgb) { 1.0, 0.64, 0.28 } : (Rgb) { 0.78, 0.33, 0.0 };
  Rgb light = dark ? (Rgb) { 0.97, 0.83, 0.27 } : (Rgb) { 0.90, 0.65, 0.04 };
  Rgb grid = dark ? (Rgb) { 1, 1, 1 } : (Rgb) { 0, 0, 0 };
  double lines_top = PAD, lines_height, bars_top, bars_height, step;
  double line_width;
  gboolean dense;
  cairo_t *cr;

  if (width <= 2 * PAD || height <= 4 * PAD || self->n_days == 0)
    return;
  lines_height = (height - 3 * PAD) * LINES_SHARE;
  bars_top = lines_top + lines_height + PAD;
  bars_height = height - bars_top - PAD;
  step = (width - 2 * PAD) / self->n_days;
  line_width = CLAMP (step * 0.5, 1.5, 3.0);
  /* A year: under 4 px a day, where round caps and joins cannot be seen
   * but cost most of the drawing (one round cap per dash). */
  dense = step < 4.0;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* 0, 5 and 10, faint */
  set_rgb (cr, grid, 0.12);
  cairo_set_line_width (cr, 1);
  for (int i = 0; i <= 2; i++)
    {
      double y = lines_top + lines_height - i * lines_height / 2 + 0.5;

      cairo_move_to (cr, PAD, y);
      cairo_line_to (cr, width - PAD, y);
    }
  cairo_move_to (cr, PAD, bars_top + bars_height + 0.5);
  cairo_line_to (cr, width - PAD, bars_top + bars_height + 0.5);
  cairo_stroke (cr);

  /* Daylight bars, 0–16 h */
  set_rgb (cr, light, 0.85);
  for (guint i = 0; i < self->days->len; i++)
    {
      const EnoughCheckinDay *d = &g_array_index (self->days, EnoughCheckinDay, i);
      double h, x;

      if (d->daylight <= 0)
        continue;
      h = d->daylight * bars_height / 32.0;
      x = PAD + (d->day - self->first_day) * step;
      if (dense)
        {
          /* Whole pixels: cairo fills pixel-aligned boxes without
           * antialiasing work. */
          double left = floor (x + step * 0.15);

          cairo_rectangle (cr, left, round (bars_top + bars_height - h),
                           MAX (floor (x + step * 0.85) - left, 1.0),
                           round (bars_top + bars_height) - round (bars_top + bars_height - h));
        }
      else
        cairo_rectangle (cr, x + step * 0.15, bars_top + bars_height - h, MAX (step * 0.7, 1.0), h);
    }
  cairo_fill (cr);

  /* A year's lines cross most pixel columns many times: cairo's coarser
   * antialiasing draws them about ten times faster, and looks the same
   * at this density (55 ms → 6 ms for 365 days at 605 × 120 px). */
  if (dense)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_set_line_cap (cr, dense ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, dense ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, line_width);
  set_rgb (cr, energy, 1.0);
  {
    /* Energy dashed, so the two lines differ by more than colour (butt
     * dashes are longer, so they read as dashes too). */
    double dash[] = { line_width * (dense ? 3 : 2), line_width * 1.5 };

    cairo_set_dash (cr, dash, 2, 0);
    draw_line (cr, self, PAD, step, lines_top, lines_height, TRUE, dense ? line_width : 0);
    cairo_set_dash (cr, NULL, 0, 0);
  }
  set_rgb (cr, mood, 1.0);
  cairo_set_line_width (cr, line_width + 0.5);
  draw_line (cr, self, PAD, step, lines_top, lines_height, FALSE, dense ? line_width : 0);

  cairo_destroy (cr);
}

static void
enough_checkin_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
    }
  else
    {
      *minimum = 120;
      *natural = 180;
    }
}

static void
enough_checkin_chart_finalize (GObject *object)
{
  EnoughCheckinChart *self = ENOUGH_CHECKIN_CHART (object);

  g_array_unref (self->days);
  G_OBJECT_CLASS (enough_checkin_chart_parent_class)->finalize (object);
}

static void
enough_checkin_chart_class_init (EnoughCheckinChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = enough_checkin_chart_finalize;
  widget_class->snapshot = enough_checkin_chart_snapshot;
  widget_class->measure = enough_checkin_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "checkin-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
on_dark_changed (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
}

static void
enough_checkin_chart_init (EnoughCheckinChart *self)
{
  self->days = g_array_new (FALSE, FALSE, sizeof (EnoughCheckinDay));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
enough_checkin_chart_new (void)
{
  return g_object_new (ENOUGH_TYPE_CHECKIN_CHART, NULL);
}

void
enough_checkin_chart_set_days (EnoughCheckinChart     *self,
                               const EnoughCheckinDay *days,
                               guint                   n,
                               guint32                 first_day,
                               guint                   n_days)
{
  g_return_if_fail (ENOUGH_IS_CHECKIN_CHART (self));

  g_array_set_size (self->days, 0);
  for (guint i = 0; i < n; i++)
    if (days[i].day >= first_day && days[i].day < first_day + n_days)
      g_array_append_val (self->days, days[i]);
  self->first_day = first_day;
  self->n_days = n_days;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
