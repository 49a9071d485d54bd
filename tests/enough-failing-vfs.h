/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

/* A failing disk for tests (header-only): an SQLite VFS that wraps the
 * default one and, once switched on, makes writes to the database and its
 * WAL fail the way a full disk (SQLITE_FULL, as ENOSPC gives) or a file
 * system remounted read-only (SQLITE_IOERR_WRITE, as EROFS gives) does.
 * failing_vfs_install() makes it the default VFS, so the store (which
 * opens with the default) writes through it without knowing. */

#include <sqlite3.h>
#include <glib.h>

typedef enum
{
  FAILING_VFS_OFF,
  FAILING_VFS_FULL,       /* writes fail with SQLITE_FULL */
  FAILING_VFS_READ_ONLY,  /* writes fail with SQLITE_IOERR_WRITE */
  FAILING_VFS_SYNC,       /* fsync fails (SQLITE_IOERR_FSYNC) */
} FailingVfsMode;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
  int           flags;
} FailingFile;

static sqlite3_vfs *failing_vfs_real;
static sqlite3_vfs  failing_vfs;
static gint         failing_vfs_mode;       /* FailingVfsMode, atomic */
static gint         failing_vfs_allow;      /* writes still allowed before failing, atomic */
static gint         failing_vfs_n_failed;   /* writes refused so far, atomic */

static inline void
failing_vfs_set_mode (FailingVfsMode mode,
                      int            allow_writes_first)
{
  g_atomic_int_set (&failing_vfs_allow, allow_writes_first);
  g_atomic_int_set (&failing_vfs_mode, mode);
}

static inline int
failing_vfs_get_n_failed (void)
{
  return g_atomic_int_get (&failing_vfs_n_failed);
}

static gboolean
failing_vfs_should_fail (FailingFile    *file,
                         FailingVfsMode  mode)
{
  if (g_atomic_int_get (&failing_vfs_mode) != (gint) mode)
    return FALSE;
  /* Only the files that hold the journal; not the temp files of a sort. */
  if (!(file->flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL)))
    return FALSE;
  if (g_atomic_int_add (&failing_vfs_allow, -1) > 0)
    return FALSE;
  g_atomic_int_inc (&failing_vfs_n_failed);
  return TRUE;
}

#define REAL(f) (((FailingFile *) (f))->real)

static int
failing_close (sqlite3_file *f)
{
  int rc = REAL (f)->pMethods ? REAL (f)->pMethods->xClose (REAL (f)) : SQLITE_OK;
  return rc;
}

static int
failing_read (sqlite3_file *f, void *buf, int amount, sqlite3_int64 offset)
{
  return REAL (f)->pMethods->xRead (REAL (f), buf, amount, offset);
}

static int
failing_write (sqlite3_file *f, const void *buf, int amount, sqlite3_int64 offset)
{
  if (failing_vfs_should_fail ((FailingFile *) f, FAILING_VFS_FULL))
    return SQLITE_FULL;
  if (failing_vfs_should_fail ((FailingFile *) f, FAILING_VFS_READ_ONLY))
    return SQLITE_IOERR_WRITE;
  return REAL (f)->pMethods->xWrite (REAL (f), buf, amount, offset);
}

static int
failing_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  if (failing_vfs_should_fail ((FailingFile *) f, FAILING_VFS_READ_ONLY))
    return SQLITE_IOERR_TRUNCATE;
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
failing_sync (sqlite3_file *f, int flags)
{
  if (failing_vfs_should_fail ((FailingFile *) f, FAILING_VFS_SYNC))
    return SQLITE_IOERR_FSYNC;
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
failing_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
failing_lock (sqlite3_file *f, int lock)
{
  return REAL (f)->pMethods->xLock (REAL (f), lock);
}

static int
failing_unlock (sqlite3_file *f, int lock)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), lock);
}

static int
failing_check_reserved_lock (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
failing_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
failing_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
failing_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
failing_shm_map (sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, out);
}

static int
failing_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
failing_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
failing_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static int
failing_fetch (sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (f)->pMethods->xFetch (REAL (f), offset, amount, out);
}

static int
failing_unfetch (sqlite3_file *f, sqlite3_int64 offset, void *p)
{
  return REAL (f)->pMethods->xUnfetch (REAL (f), offset, p);
}

#undef REAL

static const sqlite3_io_methods failing_io_methods = {
  3,
  failing_close,
  failing_read,
  failing_write,
  failing_truncate,
  failing_sync,
  failing_file_size,
  failing_lock,
  failing_unlock,
  failing_check_reserved_lock,
  failing_file_control,
  failing_sector_size,
  failing_device_characteristics,
  failing_shm_map,
  failing_shm_lock,
  failing_shm_barrier,
  failing_shm_unmap,
  failing_fetch,
  failing_unfetch,
};

static int
failing_open (sqlite3_vfs  *vfs,
              const char   *name,
              sqlite3_file *f,
              int           flags,
              int          *out_flags)
{
  FailingFile *file = (FailingFile *) f;
  int rc;

  file->real = (sqlite3_file *) (file + 1);
  file->flags = flags;
  rc = failing_vfs_real->xOpen (failing_vfs_real, name, file->real, flags, out_flags);
  /* SQLite calls xClose only if pMethods is set. */
  file->base.pMethods = file->real->pMethods != NULL ? &failing_io_methods : NULL;
  return rc;
}

static int
failing_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return failing_vfs_real->xDelete (failing_vfs_real, name, sync_dir);
}

static int
failing_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return failing_vfs_real->xAccess (failing_vfs_real, name, flags, out);
}

static int
failing_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return failing_vfs_real->xFullPathname (failing_vfs_real, name, n, out);
}

static void *
failing_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return failing_vfs_real->xDlOpen (failing_vfs_real, name);
}

static void
failing_dl_error (sqlite3_vfs *vfs, int n, char *out)
{
  failing_vfs_real->xDlError (failing_vfs_real, n, out);
}

static void (*failing_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return failing_vfs_real->xDlSym (failing_vfs_real, handle, symbol);
}

static void
failing_dl_close (sqlite3_vfs *vfs, void *handle)
{
  failing_vfs_real->xDlClose (failing_vfs_real, handle);
}

static int
failing_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return failing_vfs_real->xRandomness (failing_vfs_real, n, out);
}

static int
failing_sleep (sqlite3_vfs *vfs, int usec)
{
  return failing_vfs_real->xSleep (failing_vfs_real, usec);
}

static int
failing_current_time (sqlite3_vfs *vfs, double *out)
{
  return failing_vfs_real->xCurrentTime (failing_vfs_real, out);
}

static int
failing_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return failing_vfs_real->xGetLastError (failing_vfs_real, n, out);
}

static int
failing_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return failing_vfs_real->xCurrentTimeInt64 (failing_vfs_real, out);
}

/* Call once, before any database is opened. */
static inline void
failing_vfs_install (void)
{
  g_assert_cmpint (sqlite3_initialize (), ==, SQLITE_OK);
  failing_vfs_real = sqlite3_vfs_find (NULL);
  g_assert_nonnull (failing_vfs_real);
  g_assert_cmpint (failing_vfs_real->iVersion, >=, 2);

  failing_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (FailingFile) + failing_vfs_real->szOsFile,
    .mxPathname = failing_vfs_real->mxPathname,
    .zName = "enough-failing",
    .xOpen = failing_open,
    .xDelete = failing_delete,
    .xAccess = failing_access,
    .xFullPathname = failing_full_pathname,
    .xDlOpen = failing_dl_open,
    .xDlError = failing_dl_error,
    .xDlSym = failing_dl_sym,
    .xDlClose = failing_dl_close,
    .xRandomness = failing_randomness,
    .xSleep = failing_sleep,
    .xCurrentTime = failing_current_time,
    .xGetLastError = failing_get_last_error,
    .xCurrentTimeInt64 = failing_current_time_int64,
  };
  g_assert_cmpint (sqlite3_vfs_register (&failing_vfs, 1), ==, SQLITE_OK);
}
