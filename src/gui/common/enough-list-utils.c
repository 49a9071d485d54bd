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
