/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <sqlite3.h>

#include "enough-store.h"

G_BEGIN_DECLS

/* "Enou": PRAGMA application_id of every Enough journal. */
#define ENOUGH_STORE_APPLICATION_ID 0x456e6f75

/* Registers the SQL functions the triggers use (enough_cjk); every
 * connection that writes must call it. */
int         enough_store_schema_register (sqlite3    *db);
/* Han, kana, Hangul, Bopomofo letters */
gboolean    enough_store_is_cjk          (gunichar    c);
/* "我 的 x 工 作" for "我的 work 工作"; NULL when there is no CJK text. */
char       *enough_store_cjk_tokens      (const char *text);

/* Bulk writes (see enough-store-schema.c): inside the caller's write
 * transaction, begin() suspends the insert triggers (and enlarges the page
 * cache), index() adds rows of @kind with ids @first_id..@last_id (all
 * written in this transaction) to both search indexes, end() restores the
 * triggers; then COMMIT. On failure just ROLLBACK (it restores the
 * triggers) and free. */
typedef struct _EnoughBulkWrite EnoughBulkWrite;
EnoughBulkWrite *enough_store_bulk_begin (sqlite3           *db,
                                          GError           **error);
gboolean    enough_store_bulk_index      (sqlite3           *db,
                                          EnoughRecordKind   kind,
                                          gint64             first_id,
                                          gint64             last_id,
                                          GError           **error);
gboolean    enough_store_bulk_end        (sqlite3           *db,
                                          EnoughBulkWrite   *bulk,
                                          GError           **error);
void        enough_bulk_write_free       (EnoughBulkWrite   *bulk);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnoughBulkWrite, enough_bulk_write_free)

/* Deferred indexing (see enough-store-schema.c). pending_add() records
 * ids @first_id..@last_id of @kind as not indexed yet (inside the
 * caller's transaction). index_pending_chunk() indexes the next chunk in
 * its own transaction; *out_more says whether any is left. */
gboolean    enough_store_pending_add     (sqlite3           *db,
                                          EnoughRecordKind   kind,
                                          gint64             first_id,
                                          gint64             last_id,
                                          GError           **error);
gboolean    enough_store_index_pending_chunk (sqlite3       *db,
                                              gboolean      *out_more,
                                              GError       **error);
/* Tests: ids per chunk (default 2048; 0 restores it). */
void        _enough_store_set_index_chunk (gint64            n_ids);
/* The indexed text columns (the same list the triggers follow). */
guint       enough_store_n_indexed_fields (void);
void        enough_store_get_indexed_field (guint              i,
                                            EnoughRecordKind  *kind,
                                            const char       **table,
                                            const char       **column,
                                            guint             *field);

/* SQL that takes the schema from version to_version - 1 to to_version. */
const char *enough_store_schema_step (guint to_version);

G_END_DECLS
