/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-list-utils.h"
#include "enough-trash-row.h"
#include "enough-trash-window.h"

struct _EnoughTrashWindow
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListView     *list;

  EnoughStore     *store;
  GListStore      *records;   /* EnoughRecord */
};

G_DEFINE_FINAL_TYPE (EnoughTrashWindow, enough_trash_window, ADW_TYPE_WINDOW)

GListModel *
enough_trash_window_get_model (EnoughTrashWindow *self)
{
  g_return_val_if_fail (ENOUGH_IS_TRASH_WINDOW (self), NULL);

  return G_LIST_MODEL (self->records);
}

static void
update_stack (EnoughTrashWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->records)) > 0
                                    ? "list" : "empty");
}

static void
take_out (EnoughTrashWindow *self,
          EnoughRecord      *record)
{
  guint position;

  if (g_list_store_find (self->records, record, &position))
    g_list_store_remove (self->records, position);
  update_stack (self);
}

static void
toast (EnoughTrashWindow *self,
       const char        *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
on_row_restore (EnoughTrashWindow *self,
                EnoughTrashRow    *row)
{
  g_autoptr(EnoughRecord) record = g_object_ref (enough_trash_row_get_record (row));
  g_autofree char *title = enough_trash_row_dup_title (record);
  g_autofree char *text = NULL;

  enough_store_restore (self->store, record);
  take_out (self, record);
  /* Translators: %s is the title of an entry brought back from Recently Deleted */
  text = g_strdup_printf (_("“%s” is back"), title);
  toast (self, text);
}

static void
on_delete_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    EnoughTrashWindow *self)
{
  EnoughRecord *record = g_object_get_data (G_OBJECT (dialog), "record");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || record == NULL)
    return;

  if (!enough_store_delete_for_good (self->store, record, &error))
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("Could not delete it: %s"), error->message);

      toast (self, text);
      return;
    }
  take_out (self, record);
}

static void
on_row_delete (EnoughTrashWindow *self,
               EnoughTrashRow    *row)
{
  EnoughRecord *record = enough_trash_row_get_record (row);
  g_autofree char *title = enough_trash_row_dup_title (record);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is the title of an entry in Recently Deleted */
  body = g_strdup_printf (_("“%s” will be gone and cannot be brought back."), title);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete for Good?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete for Good"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "record", g_object_ref (record), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Rows --------------------------------------------------------------- */

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           EnoughTrashWindow        *self)
{
  GtkWidget *row = enough_trash_row_new ();

  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  g_signal_connect_object (row, "restore", G_CALLBACK (on_row_restore), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "delete", G_CALLBACK (on_row_delete), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, row);
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          EnoughTrashWindow        *self)
{
  EnoughRecord *record = gtk_list_item_get_item (item);

  enough_trash_row_set_record (ENOUGH_TRASH_ROW (gtk_list_item_get_child (item)), record,
                               enough_store_get_deleted_at (self->store, record),
                               enough_store_now (self->store));
}

static void
row_unbind (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            EnoughTrashWindow        *self)
{
  enough_trash_row_set_record (ENOUGH_TRASH_ROW (gtk_list_item_get_child (item)), NULL, 0, 0);
}

/* ---- GObject ------------------------------------------------------------ */

static void
enough_trash_window_dispose (GObject *object)
{
  EnoughTrashWindow *self = ENOUGH_TRASH_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_TRASH_WINDOW);
  g_clear_object (&self->records);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (enough_trash_window_parent_class)->dispose (object);
}

static void
enough_trash_window_class_init (EnoughTrashWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_trash_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/trash/enough-trash-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EnoughTrashWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EnoughTrashWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EnoughTrashWindow, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
enough_trash_window_init (EnoughTrashWindow *self)
{
  self->records = g_list_store_new (ENOUGH_TYPE_RECORD);

  gtk_widget_init_template (GTK_WIDGET (self));
  enough_list_view_set_factory (self->list, G_CALLBACK (row_setup), G_CALLBACK (row_bind),
                                G_CALLBACK (row_unbind), NULL, self);
  {
    g_autoptr(GtkNoSelection) model = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->records)));

    gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (model));
  }
}

EnoughTrashWindow *
enough_trash_window_new (GtkWindow   *parent,
                         EnoughStore *store)
{
  EnoughTrashWindow *self;
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (ENOUGH_IS_STORE (store), NULL);

  self = g_object_new (ENOUGH_TYPE_TRASH_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  records = enough_store_list_trash (store);
  g_list_store_splice (self->records, 0, 0, records->pdata, records->len);
  update_stack (self);
  return self;
}
