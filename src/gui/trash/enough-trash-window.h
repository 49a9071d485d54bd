/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_TRASH_WINDOW (enough_trash_window_get_type ())

G_DECLARE_FINAL_TYPE (EnoughTrashWindow, enough_trash_window, ENOUGH, TRASH_WINDOW, AdwWindow)

/* Recently Deleted: the journal's entries deleted in the last
 * ENOUGH_STORE_TRASH_DAYS, newest first, each to restore or delete for
 * good (after a confirmation). */
EnoughTrashWindow *enough_trash_window_new       (GtkWindow   *parent,
                                                  EnoughStore *store);
/* The entries listed (a GListModel of EnoughRecord). */
GListModel        *enough_trash_window_get_model (EnoughTrashWindow *self);

G_END_DECLS
