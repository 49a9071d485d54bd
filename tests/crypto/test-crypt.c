/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "crypt-test-utils.h"  /* first: it asks for memmem */

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "enough-crypt-key.h"
#include "enough-crypt-vfs.h"
#include "enough-test-utils.h"

/* The key file and the encrypting VFS on their own, with plain SQL. */

typedef struct
{
  char *dir;
  char *db_path;
  char *key_path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  (void) data;
  f->dir = enough_test_make_data_dir ();
  f->db_path = g_build_filename (f->dir, "journal.db", NULL);
  f->key_path = enough_key_file_path_for (f->db_path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  (void) data;
  enough_test_remove_data_dir (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
  g_free (f->key_path);
}

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A table with many rows holding the words, in WAL mode. */
static void
fill (sqlite3 *db,
      guint    n_rows)
{
  exec_ok (db, "PRAGMA journal_mode = WAL");
  exec_ok (db, "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT)");
  exec_ok (db, "CREATE INDEX IF NOT EXISTS t_body ON t (body)");
  {
  guint first = 0;
  sqlite3_stmt *stmt = NULL;

  exec_ok (db, "BEGIN");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM t", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  first = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  for (guint i = first; i < first + n_rows; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO t (body) VALUES ('%u %s %s')",
                                              i, words[i % G_N_ELEMENTS (words)],
                                              words[(i + 1) % G_N_ELEMENTS (words)]);
      exec_ok (db, sql);
    }
  exec_ok (db, "COMMIT");
  }
}

static sqlite3 *
open_encrypted (const char     *path,
                EnoughCryptKey *key)
{
  sqlite3 *db = NULL;
  int rc = enough_crypt_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, key, &db);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  return db;
}

/* Counts the rows and checks every body holds words only from the list;
 * returns the first error code met (SQLITE_OK if none). */
static int
read_all (sqlite3 *db,
          guint   *out_rows)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT body FROM t ORDER BY id", -1, &stmt, NULL);
  guint n = 0;

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *body = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *expected = g_strdup_printf ("%u %s %s", n, words[n % G_N_ELEMENTS (words)],
                                                   words[(n + 1) % G_N_ELEMENTS (words)]);

      /* Never wrong text: either the right row or an error. */
      g_assert_cmpstr (body, ==, expected);
      n++;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  if (rc == SQLITE_OK)
    {
      stmt = NULL;
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        rc = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 ? SQLITE_OK : SQLITE_CORRUPT;
      sqlite3_finalize (stmt);
    }
  *out_rows = n;
  return rc;
}

static EnoughCryptKey *
make_key (Fixture  *f,
          char    **recovery)
{
  g_autoptr(GError) error = NULL;
  EnoughCryptKey *key = enough_key_file_create (f->key_path, "correct horse", recovery, &error);

  g_assert_no_error (error);
  g_assert_nonnull (key);
  return key;
}

static void
test_key_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery = NULL;
  g_autoptr(EnoughCryptKey) key = NULL;
  g_autoptr(EnoughCryptKey) again = NULL;
  GStatBuf st;

  (void) data;
  key = make_key (f, &recovery);
  g_assert_cmpint (strlen (recovery), ==, 8 * 4 + 7);
  g_assert_cmpint (g_stat (f->key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, ==, ENOUGH_CRYPT_KEY_FILE_SIZE);

  /* Never over an existing key file. */
  g_assert_null (enough_key_file_create (f->key_path, "other", NULL, &error));
  g_assert_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_FAILED);
  g_clear_error (&error);

  again = enough_key_file_unlock (f->key_path, "correct horse", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (enough_crypt_key_get_data (again), 32, enough_crypt_key_get_data (key), 32);
  g_assert_cmpmem (enough_crypt_key_get_file_id (again), 16, enough_crypt_key_get_file_id (key), 16);
  g_clear_pointer (&again, enough_crypt_key_unref);

  g_assert_null (enough_key_file_unlock (f->key_path, "correct horse!", &error));
  g_assert_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  /* The recovery key, typed in lower case without dashes, unlocks. */
  {
    g_autofree char *typed = g_ascii_strdown (recovery, -1);
    g_auto(GStrv) parts = g_strsplit (typed, "-", -1);
    g_autofree char *joined = g_strjoinv (" ", parts);

    again = enough_key_file_unlock_recovery (f->key_path, joined, &error);
    g_assert_no_error (error);
    g_assert_cmpmem (enough_crypt_key_get_data (again), 32, enough_crypt_key_get_data (key), 32);
    g_clear_pointer (&again, enough_crypt_key_unref);
  }
  g_assert_null (enough_key_file_unlock_recovery (f->key_path, "AAAA-BBBB", &error));
  g_assert_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  /* Changing the passphrase rewraps the same key; the old one stops
   * working, the recovery key goes on working. */
  g_assert_false (enough_key_file_change_passphrase (f->key_path, "wrong", FALSE, "new pass", &error));
  g_assert_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (enough_key_file_change_passphrase (f->key_path, "correct horse", FALSE, "new pass", &error));
  g_assert_no_error (error);
  g_assert_null (enough_key_file_unlock (f->key_path, "correct horse", &error));
  g_assert_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  again = enough_key_file_unlock (f->key_path, "new pass", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (enough_crypt_key_get_data (again), 32, enough_crypt_key_get_data (key), 32);
  g_clear_pointer (&again, enough_crypt_key_unref);
  again = enough_key_file_unlock_recovery (f->key_path, recovery, &error);
  g_assert_no_error (error);
  g_clear_pointer (&again, enough_crypt_key_unref);
  /* …and with the recovery key a forgotten passphrase is replaced. */
  g_assert_true (enough_key_file_change_passphrase (f->key_path, recovery, TRUE, "third", &error));
  g_assert_no_error (error);
  again = enough_key_file_unlock (f->key_path, "third", &error);
  g_assert_no_error (error);
}

static void
test_key_file_parser (void)
{
  guint8 data[ENOUGH_CRYPT_KEY_FILE_SIZE + 1] = { 0 };
  EnoughKeyFile kf;
  g_autoptr(GError) error = NULL;

  memcpy (data, "ENOUGHKF", 8);
  data[9] = 1;
  data[15] = 2;          /* t_cost */
  data[18] = 1;          /* m_cost 256 KiB */
  data[23] = 1;          /* lanes */
  g_assert_true (enough_key_file_parse (data, ENOUGH_CRYPT_KEY_FILE_SIZE, &kf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kf.t_cost, ==, 2);
  g_assert_cmpuint (kf.m_cost_kib, ==, 256);

  g_assert_false (enough_key_file_parse (data, ENOUGH_CRYPT_KEY_FILE_SIZE + 1, &kf, &error));
  g_assert_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_BAD_KEY_FILE);
  g_clear_error (&error);
  g_assert_false (enough_key_file_parse (data, 10, &kf, &error));
  g_clear_error (&error);
  data[9] = 2;  /* a newer version */
  g_assert_false (enough_key_file_parse (data, ENOUGH_CRYPT_KEY_FILE_SIZE, &kf, &error));
  g_assert_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_BAD_KEY_FILE);
  g_clear_error (&error);
  data[9] = 1;
  data[16] = 0x7f;  /* m_cost way beyond the bound */
  g_assert_false (enough_key_file_parse (data, ENOUGH_CRYPT_KEY_FILE_SIZE, &kf, &error));
  g_clear_error (&error);
  data[16] = 0;
  data[15] = 0;  /* t_cost 0 */
  g_assert_false (enough_key_file_parse (data, ENOUGH_CRYPT_KEY_FILE_SIZE, &kf, &error));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(EnoughCryptKey) key = make_key (f, NULL);
  g_autoptr(EnoughCryptKey) other = NULL;
  sqlite3 *db = open_encrypted (f->db_path, key);
  sqlite3 *reader = NULL;
  g_autofree char *other_key = g_build_filename (f->dir, "other.key", NULL);
  guint n = 0;

  (void) data;
  fill (db, 400);
  /* A second connection reads the frames still in the WAL. */
  reader = open_encrypted (f->db_path, key);
  g_assert_cmpint (read_all (reader, &n), ==, SQLITE_OK);
  g_assert_cmpuint (n, ==, 400);
  sqlite3_close (reader);
  /* While the WAL, the SHM and the database all hold data. */
  assert_no_plaintext (f->dir);
  exec_ok (db, "PRAGMA wal_checkpoint(PASSIVE)");
  fill (db, 50);
  assert_no_plaintext (f->dir);
  sqlite3_close (db);
  assert_no_plaintext (f->dir);

  db = open_encrypted (f->db_path, key);
  g_assert_cmpint (read_all (db, &n), ==, SQLITE_OK);
  g_assert_cmpuint (n, ==, 450);
  sqlite3_close (db);

  /* Many connections at once (each file holds a cipher in secure memory). */
  {
    sqlite3 *many[40];

    for (guint i = 0; i < G_N_ELEMENTS (many); i++)
      {
        many[i] = open_encrypted (f->db_path, key);
        g_assert_cmpint (read_all (many[i], &n), ==, SQLITE_OK);
      }
    for (guint i = 0; i < G_N_ELEMENTS (many); i++)
      sqlite3_close (many[i]);
  }

  /* Another key (the wrong passphrase's) reads nothing, and says so. */
  other = enough_key_file_create (other_key, "x", NULL, NULL);
  db = NULL;
  {
    int rc = enough_crypt_open_db (f->db_path, SQLITE_OPEN_READONLY, other, &db);

    if (rc == SQLITE_OK)
      rc = read_all (db, &n);
    g_assert_cmpint (rc & 0xff, ==, SQLITE_IOERR);
    g_assert_cmpint (sqlite3_extended_errcode (db), ==, SQLITE_IOERR_DATA);
  }
  sqlite3_close (db);

  /* Plain SQLite sees no journal either. */
  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "SELECT * FROM t", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
}

/* Copies @src to @dest byte for byte. */
static void
copy_file (const char *src,
           const char *dest)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (dest, contents, len, NULL));
}

static void
flip_byte (const char *path,
           gsize       offset)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (offset, <, len);
  contents[offset] ^= 0x20;
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

/* Opening and reading everything after the damage: an SQLite error (or
 * the whole, right text), never a crash or another text. */
static int
read_damaged (const char     *path,
              EnoughCryptKey *key,
              guint           expected_rows)
{
  sqlite3 *db = NULL;
  guint n = 0;
  int rc = enough_crypt_open_db (path, SQLITE_OPEN_READWRITE, key, &db);

  if (rc == SQLITE_OK)
    rc = read_all (db, &n);
  if (rc == SQLITE_OK)
    g_assert_cmpuint (n, ==, expected_rows);
  sqlite3_close (db);
  return rc;
}

static void
test_damaged_pages (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(EnoughCryptKey) key = make_key (f, NULL);
  g_autofree char *pristine = g_build_filename (f->dir, "pristine.db", NULL);
  g_autofree char *work = g_build_filename (f->dir, "work.db", NULL);
  sqlite3 *db = open_encrypted (f->db_path, key);
  GStatBuf st;
  guint n_pages;

  (void) data;
  fill (db, 300);
  exec_ok (db, "PRAGMA wal_checkpoint(TRUNCATE)");
  sqlite3_close (db);
  copy_file (f->db_path, pristine);
  g_assert_cmpint (g_stat (pristine, &st), ==, 0);
  n_pages = st.st_size / 4096;
  g_assert_cmpuint (n_pages, >=, 5);

  /* A flipped byte anywhere in any page (the clear header included). */
  for (guint page = 0; page < n_pages; page++)
    for (guint k = 0; k < 3; k++)
      {
        static const guint at[] = { 20, 1000, 4095 };
        int rc;

        copy_file (pristine, work);
        flip_byte (work, (gsize) page * 4096 + at[k]);
        rc = read_damaged (work, key, 300);
        g_assert_cmpint (rc, !=, SQLITE_OK);
        g_unlink (work);
      }

  /* Cut short, by whole pages or in the middle of one. */
  for (guint cut = 1; cut < 3; cut++)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (pristine, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (work, contents, cut == 1 ? len - 4096 : len - 100, NULL));
      g_assert_cmpint (read_damaged (work, key, 300), !=, SQLITE_OK);
      g_unlink (work);
    }
  g_assert_cmpint (read_damaged (pristine, key, 300), ==, SQLITE_OK);
}

static void
test_damaged_wal (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(EnoughCryptKey) key = make_key (f, NULL);
  g_autofree char *pristine = g_build_filename (f->dir, "pristine.db", NULL);
  g_autofree char *pristine_wal = g_build_filename (f->dir, "pristine.db-wal", NULL);
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
  g_autofree char *work = g_build_filename (f->dir, "work.db", NULL);
  g_autofree char *work_wal = g_build_filename (f->dir, "work.db-wal", NULL);
  g_autofree char *work_shm = g_build_filename (f->dir, "work.db-shm", NULL);
  sqlite3 *db = open_encrypted (f->db_path, key);
  GStatBuf st;
  guint n_frames, last_txn_start = 0;

  (void) data;
  /* Three transactions, all still in the WAL: copies taken while the
   * connection keeps it. */
  exec_ok (db, "PRAGMA wal_autocheckpoint = 0");
  for (guint i = 0; i < 3; i++)
    fill (db, 100);
  copy_file (f->db_path, pristine);
  copy_file (wal, pristine_wal);
  sqlite3_close (db);

  g_assert_cmpint (g_stat (pristine_wal, &st), ==, 0);
  n_frames = (st.st_size - 32) / (24 + 4096);
  g_unlink (work_shm);
  copy_file (pristine, work);
  copy_file (pristine_wal, work_wal);
  g_assert_cmpint (read_damaged (work, key, 300), ==, SQLITE_OK);

  /* A flipped byte in the page data of any frame before the last
   * transaction (which a crash may legitimately tear) is an error. */
  {
    /* The last transaction starts after the last commit frame but one. */
    g_autofree char *contents = NULL;
    gsize len = 0;
    guint n_commits = 0;

    g_assert_true (g_file_get_contents (pristine_wal, &contents, &len, NULL));
    for (guint i = n_frames; i-- > 0 && n_commits < 2;)
      {
        const guint8 *h = (const guint8 *) contents + 32 + (gsize) i * (24 + 4096);

        if (h[4] | h[5] | h[6] | h[7])
          n_commits++;
        last_txn_start = i + 1;
      }
    g_assert_cmpuint (n_commits, ==, 2);
    g_assert_cmpuint (last_txn_start, <, n_frames);
  }
  for (guint frame = 0; frame < last_txn_start; frame++)
    {
      int rc;

      g_unlink (work_shm);
      copy_file (pristine, work);
      copy_file (pristine_wal, work_wal);
      flip_byte (work_wal, 32 + (gsize) frame * (24 + 4096) + 24 + 700);
      rc = read_damaged (work, key, 300);
      g_assert_cmpint (rc, !=, SQLITE_OK);
    }
  /* The last frame torn: the last transaction is dropped, as SQLite does
   * without encryption, and what was committed before stays whole. */
  g_unlink (work_shm);
  copy_file (pristine, work);
  copy_file (pristine_wal, work_wal);
  flip_byte (work_wal, 32 + (gsize) (n_frames - 1) * (24 + 4096) + 24 + 700);
  {
    sqlite3 *check = NULL;
    guint n = 0;

    g_assert_cmpint (enough_crypt_open_db (work, SQLITE_OPEN_READWRITE, key, &check), ==, SQLITE_OK);
    g_assert_cmpint (read_all (check, &n), ==, SQLITE_OK);
    g_assert_cmpuint (n, ==, 200);
    sqlite3_close (check);
  }
}

/* Small caches: a transaction spills pages into the WAL and then writes
 * them again in place (SQLite zeroes those frames' salts until commit),
 * and VACUUM INTO writes pages before page 1. */
static void
test_spill (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(EnoughCryptKey) key = make_key (f, NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *escaped = g_uri_escape_string (copy, "/", FALSE);
  g_autofree char *sql = NULL;
  sqlite3 *db = open_encrypted (f->db_path, key);
  sqlite3 *check = NULL;
  guint n = 0;

  (void) data;
  fill (db, 10);
  exec_ok (db, "PRAGMA cache_size = 2");
  exec_ok (db, "BEGIN");
  for (guint round = 0; round < 4; round++)
    exec_ok (db, "UPDATE t SET body = body WHERE id % 2 = 0;"
                 "INSERT INTO t (body) SELECT body FROM t WHERE id <= 10");
  exec_ok (db, "ROLLBACK");
  fill (db, 10);
  exec_ok (db, "BEGIN");
  for (guint round = 0; round < 30; round++)
    exec_ok (db, "UPDATE t SET body = body || '' WHERE id % 3 = 0");
  exec_ok (db, "COMMIT");
  fill (db, 600);
  /* A new connection reads what the WAL holds… */
  check = open_encrypted (f->db_path, key);
  g_assert_cmpint (read_all (check, &n), ==, SQLITE_OK);
  g_assert_cmpuint (n, ==, 620);
  sqlite3_close (check);

  /* The WAL as it is now, replayed by a new process (no shared memory):
   * the frames SQLite rewrote at commit must carry the right checksums. */
  {
    g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
    g_autofree char *replay = g_build_filename (f->dir, "replay.db", NULL);
    g_autofree char *replay_wal = g_strconcat (replay, "-wal", NULL);

    exec_ok (db, "PRAGMA wal_autocheckpoint = 0; CREATE TABLE marker (x)");
    exec_ok (db, "BEGIN");
    for (guint round = 0; round < 30; round++)
      exec_ok (db, "UPDATE t SET body = body || '' WHERE id % 3 = 1");
    exec_ok (db, "INSERT INTO marker VALUES ('the last transaction')");
    exec_ok (db, "COMMIT");
    copy_file (f->db_path, replay);
    copy_file (wal, replay_wal);
    check = open_encrypted (replay, key);
    g_assert_cmpint (read_all (check, &n), ==, SQLITE_OK);
    g_assert_cmpuint (n, ==, 620);
    {
      sqlite3_stmt *stmt = NULL;

      /* Every frame replayed: the WAL's last commit is in. */
      g_assert_cmpint (sqlite3_prepare_v2 (check, "SELECT count(*) FROM marker", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
      sqlite3_finalize (stmt);
    }
    sqlite3_close (check);
  }

  /* …and VACUUM INTO, spilling, makes a sound encrypted copy. */
  sql = g_strdup_printf ("VACUUM INTO 'file:%s?vfs=" ENOUGH_CRYPT_VFS_NAME "&enough_key=%u'",
                         escaped, enough_crypt_key_get_id (key));
  exec_ok (db, sql);
  sqlite3_close (db);
  check = open_encrypted (copy, key);
  g_assert_cmpint (read_all (check, &n), ==, SQLITE_OK);
  g_assert_cmpuint (n, ==, 620);
  sqlite3_close (check);
  /* The WAL was replayed from the file alone too. */
  check = open_encrypted (f->db_path, key);
  g_assert_cmpint (read_all (check, &n), ==, SQLITE_OK);
  g_assert_cmpuint (n, ==, 620);
  sqlite3_close (check);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Cheap Argon2id for tests (the real cost is measured, ~0.5 s). */
  _enough_crypt_set_kdf_params (1, 64);

  g_test_add ("/crypt/key-file", Fixture, NULL, fixture_set_up, test_key_file, fixture_tear_down);
  g_test_add_func ("/crypt/key-file-parser", test_key_file_parser);
  g_test_add ("/crypt/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/crypt/spill", Fixture, NULL, fixture_set_up, test_spill, fixture_tear_down);
  g_test_add ("/crypt/damaged-pages", Fixture, NULL, fixture_set_up, test_damaged_pages, fixture_tear_down);
  g_test_add ("/crypt/damaged-wal", Fixture, NULL, fixture_set_up, test_damaged_wal, fixture_tear_down);
  return g_test_run ();
}
