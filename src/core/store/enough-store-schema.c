/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-store-schema.h"
#include "enough-store-schema-check.h"
#include "enough-store-private.h"
#include "enough-tables.h"

/* Version 1: the four record tables. Kept verbatim: a fresh journal is made
 * by running every step from 1, so new and migrated journals are the same,
 * and tests/fixtures/journal-v1.sql must match this. */
static const char schema_v1[] =
  "CREATE TABLE dialogue ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  deleted_at INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  critic_name TEXT NOT NULL DEFAULT '',"
  "  intensity_start INTEGER NOT NULL DEFAULT -1,"
  "  intensity_end INTEGER NOT NULL DEFAULT -1,"
  "  prompt_step INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX dialogue_list ON dialogue (created, id) WHERE deleted_at = 0;"
  "CREATE INDEX dialogue_deleted ON dialogue (deleted_at) WHERE deleted_at != 0;"
  "CREATE TABLE turn ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  deleted_at INTEGER NOT NULL DEFAULT 0,"
  "  dialogue_id INTEGER NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  speaker INTEGER NOT NULL,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  patterns INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX turn_order ON turn (dialogue_id, position, id);"
  "CREATE INDEX turn_deleted ON turn (deleted_at) WHERE deleted_at != 0;"
  "CREATE TABLE letter ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  deleted_at INTEGER NOT NULL DEFAULT 0,"
  "  not_good_enough TEXT NOT NULL DEFAULT '',"
  "  feelings INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  step INTEGER NOT NULL DEFAULT 0,"
  "  reread INTEGER NOT NULL DEFAULT 0,"
  "  reread_at INTEGER NOT NULL DEFAULT 0,"
  "  reread_done_at INTEGER NOT NULL DEFAULT 0,"
  "  takeaway TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX letter_list ON letter (created, id) WHERE deleted_at = 0;"
  "CREATE INDEX letter_deleted ON letter (deleted_at) WHERE deleted_at != 0;"
  "CREATE INDEX letter_due ON letter (reread_at) WHERE reread_at > 0 AND reread_done_at = 0 AND deleted_at = 0;"
  "CREATE TABLE self_check ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  deleted_at INTEGER NOT NULL DEFAULT 0,"
  "  bank_version INTEGER NOT NULL,"
  "  answers TEXT NOT NULL DEFAULT '000000000000000000000000',"
  "  current_index INTEGER NOT NULL DEFAULT 0,"
  "  completed_at INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX self_check_list ON self_check (created, id) WHERE deleted_at = 0;"
  "CREATE INDEX self_check_deleted ON self_check (deleted_at) WHERE deleted_at != 0;"
  "CREATE INDEX self_check_open ON self_check (created) WHERE completed_at = 0 AND deleted_at = 0;";

/* Version 2: self-check notes, and the full-text index over every piece of
 * user text. The index rowid encodes where the text lives:
 *   rowid = record id * 64 + kind * 8 + field
 * (kind as in EnoughRecordKind, field its EnoughSearchField's slot,
 * ENOUGH_SEARCH_SLOT: kinds up to 7, 8 fields a kind), so triggers
 * find their row by rowid and a hit needs no extra column. Trigram makes
 * any substring of 3+ characters findable in any script, CJK included. */
static const char schema_v2[] =
  "ALTER TABLE self_check ADD COLUMN note TEXT NOT NULL DEFAULT '';"
  "CREATE VIRTUAL TABLE search USING fts5 (text, tokenize = 'trigram');"
  /* dialogue: title 9, critic name 10 */
  "CREATE TRIGGER dialogue_ai AFTER INSERT ON dialogue BEGIN"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 9, new.title WHERE new.title != '';"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 10, new.critic_name WHERE new.critic_name != '';"
  "END;"
  "CREATE TRIGGER dialogue_au_title AFTER UPDATE OF title ON dialogue WHEN old.title IS NOT new.title BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 9;"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 9, new.title WHERE new.title != '';"
  "END;"
  "CREATE TRIGGER dialogue_au_critic AFTER UPDATE OF critic_name ON dialogue WHEN old.critic_name IS NOT new.critic_name BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 10;"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 10, new.critic_name WHERE new.critic_name != '';"
  "END;"
  "CREATE TRIGGER dialogue_ad AFTER DELETE ON dialogue BEGIN"
  "  DELETE FROM search WHERE rowid IN (old.id * 64 + 9, old.id * 64 + 10);"
  "END;"
  /* turn: text 19 */
  "CREATE TRIGGER turn_ai AFTER INSERT ON turn BEGIN"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 19, new.text WHERE new.text != '';"
  "END;"
  "CREATE TRIGGER turn_au AFTER UPDATE OF text ON turn WHEN old.text IS NOT new.text BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 19;"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 19, new.text WHERE new.text != '';"
  "END;"
  "CREATE TRIGGER turn_ad AFTER DELETE ON turn BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 19;"
  "END;"
  /* letter: not good enough 28, letter 29, takeaway 30 */
  "CREATE TRIGGER letter_ai AFTER INSERT ON letter BEGIN"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 28, new.not_good_enough WHERE new.not_good_enough != '';"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 29, new.text WHERE new.text != '';"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 30, new.takeaway WHERE new.takeaway != '';"
  "END;"
  "CREATE TRIGGER letter_au_nge AFTER UPDATE OF not_good_enough ON letter WHEN old.not_good_enough IS NOT new.not_good_enough BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 28;"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 28, new.not_good_enough WHERE new.not_good_enough != '';"
  "END;"
  "CREATE TRIGGER letter_au_text AFTER UPDATE OF text ON letter WHEN old.text IS NOT new.text BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 29;"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 29, new.text WHERE new.text != '';"
  "END;"
  "CREATE TRIGGER letter_au_takeaway AFTER UPDATE OF takeaway ON letter WHEN old.takeaway IS NOT new.takeaway BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 30;"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 30, new.takeaway WHERE new.takeaway != '';"
  "END;"
  "CREATE TRIGGER letter_ad AFTER DELETE ON letter BEGIN"
  "  DELETE FROM search WHERE rowid IN (old.id * 64 + 28, old.id * 64 + 29, old.id * 64 + 30);"
  "END;"
  /* self-check: note 39 */
  "CREATE TRIGGER self_check_ai AFTER INSERT ON self_check BEGIN"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 39, new.note WHERE new.note != '';"
  "END;"
  "CREATE TRIGGER self_check_au AFTER UPDATE OF note ON self_check WHEN old.note IS NOT new.note BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 39;"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 39, new.note WHERE new.note != '';"
  "END;"
  "CREATE TRIGGER self_check_ad AFTER DELETE ON self_check BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 39;"
  "END;"
  /* index what version 1 already held */
  "INSERT INTO search (rowid, text) SELECT id * 64 + 9, title FROM dialogue WHERE title != '';"
  "INSERT INTO search (rowid, text) SELECT id * 64 + 10, critic_name FROM dialogue WHERE critic_name != '';"
  "INSERT INTO search (rowid, text) SELECT id * 64 + 19, text FROM turn WHERE text != '';"
  "INSERT INTO search (rowid, text) SELECT id * 64 + 28, not_good_enough FROM letter WHERE not_good_enough != '';"
  "INSERT INTO search (rowid, text) SELECT id * 64 + 29, text FROM letter WHERE text != '';"
  "INSERT INTO search (rowid, text) SELECT id * 64 + 30, takeaway FROM letter WHERE takeaway != '';";

/* Version 3: an index of single CJK characters, so the one- and two-
 * character words that are everyday queries in Chinese, Japanese and
 * Korean (and that trigrams cannot index) are found through an index too.
 * enough_cjk() (registered on the write connection) keeps only the CJK
 * characters, one token each, with "x" standing for anything between, so
 * the phrase "工 作" matches 工作 but not 工x作. Same rowids as `search`. */
#define CJK_INSERT(rowid, col) \
  "  INSERT INTO search_cjk (rowid, text) SELECT " rowid ", enough_cjk (" col ")" \
  " WHERE enough_cjk (" col ") IS NOT NULL;"
#define CJK_UPDATE(name, table, column, rowid) \
  "CREATE TRIGGER " name " AFTER UPDATE OF " column " ON " table \
  " WHEN old." column " IS NOT new." column " BEGIN" \
  "  DELETE FROM search_cjk WHERE rowid = old.id * 64 + " rowid ";" \
  CJK_INSERT ("new.id * 64 + " rowid, "new." column) \
  "END;"

static const char schema_v3[] =
  "CREATE VIRTUAL TABLE search_cjk USING fts5 (text, tokenize = 'unicode61');"
  "CREATE TRIGGER dialogue_cjk_ai AFTER INSERT ON dialogue BEGIN"
  CJK_INSERT ("new.id * 64 + 9", "new.title")
  CJK_INSERT ("new.id * 64 + 10", "new.critic_name")
  "END;"
  CJK_UPDATE ("dialogue_cjk_au_title", "dialogue", "title", "9")
  CJK_UPDATE ("dialogue_cjk_au_critic", "dialogue", "critic_name", "10")
  "CREATE TRIGGER dialogue_cjk_ad AFTER DELETE ON dialogue BEGIN"
  "  DELETE FROM search_cjk WHERE rowid IN (old.id * 64 + 9, old.id * 64 + 10);"
  "END;"
  "CREATE TRIGGER turn_cjk_ai AFTER INSERT ON turn BEGIN"
  CJK_INSERT ("new.id * 64 + 19", "new.text")
  "END;"
  CJK_UPDATE ("turn_cjk_au", "turn", "text", "19")
  "CREATE TRIGGER turn_cjk_ad AFTER DELETE ON turn BEGIN"
  "  DELETE FROM search_cjk WHERE rowid = old.id * 64 + 19;"
  "END;"
  "CREATE TRIGGER letter_cjk_ai AFTER INSERT ON letter BEGIN"
  CJK_INSERT ("new.id * 64 + 28", "new.not_good_enough")
  CJK_INSERT ("new.id * 64 + 29", "new.text")
  CJK_INSERT ("new.id * 64 + 30", "new.takeaway")
  "END;"
  CJK_UPDATE ("letter_cjk_au_nge", "letter", "not_good_enough", "28")
  CJK_UPDATE ("letter_cjk_au_text", "letter", "text", "29")
  CJK_UPDATE ("letter_cjk_au_takeaway", "letter", "takeaway", "30")
  "CREATE TRIGGER letter_cjk_ad AFTER DELETE ON letter BEGIN"
  "  DELETE FROM search_cjk WHERE rowid IN (old.id * 64 + 28, old.id * 64 + 29, old.id * 64 + 30);"
  "END;"
  "CREATE TRIGGER self_check_cjk_ai AFTER INSERT ON self_check BEGIN"
  CJK_INSERT ("new.id * 64 + 39", "new.note")
  "END;"
  CJK_UPDATE ("self_check_cjk_au", "self_check", "note", "39")
  "CREATE TRIGGER self_check_cjk_ad AFTER DELETE ON self_check BEGIN"
  "  DELETE FROM search_cjk WHERE rowid = old.id * 64 + 39;"
  "END;"
  /* index what is already there, from the trigram table's copy */
  "INSERT INTO search_cjk (rowid, text) SELECT rowid, enough_cjk (text) FROM search"
  " WHERE enough_cjk (text) IS NOT NULL;";

/* Version 4: rows an import wrote but did not index yet, per kind, as one
 * range of ids (see "Deferred indexing" below). */
static const char schema_v4[] =
  "CREATE TABLE search_pending (kind INTEGER PRIMARY KEY,"
  "  first_id INTEGER NOT NULL, last_id INTEGER NOT NULL);";

/* Version 5: behavioural experiments (kind 5, index slots 40..46: the
 * fields' ENOUGH_SEARCH_SLOT). Ratings are 0–100, -1 = not given; due_at
 * is usec UTC, 0 = no date. */
#define EXPERIMENT_AU(name, column, rowid) \
  "CREATE TRIGGER " name " AFTER UPDATE OF " column " ON experiment" \
  " WHEN old." column " IS NOT new." column " BEGIN" \
  "  DELETE FROM search WHERE rowid = old.id * 64 + " rowid ";" \
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + " rowid ", new." column \
  " WHERE new." column " != '';" \
  "END;"
#define EXPERIMENT_AI(column, rowid) \
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + " rowid ", new." column \
  " WHERE new." column " != '';"
#define EXPERIMENT_ROWIDS(prefix) \
  prefix "40, " prefix "41, " prefix "42, " prefix "43, " prefix "44, " prefix "45, " prefix "46"

static const char schema_v5[] =
  "CREATE TABLE experiment ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  deleted_at INTEGER NOT NULL DEFAULT 0,"
  "  belief TEXT NOT NULL DEFAULT '',"
  "  belief_rating INTEGER NOT NULL DEFAULT -1,"
  "  prediction TEXT NOT NULL DEFAULT '',"
  "  prediction_likelihood INTEGER NOT NULL DEFAULT -1,"
  "  experiment_kind INTEGER NOT NULL DEFAULT 0,"
  "  action TEXT NOT NULL DEFAULT '',"
  "  due_at INTEGER NOT NULL DEFAULT 0,"
  "  due_has_time INTEGER NOT NULL DEFAULT 0,"
  "  obstacles TEXT NOT NULL DEFAULT '',"
  "  alternative TEXT NOT NULL DEFAULT '',"
  "  alternative_rating INTEGER NOT NULL DEFAULT -1,"
  "  outcome TEXT NOT NULL DEFAULT '',"
  "  came_true INTEGER NOT NULL DEFAULT 0,"
  "  learned TEXT NOT NULL DEFAULT '',"
  "  belief_after INTEGER NOT NULL DEFAULT -1,"
  "  alternative_after INTEGER NOT NULL DEFAULT -1);"
  "CREATE INDEX experiment_list ON experiment (created, id) WHERE deleted_at = 0;"
  "CREATE INDEX experiment_deleted ON experiment (deleted_at) WHERE deleted_at != 0;"
  "CREATE INDEX experiment_due ON experiment (due_at) WHERE due_at > 0 AND deleted_at = 0;"
  "CREATE TRIGGER experiment_ai AFTER INSERT ON experiment BEGIN"
  EXPERIMENT_AI ("belief", "40")
  EXPERIMENT_AI ("prediction", "41")
  EXPERIMENT_AI ("action", "42")
  EXPERIMENT_AI ("obstacles", "43")
  EXPERIMENT_AI ("alternative", "44")
  EXPERIMENT_AI ("outcome", "45")
  EXPERIMENT_AI ("learned", "46")
  "END;"
  EXPERIMENT_AU ("experiment_au_belief", "belief", "40")
  EXPERIMENT_AU ("experiment_au_prediction", "prediction", "41")
  EXPERIMENT_AU ("experiment_au_action", "action", "42")
  EXPERIMENT_AU ("experiment_au_obstacles", "obstacles", "43")
  EXPERIMENT_AU ("experiment_au_alternative", "alternative", "44")
  EXPERIMENT_AU ("experiment_au_outcome", "outcome", "45")
  EXPERIMENT_AU ("experiment_au_learned", "learned", "46")
  "CREATE TRIGGER experiment_ad AFTER DELETE ON experiment BEGIN"
  "  DELETE FROM search WHERE rowid IN (" EXPERIMENT_ROWIDS ("old.id * 64 + ") ");"
  "END;"
  "CREATE TRIGGER experiment_cjk_ai AFTER INSERT ON experiment BEGIN"
  CJK_INSERT ("new.id * 64 + 40", "new.belief")
  CJK_INSERT ("new.id * 64 + 41", "new.prediction")
  CJK_INSERT ("new.id * 64 + 42", "new.action")
  CJK_INSERT ("new.id * 64 + 43", "new.obstacles")
  CJK_INSERT ("new.id * 64 + 44", "new.alternative")
  CJK_INSERT ("new.id * 64 + 45", "new.outcome")
  CJK_INSERT ("new.id * 64 + 46", "new.learned")
  "END;"
  CJK_UPDATE ("experiment_cjk_au_belief", "experiment", "belief", "40")
  CJK_UPDATE ("experiment_cjk_au_prediction", "experiment", "prediction", "41")
  CJK_UPDATE ("experiment_cjk_au_action", "experiment", "action", "42")
  CJK_UPDATE ("experiment_cjk_au_obstacles", "experiment", "obstacles", "43")
  CJK_UPDATE ("experiment_cjk_au_alternative", "experiment", "alternative", "44")
  CJK_UPDATE ("experiment_cjk_au_outcome", "experiment", "outcome", "45")
  CJK_UPDATE ("experiment_cjk_au_learned", "experiment", "learned", "46")
  "CREATE TRIGGER experiment_cjk_ad AFTER DELETE ON experiment BEGIN"
  "  DELETE FROM search_cjk WHERE rowid IN (" EXPERIMENT_ROWIDS ("old.id * 64 + ") ");"
  "END;";

/* Version 6: the daily check-ins (kind 6; index slots 48 = reflection,
 * 55 = note: the fields' ENOUGH_SEARCH_SLOT). day is "YYYY-MM-DD", one
 * per day (kept by the store, not by a constraint, so that an import of
 * another device's day never fails half-way); numbers are -1 when not
 * given, daylight in half hours. */
#define CHECKIN_AU(name, column, rowid) \
  "CREATE TRIGGER " name " AFTER UPDATE OF " column " ON checkin" \
  " WHEN old." column " IS NOT new." column " BEGIN" \
  "  DELETE FROM search WHERE rowid = old.id * 64 + " rowid ";" \
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + " rowid ", new." column \
  " WHERE new." column " != '';" \
  "END;"

static const char schema_v6[] =
  "CREATE TABLE checkin ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  deleted_at INTEGER NOT NULL DEFAULT 0,"
  "  day TEXT NOT NULL,"
  "  mood INTEGER NOT NULL DEFAULT -1,"
  "  energy INTEGER NOT NULL DEFAULT -1,"
  "  daylight INTEGER NOT NULL DEFAULT -1,"
  "  morning_outside INTEGER NOT NULL DEFAULT -1,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  reflection TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX checkin_list ON checkin (created, id) WHERE deleted_at = 0;"
  "CREATE INDEX checkin_deleted ON checkin (deleted_at) WHERE deleted_at != 0;"
  "CREATE INDEX checkin_day ON checkin (day) WHERE deleted_at = 0;"
  "CREATE TRIGGER checkin_ai AFTER INSERT ON checkin BEGIN"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 55, new.note WHERE new.note != '';"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 48, new.reflection WHERE new.reflection != '';"
  "END;"
  CHECKIN_AU ("checkin_au_note", "note", "55")
  CHECKIN_AU ("checkin_au_reflection", "reflection", "48")
  "CREATE TRIGGER checkin_ad AFTER DELETE ON checkin BEGIN"
  "  DELETE FROM search WHERE rowid IN (old.id * 64 + 48, old.id * 64 + 55);"
  "END;"
  "CREATE TRIGGER checkin_cjk_ai AFTER INSERT ON checkin BEGIN"
  CJK_INSERT ("new.id * 64 + 55", "new.note")
  CJK_INSERT ("new.id * 64 + 48", "new.reflection")
  "END;"
  CJK_UPDATE ("checkin_cjk_au_note", "checkin", "note", "55")
  CJK_UPDATE ("checkin_cjk_au_reflection", "checkin", "reflection", "48")
  "CREATE TRIGGER checkin_cjk_ad AFTER DELETE ON checkin BEGIN"
  "  DELETE FROM search_cjk WHERE rowid IN (old.id * 64 + 48, old.id * 64 + 55);"
  "END;";

/* The Inner Critic's unsent composer text, one per dialogue: kept in the
 * journal so that an encrypted journal keeps it encrypted (it was a plain
 * file beside the journal before). Not an entry: no search, no export. It
 * goes when its dialogue's row goes. */
static const char schema_v7[] =
  "CREATE TABLE critic_draft ("
  "  dialogue_uuid TEXT NOT NULL PRIMARY KEY,"
  "  speaker INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL DEFAULT '');"
  "CREATE TRIGGER critic_draft_ad AFTER DELETE ON dialogue BEGIN"
  "  DELETE FROM critic_draft WHERE dialogue_uuid = old.uuid;"
  "END;";

static const char *const steps[] = {
  schema_v1,
  schema_v2,
  schema_v3,
  schema_v4,
  schema_v5,
  schema_v6,
  schema_v7,
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == ENOUGH_STORE_SCHEMA_VERSION);

gboolean
enough_store_is_cjk (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
          script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_HANGUL ||
          script == G_UNICODE_SCRIPT_BOPOMOFO) && g_unichar_isalnum (c);
}

/* Every CJK character (U+1100 and up) starts with a UTF-8 byte of 0xE1 or
 * more; most journal text has none, and this is called for every text a
 * bulk write indexes. */
static gboolean
may_have_cjk (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if (*p >= 0xe1)
      return TRUE;
  return FALSE;
}

char *
enough_store_cjk_tokens (const char *text)
{
  GString *out;
  gboolean gap = FALSE;
  gboolean any = FALSE;

  if (text == NULL || !may_have_cjk (text) || !g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          gap = TRUE;
          continue;
        }
      c = g_utf8_get_char (p);
      if (!enough_store_is_cjk (c))
        {
          gap = TRUE;
          continue;
        }
      if (any)
        g_string_append (out, gap ? " x " : " ");
      g_string_append_unichar (out, c);
      any = TRUE;
      gap = FALSE;
    }

  return g_string_free (out, !any);
}

static void
cjk_func (sqlite3_context  *ctx,
          int               argc,
          sqlite3_value   **argv)
{
  char *tokens = enough_store_cjk_tokens ((const char *) sqlite3_value_text (argv[0]));

  if (tokens == NULL)
    sqlite3_result_null (ctx);
  else
    sqlite3_result_text (ctx, tokens, -1, g_free);
}

int
enough_store_schema_register (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "enough_cjk", 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     NULL, cjk_func, NULL, NULL, NULL);
}

/* ---- Bulk writes ---------------------------------------------------------
 *
 * The insert triggers index each row as it comes. A bulk write (import,
 * generator) interleaves kinds and fields, so the index rowids
 * (id * 64 + kind * 8 + field) jump back and forth, and FTS5 flushes its
 * pending terms to a new segment at every step back: nearly one segment per
 * row, merged over and over (an import of 100,000 entries took minutes).
 * So a bulk write suspends the insert triggers inside its transaction,
 * writes its rows, indexes them with one INSERT … SELECT per field (each in
 * ascending rowid order, so FTS5 builds a few big segments), and restores
 * the triggers before COMMIT. All of it is one transaction: a crash or a
 * ROLLBACK leaves neither rows nor index entries nor missing triggers.
 *
 * The fields below and the triggers above must agree (the tests compare
 * a bulk-written index with a trigger-written one). */

static const char *const insert_triggers[] = {
  "dialogue_ai", "dialogue_cjk_ai", "turn_ai", "turn_cjk_ai",
  "letter_ai", "letter_cjk_ai", "self_check_ai", "self_check_cjk_ai",
  "experiment_ai", "experiment_cjk_ai", "checkin_ai", "checkin_cjk_ai",
};

typedef struct
{
  EnoughRecordKind  kind;
  const char       *table;
  const char       *column;
  guint             field;  /* rowid = id * 64 + field */
} IndexedField;

/* The searchable columns of enough-tables.c, table by table. */
static IndexedField indexed_fields[8 * ENOUGH_RECORD_N_KINDS];
static guint n_indexed_fields;

static guint
get_n_indexed_fields (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint k = ENOUGH_RECORD_KIND_DIALOGUE; k <= ENOUGH_RECORD_KIND_LAST; k++)
        {
          const EnoughTable *table = enough_table_for_kind (k);

          for (guint c = 0; c < table->n_columns; c++)
            if (table->columns[c].search_field != 0)
              {
                g_assert (n_indexed_fields < G_N_ELEMENTS (indexed_fields));
                indexed_fields[n_indexed_fields++] = (IndexedField) {
                  k, table->name, table->columns[c].name, k * 8 + ENOUGH_SEARCH_SLOT (table->columns[c].search_field)
                };
              }
        }
      g_once_init_leave (&done, 1);
    }
  return n_indexed_fields;
}

/* The page cache during a bulk write: the rows, their indexes and the FTS
 * segments of one transaction stay in memory instead of spilling to the
 * WAL page by page. */
#define BULK_CACHE_KIB 65536

struct _EnoughBulkWrite
{
  GPtrArray *trigger_sql;
  gint64     cache_size;
};

static gboolean
bulk_exec (sqlite3     *db,
           const char  *sql,
           GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, db, rc, "bulk write");
      return FALSE;
    }
  return TRUE;
}

void
enough_bulk_write_free (EnoughBulkWrite *bulk)
{
  if (bulk == NULL)
    return;
  g_ptr_array_unref (bulk->trigger_sql);
  g_free (bulk);
}

EnoughBulkWrite *
enough_store_bulk_begin (sqlite3  *db,
                         GError  **error)
{
  g_autoptr(EnoughBulkWrite) bulk = g_new0 (EnoughBulkWrite, 1);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *pragma = NULL;
  int rc;

  g_return_val_if_fail (!sqlite3_get_autocommit (db), NULL);

  bulk->trigger_sql = g_ptr_array_new_with_free_func (g_free);
  rc = sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                           -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (insert_triggers); i++)
    {
      sqlite3_bind_text (stmt, 1, insert_triggers[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          /* Re-created from our own SQL, never from the text stored in
           * the file: anything added to that would run. */
          g_ptr_array_add (bulk->trigger_sql, g_strdup (enough_store_expected_sql (insert_triggers[i])));
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          /* Not the schema this version made: treated as damage. */
          _enough_store_set_sqlite_error (error, NULL, SQLITE_CORRUPT, insert_triggers[i]);
          return NULL;
        }
      sqlite3_reset (stmt);
    }
  if (rc == SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      stmt = NULL;
      rc = sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      bulk->cache_size = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, db, rc, "bulk write");
      return NULL;
    }

  pragma = g_strdup_printf ("PRAGMA cache_size = -%d", BULK_CACHE_KIB);
  if (bulk->cache_size < 0 && -bulk->cache_size < BULK_CACHE_KIB &&
      !bulk_exec (db, pragma, error))
    return NULL;
  /* FTS5 writes its pending terms out as a new segment whenever they pass
   * "hashsize" (1 MB by default); 16 MB makes the bulk index of a big
   * import in a few large segments instead of dozens of small ones that
   * are then merged (about half the CPU time). Persistent, harmless for
   * small writes (the buffer only grows with what a transaction adds). */
  if (!bulk_exec (db, "INSERT INTO search (search, rank) VALUES ('hashsize', 16777216);"
                      "INSERT INTO search_cjk (search_cjk, rank) VALUES ('hashsize', 16777216)", error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (insert_triggers); i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER %s", insert_triggers[i]);

      if (!bulk_exec (db, drop, error))
        return NULL;
    }
  return g_steal_pointer (&bulk);
}

/* Adds the rows of @kind with ids @first_id..@last_id to both indexes:
 * the trigram index first, then the CJK one, field by field, each in
 * ascending rowid order. With @skip_indexed, rowids already in an index
 * are left as they are. */
static gboolean
index_rows (sqlite3           *db,
            EnoughRecordKind   kind,
            gint64             first_id,
            gint64             last_id,
            gboolean           skip_indexed,
            GError           **error)
{
  for (guint cjk = 0; cjk < 2; cjk++)
    for (guint i = 0; i < get_n_indexed_fields (); i++)
      {
        const IndexedField *f = &indexed_fields[i];
        const char *index = cjk ? "search_cjk" : "search";
        g_autofree char *text = cjk ? g_strdup_printf ("enough_cjk (%s)", f->column)
                                    : g_strdup (f->column);
        g_autofree char *skip = NULL;
        g_autofree char *sql = NULL;

        if (f->kind != kind)
          continue;
        if (skip_indexed)
          skip = g_strdup_printf (" AND NOT EXISTS (SELECT 1 FROM %s WHERE rowid = id * 64 + %u)",
                                  index, f->field);
        sql = g_strdup_printf ("INSERT INTO %s (rowid, text)"
                               " SELECT id * 64 + %u, %s FROM %s"
                               " WHERE id BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT
                               " AND %s %s%s ORDER BY id",
                               index, f->field, text, f->table, first_id, last_id,
                               text, cjk ? "IS NOT NULL" : "!= ''", skip ? skip : "");
        if (!bulk_exec (db, sql, error))
          return FALSE;
      }
  return TRUE;
}

gboolean
enough_store_bulk_index (sqlite3           *db,
                         EnoughRecordKind   kind,
                         gint64             first_id,
                         gint64             last_id,
                         GError           **error)
{
  if (first_id > last_id)
    return TRUE;
  return index_rows (db, kind, first_id, last_id, FALSE, error);
}

gboolean
enough_store_bulk_end (sqlite3          *db,
                       EnoughBulkWrite  *bulk,
                       GError          **error)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, bulk->cache_size);

  for (guint i = 0; i < bulk->trigger_sql->len; i++)
    if (!bulk_exec (db, g_ptr_array_index (bulk->trigger_sql, i), error))
      return FALSE;
  return bulk_exec (db, pragma, error);
}

/* ---- Deferred indexing ----------------------------------------------------
 *
 * Even in bulk, indexing ~70 M characters (trigrams and CJK characters)
 * takes several times longer than writing the rows. So an import writes
 * its rows with the insert triggers suspended, indexes nothing, and
 * records its ids in `search_pending` (kind → first_id..last_id), all in
 * its one transaction. The store's worker then indexes the range in
 * chunks, low ids first, each chunk in its own short transaction that
 * also advances first_id: writes go in between, and after a crash or a
 * close the rest is indexed on the next open. Until then the search
 * scans the pending range itself (enough-store-search.c).
 *
 * Rows in the range may have been edited (the update triggers then index
 * them) or deleted meanwhile, and a second import widens the range over
 * rows the triggers indexed: a chunk skips every rowid already in an
 * index, so the result is what the triggers would have built. */

gboolean
enough_store_pending_add (sqlite3           *db,
                          EnoughRecordKind   kind,
                          gint64             first_id,
                          gint64             last_id,
                          GError           **error)
{
  g_autofree char *sql = NULL;

  if (first_id > last_id)
    return TRUE;
  sql = g_strdup_printf ("INSERT INTO search_pending (kind, first_id, last_id)"
                         " VALUES (%d, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")"
                         " ON CONFLICT (kind) DO UPDATE SET"
                         " first_id = min (first_id, excluded.first_id),"
                         " last_id = max (last_id, excluded.last_id)",
                         (int) kind, first_id, last_id);
  return bulk_exec (db, sql, error);
}

static gint64 index_chunk_ids = 2048;

void
_enough_store_set_index_chunk (gint64 n_ids)
{
  index_chunk_ids = n_ids > 0 ? n_ids : 2048;
}

gboolean
enough_store_index_pending_chunk (sqlite3   *db,
                                  gboolean  *out_more,
                                  GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int kind = 0, rc;
  gint64 first = 0, last = 0, chunk_last;

  *out_more = FALSE;
  if (!bulk_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  rc = sqlite3_prepare_v2 (db, "SELECT kind, first_id, last_id FROM search_pending ORDER BY kind LIMIT 1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      kind = sqlite3_column_int (stmt, 0);
      first = sqlite3_column_int64 (stmt, 1);
      last = sqlite3_column_int64 (stmt, 2);
      rc = SQLITE_OK;
    }
  else if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, db, rc, "index");
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (kind == 0)
    return bulk_exec (db, "COMMIT", error);

  chunk_last = first <= last - index_chunk_ids ? first + index_chunk_ids - 1 : last;
  if (!index_rows (db, kind, first, chunk_last, TRUE, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  {
    g_autofree char *sql = NULL;

    if (chunk_last >= last)
      sql = g_strdup_printf ("DELETE FROM search_pending WHERE kind = %d", kind);
    else
      sql = g_strdup_printf ("UPDATE search_pending SET first_id = %" G_GINT64_FORMAT " WHERE kind = %d",
                             chunk_last + 1, kind);
    if (!bulk_exec (db, sql, error) || !bulk_exec (db, "COMMIT", error))
      {
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  }
  /* This kind or another still waiting? */
  {
    sqlite3_stmt *any = NULL;

    *out_more = sqlite3_prepare_v2 (db, "SELECT 1 FROM search_pending LIMIT 1", -1, &any, NULL) == SQLITE_OK &&
                sqlite3_step (any) == SQLITE_ROW;
    sqlite3_finalize (any);
  }
  return TRUE;
}

guint
enough_store_n_indexed_fields (void)
{
  return get_n_indexed_fields ();
}

void
enough_store_get_indexed_field (guint              i,
                                EnoughRecordKind  *kind,
                                const char       **table,
                                const char       **column,
                                guint             *field)
{
  g_return_if_fail (i < get_n_indexed_fields ());
  *kind = indexed_fields[i].kind;
  *table = indexed_fields[i].table;
  *column = indexed_fields[i].column;
  *field = indexed_fields[i].field;
}

const char *
enough_store_schema_step (guint to_version)
{
  g_return_val_if_fail (to_version >= 1 && to_version <= G_N_ELEMENTS (steps), NULL);
  return steps[to_version - 1];
}
