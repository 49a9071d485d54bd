/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-crypt-vfs.h"
#include "enough-store-private.h"
#include "enough-store-schema.h"
#include "enough-tables.h"
#include "enough-store-test-hooks.h"

/* The store's two threads and their jobs: the worker owns the write
 * connection (every write, the purge, an import's indexing); the
 * background thread has its own read-only connection for the long reads
 * (integrity check, backups). A job either has someone waiting for it
 * (_enough_store_job_run()) or is completed later on the UI thread
 * (_enough_store_complete_job(), from an idle). */

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

/* ------------------------------------------------------------------------ */
/* The worker thread */

Job *
_enough_store_job_new (EnoughStore *store,
                       JobType      type)
{
  Job *job = g_new0 (Job, 1);

  job->type = type;
  job->store = store;  /* not a reference: close() waits for every job */
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  return job;
}

void
_enough_store_job_free (Job *job)
{
  g_clear_pointer (&job->snapshots, g_ptr_array_unref);
  g_clear_pointer (&job->records, g_ptr_array_unref);
  g_clear_pointer (&job->keep_alive, g_ptr_array_unref);
  g_clear_pointer (&job->drafts, g_ptr_array_unref);
  g_clear_object (&job->task);
  g_clear_error (&job->error);
  g_free (job->str);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

/* Snapshots hold every column of their table, in table order. */
static gboolean
bind_snapshot (sqlite3_stmt   *stmt,
               EnoughSnapshot *snap)
{
  g_assert (snap->n_values == enough_table_for_kind (snap->kind)->n_columns);
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
      _enough_store_set_damaged_error (error);
      return FALSE;
    }

  if (!_enough_store_exec (self->wdb, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < job->snapshots->len; i++)
    {
      EnoughSnapshot *snap = g_ptr_array_index (job->snapshots, i);
      sqlite3_stmt *stmt = _enough_store_cached_stmt (self->wdb, self->write_stmts,
                                        enough_table_upsert_sql (enough_table_for_kind (snap->kind)),
                                        "prepare", error);

      if (stmt == NULL)
        goto rollback;
      bind_snapshot (stmt, snap);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          _enough_store_set_sqlite_error (error, self->wdb, rc, "save");
          sqlite3_reset (stmt);
          goto rollback;
        }
      sqlite3_reset (stmt);
    }

  rc = sqlite3_exec (self->wdb, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, self->wdb, rc, "commit");
      goto rollback;
    }
  return TRUE;

rollback:
  sqlite3_exec (self->wdb, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
_enough_store_quick_check (sqlite3  *db,
                           GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, db, rc, "quick_check");
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
      _enough_store_set_sqlite_error (error, db, rc, "quick_check");
      return FALSE;
    }
  if (problems->len > 0)
    {
      g_autoptr(EnoughCryptKey) key = enough_crypt_key_of_db (db);

      /* Encrypted, a page that does not authenticate shows up here as a
       * page the check could not get. */
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT,
                   "%s (quick_check: %s)",
                   key != NULL ? _("The journal is damaged or the passphrase is wrong.")
                               : _("The journal file is damaged."),
                   problems->str);
      return FALSE;
    }
  return TRUE;
}

/* Deleted entries wait ENOUGH_STORE_TRASH_DAYS in Recently Deleted. For
 * deleted turns: another process (a second window, the command line) may share the
 * journal while this one still shows an Undo toast for a deletion, so a
 * purge never takes rows that could still be restored: only those deleted
 * long ago, and at close those deleted since this session's first deletion
 * (its own, and at worst another session's from the same minutes). */
#define PURGE_GRACE_USEC ((gint64) G_USEC_PER_SEC * 60 * 60)

Job *
_enough_store_purge_job_new (EnoughStore *self,
                             gboolean     at_close)
{
  Job *job = _enough_store_job_new (self, JOB_PURGE);

  job->purge_before = enough_store_now (self) - PURGE_GRACE_USEC;
  /* At close only: by then a test's (or the app's) clock is in place; the
   * purge at open runs before one can be set. */
  job->purge_entries_before = at_close ? enough_store_now (self) - ENOUGH_STORE_TRASH_USEC : 0;
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
   * with their dialogue (ON DELETE CASCADE); deleted turns of kept
   * dialogues first: they go with the session (their Undo is over).
   * Entries stay in Recently Deleted for ENOUGH_STORE_TRASH_DAYS. */
  {
    GString *s = g_string_new (NULL);

    g_string_append_printf (s, "DELETE FROM turn WHERE deleted_at != 0 AND (deleted_at < %"
                            G_GINT64_FORMAT " OR deleted_at >= %" G_GINT64_FORMAT ");",
                            job->purge_before, job->purge_since);
    for (guint k = ENOUGH_RECORD_KIND_TURN + 1; k <= ENOUGH_RECORD_KIND_LAST; k++)
      g_string_append_printf (s, "DELETE FROM %s WHERE deleted_at != 0 AND deleted_at < %"
                              G_GINT64_FORMAT ";",
                              enough_table_for_kind (k)->name, job->purge_entries_before);
    g_string_append_printf (s, "DELETE FROM dialogue WHERE deleted_at != 0 AND deleted_at < %"
                            G_GINT64_FORMAT ";COMMIT",
                            job->purge_entries_before);
    sql = g_strdup (s->str);
    g_string_free (s, TRUE);
  }

  if (!_enough_store_exec (self->wdb, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!_enough_store_exec (self->wdb, sql, error))
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

void
_enough_store_clear_drain_source (EnoughStore *self)
{
  g_mutex_lock (&self->completed_mutex);
  if (self->drain_source != NULL)
    {
      g_source_destroy (self->drain_source);
      g_clear_pointer (&self->drain_source, g_source_unref);
    }
  g_mutex_unlock (&self->completed_mutex);
}

/* Hands a finished job to whoever waits for it, or to the UI thread. */
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
          ok = _enough_store_exec (self->wdb, job->str, &job->error);
          break;
        case JOB_FUNC:
          if (g_atomic_int_get (&self->check_failed))
            {
              ok = FALSE;
              _enough_store_set_damaged_error (&job->error);
            }
          else
            {
              ok = job->func (self->wdb, job->func_data, &job->error);
            }
          break;
        case JOB_DRAFTS:
          if (g_atomic_int_get (&self->check_failed))
            {
              ok = FALSE;
              _enough_store_set_damaged_error (&job->error);
            }
          else
            ok = _enough_store_write_drafts (self->wdb, self->write_stmts, job->drafts, &job->error);
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

      finish_job (job);
      if (type == JOB_QUIT)
        break;
    }

  return NULL;
}

/* Ends the delay before the background check (see CHECK_DELAY_USEC). */
void
_enough_store_start_check_now (EnoughStore *self)
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
          if (!_enough_store_quick_check (self->bgdb, &job->error))
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
        case JOB_DRAFTS:
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

void
_enough_store_job_run (GAsyncQueue *queue,
                       Job         *job)
{
  job->sync = TRUE;
  g_async_queue_push (queue, job);
  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);
}

gboolean
_enough_store_job_end (Job     *job,
                       GError **error)
{
  gboolean ok = job->error == NULL;

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&job->error));
  _enough_store_job_free (job);
  return ok;
}

/* ------------------------------------------------------------------------ */
/* Starting */

void
_enough_store_start_threads (EnoughStore *self,
                             gboolean     check_later)
{
  self->worker = g_thread_new ("enough-store", worker_main, self);
  self->bg_thread = g_thread_new ("enough-store-bg", bg_main, self);
  /* The purge writes, so it waits for a big file's check: a damaged file
   * gets no writes at all. Autosaves before the check ends still go. */
  if (check_later)
    g_async_queue_push (self->bg_queue, _enough_store_job_new (self, JOB_CHECK));
  else
    g_async_queue_push (self->queue, _enough_store_purge_job_new (self, FALSE));
  /* An import's index left unfinished by a crash or a close */
  _enough_store_schedule_indexing (self);
  if (!(self->flags & ENOUGH_STORE_OPEN_NO_AUTO_BACKUP))
    {
      Job *job = _enough_store_job_new (self, JOB_BACKUP);

      job->daily = TRUE;
      g_async_queue_push (self->bg_queue, job);
    }
}

/* ------------------------------------------------------------------------ */
/* Import indexing */

static gboolean background_indexing = TRUE;

void
_enough_store_set_background_indexing (gboolean enabled)
{
  background_indexing = enabled;
}

/* Rows an import left unindexed are indexed a chunk at a time on the
 * worker (see "Deferred indexing" in enough-store-schema.c). */
void
_enough_store_schedule_indexing (EnoughStore *self)
{
  Job *job;

  if (!background_indexing || self->index_queued || self->closed || !self->writable ||
      self->worker == NULL || g_atomic_int_get (&self->closing))
    return;
  self->index_queued = TRUE;
  job = _enough_store_job_new (self, JOB_INDEX);
  g_async_queue_push (self->queue, job);
}

gboolean
_enough_store_index_step (EnoughStore  *self,
                          gboolean     *out_more,
                          GError      **error)
{
  Job *job;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->closed, FALSE);

  job = _enough_store_job_new (self, JOB_INDEX);
  _enough_store_job_run (self->queue, job);
  *out_more = job->more;
  return _enough_store_job_end (job, error);
}

/* ------------------------------------------------------------------------ */
/* Completions (UI thread) */

void
_enough_store_complete_job (EnoughStore *self,
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
            _enough_store_mark_dirty (self, g_ptr_array_index (job->records, i));
          g_signal_emit (self, _enough_store_signals[SIGNAL_WRITE_FAILED], 0, job->error);
          _enough_store_schedule_autosave (self);
        }
      else if (job->records->len > 0)
        {
          g_signal_emit (self, _enough_store_signals[SIGNAL_SAVED], 0, job->records->len);
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
          g_object_notify_by_pspec (G_OBJECT (self), _enough_store_properties[PROP_WRITABLE]);
          g_signal_emit (self, _enough_store_signals[SIGNAL_INTEGRITY_FAILED], 0, job->error);
        }
      else if (!g_atomic_int_get (&self->closing))
        g_async_queue_push (self->queue, _enough_store_purge_job_new (self, FALSE));
      break;

    case JOB_INDEX:
      self->index_queued = FALSE;
      if (job->error != NULL)
        g_warning ("Indexing the journal for search failed: %s", job->error->message);
      else if (job->more)
        _enough_store_schedule_indexing (self);
      break;

    case JOB_FUNC:
      /* Rows may have been added behind the lists' back, and an import
       * leaves its rows to be indexed. */
      _enough_store_load_lists (self, FALSE);
      _enough_store_schedule_indexing (self);
      if (job->error != NULL)
        g_task_return_error (job->task, g_steal_pointer (&job->error));
      else
        g_task_return_boolean (job->task, TRUE);
      break;

    case JOB_DRAFTS:
      if (job->error != NULL)
        g_warning ("Could not keep the unsent drafts: %s", job->error->message);
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

GError *
_enough_store_drain_completions (EnoughStore *self)
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

      _enough_store_complete_job (self, job);
      if (job->type == JOB_WRITE && job->error != NULL && first == NULL)
        first = g_error_copy (job->error);
      _enough_store_job_free (job);
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
  error = _enough_store_drain_completions (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}


gboolean
_enough_store_exec_on_writer (EnoughStore  *self,
                              const char   *sql,
                              GError      **error)
{
  Job *job = _enough_store_job_new (self, JOB_SQL);

  job->str = g_strdup (sql);
  _enough_store_job_run (self->queue, job);
  return _enough_store_job_end (job, error);
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
  _enough_store_start_check_now (self);
  job = _enough_store_job_new (self, JOB_NOP);
  _enough_store_job_run (self->bg_queue, job);
  _enough_store_job_free (job);
  job = _enough_store_job_new (self, JOB_NOP);
  _enough_store_job_run (self->queue, job);
  _enough_store_job_free (job);
  ignored = _enough_store_drain_completions (self);
}

