/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "enough-self-check-scoring.h"

G_DEFINE_QUARK (enough-scoring-error-quark, enough_scoring_error)

/* Differences of scores are computed in floating point (the concerns
 * mean is a fifth of a sum), so 3.55 - 3.05 may come out a hair above
 * 0.5. This slack absorbs that without changing any real decision:
 * real scores differ by multiples of 0.05. */
#define COMPARE_EPSILON 1e-9

static gboolean
answer_is_given (guint8 answer)
{
  return answer >= ENOUGH_ANSWER_MIN && answer <= ENOUGH_ANSWER_MAX;
}

/* How many statements have an answer, for "12 of 24". Values outside 1–5
 * do not count. */
guint
enough_scoring_count_answered (const guint8 *answers,
                               gsize         n_answers)
{
  guint count = 0;

  g_return_val_if_fail (answers != NULL || n_answers == 0, 0);

  for (gsize i = 0; i < n_answers; i++)
    {
      if (answer_is_given (answers[i]))
        count++;
    }

  return count;
}

/* Where to resume a check in progress: the first statement without a
 * valid answer. Returns FALSE (and leaves out_index alone) when every
 * statement has one. */
gboolean
enough_scoring_find_first_unanswered (const guint8 *answers,
                                      gsize         n_answers,
                                      gsize        *out_index)
{
  g_return_val_if_fail (answers != NULL || n_answers == 0, FALSE);

  for (gsize i = 0; i < n_answers; i++)
    {
      if (!answer_is_given (answers[i]))
        {
          if (out_index != NULL)
            *out_index = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
enough_scores_compute (guint          bank_version,
                       const guint8  *answers,
                       gsize          n_answers,
                       EnoughScores  *out_scores,
                       GError       **error)
{
  guint n_items;
  guint answered;
  guint sums[ENOUGH_N_SUBSCALES] = { 0, };
  guint counts[ENOUGH_N_SUBSCALES] = { 0, };
  double concerns_sum = 0.0;
  guint n_concerns = 0;
  EnoughScores scores = { 0, };

  g_return_val_if_fail (answers != NULL || n_answers == 0, FALSE);
  g_return_val_if_fail (out_scores != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!enough_item_bank_has_version (bank_version))
    {
      g_set_error (error, ENOUGH_SCORING_ERROR,
                   ENOUGH_SCORING_ERROR_UNKNOWN_VERSION,
                   /* Translators: %u is a number identifying the set of
                    * Self-Check statements. */
                   _("This check uses a set of statements (version %u) that this version of Enough does not know."),
                   bank_version);
      return FALSE;
    }

  n_items = enough_item_bank_get_n_items (bank_version);
  if (n_answers != n_items)
    {
      g_set_error (error, ENOUGH_SCORING_ERROR,
                   ENOUGH_SCORING_ERROR_WRONG_LENGTH,
                   /* Translators: both are counts; the second is usually 24. */
                   _("This check has %u answers, but its set of statements has %u."),
                   (guint) n_answers, n_items);
      return FALSE;
    }

  /* A value above 5 means damaged data, which is worth naming before
   * "not finished yet". */
  for (guint i = 0; i < n_items; i++)
    {
      if (answers[i] > ENOUGH_ANSWER_MAX)
        {
          g_set_error (error, ENOUGH_SCORING_ERROR,
                       ENOUGH_SCORING_ERROR_INVALID_ANSWER,
                       /* Translators: the first %u is a statement number
                        * (1–24), the second the stored answer. */
                       _("The answer to statement %u is %u, which is not on the scale from 1 to 5."),
                       i + 1, (guint) answers[i]);
          return FALSE;
        }
    }

  answered = enough_scoring_count_answered (answers, n_answers);
  if (answered != n_items)
    {
      g_set_error (error, ENOUGH_SCORING_ERROR,
                   ENOUGH_SCORING_ERROR_INCOMPLETE,
                   /* Translators: "12 of 24 answered". */
                   ngettext ("This check is not finished yet: %u of %u answered.",
                             "This check is not finished yet: %u of %u answered.",
                             answered),
                   answered, n_items);
      return FALSE;
    }

  for (guint i = 0; i < n_items; i++)
    {
      const EnoughItem *item = enough_item_bank_get_item (bank_version, i);

      sums[item->subscale] += enough_item_score_answer (item, answers[i]);
      counts[item->subscale]++;
    }

  scores.bank_version = bank_version;
  for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
    {
      /* Every bank has items for every subscale (the tests check it). */
      g_assert (counts[s] > 0);
      scores.subscale_means[s] = (double) sums[s] / (double) counts[s];

      if (s != ENOUGH_SUBSCALE_HIGH_STANDARDS)
        {
          concerns_sum += scores.subscale_means[s];
          n_concerns++;
        }
    }

  scores.dimensions[ENOUGH_DIMENSION_STRIVINGS] =
    scores.subscale_means[ENOUGH_SUBSCALE_HIGH_STANDARDS];
  /* The sum of five multiples of 0.25 is exact, so this is the correctly
   * rounded mean and the band thresholds compare exactly. */
  scores.dimensions[ENOUGH_DIMENSION_CONCERNS] = concerns_sum / (double) n_concerns;

  *out_scores = scores;
  return TRUE;
}

/* Low below 2.5, middle from 2.5 to below 3.5, high from 3.5. */
EnoughBand
enough_scoring_band_for_mean (double mean)
{
  if (mean >= ENOUGH_SCORING_BAND_HIGH_FROM)
    return ENOUGH_BAND_HIGH;
  if (mean >= ENOUGH_SCORING_BAND_MIDDLE_FROM)
    return ENOUGH_BAND_MIDDLE;
  return ENOUGH_BAND_LOW;
}

EnoughBand
enough_scores_get_band (const EnoughScores *scores,
                        EnoughSubscale      subscale)
{
  g_return_val_if_fail (scores != NULL, ENOUGH_BAND_LOW);
  g_return_val_if_fail (subscale < ENOUGH_N_SUBSCALES, ENOUGH_BAND_LOW);

  return enough_scoring_band_for_mean (scores->subscale_means[subscale]);
}

/* Which page might help. A concern stands out when it alone has the
 * highest score and that score is in the high band. Fear of mistakes, the
 * inner critic and all-or-nothing thinking are thoughts to talk back to,
 * on the Inner Critic page; worth and rest are about kindness towards
 * oneself, on the Letters page. High standards alone suggest nothing.
 * When no concern stands out (a tie for the highest, or the highest is
 * middle or low), *out_focus is ENOUGH_N_SUBSCALES and the answer is
 * Letters, as a gentle, open invitation: naming the first of two equal
 * scores, or a middling one, would single out something the answers do
 * not. */
EnoughExercise
enough_scores_get_suggestion (const EnoughScores *scores,
                              EnoughSubscale     *out_focus)
{
  EnoughSubscale focus = ENOUGH_SUBSCALE_FEAR_OF_MISTAKES;
  gboolean tie = FALSE;
  EnoughExercise exercise;

  g_return_val_if_fail (scores != NULL, ENOUGH_EXERCISE_LETTERS);

  for (guint s = ENOUGH_SUBSCALE_FEAR_OF_MISTAKES + 1; s < ENOUGH_N_SUBSCALES; s++)
    {
      /* Means are multiples of 0.25, so equality is exact. */
      if (scores->subscale_means[s] > scores->subscale_means[focus])
        {
          focus = (EnoughSubscale) s;
          tie = FALSE;
        }
      else if (scores->subscale_means[s] == scores->subscale_means[focus])
        {
          tie = TRUE;
        }
    }

  if (tie || enough_scoring_band_for_mean (scores->subscale_means[focus]) != ENOUGH_BAND_HIGH)
    {
      focus = ENOUGH_N_SUBSCALES;
      exercise = ENOUGH_EXERCISE_LETTERS;
    }
  else
    {
      switch (focus)
        {
        case ENOUGH_SUBSCALE_FEAR_OF_MISTAKES:
        case ENOUGH_SUBSCALE_INNER_CRITIC:
        case ENOUGH_SUBSCALE_ALL_OR_NOTHING:
          exercise = ENOUGH_EXERCISE_INNER_CRITIC;
          break;
        case ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT:
        case ENOUGH_SUBSCALE_TROUBLE_RESTING:
        case ENOUGH_SUBSCALE_HIGH_STANDARDS:
        case ENOUGH_N_SUBSCALES:
        default:
          exercise = ENOUGH_EXERCISE_LETTERS;
          break;
        }
    }

  if (out_focus != NULL)
    *out_focus = focus;

  return exercise;
}

/* A score as it is shown: one decimal, rounding halves down, so that a
 * score below a band's threshold never shows as the threshold itself
 * (a Concerns mean of 2.45 is in the low band and shows 2.4, not 2.5).
 * Print the result with "%.1f". */
double
enough_scoring_round_for_display (double mean)
{
  return ceil (mean * 10.0 - 0.5 - COMPARE_EPSILON) / 10.0;
}

/* |current - previous| <= 0.5 is about the same. */
EnoughComparison
enough_scoring_compare_means (double previous,
                              double current)
{
  double delta = current - previous;

  if (fabs (delta) <= ENOUGH_SCORING_SAME_TOLERANCE + COMPARE_EPSILON)
    return ENOUGH_COMPARISON_ABOUT_THE_SAME;

  return delta > 0 ? ENOUGH_COMPARISON_HIGHER : ENOUGH_COMPARISON_LOWER;
}

void
enough_scores_compare (const EnoughScores *previous,
                       const EnoughScores *current,
                       EnoughComparison    out_subscales[ENOUGH_N_SUBSCALES],
                       EnoughComparison    out_dimensions[ENOUGH_N_DIMENSIONS])
{
  g_return_if_fail (previous != NULL);
  g_return_if_fail (current != NULL);

  if (out_subscales != NULL)
    {
      for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
        out_subscales[s] = enough_scoring_compare_means (previous->subscale_means[s],
                                                         current->subscale_means[s]);
    }

  if (out_dimensions != NULL)
    {
      for (guint d = 0; d < ENOUGH_N_DIMENSIONS; d++)
        out_dimensions[d] = enough_scoring_compare_means (previous->dimensions[d],
                                                          current->dimensions[d]);
    }
}

const char *
enough_comparison_get_text (EnoughComparison comparison)
{
  switch (comparison)
    {
    case ENOUGH_COMPARISON_LOWER:
      /* Translators: a Self-Check score compared with the previous check.
       * Neutral on purpose: never "better" or "worse". */
      return _("Lower than last time");
    case ENOUGH_COMPARISON_ABOUT_THE_SAME:
      /* Translators: a Self-Check score compared with the previous check. */
      return _("About the same as last time");
    case ENOUGH_COMPARISON_HIGHER:
      /* Translators: a Self-Check score compared with the previous check.
       * Neutral on purpose: never "better" or "worse". */
      return _("Higher than last time");
    default:
      g_return_val_if_reached (NULL);
    }
}
