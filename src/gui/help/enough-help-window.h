/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ENOUGH_TYPE_HELP_WINDOW (enough_help_window_get_type ())

G_DECLARE_FINAL_TYPE (EnoughHelpWindow, enough_help_window, ENOUGH, HELP_WINDOW, AdwWindow)

EnoughHelpWindow *enough_help_window_new (GtkWindow *parent);

G_END_DECLS
