/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-crypt-vfs.h"

/* The keys unlocked in this process, by journal path, and opening a
 * database through the encrypting VFS with one. */

typedef struct
{
  EnoughCryptKey *key;
  guint           users;
} KeyringEntry;

static GMutex keyring_lock;
static GHashTable *keyring;  /* canonical path → KeyringEntry* */

static void
keyring_entry_free (gpointer data)
{
  KeyringEntry *entry = data;

  enough_crypt_key_unref (entry->key);
  g_free (entry);
}

void
enough_crypt_keyring_add (const char     *db_path,
                          EnoughCryptKey *key)
{
  g_autofree char *path = g_canonicalize_filename (db_path, NULL);
  KeyringEntry *entry;

  g_mutex_lock (&keyring_lock);
  if (keyring == NULL)
    keyring = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, keyring_entry_free);
  entry = g_hash_table_lookup (keyring, path);
  if (entry == NULL)
    {
      entry = g_new0 (KeyringEntry, 1);
      entry->key = enough_crypt_key_ref (key);
      g_hash_table_insert (keyring, g_steal_pointer (&path), entry);
    }
  else if (entry->key != key)
    {
      enough_crypt_key_unref (entry->key);
      entry->key = enough_crypt_key_ref (key);
    }
  entry->users++;
  g_mutex_unlock (&keyring_lock);
}

void
enough_crypt_keyring_remove (const char *db_path)
{
  g_autofree char *path = g_canonicalize_filename (db_path, NULL);
  KeyringEntry *entry;

  g_mutex_lock (&keyring_lock);
  entry = keyring != NULL ? g_hash_table_lookup (keyring, path) : NULL;
  if (entry != NULL && --entry->users == 0)
    g_hash_table_remove (keyring, path);
  g_mutex_unlock (&keyring_lock);
}

EnoughCryptKey *
enough_crypt_keyring_lookup (const char *db_path)
{
  g_autofree char *path = g_canonicalize_filename (db_path, NULL);
  KeyringEntry *entry;
  EnoughCryptKey *key = NULL;

  g_mutex_lock (&keyring_lock);
  entry = keyring != NULL ? g_hash_table_lookup (keyring, path) : NULL;
  if (entry != NULL)
    key = enough_crypt_key_ref (entry->key);
  g_mutex_unlock (&keyring_lock);
  return key;
}

int
enough_crypt_open_db (const char      *path,
                      int              flags,
                      EnoughCryptKey  *key,
                      sqlite3        **db)
{
  g_autoptr(EnoughCryptKey) found = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  int rc;

  if (key == NULL)
    key = found = enough_crypt_keyring_lookup (path);
  if (key == NULL)
    return sqlite3_open_v2 (path, db, flags, NULL);

  enough_crypt_vfs_register ();
  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strdup_printf ("file:%s?vfs=" ENOUGH_CRYPT_VFS_NAME "&enough_key=%u",
                         escaped, enough_crypt_key_get_id (key));
  rc = sqlite3_open_v2 (uri, db, flags | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    return rc;
  rc = sqlite3_exec (*db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
  if (rc == SQLITE_OK && (flags & SQLITE_OPEN_READWRITE))
    {
      /* Room for the nonce and tag in every page, asked for before the
       * first write (an existing file keeps what it has). */
      int reserve = ENOUGH_CRYPT_RESERVE_BYTES;

      rc = sqlite3_file_control (*db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
    }
  return rc;
}

