/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-reminders.h"
#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_APPLICATION (enough_application_get_type ())

G_DECLARE_FINAL_TYPE (EnoughApplication, enough_application, ENOUGH, APPLICATION, AdwApplication)

EnoughApplication *enough_application_new             (const char        *application_id,
                                                       GApplicationFlags  flags);
GSettings         *enough_application_get_settings    (EnoughApplication *self);
EnoughStore       *enough_application_get_store       (EnoughApplication *self);
const GError      *enough_application_get_store_error (EnoughApplication *self);
/* The letters' reread reminders; NULL without a journal. */
EnoughReminders   *enough_application_get_reminders   (EnoughApplication *self);
/* Closes the journal, puts the backup at @backup_path in its place (the
 * current journal is kept as a backup first), reopens it and replaces the
 * window. FALSE with @error if nothing was restored (the journal is then
 * reopened as it was). */
gboolean           enough_application_restore_backup  (EnoughApplication  *self,
                                                       const char         *backup_path,
                                                       GError            **error);

/* Whether the journal is locked: the single check point of the activation
 * and the open-letter / edit-letter actions; tests force it with the
 * hook. */
gboolean           enough_application_is_locked       (EnoughApplication *self);
/* Saves every pending change, closes the journal (wiping its key) and
 * destroys every window but the lock window. Fails, keeping everything,
 * if the journal is not encrypted or its words cannot be written. */
gboolean           enough_application_lock            (EnoughApplication  *self,
                                                       GError            **error);
/* For Preferences → Privacy (enough-privacy.c), which converts the
 * journal while it is closed. */
gboolean           _enough_application_release_store  (EnoughApplication  *self,
                                                       GError            **error);
/* For the lock (enough-lock-controller.c): stops the reminders and
 * closes the journal, its words already written. */
void               _enough_application_close_store    (EnoughApplication  *self);
void               _enough_application_adopt_store    (EnoughApplication  *self,
                                                       EnoughStore        *store);
/* Tests: the EnoughIdleLock (enough-idle-lock.h). */
gpointer           _enough_application_get_idle_lock  (EnoughApplication  *self);
/* Tests: the EnoughLockController (enough-lock-controller.h). */
gpointer           _enough_application_get_lock       (EnoughApplication  *self);
void               _enough_application_set_locked_for_tests (EnoughApplication *self,
                                                             gboolean           locked);

G_END_DECLS
