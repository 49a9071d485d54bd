/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-application.h"
#include "enough-autostart.h"
#include "enough-checkin-page.h"
#include "enough-command-line.h"
#include "enough-help-window.h"
#include "enough-idle-lock.h"
#include "enough-experiment-page.h"
#include "enough-welcome-window.h"
#include "enough-letter-page.h"
#include "enough-limits.h"
#include "enough-lock-controller.h"
#include "enough-lock-window.h"
#include "enough-window.h"

struct _EnoughApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;

  /* The journal, open from startup to shutdown; NULL with store_error set
   * when it could not be opened (the window then says why). */
  EnoughStore    *store;
  GError         *store_error;

  EnoughIdleLock  *idle_lock;
  /* Reread reminders for letters; checked at start-up and while running. */
  EnoughReminders *reminders;

  /* Whether it is locked, the lock window, app.lock (from startup on). */
  EnoughLockController *lock;

  /* --background: the first activation shows no window, the app stays
   * (held) for its reminders. */
  gboolean        start_hidden;
  gboolean        held;
};

G_DEFINE_FINAL_TYPE (EnoughApplication, enough_application, ADW_TYPE_APPLICATION)

EnoughApplication *
enough_application_new (const char        *application_id,
                        GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  /* The resource path is fixed so tests may use another application id. */
  return g_object_new (ENOUGH_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

GSettings *
enough_application_get_settings (EnoughApplication *self)
{
  g_return_val_if_fail (ENOUGH_IS_APPLICATION (self), NULL);

  return self->settings;
}

EnoughStore *
enough_application_get_store (EnoughApplication *self)
{
  g_return_val_if_fail (ENOUGH_IS_APPLICATION (self), NULL);

  return self->store;
}

const GError *
enough_application_get_store_error (EnoughApplication *self)
{
  g_return_val_if_fail (ENOUGH_IS_APPLICATION (self), NULL);

  return self->store_error;
}

EnoughReminders *
enough_application_get_reminders (EnoughApplication *self)
{
  g_return_val_if_fail (ENOUGH_IS_APPLICATION (self), NULL);

  return self->reminders;
}

/* The daily check-in reminder follows its settings. */
static void
apply_checkin_reminder (EnoughApplication *self)
{
  int minutes = -1;

  if (self->reminders == NULL)
    return;
  if (g_settings_get_boolean (self->settings, "checkin-reminder"))
    minutes = g_settings_get_int (self->settings, "checkin-reminder-hour") * 60 +
              g_settings_get_int (self->settings, "checkin-reminder-minute");
  enough_reminders_set_checkin_time (self->reminders, minutes);
}

static void
on_checkin_reminder_changed (EnoughApplication *self,
                             const char        *key)
{
  apply_checkin_reminder (self);
  /* Turning it on starts Enough hidden at login (so the reminder comes
   * while it is closed); turning it off removes that again. */
  if (g_strcmp0 (key, "checkin-reminder") == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!enough_autostart_set (g_settings_get_boolean (self->settings, key), &error))
        g_warning ("Could not change the autostart: %s", error->message);
    }
}

/* Hands the reminders to a new window's letter page and starts checking:
 * the first check catches rereads that fell due while the app was closed. */
static void
enough_application_start_reminders (EnoughApplication *self,
                                    GtkWindow         *window)
{
  if (self->reminders == NULL && self->store != NULL)
    {
      self->reminders = enough_reminders_new (G_APPLICATION (self), self->store);
      apply_checkin_reminder (self);
    }
  if (self->reminders == NULL || !ENOUGH_IS_WINDOW (window))
    {
      /* In the background (no window): still checking. */
      if (self->reminders != NULL)
        enough_reminders_start (self->reminders);
      return;
    }

  /* Not through enough_window_get_page(): the page keeps its store for
   * when it is shown. */
  enough_letter_page_set_reminders (ENOUGH_LETTER_PAGE (adw_view_stack_get_child_by_name (enough_window_get_stack (ENOUGH_WINDOW (window)),
                                                                                          "letters")),
                                    self->reminders);
  enough_experiment_page_set_reminders (ENOUGH_EXPERIMENT_PAGE (adw_view_stack_get_child_by_name (enough_window_get_stack (ENOUGH_WINDOW (window)),
                                                                                                  "experiments")),
                                        self->reminders);
  enough_reminders_start (self->reminders);
}

static void enough_application_offer_recovery (EnoughApplication *self, GtkWindow *parent);

/* The one place that says whether the journal is locked. Everything that
 * shows the journal at another process's request (activation over D-Bus,
 * app.open-letter, app.edit-letter) asks here first and shows nothing
 * while it is. */
gboolean
enough_application_is_locked (EnoughApplication *self)
{
  g_return_val_if_fail (ENOUGH_IS_APPLICATION (self), FALSE);

  return self->lock != NULL && enough_lock_controller_is_locked (self->lock);
}

gpointer
_enough_application_get_idle_lock (EnoughApplication *self)
{
  return self->idle_lock;
}

gpointer
_enough_application_get_lock (EnoughApplication *self)
{
  return self->lock;
}

void
_enough_application_set_locked_for_tests (EnoughApplication *self,
                                          gboolean           locked)
{
  g_return_if_fail (ENOUGH_IS_APPLICATION (self));
  g_return_if_fail (self->lock != NULL);

  _enough_lock_controller_set_locked_for_tests (self->lock, locked);
}

/* A newly opened journal: a new window, on the page that was open, in
 * place of every other window. */
void
_enough_application_adopt_store (EnoughApplication *self,
                                 EnoughStore       *store)
{
  g_autoptr(GList) windows = NULL;
  g_autofree char *page = NULL;
  GtkWindow *window;

  g_return_if_fail (ENOUGH_IS_APPLICATION (self));
  g_return_if_fail (self->store == NULL);

  g_clear_error (&self->store_error);
  self->store = store;
  page = enough_lock_controller_unlocked (self->lock);
  /* Held: destroying one destroys its dialogs too. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              (GCopyFunc) g_object_ref, NULL);
  window = GTK_WINDOW (enough_window_new (self, self->store));
  if (page != NULL)
    enough_window_show_page (ENOUGH_WINDOW (window), page);
  gtk_window_present (window);
  enough_application_start_reminders (self, window);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free_full (g_steal_pointer (&windows), g_object_unref);
  /* A reminder's action that came while locked. */
  enough_lock_controller_run_deferred (self->lock);
}

/* Stops the reminders and closes the journal, wiping its key; the words
 * were written just before (a failure here can only be warned about). */
void
_enough_application_close_store (EnoughApplication *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ENOUGH_IS_APPLICATION (self));

  if (self->reminders != NULL)
    enough_reminders_stop (self->reminders);
  g_clear_object (&self->reminders);
  if (self->store != NULL && !enough_store_close (self->store, &error))
    g_warning ("Could not save the journal while closing it: %s", error->message);
  g_clear_object (&self->store);
  enough_lock_controller_update_action (self->lock);
}

/* Writes every pending change and closes the journal (wiping its key),
 * remembering the page that was open; the windows still hold the closed
 * store until they are replaced. FALSE, with everything kept as it was,
 * if the words cannot be written. */
gboolean
_enough_application_release_store (EnoughApplication  *self,
                                   GError            **error)
{
  g_return_val_if_fail (ENOUGH_IS_APPLICATION (self), FALSE);

  if (self->store == NULL)
    return TRUE;
  if (!enough_store_flush (self->store, error))
    return FALSE;
  enough_lock_controller_remember_page (self->lock);
  _enough_application_close_store (self);
  return TRUE;
}

gboolean
enough_application_lock (EnoughApplication  *self,
                         GError            **error)
{
  g_return_val_if_fail (ENOUGH_IS_APPLICATION (self), FALSE);

  return enough_lock_controller_lock (self->lock, error);
}

/* Replaces the window (whose store is construct-only) once a journal could
 * be opened after all. The new one is shown first so the app never runs out
 * of windows, which would make it quit. */
static void
enough_application_reopen (EnoughApplication *self,
                           GtkWindow         *old_window)
{
  GtkWindow *window;

  g_clear_error (&self->store_error);
  self->store = enough_store_open (NULL, ENOUGH_STORE_OPEN_DEFAULT, &self->store_error);

  window = GTK_WINDOW (enough_window_new (self, self->store));
  gtk_window_present (window);
  if (old_window != NULL)
    gtk_window_destroy (old_window);
  enough_application_start_reminders (self, window);

  if (self->store == NULL)
    enough_application_offer_recovery (self, window);
}

gboolean
enough_application_restore_backup (EnoughApplication  *self,
                                   const char         *backup_path,
                                   GError            **error)
{
  g_autofree char *db_path = enough_store_get_default_path ();
  GtkWindow *old_window = NULL;
  gboolean restored;

  g_return_val_if_fail (ENOUGH_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (ENOUGH_IS_WINDOW (l->data))
        {
          old_window = l->data;
          break;
        }
    }

  if (self->store != NULL)
    {
      /* Words that cannot be written would be lost by closing: then the
       * journal stays as it is. */
      if (!enough_store_flush (self->store, error))
        return FALSE;

      /* The reminders and the window hold the old store; new ones come
       * with the reopened journal. */
      if (self->reminders != NULL)
        enough_reminders_stop (self->reminders);
      g_clear_object (&self->reminders);
      if (!enough_store_close (self->store, error))
        {
          /* Unusable now: open it again, untouched. */
          g_clear_object (&self->store);
          enough_application_reopen (self, old_window);
          return FALSE;
        }
      g_clear_object (&self->store);
    }

  /* The store keeps the current journal as a backup before copying. */
  restored = enough_store_restore_backup (db_path, backup_path, error);

  /* Either way the journal is reopened: restored, or as it was. */
  enough_application_reopen (self, old_window);

  return restored;
}

typedef struct
{
  EnoughApplication *self;
  GtkWindow         *window;
  char              *response;
} Recovery;

static void
recovery_free (Recovery *recovery)
{
  g_object_unref (recovery->self);
  g_object_unref (recovery->window);
  g_free (recovery->response);
  g_free (recovery);
}

static gboolean
recover_idle (gpointer user_data)
{
  Recovery *recovery = user_data;
  EnoughApplication *self = recovery->self;
  GtkWindow *window = recovery->window;
  g_autofree char *db_path = enough_store_get_default_path ();
  g_autoptr(GError) error = NULL;

  if (g_str_equal (recovery->response, "restore"))
    {
      g_autoptr(GPtrArray) backups = enough_store_list_backups (db_path, NULL);
      const EnoughBackupInfo *newest = backups != NULL && backups->len > 0 ?
                                       g_ptr_array_index (backups, 0) : NULL;

      /* The store keeps the damaged file aside itself before restoring. */
      if (newest == NULL || !enough_store_restore_backup (db_path, newest->path, &error))
        {
          g_warning ("Could not restore the backup: %s",
                     error != NULL ? error->message : "no backup");
          enough_application_offer_recovery (self, window);
        }
      else
        {
          enough_application_reopen (self, window);
        }
    }
  else if (g_str_equal (recovery->response, "fresh"))
    {
      g_autofree char *aside = NULL;

      /* Never deleted: renamed with a timestamp, so nothing is lost. */
      if (g_file_test (db_path, G_FILE_TEST_EXISTS))
        aside = enough_store_set_aside (db_path, &error);
      /* The old journal's backups would otherwise age out within a week
       * of the new one's daily backups. */
      if (error == NULL && !enough_store_keep_backups_apart (db_path, &error))
        {
          g_warning ("Could not keep the old journal's backups apart: %s", error->message);
          g_clear_error (&error);
        }

      if (error != NULL)
        {
          g_warning ("Could not set the journal aside: %s", error->message);
          enough_application_offer_recovery (self, window);
        }
      else
        {
          enough_application_reopen (self, window);
        }
    }
  else
    {
      g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
    }

  return G_SOURCE_REMOVE;
}

/* The work happens once the dialog is gone: it is transient for the window
 * that a successful recovery replaces. */
static void
on_recovery_response (AdwMessageDialog  *dialog,
                      const char        *response,
                      EnoughApplication *self)
{
  Recovery *recovery = g_new0 (Recovery, 1);

  recovery->self = g_object_ref (self);
  recovery->window = g_object_ref (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  recovery->response = g_strdup (response);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, recover_idle, recovery,
                   (GDestroyNotify) recovery_free);
}

/* The journal could not be opened: say what happened, in plain words, and
 * offer the ways forward. The damaged file is never touched without asking. */
static void
enough_application_offer_recovery (EnoughApplication *self,
                                   GtkWindow         *parent)
{
  g_autofree char *db_path = enough_store_get_default_path ();
  g_autoptr(GPtrArray) backups = enough_store_list_backups (db_path, NULL);
  AdwMessageDialog *dialog;
  const char *heading;

  /* An encrypted journal is not damaged: nothing to restore or set
   * aside, only the lock window to open it. */
  if (g_error_matches (self->store_error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_ENCRYPTED))
    {
      enough_lock_controller_show (self->lock);
      if (parent != NULL && !ENOUGH_IS_LOCK_WINDOW (parent))
        gtk_window_destroy (parent);
      return;
    }
  if (g_error_matches (self->store_error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NEWER_VERSION))
    heading = _("Your Journal Needs a Newer Enough");
  else if (g_error_matches (self->store_error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_READ_ONLY))
    heading = _("Your Journal Cannot Be Saved");
  else
    heading = _("Your Journal Could Not Be Opened");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: %s is the reason, e.g. "The file is damaged." */
                                  _("%s\n\nYou can go back to the newest backup, or start a "
                                    "fresh journal and keep the old file aside."),
                                  self->store_error->message);
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  adw_message_dialog_add_response (dialog, "fresh", _("Start _Fresh Journal"));
  if (backups != NULL && backups->len > 0)
    {
      adw_message_dialog_add_response (dialog, "restore", _("_Restore Backup"));
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "restore");
    }
  adw_message_dialog_set_close_response (dialog, "quit");

  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
enough_application_activate (GApplication *app)
{
  EnoughApplication *self = ENOUGH_APPLICATION (app);
  GtkWindow *window;

  /* Locked: the lock window is all there is to show (a second
   * instance only raises it). Started hidden at login, there is nothing
   * a locked journal could remind of. */
  if (self->lock != NULL && enough_lock_controller_is_locked (self->lock) &&
      self->store == NULL && !self->start_hidden)
    {
      enough_lock_controller_show (self->lock);
      return;
    }
  if (enough_application_is_locked (self))
    return;

  /* Started hidden (at login): no window, only the reminders. A later
   * activation (the user opening Enough, a notification) shows one. */
  if (self->start_hidden)
    {
      self->start_hidden = FALSE;
      if (!self->held)
        {
          g_application_hold (app);
          self->held = TRUE;
        }
      enough_application_start_reminders (self, NULL);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (enough_window_new (self, self->store));
      if (self->store == NULL)
        enough_application_offer_recovery (self, window);
      enough_application_start_reminders (self, window);
      gtk_window_present (window);
      /* The very first launch: what Enough is, and where help is. */
      if (self->store != NULL)
        enough_welcome_window_maybe_show (window);
      return;
    }

  gtk_window_present (window);
}

static void
enough_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  EnoughApplication *self = user_data;
  static const char *developers[] = { "The Enough developers", NULL };
  GtkWindow *parent;
  GtkWidget *about;

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Enough"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Enough developers"),
                        "version", PACKAGE_VERSION,
                        /* Translators: "in everyday moments, between the hard
                         * ones" means in ordinary times, NOT during hard
                         * moments: the app cannot help in an emergency. */
                        "comments", _("A gentle journal for recovering perfectionists.\n\n"
                                      "Enough supports you in everyday moments, between the hard ones; "
                                      "it does not replace professional help. "
                                      "If you are struggling, please reach out to a doctor, "
                                      "a therapist or someone you trust."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Enough developers",
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
enough_application_help_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  EnoughApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (enough_help_window_new (parent)));
}

static void
enough_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  EnoughApplication *self = user_data;
  GList *windows;

  /* Closed, not destroyed: a window with words it could not save asks
   * first, and quitting stops there if the user keeps it open. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              (GCopyFunc) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (ENOUGH_IS_WINDOW (l->data))
        return;
    }

  g_application_quit (G_APPLICATION (self));
}

/* The default action of a reread notification: the letter, ready to read
 * (app.open-letter), or on its steps (app.edit-letter). */
static void
enough_application_open_letter_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  EnoughApplication *self = user_data;
  gboolean reading = g_str_equal (g_action_get_name (G_ACTION (action)), "open-letter");
  GtkWindow *window;

  /* Any local process can call these over D-Bus: never a letter while
   * locked; the lock window instead, and the letter once unlocked. */
  if (enough_application_is_locked (self))
    {
      enough_lock_controller_defer (self->lock, g_action_get_name (G_ACTION (action)), parameter);
      return;
    }

  /* Activating only when there is no window yet keeps the window (and
   * whatever the user was typing) as it is. */
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }
  if (!ENOUGH_IS_WINDOW (window))
    return;
  gtk_window_present (window);

  enough_window_show_page (ENOUGH_WINDOW (window), "letters");
  if (!enough_letter_page_open_letter (ENOUGH_LETTER_PAGE (enough_window_get_page (ENOUGH_WINDOW (window), "letters")),
                                       g_variant_get_string (parameter, NULL), reading))
    g_debug ("The letter of a reminder is gone");
}

/* The experiments page, shown in the app's window (made if there is none
 * yet), or NULL. */
static EnoughExperimentPage *
show_experiments (EnoughApplication *self)
{
  GtkWindow *window;

  /* Any local process can call these over D-Bus: nothing while locked. */
  if (enough_application_is_locked (self))
    return NULL;
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }
  if (!ENOUGH_IS_WINDOW (window))
    return NULL;
  gtk_window_present (window);
  enough_window_show_page (ENOUGH_WINDOW (window), "experiments");
  return ENOUGH_EXPERIMENT_PAGE (enough_window_get_page (ENOUGH_WINDOW (window), "experiments"));
}

/* The default action of an experiment's notification: the experiment. */
static void
enough_application_open_experiment_action (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data)
{
  EnoughApplication *self = user_data;
  EnoughExperimentPage *page;

  if (enough_application_is_locked (self))
    {
      enough_lock_controller_defer (self->lock, g_action_get_name (G_ACTION (action)), parameter);
      return;
    }
  page = show_experiments (self);
  if (page != NULL &&
      !enough_experiment_page_open_experiment (page, g_variant_get_string (parameter, NULL)))
    g_debug ("The experiment of a reminder is gone");
}

/* The daily check-in reminder's action: today's card. */
static void
enough_application_open_checkin_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  EnoughApplication *self = user_data;
  GtkWindow *window;

  if (enough_application_is_locked (self))
    {
      enough_lock_controller_defer (self->lock, g_action_get_name (G_ACTION (action)), NULL);
      return;
    }
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }
  if (!ENOUGH_IS_WINDOW (window))
    return;
  gtk_window_present (window);
  enough_window_show_page (ENOUGH_WINDOW (window), "checkin");
  enough_checkin_page_open_today (ENOUGH_CHECKIN_PAGE (enough_window_get_page (ENOUGH_WINDOW (window), "checkin")));
}

/* A new experiment, its belief pre-filled with the parameter ("" for
 * none): from a critic turn's menu or the Self-Check results. */
static void
enough_application_new_experiment_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  EnoughExperimentPage *page = show_experiments (user_data);
  gsize length = 0;
  const char *text = g_variant_get_string (parameter, &length);
  g_autofree char *belief = NULL;

  if (page == NULL)
    return;
  /* Any local process can send one: within the typed text's limit, cut
   * between characters (GVariant strings are valid UTF-8). */
  if (length > ENOUGH_TEXT_MAX_BYTES)
    length = (gsize) (g_utf8_find_prev_char (text, text + ENOUGH_TEXT_MAX_BYTES + 1) - text);
  belief = g_strndup (text, length);
  enough_experiment_page_new_experiment (page, *belief != '\0' ? belief : NULL);
}

/* app.restore-backup ((path, date); the path as bytes), from the Preferences once they are
 * gone (they belong to the window that the restore replaces): says how it
 * went in the new window. */
static void
enough_application_restore_backup_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  EnoughApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *path, *date;

  g_variant_get (parameter, "(^&ays)", &path, &date);
  if (enough_application_restore_backup (self, path, &error))
    /* Translators: %s is the date and time of the backup */
    text = g_strdup_printf (_("Journal restored from %s"), date);
  else
    /* Translators: %s says why, e.g. "The backup is damaged." */
    text = g_strdup_printf (_("Could not restore the backup: %s"), error->message);

  /* Newest first: the window that replaced the old one. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (ENOUGH_IS_WINDOW (l->data))
        {
          gtk_widget_activate_action (GTK_WIDGET (l->data), "win.show-toast", "s", text);
          break;
        }
    }
}

static const GActionEntry app_actions[] = {
  { "about", enough_application_about_action },
  { "help", enough_application_help_action },
  { "quit", enough_application_quit_action },
  { "open-letter", enough_application_open_letter_action, "s" },
  { "edit-letter", enough_application_open_letter_action, "s" },
  { "open-experiment", enough_application_open_experiment_action, "s" },
  { "new-experiment", enough_application_new_experiment_action, "s" },
  { "open-checkin", enough_application_open_checkin_action },
  { "restore-backup", enough_application_restore_backup_action, "(ays)" },
};

static void
enough_application_startup (GApplication *app)
{
  EnoughApplication *self = ENOUGH_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };

  G_APPLICATION_CLASS (enough_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.print", print_accels);

  /* Opening is fast at any journal size (no full scans), so it can happen
   * here, before the first window. */
  self->store = enough_store_open (NULL, ENOUGH_STORE_OPEN_DEFAULT, &self->store_error);
  if (self->store == NULL)
    g_message ("Could not open the journal: %s", self->store_error->message);
  self->lock = enough_lock_controller_new (self);
  /* Not damaged, only locked: the lock window asks for the passphrase
   * (at the first activation). */
  if (g_error_matches (self->store_error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_ENCRYPTED))
    enough_lock_controller_mark_locked (self->lock);
  self->idle_lock = enough_idle_lock_new (self, self->settings);
}

static void
enough_application_shutdown (GApplication *app)
{
  EnoughApplication *self = ENOUGH_APPLICATION (app);

  g_clear_pointer (&self->idle_lock, enough_idle_lock_free);
  if (self->reminders != NULL)
    enough_reminders_stop (self->reminders);
  g_clear_object (&self->reminders);

  /* Writes whatever the last second of typing left pending. */
  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!enough_store_close (self->store, &error))
        g_warning ("Could not save the journal before quitting: %s", error->message);
      g_clear_object (&self->store);
    }

  G_APPLICATION_CLASS (enough_application_parent_class)->shutdown (app);
}

static void
enough_application_constructed (GObject *object)
{
  EnoughApplication *self = ENOUGH_APPLICATION (object);

  G_OBJECT_CLASS (enough_application_parent_class)->constructed (object);

  /* Always the real schema id, whatever the application id (tests use others). */
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::checkin-reminder",
                           G_CALLBACK (on_checkin_reminder_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::checkin-reminder-hour",
                           G_CALLBACK (on_checkin_reminder_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::checkin-reminder-minute",
                           G_CALLBACK (on_checkin_reminder_changed), self, G_CONNECT_SWAPPED);
}

static void
enough_application_finalize (GObject *object)
{
  EnoughApplication *self = ENOUGH_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->reminders);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->lock, enough_lock_controller_free);

  G_OBJECT_CLASS (enough_application_parent_class)->finalize (object);
}

/* --export / --import: done here, in this process, without a window. */
static int
enough_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  EnoughApplication *self = ENOUGH_APPLICATION (app);

  if (g_variant_dict_contains (options, ENOUGH_AUTOSTART_OPTION))
    {
      g_autoptr(GError) error = NULL;

      g_variant_dict_remove (options, ENOUGH_AUTOSTART_OPTION);
      /* Already running: it has its reminders; show nothing. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        return 0;
      self->start_hidden = TRUE;
    }
  return enough_command_line_run (app, options);
}

static void
enough_application_class_init (EnoughApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = enough_application_constructed;
  object_class->finalize = enough_application_finalize;

  app_class->activate = enough_application_activate;
  app_class->startup = enough_application_startup;
  app_class->shutdown = enough_application_shutdown;
  app_class->handle_local_options = enough_application_handle_local_options;
}

static void
enough_application_init (EnoughApplication *self)
{
  enough_command_line_add_options (G_APPLICATION (self));
  g_application_add_main_option (G_APPLICATION (self), ENOUGH_AUTOSTART_OPTION, 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE,
                                 _("Start hidden, only for the reminders (used at login)"), NULL);
}
