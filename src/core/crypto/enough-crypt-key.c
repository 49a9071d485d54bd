/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <errno.h>
#include <gcrypt.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "enough-crypt-key.h"
#include "enough-paths.h"

G_DEFINE_QUARK (enough-crypt-error-quark, enough_crypt_error)

#define MAGIC          "ENOUGHKF"
#define VERSION        1
#define HEADER_BYTES   72
#define WRAP_BYTES     60
#define NONCE_BYTES    12
#define TAG_BYTES      16
#define SALT_BYTES     16
/* Bounds the parser accepts: a key file can never make unlocking take
 * minutes or gigabytes. */
#define MAX_T_COST     64
#define MAX_M_COST_KIB (1024 * 1024)
#define MAX_LANES      8
/* New key files: 64 MiB, one lane; t_cost measured. */
#define DEFAULT_M_COST_KIB (64 * 1024)
#define TARGET_UNLOCK_USEC (G_USEC_PER_SEC / 2)

/* Unambiguous: no 0/O, 1/I. */
static const char recovery_alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

static guint32 forced_t_cost;
static guint32 forced_m_cost_kib;

struct _EnoughCryptKey
{
  gint    ref_count;   /* under keys_lock */
  guint   id;
  guint8 *data;        /* ENOUGH_CRYPT_KEY_BYTES, secure memory */
  guint8  file_id[ENOUGH_CRYPT_FILE_ID_BYTES];
};

static GMutex keys_lock;
static GHashTable *keys_by_id;  /* guint → EnoughCryptKey* (weak) */
static guint next_key_id = 1;

void
enough_crypt_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      if (!gcry_control (GCRYCTL_INITIALIZATION_FINISHED_P))
        {
          if (gcry_check_version ("1.10.0") == NULL)
            g_error ("libgcrypt 1.10 or newer is needed");
          /* Locked memory for keys; without the right to lock pages it
           * still works (and still wipes), so no warning on stderr. */
          gcry_control (GCRYCTL_SUSPEND_SECMEM_WARN);
          gcry_control (GCRYCTL_INIT_SECMEM, 65536, 0);
          /* Every open file holds a cipher (key schedule, GCM tables) in
           * secure memory: many connections must not run out of it. */
          gcry_control (GCRYCTL_AUTO_EXPAND_SECMEM, 65536, 0);
          gcry_control (GCRYCTL_RESUME_SECMEM_WARN);
          gcry_control (GCRYCTL_DISABLE_SECMEM_WARN);
          gcry_control (GCRYCTL_INITIALIZATION_FINISHED, 0);
        }
      g_once_init_leave (&done, 1);
    }
}

void
_enough_crypt_set_kdf_params (guint32 t_cost,
                              guint32 m_cost_kib)
{
  forced_t_cost = t_cost;
  forced_m_cost_kib = m_cost_kib;
}

/* ---- Keys ----------------------------------------------------------------- */

static EnoughCryptKey *
key_new (void)
{
  EnoughCryptKey *key = g_new0 (EnoughCryptKey, 1);

  enough_crypt_init ();
  key->ref_count = 1;
  key->data = gcry_malloc_secure (ENOUGH_CRYPT_KEY_BYTES);
  g_mutex_lock (&keys_lock);
  if (keys_by_id == NULL)
    keys_by_id = g_hash_table_new (NULL, NULL);
  key->id = next_key_id++;
  g_hash_table_insert (keys_by_id, GUINT_TO_POINTER (key->id), key);
  g_mutex_unlock (&keys_lock);
  return key;
}

EnoughCryptKey *
enough_crypt_key_ref (EnoughCryptKey *key)
{
  g_mutex_lock (&keys_lock);
  key->ref_count++;
  g_mutex_unlock (&keys_lock);
  return key;
}

void
enough_crypt_key_unref (EnoughCryptKey *key)
{
  gboolean last;

  if (key == NULL)
    return;
  g_mutex_lock (&keys_lock);
  last = --key->ref_count == 0;
  if (last)
    g_hash_table_remove (keys_by_id, GUINT_TO_POINTER (key->id));
  g_mutex_unlock (&keys_lock);
  if (!last)
    return;
  /* gcry_free wipes secure memory before freeing it. */
  explicit_bzero (key->data, ENOUGH_CRYPT_KEY_BYTES);
  gcry_free (key->data);
  explicit_bzero (key, sizeof *key);
  g_free (key);
}

const guint8 *
enough_crypt_key_get_data (EnoughCryptKey *key)
{
  return key->data;
}

const guint8 *
enough_crypt_key_get_file_id (EnoughCryptKey *key)
{
  return key->file_id;
}

guint
enough_crypt_key_get_id (EnoughCryptKey *key)
{
  return key->id;
}

EnoughCryptKey *
enough_crypt_key_lookup_id (guint id)
{
  EnoughCryptKey *key = NULL;

  g_mutex_lock (&keys_lock);
  if (keys_by_id != NULL)
    key = g_hash_table_lookup (keys_by_id, GUINT_TO_POINTER (id));
  if (key != NULL)
    key->ref_count++;
  g_mutex_unlock (&keys_lock);
  return key;
}

/* ---- The key file --------------------------------------------------------- */

static guint32
get_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
put_be32 (guint8  *p,
          guint32  v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

gboolean
enough_key_file_parse (const guint8   *data,
                       gsize           len,
                       EnoughKeyFile  *out,
                       GError        **error)
{
  guint version, flags;

  memset (out, 0, sizeof *out);
  if (len != ENOUGH_CRYPT_KEY_FILE_SIZE || memcmp (data, MAGIC, 8) != 0)
    {
      g_set_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_BAD_KEY_FILE,
                   _("The journal’s key file is not a key file Enough can read."));
      return FALSE;
    }
  version = ((guint) data[8] << 8) | data[9];
  flags = ((guint) data[10] << 8) | data[11];
  if (version != VERSION || flags != 0)
    {
      g_set_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_BAD_KEY_FILE,
                   _("The journal’s key file was made by a newer version of Enough."));
      return FALSE;
    }
  out->t_cost = get_be32 (data + 12);
  out->m_cost_kib = get_be32 (data + 16);
  out->parallelism = get_be32 (data + 20);
  if (out->t_cost < 1 || out->t_cost > MAX_T_COST ||
      out->parallelism < 1 || out->parallelism > MAX_LANES ||
      out->m_cost_kib < 8 * out->parallelism || out->m_cost_kib > MAX_M_COST_KIB)
    {
      g_set_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_BAD_KEY_FILE,
                   _("The journal’s key file is damaged (its settings are out of range)."));
      return FALSE;
    }
  memcpy (out->salt_passphrase, data + 24, SALT_BYTES);
  memcpy (out->salt_recovery, data + 40, SALT_BYTES);
  memcpy (out->file_id, data + 56, ENOUGH_CRYPT_FILE_ID_BYTES);
  memcpy (out->wrap_passphrase, data + 72, WRAP_BYTES);
  memcpy (out->wrap_recovery, data + 132, WRAP_BYTES);
  return TRUE;
}

static void
key_file_serialize (const EnoughKeyFile *kf,
                    guint8              *data)
{
  memcpy (data, MAGIC, 8);
  data[8] = 0;
  data[9] = VERSION;
  data[10] = data[11] = 0;
  put_be32 (data + 12, kf->t_cost);
  put_be32 (data + 16, kf->m_cost_kib);
  put_be32 (data + 20, kf->parallelism);
  memcpy (data + 24, kf->salt_passphrase, SALT_BYTES);
  memcpy (data + 40, kf->salt_recovery, SALT_BYTES);
  memcpy (data + 56, kf->file_id, ENOUGH_CRYPT_FILE_ID_BYTES);
  memcpy (data + 72, kf->wrap_passphrase, WRAP_BYTES);
  memcpy (data + 132, kf->wrap_recovery, WRAP_BYTES);
}

static void
set_gcry_error (GError       **error,
                gcry_error_t   err)
{
  g_set_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_FAILED,
               _("Encryption failed: %s"), gcry_strerror (err));
}

/* Argon2id(secret, salt) → 32 bytes in @out (secure memory). */
static gboolean
derive (const EnoughKeyFile  *kf,
        const char           *secret,
        gsize                 secret_len,
        const guint8         *salt,
        guint8               *out,
        GError              **error)
{
  unsigned long params[4] = { ENOUGH_CRYPT_KEY_BYTES, kf->t_cost, kf->m_cost_kib, kf->parallelism };
  gcry_kdf_hd_t hd = NULL;
  gcry_error_t err;

  err = gcry_kdf_open (&hd, GCRY_KDF_ARGON2, GCRY_KDF_ARGON2ID, params, 4,
                       secret, secret_len, salt, SALT_BYTES, NULL, 0, NULL, 0);
  if (!err)
    err = gcry_kdf_compute (hd, NULL);
  if (!err)
    err = gcry_kdf_final (hd, ENOUGH_CRYPT_KEY_BYTES, out);
  if (hd != NULL)
    gcry_kdf_close (hd);
  if (err)
    set_gcry_error (error, err);
  return !err;
}

/* AEAD with ChaCha20-Poly1305: @wrap = nonce ‖ sealed key ‖ tag. */
static gboolean
aead (const guint8  *kek,
      gboolean       seal,
      const guint8  *ad,
      gsize          ad_len,
      guint8        *wrap,
      guint8        *key_data,
      GError       **error)
{
  gcry_cipher_hd_t hd = NULL;
  gcry_error_t err;

  err = gcry_cipher_open (&hd, GCRY_CIPHER_CHACHA20, GCRY_CIPHER_MODE_POLY1305, GCRY_CIPHER_SECURE);
  if (!err)
    err = gcry_cipher_setkey (hd, kek, ENOUGH_CRYPT_KEY_BYTES);
  if (!err && seal)
    gcry_create_nonce (wrap, NONCE_BYTES);
  if (!err)
    err = gcry_cipher_setiv (hd, wrap, NONCE_BYTES);
  if (!err)
    err = gcry_cipher_authenticate (hd, ad, ad_len);
  if (!err && seal)
    {
      err = gcry_cipher_encrypt (hd, wrap + NONCE_BYTES, ENOUGH_CRYPT_KEY_BYTES,
                                 key_data, ENOUGH_CRYPT_KEY_BYTES);
      if (!err)
        err = gcry_cipher_gettag (hd, wrap + NONCE_BYTES + ENOUGH_CRYPT_KEY_BYTES, TAG_BYTES);
    }
  else if (!err)
    {
      err = gcry_cipher_decrypt (hd, key_data, ENOUGH_CRYPT_KEY_BYTES,
                                 wrap + NONCE_BYTES, ENOUGH_CRYPT_KEY_BYTES);
      if (!err)
        err = gcry_cipher_checktag (hd, wrap + NONCE_BYTES + ENOUGH_CRYPT_KEY_BYTES, TAG_BYTES);
      if (err)
        explicit_bzero (key_data, ENOUGH_CRYPT_KEY_BYTES);
      if (gcry_err_code (err) == GPG_ERR_CHECKSUM)
        {
          gcry_cipher_close (hd);
          g_set_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_WRONG_PASSPHRASE,
                       _("The passphrase is wrong."));
          return FALSE;
        }
    }
  if (hd != NULL)
    gcry_cipher_close (hd);
  if (err)
    set_gcry_error (error, err);
  return !err;
}

/* The associated data of a wrap: the magic, version and KDF parameters
 * (bytes 0–23), the wrap's own salt, the file id and which wrap it is, so
 * the passphrase wrap can be replaced without touching the recovery one. */
#define AD_BYTES (24 + SALT_BYTES + ENOUGH_CRYPT_FILE_ID_BYTES + 1)
static void
wrap_ad (const EnoughKeyFile *kf,
         gboolean             recovery,
         guint8              *ad)
{
  guint8 whole[ENOUGH_CRYPT_KEY_FILE_SIZE];

  key_file_serialize (kf, whole);
  memcpy (ad, whole, 24);
  memcpy (ad + 24, recovery ? kf->salt_recovery : kf->salt_passphrase, SALT_BYTES);
  memcpy (ad + 24 + SALT_BYTES, kf->file_id, ENOUGH_CRYPT_FILE_ID_BYTES);
  ad[AD_BYTES - 1] = recovery ? 'R' : 'P';
}

/* Wraps (@seal) or unwraps the data key with a secret. */
static gboolean
wrap_with (EnoughKeyFile  *kf,
           gboolean        recovery,
           gboolean        seal,
           const char     *secret,
           guint8         *key_data,
           GError        **error)
{
  guint8 *kek = gcry_malloc_secure (ENOUGH_CRYPT_KEY_BYTES);
  guint8 ad[AD_BYTES];
  gboolean ok;

  ok = derive (kf, secret, strlen (secret), recovery ? kf->salt_recovery : kf->salt_passphrase,
               kek, error);
  if (ok)
    {
      wrap_ad (kf, recovery, ad);
      ok = aead (kek, seal, ad, sizeof ad, recovery ? kf->wrap_recovery : kf->wrap_passphrase,
                 key_data, error);
    }
  gcry_free (kek);
  if (!ok && !seal && recovery && g_error_matches (*error, ENOUGH_CRYPT_ERROR,
                                                   ENOUGH_CRYPT_ERROR_WRONG_PASSPHRASE))
    {
      g_clear_error (error);
      g_set_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_WRONG_PASSPHRASE,
                   _("The recovery key is wrong."));
    }
  return ok;
}

char *
enough_key_file_path_for (const char *db_path)
{
  if (g_str_has_suffix (db_path, ".db"))
    {
      g_autofree char *stem = g_strndup (db_path, strlen (db_path) - 3);
      return g_strconcat (stem, ".key", NULL);
    }
  return g_strconcat (db_path, ".key", NULL);
}

static gboolean
write_key_file (const char           *key_path,
                const EnoughKeyFile  *kf,
                GError              **error)
{
  guint8 data[ENOUGH_CRYPT_KEY_FILE_SIZE];
  g_autofree char *dir = g_path_get_dirname (key_path);
  g_autoptr(GError) local_error = NULL;

  key_file_serialize (kf, data);
  /* Temporary file, fsync, rename: a crash leaves the old file or the new
   * one, never half of either; then the folder, for the new name. */
  if (!g_file_set_contents_full (key_path, (const char *) data, sizeof data,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_IO,
                   _("The key file could not be saved: %s"), local_error->message);
      return FALSE;
    }
  enough_paths_sync_folder (dir);
  return TRUE;
}

static gboolean
read_key_file (const char     *key_path,
               EnoughKeyFile  *kf,
               GError        **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  GStatBuf st;

  /* Bounded: never read a big file into memory. */
  if (g_stat (key_path, &st) == 0 && st.st_size > ENOUGH_CRYPT_KEY_FILE_SIZE)
    return enough_key_file_parse ((const guint8 *) "", 1, kf, error);
  if (!g_file_get_contents (key_path, &contents, &len, &local_error))
    {
      g_set_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_IO,
                   _("The journal’s key file could not be read: %s"), local_error->message);
      return FALSE;
    }
  return enough_key_file_parse ((const guint8 *) contents, len, kf, error);
}

/* Argon2id with t_cost 1 once, then as many passes as fit in 0.5 s. */
static void
choose_kdf_params (EnoughKeyFile *kf)
{
  kf->parallelism = 1;
  kf->m_cost_kib = forced_m_cost_kib > 0 ? forced_m_cost_kib : DEFAULT_M_COST_KIB;
  kf->t_cost = forced_t_cost;
  if (kf->t_cost == 0)
    {
      guint8 *out = gcry_malloc_secure (ENOUGH_CRYPT_KEY_BYTES);
      guint8 salt[SALT_BYTES] = { 0 };
      gint64 start, spent;

      kf->t_cost = 1;
      start = g_get_monotonic_time ();
      derive (kf, "calibration", 11, salt, out, NULL);
      spent = MAX (g_get_monotonic_time () - start, 1);
      gcry_free (out);
      kf->t_cost = CLAMP ((guint32) (TARGET_UNLOCK_USEC / spent), 1, MAX_T_COST);
    }
}

static char *
make_recovery_key (char *raw)
{
  guint8 bytes[ENOUGH_CRYPT_RECOVERY_CHARS];
  GString *shown = g_string_new (NULL);

  gcry_randomize (bytes, sizeof bytes, GCRY_VERY_STRONG_RANDOM);
  for (guint i = 0; i < ENOUGH_CRYPT_RECOVERY_CHARS; i++)
    {
      raw[i] = recovery_alphabet[bytes[i] & 31];
      if (i > 0 && i % 4 == 0)
        g_string_append_c (shown, '-');
      g_string_append_c (shown, raw[i]);
    }
  raw[ENOUGH_CRYPT_RECOVERY_CHARS] = '\0';
  explicit_bzero (bytes, sizeof bytes);
  return g_string_free (shown, FALSE);
}

/* "abcd-efgh …" → "ABCDEFGH…" (secure memory), or NULL if malformed. */
static char *
normalize_recovery_key (const char *text)
{
  char *raw = gcry_malloc_secure (ENOUGH_CRYPT_RECOVERY_CHARS + 1);
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == '-' || c == ' ')
        continue;
      if (strchr (recovery_alphabet, c) == NULL || c == '\0' || n >= ENOUGH_CRYPT_RECOVERY_CHARS)
        {
          gcry_free (raw);
          return NULL;
        }
      raw[n++] = c;
    }
  raw[n] = '\0';
  if (n != ENOUGH_CRYPT_RECOVERY_CHARS)
    {
      gcry_free (raw);
      return NULL;
    }
  return raw;
}

EnoughCryptKey *
enough_key_file_create (const char  *key_path,
                        const char  *passphrase,
                        char       **out_recovery_key,
                        GError     **error)
{
  g_autoptr(EnoughCryptKey) key = key_new ();
  EnoughKeyFile kf = { 0 };
  char *raw = gcry_malloc_secure (ENOUGH_CRYPT_RECOVERY_CHARS + 1);
  g_autofree char *shown = NULL;
  gboolean ok;

  if (passphrase == NULL || *passphrase == '\0')
    {
      gcry_free (raw);
      g_set_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_FAILED,
                   _("The passphrase is empty."));
      return NULL;
    }
  if (g_file_test (key_path, G_FILE_TEST_EXISTS))
    {
      gcry_free (raw);
      g_set_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_FAILED,
                   _("The journal already has a key file (“%s”); it was left untouched."), key_path);
      return NULL;
    }
  gcry_randomize (key->data, ENOUGH_CRYPT_KEY_BYTES, GCRY_VERY_STRONG_RANDOM);
  gcry_randomize (kf.salt_passphrase, SALT_BYTES, GCRY_STRONG_RANDOM);
  gcry_randomize (kf.salt_recovery, SALT_BYTES, GCRY_STRONG_RANDOM);
  gcry_randomize (kf.file_id, ENOUGH_CRYPT_FILE_ID_BYTES, GCRY_STRONG_RANDOM);
  memcpy (key->file_id, kf.file_id, ENOUGH_CRYPT_FILE_ID_BYTES);
  choose_kdf_params (&kf);
  shown = make_recovery_key (raw);

  ok = wrap_with (&kf, FALSE, TRUE, passphrase, key->data, error) &&
       wrap_with (&kf, TRUE, TRUE, raw, key->data, error) &&
       write_key_file (key_path, &kf, error);
  gcry_free (raw);
  if (!ok)
    return NULL;
  if (out_recovery_key != NULL)
    *out_recovery_key = g_steal_pointer (&shown);
  return g_steal_pointer (&key);
}

static EnoughCryptKey *
unlock (const char     *key_path,
        const char     *secret,
        gboolean        recovery,
        EnoughKeyFile  *kf,
        GError        **error)
{
  g_autoptr(EnoughCryptKey) key = NULL;
  char *raw = NULL;
  gboolean ok;

  enough_crypt_init ();
  if (!read_key_file (key_path, kf, error))
    return NULL;
  if (recovery)
    {
      raw = normalize_recovery_key (secret);
      if (raw == NULL)
        {
          g_set_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_WRONG_PASSPHRASE,
                       _("The recovery key is wrong: it has 32 letters and digits, in 8 groups of 4."));
          return NULL;
        }
      secret = raw;
    }
  key = key_new ();
  memcpy (key->file_id, kf->file_id, ENOUGH_CRYPT_FILE_ID_BYTES);
  ok = wrap_with (kf, recovery, FALSE, secret, key->data, error);
  if (raw != NULL)
    gcry_free (raw);
  return ok ? g_steal_pointer (&key) : NULL;
}

EnoughCryptKey *
enough_key_file_unlock (const char  *key_path,
                        const char  *passphrase,
                        GError     **error)
{
  EnoughKeyFile kf;

  return unlock (key_path, passphrase, FALSE, &kf, error);
}

EnoughCryptKey *
enough_key_file_unlock_recovery (const char  *key_path,
                                 const char  *recovery_key,
                                 GError     **error)
{
  EnoughKeyFile kf;

  return unlock (key_path, recovery_key, TRUE, &kf, error);
}

gboolean
enough_key_file_change_passphrase (const char  *key_path,
                                   const char  *old_passphrase,
                                   gboolean     use_recovery,
                                   const char  *new_passphrase,
                                   GError     **error)
{
  EnoughKeyFile kf;
  g_autoptr(EnoughCryptKey) key = NULL;

  if (new_passphrase == NULL || *new_passphrase == '\0')
    {
      g_set_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_FAILED,
                   _("The passphrase is empty."));
      return FALSE;
    }
  key = unlock (key_path, old_passphrase, use_recovery, &kf, error);
  if (key == NULL)
    return FALSE;
  /* A new salt and wrap for the new passphrase; the KDF parameters and
   * the recovery wrap stay as they are. */
  gcry_randomize (kf.salt_passphrase, SALT_BYTES, GCRY_STRONG_RANDOM);
  if (!wrap_with (&kf, FALSE, TRUE, new_passphrase, key->data, error))
    return FALSE;
  return write_key_file (key_path, &kf, error);
}
