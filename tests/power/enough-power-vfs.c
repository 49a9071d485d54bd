/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */

/* See enough-power-vfs.h for the model. */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "enough-power-log.h"

static GMutex      rec_mutex;
static gboolean    recording;
static char       *rec_root;
static PowerLog   *rec_log;
static GHashTable *live;  /* rel path → inode, as on disk now */

/* ---- the log ------------------------------------------------------------- */

void
power_op_free (gpointer data)
{
  Op *op = data;

  g_clear_pointer (&op->data, g_bytes_unref);
  g_free (op->path);
  g_free (op->path2);
  g_free (op);
}

static Op *
log_op (OpType      type,
        guint       inode,
        const char *path)
{
  Op *op = g_new0 (Op, 1);

  op->type = type;
  op->inode = inode;
  op->path = g_strdup (path);
  g_ptr_array_add (rec_log->ops, op);
  return op;
}

void
power_free_byte_array (gpointer data)
{
  if (data != NULL)
    g_byte_array_unref (data);
}

static guint
new_inode (gboolean is_dir)
{
  g_ptr_array_add (rec_log->initial_data, NULL);
  g_array_append_val (rec_log->is_dir, is_dir);
  return rec_log->initial_data->len - 1;
}

/* NULL if @path is not under the recorded folder; "." for the folder. */
static const char *
rel_of (const char *path)
{
  gsize n;

  if (!recording || path == NULL)
    return NULL;
  n = strlen (rec_root);
  if (strcmp (path, rec_root) == 0)
    return ".";
  if (strncmp (path, rec_root, n) != 0 || path[n] != '/')
    return NULL;
  return path + n + 1;
}

char *
power_parent_of (const char *rel)
{
  return g_path_get_dirname (rel);
}

static guint
live_inode (const char *rel)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (live, rel));
}

static void
check_untracked (const char *path,
                 const char *rel)
{
  if (live_inode (rel) == 0 && g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("power-vfs: %s exists but the log never saw it made", path);
}

/* ---- the VFS ------------------------------------------------------------- */

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
  guint         inode;     /* 0: not recorded */
  char         *rel;
  gboolean      dirsync;   /* as unix VFS: the folder is synced at the first sync */
} PowerFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs  power_vfs;

#define REAL(f) (((PowerFile *) (f))->real)

static int
pw_close (sqlite3_file *f)
{
  PowerFile *file = (PowerFile *) f;
  int rc = REAL (f)->pMethods ? REAL (f)->pMethods->xClose (REAL (f)) : SQLITE_OK;

  g_clear_pointer (&file->rel, g_free);
  return rc;
}

static int
pw_read (sqlite3_file *f, void *buf, int amount, sqlite3_int64 offset)
{
  return REAL (f)->pMethods->xRead (REAL (f), buf, amount, offset);
}

static int
pw_write (sqlite3_file *f, const void *buf, int amount, sqlite3_int64 offset)
{
  PowerFile *file = (PowerFile *) f;
  int rc;

  if (file->inode == 0)
    return REAL (f)->pMethods->xWrite (REAL (f), buf, amount, offset);
  g_mutex_lock (&rec_mutex);
  rc = REAL (f)->pMethods->xWrite (REAL (f), buf, amount, offset);
  if (rc == SQLITE_OK && recording)
    {
      Op *op = log_op (OP_WRITE, file->inode, NULL);

      op->offset = offset;
      op->data = g_bytes_new (buf, amount);
    }
  g_mutex_unlock (&rec_mutex);
  return rc;
}

static int
pw_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  PowerFile *file = (PowerFile *) f;
  int rc;

  if (file->inode == 0)
    return REAL (f)->pMethods->xTruncate (REAL (f), size);
  g_mutex_lock (&rec_mutex);
  rc = REAL (f)->pMethods->xTruncate (REAL (f), size);
  if (rc == SQLITE_OK && recording)
    log_op (OP_TRUNCATE, file->inode, NULL)->offset = size;
  g_mutex_unlock (&rec_mutex);
  return rc;
}

static int
pw_sync (sqlite3_file *f, int flags)
{
  PowerFile *file = (PowerFile *) f;

  if (file->inode == 0 || !recording)
    return REAL (f)->pMethods->xSync (REAL (f), flags);
  /* Only logged: the real files never need to be durable. */
  g_mutex_lock (&rec_mutex);
  log_op (OP_SYNC, file->inode, NULL);
  if (file->dirsync)
    {
      g_autofree char *dir = power_parent_of (file->rel);

      log_op (OP_DIRSYNC, 0, dir);
      file->dirsync = FALSE;
    }
  g_mutex_unlock (&rec_mutex);
  return SQLITE_OK;
}

static int
pw_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
pw_lock (sqlite3_file *f, int lock)
{
  return REAL (f)->pMethods->xLock (REAL (f), lock);
}

static int
pw_unlock (sqlite3_file *f, int lock)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), lock);
}

static int
pw_check_reserved_lock (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
pw_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
pw_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
pw_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
pw_shm_map (sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, out);
}

static int
pw_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
pw_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
pw_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static int
pw_fetch (sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (f)->pMethods->xFetch (REAL (f), offset, amount, out);
}

static int
pw_unfetch (sqlite3_file *f, sqlite3_int64 offset, void *p)
{
  return REAL (f)->pMethods->xUnfetch (REAL (f), offset, p);
}

#undef REAL

static const sqlite3_io_methods power_io_methods = {
  3, pw_close, pw_read, pw_write, pw_truncate, pw_sync, pw_file_size, pw_lock,
  pw_unlock, pw_check_reserved_lock, pw_file_control, pw_sector_size,
  pw_device_characteristics, pw_shm_map, pw_shm_lock, pw_shm_barrier,
  pw_shm_unmap, pw_fetch, pw_unfetch,
};

static int
pw_open (sqlite3_vfs  *vfs,
         const char   *name,
         sqlite3_file *f,
         int           flags,
         int          *out_flags)
{
  PowerFile *file = (PowerFile *) f;
  int kinds = SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL |
              SQLITE_OPEN_SUPER_JOURNAL;
  const char *rel;
  int rc;

  memset (file, 0, sizeof *file);
  file->real = (sqlite3_file *) (file + 1);
  g_mutex_lock (&rec_mutex);
  rel = (flags & kinds) && !(flags & SQLITE_OPEN_DELETEONCLOSE) ? rel_of (name) : NULL;
  if (rel != NULL)
    check_untracked (name, rel);
  rc = real_vfs->xOpen (real_vfs, name, file->real, flags, out_flags);
  if (rc == SQLITE_OK && rel != NULL)
    {
      if (live_inode (rel) == 0)
        {
          guint inode = new_inode (FALSE);

          g_hash_table_insert (live, g_strdup (rel), GUINT_TO_POINTER (inode));
          log_op (OP_CREATE, inode, rel);
        }
      file->inode = live_inode (rel);
      file->rel = g_strdup (rel);
      file->dirsync = (flags & SQLITE_OPEN_CREATE) &&
                      (flags & (SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_SUPER_JOURNAL));
    }
  g_mutex_unlock (&rec_mutex);
  /* SQLite calls xClose only if pMethods is set. */
  file->base.pMethods = file->real->pMethods != NULL ? &power_io_methods : NULL;
  return rc;
}

static int
pw_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  const char *rel;
  int rc;

  g_mutex_lock (&rec_mutex);
  rel = rel_of (name);
  rc = real_vfs->xDelete (real_vfs, name, rel != NULL ? 0 : sync_dir);
  if (rc == SQLITE_OK && rel != NULL && live_inode (rel) != 0)
    {
      log_op (OP_UNLINK, live_inode (rel), rel);
      g_hash_table_remove (live, rel);
      if (sync_dir)
        {
          g_autofree char *dir = power_parent_of (rel);

          log_op (OP_DIRSYNC, 0, dir);
        }
    }
  g_mutex_unlock (&rec_mutex);
  return rc;
}

static int
pw_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
pw_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static void *
pw_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
pw_dl_error (sqlite3_vfs *vfs, int n, char *out)
{
  real_vfs->xDlError (real_vfs, n, out);
}

static void (*pw_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
pw_dl_close (sqlite3_vfs *vfs, void *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
pw_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
pw_sleep (sqlite3_vfs *vfs, int usec)
{
  return real_vfs->xSleep (real_vfs, usec);
}

static int
pw_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
pw_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

static int
pw_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

void
power_vfs_install (void)
{
  g_assert_cmpint (sqlite3_initialize (), ==, SQLITE_OK);
  real_vfs = sqlite3_vfs_find ("unix");
  g_assert_nonnull (real_vfs);
  power_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (PowerFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "enough-power",
    .xOpen = pw_open,
    .xDelete = pw_delete,
    .xAccess = pw_access,
    .xFullPathname = pw_full_pathname,
    .xDlOpen = pw_dl_open,
    .xDlError = pw_dl_error,
    .xDlSym = pw_dl_sym,
    .xDlClose = pw_dl_close,
    .xRandomness = pw_randomness,
    .xSleep = pw_sleep,
    .xCurrentTime = pw_current_time,
    .xGetLastError = pw_get_last_error,
    .xCurrentTimeInt64 = pw_current_time_int64,
  };
  g_assert_cmpint (sqlite3_vfs_register (&power_vfs, 1), ==, SQLITE_OK);
}

void
power_vfs_use (gboolean on)
{
  g_assert_cmpint (sqlite3_vfs_register (on ? &power_vfs : real_vfs, 1), ==, SQLITE_OK);
}

/* ---- the store's own file calls (linked with -Wl,--wrap=…) ----------------- */

int __real_open64 (const char *path, int flags, ...);
int __wrap_open64 (const char *path, int flags, ...);
int __real_rename (const char *from, const char *to);
int __wrap_rename (const char *from, const char *to);
int __real_g_unlink (const char *path);
int __wrap_g_unlink (const char *path);
int __real_g_mkdir_with_parents (const char *path, int mode);
int __wrap_g_mkdir_with_parents (const char *path, int mode);
int __real_fsync (int fd);
int __wrap_fsync (int fd);

int
__wrap_open64 (const char *path,
               int         flags,
               ...)
{
  int mode = 0;
  const char *rel;
  gboolean existed;
  int fd;

  if (flags & O_CREAT)
    {
      va_list args;

      va_start (args, flags);
      mode = va_arg (args, int);
      va_end (args);
    }
  else
    return __real_open64 (path, flags);

  g_mutex_lock (&rec_mutex);
  rel = rel_of (path);
  if (rel != NULL)
    check_untracked (path, rel);
  existed = rel != NULL && live_inode (rel) != 0;
  fd = __real_open64 (path, flags, mode);
  if (fd >= 0 && rel != NULL)
    {
      if (!existed)
        {
          guint inode = new_inode (FALSE);

          g_hash_table_insert (live, g_strdup (rel), GUINT_TO_POINTER (inode));
          log_op (OP_CREATE, inode, rel);
        }
      else if (flags & O_TRUNC)
        log_op (OP_TRUNCATE, live_inode (rel), NULL)->offset = 0;
    }
  g_mutex_unlock (&rec_mutex);
  return fd;
}

int
__wrap_rename (const char *from,
               const char *to)
{
  const char *rel_from, *rel_to;
  int rc;

  g_mutex_lock (&rec_mutex);
  rel_from = rel_of (from);
  rel_to = rel_of (to);
  if ((rel_from == NULL) != (rel_to == NULL))
    g_error ("power-vfs: a rename into or out of the folder is not modelled");
  rc = __real_rename (from, to);
  if (rc == 0 && rel_from != NULL)
    {
      guint inode = live_inode (rel_from);
      Op *op;

      g_assert_cmpuint (inode, !=, 0);
      op = log_op (OP_RENAME, inode, rel_from);
      op->path2 = g_strdup (rel_to);
      g_hash_table_remove (live, rel_from);
      g_hash_table_insert (live, g_strdup (rel_to), GUINT_TO_POINTER (inode));
    }
  g_mutex_unlock (&rec_mutex);
  return rc;
}

int
__wrap_g_unlink (const char *path)
{
  const char *rel;
  int rc;

  g_mutex_lock (&rec_mutex);
  rel = rel_of (path);
  rc = __real_g_unlink (path);
  if (rc == 0 && rel != NULL)
    {
      g_assert_cmpuint (live_inode (rel), !=, 0);
      log_op (OP_UNLINK, live_inode (rel), rel);
      g_hash_table_remove (live, rel);
    }
  g_mutex_unlock (&rec_mutex);
  return rc;
}

int
__wrap_g_mkdir_with_parents (const char *path,
                             int         mode)
{
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  const char *rel;
  int rc;

  g_mutex_lock (&rec_mutex);
  rel = rel_of (path);
  if (rel != NULL && strcmp (rel, ".") != 0)
    {
      g_auto(GStrv) parts = g_strsplit (rel, "/", -1);
      g_autoptr(GString) prefix = g_string_new (NULL);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *abs = NULL;

          if (parts[i][0] == '\0')
            continue;
          if (prefix->len > 0)
            g_string_append_c (prefix, '/');
          g_string_append (prefix, parts[i]);
          abs = g_build_filename (rec_root, prefix->str, NULL);
          check_untracked (abs, prefix->str);
          if (live_inode (prefix->str) == 0)
            g_ptr_array_add (made, g_strdup (prefix->str));
        }
    }
  rc = __real_g_mkdir_with_parents (path, mode);
  for (guint i = 0; rc == 0 && i < made->len; i++)
    {
      const char *dir = g_ptr_array_index (made, i);
      guint inode = new_inode (TRUE);

      g_hash_table_insert (live, g_strdup (dir), GUINT_TO_POINTER (inode));
      log_op (OP_MKDIR, inode, dir);
    }
  g_mutex_unlock (&rec_mutex);
  return rc;
}

int
__wrap_fsync (int fd)
{
  g_autofree char *link = g_strdup_printf ("/proc/self/fd/%d", fd);
  g_autofree char *path = g_file_read_link (link, NULL);
  const char *rel;

  g_mutex_lock (&rec_mutex);
  rel = rel_of (path);
  if (rel != NULL)
    {
      guint inode = live_inode (rel);

      if (strcmp (rel, ".") == 0 || (inode != 0 && g_array_index (rec_log->is_dir, gboolean, inode)))
        log_op (OP_DIRSYNC, 0, rel);
      else if (inode != 0)
        log_op (OP_SYNC, inode, NULL);
    }
  g_mutex_unlock (&rec_mutex);
  return __real_fsync (fd);
}

/* ---- recording ----------------------------------------------------------- */

static void
snapshot_tree (const char *abs,
               const char *rel)
{
  g_autoptr(GDir) dir = g_dir_open (abs, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (abs, name, NULL);
      g_autofree char *child_rel = rel ? g_build_filename (rel, name, NULL) : g_strdup (name);
      gboolean is_dir = g_file_test (child, G_FILE_TEST_IS_DIR);
      guint inode;

      if (g_str_has_suffix (name, "-shm"))
        continue;
      inode = new_inode (is_dir);
      g_hash_table_insert (rec_log->initial_names, g_strdup (child_rel), GUINT_TO_POINTER (inode));
      if (is_dir)
        snapshot_tree (child, child_rel);
      else
        {
          char *data = NULL;
          gsize len = 0;

          g_assert_true (g_file_get_contents (child, &data, &len, NULL));
          g_ptr_array_index (rec_log->initial_data, inode) = g_byte_array_new_take ((guint8 *) data, len);
        }
    }
}

void
power_record_start (const char *root)
{
  g_mutex_lock (&rec_mutex);
  g_assert_false (recording);
  g_free (rec_root);
  rec_root = realpath (root, NULL);
  g_assert_nonnull (rec_root);
  rec_log = g_new0 (PowerLog, 1);
  rec_log->ops = g_ptr_array_new_with_free_func (power_op_free);
  rec_log->initial_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rec_log->initial_data = g_ptr_array_new_with_free_func (power_free_byte_array);
  rec_log->is_dir = g_array_new (FALSE, TRUE, sizeof (gboolean));
  new_inode (FALSE);  /* 0: none */
  snapshot_tree (rec_root, NULL);
  live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, rec_log->initial_names);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_insert (live, g_strdup (key), value);
  }
  recording = TRUE;
  g_mutex_unlock (&rec_mutex);
}

void
power_mark (guint mark)
{
  g_assert_cmpuint (mark, <, POWER_N_MARKS);
  g_mutex_lock (&rec_mutex);
  if (recording)
    log_op (OP_MARK, mark, NULL);
  g_mutex_unlock (&rec_mutex);
}

guint
power_log_get_n_ops (PowerLog *log)
{
  return log->ops->len;
}

void
power_log_free (PowerLog *log)
{
  if (log == NULL)
    return;
  g_ptr_array_unref (log->ops);
  g_hash_table_unref (log->initial_names);
  g_ptr_array_unref (log->initial_data);
  g_array_unref (log->is_dir);
  g_free (log);
}

PowerLog *
power_record_stop (void)
{
  PowerLog *log;

  g_mutex_lock (&rec_mutex);
  g_assert_true (recording);
  recording = FALSE;
  log = g_steal_pointer (&rec_log);
  g_clear_pointer (&live, g_hash_table_unref);
  g_mutex_unlock (&rec_mutex);

  power_log_check (log, rec_root);
  return log;
}
