/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-crypt-key.h"
#include "enough-keyring.h"
#include "enough-print.h"
#include "enough-privacy.h"
#include "enough-window.h"

typedef enum { PROTECT, UNPROTECT, CHANGE, REMEMBER } Operation;

/* PROTECT and UNPROTECT rewrite the journal while it is closed. */
#define CLOSES(operation) ((operation) == PROTECT || (operation) == UNPROTECT)

typedef struct
{
  EnoughApplication *app;
  Operation          operation;
  char              *db_path;
  char              *old_passphrase;
  char              *new_passphrase;
  char              *recovery_key;
  char              *file_id;  /* the key file's, for the keyring */
  EnoughCryptKey    *key;
  EnoughPrivacyDone  done;
  gpointer           user_data;
} Job;

static void
wipe (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static void
job_free (Job *job)
{
  g_object_unref (job->app);
  g_free (job->db_path);
  wipe (&job->old_passphrase);
  wipe (&job->new_passphrase);
  wipe (&job->recovery_key);
  g_free (job->file_id);
  g_clear_pointer (&job->key, enough_crypt_key_unref);
  g_free (job);
}

/* Argon2id and the rewrite take a while: never on the UI thread. The key
 * for reopening is unlocked here too, whatever happened. */
static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (job->operation)
    {
    case PROTECT:
      ok = enough_store_encrypt (job->db_path, job->new_passphrase, &job->recovery_key, &error);
      if (ok)
        job->key = enough_store_unlock (job->db_path, job->new_passphrase, NULL);
      break;
    case UNPROTECT:
      ok = enough_store_decrypt (job->db_path, job->old_passphrase, &error);
      if (!ok)
        job->key = enough_store_unlock (job->db_path, job->old_passphrase, NULL);
      break;
    case REMEMBER:
      /* Only a passphrase that opens the journal is kept. */
      job->key = enough_store_unlock (job->db_path, job->old_passphrase, &error);
      ok = job->key != NULL;
      g_clear_pointer (&job->key, enough_crypt_key_unref);
      break;
    case CHANGE:
    default:
      ok = enough_store_change_passphrase (job->db_path, job->old_passphrase,
                                           job->new_passphrase, &error);
      break;
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

typedef struct
{
  EnoughApplication *app;
  EnoughPrivacyDone  done;
  gpointer           user_data;
} Remember;

static void
on_remembered (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Remember *remember = user_data;
  g_autoptr(GError) error = NULL;

  if (enough_keyring_store_finish (result, &error))
    g_settings_set_boolean (enough_application_get_settings (remember->app), "unlock-automatically", TRUE);
  if (remember->done != NULL)
    remember->done (error, remember->user_data);
  g_object_unref (remember->app);
  g_free (remember);
}

static void
on_keyring_updated (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The journal itself is as it should be; the next start asks. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_message ("Could not update the keyring: %s", error->message);
}

/* What the keyring keeps follows the passphrase: the new one after a
 * change, nothing once the journal has none. */
static void
update_keyring (Job *job)
{
  GSettings *settings = enough_application_get_settings (job->app);

  if (job->file_id == NULL || !enough_keyring_is_available ())
    return;
  if (job->operation == UNPROTECT)
    {
      g_settings_set_boolean (settings, "unlock-automatically", FALSE);
      enough_keyring_clear_async (job->file_id, on_keyring_updated, NULL);
    }
  else if (job->operation == CHANGE && g_settings_get_boolean (settings, "unlock-automatically"))
    {
      enough_keyring_store_async (job->file_id, job->new_passphrase, on_keyring_updated, NULL);
    }
}

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) open_error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  EnoughStore *store = NULL;

  if (job->operation == REMEMBER)
    {
      Remember *remember;

      if (!ok)
        {
          if (job->done != NULL)
            job->done (error, job->user_data);
          return;
        }
      remember = g_new0 (Remember, 1);
      remember->app = g_object_ref (job->app);
      remember->done = job->done;
      remember->user_data = job->user_data;
      enough_keyring_store_async (job->file_id, job->old_passphrase, on_remembered, remember);
      return;
    }
  if (ok)
    update_keyring (job);
  if (CLOSES (job->operation))
    {
      g_autoptr(GList) windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (job->app)),
                                                   (GCopyFunc) g_object_ref, NULL);

      /* The old windows hold the closed store, whose key stays registered
       * for its path until it is finalized: they go first (the app held
       * meanwhile, so it does not quit for want of windows). */
      g_application_hold (G_APPLICATION (job->app));
      for (GList *l = windows; l != NULL; l = l->next)
        gtk_window_destroy (GTK_WINDOW (l->data));
      g_list_free_full (g_steal_pointer (&windows), g_object_unref);

      /* Open again, in whichever form the journal now is. */
      if (job->key != NULL)
        store = enough_store_open_with_key (job->db_path, job->key, ENOUGH_STORE_OPEN_DEFAULT, &open_error);
      else
        store = enough_store_open (job->db_path, ENOUGH_STORE_OPEN_DEFAULT, &open_error);
      if (store == NULL)
        {
          g_warning ("Could not open the journal again: %s", open_error->message);
          if (error == NULL)
            error = g_steal_pointer (&open_error);
          /* The lock window asks for the passphrase instead. */
          g_application_activate (G_APPLICATION (job->app));
        }
      else
        {
          _enough_application_adopt_store (job->app, store);
        }
      g_application_release (G_APPLICATION (job->app));
    }

  if (ok && job->recovery_key != NULL)
    enough_privacy_show_recovery_key (gtk_application_get_active_window (GTK_APPLICATION (job->app)),
                                      job->recovery_key);
  if (job->done != NULL)
    job->done (error, job->user_data);
}

static void
run (EnoughApplication *app,
     Operation          operation,
     const char        *old_passphrase,
     const char        *new_passphrase,
     EnoughPrivacyDone  done,
     gpointer           user_data)
{
  EnoughStore *store = enough_application_get_store (app);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (store != NULL);

  job = g_new0 (Job, 1);
  job->app = g_object_ref (app);
  job->operation = operation;
  job->db_path = g_strdup (enough_store_get_path (store));
  job->old_passphrase = g_strdup (old_passphrase);
  job->new_passphrase = g_strdup (new_passphrase);
  job->done = done;
  job->user_data = user_data;
  if (operation != PROTECT)
    job->file_id = enough_keyring_dup_file_id (job->db_path, NULL);
  if (operation == REMEMBER && job->file_id == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The journal has no passphrase to keep."));
      if (done != NULL)
        done (error, user_data);
      job_free (job);
      return;
    }

  /* The journal is rewritten closed: everything pending is saved first,
   * and the windows wait, insensitive, for the new one. */
  if (CLOSES (operation))
    {
      if (!_enough_application_release_store (app, &error))
        {
          if (done != NULL)
            done (error, user_data);
          job_free (job);
          return;
        }
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
        gtk_widget_set_sensitive (GTK_WIDGET (l->data), FALSE);
    }

  task = g_task_new (NULL, NULL, on_job_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

void
enough_privacy_protect (EnoughApplication *app,
                        const char        *passphrase,
                        EnoughPrivacyDone  done,
                        gpointer           user_data)
{
  run (app, PROTECT, NULL, passphrase, done, user_data);
}

void
enough_privacy_unprotect (EnoughApplication *app,
                          const char        *passphrase,
                          EnoughPrivacyDone  done,
                          gpointer           user_data)
{
  run (app, UNPROTECT, passphrase, NULL, done, user_data);
}

void
enough_privacy_change (EnoughApplication *app,
                       const char        *old_passphrase,
                       const char        *new_passphrase,
                       EnoughPrivacyDone  done,
                       gpointer           user_data)
{
  run (app, CHANGE, old_passphrase, new_passphrase, done, user_data);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_warning ("Could not save the recovery key: %s", error->message);
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  GBytes *key = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_file_replace_contents_bytes_async (file, key, NULL, FALSE,
                                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                           NULL, on_saved, NULL);
    }
  g_object_unref (chooser);
}

static void
on_save_clicked (GtkButton        *button,
                 AdwMessageDialog *dialog)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Recovery Key"), GTK_WINDOW (dialog),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Enough recovery key.txt"));
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_save_response),
                         g_bytes_ref (g_object_get_data (G_OBJECT (dialog), "key")),
                         (GClosureNotify) (void (*) (void)) g_bytes_unref, G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_print_clicked (GtkButton        *button,
                  AdwMessageDialog *dialog)
{
  GBytes *key = g_object_get_data (G_OBJECT (dialog), "key");
  gsize length = 0;
  const char *text = g_bytes_get_data (key, &length);
  g_autofree char *line = g_strndup (text, length > 0 ? length - 1 : 0);  /* without the newline */

  enough_print_recovery_key (GTK_WINDOW (dialog), line);
  memset (line, 0, strlen (line));
}

static void
on_kept_toggled (GtkCheckButton   *check,
                 AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "close", gtk_check_button_get_active (check));
}

/* Closing needs the check; Escape and the window's close do nothing
 * before it (no close response). */
static gboolean
on_close_request (GtkWindow *dialog,
                  gpointer   user_data)
{
  return !adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "close");
}

GtkWindow *
enough_privacy_show_recovery_key (GtkWindow  *parent,
                                  const char *recovery_key)
{
  AdwMessageDialog *dialog;
  GtkWidget *box, *buttons, *label, *check, *save, *print;
  g_autofree char *text = g_strdup_printf ("%s\n", recovery_key);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Keep Your Recovery Key"),
                                                       _("If you ever forget your passphrase, this key is "
                                                         "the only other way into your journal. It is shown "
                                                         "only now: write it down or save it somewhere "
                                                         "safe, away from this computer.")));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  label = gtk_label_new (recovery_key);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recovery key"), -1);
  check = gtk_check_button_new_with_mnemonic (_("I have _kept it"));
  save = gtk_button_new_with_mnemonic (_("_Save…"));
  gtk_widget_add_css_class (save, "pill");
  print = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (print, "pill");
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (buttons), print);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (box), check);
  adw_message_dialog_set_extra_child (dialog, box);

  g_object_set_data_full (G_OBJECT (dialog), "key", g_bytes_new (text, strlen (text)),
                          (GDestroyNotify) g_bytes_unref);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_response_enabled (dialog, "close", FALSE);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect (save, "clicked", G_CALLBACK (on_save_clicked), dialog);
  g_signal_connect (print, "clicked", G_CALLBACK (on_print_clicked), dialog);
  g_signal_connect (check, "toggled", G_CALLBACK (on_kept_toggled), dialog);
  g_signal_connect (dialog, "close-request", G_CALLBACK (on_close_request), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

void
enough_privacy_remember (EnoughApplication *app,
                         const char        *passphrase,
                         EnoughPrivacyDone  done,
                         gpointer           user_data)
{
  run (app, REMEMBER, passphrase, NULL, done, user_data);
}

static void
on_forgotten (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!enough_keyring_clear_finish (result, &error))
    g_message ("Could not remove the passphrase from the keyring: %s", error->message);
}

void
enough_privacy_forget (EnoughApplication *app)
{
  EnoughStore *store = enough_application_get_store (app);
  g_autofree char *file_id = NULL;

  g_settings_set_boolean (enough_application_get_settings (app), "unlock-automatically", FALSE);
  if (store != NULL && enough_keyring_is_available ())
    file_id = enough_keyring_dup_file_id (enough_store_get_path (store), NULL);
  if (file_id != NULL)
    enough_keyring_clear_async (file_id, on_forgotten, NULL);
}
