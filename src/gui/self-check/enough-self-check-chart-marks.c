/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-self-check-chart-marks.h"

/* GNOME palette: the darker shades on light backgrounds, the lighter ones
 * on dark, so every line keeps enough contrast in both. Each line also has
 * its own marker shape, so colour is never the only difference. */
static const GdkRGBA light_colors[ENOUGH_N_SUBSCALES] = {
  { 0.110, 0.443, 0.847, 1 },  /* blue 4   #1c71d8 */
  { 0.753, 0.110, 0.157, 1 },  /* red 4    #c01c28 */
  { 0.506, 0.239, 0.612, 1 },  /* purple 3 #813d9c */
  { 0.149, 0.635, 0.412, 1 },  /* green 5  #26a269 */
  { 0.776, 0.275, 0.000, 1 },  /* orange 5 #c64600 */
  { 0.388, 0.271, 0.027, 1 },  /* brown 5  #63452c-ish: yellow is too pale on white */
};
static const GdkRGBA dark_colors[ENOUGH_N_SUBSCALES] = {
  { 0.384, 0.627, 0.918, 1 },  /* blue 2   #62a0ea */
  { 0.965, 0.380, 0.318, 1 },  /* red 1    #f66151 */
  { 0.753, 0.380, 0.796, 1 },  /* purple 2 #c061cb */
  { 0.341, 0.890, 0.537, 1 },  /* green 2  #57e389 */
  { 1.000, 0.639, 0.282, 1 },  /* orange 2 #ffa348 */
  { 0.973, 0.894, 0.361, 1 },  /* yellow 2 #f8e45c */
};

typedef enum
{
  MARKER_CIRCLE,
  MARKER_SQUARE,
  MARKER_DIAMOND,
  MARKER_TRIANGLE,
  MARKER_TRIANGLE_DOWN,
  MARKER_CROSS,
} Marker;

const GdkRGBA *
enough_self_check_chart_palette (gboolean dark)
{
  return dark ? dark_colors : light_colors;
}

void
enough_self_check_chart_draw_marker (cairo_t *cr,
                                     guint    marker,
                                     double   x,
                                     double   y,
                                     double   r)
{
  switch (marker)
    {
    case MARKER_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case MARKER_SQUARE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      cairo_fill (cr);
      break;
    case MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case MARKER_TRIANGLE_DOWN:
      cairo_move_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x + r * 1.1, y - r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y - r * 0.8);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case MARKER_CROSS:
    default:
      cairo_save (cr);
      cairo_set_line_width (cr, 2.5);
      cairo_move_to (cr, x - r, y - r);
      cairo_line_to (cr, x + r, y + r);
      cairo_move_to (cr, x + r, y - r);
      cairo_line_to (cr, x - r, y + r);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;
    }
}
