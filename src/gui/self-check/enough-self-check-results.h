/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-self-check-score.h"
#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_SELF_CHECK_RESULTS (enough_self_check_results_get_type ())

G_DECLARE_FINAL_TYPE (EnoughSelfCheckResults, enough_self_check_results, ENOUGH, SELF_CHECK_RESULTS, GtkWidget)

/* The results of one completed check, compared with @previous (the
 * completed check before it, or NULL). */
void                  enough_self_check_results_set_check      (EnoughSelfCheckResults *self,
                                                                EnoughSelfCheck        *check,
                                                                EnoughSelfCheck        *previous);
EnoughSelfCheck      *enough_self_check_results_get_check      (EnoughSelfCheckResults *self);
EnoughSelfCheck      *enough_self_check_results_get_previous   (EnoughSelfCheckResults *self);
/* Subscale scores, in EnoughSubscale order. */
EnoughSelfCheckScore *enough_self_check_results_get_subscale_score  (EnoughSelfCheckResults *self,
                                                                     EnoughSubscale          subscale);
EnoughSelfCheckScore *enough_self_check_results_get_dimension_score (EnoughSelfCheckResults *self,
                                                                     EnoughDimension         dimension);
/* The button that opens the suggested page (win.show-page). */
GtkButton            *enough_self_check_results_get_suggestion_button (EnoughSelfCheckResults *self);
const char           *enough_self_check_results_get_suggestion_text   (EnoughSelfCheckResults *self);
/* The check's note (shown only when it has one). */
GtkLabel             *enough_self_check_results_get_note_label      (EnoughSelfCheckResults *self);
const char           *enough_self_check_results_get_disclaimer        (EnoughSelfCheckResults *self);

G_END_DECLS
