/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-preferences-window.h"
#include "enough-dates.h"
#include "enough-keyring.h"
#include "enough-privacy.h"

struct _EnoughPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesGroup  *backups_group;
  AdwPreferencesGroup  *empty_group;
  GtkLabel             *empty_label;
  GtkButton            *backup_now_button;
  GtkSwitch            *checkin_reminder_switch;
  GtkSpinButton        *checkin_hour_spin;
  GtkSpinButton        *checkin_minute_spin;
  AdwActionRow         *passphrase_row;
  GtkButton            *set_passphrase_button;
  GtkButton            *change_passphrase_button;
  GtkButton            *remove_passphrase_button;
  AdwComboRow          *lock_after_row;
  AdwActionRow         *auto_unlock_row;
  GtkSwitch            *auto_unlock_switch;
  GSettings            *settings;

  EnoughStore          *store;
  GPtrArray            *backups;  /* EnoughBackupInfo, newest first */
  GPtrArray            *rows;     /* AdwActionRow, as many as backups */
};

G_DEFINE_FINAL_TYPE (EnoughPreferencesWindow, enough_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void update_privacy (EnoughPreferencesWindow *self);

static char *
format_backup_date (const EnoughBackupInfo *info)
{
  return enough_dates_format_date_time (info->modified_at);
}

static gboolean
is_before_restore (const EnoughBackupInfo *info)
{
  g_autofree char *name = g_path_get_basename (info->path);

  return strstr (name, "-before-restore-") != NULL;
}

/* ---- Restoring ---------------------------------------------------------- */

typedef struct
{
  GApplication *app;
  GtkWindow    *preferences;
  char         *path;
  char         *date;
} Restore;

static void
restore_free (Restore *restore)
{
  g_clear_object (&restore->app);
  g_clear_object (&restore->preferences);
  g_free (restore->path);
  g_free (restore->date);
  g_free (restore);
}

/* Once the dialog is gone (it is transient for this window, which goes
 * first): the main window they belong to is replaced by the restore
 * (app.restore-backup). */
static gboolean
restore_idle (gpointer user_data)
{
  Restore *restore = user_data;

  /* It belongs to the window being replaced: unlinked first, as that one
   * is finalized before this one lets go of it. */
  gtk_window_set_transient_for (restore->preferences, NULL);
  gtk_window_destroy (restore->preferences);
  g_clear_object (&restore->preferences);

  g_action_group_activate_action (G_ACTION_GROUP (restore->app), "restore-backup",
                                  g_variant_new ("(^ays)", restore->path, restore->date));

  return G_SOURCE_REMOVE;
}

static void
on_restore_response (AdwMessageDialog        *dialog,
                     const char              *response,
                     EnoughPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "enough-backup-path");
  const char *date = g_object_get_data (G_OBJECT (dialog), "enough-backup-date");
  GtkApplication *app;
  Restore *restore;

  if (!g_str_equal (response, "restore"))
    return;

  app = gtk_window_get_application (gtk_window_get_transient_for (GTK_WINDOW (self)));
  if (app == NULL)
    return;

  restore = g_new0 (Restore, 1);
  restore->app = G_APPLICATION (g_object_ref (app));
  restore->preferences = g_object_ref (GTK_WINDOW (self));
  restore->path = g_strdup (path);
  restore->date = g_strdup (date);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_idle, restore, (GDestroyNotify) restore_free);
}

static void
on_restore_clicked (GtkButton               *button,
                    EnoughPreferencesWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "enough-backup-index"));
  const EnoughBackupInfo *info;
  g_autofree char *date = NULL;
  AdwMessageDialog *dialog;

  if (self->backups == NULL || index >= self->backups->len)
    return;
  info = g_ptr_array_index (self->backups, index);
  date = format_backup_date (info);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Go Back to This Backup?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: %s is the date and time of the backup */
                                  _("Your journal will be as it was on %s. What it holds now "
                                    "is first kept as a backup, so you can come back to it."),
                                  date);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "restore", _("_Restore"));
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "enough-backup-path", g_strdup (info->path), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "enough-backup-date", g_steal_pointer (&date), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self,
                           G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The list ----------------------------------------------------------- */

static void
refill (EnoughPreferencesWindow *self)
{
  g_autofree char *db_path = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->backups_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->backups, g_ptr_array_unref);

  if (self->store == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->backups_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_group), TRUE);
      gtk_label_set_label (self->empty_label,
                           _("Your journal is not open, so there are no backups to show. "
                             "Restart Enough to try again."));
      return;
    }

  db_path = g_strdup (enough_store_get_path (self->store));
  self->backups = enough_store_list_backups (db_path, &error);
  if (self->backups == NULL)
    {
      g_warning ("Could not list the backups: %s", error->message);
      self->backups = g_ptr_array_new_with_free_func ((GDestroyNotify) enough_backup_info_free);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_group), self->backups->len == 0);

  for (guint i = 0; i < self->backups->len; i++)
    {
      const EnoughBackupInfo *info = g_ptr_array_index (self->backups, i);
      g_autofree char *date = format_backup_date (info);
      g_autofree char *size = g_format_size ((guint64) MAX (info->size, 0));
      g_autofree char *subtitle = NULL;
      g_autofree char *button_label = NULL;
      GtkWidget *row, *button;

      if (is_before_restore (info))
        /* Translators: %s is a file size, e.g. "1.2 MB" */
        subtitle = g_strdup_printf (_("Kept before a restore, %s"), size);
      else
        subtitle = g_strdup (size);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      button = gtk_button_new_with_mnemonic (_("_Restore"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* Translators: %s is the date and time of the backup */
      button_label = g_strdup_printf (_("Restore the backup of %s"), date);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                      -1);
      g_object_set_data (G_OBJECT (button), "enough-backup-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked), self,
                               G_CONNECT_DEFAULT);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (self->backups_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_backup_now_clicked (EnoughPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  /* A copy through SQLite's backup API: quick even for a large journal. */
  if (!enough_store_backup_now (self->store, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        /* Translators: %s says why */
                                        adw_toast_new_format (_("Could not make a backup: %s"),
                                                              error->message));
      return;
    }

  refill (self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Backup made")));
}

/* ---- Object ------------------------------------------------------------- */

EnoughPreferencesWindow *
enough_preferences_window_new (GtkWindow   *parent,
                               EnoughStore *store)
{
  EnoughPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || ENOUGH_IS_STORE (store), NULL);

  self = g_object_new (ENOUGH_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  g_set_object (&self->store, store);
  gtk_widget_set_visible (GTK_WIDGET (self->backup_now_button), store != NULL);
  refill (self);
  update_privacy (self);

  return self;
}

guint
enough_preferences_window_get_n_backups (EnoughPreferencesWindow *self)
{
  g_return_val_if_fail (ENOUGH_IS_PREFERENCES_WINDOW (self), 0);

  return self->rows->len;
}

GtkWidget *
enough_preferences_window_get_backup_row (EnoughPreferencesWindow *self,
                                          guint                    index)
{
  g_return_val_if_fail (ENOUGH_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

const char *
enough_preferences_window_get_backup_path (EnoughPreferencesWindow *self,
                                           guint                    index)
{
  const EnoughBackupInfo *info;

  g_return_val_if_fail (ENOUGH_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (self->backups != NULL && index < self->backups->len, NULL);

  info = g_ptr_array_index (self->backups, index);
  return info->path;
}

/* ---- Privacy ------------------------------------------------------------ */

static const int lock_after_minutes[] = { 0, 1, 5, 15, 60 };

static gboolean
lock_after_get (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  int minutes = g_variant_get_int32 (variant);
  guint index = 0;

  for (guint i = 0; i < G_N_ELEMENTS (lock_after_minutes); i++)
    {
      if (lock_after_minutes[i] <= minutes)
        index = i;
    }
  g_value_set_uint (value, index);
  return TRUE;
}

static GVariant *
lock_after_set (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  guint index = MIN (g_value_get_uint (value), G_N_ELEMENTS (lock_after_minutes) - 1);

  return g_variant_new_int32 (lock_after_minutes[index]);
}

static void
update_privacy (EnoughPreferencesWindow *self)
{
  gboolean encrypted = self->store != NULL && enough_store_get_encrypted (self->store);

  adw_action_row_set_subtitle (self->passphrase_row,
                               encrypted ? _("On: your journal is encrypted.") : _("Off"));
  gtk_widget_set_visible (GTK_WIDGET (self->set_passphrase_button), self->store != NULL && !encrypted);
  gtk_widget_set_visible (GTK_WIDGET (self->change_passphrase_button), encrypted);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_passphrase_button), encrypted);
  gtk_widget_set_sensitive (GTK_WIDGET (self->lock_after_row), encrypted);
  /* Built without libsecret (-Dkeyring=disabled): not offered. */
  gtk_widget_set_visible (GTK_WIDGET (self->auto_unlock_row), enough_keyring_is_available ());
  gtk_widget_set_sensitive (GTK_WIDGET (self->auto_unlock_row), encrypted);
}

/* Says what went wrong, on whichever window is there now (turning the
 * passphrase on or off replaces the windows). */
static void
show_error (const char   *heading,
            const GError *error)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  GtkWindow *window = app != NULL ? gtk_application_get_active_window (app) : NULL;
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_privacy_done (const GError *error,
                 gpointer      user_data)
{
  if (error != NULL)
    show_error (_("The Passphrase Was Not Changed"), error);
}

static void
on_remember_done (const GError *error,
                  gpointer      user_data)
{
  if (error != NULL)
    show_error (_("The Passphrase Was Not Kept"), error);
}

static GtkEntry *
add_entry (GtkBox     *box,
           const char *label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (box, entry);
  return GTK_ENTRY (entry);
}

static const char *
entry_text (AdwMessageDialog *dialog,
            const char       *name)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), name);

  return entry != NULL ? gtk_editable_get_text (entry) : NULL;
}

/* The new passphrase, twice and the same, and the old one if asked. */
static void
check_entries (AdwMessageDialog *dialog)
{
  const char *new1, *new2, *old;

  /* The entries empty themselves while going. */
  if (gtk_widget_in_destruction (GTK_WIDGET (dialog)))
    return;
  new1 = entry_text (dialog, "new");
  new2 = entry_text (dialog, "repeat");
  old = entry_text (dialog, "old");
  adw_message_dialog_set_response_enabled (dialog, "apply",
                                           (old == NULL || *old != '\0') &&
                                           (new1 == NULL || (*new1 != '\0' && g_strcmp0 (new1, new2) == 0)));
}

static void
on_passphrase_response (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  EnoughApplication *app = ENOUGH_APPLICATION (g_application_get_default ());
  const char *old = entry_text (dialog, "old"), *new1 = entry_text (dialog, "new");

  if (g_strcmp0 (response, "apply") != 0)
    return;
  if (g_object_get_data (G_OBJECT (dialog), "remember") != NULL)
    enough_privacy_remember (app, old, on_remember_done, NULL);
  else if (old == NULL)
    enough_privacy_protect (app, new1, on_privacy_done, NULL);
  else if (new1 == NULL)
    enough_privacy_unprotect (app, old, on_privacy_done, NULL);
  else
    enough_privacy_change (app, old, new1, on_privacy_done, NULL);
}

static AdwMessageDialog *
passphrase_dialog (EnoughPreferencesWindow *self,
                   const char              *heading,
                   const char              *body,
                   const char              *apply,
                   gboolean                 ask_old,
                   gboolean                 ask_new)
{
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkEntry *first = NULL;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  if (ask_old)
    {
      first = add_entry (GTK_BOX (box), ask_new ? _("Current passphrase") : _("Passphrase"));
      g_object_set_data (G_OBJECT (dialog), "old", first);
    }
  if (ask_new)
    {
      GtkEntry *new1 = add_entry (GTK_BOX (box), _("New passphrase"));

      g_object_set_data (G_OBJECT (dialog), "new", new1);
      g_object_set_data (G_OBJECT (dialog), "repeat", add_entry (GTK_BOX (box), _("Repeat the new passphrase")));
      if (first == NULL)
        first = new1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    g_signal_connect_object (child, "changed", G_CALLBACK (check_entries), dialog, G_CONNECT_SWAPPED);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "apply", apply);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");
  check_entries (dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_passphrase_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return dialog;
}

static void
on_set_passphrase_clicked (EnoughPreferencesWindow *self)
{
  passphrase_dialog (self, _("Protect with a Passphrase"),
                     _("Choose a passphrase you will remember. Enough then shows a recovery "
                       "key, once: the only other way in if you forget it."),
                     _("_Protect"), FALSE, TRUE);
}

static void
on_change_passphrase_clicked (EnoughPreferencesWindow *self)
{
  passphrase_dialog (self, _("Change the Passphrase"), NULL, _("C_hange"), TRUE, TRUE);
}

static void
on_remove_passphrase_clicked (EnoughPreferencesWindow *self)
{
  passphrase_dialog (self, _("Turn Off the Passphrase"),
                     _("Your journal will be stored unencrypted on this computer again."),
                     _("_Turn Off"), TRUE, FALSE);
}

/* On: the passphrase first (checked, then kept; the setting, which the
 * switch follows, turns on then). Off: nothing kept any more. */
static void
on_auto_unlock_active (EnoughPreferencesWindow *self)
{
  gboolean active = gtk_switch_get_active (self->auto_unlock_switch);
  gboolean kept = g_settings_get_boolean (self->settings, "unlock-automatically");
  AdwMessageDialog *dialog;

  if (active == kept)
    return;
  if (!active)
    {
      enough_privacy_forget (ENOUGH_APPLICATION (g_application_get_default ()));
      return;
    }
  gtk_switch_set_active (self->auto_unlock_switch, FALSE);
  dialog = passphrase_dialog (self, _("Unlock Automatically"),
                              _("Type your passphrase once more: your keyring keeps it, and Enough "
                                "opens without asking when it starts."),
                              _("_Keep It"), TRUE, FALSE);
  g_object_set_data (G_OBJECT (dialog), "remember", GINT_TO_POINTER (TRUE));
}

static void
enough_preferences_window_dispose (GObject *object)
{
  EnoughPreferencesWindow *self = ENOUGH_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->backups, g_ptr_array_unref);

  G_OBJECT_CLASS (enough_preferences_window_parent_class)->dispose (object);
}

static void
enough_preferences_window_finalize (GObject *object)
{
  EnoughPreferencesWindow *self = ENOUGH_PREFERENCES_WINDOW (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (enough_preferences_window_parent_class)->finalize (object);
}

static void
enough_preferences_window_class_init (EnoughPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_preferences_window_dispose;
  object_class->finalize = enough_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/preferences/enough-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EnoughPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, EnoughPreferencesWindow, empty_group);
  gtk_widget_class_bind_template_child (widget_class, EnoughPreferencesWindow, empty_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughPreferencesWindow, backup_now_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughPreferencesWindow, checkin_reminder_switch);
  gtk_widget_class_bind_template_child (widget_class, EnoughPreferencesWindow, checkin_hour_spin);
  gtk_widget_class_bind_template_child (widget_class, EnoughPreferencesWindow, checkin_minute_spin);
  gtk_widget_class_bind_template_child (widget_class, EnoughPreferencesWindow, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, EnoughPreferencesWindow, set_passphrase_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughPreferencesWindow, change_passphrase_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughPreferencesWindow, remove_passphrase_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughPreferencesWindow, lock_after_row);
  gtk_widget_class_bind_template_child (widget_class, EnoughPreferencesWindow, auto_unlock_row);
  gtk_widget_class_bind_template_child (widget_class, EnoughPreferencesWindow, auto_unlock_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_auto_unlock_active);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_now_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_set_passphrase_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_change_passphrase_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_passphrase_clicked);
}

static void
enough_preferences_window_init (EnoughPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();

  /* The application follows these keys (the reminder and the autostart). */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "checkin-reminder", self->checkin_reminder_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "checkin-reminder-hour",
                   gtk_spin_button_get_adjustment (self->checkin_hour_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "checkin-reminder-minute",
                   gtk_spin_button_get_adjustment (self->checkin_minute_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "lock-after-minutes", self->lock_after_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, lock_after_get, lock_after_set, NULL, NULL);
  /* Read only: turning it on asks for the passphrase first. */
  g_settings_bind (self->settings, "unlock-automatically", self->auto_unlock_switch, "active",
                   G_SETTINGS_BIND_GET);
}
