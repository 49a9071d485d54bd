/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* "Unlock automatically on this computer": the passphrase kept in the
 * user's keyring through libsecret (inside a Flatpak libsecret uses the
 * Secret portal by itself), as a secret of the schema
 * ENOUGH_KEYRING_SCHEMA whose attribute "key-file-id" is the hex file id
 * of the journal's key file, so that another journal (ENOUGH_DATA_DIR)
 * never gets it. Every call works off the UI thread. Built without
 * libsecret (-Dkeyring=disabled), enough_keyring_is_available() is FALSE
 * and the calls fail with G_IO_ERROR_NOT_SUPPORTED. */
#define ENOUGH_KEYRING_SCHEMA "io.github.enoughjournal.Enough.Passphrase"

gboolean  enough_keyring_is_available  (void);
/* The hex file id of the key file of @db_path (NULL = the default
 * journal), or NULL with @error when it has none. */
char     *enough_keyring_dup_file_id   (const char           *db_path,
                                        GError              **error);
/* Stores @passphrase for @file_id, replacing any older one. */
void      enough_keyring_store_async   (const char           *file_id,
                                        const char           *passphrase,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  enough_keyring_store_finish  (GAsyncResult         *result,
                                        GError              **error);
/* The passphrase kept for @file_id (wipe it with
 * enough_keyring_free_passphrase()), or NULL: none, or @error. */
void      enough_keyring_lookup_async  (const char           *file_id,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
char     *enough_keyring_lookup_finish (GAsyncResult         *result,
                                        GError              **error);
void      enough_keyring_free_passphrase (char               *passphrase);
/* Deletes what is kept for @file_id (nothing kept is not an error). */
void      enough_keyring_clear_async   (const char           *file_id,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  enough_keyring_clear_finish  (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
