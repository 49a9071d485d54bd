/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gstdio.h>

#include "enough-crypt-key.h"
#include "enough-crypt-vfs.h"
#include "enough-gui-test-utils.h"
#include "enough-lock-test-utils.h"
#include "enough-idle-lock.h"
#include "enough-lock-controller.h"
#include "enough-locked-reminders.h"
#include "enough-lock-window.h"
#include "enough-preferences-window.h"
#include "enough-print.h"
#include "enough-store.h"
#include "enough-test-notifications.h"
#include "enough-test-utils.h"
#include "enough-entry-actions.h"

/* The lock screen: an encrypted journal opens behind it, a wrong
 * passphrase waits longer each time, locking saves and destroys every
 * widget that held journal text. */

#define PASSPHRASE "correct horse"
#define SECRET_WORD "Marmalade"
#define TYPED_WORD "Lighthouse"

typedef struct
{
  char *data_dir;
  char *db_path;
  char *recovery_key;
  char *letter_uuid;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = NULL;
  g_autoptr(EnoughLetter) letter = NULL;

  fixture->data_dir = enough_test_begin ();
  fixture->db_path = g_build_filename (fixture->data_dir, "journal.db", NULL);
  /* Tiny Argon2id costs: the unlock is quick, the path the same. */
  _enough_crypt_set_kdf_params (1, 64);
  _enough_lock_window_set_wait_unit_ms (1000);

  store = enough_store_open (fixture->db_path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  letter = enough_store_create_letter (store);
  enough_letter_set_text (letter, "Dear me, the " SECRET_WORD " was enough.");
  fixture->letter_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (letter)));
  g_assert_true (enough_store_close (store, &error));
  g_assert_no_error (error);
  if (data == NULL)
    {
      g_assert_true (enough_store_encrypt (fixture->db_path, PASSPHRASE, &fixture->recovery_key, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_end (&fixture->data_dir);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->recovery_key, g_free);
  g_clear_pointer (&fixture->letter_uuid, g_free);
}

/* The journal window, the only window of the app. */
static EnoughWindow *
get_main_window (EnoughApplication *app)
{
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  return enough_lock_test_get_main_window (app);
}

static gboolean
shows_text (GtkWidget     *widget,
            gconstpointer  data)
{
  const char *word = data;

  if (GTK_IS_LABEL (widget))
    return strstr (gtk_label_get_text (GTK_LABEL (widget)), word) != NULL;
  if (GTK_IS_EDITABLE (widget))
    return strstr (gtk_editable_get_text (GTK_EDITABLE (widget)), word) != NULL;
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      return strstr (text, word) != NULL;
    }
  return FALSE;
}

static gboolean
is_page (GtkWidget     *widget,
         gconstpointer  data)
{
  return ENOUGH_IS_PAGE (widget) || GTK_IS_LIST_VIEW (widget) || ENOUGH_IS_SEARCH_VIEW (widget);
}

/* Nothing of the journal anywhere: no page, list or search, no word. */
static void
assert_nothing_of_the_journal (EnoughApplication *app)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (enough_application_is_locked (app));
  g_assert_null (enough_application_get_store (app));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      g_assert_false (ENOUGH_IS_WINDOW (window));
      g_assert_null (enough_test_find_first (window, is_page, NULL));
      g_assert_null (enough_test_find_first (window, shows_text, SECRET_WORD));
      g_assert_null (enough_test_find_first (window, shows_text, TYPED_WORD));
    }
}

static gboolean
lock_window_idle (gpointer data)
{
  return !enough_lock_window_get_busy (data);
}

static gboolean
lock_window_waiting_over (gpointer data)
{
  return enough_lock_window_get_wait_ms (data) == 0;
}

/* Types @text in the focused entry and presses Enter there. */
static void
type_and_enter (EnoughLockWindow *lock_window,
                const char       *text)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (lock_window));

  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_TEXT (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (enough_lock_window_get_entry (lock_window))));
  gtk_editable_set_text (GTK_EDITABLE (focus), text);
  /* What Enter does in a GtkText: its "activate" signal. */
  g_signal_emit_by_name (focus, "activate");
  g_assert_true (enough_lock_window_get_busy (lock_window));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (enough_test_find_descendant (GTK_WIDGET (lock_window),
                                                                                    GTK_TYPE_SPINNER, NULL))));
  /* Held: a successful unlock destroys it. */
  g_object_ref (lock_window);
  g_assert_true (enough_test_wait_until (lock_window_idle, lock_window, 30));
  g_object_unref (lock_window);
}

static void
unlock_with (EnoughApplication *app,
             const char        *text)
{
  EnoughLockWindow *lock_window = enough_lock_test_get_lock_window (app);

  type_and_enter (lock_window, text);
  g_assert_true (enough_test_wait_until (enough_lock_test_app_unlocked, app, 30));
  enough_test_drain_main_context ();
}

static void
open_unlock_body (Fixture           *fixture,
                  EnoughApplication *app)
{
  EnoughLockWindow *lock_window = enough_lock_test_get_lock_window (app);
  g_autofree char *message = NULL;
  EnoughWindow *window;
  guint first_wait, second_wait;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (lock_window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (lock_window)), ==, "Enough");
  g_assert_nonnull (enough_test_find_first (GTK_WIDGET (lock_window), shows_text, "Enough is locked"));
  assert_nothing_of_the_journal (app);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "lock"));

  /* A wrong passphrase says so, and the next try waits. */
  type_and_enter (lock_window, "wrong horse");
  g_assert_true (enough_application_is_locked (app));
  g_assert_nonnull (enough_test_find_first (GTK_WIDGET (lock_window), shows_text,
                                            "That passphrase is not right"));
  first_wait = enough_lock_window_get_wait_ms (lock_window);
  g_assert_cmpuint (first_wait, >, 0);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (enough_lock_window_get_entry (lock_window))));
  assert_nothing_of_the_journal (app);
  g_assert_true (enough_test_wait_until (lock_window_waiting_over, lock_window, 30));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (enough_lock_window_get_entry (lock_window))));
  type_and_enter (lock_window, "still wrong");
  second_wait = enough_lock_window_get_wait_ms (lock_window);
  g_assert_cmpuint (second_wait, >, first_wait);
  g_assert_true (enough_test_wait_until (lock_window_waiting_over, lock_window, 30));
  /* Nothing was deleted for the wrong tries. */
  g_assert_true (enough_store_is_encrypted (fixture->db_path));

  unlock_with (app, PASSPHRASE);
  window = get_main_window (app);
  g_assert_nonnull (enough_window_get_store (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "lock"));
}

static void
test_open_unlock (Fixture       *fixture,
                  gconstpointer  data)
{
  _enough_lock_window_set_wait_unit_ms (50);
  enough_lock_test_run_app (fixture, (EnoughLockTestBody) open_unlock_body);
}

static gboolean
in_recovery_mode (gpointer data)
{
  return enough_lock_window_get_recovery (data);
}

/* Locked, an encrypted journal is not damaged: nothing to restore or set
 * aside, the file stays as it was (this replaces the Quit-only dialog). */
static void
look_only_body (Fixture           *fixture,
                EnoughApplication *app)
{
  enough_lock_test_get_lock_window (app);
  assert_nothing_of_the_journal (app);
  g_assert_error (enough_application_get_store_error (app),
                  ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_ENCRYPTED);
  g_assert_null (enough_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));

  /* A second instance (an activation) or a reminder's action while locked
   * only raise the lock window. */
  g_application_activate (G_APPLICATION (app));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-checkin", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-letter",
                                  g_variant_new_string (fixture->letter_uuid));
  enough_test_drain_main_context ();
  enough_lock_test_get_lock_window (app);
  assert_nothing_of_the_journal (app);
}

static void
test_nothing_touched (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *before = NULL, *after = NULL;
  gsize before_length = 0, after_length = 0;

  g_assert_true (g_file_get_contents (fixture->db_path, &before, &before_length, NULL));
  enough_lock_test_run_app (fixture, (EnoughLockTestBody) look_only_body);
  g_assert_true (g_file_get_contents (fixture->db_path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, before, before_length);
  g_assert_true (enough_store_is_encrypted (fixture->db_path));
}

static void
recovery_body (Fixture           *fixture,
               EnoughApplication *app)
{
  EnoughLockWindow *lock_window = enough_lock_test_get_lock_window (app);
  GtkWidget *button;

  button = enough_test_find_first (GTK_WIDGET (lock_window), shows_text, "Use _Recovery Key…");
  g_assert_null (button);  /* the label shows no underscore */
  button = enough_test_find_first (GTK_WIDGET (lock_window), shows_text, "Use Recovery Key…");
  g_assert_nonnull (button);
  button = gtk_widget_get_ancestor (button, GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_can_focus (button));
  /* What Space or Enter on the button does (it clicks after a moment). */
  gtk_widget_activate (button);
  g_assert_true (enough_test_wait_until (in_recovery_mode, lock_window, 30));
  {
    g_autofree char *placeholder = NULL;

    g_object_get (enough_lock_window_get_entry (lock_window), "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, "Recovery key");
  }
  /* The passphrase does not open it as a recovery key. */
  type_and_enter (lock_window, PASSPHRASE);
  g_assert_true (enough_application_is_locked (app));
  g_assert_nonnull (enough_test_find_first (GTK_WIDGET (lock_window), shows_text,
                                            "That recovery key is not right"));
  g_assert_true (enough_test_wait_until (lock_window_waiting_over, lock_window, 30));
  unlock_with (app, fixture->recovery_key);
  g_assert_nonnull (enough_window_get_store (get_main_window (app)));
}

static void
test_recovery_key (Fixture       *fixture,
                   gconstpointer  data)
{
  _enough_lock_window_set_wait_unit_ms (50);
  enough_lock_test_run_app (fixture, (EnoughLockTestBody) recovery_body);
}

static gboolean
is_lock_shortcut (GtkWidget     *widget,
                  gconstpointer  data)
{
  g_autofree char *title = NULL;

  /* The one in its group, not the search page's copy. */
  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget) || gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_GROUP) == NULL)
    return FALSE;
  g_object_get (widget, "title", &title, NULL);
  return g_strcmp0 (title, "Lock the journal") == 0;
}

/* The Keyboard Shortcuts window lists Ctrl+L only when it can lock. */
static void
assert_lock_shortcut_shown (EnoughWindow *window,
                            gboolean      shown)
{
  GtkWindow *shortcuts;
  GtkWidget *shortcut;
  g_autofree char *accelerator = NULL;
  GLogLevelFlags fatal;

  /* GTK 4.8's GtkShortcutsWindow warns "GtkLabel … reported min width -3"
   * when shown (its own labels): not fatal here (as in test-application). */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  enough_test_drain_main_context ();
  shortcuts = enough_window_get_shortcuts_window (window);
  g_assert_nonnull (shortcuts);
  shortcut = enough_test_find_first (GTK_WIDGET (shortcuts), is_lock_shortcut, NULL);
  g_assert_nonnull (shortcut);
  g_object_get (shortcut, "accelerator", &accelerator, NULL);
  g_assert_cmpstr (accelerator, ==, "<ctrl>l");
  g_assert_cmpint (gtk_widget_get_visible (shortcut), ==, shown);
  gtk_window_close (shortcuts);
  enough_test_drain_main_context ();
  g_log_set_always_fatal (fatal);
}

static GtkWidget *weak_page;

static void
lock_body (Fixture           *fixture,
           EnoughApplication *app)
{
  EnoughWindow *window;
  EnoughLetterPage *page;
  g_autoptr(EnoughLetter) letter = NULL;
  GtkWidget *focus;
  g_autoptr(GError) error = NULL;

  unlock_with (app, PASSPHRASE);
  window = get_main_window (app);
  enough_window_show_page (window, "letters");
  page = ENOUGH_LETTER_PAGE (enough_window_get_page (window, "letters"));
  weak_page = GTK_WIDGET (page);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &weak_page);
  letter = g_object_ref (enough_letter_page_new_letter (page));
  g_free (fixture->letter_uuid);
  fixture->letter_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (letter)));
  enough_test_drain_main_context ();
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)),
                                    "The " TYPED_WORD " stood.", -1);
  g_assert_nonnull (enough_test_find_first (GTK_WIDGET (window), shows_text, TYPED_WORD));

  assert_lock_shortcut_shown (window, TRUE);
  /* Ctrl+L, and nothing waits in between. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "lock"));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.lock");

    g_assert_cmpstr (accels[0], ==, "<Control>l");
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "lock", NULL);
  enough_test_drain_main_context ();

  /* Destroyed, not hidden; the key is gone with the store. */
  g_assert_null (weak_page);
  {
    EnoughCryptKey *key = enough_crypt_keyring_lookup (fixture->db_path);

    g_assert_null (key);
  }
  enough_lock_test_get_lock_window (app);
  assert_nothing_of_the_journal (app);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "lock"));

  /* Unlocking brings back the letters, with the typed words saved. */
  unlock_with (app, PASSPHRASE);
  window = get_main_window (app);
  g_assert_cmpstr (enough_window_get_visible_page (window), ==, "letters");
  {
    g_autoptr(EnoughRecord) record = enough_store_lookup (enough_application_get_store (app),
                                                          ENOUGH_RECORD_KIND_LETTER,
                                                          fixture->letter_uuid);

    g_assert_nonnull (record);
    g_assert_nonnull (strstr (enough_letter_get_not_good_enough (ENOUGH_LETTER (record)), TYPED_WORD));
  }
  (void) error;
}

static void
test_lock (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = NULL;
  g_autoptr(EnoughRecord) record = NULL;

  enough_lock_test_run_app (fixture, (EnoughLockTestBody) lock_body);

  /* On disk too, once the app is gone. */
  store = enough_store_open_encrypted (fixture->db_path, PASSPHRASE, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  record = enough_store_lookup (store, ENOUGH_RECORD_KIND_LETTER, fixture->letter_uuid);
  g_assert_nonnull (record);
  g_assert_nonnull (strstr (enough_letter_get_not_good_enough (ENOUGH_LETTER (record)), TYPED_WORD));
  g_assert_true (enough_store_close (store, &error));
}

static gboolean
is_selectable_label (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget));
}

/* Print… beside Save…: the key in its groups and the plain warning, here
 * exported to PDF (what the print dialog's "Print to File" does). */
static void
assert_prints_key (GtkWindow  *dialog,
                   const char *recovery_key)
{
  g_autofree char *dir = g_dir_make_tmp ("enough-key-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "key.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_auto(GStrv) groups = g_strsplit (recovery_key, "-", -1);
  GtkWidget *button = enough_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Print…");
  const char *argv[] = { pdftotext, path, "-", NULL };
  int status = -1;

  g_assert_nonnull (dir);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  _enough_print_set_export_filename (path);
  g_signal_emit_by_name (button, "clicked");
  _enough_print_set_export_filename (NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (pdftotext == NULL)
    {
      g_test_message ("pdftotext is not installed (build-aux/setup.sh installs it): the PDF is not read back");
    }
  else
    {
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL,
                                   &status, NULL));
      g_assert_cmpint (status, ==, 0);
      g_assert_cmpuint (g_strv_length (groups), ==, 8);
      for (guint i = 0; groups[i] != NULL; i++)
        g_assert_nonnull (strstr (text, groups[i]));
      g_assert_nonnull (strstr (text, "Enough Recovery Key"));
      g_assert_nonnull (strstr (text, "nobody"));
    }
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Preferences → Privacy → Set…: the passphrase twice, the journal is
 * encrypted off the UI thread, the recovery key shown once and kept only
 * with the check; then it locks and opens with that key. */
static void
protect_body (Fixture           *fixture,
              EnoughApplication *app)
{
  EnoughWindow *window = get_main_window (app);
  GtkWindow *prefs, *dialog;
  GtkWidget *button, *check;
  GtkEditable *new1, *repeat;
  g_autofree char *recovery_key = NULL;

  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "lock"));
  assert_lock_shortcut_shown (window, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  enough_test_drain_main_context ();
  prefs = enough_test_find_window_of_type (ENOUGH_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  button = enough_test_find_descendant (GTK_WIDGET (prefs), GTK_TYPE_BUTTON, "_Set…");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_false (gtk_widget_get_visible (enough_test_find_descendant (GTK_WIDGET (prefs), GTK_TYPE_BUTTON,
                                                                        "_Turn Off…")));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (enough_test_wait_until (enough_lock_test_has_dialog, (gpointer) "Protect with a Passphrase", 30));
  dialog = enough_lock_test_find_dialog ("Protect with a Passphrase");
  new1 = g_object_get_data (G_OBJECT (dialog), "new");
  repeat = g_object_get_data (G_OBJECT (dialog), "repeat");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (dialog), GTK_WIDGET (new1)));
  gtk_editable_set_text (new1, PASSPHRASE);
  gtk_editable_set_text (repeat, "correct hors");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  gtk_editable_set_text (repeat, PASSPHRASE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");

  g_assert_true (enough_test_wait_until (enough_lock_test_has_dialog, (gpointer) "Keep Your Recovery Key", 60));
  g_assert_true (enough_store_is_encrypted (fixture->db_path));
  g_assert_true (enough_store_get_encrypted (enough_application_get_store (app)));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "lock"));
  dialog = enough_lock_test_find_dialog ("Keep Your Recovery Key");
  recovery_key = g_strdup (gtk_label_get_text (GTK_LABEL (enough_test_find_first (GTK_WIDGET (dialog),
                                                                                  is_selectable_label, NULL))));
  g_assert_cmpuint (strlen (recovery_key), >=, 32);
  g_assert_nonnull (enough_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Save…"));
  assert_prints_key (dialog, recovery_key);
  /* Not closable before "I have kept it". */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "close"));
  gtk_window_close (dialog);
  enough_test_drain_main_context ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  check = enough_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "close"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  enough_test_drain_main_context ();

  /* The letter is still there, and the journal now locks and opens with
   * the key that was shown. */
  {
    g_autoptr(EnoughRecord) record = enough_store_lookup (enough_application_get_store (app),
                                                          ENOUGH_RECORD_KIND_LETTER, fixture->letter_uuid);

    g_assert_nonnull (record);
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "lock", NULL);
  enough_test_drain_main_context ();
  assert_nothing_of_the_journal (app);
  gtk_widget_activate (enough_test_find_descendant (GTK_WIDGET (enough_lock_test_get_lock_window (app)), GTK_TYPE_BUTTON,
                                                    "Use _Recovery Key…"));
  g_assert_true (enough_test_wait_until (in_recovery_mode, enough_lock_test_get_lock_window (app), 30));
  unlock_with (app, recovery_key);
  g_assert_nonnull (enough_window_get_store (get_main_window (app)));
}

static void
test_protect (Fixture       *fixture,
              gconstpointer  data)
{
  enough_lock_test_run_app (fixture, (EnoughLockTestBody) protect_body);
}

static AdwMessageDialog *
open_passphrase_dialog (EnoughApplication *app,
                        const char        *button_label,
                        const char        *heading)
{
  GtkWindow *prefs;

  gtk_widget_activate_action (GTK_WIDGET (get_main_window (app)), "win.preferences", NULL);
  enough_test_drain_main_context ();
  prefs = enough_test_find_window_of_type (ENOUGH_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  g_assert_false (gtk_widget_get_visible (enough_test_find_descendant (GTK_WIDGET (prefs), GTK_TYPE_BUTTON, "_Set…")));
  g_signal_emit_by_name (enough_test_find_descendant (GTK_WIDGET (prefs), GTK_TYPE_BUTTON, button_label), "clicked");
  g_assert_true (enough_test_wait_until (enough_lock_test_has_dialog, (gpointer) heading, 30));
  return ADW_MESSAGE_DIALOG (enough_lock_test_find_dialog (heading));
}

static gboolean
has_error_dialog (gpointer data)
{
  return enough_lock_test_has_dialog ((gpointer) "The Passphrase Was Not Changed");
}

/* Change needs the old passphrase (a wrong one says so, nothing changes);
 * Turn Off needs the passphrase and leaves a plain journal. */
static void
change_and_off_body (Fixture           *fixture,
                     EnoughApplication *app)
{
  AdwMessageDialog *dialog;
  GtkWindow *prefs;

  unlock_with (app, PASSPHRASE);
  dialog = open_passphrase_dialog (app, "_Change…", "Change the Passphrase");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "old"), "not it");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "new"), "new horse");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "repeat"), "new horse");
  adw_message_dialog_response (dialog, "apply");
  g_assert_true (enough_test_wait_until (has_error_dialog, NULL, 60));
  gtk_window_destroy (enough_lock_test_find_dialog ("The Passphrase Was Not Changed"));
  prefs = enough_test_find_window_of_type (ENOUGH_TYPE_PREFERENCES_WINDOW);
  gtk_window_destroy (prefs);
  enough_test_drain_main_context ();

  dialog = open_passphrase_dialog (app, "_Change…", "Change the Passphrase");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "old"), PASSPHRASE);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "new"), "new horse");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "repeat"), "new horse");
  adw_message_dialog_response (dialog, "apply");
  {
    g_autoptr(EnoughCryptKey) key = NULL;

    /* Done in a thread: wait until the new one opens the key file. */
    for (guint i = 0; i < 600 && key == NULL; i++)
      {
        g_usleep (50000);
        enough_test_drain_main_context ();
        key = enough_store_unlock (fixture->db_path, "new horse", NULL);
      }
    g_assert_nonnull (key);
  }
  gtk_window_destroy (enough_test_find_window_of_type (ENOUGH_TYPE_PREFERENCES_WINDOW));
  enough_test_drain_main_context ();

  dialog = open_passphrase_dialog (app, "_Turn Off…", "Turn Off the Passphrase");
  g_assert_null (g_object_get_data (G_OBJECT (dialog), "new"));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "old"), "new horse");
  adw_message_dialog_response (dialog, "apply");
  g_assert_true (enough_test_wait_until (enough_lock_test_store_plain, app, 60));
  g_assert_false (enough_store_is_encrypted (fixture->db_path));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "lock"));
  {
    g_autoptr(EnoughRecord) record = enough_store_lookup (enough_application_get_store (app),
                                                          ENOUGH_RECORD_KIND_LETTER, fixture->letter_uuid);

    g_assert_nonnull (record);
  }
}

static void
test_change_and_off (Fixture       *fixture,
                     gconstpointer  data)
{
  enough_lock_test_run_app (fixture, (EnoughLockTestBody) change_and_off_body);
}

static gint64 fake_now;

static gint64
fake_clock (void)
{
  return fake_now;
}

#define MINUTE ((gint64) 60 * G_USEC_PER_SEC)

/* Auto-lock: after the minutes of "Lock after" without input, on the
 * injected clock; input starts the time again; "Never" never locks. */
static void
auto_lock_body (Fixture           *fixture,
                EnoughApplication *app)
{
  EnoughIdleLock *idle;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_cmpint (g_settings_get_int (settings, "lock-after-minutes"), ==, 5);
  unlock_with (app, PASSPHRASE);
  idle = _enough_application_get_idle_lock (app);
  fake_now = 1000 * MINUTE;
  _enough_idle_lock_set_clock (idle, fake_clock);

  g_settings_set_int (settings, "lock-after-minutes", 1);
  fake_now += MINUTE - 1;
  _enough_idle_lock_check (idle);
  g_assert_false (enough_application_is_locked (app));
  /* Input half-way: the minute counts from there. */
  enough_idle_lock_note_input (idle);
  fake_now += MINUTE / 2;
  _enough_idle_lock_check (idle);
  g_assert_false (enough_application_is_locked (app));

  g_settings_set_int (settings, "lock-after-minutes", 0);
  fake_now += 100 * MINUTE;
  _enough_idle_lock_check (idle);
  g_assert_false (enough_application_is_locked (app));

  g_settings_set_int (settings, "lock-after-minutes", 15);
  _enough_idle_lock_check (idle);  /* from "never": counts from now */
  fake_now += 14 * MINUTE;
  _enough_idle_lock_check (idle);
  g_assert_false (enough_application_is_locked (app));
  fake_now += MINUTE;
  _enough_idle_lock_check (idle);
  enough_test_drain_main_context ();
  g_assert_true (enough_application_is_locked (app));
  enough_lock_test_get_lock_window (app);
  assert_nothing_of_the_journal (app);
}

static void
test_auto_lock (Fixture       *fixture,
                gconstpointer  data)
{
  enough_lock_test_run_app (fixture, (EnoughLockTestBody) auto_lock_body);
}

static gint64 locked_now;

static gint64
locked_clock (gpointer user_data)
{
  return locked_now;
}

static gboolean
no_journal_word (const char *text,
                 Fixture    *fixture)
{
  return strstr (text, SECRET_WORD) == NULL && strstr (text, TYPED_WORD) == NULL &&
         strstr (text, "Gooseberry") == NULL && strstr (text, fixture->letter_uuid) == NULL;
}

static gboolean
letter_page_shows (gpointer data)
{
  Fixture *fixture = data;
  EnoughApplication *app = ENOUGH_APPLICATION (g_application_get_default ());
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  EnoughRecord *open;

  if (windows == NULL || !ENOUGH_IS_WINDOW (windows->data) ||
      g_strcmp0 (enough_window_get_visible_page (windows->data), "letters") != 0)
    return FALSE;
  open = enough_entry_actions_get_open_entry (GTK_WIDGET (enough_window_get_page (windows->data, "letters")));
  return open != NULL && g_strcmp0 (enough_record_get_uuid (open), fixture->letter_uuid) == 0;
}

/* Reminders that come due while locked: neutral words, nothing of the
 * journal; the action raises the lock window, and once unlocked the
 * letter opens. */
static void
locked_reminders_body (Fixture           *fixture,
                       EnoughApplication *app)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(EnoughLetter) letter = NULL;
  g_autoptr(EnoughExperiment) experiment = NULL;
  EnoughStore *store;
  GPtrArray *notes = enough_test_notifications_get ();
  EnoughLockedReminders *reminders;
  EnoughTestNote *letter_note = NULL;
  guint before, checkin_minutes = 12 * 60;
  gboolean seen_letter = FALSE, seen_experiment = FALSE, seen_checkin = FALSE;
  gint64 checkin_at;

  unlock_with (app, PASSPHRASE);
  store = enough_application_get_store (app);
  /* Years ahead of the real clock: the usual reminders (real time) stay
   * quiet; the locked ones run on the injected clock. */
  checkin_at = enough_reminders_compute_checkin_at (checkin_minutes, (gint64) 1900000000 * G_USEC_PER_SEC, NULL);
  locked_now = checkin_at - 60 * MINUTE;
  enough_store_set_clock (store, locked_clock, NULL);
  _enough_locked_reminders_set_clock (locked_clock, NULL);
  g_settings_set_int (settings, "checkin-reminder-hour", checkin_minutes / 60);
  g_settings_set_int (settings, "checkin-reminder-minute", checkin_minutes % 60);
  g_settings_set_boolean (settings, "checkin-reminder", TRUE);

  letter = enough_store_create_letter (store);
  enough_letter_set_text (letter, "The " SECRET_WORD " again, at last.");
  enough_letter_set_not_good_enough (letter, "Gooseberry");
  enough_letter_set_reread (letter, ENOUGH_REREAD_15_MINUTES, locked_now + 15 * MINUTE);
  g_free (fixture->letter_uuid);
  fixture->letter_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (letter)));
  experiment = enough_store_create_experiment (store);
  enough_experiment_set_belief (experiment, "Gooseberry " TYPED_WORD " will fail");
  enough_experiment_set_due (experiment, locked_now + 30 * MINUTE, TRUE);
  g_clear_object (&letter);
  g_clear_object (&experiment);

  before = notes->len;
  g_action_group_activate_action (G_ACTION_GROUP (app), "lock", NULL);
  enough_test_drain_main_context ();
  assert_nothing_of_the_journal (app);
  reminders = _enough_lock_controller_get_reminders (_enough_application_get_lock (app));
  g_assert_nonnull (reminders);
  g_assert_cmpuint (enough_locked_reminders_check_now (reminders), ==, 0);

  /* Past the reread, the experiment's day and the check-in's time. */
  locked_now += 61 * MINUTE;
  g_assert_cmpuint (enough_locked_reminders_check_now (reminders), ==, 3);
  g_assert_cmpuint (enough_locked_reminders_check_now (reminders), ==, 0);
  enough_test_notifications_wait (before + 3);
  for (guint i = before; i < notes->len; i++)
    {
      EnoughTestNote *note = g_ptr_array_index (notes, i);

      g_assert_true (no_journal_word (note->summary, fixture));
      g_assert_true (no_journal_word (note->body, fixture));
      g_assert_cmpstr (note->body, ==, "Enough is locked. Unlock it whenever you are ready.");
      if (g_str_equal (note->summary, "A letter is ready to be reread"))
        {
          seen_letter = TRUE;
          letter_note = note;
        }
      seen_experiment |= g_str_equal (note->summary, "An experiment is ready to look back on");
      seen_checkin |= g_str_equal (note->summary, "Time for your check-in");
    }
  g_assert_true (seen_letter);
  g_assert_true (seen_experiment);
  g_assert_true (seen_checkin);
  assert_nothing_of_the_journal (app);

  /* Its action: the lock window, nothing else; once unlocked, the letter. */
  enough_test_notifications_invoke_default (letter_note);
  enough_test_drain_main_context ();
  enough_lock_test_get_lock_window (app);
  assert_nothing_of_the_journal (app);
  unlock_with (app, PASSPHRASE);
  g_assert_null (_enough_lock_controller_get_reminders (_enough_application_get_lock (app)));
  g_assert_true (enough_test_wait_until (letter_page_shows, fixture, 30));

  g_settings_set_boolean (settings, "checkin-reminder", FALSE);
  _enough_locked_reminders_set_clock (NULL, NULL);
}

static void
test_locked_reminders (Fixture       *fixture,
                       gconstpointer  data)
{
  enough_lock_test_run_app (fixture, (EnoughLockTestBody) locked_reminders_body);
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *test_bus;
  int status;

  /* A private session bus: the fake notification server, nobody else's. */
  test_bus = enough_test_private_bus_up ();

  enough_test_gui_init (&argc, &argv);
  enough_test_notifications_start ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/lock/open/unlock", test_open_unlock);
  ADD ("/lock/open/recovery-key", test_recovery_key);
  ADD ("/lock/open/nothing-touched", test_nothing_touched);
  ADD ("/lock/lock/saves-and-destroys", test_lock);
  ADD ("/lock/privacy/change-and-off", test_change_and_off);
  ADD ("/lock/auto-lock", test_auto_lock);
  ADD ("/lock/reminders/neutral", test_locked_reminders);
  g_test_add ("/lock/privacy/protect", Fixture, "plain", fixture_setup, test_protect, fixture_teardown);

#undef ADD

  status = g_test_run ();
  enough_test_notifications_stop ();
  /* Stop, not down: GTK keeps the shared session connection to the end. */
  g_test_dbus_stop (test_bus);
  return status;
}
