/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enough-import-private.h"
#include "enough-store-private.h"
#include "enough-store-schema.h"

/* Writing, on the store's worker thread */

/* An id the journal already has is no error for an entry (skipped) and
 * one for a turn: either way the insert does nothing and says so
 * (sqlite3_changes() == 0), one index lookup instead of two. */
static const char insert_suffix[] = " ON CONFLICT (uuid) DO NOTHING";

/* The parameter of a column in enough_table_insert_sql() */
#define P(column) ((column) + 1)

/* A check-in's values (every column after its day), as the table
 * describes them: what makes two check-ins of a day the same. */
static char *
checkin_day_sql (void)
{
  const EnoughTable *table = enough_table_for_kind (ENOUGH_RECORD_KIND_CHECKIN);
  g_autoptr(GString) sql = g_string_new ("SELECT uuid");

  for (guint c = ENOUGH_CHECKIN_COL_DAY + 1; c < table->n_columns; c++)
    g_string_append_printf (sql, ", %s", table->columns[c].name);
  g_string_append_printf (sql, " FROM %s WHERE day = ? AND deleted_at = 0 ORDER BY id",
                          table->name);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

typedef enum
{
  DAY_FREE,      /* no check-in that day: insert */
  DAY_SAME,      /* the journal has this one (same id, or same values): skip */
  DAY_DIFFERENT, /* another check-in with other values: refused */
} DayState;

/* One check-in a day, also across the journal and the file: the file was
 * checked alone (enough-import-check.c); here its day meets the journal's
 * rows, which the autosave has brought up to date before this job. */
static int
check_checkin_day (sqlite3_stmt      *s,
                   const ImportEntry *e,
                   DayState          *state)
{
  const EnoughTable *table = enough_table_for_kind (ENOUGH_RECORD_KIND_CHECKIN);
  int rc;

  *state = DAY_FREE;
  sqlite3_bind_text (s, 1, e->v[ENOUGH_CHECKIN_COL_DAY].s, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      gboolean same = TRUE;

      if (g_ascii_strcasecmp ((const char *) sqlite3_column_text (s, 0), e->v[ENOUGH_COL_UUID].s) == 0)
        {
          /* The same entry: the uuid rule skips it. */
          *state = DAY_FREE;
          break;
        }
      for (guint c = ENOUGH_CHECKIN_COL_DAY + 1, i = 1; c < table->n_columns && same; c++, i++)
        {
          if (table->columns[c].flags & ENOUGH_COLUMN_TEXT)
            same = g_strcmp0 ((const char *) sqlite3_column_text (s, i), e->v[c].s) == 0;
          else
            same = sqlite3_column_int64 (s, i) == e->v[c].i;
        }
      if (same)
        *state = DAY_SAME;
      else if (*state == DAY_FREE)
        *state = DAY_DIFFERENT;
    }
  sqlite3_reset (s);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_DONE : rc;
}

/* In pages; 0 if off or unknown. */
static int
get_wal_autocheckpoint (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int pages = 0;

  if (sqlite3_prepare_v2 (db, "PRAGMA wal_autocheckpoint", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    pages = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return pages;
}

/* Every column of @e but deleted_at (bound once), @id for its row id. */
static void
bind_entry (sqlite3_stmt      *s,
            const EnoughTable *table,
            const ImportEntry *e,
            gint64             id)
{
  sqlite3_bind_int64 (s, P (ENOUGH_COL_ID), id);
  for (guint c = ENOUGH_COL_UUID; c < table->n_columns; c++)
    {
      if (c == ENOUGH_COL_DELETED_AT)
        continue;
      if (table->columns[c].flags & ENOUGH_COLUMN_TEXT)
        sqlite3_bind_text (s, P (c), e->v[c].s, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (s, P (c), e->v[c].i);
    }
}

gboolean
_enough_import_write_rows (sqlite3   *db,
                           gpointer   user_data,
                           GError   **error)
{
  EnoughImport *import = user_data;
  sqlite3_stmt *insert[ENOUGH_RECORD_N_KINDS] = { NULL };
  sqlite3_stmt *drop_deleted[ENOUGH_RECORD_N_KINDS] = { NULL };
  sqlite3_stmt *checkin_day = NULL;
  g_autoptr(EnoughBulkWrite) bulk = NULL;
  gint64 next[ENOUGH_RECORD_N_KINDS];
  gboolean ok = FALSE;
  int wal_autocheckpoint;
  int rc = SQLITE_OK;

  memcpy (next, import->first_id, sizeof next);
  import->n_added = import->n_skipped = 0;

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, db, sqlite3_errcode (db), "import");
      return FALSE;
    }
  /* Rows only, with the insert triggers suspended (see
   * enough-store-schema.c); all in this transaction. */
  bulk = enough_store_bulk_begin (db, error);
  if (bulk == NULL)
    goto rollback;
  for (int k = ENOUGH_RECORD_KIND_DIALOGUE; k <= ENOUGH_RECORD_KIND_LAST; k++)
    {
      g_autofree char *sql = enough_table_insert_sql (enough_table_for_kind (k), insert_suffix);

      if (sqlite3_prepare_v2 (db, sql, -1, &insert[k], NULL) != SQLITE_OK)
        goto sql_error;
      /* Nothing imported is deleted; bindings stay across resets. */
      sqlite3_bind_int64 (insert[k], P (ENOUGH_COL_DELETED_AT), 0);

      g_clear_pointer (&sql, g_free);
      sql = g_strdup_printf ("DELETE FROM %s WHERE uuid = ? AND deleted_at != 0",
                             enough_table_for_kind (k)->name);
      if (sqlite3_prepare_v2 (db, sql, -1, &drop_deleted[k], NULL) != SQLITE_OK)
        goto sql_error;
    }
  {
    g_autofree char *sql = checkin_day_sql ();

    if (sqlite3_prepare_v2 (db, sql, -1, &checkin_day, NULL) != SQLITE_OK)
      goto sql_error;
  }

  for (guint i = 0; i < import->entries->len; i++)
    {
      ImportEntry *e = &g_array_index (import->entries, ImportEntry, i);
      sqlite3_stmt *s = insert[e->kind];
      gint64 id;

      /* A row deleted and waiting for its purge (deleted in another
       * session, or its Undo is gone) would make this entry look "already
       * in the journal" and then be purged: the imported entry replaces
       * it (its turns go with it, ON DELETE CASCADE). */
      sqlite3_bind_text (drop_deleted[e->kind], 1, e->v[ENOUGH_COL_UUID].s, -1, SQLITE_STATIC);
      rc = sqlite3_step (drop_deleted[e->kind]);
      sqlite3_reset (drop_deleted[e->kind]);
      if (rc != SQLITE_DONE)
        goto sql_error;

      if (e->kind == ENOUGH_RECORD_KIND_CHECKIN)
        {
          DayState state;

          rc = check_checkin_day (checkin_day, e, &state);
          if (rc != SQLITE_DONE)
            goto sql_error;
          if (state == DAY_SAME)
            {
              import->n_skipped++;
              continue;
            }
          if (state == DAY_DIFFERENT)
            {
              g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_CONFLICT,
                           /* Translators: %u is the entry's place in the file, %s a day like 2026-03-01 */
                           _("entries[%u].day: your journal already has another check-in for %s "
                             "(there is one check-in a day)"),
                           i, e->v[ENOUGH_CHECKIN_COL_DAY].s);
              goto rollback;
            }
        }

      id = next[e->kind];
      bind_entry (s, enough_table_for_kind (e->kind), e, id);
      rc = sqlite3_step (s);
      sqlite3_reset (s);
      if (rc != SQLITE_DONE)
        goto sql_error;
      if (sqlite3_changes (db) == 0)
        {
          /* Already in the journal (an earlier import, or the same
           * journal): kept as it is. */
          import->n_skipped++;
          continue;
        }
      next[e->kind]++;

      for (guint j = 0; j < e->n_turns; j++)
        {
          ImportTurn *t = &g_array_index (import->turns, ImportTurn, e->first_turn + j);
          sqlite3_stmt *ts = insert[ENOUGH_RECORD_KIND_TURN];

          sqlite3_bind_int64 (ts, P (ENOUGH_COL_ID), next[ENOUGH_RECORD_KIND_TURN]);
          sqlite3_bind_text (ts, P (ENOUGH_COL_UUID), t->uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (ts, P (ENOUGH_COL_CREATED), t->created);
          sqlite3_bind_int64 (ts, P (ENOUGH_COL_UPDATED), t->updated);
          sqlite3_bind_int64 (ts, P (ENOUGH_TURN_COL_DIALOGUE_ID), id);
          sqlite3_bind_int64 (ts, P (ENOUGH_TURN_COL_POSITION), (gint64) (j + 1) * ENOUGH_TURN_POSITION_STEP);
          sqlite3_bind_int (ts, P (ENOUGH_TURN_COL_SPEAKER), t->speaker);
          sqlite3_bind_text (ts, P (ENOUGH_TURN_COL_TEXT), t->text, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (ts, P (ENOUGH_TURN_COL_PATTERNS), t->patterns);
          rc = sqlite3_step (ts);
          sqlite3_reset (ts);
          if (rc != SQLITE_DONE)
            goto sql_error;
          if (sqlite3_changes (db) == 0)
            {
              g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_CONFLICT,
                           _("entries[%u].turns[%u].id: this id already belongs to a turn of "
                             "another dialogue in your journal"), i, j);
              goto rollback;
            }
          next[ENOUGH_RECORD_KIND_TURN]++;
        }
      import->n_added++;
    }

  /* The reserved ids were used in order, so this import's rows are
   * exactly first_id..next - 1 of each kind. They are indexed after the
   * import, on the worker (see "Deferred indexing" in
   * enough-store-schema.c); until then the search scans them. */
  for (int k = ENOUGH_RECORD_KIND_DIALOGUE; k <= ENOUGH_RECORD_KIND_LAST; k++)
    if (!enough_store_pending_add (db, k, import->first_id[k], next[k] - 1, error))
      goto rollback;
  if (!enough_store_bulk_end (db, bulk, error))
    goto rollback;

  /* The commit makes the import durable in the WAL; copying that back
   * into the database (a checkpoint, ~0.3 s for 100,000 entries) is left
   * to the next write on this worker, usually the first chunk of the
   * background indexing, instead of keeping the user waiting for it. */
  wal_autocheckpoint = get_wal_autocheckpoint (db);
  if (wal_autocheckpoint > 0)
    sqlite3_wal_autocheckpoint (db, 0);
  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (wal_autocheckpoint > 0)
    sqlite3_wal_autocheckpoint (db, wal_autocheckpoint);
  if (rc != SQLITE_OK)
    goto sql_error;
  ok = TRUE;
  goto out;

sql_error:
  _enough_store_set_sqlite_error (error, db, rc != SQLITE_OK ? rc : sqlite3_errcode (db), "import");
rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  import->n_added = 0;
  import->n_skipped = 0;
out:
  for (guint k = 0; k < G_N_ELEMENTS (insert); k++)
    {
      sqlite3_finalize (insert[k]);
      sqlite3_finalize (drop_deleted[k]);
    }
  sqlite3_finalize (checkin_day);
  return ok;
}

static gboolean
in_import (gpointer          data,
           EnoughRecordKind  kind,
           const char       *uuid)
{
  EnoughImport *import = data;

  /* Linear, and only when this session deleted something that is still
   * live (held by an Undo toast): a handful of records. */
  for (guint i = 0; i < import->entries->len; i++)
    {
      ImportEntry *e = &g_array_index (import->entries, ImportEntry, i);

      if (e->kind == kind && g_ascii_strcasecmp (e->v[ENOUGH_COL_UUID].s, uuid) == 0)
        return TRUE;
    }
  return FALSE;
}

void
_enough_import_reserve_ids (EnoughStore  *store,
                            EnoughImport *import)
{
  /* Entries deleted here but still undoable are not "already in your
   * journal": the import brings them back (their rows then count as
   * there, and the close does not purge them). */
  _enough_store_restore_deleted (store, in_import, import);
  for (int k = ENOUGH_RECORD_KIND_DIALOGUE; k <= ENOUGH_RECORD_KIND_LAST; k++)
    import->first_id[k] = _enough_store_reserve_ids (store, k, import->n_of_kind[k]);
}

