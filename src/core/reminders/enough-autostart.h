/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The command an autostart runs: Enough hidden, in the background, so
 * that its reminders fire when no window is open. */
#define ENOUGH_AUTOSTART_OPTION "background"

/* $XDG_CONFIG_HOME/autostart/<app id>.desktop (newly allocated). */
char     *enough_autostart_dup_path    (void);
/* TRUE when running inside a Flatpak sandbox (/.flatpak-info exists). */
gboolean  enough_autostart_in_flatpak  (void);

/* Starts Enough hidden at login (@enabled) or no longer. On a plain
 * install, writes or removes the XDG autostart entry; in the Flatpak,
 * asks the Background portal (org.freedesktop.portal.Background,
 * RequestBackground with autostart) and returns at once (the answer comes
 * later; a refusal is only logged). */
gboolean  enough_autostart_set         (gboolean   enabled,
                                        GError   **error);

G_END_DECLS
