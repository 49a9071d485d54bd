/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Self-Check item bank: the statements, the answer scale, and the
 * words the results page uses to talk about the scores.
 *
 * Every completed check stores the bank version it was answered with,
 * plus one small integer per statement, in bank order (answers[i] belongs
 * to enough_item_bank_get_item (version, i)). Wording may change in a
 * later bank version; old checks keep the items and scale labels of their
 * own version, so what the person agreed to never silently changes.
 *
 * The six subscales, the bands and the sentences about them describe
 * scores, not statements, so they are the same for every version. A
 * version that changed the subscales themselves would need new enum
 * values here and a rule for comparing across versions. */

/* The version new checks are answered with. */
#define ENOUGH_ITEM_BANK_VERSION 2

/* Every version so far has 24 statements, 4 per subscale. */
#define ENOUGH_ITEM_BANK_N_ITEMS             24
#define ENOUGH_ITEM_BANK_ITEMS_PER_SUBSCALE  4

/* Answers run from 1 ("Not at all like me") to 5 ("Very much like me");
 * 0 means "not answered yet". */
#define ENOUGH_ANSWER_UNANSWERED  0
#define ENOUGH_ANSWER_MIN         1
#define ENOUGH_ANSWER_MAX         5

typedef enum
{
  ENOUGH_SUBSCALE_HIGH_STANDARDS,       /* strivings: can be healthy */
  ENOUGH_SUBSCALE_FEAR_OF_MISTAKES,
  ENOUGH_SUBSCALE_INNER_CRITIC,
  ENOUGH_SUBSCALE_ALL_OR_NOTHING,
  ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT,
  ENOUGH_SUBSCALE_TROUBLE_RESTING,
  ENOUGH_N_SUBSCALES
} EnoughSubscale;

/* Where a mean (1.0–5.0) falls; see enough_scoring_band_for_mean(). */
typedef enum
{
  ENOUGH_BAND_LOW,
  ENOUGH_BAND_MIDDLE,
  ENOUGH_BAND_HIGH,
  ENOUGH_N_BANDS
} EnoughBand;

/* Strivings = the High standards mean; concerns = the mean of the other
 * five subscale means. */
typedef enum
{
  ENOUGH_DIMENSION_STRIVINGS,
  ENOUGH_DIMENSION_CONCERNS,
  ENOUGH_N_DIMENSIONS
} EnoughDimension;

/* The pages the results can point to. */
typedef enum
{
  ENOUGH_EXERCISE_INNER_CRITIC,
  ENOUGH_EXERCISE_LETTERS,
  ENOUGH_N_EXERCISES
} EnoughExercise;

typedef struct
{
  const char     *id;        /* stable, never reused: "hs1", "fm2", … */
  EnoughSubscale  subscale;
  gboolean        reversed;  /* agreeing means *less* of the subscale */
  const char     *text;      /* untranslated; use enough_item_get_text() */
} EnoughItem;

/* Versions */
gboolean          enough_item_bank_has_version          (guint        version);
guint             enough_item_bank_get_n_items          (guint        version);
const EnoughItem *enough_item_bank_get_item             (guint        version,
                                                         guint        index);
const EnoughItem *enough_item_bank_find_item            (guint        version,
                                                         const char  *id,
                                                         guint       *out_index);
const char       *enough_item_bank_get_scale_label      (guint        version,
                                                         guint        answer);

/* Items */
const char       *enough_item_get_text                  (const EnoughItem *item);
guint             enough_item_score_answer              (const EnoughItem *item,
                                                         guint             answer);

/* Subscales */
const char       *enough_subscale_get_id                (EnoughSubscale subscale);
gboolean          enough_subscale_from_id               (const char     *id,
                                                         EnoughSubscale *out_subscale);
const char       *enough_subscale_get_name              (EnoughSubscale subscale);
const char       *enough_subscale_get_description       (EnoughSubscale subscale);
const char       *enough_subscale_get_band_text         (EnoughSubscale subscale,
                                                         EnoughBand     band);

/* Bands, dimensions, exercises */
const char       *enough_band_get_name                  (EnoughBand      band);
const char       *enough_dimension_get_name             (EnoughDimension dimension);
const char       *enough_dimension_get_description      (EnoughDimension dimension);
const char       *enough_exercise_get_name              (EnoughExercise  exercise);

/* What the results page says */
const char       *enough_item_bank_get_suggestion_text  (EnoughSubscale  focus);
const char       *enough_item_bank_get_disclaimer       (void);

G_END_DECLS
