/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-self-check-scoring.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_SELF_CHECK_SCORE (enough_self_check_score_get_type ())

G_DECLARE_FINAL_TYPE (EnoughSelfCheckScore, enough_self_check_score, ENOUGH, SELF_CHECK_SCORE, GtkWidget)

/* One score of the results: a name, a bar from 1 to 5 with the value, a
 * plain sentence and, when there is an earlier check, how it compares. */
void        enough_self_check_score_set         (EnoughSelfCheckScore *self,
                                                 const char           *name,
                                                 const char           *description,
                                                 double                value,
                                                 const char           *sentence,
                                                 gboolean              has_comparison,
                                                 EnoughComparison      comparison);
const char *enough_self_check_score_get_name       (EnoughSelfCheckScore *self);
double      enough_self_check_score_get_value      (EnoughSelfCheckScore *self);
/* The value as shown ("3.25" in the user's locale). */
const char *enough_self_check_score_get_value_text (EnoughSelfCheckScore *self);
const char *enough_self_check_score_get_sentence   (EnoughSelfCheckScore *self);
/* NULL when there is no earlier check to compare with. */
const char *enough_self_check_score_get_comparison (EnoughSelfCheckScore *self);

G_END_DECLS
