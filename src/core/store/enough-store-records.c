/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-store-private.h"
#include "enough-tables.h"

/* One live object per row: the cache maps (kind, id) to the record while
 * anyone holds it (records remove themselves when finalized). Creating,
 * deleting and restoring are instant in memory; the autosave writes them. */
/* A turn's row comes with its dialogue's uuid (column
 * ENOUGH_TURN_N_COLUMNS), which the turn keeps. */
static const char *
load_sql (EnoughRecordKind kind)
{
  static char *turn_sql;

  if (kind != ENOUGH_RECORD_KIND_TURN)
    return enough_table_select_sql (enough_table_for_kind (kind));
  if (turn_sql == NULL)  /* the UI thread only */
    {
      g_autofree char *columns = enough_table_column_list (enough_table_for_kind (kind), "t.");

      turn_sql = g_strdup_printf ("SELECT %s, d.uuid FROM turn t JOIN dialogue d"
                                  " ON d.id = t.dialogue_id WHERE t.id = ?", columns);
    }
  return turn_sql;
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

/* A new, empty record of @kind */
static EnoughRecord *
new_record (EnoughRecordKind kind)
{
  switch (kind)
    {
    case ENOUGH_RECORD_KIND_DIALOGUE:
      return ENOUGH_RECORD (_enough_dialogue_new ());
    case ENOUGH_RECORD_KIND_TURN:
      return ENOUGH_RECORD (_enough_turn_new ());
    case ENOUGH_RECORD_KIND_LETTER:
      return ENOUGH_RECORD (_enough_letter_new ());
    case ENOUGH_RECORD_KIND_SELF_CHECK:
      return ENOUGH_RECORD (_enough_self_check_new ());
    case ENOUGH_RECORD_KIND_EXPERIMENT:
      return ENOUGH_RECORD (_enough_experiment_new ());
    case ENOUGH_RECORD_KIND_CHECKIN:
      return ENOUGH_RECORD (_enough_checkin_new ());
    default:
      g_assert_not_reached ();
    }
}

static EnoughRecord *
load_record (EnoughStore      *self,
             EnoughRecordKind  kind,
             gint64            id)
{
  sqlite3_stmt *stmt = _enough_store_read_stmt (self, load_sql (kind));
  EnoughRecord *record = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      record = new_record (kind);
      _enough_record_load_common (record, self, stmt);
      switch (kind)
        {
        case ENOUGH_RECORD_KIND_DIALOGUE:
          _enough_dialogue_load (ENOUGH_DIALOGUE (record), stmt);
          break;
        case ENOUGH_RECORD_KIND_TURN:
          _enough_turn_load (ENOUGH_TURN (record), stmt);
          break;
        case ENOUGH_RECORD_KIND_LETTER:
          _enough_letter_load (ENOUGH_LETTER (record), stmt);
          break;
        case ENOUGH_RECORD_KIND_SELF_CHECK:
          _enough_self_check_load (ENOUGH_SELF_CHECK (record), stmt);
          break;
        case ENOUGH_RECORD_KIND_EXPERIMENT:
          _enough_experiment_load (ENOUGH_EXPERIMENT (record), stmt);
          break;
        case ENOUGH_RECORD_KIND_CHECKIN:
          _enough_checkin_load (ENOUGH_CHECKIN (record), stmt);
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

void
_enough_store_setup_new (EnoughStore      *self,
           EnoughRecord     *record,
           EnoughRecordKind  kind)
{
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 now = enough_store_now (self);

  _enough_record_setup (record, self, ++self->next_id[kind], uuid, now, now, 0);
  remember (self, record);
}

EnoughEntryList *
_enough_store_list_for_kind (EnoughStore      *self,
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
    case ENOUGH_RECORD_KIND_EXPERIMENT:
      return self->experiments;
    case ENOUGH_RECORD_KIND_CHECKIN:
      return self->checkins;
    case ENOUGH_RECORD_KIND_TURN:
    default:
      return NULL;
    }
}

gboolean
_enough_store_check_open (EnoughStore *self)
{
  if (self->closed)
    {
      g_critical ("The journal store is closed");
      return FALSE;
    }
  return TRUE;
}

/* A new entry at the top of its list, saved by the next autosave. */
static EnoughRecord *
create_entry (EnoughStore      *self,
              EnoughRecordKind  kind,
              guint             bank_version)
{
  EnoughRecord *record;

  if (!_enough_store_check_open (self))
    return NULL;
  record = new_record (kind);
  if (kind == ENOUGH_RECORD_KIND_SELF_CHECK)
    _enough_self_check_set_bank_version (ENOUGH_SELF_CHECK (record), bank_version);
  _enough_store_setup_new (self, record, kind);
  enough_entry_list_insert_sorted (_enough_store_list_for_kind (self, kind), _enough_record_get_id (record),
                                   enough_record_get_created_at (record));
  _enough_store_record_changed (self, record);
  return record;
}

EnoughDialogue *
enough_store_create_dialogue (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  return ENOUGH_DIALOGUE (create_entry (self, ENOUGH_RECORD_KIND_DIALOGUE, 0));
}

EnoughLetter *
enough_store_create_letter (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  return ENOUGH_LETTER (create_entry (self, ENOUGH_RECORD_KIND_LETTER, 0));
}

EnoughExperiment *
enough_store_create_experiment (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  return ENOUGH_EXPERIMENT (create_entry (self, ENOUGH_RECORD_KIND_EXPERIMENT, 0));
}

EnoughSelfCheck *
enough_store_create_self_check (EnoughStore *self,
                                guint        bank_version)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  return ENOUGH_SELF_CHECK (create_entry (self, ENOUGH_RECORD_KIND_SELF_CHECK, bank_version));
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
      EnoughEntryList *turns = _enough_store_turns_of (self, ENOUGH_TURN (record));

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
      EnoughEntryList *list = _enough_store_list_for_kind (self, kind);

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
  if (!_enough_store_check_open (self))
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
  if (!_enough_store_check_open (self))
    return;
  set_deleted (self, record, FALSE);
}

/* An import is bringing back entries deleted here with Undo still on
 * offer: put the live ones back now, so that their rows are no longer
 * marked deleted when the import (queued after this) finds them, and the
 * close does not purge what the user has just imported. @in_import says
 * whether a (kind, uuid) is in it. Returns how many came back. */
guint
_enough_store_restore_deleted (EnoughStore *self,
                               gboolean   (*in_import) (gpointer          data,
                                                        EnoughRecordKind  kind,
                                                        const char       *uuid),
                               gpointer     data)
{
  g_autoptr(GPtrArray) back = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), 0);
  if (self->first_deleted_at == 0)
    return 0;  /* nothing deleted in this session */

  /* Collected first: putting back may load more records into the cache. */
  back = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      EnoughRecord *record = value;
      EnoughRecordKind kind = enough_record_get_kind (record);

      if (kind != ENOUGH_RECORD_KIND_TURN && enough_record_is_deleted (record) &&
          in_import (data, kind, enough_record_get_uuid (record)))
        g_ptr_array_add (back, g_object_ref (record));
    }
  for (guint i = 0; i < back->len; i++)
    set_deleted (self, g_ptr_array_index (back, i), FALSE);
  return back->len;
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
  g_return_val_if_fail (kind >= ENOUGH_RECORD_KIND_DIALOGUE && kind <= ENOUGH_RECORD_KIND_LAST, NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  if (!_enough_store_check_open (self))
    return NULL;

  /* Live objects first: they may not be saved yet. */
  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (enough_record_get_kind (value) == kind &&
        g_strcmp0 (enough_record_get_uuid (value), uuid) == 0)
      return enough_record_is_deleted (value) ? NULL : g_object_ref (value);

  sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ? AND deleted_at = 0", enough_table_for_kind (kind)->name);
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
  if (!_enough_store_check_open (self))
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

/* Whether a live record of its kind is due at @now_usec (it is not deleted). */
typedef gboolean (*DueFunc) (EnoughRecord *record,
                             gint64        now_usec);

static gboolean
letter_is_due (EnoughRecord *record,
               gint64        now_usec)
{
  EnoughLetter *letter = ENOUGH_LETTER (record);

  return enough_letter_get_reread_at (letter) > 0 &&
         enough_letter_get_reread_at (letter) <= now_usec &&
         enough_letter_get_reread_done_at (letter) == 0;
}

static gboolean
experiment_is_due (EnoughRecord *record,
                   gint64        now_usec)
{
  return enough_experiment_get_state (ENOUGH_EXPERIMENT (record), now_usec) == ENOUGH_EXPERIMENT_DUE;
}

/* The due records of @kind: the saved rows @sql finds (binding now and the
 * limit), checked against their live objects, which win over the saved row,
 * then the unsaved live ones that are due. */
static GPtrArray *
list_due (EnoughStore      *self,
          EnoughRecordKind  kind,
          const char       *sql,
          DueFunc           is_due,
          gint64            now_usec,
          guint             limit)
{
  GPtrArray *due = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), due);
  if (!_enough_store_check_open (self))
    return due;

  stmt = _enough_store_read_stmt (self, sql);
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
      EnoughRecord *record = _enough_store_get_record (self, kind, g_array_index (ids, gint64, i));

      if (record == NULL)
        continue;
      if (!enough_record_is_deleted (record) && is_due (record, now_usec))
        g_ptr_array_add (due, record);
      else
        g_object_unref (record);
    }

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (enough_record_get_kind (value) == kind && _enough_record_get_dirty (value) &&
        !enough_record_is_deleted (value) && is_due (value, now_usec) &&
        !g_ptr_array_find (due, value, NULL))
      g_ptr_array_add (due, g_object_ref (value));

  if (limit > 0 && due->len > limit)
    g_ptr_array_set_size (due, limit);
  return due;
}

GPtrArray *
enough_store_list_due_rereads (EnoughStore *self,
                               gint64       now_usec,
                               guint        limit)
{
  return list_due (self, ENOUGH_RECORD_KIND_LETTER,
                   "SELECT id FROM letter WHERE reread_at > 0 AND reread_at <= ?"
                   " AND reread_done_at = 0 AND deleted_at = 0"
                   " ORDER BY reread_at LIMIT ?",
                   letter_is_due, now_usec, limit);
}

GPtrArray *
enough_store_list_due_experiments (EnoughStore *self,
                                   gint64       now_usec,
                                   guint        limit)
{
  /* Not looked back at yet: nothing written after (the state's rule). */
  return list_due (self, ENOUGH_RECORD_KIND_EXPERIMENT,
                   "SELECT id FROM experiment WHERE due_at > 0 AND due_at <= ?"
                   " AND came_true = 0 AND outcome = '' AND deleted_at = 0"
                   " ORDER BY due_at LIMIT ?",
                   experiment_is_due, now_usec, limit);
}
