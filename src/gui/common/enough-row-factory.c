/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-row-factory.h"

typedef struct
{
  const EnoughRowKind *kind;
  EnoughRowNowFunc     now;
  EnoughRowOpenFunc    open;
  gpointer             page;
  /* The rows on screen, for update_now: a year of letters makes a few
   * dozen rows, never one per entry. */
  GHashTable          *bound;
} RowFactory;

static GQuark
row_factory_quark (void)
{
  return g_quark_from_static_string ("enough-row-factory");
}

static void
row_factory_free (gpointer data)
{
  RowFactory *rows = data;

  g_clear_pointer (&rows->bound, g_hash_table_unref);
  g_free (rows);
}

static void
on_row_released (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 RowFactory      *rows)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkListItem *item = g_object_get_data (G_OBJECT (row), "enough-list-item");
  gpointer entry = item != NULL ? gtk_list_item_get_item (item) : NULL;

  if (entry != NULL)
    rows->open (rows->page, entry);
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          RowFactory               *rows)
{
  GtkWidget *row = rows->kind->new_row ();

  if (rows->open != NULL)
    {
      /* One click opens, as in the sidebars of GNOME's apps; the list's
       * own activation wants a double click. */
      GtkGesture *click = gtk_gesture_click_new ();

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
      g_signal_connect (click, "released", G_CALLBACK (on_row_released), rows);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
      /* Not a reference: the item owns the row. */
      g_object_set_data (G_OBJECT (row), "enough-list-item", item);
    }
  gtk_list_item_set_child (item, row);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         RowFactory               *rows)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  rows->kind->set_item (row, gtk_list_item_get_item (item));
  if (rows->kind->update_now != NULL)
    {
      rows->kind->update_now (row, rows->now != NULL ? rows->now (rows->page) : g_get_real_time ());
      g_hash_table_add (rows->bound, row);
    }
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           RowFactory               *rows)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_hash_table_remove (rows->bound, row);
  rows->kind->set_item (row, NULL);
}

static void
on_teardown (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RowFactory               *rows)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (row != NULL)
    g_hash_table_remove (rows->bound, row);
}

GtkListItemFactory *
enough_row_factory_install (GtkListView         *list,
                            const EnoughRowKind *kind,
                            EnoughRowNowFunc     now,
                            EnoughRowOpenFunc    open,
                            gpointer             page)
{
  GtkListItemFactory *factory;
  RowFactory *rows;

  g_return_val_if_fail (GTK_IS_LIST_VIEW (list), NULL);
  g_return_val_if_fail (kind != NULL && kind->new_row != NULL && kind->set_item != NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  rows = g_new0 (RowFactory, 1);
  rows->kind = kind;
  rows->now = now;
  rows->open = open;
  rows->page = page;
  rows->bound = g_hash_table_new (NULL, NULL);
  g_object_set_qdata_full (G_OBJECT (factory), row_factory_quark (), rows, row_factory_free);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), rows);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), rows);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), rows);
  g_signal_connect (factory, "teardown", G_CALLBACK (on_teardown), rows);
  gtk_list_view_set_factory (list, factory);
  return factory;
}

void
enough_row_factory_update_now (GtkListItemFactory *factory)
{
  RowFactory *rows;
  GHashTableIter iter;
  gpointer row;
  gint64 now;

  g_return_if_fail (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));

  rows = g_object_get_qdata (G_OBJECT (factory), row_factory_quark ());
  g_return_if_fail (rows != NULL);
  if (rows->kind->update_now == NULL)
    return;

  now = rows->now != NULL ? rows->now (rows->page) : g_get_real_time ();
  g_hash_table_iter_init (&iter, rows->bound);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    rows->kind->update_now (GTK_WIDGET (row), now);
}
