/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "enough-dates.h"
#include "enough-export.h"
#include "enough-import.h"
#include "enough-record-private.h"
#include "enough-store-test-utils.h"

#define FIXED_NOW ((gint64) 1767225600 * G_USEC_PER_SEC)  /* 2026-01-01T00:00:00Z */

static char *
export_string (EnoughStore               *store,
               const EnoughExportOptions *options,
               guint                     *n_entries)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  ok = enough_export_to_stream (enough_store_get_path (store), options, out, n_entries, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  /* NUL-terminate */
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
export_json (EnoughStore *store,
             guint       *n_entries)
{
  EnoughExportOptions options = { ENOUGH_EXPORT_JSON, ENOUGH_EXPORT_ALL, 0, 0, FIXED_NOW };
  return export_string (store, &options, n_entries);
}

/* One entry of each kind with every field set, odd characters included. */
static void
add_full_entries (EnoughStore *store)
{
  g_autoptr(EnoughDialogue) d = enough_store_create_dialogue (store);
  g_autoptr(EnoughLetter) l = enough_store_create_letter (store);
  g_autoptr(EnoughSelfCheck) c = enough_store_create_self_check (store, 1);
  g_autoptr(EnoughExperiment) e = enough_store_create_experiment (store);
  g_autoptr(EnoughTurn) t1 = NULL;
  g_autoptr(EnoughTurn) t2 = NULL;
  g_autoptr(EnoughTurn) t3 = NULL;

  enough_dialogue_set_title (d, "The *report* \"again\" # [draft] \\ <b>");
  enough_dialogue_set_critic_name (d, "Grumbleweed the Taskmaster");
  enough_dialogue_set_intensity_start (d, 8);
  enough_dialogue_set_intensity_end (d, 3);
  enough_dialogue_set_prompt_step (d, 4);
  t1 = enough_store_add_turn (store, d, -1, ENOUGH_SPEAKER_CRITIC, "You should have started last week.\nEveryone saw it.");
  enough_turn_set_patterns (t1, ENOUGH_PATTERN_SHOULD_STATEMENTS | ENOUGH_PATTERN_MIND_READING);
  t2 = enough_store_add_turn (store, d, -1, ENOUGH_SPEAKER_ME, "我已经尽力了，这样就足够了。");
  t3 = enough_store_add_turn (store, d, -1, ENOUGH_SPEAKER_ME, "- a list?\ttab \u00e9 \U0001F331");

  enough_letter_set_not_good_enough (l, "The garden is a mess.");
  enough_letter_set_feelings (l, ENOUGH_FEELING_ASHAMED | ENOUGH_FEELING_TIRED);
  enough_letter_set_text (l, "Dear me,\n\nit is okay to rest.\n");
  enough_letter_set_step (l, 2);
  enough_letter_set_reread (l, ENOUGH_REREAD_TOMORROW, (gint64) 1700100000 * G_USEC_PER_SEC + 123456);
  enough_letter_set_reread_done_at (l, (gint64) 1700200000 * G_USEC_PER_SEC);
  enough_letter_set_takeaway (l, "Good enough is good.");

  for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
    enough_self_check_set_answer (c, i, 1 + (i * 7) % 5);
  enough_self_check_set_current_index (c, 23);
  enough_self_check_set_completed_at (c, (gint64) 1700300000 * G_USEC_PER_SEC);
  enough_self_check_set_note (c, "Tired week.");

  enough_experiment_set_belief (e, "If I send it before it is *perfect*, they will think I am incompetent.");
  enough_experiment_set_belief_rating (e, 80);
  enough_experiment_set_prediction (e, "She will point out the typo and sound disappointed.");
  enough_experiment_set_prediction_likelihood (e, 70);
  enough_experiment_set_experiment_kind (e, ENOUGH_EXPERIMENT_KIND_SMALL_MISTAKE);
  enough_experiment_set_action (e, "Send the report with one typo left in.");
  enough_experiment_set_due (e, (gint64) 1700400000 * G_USEC_PER_SEC, TRUE);
  enough_experiment_set_obstacles (e, "Wanting to check it again.\nThen: close the file.");
  enough_experiment_set_alternative (e, "People judge the whole work, not one typo.");
  enough_experiment_set_alternative_rating (e, 0);
  enough_experiment_set_outcome (e, "She said thanks. 谢谢");
  enough_experiment_set_came_true (e, ENOUGH_CAME_TRUE_NO);
  enough_experiment_set_learned (e, "Nobody noticed.");
  enough_experiment_set_belief_after (e, 45);
  enough_experiment_set_alternative_after (e, 100);
}

static void
test_round_trip (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *dir2 = enough_test_make_data_dir ();
  g_autofree char *path2 = g_build_filename (dir2, "journal.db", NULL);
  g_autoptr(EnoughImport) import = NULL;
  EnoughStore *store2;
  guint n = 0, n2 = 0, added = 0, skipped = 0;

  g_assert_true (enough_store_generate_synthetic (f->store, 400, 7, &error));
  g_assert_no_error (error);
  add_full_entries (f->store);
  first = export_json (f->store, &n);
  g_assert_cmpuint (n, ==, 404);
  g_assert_true (g_str_has_prefix (first, "{\"format\":\"enough-journal\",\"version\":2,"
                                   "\"exported_at\":\"2026-01-01T00:00:00Z\",\"entries\":[\n"));
  g_assert_nonnull (strstr (first, "\"patterns\":[\"should-statements\",\"mind-reading\"]"));
  g_assert_nonnull (strstr (first, "\"reread_at\":\"2023-11-16T02:00:00.123456Z\""));
  g_assert_nonnull (strstr (first, "\"intensity_start\":8"));
  g_assert_nonnull (strstr (first, "\"kind\":\"experiment\""));
  g_assert_nonnull (strstr (first, "\"belief_rating\":80,"));
  g_assert_nonnull (strstr (first, "\"alternative_rating\":0,"));
  g_assert_nonnull (strstr (first, "\"experiment_kind\":\"small-mistake\""));
  g_assert_nonnull (strstr (first, "\"came_true\":\"no\""));
  g_assert_nonnull (strstr (first, "\"due_at\":\"2023-11-19T13:20:00Z\",\"due_has_time\":1"));

  /* into an empty journal */
  store2 = enough_store_open (path2, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  import = enough_import_parse_data (first, strlen (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enough_import_get_n_entries (import), ==, 404);
  g_assert_true (enough_import_write (store2, import, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 404);
  g_assert_cmpuint (skipped, ==, 0);

  second = export_json (store2, &n2);
  g_assert_cmpuint (n2, ==, 404);
  g_assert_cmpstr (first, ==, second);

  /* the live lists show the new entries */
  enough_store_load_all (store2);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_dialogues (store2)) +
                    g_list_model_get_n_items (enough_store_get_letters (store2)) +
                    g_list_model_get_n_items (enough_store_get_self_checks (store2)) +
                    g_list_model_get_n_items (enough_store_get_experiments (store2)), ==, 404);

  /* idempotent: the same file again adds nothing */
  g_assert_true (enough_import_write (store2, import, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 404);
  third = export_json (store2, NULL);
  g_assert_cmpstr (first, ==, third);
  g_assert_cmpint (query_int (path2, "SELECT count(*) FROM dialogue"), ==,
                   query_int (f->path, "SELECT count(*) FROM dialogue"));
  g_assert_cmpint (query_int (path2, "SELECT count(*) FROM turn"), ==,
                   query_int (f->path, "SELECT count(*) FROM turn"));

  /* new records made after an import get fresh ids: no clash */
  {
    g_autoptr(EnoughDialogue) d = enough_store_create_dialogue (store2);
    g_autofree char *fourth = NULL;

    enough_dialogue_set_title (d, "After the import");
    fourth = export_json (store2, &n2);
    g_assert_cmpuint (n2, ==, 405);
    g_assert_nonnull (strstr (fourth, "After the import"));
    g_assert_cmpint (query_int (path2, "SELECT count(*) FROM dialogue WHERE title = 'After the import'"), ==, 1);
  }

  /* and it is searchable */
  {
    g_autoptr(GListModel) results = enough_store_search (store2, "Grumbleweed", 0, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  }
  {
    g_autoptr(GListModel) results = enough_store_search (store2, "typo left", 0, NULL, &error);
    g_autoptr(EnoughSearchResult) r = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
    r = g_list_model_get_item (results, 0);
    g_assert_cmpint (enough_search_result_get_kind (r), ==, ENOUGH_RECORD_KIND_EXPERIMENT);
    g_assert_cmpint (enough_search_result_get_field (r), ==, ENOUGH_SEARCH_FIELD_ACTION);
  }

  enough_store_close (store2, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store2);
  enough_test_remove_data_dir (dir2);
}

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *w = user_data;
  w->result = g_object_ref (result);
  w->done = TRUE;
}

static GAsyncResult *
wait_for (Wait *w)
{
  while (!w->done)
    g_main_context_iteration (NULL, TRUE);
  return w->result;
}

static void
test_async_with_results (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file_path = g_build_filename (f->dir, "export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autofree char *dir2 = enough_test_make_data_dir ();
  g_autofree char *path2 = g_build_filename (dir2, "journal.db", NULL);
  EnoughExportOptions options = { ENOUGH_EXPORT_JSON, 0, 0, 0, FIXED_NOW };
  g_autoptr(GAsyncResult) r1 = NULL;
  g_autoptr(GAsyncResult) r2 = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  Wait w1 = { 0 }, w2 = { 0 };
  EnoughStore *store2;
  GStatBuf st;
  guint n = 0, added = 0, skipped = 0;

  add_full_entries (f->store);
  /* not flushed: the export saves first */
  enough_export_async (f->store, &options, file, NULL, wait_cb, &w1);
  r1 = wait_for (&w1);
  g_assert_true (enough_export_finish (f->store, r1, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (g_stat (file_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  first = export_json (f->store, NULL);

  store2 = enough_store_open (path2, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  enough_import_file_async (store2, file, NULL, wait_cb, &w2);
  r2 = wait_for (&w2);
  g_assert_true (enough_import_file_finish (store2, r2, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 4);
  g_assert_cmpuint (skipped, ==, 0);
  /* the lists were reloaded */
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_letters (store2)), ==, 1);
  second = export_json (store2, NULL);
  g_assert_cmpstr (first, ==, second);
  g_clear_object (&r2);  /* it holds the store */

  enough_store_close (store2, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store2);
  enough_test_remove_data_dir (dir2);
}

/* Entries at known times: the clock gives one second per reading, so
 * creating with a jump in between puts them on different days. */
static void
test_date_range (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 day1 = (gint64) 1767312000 * G_USEC_PER_SEC;  /* 2026-01-02T00:00:00Z */
  EnoughExportOptions options = { ENOUGH_EXPORT_JSON, 0, 0, 0, FIXED_NOW };
  g_autofree char *all = NULL;
  g_autofree char *range = NULL;
  g_autofree char *letters = NULL;
  guint n = 0;

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(EnoughDialogue) d = NULL;
      g_autoptr(EnoughLetter) l = NULL;
      g_autofree char *title = g_strdup_printf ("day %u", i);

      f->now = day1 + (gint64) i * 86400 * G_USEC_PER_SEC + (gint64) 3600 * G_USEC_PER_SEC;
      d = enough_store_create_dialogue (f->store);
      enough_dialogue_set_title (d, title);
      l = enough_store_create_letter (f->store);
      enough_letter_set_text (l, title);
    }

  all = export_string (f->store, &options, &n);
  g_assert_cmpuint (n, ==, 8);

  /* days 1 and 2: [2026-01-03, 2026-01-05) */
  options.from_usec = day1 + (gint64) 86400 * G_USEC_PER_SEC;
  options.to_usec = day1 + (gint64) 3 * 86400 * G_USEC_PER_SEC;
  range = export_string (f->store, &options, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_null (strstr (range, "\"day 0\""));
  g_assert_nonnull (strstr (range, "\"day 1\""));
  g_assert_nonnull (strstr (range, "\"day 2\""));
  g_assert_null (strstr (range, "\"day 3\""));

  options.kinds = ENOUGH_EXPORT_LETTERS;
  letters = export_string (f->store, &options, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_null (strstr (letters, "\"dialogue\""));

  /* a range export imports cleanly too */
  {
    g_autoptr(EnoughImport) import = enough_import_parse_data (range, strlen (range), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (enough_import_get_n_entries (import), ==, 4);
  }
}

static void
test_command_line_dates (void)
{
  g_autoptr(GError) error = NULL;
  gint64 usec = 0;

  /* TZ is UTC in this test (main) */
  g_assert_true (enough_dates_parse_day ("2026-03-01", FALSE, &usec, &error));
  g_assert_no_error (error);
  g_assert_cmpint (usec, ==, (gint64) 1772323200 * G_USEC_PER_SEC);
  g_assert_true (enough_dates_parse_day ("2026-03-01", TRUE, &usec, &error));
  g_assert_cmpint (usec, ==, (gint64) (1772323200 + 86400) * G_USEC_PER_SEC);
  g_assert_true (enough_dates_parse_day ("2026-03-01T10:00:00+02:00", FALSE, &usec, &error));
  g_assert_cmpint (usec, ==, (gint64) (1772323200 + 8 * 3600) * G_USEC_PER_SEC);
  g_assert_false (enough_dates_parse_day ("2026-02-30", FALSE, &usec, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (enough_dates_parse_day ("yesterday", FALSE, &usec, &error));
  g_clear_error (&error);

  {
    EnoughExportFormat format;

    g_assert_true (enough_export_format_for_path ("/tmp/a.JSON", &format));
    g_assert_cmpint (format, ==, ENOUGH_EXPORT_JSON);
    g_assert_true (enough_export_format_for_path ("notes.md", &format));
    g_assert_cmpint (format, ==, ENOUGH_EXPORT_MARKDOWN);
    g_assert_false (enough_export_format_for_path ("notes.txt", &format));
  }
}

static void
test_markdown_golden (StoreFixture  *f,
                      gconstpointer  data)
{
  EnoughExportOptions options = { ENOUGH_EXPORT_MARKDOWN, 0, 0, 0, FIXED_NOW };
  g_autofree char *golden_path = g_build_filename (g_getenv ("ENOUGH_SOURCE_DIR"), "tests", "fixtures",
                                                   "export-golden.md", NULL);
  g_autofree char *md = NULL;
  g_autofree char *golden = NULL;
  g_autoptr(GError) error = NULL;

  add_full_entries (f->store);
  {
    /* one unfinished check too */
    g_autoptr(EnoughSelfCheck) c = enough_store_create_self_check (f->store, 1);
    enough_self_check_set_answer (c, 0, 3);
    enough_self_check_set_answer (c, 1, 4);
  }
  md = export_string (f->store, &options, NULL);

  if (g_getenv ("ENOUGH_UPDATE_GOLDEN") != NULL)
    {
      g_assert_true (g_file_set_contents (golden_path, md, -1, &error));
      g_assert_no_error (error);
    }
  g_assert_true (g_file_get_contents (golden_path, &golden, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (md, ==, golden);
}

static void
test_empty (StoreFixture  *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(EnoughImport) import = NULL;
  guint n = 1;

  json = export_json (f->store, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpstr (json, ==, "{\"format\":\"enough-journal\",\"version\":2,"
                   "\"exported_at\":\"2026-01-01T00:00:00Z\",\"entries\":[\n]}\n");
  import = enough_import_parse_data (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enough_import_get_n_entries (import), ==, 0);
}

/* json-glib's generator on one string: the reference the export's own
 * escaper must match byte for byte. */
static char *
json_glib_string (const char *text)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static char *
escaped (const char *text)
{
  GString *out = g_string_new ("\"");

  _enough_export_json_escape (out, text);
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static void
test_json_escape (void)
{
  static const char *const hostile[] = {
    "", "plain", "\"", "\\", "\\\"", "\"\\\"\\", "\\u0041", "a\"b\\c\nd\re\tf\bg\fh",
    "\x01\x02\x7f\x7e", "</script>", "\xc3\xa9\xe4\xb8\xad\xf0\x9f\x8c\xb1", "\xe2\x80\xa8\xe2\x80\xa9",
    "\xef\xbb\xbf", "\xff\xfe invalid UTF-8 \x80", "\xed\xa0\x80", "trailing \\", "\"\"\"\"",
  };
  GRand *rand = g_rand_new_with_seed (7);

  /* every single byte */
  for (guint c = 1; c < 256; c++)
    {
      char text[4] = { 'a', (char) c, 'z', '\0' };
      g_autofree char *mine = escaped (text);
      g_autofree char *theirs = json_glib_string (text);

      if (c == 0x1f)
        {
          /* json-glib 1.6 leaves it raw (invalid JSON); ours is RFC 8259 */
          g_assert_cmpstr (mine, ==, "\"a\\u001fz\"");
          continue;
        }
      g_assert_cmpstr (mine, ==, theirs);
    }
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *mine = escaped (hostile[i]);
      g_autofree char *theirs = json_glib_string (hostile[i]);

      g_assert_cmpstr (mine, ==, theirs);
    }
  /* random byte soup, mostly the interesting bytes */
  for (guint i = 0; i < 2000; i++)
    {
      char text[64];
      guint len = (guint) g_rand_int_range (rand, 0, sizeof text);
      g_autofree char *mine = NULL;
      g_autofree char *theirs = NULL;

      for (guint j = 0; j < len; j++)
        {
          static const char interesting[] = "\"\\\b\f\n\r\t\x01\x1e\x7f\x80\xc3\xa9 az";
          char c = g_rand_boolean (rand) ? interesting[g_rand_int_range (rand, 0, sizeof interesting - 1)]
                                         : (char) g_rand_int_range (rand, 1, 256);
          text[j] = c == 0x1f ? 'x' : c;
        }
      text[len] = '\0';
      mine = escaped (text);
      theirs = json_glib_string (text);
      g_assert_cmpstr (mine, ==, theirs);
    }
  g_rand_free (rand);

  /* U+001F, escaped, reads back as itself */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;

    g_assert_true (json_parser_load_from_data (parser, "[\"a\\u001fz\"]", -1, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (json_array_get_string_element (json_node_get_array (json_parser_get_root (parser)), 0),
                     ==, "a\x1fz");
  }
}

/* Every entry of an export is what json-glib's generator makes of it:
 * the hand-written writer changes nothing in the document. */
static void
test_json_glib_identical (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *hostile = g_string_new (NULL);
  guint n = 0, n_lines;

  g_assert_true (enough_store_generate_synthetic (f->store, 300, 11, &error));
  g_assert_no_error (error);
  add_full_entries (f->store);
  for (guint c = 1; c < 0x80; c++)
    if (c != 0x1f)
      g_string_append_c (hostile, (char) c);
  g_string_append (hostile, "\\\"\\u0000\"\xe2\x80\xa8 \xf0\x9f\x8c\xb1");
  {
    g_autoptr(EnoughDialogue) d = enough_store_create_dialogue (f->store);
    g_autoptr(EnoughTurn) t = NULL;
    g_autoptr(EnoughLetter) l = enough_store_create_letter (f->store);

    enough_dialogue_set_title (d, hostile->str);
    enough_dialogue_set_critic_name (d, hostile->str);
    t = enough_store_add_turn (f->store, d, -1, ENOUGH_SPEAKER_CRITIC, hostile->str);
    enough_letter_set_text (l, hostile->str);
    enough_letter_set_takeaway (l, "\"");
  }
  g_string_free (hostile, TRUE);

  json = export_json (f->store, &n);
  g_assert_cmpuint (n, ==, 306);
  lines = g_strsplit (json, "\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, ==, n + 3);  /* head, entries, "]}", "" */
  for (guint i = 1; i <= n; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *regenerated = NULL;
      gsize len = strlen (lines[i]);

      if (i < n)
        {
          g_assert_cmpint (lines[i][len - 1], ==, ',');
          lines[i][--len] = '\0';
        }
      g_assert_true (json_parser_load_from_data (parser, lines[i], (gssize) len, &error));
      g_assert_no_error (error);
      json_generator_set_root (generator, json_parser_get_root (parser));
      regenerated = json_generator_to_data (generator, NULL);
      g_assert_cmpstr (regenerated, ==, lines[i]);
    }
  g_assert_cmpstr (lines[n + 1], ==, "]}");
}

/* Chosen entries: only those, and no other entry's words, in every format. */
static void
test_chosen_entries (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(EnoughDialogue) d1 = enough_store_create_dialogue (f->store);
  g_autoptr(EnoughDialogue) d2 = enough_store_create_dialogue (f->store);
  g_autoptr(EnoughLetter) l1 = enough_store_create_letter (f->store);
  g_autoptr(EnoughLetter) l2 = enough_store_create_letter (f->store);
  EnoughExportEntryRef chosen[2];
  EnoughExportOptions options = { ENOUGH_EXPORT_MARKDOWN, 0, 0, 0, FIXED_NOW };
  EnoughExportFormat formats[] = { ENOUGH_EXPORT_MARKDOWN, ENOUGH_EXPORT_JSON };

  enough_dialogue_set_title (d1, "shared-dialogue-words");
  enough_dialogue_set_title (d2, "private-dialogue-words");
  enough_letter_set_text (l1, "private-letter-words");
  enough_letter_set_text (l2, "shared-letter-words");
  chosen[0] = (EnoughExportEntryRef) { ENOUGH_RECORD_KIND_DIALOGUE, _enough_record_get_id (ENOUGH_RECORD (d1)) };
  chosen[1] = (EnoughExportEntryRef) { ENOUGH_RECORD_KIND_LETTER, _enough_record_get_id (ENOUGH_RECORD (l2)) };
  options.chosen = chosen;
  options.n_chosen = G_N_ELEMENTS (chosen);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *text = NULL;
      guint n = 0;

      options.format = formats[i];
      text = export_string (f->store, &options, &n);
      g_assert_cmpuint (n, ==, 2);
      g_assert_nonnull (strstr (text, "shared-dialogue-words"));
      g_assert_nonnull (strstr (text, "shared-letter-words"));
      g_assert_null (strstr (text, "private-"));
    }

  /* The kinds still apply: letters only leaves the chosen letter. */
  {
    g_autofree char *text = NULL;
    guint n = 0;

    options.kinds = ENOUGH_EXPORT_LETTERS;
    text = export_string (f->store, &options, &n);
    g_assert_cmpuint (n, ==, 1);
    g_assert_null (strstr (text, "shared-dialogue-words"));
  }
}

/* PDF: chosen entries only, CJK in the text layer (read back with
 * pdftotext when it is installed). */
static void
test_pdf (StoreFixture  *f,
          gconstpointer  data)
{
  g_autoptr(EnoughDialogue) d = enough_store_create_dialogue (f->store);
  g_autoptr(EnoughLetter) l = enough_store_create_letter (f->store);
  g_autoptr(EnoughLetter) other = enough_store_create_letter (f->store);
  g_autoptr(EnoughTurn) t = NULL;
  EnoughExportEntryRef chosen[2];
  EnoughExportOptions options = { ENOUGH_EXPORT_PDF, 0, 0, 0, FIXED_NOW };
  g_autofree char *pdf_path = g_build_filename (f->dir, "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *contents = NULL;
  const char *argv[] = { NULL, pdf_path, "-", NULL };
  int status = -1;
  guint n = 0;

  enough_dialogue_set_critic_name (d, "The Judge");
  t = enough_store_add_turn (f->store, d, -1, ENOUGH_SPEAKER_CRITIC, "十分ではない");
  enough_letter_set_text (l, "괜찮아요 충분해요");
  enough_letter_set_text (other, "secret-words");
  chosen[0] = (EnoughExportEntryRef) { ENOUGH_RECORD_KIND_DIALOGUE, _enough_record_get_id (ENOUGH_RECORD (d)) };
  chosen[1] = (EnoughExportEntryRef) { ENOUGH_RECORD_KIND_LETTER, _enough_record_get_id (ENOUGH_RECORD (l)) };
  options.chosen = chosen;
  options.n_chosen = 2;
  g_assert_true (enough_store_flush (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (enough_export_to_file (enough_store_get_path (f->store), &options, file, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (g_file_get_contents (pdf_path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed (build-aux/setup.sh installs it)");
      return;
    }
  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, "The Judge:"));
  g_assert_nonnull (strstr (text, "十分ではない"));
  g_assert_nonnull (strstr (text, "괜찮아요 충분해요"));
  g_assert_nonnull (strstr (text, "Written in Enough"));
  g_assert_null (strstr (text, "secret-words"));
}

int
main (int   argc,
      char *argv[])
{
  /* Markdown dates are local: make them the same everywhere. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/dates", test_command_line_dates);
  g_test_add_func ("/export/json-escape", test_json_escape);
  g_test_add ("/export/json-glib-identical", StoreFixture, NULL, fixture_setup, test_json_glib_identical, fixture_teardown);
  g_test_add ("/export/empty", StoreFixture, NULL, fixture_setup, test_empty, fixture_teardown);
  g_test_add ("/export/round-trip", StoreFixture, NULL, fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/export/async", StoreFixture, NULL, fixture_setup, test_async_with_results, fixture_teardown);
  g_test_add ("/export/date-range", StoreFixture, NULL, fixture_setup, test_date_range, fixture_teardown);
  g_test_add ("/export/chosen-entries", StoreFixture, NULL, fixture_setup, test_chosen_entries, fixture_teardown);
  g_test_add ("/export/pdf", StoreFixture, NULL, fixture_setup, test_pdf, fixture_teardown);
  g_test_add ("/export/markdown-golden", StoreFixture, NULL, fixture_setup, test_markdown_golden, fixture_teardown);

  return g_test_run ();
}
