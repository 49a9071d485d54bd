/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gstdio.h>

#include "enough-crypt-key.h"
#include "enough-gui-test-utils.h"
#include "enough-lock-test-utils.h"
#include "enough-keyring.h"
#include "enough-lock-window.h"
#include "enough-preferences-window.h"
#include "enough-store.h"
#include "enough-test-utils.h"

/* "Unlock automatically on this computer" against a real secret service:
 * gnome-keyring-daemon (secrets only, its login keyring unlocked with a
 * password on stdin) on the test's private D-Bus session, its files in a
 * folder of the test's own. The tests skip, saying why, only when that
 * service cannot start. */

#define PASSPHRASE "correct horse"
#define NEW_PASSPHRASE "new horse"

typedef struct
{
  char *data_dir;
  char *db_path;
} Fixture;

static GSubprocess *keyring_daemon;
static char        *keyring_dir;
static char        *keyring_skip;  /* why the service is not there, or NULL */
static gboolean     keyring_exited;

static void
on_keyring_exited (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  keyring_exited = TRUE;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = NULL;
  g_autofree char *recovery_key = NULL;

  fixture->data_dir = enough_test_begin ();
  fixture->db_path = g_build_filename (fixture->data_dir, "journal.db", NULL);
  _enough_crypt_set_kdf_params (1, 64);
  _enough_lock_window_set_wait_unit_ms (50);
  store = enough_store_open (fixture->db_path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (enough_store_close (store, &error));
  g_assert_true (enough_store_encrypt (fixture->db_path, PASSPHRASE, &recovery_key, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_end (&fixture->data_dir);
  g_clear_pointer (&fixture->db_path, g_free);
}

static void
unlock_with (EnoughApplication *app,
             const char        *text)
{
  EnoughLockWindow *lock_window = enough_lock_test_get_lock_window (app);
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (lock_window));

  /* What Enter does in the focused passphrase field. */
  g_assert_true (GTK_IS_TEXT (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), text);
  g_signal_emit_by_name (focus, "activate");
  g_assert_true (enough_test_wait_until (enough_lock_test_app_unlocked, app, 60));
  enough_test_drain_main_context ();
}

static GtkWindow *
open_preferences (EnoughApplication *app)
{
  GtkWindow *prefs;

  gtk_widget_activate_action (GTK_WIDGET (enough_lock_test_get_main_window (app)), "win.preferences", NULL);
  enough_test_drain_main_context ();
  prefs = enough_test_find_window_of_type (ENOUGH_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  return prefs;
}

static void
close_preferences (void)
{
  gtk_window_destroy (enough_test_find_window_of_type (ENOUGH_TYPE_PREFERENCES_WINDOW));
  enough_test_drain_main_context ();
}

typedef struct
{
  gboolean  done;
  char     *passphrase;
} Lookup;

static void
on_lookup (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr(GError) error = NULL;

  lookup->passphrase = enough_keyring_lookup_finish (result, &error);
  g_assert_no_error (error);
  lookup->done = TRUE;
}

static gboolean
lookup_done (gpointer data)
{
  return ((Lookup *) data)->done;
}

/* What the keyring keeps for the journal now (NULL: nothing). */
static char *
kept (const char *file_id)
{
  Lookup lookup = { FALSE, NULL };

  enough_keyring_lookup_async (file_id, on_lookup, &lookup);
  g_assert_true (enough_test_wait_until (lookup_done, &lookup, 60));
  return lookup.passphrase;
}

typedef struct
{
  const char *file_id;
  const char *expected;
} Expect;

/* The keyring follows in the background: waits (bounded) for @expected. */
static gboolean
keeps (gpointer data)
{
  Expect *expect = data;
  g_autofree char *now = kept (expect->file_id);

  return g_strcmp0 (now, expect->expected) == 0;
}

static void
wait_kept (const char *file_id,
           const char *expected)
{
  Expect expect = { file_id, expected };

  g_assert_true (enough_test_wait_until (keeps, &expect, 60));
}

static gboolean
setting_is (gpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_boolean (settings, "unlock-automatically") == GPOINTER_TO_INT (data);
}

static gboolean
is_auto_unlock_row (GtkWidget     *widget,
                    gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                    "_Unlock Automatically on This Computer") == 0;
}

/* The row's switch, which its title and its click turn. */
static GtkSwitch *
find_switch (GtkWindow *prefs)
{
  GtkWidget *row = enough_test_find_first (GTK_WIDGET (prefs), is_auto_unlock_row, NULL);
  GtkWidget *widget;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  widget = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  g_assert_true (GTK_IS_SWITCH (widget));
  g_assert_true (gtk_widget_is_ancestor (widget, row));
  return GTK_SWITCH (widget);
}

/* Turns the switch on and answers its passphrase dialog with @passphrase. */
static void
switch_on (EnoughApplication *app,
           const char        *passphrase)
{
  GtkWindow *prefs = open_preferences (app);
  GtkSwitch *toggle = find_switch (prefs);
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (toggle)));
  g_assert_false (gtk_switch_get_active (toggle));
  gtk_switch_set_active (toggle, TRUE);
  g_assert_true (enough_test_wait_until (enough_lock_test_has_dialog, (gpointer) "Unlock Automatically", 30));
  /* Not on before the passphrase is kept. */
  g_assert_false (gtk_switch_get_active (toggle));
  dialog = ADW_MESSAGE_DIALOG (enough_lock_test_find_dialog ("Unlock Automatically"));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "old"), passphrase);
  adw_message_dialog_response (dialog, "apply");
}

static void
on_body (Fixture           *fixture,
         EnoughApplication *app)
{
  g_autofree char *file_id = NULL;
  g_autofree char *none = NULL;
  GtkWindow *prefs;

  unlock_with (app, PASSPHRASE);
  file_id = enough_keyring_dup_file_id (NULL, NULL);
  g_assert_nonnull (file_id);
  g_assert_cmpuint (strlen (file_id), ==, 32);
  none = kept (file_id);
  g_assert_null (none);

  /* A wrong passphrase is not kept. */
  switch_on (app, "not it");
  g_assert_true (enough_test_wait_until (enough_lock_test_has_dialog, (gpointer) "The Passphrase Was Not Kept", 60));
  gtk_window_destroy (enough_lock_test_find_dialog ("The Passphrase Was Not Kept"));
  g_assert_true (setting_is (GINT_TO_POINTER (FALSE)));
  none = (g_free (none), kept (file_id));
  g_assert_null (none);
  close_preferences ();

  /* The right one is, and the switch is on. */
  switch_on (app, PASSPHRASE);
  g_assert_true (enough_test_wait_until (setting_is, GINT_TO_POINTER (TRUE), 60));
  wait_kept (file_id, PASSPHRASE);
  prefs = enough_test_find_window_of_type (ENOUGH_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_switch_get_active (find_switch (prefs)));

  /* Off: nothing kept. */
  gtk_switch_set_active (find_switch (prefs), FALSE);
  g_assert_true (setting_is (GINT_TO_POINTER (FALSE)));
  wait_kept (file_id, NULL);
  close_preferences ();

  /* On again, for the next start. */
  switch_on (app, PASSPHRASE);
  g_assert_true (enough_test_wait_until (setting_is, GINT_TO_POINTER (TRUE), 60));
  wait_kept (file_id, PASSPHRASE);
  close_preferences ();
}

static void
next_start_body (Fixture           *fixture,
                 EnoughApplication *app)
{
  g_autofree char *file_id = enough_keyring_dup_file_id (NULL, NULL);
  AdwMessageDialog *dialog;
  GtkWindow *prefs;

  /* Found locked at start: the kept passphrase opens it. */
  g_assert_true (enough_test_wait_until (enough_lock_test_app_unlocked, app, 60));
  enough_test_drain_main_context ();
  g_assert_nonnull (enough_window_get_store (enough_lock_test_get_main_window (app)));

  /* Locked by the user: the keyring does not open it again. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "lock", NULL);
  enough_test_drain_main_context ();
  g_assert_true (enough_application_is_locked (app));
  {
    EnoughLockWindow *lock_window = enough_lock_test_get_lock_window (app);

    g_assert_false (enough_lock_window_get_busy (lock_window));
  }
  unlock_with (app, PASSPHRASE);

  /* A new passphrase: the keyring keeps the new one. */
  prefs = open_preferences (app);
  g_signal_emit_by_name (enough_test_find_descendant (GTK_WIDGET (prefs), GTK_TYPE_BUTTON, "_Change…"), "clicked");
  g_assert_true (enough_test_wait_until (enough_lock_test_has_dialog, (gpointer) "Change the Passphrase", 30));
  dialog = ADW_MESSAGE_DIALOG (enough_lock_test_find_dialog ("Change the Passphrase"));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "old"), PASSPHRASE);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "new"), NEW_PASSPHRASE);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "repeat"), NEW_PASSPHRASE);
  adw_message_dialog_response (dialog, "apply");
  wait_kept (file_id, NEW_PASSPHRASE);
  close_preferences ();

  /* No passphrase any more: nothing kept, and the setting off. */
  prefs = open_preferences (app);
  g_signal_emit_by_name (enough_test_find_descendant (GTK_WIDGET (prefs), GTK_TYPE_BUTTON, "_Turn Off…"), "clicked");
  g_assert_true (enough_test_wait_until (enough_lock_test_has_dialog, (gpointer) "Turn Off the Passphrase", 30));
  dialog = ADW_MESSAGE_DIALOG (enough_lock_test_find_dialog ("Turn Off the Passphrase"));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "old"), NEW_PASSPHRASE);
  adw_message_dialog_response (dialog, "apply");
  g_assert_true (enough_test_wait_until (enough_lock_test_store_plain, app, 60));
  g_assert_true (setting_is (GINT_TO_POINTER (FALSE)));
  wait_kept (file_id, NULL);
}

static void
test_keyring (Fixture       *fixture,
              gconstpointer  data)
{
  if (!enough_keyring_is_available ())
    {
      g_test_skip ("Built without libsecret (-Dkeyring=disabled): nothing to test");
      return;
    }
  if (keyring_skip != NULL)
    {
      g_test_skip (keyring_skip);
      return;
    }
  enough_lock_test_run_app (fixture, (EnoughLockTestBody) on_body);
  enough_lock_test_run_app (fixture, (EnoughLockTestBody) next_start_body);
}

static gboolean
secrets_on_bus (gpointer data)
{
  GDBusConnection *bus = data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", "NameHasOwner",
                                                           g_variant_new ("(s)", "org.freedesktop.secrets"),
                                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                                           -1, NULL, NULL);
  gboolean owned = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned || keyring_exited;
}

/* gnome-keyring-daemon on this session bus, its keyrings in a folder of
 * ours; sets keyring_skip when it cannot start. */
static void
start_keyring (GTestDBus *test_bus)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *run_dir = NULL;
  g_autofree char *program = g_find_program_in_path ("gnome-keyring-daemon");
  GOutputStream *in;

  if (program == NULL)
    {
      keyring_skip = g_strdup ("gnome-keyring-daemon is not installed (build-aux/setup.sh installs it)");
      return;
    }
  keyring_dir = g_dir_make_tmp ("enough-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  run_dir = g_build_filename (keyring_dir, "run", NULL);
  g_assert_cmpint (g_mkdir (run_dir, 0700), ==, 0);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", g_test_dbus_get_bus_address (test_bus), TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", keyring_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", keyring_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", run_dir, TRUE);
  keyring_daemon = g_subprocess_launcher_spawn (launcher, &error, program, "--foreground",
                                                "--components=secrets", "--unlock", NULL);
  if (keyring_daemon == NULL)
    {
      keyring_skip = g_strdup_printf ("gnome-keyring-daemon did not start: %s", error->message);
      return;
    }
  g_subprocess_wait_async (keyring_daemon, NULL, on_keyring_exited, NULL);
  /* The login keyring's password, then end of input. */
  in = g_subprocess_get_stdin_pipe (keyring_daemon);
  g_assert_true (g_output_stream_write_all (in, "test", 4, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (in, NULL, NULL));

  bus = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (test_bus),
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, &error);
  g_assert_no_error (error);
  if (!enough_test_wait_until (secrets_on_bus, bus, 60) || keyring_exited)
    keyring_skip = g_strdup ("gnome-keyring-daemon did not offer org.freedesktop.secrets on the test's D-Bus session");
}

static void
stop_keyring (void)
{
  if (keyring_daemon != NULL && !keyring_exited)
    {
      g_subprocess_send_signal (keyring_daemon, SIGTERM);
      g_subprocess_wait (keyring_daemon, NULL, NULL);
    }
  g_clear_object (&keyring_daemon);
  if (keyring_dir != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", keyring_dir);

      g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
    }
  g_clear_pointer (&keyring_dir, g_free);
  g_clear_pointer (&keyring_skip, g_free);
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *test_bus;
  int status;

  /* A private session bus: our secret service, nobody else's keyring. */
  test_bus = enough_test_private_bus_up ();

  enough_test_gui_init (&argc, &argv);
  start_keyring (test_bus);

  g_test_add ("/lock-keyring/on-off-change-off", Fixture, NULL, fixture_setup, test_keyring, fixture_teardown);

  status = g_test_run ();
  stop_keyring ();
  /* Stop, not down: GTK keeps the shared session connection to the end. */
  g_test_dbus_stop (test_bus);
  return status;
}
