/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "enough-crypt-vfs.h"
#include "enough-paths.h"
#include "enough-store-private.h"
#include "enough-store-schema.h"

/* Turning encryption on and off. The journal is rewritten into a new file
 * with VACUUM INTO (the backup API copies pages as they are, and an
 * encrypted page needs 28 reserved bytes a plain one lacks), checked, and
 * swapped in with rename(). Which file is the journal after a crash is
 * decided by names alone (see finish_conversion()):
 *
 *   on:  journal.key.encrypting, journal.db.encrypting are written and
 *        synced; renaming the key file to journal.key is the moment the
 *        journal becomes the encrypted one; then the rename of the
 *        database; then the backups are encrypted one by one.
 *   off: the backups are decrypted first; journal.db.decrypting is
 *        written and synced; renaming journal.key to journal.key.retired
 *        is the moment the journal becomes the plain one; then the rename
 *        of the database and the removal of the old key file. */

#define PLAIN_HEADER_ZEROS_AT 72  /* bytes 72–91 of a plain header are zero */

static char *
with_suffix (const char *path,
             const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

static void
sync_file (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
sync_folder_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  enough_paths_sync_folder (dir);
}

static void
remove_side_files (const char *db_path)
{
  static const char *const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = with_suffix (db_path, suffixes[i]);
      g_unlink (side);
    }
}

/* A plain SQLite file: its magic and the header's reserved zeros (in an
 * encrypted file those bytes are sealed, so random). */
static gboolean
is_plain_sqlite (const char *path)
{
  guint8 header[100];
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean plain = FALSE;

  if (fd < 0)
    return FALSE;
  if (read (fd, header, sizeof header) == sizeof header &&
      memcmp (header, "SQLite format 3", 16) == 0)
    {
      plain = TRUE;
      for (guint i = PLAIN_HEADER_ZEROS_AT; i < PLAIN_HEADER_ZEROS_AT + 20; i++)
        plain &= header[i] == 0;
    }
  close (fd);
  return plain;
}

/* What a crash left half-done is finished or undone; cheap when nothing
 * is (a few stat() calls). Never needs the key. */
void
_enough_store_finish_conversion (const char *db_path)
{
  g_autofree char *key_path = enough_key_file_path_for (db_path);
  g_autofree char *key_new = with_suffix (key_path, ".encrypting");
  g_autofree char *key_old = with_suffix (key_path, ".retired");
  g_autofree char *db_enc = with_suffix (db_path, ".encrypting");
  g_autofree char *db_dec = with_suffix (db_path, ".decrypting");
  gboolean has_key = g_file_test (key_path, G_FILE_TEST_EXISTS);

  if (g_file_test (db_enc, G_FILE_TEST_EXISTS))
    {
      if (has_key)
        {
          remove_side_files (db_path);
          g_rename (db_enc, db_path);
        }
      else
        g_unlink (db_enc);
      sync_folder_of (db_path);
    }
  if (g_file_test (key_new, G_FILE_TEST_EXISTS))
    g_unlink (key_new);

  if (g_file_test (db_dec, G_FILE_TEST_EXISTS))
    {
      if (g_file_test (key_old, G_FILE_TEST_EXISTS) && !has_key)
        {
          remove_side_files (db_path);
          g_rename (db_dec, db_path);
        }
      else
        g_unlink (db_dec);
      sync_folder_of (db_path);
    }
  if (g_file_test (key_old, G_FILE_TEST_EXISTS))
    {
      g_unlink (key_old);
      sync_folder_of (db_path);
    }
}

static gboolean
query_ok (sqlite3     *db,
          const char  *sql,
          const char  *expected,
          gint64      *out_int)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (out_int != NULL)
        *out_int = sqlite3_column_int64 (stmt, 0);
      ok = expected == NULL ||
           g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), expected) == 0;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Is @path a sound journal when read with @key? */
static gboolean
check_copy (const char      *path,
            EnoughCryptKey  *key,
            GError         **error)
{
  sqlite3 *db = NULL;
  gint64 app_id = 0;
  int rc = enough_crypt_open_db (path, SQLITE_OPEN_READONLY, key, &db);
  gboolean ok = rc == SQLITE_OK &&
                query_ok (db, "PRAGMA quick_check", "ok", NULL) &&
                query_ok (db, "PRAGMA application_id", NULL, &app_id) &&
                app_id == ENOUGH_STORE_APPLICATION_ID;

  if (!ok)
    g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT,
                 _("The converted copy of the journal did not pass its check, so nothing was changed."));
  sqlite3_close (db);
  return ok;
}

/* Writes @src (read with @from, NULL = plain) into the new file @dest
 * (written with @to), checked and synced. @lock: keep the source locked
 * against every other connection until *@out_src is closed. */
static gboolean
convert_file (const char      *src_path,
              EnoughCryptKey  *from,
              EnoughCryptKey  *to,
              const char      *dest,
              sqlite3        **out_src,
              GError         **error)
{
  sqlite3 *src = NULL;
  g_autofree char *target = NULL;
  g_autofree char *sql = NULL;
  gint64 version = 0;
  int rc;

  g_unlink (dest);
  rc = enough_crypt_open_db (src_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, from, &src);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (src, "PRAGMA temp_store = MEMORY; PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL);
  /* Out of WAL mode, and a write, so this connection holds the file
   * alone until it closes: nothing written elsewhere can be lost. */
  if (rc == SQLITE_OK && !query_ok (src, "PRAGMA journal_mode = DELETE", "delete", NULL))
    rc = sqlite3_errcode (src) != SQLITE_OK ? sqlite3_errcode (src) : SQLITE_BUSY;
  if (rc == SQLITE_OK && !query_ok (src, "PRAGMA user_version", NULL, &version))
    rc = sqlite3_errcode (src);
  if (rc == SQLITE_OK)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, version);

      rc = sqlite3_exec (src, bump, NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, src, rc, src_path);
      sqlite3_close (src);
      return FALSE;
    }
  if (!query_ok (src, "PRAGMA quick_check", "ok", NULL))
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT,
                   _("The journal is damaged, so it was not converted. It was left untouched."));
      sqlite3_close (src);
      return FALSE;
    }

  if (to != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (dest, "/", FALSE);
      int reserve = ENOUGH_CRYPT_RESERVE_BYTES;

      enough_crypt_vfs_register ();
      /* The copy gets room for nonce and tag in every page. */
      sqlite3_file_control (src, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
      target = g_strdup_printf ("file:%s?vfs=" ENOUGH_CRYPT_VFS_NAME "&enough_key=%u",
                                escaped, enough_crypt_key_get_id (to));
    }
  else
    {
      g_autofree char *escaped = g_uri_escape_string (dest, "/", FALSE);

      /* Named, or the copy would go through the source's (encrypting) VFS. */
      target = g_strdup_printf ("file:%s?vfs=%s", escaped, sqlite3_vfs_find (NULL)->zName);
    }
  sql = sqlite3_mprintf ("VACUUM INTO %Q", target);
  rc = sqlite3_exec (src, sql, NULL, NULL, NULL);
  sqlite3_free (sql);
  sql = NULL;
  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, src, rc, "VACUUM INTO");
      sqlite3_close (src);
      g_unlink (dest);
      return FALSE;
    }
  g_chmod (dest, 0600);
  sync_file (dest);
  if (!check_copy (dest, to, error))
    {
      sqlite3_close (src);
      g_unlink (dest);
      return FALSE;
    }
  *out_src = src;
  return TRUE;
}

/* Rewrites each backup that is not yet as @to wants it, in place (a
 * complete converted copy, then rename). */
static gboolean
convert_backups (const char      *db_path,
                 EnoughCryptKey  *from,
                 EnoughCryptKey  *to,
                 GError         **error)
{
  g_autoptr(GPtrArray) backups = enough_store_list_backups (db_path, error);

  if (backups == NULL)
    return FALSE;
  for (guint i = 0; i < backups->len; i++)
    {
      EnoughBackupInfo *info = g_ptr_array_index (backups, i);
      g_autofree char *tmp = with_suffix (info->path, ".converting");
      sqlite3 *src = NULL;

      if (is_plain_sqlite (info->path) == (to == NULL))
        continue;
      if (!convert_file (info->path, from, to, tmp, &src, error))
        {
          g_prefix_error (error, "%s: ", info->path);
          return FALSE;
        }
      if (g_rename (tmp, info->path) != 0)
        {
          int saved = errno;

          sqlite3_close (src);
          g_unlink (tmp);
          g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_IO,
                       _("Could not create “%s”: %s"), info->path, g_strerror (saved));
          return FALSE;
        }
      sqlite3_close (src);
      sync_folder_of (info->path);
    }
  return TRUE;
}

gboolean
_enough_store_encrypt_backups (const char      *db_path,
                               EnoughCryptKey  *key,
                               GError         **error)
{
  return convert_backups (db_path, NULL, key, error);
}

gboolean
enough_store_encrypt (const char  *db_path,
                      const char  *passphrase,
                      char       **out_recovery_key,
                      GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *key_new = NULL;
  g_autofree char *db_enc = NULL;
  g_autofree char *recovery = NULL;
  g_autoptr(EnoughCryptKey) key = NULL;
  sqlite3 *src = NULL;

  if (db_path == NULL)
    db_path = default_path = enough_store_get_default_path ();
  if (enough_store_is_encrypted (db_path))
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_FAILED,
                   _("The journal is already encrypted."));
      return FALSE;
    }
  /* An old journal's plain file of unsent drafts goes into the journal
   * first (opening it does that), so none stays beside the encrypted one. */
  {
    g_autofree char *drafts_path = _enough_store_legacy_drafts_path (db_path);

    if (g_file_test (drafts_path, G_FILE_TEST_EXISTS))
      {
        g_autoptr(EnoughStore) store = NULL;

        if (g_file_test (db_path, G_FILE_TEST_EXISTS))
          store = enough_store_open (db_path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, error);
        else
          g_unlink (drafts_path);  /* drafts of no journal */
        if (store != NULL && !enough_store_close (store, error))
          return FALSE;
        if (store == NULL && g_file_test (db_path, G_FILE_TEST_EXISTS))
          return FALSE;
      }
  }

  key_path = enough_key_file_path_for (db_path);
  key_new = with_suffix (key_path, ".encrypting");
  db_enc = with_suffix (db_path, ".encrypting");

  key = enough_key_file_create (key_new, passphrase, &recovery, error);
  if (key == NULL)
    return FALSE;
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      /* No journal yet: the first open makes an encrypted one. */
      if (g_rename (key_new, key_path) != 0)
        {
          g_unlink (key_new);
          g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_IO,
                       _("The key file could not be saved: %s"), g_strerror (errno));
          return FALSE;
        }
      sync_folder_of (key_path);
      if (out_recovery_key != NULL)
        *out_recovery_key = g_steal_pointer (&recovery);
      return TRUE;
    }

  if (!convert_file (db_path, NULL, key, db_enc, &src, error))
    {
      g_unlink (key_new);
      return FALSE;
    }
  /* The moment the encrypted copy becomes the journal. */
  if (g_rename (key_new, key_path) != 0)
    {
      int saved = errno;

      sqlite3_close (src);
      g_unlink (key_new);
      g_unlink (db_enc);
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_IO,
                   _("The key file could not be saved: %s"), g_strerror (saved));
      return FALSE;
    }
  sync_folder_of (key_path);
  _enough_store_finish_conversion (db_path);
  sqlite3_close (src);  /* the old file's lock, now the file is gone */

  /* The plain backups are encrypted too; one that fails stays for the
   * next open to retry (the journal itself is already encrypted). */
  if (!convert_backups (db_path, NULL, key, error))
    return FALSE;
  if (out_recovery_key != NULL)
    *out_recovery_key = g_steal_pointer (&recovery);
  return TRUE;
}

gboolean
enough_store_decrypt (const char  *db_path,
                      const char  *passphrase,
                      GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *key_old = NULL;
  g_autofree char *db_dec = NULL;
  g_autoptr(EnoughCryptKey) key = NULL;
  sqlite3 *src = NULL;

  if (db_path == NULL)
    db_path = default_path = enough_store_get_default_path ();
  key = enough_store_unlock (db_path, passphrase, error);
  if (key == NULL)
    return FALSE;
  key_path = enough_key_file_path_for (db_path);
  key_old = with_suffix (key_path, ".retired");
  db_dec = with_suffix (db_path, ".decrypting");

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_unlink (key_path);
      sync_folder_of (key_path);
      return TRUE;
    }
  /* Backups first, while the key file still names the key. */
  if (!convert_backups (db_path, key, NULL, error) ||
      !convert_file (db_path, key, NULL, db_dec, &src, error))
    return FALSE;
  /* The moment the plain copy becomes the journal. */
  if (g_rename (key_path, key_old) != 0)
    {
      int saved = errno;

      sqlite3_close (src);
      g_unlink (db_dec);
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_IO,
                   _("Could not turn encryption off: %s"), g_strerror (saved));
      return FALSE;
    }
  sync_folder_of (key_path);
  _enough_store_finish_conversion (db_path);
  sqlite3_close (src);
  return TRUE;
}

gboolean
enough_store_change_passphrase (const char  *db_path,
                                const char  *old_passphrase,
                                const char  *new_passphrase,
                                GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *key_path = NULL;

  if (db_path == NULL)
    db_path = default_path = enough_store_get_default_path ();
  key_path = enough_key_file_path_for (db_path);
  return enough_key_file_change_passphrase (key_path, old_passphrase, FALSE, new_passphrase, error);
}
