/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *enough_test_make_data_dir   (void);
void  enough_test_remove_data_dir (const char *path);

typedef gboolean (*EnoughTestCondition) (gpointer data);

/* Runs the default main context (timers, completions, frames) until
 * @condition holds, for at most @timeout_s seconds, so a broken build
 * fails instead of hanging. Returns whether it holds. */
gboolean enough_test_wait_until (EnoughTestCondition condition,
                                 gpointer            data,
                                 guint               timeout_s);
/* A store clock (enough_store_set_clock) that tests move by hand: the
 * time is the gint64 (µs since the epoch) @now_usec points at. */
gint64   enough_test_fake_clock     (gpointer now_usec);
/* The same until *@counter (bumped by a signal handler) reaches @target,
 * asserting that it did. */
void     enough_test_wait_for_count (guint *counter,
                                     guint  target,
                                     guint  timeout_s);

G_END_DECLS
