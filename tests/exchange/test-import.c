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
#include "import-test-helpers.h"

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
  { "newer-version", "{\"format\":\"enough-journal\",\"version\":3,\"entries\":[]}", ENOUGH_IMPORT_ERROR_NEWER_VERSION, "version: this file was made by a newer version" },
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
  { "bad-kind", ONE ("{\"kind\":\"poem\"}"), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].kind: expected “dialogue”, “letter”, “self-check”, “experiment” or “checkin”" },
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
  /* experiments */
  { "experiment-in-version-1", ONE (EXPERIMENT (",\"belief\":\"ok\"")), ENOUGH_IMPORT_ERROR_INVALID, "version: a version 1 file cannot hold experiments" },
  { "belief-rating-high", ONE (EXPERIMENT (",\"belief_rating\":101")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].belief_rating: 101 is out of range (0 to 100)" },
  { "belief-rating-negative", ONE (EXPERIMENT (",\"belief_rating\":-1")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].belief_rating: -1 is out of range" },
  { "likelihood-string", ONE (EXPERIMENT (",\"prediction_likelihood\":\"80%\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].prediction_likelihood: expected a whole number from 0 to 100 or null" },
  { "alternative-fraction", ONE (EXPERIMENT (",\"alternative_rating\":40.5")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].alternative_rating: " },
  { "belief-after-huge", ONE (EXPERIMENT (",\"belief_after\":99999999999")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].belief_after: " },
  { "alternative-after-high", ONE (EXPERIMENT (",\"alternative_after\":200")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].alternative_after: 200 is out of range" },
  { "bad-experiment-kind", ONE (EXPERIMENT (",\"experiment_kind\":\"skydiving\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].experiment_kind: expected one of “unset”" },
  { "experiment-kind-number", ONE (EXPERIMENT (",\"experiment_kind\":3")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].experiment_kind: expected a string" },
  { "bad-came-true", ONE (EXPERIMENT (",\"came_true\":\"maybe\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].came_true: expected one of “unset”, “yes”, “partly”, “no”" },
  { "came-true-bool", ONE (EXPERIMENT (",\"came_true\":true")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].came_true: expected a string" },
  { "due-at-bad", ONE (EXPERIMENT (",\"due_at\":\"next Tuesday\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].due_at: expected a date and time" },
  { "due-at-month", ONE (EXPERIMENT (",\"due_at\":\"2026-02-30T10:00:00Z\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].due_at: " },
  { "due-has-time-two", ONE (EXPERIMENT (",\"due_at\":" TS ",\"due_has_time\":2")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].due_has_time: 2 is out of range" },
  { "time-without-date", ONE (EXPERIMENT (",\"due_has_time\":1")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].due_has_time: a time needs a date" },
  { "belief-number", ONE (EXPERIMENT (",\"belief\":7")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].belief: expected a string" },
  { "learned-invalid-utf8", ONE (EXPERIMENT (",\"learned\":\"caf\xc3\x28\"")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].learned: text that is not valid UTF-8" },
  { "experiment-unknown-member", ONE (EXPERIMENT (",\"score\":10")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].score: unknown member" },
  { "experiment-turns", ONE (EXPERIMENT (",\"turns\":[]")), ENOUGH_IMPORT_ERROR_INVALID, "entries[0].turns: unknown member" },
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
    /* version 2: experiments, every rating at its bounds or null */
    "{\"format\":\"enough-journal\",\"version\":2,\"entries\":["
    EXPERIMENT (",\"belief_rating\":0,\"prediction_likelihood\":100,\"alternative_rating\":null,"
                "\"belief_after\":null,\"experiment_kind\":\"my-own\",\"came_true\":\"unset\","
                "\"due_at\":null,\"due_has_time\":0,\"learned\":\"\\u4e86\"") TAIL,
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

  return g_test_run ();
}
