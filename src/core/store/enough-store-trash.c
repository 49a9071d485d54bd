/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-store-private.h"
#include "enough-tables.h"

/* Recently deleted: a deleted entry (dialogue, letter, self-check) keeps
 * its row, marked with deleted_at, for ENOUGH_STORE_TRASH_DAYS; the purge
 * removes it after that (enough-store-worker.c). Turns are not entries:
 * a deleted turn has its Undo toast and goes at close, as before. */

/* Newest first; a bound on what the window lists (the purge keeps it
 * short anyway: 30 days of deletions). */
#define TRASH_MAX_PER_KIND 1000

static void
add_record (GPtrArray    *records,
            GHashTable   *seen,
            EnoughRecord *record)
{
  if (g_hash_table_contains (seen, record))
    return;
  g_hash_table_add (seen, record);
  g_ptr_array_add (records, g_object_ref (record));
}

static int
newest_deleted_first (gconstpointer a,
                      gconstpointer b)
{
  gint64 da = _enough_record_get_deleted_at (*(EnoughRecord **) a);
  gint64 db = _enough_record_get_deleted_at (*(EnoughRecord **) b);

  return da < db ? 1 : da > db ? -1 : 0;
}

GPtrArray *
enough_store_list_trash (EnoughStore *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 since;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), records);
  if (self->closed)
    return records;

  since = enough_store_now (self) - ENOUGH_STORE_TRASH_USEC;

  /* Deleted in this session and not written yet: only in memory. */
  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      EnoughRecord *record = value;

      if (enough_record_get_kind (record) != ENOUGH_RECORD_KIND_TURN &&
          enough_record_is_deleted (record) && _enough_record_get_deleted_at (record) >= since)
        add_record (records, seen, record);
    }

  /* The rows: cheap through the partial indexes on deleted_at. */
  for (EnoughRecordKind kind = ENOUGH_RECORD_KIND_DIALOGUE; kind <= ENOUGH_RECORD_KIND_LAST; kind++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      if (kind == ENOUGH_RECORD_KIND_TURN)
        continue;
      sql = g_strdup_printf ("SELECT id FROM %s WHERE deleted_at != 0 AND deleted_at >= ?"
                             " ORDER BY deleted_at DESC LIMIT %d",
                             enough_table_for_kind (kind)->name, TRASH_MAX_PER_KIND);
      stmt = _enough_store_read_stmt (self, sql);
      if (stmt == NULL)
        continue;
      sqlite3_bind_int64 (stmt, 1, since);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(EnoughRecord) record = _enough_store_get_record (self, kind, sqlite3_column_int64 (stmt, 0));

          /* (restored in memory, not written yet: not in the trash) */
          if (record != NULL && enough_record_is_deleted (record))
            add_record (records, seen, record);
        }
      sqlite3_reset (stmt);
    }

  g_ptr_array_sort (records, newest_deleted_first);
  return records;
}

gint64
enough_store_get_deleted_at (EnoughStore *self,
                             gpointer     record)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), 0);
  g_return_val_if_fail (ENOUGH_IS_RECORD (record), 0);

  return _enough_record_get_deleted_at (record);
}

gboolean
enough_store_delete_for_good (EnoughStore  *self,
                              gpointer      record,
                              GError      **error)
{
  EnoughRecordKind kind;
  Job *job;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);
  g_return_val_if_fail (ENOUGH_IS_RECORD (record), FALSE);
  g_return_val_if_fail (_enough_record_get_store (record) == self, FALSE);

  kind = enough_record_get_kind (record);
  g_return_val_if_fail (kind != ENOUGH_RECORD_KIND_TURN, FALSE);

  if (!_enough_store_check_not_closed (self, error))
    return FALSE;
  if (!enough_record_is_deleted (record))
    enough_store_delete (self, record);

  /* Its deletion written first, then the row goes (its turns with it, ON
   * DELETE CASCADE); only a row still marked deleted, so a restore that
   * came in between wins. One small write: fine on the UI thread. */
  if (!enough_store_flush (self, error))
    return FALSE;
  job = _enough_store_job_new (self, JOB_SQL);
  job->str = g_strdup_printf ("DELETE FROM %s WHERE id = %" G_GINT64_FORMAT " AND deleted_at != 0",
                              enough_table_for_kind (kind)->name, _enough_record_get_id (record));
  _enough_store_job_run (self->queue, job);
  if (!_enough_store_job_end (job, error))
    return FALSE;
  /* No longer a row to list, load or restore. */
  _enough_store_forget (self, record);
  return TRUE;
}
