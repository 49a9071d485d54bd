/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "enough-gui-test-utils.h"
#include "enough-preferences-window.h"
#include "enough-test-utils.h"

#define OLD_WORDS "The words of the backup."
#define NEW_WORDS "The words of today, <b>changed</b>."

typedef struct
{
  char *data_dir;
  char *letter_uuid;
  char *backup_path;
  EnoughWindow *new_window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->data_dir = enough_test_begin ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_end (&fixture->data_dir);
  g_clear_pointer (&fixture->letter_uuid, g_free);
  g_clear_pointer (&fixture->backup_path, g_free);
}

static char *
dup_letter_text (EnoughStore *store,
                 const char  *uuid)
{
  g_autoptr(EnoughRecord) record = enough_store_lookup (store, ENOUGH_RECORD_KIND_LETTER, uuid);

  g_assert_nonnull (record);
  return g_strdup (enough_letter_get_text (ENOUGH_LETTER (record)));
}

/* A letter, a backup of it, then the letter changed. */
static void
make_journal_with_backup (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = enough_store_open (NULL, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_autoptr(EnoughLetter) letter = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  g_assert_no_error (error);
  letter = enough_store_create_letter (store);
  enough_letter_set_text (letter, OLD_WORDS);
  fixture->letter_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (letter)));
  g_assert_true (enough_store_flush (store, &error));
  g_assert_true (enough_store_backup_now (store, &error));
  g_assert_no_error (error);

  enough_letter_set_text (letter, NEW_WORDS);
  g_assert_true (enough_store_close (store, &error));
  g_assert_no_error (error);

  backups = enough_store_list_backups (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  fixture->backup_path = g_strdup (((EnoughBackupInfo *) g_ptr_array_index (backups, 0))->path);
}

static gboolean
has_text_view_with (GtkWidget  *root,
                    const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TEXT_VIEW (child))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child));
          GtkTextIter start, end;
          g_autofree char *shown = NULL;

          gtk_text_buffer_get_bounds (buffer, &start, &end);
          shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
          if (g_strcmp0 (shown, text) == 0 && gtk_widget_is_visible (child))
            return TRUE;
        }
      if (has_text_view_with (child, text))
        return TRUE;
    }

  return FALSE;
}

static EnoughPreferencesWindow *
open_preferences (EnoughTestApp *test)
{
  GtkWindow *window;

  g_assert_null (enough_test_find_window_of_type (ENOUGH_TYPE_PREFERENCES_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.preferences", NULL));
  enough_test_drain_main_context ();
  window = enough_test_find_window_of_type (ENOUGH_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_window_get_transient_for (window) == GTK_WINDOW (test->window));

  return ENOUGH_PREFERENCES_WINDOW (window);
}

static void
answer_dialog (const char *response)
{
  GtkWindow *dialog = enough_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), response));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  enough_test_drain_main_context ();
}

static EnoughWindow *
find_main_window (EnoughTestApp *test)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (test->app)); l; l = l->next)
    {
      if (ENOUGH_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static void
restore_from_preferences (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughWindow *old_window = test->window;
  EnoughStore *old_store = enough_window_get_store (old_window);
  EnoughPreferencesWindow *prefs;
  EnoughWindow *window;
  EnoughLetterPage *page;
  GtkWidget *row, *button;
  g_autofree char *text = dup_letter_text (old_store, fixture->letter_uuid);

  g_assert_cmpstr (text, ==, NEW_WORDS);
  prefs = open_preferences (test);

  /* The backup, with its date and size. */
  g_assert_cmpuint (enough_preferences_window_get_n_backups (prefs), ==, 1);
  g_assert_cmpstr (enough_preferences_window_get_backup_path (prefs, 0), ==, fixture->backup_path);
  row = enough_preferences_window_get_backup_row (prefs, 0);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), !=, "");
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), !=, "");
  button = enough_test_find_descendant (row, GTK_TYPE_BUTTON, "_Restore");
  g_assert_nonnull (button);

  /* Cancelling changes nothing. */
  g_signal_emit_by_name (button, "clicked");
  answer_dialog ("cancel");
  g_assert_true (test->window == old_window);
  g_assert_true (enough_test_find_window_of_type (ENOUGH_TYPE_PREFERENCES_WINDOW) == GTK_WINDOW (prefs));

  /* Restoring replaces the window, on the restored journal. */
  g_signal_emit_by_name (button, "clicked");
  answer_dialog ("restore");
  g_assert_null (test->window);  /* the old one is gone */
  g_assert_null (enough_test_find_window_of_type (ENOUGH_TYPE_PREFERENCES_WINDOW));
  window = find_main_window (test);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (enough_window_get_store (window) == enough_application_get_store (test->app));
  g_clear_pointer (&text, g_free);
  text = dup_letter_text (enough_window_get_store (window), fixture->letter_uuid);
  g_assert_cmpstr (text, ==, OLD_WORDS);

  /* And shows the old words. */
  enough_window_show_page (window, "letters");
  page = ENOUGH_LETTER_PAGE (enough_window_get_page (window, "letters"));
  g_assert_true (enough_letter_page_open_letter (page, fixture->letter_uuid, FALSE));
  /* On the letter's own step, where its words are written. */
  enough_letter_editor_set_step (enough_letter_page_get_editor (page), 1);
  enough_test_drain_main_context ();
  g_assert_true (has_text_view_with (GTK_WIDGET (page), OLD_WORDS));
  g_assert_false (has_text_view_with (GTK_WIDGET (page), NEW_WORDS));

  fixture->new_window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &fixture->new_window);
}

static void
check_restored_store (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  g_autofree char *text = dup_letter_text (enough_window_get_store (test->window), fixture->letter_uuid);

  g_assert_cmpstr (text, ==, OLD_WORDS);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  const EnoughBackupInfo *before = NULL;

  make_journal_with_backup (fixture);

  enough_test_run_app (restore_from_preferences, fixture);
  /* The replacement window went with the app. */
  g_assert_null (fixture->new_window);

  /* The journal of before the restore is a backup now. */
  backups = enough_store_list_backups (NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < backups->len; i++)
    {
      const EnoughBackupInfo *info = g_ptr_array_index (backups, i);

      if (strstr (info->path, "-before-restore-") != NULL)
        {
          g_assert_null (before);
          before = info;
        }
    }
  g_assert_nonnull (before);
  {
    g_autoptr(EnoughStore) kept = enough_store_open (before->path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    text = dup_letter_text (kept, fixture->letter_uuid);
    g_assert_cmpstr (text, ==, NEW_WORDS);
    g_assert_true (enough_store_close (kept, &error));
  }

  /* After a restart, still the restored journal. */
  enough_test_run_app (check_restored_store, fixture);
}

static void
back_up_now (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  EnoughPreferencesWindow *prefs;
  GtkWidget *empty, *button;

  /* The day's automatic backup is made on the worker after opening: wait
   * for it (the worker runs its jobs in order) and remove it. */
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  backups = enough_store_list_backups (NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < backups->len; i++)
    g_assert_cmpint (g_remove (((EnoughBackupInfo *) g_ptr_array_index (backups, i))->path), ==, 0);

  prefs = open_preferences (test);

  /* Without backups, it says so. */
  g_assert_cmpuint (enough_preferences_window_get_n_backups (prefs), ==, 0);
  empty = enough_test_find_descendant (GTK_WIDGET (prefs), GTK_TYPE_LABEL,
                                       "No backups yet. Enough makes one each day you open it.");
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_mapped (empty));

  button = enough_test_find_descendant (GTK_WIDGET (prefs), GTK_TYPE_BUTTON, "_Back Up Now");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  enough_test_drain_main_context ();

  g_assert_cmpuint (enough_preferences_window_get_n_backups (prefs), ==, 1);
  g_assert_false (gtk_widget_get_mapped (empty));
  g_assert_true (g_file_test (enough_preferences_window_get_backup_path (prefs, 0), G_FILE_TEST_EXISTS));

  gtk_window_close (GTK_WINDOW (prefs));
}

static void
test_back_up_now (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_run_app (back_up_now, fixture);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

  g_test_add ("/preferences/restore", Fixture, NULL, fixture_setup, test_restore, fixture_teardown);
  g_test_add ("/preferences/back-up-now", Fixture, NULL, fixture_setup, test_back_up_now, fixture_teardown);

  return g_test_run ();
}
