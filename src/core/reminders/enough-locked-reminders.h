/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-reminders.h"

G_BEGIN_DECLS

/**
 * EnoughLockedReminders:
 *
 * The reminders while the journal is locked. A locked journal has no
 * readable store, so when it locks this keeps, in memory only, what is
 * needed to remind and not a word of the journal: the kind, due time and
 * uuid of each reread and experiment that is not due yet (or due and not
 * announced yet), and the check-in's time. When one comes due it sends a
 * neutral notification ("A letter is ready to be reread") whose action is
 * the usual one (app.open-letter and so on) with the uuid as target: while
 * locked, that raises the lock window, and after unlocking opens the
 * entry. It checks right away and every %ENOUGH_REMINDERS_INTERVAL_SECONDS.
 */
typedef struct _EnoughLockedReminders EnoughLockedReminders;

/* From the open @store, before it closes; @reminders (nullable) says what
 * was already announced during this run and the check-in's time. */
EnoughLockedReminders *enough_locked_reminders_new       (GApplication          *application,
                                                          EnoughStore           *store,
                                                          EnoughReminders       *reminders);
void                   enough_locked_reminders_free      (EnoughLockedReminders *self);
void                   enough_locked_reminders_start     (EnoughLockedReminders *self);
/* Checks now; returns the number of notifications sent. */
guint                  enough_locked_reminders_check_now (EnoughLockedReminders *self);
/* Tests: the clock of the reminders made from now on (NULL: real time). */
void                   _enough_locked_reminders_set_clock (EnoughClockFunc       func,
                                                           gpointer              user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnoughLockedReminders, enough_locked_reminders_free)

G_END_DECLS
