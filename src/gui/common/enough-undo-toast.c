/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-undo-toast.h"

struct _EnoughUndoToast
{
  GObject                 parent_instance;

  GtkWidget              *owner;    /* not a reference: it owns us */
  EnoughUndoRestoredFunc  restored;
  AdwToast               *toast;    /* not a reference; NULL once dismissed */
  EnoughStore            *store;
  GPtrArray              *records;  /* what Undo brings back */
};

G_DEFINE_FINAL_TYPE (EnoughUndoToast, enough_undo_toast, G_TYPE_OBJECT)

static void
forget_toast (EnoughUndoToast *self)
{
  if (self->toast != NULL)
    g_signal_handlers_disconnect_by_data (self->toast, self);
  self->toast = NULL;
  g_ptr_array_set_size (self->records, 0);
  g_clear_object (&self->store);
}

/* The toast went (its few seconds are up): Ctrl+Z can still bring the
 * deletion back while the page is shown, not once the user has left it. */
static void
on_dismissed (EnoughUndoToast *self,
              AdwToast        *toast)
{
  if (self->toast != toast)
    return;

  if (gtk_widget_get_mapped (self->owner))
    {
      g_signal_handlers_disconnect_by_data (self->toast, self);
      self->toast = NULL;
    }
  else
    forget_toast (self);
}

static void
on_owner_unmap (EnoughUndoToast *self)
{
  if (self->toast == NULL)
    forget_toast (self);
}

static void
restore_records (EnoughUndoToast *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(EnoughStore) store = NULL;

  records = g_steal_pointer (&self->records);
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  store = g_steal_pointer (&self->store);
  restored = g_ptr_array_new_with_free_func (g_object_unref);

  /* Last deleted first, so that every record finds its place again. */
  for (guint i = records->len; i > 0; i--)
    {
      EnoughRecord *record = records->pdata[i - 1];

      if (!enough_record_is_deleted (record))
        continue;
      enough_store_restore (store, record);
      g_ptr_array_insert (restored, 0, g_object_ref (record));
    }

  if (self->restored != NULL && restored->len > 0)
    self->restored (self->owner, restored);
}

static void
on_undo_clicked (EnoughUndoToast *self,
                 AdwToast        *toast)
{
  if (self->toast != toast || self->store == NULL)
    return;

  restore_records (self);
}

/* The shown toast's Undo button (libadwaita 1.2 has no getter). */
static GtkWidget *
find_undo_button (GtkWidget  *widget,
                  const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 &&
      gtk_widget_is_drawable (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_undo_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
enough_undo_toast_undo (EnoughUndoToast *self)
{
  GtkWidget *overlay;
  GtkWidget *button = NULL;

  g_return_val_if_fail (ENOUGH_IS_UNDO_TOAST (self), FALSE);

  if (self->store == NULL || self->records->len == 0)
    return FALSE;

  /* Shown: as if its Undo were clicked, so that the toast goes the way it
   * always does (dismissing it from here while it is still sliding in
   * crashes libadwaita 1.2). */
  overlay = gtk_widget_get_ancestor (self->owner, ADW_TYPE_TOAST_OVERLAY);
  if (self->toast != NULL && overlay != NULL)
    button = find_undo_button (overlay, adw_toast_get_button_label (self->toast));
  if (button != NULL && gtk_widget_activate (button) && self->records->len == 0)
    return TRUE;

  restore_records (self);
  return TRUE;
}

/* Ctrl+Z anywhere in the window: the last deletion, while its toast or
 * the page is shown (a text field's own Ctrl+Z comes first). */
static gboolean
on_undo_key (GtkWidget *owner,
             GVariant  *args,
             gpointer   user_data)
{
  g_autoptr(EnoughUndoToast) self = g_weak_ref_get (user_data);  /* the owner may be going */

  if (self == NULL || (self->toast == NULL && !gtk_widget_get_mapped (owner)))
    return FALSE;

  return enough_undo_toast_undo (self);
}

void
enough_undo_toast_delete (EnoughUndoToast *self,
                          EnoughStore     *store,
                          gpointer         record,
                          const char      *title)
{
  g_autofree char *several = NULL;
  GtkWidget *overlay;
  guint n;

  g_return_if_fail (ENOUGH_IS_UNDO_TOAST (self));
  g_return_if_fail (ENOUGH_IS_STORE (store));
  g_return_if_fail (ENOUGH_IS_RECORD (record));
  g_return_if_fail (title != NULL);

  /* Another journal's Undo cannot bring these back; and with the toast
   * gone, a new deletion starts a new Undo. */
  if ((self->store != NULL && self->store != store) || self->toast == NULL)
    forget_toast (self);

  enough_store_delete (store, record);
  g_set_object (&self->store, store);
  g_ptr_array_add (self->records, g_object_ref (record));
  n = self->records->len;
  if (n > 1)
    title = several = g_strdup_printf (ngettext ("%u item deleted", "%u items deleted", n), n);

  if (self->toast != NULL)
    {
      adw_toast_set_title (self->toast, title);
      return;
    }

  overlay = gtk_widget_get_ancestor (self->owner, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  self->toast = adw_toast_new (title);
  adw_toast_set_button_label (self->toast, _("_Undo"));
  g_signal_connect_swapped (self->toast, "button-clicked", G_CALLBACK (on_undo_clicked), self);
  g_signal_connect_swapped (self->toast, "dismissed", G_CALLBACK (on_dismissed), self);
  /* The overlay takes the reference; ours is only a pointer, cleared on ::dismissed. */
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), self->toast);
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

EnoughUndoToast *
enough_undo_toast_new (GtkWidget              *owner,
                       EnoughUndoRestoredFunc  restored)
{
  EnoughUndoToast *self;
  GtkEventController *shortcuts;
  GWeakRef *weak_self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);

  self = g_object_new (ENOUGH_TYPE_UNDO_TOAST, NULL);
  weak_self = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak_self, self);
  self->owner = owner;
  self->restored = restored;

  /* Managed: run by the window for a key anywhere in it. The owner keeps
   * us for as long as it has the controller. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (on_undo_key, weak_self,
                                                                                   free_weak_ref)));
  gtk_widget_add_controller (owner, shortcuts);
  g_signal_connect_object (owner, "unmap", G_CALLBACK (on_owner_unmap), self, G_CONNECT_SWAPPED);
  return self;
}

static void
enough_undo_toast_dispose (GObject *object)
{
  EnoughUndoToast *self = ENOUGH_UNDO_TOAST (object);

  forget_toast (self);
  self->restored = NULL;

  G_OBJECT_CLASS (enough_undo_toast_parent_class)->dispose (object);
}

static void
enough_undo_toast_finalize (GObject *object)
{
  EnoughUndoToast *self = ENOUGH_UNDO_TOAST (object);

  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (enough_undo_toast_parent_class)->finalize (object);
}

static void
enough_undo_toast_class_init (EnoughUndoToastClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = enough_undo_toast_dispose;
  object_class->finalize = enough_undo_toast_finalize;
}

static void
enough_undo_toast_init (EnoughUndoToast *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
}
