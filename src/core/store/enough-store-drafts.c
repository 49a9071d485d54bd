/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include "enough-json-reader.h"
#include "enough-store-private.h"
#include "enough-tables.h"

/* The Inner Critic's unsent composer text, in the journal's critic_draft
 * table (schema version 7): so an encrypted journal keeps it encrypted
 * like every other word. Before version 7 it was a plain JSON file beside
 * the journal; the first open moves that file in and removes it. */

#define LEGACY_FILE_NAME "critic-drafts.json"

EnoughDraft *
enough_draft_new (const char    *dialogue_uuid,
                  EnoughSpeaker  speaker,
                  const char    *text)
{
  EnoughDraft *draft = g_new0 (EnoughDraft, 1);

  draft->dialogue_uuid = g_strdup (dialogue_uuid);
  draft->speaker = speaker;
  draft->text = g_strdup (text);
  return draft;
}

void
enough_draft_free (EnoughDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->dialogue_uuid);
  g_free (draft->text);
  g_free (draft);
}

static char *draft_select_sql;
static char *draft_insert_sql;

static void
make_sql (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      const EnoughTable *table = enough_table_critic_draft ();
      g_autofree char *columns = enough_table_column_list (table, "");

      draft_select_sql = g_strdup_printf ("SELECT %s FROM %s", columns, table->name);
      draft_insert_sql = enough_table_insert_sql (table, " ON CONFLICT DO NOTHING");
      g_once_init_leave (&done, 1);
    }
}

GPtrArray *
enough_store_list_drafts (EnoughStore  *self,
                          GError      **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) enough_draft_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);

  if (!_enough_store_check_not_closed (self, error))
    return NULL;
  stmt = _enough_store_cached_stmt (_enough_store_get_read_db (self), _enough_store_get_read_stmts (self),
                                    (make_sql (), draft_select_sql), "drafts", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 speaker = sqlite3_column_int64 (stmt, ENOUGH_DRAFT_COL_SPEAKER);

      g_ptr_array_add (drafts, enough_draft_new ((const char *) sqlite3_column_text (stmt, ENOUGH_DRAFT_COL_DIALOGUE_UUID),
                                                 speaker == ENOUGH_SPEAKER_ME ? ENOUGH_SPEAKER_ME
                                                                              : ENOUGH_SPEAKER_CRITIC,
                                                 (const char *) sqlite3_column_text (stmt, ENOUGH_DRAFT_COL_TEXT)));
    }
  if (rc != SQLITE_DONE)
    {
      _enough_store_set_sqlite_error (error, _enough_store_get_read_db (self), rc, "drafts");
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&drafts);
}

/* @stmts: the worker's statement cache, or NULL for a statement of its own. */
static gboolean
insert_drafts (sqlite3    *db,
               GHashTable *stmts,
               GPtrArray  *drafts,
               GError    **error)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  make_sql ();
  stmt = _enough_store_cached_stmt (db, stmts, draft_insert_sql, "drafts", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < drafts->len && rc == SQLITE_DONE; i++)
    {
      EnoughDraft *draft = g_ptr_array_index (drafts, i);

      if (draft->dialogue_uuid == NULL || draft->text == NULL || draft->text[0] == '\0')
        continue;
      sqlite3_bind_text (stmt, ENOUGH_DRAFT_COL_DIALOGUE_UUID + 1, draft->dialogue_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, ENOUGH_DRAFT_COL_SPEAKER + 1, draft->speaker);
      sqlite3_bind_text (stmt, ENOUGH_DRAFT_COL_TEXT + 1, draft->text, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  if (rc != SQLITE_DONE)
    _enough_store_set_sqlite_error (error, db, rc, "drafts");
  if (stmts == NULL)
    sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* On the worker: the whole set replaced in one transaction, so a crash
 * leaves either the previous drafts or the new ones. */
gboolean
_enough_store_write_drafts (sqlite3     *db,
                            GHashTable  *stmts,
                            GPtrArray   *drafts,
                            GError     **error)
{
  if (!_enough_store_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!_enough_store_exec (db, "DELETE FROM critic_draft", error) ||
      !insert_drafts (db, stmts, drafts, error) ||
      !_enough_store_exec (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

void
enough_store_save_drafts (EnoughStore *self,
                          GPtrArray   *drafts)
{
  Job *job;

  g_return_if_fail (ENOUGH_IS_STORE (self));
  g_return_if_fail (drafts != NULL);

  /* A window may still hold its journal after the application closed it
   * (locking, restoring a backup): what the page hands back then has no
   * journal to go to. */
  if (self->closed)
    {
      g_debug ("Unsent drafts not kept: the journal is closed");
      return;
    }
  job = _enough_store_job_new (self, JOB_DRAFTS);
  job->drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) enough_draft_free);
  for (guint i = 0; i < drafts->len; i++)
    {
      EnoughDraft *draft = g_ptr_array_index (drafts, i);

      g_ptr_array_add (job->drafts, enough_draft_new (draft->dialogue_uuid, draft->speaker, draft->text));
    }
  /* After the writes queued before it; close() runs it before quitting. */
  g_async_queue_push (self->queue, job);
}

/* ---- The plain file of versions before 7 --------------------------------- */

char *
_enough_store_legacy_drafts_path (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, LEGACY_FILE_NAME, NULL);
}

/* The member @name of the object vals[@obj], or 0 (the root is never a
 * member). */
static guint
member (GArray     *vals,
        GString    *arena,
        guint       obj,
        const char *name)
{
  const EnoughJsonValue *o = &g_array_index (vals, EnoughJsonValue, obj);

  if (o->type != ENOUGH_JSON_VALUE_OBJECT)
    return 0;
  for (guint i = obj + 1; i < o->end; i = g_array_index (vals, EnoughJsonValue, i).end)
    if (g_strcmp0 (arena->str + g_array_index (vals, EnoughJsonValue, i).key, name) == 0)
      return i;
  return 0;
}

static const char *
string_member (GArray     *vals,
               GString    *arena,
               guint       obj,
               const char *name,
               const char *fallback)
{
  guint i = member (vals, arena, obj, name);

  if (i == 0 || g_array_index (vals, EnoughJsonValue, i).type != ENOUGH_JSON_VALUE_STRING)
    return fallback;
  return arena->str + g_array_index (vals, EnoughJsonValue, i).v.s.off;
}

/* {"version": 1, "drafts": {"<dialogue uuid>": {"speaker": "me", "text": "…"}}},
 * read with the importer's strict, bounded reader. */
static GPtrArray *
read_legacy_file (const char  *path,
                  GError     **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) enough_draft_free);
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autoptr(GString) arena = g_string_new (NULL);
  g_autoptr(GArray) vals = g_array_new (FALSE, FALSE, sizeof (EnoughJsonValue));
  g_autofree char *contents = NULL;
  EnoughJsonReader ps = { 0 };
  gsize length = 0;
  guint obj;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  ps.start = ps.p = contents;
  ps.end = contents + length;
  ps.keys = keys;
  ps.vals = vals;
  ps.arena = arena;
  ps.error = error;
  enough_json_reader_skip_ws (&ps);
  if (!enough_json_reader_read_tree (&ps))
    return NULL;

  obj = member (vals, arena, 0, "drafts");
  if (obj == 0 || g_array_index (vals, EnoughJsonValue, obj).type != ENOUGH_JSON_VALUE_OBJECT)
    return g_steal_pointer (&drafts);
  for (guint i = obj + 1; i < g_array_index (vals, EnoughJsonValue, obj).end;
       i = g_array_index (vals, EnoughJsonValue, i).end)
    {
      EnoughSpeaker speaker = ENOUGH_SPEAKER_CRITIC;

      if (g_array_index (vals, EnoughJsonValue, i).type != ENOUGH_JSON_VALUE_OBJECT)
        continue;
      enough_speaker_from_string (string_member (vals, arena, i, "speaker", "critic"), &speaker);
      g_ptr_array_add (drafts, enough_draft_new (arena->str + g_array_index (vals, EnoughJsonValue, i).key,
                                                 speaker, string_member (vals, arena, i, "text", "")));
    }
  return g_steal_pointer (&drafts);
}

/* Right after open (the schema is at version 7), on the write connection
 * before the worker starts: the old file's drafts go into the table (those
 * already there win), committed, then the file is removed, so no plain
 * copy of the words stays beside an encrypted journal. A file that cannot
 * be read is removed too: the old code would have overwritten it. */
gboolean
_enough_store_take_legacy_drafts (sqlite3     *db,
                                  const char  *db_path,
                                  GError     **error)
{
  g_autofree char *path = _enough_store_legacy_drafts_path (db_path);
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  drafts = read_legacy_file (path, &read_error);
  if (drafts == NULL)
    g_warning ("The unsent drafts in %s could not be read: %s", path, read_error->message);
  else
    {
      if (!_enough_store_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!insert_drafts (db, NULL, drafts, error) ||
          !_enough_store_exec (db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  if (g_unlink (path) != 0)
    g_warning ("Could not remove %s: %s", path, g_strerror (errno));
  return TRUE;
}
