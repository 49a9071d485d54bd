/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

#include "enough-item-bank.h"

G_BEGIN_DECLS

/* Scoring a Self-Check, in plain C on plain arrays: answers[i] is the
 * answer (0 = not yet, 1–5) to enough_item_bank_get_item (version, i).
 *
 * - Reverse-keyed statements count 6 - answer.
 * - A subscale's score is the mean of its 4 keyed answers: 1.0 to 5.0, in
 *   steps of 0.25.
 * - Strivings = the High standards mean. Concerns = the mean of the other
 *   five subscale means.
 * - Bands: low below 2.5, middle from 2.5 up to (not including) 3.5, high
 *   from 3.5. On a 1–5 scale whose midpoint 3 is "Somewhat like me", a
 *   mean of 3.5 or more leans towards "like me" on most statements, and a
 *   mean below 2.5 leans towards "not like me".
 * - Comparing two scores: a change of at most 0.5 is "about the same";
 *   more is "higher" or "lower". Never better or worse. Four unvalidated
 *   statements per subscale are noisy: answering one of them two steps
 *   differently moves a subscale by 0.5 (and Concerns by 0.1), which is
 *   no change worth naming.
 * - Scores are shown with one decimal (enough_scoring_round_for_display()),
 *   since the second one suggests a precision they do not have.
 * - A subscale "stands out" (the suggestion names it) only when it is the
 *   single highest concern and in the high band; on a tie, or when the
 *   highest concern is in the middle or low band, none stands out. */

#define ENOUGH_SCORING_BAND_MIDDLE_FROM  2.5
#define ENOUGH_SCORING_BAND_HIGH_FROM    3.5
#define ENOUGH_SCORING_SAME_TOLERANCE    0.5

#define ENOUGH_SCORING_ERROR (enough_scoring_error_quark ())

typedef enum
{
  ENOUGH_SCORING_ERROR_UNKNOWN_VERSION,  /* bank version not in this build */
  ENOUGH_SCORING_ERROR_WRONG_LENGTH,     /* n_answers != items in the bank */
  ENOUGH_SCORING_ERROR_INVALID_ANSWER,   /* a value above 5 */
  ENOUGH_SCORING_ERROR_INCOMPLETE,       /* a 0: not answered yet */
} EnoughScoringError;

typedef enum
{
  ENOUGH_COMPARISON_LOWER,
  ENOUGH_COMPARISON_ABOUT_THE_SAME,
  ENOUGH_COMPARISON_HIGHER,
} EnoughComparison;

/* A plain value: copy it, keep it on the stack. */
typedef struct
{
  guint  bank_version;
  double subscale_means[ENOUGH_N_SUBSCALES];
  double dimensions[ENOUGH_N_DIMENSIONS];
} EnoughScores;

GQuark            enough_scoring_error_quark           (void);

/* Progress */
guint             enough_scoring_count_answered        (const guint8 *answers,
                                                        gsize         n_answers);
gboolean          enough_scoring_find_first_unanswered (const guint8 *answers,
                                                        gsize         n_answers,
                                                        gsize        *out_index);

/* Scoring */
gboolean          enough_scores_compute                (guint          bank_version,
                                                        const guint8  *answers,
                                                        gsize          n_answers,
                                                        EnoughScores  *out_scores,
                                                        GError       **error);
EnoughBand        enough_scoring_band_for_mean         (double mean);
double            enough_scoring_round_for_display     (double mean);
EnoughBand        enough_scores_get_band               (const EnoughScores *scores,
                                                        EnoughSubscale      subscale);
EnoughExercise    enough_scores_get_suggestion         (const EnoughScores *scores,
                                                        EnoughSubscale     *out_focus);

/* Comparison with an earlier check */
EnoughComparison  enough_scoring_compare_means         (double previous,
                                                        double current);
void              enough_scores_compare                (const EnoughScores *previous,
                                                        const EnoughScores *current,
                                                        EnoughComparison    out_subscales[ENOUGH_N_SUBSCALES],
                                                        EnoughComparison    out_dimensions[ENOUGH_N_DIMENSIONS]);
const char       *enough_comparison_get_text           (EnoughComparison comparison);

G_END_DECLS
