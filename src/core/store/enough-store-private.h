/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <sqlite3.h>

#include "enough-entry-list.h"
#include "enough-record-private.h"
#include "enough-store.h"

G_BEGIN_DECLS

/* ---- For the rest of the core ------------------------------------------ */

/* Live object for (kind, id), loading it from the read connection if needed.
 * Transfer full; NULL if the row does not exist. */
EnoughRecord *_enough_store_get_record      (EnoughStore      *store,
                                             EnoughRecordKind  kind,
                                             gint64            id);
/* The live object for (kind, id) if one exists, without loading. */
EnoughRecord *_enough_store_peek_record     (EnoughStore      *store,
                                             EnoughRecordKind  kind,
                                             gint64            id);
/* Puts back the live records deleted (Undo still possible) that
 * @in_import says an import brings back; see enough-store-records.c. */
guint         _enough_store_restore_deleted (EnoughStore      *store,
                                             gboolean        (*in_import) (gpointer          data,
                                                                           EnoughRecordKind  kind,
                                                                           const char       *uuid),
                                             gpointer          data);
/* A statement on the UI thread's read connection, from its cache. */
sqlite3_stmt *_enough_store_read_stmt       (EnoughStore   *store,
                                             const char    *sql);
sqlite3      *_enough_store_get_read_db     (EnoughStore   *store);
/* The background thread's connection (integrity check, backups). */
sqlite3      *_enough_store_get_check_db    (EnoughStore   *store);
GHashTable   *_enough_store_get_read_stmts  (EnoughStore   *store);
/* The statement for @sql from @cache (made if new, reset if not); @what
 * names it in an error. A NULL @cache makes a statement to finalize. */
sqlite3_stmt *_enough_store_cached_stmt     (sqlite3       *db,
                                             GHashTable    *cache,
                                             const char    *sql,
                                             const char    *what,
                                             GError       **error);
void          _enough_store_set_sqlite_error (GError     **error,
                                              sqlite3     *db,
                                              int          rc,
                                              const char  *what);

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

/* Encryption conversions (enough-store-crypt.c) */
void     _enough_store_finish_conversion (const char      *db_path);
gboolean _enough_store_encrypt_backups   (const char      *db_path,
                                          EnoughCryptKey  *key,
                                          GError         **error);

/* Unsent drafts (enough-store-drafts.c) */
gboolean _enough_store_write_drafts       (sqlite3     *db,
                                           GHashTable  *stmts,
                                           GPtrArray   *drafts,
                                           GError     **error);
/* The plain file of drafts that versions before 7 kept beside @db_path. */
char    *_enough_store_legacy_drafts_path (const char  *db_path);
gboolean _enough_store_take_legacy_drafts (sqlite3     *db,
                                           const char  *db_path,
                                           GError     **error);

/* Generator (enough-journal-generator.c); runs on the worker's connection. */
gboolean _enough_generate_journal (sqlite3  *db,
                                   guint     n_entries,
                                   guint32   seed,
                                   gint64    now_usec,
                                   GError  **error);

/* ---- Between the store's own parts --------------------------------------
 * enough-store.c            the object, its errors, statements, close
 * enough-store-open.c       opening, checking the file, migrating
 * enough-store-worker.c     the two threads, their jobs, completions
 * enough-store-autosave.c   dirty records, snapshots, flush, bulk writes
 * enough-store-records.c    the live-object cache, create, delete, lookups
 * enough-store-lists.c      the lists and each dialogue's turns */

typedef enum
{
  JOB_WRITE,
  JOB_CHECK,
  JOB_PURGE,
  JOB_BACKUP,
  JOB_GENERATE,
  JOB_SQL,
  JOB_FUNC,
  JOB_INDEX,
  JOB_DRAFTS,
  JOB_QUIT,
  JOB_NOP,
} JobType;

typedef struct
{
  JobType      type;
  EnoughStore *store;      /* a reference, for the completion */
  GPtrArray   *snapshots;  /* JOB_WRITE: EnoughSnapshot* */
  GPtrArray   *records;    /* JOB_WRITE: the snapshotted records (refs) */
  GPtrArray   *keep_alive; /* JOB_WRITE: their dialogues, for turns (refs) */
  char        *str;        /* JOB_BACKUP: path; JOB_SQL: statement */
  gboolean     daily;      /* JOB_BACKUP: skip if today's exists */
  guint        n;
  guint32      seed;
  gint64       now;
  gint64       purge_before;  /* JOB_PURGE: rows deleted before this… */
  gint64       purge_entries_before;  /* JOB_PURGE: entries deleted before this */
  gint64       purge_since;   /* …or since this (usec) go for good */
  EnoughWriterFunc func;   /* JOB_FUNC */
  gpointer     func_data;
  gboolean     more;       /* JOB_INDEX: rows still waiting */
  GPtrArray   *drafts;     /* JOB_DRAFTS: EnoughDraft* */
  GError      *error;
  GTask       *task;
  /* synchronous jobs: the caller waits on this */
  gboolean     sync;
  gboolean     done;
  GMutex       mutex;
  GCond        cond;
} Job;

struct _EnoughStore
{
  GObject               parent_instance;

  char                 *path;
  EnoughStoreOpenFlags  flags;
  EnoughCryptKey       *key;     /* NULL: a plain journal */
  GMainContext         *context;

  /* UI-thread read connection and its statement cache (sql → stmt) */
  sqlite3              *rdb;
  GHashTable           *read_stmts;

  /* the worker; wdb is only touched by it once it runs */
  sqlite3              *wdb;
  GHashTable           *write_stmts;
  GThread              *worker;
  GAsyncQueue          *queue;
  gint                  check_failed;  /* atomic; set by the checker */
  gint                  closing;       /* atomic */

  /* a second thread with its own read-only connection for the long reads
   * (integrity check, backups), so they never hold up a save */
  sqlite3              *bgdb;
  GThread              *bg_thread;
  GAsyncQueue          *bg_queue;
  GMutex                check_mutex;
  GCond                 check_cond;
  gboolean              check_now;     /* under check_mutex */

  /* finished jobs waiting for their UI-thread completion */
  GMutex                completed_mutex;
  GQueue                completed;
  GSource              *drain_source;  /* pending idle, under the mutex */

  GHashTable           *cache;   /* guint64* key → EnoughRecord* (weak) */
  GHashTable           *dirty;   /* EnoughRecord* (ref) → EnoughDialogue* (ref) or NULL */
  guint                 autosave_id;
  guint                 delay_ms;
  EnoughClockFunc       clock;
  gpointer              clock_data;

  EnoughEntryList      *dialogues;
  EnoughEntryList      *letters;
  EnoughEntryList      *self_checks;
  EnoughEntryList      *experiments;
  EnoughEntryList      *checkins;
  EnoughEntryList      *completed_checks;  /* made on first use */
  gint64                next_id[ENOUGH_RECORD_N_KINDS];
  gboolean              tail_pending[5];  /* dialogues, letters, self-checks, experiments, check-ins */
  guint                 tail_id;          /* idle loading the tails */

  guint                 n_inflight;
  gint64                first_deleted_at;  /* this session's earliest deletion, 0 = none */
  gboolean              writable;
  gboolean              closed;
  gboolean              index_queued;  /* a JOB_INDEX is on its way */
};

enum {
  PROP_0,
  PROP_N_PENDING,
  PROP_WRITABLE,
  PROP_LOADING,
  N_PROPS
};

enum {
  SIGNAL_SAVED,
  SIGNAL_WRITE_FAILED,
  SIGNAL_INTEGRITY_FAILED,
  N_SIGNALS
};

extern GParamSpec *_enough_store_properties[N_PROPS];
extern guint _enough_store_signals[N_SIGNALS];

/* enough-store.c */
gboolean      _enough_store_exec            (sqlite3       *db,
                                             const char    *sql,
                                             GError       **error);
/* FALSE with ENOUGH_STORE_ERROR_CLOSED if the store is closed. */
gboolean      _enough_store_check_not_closed (EnoughStore  *self,
                                              GError      **error);
void          _enough_store_set_closed_error (GError     **error);
/* ENOUGH_STORE_ERROR_CORRUPT: the background check found damage. */
void          _enough_store_set_damaged_error (GError     **error);

/* enough-store-worker.c */
Job          *_enough_store_job_new         (EnoughStore   *store,
                                             JobType        type);
void          _enough_store_job_free        (Job           *job);
/* The one way to run a job and wait for it: queues @job on @queue (the
 * worker's or the background thread's) and returns once it ran. */
void          _enough_store_job_run         (GAsyncQueue   *queue,
                                             Job           *job);
/* Frees @job, handing its error on; TRUE if it had none. */
gboolean      _enough_store_job_end         (Job           *job,
                                             GError       **error);
Job          *_enough_store_purge_job_new   (EnoughStore   *self,
                                             gboolean       at_close);
gboolean      _enough_store_quick_check     (sqlite3       *db,
                                             GError       **error);
/* Starts both threads and queues what follows an open (the check or the
 * purge, indexing left over, the daily backup). */
void          _enough_store_start_threads   (EnoughStore   *self,
                                             gboolean       check_later);
void          _enough_store_start_check_now (EnoughStore   *self);
void          _enough_store_clear_drain_source (EnoughStore *self);
void          _enough_store_complete_job    (EnoughStore   *self,
                                             Job           *job);
/* Completes the finished jobs; returns the first write error seen. */
GError       *_enough_store_drain_completions (EnoughStore *self);
void          _enough_store_schedule_indexing (EnoughStore *self);

/* enough-store-autosave.c */
void          _enough_store_mark_dirty      (EnoughStore   *self,
                                             EnoughRecord  *record);
void          _enough_store_schedule_autosave (EnoughStore *self);
void          _enough_store_cancel_autosave (EnoughStore   *self);

/* enough-store-records.c */
gboolean      _enough_store_check_open      (EnoughStore      *self);
void          _enough_store_setup_new       (EnoughStore      *self,
                                             EnoughRecord     *record,
                                             EnoughRecordKind  kind);
EnoughEntryList *_enough_store_list_for_kind (EnoughStore     *self,
                                              EnoughRecordKind kind);

/* enough-store-lists.c */
/* Reloads the lists' first pages (@full: whole lists) and the id counters. */
void          _enough_store_load_lists      (EnoughStore   *self,
                                             gboolean       full);
void          _enough_store_cancel_tail_load (EnoughStore  *self);
/* Completing, deleting or restoring a check moves it in or out of the
 * completed list. */
void          _enough_store_sync_completed_check (EnoughStore  *self,
                                                  EnoughRecord *record);
/* The turns model of @turn's dialogue, or NULL. */
EnoughEntryList *_enough_store_turns_of     (EnoughStore   *self,
                                             EnoughTurn    *turn);

G_END_DECLS
