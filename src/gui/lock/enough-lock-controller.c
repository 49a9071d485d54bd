/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-keyring.h"
#include "enough-lock-controller.h"
#include "enough-locked-reminders.h"
#include "enough-lock-window.h"
#include "enough-window.h"

struct _EnoughLockController
{
  EnoughApplication *app;  /* not owned: the app owns this */
  GSimpleAction     *action;

  /* The journal is encrypted and not open: only the lock window exists. */
  gboolean           locked;
  gboolean           locked_for_tests;
  /* Found locked at start: the keyring may open it ("Unlock
   * automatically"); never after the user or the idle time locked it. */
  gboolean           try_keyring;
  /* The page that was open when the journal was locked, to come back to. */
  char              *page;
  /* Neutral reminders while locked (only after a lock, not at start). */
  EnoughLockedReminders *reminders;
  /* What a reminder asked to open while locked, done once unlocked. */
  char              *deferred_action;
  GVariant          *deferred_target;
};

static GtkWindow *
find_window_of_type (EnoughLockController *self,
                     GType                 type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->app)); l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
        return l->data;
    }
  return NULL;
}

gboolean
enough_lock_controller_is_locked (EnoughLockController *self)
{
  return self->locked || self->locked_for_tests;
}

void
_enough_lock_controller_set_locked_for_tests (EnoughLockController *self,
                                              gboolean              locked)
{
  self->locked_for_tests = locked;
}

void
enough_lock_controller_update_action (EnoughLockController *self)
{
  EnoughStore *store = enough_application_get_store (self->app);

  g_simple_action_set_enabled (self->action,
                               !self->locked && store != NULL && enough_store_get_encrypted (store));
}

void
enough_lock_controller_remember_page (EnoughLockController *self)
{
  GtkWindow *window = find_window_of_type (self, ENOUGH_TYPE_WINDOW);

  g_free (self->page);
  self->page = window != NULL ? g_strdup (enough_window_get_visible_page (ENOUGH_WINDOW (window)))
                              : NULL;
}

char *
enough_lock_controller_unlocked (EnoughLockController *self)
{
  self->locked = FALSE;
  g_clear_pointer (&self->reminders, enough_locked_reminders_free);
  enough_lock_controller_update_action (self);
  return g_steal_pointer (&self->page);
}

static void
on_unlocked (EnoughLockWindow     *lock_window,
             EnoughCryptKey       *key,
             EnoughLockController *self)
{
  g_autoptr(GError) error = NULL;
  EnoughStore *store = enough_store_open_with_key (NULL, key, ENOUGH_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    enough_lock_window_show_error (lock_window, error->message);
  else
    _enough_application_adopt_store (self->app, store);
}

void
enough_lock_controller_mark_locked (EnoughLockController *self)
{
  if (!self->locked)
    self->try_keyring = TRUE;
  self->locked = TRUE;
  enough_lock_controller_update_action (self);
}

static void
on_keyring_lookup (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(GtkWidget) lock_window = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  char *passphrase = enough_keyring_lookup_finish (result, &error);

  g_weak_ref_clear (weak);
  g_free (weak);

  if (error != NULL)
    g_message ("Could not read the keyring: %s", error->message);
  if (passphrase != NULL && lock_window != NULL && !gtk_widget_in_destruction (lock_window))
    enough_lock_window_unlock_with (ENOUGH_LOCK_WINDOW (lock_window), passphrase);
  enough_keyring_free_passphrase (passphrase);
}

/* "Unlock automatically on this computer": the kept passphrase, if any. */
static void
try_keyring (EnoughLockController *self,
             GtkWindow            *lock_window)
{
  GSettings *settings = enough_application_get_settings (self->app);
  g_autofree char *file_id = NULL;
  GWeakRef *weak;

  self->try_keyring = FALSE;
  if (!enough_keyring_is_available () || !g_settings_get_boolean (settings, "unlock-automatically"))
    return;
  file_id = enough_keyring_dup_file_id (NULL, NULL);
  if (file_id == NULL)
    return;
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, lock_window);
  enough_keyring_lookup_async (file_id, on_keyring_lookup, weak);
}

GtkWindow *
enough_lock_controller_show (EnoughLockController *self)
{
  GtkWindow *lock_window = find_window_of_type (self, ENOUGH_TYPE_LOCK_WINDOW);

  enough_lock_controller_mark_locked (self);
  if (lock_window == NULL)
    {
      lock_window = GTK_WINDOW (enough_lock_window_new (GTK_APPLICATION (self->app), NULL));
      g_signal_connect (lock_window, "unlocked", G_CALLBACK (on_unlocked), self);
    }
  gtk_window_present (lock_window);
  if (self->try_keyring)
    try_keyring (self, lock_window);
  return lock_window;
}

gboolean
enough_lock_controller_lock (EnoughLockController  *self,
                             GError               **error)
{
  EnoughStore *store = enough_application_get_store (self->app);
  g_autoptr(GList) windows = NULL;
  GtkWindow *lock_window;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->locked)
    return enough_lock_controller_show (self) != NULL;
  if (store == NULL || !enough_store_get_encrypted (store))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The journal has no passphrase, so it cannot be locked."));
      return FALSE;
    }
  /* Words that cannot be written stay on screen rather than be lost. */
  if (!enough_store_flush (store, error))
    return FALSE;
  enough_lock_controller_remember_page (self);
  self->locked = TRUE;
  self->try_keyring = FALSE;

  /* Shown first so the app never runs out of windows; then every window
   * that held journal text (and its dialogs) is destroyed, not hidden. */
  lock_window = enough_lock_controller_show (self);
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self->app)),
                              (GCopyFunc) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (l->data != lock_window)
        gtk_window_destroy (GTK_WINDOW (l->data));
    }
  g_list_free_full (g_steal_pointer (&windows), g_object_unref);

  /* Before closing: what comes due while locked (no words, see there). */
  g_clear_pointer (&self->reminders, enough_locked_reminders_free);
  self->reminders = enough_locked_reminders_new (G_APPLICATION (self->app), store,
                                                 enough_application_get_reminders (self->app));
  enough_locked_reminders_start (self->reminders);
  /* Writes what the pages gave back while going, and wipes the key. */
  _enough_application_close_store (self->app);
  return TRUE;
}

gboolean
enough_lock_controller_defer (EnoughLockController *self,
                              const char           *action_name,
                              GVariant             *target)
{
  if (!self->locked)
    return FALSE;
  g_free (self->deferred_action);
  self->deferred_action = g_strdup (action_name);
  g_clear_pointer (&self->deferred_target, g_variant_unref);
  self->deferred_target = target != NULL ? g_variant_ref_sink (target) : NULL;
  enough_lock_controller_show (self);
  return TRUE;
}

void
enough_lock_controller_run_deferred (EnoughLockController *self)
{
  g_autofree char *action_name = g_steal_pointer (&self->deferred_action);
  g_autoptr(GVariant) target = g_steal_pointer (&self->deferred_target);

  if (action_name != NULL && !self->locked)
    g_action_group_activate_action (G_ACTION_GROUP (self->app), action_name, target);
}

gpointer
_enough_lock_controller_get_reminders (EnoughLockController *self)
{
  return self->reminders;
}

static void
lock_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  EnoughLockController *self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (enough_lock_controller_lock (self, &error))
    return;
  window = find_window_of_type (self, ENOUGH_TYPE_WINDOW);
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-toast", "s", error->message);
}

EnoughLockController *
enough_lock_controller_new (EnoughApplication *app)
{
  static const char *lock_accels[] = { "<Control>l", NULL };
  EnoughLockController *self = g_new0 (EnoughLockController, 1);

  self->app = app;
  self->action = g_simple_action_new ("lock", NULL);
  g_signal_connect (self->action, "activate", G_CALLBACK (lock_action), self);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (self->action));
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.lock", lock_accels);
  enough_lock_controller_update_action (self);
  return self;
}

void
enough_lock_controller_free (EnoughLockController *self)
{
  if (self == NULL)
    return;
  /* Freed with the app (its action map is going too): no notify now. */
  g_signal_handlers_disconnect_by_data (self->action, self);
  g_clear_object (&self->action);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->app)); l != NULL; l = l->next)
    {
      if (ENOUGH_IS_LOCK_WINDOW (l->data))
        g_signal_handlers_disconnect_by_data (l->data, self);
    }
  g_clear_pointer (&self->reminders, enough_locked_reminders_free);
  g_free (self->deferred_action);
  g_clear_pointer (&self->deferred_target, g_variant_unref);
  g_free (self->page);
  g_free (self);
}
