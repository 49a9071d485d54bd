/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
/* The search index after an import (split from test-import.c to keep
 * files short). */
#include <glib/gstdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "enough-export.h"
#include "enough-import.h"
#include "enough-store-private.h"
#include "enough-store-test-hooks.h"
#include "enough-store-schema.h"
#include "enough-store-test-utils.h"
#include "import-test-helpers.h"

/* ---- The search index after an import --------------------------------
 * An import writes its rows without indexing them (the insert triggers are
 * suspended in its transaction) and records them in search_pending; the
 * worker indexes them afterwards in chunks (see "Deferred indexing" in
 * enough-store-schema.c). Meanwhile the search scans them. The finished
 * index must be the one the triggers would have built. */

/* Every indexed text with its field (rowid & 63), sorted: ids differ
 * between journals, the rest must not. */
static char *
index_dump (const char *path,
            const char *table)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT (rowid & 63) || ':' || text FROM %s ORDER BY 1", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* For comparisons in one line (the string lives until the next call). */
static const char *
index_dump_free (const char *path,
                 const char *table)
{
  static char *last[2];
  guint slot = strcmp (table, "search") == 0 ? 0 : 1;

  g_free (last[slot]);
  last[slot] = index_dump (path, table);
  return last[slot];
}

/* @n new letters (ids from @base), each with text to index (some CJK). */
static char *
letters_json (guint n,
              guint base)
{
  GString *big = g_string_new (HEAD);

  for (guint i = base; i < base + n; i++)
    g_string_append_printf (big, "%s{\"kind\":\"letter\",\"id\":\"%08x-aaaa-4aaa-8aaa-%012x\","
                            "\"created\":" TS ",\"updated\":" TS ",\"text\":\"imported letter %u "
                            "about 睡觉 and rest, said in many words so that it fills pages\"}",
                            i > base ? "," : "", i, i, i);
  g_string_append (big, TAIL);
  return g_string_free (big, FALSE);
}

/* What index_dump() must give, made from the tables by the triggers'
 * definitions (field numbers from enough-store-schema.c). */
static char *
expected_dump (const char *path,
               gboolean    cjk)
{
  static const char *const fields[][3] = {
    { "9", "title", "dialogue" }, { "10", "critic_name", "dialogue" }, { "19", "text", "turn" },
    { "28", "not_good_enough", "letter" }, { "29", "text", "letter" }, { "30", "takeaway", "letter" },
    { "39", "note", "self_check" },
  };
  g_autoptr(GString) sql = g_string_new ("SELECT line FROM (");
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *col = fields[i][1];

      if (cjk)
        g_string_append_printf (sql, "%sSELECT '%s:' || enough_cjk (%s) AS line FROM %s"
                                " WHERE enough_cjk (%s) IS NOT NULL",
                                i ? " UNION ALL " : "", fields[i][0], col, fields[i][2], col);
      else
        g_string_append_printf (sql, "%sSELECT '%s:' || %s AS line FROM %s WHERE %s != ''",
                                i ? " UNION ALL " : "", fields[i][0], col, fields[i][2], col);
    }
  g_string_append (sql, ") ORDER BY 1");

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (enough_store_schema_register (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_index_complete (const char *path)
{
  g_autofree char *index = index_dump (path, "search");
  g_autofree char *expected = expected_dump (path, FALSE);
  g_autofree char *cjk = index_dump (path, "search_cjk");
  g_autofree char *cjk_expected = expected_dump (path, TRUE);

  g_assert_cmpstr (index, ==, expected);
  g_assert_cmpstr (cjk, ==, cjk_expected);
  g_assert_nonnull (strstr (cjk, ":"));
}

/* FTS5's own check that the index matches the stored text. */
static void
assert_index_sound (const char *path)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  sqlite3_exec (db, "INSERT INTO search (search) VALUES ('integrity-check');"
                    "INSERT INTO search_cjk (search_cjk) VALUES ('integrity-check')",
                NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);
}

#define N_INSERT_TRIGGERS \
  "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN" \
  " ('dialogue_ai', 'dialogue_cjk_ai', 'turn_ai', 'turn_cjk_ai', 'letter_ai'," \
  " 'letter_cjk_ai', 'self_check_ai', 'self_check_cjk_ai')"

static guint
n_results (EnoughStore *store,
           const char  *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  gboolean complete = FALSE;

  results = enough_store_search (store, query, 50, &complete, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  g_assert_true (complete);
  return g_list_model_get_n_items (results);
}

/* Words from the entries test_search_index() writes; the journal also holds
 * generated entries, so the counts come from the trigger-built journal. */
static const char *const imported_queries[] = {
  "morning",        /* a title and a turn */
  "Taskmaster",     /* a critic's name */
  "工作",           /* two CJK characters: the character index */
  "累",             /* one */
  "担心工作",       /* 3+: trigrams */
  "실수",           /* Korean */
  "疲れた",         /* Japanese */
  "neglected",      /* a letter's "not good enough" */
  "alive",          /* a takeaway */
  "upgrade note",   /* a self-check note, two words */
};

static void
count_results (EnoughStore *store,
               guint        counts[G_N_ELEMENTS (imported_queries)])
{
  for (guint i = 0; i < G_N_ELEMENTS (imported_queries); i++)
    {
      counts[i] = n_results (store, imported_queries[i]);
      g_test_message ("“%s”: %u", imported_queries[i], counts[i]);
    }
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* What a user sees: the search as you type, and when it says it is
 * incomplete (out of its time budget), the background search. */
static guint
n_found (EnoughStore *store,
         const char  *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gboolean complete = FALSE;

  results = enough_store_search (store, query, 50, &complete, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  if (complete)
    return g_list_model_get_n_items (results);
  g_clear_object (&results);
  enough_store_search_async (store, query, 50, NULL, search_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  results = enough_store_search_finish (store, result, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (results);
}

static void
assert_imported_found_any (EnoughStore *store,
                           const guint  expected[])
{
  for (guint i = 0; i < G_N_ELEMENTS (imported_queries); i++)
    {
      guint n = n_found (store, imported_queries[i]);

      if (n != expected[i])
        g_error ("“%s” (not indexed yet): %u results, expected %u", imported_queries[i], n, expected[i]);
    }
}

#define N_PENDING "SELECT count(*) FROM search_pending"

static void
index_all (EnoughStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean more = TRUE;

  while (more)
    {
      g_assert_true (_enough_store_index_step (store, &more, &error));
      g_assert_no_error (error);
    }
}

static void
assert_imported_found (EnoughStore *store,
                       const guint  expected[G_N_ELEMENTS (imported_queries)])
{
  guint counts[G_N_ELEMENTS (imported_queries)];

  count_results (store, counts);
  for (guint i = 0; i < G_N_ELEMENTS (imported_queries); i++)
    if (counts[i] != expected[i])
      g_error ("“%s”: %u results, expected %u", imported_queries[i], counts[i], expected[i]);
}

static void
test_search_index (ImportFixture *fx,
                   gconstpointer  data)
{
  StoreFixture *f = &fx->f;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path2 = g_build_filename (f->dir, "imported.db", NULL);
  g_autofree char *index_a = NULL, *cjk_a = NULL, *index_b = NULL, *cjk_b = NULL;
  g_autoptr(EnoughImport) import = NULL;
  guint expected[G_N_ELEMENTS (imported_queries)];
  EnoughStore *store2;
  guint added = 0;

  /* Written through the API: indexed by the triggers. */
  {
    g_autoptr(EnoughDialogue) d = enough_store_create_dialogue (f->store);
    g_autoptr(EnoughTurn) t1 = NULL, t2 = NULL, t3 = NULL;
    g_autoptr(EnoughLetter) l = enough_store_create_letter (f->store);
    g_autoptr(EnoughSelfCheck) c = enough_store_create_self_check (f->store, 1);

    enough_dialogue_set_title (d, "A grey morning");
    enough_dialogue_set_critic_name (d, "the Taskmaster");
    t1 = enough_store_add_turn (f->store, d, -1, ENOUGH_SPEAKER_CRITIC, "This morning you froze again.");
    t2 = enough_store_add_turn (f->store, d, -1, ENOUGH_SPEAKER_ME, "我总是担心工作，很累。");
    t3 = enough_store_add_turn (f->store, d, -1, ENOUGH_SPEAKER_CRITIC, "오늘 발표에서 작은 실수를 했다. 今日は疲れた。");
    enough_letter_set_not_good_enough (l, "My garden looks neglected.");
    enough_letter_set_text (l, "Dear me, 工作 can wait.");
    enough_letter_set_takeaway (l, "Wild is alive.");
    enough_self_check_set_note (c, "an upgrade note");
  }
  g_assert_true (enough_store_flush (f->store, &error));
  g_assert_no_error (error);
  json = export_json (f->store);
  /* the generator's bulk index, then the triggers' */
  assert_index_complete (f->path);
  index_a = index_dump (f->path, "search");
  cjk_a = index_dump (f->path, "search_cjk");
  g_assert_nonnull (strstr (index_a, "A grey morning"));
  g_assert_nonnull (strstr (cjk_a, "工 作"));
  count_results (f->store, expected);
  for (guint i = 0; i < G_N_ELEMENTS (imported_queries); i++)
    g_assert_cmpuint (expected[i], >, 0);

  /* Imported into an empty journal: nothing indexed yet. The indexing is
   * driven by hand here, a few ids at a time. */
  _enough_store_set_background_indexing (FALSE);
  _enough_store_set_index_chunk (2);
  store2 = enough_store_open (path2, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  enough_store_set_autosave_delay (store2, G_MAXUINT);
  import = enough_import_parse_data (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_true (enough_import_write (store2, import, &added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, enough_import_get_n_entries (import));
  index_b = index_dump (path2, "search");
  g_assert_cmpstr (index_b, ==, "");
  g_clear_pointer (&index_b, g_free);
  g_assert_cmpint (query_int (path2, N_PENDING), ==, 4);  /* dialogues, turns, letters, self-checks */
  g_assert_cmpint (query_int (path2, N_INSERT_TRIGGERS), ==, 8);

  /* found right away all the same (CJK one- and two-character words too) */
  assert_imported_found_any (store2, expected);

  /* one chunk indexed, then a restart in the middle */
  {
    gboolean more = FALSE;
    g_autofree char *partial = NULL;

    g_assert_true (_enough_store_index_step (store2, &more, &error));
    g_assert_no_error (error);
    g_assert_true (more);
    partial = index_dump (path2, "search");
    g_assert_cmpstr (partial, !=, "");
    g_assert_cmpstr (partial, !=, index_a);
    assert_imported_found_any (store2, expected);
  }
  g_assert_true (enough_store_close (store2, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store2);
  store2 = enough_store_open (path2, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  enough_store_set_autosave_delay (store2, G_MAXUINT);
  g_assert_cmpint (query_int (path2, N_PENDING), >, 0);
  assert_imported_found_any (store2, expected);

  /* An edit to a row not indexed yet: the update triggers index it, and
   * the chunk that reaches it later must not add it twice. */
  g_assert_true (_enough_store_exec_on_writer (store2, "UPDATE letter SET takeaway = 'Wild is alive, still.'"
                                               " WHERE takeaway = 'Wild is alive.'", &error));
  g_assert_no_error (error);
  g_assert_true (_enough_store_exec_on_writer (store2, "UPDATE turn SET text = text || ' 新芽'"
                                               " WHERE text = 'This morning you froze again.'", &error));
  g_assert_no_error (error);
  assert_imported_found_any (store2, expected);
  index_all (store2);
  g_assert_cmpint (query_int (path2, N_PENDING), ==, 0);
  assert_index_sound (path2);
  assert_index_complete (path2);
  g_assert_true (_enough_store_exec_on_writer (store2, "UPDATE letter SET takeaway = 'Wild is alive.'"
                                               " WHERE takeaway = 'Wild is alive, still.';"
                                               "UPDATE turn SET text = 'This morning you froze again.'"
                                               " WHERE text = 'This morning you froze again. 新芽'", &error));
  g_assert_no_error (error);

  /* the same index the triggers built, sound, and the triggers back */
  index_b = index_dump (path2, "search");
  cjk_b = index_dump (path2, "search_cjk");
  g_assert_cmpstr (index_b, ==, index_a);
  g_assert_cmpstr (cjk_b, ==, cjk_a);
  assert_index_sound (path2);
  assert_index_complete (path2);
  g_assert_cmpint (query_int (path2, N_INSERT_TRIGGERS), ==, 8);

  /* found through the index, and after a restart */
  assert_imported_found (store2, expected);
  g_assert_true (enough_store_close (store2, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store2);
  store2 = enough_store_open (path2, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  enough_store_set_autosave_delay (store2, G_MAXUINT);
  assert_imported_found (store2, expected);

  /* Writes after the import are indexed by the triggers again. */
  {
    g_autoptr(EnoughLetter) l = enough_store_create_letter (store2);

    enough_letter_set_text (l, "新的一天 after the import");
    g_assert_true (enough_store_flush (store2, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_results (store2, "after the import"), ==, 1);
    g_assert_cmpuint (n_results (store2, "新"), ==, 1);
  }

  /* Re-importing adds nothing and leaves the index as it is. */
  {
    g_autofree char *before = index_dump (path2, "search");
    g_autofree char *after = NULL;

    g_clear_pointer (&import, enough_import_free);
    import = enough_import_parse_data (json, strlen (json), &error);
    g_assert_true (enough_import_write (store2, import, &added, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 0);
    after = index_dump (path2, "search");
    g_assert_cmpstr (after, ==, before);
    g_assert_cmpint (query_int (path2, N_PENDING), ==, 0);
  }

  g_assert_true (enough_store_close (store2, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store2);
  assert_index_sound (path2);
  _enough_store_set_background_indexing (TRUE);
  _enough_store_set_index_chunk (0);
}

/* An import that fails while writing (here: the disk fills up) leaves no
 * rows, no index entries and all the triggers; a retry then works. */
static void
test_failed_write_leaves_no_index (ImportFixture *fx,
                                   gconstpointer  data)
{
  StoreFixture *f = &fx->f;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *index_before = NULL, *cjk_before = NULL;
  g_autoptr(GString) big = g_string_new (HEAD);
  g_autoptr(EnoughImport) import = NULL;
  gint64 pages;
  guint added = 0;
  guint n_failures = 0;

  _enough_store_set_background_indexing (FALSE);
  g_string_free (g_steal_pointer (&big), TRUE);
  json = letters_json (300, 0);
  import = enough_import_parse_data (json, strlen (json), &error);
  g_assert_no_error (error);

  index_before = index_dump (f->path, "search");
  cjk_before = index_dump (f->path, "search_cjk");
  pages = query_int (f->path, "PRAGMA page_count");

  /* Ever more room, so it fails at every stage of the write (rows, the
   * pending ranges, the commit), until it fits. */
  for (gint64 margin = 4; ; margin += 4)
    {
      g_autofree char *index_after = NULL, *cjk_after = NULL;
      g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + margin);
      gboolean ok;

      g_assert_true (_enough_store_exec_on_writer (f->store, sql, &error));
      g_assert_no_error (error);
      ok = enough_import_write (f->store, import, &added, NULL, &error);
      if (ok)
        {
          g_assert_no_error (error);
          g_test_message ("fits with %" G_GINT64_FORMAT " more pages, after %u failures",
                          margin, n_failures);
          break;
        }
      g_assert_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_DISK_FULL);
      g_clear_error (&error);
      n_failures++;

      index_after = index_dump (f->path, "search");
      cjk_after = index_dump (f->path, "search_cjk");
      g_assert_cmpstr (index_after, ==, index_before);
      g_assert_cmpstr (cjk_after, ==, cjk_before);
      g_assert_cmpint (query_int (f->path, N_INSERT_TRIGGERS), ==, 8);
      g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM letter WHERE text LIKE 'imported letter%'"), ==, 0);
      g_assert_cmpuint (n_results (f->store, "睡觉"), ==, 0);
    }
  g_assert_cmpuint (n_failures, >=, 3);
  assert_index_sound (f->path);
  g_assert_cmpuint (added, ==, 300);
  g_assert_cmpuint (n_found (f->store, "睡觉"), ==, 50);  /* the limit per kind */
  g_assert_cmpuint (n_found (f->store, "imported letter 299 "), ==, 1);

  /* The deferred indexing fails too while the disk is full: each chunk
   * leaves nothing half done, and the search still finds everything. */
  {
    g_autofree char *index_full = index_dump (f->path, "search");
    g_autofree char *cjk_full = index_dump (f->path, "search_cjk");
    gint64 pending = query_int (f->path, "SELECT sum(last_id - first_id) FROM search_pending");
    gboolean more = FALSE;

    g_assert_false (_enough_store_index_step (f->store, &more, &error));
    g_assert_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_DISK_FULL);
    g_clear_error (&error);
    g_assert_cmpstr (index_dump_free (f->path, "search"), ==, index_full);
    g_assert_cmpstr (index_dump_free (f->path, "search_cjk"), ==, cjk_full);
    g_assert_cmpint (query_int (f->path, "SELECT sum(last_id - first_id) FROM search_pending"), ==, pending);
    g_assert_cmpuint (n_found (f->store, "睡觉"), ==, 50);
  }

  /* and once there is room, everything is indexed */
  g_assert_true (_enough_store_exec_on_writer (f->store, "PRAGMA max_page_count = 1073741823", &error));
  g_assert_no_error (error);
  index_all (f->store);
  g_assert_cmpuint (n_results (f->store, "睡觉"), ==, 50);
  g_assert_cmpint (query_int (f->path, N_INSERT_TRIGGERS), ==, 8);
  g_assert_cmpuint (n_results (f->store, "imported letter 299 "), ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM search_cjk WHERE search_cjk MATCH '\"睡 觉\"'"), ==, 300);
  assert_index_sound (f->path);
  assert_index_complete (f->path);
  _enough_store_set_background_indexing (TRUE);
}

/* The store indexes an import by itself, in the background; a close in the
 * middle leaves the rest for the next open, which carries on. */
static void
test_background_index (ImportFixture *fx,
                       gconstpointer  data)
{
  StoreFixture *f = &fx->f;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = letters_json (200, 0);
  g_autofree char *json2 = letters_json (200, 1000);
  g_autoptr(EnoughImport) import = enough_import_parse_data (json, strlen (json), &error);
  g_autoptr(EnoughImport) import2 = NULL;
  guint added = 0;

  g_assert_no_error (error);
  _enough_store_set_index_chunk (16);
  g_assert_true (enough_import_write (f->store, import, &added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 200);
  while (query_int (f->path, N_PENDING) > 0)
    g_main_context_iteration (NULL, TRUE);
  assert_index_complete (f->path);
  assert_index_sound (f->path);
  g_assert_cmpuint (n_results (f->store, "imported letter 199 "), ==, 1);

  /* a second import, and a close before the worker is through */
  import2 = enough_import_parse_data (json2, strlen (json2), &error);
  g_assert_no_error (error);
  g_assert_true (enough_import_write (f->store, import2, &added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 200);
  g_assert_true (enough_store_close (f->store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (f->store);
  g_assert_cmpint (query_int (f->path, N_PENDING), >, 0);
  assert_index_sound (f->path);

  f->store = enough_store_open (f->path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_found (f->store, "imported letter 1199 "), ==, 1);
  g_assert_cmpuint (n_found (f->store, "睡觉"), ==, 50);
  while (query_int (f->path, N_PENDING) > 0)
    g_main_context_iteration (NULL, TRUE);
  assert_index_complete (f->path);
  assert_index_sound (f->path);
  g_assert_cmpuint (n_results (f->store, "imported letter 1199 "), ==, 1);
  g_assert_cmpuint (n_results (f->store, "letter 123"), ==, 2);  /* 123 and 1123 */
  _enough_store_set_index_chunk (0);
}

/* A version 3 journal gets the table of pending ranges, empty. */
static void
test_migrate_v3 (ImportFixture *fx,
                 gconstpointer  data)
{
  StoreFixture *f = &fx->f;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = letters_json (20, 0);
  g_autoptr(EnoughImport) import = enough_import_parse_data (json, strlen (json), &error);
  sqlite3 *db = NULL;
  guint added = 0;

  g_assert_no_error (error);
  g_assert_true (enough_store_close (f->store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (f->store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE search_pending; DROP TABLE experiment; DROP TABLE checkin;"
                                 " DROP TABLE critic_draft; DROP TRIGGER critic_draft_ad;"
                                 " PRAGMA user_version = 3",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, 3);

  f->store = enough_store_open (f->path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, ENOUGH_STORE_SCHEMA_VERSION);
  g_assert_cmpint (ENOUGH_STORE_SCHEMA_VERSION, ==, 7);
  g_assert_cmpint (query_int (f->path, N_PENDING), ==, 0);
  _enough_store_set_background_indexing (FALSE);
  g_assert_true (enough_import_write (f->store, import, &added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 20);
  g_assert_cmpint (query_int (f->path, N_PENDING), ==, 1);
  g_assert_cmpuint (n_found (f->store, "imported letter 19 "), ==, 1);
  index_all (f->store);
  assert_index_complete (f->path);
  _enough_store_set_background_indexing (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/search-index", ImportFixture, NULL, import_setup, test_search_index, import_teardown);
  g_test_add ("/import/failed-write-leaves-no-index", ImportFixture, NULL, import_setup,
              test_failed_write_leaves_no_index, import_teardown);
  g_test_add ("/import/background-index", ImportFixture, NULL, import_setup, test_background_index, import_teardown);
  g_test_add ("/import/migrate-v3", ImportFixture, NULL, import_setup, test_migrate_v3, import_teardown);

  return g_test_run ();
}
