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

#include "enough-power-vfs.h"

#define SECTOR 512

typedef enum
{
  OP_WRITE,     /* inode, offset, data */
  OP_TRUNCATE,  /* inode, offset = size */
  OP_SYNC,      /* inode */
  OP_CREATE,    /* path → new inode */
  OP_MKDIR,     /* path → new folder */
  OP_RENAME,    /* path → path2, inode */
  OP_UNLINK,    /* path, inode */
  OP_DIRSYNC,   /* path: the folder */
  OP_MARK,      /* inode = the mark */
} OpType;

typedef struct
{
  OpType  type;
  guint   inode;
  gint64  offset;
  GBytes *data;
  char   *path;
  char   *path2;
} Op;

struct _PowerLog
{
  GPtrArray  *ops;            /* Op* */
  GHashTable *initial_names;  /* rel path → inode */
  GPtrArray  *initial_data;   /* inode → GByteArray* (NULL: a folder, or new) */
  GArray     *is_dir;         /* inode → gboolean */
};

struct _PowerReplay
{
  PowerLog   *log;
  guint       pos;
  GHashTable *names;        /* durable: rel path → inode */
  GPtrArray  *durable;      /* inode → GByteArray* */
  GPtrArray  *pending;      /* inode → GPtrArray of Op* since its last sync */
  GPtrArray  *pending_dir;  /* Op*: names since their folder's last sync */
  guint       marks[POWER_N_MARKS];
};

static GMutex      rec_mutex;
static gboolean    recording;
static char       *rec_root;
static PowerLog   *rec_log;
static GHashTable *live;  /* rel path → inode, as on disk now */

/* ---- the log ------------------------------------------------------------- */

static void
op_free (gpointer data)
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

static void
free_byte_array (gpointer data)
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

static char *
parent_of (const char *rel)
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
      g_autofree char *dir = parent_of (file->rel);

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
          g_autofree char *dir = parent_of (rel);

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
  rec_log->ops = g_ptr_array_new_with_free_func (op_free);
  rec_log->initial_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rec_log->initial_data = g_ptr_array_new_with_free_func (free_byte_array);
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

/* ---- replay -------------------------------------------------------------- */

static void
bytes_resize (GByteArray *bytes,
              gint64      size)
{
  guint old = bytes->len;

  g_byte_array_set_size (bytes, (guint) size);
  if (bytes->len > old)
    memset (bytes->data + old, 0, bytes->len - old);
}

static void
bytes_write (GByteArray   *bytes,
             gint64        offset,
             const guint8 *data,
             gsize         len)
{
  if ((gint64) (offset + len) > (gint64) bytes->len)
    bytes_resize (bytes, offset + len);
  memcpy (bytes->data + offset, data, len);
}

static void
apply_data_op (GByteArray *bytes,
               const Op   *op)
{
  if (op->type == OP_TRUNCATE)
    {
      if (op->offset < (gint64) bytes->len)
        bytes_resize (bytes, op->offset);
      return;
    }
  bytes_write (bytes, op->offset, g_bytes_get_data (op->data, NULL), g_bytes_get_size (op->data));
}

static const char *
op_folder_key (const Op *op,
               char    **out)
{
  *out = parent_of (op->type == OP_RENAME ? op->path2 : op->path);
  if (op->type == OP_RENAME)
    {
      g_autofree char *from = parent_of (op->path);

      g_assert_cmpstr (from, ==, *out);
    }
  return *out;
}

static void
apply_name_op (GHashTable *names,
               const Op   *op)
{
  switch (op->type)
    {
    case OP_CREATE:
    case OP_MKDIR:
      g_hash_table_insert (names, g_strdup (op->path), GUINT_TO_POINTER (op->inode));
      break;
    case OP_UNLINK:
      if (GPOINTER_TO_UINT (g_hash_table_lookup (names, op->path)) == op->inode)
        g_hash_table_remove (names, op->path);
      break;
    case OP_RENAME:
      if (GPOINTER_TO_UINT (g_hash_table_lookup (names, op->path)) == op->inode)
        g_hash_table_remove (names, op->path);
      g_hash_table_insert (names, g_strdup (op->path2), GUINT_TO_POINTER (op->inode));
      break;
    case OP_WRITE:
    case OP_TRUNCATE:
    case OP_SYNC:
    case OP_DIRSYNC:
    case OP_MARK:
    default:
      g_assert_not_reached ();
    }
}

static GHashTable *
copy_names (GHashTable *names)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), value);
  return copy;
}

PowerReplay *
power_replay_new (PowerLog *log)
{
  PowerReplay *replay = g_new0 (PowerReplay, 1);

  replay->log = log;
  replay->names = copy_names (log->initial_names);
  replay->durable = g_ptr_array_new_with_free_func (free_byte_array);
  replay->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < log->initial_data->len; i++)
    {
      GByteArray *initial = g_ptr_array_index (log->initial_data, i);
      GByteArray *copy = g_byte_array_new ();

      if (initial != NULL)
        g_byte_array_append (copy, initial->data, initial->len);
      g_ptr_array_add (replay->durable, copy);
      g_ptr_array_add (replay->pending, g_ptr_array_new ());
    }
  replay->pending_dir = g_ptr_array_new ();
  return replay;
}

void
power_replay_free (PowerReplay *replay)
{
  if (replay == NULL)
    return;
  g_hash_table_unref (replay->names);
  g_ptr_array_unref (replay->durable);
  g_ptr_array_unref (replay->pending);
  g_ptr_array_unref (replay->pending_dir);
  g_free (replay);
}

static void
replay_advance (PowerReplay *replay,
                guint        to)
{
  g_assert_cmpuint (to, >=, replay->pos);
  g_assert_cmpuint (to, <=, replay->log->ops->len);
  for (; replay->pos < to; replay->pos++)
    {
      Op *op = g_ptr_array_index (replay->log->ops, replay->pos);
      GPtrArray *pending = op->inode < replay->pending->len ? g_ptr_array_index (replay->pending, op->inode) : NULL;

      switch (op->type)
        {
        case OP_WRITE:
        case OP_TRUNCATE:
          g_ptr_array_add (pending, op);
          break;
        case OP_SYNC:
          for (guint i = 0; i < pending->len; i++)
            apply_data_op (g_ptr_array_index (replay->durable, op->inode), g_ptr_array_index (pending, i));
          g_ptr_array_set_size (pending, 0);
          break;
        case OP_CREATE:
        case OP_MKDIR:
        case OP_RENAME:
        case OP_UNLINK:
          g_ptr_array_add (replay->pending_dir, op);
          break;
        case OP_DIRSYNC:
          for (guint i = 0; i < replay->pending_dir->len;)
            {
              Op *name_op = g_ptr_array_index (replay->pending_dir, i);
              g_autofree char *folder = NULL;

              if (strcmp (op_folder_key (name_op, &folder), op->path) == 0)
                {
                  apply_name_op (replay->names, name_op);
                  g_ptr_array_remove_index (replay->pending_dir, i);
                }
              else
                i++;
            }
          break;
        case OP_MARK:
          replay->marks[op->inode]++;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* New inodes made during the log have no durable data yet. */
static void
replay_grow (PowerReplay *replay)
{
  while (replay->durable->len < replay->log->initial_data->len)
    {
      g_ptr_array_add (replay->durable, g_byte_array_new ());
      g_ptr_array_add (replay->pending, g_ptr_array_new ());
    }
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The files after the cut: rel path → GByteArray (NULL for a folder).
 * @rand NULL: nothing lost (everything applied in order). */
static GHashTable *
build_image (PowerReplay *replay,
             GRand       *rand,
             GString     *what)
{
  GHashTable *image = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_byte_array);
  g_autoptr(GHashTable) names = copy_names (replay->names);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  gboolean posix = rand != NULL && g_rand_boolean (rand);
  guint n_dir = replay->pending_dir->len;
  guint prefix = rand == NULL ? n_dir : posix ? n_dir : (guint) g_rand_int_range (rand, 0, n_dir + 1);
  guint n_names = 0, n_writes = 0, n_dropped = 0, n_torn = 0;
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < prefix; i++)
    if (!posix || g_rand_boolean (rand))
      {
        apply_name_op (names, g_ptr_array_index (replay->pending_dir, i));
        n_names++;
      }

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, key);
  g_ptr_array_sort (paths, compare_paths);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      guint inode = GPOINTER_TO_UINT (g_hash_table_lookup (names, path));
      g_autofree char *parent = parent_of (path);
      GByteArray *bytes;
      GPtrArray *pending;
      g_autoptr(GPtrArray) order = NULL;

      /* A name in a folder whose own name did not persist is gone too
       * (sorted: the folder came first). */
      if (strcmp (parent, ".") != 0 && !g_hash_table_contains (image, parent))
        continue;
      if (g_array_index (replay->log->is_dir, gboolean, inode))
        {
          g_hash_table_insert (image, g_strdup (path), NULL);
          continue;
        }
      bytes = g_byte_array_new ();
      g_byte_array_append (bytes, ((GByteArray *) g_ptr_array_index (replay->durable, inode))->data,
                           ((GByteArray *) g_ptr_array_index (replay->durable, inode))->len);
      pending = g_ptr_array_index (replay->pending, inode);
      order = g_ptr_array_copy (pending, NULL, NULL);
      if (rand != NULL)
        for (guint j = order->len; j > 1; j--)
          {
            guint k = g_rand_int_range (rand, 0, j);
            gpointer tmp = order->pdata[j - 1];

            order->pdata[j - 1] = order->pdata[k];
            order->pdata[k] = tmp;
          }
      for (guint j = 0; j < order->len; j++)
        {
          const Op *op = g_ptr_array_index (order, j);
          guint fate = rand ? g_rand_int_range (rand, 0, 4) : 1;

          n_writes++;
          if (fate == 0)
            n_dropped++;
          else if (fate == 1 || op->type == OP_TRUNCATE)
            apply_data_op (bytes, op);
          else
            {
              /* Torn: sector by sector, old or new, now and then garbage. */
              const guint8 *data = g_bytes_get_data (op->data, NULL);
              gint64 end = op->offset + (gint64) g_bytes_get_size (op->data);

              n_torn++;
              for (gint64 at = op->offset; at < end;)
                {
                  gint64 next = MIN (end, (at / SECTOR + 1) * SECTOR);
                  guint roll = g_rand_int_range (rand, 0, 16);

                  if (roll < 7)
                    bytes_write (bytes, at, data + (at - op->offset), next - at);
                  else if (roll < 9)
                    {
                      guint8 garbage[SECTOR];

                      for (gint64 b = 0; b < next - at; b++)
                        garbage[b] = (guint8) g_rand_int (rand);
                      bytes_write (bytes, at, garbage, next - at);
                    }
                  at = next;
                }
            }
        }
      g_hash_table_insert (image, g_strdup (path), bytes);
    }

  if (what != NULL)
    g_string_append_printf (what, "%s: %u of %u name changes kept, %u unsynced writes (%u dropped, %u torn)",
                            posix ? "posix" : "journaled", n_names, n_dir, n_writes, n_dropped, n_torn);
  return image;
}

static void
write_image (GHashTable *image,
             const char *dest,
             GRand      *rand)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, image);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, key);
  g_ptr_array_sort (paths, compare_paths);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      GByteArray *bytes = g_hash_table_lookup (image, path);
      g_autofree char *abs = g_build_filename (dest, path, NULL);

      if (bytes == NULL)
        {
          g_assert_cmpint (g_mkdir (abs, 0700), ==, 0);
          continue;
        }
      g_assert_true (g_file_set_contents_full (abs, (const char *) bytes->data, bytes->len,
                                               G_FILE_SET_CONTENTS_NONE, 0600, NULL));
      /* What the dead process's wal-index left: nothing, or garbage. */
      if (g_str_has_suffix (path, "-wal") && g_rand_boolean (rand))
        {
          g_autofree char *shm = g_strndup (abs, strlen (abs) - 4);
          g_autofree char *shm_path = g_strconcat (shm, "-shm", NULL);
          g_autofree guint8 *garbage = g_malloc (32768);

          for (guint b = 0; b < 32768; b++)
            garbage[b] = (guint8) g_rand_int (rand);
          g_assert_true (g_file_set_contents_full (shm_path, (const char *) garbage, 32768,
                                                   G_FILE_SET_CONTENTS_NONE, 0600, NULL));
        }
    }
}

char *
power_replay_cut (PowerReplay *replay,
                  guint        cut,
                  guint32      seed,
                  const char  *dest,
                  guint        marks[POWER_N_MARKS])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) what = g_string_new (NULL);
  g_autoptr(GHashTable) image = NULL;

  replay_grow (replay);
  replay_advance (replay, cut);
  image = build_image (replay, rand, what);
  write_image (image, dest, rand);
  memcpy (marks, replay->marks, sizeof replay->marks);
  return g_string_free (g_steal_pointer (&what), FALSE);
}

/* Everything the log says, nothing lost, must be what is on disk: else
 * the store changed a file some way the model does not see. */
static void
compare_tree (GHashTable *image,
              const char *abs,
              const char *rel,
              guint      *n_seen)
{
  g_autoptr(GDir) dir = g_dir_open (abs, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (abs, name, NULL);
      g_autofree char *child_rel = rel ? g_build_filename (rel, name, NULL) : g_strdup (name);
      GByteArray *bytes;

      if (g_str_has_suffix (name, "-shm"))
        continue;
      if (!g_hash_table_lookup_extended (image, child_rel, NULL, (gpointer *) &bytes))
        g_error ("power-vfs: %s is on disk but not in the log", child_rel);
      (*n_seen)++;
      if (bytes == NULL)
        compare_tree (image, child, child_rel, n_seen);
      else
        {
          g_autofree char *data = NULL;
          gsize len = 0;

          g_assert_true (g_file_get_contents (child, &data, &len, NULL));
          if (len != bytes->len || memcmp (data, bytes->data, len) != 0)
            g_error ("power-vfs: %s differs from its log (%" G_GSIZE_FORMAT " bytes on disk, %u logged)",
                     child_rel, len, bytes->len);
        }
    }
}

PowerLog *
power_record_stop (void)
{
  PowerLog *log;
  PowerReplay *replay;
  g_autoptr(GHashTable) image = NULL;
  guint n_seen = 0;

  g_mutex_lock (&rec_mutex);
  g_assert_true (recording);
  recording = FALSE;
  log = g_steal_pointer (&rec_log);
  g_clear_pointer (&live, g_hash_table_unref);
  g_mutex_unlock (&rec_mutex);

  replay = power_replay_new (log);
  replay_grow (replay);
  replay_advance (replay, log->ops->len);
  image = build_image (replay, NULL, NULL);
  compare_tree (image, rec_root, NULL, &n_seen);
  g_assert_cmpuint (n_seen, ==, g_hash_table_size (image));
  power_replay_free (replay);
  return log;
}
