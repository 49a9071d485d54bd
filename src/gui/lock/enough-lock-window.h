/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_LOCK_WINDOW (enough_lock_window_get_type ())

G_DECLARE_FINAL_TYPE (EnoughLockWindow, enough_lock_window, ENOUGH, LOCK_WINDOW, AdwApplicationWindow)

/* The only window while the journal is locked: nothing of the journal in
 * it. It unlocks @db_path (NULL = default) off the UI thread and emits
 * "unlocked" (EnoughCryptKey *key, transfer none) on success. */
EnoughLockWindow *enough_lock_window_new           (GtkApplication   *application,
                                                    const char       *db_path);
/* Unlocks with the passphrase kept in the keyring (enough-keyring.h),
 * as if typed; if it no longer opens the journal, the window says so and
 * waits for the typed one. */
void              enough_lock_window_unlock_with   (EnoughLockWindow *self,
                                                    const char       *passphrase);
/* Says why an unlocked key could still not open the journal. */
void              enough_lock_window_show_error    (EnoughLockWindow *self,
                                                    const char       *message);
GtkEntry         *enough_lock_window_get_entry     (EnoughLockWindow *self);
gboolean          enough_lock_window_get_busy      (EnoughLockWindow *self);
gboolean          enough_lock_window_get_recovery  (EnoughLockWindow *self);
/* How long the entry waits after the last wrong try, in ms. */
guint             enough_lock_window_get_wait_ms   (EnoughLockWindow *self);
/* Tests: the unit of the growing wait (1000 ms by default). */
void              _enough_lock_window_set_wait_unit_ms (guint          unit_ms);

G_END_DECLS
