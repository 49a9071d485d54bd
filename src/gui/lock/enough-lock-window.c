/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-crypt-key.h"
#include "enough-lock-window.h"

/* Each wrong try doubles the wait before the next, up to this many units. */
#define MAX_WAIT_UNITS 30

static guint wait_unit_ms = 1000;

struct _EnoughLockWindow
{
  AdwApplicationWindow  parent_instance;

  AdwStatusPage        *status_page;
  GtkEntry             *entry;
  GtkSpinner           *spinner;
  GtkLabel             *message;
  GtkButton            *unlock_button;
  GtkButton            *mode_button;

  char                 *db_path;
  GCancellable         *cancellable;
  gboolean              busy;
  gboolean              recovery;
  guint                 failures;
  guint                 wait_ms;
  guint                 wait_id;
};

enum { SIGNAL_UNLOCKED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EnoughLockWindow, enough_lock_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  char     *db_path;
  char     *secret;
  gboolean  recovery;
  gboolean  automatic;  /* the keyring's, not typed */
} UnlockData;

static void
unlock_data_free (UnlockData *data)
{
  /* The passphrase does not linger in freed memory. */
  if (data->secret != NULL)
    memset (data->secret, 0, strlen (data->secret));
  g_free (data->secret);
  g_free (data->db_path);
  g_free (data);
}

/* Argon2id takes about half a second by design: never on the UI thread. */
static void
unlock_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  UnlockData *data = task_data;
  g_autoptr(GError) error = NULL;
  EnoughCryptKey *key;

  if (data->recovery)
    {
      g_autofree char *key_path = enough_key_file_path_for (data->db_path);

      key = enough_key_file_unlock_recovery (key_path, data->secret, &error);
    }
  else
    {
      key = enough_store_unlock (data->db_path, data->secret, &error);
    }

  if (key == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, key, (GDestroyNotify) enough_crypt_key_unref);
}

static void
set_busy (EnoughLockWindow *self,
          gboolean          busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* Not insensitive: the entry keeps the keyboard focus while it waits. */
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), !busy && self->wait_id == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), !busy && self->wait_id == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_button), !busy);
}

static void
say (EnoughLockWindow *self,
     const char       *text)
{
  gtk_label_set_text (self->message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
}

static gboolean
wait_done (gpointer user_data)
{
  EnoughLockWindow *self = user_data;

  self->wait_id = 0;
  set_busy (self, self->busy);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return G_SOURCE_REMOVE;
}

static void
on_unlocked (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  EnoughLockWindow *self = ENOUGH_LOCK_WINDOW (source);
  UnlockData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughCryptKey) key = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);

  /* A kept passphrase that no longer opens it: typed instead, no wait. */
  if (key == NULL && data->automatic)
    {
      say (self, _("The passphrase kept in your keyring no longer opens the journal."));
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
      return;
    }

  if (key != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      g_signal_emit (self, signals[SIGNAL_UNLOCKED], 0, key);
      return;
    }

  if (g_error_matches (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_WRONG_PASSPHRASE))
    {
      guint units = 1u << MIN (self->failures, 5);

      self->failures++;
      self->wait_ms = MIN (units, MAX_WAIT_UNITS) * wait_unit_ms;
      say (self, self->recovery ? _("That recovery key is not right. Please try again in a moment.")
                                : _("That passphrase is not right. Please try again in a moment."));
      g_clear_handle_id (&self->wait_id, g_source_remove);
      self->wait_id = g_timeout_add (self->wait_ms, wait_done, self);
      set_busy (self, FALSE);
      gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
    }
  else
    {
      say (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
    }
}

static void
start_unlock (EnoughLockWindow *self,
              const char       *secret,
              gboolean          automatic)
{
  g_autoptr(GTask) task = NULL;
  UnlockData *data;

  data = g_new0 (UnlockData, 1);
  data->db_path = g_strdup (self->db_path);
  data->secret = g_strdup (secret);
  data->recovery = self->recovery && !automatic;
  data->automatic = automatic;
  say (self, NULL);
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, on_unlocked, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) unlock_data_free);
  g_task_run_in_thread (task, unlock_thread);
}

static void
on_entry_activate (EnoughLockWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (self->busy || self->wait_id != 0 || *text == '\0')
    return;
  start_unlock (self, text, FALSE);
}

void
enough_lock_window_unlock_with (EnoughLockWindow *self,
                                const char       *passphrase)
{
  g_return_if_fail (ENOUGH_IS_LOCK_WINDOW (self));
  g_return_if_fail (passphrase != NULL);

  if (self->busy)
    return;
  start_unlock (self, passphrase, TRUE);
}

static void
update_mode (EnoughLockWindow *self)
{
  const char *label = self->recovery ? _("Recovery key") : _("Passphrase");

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_entry_set_placeholder_text (self->entry, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_status_page_set_description (self->status_page,
                                   self->recovery ?
                                   _("Type the recovery key you kept when you set the passphrase.") :
                                   _("Your journal is encrypted. Type your passphrase to open it."));
  gtk_button_set_label (self->mode_button, self->recovery ? _("Use _Passphrase…")
                                                          : _("Use _Recovery Key…"));
  say (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
on_mode_clicked (EnoughLockWindow *self)
{
  self->recovery = !self->recovery;
  update_mode (self);
}

void
enough_lock_window_show_error (EnoughLockWindow *self,
                               const char       *message)
{
  g_return_if_fail (ENOUGH_IS_LOCK_WINDOW (self));

  say (self, message);
}

GtkEntry *
enough_lock_window_get_entry (EnoughLockWindow *self)
{
  g_return_val_if_fail (ENOUGH_IS_LOCK_WINDOW (self), NULL);

  return self->entry;
}

gboolean
enough_lock_window_get_busy (EnoughLockWindow *self)
{
  g_return_val_if_fail (ENOUGH_IS_LOCK_WINDOW (self), FALSE);

  return self->busy;
}

gboolean
enough_lock_window_get_recovery (EnoughLockWindow *self)
{
  g_return_val_if_fail (ENOUGH_IS_LOCK_WINDOW (self), FALSE);

  return self->recovery;
}

guint
enough_lock_window_get_wait_ms (EnoughLockWindow *self)
{
  g_return_val_if_fail (ENOUGH_IS_LOCK_WINDOW (self), 0);

  return self->wait_id != 0 ? self->wait_ms : 0;
}

void
_enough_lock_window_set_wait_unit_ms (guint unit_ms)
{
  wait_unit_ms = unit_ms;
}

EnoughLockWindow *
enough_lock_window_new (GtkApplication *application,
                        const char     *db_path)
{
  EnoughLockWindow *self;

  self = g_object_new (ENOUGH_TYPE_LOCK_WINDOW, "application", application, NULL);
  self->db_path = db_path != NULL ? g_strdup (db_path) : enough_store_get_default_path ();
  return self;
}

static void
enough_lock_window_show (GtkWidget *widget)
{
  EnoughLockWindow *self = ENOUGH_LOCK_WINDOW (widget);

  GTK_WIDGET_CLASS (enough_lock_window_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
enough_lock_window_dispose (GObject *object)
{
  EnoughLockWindow *self = ENOUGH_LOCK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->wait_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_LOCK_WINDOW);

  G_OBJECT_CLASS (enough_lock_window_parent_class)->dispose (object);
}

static void
enough_lock_window_finalize (GObject *object)
{
  EnoughLockWindow *self = ENOUGH_LOCK_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->db_path);

  G_OBJECT_CLASS (enough_lock_window_parent_class)->finalize (object);
}

static void
enough_lock_window_class_init (EnoughLockWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_lock_window_dispose;
  object_class->finalize = enough_lock_window_finalize;
  widget_class->show = enough_lock_window_show;

  signals[SIGNAL_UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lock/enough-lock-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EnoughLockWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, EnoughLockWindow, entry);
  gtk_widget_class_bind_template_child (widget_class, EnoughLockWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, EnoughLockWindow, message);
  gtk_widget_class_bind_template_child (widget_class, EnoughLockWindow, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughLockWindow, mode_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_clicked);
}

static void
enough_lock_window_init (EnoughLockWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  adw_status_page_set_icon_name (self->status_page, APP_ID);
  update_mode (self);
}
