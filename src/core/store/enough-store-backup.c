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

#include "enough-paths.h"
#include "enough-store-private.h"
#include "enough-store-schema.h"

G_DEFINE_BOXED_TYPE (EnoughBackupInfo, enough_backup_info,
                     enough_backup_info_copy, enough_backup_info_free)

EnoughBackupInfo *
enough_backup_info_copy (const EnoughBackupInfo *info)
{
  EnoughBackupInfo *copy = g_new0 (EnoughBackupInfo, 1);

  copy->path = g_strdup (info->path);
  copy->modified_at = info->modified_at;
  copy->size = info->size;
  return copy;
}

void
enough_backup_info_free (EnoughBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info);
}

static char *
backup_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

/* "journal.db" → "journal" */
static char *
backup_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db"))
    base[strlen (base) - 3] = '\0';
  return g_steal_pointer (&base);
}

char *
_enough_store_daily_backup_path (const char *db_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = backup_dir (db_path);
  g_autofree char *stem = backup_stem (db_path);
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("%s-%s.db", stem, day);

  return g_build_filename (dir, name, NULL);
}

static gboolean
is_daily_name (const char *name,
               const char *stem)
{
  gsize stem_len = strlen (stem);
  const char *rest;

  /* stem-YYYY-MM-DD.db */
  if (strncmp (name, stem, stem_len) != 0 || name[stem_len] != '-')
    return FALSE;
  rest = name + stem_len + 1;
  if (strlen (rest) != 13 || strcmp (rest + 10, ".db") != 0)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (rest[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (rest[i]))
        return FALSE;
    }
  return TRUE;
}

static gint
compare_strings_desc (gconstpointer a,
                      gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

void
_enough_store_rotate_backups (const char *db_path)
{
  g_autofree char *dir_path = backup_dir (db_path);
  g_autofree char *stem = backup_stem (db_path);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_daily_name (name, stem))
      g_ptr_array_add (names, g_strdup (name));

  /* Dated names sort by date; keep the newest N. Only our own daily
   * files are ever removed. */
  g_ptr_array_sort (names, compare_strings_desc);
  for (guint i = ENOUGH_STORE_N_BACKUPS; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      g_unlink (path);
    }
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, ENOUGH_STORE_ERROR,
                   saved == ENOSPC ? ENOUGH_STORE_ERROR_DISK_FULL :
                   (saved == EACCES || saved == EROFS) ? ENOUGH_STORE_ERROR_READ_ONLY :
                   ENOUGH_STORE_ERROR_IO,
                   _("Could not create “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  g_chmod (path, 0600);
  return TRUE;
}

/* Copies the whole database @src into a new self-contained file (rollback
 * journal mode, 0600) at @dest_path, through a temporary file so a crash
 * never leaves half a backup under the real name. */
gboolean
_enough_store_backup_db (sqlite3     *src,
                         const char  *dest_path,
                         GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *tmp = g_strconcat (dest_path, ".tmp", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!enough_paths_ensure_private (dir, error))
    return FALSE;
  if (!create_private_file (tmp, error))
    return FALSE;

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, dest, rc, "backup open");
      goto fail;
    }

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      _enough_store_set_sqlite_error (error, dest, sqlite3_errcode (dest), "backup");
      goto fail;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      _enough_store_set_sqlite_error (error, NULL, rc, "backup");
      goto fail;
    }

  /* A standalone copy: no -wal beside it. */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, dest, rc, "backup");
      goto fail;
    }
  sqlite3_close (dest);
  dest = NULL;

  if (g_rename (tmp, dest_path) != 0)
    {
      int saved = errno;

      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_IO,
                   _("Could not create “%s”: %s"), dest_path, g_strerror (saved));
      goto fail;
    }
  /* The copy itself was synced by SQLite; the new name only lives in the
   * folder, so sync that too before saying the backup is made (and before
   * the rotation removes the oldest one). */
  enough_paths_sync_folder (dir);
  return TRUE;

fail:
  if (dest != NULL)
    sqlite3_close (dest);
  g_unlink (tmp);
  return FALSE;
}

static gint
compare_info_desc (gconstpointer a,
                   gconstpointer b)
{
  const EnoughBackupInfo *ia = *(EnoughBackupInfo * const *) a;
  const EnoughBackupInfo *ib = *(EnoughBackupInfo * const *) b;

  if (ia->modified_at != ib->modified_at)
    return ia->modified_at < ib->modified_at ? 1 : -1;
  return -strcmp (ia->path, ib->path);
}

GPtrArray *
enough_store_list_backups (const char  *db_path,
                           GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) enough_backup_info_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  if (db_path == NULL)
    db_path = default_path = enough_store_get_default_path ();
  dir_path = backup_dir (db_path);
  stem = backup_stem (db_path);

  dir = g_dir_open (dir_path, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_IO, "%s", local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *prefix = g_strconcat (stem, "-", NULL);
      EnoughBackupInfo *info;
      GStatBuf st;
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".db"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (g_stat (path, &st) != 0)
        continue;
      info = g_new0 (EnoughBackupInfo, 1);
      info->path = g_steal_pointer (&path);
      info->size = st.st_size;
      info->modified_at = (gint64) st.st_mtime * G_USEC_PER_SEC;
      g_ptr_array_add (list, info);
    }
  g_ptr_array_sort (list, compare_info_desc);

  return g_steal_pointer (&list);
}

char *
enough_store_set_aside (const char  *db_path,
                        GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.damaged-%s", db_path, stamp);
  static const char *const suffixes[] = { "-wal", "-shm" };

  for (guint n = 2; g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.damaged-%s-%u", db_path, stamp, n);
    }

  if (g_rename (db_path, target) != 0)
    {
      int saved = errno;

      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_IO,
                   _("Could not move the damaged journal “%s” aside: %s"), db_path,
                   g_strerror (saved));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  return g_steal_pointer (&target);
}

static gboolean
check_backup_file (const char  *backup_path,
                   sqlite3    **out_db,
                   GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0, version = 0;
  gboolean ok = FALSE;
  int rc;

  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_FOUND,
                   _("The backup “%s” does not exist."), backup_path);
      return FALSE;
    }

  rc = sqlite3_open_v2 (backup_path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id),"
                                 " (SELECT user_version FROM pragma_user_version)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      app_id = sqlite3_column_int64 (stmt, 0);
      version = sqlite3_column_int64 (stmt, 1);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    _enough_store_set_sqlite_error (error, db, rc, backup_path);
  else if (app_id != ENOUGH_STORE_APPLICATION_ID)
    g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_A_JOURNAL,
                 _("“%s” is not an Enough journal backup."), backup_path);
  else if (version > ENOUGH_STORE_SCHEMA_VERSION)
    g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NEWER_VERSION,
                 _("The backup was made by a newer version of Enough."));
  else
    {
      stmt = NULL;
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW &&
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
        ok = TRUE;
      else
        g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT,
                     _("The backup “%s” is damaged."), backup_path);
      sqlite3_finalize (stmt);
    }

  if (!ok)
    {
      sqlite3_close (db);
      return FALSE;
    }
  *out_db = db;
  return TRUE;
}

gboolean
enough_store_restore_backup (const char  *db_path,
                             const char  *backup_path,
                             GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *tmp = NULL;
  sqlite3 *src = NULL;
  static const char *const suffixes[] = { "-wal", "-shm" };

  if (db_path == NULL)
    db_path = default_path = enough_store_get_default_path ();

  if (!check_backup_file (backup_path, &src, error))
    return FALSE;

  /* Keep what is there now, whatever happens next. */
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      sqlite3 *current = NULL;
      gboolean kept = FALSE;
      g_autofree char *dir = backup_dir (db_path);
      g_autofree char *stem = backup_stem (db_path);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *name = g_strdup_printf ("%s-before-restore-%s.db", stem, stamp);
      g_autofree char *keep_path = g_build_filename (dir, name, NULL);

      if (sqlite3_open_v2 (db_path, &current, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
        {
          sqlite3_stmt *stmt = NULL;

          /* Only a sound database is copied; anything else is moved aside
           * untouched, so nothing is lost even then. */
          if (sqlite3_prepare_v2 (current, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
              sqlite3_step (stmt) == SQLITE_ROW &&
              g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
            {
              sqlite3_finalize (stmt);
              stmt = NULL;
              kept = _enough_store_backup_db (current, keep_path, NULL);
            }
          sqlite3_finalize (stmt);
        }
      sqlite3_close (current);

      if (!kept)
        {
          g_autofree char *aside = enough_store_set_aside (db_path, error);

          if (aside == NULL)
            {
              sqlite3_close (src);
              return FALSE;
            }
        }
    }

  tmp = g_strconcat (db_path, ".restoring", NULL);
  if (!_enough_store_backup_db (src, tmp, error))
    {
      sqlite3_close (src);
      return FALSE;
    }
  sqlite3_close (src);

  /* The current journal is safe in a backup (or aside), so a stale WAL of
   * it must not be replayed onto the restored file. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (db_path, suffixes[i], NULL);
      g_unlink (side);
    }
  if (g_rename (tmp, db_path) != 0)
    {
      int saved = errno;

      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_IO,
                   _("Could not restore the backup: %s"), g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }
  {
    g_autofree char *db_dir = g_path_get_dirname (db_path);

    enough_paths_sync_folder (db_dir);
  }
  return TRUE;
}
