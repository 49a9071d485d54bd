/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-list-utils.h"

void
enough_list_view_set_factory (GtkListView *list,
                              GCallback    setup,
                              GCallback    bind,
                              GCallback    unbind,
                              GCallback    teardown,
                              gpointer     user_data)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_LIST_VIEW (list));

  g_signal_connect (factory, "setup", setup, user_data);
  g_signal_connect (factory, "bind", bind, user_data);
  g_signal_connect (factory, "unbind", unbind, user_data);
  if (teardown != NULL)
    g_signal_connect (factory, "teardown", teardown, user_data);
  gtk_list_view_set_factory (list, factory);
}

guint
enough_list_model_find (GListModel *model,
                        gpointer    item,
                        guint       max)
{
  guint n;

  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), GTK_INVALID_LIST_POSITION);

  n = model != NULL && item != NULL ? MIN (g_list_model_get_n_items (model), max) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

typedef struct
{
  GtkSliceListModel *slice;
  guint              step;
  double             screens;
} GrowNearEnd;

static void
grow_near_end_free (gpointer data,
                    GClosure *closure)
{
  GrowNearEnd *grow = data;

  g_object_unref (grow->slice);
  g_free (grow);
}

static void
on_grow_adjustment_changed (GtkAdjustment *adjustment,
                            GrowNearEnd   *grow)
{
  double page = gtk_adjustment_get_page_size (adjustment);
  double left = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) - page;
  GListModel *all = gtk_slice_list_model_get_model (grow->slice);
  guint size = gtk_slice_list_model_get_size (grow->slice);

  /* Not laid out yet (no page): nothing is left below it either. */
  if (all != NULL && left < grow->screens * page && size < g_list_model_get_n_items (all))
    gtk_slice_list_model_set_size (grow->slice, size + grow->step);
}

void
enough_list_grow_near_end (GtkListView       *list,
                           GtkSliceListModel *slice,
                           guint              step,
                           double             screens)
{
  GtkAdjustment *adjustment;
  GrowNearEnd *grow;
  GClosure *closure;

  g_return_if_fail (GTK_IS_LIST_VIEW (list));
  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));
  g_return_if_fail (step > 0);

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  grow = g_new0 (GrowNearEnd, 1);
  grow->slice = g_object_ref (slice);
  grow->step = step;
  grow->screens = screens;
  /* One closure for both signals, freed with the adjustment. */
  closure = g_cclosure_new (G_CALLBACK (on_grow_adjustment_changed), grow, grow_near_end_free);
  g_signal_connect_closure (adjustment, "value-changed", closure, FALSE);
  g_signal_connect_closure (adjustment, "changed", closure, FALSE);
}
