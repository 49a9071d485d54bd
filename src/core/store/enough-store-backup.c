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
#include "enough-store-schema-check.h"

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

static void
set_errno_error (GError     **error,
                 int          saved,
                 const char  *path)
{
  g_set_error (error, ENOUGH_STORE_ERROR,
               saved == ENOSPC ? ENOUGH_STORE_ERROR_DISK_FULL :
               (saved == EACCES || saved == EROFS) ? ENOUGH_STORE_ERROR_READ_ONLY :
               ENOUGH_STORE_ERROR_IO,
               _("Could not create “%s”: %s"), path, g_strerror (saved));
}

/* A temporary file is always made new: a stale one, or a link someone
 * planted under its name, is removed first (unlinking a link leaves its
 * target alone), and O_EXCL | O_NOFOLLOW refuses anything that appears
 * in between. The mode is set on the descriptor, never through a path. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd;

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  if (fchmod (fd, 0600) != 0)
    {
      int saved = errno;

      close (fd);
      g_unlink (path);
      set_errno_error (error, saved, path);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* The generic disk-full text speaks of the journal's own saving; for a
 * copy, say what really happened. */
static void
set_copy_error (GError     **error,
                sqlite3     *db,
                int          rc,
                const char  *dest_path)
{
  if ((rc & 0xff) == SQLITE_FULL)
    g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_DISK_FULL,
                 _("The disk is full, so the copy “%s” could not be made."), dest_path);
  else
    _enough_store_set_sqlite_error (error, db, rc, "backup");
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
  /* A copy of an encrypted journal is encrypted with its key. */
  g_autoptr(EnoughCryptKey) key = enough_crypt_key_of_db (src);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!enough_paths_ensure_private (dir, error))
    return FALSE;
  if (!create_private_file (tmp, error))
    return FALSE;

  rc = enough_crypt_open_db (tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, key, &dest);
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
      set_copy_error (error, NULL, rc, dest_path);
      goto fail;
    }

  /* A standalone copy: no -wal beside it. */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_copy_error (error, dest, rc, dest_path);
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
check_backup_file (const char      *backup_path,
                   EnoughCryptKey  *key,
                   sqlite3        **out_db,
                   GError         **error)
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

  rc = enough_crypt_open_db (backup_path, SQLITE_OPEN_READONLY, key, &db);
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
      g_autofree char *unexpected = NULL;

      stmt = NULL;
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW &&
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
        ok = TRUE;
      else
        g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT,
                     _("The backup “%s” is damaged."), backup_path);
      sqlite3_finalize (stmt);

      /* Its triggers would run on the live journal: only ours may. */
      if (ok && !enough_store_check_schema (db, version, &unexpected))
        {
          ok = FALSE;
          g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_A_JOURNAL,
                       /* Translators: %s is a name inside the database, e.g. "letter_ai" */
                       _("The backup holds database instructions that Enough did not write (“%s”), so it was not used."),
                       unexpected);
        }
    }

  if (!ok)
    {
      sqlite3_close (db);
      return FALSE;
    }
  *out_db = db;
  return TRUE;
}

/* A name in the backups folder nothing has yet: "journal-<what>-<time>.db",
 * then -2, -3…, so a second restore in the same second keeps both. */
char *
_enough_store_unique_backup_path (const char *db_path,
                                  const char *what)
{
  g_autofree char *dir = backup_dir (db_path);
  g_autofree char *stem = backup_stem (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("%s-%s-%s.db", stem, what, stamp);
  char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  for (guint n = 2; g_lstat (path, &st) == 0; n++)
    {
      g_free (name);
      g_free (path);
      name = g_strdup_printf ("%s-%s-%s-%u.db", stem, what, stamp, n);
      path = g_build_filename (dir, name, NULL);
    }
  return path;
}

typedef enum
{
  CURRENT_MISSING,
  CURRENT_SOUND,
  CURRENT_DAMAGED,
} CurrentState;

/* A journal that passed quick_check is copied, never moved; one SQLite
 * cannot read (or that fails the check) is moved aside. Anything else
 * (busy, out of memory) is neither: the restore stops. */
static gboolean
inspect_current (const char    *db_path,
                 EnoughCryptKey *key,
                 sqlite3      **out_db,
                 CurrentState  *out_state,
                 GError       **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out_db = NULL;
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      *out_state = CURRENT_MISSING;
      return TRUE;
    }

  rc = enough_crypt_open_db (db_path, SQLITE_OPEN_READONLY, key, &db);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          gboolean sound = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;

          sqlite3_finalize (stmt);
          if (sound)
            {
              *out_state = CURRENT_SOUND;
              *out_db = db;
            }
          else
            {
              *out_state = CURRENT_DAMAGED;
              sqlite3_close (db);
            }
          return TRUE;
        }
    }
  sqlite3_finalize (stmt);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      sqlite3_close (db);
      *out_state = CURRENT_DAMAGED;
      return TRUE;
    default:
      _enough_store_set_sqlite_error (error, db, rc, db_path);
      sqlite3_close (db);
      return FALSE;
    }
}

/* Every failure below leaves the journal where and as it was; say so. */
static gboolean
restore_failed (GError **error,
                GError  *cause)
{
  if (g_error_matches (cause, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_DISK_FULL))
    g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_DISK_FULL,
                 _("There is not enough room on the disk. Nothing was changed: your journal is as it was."));
  else
    g_set_error (error, ENOUGH_STORE_ERROR, cause != NULL ? cause->code : ENOUGH_STORE_ERROR_FAILED,
                 /* Translators: %s says why */
                 _("%s Nothing was changed: your journal is as it was."),
                 cause != NULL ? cause->message : "");
  g_clear_error (&cause);
  return FALSE;
}

gboolean
enough_store_restore_backup (const char  *db_path,
                             const char  *backup_path,
                             GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *restoring = NULL;
  g_autofree char *aside = NULL;
  GError *local_error = NULL;
  sqlite3 *src = NULL;
  sqlite3 *current = NULL;
  CurrentState state;
  g_autoptr(EnoughCryptKey) key = NULL;
  static const char *const suffixes[] = { "-wal", "-shm" };

  if (db_path == NULL)
    db_path = default_path = enough_store_get_default_path ();

  /* An encrypted journal's backups read and write with its key, which
   * must be unlocked in this process. */
  key = enough_crypt_keyring_lookup (db_path);
  if (key == NULL && enough_store_is_encrypted (db_path))
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_ENCRYPTED,
                   _("The journal is encrypted: unlock it with its passphrase first."));
      return FALSE;
    }
  if (!check_backup_file (backup_path, key, &src, error))
    return FALSE;

  /* 1. The copy, complete and checked, before anything else moves. */
  restoring = g_strconcat (db_path, ".restoring", NULL);
  if (!_enough_store_backup_db (src, restoring, &local_error))
    {
      sqlite3_close (src);
      return restore_failed (error, local_error);
    }
  sqlite3_close (src);
  if (!check_backup_file (restoring, key, &src, &local_error))
    {
      g_unlink (restoring);
      return restore_failed (error, local_error);
    }
  sqlite3_close (src);

  /* 2. Keep what is there now: a sound journal as a copy in the backups
   * folder (if that cannot be made, nothing is restored), a damaged one
   * moved aside untouched. */
  if (!inspect_current (db_path, key, &current, &state, &local_error))
    {
      g_unlink (restoring);
      return restore_failed (error, local_error);
    }
  if (state == CURRENT_SOUND)
    {
      g_autofree char *keep_path = _enough_store_unique_backup_path (db_path, "before-restore");
      gboolean kept = _enough_store_backup_db (current, keep_path, &local_error);

      sqlite3_close (current);
      if (!kept)
        {
          g_unlink (restoring);
          return restore_failed (error, local_error);
        }
    }
  else if (state == CURRENT_DAMAGED)
    {
      aside = enough_store_set_aside (db_path, &local_error);
      if (aside == NULL)
        {
          g_unlink (restoring);
          return restore_failed (error, local_error);
        }
    }

  /* 3. The swap. The current journal is safe in a copy (or aside), so a
   * stale WAL of it must not be replayed onto the restored file. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (db_path, suffixes[i], NULL);
      g_unlink (side);
    }
  if (g_rename (restoring, db_path) != 0)
    {
      int saved = errno;

      g_unlink (restoring);
      /* A damaged journal goes back under its name (its -wal/-shm stay
       * beside the aside copy). */
      if (aside != NULL)
        g_rename (aside, db_path);
      g_set_error (&local_error, ENOUGH_STORE_ERROR,
                   saved == ENOSPC ? ENOUGH_STORE_ERROR_DISK_FULL : ENOUGH_STORE_ERROR_IO,
                   _("Could not restore the backup: %s"), g_strerror (saved));
      return restore_failed (error, local_error);
    }
  return TRUE;
}

gboolean
_enough_store_copy_before_migration (sqlite3     *db,
                                     const char  *db_path,
                                     gint64       from_version,
                                     GError     **error)
{
  g_autofree char *what = g_strdup_printf ("before-v%" G_GINT64_FORMAT, from_version + 1);
  g_autofree char *path = _enough_store_unique_backup_path (db_path, what);
  g_autoptr(GError) local_error = NULL;

  if (_enough_store_backup_db (db, path, &local_error))
    return TRUE;
  g_set_error (error, ENOUGH_STORE_ERROR, local_error->code,
               /* Translators: %s says why */
               _("Enough needs to update the journal, but could not keep a copy of it first, so it was left untouched. %s"),
               local_error->message);
  return FALSE;
}

gboolean
enough_store_keep_backups_apart (const char  *db_path,
                                 GError     **error)
{
  g_autofree char *dir_path = backup_dir (db_path);
  g_autofree char *stem = backup_stem (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return TRUE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_daily_name (name, stem))
      g_ptr_array_add (names, g_strdup (name));

  /* "journal-2026-03-01.db" → "journal-2026-03-01-kept-<time>.db": still
   * listed (and restorable), no longer a daily name, so never rotated out
   * by the new journal's backups. */
  for (guint i = 0; i < names->len; i++)
    {
      const char *daily = g_ptr_array_index (names, i);
      g_autofree char *from = g_build_filename (dir_path, daily, NULL);
      g_autofree char *base = g_strndup (daily, strlen (daily) - 3);
      g_autofree char *to_name = g_strdup_printf ("%s-kept-%s.db", base, stamp);
      g_autofree char *to = g_build_filename (dir_path, to_name, NULL);
      GStatBuf st;

      for (guint n = 2; g_lstat (to, &st) == 0; n++)
        {
          g_free (to_name);
          g_free (to);
          to_name = g_strdup_printf ("%s-kept-%s-%u.db", base, stamp, n);
          to = g_build_filename (dir_path, to_name, NULL);
        }
      if (g_rename (from, to) != 0)
        {
          int saved = errno;

          g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_IO,
                       _("Could not create “%s”: %s"), to, g_strerror (saved));
          return FALSE;
        }
    }
  {
    g_autofree char *db_dir = g_path_get_dirname (db_path);

    enough_paths_sync_folder (db_dir);
  }
  return TRUE;
}
