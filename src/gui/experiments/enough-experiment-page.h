/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-experiment-editor.h"
#include "enough-page.h"
#include "enough-reminders.h"
#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_EXPERIMENT_PAGE (enough_experiment_page_get_type ())

G_DECLARE_FINAL_TYPE (EnoughExperimentPage, enough_experiment_page, ENOUGH, EXPERIMENT_PAGE, GtkWidget)

/* The Experiments page, an EnoughPage: its search results are experiments. */
void                    enough_experiment_page_set_store      (EnoughExperimentPage *self,
                                                               EnoughStore          *store);
/* The app's reminder checker: its checks refresh the "ready to look
 * back" marks; an experiment looked back at withdraws its notification. */
void                    enough_experiment_page_set_reminders  (EnoughExperimentPage *self,
                                                               EnoughReminders      *reminders);

/* Starts a new experiment (what Ctrl+N / experiments.new does), its belief
 * @belief (NULL: empty). Transfer none. */
EnoughExperiment       *enough_experiment_page_new_experiment (EnoughExperimentPage *self,
                                                               const char           *belief);
/* Opens the experiment with @uuid; FALSE if there is no such experiment. */
gboolean                enough_experiment_page_open_experiment (EnoughExperimentPage *self,
                                                                const char           *uuid);
/* The open experiment, or NULL. Transfer none. */
EnoughExperiment       *enough_experiment_page_get_experiment (EnoughExperimentPage *self);
EnoughExperimentEditor *enough_experiment_page_get_editor     (EnoughExperimentPage *self);
GtkListView            *enough_experiment_page_get_list_view  (EnoughExperimentPage *self);
/* "7 of 9 predictions did not happen as feared", as shown; "" for none. */
const char             *enough_experiment_page_get_history    (EnoughExperimentPage *self);
/* Re-evaluates the states that depend on the time (after each check). */
void                    enough_experiment_page_refresh        (EnoughExperimentPage *self);

G_END_DECLS
