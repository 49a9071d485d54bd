/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-record.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_EXPERIMENT (enough_experiment_get_type ())

G_DECLARE_FINAL_TYPE (EnoughExperiment, enough_experiment, ENOUGH, EXPERIMENT, EnoughRecord)

/* Where an experiment stands, derived from its fields and the time. */
typedef enum
{
  ENOUGH_EXPERIMENT_PLANNED = 0,  /* no date yet, or the date is ahead */
  ENOUGH_EXPERIMENT_DUE     = 1,  /* the date came, nothing written after */
  ENOUGH_EXPERIMENT_DONE    = 2,  /* what happened, or came-true, written */
} EnoughExperimentState;

/* A rating not given (the ratings are 0–100 otherwise). */
#define ENOUGH_RATING_UNSET (-1)

/**
 * EnoughExperiment:
 *
 * A behavioural experiment. Before: belief (text) and belief-rating,
 * prediction (the feared outcome) and prediction-likelihood,
 * experiment-kind (#EnoughExperimentKind) and action (what exactly I will
 * do), due-at (usec UTC, 0 = no date) with due-has-time (FALSE: a date
 * only, due-at is then 09:00 local time that day), obstacles (what might
 * get in the way, and what I will do then), alternative (a kinder belief)
 * and alternative-rating. After: outcome (what happened), came-true
 * (#EnoughCameTrue), learned, belief-after and alternative-after.
 * Ratings are 0–100 or %ENOUGH_RATING_UNSET; strings are "" when empty,
 * never NULL. Every field is optional. Setters queue an autosave.
 */
#define ENOUGH_EXPERIMENT_DECLARE_STRING(field)                              \
const char *enough_experiment_get_##field (EnoughExperiment *self);         \
void        enough_experiment_set_##field (EnoughExperiment *self,          \
                                           const char       *value);
#define ENOUGH_EXPERIMENT_DECLARE_RATING(field)                              \
int         enough_experiment_get_##field (EnoughExperiment *self);         \
void        enough_experiment_set_##field (EnoughExperiment *self,          \
                                           int               rating);

ENOUGH_EXPERIMENT_DECLARE_STRING (belief)
ENOUGH_EXPERIMENT_DECLARE_RATING (belief_rating)
ENOUGH_EXPERIMENT_DECLARE_STRING (prediction)
ENOUGH_EXPERIMENT_DECLARE_RATING (prediction_likelihood)
ENOUGH_EXPERIMENT_DECLARE_STRING (action)
ENOUGH_EXPERIMENT_DECLARE_STRING (obstacles)
ENOUGH_EXPERIMENT_DECLARE_STRING (alternative)
ENOUGH_EXPERIMENT_DECLARE_RATING (alternative_rating)
ENOUGH_EXPERIMENT_DECLARE_STRING (outcome)
ENOUGH_EXPERIMENT_DECLARE_STRING (learned)
ENOUGH_EXPERIMENT_DECLARE_RATING (belief_after)
ENOUGH_EXPERIMENT_DECLARE_RATING (alternative_after)

EnoughExperimentKind  enough_experiment_get_experiment_kind (EnoughExperiment     *self);
void                  enough_experiment_set_experiment_kind (EnoughExperiment     *self,
                                                             EnoughExperimentKind  kind);
EnoughCameTrue        enough_experiment_get_came_true       (EnoughExperiment     *self);
void                  enough_experiment_set_came_true       (EnoughExperiment     *self,
                                                             EnoughCameTrue        came_true);
gint64                enough_experiment_get_due_at          (EnoughExperiment     *self);
gboolean              enough_experiment_get_due_has_time    (EnoughExperiment     *self);
/* Both together: @due_at usec UTC (0 = no date); the UI computes it in
 * the user's time zone (enough_experiment_compute_due_at()). */
void                  enough_experiment_set_due             (EnoughExperiment     *self,
                                                             gint64                due_at,
                                                             gboolean              has_time);

EnoughExperimentState enough_experiment_get_state           (EnoughExperiment     *self,
                                                             gint64                now_usec);

/* usec UTC of @year-@month-@day at @minutes after midnight in @tz (NULL =
 * local), or at 09:00 when @minutes is negative; 0 for an invalid date. */
gint64                enough_experiment_compute_due_at      (int                   year,
                                                             int                   month,
                                                             int                   day,
                                                             int                   minutes,
                                                             GTimeZone            *tz);

G_END_DECLS
