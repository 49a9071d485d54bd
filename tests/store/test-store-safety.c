/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
/* Data safety of restore and backups: a failed step leaves the journal
 * where and as it was; SQL kept in a database never runs unless this
 * program wrote it; temporary files never follow links. */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "enough-failing-vfs.h"
#include "enough-store.h"
#include "enough-store-private.h"
#include "enough-store-test-hooks.h"
#include "enough-store-schema-check.h"
#include "enough-store-test-utils.h"

static void
exec_on (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

static guint
count_names (const char *dir_path,
             const char *part)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, part) != NULL)
      n++;
  return n;
}

/* A journal with one letter "version two" whose backup says "version one";
 * the store is closed. Returns the backup's path. */
static char *
make_journal_and_backup (StoreFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  char *backup;

  enough_letter_set_text (letter, "version one");
  flush (f->store);
  g_assert_true (enough_store_backup_now (f->store, &error));
  g_assert_no_error (error);
  list = enough_store_list_backups (f->path, &error);
  g_assert_cmpuint (list->len, ==, 1);
  backup = g_strdup (((EnoughBackupInfo *) g_ptr_array_index (list, 0))->path);

  enough_letter_set_text (letter, "version two");
  g_clear_object (&letter);
  g_assert_true (enough_store_close (f->store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (f->store);
  f->store = NULL;
  return backup;
}

/* The journal is where it was, sound, with "version two", nothing aside
 * and no temporary left. */
static void
assert_journal_as_it_was (StoreFixture *f)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  text = query_text (f->path, "SELECT text FROM letter");
  g_assert_cmpstr (text, ==, "version two");
  g_assert_cmpuint (count_names (f->dir, ".damaged-"), ==, 0);
  g_assert_cmpuint (count_names (f->dir, ".restoring"), ==, 0);
  f->store = fixture_open (f);
  g_assert_cmpstr (enough_letter_get_text (item (enough_store_get_letters (f->store), 0)), ==,
                   "version two");
}

static void
assert_truthful (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, "kept in memory"));
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
}

/* The disk is full from the start: the copy of the backup fails, and the
 * sound journal stays in place (it used to be moved aside, and an empty
 * journal opened in its place). */
static void
test_restore_disk_full (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autofree char *backup = make_journal_and_backup (f);
  g_autoptr(GError) error = NULL;

  failing_vfs_set_mode (FAILING_VFS_FULL, 0);
  g_assert_false (enough_store_restore_backup (f->path, backup, &error));
  failing_vfs_set_mode (FAILING_VFS_OFF, 0);
  g_assert_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_DISK_FULL);
  assert_truthful (error);
  assert_journal_as_it_was (f);
  g_assert_cmpuint (count_names (f->dir, ".tmp"), ==, 0);
}

/* The disk fills up after the restored copy is made, while the current
 * journal is being kept: nothing is restored, nothing moves. */
static void
test_restore_disk_full_while_keeping (StoreFixture  *f,
                                      gconstpointer  data)
{
  g_autofree char *backup = make_journal_and_backup (f);
  g_autofree char *probe = g_build_filename (f->dir, "probe.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *src = NULL;
  int copy_writes;

  /* How many writes one copy of the backup takes. */
  g_assert_cmpint (sqlite3_open_v2 (backup, &src, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  failing_vfs_set_mode (FAILING_VFS_FULL, 1000000);
  g_assert_true (_enough_store_backup_db (src, probe, &error));
  g_assert_no_error (error);
  copy_writes = 1000000 - g_atomic_int_get (&failing_vfs_allow);
  failing_vfs_set_mode (FAILING_VFS_OFF, 0);
  sqlite3_close (src);
  g_unlink (probe);
  g_assert_cmpint (copy_writes, >, 0);

  failing_vfs_set_mode (FAILING_VFS_FULL, copy_writes);
  g_assert_false (enough_store_restore_backup (f->path, backup, &error));
  failing_vfs_set_mode (FAILING_VFS_OFF, 0);
  g_assert_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_DISK_FULL);
  assert_truthful (error);
  {
    g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
    g_assert_cmpuint (count_names (backups, "before-restore"), ==, 0);
  }
  assert_journal_as_it_was (f);
}

/* Two restores within one second keep two "before restore" copies. */
static void
test_restore_twice_keeps_both (StoreFixture  *f,
                               gconstpointer  data)
{
  g_autofree char *backup = make_journal_and_backup (f);
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (enough_store_restore_backup (f->path, backup, &error));
  g_assert_no_error (error);
  g_assert_true (enough_store_restore_backup (f->path, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_names (backups, "before-restore"), ==, 2);
}

/* A backup whose schema is not the one this program makes is refused,
 * and the journal stays as it was. */
static void
assert_backup_refused (StoreFixture *f,
                       const char   *sql)
{
  g_autofree char *backup = make_journal_and_backup (f);
  g_autoptr(GError) error = NULL;

  exec_on (backup, sql);
  g_assert_false (enough_store_restore_backup (f->path, backup, &error));
  g_assert_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_A_JOURNAL);
  assert_journal_as_it_was (f);
}

static void
test_restore_refuses_extra_trigger (StoreFixture  *f,
                                    gconstpointer  data)
{
  assert_backup_refused (f, "CREATE TRIGGER purge AFTER INSERT ON letter BEGIN DELETE FROM letter; END");
}

static void
test_restore_refuses_changed_trigger (StoreFixture  *f,
                                      gconstpointer  data)
{
  assert_backup_refused (f, "DROP TRIGGER letter_ai;"
                            "CREATE TRIGGER letter_ai AFTER INSERT ON letter BEGIN DELETE FROM letter; END");
}

static void
test_restore_refuses_view (StoreFixture  *f,
                           gconstpointer  data)
{
  assert_backup_refused (f, "CREATE VIEW v AS SELECT * FROM letter");
}

static void
test_restore_refuses_missing_index (StoreFixture  *f,
                                    gconstpointer  data)
{
  assert_backup_refused (f, "DROP INDEX letter_list");
}

/* The journal itself is checked the same way when it is opened. */
static void
test_open_refuses_extra_trigger (StoreFixture  *f,
                                 gconstpointer  data)
{
  g_autofree char *backup = make_journal_and_backup (f);
  g_autoptr(GError) error = NULL;
  EnoughStore *store;

  exec_on (f->path, "CREATE TRIGGER purge AFTER INSERT ON letter BEGIN DELETE FROM letter; END");
  store = enough_store_open (f->path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_null (store);
  g_assert_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_A_JOURNAL);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM letter"), ==, 1);

  /* The way back: the (sound) backup is restored over it. */
  g_clear_error (&error);
  g_assert_true (enough_store_restore_backup (f->path, backup, &error));
  g_assert_no_error (error);
  f->store = fixture_open (f);
}

/* A fresh journal and the expected schema agree, and the triggers the
 * program re-creates come from its own SQL. */
static void
test_fresh_schema_matches (StoreFixture  *f,
                           gconstpointer  data)
{
  g_autofree char *unexpected = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_true (enough_store_check_schema (db, ENOUGH_STORE_SCHEMA_VERSION, &unexpected));
  g_assert_null (unexpected);
  sqlite3_close (db);
  g_assert_nonnull (enough_store_expected_sql ("letter_ai"));
  g_assert_true (g_str_has_prefix (enough_store_expected_sql ("letter_ai"), "CREATE TRIGGER letter_ai"));
  g_assert_null (enough_store_expected_sql ("purge"));
}

/* An old journal is copied before its schema is migrated. */
static void
test_copy_before_migration (StoreFixture  *f,
                            gconstpointer  data)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("ENOUGH_SOURCE_DIR"), "tests",
                                               "fixtures", "journal-v1.sql", NULL);
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_found = 0;

  g_assert_true (enough_store_close (f->store, &error));
  g_assert_finalize_object (f->store);
  f->store = NULL;
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  exec_on (f->path, sql);
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, 1);

  f->store = fixture_open (f);
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, ENOUGH_STORE_SCHEMA_VERSION);

  dir = g_dir_open (backups, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, "-before-v2-") != NULL && g_str_has_suffix (name, ".db"))
      {
        g_autofree char *path = g_build_filename (backups, name, NULL);

        g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 1);
        g_assert_cmpint (query_int (path, "SELECT count(*) FROM dialogue"), ==,
                         query_int (f->path, "SELECT count(*) FROM dialogue"));
        n_found++;
      }
  g_assert_cmpuint (n_found, ==, 1);
}

/* After "Start fresh" the old journal's daily backups are renamed out of
 * the rotation, and still listed. */
static void
test_fresh_keeps_old_backups (StoreFixture  *f,
                              gconstpointer  data)
{
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  for (guint day = 1; day <= 3; day++)
    {
      g_autofree char *name = g_strdup_printf ("journal-2020-01-%02u.db", day);
      g_autofree char *path = g_build_filename (backups, name, NULL);
      g_assert_true (g_file_set_contents (path, "old", -1, NULL));
    }
  g_assert_true (enough_store_keep_backups_apart (f->path, &error));
  g_assert_no_error (error);

  /* A week (and more) of the new journal's backups. */
  for (guint day = 1; day <= ENOUGH_STORE_N_BACKUPS + 2; day++)
    {
      g_autofree char *name = g_strdup_printf ("journal-2030-01-%02u.db", day);
      g_autofree char *path = g_build_filename (backups, name, NULL);
      g_assert_true (g_file_set_contents (path, "new", -1, NULL));
    }
  _enough_store_rotate_backups (f->path);

  g_assert_cmpuint (count_names (backups, "journal-2020-01-"), ==, 3);
  g_assert_cmpuint (count_names (backups, "-kept-"), ==, 3);
  g_assert_cmpuint (count_names (backups, "journal-2030-01-"), ==, ENOUGH_STORE_N_BACKUPS);
  list = enough_store_list_backups (f->path, &error);
  g_assert_cmpuint (list->len, ==, 3 + ENOUGH_STORE_N_BACKUPS);
}

/* ---- search over what the database holds ---------------------------------- */

/* A stored text that is not valid UTF-8 (a damaged or crafted file can
 * hold one and pass quick_check) ends in a lead byte: the scans used to
 * step over its end (ASan: heap-buffer-overflow READ). */
static void
test_search_invalid_utf8 (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  EnoughSearchResult *result;
  const char *snippet;
  gboolean complete = FALSE;

  enough_letter_set_text (letter, "placeholder");
  flush (f->store);
  /* "needle \xff needle \xf0" as stored bytes */
  g_assert_true (_enough_store_exec_on_writer (f->store,
                                               "UPDATE letter SET text = CAST (X'6e6565646c6520ff206e6565646c65f0' AS TEXT)",
                                               &error));
  g_assert_no_error (error);

  results = enough_store_search (f->store, "needle", 0, &complete, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  result = item (results, 0);
  snippet = enough_search_result_get_snippet (result);
  g_assert_true (g_utf8_validate (snippet, -1, NULL));
  g_assert_true (g_str_has_prefix (snippet, "needle "));
}

/* Pages a search read on the UI thread's connection. */
static guint64
search_pages (EnoughStore *store,
              const char  *query,
              guint        n_expected)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  gboolean complete;

  _enough_store_take_read_pages (store);
  results = enough_store_search (store, query, 0, &complete, &error);
  g_assert_no_error (error);
  g_assert_true (complete);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_expected);
  return _enough_store_take_read_pages (store);
}

/* Scoring and snippets of very long texts are bounded: 20 letters of 1 MB
 * cost what 20 of 16 KB do (they cost 277 ms, all of it on the UI thread,
 * whose budget is 8 ms; then still 4–5 times the 16 KB ones, as SQLite
 * loaded every whole text). Counted in pages read, not in time, so a slow
 * or busy machine does not matter. */
static void
test_search_long_texts_bounded (StoreFixture  *f,
                                gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new ("needle ");
  g_autoptr(GString) small = g_string_new ("thimble ");
  guint64 big_pages, small_pages;

  while (big->len < 1024 * 1024)
    g_string_append (big, "a few words about a day that went well enough ");
  while (small->len < 16 * 1024)
    g_string_append (small, "a few words about a day that went well enough ");
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(EnoughLetter) a = enough_store_create_letter (f->store);
      g_autoptr(EnoughLetter) b = enough_store_create_letter (f->store);

      enough_letter_set_text (a, big->str);
      enough_letter_set_text (b, small->str);
    }
  flush (f->store);

  big_pages = search_pages (f->store, "needle", 20);
  small_pages = search_pages (f->store, "thimble", 20);
  g_test_message ("pages read: 20 × 1 MB: %" G_GUINT64_FORMAT ", 20 × 16 KB: %" G_GUINT64_FORMAT,
                  big_pages, small_pages);
  /* 1 MB is 256 pages of 4 KB: reading whole texts would be 20 × 256. */
  g_assert_cmpuint (big_pages, <=, small_pages + 20 * 2);
}

/* ---- temporary files and links --------------------------------------------- */

static char *
make_victim (StoreFixture *f)
{
  g_autofree char *outside = g_build_filename (f->dir, "outside", NULL);
  char *victim = g_build_filename (outside, "precious.txt", NULL);

  g_assert_cmpint (g_mkdir_with_parents (outside, 0700), ==, 0);
  g_assert_true (g_file_set_contents (victim, "precious", -1, NULL));
  return victim;
}

static void
assert_victim_untouched (const char *victim)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");
}

/* A link planted where "Back up now" makes its temporary file. */
static void
test_backup_tmp_link (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autofree char *victim = make_victim (f);
  g_autofree char *daily = _enough_store_daily_backup_path (f->path);
  g_autofree char *tmp = g_strconcat (daily, ".tmp", NULL);
  g_autofree char *backups = g_path_get_dirname (daily);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  g_assert_cmpint (symlink (victim, tmp), ==, 0);
  g_assert_true (enough_store_backup_now (f->store, &error));
  g_assert_no_error (error);
  assert_victim_untouched (victim);
  g_assert_true (g_file_test (daily, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (daily, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpint (query_int (daily, "PRAGMA application_id"), !=, 0);
}

/* Links planted where a restore makes its temporary files. */
static void
test_restore_tmp_links (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autofree char *victim = make_victim (f);
  g_autofree char *backup = make_journal_and_backup (f);
  g_autofree char *restoring = g_strconcat (f->path, ".restoring", NULL);
  g_autofree char *restoring_tmp = g_strconcat (f->path, ".restoring.tmp", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink (victim, restoring), ==, 0);
  g_assert_cmpint (symlink (victim, restoring_tmp), ==, 0);
  g_assert_true (enough_store_restore_backup (f->path, backup, &error));
  g_assert_no_error (error);
  assert_victim_untouched (victim);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_IS_SYMLINK));
  f->store = fixture_open (f);
  g_assert_cmpstr (enough_letter_get_text (item (enough_store_get_letters (f->store), 0)), ==,
                   "version one");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  failing_vfs_install ();

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store-safety/restore/disk-full", test_restore_disk_full);
  ADD ("/store-safety/restore/disk-full-while-keeping", test_restore_disk_full_while_keeping);
  ADD ("/store-safety/restore/twice-keeps-both", test_restore_twice_keeps_both);
  ADD ("/store-safety/restore/refuses-extra-trigger", test_restore_refuses_extra_trigger);
  ADD ("/store-safety/restore/refuses-changed-trigger", test_restore_refuses_changed_trigger);
  ADD ("/store-safety/restore/refuses-view", test_restore_refuses_view);
  ADD ("/store-safety/restore/refuses-missing-index", test_restore_refuses_missing_index);
  ADD ("/store-safety/open/refuses-extra-trigger", test_open_refuses_extra_trigger);
  ADD ("/store-safety/schema/fresh-matches", test_fresh_schema_matches);
  ADD ("/store-safety/migration/copy-first", test_copy_before_migration);
  ADD ("/store-safety/backups/fresh-keeps-old", test_fresh_keeps_old_backups);
  ADD ("/store-safety/search/invalid-utf8", test_search_invalid_utf8);
  ADD ("/store-safety/search/long-texts-bounded", test_search_long_texts_bounded);
  ADD ("/store-safety/tmp/backup-link", test_backup_tmp_link);
  ADD ("/store-safety/tmp/restore-links", test_restore_tmp_links);

  return g_test_run ();
}
