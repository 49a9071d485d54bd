/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <gcrypt.h>
#include <string.h>

#include "enough-crypt-vfs.h"

#define NONCE_BYTES 12
#define TAG_BYTES   16
#define WAL_HEADER  32
#define FRAME_HEADER 24
/* Page 1's bytes 0–23 stay readable: the VFS needs the page size (16–17)
 * and the reserved bytes (20) before it can decrypt anything. */
#define PAGE1_CLEAR 24

typedef enum
{
  KIND_DB = 'D',
  KIND_WAL = 'W',
  KIND_JOURNAL = 'J',
} FileKind;

typedef struct
{
  sqlite3_file      base;
  sqlite3_file     *real;    /* the default VFS's file, right after us */
  EnoughCryptKey   *key;
  gcry_cipher_hd_t  cipher;
  FileKind          kind;
  guint32           page_size;  /* 0 until known */
  guint8           *page;       /* page_size + FRAME_HEADER bytes of work space */
} CryptFile;

static sqlite3_vfs crypt_vfs;
static sqlite3_vfs *root_vfs;
static const sqlite3_io_methods crypt_io_methods;

static guint32
get_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
put_be64 (guint8  *p,
          guint64  v)
{
  for (int i = 7; i >= 0; i--, v >>= 8)
    p[i] = v & 0xff;
}

static gboolean
valid_page_size (guint32 size)
{
  return size >= 512 && size <= 65536 && (size & (size - 1)) == 0;
}

static gboolean
set_page_size (CryptFile *f,
               guint32    size)
{
  if (!valid_page_size (size))
    return FALSE;
  if (f->page_size != size)
    {
      g_free (f->page);
      f->page = g_malloc (size + FRAME_HEADER);
      f->page_size = size;
    }
  return TRUE;
}

/* A sealed page ends in its nonce and tag, never all zeros: look there
 * first, so the whole page is scanned only for holes. */
static gboolean
all_zero (const guint8 *p,
          gsize         n)
{
  static const guint8 zeros[ENOUGH_CRYPT_RESERVE_BYTES] = { 0 };

  if (n >= sizeof zeros && memcmp (p + n - sizeof zeros, zeros, sizeof zeros) != 0)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (p[i] != 0)
      return FALSE;
  return TRUE;
}

/* ---- One page ------------------------------------------------------------ */

/* Associated data: file id ‖ kind ‖ position ‖ extra (page 1's clear
 * header bytes, a WAL frame's page number and salt). */
typedef struct
{
  guint8 bytes[ENOUGH_CRYPT_FILE_ID_BYTES + 1 + 8 + PAGE1_CLEAR];
  gsize  len;
} Ad;

static void
make_ad (CryptFile    *f,
         Ad           *ad,
         guint64       position,
         const guint8 *extra,
         gsize         extra_len)
{
  memcpy (ad->bytes, enough_crypt_key_get_file_id (f->key), ENOUGH_CRYPT_FILE_ID_BYTES);
  ad->bytes[ENOUGH_CRYPT_FILE_ID_BYTES] = (guint8) f->kind;
  put_be64 (ad->bytes + ENOUGH_CRYPT_FILE_ID_BYTES + 1, position);
  ad->len = ENOUGH_CRYPT_FILE_ID_BYTES + 1 + 8;
  g_assert (extra_len <= PAGE1_CLEAR);
  if (extra_len > 0)
    memcpy (ad->bytes + ad->len, extra, extra_len);
  ad->len += extra_len;
}

/* Encrypts @page (page_size bytes, in place) from @skip on; the nonce and
 * tag go into its last 28 bytes. */
static gboolean
seal_page (CryptFile *f,
           guint8    *page,
           gsize      skip,
           const Ad  *ad)
{
  gsize end = f->page_size - ENOUGH_CRYPT_RESERVE_BYTES;
  guint8 *nonce = page + end;
  gcry_error_t err;

  gcry_create_nonce (nonce, NONCE_BYTES);
  err = gcry_cipher_reset (f->cipher);
  if (!err)
    err = gcry_cipher_setiv (f->cipher, nonce, NONCE_BYTES);
  if (!err)
    err = gcry_cipher_authenticate (f->cipher, ad->bytes, ad->len);
  if (!err)
    err = gcry_cipher_encrypt (f->cipher, page + skip, end - skip, NULL, 0);
  if (!err)
    err = gcry_cipher_gettag (f->cipher, nonce + NONCE_BYTES, TAG_BYTES);
  return !err;
}

/* Decrypts in place; FALSE (and the page wiped) if it does not
 * authenticate. */
static gboolean
open_page (CryptFile *f,
           guint8    *page,
           gsize      skip,
           const Ad  *ad)
{
  gsize end = f->page_size - ENOUGH_CRYPT_RESERVE_BYTES;
  const guint8 *nonce = page + end;
  gcry_error_t err;

  err = gcry_cipher_reset (f->cipher);
  if (!err)
    err = gcry_cipher_setiv (f->cipher, nonce, NONCE_BYTES);
  if (!err)
    err = gcry_cipher_authenticate (f->cipher, ad->bytes, ad->len);
  if (!err)
    err = gcry_cipher_decrypt (f->cipher, page + skip, end - skip, NULL, 0);
  if (!err)
    err = gcry_cipher_checktag (f->cipher, nonce + NONCE_BYTES, TAG_BYTES);
  if (err)
    {
      memset (page, 0, f->page_size);
      return FALSE;
    }
  /* SQLite never reads its reserved bytes; hand back zeros there. */
  memset (page + end, 0, ENOUGH_CRYPT_RESERVE_BYTES);
  return TRUE;
}

static int
real_size (CryptFile *f,
           sqlite3_int64 *size)
{
  return f->real->pMethods->xFileSize (f->real, size);
}

/* Reads raw bytes; a read past the end is zero-filled (not an error). */
static int
raw_read (CryptFile     *f,
          void          *buf,
          int            amt,
          sqlite3_int64  off)
{
  int rc = f->real->pMethods->xRead (f->real, buf, amt, off);

  return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_OK : rc;
}

/* ---- The database file ----------------------------------------------------- */

static int
db_load_page_size (CryptFile *f)
{
  guint8 header[PAGE1_CLEAR];
  guint32 size;
  int rc;

  if (f->page_size != 0)
    return SQLITE_OK;
  rc = raw_read (f, header, sizeof header, 0);
  if (rc != SQLITE_OK)
    return rc;
  size = ((guint32) header[16] << 8) | header[17];
  if (size == 1)
    size = 65536;
  if (!set_page_size (f, size) || header[20] < ENOUGH_CRYPT_RESERVE_BYTES)
    return SQLITE_IOERR_DATA;
  return SQLITE_OK;
}

/* Page @pgno, decrypted, into f->page. */
static int
db_read_page (CryptFile     *f,
              guint32        pgno,
              gboolean      *missing)
{
  sqlite3_int64 start = (sqlite3_int64) (pgno - 1) * f->page_size;
  gsize skip = pgno == 1 ? PAGE1_CLEAR : 0;
  Ad ad;
  int rc;

  *missing = FALSE;
  rc = f->real->pMethods->xRead (f->real, f->page, f->page_size, start);
  if (rc == SQLITE_IOERR_SHORT_READ)
    {
      /* Only at the end of the file: past it is a page not written yet,
       * part of a page is a file cut short. */
      sqlite3_int64 file_size = 0;

      rc = real_size (f, &file_size);
      if (rc != SQLITE_OK)
        return rc;
      if (start < file_size)
        return SQLITE_IOERR_DATA;
      memset (f->page, 0, f->page_size);
      *missing = TRUE;
      return SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    return rc;
  /* Never written (a hole, or the lock-byte page): zeros stay zeros. */
  if (all_zero (f->page, f->page_size))
    return SQLITE_OK;
  make_ad (f, &ad, pgno, f->page, skip);
  return open_page (f, f->page, skip, &ad) ? SQLITE_OK : SQLITE_IOERR_DATA;
}

static int
db_read (CryptFile     *f,
         guint8        *buf,
         int            amt,
         sqlite3_int64  off)
{
  gboolean short_read = FALSE;
  int rc;

  if (f->page_size == 0)
    {
      sqlite3_int64 size = 0;

      rc = real_size (f, &size);
      if (rc != SQLITE_OK)
        return rc;
      if (size == 0)
        {
          memset (buf, 0, amt);
          return SQLITE_IOERR_SHORT_READ;
        }
      rc = db_load_page_size (f);
      if (rc != SQLITE_OK)
        return rc;
    }

  for (sqlite3_int64 pos = off; pos < off + amt;)
    {
      guint32 pgno = (guint32) (pos / f->page_size) + 1;
      sqlite3_int64 page_start = (sqlite3_int64) (pgno - 1) * f->page_size;
      sqlite3_int64 n = MIN (off + amt, page_start + f->page_size) - pos;
      gboolean missing;

      rc = db_read_page (f, pgno, &missing);
      if (rc != SQLITE_OK)
        {
          memset (buf, 0, amt);
          return rc;
        }
      short_read |= missing;
      memcpy (buf + (pos - off), f->page + (pos - page_start), n);
      pos += n;
    }
  return short_read ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

static int
db_write (CryptFile     *f,
          const guint8  *buf,
          int            amt,
          sqlite3_int64  off)
{
  guint32 pgno;
  gsize skip = 0;
  Ad ad;

  if (off == 0 && amt >= PAGE1_CLEAR)
    {
      guint32 size = ((guint32) buf[16] << 8) | buf[17];

      /* A database without room for the nonce and tag must never be
       * written here: it would go to disk in clear. */
      if (size == 1)
        size = 65536;
      if (!set_page_size (f, size) || buf[20] < ENOUGH_CRYPT_RESERVE_BYTES)
        return SQLITE_IOERR_WRITE;
    }
  else if (f->page_size == 0)
    {
      sqlite3_int64 size = 0;

      /* A new file's pages can come before its page 1 (VACUUM INTO
       * spills its cache): whole pages, so their size is the page size. */
      if (real_size (f, &size) != SQLITE_OK)
        return SQLITE_IOERR_WRITE;
      if (size < PAGE1_CLEAR)
        {
          if (!set_page_size (f, (guint32) amt))
            return SQLITE_IOERR_WRITE;
        }
      else if (db_load_page_size (f) != SQLITE_OK)
        return SQLITE_IOERR_WRITE;
    }
  /* SQLite writes whole pages to the database; anything else is refused
   * rather than written in clear. */
  if ((guint32) amt != f->page_size || off % f->page_size != 0)
    return SQLITE_IOERR_WRITE;

  pgno = (guint32) (off / f->page_size) + 1;
  if (pgno == 1)
    skip = PAGE1_CLEAR;
  memcpy (f->page, buf, amt);
  make_ad (f, &ad, pgno, f->page, skip);
  if (!seal_page (f, f->page, skip, &ad))
    return SQLITE_IOERR_WRITE;
  return f->real->pMethods->xWrite (f->real, f->page, amt, off);
}

/* ---- The WAL ------------------------------------------------------------- */

static int
wal_load_page_size (CryptFile *f)
{
  guint8 header[WAL_HEADER];
  int rc;

  if (f->page_size != 0)
    return SQLITE_OK;
  rc = raw_read (f, header, sizeof header, 0);
  if (rc != SQLITE_OK)
    return rc;
  return set_page_size (f, get_be32 (header + 8)) ? SQLITE_OK : SQLITE_IOERR_DATA;
}

/* Frame @i's header into f->page and its page data, decrypted, after it.
 * FALSE if it does not authenticate or is not all there. */
static gboolean
wal_open_frame (CryptFile     *f,
                sqlite3_int64  i,
                sqlite3_int64  file_size,
                int           *rc)
{
  sqlite3_int64 frame = WAL_HEADER + i * (FRAME_HEADER + (sqlite3_int64) f->page_size);
  guint8 *data = f->page + FRAME_HEADER;
  Ad ad;
  guint8 extra[12];

  *rc = SQLITE_OK;
  if (frame + FRAME_HEADER + f->page_size > file_size)
    return FALSE;
  *rc = raw_read (f, f->page, FRAME_HEADER + f->page_size, frame);
  if (*rc != SQLITE_OK)
    return FALSE;
  memcpy (extra, f->page, 4);           /* page number */
  memcpy (extra + 4, f->page + 8, 8);   /* salt */
  /* A frame of the transaction under way after an in-place overwrite has
   * zeros for its salt until the commit rewrites its header: it was
   * sealed with the WAL header's salt (see wal_write()). */
  if (all_zero (extra + 4, 8))
    {
      *rc = raw_read (f, extra + 4, 8, 16);
      if (*rc != SQLITE_OK)
        return FALSE;
    }
  make_ad (f, &ad, frame, extra, sizeof extra);
  /* open_page works on page_size bytes from @data. */
  return open_page (f, data, 0, &ad);
}

/* A frame that does not authenticate while SQLite replays the WAL: a
 * torn tail after a crash (SQLite's checksum then stops the replay there,
 * as without encryption) or damage. With synchronous=FULL a transaction is
 * synced before the next one is written, so it is damage when a frame of
 * a later transaction of the same WAL generation authenticates. */
static gboolean
wal_damage_after (CryptFile     *f,
                  sqlite3_int64  bad,
                  sqlite3_int64  file_size)
{
  guint8 header[WAL_HEADER];
  guint8 salt[8];
  gboolean bad_txn_ended = FALSE;
  int rc;

  if (raw_read (f, header, sizeof header, 0) != SQLITE_OK)
    return TRUE;
  memcpy (salt, header + 16, 8);
  for (sqlite3_int64 j = bad;; j++)
    {
      sqlite3_int64 frame = WAL_HEADER + j * (FRAME_HEADER + (sqlite3_int64) f->page_size);
      guint8 frame_header[FRAME_HEADER];
      gboolean ok;

      if (frame + FRAME_HEADER + f->page_size > file_size)
        break;
      if (raw_read (f, frame_header, FRAME_HEADER, frame) != SQLITE_OK)
        return TRUE;
      if (memcmp (frame_header + 8, salt, 8) != 0)
        continue;
      if (bad_txn_ended)
        {
          ok = wal_open_frame (f, j, file_size, &rc);
          if (rc != SQLITE_OK || ok)
            return TRUE;
        }
      /* The commit frame (its header says so) ends the bad frame's
       * transaction. */
      if (get_be32 (frame_header + 4) != 0)
        bad_txn_ended = TRUE;
    }
  return FALSE;
}

static int
wal_read (CryptFile     *f,
          guint8        *buf,
          int            amt,
          sqlite3_int64  off)
{
  sqlite3_int64 size = 0, frame_bytes, first, last;
  int rc, result;

  result = f->real->pMethods->xRead (f->real, buf, amt, off);
  if (result != SQLITE_OK && result != SQLITE_IOERR_SHORT_READ)
    return result;
  if (off + amt <= WAL_HEADER)
    return result;
  rc = real_size (f, &size);
  if (rc == SQLITE_OK)
    rc = wal_load_page_size (f);
  if (rc != SQLITE_OK)
    return rc;

  /* Every frame whose page data the read touches is decrypted. */
  frame_bytes = FRAME_HEADER + (sqlite3_int64) f->page_size;
  first = off < WAL_HEADER ? 0 : (off - WAL_HEADER) / frame_bytes;
  last = (off + amt - 1 - WAL_HEADER) / frame_bytes;
  for (sqlite3_int64 i = first; i <= last; i++)
    {
      sqlite3_int64 frame = WAL_HEADER + i * frame_bytes;
      sqlite3_int64 data = frame + FRAME_HEADER;
      sqlite3_int64 from = MAX (off, data), to = MIN (off + amt, data + f->page_size);

      if (from >= to)
        continue;
      if (data >= size)
        continue;  /* past the end: already zeros, a short read */
      if (!wal_open_frame (f, i, size, &rc))
        {
          gboolean whole_frame = off <= frame && off + amt >= data + f->page_size;

          if (rc != SQLITE_OK)
            return rc;
          if (!whole_frame || wal_damage_after (f, i, size))
            {
              memset (buf, 0, amt);
              return SQLITE_IOERR_DATA;
            }
          /* The replay reads whole frames: zeros fail SQLite's own
           * checksum, which ends the replay before this frame. */
          memset (buf + (from - off), 0, to - from);
          continue;
        }
      memcpy (buf + (from - off), f->page + FRAME_HEADER + (from - data), to - from);
    }
  return result;
}

static int
wal_write (CryptFile     *f,
           const guint8  *buf,
           int            amt,
           sqlite3_int64  off)
{
  sqlite3_int64 frame_bytes, within, frame;
  guint8 header[FRAME_HEADER];
  guint8 extra[12];
  Ad ad;
  int rc;

  if (off + amt <= WAL_HEADER)
    {
      if (off == 0 && amt >= 12 && !set_page_size (f, get_be32 (buf + 8)))
        return SQLITE_IOERR_WRITE;
      return f->real->pMethods->xWrite (f->real, buf, amt, off);
    }
  if (off < WAL_HEADER || wal_load_page_size (f) != SQLITE_OK)
    return SQLITE_IOERR_WRITE;
  frame_bytes = FRAME_HEADER + (sqlite3_int64) f->page_size;
  within = (off - WAL_HEADER) % frame_bytes;
  frame = off - within;
  if (within == 0 && amt == FRAME_HEADER)
    return f->real->pMethods->xWrite (f->real, buf, amt, off);  /* no page content */
  if (within != FRAME_HEADER || (guint32) amt != f->page_size)
    return SQLITE_IOERR_WRITE;  /* never in clear */

  /* The frame header SQLite wrote names the page; the salt comes from the
   * WAL header, because a frame written after an in-place overwrite in
   * the same transaction has zeros there until SQLite rewrites its header
   * at commit (walRewriteChecksums) with this same salt. */
  rc = raw_read (f, header, FRAME_HEADER, frame);
  if (rc == SQLITE_OK)
    rc = raw_read (f, extra + 4, 8, 16);
  if (rc != SQLITE_OK)
    return rc;
  memcpy (extra, header, 4);
  make_ad (f, &ad, frame, extra, sizeof extra);
  memcpy (f->page, buf, amt);
  if (!seal_page (f, f->page, 0, &ad))
    return SQLITE_IOERR_WRITE;
  return f->real->pMethods->xWrite (f->real, f->page, amt, off);
}

/* ---- The rollback journal --------------------------------------------------
 * Only new databases and the WAL switch use one. Its page images are
 * page_size bytes at offsets ≡ 4 (mod 8) (after each record's 4-byte page
 * number; headers are sector-aligned); everything else in it is SQLite's
 * bookkeeping (page numbers, checksums, header). */

static gboolean
journal_is_page (CryptFile     *f,
                 int            amt,
                 sqlite3_int64  off)
{
  if (f->page_size == 0)
    {
      guint8 header[28];

      if (raw_read (f, header, sizeof header, 0) != SQLITE_OK)
        return FALSE;
      if (!set_page_size (f, get_be32 (header + 24)))
        return FALSE;
    }
  return (guint32) amt == f->page_size && off % 8 == 4;
}

static int
journal_read (CryptFile     *f,
              guint8        *buf,
              int            amt,
              sqlite3_int64  off)
{
  Ad ad;
  int rc;

  if (!journal_is_page (f, amt, off))
    return f->real->pMethods->xRead (f->real, buf, amt, off);
  rc = f->real->pMethods->xRead (f->real, buf, amt, off);
  if (rc != SQLITE_OK)
    return rc;
  make_ad (f, &ad, off, NULL, 0);
  return open_page (f, buf, 0, &ad) ? SQLITE_OK : SQLITE_IOERR_DATA;
}

static int
journal_write (CryptFile     *f,
               const guint8  *buf,
               int            amt,
               sqlite3_int64  off)
{
  Ad ad;

  if (off == 0 && amt >= 28)
    set_page_size (f, get_be32 (buf + 24));
  if (!journal_is_page (f, amt, off))
    return f->real->pMethods->xWrite (f->real, buf, amt, off);
  memcpy (f->page, buf, amt);
  make_ad (f, &ad, off, NULL, 0);
  if (!seal_page (f, f->page, 0, &ad))
    return SQLITE_IOERR_WRITE;
  return f->real->pMethods->xWrite (f->real, f->page, amt, off);
}

/* ---- io methods ----------------------------------------------------------- */

static int
crypt_close (sqlite3_file *file)
{
  CryptFile *f = (CryptFile *) file;
  int rc = f->real->pMethods != NULL ? f->real->pMethods->xClose (f->real) : SQLITE_OK;

  gcry_cipher_close (f->cipher);
  if (f->page != NULL)
    explicit_bzero (f->page, f->page_size + FRAME_HEADER);
  g_free (f->page);
  g_clear_pointer (&f->key, enough_crypt_key_unref);
  return rc;
}

static int
crypt_read (sqlite3_file  *file,
            void          *buf,
            int            amt,
            sqlite3_int64  off)
{
  CryptFile *f = (CryptFile *) file;

  switch (f->kind)
    {
    case KIND_DB:
      return db_read (f, buf, amt, off);
    case KIND_WAL:
      return wal_read (f, buf, amt, off);
    case KIND_JOURNAL:
    default:
      return journal_read (f, buf, amt, off);
    }
}

static int
crypt_write (sqlite3_file  *file,
             const void    *buf,
             int            amt,
             sqlite3_int64  off)
{
  CryptFile *f = (CryptFile *) file;

  switch (f->kind)
    {
    case KIND_DB:
      return db_write (f, buf, amt, off);
    case KIND_WAL:
      return wal_write (f, buf, amt, off);
    case KIND_JOURNAL:
    default:
      return journal_write (f, buf, amt, off);
    }
}

#define REAL(file) (((CryptFile *) (file))->real)

static int crypt_truncate (sqlite3_file *file, sqlite3_int64 size) { return REAL (file)->pMethods->xTruncate (REAL (file), size); }
static int crypt_sync (sqlite3_file *file, int flags) { return REAL (file)->pMethods->xSync (REAL (file), flags); }
static int crypt_file_size (sqlite3_file *file, sqlite3_int64 *size) { return REAL (file)->pMethods->xFileSize (REAL (file), size); }
static int crypt_lock (sqlite3_file *file, int lock) { return REAL (file)->pMethods->xLock (REAL (file), lock); }
static int crypt_unlock (sqlite3_file *file, int lock) { return REAL (file)->pMethods->xUnlock (REAL (file), lock); }
static int crypt_check_reserved_lock (sqlite3_file *file, int *out) { return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out); }
static int crypt_sector_size (sqlite3_file *file) { return REAL (file)->pMethods->xSectorSize (REAL (file)); }
static int crypt_shm_map (sqlite3_file *file, int pg, int sz, int extend, void volatile **out) { return REAL (file)->pMethods->xShmMap (REAL (file), pg, sz, extend, out); }
static int crypt_shm_lock (sqlite3_file *file, int offset, int n, int flags) { return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags); }
static void crypt_shm_barrier (sqlite3_file *file) { REAL (file)->pMethods->xShmBarrier (REAL (file)); }
static int crypt_shm_unmap (sqlite3_file *file, int delete_flag) { return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag); }

static int
crypt_device_characteristics (sqlite3_file *file)
{
  /* Batch-atomic writes would bypass the journal's page images only on
   * F2FS; leave SQLite's ordinary path, which this VFS knows. */
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file)) & ~SQLITE_IOCAP_BATCH_ATOMIC;
}

static int
crypt_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  if (op == SQLITE_FCNTL_VFSNAME)
    {
      *(char **) arg = sqlite3_mprintf ("%s", ENOUGH_CRYPT_VFS_NAME);
      return SQLITE_OK;
    }
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

/* Version 2: WAL's shared memory, but no xFetch, so SQLite never maps the
 * (encrypted) file into memory. */
static const sqlite3_io_methods crypt_io_methods = {
  2,
  crypt_close,
  crypt_read,
  crypt_write,
  crypt_truncate,
  crypt_sync,
  crypt_file_size,
  crypt_lock,
  crypt_unlock,
  crypt_check_reserved_lock,
  crypt_file_control,
  crypt_sector_size,
  crypt_device_characteristics,
  crypt_shm_map,
  crypt_shm_lock,
  crypt_shm_barrier,
  crypt_shm_unmap,
  NULL,
  NULL,
};

/* ---- The VFS -------------------------------------------------------------- */

static int
crypt_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  CryptFile *f = (CryptFile *) file;
  const char *id_text;
  gcry_error_t err;
  int rc;

  (void) vfs;
  memset (f, 0, sizeof *f);
  f->real = (sqlite3_file *) &f[1];
  if (flags & SQLITE_OPEN_MAIN_DB)
    f->kind = KIND_DB;
  else if (flags & SQLITE_OPEN_WAL)
    f->kind = KIND_WAL;
  else if (flags & SQLITE_OPEN_MAIN_JOURNAL)
    f->kind = KIND_JOURNAL;
  else
    return SQLITE_CANTOPEN;  /* no temporary files in clear */

  id_text = name != NULL ? sqlite3_uri_parameter (name, "enough_key") : NULL;
  if (id_text != NULL)
    f->key = enough_crypt_key_lookup_id ((guint) g_ascii_strtoull (id_text, NULL, 10));
  if (f->key == NULL)
    return SQLITE_CANTOPEN;

  /* AES-256-GCM: with AES-NI and carry-less multiply (nearly every PC)
   * about twice as fast here as ChaCha20-Poly1305, and every page read
   * that misses SQLite's cache pays it. */
  err = gcry_cipher_open (&f->cipher, GCRY_CIPHER_AES256, GCRY_CIPHER_MODE_GCM,
                          GCRY_CIPHER_SECURE);
  if (!err)
    err = gcry_cipher_setkey (f->cipher, enough_crypt_key_get_data (f->key), ENOUGH_CRYPT_KEY_BYTES);
  if (err)
    {
      if (f->cipher != NULL)
        gcry_cipher_close (f->cipher);
      g_clear_pointer (&f->key, enough_crypt_key_unref);
      return SQLITE_CANTOPEN;
    }

  rc = root_vfs->xOpen (root_vfs, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK || f->real->pMethods == NULL)
    {
      if (f->real->pMethods != NULL)
        f->real->pMethods->xClose (f->real);
      gcry_cipher_close (f->cipher);
      g_clear_pointer (&f->key, enough_crypt_key_unref);
      return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
    }
  f->base.pMethods = &crypt_io_methods;
  return SQLITE_OK;
}

static int crypt_delete (sqlite3_vfs *vfs, const char *name, int sync_dir) { (void) vfs; return root_vfs->xDelete (root_vfs, name, sync_dir); }
static int crypt_access (sqlite3_vfs *vfs, const char *name, int flags, int *out) { (void) vfs; return root_vfs->xAccess (root_vfs, name, flags, out); }
static int crypt_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out) { (void) vfs; return root_vfs->xFullPathname (root_vfs, name, n, out); }
static void *crypt_dl_open (sqlite3_vfs *vfs, const char *path) { (void) vfs; return root_vfs->xDlOpen (root_vfs, path); }
static void crypt_dl_error (sqlite3_vfs *vfs, int n, char *msg) { (void) vfs; root_vfs->xDlError (root_vfs, n, msg); }
static void (*crypt_dl_sym (sqlite3_vfs *vfs, void *h, const char *sym)) (void) { (void) vfs; return root_vfs->xDlSym (root_vfs, h, sym); }
static void crypt_dl_close (sqlite3_vfs *vfs, void *h) { (void) vfs; root_vfs->xDlClose (root_vfs, h); }
static int crypt_randomness (sqlite3_vfs *vfs, int n, char *out) { (void) vfs; return root_vfs->xRandomness (root_vfs, n, out); }
static int crypt_sleep (sqlite3_vfs *vfs, int us) { (void) vfs; return root_vfs->xSleep (root_vfs, us); }
static int crypt_current_time (sqlite3_vfs *vfs, double *out) { (void) vfs; return root_vfs->xCurrentTime (root_vfs, out); }
static int crypt_get_last_error (sqlite3_vfs *vfs, int n, char *out) { (void) vfs; return root_vfs->xGetLastError ? root_vfs->xGetLastError (root_vfs, n, out) : 0; }
static int crypt_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out) { (void) vfs; return root_vfs->xCurrentTimeInt64 (root_vfs, out); }

void
enough_crypt_vfs_register (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      enough_crypt_init ();
      root_vfs = sqlite3_vfs_find (NULL);
      crypt_vfs = (sqlite3_vfs) {
        .iVersion = 2,
        .szOsFile = sizeof (CryptFile) + root_vfs->szOsFile,
        .mxPathname = root_vfs->mxPathname,
        .zName = ENOUGH_CRYPT_VFS_NAME,
        .xOpen = crypt_open,
        .xDelete = crypt_delete,
        .xAccess = crypt_access,
        .xFullPathname = crypt_full_pathname,
        .xDlOpen = crypt_dl_open,
        .xDlError = crypt_dl_error,
        .xDlSym = crypt_dl_sym,
        .xDlClose = crypt_dl_close,
        .xRandomness = crypt_randomness,
        .xSleep = crypt_sleep,
        .xCurrentTime = crypt_current_time,
        .xGetLastError = crypt_get_last_error,
        .xCurrentTimeInt64 = crypt_current_time_int64,
      };
      sqlite3_vfs_register (&crypt_vfs, 0);
      g_once_init_leave (&done, 1);
    }
}

/* ---- The key of an open database ------------------------------------------ */

EnoughCryptKey *
enough_crypt_key_of_db (sqlite3 *db)
{
  sqlite3_file *file = NULL;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods != &crypt_io_methods)
    return NULL;
  return enough_crypt_key_ref (((CryptFile *) file)->key);
}
