/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <string.h>

#include "enough-item-bank.h"

/* The longest a statement may be, in characters, so it fits one line of
 * the narrow (360 px) layout in most languages. */
#define MAX_STATEMENT_CHARS 80

/* Every version this build knows: 1 (kept for the checks answered with
 * it) up to the current one. */
#define FOR_EACH_VERSION(v) \
  for (guint v = 1; v <= ENOUGH_ITEM_BANK_VERSION; v++)

static void
test_versions (void)
{
  g_assert_cmpuint (ENOUGH_ITEM_BANK_VERSION, ==, 2);
  g_assert_true (enough_item_bank_has_version (1));
  g_assert_true (enough_item_bank_has_version (2));
  g_assert_false (enough_item_bank_has_version (0));
  g_assert_false (enough_item_bank_has_version (3));

  FOR_EACH_VERSION (v)
    {
      g_assert_cmpuint (enough_item_bank_get_n_items (v), ==, ENOUGH_ITEM_BANK_N_ITEMS);
      g_assert_cmpuint (enough_item_bank_get_n_items (v), ==, 24);
      g_assert_nonnull (enough_item_bank_get_item (v, 0));
      g_assert_nonnull (enough_item_bank_get_item (v, 23));
      g_assert_null (enough_item_bank_get_item (v, 24));
    }
  g_assert_cmpuint (enough_item_bank_get_n_items (0), ==, 0);
  g_assert_cmpuint (enough_item_bank_get_n_items (3), ==, 0);

  g_assert_null (enough_item_bank_get_item (3, 0));
  g_assert_null (enough_item_bank_get_item (0, 0));
}

static void
test_unique_ids (void)
{
  FOR_EACH_VERSION (v)
  {
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = enough_item_bank_get_n_items (v);

  for (guint i = 0; i < n; i++)
    {
      const EnoughItem *item = enough_item_bank_get_item (v, i);
      const EnoughItem *found;
      guint index = G_MAXUINT;

      g_assert_nonnull (item);
      g_assert_nonnull (item->id);
      g_assert_cmpuint (strlen (item->id), >, 0);
      g_assert_false (g_hash_table_contains (ids, item->id));
      g_hash_table_add (ids, (gpointer) item->id);

      g_assert_false (g_hash_table_contains (texts, item->text));
      g_hash_table_add (texts, (gpointer) item->text);

      /* Looking an item up by id finds it at its own position. */
      found = enough_item_bank_find_item (v, item->id, &index);
      g_assert_true (found == item);
      g_assert_cmpuint (index, ==, i);
    }

  g_assert_cmpuint (g_hash_table_size (ids), ==, 24);
  g_assert_null (enough_item_bank_find_item (v, "zz9", NULL));
  }
  g_assert_null (enough_item_bank_find_item (3, "hs1", NULL));
}

/* Version 2 rewrote five statements. History stays honest: an id means
 * one wording in every version (a reworded statement gets a new id), the
 * rewritten ones keep the position, subscale and keying of the ones they
 * replace, and version 1 still has its own wording. */
static void
test_version_2 (void)
{
  const struct { const char *old_id, *new_id; } rewritten[] = {
    { "an1", "an5" },  /* too close to a published scale */
    { "ic4", "ic5" },  /* too close to a published scale */
    { "tr3", "tr5" },  /* asked two things */
    { "tr4", "tr6" },  /* asked two things, overlapped an1 */
    { "hs4", "hs5" },  /* only covered everyday tasks */
  };
  guint n_same = 0;

  for (gsize r = 0; r < G_N_ELEMENTS (rewritten); r++)
    {
      guint old_index = G_MAXUINT, new_index = G_MAXUINT;
      const EnoughItem *old_item = enough_item_bank_find_item (1, rewritten[r].old_id, &old_index);
      const EnoughItem *new_item = enough_item_bank_find_item (2, rewritten[r].new_id, &new_index);

      g_assert_nonnull (old_item);
      g_assert_nonnull (new_item);
      g_assert_null (enough_item_bank_find_item (2, rewritten[r].old_id, NULL));
      g_assert_null (enough_item_bank_find_item (1, rewritten[r].new_id, NULL));
      g_assert_cmpuint (new_index, ==, old_index);
      g_assert_cmpint (new_item->subscale, ==, old_item->subscale);
      g_assert_cmpint (new_item->reversed, ==, old_item->reversed);
      g_assert_cmpstr (new_item->text, !=, old_item->text);
    }

  for (guint i = 0; i < ENOUGH_ITEM_BANK_N_ITEMS; i++)
    {
      const EnoughItem *v1 = enough_item_bank_get_item (1, i);
      const EnoughItem *v2 = enough_item_bank_get_item (2, i);

      if (g_str_equal (v1->id, v2->id))
        {
          g_assert_cmpstr (v1->text, ==, v2->text);
          g_assert_cmpint (v1->subscale, ==, v2->subscale);
          g_assert_cmpint (v1->reversed, ==, v2->reversed);
          n_same++;
        }
    }
  g_assert_cmpuint (n_same, ==, ENOUGH_ITEM_BANK_N_ITEMS - G_N_ELEMENTS (rewritten));

  /* The old wordings are still there for old checks. */
  g_assert_cmpstr (enough_item_bank_find_item (1, "ic4", NULL)->text, ==,
                   "I call myself names when something doesn’t go to plan.");
  g_assert_cmpstr (enough_item_bank_find_item (1, "an1", NULL)->text, ==,
                   "If I can’t do something properly, I’d rather not start at all.");

  /* The phrases close to published scales are gone from the current bank. */
  for (guint i = 0; i < ENOUGH_ITEM_BANK_N_ITEMS; i++)
    {
      const char *text = enough_item_bank_get_item (ENOUGH_ITEM_BANK_VERSION, i)->text;

      g_assert_null (strstr (text, "call myself names"));
      g_assert_null (strstr (text, "rather not start"));
      g_assert_null (strstr (text, "afraid they won’t"));
    }
}

static void
test_subscale_balance (void)
{
  FOR_EACH_VERSION (v)
  {
  guint per_subscale[ENOUGH_N_SUBSCALES] = { 0, };
  guint reversed[ENOUGH_N_SUBSCALES] = { 0, };
  guint n = enough_item_bank_get_n_items (v);

  for (guint i = 0; i < n; i++)
    {
      const EnoughItem *item = enough_item_bank_get_item (v, i);

      g_assert_cmpint (item->subscale, >=, 0);
      g_assert_cmpint (item->subscale, <, ENOUGH_N_SUBSCALES);
      per_subscale[item->subscale]++;
      if (item->reversed)
        reversed[item->subscale]++;
    }

  for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
    {
      g_assert_cmpuint (per_subscale[s], ==, ENOUGH_ITEM_BANK_ITEMS_PER_SUBSCALE);
      g_assert_cmpuint (per_subscale[s], ==, 4);
      /* At least one reverse-keyed statement, but at most half, so each
       * subscale is still mostly about the thing it names. */
      g_assert_cmpuint (reversed[s], >=, 1);
      g_assert_cmpuint (reversed[s], <=, ENOUGH_ITEM_BANK_ITEMS_PER_SUBSCALE / 2);
    }

  /* The first six statements cover each subscale once, so no subscale
   * comes as a block. */
  for (guint i = 0; i < ENOUGH_N_SUBSCALES; i++)
    g_assert_cmpint (enough_item_bank_get_item (v, i)->subscale, ==, (EnoughSubscale) i);
  }
}

/* A known example of each kind of item, to pin the data down. */
static void
test_known_items (void)
{
  guint index = G_MAXUINT;
  const EnoughItem *item;

  item = enough_item_bank_find_item (1, "hs1", &index);
  g_assert_nonnull (item);
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpint (item->subscale, ==, ENOUGH_SUBSCALE_HIGH_STANDARDS);
  g_assert_false (item->reversed);

  item = enough_item_bank_find_item (1, "fm2", &index);
  g_assert_nonnull (item);
  g_assert_cmpuint (index, ==, 7);
  g_assert_cmpint (item->subscale, ==, ENOUGH_SUBSCALE_FEAR_OF_MISTAKES);
  g_assert_true (item->reversed);

  item = enough_item_bank_find_item (1, "tr3", &index);
  g_assert_nonnull (item);
  g_assert_cmpint (item->subscale, ==, ENOUGH_SUBSCALE_TROUBLE_RESTING);
  g_assert_true (item->reversed);
}

/* Does the statement speak in the first person ("I", "my", "me")? */
static gboolean
is_first_person (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("[^A-Za-z’']+", text, 0, 0);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], "I") || g_str_has_prefix (words[i], "I’") ||
          g_str_equal (words[i], "my") || g_str_equal (words[i], "My") ||
          g_str_equal (words[i], "me") || g_str_equal (words[i], "myself"))
        return TRUE;
    }

  return FALSE;
}

static void
test_statements (void)
{
  FOR_EACH_VERSION (v)
  {
  guint n = enough_item_bank_get_n_items (v);

  for (guint i = 0; i < n; i++)
    {
      const EnoughItem *item = enough_item_bank_get_item (v, i);
      const char *text = enough_item_get_text (item);

      g_test_message ("%s: %s", item->id, text);
      g_assert_nonnull (text);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_cmpuint (strlen (text), >, 0);
      g_assert_cmpint (g_utf8_strlen (text, -1), <=, MAX_STATEMENT_CHARS);
      g_assert_true (is_first_person (text));
      /* A full sentence: capital first, full stop last. */
      g_assert_true (g_unichar_isupper (g_utf8_get_char (text)));
      g_assert_true (g_str_has_suffix (text, "."));
    }
  }
}

static void
test_scale_labels (void)
{
  for (guint answer = ENOUGH_ANSWER_MIN; answer <= ENOUGH_ANSWER_MAX; answer++)
    {
      const char *label = enough_item_bank_get_scale_label (1, answer);

      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 0);
    }

  g_assert_cmpstr (enough_item_bank_get_scale_label (1, 1), ==, "Not at all like me");
  g_assert_cmpstr (enough_item_bank_get_scale_label (1, 5), ==, "Very much like me");
  g_assert_null (enough_item_bank_get_scale_label (1, 0));
  g_assert_null (enough_item_bank_get_scale_label (1, 6));
  g_assert_cmpstr (enough_item_bank_get_scale_label (2, 3), ==, enough_item_bank_get_scale_label (1, 3));
  g_assert_null (enough_item_bank_get_scale_label (3, 3));
}

/* Reverse keying: 6 - answer. */
static void
test_score_answer (void)
{
  const EnoughItem *straight = enough_item_bank_find_item (1, "hs1", NULL);
  const EnoughItem *reversed = enough_item_bank_find_item (1, "fm2", NULL);

  for (guint answer = 1; answer <= 5; answer++)
    {
      g_assert_cmpuint (enough_item_score_answer (straight, answer), ==, answer);
      g_assert_cmpuint (enough_item_score_answer (reversed, answer), ==, 6 - answer);
    }

  /* Spelled out: 1 → 5, 2 → 4, 3 → 3, 4 → 2, 5 → 1. */
  g_assert_cmpuint (enough_item_score_answer (reversed, 1), ==, 5);
  g_assert_cmpuint (enough_item_score_answer (reversed, 2), ==, 4);
  g_assert_cmpuint (enough_item_score_answer (reversed, 3), ==, 3);
  g_assert_cmpuint (enough_item_score_answer (reversed, 4), ==, 2);
  g_assert_cmpuint (enough_item_score_answer (reversed, 5), ==, 1);

  /* Not an answer: counts nothing. */
  g_assert_cmpuint (enough_item_score_answer (straight, 0), ==, 0);
  g_assert_cmpuint (enough_item_score_answer (reversed, 0), ==, 0);
  g_assert_cmpuint (enough_item_score_answer (reversed, 6), ==, 0);
}

static void
assert_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (strlen (text), >, 0);
}

static void
test_subscale_texts (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
    {
      const char *id = enough_subscale_get_id (s);
      EnoughSubscale parsed = ENOUGH_N_SUBSCALES;

      assert_text (id);
      g_assert_true (enough_subscale_from_id (id, &parsed));
      g_assert_cmpint (parsed, ==, (EnoughSubscale) s);

      assert_text (enough_subscale_get_name (s));
      g_assert_false (g_hash_table_contains (names, enough_subscale_get_name (s)));
      g_hash_table_add (names, (gpointer) enough_subscale_get_name (s));
      assert_text (enough_subscale_get_description (s));

      for (guint b = 0; b < ENOUGH_N_BANDS; b++)
        {
          const char *text = enough_subscale_get_band_text (s, b);

          assert_text (text);
          /* Observations, not verdicts. */
          g_assert_nonnull (strstr (text, "may mean"));
        }
    }

  g_assert_false (enough_subscale_from_id ("perfect", NULL));
  g_assert_cmpstr (enough_subscale_get_name (ENOUGH_SUBSCALE_HIGH_STANDARDS), ==, "High standards");
  g_assert_cmpstr (enough_subscale_get_name (ENOUGH_SUBSCALE_TROUBLE_RESTING), ==, "Trouble resting");
  /* High standards on their own can be healthy, and the high band says so. */
  g_assert_nonnull (strstr (enough_subscale_get_band_text (ENOUGH_SUBSCALE_HIGH_STANDARDS,
                                                           ENOUGH_BAND_HIGH),
                            "healthy"));
}

static void
test_other_texts (void)
{
  for (guint b = 0; b < ENOUGH_N_BANDS; b++)
    assert_text (enough_band_get_name (b));

  for (guint d = 0; d < ENOUGH_N_DIMENSIONS; d++)
    {
      assert_text (enough_dimension_get_name (d));
      assert_text (enough_dimension_get_description (d));
    }

  for (guint e = 0; e < ENOUGH_N_EXERCISES; e++)
    assert_text (enough_exercise_get_name (e));
  g_assert_cmpstr (enough_exercise_get_name (ENOUGH_EXERCISE_INNER_CRITIC), ==, "Inner Critic");
  g_assert_cmpstr (enough_exercise_get_name (ENOUGH_EXERCISE_LETTERS), ==, "Letters");

  /* Every focus the scoring can pick, including "nothing stands out". */
  for (guint s = 0; s <= ENOUGH_N_SUBSCALES; s++)
    assert_text (enough_item_bank_get_suggestion_text (s));
  /* Each concern's suggestion names the page it points to. */
  g_assert_nonnull (strstr (enough_item_bank_get_suggestion_text (ENOUGH_SUBSCALE_INNER_CRITIC),
                            "Inner Critic"));
  g_assert_nonnull (strstr (enough_item_bank_get_suggestion_text (ENOUGH_SUBSCALE_TROUBLE_RESTING),
                            "Letters"));

  g_assert_cmpstr (enough_item_bank_get_disclaimer (), ==,
                   "This is a reflection aid, not a diagnosis. "
                   "It supports, and does not replace, professional help.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/item-bank/versions", test_versions);
  g_test_add_func ("/item-bank/unique-ids", test_unique_ids);
  g_test_add_func ("/item-bank/version-2", test_version_2);
  g_test_add_func ("/item-bank/subscale-balance", test_subscale_balance);
  g_test_add_func ("/item-bank/known-items", test_known_items);
  g_test_add_func ("/item-bank/statements", test_statements);
  g_test_add_func ("/item-bank/scale-labels", test_scale_labels);
  g_test_add_func ("/item-bank/score-answer", test_score_answer);
  g_test_add_func ("/item-bank/subscale-texts", test_subscale_texts);
  g_test_add_func ("/item-bank/other-texts", test_other_texts);

  return g_test_run ();
}
