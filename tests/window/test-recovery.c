/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gstdio.h>
#include <linux/capability.h>
#include <sqlite3.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "enough-gui-test-utils.h"
#include "enough-store.h"
#include "enough-test-utils.h"

/* A journal that cannot be opened at start: the app still starts, says what
 * happened, keeps the damaged file, and offers a backup or a fresh journal. */

typedef struct
{
  char *data_dir;
  char *db_path;
} Fixture;

typedef struct
{
  Fixture    *fixture;
  const char *response;
  const char *expected_heading;
  gboolean    expect_restore;
  char       *damaged_contents;
  gsize       damaged_length;
  /* A folder stands where the file should be; it holds one file. */
  gboolean    is_folder;
} Scenario;

#define FOLDER_MARKER "notes.txt"

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->data_dir = enough_test_begin ();
  fixture->db_path = g_build_filename (fixture->data_dir, "journal.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_end (&fixture->data_dir);
  g_clear_pointer (&fixture->db_path, g_free);
}

static void
write_random_bytes (const char *path,
                    gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *bytes = g_malloc (length);
  GRand *rand = g_rand_new_with_seed (42);

  for (gsize i = 0; i < length; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);

  g_file_set_contents (path, (const char *) bytes, length, &error);
  g_assert_no_error (error);
}

/* A real journal with one letter and a backup of it. */
static void
make_journal_with_backup (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = NULL;
  g_autoptr(EnoughLetter) letter = NULL;

  store = enough_store_open (db_path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  letter = enough_store_create_letter (store);
  enough_letter_set_text (letter, "Dear me, you did your best.");
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_true (enough_store_backup_now (store, &error));
  g_assert_no_error (error);
  g_assert_true (enough_store_close (store, &error));
  g_assert_no_error (error);
}

static GPtrArray *
find_set_aside_files (const char *data_dir)
{
  g_autoptr(GDir) dir = g_dir_open (data_dir, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "journal.db.damaged-") &&
          !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
        g_ptr_array_add (found, g_build_filename (data_dir, name, NULL));
    }

  return found;
}

static void
answer_recovery_dialog (EnoughTestApp *test)
{
  Scenario *scenario = test->user_data;
  GtkWindow *dialog = enough_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (test->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   scenario->expected_heading);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "fresh"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "quit"));
  g_assert_cmpint (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "restore"), ==,
                   scenario->expect_restore);
  g_assert_null (enough_window_get_store (test->window));

  /* Showing the dialog changed nothing on disk. */
  if (scenario->is_folder)
    {
      g_autofree char *marker = g_build_filename (scenario->fixture->db_path, FOLDER_MARKER, NULL);

      g_assert_true (g_file_test (scenario->fixture->db_path, G_FILE_TEST_IS_DIR));
      g_assert_true (g_file_get_contents (marker, &contents, &length, NULL));
    }
  else
    {
      g_assert_true (g_file_get_contents (scenario->fixture->db_path, &contents, &length, NULL));
    }
  g_assert_cmpmem (contents, length, scenario->damaged_contents, scenario->damaged_length);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), scenario->response);
  enough_test_drain_main_context ();

  /* A new window, now with a working journal. */
  g_assert_null (enough_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (enough_test_find_window_of_type (ENOUGH_TYPE_WINDOW));
  g_assert_nonnull (enough_application_get_store (test->app));
  g_assert_null (enough_application_get_store_error (test->app));
  g_assert_true (enough_window_get_store (ENOUGH_WINDOW (enough_test_find_window_of_type (ENOUGH_TYPE_WINDOW)))
                 == enough_application_get_store (test->app));
}

static void
check_damaged_file_kept (Scenario *scenario)
{
  g_autoptr(GPtrArray) aside = find_set_aside_files (scenario->fixture->data_dir);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpuint (aside->len, ==, 1);
  if (scenario->is_folder)
    {
      g_autofree char *marker = g_build_filename (g_ptr_array_index (aside, 0), FOLDER_MARKER, NULL);

      g_assert_true (g_file_get_contents (marker, &contents, &length, NULL));
    }
  else
    {
      g_assert_true (g_file_get_contents (g_ptr_array_index (aside, 0), &contents, &length, NULL));
    }
  g_assert_cmpmem (contents, length, scenario->damaged_contents, scenario->damaged_length);
}

/* After "fresh": a real, empty journal where the damaged one was. */
static void
check_fresh_journal (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = NULL;

  store = enough_store_open (fixture->db_path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_letters (store)), ==, 0);
  g_assert_true (enough_store_close (store, &error));
  g_assert_no_error (error);
}

static void
test_random_bytes_start_fresh (Fixture       *fixture,
                               gconstpointer  data)
{
  Scenario scenario = { fixture, "fresh", "Your Journal Could Not Be Opened", FALSE };
  g_autoptr(EnoughStore) store = NULL;

  write_random_bytes (fixture->db_path, 8192);
  g_assert_true (g_file_get_contents (fixture->db_path, &scenario.damaged_contents,
                                      &scenario.damaged_length, NULL));

  enough_test_run_app (answer_recovery_dialog, &scenario);

  check_damaged_file_kept (&scenario);
  /* The fresh journal is a real, empty one. */
  store = enough_store_open (fixture->db_path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, NULL);
  g_assert_nonnull (store);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_letters (store)), ==, 0);
  g_free (scenario.damaged_contents);
}

static void
test_truncated_restores_backup (Fixture       *fixture,
                                gconstpointer  data)
{
  Scenario scenario = { fixture, "restore", "Your Journal Could Not Be Opened", TRUE };
  g_autoptr(EnoughStore) store = NULL;
  g_autoptr(EnoughLetter) letter = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  make_journal_with_backup (fixture->db_path);
  g_assert_true (g_file_get_contents (fixture->db_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1024);
  /* Cut the file in the middle of a page: the classic torn copy. */
  g_assert_true (g_file_set_contents (fixture->db_path, contents, 1024 + 300, NULL));
  scenario.damaged_contents = g_memdup2 (contents, 1024 + 300);
  scenario.damaged_length = 1024 + 300;

  enough_test_run_app (answer_recovery_dialog, &scenario);

  store = enough_store_open (fixture->db_path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, NULL);
  g_assert_nonnull (store);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_letters (store)), ==, 1);
  letter = g_list_model_get_item (enough_store_get_letters (store), 0);
  g_assert_cmpstr (enough_letter_get_text (letter), ==, "Dear me, you did your best.");
  g_free (scenario.damaged_contents);
}

static void
test_newer_version_start_fresh (Fixture       *fixture,
                                gconstpointer  data)
{
  Scenario scenario = { fixture, "fresh", "Your Journal Needs a Newer Enough", TRUE };
  sqlite3 *db = NULL;

  /* A real journal, as a future Enough with a newer schema would leave it. */
  make_journal_with_backup (fixture->db_path);
  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (fixture->db_path, &scenario.damaged_contents,
                                      &scenario.damaged_length, NULL));

  enough_test_run_app (answer_recovery_dialog, &scenario);

  check_damaged_file_kept (&scenario);
  g_free (scenario.damaged_contents);
}

static void
test_other_program_start_fresh (Fixture       *fixture,
                                gconstpointer  data)
{
  Scenario scenario = { fixture, "fresh", "Your Journal Could Not Be Opened", FALSE };
  sqlite3 *db = NULL;

  /* A sound SQLite file that some other program made (say, a browser's
   * history copied over it): not ours, so never touched. */
  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                                     "INSERT INTO moz_places (url) VALUES ('about:blank');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (fixture->db_path, &scenario.damaged_contents,
                                      &scenario.damaged_length, NULL));

  enough_test_run_app (answer_recovery_dialog, &scenario);

  check_damaged_file_kept (&scenario);
  check_fresh_journal (fixture);
  g_free (scenario.damaged_contents);
}

static void
test_folder_start_fresh (Fixture       *fixture,
                         gconstpointer  data)
{
  Scenario scenario = { fixture, "fresh", "Your Journal Could Not Be Opened", FALSE };
  g_autofree char *marker = g_build_filename (fixture->db_path, FOLDER_MARKER, NULL);

  scenario.is_folder = TRUE;
  scenario.damaged_contents = g_strdup ("Something the user keeps in there.");
  scenario.damaged_length = strlen (scenario.damaged_contents);
  g_assert_cmpint (g_mkdir (fixture->db_path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (marker, scenario.damaged_contents, -1, NULL));

  enough_test_run_app (answer_recovery_dialog, &scenario);

  /* The folder (and what is in it) moved aside whole, never emptied. */
  check_damaged_file_kept (&scenario);
  check_fresh_journal (fixture);
  g_free (scenario.damaged_contents);
}

/* root ignores file modes; dropping CAP_DAC_OVERRIDE (and its read twin)
 * from this thread makes it obey them like everyone else. The store's
 * worker, started later from this thread, inherits that. */
static void
drop_dac_override (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct caps[2] = { { 0 } };
  const guint32 dac = (1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH);

  g_assert_cmpint (syscall (SYS_capget, &header, caps), ==, 0);
  caps[0].effective &= ~dac;
  caps[0].permitted &= ~dac;
  caps[0].inheritable &= ~dac;
  g_assert_cmpint (syscall (SYS_capset, &header, caps), ==, 0);
}

static void
test_read_only_start_fresh (Fixture       *fixture,
                            gconstpointer  data)
{
  Scenario scenario = { fixture, "fresh", "Your Journal Cannot Be Saved", TRUE };

  /* Runs in a child process: dropping a capability cannot be undone. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  if (geteuid () == 0)
    drop_dac_override ();

  make_journal_with_backup (fixture->db_path);
  g_assert_cmpint (g_chmod (fixture->db_path, 0400), ==, 0);
  g_assert_cmpint (g_access (fixture->db_path, W_OK), !=, 0);
  g_assert_true (g_file_get_contents (fixture->db_path, &scenario.damaged_contents,
                                      &scenario.damaged_length, NULL));

  enough_test_run_app (answer_recovery_dialog, &scenario);

  /* The read-only file is kept as it was, and the new journal works. */
  check_damaged_file_kept (&scenario);
  check_fresh_journal (fixture);
  g_free (scenario.damaged_contents);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/recovery/random-bytes/start-fresh", test_random_bytes_start_fresh);
  ADD ("/recovery/truncated/restore-backup", test_truncated_restores_backup);
  ADD ("/recovery/newer-version/start-fresh", test_newer_version_start_fresh);
  ADD ("/recovery/other-program/start-fresh", test_other_program_start_fresh);
  ADD ("/recovery/folder/start-fresh", test_folder_start_fresh);
  ADD ("/recovery/read-only/start-fresh", test_read_only_start_fresh);

#undef ADD

  return g_test_run ();
}
