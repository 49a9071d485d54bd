/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <string.h>

#include "enough-failing-vfs.h"
#include "enough-gui-test-utils.h"
#include "enough-letter-editor.h"
#include "enough-letter-page.h"
#include "enough-save-banner.h"
#include "enough-store.h"
#include "enough-test-utils.h"

/* The disk fills up while the user writes a letter in the real window: a
 * banner says so without blocking anything, the words stay where they are,
 * the store retries by itself (and "Try Again" saves at once), and the
 * banner goes away after the next successful save. The disk is a VFS shim
 * (enough-failing-vfs.h), the default VFS of this whole test process. */

typedef struct
{
  char  *data_dir;
  char  *db_path;
  guint  n_saved;
  guint  n_failed;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  failing_vfs_set_mode (FAILING_VFS_OFF, 0);
  fixture->data_dir = enough_test_begin ();
  fixture->db_path = g_build_filename (fixture->data_dir, "journal.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  failing_vfs_set_mode (FAILING_VFS_OFF, 0);
  enough_test_end (&fixture->data_dir);
  g_clear_pointer (&fixture->db_path, g_free);
}

static void
on_saved (EnoughStore *store,
          guint        n_records,
          Fixture     *fixture)
{
  fixture->n_saved++;
}

static void
on_write_failed (EnoughStore  *store,
                 const GError *error,
                 Fixture      *fixture)
{
  fixture->n_failed++;
}

/* Runs the main loop until *counter reaches @target (the store's timers
 * and completions run there). */
static void
wait_for (guint *counter,
          guint  target)
{
  enough_test_wait_for_count (counter, target, 20);
}

static gboolean
is_sensitive (gpointer widget)
{
  return gtk_widget_get_sensitive (widget);
}

static void
wait_until_sensitive (GtkWidget *widget)
{
  g_assert_true (enough_test_wait_until (is_sensitive, widget, 20));
}

/* What a click does (gtk_widget_activate() on a button only clicks after
 * a 250 ms press animation, on a timer). */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static char *
buffer_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
text_on_disk (Fixture *fixture)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT not_good_enough FROM letter", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static const char *before = "I missed the deadline by a day. ";
static const char *during = "And now I keep replaying it.";

static void
write_on_full_disk (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughStore *store = enough_window_get_store (test->window);
  EnoughSaveBanner *banner;
  EnoughLetterPage *page;
  GtkWidget *view, *retry;
  g_autofree char *shown = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = g_strconcat (before, during, NULL);

  g_assert_nonnull (store);
  g_signal_connect (store, "saved", G_CALLBACK (on_saved), fixture);
  g_signal_connect (store, "write-failed", G_CALLBACK (on_write_failed), fixture);
  /* The real autosave timer, only shorter. */
  enough_store_set_autosave_delay (store, 10);

  banner = ENOUGH_SAVE_BANNER (enough_test_find_descendant (GTK_WIDGET (test->window),
                                                            ENOUGH_TYPE_SAVE_BANNER, NULL));
  g_assert_nonnull (banner);
  g_assert_false (enough_save_banner_get_revealed (banner));
  retry = enough_test_find_descendant (GTK_WIDGET (banner), GTK_TYPE_BUTTON, "Save your words now");
  g_assert_nonnull (retry);

  /* A letter, typed into the real text view. */
  enough_window_show_page (test->window, "letters");
  enough_test_drain_main_context ();
  page = ENOUGH_LETTER_PAGE (enough_window_get_page (test->window, "letters"));
  g_assert_nonnull (enough_letter_page_new_letter (page));
  view = enough_test_find_descendant (GTK_WIDGET (enough_letter_page_get_editor (page)),
                                      GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (view);
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), before, -1);
  wait_for (&fixture->n_saved, 1);
  g_assert_false (enough_save_banner_get_revealed (banner));

  /* The disk fills up; the user goes on typing. */
  failing_vfs_set_mode (FAILING_VFS_FULL, 0);
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), during, -1);
  wait_for (&fixture->n_failed, 1);
  g_assert_true (enough_save_banner_get_revealed (banner));
  g_assert_nonnull (strstr (enough_save_banner_get_message (banner), "disk is full"));
  /* Non-blocking: no dialog, the text view still takes input and keeps
   * every word. */
  g_assert_null (enough_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  shown = buffer_text (view);
  g_assert_cmpstr (shown, ==, expected);
  g_assert_cmpstr (enough_letter_get_not_good_enough (enough_letter_page_get_letter (page)), ==, expected);
  on_disk = text_on_disk (fixture);
  g_assert_cmpstr (on_disk, ==, before);
  g_clear_pointer (&on_disk, g_free);

  /* The store retries by itself; still full, so the banner stays. */
  wait_for (&fixture->n_failed, 2);
  g_assert_true (enough_save_banner_get_revealed (banner));

  /* "Try Again" while the disk is still full: fails, says so, stays. */
  click (retry);
  g_assert_false (gtk_widget_get_sensitive (retry));
  wait_until_sensitive (retry);
  g_assert_true (enough_save_banner_get_revealed (banner));
  g_assert_cmpuint (enough_store_get_n_pending (store), >, 0);

  /* Space comes back: the next automatic retry saves, the banner goes. */
  failing_vfs_set_mode (FAILING_VFS_OFF, 0);
  wait_for (&fixture->n_saved, 2);
  g_assert_false (enough_save_banner_get_revealed (banner));
  on_disk = text_on_disk (fixture);
  g_assert_cmpstr (on_disk, ==, expected);
  g_clear_pointer (&on_disk, g_free);

  /* Once more, with no timer at all: only "Try Again" saves. */
  enough_store_set_autosave_delay (store, G_MAXUINT);
  failing_vfs_set_mode (FAILING_VFS_READ_ONLY, 0);
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), " Again.", -1);
  click (retry);
  wait_until_sensitive (retry);
  g_assert_true (enough_save_banner_get_revealed (banner));
  g_assert_nonnull (strstr (enough_save_banner_get_message (banner), "cannot be written"));
  failing_vfs_set_mode (FAILING_VFS_OFF, 0);
  click (retry);
  wait_until_sensitive (retry);
  g_assert_false (enough_save_banner_get_revealed (banner));
  g_assert_cmpuint (enough_store_get_n_pending (store), ==, 0);

  g_signal_handlers_disconnect_by_data (store, fixture);
}

static void
check_after_restart (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);
  g_autoptr(EnoughLetter) letter = g_list_model_get_item (enough_store_get_letters (store), 0);
  g_autofree char *expected = g_strconcat (before, during, " Again.", NULL);

  g_assert_nonnull (letter);
  g_assert_cmpstr (enough_letter_get_not_good_enough (letter), ==, expected);
}

static void
test_disk_full_banner (Fixture       *fixture,
                       gconstpointer  data)
{
  enough_test_run_app (write_on_full_disk, fixture);
  enough_test_run_app (check_after_restart, fixture);
}

static void
quit_on_full_disk (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughStore *store = enough_window_get_store (test->window);
  EnoughLetterPage *page;
  GtkWindow *dialog;
  GtkWidget *view;
  g_autofree char *on_disk = NULL;

  enough_store_set_autosave_delay (store, G_MAXUINT);
  enough_window_show_page (test->window, "letters");
  enough_test_drain_main_context ();
  page = ENOUGH_LETTER_PAGE (enough_window_get_page (test->window, "letters"));
  g_assert_nonnull (enough_letter_page_new_letter (page));
  view = enough_test_find_descendant (GTK_WIDGET (enough_letter_page_get_editor (page)),
                                      GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (view);

  /* The disk is full when the user quits, words still unsaved. */
  failing_vfs_set_mode (FAILING_VFS_FULL, 0);
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), during, -1);
  g_action_group_activate_action (G_ACTION_GROUP (test->app), "quit", NULL);
  enough_test_drain_main_context ();

  /* Quitting stopped to ask; the window and the words are still there. */
  dialog = enough_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Your Newest Words Are Not Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "disk is full"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "keep");
  g_assert_nonnull (test->window);
  g_assert_cmpuint (enough_store_get_n_pending (store), >, 0);

  /* Its button, as a click would (the dialog closes itself then). */
  click (enough_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Keep Open"));
  enough_test_drain_main_context ();
  g_assert_null (enough_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (test->window);
  on_disk = text_on_disk (fixture);
  g_assert_null (on_disk);

  /* Room again: quitting now saves first, then closes without asking. */
  failing_vfs_set_mode (FAILING_VFS_OFF, 0);
  g_action_group_activate_action (G_ACTION_GROUP (test->app), "quit", NULL);
  enough_test_drain_main_context ();
  g_assert_null (enough_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (test->window);
  on_disk = text_on_disk (fixture);
  g_assert_cmpstr (on_disk, ==, during);
}

static void
close_anyway_on_full_disk (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (store);
  GtkWindow *dialog;

  enough_store_set_autosave_delay (store, G_MAXUINT);
  failing_vfs_set_mode (FAILING_VFS_FULL, 0);
  enough_letter_set_text (letter, "lost, by choice");
  gtk_window_close (GTK_WINDOW (test->window));
  enough_test_drain_main_context ();

  dialog = enough_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  click (enough_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Close Anyway"));
  enough_test_drain_main_context ();
  g_assert_null (test->window);
  failing_vfs_set_mode (FAILING_VFS_OFF, 0);
}

static void
test_quit_asks_when_unsaved (Fixture       *fixture,
                             gconstpointer  data)
{
  enough_test_run_app (quit_on_full_disk, fixture);
  enough_test_run_app (close_anyway_on_full_disk, fixture);
}

int
main (int   argc,
      char *argv[])
{
  failing_vfs_install ();
  enough_test_gui_init (&argc, &argv);

  g_test_add ("/write-errors/disk-full/banner", Fixture, NULL,
              fixture_setup, test_disk_full_banner, fixture_teardown);
  g_test_add ("/write-errors/disk-full/quit-asks", Fixture, NULL,
              fixture_setup, test_quit_asks_when_unsaved, fixture_teardown);

  return g_test_run ();
}
