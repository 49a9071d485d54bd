/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-store-private.h"

/* Autosave: a record's setter only marks it dirty (~µs, no disk); the
 * first unsaved change starts a timer, and when it fires every dirty
 * record is copied (a snapshot, on this thread) into one write job for
 * the worker. flush() does the same at once and waits; bulk writes
 * (import) go through the same queue, after what was typed. */

static void
notify_pending (EnoughStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), _enough_store_properties[PROP_N_PENDING]);
}

void
_enough_store_mark_dirty (EnoughStore  *self,
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


/* ------------------------------------------------------------------------ */
/* Autosave */

static gint
snapshot_order (gconstpointer a,
                gconstpointer b)
{
  /* Parents before children: dialogues before their turns; turns are the
   * only children, so every other kind is simply first. */
  const EnoughSnapshot *sa = *(EnoughSnapshot * const *) a;
  const EnoughSnapshot *sb = *(EnoughSnapshot * const *) b;

  return (sa->kind == ENOUGH_RECORD_KIND_TURN) - (sb->kind == ENOUGH_RECORD_KIND_TURN);
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
  else if (ENOUGH_IS_CHECKIN (record))
    _enough_checkin_snapshot (ENOUGH_CHECKIN (record), snap);
  else if (ENOUGH_IS_EXPERIMENT (record))
    _enough_experiment_snapshot (ENOUGH_EXPERIMENT (record), snap);
  else
    _enough_self_check_snapshot (ENOUGH_SELF_CHECK (record), snap);

  return snap;
}

/* Copies every dirty record into a write job (UI thread; no disk). */
static Job *
take_dirty (EnoughStore *self)
{
  Job *job = _enough_store_job_new (self, JOB_WRITE);
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

void
_enough_store_schedule_autosave (EnoughStore *self)
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

void
_enough_store_cancel_autosave (EnoughStore *self)
{
  if (self->autosave_id != 0)
    {
      GSource *source = g_main_context_find_source_by_id (self->context, self->autosave_id);

      if (source != NULL)
        g_source_destroy (source);
      self->autosave_id = 0;
    }
}

void
_enough_store_record_changed (EnoughStore  *self,
                              EnoughRecord *record)
{
  if (self->closed)
    return;
  _enough_store_sync_completed_check (self, record);
  _enough_store_mark_dirty (self, record);
  _enough_store_schedule_autosave (self);
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
  _enough_store_cancel_autosave (self);
  _enough_store_schedule_autosave (self);
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

  if (!_enough_store_check_not_closed (self, error))
    return FALSE;

  _enough_store_cancel_autosave (self);

  /* An empty batch still waits for every batch queued before it. */
  job = take_dirty (self);
  _enough_store_job_run (self->queue, job);
  earlier = _enough_store_drain_completions (self);
  _enough_store_complete_job (self, job);
  own = job->error;
  job->error = NULL;
  _enough_store_job_free (job);

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

static void
return_closed (GTask *task)
{
  GError *error = NULL;

  _enough_store_set_closed_error (&error);
  g_task_return_error (task, error);
  g_object_unref (task);
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
      return_closed (task);
      return;
    }

  _enough_store_cancel_autosave (self);
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

/* ------------------------------------------------------------------------ */
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
  g_return_val_if_fail (kind >= ENOUGH_RECORD_KIND_DIALOGUE && kind <= ENOUGH_RECORD_KIND_LAST, 0);
  g_return_val_if_fail (n >= 0, 0);

  first = self->next_id[kind] + 1;
  self->next_id[kind] += n;
  return first;
}

static Job *
func_job_new (EnoughStore      *self,
              EnoughWriterFunc  func,
              gpointer          func_data)
{
  Job *job = _enough_store_job_new (self, JOB_FUNC);

  job->func = func;
  job->func_data = func_data;
  return job;
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
      return_closed (task);
      return;
    }

  /* Everything typed so far goes first, in its own batch. */
  _enough_store_cancel_autosave (self);
  job = take_dirty (self);
  g_async_queue_push (self->queue, job);

  job = func_job_new (self, func, func_data);
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
      _enough_store_set_closed_error (error);
      return FALSE;
    }
  if (!enough_store_flush (self, error))
    return FALSE;

  job = func_job_new (self, func, func_data);
  _enough_store_job_run (self->queue, job);
  ok = _enough_store_job_end (job, error);

  _enough_store_load_lists (self, FALSE);
  _enough_store_schedule_indexing (self);
  return ok;
}

