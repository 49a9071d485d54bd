/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
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

#define FIXED_NOW ((gint64) 1767225600 * G_USEC_PER_SEC)

#define HEAD "{\"format\":\"enough-journal\",\"version\":1,\"entries\":["
#define TAIL "]}"
#define TS "\"2026-01-01T10:00:00Z\""
#define UUID1 "\"11111111-1111-4111-8111-111111111111\""
#define UUID2 "\"22222222-2222-4222-8222-222222222222\""
#define UUID3 "\"33333333-3333-4333-8333-333333333333\""
#define UUID4 "\"44444444-4444-4444-8444-444444444444\""
#define COMMON(kind, uuid) "\"kind\":\"" kind "\",\"id\":" uuid ",\"created\":" TS ",\"updated\":" TS
#define DIALOGUE(extra) "{" COMMON ("dialogue", UUID1) extra "}"
#define LETTER(extra) "{" COMMON ("letter", UUID2) extra "}"
#define CHECK(extra) "{" COMMON ("self-check", UUID3) ",\"bank_version\":1" extra "}"
#define ANSWERS_OK ",\"answers\":[1,2,3,4,5,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5,1,2,3,4]"
#define TURN(uuid, extra) "{\"id\":" uuid ",\"created\":" TS ",\"updated\":" TS extra "}"
#define ONE(entry) HEAD entry TAIL

typedef struct
{
  const char *name;
  const char *json;         /* "@NUL@" stands for a NUL byte */
  int         code;
  const char *prefix;       /* the message starts with it */
} Case;

static const Case cases[] = {
  /* not a journal at all */
  { "empty", "", ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL, "document: " },
  { "array", "[]", ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL, "document: " },
  { "null", "null", ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL, "document: " },
  { "text", "Dear diary", ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL, "document: " },
  { "open-brace", "{", ENOUGH_IMPORT_ERROR_INVALID, "document: " },
  { "comment", "{ // hello\n}", ENOUGH_IMPORT_ERROR_INVALID, "document: " },
  { "single-quotes", "{'format':'enough-journal'}", ENOUGH_IMPORT_ERROR_INVALID, "document: " },
  { "other-format", "{\"format\":\"diary\",\"version\":1,\"entries\":[]}", ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL, "format: " },
  { "format-number", "{\"format\":1,\"version\":1,\"entries\":[]}", ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL, "format: " },
  { "no-format", "{\"version\":1,\"entries\":[]}", ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL, "format: missing" },
  { "no-version", "{\"format\":\"enough-journal\",\"entries\":[]}", ENOUGH_IMPORT_ERROR_INVALID, "version: missing" },
  { "newer-version", "{\"format\":\"enough-journal\",\"version\":2,\"entries\":[]}", ENOUGH_IMPORT_ERROR_NEWER_VERSION, "version: this file was made by a newer version" },
  { "newer-version-last", "{\"format\":\"enough-journal\",\"entries\":[{\"kind\":\"poem\"}],\"version\":3}", ENOUGH_IMPORT_ERROR_NEWER_VERSION, "version: " },
  { "version-zero", "{\"format\":\"enough-journal\",\"version\":0,\"entries\":[]}", ENOUGH_IMPORT_ERROR_INVALID, "version: " },
  { "version-string", "{\"format\":\"enough-journal\",\"version\":\"1\",\"entries\":[]}", ENOUGH_IMPORT_ERROR_INVALID, "version: " },
  { "version-fraction", "{\"format\":\"enough-journal\",\"version\":1.5,\"entries\":[]}", ENOUGH_IMPORT_ERROR_INVALID, "version: " },
  { "no-entries", "{\"format\":\"enough-journal\",\"version\":1}", ENOUGH_IMPORT_ERROR_INVALID, "entries: missing" },
  { "entries-object", "{\"format\":\"enough-journal\",\"version\":1,\"entries\":{}}", ENOUGH_IMPORT_ERROR_INVALID, "entries: " },
  { "unknown-root-member", "{\"format\":\"enough-journal\",\"version\":1,\"entries\":[],\"extra\":true}", ENOUGH_IMPORT_ERROR_INVALID, "extra: unknown member" },
  { "duplicated-root-key", "{\"format\":\"enough-journal\",\"format\":\"enough-journal\",\"version\":1,\"entries\":[]}", ENOUGH_IMPORT_ERROR_INVALID, "format: this key appears twice" },
  { "trailing-text", HEAD TAIL " and more", ENOUGH_IMPORT_ERROR_INVALID, "document: more text" },
  { "bad-exported-at", "{\"format\":\"enough-journal\",\"version\":1,\"exported_at\":\"today\",\"entries\":[]}", ENOUGH_IMPORT_ERROR_INVALID, "exported_at: " },
  { "truncated", HEAD DIALOGUE (",\"title\":\"cut he"), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].title: the file ends inside a string" },
  { "truncated-after-entry", HEAD LETTER (""), ENOUGH_IMPORT_ERROR_INVALID, "entries: the file ends too early" },
  { "missing-comma", HEAD LETTER ("") " " DIALOGUE ("") TAIL, ENOUGH_IMPORT_ERROR_INVALID, "entries: expected “,” or “]”" },
  /* entries */
  { "entry-number", ONE ("1"), ENOUGH_IMPORT_ERROR_INVALID, "entries[0]: expected an object" },
  { "no-kind", ONE ("{\"id\":" UUID1 "}"), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].kind: missing" },
  { "bad-kind", ONE ("{\"kind\":\"poem\"}"), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].kind: expected “dialogue”, “letter” or “self-check”" },
  { "no-id", ONE ("{\"kind\":\"letter\",\"created\":" TS ",\"updated\":" TS "}"), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].id: missing" },
  { "bad-uuid", ONE ("{\"kind\":\"letter\",\"id\":\"1234\",\"created\":" TS ",\"updated\":" TS "}"), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].id: expected a UUID" },
  { "duplicated-uuid", HEAD LETTER ("") "," LETTER ("") TAIL, ENOUGH_IMPORT_ERROR_INVALID, "entries[1].id: this id appears twice" },
  { "no-created", ONE ("{\"kind\":\"letter\",\"id\":" UUID2 ",\"updated\":" TS "}"), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].created: missing" },
  { "bad-month", ONE ("{\"kind\":\"letter\",\"id\":" UUID2 ",\"created\":\"2026-13-01T00:00:00Z\",\"updated\":" TS "}"), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].created: expected a date" },
  { "no-zone", ONE ("{\"kind\":\"letter\",\"id\":" UUID2 ",\"created\":\"2026-01-01T00:00:00\",\"updated\":" TS "}"), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].created: " },
  { "date-number", ONE ("{\"kind\":\"letter\",\"id\":" UUID2 ",\"created\":" TS ",\"updated\":1700000000}"), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].updated: " },
  { "unknown-member", ONE (LETTER (",\"colour\":\"blue\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].colour: unknown member" },
  { "duplicated-key", ONE (LETTER (",\"text\":\"a\",\"text\":\"b\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].text: this key appears twice" },
  { "duplicated-key-escaped", ONE (LETTER (",\"text\":\"a\",\"t\\u0065xt\":\"b\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].text: this key appears twice" },
  /* dialogues and turns */
  { "title-number", ONE (DIALOGUE (",\"title\":42")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].title: expected a string" },
  { "intensity-high", ONE (DIALOGUE (",\"intensity_start\":11")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].intensity_start: 11 is out of range" },
  { "intensity-fraction", ONE (DIALOGUE (",\"intensity_end\":3.5")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].intensity_end: expected a whole number" },
  { "intensity-huge", ONE (DIALOGUE (",\"intensity_end\":99999999999999999999999")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].intensity_end: " },
  { "number-too-long", ONE (DIALOGUE (",\"intensity_end\":1000000000000000000000000000000000000000000000000000000000000000000000")), ENOUGH_IMPORT_ERROR_TOO_LARGE, "entries[0].intensity_end: " },
  { "nan", ONE (DIALOGUE (",\"intensity_end\":NaN")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].intensity_end: " },
  { "prompt-step-negative", ONE (DIALOGUE (",\"prompt_step\":-1")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].prompt_step: " },
  { "turns-object", ONE (DIALOGUE (",\"turns\":{}")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].turns: expected a list" },
  { "turn-string", ONE (DIALOGUE (",\"turns\":[\"hi\"]")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].turns[0]: expected an object" },
  { "bad-speaker", ONE (DIALOGUE (",\"turns\":[" TURN (UUID2, ",\"speaker\":\"me\"") "," TURN (UUID3, ",\"speaker\":\"critc\"") "]")),
    ENOUGH_IMPORT_ERROR_INVALID, "entries[0].turns[1].speaker: expected “critic” or “me”" },
  { "no-speaker", ONE (DIALOGUE (",\"turns\":[" TURN (UUID2, "") "]")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].turns[0].speaker: missing" },
  { "duplicated-turn-id", ONE (DIALOGUE (",\"turns\":[" TURN (UUID2, ",\"speaker\":\"me\"") "," TURN (UUID2, ",\"speaker\":\"me\"") "]")),
    ENOUGH_IMPORT_ERROR_INVALID, "entries[0].turns[1].id: this id appears twice" },
  { "unknown-pattern", ONE (DIALOGUE (",\"turns\":[" TURN (UUID2, ",\"speaker\":\"critic\",\"patterns\":[\"sarcasm\"]") "]")),
    ENOUGH_IMPORT_ERROR_INVALID, "entries[0].turns[0].patterns[0]: expected one of" },
  { "pattern-twice", ONE (DIALOGUE (",\"turns\":[" TURN (UUID2, ",\"speaker\":\"critic\",\"patterns\":[\"labelling\",\"labelling\"]") "]")),
    ENOUGH_IMPORT_ERROR_INVALID, "entries[0].turns[0].patterns[1]: listed twice" },
  { "turn-unknown-member", ONE (DIALOGUE (",\"turns\":[" TURN (UUID2, ",\"speaker\":\"me\",\"mood\":1") "]")),
    ENOUGH_IMPORT_ERROR_INVALID, "entries[0].turns[0].mood: unknown member" },
  /* letters */
  { "feelings-string", ONE (LETTER (",\"feelings\":\"sad\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].feelings: expected a list" },
  { "bad-reread", ONE (LETTER (",\"reread\":\"someday\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].reread: expected “unset”" },
  { "step-three", ONE (LETTER (",\"step\":3")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].step: 3 is out of range" },
  { "reread-at-bad", ONE (LETTER (",\"reread_at\":\"soon\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].reread_at: " },
  /* self-checks */
  { "answers-short", ONE (CHECK (",\"answers\":[1,2,3]")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].answers: expected a list of 24 answers" },
  { "answer-six", ONE (CHECK (",\"answers\":[1,2,3,4,5,6,2,3,4,5,1,2,3,4,5,1,2,3,4,5,1,2,3,4]")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].answers[5]: " },
  { "no-answers", ONE (CHECK ("")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].answers: missing" },
  { "newer-bank", ONE ("{" COMMON ("self-check", UUID3) ",\"bank_version\":99" ANSWERS_OK "}"), ENOUGH_IMPORT_ERROR_NEWER_VERSION, "entries[0].bank_version: " },
  { "no-bank", ONE ("{" COMMON ("self-check", UUID3) ANSWERS_OK "}"), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].bank_version: missing" },
  { "completed-unanswered", ONE (CHECK (",\"answers\":[0,2,3,4,5,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5,1,2,3,4],\"completed_at\":" TS)),
    ENOUGH_IMPORT_ERROR_INVALID, "entries[0].completed_at: " },
  { "index-out-of-range", ONE (CHECK (ANSWERS_OK ",\"current_index\":24")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].current_index: " },
  /* hostile text */
  { "invalid-utf8", ONE (LETTER (",\"text\":\"caf\xc3\x28 \xff\xfe\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].text: text that is not valid UTF-8" },
  { "overlong-utf8", ONE (LETTER (",\"text\":\"\xc0\xaf\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].text: text that is not valid UTF-8" },
  { "nul-byte", ONE (LETTER (",\"text\":\"a@NUL@b\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].text: a NUL character" },
  { "nul-escape", ONE (LETTER (",\"text\":\"a\\u0000b\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].text: a NUL character" },
  { "lone-surrogate", ONE (LETTER (",\"text\":\"\\ud800x\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].text: a lone surrogate" },
  { "bad-escape", ONE (LETTER (",\"text\":\"\\x41\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].text: an unknown escape" },
  { "raw-control", ONE (LETTER (",\"text\":\"a\tb\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].text: a control character" },
  { "nul-outside-string", HEAD "@NUL@" TAIL, ENOUGH_IMPORT_ERROR_INVALID, "entries[0]: " },
  /* the rest are made in code: deep nesting, huge strings, many members */
};

static char *
expand (const char *json,
        gsize      *length)
{
  g_autoptr(GString) s = g_string_new (json);

  g_string_replace (s, "@NUL@", "\x01", 0);
  for (gsize i = 0; i < s->len; i++)
    if (s->str[i] == '\x01')
      s->str[i] = '\0';
  *length = s->len;
  return g_string_free (g_steal_pointer (&s), FALSE);
}

typedef struct
{
  StoreFixture  f;
  char         *before;
} ImportFixture;

static char *
export_json (EnoughStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  EnoughExportOptions options = { ENOUGH_EXPORT_JSON, 0, 0, 0, FIXED_NOW };

  g_assert_true (enough_store_flush (store, &error));
  g_assert_true (enough_export_to_stream (enough_store_get_path (store), &options, out, NULL, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
import_setup (ImportFixture *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughDialogue) d = NULL;
  g_autoptr(EnoughTurn) t = NULL;

  fixture_setup (&fx->f, data);
  g_assert_true (enough_store_generate_synthetic (fx->f.store, 30, 3, &error));
  g_assert_no_error (error);
  /* a turn whose id a hostile file reuses (the "conflict" test) */
  d = enough_store_create_dialogue (fx->f.store);
  t = enough_store_add_turn (fx->f.store, d, -1, ENOUGH_SPEAKER_ME, "mine");
  g_assert_true (enough_store_flush (fx->f.store, &error));
  fx->before = export_json (fx->f.store);
}

static void
import_teardown (ImportFixture *fx,
                 gconstpointer  data)
{
  g_free (fx->before);
  fixture_teardown (&fx->f, data);
}

/* Parses and (if that passes) writes @data; asserts the error and that the
 * journal is exactly as before. */
static void
assert_refused (ImportFixture *fx,
                const char    *name,
                const char    *data,
                gsize          length,
                int            code,
                const char    *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughImport) import = enough_import_parse_data (data, length, &error);
  g_autofree char *after = NULL;

  if (import != NULL)
    {
      guint added = 99;

      g_assert_false (enough_import_write (fx->f.store, import, &added, NULL, &error));
    }
  if (error == NULL || !g_str_has_prefix (error->message, prefix) || error->code != code)
    g_error ("case %s: expected code %d and “%s…”, got %d “%s”", name, code, prefix,
             error ? error->code : -1, error ? error->message : "(no error)");
  g_assert_error (error, ENOUGH_IMPORT_ERROR, code);
  g_test_message ("%s → %s", name, error->message);

  after = export_json (fx->f.store);
  g_assert_cmpstr (after, ==, fx->before);
}

static void
test_table (ImportFixture *fx,
            gconstpointer  data)
{
  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 40);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length;
      g_autofree char *json = expand (cases[i].json, &length);

      assert_refused (fx, cases[i].name, json, length, cases[i].code, cases[i].prefix);
    }
}

static void
test_generated (ImportFixture *fx,
                gconstpointer  data)
{
  /* deep nesting inside an entry, and at the top */
  {
    g_autoptr(GString) s = g_string_new (HEAD "{\"kind\":\"letter\",\"title\":");
    for (guint i = 0; i < 200000; i++)
      g_string_append_c (s, '[');
    assert_refused (fx, "deep-arrays", s->str, s->len, ENOUGH_IMPORT_ERROR_TOO_LARGE, "entries[0].title[0][0]");
  }
  {
    g_autoptr(GString) s = g_string_new ("{");
    for (guint i = 0; i < 100000; i++)
      g_string_append (s, "\"a\":{");
    assert_refused (fx, "deep-objects", s->str, s->len, ENOUGH_IMPORT_ERROR_TOO_LARGE, "a.a.a");
  }
  /* a 2 MB string */
  {
    g_autoptr(GString) s = g_string_new (HEAD LETTER (",\"text\":\""));
    g_string_truncate (s, s->len - 1);  /* drop the closing brace of LETTER */
    for (guint i = 0; i < 2 * 1024 * 1024; i++)
      g_string_append_c (s, 'x');
    g_string_append (s, "\"}" TAIL);
    assert_refused (fx, "huge-string", s->str, s->len, ENOUGH_IMPORT_ERROR_TOO_LARGE, "entries[0].text: ");
  }
  /* a title of 5000 bytes: a string, but longer than a title may be */
  {
    g_autoptr(GString) s = g_string_new (HEAD "{" COMMON ("dialogue", UUID1) ",\"title\":\"");
    for (guint i = 0; i < 5000; i++)
      g_string_append_c (s, 'y');
    g_string_append (s, "\"}" TAIL);
    assert_refused (fx, "long-title", s->str, s->len, ENOUGH_IMPORT_ERROR_TOO_LARGE, "entries[0].title: ");
  }
  /* many members */
  {
    g_autoptr(GString) s = g_string_new (HEAD "{");
    for (guint i = 0; i < 1000; i++)
      g_string_append_printf (s, "%s\"m%u\":%u", i ? "," : "", i, i);
    g_string_append (s, "}" TAIL);
    assert_refused (fx, "many-members", s->str, s->len, ENOUGH_IMPORT_ERROR_TOO_LARGE, "entries[0]");
  }
  /* a flat list of a million values in one entry: its memory is bounded
   * (a few MB), not a tree the size of a large multiple of the file */
  {
    g_autoptr(GString) s = g_string_new (HEAD "{\"kind\":\"letter\",\"feelings\":[0");
    for (guint i = 0; i < 1000000; i++)
      g_string_append (s, ",0");
    g_string_append (s, "]}" TAIL);
    assert_refused (fx, "many-values", s->str, s->len, ENOUGH_IMPORT_ERROR_TOO_LARGE,
                    "entries[0].feelings[262141]: more than 262144 items");
  }
  /* a valid new entry first, then a turn id the journal already uses for
   * another dialogue: found while writing, so the new entry must go too */
  {
    g_autoptr(EnoughRecord) first = NULL;
    g_autofree char *turn_uuid = NULL;
    g_autofree char *json = NULL;
    GListModel *dialogues = enough_store_get_dialogues (fx->f.store);
    g_autoptr(EnoughDialogue) mine = g_list_model_get_item (dialogues, 0);
    g_autoptr(EnoughTurn) turn = g_list_model_get_item (enough_dialogue_get_turns (mine), 0);

    turn_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (turn)));
    json = g_strdup_printf (HEAD LETTER ("") ",{" COMMON ("dialogue", UUID4)
                            ",\"turns\":[{\"id\":\"%s\",\"created\":" TS ",\"updated\":" TS
                            ",\"speaker\":\"me\"}]}" TAIL, turn_uuid);
    assert_refused (fx, "turn-id-conflict", json, strlen (json), ENOUGH_IMPORT_ERROR_CONFLICT,
                    "entries[1].turns[0].id: ");
    (void) first;
  }
  /* a file over the size limit is refused before it is read */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (fx->f.dir, "huge.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(EnoughImport) import = NULL;
    int fd = g_open (path, O_CREAT | O_WRONLY, 0600);

    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (ftruncate (fd, ENOUGH_IMPORT_MAX_FILE_SIZE + 1), ==, 0);
    close (fd);
    import = enough_import_parse_file (file, NULL, &error);
    g_assert_null (import);
    g_assert_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_TOO_LARGE);
    g_assert_true (g_str_has_prefix (error->message, "document: "));
  }
}

/* Valid but unusual input is accepted. */
static void
test_accepted (ImportFixture *fx,
               gconstpointer  data)
{
  static const char *const ok[] = {
    "\xef\xbb\xbf" HEAD TAIL,
    " \n\t" HEAD TAIL "\n\n",
    "{\"entries\":[],\"version\":1,\"format\":\"enough-journal\"}",
    ONE (LETTER (",\"text\":\"\\ud83c\\udf31 \\\"quoted\\\" \\/ \\n\"")),
    ONE (DIALOGUE (",\"intensity_start\":null,\"turns\":[]")),
    ONE ("{" COMMON ("self-check", UUID3) ",\"bank_version\":1" ANSWERS_OK ",\"completed_at\":\"2026-01-02T03:04:05.5+02:00\"}"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EnoughImport) import = enough_import_parse_data (ok[i], strlen (ok[i]), &error);

      g_assert_no_error (error);
      g_assert_nonnull (import);
    }

  /* and written: one new letter with the emoji */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EnoughImport) import = enough_import_parse_data (ok[3], strlen (ok[3]), &error);
    g_autoptr(EnoughRecord) letter = NULL;
    guint added = 0;

    g_assert_true (enough_import_write (fx->f.store, import, &added, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 1);
    letter = enough_store_lookup (fx->f.store, ENOUGH_RECORD_KIND_LETTER, "22222222-2222-4222-8222-222222222222");
    g_assert_nonnull (letter);
    g_assert_cmpstr (enough_letter_get_text (ENOUGH_LETTER (letter)), ==, "\U0001F331 \"quoted\" / \n");
  }
}

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
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE search_pending; PRAGMA user_version = 3",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, 3);

  f->store = enough_store_open (f->path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, ENOUGH_STORE_SCHEMA_VERSION);
  g_assert_cmpint (ENOUGH_STORE_SCHEMA_VERSION, ==, 4);
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

/* The message of refusing @json (NULL if accepted), read by one thread
 * (@split FALSE) or, where it can, two. */
static char *
refusal (const char *json,
         gboolean    split,
         guint      *n_entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughImport) import = NULL;

  _enough_import_set_split_min_bytes (split ? 1 : G_MAXSIZE);
  import = enough_import_parse_data (json, strlen (json), &error);
  _enough_import_set_split_min_bytes (0);
  if (n_entries != NULL)
    *n_entries = import != NULL ? enough_import_get_n_entries (import) : 0;
  g_assert_true ((import == NULL) == (error != NULL));
  return error != NULL ? g_strdup (error->message) : NULL;
}

/* The first id ("…"id":"<uuid>"…) after @from. */
static char *
id_after (const char *from)
{
  const char *id = strstr (from, "\"id\":\"");

  g_assert_nonnull (id);
  return g_strndup (id + 6, 36);
}

/* @json with the @n-th (from 0) occurrence of @old after @from replaced by @new. */
static char *
replaced (const char *json,
          const char *from,
          const char *old,
          const char *new)
{
  const char *at = strstr (from, old);
  g_autoptr(GString) s = g_string_new (NULL);

  g_assert_nonnull (at);
  g_string_append_len (s, json, at - json);
  g_string_append (s, new);
  g_string_append (s, at + strlen (old));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A big file is read by two threads (see "Two halves" in
 * enough-import.c): what is accepted, and each refusal's message, must be
 * exactly what one thread reading it all gives. */
static void
test_halves (ImportFixture *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autofree char *path = g_build_filename (fx->f.dir, "copy.db", NULL);
  g_autoptr(EnoughImport) import = NULL;
  EnoughStore *copy;
  guint joined = _enough_import_get_n_joined ();
  guint n_whole = 0, n_split = 0, added = 0;
  const char *last_letter, *last_dialogue, *first_turn, *second_half;
  struct { const char *name; char *json; } bad[6] = { { NULL } };

  g_assert_true (enough_store_generate_synthetic (fx->f.store, 400, 11, &error));
  g_assert_no_error (error);
  json = export_json (fx->f.store);
  second_half = json + strlen (json) / 2;

  /* accepted: the same entries either way, and a faithful round trip */
  g_assert_null (refusal (json, FALSE, &n_whole));
  g_assert_cmpuint (_enough_import_get_n_joined (), ==, joined);
  g_assert_null (refusal (json, TRUE, &n_split));
  g_assert_cmpuint (_enough_import_get_n_joined (), ==, joined + 1);
  g_assert_cmpuint (n_split, ==, n_whole);
  g_assert_cmpuint (n_whole, ==, 431);

  _enough_import_set_split_min_bytes (1);
  import = enough_import_parse_data (json, strlen (json), &error);
  _enough_import_set_split_min_bytes (0);
  g_assert_no_error (error);
  g_assert_cmpuint (_enough_import_get_n_joined (), ==, joined + 2);
  copy = enough_store_open (path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (enough_import_write (copy, import, &added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 431);
  again = export_json (copy);
  g_assert_cmpstr (again, ==, json);
  g_assert_true (enough_store_close (copy, &error));
  g_assert_finalize_object (copy);

  /* refused for something in the second half, or in both */
  last_letter = g_strrstr (json, "\n{\"kind\":\"letter\"");
  last_dialogue = g_strrstr (json, "\n{\"kind\":\"dialogue\"");
  g_assert_true (last_letter > second_half && last_dialogue > second_half);
  first_turn = strstr (strstr (json, "\"turns\":[{"), "\"id\"");
  bad[0].name = "kind";
  bad[0].json = replaced (json, last_letter, "\"letter\"", "\"poem\"");
  bad[1].name = "syntax";
  bad[1].json = replaced (json, last_letter, "\"id\":", "\"id\"");
  {
    g_autofree char *first_id = id_after (json);
    g_autofree char *late_id = id_after (last_letter);
    bad[2].name = "entry id in both halves";
    bad[2].json = replaced (json, last_letter, late_id, first_id);
  }
  {
    g_autofree char *turn_id = id_after (first_turn);
    g_autofree char *late_turn_id = id_after (strstr (last_dialogue, "\"turns\":[{"));
    bad[3].name = "turn id in both halves";
    bad[3].json = replaced (json, last_dialogue, late_turn_id, turn_id);
  }
  {
    g_autofree char *early = replaced (json, json, "\"kind\":\"", "\"kind\":\"x");
    bad[4].name = "both halves";
    bad[4].json = replaced (early, early + (last_letter - json), "\"letter\"", "\"poem\"");
  }
  bad[5].name = "after the entries";
  bad[5].json = replaced (json, g_strrstr (json, "]}"), "]}", "],\"extra\":1}");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *whole = refusal (bad[i].json, FALSE, NULL);
      g_autofree char *split = NULL;

      joined = _enough_import_get_n_joined ();
      split = refusal (bad[i].json, TRUE, NULL);
      g_test_message ("%s → %s", bad[i].name, whole);
      g_assert_nonnull (whole);
      g_assert_cmpstr (split, ==, whole);
      /* only an error after the entries leaves the second half standing */
      g_assert_cmpuint (_enough_import_get_n_joined (), ==, joined + (i == 5));
      if (i < 4)
        {
          /* really in the second half */
          guint index = (guint) g_ascii_strtoull (whole + strlen ("entries["), NULL, 10);

          g_assert_true (g_str_has_prefix (whole, "entries["));
          g_assert_cmpuint (index, >, n_whole / 2);
        }
      g_free (bad[i].json);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/hostile-table", ImportFixture, NULL, import_setup, test_table, import_teardown);
  g_test_add ("/import/hostile-generated", ImportFixture, NULL, import_setup, test_generated, import_teardown);
  g_test_add ("/import/accepted", ImportFixture, NULL, import_setup, test_accepted, import_teardown);
  g_test_add ("/import/halves", ImportFixture, NULL, import_setup, test_halves, import_teardown);
  g_test_add ("/import/search-index", ImportFixture, NULL, import_setup, test_search_index, import_teardown);
  g_test_add ("/import/failed-write-leaves-no-index", ImportFixture, NULL, import_setup,
              test_failed_write_leaves_no_index, import_teardown);
  g_test_add ("/import/background-index", ImportFixture, NULL, import_setup, test_background_index, import_teardown);
  g_test_add ("/import/migrate-v3", ImportFixture, NULL, import_setup, test_migrate_v3, import_teardown);

  return g_test_run ();
}
