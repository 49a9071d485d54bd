/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_PREFERENCES_WINDOW (enough_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (EnoughPreferencesWindow, enough_preferences_window, ENOUGH, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* @store may be NULL (the journal could not be opened): it says so. */
EnoughPreferencesWindow *enough_preferences_window_new             (GtkWindow               *parent,
                                                                    EnoughStore             *store);
/* The backup rows shown (AdwActionRow), newest first; for tests. */
guint                    enough_preferences_window_get_n_backups   (EnoughPreferencesWindow *self);
GtkWidget               *enough_preferences_window_get_backup_row  (EnoughPreferencesWindow *self,
                                                                    guint                    index);
/* Its backup file. */
const char              *enough_preferences_window_get_backup_path (EnoughPreferencesWindow *self,
                                                                    guint                    index);

G_END_DECLS
