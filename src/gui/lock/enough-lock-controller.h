/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-application.h"

G_BEGIN_DECLS

/* The lock of an encrypted journal, owned by the application: whether it
 * is locked, the lock window, the app.lock action (Ctrl+L), and the page
 * to come back to after unlocking. The application keeps the store and
 * its reminders; this asks it to close or adopt them. */
typedef struct _EnoughLockController EnoughLockController;

EnoughLockController *enough_lock_controller_new          (EnoughApplication    *app);
void                  enough_lock_controller_free         (EnoughLockController *self);
gboolean              enough_lock_controller_is_locked    (EnoughLockController *self);
/* Saves every pending change, shows the lock window, destroys every other
 * window (and so every widget that held journal text), then closes the
 * journal. Fails, keeping everything, if the journal is not encrypted or
 * its words cannot be written. */
gboolean              enough_lock_controller_lock         (EnoughLockController  *self,
                                                           GError               **error);
/* An encrypted journal was found and not opened: locked; the lock window
 * comes with the first activation. */
void                  enough_lock_controller_mark_locked  (EnoughLockController *self);
/* An encrypted journal that is not open: locked, only the lock window. */
GtkWindow            *enough_lock_controller_show         (EnoughLockController *self);
/* Remembers the page the main window shows, to come back to. */
void                  enough_lock_controller_remember_page (EnoughLockController *self);
/* The journal is open again: not locked; returns the remembered page
 * (NULL for none). */
char                 *enough_lock_controller_unlocked     (EnoughLockController *self);
/* The store changed: app.lock is enabled only for an open, encrypted one. */
void                  enough_lock_controller_update_action (EnoughLockController *self);
/* An action asked for while locked (a reminder's, over D-Bus): raises
 * the lock window and keeps it (the last one) for after unlocking; FALSE
 * when the journal is not locked. @target is sunk. */
gboolean              enough_lock_controller_defer        (EnoughLockController *self,
                                                           const char           *action_name,
                                                           GVariant             *target);
/* Once unlocked and the window is there: the deferred action, if any. */
void                  enough_lock_controller_run_deferred (EnoughLockController *self);
/* Tests: the EnoughLockedReminders while locked, or NULL. */
gpointer              _enough_lock_controller_get_reminders (EnoughLockController *self);
void                  _enough_lock_controller_set_locked_for_tests (EnoughLockController *self,
                                                                    gboolean              locked);

G_END_DECLS
