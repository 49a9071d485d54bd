/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-application.h"
#include "enough-lock-window.h"
#include "enough-window.h"

G_BEGIN_DECLS

/* What the lock tests (test-lock, test-lock-keyring) share: the app run
 * once around a body, its windows, and the conditions they wait on. */
typedef void (*EnoughLockTestBody) (gpointer fixture, EnoughApplication *app);

void              enough_lock_test_run_app         (gpointer            fixture,
                                                    EnoughLockTestBody  body);
EnoughLockWindow *enough_lock_test_get_lock_window (EnoughApplication  *app);
EnoughWindow     *enough_lock_test_get_main_window (EnoughApplication  *app);
GtkWindow        *enough_lock_test_find_dialog     (const char         *heading);
gboolean          enough_lock_test_has_dialog      (gpointer            heading);
gboolean          enough_lock_test_app_unlocked    (gpointer            app);
gboolean          enough_lock_test_store_plain     (gpointer            app);

G_END_DECLS
