/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <string.h>

#include "enough-self-check-scoring.h"

/* The examples below are worked by hand for bank version 1. Its
 * reverse-keyed statements are fm2, wa2, ic3, tr3, hs4 and an4; a
 * reversed answer a counts as 6 - a. */
#define V1 1
#define N  24

/* Scores are sums of quarters (or their fifths), so they compare within
 * a tiny epsilon. */
#define EPS 1e-9

static void
set_answer (guint8      answers[N],
            const char *id,
            guint8      value)
{
  guint index = G_MAXUINT;

  g_assert_nonnull (enough_item_bank_find_item (V1, id, &index));
  g_assert_cmpuint (index, <, N);
  answers[index] = value;
}

static void
fill (guint8 answers[N],
      guint8 value)
{
  memset (answers, value, N);
}

/* Sets the answers of one subscale so that, after reverse keying, its four
 * statements (in bank order) count keyed[0..3]. */
static void
set_keyed (guint8         answers[N],
           EnoughSubscale subscale,
           const guint    keyed[4])
{
  guint k = 0;

  for (guint i = 0; i < N; i++)
    {
      const EnoughItem *item = enough_item_bank_get_item (V1, i);

      if (item->subscale != subscale)
        continue;
      g_assert_cmpuint (k, <, 4);
      answers[i] = item->reversed ? 6 - keyed[k] : keyed[k];
      k++;
    }
  g_assert_cmpuint (k, ==, 4);
}

static void
score_ok (const guint8  answers[N],
          EnoughScores *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (enough_scores_compute (V1, answers, N, out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (out->bank_version, ==, V1);
}

/* Example D, worked by hand with raw answers (R = reverse-keyed):
 *   High standards   hs1 4, hs2 5, hs3 3, hs4 R 2 → 4 + 5 + 3 + (6-2=4) = 16 → 16/4 = 4.00
 *   Fear of mistakes fm1 2, fm2 R 4, fm3 1, fm4 2 → 2 + (6-4=2) + 1 + 2 = 7 → 7/4  = 1.75
 *   Inner critic     ic1 3, ic2 3, ic3 R 3, ic4 1 → 3 + 3 + (6-3=3) + 1 = 10 → 10/4 = 2.50
 *   All-or-nothing   an1 4, an2 3, an3 3, an4 R 2 → 4 + 3 + 3 + (6-2=4) = 14 → 14/4 = 3.50
 *   Worth            wa1 2, wa2 R 5, wa3 3, wa4 3 → 2 + (6-5=1) + 3 + 3 =  9 →  9/4 = 2.25
 *   Trouble resting  tr1 5, tr2 4, tr3 R 1, tr4 3 → 5 + 4 + (6-1=5) + 3 = 17 → 17/4 = 4.25
 *   Strivings = 4.00
 *   Concerns  = (1.75 + 2.50 + 3.50 + 2.25 + 4.25) / 5 = 14.25 / 5 = 2.85 */
static void
fill_example_d (guint8 answers[N])
{
  fill (answers, 0);
  set_answer (answers, "hs1", 4);
  set_answer (answers, "hs2", 5);
  set_answer (answers, "hs3", 3);
  set_answer (answers, "hs4", 2);
  set_answer (answers, "fm1", 2);
  set_answer (answers, "fm2", 4);
  set_answer (answers, "fm3", 1);
  set_answer (answers, "fm4", 2);
  set_answer (answers, "ic1", 3);
  set_answer (answers, "ic2", 3);
  set_answer (answers, "ic3", 3);
  set_answer (answers, "ic4", 1);
  set_answer (answers, "an1", 4);
  set_answer (answers, "an2", 3);
  set_answer (answers, "an3", 3);
  set_answer (answers, "an4", 2);
  set_answer (answers, "wa1", 2);
  set_answer (answers, "wa2", 5);
  set_answer (answers, "wa3", 3);
  set_answer (answers, "wa4", 3);
  set_answer (answers, "tr1", 5);
  set_answer (answers, "tr2", 4);
  set_answer (answers, "tr3", 1);
  set_answer (answers, "tr4", 3);
}

static void
test_example_d (void)
{
  guint8 answers[N];
  EnoughScores scores;
  EnoughSubscale focus = ENOUGH_SUBSCALE_HIGH_STANDARDS;

  fill_example_d (answers);
  g_assert_cmpuint (enough_scoring_count_answered (answers, N), ==, 24);
  score_ok (answers, &scores);

  g_assert_cmpfloat_with_epsilon (scores.subscale_means[ENOUGH_SUBSCALE_HIGH_STANDARDS], 4.00, EPS);
  g_assert_cmpfloat_with_epsilon (scores.subscale_means[ENOUGH_SUBSCALE_FEAR_OF_MISTAKES], 1.75, EPS);
  g_assert_cmpfloat_with_epsilon (scores.subscale_means[ENOUGH_SUBSCALE_INNER_CRITIC], 2.50, EPS);
  g_assert_cmpfloat_with_epsilon (scores.subscale_means[ENOUGH_SUBSCALE_ALL_OR_NOTHING], 3.50, EPS);
  g_assert_cmpfloat_with_epsilon (scores.subscale_means[ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT], 2.25, EPS);
  g_assert_cmpfloat_with_epsilon (scores.subscale_means[ENOUGH_SUBSCALE_TROUBLE_RESTING], 4.25, EPS);
  g_assert_cmpfloat_with_epsilon (scores.dimensions[ENOUGH_DIMENSION_STRIVINGS], 4.00, EPS);
  g_assert_cmpfloat_with_epsilon (scores.dimensions[ENOUGH_DIMENSION_CONCERNS], 2.85, EPS);

  /* Bands, two of them exactly on a threshold:
   * 4.00 high, 1.75 low, 2.50 middle (from 2.5), 3.50 high (from 3.5),
   * 2.25 low, 4.25 high; concerns 2.85 middle. */
  g_assert_cmpint (enough_scores_get_band (&scores, ENOUGH_SUBSCALE_HIGH_STANDARDS), ==, ENOUGH_BAND_HIGH);
  g_assert_cmpint (enough_scores_get_band (&scores, ENOUGH_SUBSCALE_FEAR_OF_MISTAKES), ==, ENOUGH_BAND_LOW);
  g_assert_cmpint (enough_scores_get_band (&scores, ENOUGH_SUBSCALE_INNER_CRITIC), ==, ENOUGH_BAND_MIDDLE);
  g_assert_cmpint (enough_scores_get_band (&scores, ENOUGH_SUBSCALE_ALL_OR_NOTHING), ==, ENOUGH_BAND_HIGH);
  g_assert_cmpint (enough_scores_get_band (&scores, ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT), ==, ENOUGH_BAND_LOW);
  g_assert_cmpint (enough_scores_get_band (&scores, ENOUGH_SUBSCALE_TROUBLE_RESTING), ==, ENOUGH_BAND_HIGH);
  g_assert_cmpint (enough_scoring_band_for_mean (scores.dimensions[ENOUGH_DIMENSION_CONCERNS]), ==, ENOUGH_BAND_MIDDLE);

  /* The highest concern is Trouble resting (4.25): the Letters page. */
  g_assert_cmpint (enough_scores_get_suggestion (&scores, &focus), ==, ENOUGH_EXERCISE_LETTERS);
  g_assert_cmpint (focus, ==, ENOUGH_SUBSCALE_TROUBLE_RESTING);
}

/* Reverse keys on uniform answers:
 *   all 3: every statement counts 3 (6-3 = 3) → every mean 12/4 = 3.0
 *   all 5: three count 5, the reversed one 6-5 = 1 → (5+5+5+1)/4 = 16/4 = 4.0
 *   all 1: three count 1, the reversed one 6-1 = 5 → (1+1+1+5)/4 =  8/4 = 2.0
 * Without reverse keying, "all 5" would give 5.0 and "all 1" 1.0. */
static void
test_reverse_keys (void)
{
  const struct { guint8 answer; double mean; EnoughBand band; } cases[] = {
    { 3, 3.0, ENOUGH_BAND_MIDDLE },
    { 5, 4.0, ENOUGH_BAND_HIGH },
    { 1, 2.0, ENOUGH_BAND_LOW },
  };

  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      guint8 answers[N];
      EnoughScores scores;

      fill (answers, cases[c].answer);
      score_ok (answers, &scores);

      for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
        {
          g_assert_cmpfloat_with_epsilon (scores.subscale_means[s], cases[c].mean, EPS);
          g_assert_cmpint (enough_scores_get_band (&scores, s), ==, cases[c].band);
        }
      g_assert_cmpfloat_with_epsilon (scores.dimensions[ENOUGH_DIMENSION_STRIVINGS], cases[c].mean, EPS);
      g_assert_cmpfloat_with_epsilon (scores.dimensions[ENOUGH_DIMENSION_CONCERNS], cases[c].mean, EPS);
    }
}

/* Turning one reversed answer around moves only its own subscale.
 * All 3 except fm2 (R) = 5: Fear of mistakes = 3 + (6-5=1) + 3 + 3 = 10 → 2.5;
 * concerns = (2.5 + 3 + 3 + 3 + 3) / 5 = 14.5 / 5 = 2.9. */
static void
test_single_reversed_answer (void)
{
  guint8 answers[N];
  EnoughScores scores;

  fill (answers, 3);
  set_answer (answers, "fm2", 5);
  score_ok (answers, &scores);

  g_assert_cmpfloat_with_epsilon (scores.subscale_means[ENOUGH_SUBSCALE_FEAR_OF_MISTAKES], 2.5, EPS);
  for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
    {
      if (s != ENOUGH_SUBSCALE_FEAR_OF_MISTAKES)
        g_assert_cmpfloat_with_epsilon (scores.subscale_means[s], 3.0, EPS);
    }
  g_assert_cmpfloat_with_epsilon (scores.dimensions[ENOUGH_DIMENSION_STRIVINGS], 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (scores.dimensions[ENOUGH_DIMENSION_CONCERNS], 2.9, EPS);

  /* And a straight one: fm1 = 5 instead → 5 + 3 + 3 + 3 = 14 → 3.5. */
  fill (answers, 3);
  set_answer (answers, "fm1", 5);
  score_ok (answers, &scores);
  g_assert_cmpfloat_with_epsilon (scores.subscale_means[ENOUGH_SUBSCALE_FEAR_OF_MISTAKES], 3.5, EPS);
}

static void
test_band_thresholds (void)
{
  /* low < 2.5 ≤ middle < 3.5 ≤ high */
  g_assert_cmpint (enough_scoring_band_for_mean (1.0), ==, ENOUGH_BAND_LOW);
  g_assert_cmpint (enough_scoring_band_for_mean (2.25), ==, ENOUGH_BAND_LOW);
  g_assert_cmpint (enough_scoring_band_for_mean (2.45), ==, ENOUGH_BAND_LOW);
  g_assert_cmpint (enough_scoring_band_for_mean (2.4999), ==, ENOUGH_BAND_LOW);
  g_assert_cmpint (enough_scoring_band_for_mean (2.5), ==, ENOUGH_BAND_MIDDLE);
  g_assert_cmpint (enough_scoring_band_for_mean (3.0), ==, ENOUGH_BAND_MIDDLE);
  g_assert_cmpint (enough_scoring_band_for_mean (3.25), ==, ENOUGH_BAND_MIDDLE);
  g_assert_cmpint (enough_scoring_band_for_mean (3.4999), ==, ENOUGH_BAND_MIDDLE);
  g_assert_cmpint (enough_scoring_band_for_mean (3.5), ==, ENOUGH_BAND_HIGH);
  g_assert_cmpint (enough_scoring_band_for_mean (5.0), ==, ENOUGH_BAND_HIGH);

  g_assert_cmpfloat (ENOUGH_SCORING_BAND_MIDDLE_FROM, ==, 2.5);
  g_assert_cmpfloat (ENOUGH_SCORING_BAND_HIGH_FROM, ==, 3.5);
}

/* The concerns mean lands exactly on a threshold after dividing by 5,
 * and must fall on the upper side of it.
 *   Example E (keyed values):
 *     High standards   1 1 1 1 →  4 → 1.00
 *     Fear of mistakes 3 3 2 3 → 11 → 2.75
 *     Inner critic     3 3 3 4 → 13 → 3.25
 *     All-or-nothing   4 4 4 4 → 16 → 4.00
 *     Worth            3 4 3 4 → 14 → 3.50
 *     Trouble resting  4 4 4 4 → 16 → 4.00
 *     concerns = (2.75 + 3.25 + 4.00 + 3.50 + 4.00) / 5 = 17.5 / 5 = 3.5 → high
 *   Example F:
 *     Fear of mistakes 2 2 2 3 →  9 → 2.25
 *     Inner critic     3 3 3 2 → 11 → 2.75
 *     All-or-nothing   2 3 2 3 → 10 → 2.50
 *     Worth            2 2 2 2 →  8 → 2.00
 *     Trouble resting  3 3 3 3 → 12 → 3.00
 *     concerns = (2.25 + 2.75 + 2.50 + 2.00 + 3.00) / 5 = 12.5 / 5 = 2.5 → middle
 *   F with Fear of mistakes 2 2 2 2 → 2.00:
 *     concerns = 12.25 / 5 = 2.45 → low */
static void
test_dimension_thresholds (void)
{
  static const guint ones[4] = { 1, 1, 1, 1 };
  guint8 answers[N];
  EnoughScores scores;
  EnoughSubscale focus = ENOUGH_SUBSCALE_HIGH_STANDARDS;

  fill (answers, 0);
  set_keyed (answers, ENOUGH_SUBSCALE_HIGH_STANDARDS, ones);
  set_keyed (answers, ENOUGH_SUBSCALE_FEAR_OF_MISTAKES, (const guint[]) { 3, 3, 2, 3 });
  set_keyed (answers, ENOUGH_SUBSCALE_INNER_CRITIC, (const guint[]) { 3, 3, 3, 4 });
  set_keyed (answers, ENOUGH_SUBSCALE_ALL_OR_NOTHING, (const guint[]) { 4, 4, 4, 4 });
  set_keyed (answers, ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, (const guint[]) { 3, 4, 3, 4 });
  set_keyed (answers, ENOUGH_SUBSCALE_TROUBLE_RESTING, (const guint[]) { 4, 4, 4, 4 });
  score_ok (answers, &scores);

  g_assert_cmpfloat_with_epsilon (scores.dimensions[ENOUGH_DIMENSION_STRIVINGS], 1.0, EPS);
  g_assert_cmpfloat (scores.dimensions[ENOUGH_DIMENSION_CONCERNS], ==, 3.5);
  g_assert_cmpint (enough_scoring_band_for_mean (scores.dimensions[ENOUGH_DIMENSION_CONCERNS]), ==, ENOUGH_BAND_HIGH);
  g_assert_cmpint (enough_scoring_band_for_mean (scores.dimensions[ENOUGH_DIMENSION_STRIVINGS]), ==, ENOUGH_BAND_LOW);

  /* All-or-nothing and Trouble resting tie at 4.00: neither stands out,
   * so no subscale is named (the gentle Letters invitation). */
  g_assert_cmpint (enough_scores_get_suggestion (&scores, &focus), ==, ENOUGH_EXERCISE_LETTERS);
  g_assert_cmpint (focus, ==, ENOUGH_N_SUBSCALES);

  set_keyed (answers, ENOUGH_SUBSCALE_FEAR_OF_MISTAKES, (const guint[]) { 2, 2, 2, 3 });
  set_keyed (answers, ENOUGH_SUBSCALE_INNER_CRITIC, (const guint[]) { 3, 3, 3, 2 });
  set_keyed (answers, ENOUGH_SUBSCALE_ALL_OR_NOTHING, (const guint[]) { 2, 3, 2, 3 });
  set_keyed (answers, ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, (const guint[]) { 2, 2, 2, 2 });
  set_keyed (answers, ENOUGH_SUBSCALE_TROUBLE_RESTING, (const guint[]) { 3, 3, 3, 3 });
  score_ok (answers, &scores);
  g_assert_cmpfloat (scores.dimensions[ENOUGH_DIMENSION_CONCERNS], ==, 2.5);
  g_assert_cmpint (enough_scoring_band_for_mean (scores.dimensions[ENOUGH_DIMENSION_CONCERNS]), ==, ENOUGH_BAND_MIDDLE);

  set_keyed (answers, ENOUGH_SUBSCALE_FEAR_OF_MISTAKES, (const guint[]) { 2, 2, 2, 2 });
  score_ok (answers, &scores);
  g_assert_cmpfloat_with_epsilon (scores.dimensions[ENOUGH_DIMENSION_CONCERNS], 2.45, EPS);
  g_assert_cmpint (enough_scoring_band_for_mean (scores.dimensions[ENOUGH_DIMENSION_CONCERNS]), ==, ENOUGH_BAND_LOW);
}

static void
test_suggestion (void)
{
  static const guint fives[4] = { 5, 5, 5, 5 };
  static const guint twos[4] = { 2, 2, 2, 2 };
  guint8 answers[N];
  EnoughScores scores;
  EnoughSubscale focus = ENOUGH_SUBSCALE_HIGH_STANDARDS;

  /* All concerns 3.0 (a five-way tie in the middle band): nothing stands
   * out, not "your answers about mistakes". */
  fill (answers, 3);
  score_ok (answers, &scores);
  g_assert_cmpint (enough_scores_get_suggestion (&scores, &focus), ==, ENOUGH_EXERCISE_LETTERS);
  g_assert_cmpint (focus, ==, ENOUGH_N_SUBSCALES);
  g_assert_null (strstr (enough_item_bank_get_suggestion_text (focus), "stood out"));

  /* All 5 → every mean 4.0: a five-way tie in the high band still names
   * none of them. */
  fill (answers, 5);
  score_ok (answers, &scores);
  g_assert_cmpint (enough_scores_get_suggestion (&scores, &focus), ==, ENOUGH_EXERCISE_LETTERS);
  g_assert_cmpint (focus, ==, ENOUGH_N_SUBSCALES);

  /* All 1 → every mean 2.0, all low: nothing stands out → Letters. */
  fill (answers, 1);
  score_ok (answers, &scores);
  g_assert_cmpint (enough_scores_get_suggestion (&scores, &focus), ==, ENOUGH_EXERCISE_LETTERS);
  g_assert_cmpint (focus, ==, ENOUGH_N_SUBSCALES);

  /* High standards 5.0 with every concern 2.0: high standards alone
   * suggest no exercise. */
  for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
    set_keyed (answers, s, twos);
  set_keyed (answers, ENOUGH_SUBSCALE_HIGH_STANDARDS, fives);
  score_ok (answers, &scores);
  g_assert_cmpfloat_with_epsilon (scores.dimensions[ENOUGH_DIMENSION_STRIVINGS], 5.0, EPS);
  g_assert_cmpint (enough_scores_get_suggestion (&scores, &focus), ==, ENOUGH_EXERCISE_LETTERS);
  g_assert_cmpint (focus, ==, ENOUGH_N_SUBSCALES);

  /* Each concern on its own, at 5.0 with the rest at 2.0. */
  {
    const struct { EnoughSubscale s; EnoughExercise e; } cases[] = {
      { ENOUGH_SUBSCALE_FEAR_OF_MISTAKES, ENOUGH_EXERCISE_INNER_CRITIC },
      { ENOUGH_SUBSCALE_INNER_CRITIC, ENOUGH_EXERCISE_INNER_CRITIC },
      { ENOUGH_SUBSCALE_ALL_OR_NOTHING, ENOUGH_EXERCISE_INNER_CRITIC },
      { ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, ENOUGH_EXERCISE_LETTERS },
      { ENOUGH_SUBSCALE_TROUBLE_RESTING, ENOUGH_EXERCISE_LETTERS },
    };

    for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
          set_keyed (answers, s, twos);
        set_keyed (answers, cases[c].s, fives);
        score_ok (answers, &scores);
        g_assert_cmpint (enough_scores_get_suggestion (&scores, &focus), ==, cases[c].e);
        g_assert_cmpint (focus, ==, cases[c].s);
        g_assert_nonnull (enough_item_bank_get_suggestion_text (focus));
        g_assert_nonnull (strstr (enough_item_bank_get_suggestion_text (focus), "stood out"));
      }
  }
}

/* A single highest concern stands out only from the high band (3.5).
 *   Inner critic keyed 3 3 3 4 → 3.25 (middle), the rest 2.0: the top
 *   score is mid-range → nothing stands out.
 *   Inner critic keyed 3 3 4 4 → 3.50 (high), the rest 2.0 → Inner critic.
 *   Inner critic and Worth both 4 4 4 4 → 4.00: a tie → nothing.
 *   Inner critic 4 4 4 4 → 4.00, Worth 4 4 4 3 → 3.75: Inner critic alone
 *   is highest → Inner critic, even though Worth is high too. */
static void
test_suggestion_stands_out (void)
{
  static const guint twos[4] = { 2, 2, 2, 2 };
  static const guint fours[4] = { 4, 4, 4, 4 };
  guint8 answers[N];
  EnoughScores scores;
  EnoughSubscale focus = ENOUGH_SUBSCALE_HIGH_STANDARDS;

  for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
    set_keyed (answers, s, twos);

  set_keyed (answers, ENOUGH_SUBSCALE_INNER_CRITIC, (const guint[]) { 3, 3, 3, 4 });
  score_ok (answers, &scores);
  g_assert_cmpfloat_with_epsilon (scores.subscale_means[ENOUGH_SUBSCALE_INNER_CRITIC], 3.25, EPS);
  g_assert_cmpint (enough_scores_get_suggestion (&scores, &focus), ==, ENOUGH_EXERCISE_LETTERS);
  g_assert_cmpint (focus, ==, ENOUGH_N_SUBSCALES);

  set_keyed (answers, ENOUGH_SUBSCALE_INNER_CRITIC, (const guint[]) { 3, 3, 4, 4 });
  score_ok (answers, &scores);
  g_assert_cmpint (enough_scores_get_suggestion (&scores, &focus), ==, ENOUGH_EXERCISE_INNER_CRITIC);
  g_assert_cmpint (focus, ==, ENOUGH_SUBSCALE_INNER_CRITIC);

  set_keyed (answers, ENOUGH_SUBSCALE_INNER_CRITIC, fours);
  set_keyed (answers, ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, fours);
  score_ok (answers, &scores);
  g_assert_cmpint (enough_scores_get_suggestion (&scores, &focus), ==, ENOUGH_EXERCISE_LETTERS);
  g_assert_cmpint (focus, ==, ENOUGH_N_SUBSCALES);

  set_keyed (answers, ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, (const guint[]) { 4, 4, 4, 3 });
  score_ok (answers, &scores);
  g_assert_cmpint (enough_scores_get_suggestion (&scores, &focus), ==, ENOUGH_EXERCISE_INNER_CRITIC);
  g_assert_cmpint (focus, ==, ENOUGH_SUBSCALE_INNER_CRITIC);

  /* The tie that matters is for the top: two equal lower scores do not
   * stop the top one standing out (Fear of mistakes and Trouble resting
   * are both 2.0 here). */
  set_keyed (answers, ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, twos);
  score_ok (answers, &scores);
  g_assert_cmpint (enough_scores_get_suggestion (&scores, &focus), ==, ENOUGH_EXERCISE_INNER_CRITIC);
  g_assert_cmpint (focus, ==, ENOUGH_SUBSCALE_INNER_CRITIC);
}

static void
test_compare_means (void)
{
  /* |Δ| ≤ 0.5 is about the same: two answer steps on a subscale (0.5) are
   * within the noise of four statements; three steps (0.75) are not. */
  g_assert_cmpfloat (ENOUGH_SCORING_SAME_TOLERANCE, >=, 0.5);
  g_assert_cmpint (enough_scoring_compare_means (2.0, 2.0), ==, ENOUGH_COMPARISON_ABOUT_THE_SAME);
  g_assert_cmpint (enough_scoring_compare_means (2.0, 2.25), ==, ENOUGH_COMPARISON_ABOUT_THE_SAME);
  g_assert_cmpint (enough_scoring_compare_means (3.0, 2.75), ==, ENOUGH_COMPARISON_ABOUT_THE_SAME);
  g_assert_cmpint (enough_scoring_compare_means (2.0, 2.5), ==, ENOUGH_COMPARISON_ABOUT_THE_SAME);
  g_assert_cmpint (enough_scoring_compare_means (2.5, 2.0), ==, ENOUGH_COMPARISON_ABOUT_THE_SAME);
  g_assert_cmpint (enough_scoring_compare_means (2.0, 2.75), ==, ENOUGH_COMPARISON_HIGHER);
  g_assert_cmpint (enough_scoring_compare_means (2.75, 2.0), ==, ENOUGH_COMPARISON_LOWER);
  g_assert_cmpint (enough_scoring_compare_means (1.0, 5.0), ==, ENOUGH_COMPARISON_HIGHER);
  g_assert_cmpint (enough_scoring_compare_means (5.0, 1.0), ==, ENOUGH_COMPARISON_LOWER);

  /* Concerns move in fifths of a quarter: 2.85 → 3.35 is Δ 0.50 (same,
   * even though 3.35 - 2.85 is not exactly 0.5 in binary), 2.85 → 3.40 is
   * Δ 0.55 (higher), 2.85 → 2.30 is Δ -0.55 (lower). */
  g_assert_cmpint (enough_scoring_compare_means (14.25 / 5, 16.75 / 5), ==, ENOUGH_COMPARISON_ABOUT_THE_SAME);
  g_assert_cmpint (enough_scoring_compare_means (16.75 / 5, 14.25 / 5), ==, ENOUGH_COMPARISON_ABOUT_THE_SAME);
  g_assert_cmpint (enough_scoring_compare_means (14.25 / 5, 17.0 / 5), ==, ENOUGH_COMPARISON_HIGHER);
  g_assert_cmpint (enough_scoring_compare_means (14.25 / 5, 11.5 / 5), ==, ENOUGH_COMPARISON_LOWER);
}

/* One decimal, halves rounded down so a score never shows as the threshold
 * of a band it is below. */
static void
test_round_for_display (void)
{
  const struct { double mean; const char *shown; } cases[] = {
    { 1.0, "1.0" }, { 2.0, "2.0" }, { 5.0, "5.0" },
    { 2.25, "2.2" }, { 2.75, "2.7" }, { 3.25, "3.2" }, { 4.25, "4.2" },
    { 2.5, "2.5" }, { 3.5, "3.5" },
    /* Concerns, in fifths of a quarter */
    { 12.25 / 5, "2.4" }, { 17.25 / 5, "3.4" }, { 14.25 / 5, "2.8" },
    { 14.5 / 5, "2.9" }, { 13.0 / 5, "2.6" }, { 12.75 / 5, "2.5" },
    { 16.75 / 5, "3.3" }, { 17.5 / 5, "3.5" }, { 13.25 / 5, "2.6" },
  };

  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      double shown = enough_scoring_round_for_display (cases[c].mean);
      g_autofree char *text = g_strdup_printf ("%.1f", shown);

      g_assert_cmpstr (text, ==, cases[c].shown);
      /* What is shown falls in the same band as the score. */
      g_assert_cmpint (enough_scoring_band_for_mean (shown), ==,
                       enough_scoring_band_for_mean (cases[c].mean));
    }
}

/* A second check after example D, with three answers changed:
 *   fm1 2 → 5: Fear of mistakes 7 + 3 = 10 → 2.50 (was 1.75, Δ +0.75 → higher)
 *   ic4 1 → 3: Inner critic    10 + 2 = 12 → 3.00 (was 2.50, Δ +0.50 → about the same)
 *   tr1 5 → 2: Trouble resting 17 - 3 = 14 → 3.50 (was 4.25, Δ -0.75 → lower)
 *   the rest unchanged → about the same
 *   concerns (2.50 + 3.00 + 3.50 + 2.25 + 3.50) / 5 = 14.75 / 5 = 2.95
 *   (was 2.85, Δ +0.10 → about the same); strivings 4.00 → about the same. */
static void
test_compare_checks (void)
{
  guint8 answers[N];
  EnoughScores first, second;
  EnoughComparison subscales[ENOUGH_N_SUBSCALES];
  EnoughComparison dimensions[ENOUGH_N_DIMENSIONS];

  fill_example_d (answers);
  score_ok (answers, &first);

  set_answer (answers, "fm1", 5);
  set_answer (answers, "ic4", 3);
  set_answer (answers, "tr1", 2);
  score_ok (answers, &second);

  g_assert_cmpfloat_with_epsilon (second.subscale_means[ENOUGH_SUBSCALE_FEAR_OF_MISTAKES], 2.50, EPS);
  g_assert_cmpfloat_with_epsilon (second.subscale_means[ENOUGH_SUBSCALE_INNER_CRITIC], 3.00, EPS);
  g_assert_cmpfloat_with_epsilon (second.subscale_means[ENOUGH_SUBSCALE_TROUBLE_RESTING], 3.50, EPS);
  g_assert_cmpfloat_with_epsilon (second.dimensions[ENOUGH_DIMENSION_CONCERNS], 2.95, EPS);

  enough_scores_compare (&first, &second, subscales, dimensions);
  g_assert_cmpint (subscales[ENOUGH_SUBSCALE_HIGH_STANDARDS], ==, ENOUGH_COMPARISON_ABOUT_THE_SAME);
  g_assert_cmpint (subscales[ENOUGH_SUBSCALE_FEAR_OF_MISTAKES], ==, ENOUGH_COMPARISON_HIGHER);
  g_assert_cmpint (subscales[ENOUGH_SUBSCALE_INNER_CRITIC], ==, ENOUGH_COMPARISON_ABOUT_THE_SAME);
  g_assert_cmpint (subscales[ENOUGH_SUBSCALE_ALL_OR_NOTHING], ==, ENOUGH_COMPARISON_ABOUT_THE_SAME);
  g_assert_cmpint (subscales[ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT], ==, ENOUGH_COMPARISON_ABOUT_THE_SAME);
  g_assert_cmpint (subscales[ENOUGH_SUBSCALE_TROUBLE_RESTING], ==, ENOUGH_COMPARISON_LOWER);
  g_assert_cmpint (dimensions[ENOUGH_DIMENSION_STRIVINGS], ==, ENOUGH_COMPARISON_ABOUT_THE_SAME);
  g_assert_cmpint (dimensions[ENOUGH_DIMENSION_CONCERNS], ==, ENOUGH_COMPARISON_ABOUT_THE_SAME);

  /* The other way round, higher and lower swap. */
  enough_scores_compare (&second, &first, subscales, NULL);
  g_assert_cmpint (subscales[ENOUGH_SUBSCALE_FEAR_OF_MISTAKES], ==, ENOUGH_COMPARISON_LOWER);
  g_assert_cmpint (subscales[ENOUGH_SUBSCALE_TROUBLE_RESTING], ==, ENOUGH_COMPARISON_HIGHER);
  g_assert_cmpint (subscales[ENOUGH_SUBSCALE_INNER_CRITIC], ==, ENOUGH_COMPARISON_ABOUT_THE_SAME);
}

static void
test_comparison_texts (void)
{
  const EnoughComparison all[] = {
    ENOUGH_COMPARISON_LOWER,
    ENOUGH_COMPARISON_ABOUT_THE_SAME,
    ENOUGH_COMPARISON_HIGHER,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (all); i++)
    {
      const char *text = enough_comparison_get_text (all[i]);
      g_autofree char *folded = NULL;

      g_assert_nonnull (text);
      g_assert_cmpuint (strlen (text), >, 0);
      /* Lower and higher, never better or worse. */
      folded = g_utf8_casefold (text, -1);
      g_assert_null (strstr (folded, "better"));
      g_assert_null (strstr (folded, "worse"));
    }

  g_assert_cmpstr (enough_comparison_get_text (ENOUGH_COMPARISON_LOWER), ==, "Lower than last time");
}

/* Refused checks leave the output alone. */
static void
assert_refused (guint          version,
                const guint8  *answers,
                gsize          n_answers,
                gint           code)
{
  g_autoptr(GError) error = NULL;
  EnoughScores scores;

  memset (&scores, 0xAB, sizeof scores);
  g_assert_false (enough_scores_compute (version, answers, n_answers, &scores, &error));
  g_assert_error (error, ENOUGH_SCORING_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_test_message ("refused: %s", error->message);
  for (gsize i = 0; i < sizeof scores; i++)
    g_assert_cmpuint (((guint8 *) &scores)[i], ==, 0xAB);
}

static void
test_incomplete (void)
{
  g_autoptr(GError) error = NULL;
  guint8 answers[N];
  EnoughScores scores;

  fill (answers, 0);
  assert_refused (V1, answers, N, ENOUGH_SCORING_ERROR_INCOMPLETE);

  /* One statement left, the last one or one in the middle. */
  fill (answers, 3);
  answers[N - 1] = 0;
  assert_refused (V1, answers, N, ENOUGH_SCORING_ERROR_INCOMPLETE);
  fill (answers, 3);
  set_answer (answers, "ic2", 0);
  assert_refused (V1, answers, N, ENOUGH_SCORING_ERROR_INCOMPLETE);

  /* The message says how far along it is. */
  g_assert_false (enough_scores_compute (V1, answers, N, &scores, &error));
  g_assert_nonnull (strstr (error->message, "23 of 24"));
}

static void
test_out_of_range (void)
{
  guint8 answers[N];

  fill (answers, 3);
  answers[5] = 6;
  assert_refused (V1, answers, N, ENOUGH_SCORING_ERROR_INVALID_ANSWER);

  fill (answers, 3);
  answers[0] = 255;
  assert_refused (V1, answers, N, ENOUGH_SCORING_ERROR_INVALID_ANSWER);

  /* Damage is named before "not finished". */
  fill (answers, 3);
  answers[2] = 0;
  answers[20] = 9;
  assert_refused (V1, answers, N, ENOUGH_SCORING_ERROR_INVALID_ANSWER);

  /* A version this build does not know, and the wrong number of answers. */
  fill (answers, 3);
  assert_refused (ENOUGH_ITEM_BANK_VERSION + 1, answers, N, ENOUGH_SCORING_ERROR_UNKNOWN_VERSION);
  assert_refused (0, answers, N, ENOUGH_SCORING_ERROR_UNKNOWN_VERSION);
  assert_refused (V1, answers, N - 1, ENOUGH_SCORING_ERROR_WRONG_LENGTH);
}

static void
test_progress (void)
{
  guint8 answers[N];
  gsize index = G_MAXSIZE;

  fill (answers, 0);
  g_assert_cmpuint (enough_scoring_count_answered (answers, N), ==, 0);
  g_assert_true (enough_scoring_find_first_unanswered (answers, N, &index));
  g_assert_cmpuint (index, ==, 0);

  /* "12 of 24": the first twelve answered. */
  for (guint i = 0; i < 12; i++)
    answers[i] = (i % 5) + 1;
  g_assert_cmpuint (enough_scoring_count_answered (answers, N), ==, 12);
  g_assert_true (enough_scoring_find_first_unanswered (answers, N, &index));
  g_assert_cmpuint (index, ==, 12);

  /* Going back and clearing one leaves a gap to resume at. */
  answers[5] = 0;
  g_assert_cmpuint (enough_scoring_count_answered (answers, N), ==, 11);
  g_assert_true (enough_scoring_find_first_unanswered (answers, N, &index));
  g_assert_cmpuint (index, ==, 5);

  /* Out-of-range values are not answers. */
  answers[5] = 7;
  g_assert_cmpuint (enough_scoring_count_answered (answers, N), ==, 11);
  g_assert_true (enough_scoring_find_first_unanswered (answers, N, &index));
  g_assert_cmpuint (index, ==, 5);

  fill (answers, 4);
  g_assert_cmpuint (enough_scoring_count_answered (answers, N), ==, 24);
  index = 99;
  g_assert_false (enough_scoring_find_first_unanswered (answers, N, &index));
  g_assert_cmpuint (index, ==, 99);

  g_assert_cmpuint (enough_scoring_count_answered (NULL, 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/self-check-scoring/example", test_example_d);
  g_test_add_func ("/self-check-scoring/reverse-keys", test_reverse_keys);
  g_test_add_func ("/self-check-scoring/single-reversed-answer", test_single_reversed_answer);
  g_test_add_func ("/self-check-scoring/band-thresholds", test_band_thresholds);
  g_test_add_func ("/self-check-scoring/dimension-thresholds", test_dimension_thresholds);
  g_test_add_func ("/self-check-scoring/suggestion", test_suggestion);
  g_test_add_func ("/self-check-scoring/suggestion-stands-out", test_suggestion_stands_out);
  g_test_add_func ("/self-check-scoring/round-for-display", test_round_for_display);
  g_test_add_func ("/self-check-scoring/compare-means", test_compare_means);
  g_test_add_func ("/self-check-scoring/compare-checks", test_compare_checks);
  g_test_add_func ("/self-check-scoring/comparison-texts", test_comparison_texts);
  g_test_add_func ("/self-check-scoring/incomplete", test_incomplete);
  g_test_add_func ("/self-check-scoring/out-of-range", test_out_of_range);
  g_test_add_func ("/self-check-scoring/progress", test_progress);

  return g_test_run ();
}
