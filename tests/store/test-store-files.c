/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "enough-store.h"
#include "enough-store-private.h"
#include "enough-store-test-hooks.h"
#include "enough-store-test-utils.h"

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
write_file (const char *path,
            const void *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, (gssize) len, &error));
  g_assert_no_error (error);
}

/* A real journal with enough text to span many pages, closed cleanly. */
static void
make_journal (StoreFixture *f,
              guint         n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (enough_store_generate_synthetic (f->store, n, 3, &error));
  g_assert_no_error (error);
  g_assert_true (enough_store_close (f->store, &error));
  g_assert_finalize_object (f->store);
  f->store = NULL;
}

/* Opening must fail with @code and leave the file byte for byte as it was. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = g_file_test (path, G_FILE_TEST_IS_REGULAR) ? read_file (path) : NULL;
  g_autoptr(GError) error = NULL;
  EnoughStore *store = enough_store_open (path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);

  g_assert_null (store);
  g_assert_error (error, ENOUGH_STORE_ERROR, code);
  g_assert_nonnull (error->message);
  if (before != NULL)
    {
      g_autoptr(GBytes) after = read_file (path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

/* ---- migrations ------------------------------------------------------------ */

static void
load_sql_file (const char *db_path,
               const char *sql_path)
{
  g_autoptr(GBytes) sql = read_file (sql_path);
  g_autofree char *text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, text, NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);
}

static void
test_migrate_v1 (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("ENOUGH_SOURCE_DIR"), "tests",
                                               "fixtures", "journal-v1.sql", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  EnoughDialogue *dialogue;
  EnoughSelfCheck *check;
  GListModel *turns;

  /* Replace the fresh journal by the old one. */
  g_assert_true (enough_store_close (f->store, &error));
  g_assert_finalize_object (f->store);
  f->store = NULL;
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  load_sql_file (f->path, fixture);
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, 1);

  f->store = fixture_open (f);
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, ENOUGH_STORE_SCHEMA_VERSION);

  /* Everything is still there... */
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_dialogues (f->store)), ==, 1);
  dialogue = item (enough_store_get_dialogues (f->store), 0);
  g_assert_cmpstr (enough_dialogue_get_title (dialogue), ==, "The report");
  g_assert_cmpstr (enough_dialogue_get_critic_name (dialogue), ==, "the Taskmaster");
  turns = enough_dialogue_get_turns (dialogue);
  g_assert_cmpuint (g_list_model_get_n_items (turns), ==, 3);
  g_assert_cmpint (enough_turn_get_patterns (item (turns, 0)), ==, 5);
  g_assert_cmpstr (enough_letter_get_takeaway (item (enough_store_get_letters (f->store), 0)), ==,
                   "Wild is alive.");
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_self_checks (f->store)), ==, 2);

  /* ...searchable (v2 indexed the old text)... */
  results = enough_store_search (f->store, "quarterly", 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);
  results = enough_store_search (f->store, "不够好", 10, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);
  {
    gboolean complete = FALSE;

    /* v3's character index holds the old text as well */
    results = enough_store_search (f->store, "不够", 10, &complete, &error);
    g_assert_true (complete);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
    g_clear_object (&results);
    g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM search_cjk"), ==, 1);
  }
  results = enough_store_search (f->store, "garden", 10, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_clear_object (&results);

  /* ...and the new column works. */
  check = item (enough_store_get_self_checks (f->store), 0);
  g_assert_cmpstr (enough_self_check_get_note (check), ==, "");
  enough_self_check_set_note (check, "added after the upgrade");
  flush (f->store);
  fixture_reopen (f);
  results = enough_store_search (f->store, "upgrade", 10, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
}

/* ---- files we must refuse ---------------------------------------------------- */

static void
test_corrupt_random_bytes (StoreFixture  *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "random.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int (rand);
  write_file (path, bytes, sizeof bytes);
  assert_refused (path, ENOUGH_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_corrupt_not_sqlite (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "notes.db", NULL);
  const char *text = "Dear diary, this is a plain text file that happens to end in .db\n";
  g_autofree char *dir_path = g_build_filename (f->dir, "folder.db", NULL);

  write_file (path, text, strlen (text));
  assert_refused (path, ENOUGH_STORE_ERROR_NOT_A_DATABASE);

  /* A folder where the file should be */
  g_assert_cmpint (g_mkdir (dir_path, 0700), ==, 0);
  assert_refused (dir_path, ENOUGH_STORE_ERROR_NOT_A_DATABASE);
  g_assert_true (g_file_test (dir_path, G_FILE_TEST_IS_DIR));
}

static void
test_corrupt_truncated (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;

  make_journal (f, 150);
  whole = read_file (f->path);
  g_assert_cmpuint (g_bytes_get_size (whole), >, 64 * 1024);
  write_file (f->path, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) / 2);
  assert_refused (f->path, ENOUGH_STORE_ERROR_CORRUPT);
}

static void
test_corrupt_damaged_page (StoreFixture  *f,
                           gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  g_autofree guint8 *bytes = NULL;
  gsize len;

  make_journal (f, 150);
  whole = read_file (f->path);
  len = g_bytes_get_size (whole);
  bytes = g_memdup2 (g_bytes_get_data (whole, NULL), len);
  /* Scribble over the middle pages; the header stays valid. */
  for (gsize i = len / 3; i < len / 3 + 3 * 4096 && i < len; i++)
    bytes[i] = (guint8) (i * 7);
  write_file (f->path, bytes, len);
  assert_refused (f->path, ENOUGH_STORE_ERROR_CORRUPT);
}

static void
on_integrity_failed (EnoughStore  *store,
                     const GError *error,
                     GError      **out)
{
  *out = g_error_copy (error);
}

/* Big journals are checked on the worker after open: the damage is then
 * reported by a signal, and the store stops writing but keeps the words. */
static void
test_corrupt_found_after_open (StoreFixture  *f,
                               gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) reported = NULL;
  g_autofree guint8 *bytes = NULL;
  g_autoptr(EnoughLetter) letter = NULL;
  gsize len;
  guint page_size = (guint) query_int (f->path, "PRAGMA page_size");
  guint n_letters;

  make_journal (f, 150);
  whole = read_file (f->path);
  len = g_bytes_get_size (whole);
  bytes = g_memdup2 (g_bytes_get_data (whole, NULL), len);
  /* Damage the last pages (the letter and search tables, not the schema
   * or list indexes the open reads). */
  for (gsize i = len - 4 * page_size; i < len; i++)
    bytes[i] = (guint8) (i * 13);
  write_file (f->path, bytes, len);
  before = g_bytes_new (bytes, len);

  _enough_store_set_sync_check_limit (0);
  _enough_store_set_check_delay (0);
  f->store = fixture_open (f);
  _enough_store_set_sync_check_limit (-1);
  _enough_store_set_check_delay (-1);
  g_signal_connect (f->store, "integrity-failed", G_CALLBACK (on_integrity_failed), &reported);
  while (reported == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (reported, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT);
  g_assert_false (enough_store_is_writable (f->store));

  n_letters = g_list_model_get_n_items (enough_store_get_letters (f->store));
  letter = enough_store_create_letter (f->store);
  enough_letter_set_text (letter, "still here");
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_letters (f->store)), ==, n_letters + 1);
  g_assert_false (enough_store_flush (f->store, &error));
  g_assert_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT);
  g_assert_cmpuint (enough_store_get_n_pending (f->store), >=, 1);
  g_assert_cmpstr (enough_letter_get_text (letter), ==, "still here");
  g_signal_handlers_disconnect_by_data (f->store, &reported);

  /* Closing writes nothing either: the damaged file is as it was. */
  g_clear_error (&error);
  g_clear_object (&letter);
  enough_store_close (f->store, NULL);
  g_assert_finalize_object (f->store);
  f->store = NULL;
  {
    g_autoptr(GBytes) after = read_file (f->path);
    g_assert_true (g_bytes_equal (before, after));
  }
}

/* The background check reads the whole file; its connection lets the
 * pages go afterwards instead of keeping up to 2 MB for the session. */
static void
test_check_releases_cache (StoreFixture  *f,
                           gconstpointer  data)
{
  sqlite3 *db;
  int used = 0, highwater = 0;
  gint64 size;

  make_journal (f, 600);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (f->path, &st), ==, 0);
    size = st.st_size;
  }
  /* (bigger than the page cache, so a kept cache would be full) */
  g_assert_cmpint (size, >, 2 * 1024 * 1024);

  _enough_store_set_sync_check_limit (0);
  _enough_store_set_check_delay (0);
  f->store = fixture_open (f);
  _enough_store_set_sync_check_limit (-1);
  _enough_store_set_check_delay (-1);
  _enough_store_wait_idle (f->store);
  g_assert_true (enough_store_is_writable (f->store));

  db = _enough_store_get_check_db (f->store);
  sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_USED, &used, &highwater, FALSE);
  g_test_message ("check connection's cache after the check: %d bytes (file %" G_GINT64_FORMAT ")",
                  used, size);
  /* What stays is SQLite's first bulk allocation (20 pages). */
  g_assert_cmpint (used, <=, 128 * 1024);
  /* Freed pages stay with the thread's malloc arena, so the cache is
   * also kept small while the check reads. */
  g_assert_cmpint (query_int_on (db, "PRAGMA cache_size"), ==, -256);

  /* A backup reads it all too. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (enough_store_backup_now (f->store, &error));
    g_assert_no_error (error);
  }
  sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_USED, &used, &highwater, FALSE);
  g_assert_cmpint (used, <=, 128 * 1024);
}

/* Damages the last pages of a journal of n entries (see above). */
static void
damage_tail (StoreFixture *f,
             guint         n)
{
  g_autoptr(GBytes) whole = NULL;
  g_autofree guint8 *bytes = NULL;
  guint page_size;
  gsize len;

  make_journal (f, n);
  page_size = (guint) query_int (f->path, "PRAGMA page_size");
  whole = read_file (f->path);
  len = g_bytes_get_size (whole);
  bytes = g_memdup2 (g_bytes_get_data (whole, NULL), len);
  for (gsize i = len - 4 * page_size; i < len; i++)
    bytes[i] = (guint8) (i * 13);
  write_file (f->path, bytes, len);
}

/* The background check of a big file waits a while after open (so it
 * does not slow the first frames), but whoever waits for the background
 * thread starts it at once. */
static void
test_corrupt_check_delayed (StoreFixture  *f,
                            gconstpointer  data)
{
  g_autoptr(GError) reported = NULL;

  damage_tail (f, 150);
  _enough_store_set_sync_check_limit (0);
  _enough_store_set_check_delay ((gint64) 3600 * G_USEC_PER_SEC);
  f->store = fixture_open (f);
  _enough_store_set_sync_check_limit (-1);
  _enough_store_set_check_delay (-1);
  g_signal_connect (f->store, "integrity-failed", G_CALLBACK (on_integrity_failed), &reported);

  /* Not checked yet: the open journal is usable meanwhile. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (reported);
  g_assert_true (enough_store_is_writable (f->store));

  _enough_store_wait_idle (f->store);
  g_assert_error (reported, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT);
  g_assert_false (enough_store_is_writable (f->store));
  g_signal_handlers_disconnect_by_data (f->store, &reported);
  enough_store_close (f->store, NULL);
  g_assert_finalize_object (f->store);
  f->store = NULL;
}

/* Closing during the delay neither waits for it nor runs the check. */
static void
test_corrupt_close_before_check (StoreFixture  *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) reported = NULL;
  gint64 start;

  damage_tail (f, 150);
  _enough_store_set_sync_check_limit (0);
  _enough_store_set_check_delay ((gint64) 3600 * G_USEC_PER_SEC);
  f->store = fixture_open (f);
  _enough_store_set_sync_check_limit (-1);
  _enough_store_set_check_delay (-1);
  g_signal_connect (f->store, "integrity-failed", G_CALLBACK (on_integrity_failed), &reported);

  start = g_get_monotonic_time ();
  enough_store_close (f->store, NULL);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (reported);
  g_signal_handlers_disconnect_by_data (f->store, &reported);
  g_assert_finalize_object (f->store);
  f->store = NULL;
}

static void
test_corrupt_newer_version (StoreFixture  *f,
                            gconstpointer  data)
{
  sqlite3 *db = NULL;

  make_journal (f, 5);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (f->path, ENOUGH_STORE_ERROR_NEWER_VERSION);
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, 99);
}

static void
test_corrupt_other_program (StoreFixture  *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                                     "INSERT INTO moz_places (url) VALUES ('about:blank')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (path, ENOUGH_STORE_ERROR_NOT_A_JOURNAL);
}

static void
test_read_only (StoreFixture  *f,
                gconstpointer  data)
{
  if (geteuid () == 0)
    {
      g_test_skip ("root ignores file permissions");
      return;
    }
  make_journal (f, 5);
  g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);
  assert_refused (f->path, ENOUGH_STORE_ERROR_READ_ONLY);
  g_chmod (f->path, 0600);
}

static void
test_permissions_tightened (StoreFixture  *f,
                            gconstpointer  data)
{
  GStatBuf st;

  make_journal (f, 5);
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  f->store = fixture_open (f);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (f->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

/* ---- backups ------------------------------------------------------------------- */

static void
test_backup_rotate (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);
  GStatBuf st;

  list = enough_store_list_backups (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Nine old daily backups and one unrelated file. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint day = 1; day <= 9; day++)
    {
      g_autofree char *name = g_strdup_printf ("journal-2020-01-%02u.db", day);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      write_file (path, "old", 3);
    }
  {
    g_autofree char *other = g_build_filename (dir, "keep-me.txt", NULL);
    write_file (other, "x", 1);
  }

  g_assert_true (enough_store_backup_now (f->store, &error));
  g_assert_no_error (error);

  list = enough_store_list_backups (f->path, &error);
  g_assert_cmpuint (list->len, ==, ENOUGH_STORE_N_BACKUPS);
  {
    /* Today's is there and a sound 0600 journal; the oldest went. */
    g_autofree char *today = _enough_store_daily_backup_path (f->path);
    g_autofree char *oldest = g_build_filename (dir, "journal-2020-01-01.db", NULL);
    g_autofree char *other = g_build_filename (dir, "keep-me.txt", NULL);

    g_assert_true (g_file_test (today, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (g_stat (today, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (query_int (today, "PRAGMA application_id"), ==, 0x456e6f75);
    g_assert_false (g_file_test (oldest, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  }
}

static void
test_backup_daily_on_open (StoreFixture  *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  EnoughStore *store;

  g_assert_true (enough_store_close (f->store, &error));
  g_assert_finalize_object (f->store);
  f->store = NULL;

  store = enough_store_open (f->path, ENOUGH_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* Closing waits for the worker, so the daily backup is done by then. */
  g_assert_true (enough_store_close (store, &error));
  g_assert_finalize_object (store);
  list = enough_store_list_backups (f->path, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_backup_restore (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  g_autofree char *backup = NULL;
  gboolean found_before = FALSE;

  enough_letter_set_text (letter, "version one");
  flush (f->store);
  g_assert_true (enough_store_backup_now (f->store, &error));
  list = enough_store_list_backups (f->path, &error);
  g_assert_cmpuint (list->len, ==, 1);
  backup = g_strdup (((EnoughBackupInfo *) g_ptr_array_index (list, 0))->path);
  g_assert_cmpint (((EnoughBackupInfo *) g_ptr_array_index (list, 0))->size, >, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  enough_letter_set_text (letter, "version two");
  g_clear_object (&letter);
  g_assert_true (enough_store_close (f->store, &error));
  g_assert_finalize_object (f->store);
  f->store = NULL;

  g_assert_true (enough_store_restore_backup (f->path, backup, &error));
  g_assert_no_error (error);

  f->store = fixture_open (f);
  g_assert_cmpstr (enough_letter_get_text (item (enough_store_get_letters (f->store), 0)), ==,
                   "version one");

  /* What was there before the restore was kept as a backup. */
  list = enough_store_list_backups (f->path, &error);
  for (guint i = 0; i < list->len; i++)
    {
      const char *path = ((EnoughBackupInfo *) g_ptr_array_index (list, i))->path;

      if (strstr (path, "before-restore") != NULL)
        {
          g_autofree char *text = query_text (path, "SELECT text FROM letter");
          g_assert_cmpstr (text, ==, "version two");
          found_before = TRUE;
        }
    }
  g_assert_true (found_before);
}

static void
test_backup_restore_refuses_bad_backup (StoreFixture  *f,
                                        gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "bad.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;

  make_journal (f, 5);
  before = read_file (f->path);
  write_file (bad, "not a database at all, sorry", 28);
  g_assert_false (enough_store_restore_backup (f->path, bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (enough_store_restore_backup (f->path, "/nonexistent/backup.db", &error));
  g_assert_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_FOUND);
  {
    g_autoptr(GBytes) after = read_file (f->path);
    g_assert_true (g_bytes_equal (before, after));
  }
}

static void
test_restore_over_damaged (StoreFixture  *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean aside = FALSE;

  g_assert_true (enough_store_backup_now (f->store, &error));
  list = enough_store_list_backups (f->path, &error);
  backup = g_strdup (((EnoughBackupInfo *) g_ptr_array_index (list, 0))->path);
  make_journal (f, 0);

  /* The journal is garbage now; restoring keeps the garbage aside. */
  write_file (f->path, "garbage garbage garbage", 23);
  assert_refused (f->path, ENOUGH_STORE_ERROR_NOT_A_DATABASE);
  g_assert_true (enough_store_restore_backup (f->path, backup, &error));
  g_assert_no_error (error);

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "journal.db.damaged-"))
      {
        g_autofree char *path = g_build_filename (f->dir, name, NULL);
        g_autoptr(GBytes) kept = read_file (path);
        g_assert_cmpuint (g_bytes_get_size (kept), ==, 23);
        aside = TRUE;
      }
  g_assert_true (aside);
  f->store = fixture_open (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store-files/migrate/v1", test_migrate_v1);
  ADD ("/store-files/corrupt/random-bytes", test_corrupt_random_bytes);
  ADD ("/store-files/corrupt/not-sqlite", test_corrupt_not_sqlite);
  ADD ("/store-files/corrupt/truncated", test_corrupt_truncated);
  ADD ("/store-files/corrupt/damaged-page", test_corrupt_damaged_page);
  ADD ("/store-files/corrupt/found-after-open", test_corrupt_found_after_open);
  ADD ("/store-files/corrupt/check-delayed", test_corrupt_check_delayed);
  ADD ("/store-files/corrupt/close-before-check", test_corrupt_close_before_check);
  ADD ("/store-files/check-releases-cache", test_check_releases_cache);
  ADD ("/store-files/corrupt/newer-version", test_corrupt_newer_version);
  ADD ("/store-files/corrupt/other-program", test_corrupt_other_program);
  ADD ("/store-files/read-only", test_read_only);
  ADD ("/store-files/permissions-tightened", test_permissions_tightened);
  ADD ("/store-files/backup/rotate", test_backup_rotate);
  ADD ("/store-files/backup/daily-on-open", test_backup_daily_on_open);
  ADD ("/store-files/backup/restore", test_backup_restore);
  ADD ("/store-files/backup/refuses-bad", test_backup_restore_refuses_bad_backup);
  ADD ("/store-files/backup/restore-over-damaged", test_restore_over_damaged);

  return g_test_run ();
}
