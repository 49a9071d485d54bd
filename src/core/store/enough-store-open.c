/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "enough-crypt-vfs.h"
#include "enough-paths.h"
#include "enough-store-schema-check.h"
#include "enough-store-private.h"
#include "enough-store-schema.h"
#include "enough-store-test-hooks.h"

/* Opening: cheap checks on the raw file, the three connections, the
 * integrity check of small files, migrations; never a write to a file
 * that is not a sound journal of this or an older version. */

/* Files below this size get their quick_check inside open(); it costs
 * about 1 ms per MB, so bigger journals check on the worker instead. */
#define SYNC_CHECK_MAX_BYTES (16 * 1024 * 1024)
static gint64 sync_check_max_bytes = SYNC_CHECK_MAX_BYTES;

void
_enough_store_set_sync_check_limit (gint64 bytes)
{
  sync_check_max_bytes = bytes < 0 ? SYNC_CHECK_MAX_BYTES : bytes;
}

/* ------------------------------------------------------------------------ */
/* Opening */

char *
enough_store_get_default_path (void)
{
  g_autofree char *dir = enough_paths_get_data_dir ();
  return g_build_filename (dir, "journal.db", NULL);
}

/* Does "<path>-wal" start like an SQLite WAL? */
static gboolean
has_wal_header (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guint8 magic[4];
  int fd = g_open (wal, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = read (fd, magic, sizeof magic) == sizeof magic &&
       magic[0] == 0x37 && magic[1] == 0x7f && magic[2] == 0x06 && (magic[3] & 0xfe) == 0x82;
  close (fd);
  return ok;
}

/* Cheap checks on the raw file before SQLite sees it: is it SQLite at all,
 * and is it shorter than its header says (truncated)? */
static gboolean
check_file_header (const char  *path,
                   gboolean     encrypted,
                   gboolean    *out_exists,
                   GError     **error)
{
  GStatBuf st;
  guint8 header[100];
  int fd;
  gssize n;

  *out_exists = FALSE;
  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_IO,
                   _("The journal file “%s” could not be read: %s"), path, g_strerror (errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a file, so it cannot hold the journal."), path);
      return FALSE;
    }
  *out_exists = TRUE;
  if (st.st_size == 0)
    return TRUE;  /* nothing there to lose: SQLite starts a new database */

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_IO,
                   _("The journal file “%s” could not be read: %s"), path, g_strerror (errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  /* A power cut in the middle of a checkpoint can leave the first page
   * torn or not yet written; SQLite then reads it from the WAL, which
   * still holds it. So with a WAL beside it, SQLite decides. */
  if (n < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      if (has_wal_header (path))
        return TRUE;

      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_A_DATABASE,
                   _("The journal file “%s” is not a database Enough can read. It was left untouched."),
                   path);
      return FALSE;
    }

  /* Past byte 24 an encrypted header is sealed: the VFS checks it. */
  if (encrypted)
    return TRUE;

  {
    guint32 page_size = ((guint32) header[16] << 8) | header[17];
    guint32 n_pages = ((guint32) header[28] << 24) | ((guint32) header[29] << 16) |
                      ((guint32) header[30] << 8) | header[31];
    guint32 change = ((guint32) header[24] << 24) | ((guint32) header[25] << 16) |
                     ((guint32) header[26] << 8) | header[27];
    guint32 valid_for = ((guint32) header[92] << 24) | ((guint32) header[93] << 16) |
                        ((guint32) header[94] << 8) | header[95];
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    GStatBuf wal_st;
    gboolean has_wal = g_stat (wal, &wal_st) == 0 && wal_st.st_size > 0;

    if (page_size == 1)
      page_size = 65536;
    /* The in-header size is only trusted when valid-for matches the
     * change counter, and a WAL may legitimately hold the tail. */
    if (!has_wal && change == valid_for && n_pages > 0 &&
        (guint64) st.st_size < (guint64) n_pages * page_size)
      {
        g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT,
                     _("The journal file “%s” is damaged: it is shorter than it should be (truncated). It was left untouched."),
                     path);
        return FALSE;
      }
  }

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    _enough_store_set_sqlite_error (error, db, rc, sql);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

static gboolean
migrate (sqlite3  *db,
         gint64    from,
         GError  **error)
{
  for (gint64 version = from + 1; version <= ENOUGH_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *bump = NULL;

      /* Each step in its own transaction: a crash mid-way leaves the
       * previous, consistent version. */
      if (!_enough_store_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      bump = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT ";"
                              "PRAGMA application_id = %d;",
                              version, ENOUGH_STORE_APPLICATION_ID);
      if (!_enough_store_exec (db, enough_store_schema_step ((guint) version), error) ||
          !_enough_store_exec (db, bump, error) ||
          !_enough_store_exec (db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, "Migration to version %" G_GINT64_FORMAT ": ", version);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
open_write_db (EnoughStore  *self,
               gboolean      existed,
               gboolean     *out_sync_check,
               GError      **error)
{
  sqlite3 *db = NULL;
  gint64 app_id = 0, version = 0, n_tables = 0;
  g_autofree char *journal_mode = NULL;
  int rc;

  rc = enough_crypt_open_db (self->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, self->key, &db);
  self->wdb = db;
  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, db, rc, "open");
      return FALSE;
    }
  if (sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_READ_ONLY,
                   _("The journal file “%s” is read-only, so nothing could be saved."), self->path);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 5000);
  sqlite3_extended_result_codes (db, 1);
  rc = enough_store_schema_register (db);
  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, db, rc, "register functions");
      return FALSE;
    }

  /* Reading the header pages tells SQLite files from the rest. */
  if (!query_int (db, "PRAGMA application_id", &app_id, error) ||
      !query_int (db, "PRAGMA user_version", &version, error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    {
      g_prefix_error (error, "“%s”: ", self->path);
      return FALSE;
    }

  if (app_id != ENOUGH_STORE_APPLICATION_ID && (n_tables > 0 || app_id != 0 || version != 0))
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_A_JOURNAL,
                   _("The file “%s” is a database of another program, not an Enough journal. It was left untouched."),
                   self->path);
      return FALSE;
    }
  if (version > ENOUGH_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NEWER_VERSION,
                   _("The journal was saved by a newer version of Enough. Please update Enough to open it; the file was left untouched."));
      return FALSE;
    }

  if (!_enough_store_exec (db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;", error))
    return FALSE;
  {
    sqlite3_stmt *stmt = NULL;

    rc = sqlite3_prepare_v2 (db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
    if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
      journal_mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    if (g_strcmp0 (journal_mode, "wal") != 0)
      {
        _enough_store_set_sqlite_error (error, db, sqlite3_errcode (db), "journal_mode");
        return FALSE;
      }
  }

  /* Small journals are checked right here, big ones on the worker. */
  *out_sync_check = FALSE;
  if (existed && version > 0 && !(self->flags & ENOUGH_STORE_OPEN_NO_CHECK))
    {
      GStatBuf st;
      gboolean small = g_stat (self->path, &st) == 0 && st.st_size <= sync_check_max_bytes;

      if (small || (self->flags & ENOUGH_STORE_OPEN_CHECK_SYNC))
        {
          if (!_enough_store_quick_check (db, error))
            return FALSE;
        }
      else
        *out_sync_check = TRUE;  /* meaning: still to do, on the worker */
    }

  /* Triggers in the file run on every write: only ours may be there. */
  if (version > 0 && !_enough_store_check_journal_schema (db, self->path, version, error))
    return FALSE;
  /* A migration rewrites the schema: a copy first, like a restore's. */
  if (version > 0 && version < ENOUGH_STORE_SCHEMA_VERSION &&
      !_enough_store_copy_before_migration (db, self->path, version, error))
    return FALSE;
  if (version < ENOUGH_STORE_SCHEMA_VERSION && !migrate (db, version, error))
    return FALSE;

  return TRUE;
}

static gboolean
open_read_db (EnoughStore  *self,
              GError      **error)
{
  int rc = enough_crypt_open_db (self->path, SQLITE_OPEN_READONLY, self->key, &self->rdb);

  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, self->rdb, rc, "open for reading");
      return FALSE;
    }
  sqlite3_busy_timeout (self->rdb, 2000);
  /* The same 8 MB of pages for an encrypted journal as for a plain one: a
   * decryption costs about 2 µs a page, while every page a bigger cache
   * adds costs a fresh allocation and its page faults until the cache is
   * full, which made the first hundred searches slower, not faster (a
   * 32 MB cache: 1.4× the plain journal's CPU time; 8 MB: 1.0–1.1×;
   * docs/performance.md). */
  return _enough_store_exec (self->rdb, "PRAGMA query_only = ON; PRAGMA cache_size = -8000;", error);
}

gboolean
enough_store_is_encrypted (const char *db_path)
{
  g_autofree char *default_path = NULL;
  g_autofree char *key_path = NULL;

  if (db_path == NULL)
    db_path = default_path = enough_store_get_default_path ();
  _enough_store_finish_conversion (db_path);
  key_path = enough_key_file_path_for (db_path);
  return g_file_test (key_path, G_FILE_TEST_EXISTS);
}

EnoughCryptKey *
enough_store_unlock (const char  *db_path,
                     const char  *passphrase,
                     GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *key_path = NULL;

  if (db_path == NULL)
    db_path = default_path = enough_store_get_default_path ();
  if (!enough_store_is_encrypted (db_path))
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_FAILED,
                   _("The journal is not encrypted."));
      return NULL;
    }
  key_path = enough_key_file_path_for (db_path);
  return enough_key_file_unlock (key_path, passphrase, error);
}

gboolean
enough_store_get_encrypted (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);
  return self->key != NULL;
}

static EnoughStore *open_store (const char            *path,
                                EnoughCryptKey        *key,
                                EnoughStoreOpenFlags   flags,
                                GError               **error);

EnoughStore *
enough_store_open (const char            *path,
                   EnoughStoreOpenFlags   flags,
                   GError               **error)
{
  if (enough_store_is_encrypted (path))
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_ENCRYPTED,
                   _("The journal is encrypted: it opens with its passphrase."));
      return NULL;
    }
  return open_store (path, NULL, flags, error);
}

EnoughStore *
enough_store_open_encrypted (const char            *path,
                             const char            *passphrase,
                             EnoughStoreOpenFlags   flags,
                             GError               **error)
{
  g_autoptr(EnoughCryptKey) key = enough_store_unlock (path, passphrase, error);

  return key != NULL ? open_store (path, key, flags, error) : NULL;
}

EnoughStore *
enough_store_open_with_key (const char            *path,
                            EnoughCryptKey        *key,
                            EnoughStoreOpenFlags   flags,
                            GError               **error)
{
  g_return_val_if_fail (key != NULL, NULL);
  if (!enough_store_is_encrypted (path))
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_FAILED,
                   _("The journal is not encrypted."));
      return NULL;
    }
  return open_store (path, key, flags, error);
}

static EnoughStore *
open_store (const char            *path,
            EnoughCryptKey        *key,
            EnoughStoreOpenFlags   flags,
            GError               **error)
{
  g_autoptr(EnoughStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean existed = FALSE;
  gboolean check_later = FALSE;

  self = g_object_new (ENOUGH_TYPE_STORE, NULL);
  self->path = path ? g_strdup (path) : enough_store_get_default_path ();
  self->flags = flags;
  if (key != NULL)
    {
      /* So the search thread, export and backups find it by path. */
      self->key = enough_crypt_key_ref (key);
      enough_crypt_keyring_add (self->path, key);
    }

  dir = g_path_get_dirname (self->path);
  if (!enough_paths_ensure_private (dir, error))
    return NULL;

  if (!check_file_header (self->path, key != NULL, &existed, error))
    return NULL;

  if (!existed)
    {
      /* Made here so it is 0600 from the first byte; SQLite gives the
       * -wal and -shm files the same mode. */
      int fd = g_open (self->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          int saved = errno;

          g_set_error (error, ENOUGH_STORE_ERROR,
                       (saved == EACCES || saved == EROFS || saved == EPERM)
                       ? ENOUGH_STORE_ERROR_READ_ONLY : ENOUGH_STORE_ERROR_IO,
                       _("The journal file “%s” could not be created: %s"), self->path,
                       g_strerror (saved));
          return NULL;
        }
      close (fd);
    }
  else if (g_access (self->path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_READ_ONLY,
                   _("The journal file “%s” or its folder is read-only, so nothing could be saved. It was left untouched."),
                   self->path);
      return NULL;
    }
  else
    {
      g_chmod (self->path, 0600);
    }

  if (!open_write_db (self, existed, &check_later, error) ||
      !_enough_store_take_legacy_drafts (self->wdb, self->path, error) ||
      !open_read_db (self, error))
    return NULL;

  /* Backups left plain by a crash while encryption was turned on. */
  if (self->key != NULL)
    {
      g_autoptr(GError) backup_error = NULL;

      if (!_enough_store_encrypt_backups (self->path, self->key, &backup_error))
        g_warning ("Backups not encrypted yet: %s", backup_error->message);
    }

  _enough_store_load_lists (self, FALSE);

  /* Another process may write to this journal at the same time (a second
   * store, `enough --import`). Ids counted on from max(id) alone would be
   * the same in both, and one's upsert would overwrite the other's entry.
   * So each open starts at a random multiple of 2^16 above the newest id:
   * two stores never hand out the same ids unless one makes 65,536 entries
   * in a session. Ids are never shown; order comes from created times. */
  for (guint kind = ENOUGH_RECORD_KIND_DIALOGUE; kind <= ENOUGH_RECORD_KIND_LAST; kind++)
    self->next_id[kind] += (gint64) g_random_int_range (1, 1 << 20) << 16;

  {
    int rc = enough_crypt_open_db (self->path, SQLITE_OPEN_READONLY, self->key, &self->bgdb);

    if (rc != SQLITE_OK)
      {
        _enough_store_set_sqlite_error (error, self->bgdb, rc, "open for checking");
        return NULL;
      }
    sqlite3_busy_timeout (self->bgdb, 5000);
    /* The check and backups read every page once, so a big cache would
     * only grow this thread's malloc arena, which keeps the memory after
     * the pages are let go: 256 KB of pages at a time is enough. */
    sqlite3_exec (self->bgdb, "PRAGMA cache_size = -256", NULL, NULL, NULL);
  }

  _enough_store_start_threads (self, check_later);

  return g_steal_pointer (&self);
}

