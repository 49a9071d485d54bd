/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
/* Full-text search in the store: words, CJK, snippets, the async query.
 * (Split from test-store.c to keep files short.) */
#include <glib/gstdio.h>
#include <string.h>

#include "enough-store.h"
#include "enough-store-private.h"
#include "enough-store-test-hooks.h"
#include "enough-store-schema.h"
#include "enough-store-test-utils.h"
#include "enough-tables.h"

/* ---- search -------------------------------------------------------------------- */

static GListModel *
search (EnoughStore *store,
        const char  *query,
        gboolean    *complete)
{
  g_autoptr(GError) error = NULL;
  GListModel *results = enough_store_search (store, query, 20, complete, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static void
assert_match (EnoughSearchResult *r,
              const char         *expected)
{
  const char *snippet = enough_search_result_get_snippet (r);
  guint start, end;

  g_assert_cmpuint (enough_search_result_get_n_matches (r), >=, 1);
  enough_search_result_get_match (r, 0, &start, &end);
  g_assert_cmpuint (end, <=, strlen (snippet));
  g_assert_cmpuint (end - start, ==, strlen (expected));
  g_assert_cmpint (g_ascii_strncasecmp (snippet + start, expected, end - start), ==, 0);
}

static void
test_search_basic (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (f->store);
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  g_autoptr(EnoughSelfCheck) check = enough_store_create_self_check (f->store, 1);
  g_autoptr(EnoughTurn) turn = NULL;
  g_autoptr(GListModel) results = NULL;
  EnoughSearchResult *r;
  gboolean complete = FALSE;

  enough_dialogue_set_title (dialogue, "Presentation nerves");
  enough_dialogue_set_critic_name (dialogue, "the Perfectionist");
  turn = enough_store_add_turn (f->store, dialogue, -1, ENOUGH_SPEAKER_CRITIC,
                                "If the presentation has one typo, everyone\nwill notice.");
  enough_letter_set_not_good_enough (letter, "The typo in my email.");
  enough_letter_set_text (letter, "A typo is a sign of a busy person, not a bad one.");
  enough_letter_set_takeaway (letter, "Busy, not bad.");
  enough_self_check_set_note (check, "Less worried about every typo this time.");
  flush (f->store);

  /* Case-insensitive, grouped: dialogue hits, then letter hits, then notes. */
  results = search (f->store, "TYPO", &complete);
  g_assert_true (complete);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 4);
  r = item (results, 0);
  g_assert_cmpint (enough_search_result_get_kind (r), ==, ENOUGH_RECORD_KIND_DIALOGUE);
  g_assert_cmpint (enough_search_result_get_field (r), ==, ENOUGH_SEARCH_FIELD_TURN);
  g_assert_cmpstr (enough_search_result_get_entry_uuid (r), ==, enough_record_get_uuid (ENOUGH_RECORD (dialogue)));
  g_assert_cmpstr (enough_search_result_get_turn_uuid (r), ==, enough_record_get_uuid (ENOUGH_RECORD (turn)));
  g_assert_null (strchr (enough_search_result_get_snippet (r), '\n'));  /* one line */
  assert_match (r, "typo");
  g_assert_cmpint (enough_search_result_get_kind (item (results, 1)), ==, ENOUGH_RECORD_KIND_LETTER);
  g_assert_cmpint (enough_search_result_get_kind (item (results, 2)), ==, ENOUGH_RECORD_KIND_LETTER);
  r = item (results, 3);
  g_assert_cmpint (enough_search_result_get_kind (r), ==, ENOUGH_RECORD_KIND_SELF_CHECK);
  g_assert_cmpint (enough_search_result_get_field (r), ==, ENOUGH_SEARCH_FIELD_NOTE);
  assert_match (r, "typo");
  g_clear_object (&results);

  /* Titles and critic names; several words are ANDed. */
  results = search (f->store, "perfectionist", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_cmpint (enough_search_result_get_field (item (results, 0)), ==, ENOUGH_SEARCH_FIELD_CRITIC_NAME);
  g_clear_object (&results);
  results = search (f->store, "typo busy", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_cmpint (enough_search_result_get_field (item (results, 0)), ==, ENOUGH_SEARCH_FIELD_LETTER);
  g_clear_object (&results);

  /* The takeaway ranks above the longer letter body for "busy". */
  results = search (f->store, "busy", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_assert_cmpint (enough_search_result_get_field (item (results, 0)), ==, ENOUGH_SEARCH_FIELD_TAKEAWAY);
  g_clear_object (&results);

  /* Hostile input is just text. */
  results = search (f->store, "\"); DROP TABLE letter; --", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);
  results = search (f->store, "100%_", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);
  results = search (f->store, "   ", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);

  /* Edits are re-indexed; deleted entries disappear at once. */
  enough_letter_set_takeaway (letter, "Kind, not bad.");
  flush (f->store);
  results = search (f->store, "busy", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);
  enough_store_delete (f->store, dialogue);
  results = search (f->store, "presentation", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);
  enough_store_restore (f->store, dialogue);
  results = search (f->store, "presentation", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_clear_object (&results);

  /* A restored dialogue has its turns. */
  g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)), ==, 1);

  /* Purged rows leave the index too. */
  enough_store_delete (f->store, letter);
  g_clear_object (&letter);
  g_clear_object (&turn);
  g_clear_object (&dialogue);
  g_clear_object (&check);
  f->now += ENOUGH_STORE_TRASH_USEC + G_USEC_PER_SEC;  /* past Recently Deleted */
  fixture_reopen (f);
  results = search (f->store, "kind, not", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM search WHERE rowid % 64 >= 28 AND rowid % 64 <= 30"), ==, 0);
}

static void
test_search_cjk (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(EnoughLetter) zh = enough_store_create_letter (f->store);
  g_autoptr(EnoughLetter) ja = enough_store_create_letter (f->store);
  g_autoptr(EnoughDialogue) ko = enough_store_create_dialogue (f->store);
  g_autoptr(EnoughLetter) apart = enough_store_create_letter (f->store);
  g_autoptr(GListModel) results = NULL;
  gboolean complete = FALSE;

  enough_letter_set_text (apart, "工，作");

  enough_letter_set_text (zh, "我总是担心自己做得不够好，害怕别人失望。工作太多了。");
  enough_letter_set_text (ja, "完璧にできなかったことばかり考えてしまう。今日は疲れた。");
  g_object_unref (enough_store_add_turn (f->store, ko, -1, ENOUGH_SPEAKER_ME,
                                         "오늘 발표에서 작은 실수를 해서 계속 생각이 난다. 친구라면 괜찮다고 말해줄 거야."));
  flush (f->store);

  /* Chinese, 3+ characters: indexed. */
  results = search (f->store, "不够好", &complete);
  g_assert_true (complete);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_cmpstr (enough_search_result_get_entry_uuid (item (results, 0)), ==,
                   enough_record_get_uuid (ENOUGH_RECORD (zh)));
  assert_match (item (results, 0), "不够好");
  g_clear_object (&results);

  /* Chinese, two characters (a whole word): the character index. The
   * letter with 工 and 作 apart does not match. */
  results = search (f->store, "工作", &complete);
  g_assert_true (complete);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_cmpstr (enough_search_result_get_entry_uuid (item (results, 0)), ==,
                   enough_record_get_uuid (ENOUGH_RECORD (zh)));
  assert_match (item (results, 0), "工作");
  g_clear_object (&results);
  {
    g_autofree char *tokens = enough_store_cjk_tokens ("我的 work 工作!");
    g_assert_cmpstr (tokens, ==, "我 的 x 工 作");
    g_assert_null (enough_store_cjk_tokens ("only latin"));
  }

  /* Edits re-index the character index too. */
  enough_letter_set_text (apart, "今天工作很顺利");
  flush (f->store);
  results = search (f->store, "工作", &complete);
  g_assert_true (complete);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_clear_object (&results);
  enough_letter_set_text (apart, "工，作");
  flush (f->store);

  /* Japanese */
  results = search (f->store, "疲れた", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_cmpstr (enough_search_result_get_entry_uuid (item (results, 0)), ==,
                   enough_record_get_uuid (ENOUGH_RECORD (ja)));
  g_clear_object (&results);
  results = search (f->store, "完璧", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);

  /* Korean, long and short, and mixed with a long word */
  results = search (f->store, "실수를", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_cmpint (enough_search_result_get_kind (item (results, 0)), ==, ENOUGH_RECORD_KIND_DIALOGUE);
  assert_match (item (results, 0), "실수를");
  g_clear_object (&results);
  results = search (f->store, "친구", &complete);
  g_assert_true (complete);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);
  results = search (f->store, "休", &complete);  /* Japanese kanji, alone */
  g_assert_true (complete);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);
  results = search (f->store, "今日", &complete);
  g_assert_true (complete);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);
  results = search (f->store, "발표에서 친구", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);

  /* One character works too, and a miss is a miss. */
  results = search (f->store, "累", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);
  results = search (f->store, "怕", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);
}

static void
test_search_snippet (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  EnoughSearchResult *r;
  const char *snippet;
  guint start, end;

  /* A long letter with the match far inside and CJK before it. */
  for (guint i = 0; i < 200; i++)
    g_string_append (text, "日々の小さなこと, ordinary words. ");
  g_string_append (text, "Then the <b>needle</b> & more\n");
  for (guint i = 0; i < 50; i++)
    g_string_append (text, "tail words ");
  enough_letter_set_text (letter, text->str);
  flush (f->store);

  results = search (f->store, "NEEDLE", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  r = item (results, 0);
  snippet = enough_search_result_get_snippet (r);
  g_assert_true (g_utf8_validate (snippet, -1, NULL));
  g_assert_true (g_str_has_prefix (snippet, "…"));
  g_assert_true (g_str_has_suffix (snippet, "…"));
  g_assert_cmpuint (g_utf8_strlen (snippet, -1), <=, 130);
  /* Plain text: markup-looking user text is left as it is. */
  g_assert_nonnull (strstr (snippet, "<b>needle</b> &"));
  g_assert_cmpuint (enough_search_result_get_n_matches (r), ==, 1);
  enough_search_result_get_match (r, 0, &start, &end);
  g_assert_cmpint (strncmp (snippet + start, "needle", 6), ==, 0);
  g_assert_cmpuint (end - start, ==, 6);
  g_clear_object (&results);

  /* Invalid UTF-8 or empty words find nothing, quietly. */
  results = search (f->store, "\xff\xfe", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
}

static void
search_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GListModel **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = enough_store_search_finish (ENOUGH_STORE (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

static void
test_search_async (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;

  g_assert_true (enough_store_generate_synthetic (f->store, 300, 11, &error));
  enough_store_search_async (f->store, "失", 5, NULL, search_done, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), <=, 15);
  g_clear_object (&results);

  enough_store_search_async (f->store, "deadlines", 5, NULL, search_done, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    assert_match (item (results, i), "deadlines");
}

static gint64
fixed_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

#define DAY_USEC ((gint64) 24 * 3600 * G_USEC_PER_SEC)

/* Each result names its entry (read in the search, not by the rows), and
 * a group is shown by relevance, then date, newest first, whatever order
 * the entries were written in; one dialogue's turns stay together. */
static void
test_search_names_and_order (StoreFixture  *f,
                             gconstpointer  data)
{
  gint64 now = (gint64) 1780000000 * G_USEC_PER_SEC;
  g_autoptr(EnoughDialogue) old = NULL;
  g_autoptr(EnoughDialogue) recent = NULL;
  g_autoptr(EnoughDialogue) middle = NULL;
  g_autoptr(EnoughDialogue) untitled = NULL;
  g_autoptr(EnoughLetter) named = NULL;
  g_autoptr(EnoughLetter) unnamed = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GString) long_start = g_string_new (NULL);
  const char *uuids[6];
  EnoughSearchResult *r;

  enough_store_set_clock (f->store, fixed_clock, &now);

  /* Written newest first, then an older one, then one in between. */
  now -= 1 * DAY_USEC;
  recent = enough_store_create_dialogue (f->store);
  enough_dialogue_set_title (recent, "Tuesday\nat   work");
  g_object_unref (enough_store_add_turn (f->store, recent, -1, ENOUGH_SPEAKER_CRITIC, "The meeting went badly."));
  g_object_unref (enough_store_add_turn (f->store, recent, -1, ENOUGH_SPEAKER_ME, "One meeting is one meeting."));
  now -= 9 * DAY_USEC;
  old = enough_store_create_dialogue (f->store);
  enough_dialogue_set_title (old, "The old meeting");
  g_object_unref (enough_store_add_turn (f->store, old, -1, ENOUGH_SPEAKER_CRITIC, "That meeting again."));
  now += 5 * DAY_USEC;
  middle = enough_store_create_dialogue (f->store);
  enough_dialogue_set_title (middle, "Monday’s dialogue");
  g_object_unref (enough_store_add_turn (f->store, middle, -1, ENOUGH_SPEAKER_CRITIC, "The meeting, the meeting."));
  untitled = enough_store_create_dialogue (f->store);
  g_object_unref (enough_store_add_turn (f->store, untitled, -1, ENOUGH_SPEAKER_ME, "A meeting."));

  named = enough_store_create_letter (f->store);
  enough_letter_set_not_good_enough (named, "\n  The report I sent late  ");
  enough_letter_set_text (named, "Dear me, the meeting was fine.");
  unnamed = enough_store_create_letter (f->store);
  while (long_start->len < 200 * 1024)
    g_string_append (long_start, "meeting notes again and again ");
  enough_letter_set_text (unnamed, long_start->str);
  flush (f->store);

  results = search (f->store, "meeting", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 8);

  /* The title hit first (a title weighs more), then by hits: "One
   * meeting is one meeting." and "The meeting, the meeting." (two hits
   * each: the newer first), then one hit each, newest first. */
  uuids[0] = enough_record_get_uuid (ENOUGH_RECORD (old));
  uuids[1] = enough_record_get_uuid (ENOUGH_RECORD (recent));
  uuids[2] = enough_record_get_uuid (ENOUGH_RECORD (middle));
  uuids[3] = enough_record_get_uuid (ENOUGH_RECORD (recent));
  uuids[4] = enough_record_get_uuid (ENOUGH_RECORD (untitled));
  uuids[5] = enough_record_get_uuid (ENOUGH_RECORD (old));
  for (guint i = 0; i < G_N_ELEMENTS (uuids); i++)
    {
      r = item (results, i);
      g_test_message ("%u: %s “%s”", i, enough_search_result_get_snippet (r),
                      enough_search_result_get_entry_title (r));
      g_assert_cmpint (enough_search_result_get_kind (r), ==, ENOUGH_RECORD_KIND_DIALOGUE);
      g_assert_cmpstr (enough_search_result_get_entry_uuid (r), ==, uuids[i]);
      if (i > 0)
        g_assert_cmpfloat (enough_search_result_get_rank (item (results, i - 1)), <=,
                           enough_search_result_get_rank (r));
    }
  g_assert_cmpint (enough_search_result_get_field (item (results, 0)), ==, ENOUGH_SEARCH_FIELD_TITLE);
  /* Same relevance, newest first. */
  g_assert_cmpint (enough_search_result_get_created_at (item (results, 1)), >,
                   enough_search_result_get_created_at (item (results, 2)));
  g_assert_cmpint (enough_search_result_get_created_at (item (results, 4)), >,
                   enough_search_result_get_created_at (item (results, 5)));

  /* Names: one line, as the lists show them; none when untitled. */
  g_assert_cmpstr (enough_search_result_get_entry_title (item (results, 0)), ==, "The old meeting");
  g_assert_cmpstr (enough_search_result_get_entry_title (item (results, 1)), ==, "Tuesday at work");
  g_assert_cmpstr (enough_search_result_get_entry_title (item (results, 2)), ==, "Monday’s dialogue");
  g_assert_null (enough_search_result_get_entry_title (item (results, 4)));

  /* Letters: what felt not good enough, or else the letter's first words,
   * cut near 60 characters at a word. The long letter has more hits. */
  r = item (results, 6);
  g_assert_cmpint (enough_search_result_get_kind (r), ==, ENOUGH_RECORD_KIND_LETTER);
  g_assert_cmpstr (enough_search_result_get_entry_uuid (r), ==, enough_record_get_uuid (ENOUGH_RECORD (unnamed)));
  g_assert_cmpstr (enough_search_result_get_entry_title (r), ==,
                   "meeting notes again and again meeting notes again and again…");
  r = item (results, 7);
  g_assert_cmpstr (enough_search_result_get_entry_uuid (r), ==, enough_record_get_uuid (ENOUGH_RECORD (named)));
  g_assert_cmpstr (enough_search_result_get_entry_title (r), ==, "The report I sent late");
  g_clear_object (&results);
  /* The clock reads this function's @now: the store's close asks it too. */
  enough_store_set_clock (f->store, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store/search/basic", test_search_basic);
  ADD ("/store/search/cjk", test_search_cjk);
  ADD ("/store/search/snippet", test_search_snippet);
  ADD ("/store/search/async", test_search_async);
  ADD ("/store/search/names-and-order", test_search_names_and_order);

  return g_test_run ();
}
