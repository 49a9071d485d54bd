/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_EXPERIMENT_ROW (enough_experiment_row_get_type ())

G_DECLARE_FINAL_TYPE (EnoughExperimentRow, enough_experiment_row, ENOUGH, EXPERIMENT_ROW, GtkWidget)

/* One experiment in the list: its belief, and where it stands (planned,
 * ready to look back, or done with the belief's rating before → after),
 * worded without judgment. */
GtkWidget        *enough_experiment_row_new            (void);
EnoughExperiment *enough_experiment_row_get_experiment (EnoughExperimentRow *self);
void              enough_experiment_row_set_experiment (EnoughExperimentRow *self,
                                                        EnoughExperiment    *experiment);
/* The state depends on the time: the page calls this when its clock moves. */
void              enough_experiment_row_update_now     (EnoughExperimentRow *self,
                                                        gint64               now_usec);

/* The belief's first words, or a gentle placeholder. */
char             *enough_experiment_row_dup_title      (EnoughExperiment    *experiment);
/* "Planned for 8 Dec", "Ready to look back", "Done · from 80 % to 45 %"… */
char             *enough_experiment_row_dup_status     (EnoughExperiment    *experiment,
                                                        gint64               now_usec);

G_END_DECLS
