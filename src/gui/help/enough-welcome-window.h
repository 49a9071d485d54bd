/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ENOUGH_TYPE_WELCOME_WINDOW (enough_welcome_window_get_type ())

G_DECLARE_FINAL_TYPE (EnoughWelcomeWindow, enough_welcome_window, ENOUGH, WELCOME_WINDOW, AdwWindow)

/* The first launch's welcome: what Enough is, that it is private and
 * offline, that it supports and does not replace professional help, and
 * where Getting Help is. Shown once (the "welcome-shown" setting, set as
 * soon as it is shown); closed with Start Writing or Escape. */
EnoughWelcomeWindow *enough_welcome_window_new      (GtkWindow *parent);
/* Shows it over @parent if it was never shown; TRUE if it did. */
gboolean             enough_welcome_window_maybe_show (GtkWindow *parent);

G_END_DECLS
