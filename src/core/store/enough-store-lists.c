/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-store-private.h"
#include "enough-tables.h"

/* The store's lists (lazy EnoughEntryLists of ids and creation times) and
 * each dialogue's turns (ids and positions). */



/* ------------------------------------------------------------------------ */
/* Lists */

/* The newest rows of each list come in open(); the rest in chunks from an
 * idle, so a big journal shows its first page as fast as an empty one. */
#define FIRST_PAGE 128
#define TAIL_CHUNK 8192

static const char *const first_sql[] = {
  "SELECT id, created FROM dialogue WHERE deleted_at = 0 ORDER BY created DESC, id DESC LIMIT ?",
  "SELECT id, created FROM letter WHERE deleted_at = 0 ORDER BY created DESC, id DESC LIMIT ?",
  "SELECT id, created FROM self_check WHERE deleted_at = 0 ORDER BY created DESC, id DESC LIMIT ?",
  "SELECT id, created FROM experiment WHERE deleted_at = 0 ORDER BY created DESC, id DESC LIMIT ?",
  "SELECT id, created FROM checkin WHERE deleted_at = 0 ORDER BY created DESC, id DESC LIMIT ?",
};

static const char *const tail_sql[G_N_ELEMENTS (first_sql)] = {
  "SELECT id, created FROM dialogue WHERE deleted_at = 0 AND (created, id) < (?, ?)"
  " ORDER BY created DESC, id DESC LIMIT ?",
  "SELECT id, created FROM letter WHERE deleted_at = 0 AND (created, id) < (?, ?)"
  " ORDER BY created DESC, id DESC LIMIT ?",
  "SELECT id, created FROM self_check WHERE deleted_at = 0 AND (created, id) < (?, ?)"
  " ORDER BY created DESC, id DESC LIMIT ?",
  "SELECT id, created FROM experiment WHERE deleted_at = 0 AND (created, id) < (?, ?)"
  " ORDER BY created DESC, id DESC LIMIT ?",
  "SELECT id, created FROM checkin WHERE deleted_at = 0 AND (created, id) < (?, ?)"
  " ORDER BY created DESC, id DESC LIMIT ?",
};

G_STATIC_ASSERT (G_N_ELEMENTS (first_sql) == G_N_ELEMENTS (((EnoughStore *) 0)->tail_pending));

static EnoughEntryList *
list_at (EnoughStore *self,
         guint        i)
{
  EnoughEntryList *lists[] = { self->dialogues, self->letters, self->self_checks, self->experiments,
                               self->checkins };
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
  for (guint i = 0; i < G_N_ELEMENTS (first_sql); i++)
    if (self->tail_pending[i])
      return TRUE;
  return FALSE;
}

/* Every id is in: the lists' index pages came through the read
 * connection's page cache (~2 MB at 100,000 entries) and will not be read
 * again, so let them go; then say loading is over. */
static void
tail_loaded (EnoughStore *self)
{
  sqlite3_db_release_memory (self->rdb);
  g_object_notify_by_pspec (G_OBJECT (self), _enough_store_properties[PROP_LOADING]);
}

static gboolean
load_tail_cb (gpointer data)
{
  EnoughStore *self = data;

  for (guint i = 0; i < G_N_ELEMENTS (first_sql); i++)
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

void
_enough_store_cancel_tail_load (EnoughStore *self)
{
  if (self->tail_id != 0)
    {
      GSource *source = g_main_context_find_source_by_id (self->context, self->tail_id);

      if (source != NULL)
        g_source_destroy (source);
      self->tail_id = 0;
    }
}

static void load_completed_checks (EnoughStore *self);

void
_enough_store_load_lists (EnoughStore *self,
            gboolean     full)
{
  gboolean was_loading = is_loading (self);

  _enough_store_cancel_tail_load (self);
  for (guint i = 0; i < G_N_ELEMENTS (first_sql); i++)
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

  for (guint kind = ENOUGH_RECORD_KIND_DIALOGUE; kind <= ENOUGH_RECORD_KIND_LAST; kind++)
    {
      g_autofree char *max_sql = g_strdup_printf ("SELECT max(id) FROM %s", enough_table_for_kind (kind)->name);
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
    g_object_notify_by_pspec (G_OBJECT (self), _enough_store_properties[PROP_LOADING]);
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
  _enough_store_cancel_tail_load (self);
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
enough_store_get_experiments (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->experiments);
}

GListModel *
enough_store_get_checkins (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->checkins);
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

void
_enough_store_sync_completed_check (EnoughStore  *self,
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

GListModel *
_enough_store_new_turn_list (EnoughStore    *self,
                             EnoughDialogue *dialogue)
{
  EnoughEntryList *list = enough_entry_list_new (self, ENOUGH_RECORD_KIND_TURN,
                                                 ENOUGH_TYPE_TURN, FALSE);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _enough_store_read_stmt (self,
                                                "SELECT id, position FROM turn"
                                                " WHERE dialogue_id = ? AND deleted_at = 0"
                                                " ORDER BY position, id");

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, _enough_record_get_id (ENOUGH_RECORD (dialogue)));
      read_rows (self, stmt, ids, keys);
    }

  /* No unsaved turns can be missing here: a dirty or in-flight turn keeps
   * its dialogue, and so this model, alive until its row is committed. */
  enough_entry_list_set_ids (list, ids, keys);
  return G_LIST_MODEL (list);
}

static gint64
position_for_index (EnoughStore     *self,
                    EnoughEntryList *turns,
                    guint            index)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (turns));
  gint64 before, after;

  if (n == 0)
    return ENOUGH_TURN_POSITION_STEP;
  if (index >= n)
    return enough_entry_list_get_key (turns, n - 1) + ENOUGH_TURN_POSITION_STEP;

  before = index > 0 ? enough_entry_list_get_key (turns, index - 1) : 0;
  after = enough_entry_list_get_key (turns, index);
  if (after - before >= 2)
    return before + (after - before) / 2;

  /* No room: renumber the whole dialogue (rare with the gaps). */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EnoughRecord) turn = _enough_store_get_record (self, ENOUGH_RECORD_KIND_TURN,
                                                               enough_entry_list_get_id (turns, i));
      gint64 key = (gint64) (i + 1) * 2 * ENOUGH_TURN_POSITION_STEP;

      enough_entry_list_set_key (turns, i, key);
      if (turn != NULL)
        {
          _enough_turn_set_position (ENOUGH_TURN (turn), key);
          _enough_store_record_changed (self, turn);
        }
    }
  return index > 0 ? enough_entry_list_get_key (turns, index - 1) + ENOUGH_TURN_POSITION_STEP
                   : ENOUGH_TURN_POSITION_STEP;
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
  if (!_enough_store_check_open (self))
    return NULL;

  turns = ENOUGH_ENTRY_LIST (enough_dialogue_get_turns (dialogue));
  n = g_list_model_get_n_items (G_LIST_MODEL (turns));
  at = (index < 0 || (guint) index > n) ? n : (guint) index;

  turn = _enough_turn_new ();
  _enough_store_setup_new (self, ENOUGH_RECORD (turn), ENOUGH_RECORD_KIND_TURN);
  _enough_turn_set_dialogue (turn, _enough_record_get_id (ENOUGH_RECORD (dialogue)),
                             enough_record_get_uuid (ENOUGH_RECORD (dialogue)));
  _enough_turn_set_position (turn, position_for_index (self, turns, at));
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

EnoughEntryList *
_enough_store_turns_of (EnoughStore *self,
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
  if (!_enough_store_check_open (self))
    return;

  turns = _enough_store_turns_of (self, turn);
  g_return_if_fail (turns != NULL);
  id = _enough_record_get_id (ENOUGH_RECORD (turn));
  old_index = enough_entry_list_find (turns, id);
  g_return_if_fail (old_index >= 0);
  if ((guint) old_index == new_index)
    return;

  enough_entry_list_remove (turns, id);
  n = g_list_model_get_n_items (G_LIST_MODEL (turns));
  new_index = MIN (new_index, n);
  _enough_turn_set_position (turn, position_for_index (self, turns, new_index));
  enough_entry_list_insert_at (turns, new_index, id, enough_turn_get_position (turn));
  _enough_store_record_changed (self, ENOUGH_RECORD (turn));
}

