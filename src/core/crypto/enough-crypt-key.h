/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SECTION:enough-crypt-key
 *
 * The journal's data key and its key file ("journal.key" beside
 * "journal.db"). The data key is 256 random bits that never change while
 * the journal stays encrypted; the key file holds it only wrapped (AEAD,
 * ChaCha20-Poly1305) twice: by a key derived from the passphrase with
 * Argon2id, and by one derived from the recovery key. Changing the
 * passphrase rewraps it; no page is re-encrypted. Keys live in libgcrypt's
 * secure (locked, wiped on free) memory.
 *
 * Key file, 192 bytes, big-endian:
 *   0  "ENOUGHKF"  8  version (1)  10 flags (0)
 *   12 Argon2id t_cost  16 m_cost (KiB)  20 parallelism
 *   24 passphrase salt[16]  40 recovery salt[16]  56 file id[16]
 *   72 passphrase wrap: nonce[12] key[32] tag[16]
 *   132 recovery wrap: the same
 * Each wrap authenticates the parameters, its salt and the file id.
 */

#define ENOUGH_CRYPT_ERROR (enough_crypt_error_quark ())

typedef enum
{
  ENOUGH_CRYPT_ERROR_FAILED,
  ENOUGH_CRYPT_ERROR_WRONG_PASSPHRASE,  /* or wrong recovery key */
  ENOUGH_CRYPT_ERROR_BAD_KEY_FILE,      /* not a key file, damaged or too new */
  ENOUGH_CRYPT_ERROR_IO,
} EnoughCryptError;

GQuark enough_crypt_error_quark (void);

#define ENOUGH_CRYPT_KEY_FILE_SIZE 192
#define ENOUGH_CRYPT_KEY_BYTES     32
#define ENOUGH_CRYPT_FILE_ID_BYTES 16
/* 8 groups of 4 characters, 5 bits each: 160 random bits. */
#define ENOUGH_CRYPT_RECOVERY_CHARS 32

/* What the strict parser gives back (no secrets: the wraps stay sealed). */
typedef struct
{
  guint32 t_cost;
  guint32 m_cost_kib;
  guint32 parallelism;
  guint8  salt_passphrase[16];
  guint8  salt_recovery[16];
  guint8  file_id[ENOUGH_CRYPT_FILE_ID_BYTES];
  guint8  wrap_passphrase[60];
  guint8  wrap_recovery[60];
} EnoughKeyFile;

/* Initialises libgcrypt once (secure memory); safe from any thread. */
void            enough_crypt_init             (void);

/* Strict and bounded: exactly 192 bytes, known magic and version, KDF
 * parameters within limits. */
gboolean        enough_key_file_parse         (const guint8   *data,
                                               gsize           len,
                                               EnoughKeyFile  *out,
                                               GError        **error);

/* A refcounted data key (secure memory) and the journal's file id. */
typedef struct _EnoughCryptKey EnoughCryptKey;

EnoughCryptKey *enough_crypt_key_ref          (EnoughCryptKey *key);
void            enough_crypt_key_unref        (EnoughCryptKey *key);
const guint8   *enough_crypt_key_get_data     (EnoughCryptKey *key);
const guint8   *enough_crypt_key_get_file_id  (EnoughCryptKey *key);
/* Small number naming the key inside this process (the VFS's URI
 * parameter); never reused while the key lives. */
guint           enough_crypt_key_get_id       (EnoughCryptKey *key);
/* NULL if no live key has this id; transfer full. */
EnoughCryptKey *enough_crypt_key_lookup_id    (guint           id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnoughCryptKey, enough_crypt_key_unref)

/* "journal.db" → "journal.key" (any other name: "<name>.key"). */
char           *enough_key_file_path_for      (const char     *db_path);

/* Makes a new data key and file id, writes the key file at @key_path
 * atomically (0600, never over an existing one) and returns the key and
 * the recovery key to show ("ABCD-EFGH-…", 8 groups of 4). */
EnoughCryptKey *enough_key_file_create        (const char     *key_path,
                                               const char     *passphrase,
                                               char          **out_recovery_key,
                                               GError        **error);
/* Reads the key file and unwraps the data key with the passphrase (about
 * half a second, by design). */
EnoughCryptKey *enough_key_file_unlock        (const char     *key_path,
                                               const char     *passphrase,
                                               GError        **error);
EnoughCryptKey *enough_key_file_unlock_recovery (const char   *key_path,
                                                 const char   *recovery_key,
                                                 GError      **error);
/* Checks @old_passphrase (or, if @use_recovery, the recovery key in
 * @old_passphrase) and rewraps the data key with @new_passphrase; the file
 * is replaced atomically. */
gboolean        enough_key_file_change_passphrase (const char *key_path,
                                                   const char *old_passphrase,
                                                   gboolean    use_recovery,
                                                   const char *new_passphrase,
                                                   GError    **error);

/* Argon2id cost for new key files: by default measured so one unlock takes
 * about 0.5 s on this machine. Tests set tiny values (t_cost 0 = measure). */
void            _enough_crypt_set_kdf_params  (guint32         t_cost,
                                               guint32         m_cost_kib);

G_END_DECLS
