/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-wrap-layout.h"

struct _EnoughWrapLayout
{
  GtkLayoutManager parent_instance;

  int              spacing;
};

G_DEFINE_FINAL_TYPE (EnoughWrapLayout, enough_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

/* Walks the rows for @width: calls @place for every child (when given) and
 * returns the total height. */
typedef void (*PlaceFunc) (GtkWidget *child, int x, int y, int width, int height);

static int
layout_rows (EnoughWrapLayout *self,
             GtkWidget        *widget,
             int               width,
             gboolean          rtl,
             PlaceFunc         place)
{
  int x = 0, y = 0, row_height = 0;
  gboolean row_empty = TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_w, nat_w, min_h, nat_h, w;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      w = MIN (nat_w, MAX (width, min_w));
      if (!row_empty && x + self->spacing + w > width)
        {
          y += row_height + self->spacing;
          x = 0;
          row_height = 0;
          row_empty = TRUE;
        }
      if (!row_empty)
        x += self->spacing;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, &min_h, &nat_h, NULL, NULL);
      if (place != NULL)
        place (child, rtl ? width - x - w : x, y, w, nat_h);

      x += w;
      row_height = MAX (row_height, nat_h);
      row_empty = FALSE;
    }

  return row_empty && y == 0 ? 0 : y + row_height;
}

static void
enough_wrap_layout_measure (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            GtkOrientation    orientation,
                            int               for_size,
                            int              *minimum,
                            int              *natural,
                            int              *minimum_baseline,
                            int              *natural_baseline)
{
  EnoughWrapLayout *self = ENOUGH_WRAP_LAYOUT (manager);
  int min = 0, nat = 0;
  gboolean first = TRUE;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* At least the widest child; naturally all of them in one row. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (first ? 0 : self->spacing);
          first = FALSE;
        }
    }
  else
    {
      int width = for_size;

      if (width < 0)
        enough_wrap_layout_measure (manager, widget, GTK_ORIENTATION_HORIZONTAL, -1,
                                    &min, &width, NULL, NULL);
      min = nat = layout_rows (self, widget, width, FALSE, NULL);
    }

  *minimum = min;
  *natural = nat;
}

static void
place_child (GtkWidget *child,
             int        x,
             int        y,
             int        width,
             int        height)
{
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
enough_wrap_layout_allocate (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             int               width,
                             int               height,
                             int               baseline)
{
  layout_rows (ENOUGH_WRAP_LAYOUT (manager), widget, width,
               gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL, place_child);
}

static GtkSizeRequestMode
enough_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                     GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
enough_wrap_layout_class_init (EnoughWrapLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->measure = enough_wrap_layout_measure;
  layout_class->allocate = enough_wrap_layout_allocate;
  layout_class->get_request_mode = enough_wrap_layout_get_request_mode;
}

static void
enough_wrap_layout_init (EnoughWrapLayout *self)
{
}

GtkLayoutManager *
enough_wrap_layout_new (int spacing)
{
  EnoughWrapLayout *self = g_object_new (ENOUGH_TYPE_WRAP_LAYOUT, NULL);

  self->spacing = spacing;
  return GTK_LAYOUT_MANAGER (self);
}
