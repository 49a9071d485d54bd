/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_EXPERIMENT_EDITOR (enough_experiment_editor_get_type ())

G_DECLARE_FINAL_TYPE (EnoughExperimentEditor, enough_experiment_editor, ENOUGH, EXPERIMENT_EDITOR, GtkWidget)

/**
 * EnoughExperimentEditor:
 *
 * One experiment, its two halves (Before and After) on one scrolling
 * page. Every change goes straight to the #EnoughExperiment, which
 * autosaves; every field is optional.
 */
void              enough_experiment_editor_set_store      (EnoughExperimentEditor *self,
                                                           EnoughStore            *store);
EnoughExperiment *enough_experiment_editor_get_experiment (EnoughExperimentEditor *self);
void              enough_experiment_editor_set_experiment (EnoughExperimentEditor *self,
                                                           EnoughExperiment       *experiment);
/* Focus in the first field of the half that is next: Before while the
 * day has not come, After once it has. */
void              enough_experiment_editor_focus_next     (EnoughExperimentEditor *self);
/* The time moved (the reminders' check): "ready to look back" notes. */
void              enough_experiment_editor_refresh        (EnoughExperimentEditor *self);
/* Selects the match of @result in its field, scrolls to it and focuses
 * it; FALSE when the words are not found there. */
gboolean          enough_experiment_editor_reveal_match   (EnoughExperimentEditor *self,
                                                           EnoughSearchResult     *result,
                                                           const char             *query);
/* The text view of a search field (tests). */
GtkWidget        *enough_experiment_editor_get_field      (EnoughExperimentEditor *self,
                                                           EnoughSearchField       field);
/* The 0–100 scales, in the order of the form: belief, prediction,
 * alternative, belief after, alternative after (tests). */
GtkRange         *enough_experiment_editor_get_scale      (EnoughExperimentEditor *self,
                                                           guint                   i);

G_END_DECLS
