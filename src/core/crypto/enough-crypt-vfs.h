/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <sqlite3.h>

#include "enough-crypt-key.h"

G_BEGIN_DECLS

/**
 * SECTION:enough-crypt-vfs
 *
 * "enough-crypt", an SQLite VFS shim over the default one that encrypts
 * every page of the database, of its WAL and of its rollback journal with
 * AES-256-GCM and a fresh random nonce per write. The nonce (12
 * bytes) and the tag (16) sit in the last 28 of each page's reserved bytes
 * (a new database gets them before its first write, see
 * enough_crypt_open_db()). The associated data binds each page to the
 * journal's file id, the kind of file and the page's place (page number;
 * for WAL frames also the frame's offset and the WAL's salt), so no page
 * can be moved unnoticed. Page 1 keeps bytes 0–23 (magic, page size, reserved
 * bytes) readable for this VFS, authenticated with the rest.
 *
 * A page that fails authentication gives SQLITE_IOERR_DATA ("the journal
 * is damaged or the passphrase is wrong"), never its bytes. Temporary
 * files are refused: connections use temp_store=MEMORY.
 */

#define ENOUGH_CRYPT_VFS_NAME "enough-crypt"
/* Nonce and tag at the end of every page. */
#define ENOUGH_CRYPT_RESERVE_BYTES 28

void            enough_crypt_vfs_register    (void);

/* The keys unlocked in this process, by journal path, so every part of
 * the core that opens the journal by its path (export, search, restore)
 * reads it through the key. Refcounted per path. */
void            enough_crypt_keyring_add     (const char      *db_path,
                                              EnoughCryptKey  *key);
void            enough_crypt_keyring_remove  (const char      *db_path);
/* Transfer full; NULL if that journal is not unlocked here. */
EnoughCryptKey *enough_crypt_keyring_lookup  (const char      *db_path);

/**
 * enough_crypt_open_db:
 * @key: (nullable): the key, or NULL to use the keyring's key for @path
 *   (and open the file as plain SQLite if there is none)
 *
 * sqlite3_open_v2() through the encrypting VFS when there is a key; a new
 * (empty) database gets its reserved bytes and temp_store=MEMORY. Returns
 * an SQLite result code; *@db is set as sqlite3_open_v2() sets it.
 */
int             enough_crypt_open_db         (const char      *path,
                                              int              flags,
                                              EnoughCryptKey  *key,
                                              sqlite3        **db);
/* The key @db's main file is encrypted with (transfer full), or NULL. */
EnoughCryptKey *enough_crypt_key_of_db       (sqlite3         *db);

G_END_DECLS
