/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A text cursor that blinks on and off instead of fading (issue #28).
 * GTK 4's cursor fades: while it blinks, the focused field asks for a new
 * frame at the frame rate, which on software rendering (cairo) costs a few
 * percent of a core for as long as the field has the focus and blinks. On
 * and off needs two frames a blink. So, when installed, the toolkit's own
 * blinking is turned off for this process and Enough blinks the focused
 * text field itself by hiding its caret (the CSS class
 * "enough-caret-hidden"), at the user's gtk-cursor-blink-time and for the
 * user's gtk-cursor-blink-timeout; a key or a click shows the caret again
 * and restarts the blinking, as GTK does. Nothing changes when the user
 * turned blinking off. */

/* Takes over the blinking on @settings for every toplevel window. Does
 * nothing (and returns FALSE) when gtk-cursor-blink is off there. */
gboolean     enough_cursor_blink_install   (GtkSettings *settings);

/* TRUE while installed on @settings. */
gboolean     enough_cursor_blink_is_installed (GtkSettings *settings);

G_END_DECLS
