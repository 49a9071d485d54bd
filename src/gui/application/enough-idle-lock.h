/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-application.h"

G_BEGIN_DECLS

/* Auto-lock: locks an encrypted journal after "lock-after-minutes"
 * without input (key, pointer, touch) in any of the app's windows. */
typedef struct _EnoughIdleLock EnoughIdleLock;
typedef gint64 (*EnoughIdleClock) (void);

EnoughIdleLock *enough_idle_lock_new   (EnoughApplication *app,
                                        GSettings         *settings);
void            enough_idle_lock_free  (EnoughIdleLock    *self);
/* Any input: the idle time starts again. */
void            enough_idle_lock_note_input (EnoughIdleLock *self);
/* Tests: the clock (µs, monotonic) and an immediate check. */
void            _enough_idle_lock_set_clock (EnoughIdleLock  *self,
                                             EnoughIdleClock  clock);
void            _enough_idle_lock_check     (EnoughIdleLock  *self);

G_END_DECLS
