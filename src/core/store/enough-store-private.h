/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <sqlite3.h>

#include "enough-store.h"

G_BEGIN_DECLS

/* A copy of one record's column values, made on the UI thread and written
 * by the worker; the worker never touches GObjects. Column order is the
 * table's (see enough-store.c): id, uuid, created, updated, deleted_at, … */
#define ENOUGH_SNAPSHOT_MAX 16

typedef struct
{
  gboolean  is_text;
  gint64    i;
  char     *s;
} EnoughValue;

typedef struct
{
  EnoughRecordKind  kind;
  guint             n_values;
  EnoughValue       values[ENOUGH_SNAPSHOT_MAX];
} EnoughSnapshot;

void  enough_snapshot_add_int  (EnoughSnapshot *snap,
                                gint64          value);
void  enough_snapshot_add_text (EnoughSnapshot *snap,
                                const char     *value);
void  enough_snapshot_free     (EnoughSnapshot *snap);

/* Record internals */
void          _enough_record_setup          (EnoughRecord  *self,
                                             EnoughStore   *store,
                                             gint64         id,
                                             const char    *uuid,
                                             gint64         created_at,
                                             gint64         updated_at,
                                             gint64         deleted_at);
/* Reads columns 0..4 of a row in table order. */
void          _enough_record_load_common    (EnoughRecord  *self,
                                             EnoughStore   *store,
                                             sqlite3_stmt  *stmt);
void          _enough_record_snapshot_common (EnoughRecord  *self,
                                              EnoughSnapshot *snap);
gint64        _enough_record_get_id         (EnoughRecord  *self);
guint64      *_enough_record_get_cache_key  (EnoughRecord  *self);
EnoughStore  *_enough_record_get_store      (EnoughRecord  *self);
void          _enough_record_detach         (EnoughRecord  *self);
gint64        _enough_record_get_deleted_at (EnoughRecord  *self);
void          _enough_record_set_deleted_at (EnoughRecord  *self,
                                             gint64         deleted_at);
gboolean      _enough_record_get_dirty      (EnoughRecord  *self);
void          _enough_record_set_dirty      (EnoughRecord  *self,
                                             gboolean       dirty);
/* Call after a setter changed a value: bumps updated-at, queues the save. */
void          _enough_record_changed        (EnoughRecord  *self);
/* Replaces *field with a copy of value (NULL → ""); TRUE if it changed. */
gboolean      _enough_set_string            (char         **field,
                                             const char    *value);

#define ENOUGH_CACHE_KEY(kind, id) ((((guint64) (kind)) << 56) | (guint64) (id))

/* Subclass internals: new empty object, load columns 5.. of a row,
 * append columns 5.. to a snapshot. */
EnoughDialogue  *_enough_dialogue_new        (void);
void             _enough_dialogue_load       (EnoughDialogue  *self,
                                              sqlite3_stmt    *stmt);
void             _enough_dialogue_snapshot   (EnoughDialogue  *self,
                                              EnoughSnapshot  *snap);
GListModel      *_enough_dialogue_peek_turns (EnoughDialogue  *self);

EnoughTurn      *_enough_turn_new            (void);
void             _enough_turn_load           (EnoughTurn      *self,
                                              sqlite3_stmt    *stmt);
void             _enough_turn_snapshot       (EnoughTurn      *self,
                                              EnoughSnapshot  *snap);
gint64           _enough_turn_get_dialogue_id (EnoughTurn     *self);
void             _enough_turn_set_dialogue   (EnoughTurn      *self,
                                              gint64           dialogue_id,
                                              const char      *dialogue_uuid);
void             _enough_turn_set_position   (EnoughTurn      *self,
                                              gint64           position);

EnoughLetter    *_enough_letter_new          (void);
void             _enough_letter_load         (EnoughLetter    *self,
                                              sqlite3_stmt    *stmt);
void             _enough_letter_snapshot     (EnoughLetter    *self,
                                              EnoughSnapshot  *snap);

EnoughSelfCheck *_enough_self_check_new      (void);
void             _enough_self_check_load     (EnoughSelfCheck *self,
                                              sqlite3_stmt    *stmt);
void             _enough_self_check_snapshot (EnoughSelfCheck *self,
                                              EnoughSnapshot  *snap);
void             _enough_self_check_set_bank_version (EnoughSelfCheck *self,
                                                      guint            version);

/* Store internals used by records and lists */
void          _enough_store_record_changed  (EnoughStore   *store,
                                             EnoughRecord  *record);
void          _enough_store_forget          (EnoughStore   *store,
                                             EnoughRecord  *record);
/* Live object for (kind, id), loading it from the read connection if needed.
 * Transfer full; NULL if the row does not exist. */
EnoughRecord *_enough_store_get_record      (EnoughStore      *store,
                                             EnoughRecordKind  kind,
                                             gint64            id);
sqlite3_stmt *_enough_store_read_stmt       (EnoughStore   *store,
                                             const char    *sql);
GListModel   *_enough_store_new_turn_list   (EnoughStore   *store,
                                             EnoughDialogue *dialogue);

EnoughRecord *_enough_store_peek_record      (EnoughStore      *store,
                                             EnoughRecordKind  kind,
                                             gint64            id);
sqlite3      *_enough_store_get_read_db     (EnoughStore   *store);
/* The background thread's connection (integrity check, backups). */
sqlite3      *_enough_store_get_check_db    (EnoughStore   *store);
GHashTable   *_enough_store_get_read_stmts  (EnoughStore   *store);
void          _enough_store_set_sqlite_error (GError     **error,
                                              sqlite3     *db,
                                              int          rc,
                                              const char  *what);
/* Tests: run SQL on the writer (e.g. "PRAGMA max_page_count = 10"). */
gboolean      _enough_store_exec_on_writer  (EnoughStore   *store,
                                             const char    *sql,
                                             GError       **error);

/* Bulk writes (import, enough-import.c). @func runs on the worker thread
 * with the write connection, after every queued write, and owns its
 * transaction (BEGIN IMMEDIATE … COMMIT, or ROLLBACK and FALSE + error).
 * Afterwards (on this thread) the lists and id counters are reloaded.
 * New rows must use ids from _enough_store_reserve_ids(), which hands out
 * @n consecutive ids of @kind that the store will never allocate itself;
 * it returns the first. */
typedef gboolean (*EnoughWriterFunc) (sqlite3   *db,
                                      gpointer   user_data,
                                      GError   **error);
gint64        _enough_store_reserve_ids     (EnoughStore       *store,
                                             EnoughRecordKind   kind,
                                             gint64             n);
gboolean      _enough_store_run_on_writer   (EnoughStore       *store,
                                             EnoughWriterFunc   func,
                                             gpointer           func_data,
                                             GError           **error);
void          _enough_store_run_on_writer_async  (EnoughStore         *store,
                                                  EnoughWriterFunc     func,
                                                  gpointer             func_data,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean      _enough_store_run_on_writer_finish (EnoughStore   *store,
                                                  GAsyncResult  *result,
                                                  GError       **error);

/* Deferred indexing of imported rows (see enough-store-schema.c).
 * Tests: set_background_indexing(FALSE) stops the store from queuing it
 * by itself (open, after an import); index_step() indexes one chunk on the
 * worker and says whether more is waiting. */
void          _enough_store_set_background_indexing (gboolean enabled);
gboolean      _enough_store_index_step      (EnoughStore   *store,
                                             gboolean      *out_more,
                                             GError       **error);

/* Tests, benchmark: waits for both store threads to finish their queues
 * (e.g. the background integrity check) and completes their results. */
void          _enough_store_wait_idle       (EnoughStore   *store);

/* Tests: files bigger than this get their quick_check on the worker after
 * open (default 16 MB; -1 restores it). */
void          _enough_store_set_sync_check_limit (gint64 bytes);
void          _enough_store_set_check_delay      (gint64 usec);

/* Backups (enough-store-backup.c) */
gboolean _enough_store_backup_db         (sqlite3     *src,
                                          const char  *dest_path,
                                          GError     **error);
char    *_enough_store_daily_backup_path (const char  *db_path);
void     _enough_store_rotate_backups    (const char  *db_path);
/* A copy of @db in the backups folder ("…-before-v<N>-<time>.db") before
 * a migration from @from_version changes it. */
gboolean _enough_store_copy_before_migration (sqlite3     *db,
                                              const char  *db_path,
                                              gint64       from_version,
                                              GError     **error);
/* "<backups>/<stem>-<what>-YYYYMMDD-HHMMSS[-n].db", a name not taken yet. */
char    *_enough_store_unique_backup_path (const char *db_path,
                                           const char *what);

/* The lazy list (enough-entry-list.c) */
#define ENOUGH_TYPE_ENTRY_LIST (enough_entry_list_get_type ())
G_DECLARE_FINAL_TYPE (EnoughEntryList, enough_entry_list, ENOUGH, ENTRY_LIST, GObject)

/* Items ordered by key: entries newest first (key = created, ties by id,
 * descending); turns by position ascending. */
EnoughEntryList *enough_entry_list_new      (EnoughStore      *store,
                                             EnoughRecordKind  kind,
                                             GType             item_type,
                                             gboolean          descending);
void             enough_entry_list_set_ids  (EnoughEntryList  *self,
                                             GArray           *ids,
                                             GArray           *keys);
/* Returns the index it went to. */
guint            enough_entry_list_insert_sorted (EnoughEntryList *self,
                                                  gint64           id,
                                                  gint64           key);
void             enough_entry_list_insert_at (EnoughEntryList *self,
                                              guint            index,
                                              gint64           id,
                                              gint64           key);
/* Returns the index it had, or -1. */
int              enough_entry_list_remove   (EnoughEntryList  *self,
                                             gint64            id);
int              enough_entry_list_find     (EnoughEntryList  *self,
                                             gint64            id);
gint64           enough_entry_list_get_key  (EnoughEntryList  *self,
                                             guint             index);
void             enough_entry_list_set_key  (EnoughEntryList  *self,
                                             guint             index,
                                             gint64            key);
gint64           enough_entry_list_get_id   (EnoughEntryList  *self,
                                             guint             index);
void             enough_entry_list_detach   (EnoughEntryList  *self);
void             enough_entry_list_append   (EnoughEntryList  *self,
                                             GArray           *ids,
                                             GArray           *keys);

/* Generator (enough-journal-generator.c); runs on the worker's connection. */
gboolean _enough_generate_journal (sqlite3  *db,
                                   guint     n_entries,
                                   guint32   seed,
                                   gint64    now_usec,
                                   GError  **error);

G_END_DECLS
