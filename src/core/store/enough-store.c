/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "enough-paths.h"
#include "enough-store-private.h"
#include "enough-store-schema.h"
#include "enough-store-schema-check.h"

/* Files below this size get their quick_check inside open(); it costs
 * about 1 ms per MB, so bigger journals check on the worker instead. */
#define SYNC_CHECK_MAX_BYTES (16 * 1024 * 1024)
static gint64 sync_check_max_bytes = SYNC_CHECK_MAX_BYTES;

void
_enough_store_set_sync_check_limit (gint64 bytes)
{
  sync_check_max_bytes = bytes < 0 ? SYNC_CHECK_MAX_BYTES : bytes;
}

/* A big file's background check starts this long after open, so it does
 * not take a core from the first frames. Writes meanwhile are handled as
 * during the check; anything waiting on the background thread (close,
 * a backup, _enough_store_wait_idle) starts it at once. */
#define CHECK_DELAY_USEC (3 * G_USEC_PER_SEC)
static gint64 check_delay_usec = CHECK_DELAY_USEC;

void
_enough_store_set_check_delay (gint64 usec)
{
  check_delay_usec = usec < 0 ? CHECK_DELAY_USEC : usec;
}
/* Gap between turn positions, so inserting between two turns rarely
 * renumbers the others. */
#define POSITION_STEP 1024

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
  gint64       purge_since;   /* …or since this (usec) go for good */
  EnoughWriterFunc func;   /* JOB_FUNC */
  gpointer     func_data;
  gboolean     more;       /* JOB_INDEX: rows still waiting */
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
  EnoughEntryList      *completed_checks;  /* made on first use */
  gint64                next_id[5];
  gboolean              tail_pending[3];  /* dialogues, letters, self-checks */
  guint                 tail_id;          /* idle loading the tails */

  guint                 n_inflight;
  gint64                first_deleted_at;  /* this session's earliest deletion, 0 = none */
  gboolean              writable;
  gboolean              closed;
  gboolean              index_queued;  /* a JOB_INDEX is on its way */
};

G_DEFINE_FINAL_TYPE (EnoughStore, enough_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (enough-store-error-quark, enough_store_error)

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

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* SQL per kind; column order is the snapshot/load order. */

static const char *const upsert_sql[5] = {
  [ENOUGH_RECORD_KIND_DIALOGUE] =
    "INSERT INTO dialogue (id, uuid, created, updated, deleted_at, title, critic_name,"
    " intensity_start, intensity_end, prompt_step) VALUES (?,?,?,?,?,?,?,?,?,?)"
    " ON CONFLICT (id) DO UPDATE SET updated = excluded.updated,"
    " deleted_at = excluded.deleted_at, title = excluded.title,"
    " critic_name = excluded.critic_name, intensity_start = excluded.intensity_start,"
    " intensity_end = excluded.intensity_end, prompt_step = excluded.prompt_step",
  [ENOUGH_RECORD_KIND_TURN] =
    "INSERT INTO turn (id, uuid, created, updated, deleted_at, dialogue_id, position,"
    " speaker, text, patterns) VALUES (?,?,?,?,?,?,?,?,?,?)"
    " ON CONFLICT (id) DO UPDATE SET updated = excluded.updated,"
    " deleted_at = excluded.deleted_at, position = excluded.position,"
    " speaker = excluded.speaker, text = excluded.text, patterns = excluded.patterns",
  [ENOUGH_RECORD_KIND_LETTER] =
    "INSERT INTO letter (id, uuid, created, updated, deleted_at, not_good_enough, feelings,"
    " text, step, reread, reread_at, reread_done_at, takeaway)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
    " ON CONFLICT (id) DO UPDATE SET updated = excluded.updated,"
    " deleted_at = excluded.deleted_at, not_good_enough = excluded.not_good_enough,"
    " feelings = excluded.feelings, text = excluded.text, step = excluded.step,"
    " reread = excluded.reread, reread_at = excluded.reread_at,"
    " reread_done_at = excluded.reread_done_at, takeaway = excluded.takeaway",
  [ENOUGH_RECORD_KIND_SELF_CHECK] =
    "INSERT INTO self_check (id, uuid, created, updated, deleted_at, bank_version, answers,"
    " current_index, completed_at, note) VALUES (?,?,?,?,?,?,?,?,?,?)"
    " ON CONFLICT (id) DO UPDATE SET updated = excluded.updated,"
    " deleted_at = excluded.deleted_at, answers = excluded.answers,"
    " current_index = excluded.current_index, completed_at = excluded.completed_at,"
    " note = excluded.note",
};

static const char *const load_sql[5] = {
  [ENOUGH_RECORD_KIND_DIALOGUE] =
    "SELECT id, uuid, created, updated, deleted_at, title, critic_name, intensity_start,"
    " intensity_end, prompt_step FROM dialogue WHERE id = ?",
  [ENOUGH_RECORD_KIND_TURN] =
    "SELECT t.id, t.uuid, t.created, t.updated, t.deleted_at, t.dialogue_id, t.position,"
    " t.speaker, t.text, t.patterns, d.uuid FROM turn t JOIN dialogue d ON d.id = t.dialogue_id"
    " WHERE t.id = ?",
  [ENOUGH_RECORD_KIND_LETTER] =
    "SELECT id, uuid, created, updated, deleted_at, not_good_enough, feelings, text, step,"
    " reread, reread_at, reread_done_at, takeaway FROM letter WHERE id = ?",
  [ENOUGH_RECORD_KIND_SELF_CHECK] =
    "SELECT id, uuid, created, updated, deleted_at, bank_version, answers, current_index,"
    " completed_at, note FROM self_check WHERE id = ?",
};

static const char *const table_name[5] = {
  [ENOUGH_RECORD_KIND_DIALOGUE] = "dialogue",
  [ENOUGH_RECORD_KIND_TURN] = "turn",
  [ENOUGH_RECORD_KIND_LETTER] = "letter",
  [ENOUGH_RECORD_KIND_SELF_CHECK] = "self_check",
};

/* ------------------------------------------------------------------------ */
/* Errors */

/* Maps an SQLite result to our error codes with a message a person can
 * read; the SQLite text goes after it for bug reports. */
void
_enough_store_set_sqlite_error (GError     **error,
                                sqlite3     *db,
                                int          rc,
                                const char  *what)
{
  int code;
  const char *message;
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = ENOUGH_STORE_ERROR_DISK_FULL;
      message = _("The disk is full, so your journal could not be saved. Your words are kept in memory and saving is retried.");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      code = ENOUGH_STORE_ERROR_READ_ONLY;
      message = _("The journal cannot be written to (the file or its folder is read-only).");
      break;
    case SQLITE_CORRUPT:
      code = ENOUGH_STORE_ERROR_CORRUPT;
      message = _("The journal file is damaged.");
      break;
    case SQLITE_NOTADB:
      code = ENOUGH_STORE_ERROR_NOT_A_DATABASE;
      message = _("The journal file is not a database Enough can read.");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = ENOUGH_STORE_ERROR_BUSY;
      message = _("The journal is in use by another program.");
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      code = ENOUGH_STORE_ERROR_IO;
      message = _("The journal file could not be read or written.");
      break;
    default:
      code = ENOUGH_STORE_ERROR_FAILED;
      message = _("Something went wrong with the journal file.");
      break;
    }

  g_set_error (error, ENOUGH_STORE_ERROR, code, "%s (%s: %s)", message, what, detail);
}

#define set_sqlite_error _enough_store_set_sqlite_error

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, "exec");
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
cached_stmt (sqlite3     *db,
             GHashTable  *cache,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (cache, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, "prepare");
      return NULL;
    }
  g_hash_table_insert (cache, g_strdup (sql), stmt);
  return stmt;
}

static GHashTable *
new_stmt_cache (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) sqlite3_finalize);
}

sqlite3_stmt *
_enough_store_read_stmt (EnoughStore *self,
                         const char  *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cached_stmt (self->rdb, self->read_stmts, sql, &error);

  if (stmt == NULL)
    g_critical ("Could not prepare a read: %s", error->message);
  return stmt;
}

sqlite3 *
_enough_store_get_read_db (EnoughStore *self)
{
  return self->rdb;
}

sqlite3 *
_enough_store_get_check_db (EnoughStore *self)
{
  return self->bgdb;
}

GHashTable *
_enough_store_get_read_stmts (EnoughStore *self)
{
  return self->read_stmts;
}

/* ------------------------------------------------------------------------ */
/* The worker thread */

static Job *
job_new (EnoughStore *store,
         JobType      type)
{
  Job *job = g_new0 (Job, 1);

  job->type = type;
  job->store = store;  /* not a reference: close() waits for every job */
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  return job;
}

static void
job_free (Job *job)
{
  g_clear_pointer (&job->snapshots, g_ptr_array_unref);
  g_clear_pointer (&job->records, g_ptr_array_unref);
  g_clear_pointer (&job->keep_alive, g_ptr_array_unref);
  g_clear_object (&job->task);
  g_clear_error (&job->error);
  g_free (job->str);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

static gboolean
bind_snapshot (sqlite3_stmt   *stmt,
               EnoughSnapshot *snap)
{
  for (guint i = 0; i < snap->n_values; i++)
    {
      int rc;

      if (snap->values[i].is_text)
        rc = sqlite3_bind_text (stmt, (int) i + 1, snap->values[i].s, -1, SQLITE_STATIC);
      else
        rc = sqlite3_bind_int64 (stmt, (int) i + 1, snap->values[i].i);
      if (rc != SQLITE_OK)
        return FALSE;
    }
  return TRUE;
}

static gboolean
worker_write (EnoughStore  *self,
              Job          *job,
              GError      **error)
{
  int rc;

  if (g_atomic_int_get (&self->check_failed))
    {
      g_set_error_literal (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT,
                           _("The journal file is damaged, so nothing more is written to it. Your words are kept in memory."));
      return FALSE;
    }

  if (!exec_sql (self->wdb, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < job->snapshots->len; i++)
    {
      EnoughSnapshot *snap = g_ptr_array_index (job->snapshots, i);
      sqlite3_stmt *stmt = cached_stmt (self->wdb, self->write_stmts,
                                        upsert_sql[snap->kind], error);

      if (stmt == NULL)
        goto rollback;
      bind_snapshot (stmt, snap);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (error, self->wdb, rc, "save");
          sqlite3_reset (stmt);
          goto rollback;
        }
      sqlite3_reset (stmt);
    }

  rc = sqlite3_exec (self->wdb, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->wdb, rc, "commit");
      goto rollback;
    }
  return TRUE;

rollback:
  sqlite3_exec (self->wdb, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
run_quick_check (sqlite3  *db,
                 GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, "quick_check");
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0 && problems->len < 500)
        g_string_append_printf (problems, "%s; ", line);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, db, rc, "quick_check");
      return FALSE;
    }
  if (problems->len > 0)
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT,
                   "%s (quick_check: %s)", _("The journal file is damaged."), problems->str);
      return FALSE;
    }
  return TRUE;
}

/* Another process (a second window, the command line) may share the
 * journal while this one still shows an Undo toast for a deletion, so a
 * purge never takes rows that could still be restored: only those deleted
 * long ago, and at close those deleted since this session's first deletion
 * (its own, and at worst another session's from the same minutes). */
#define PURGE_GRACE_USEC ((gint64) G_USEC_PER_SEC * 60 * 60)

static Job *
purge_job_new (EnoughStore *self,
               gboolean     at_close)
{
  Job *job = job_new (self, JOB_PURGE);

  job->purge_before = enough_store_now (self) - PURGE_GRACE_USEC;
  job->purge_since = at_close && self->first_deleted_at != 0 ? self->first_deleted_at
                                                             : G_MAXINT64;
  return job;
}

static gboolean
worker_purge (EnoughStore  *self,
              Job          *job,
              GError      **error)
{
  g_autofree char *sql = NULL;

  if (g_atomic_int_get (&self->check_failed))
    return TRUE;

  /* The partial indexes make this cheap when nothing was deleted. Turns go
   * with their dialogue (ON DELETE CASCADE). */
#define PURGE_WHERE " WHERE deleted_at != 0 AND (deleted_at < %1$" G_GINT64_FORMAT \
                    " OR deleted_at >= %2$" G_GINT64_FORMAT ");"
  sql = g_strdup_printf ("DELETE FROM turn" PURGE_WHERE
                         "DELETE FROM dialogue" PURGE_WHERE
                         "DELETE FROM letter" PURGE_WHERE
                         "DELETE FROM self_check" PURGE_WHERE
                         "COMMIT",
                         job->purge_before, job->purge_since);
#undef PURGE_WHERE

  if (!exec_sql (self->wdb, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!exec_sql (self->wdb, sql, error))
    {
      sqlite3_exec (self->wdb, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
worker_backup (EnoughStore  *self,
               Job          *job,
               GError      **error)
{
  g_autofree char *dest = job->str ? g_strdup (job->str)
                                   : _enough_store_daily_backup_path (self->path);

  if (g_atomic_int_get (&self->check_failed))
    {
      /* Never let a damaged file replace a good backup. */
      g_set_error_literal (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT,
                           _("The journal file is damaged, so it was not backed up."));
      return FALSE;
    }
  if (job->daily && g_file_test (dest, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!_enough_store_backup_db (self->bgdb, dest, error))
    return FALSE;
  _enough_store_rotate_backups (self->path);
  return TRUE;
}

static gboolean drain_completions_cb (gpointer data);

/* Queues a finished job for the UI thread and makes sure one idle source
 * is pending to complete it. An idle source, not g_main_context_invoke():
 * that could run the completion right here, on the worker. The source
 * holds no reference: close() destroys it before the store can go. */
static void
complete_on_ui_thread (Job *job)
{
  EnoughStore *self = job->store;

  g_mutex_lock (&self->completed_mutex);
  g_queue_push_tail (&self->completed, job);
  if (self->drain_source == NULL)
    {
      self->drain_source = g_idle_source_new ();
      g_source_set_callback (self->drain_source, drain_completions_cb, self, NULL);
      g_source_attach (self->drain_source, self->context);
    }
  g_mutex_unlock (&self->completed_mutex);
}

static void
clear_drain_source (EnoughStore *self)
{
  g_mutex_lock (&self->completed_mutex);
  if (self->drain_source != NULL)
    {
      g_source_destroy (self->drain_source);
      g_clear_pointer (&self->drain_source, g_source_unref);
    }
  g_mutex_unlock (&self->completed_mutex);
}

static gpointer
worker_main (gpointer data)
{
  EnoughStore *self = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (self->queue);
      JobType type = job->type;
      gboolean ok = TRUE;

      switch (type)
        {
        case JOB_WRITE:
          ok = worker_write (self, job, &job->error);
          break;
        case JOB_PURGE:
          ok = worker_purge (self, job, &job->error);
          break;
        case JOB_GENERATE:
          ok = _enough_generate_journal (self->wdb, job->n, job->seed, job->now, &job->error);
          break;
        case JOB_SQL:
          ok = exec_sql (self->wdb, job->str, &job->error);
          break;
        case JOB_FUNC:
          if (g_atomic_int_get (&self->check_failed))
            {
              ok = FALSE;
              g_set_error_literal (&job->error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT,
                                   _("The journal file is damaged, so nothing more is written to it. Your words are kept in memory."));
            }
          else
            {
              ok = job->func (self->wdb, job->func_data, &job->error);
            }
          break;
        case JOB_INDEX:
          /* One chunk of an import's deferred index; the UI thread queues
           * the next one, so writes go in between and close waits for one
           * chunk at most. */
          if (!g_atomic_int_get (&self->check_failed) && !g_atomic_int_get (&self->closing))
            ok = enough_store_index_pending_chunk (self->wdb, &job->more, &job->error);
          break;
        case JOB_QUIT:
        case JOB_NOP:
          break;
        case JOB_CHECK:
        case JOB_BACKUP:
        default:
          g_assert_not_reached ();
        }
      (void) ok;

      if (job->sync)
        {
          g_mutex_lock (&job->mutex);
          job->done = TRUE;
          g_cond_signal (&job->cond);
          g_mutex_unlock (&job->mutex);
        }
      else
        {
          complete_on_ui_thread (job);
        }

      if (type == JOB_QUIT)
        break;
    }

  return NULL;
}

static void
finish_job (Job *job)
{
  if (job->sync)
    {
      g_mutex_lock (&job->mutex);
      job->done = TRUE;
      g_cond_signal (&job->cond);
      g_mutex_unlock (&job->mutex);
    }
  else
    complete_on_ui_thread (job);
}

/* Ends the delay before the background check (see CHECK_DELAY_USEC). */
static void
start_check_now (EnoughStore *self)
{
  g_mutex_lock (&self->check_mutex);
  self->check_now = TRUE;
  g_cond_signal (&self->check_cond);
  g_mutex_unlock (&self->check_mutex);
}

static void
wait_before_check (EnoughStore *self)
{
  gint64 end = g_get_monotonic_time () + check_delay_usec;

  g_mutex_lock (&self->check_mutex);
  while (!self->check_now)
    if (!g_cond_wait_until (&self->check_cond, &self->check_mutex, end))
      break;
  g_mutex_unlock (&self->check_mutex);
}

static gpointer
bg_main (gpointer data)
{
  EnoughStore *self = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (self->bg_queue);
      JobType type = job->type;

      switch (type)
        {
        case JOB_CHECK:
          wait_before_check (self);
          if (g_atomic_int_get (&self->closing))
            break;
          if (!run_quick_check (self->bgdb, &job->error))
            {
              /* Closing interrupts the check: that says nothing about
               * the file. */
              if (g_atomic_int_get (&self->closing))
                g_clear_error (&job->error);
              else
                g_atomic_int_set (&self->check_failed, 1);
            }
          break;
        case JOB_BACKUP:
          worker_backup (self, job, &job->error);
          if (job->error != NULL && g_atomic_int_get (&self->closing) && !job->sync)
            g_clear_error (&job->error);
          break;
        case JOB_QUIT:
        case JOB_NOP:
          break;
        case JOB_WRITE:
        case JOB_PURGE:
        case JOB_GENERATE:
        case JOB_SQL:
        case JOB_FUNC:
        case JOB_INDEX:
        default:
          g_assert_not_reached ();
        }

      /* A check or a backup reads the whole file through this
       * connection's page cache (~2 MB kept otherwise); nothing reads it
       * again soon, so let the pages go. */
      sqlite3_db_release_memory (self->bgdb);
      finish_job (job);
      if (type == JOB_QUIT)
        break;
    }

  return NULL;
}

static void
run_job_sync_on (GAsyncQueue *queue,
                 Job         *job)
{
  job->sync = TRUE;
  g_async_queue_push (queue, job);
  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);
}

static void
run_job_sync (EnoughStore *self,
              Job         *job)
{
  job->sync = TRUE;
  g_async_queue_push (self->queue, job);
  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);
}

/* ------------------------------------------------------------------------ */
/* Completions (UI thread) */

static void schedule_autosave (EnoughStore *self);
static void load_lists (EnoughStore *self,
                        gboolean     full);
static void load_completed_checks (EnoughStore *self);

static gboolean background_indexing = TRUE;

void
_enough_store_set_background_indexing (gboolean enabled)
{
  background_indexing = enabled;
}

/* Rows an import left unindexed are indexed a chunk at a time on the
 * worker (see "Deferred indexing" in enough-store-schema.c). */
static void
schedule_indexing (EnoughStore *self)
{
  Job *job;

  if (!background_indexing || self->index_queued || self->closed || !self->writable ||
      self->worker == NULL || g_atomic_int_get (&self->closing))
    return;
  self->index_queued = TRUE;
  job = job_new (self, JOB_INDEX);
  g_async_queue_push (self->queue, job);
}

gboolean
_enough_store_index_step (EnoughStore  *self,
                          gboolean     *out_more,
                          GError      **error)
{
  Job *job;
  gboolean ok;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->closed, FALSE);

  job = job_new (self, JOB_INDEX);
  run_job_sync (self, job);
  ok = job->error == NULL;
  *out_more = job->more;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&job->error));
  job_free (job);
  return ok;
}

static void
notify_pending (EnoughStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
}

static void
mark_dirty (EnoughStore  *self,
            EnoughRecord *record)
{
  EnoughDialogue *keep = NULL;

  if (_enough_record_get_dirty (record))
    return;

  /* A dirty turn keeps its dialogue (and so its turns model) alive until
   * it is saved, so the model never reloads without it. */
  if (ENOUGH_IS_TURN (record))
    {
      guint64 key = ENOUGH_CACHE_KEY (ENOUGH_RECORD_KIND_DIALOGUE,
                                      _enough_turn_get_dialogue_id (ENOUGH_TURN (record)));
      keep = g_hash_table_lookup (self->cache, &key);
      if (keep != NULL)
        g_object_ref (keep);
    }

  _enough_record_set_dirty (record, TRUE);
  g_hash_table_insert (self->dirty, g_object_ref (record), keep);
  notify_pending (self);
}

static void
complete_job (EnoughStore *self,
              Job         *job)
{
  switch (job->type)
    {
    case JOB_WRITE:
      self->n_inflight--;
      if (job->error != NULL)
        {
          /* Keep every word: put the records back in the queue. Their
           * current values are at least as new as the snapshot. */
          for (guint i = 0; i < job->records->len; i++)
            mark_dirty (self, g_ptr_array_index (job->records, i));
          g_signal_emit (self, signals[SIGNAL_WRITE_FAILED], 0, job->error);
          schedule_autosave (self);
        }
      else if (job->records->len > 0)
        {
          g_signal_emit (self, signals[SIGNAL_SAVED], 0, job->records->len);
        }
      if (job->task != NULL)
        {
          if (job->error != NULL)
            g_task_return_error (job->task, g_error_copy (job->error));
          else
            g_task_return_boolean (job->task, TRUE);
        }
      break;

    case JOB_CHECK:
      if (job->error != NULL)
        {
          self->writable = FALSE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITABLE]);
          g_signal_emit (self, signals[SIGNAL_INTEGRITY_FAILED], 0, job->error);
        }
      else if (!g_atomic_int_get (&self->closing))
        g_async_queue_push (self->queue, purge_job_new (self, FALSE));
      break;

    case JOB_INDEX:
      self->index_queued = FALSE;
      if (job->error != NULL)
        g_warning ("Indexing the journal for search failed: %s", job->error->message);
      else if (job->more)
        schedule_indexing (self);
      break;

    case JOB_FUNC:
      /* Rows may have been added behind the lists' back, and an import
       * leaves its rows to be indexed. */
      load_lists (self, FALSE);
      schedule_indexing (self);
      if (job->error != NULL)
        g_task_return_error (job->task, g_steal_pointer (&job->error));
      else
        g_task_return_boolean (job->task, TRUE);
      break;

    case JOB_PURGE:
    case JOB_BACKUP:
    case JOB_GENERATE:
    case JOB_SQL:
    case JOB_QUIT:
    case JOB_NOP:
    default:
      if (job->error != NULL)
        g_warning ("Journal background work failed: %s", job->error->message);
      break;
    }
}

/* Returns the first write error seen, if any. */
static GError *
drain_completions (EnoughStore *self)
{
  GError *first = NULL;

  for (;;)
    {
      Job *job;

      g_mutex_lock (&self->completed_mutex);
      job = g_queue_pop_head (&self->completed);
      g_mutex_unlock (&self->completed_mutex);
      if (job == NULL)
        break;

      complete_job (self, job);
      if (job->type == JOB_WRITE && job->error != NULL && first == NULL)
        first = g_error_copy (job->error);
      job_free (job);
    }

  return first;
}

static gboolean
drain_completions_cb (gpointer data)
{
  EnoughStore *self = data;
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&self->completed_mutex);
  g_clear_pointer (&self->drain_source, g_source_unref);
  g_mutex_unlock (&self->completed_mutex);

  /* Signal handlers may drop the last reference. */
  g_object_ref (self);
  error = drain_completions (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------------ */
/* Autosave */

static gint
snapshot_order (gconstpointer a,
                gconstpointer b)
{
  /* Parents before children: dialogues before their turns. */
  static const int rank[5] = { 9, 0, 3, 1, 2 };
  const EnoughSnapshot *sa = *(EnoughSnapshot * const *) a;
  const EnoughSnapshot *sb = *(EnoughSnapshot * const *) b;

  return rank[sa->kind] - rank[sb->kind];
}

static EnoughSnapshot *
snapshot_record (EnoughRecord *record)
{
  EnoughSnapshot *snap = g_new0 (EnoughSnapshot, 1);

  if (ENOUGH_IS_DIALOGUE (record))
    _enough_dialogue_snapshot (ENOUGH_DIALOGUE (record), snap);
  else if (ENOUGH_IS_TURN (record))
    _enough_turn_snapshot (ENOUGH_TURN (record), snap);
  else if (ENOUGH_IS_LETTER (record))
    _enough_letter_snapshot (ENOUGH_LETTER (record), snap);
  else
    _enough_self_check_snapshot (ENOUGH_SELF_CHECK (record), snap);

  return snap;
}

/* Copies every dirty record into a write job (UI thread; no disk). */
static Job *
take_dirty (EnoughStore *self)
{
  Job *job = job_new (self, JOB_WRITE);
  GHashTableIter iter;
  gpointer key, value;

  job->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) enough_snapshot_free);
  job->records = g_ptr_array_new_with_free_func (g_object_unref);
  job->keep_alive = g_ptr_array_new_with_free_func (g_object_unref);

  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      EnoughRecord *record = key;

      g_ptr_array_add (job->snapshots, snapshot_record (record));
      _enough_record_set_dirty (record, FALSE);
      g_ptr_array_add (job->records, record);  /* takes the ref */
      if (value != NULL)
        g_ptr_array_add (job->keep_alive, value);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (job->snapshots, snapshot_order);

  self->n_inflight++;
  notify_pending (self);
  return job;
}

static gboolean
autosave_cb (gpointer data)
{
  EnoughStore *self = data;

  self->autosave_id = 0;
  if (self->closed || !self->writable || g_hash_table_size (self->dirty) == 0)
    return G_SOURCE_REMOVE;

  g_async_queue_push (self->queue, take_dirty (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (EnoughStore *self)
{
  GSource *source;

  /* A damaged journal is not retried: ::integrity-failed said why. */
  if (self->autosave_id != 0 || self->closed || !self->writable ||
      self->delay_ms == G_MAXUINT || g_hash_table_size (self->dirty) == 0)
    return;

  /* From the FIRST unsaved change, not the last: typing without a pause
   * still saves every delay_ms, so a crash loses at most that much. */
  source = g_timeout_source_new (self->delay_ms);
  g_source_set_callback (source, autosave_cb, self, NULL);
  self->autosave_id = g_source_attach (source, self->context);
  g_source_unref (source);
}

static void
cancel_autosave (EnoughStore *self)
{
  if (self->autosave_id != 0)
    {
      GSource *source = g_main_context_find_source_by_id (self->context, self->autosave_id);

      if (source != NULL)
        g_source_destroy (source);
      self->autosave_id = 0;
    }
}

static void sync_completed_check (EnoughStore  *self,
                                  EnoughRecord *record);

void
_enough_store_record_changed (EnoughStore  *self,
                              EnoughRecord *record)
{
  if (self->closed)
    return;
  sync_completed_check (self, record);
  mark_dirty (self, record);
  schedule_autosave (self);
}

guint
enough_store_get_n_pending (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), 0);
  return g_hash_table_size (self->dirty);
}

void
enough_store_set_autosave_delay (EnoughStore *self,
                                 guint        delay_ms)
{
  g_return_if_fail (ENOUGH_IS_STORE (self));
  self->delay_ms = delay_ms;
  cancel_autosave (self);
  schedule_autosave (self);
}

void
enough_store_set_clock (EnoughStore     *self,
                        EnoughClockFunc  func,
                        gpointer         user_data)
{
  g_return_if_fail (ENOUGH_IS_STORE (self));
  self->clock = func;
  self->clock_data = user_data;
}

gint64
enough_store_now (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), 0);
  return self->clock ? self->clock (self->clock_data) : g_get_real_time ();
}

gboolean
enough_store_flush (EnoughStore  *self,
                    GError      **error)
{
  g_autoptr(GError) earlier = NULL;
  Job *job;
  GError *own;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);

  if (self->closed)
    {
      g_set_error_literal (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CLOSED,
                           _("The journal is closed."));
      return FALSE;
    }

  cancel_autosave (self);

  /* An empty batch still waits for every batch queued before it. */
  job = take_dirty (self);
  run_job_sync (self, job);
  earlier = drain_completions (self);
  complete_job (self, job);
  own = job->error;
  job->error = NULL;
  job_free (job);

  if (own != NULL)
    {
      g_propagate_error (error, own);
      return FALSE;
    }
  if (earlier != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&earlier));
      return FALSE;
    }
  return TRUE;
}

void
enough_store_flush_async (EnoughStore         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job;
  GTask *task;

  g_return_if_fail (ENOUGH_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, enough_store_flush_async);

  if (self->closed)
    {
      g_task_return_new_error (task, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CLOSED,
                               "%s", _("The journal is closed."));
      g_object_unref (task);
      return;
    }

  cancel_autosave (self);
  job = take_dirty (self);
  job->task = task;
  g_async_queue_push (self->queue, job);
}

gboolean
enough_store_flush_finish (EnoughStore   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* For tests: run a statement on the write connection (e.g. PRAGMA
 * max_page_count to make the disk "full"). */
gboolean
_enough_store_exec_on_writer (EnoughStore  *self,
                              const char   *sql,
                              GError      **error)
{
  Job *job = job_new (self, JOB_SQL);
  gboolean ok;

  job->str = g_strdup (sql);
  run_job_sync (self, job);
  ok = job->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&job->error));
  job_free (job);
  return ok;
}

/* Bulk writes from other core files (import): after every queued write,
 * @func runs on the worker with the write connection and owns its
 * transaction; the lists and id counters are reloaded afterwards. */
gint64
_enough_store_reserve_ids (EnoughStore      *self,
                           EnoughRecordKind  kind,
                           gint64            n)
{
  gint64 first;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), 0);
  g_return_val_if_fail (kind >= ENOUGH_RECORD_KIND_DIALOGUE && kind <= ENOUGH_RECORD_KIND_SELF_CHECK, 0);
  g_return_val_if_fail (n >= 0, 0);

  first = self->next_id[kind] + 1;
  self->next_id[kind] += n;
  return first;
}

void
_enough_store_run_on_writer_async (EnoughStore         *self,
                                   EnoughWriterFunc     func,
                                   gpointer             func_data,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Job *job;
  GTask *task;

  g_return_if_fail (ENOUGH_IS_STORE (self));
  g_return_if_fail (func != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _enough_store_run_on_writer_async);
  if (self->closed || !self->writable)
    {
      g_task_return_new_error (task, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CLOSED,
                               "%s", _("The journal is closed."));
      g_object_unref (task);
      return;
    }

  /* Everything typed so far goes first, in its own batch. */
  cancel_autosave (self);
  job = take_dirty (self);
  g_async_queue_push (self->queue, job);

  job = job_new (self, JOB_FUNC);
  job->func = func;
  job->func_data = func_data;
  job->task = task;
  g_async_queue_push (self->queue, job);
}

gboolean
_enough_store_run_on_writer_finish (EnoughStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
_enough_store_run_on_writer (EnoughStore       *self,
                             EnoughWriterFunc   func,
                             gpointer           func_data,
                             GError           **error)
{
  Job *job;
  gboolean ok;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);
  if (self->closed || !self->writable)
    {
      g_set_error_literal (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CLOSED,
                           _("The journal is closed."));
      return FALSE;
    }
  if (!enough_store_flush (self, error))
    return FALSE;

  job = job_new (self, JOB_FUNC);
  job->func = func;
  job->func_data = func_data;
  run_job_sync (self, job);
  ok = job->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&job->error));
  job_free (job);

  load_lists (self, FALSE);
  schedule_indexing (self);
  return ok;
}

/* Waits until both threads have finished what was queued before (the
 * background check of a big file included) and their results are in. */
void
_enough_store_wait_idle (EnoughStore *self)
{
  Job *job;
  g_autoptr(GError) ignored = NULL;

  if (self->closed)
    return;
  job = job_new (self, JOB_NOP);
  start_check_now (self);
  run_job_sync_on (self->bg_queue, job);
  job_free (job);
  job = job_new (self, JOB_NOP);
  run_job_sync (self, job);
  job_free (job);
  ignored = drain_completions (self);
}

/* ------------------------------------------------------------------------ */
/* Records and the cache */

void
_enough_store_forget (EnoughStore  *self,
                      EnoughRecord *record)
{
  g_hash_table_remove (self->cache, _enough_record_get_cache_key (record));
}

static void
remember (EnoughStore  *self,
          EnoughRecord *record)
{
  g_hash_table_insert (self->cache, _enough_record_get_cache_key (record), record);
}

static EnoughRecord *
load_record (EnoughStore      *self,
             EnoughRecordKind  kind,
             gint64            id)
{
  sqlite3_stmt *stmt = _enough_store_read_stmt (self, load_sql[kind]);
  EnoughRecord *record = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      switch (kind)
        {
        case ENOUGH_RECORD_KIND_DIALOGUE:
          record = ENOUGH_RECORD (_enough_dialogue_new ());
          _enough_record_load_common (record, self, stmt);
          _enough_dialogue_load (ENOUGH_DIALOGUE (record), stmt);
          break;
        case ENOUGH_RECORD_KIND_TURN:
          record = ENOUGH_RECORD (_enough_turn_new ());
          _enough_record_load_common (record, self, stmt);
          _enough_turn_load (ENOUGH_TURN (record), stmt);
          break;
        case ENOUGH_RECORD_KIND_LETTER:
          record = ENOUGH_RECORD (_enough_letter_new ());
          _enough_record_load_common (record, self, stmt);
          _enough_letter_load (ENOUGH_LETTER (record), stmt);
          break;
        case ENOUGH_RECORD_KIND_SELF_CHECK:
          record = ENOUGH_RECORD (_enough_self_check_new ());
          _enough_record_load_common (record, self, stmt);
          _enough_self_check_load (ENOUGH_SELF_CHECK (record), stmt);
          break;
        default:
          g_assert_not_reached ();
        }
      remember (self, record);
    }
  else if (rc != SQLITE_DONE)
    {
      g_warning ("Could not read a journal entry: %s", sqlite3_errmsg (self->rdb));
    }
  sqlite3_reset (stmt);

  return record;
}

EnoughRecord *
_enough_store_get_record (EnoughStore      *self,
                          EnoughRecordKind  kind,
                          gint64            id)
{
  guint64 key = ENOUGH_CACHE_KEY (kind, id);
  EnoughRecord *record = g_hash_table_lookup (self->cache, &key);

  if (record != NULL)
    return g_object_ref (record);
  if (self->closed)
    return NULL;
  return load_record (self, kind, id);
}

/* The live object for (kind, id) if one exists, without loading. */
EnoughRecord *
_enough_store_peek_record (EnoughStore      *self,
                           EnoughRecordKind  kind,
                           gint64            id)
{
  guint64 key = ENOUGH_CACHE_KEY (kind, id);
  return g_hash_table_lookup (self->cache, &key);
}

static void
setup_new (EnoughStore      *self,
           EnoughRecord     *record,
           EnoughRecordKind  kind)
{
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 now = enough_store_now (self);

  _enough_record_setup (record, self, ++self->next_id[kind], uuid, now, now, 0);
  remember (self, record);
}

static EnoughEntryList *
list_for_kind (EnoughStore      *self,
               EnoughRecordKind  kind)
{
  switch (kind)
    {
    case ENOUGH_RECORD_KIND_DIALOGUE:
      return self->dialogues;
    case ENOUGH_RECORD_KIND_LETTER:
      return self->letters;
    case ENOUGH_RECORD_KIND_SELF_CHECK:
      return self->self_checks;
    case ENOUGH_RECORD_KIND_TURN:
    default:
      return NULL;
    }
}

static gboolean
check_open (EnoughStore *self)
{
  if (self->closed)
    {
      g_critical ("The journal store is closed");
      return FALSE;
    }
  return TRUE;
}

static EnoughRecord *
create_entry (EnoughStore      *self,
              EnoughRecord     *record,
              EnoughRecordKind  kind)
{
  setup_new (self, record, kind);
  enough_entry_list_insert_sorted (list_for_kind (self, kind), _enough_record_get_id (record),
                                   enough_record_get_created_at (record));
  _enough_store_record_changed (self, record);
  return record;
}

EnoughDialogue *
enough_store_create_dialogue (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  if (!check_open (self))
    return NULL;
  return ENOUGH_DIALOGUE (create_entry (self, ENOUGH_RECORD (_enough_dialogue_new ()),
                                        ENOUGH_RECORD_KIND_DIALOGUE));
}

EnoughLetter *
enough_store_create_letter (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  if (!check_open (self))
    return NULL;
  return ENOUGH_LETTER (create_entry (self, ENOUGH_RECORD (_enough_letter_new ()),
                                      ENOUGH_RECORD_KIND_LETTER));
}

EnoughSelfCheck *
enough_store_create_self_check (EnoughStore *self,
                                guint        bank_version)
{
  EnoughSelfCheck *check;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  if (!check_open (self))
    return NULL;
  check = _enough_self_check_new ();
  _enough_self_check_set_bank_version (check, bank_version);
  return ENOUGH_SELF_CHECK (create_entry (self, ENOUGH_RECORD (check),
                                          ENOUGH_RECORD_KIND_SELF_CHECK));
}

static void
load_ids (EnoughStore  *self,
          const char   *sql,
          gint64        bind_id,
          GArray      **out_ids,
          GArray      **out_keys)
{
  sqlite3_stmt *stmt = _enough_store_read_stmt (self, sql);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc = SQLITE_DONE;

  if (stmt != NULL)
    {
      if (bind_id)
        sqlite3_bind_int64 (stmt, 1, bind_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          gint64 key = sqlite3_column_int64 (stmt, 1);

          g_array_append_val (ids, id);
          g_array_append_val (keys, key);
        }
      if (rc != SQLITE_DONE)
        g_warning ("Could not list journal entries: %s", sqlite3_errmsg (self->rdb));
      sqlite3_reset (stmt);
    }

  *out_ids = ids;
  *out_keys = keys;
}

GListModel *
_enough_store_new_turn_list (EnoughStore    *self,
                             EnoughDialogue *dialogue)
{
  EnoughEntryList *list = enough_entry_list_new (self, ENOUGH_RECORD_KIND_TURN,
                                                 ENOUGH_TYPE_TURN, FALSE);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) keys = NULL;

  load_ids (self, "SELECT id, position FROM turn WHERE dialogue_id = ? AND deleted_at = 0"
                  " ORDER BY position, id",
            _enough_record_get_id (ENOUGH_RECORD (dialogue)), &ids, &keys);

  /* No unsaved turns can be missing here: a dirty or in-flight turn keeps
   * its dialogue, and so this model, alive until its row is committed. */
  enough_entry_list_set_ids (list, ids, keys);
  return G_LIST_MODEL (list);
}

static gint64
position_for_index (EnoughStore     *self,
                    EnoughEntryList *turns,
                    guint            index,
                    gint64           skip_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (turns));
  gint64 before, after;

  if (n == 0)
    return POSITION_STEP;
  if (index >= n)
    return enough_entry_list_get_key (turns, n - 1) + POSITION_STEP;

  before = index > 0 ? enough_entry_list_get_key (turns, index - 1) : 0;
  after = enough_entry_list_get_key (turns, index);
  if (after - before >= 2)
    return before + (after - before) / 2;

  /* No room: renumber the whole dialogue (rare with the gaps). */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EnoughRecord) turn = _enough_store_get_record (self, ENOUGH_RECORD_KIND_TURN,
                                                               enough_entry_list_get_id (turns, i));
      gint64 key = (gint64) (i + 1) * 2 * POSITION_STEP;

      enough_entry_list_set_key (turns, i, key);
      if (turn != NULL)
        {
          _enough_turn_set_position (ENOUGH_TURN (turn), key);
          _enough_store_record_changed (self, turn);
        }
    }
  (void) skip_id;
  return index > 0 ? enough_entry_list_get_key (turns, index - 1) + POSITION_STEP
                   : POSITION_STEP;
}

EnoughTurn *
enough_store_add_turn (EnoughStore    *self,
                       EnoughDialogue *dialogue,
                       int             index,
                       EnoughSpeaker   speaker,
                       const char     *text)
{
  EnoughEntryList *turns;
  EnoughTurn *turn;
  guint n;
  guint at;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  g_return_val_if_fail (ENOUGH_IS_DIALOGUE (dialogue), NULL);
  if (!check_open (self))
    return NULL;

  turns = ENOUGH_ENTRY_LIST (enough_dialogue_get_turns (dialogue));
  n = g_list_model_get_n_items (G_LIST_MODEL (turns));
  at = (index < 0 || (guint) index > n) ? n : (guint) index;

  turn = _enough_turn_new ();
  setup_new (self, ENOUGH_RECORD (turn), ENOUGH_RECORD_KIND_TURN);
  _enough_turn_set_dialogue (turn, _enough_record_get_id (ENOUGH_RECORD (dialogue)),
                             enough_record_get_uuid (ENOUGH_RECORD (dialogue)));
  _enough_turn_set_position (turn, position_for_index (self, turns, at, 0));
  g_object_set (turn, "speaker", speaker, NULL);
  if (text != NULL)
    g_object_set (turn, "text", text, NULL);
  enough_entry_list_insert_at (turns, at, _enough_record_get_id (ENOUGH_RECORD (turn)),
                               enough_turn_get_position (turn));
  _enough_store_record_changed (self, ENOUGH_RECORD (turn));
  /* Adding a turn is an edit of the dialogue too (updated-at, list order
   * stays by creation). */
  _enough_record_changed (ENOUGH_RECORD (dialogue));

  return turn;
}

static EnoughEntryList *
turns_of (EnoughStore *self,
          EnoughTurn  *turn)
{
  g_autoptr(EnoughRecord) dialogue =
    _enough_store_get_record (self, ENOUGH_RECORD_KIND_DIALOGUE,
                              _enough_turn_get_dialogue_id (turn));

  if (dialogue == NULL)
    return NULL;
  /* The dialogue owns the model; it stays alive while any of its turns is
   * dirty, and the caller holds the turn. */
  return ENOUGH_ENTRY_LIST (enough_dialogue_get_turns (ENOUGH_DIALOGUE (dialogue)));
}

void
enough_store_move_turn (EnoughStore *self,
                        EnoughTurn  *turn,
                        guint        new_index)
{
  EnoughEntryList *turns;
  gint64 id;
  int old_index;
  guint n;

  g_return_if_fail (ENOUGH_IS_STORE (self));
  g_return_if_fail (ENOUGH_IS_TURN (turn));
  if (!check_open (self))
    return;

  turns = turns_of (self, turn);
  g_return_if_fail (turns != NULL);
  id = _enough_record_get_id (ENOUGH_RECORD (turn));
  old_index = enough_entry_list_find (turns, id);
  g_return_if_fail (old_index >= 0);
  if ((guint) old_index == new_index)
    return;

  enough_entry_list_remove (turns, id);
  n = g_list_model_get_n_items (G_LIST_MODEL (turns));
  new_index = MIN (new_index, n);
  _enough_turn_set_position (turn, position_for_index (self, turns, new_index, id));
  enough_entry_list_insert_at (turns, new_index, id, enough_turn_get_position (turn));
  _enough_store_record_changed (self, ENOUGH_RECORD (turn));
}

static void
set_deleted (EnoughStore  *self,
             EnoughRecord *record,
             gboolean      deleted)
{
  EnoughRecordKind kind = enough_record_get_kind (record);
  gint64 id = _enough_record_get_id (record);

  if (deleted == enough_record_is_deleted (record))
    return;

  /* Rare (the first moments after open): finish the lists so positions
   * are final before removing or putting back a row. */
  enough_store_load_all (self);
  /* Removing it from a list may drop the list's reference. */
  g_object_ref (record);

  if (kind == ENOUGH_RECORD_KIND_TURN)
    {
      EnoughEntryList *turns = turns_of (self, ENOUGH_TURN (record));

      if (turns != NULL)
        {
          if (deleted)
            enough_entry_list_remove (turns, id);
          else
            enough_entry_list_insert_sorted (turns, id, enough_turn_get_position (ENOUGH_TURN (record)));
        }
    }
  else
    {
      EnoughEntryList *list = list_for_kind (self, kind);

      if (deleted)
        enough_entry_list_remove (list, id);
      else
        enough_entry_list_insert_sorted (list, id, enough_record_get_created_at (record));
    }

  if (deleted)
    {
      gint64 now = enough_store_now (self);

      if (self->first_deleted_at == 0 || now < self->first_deleted_at)
        self->first_deleted_at = now;
      _enough_record_set_deleted_at (record, now);
    }
  else
    {
      _enough_record_set_deleted_at (record, 0);
    }
  g_object_unref (record);
}

void
enough_store_delete (EnoughStore *self,
                     gpointer     record)
{
  g_return_if_fail (ENOUGH_IS_STORE (self));
  g_return_if_fail (ENOUGH_IS_RECORD (record));
  g_return_if_fail (_enough_record_get_store (record) == self);
  if (!check_open (self))
    return;
  set_deleted (self, record, TRUE);
}

void
enough_store_restore (EnoughStore *self,
                      gpointer     record)
{
  g_return_if_fail (ENOUGH_IS_STORE (self));
  g_return_if_fail (ENOUGH_IS_RECORD (record));
  g_return_if_fail (_enough_record_get_store (record) == self);
  if (!check_open (self))
    return;
  set_deleted (self, record, FALSE);
}

EnoughRecord *
enough_store_lookup (EnoughStore      *self,
                     EnoughRecordKind  kind,
                     const char       *uuid)
{
  GHashTableIter iter;
  gpointer value;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  EnoughRecord *record = NULL;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  g_return_val_if_fail (kind >= ENOUGH_RECORD_KIND_DIALOGUE && kind <= ENOUGH_RECORD_KIND_SELF_CHECK, NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  if (!check_open (self))
    return NULL;

  /* Live objects first: they may not be saved yet. */
  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (enough_record_get_kind (value) == kind &&
        g_strcmp0 (enough_record_get_uuid (value), uuid) == 0)
      return enough_record_is_deleted (value) ? NULL : g_object_ref (value);

  sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ? AND deleted_at = 0", table_name[kind]);
  stmt = _enough_store_read_stmt (self, sql);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      sqlite3_reset (stmt);
      record = _enough_store_get_record (self, kind, id);
    }
  else
    sqlite3_reset (stmt);

  return record;
}

EnoughSelfCheck *
enough_store_dup_self_check_in_progress (EnoughStore *self)
{
  GHashTableIter iter;
  gpointer value;
  EnoughSelfCheck *best = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  if (!check_open (self))
    return NULL;

  /* The newest unfinished one, live or saved. */
  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (ENOUGH_IS_SELF_CHECK (value) && !enough_record_is_deleted (value) &&
        !enough_self_check_is_completed (value) &&
        (best == NULL || enough_record_get_created_at (value) > enough_record_get_created_at (ENOUGH_RECORD (best))))
      best = value;

  stmt = _enough_store_read_stmt (self,
                                  "SELECT id, created FROM self_check WHERE completed_at = 0"
                                  " AND deleted_at = 0 ORDER BY created DESC LIMIT 8");
  if (stmt == NULL)
    return best ? g_object_ref (best) : NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 created = sqlite3_column_int64 (stmt, 1);
      EnoughRecord *live = _enough_store_peek_record (self, ENOUGH_RECORD_KIND_SELF_CHECK, id);

      /* The live object may say it is finished or deleted now. */
      if (live != NULL && (enough_record_is_deleted (live) ||
                           enough_self_check_is_completed (ENOUGH_SELF_CHECK (live))))
        continue;
      if (best == NULL || created > enough_record_get_created_at (ENOUGH_RECORD (best)))
        {
          sqlite3_reset (stmt);
          return ENOUGH_SELF_CHECK (_enough_store_get_record (self, ENOUGH_RECORD_KIND_SELF_CHECK, id));
        }
      break;
    }
  sqlite3_reset (stmt);

  return best ? g_object_ref (best) : NULL;
}

GPtrArray *
enough_store_list_due_rereads (EnoughStore *self,
                               gint64       now_usec,
                               guint        limit)
{
  GPtrArray *due = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), due);
  if (!check_open (self))
    return due;

  stmt = _enough_store_read_stmt (self,
                                  "SELECT id FROM letter WHERE reread_at > 0 AND reread_at <= ?"
                                  " AND reread_done_at = 0 AND deleted_at = 0"
                                  " ORDER BY reread_at LIMIT ?");
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, now_usec);
      sqlite3_bind_int64 (stmt, 2, limit ? limit : G_MAXINT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
      sqlite3_reset (stmt);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      EnoughRecord *record = _enough_store_get_record (self, ENOUGH_RECORD_KIND_LETTER,
                                                       g_array_index (ids, gint64, i));
      EnoughLetter *letter = ENOUGH_LETTER (record);

      if (record == NULL)
        continue;
      /* The live object wins over the saved row. */
      if (!enough_record_is_deleted (record) && enough_letter_get_reread_at (letter) > 0 &&
          enough_letter_get_reread_at (letter) <= now_usec &&
          enough_letter_get_reread_done_at (letter) == 0)
        g_ptr_array_add (due, record);
      else
        g_object_unref (record);
    }

  /* Unsaved live letters that are due. */
  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (ENOUGH_IS_LETTER (value) && _enough_record_get_dirty (value) &&
          !enough_record_is_deleted (value) &&
          enough_letter_get_reread_at (value) > 0 &&
          enough_letter_get_reread_at (value) <= now_usec &&
          enough_letter_get_reread_done_at (value) == 0 &&
          !g_ptr_array_find (due, value, NULL))
        g_ptr_array_add (due, g_object_ref (value));
    }

  if (limit > 0 && due->len > limit)
    g_ptr_array_set_size (due, limit);
  return due;
}

/* ------------------------------------------------------------------------ */
/* Lists */

/* The newest rows of each list come in open(); the rest in chunks from an
 * idle, so a big journal shows its first page as fast as an empty one. */
#define FIRST_PAGE 128
#define TAIL_CHUNK 8192

static const char *const first_sql[3] = {
  "SELECT id, created FROM dialogue WHERE deleted_at = 0 ORDER BY created DESC, id DESC LIMIT ?",
  "SELECT id, created FROM letter WHERE deleted_at = 0 ORDER BY created DESC, id DESC LIMIT ?",
  "SELECT id, created FROM self_check WHERE deleted_at = 0 ORDER BY created DESC, id DESC LIMIT ?",
};

static const char *const tail_sql[3] = {
  "SELECT id, created FROM dialogue WHERE deleted_at = 0 AND (created, id) < (?, ?)"
  " ORDER BY created DESC, id DESC LIMIT ?",
  "SELECT id, created FROM letter WHERE deleted_at = 0 AND (created, id) < (?, ?)"
  " ORDER BY created DESC, id DESC LIMIT ?",
  "SELECT id, created FROM self_check WHERE deleted_at = 0 AND (created, id) < (?, ?)"
  " ORDER BY created DESC, id DESC LIMIT ?",
};

static EnoughEntryList *
list_at (EnoughStore *self,
         guint        i)
{
  EnoughEntryList *lists[] = { self->dialogues, self->letters, self->self_checks };
  return lists[i];
}

static guint
read_rows (EnoughStore  *self,
           sqlite3_stmt *stmt,
           GArray       *ids,
           GArray       *keys)
{
  guint n = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 key = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (ids, id);
      g_array_append_val (keys, key);
      n++;
    }
  if (rc != SQLITE_DONE)
    g_warning ("Could not list journal entries: %s", sqlite3_errmsg (self->rdb));
  sqlite3_reset (stmt);
  return n;
}

/* Loads the next chunk of list @i; FALSE when that list is complete. */
static gboolean
load_tail_chunk (EnoughStore *self,
                 guint        i,
                 guint        limit)
{
  EnoughEntryList *list = list_at (self, i);
  GListModel *model = G_LIST_MODEL (list);
  guint n = g_list_model_get_n_items (model);
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint got;

  if (!self->tail_pending[i])
    return FALSE;
  stmt = _enough_store_read_stmt (self, tail_sql[i]);
  if (stmt == NULL || n == 0)
    {
      self->tail_pending[i] = FALSE;
      return FALSE;
    }
  /* Everything created this session is newer than the tail, and deletes or
   * restores first finish loading (see ensure_loaded()), so the tail can
   * simply go at the end. */
  sqlite3_bind_int64 (stmt, 1, enough_entry_list_get_key (list, n - 1));
  sqlite3_bind_int64 (stmt, 2, enough_entry_list_get_id (list, n - 1));
  sqlite3_bind_int64 (stmt, 3, limit);
  got = read_rows (self, stmt, ids, keys);
  enough_entry_list_append (list, ids, keys);
  if (got < limit)
    self->tail_pending[i] = FALSE;
  return self->tail_pending[i];
}

static gboolean
is_loading (EnoughStore *self)
{
  return self->tail_pending[0] || self->tail_pending[1] || self->tail_pending[2];
}

/* Every id is in: the lists' index pages came through the read
 * connection's page cache (~2 MB at 100,000 entries) and will not be read
 * again, so let them go; then say loading is over. */
static void
tail_loaded (EnoughStore *self)
{
  sqlite3_db_release_memory (self->rdb);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
load_tail_cb (gpointer data)
{
  EnoughStore *self = data;

  for (guint i = 0; i < 3; i++)
    if (self->tail_pending[i])
      {
        load_tail_chunk (self, i, TAIL_CHUNK);
        if (is_loading (self))
          return G_SOURCE_CONTINUE;
        break;
      }

  self->tail_id = 0;
  tail_loaded (self);
  return G_SOURCE_REMOVE;
}

static void
cancel_tail_load (EnoughStore *self)
{
  if (self->tail_id != 0)
    {
      GSource *source = g_main_context_find_source_by_id (self->context, self->tail_id);

      if (source != NULL)
        g_source_destroy (source);
      self->tail_id = 0;
    }
}

static void
load_lists (EnoughStore *self,
            gboolean     full)
{
  gboolean was_loading = is_loading (self);

  cancel_tail_load (self);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
      sqlite3_stmt *stmt = _enough_store_read_stmt (self, first_sql[i]);
      guint limit = full ? G_MAXINT : FIRST_PAGE;

      self->tail_pending[i] = FALSE;
      if (stmt == NULL)
        continue;
      sqlite3_bind_int64 (stmt, 1, limit);
      self->tail_pending[i] = read_rows (self, stmt, ids, keys) == limit;
      enough_entry_list_set_ids (list_at (self, i), ids, keys);
    }

  for (guint kind = ENOUGH_RECORD_KIND_DIALOGUE; kind <= ENOUGH_RECORD_KIND_SELF_CHECK; kind++)
    {
      g_autofree char *max_sql = g_strdup_printf ("SELECT max(id) FROM %s", table_name[kind]);
      sqlite3_stmt *stmt = _enough_store_read_stmt (self, max_sql);

      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        self->next_id[kind] = MAX (self->next_id[kind], sqlite3_column_int64 (stmt, 0));
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }

  if (is_loading (self))
    {
      /* Below redraws and input, so the first frame comes first. */
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
      g_source_set_callback (source, load_tail_cb, self, NULL);
      self->tail_id = g_source_attach (source, self->context);
      g_source_unref (source);
    }
  if (was_loading != is_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  load_completed_checks (self);
}

gboolean
enough_store_is_loading (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);
  return is_loading (self);
}

void
enough_store_load_all (EnoughStore *self)
{
  g_return_if_fail (ENOUGH_IS_STORE (self));

  if (!is_loading (self))
    return;
  for (guint i = 0; i < 3; i++)
    while (load_tail_chunk (self, i, G_MAXINT))
      ;
  cancel_tail_load (self);
  tail_loaded (self);
}

GListModel *
enough_store_get_dialogues (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->dialogues);
}

GListModel *
enough_store_get_letters (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->letters);
}

GListModel *
enough_store_get_self_checks (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->self_checks);
}

/* Completed self-checks: ids and creation times of all of them, read in one
 * query (the history is a few thousand rows at most in practice; 16 bytes
 * a row), objects made a page at a time like the other lists. */
static void
load_completed_checks (EnoughStore *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (self->completed_checks == NULL || self->closed)
    return;
  stmt = _enough_store_read_stmt (self,
                                  "SELECT id, created FROM self_check"
                                  " WHERE deleted_at = 0 AND completed_at > 0"
                                  " ORDER BY created DESC, id DESC");
  if (stmt != NULL)
    read_rows (self, stmt, ids, keys);
  enough_entry_list_set_ids (self->completed_checks, ids, keys);
}

/* Completing, deleting or restoring a check moves it in or out. */
static void
sync_completed_check (EnoughStore  *self,
                      EnoughRecord *record)
{
  gint64 id;
  gboolean want, have;

  if (self->completed_checks == NULL || !ENOUGH_IS_SELF_CHECK (record))
    return;
  id = _enough_record_get_id (record);
  want = enough_self_check_is_completed (ENOUGH_SELF_CHECK (record)) &&
         !enough_record_is_deleted (record);
  have = enough_entry_list_find (self->completed_checks, id) >= 0;
  if (want && !have)
    enough_entry_list_insert_sorted (self->completed_checks, id,
                                     enough_record_get_created_at (record));
  else if (!want && have)
    enough_entry_list_remove (self->completed_checks, id);
}

GListModel *
enough_store_get_completed_self_checks (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);

  if (self->completed_checks == NULL)
    {
      self->completed_checks = enough_entry_list_new (self, ENOUGH_RECORD_KIND_SELF_CHECK,
                                                      ENOUGH_TYPE_SELF_CHECK, TRUE);
      load_completed_checks (self);
    }
  return G_LIST_MODEL (self->completed_checks);
}

/* ------------------------------------------------------------------------ */
/* Opening */

char *
enough_store_get_default_path (void)
{
  g_autofree char *dir = enough_paths_get_data_dir ();
  return g_build_filename (dir, "journal.db", NULL);
}

/* Cheap checks on the raw file before SQLite sees it: is it SQLite at all,
 * and is it shorter than its header says (truncated)? */
static gboolean
check_file_header (const char  *path,
                   gboolean    *out_exists,
                   GError     **error)
{
  GStatBuf st;
  guint8 header[100];
  int fd;
  gssize n;

  *out_exists = FALSE;
  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_IO,
                   _("The journal file “%s” could not be read: %s"), path, g_strerror (errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a file, so it cannot hold the journal."), path);
      return FALSE;
    }
  *out_exists = TRUE;
  if (st.st_size == 0)
    return TRUE;  /* nothing there to lose: SQLite starts a new database */

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_IO,
                   _("The journal file “%s” could not be read: %s"), path, g_strerror (errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_A_DATABASE,
                   _("The journal file “%s” is not a database Enough can read. It was left untouched."),
                   path);
      return FALSE;
    }

  {
    guint32 page_size = ((guint32) header[16] << 8) | header[17];
    guint32 n_pages = ((guint32) header[28] << 24) | ((guint32) header[29] << 16) |
                      ((guint32) header[30] << 8) | header[31];
    guint32 change = ((guint32) header[24] << 24) | ((guint32) header[25] << 16) |
                     ((guint32) header[26] << 8) | header[27];
    guint32 valid_for = ((guint32) header[92] << 24) | ((guint32) header[93] << 16) |
                        ((guint32) header[94] << 8) | header[95];
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    GStatBuf wal_st;
    gboolean has_wal = g_stat (wal, &wal_st) == 0 && wal_st.st_size > 0;

    if (page_size == 1)
      page_size = 65536;
    /* The in-header size is only trusted when valid-for matches the
     * change counter, and a WAL may legitimately hold the tail. */
    if (!has_wal && change == valid_for && n_pages > 0 &&
        (guint64) st.st_size < (guint64) n_pages * page_size)
      {
        g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT,
                     _("The journal file “%s” is damaged: it is shorter than it should be (truncated). It was left untouched."),
                     path);
        return FALSE;
      }
  }

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    set_sqlite_error (error, db, rc, sql);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

static gboolean
migrate (sqlite3  *db,
         gint64    from,
         GError  **error)
{
  for (gint64 version = from + 1; version <= ENOUGH_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *bump = NULL;

      /* Each step in its own transaction: a crash mid-way leaves the
       * previous, consistent version. */
      if (!exec_sql (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      bump = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT ";"
                              "PRAGMA application_id = %d;",
                              version, ENOUGH_STORE_APPLICATION_ID);
      if (!exec_sql (db, enough_store_schema_step ((guint) version), error) ||
          !exec_sql (db, bump, error) ||
          !exec_sql (db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, "Migration to version %" G_GINT64_FORMAT ": ", version);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
open_write_db (EnoughStore  *self,
               gboolean      existed,
               gboolean     *out_sync_check,
               GError      **error)
{
  sqlite3 *db = NULL;
  gint64 app_id = 0, version = 0, n_tables = 0;
  g_autofree char *journal_mode = NULL;
  int rc;

  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  self->wdb = db;
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, "open");
      return FALSE;
    }
  if (sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_READ_ONLY,
                   _("The journal file “%s” is read-only, so nothing could be saved."), self->path);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 5000);
  sqlite3_extended_result_codes (db, 1);
  rc = enough_store_schema_register (db);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, "register functions");
      return FALSE;
    }

  /* Reading the header pages tells SQLite files from the rest. */
  if (!query_int (db, "PRAGMA application_id", &app_id, error) ||
      !query_int (db, "PRAGMA user_version", &version, error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    {
      g_prefix_error (error, "“%s”: ", self->path);
      return FALSE;
    }

  if (app_id != ENOUGH_STORE_APPLICATION_ID && (n_tables > 0 || app_id != 0 || version != 0))
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_A_JOURNAL,
                   _("The file “%s” is a database of another program, not an Enough journal. It was left untouched."),
                   self->path);
      return FALSE;
    }
  if (version > ENOUGH_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NEWER_VERSION,
                   _("The journal was saved by a newer version of Enough. Please update Enough to open it; the file was left untouched."));
      return FALSE;
    }

  if (!exec_sql (db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;", error))
    return FALSE;
  {
    sqlite3_stmt *stmt = NULL;

    rc = sqlite3_prepare_v2 (db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
    if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
      journal_mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    if (g_strcmp0 (journal_mode, "wal") != 0)
      {
        set_sqlite_error (error, db, sqlite3_errcode (db), "journal_mode");
        return FALSE;
      }
  }

  /* Small journals are checked right here, big ones on the worker. */
  *out_sync_check = FALSE;
  if (existed && version > 0 && !(self->flags & ENOUGH_STORE_OPEN_NO_CHECK))
    {
      GStatBuf st;
      gboolean small = g_stat (self->path, &st) == 0 && st.st_size <= sync_check_max_bytes;

      if (small || (self->flags & ENOUGH_STORE_OPEN_CHECK_SYNC))
        {
          if (!run_quick_check (db, error))
            return FALSE;
        }
      else
        *out_sync_check = TRUE;  /* meaning: still to do, on the worker */
    }

  /* Triggers in the file run on every write: only ours may be there. */
  if (version > 0 && !_enough_store_check_journal_schema (db, self->path, version, error))
    return FALSE;
  /* A migration rewrites the schema: a copy first, like a restore's. */
  if (version > 0 && version < ENOUGH_STORE_SCHEMA_VERSION &&
      !_enough_store_copy_before_migration (db, self->path, version, error))
    return FALSE;
  if (version < ENOUGH_STORE_SCHEMA_VERSION && !migrate (db, version, error))
    return FALSE;

  return TRUE;
}

static gboolean
open_read_db (EnoughStore  *self,
              GError      **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->rdb, SQLITE_OPEN_READONLY, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->rdb, rc, "open for reading");
      return FALSE;
    }
  sqlite3_busy_timeout (self->rdb, 2000);
  return exec_sql (self->rdb, "PRAGMA query_only = ON; PRAGMA cache_size = -8000;", error);
}

EnoughStore *
enough_store_open (const char            *path,
                   EnoughStoreOpenFlags   flags,
                   GError               **error)
{
  g_autoptr(EnoughStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean existed = FALSE;
  gboolean check_later = FALSE;

  self = g_object_new (ENOUGH_TYPE_STORE, NULL);
  self->path = path ? g_strdup (path) : enough_store_get_default_path ();
  self->flags = flags;

  dir = g_path_get_dirname (self->path);
  if (!enough_paths_ensure_private (dir, error))
    return NULL;

  if (!check_file_header (self->path, &existed, error))
    return NULL;

  if (!existed)
    {
      /* Made here so it is 0600 from the first byte; SQLite gives the
       * -wal and -shm files the same mode. */
      int fd = g_open (self->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          int saved = errno;

          g_set_error (error, ENOUGH_STORE_ERROR,
                       (saved == EACCES || saved == EROFS || saved == EPERM)
                       ? ENOUGH_STORE_ERROR_READ_ONLY : ENOUGH_STORE_ERROR_IO,
                       _("The journal file “%s” could not be created: %s"), self->path,
                       g_strerror (saved));
          return NULL;
        }
      close (fd);
    }
  else if (g_access (self->path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_READ_ONLY,
                   _("The journal file “%s” or its folder is read-only, so nothing could be saved. It was left untouched."),
                   self->path);
      return NULL;
    }
  else
    {
      g_chmod (self->path, 0600);
    }

  if (!open_write_db (self, existed, &check_later, error) ||
      !open_read_db (self, error))
    return NULL;

  load_lists (self, FALSE);

  /* Another process may write to this journal at the same time (a second
   * store, `enough --import`). Ids counted on from max(id) alone would be
   * the same in both, and one's upsert would overwrite the other's entry.
   * So each open starts at a random multiple of 2^16 above the newest id:
   * two stores never hand out the same ids unless one makes 65,536 entries
   * in a session. Ids are never shown; order comes from created times. */
  for (guint kind = ENOUGH_RECORD_KIND_DIALOGUE; kind <= ENOUGH_RECORD_KIND_SELF_CHECK; kind++)
    self->next_id[kind] += (gint64) g_random_int_range (1, 1 << 20) << 16;

  {
    int rc = sqlite3_open_v2 (self->path, &self->bgdb, SQLITE_OPEN_READONLY, NULL);

    if (rc != SQLITE_OK)
      {
        set_sqlite_error (error, self->bgdb, rc, "open for checking");
        return NULL;
      }
    sqlite3_busy_timeout (self->bgdb, 5000);
    /* The check and backups read every page once, so a big cache would
     * only grow this thread's malloc arena, which keeps the memory after
     * the pages are let go: 256 KB of pages at a time is enough. */
    sqlite3_exec (self->bgdb, "PRAGMA cache_size = -256", NULL, NULL, NULL);
  }

  self->worker = g_thread_new ("enough-store", worker_main, self);
  self->bg_thread = g_thread_new ("enough-store-bg", bg_main, self);
  /* The purge writes, so it waits for a big file's check: a damaged file
   * gets no writes at all. Autosaves before the check ends still go. */
  if (check_later)
    g_async_queue_push (self->bg_queue, job_new (self, JOB_CHECK));
  else
    g_async_queue_push (self->queue, purge_job_new (self, FALSE));
  /* An import's index left unfinished by a crash or a close */
  schedule_indexing (self);
  if (!(flags & ENOUGH_STORE_OPEN_NO_AUTO_BACKUP))
    {
      Job *job = job_new (self, JOB_BACKUP);

      job->daily = TRUE;
      g_async_queue_push (self->bg_queue, job);
    }

  return g_steal_pointer (&self);
}

const char *
enough_store_get_path (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  return self->path;
}

gboolean
enough_store_is_writable (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);
  return self->writable && !self->closed;
}

gboolean
enough_store_close (EnoughStore  *self,
                    GError      **error)
{
  g_autoptr(GError) flush_error = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);

  if (self->closed)
    return TRUE;

  if (self->bg_thread != NULL)
    {
      Job *job = job_new (self, JOB_QUIT);

      /* A check or backup of a big file can take seconds: stop it. */
      g_atomic_int_set (&self->closing, 1);
      start_check_now (self);
      sqlite3_interrupt (self->bgdb);
      run_job_sync_on (self->bg_queue, job);
      job_free (job);
      g_thread_join (self->bg_thread);
      self->bg_thread = NULL;
    }

  if (self->worker != NULL)
    {
      Job *job;

      if (self->writable)
        enough_store_flush (self, &flush_error);
      /* Deleted entries leave for good with the session (Undo is over);
       * skipped if saving failed, so nothing is lost either way. */
      if (flush_error == NULL && self->writable)
        g_async_queue_push (self->queue, purge_job_new (self, TRUE));
      job = job_new (self, JOB_QUIT);
      run_job_sync (self, job);
      job_free (job);
      g_thread_join (self->worker);
      self->worker = NULL;
    }

  cancel_autosave (self);
  cancel_tail_load (self);
  clear_drain_source (self);
  {
    /* Jobs finished but not yet completed on this thread (e.g. the purge);
     * their errors no longer matter. */
    GError *ignored = drain_completions (self);

    g_clear_error (&ignored);
  }
  self->closed = TRUE;

  g_clear_pointer (&self->write_stmts, g_hash_table_unref);
  g_clear_pointer (&self->read_stmts, g_hash_table_unref);
  /* The reader first: the last connection to close checkpoints the WAL
   * into the file, and a read-only one cannot. */
  g_clear_pointer (&self->rdb, sqlite3_close);
  g_clear_pointer (&self->bgdb, sqlite3_close);
  g_clear_pointer (&self->wdb, sqlite3_close);

  /* Whatever was still dirty could not be saved: it was reported. */
  g_hash_table_remove_all (self->dirty);

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    _enough_record_detach (value);
  g_hash_table_remove_all (self->cache);
  enough_entry_list_detach (self->dialogues);
  enough_entry_list_detach (self->letters);
  enough_entry_list_detach (self->self_checks);
  if (self->completed_checks != NULL)
    enough_entry_list_detach (self->completed_checks);

  if (flush_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&flush_error));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Backups and generator that need the worker */

gboolean
enough_store_backup_now (EnoughStore  *self,
                         GError      **error)
{
  Job *job;
  gboolean ok;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);
  if (self->closed)
    {
      g_set_error_literal (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CLOSED,
                           _("The journal is closed."));
      return FALSE;
    }

  job = job_new (self, JOB_BACKUP);
  start_check_now (self);
  run_job_sync_on (self->bg_queue, job);
  ok = job->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&job->error));
  job_free (job);
  return ok;
}

gboolean
enough_store_generate_synthetic (EnoughStore  *self,
                                 guint         n_entries,
                                 guint32       seed,
                                 GError      **error)
{
  Job *job;
  gboolean ok;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);
  if (!enough_store_flush (self, error))
    return FALSE;

  job = job_new (self, JOB_GENERATE);
  job->n = n_entries;
  job->seed = seed;
  job->now = enough_store_now (self);
  run_job_sync (self, job);
  ok = job->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&job->error));
  job_free (job);

  load_lists (self, TRUE);
  return ok;
}

/* ------------------------------------------------------------------------ */
/* GObject */

static void
enough_store_dispose (GObject *object)
{
  EnoughStore *self = ENOUGH_STORE (object);
  g_autoptr(GError) error = NULL;

  if (!enough_store_close (self, &error))
    g_warning ("Closing the journal: %s", error->message);

  G_OBJECT_CLASS (enough_store_parent_class)->dispose (object);
}

static void
enough_store_finalize (GObject *object)
{
  EnoughStore *self = ENOUGH_STORE (object);

  g_clear_object (&self->dialogues);
  g_clear_object (&self->letters);
  g_clear_object (&self->self_checks);
  g_clear_object (&self->completed_checks);
  g_hash_table_unref (self->dirty);
  g_hash_table_unref (self->cache);
  g_async_queue_unref (self->queue);
  g_async_queue_unref (self->bg_queue);
  g_mutex_clear (&self->completed_mutex);
  g_mutex_clear (&self->check_mutex);
  g_cond_clear (&self->check_cond);
  g_main_context_unref (self->context);
  g_free (self->path);

  G_OBJECT_CLASS (enough_store_parent_class)->finalize (object);
}

static void
enough_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EnoughStore *self = ENOUGH_STORE (object);

  switch (prop_id)
    {
    case PROP_N_PENDING:
      g_value_set_uint (value, enough_store_get_n_pending (self));
      break;
    case PROP_WRITABLE:
      g_value_set_boolean (value, enough_store_is_writable (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, is_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_store_class_init (EnoughStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = enough_store_dispose;
  object_class->finalize = enough_store_finalize;
  object_class->get_property = enough_store_get_property;

  properties[PROP_N_PENDING] = g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_WRITABLE] = g_param_spec_boolean ("writable", NULL, NULL, TRUE, ro);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_WRITE_FAILED] =
    g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SIGNAL_INTEGRITY_FAILED] =
    g_signal_new ("integrity-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
enough_store_init (EnoughStore *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->read_stmts = new_stmt_cache ();
  self->write_stmts = new_stmt_cache ();
  self->queue = g_async_queue_new ();
  self->bg_queue = g_async_queue_new ();
  g_mutex_init (&self->completed_mutex);
  g_mutex_init (&self->check_mutex);
  g_cond_init (&self->check_cond);
  g_queue_init (&self->completed);
  self->cache = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->dirty = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                       g_object_unref, unref_nullable);
  self->delay_ms = ENOUGH_STORE_AUTOSAVE_DELAY_MS;
  self->writable = TRUE;
  self->dialogues = enough_entry_list_new (self, ENOUGH_RECORD_KIND_DIALOGUE,
                                           ENOUGH_TYPE_DIALOGUE, TRUE);
  self->letters = enough_entry_list_new (self, ENOUGH_RECORD_KIND_LETTER,
                                         ENOUGH_TYPE_LETTER, TRUE);
  self->self_checks = enough_entry_list_new (self, ENOUGH_RECORD_KIND_SELF_CHECK,
                                             ENOUGH_TYPE_SELF_CHECK, TRUE);
}
