/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Real key presses: the X server makes them (XTEST, as xdotool does) and
 * sends them to the window that has the X input focus, so GTK receives
 * them as it does from a keyboard: through the focused widget, its
 * ancestors, the shortcut controllers and key bindings.
 *
 * enough_test_keys_focus_window() gives @window the X input focus (there is
 * no window manager under Xvfb to do it) and waits until GTK sees it
 * active. enough_test_keys_send() presses and releases @keys in order:
 * combinations separated by spaces, keys within one by "+", named as in
 * X (e.g. "Tab", "shift+Tab", "ctrl+n", "shift+F10", "Down Return"),
 * with "ctrl", "shift" and "alt" for the left modifiers; each is handled
 * by GTK before it returns. Needs the X11 backend (the tests' Xvfb). */
void       enough_test_keys_focus_window   (GtkWindow  *window);
void       enough_test_keys_send           (const char *keys);

/* Moves the real pointer (as a mouse would: the X server sends the
 * crossing and motion events) to (@x, @y) of @widget, and waits until GTK
 * has handled the motion there. */
void       enough_test_pointer_move_to     (GtkWidget  *widget,
                                            double      x,
                                            double      y);

/* The widget with the keyboard focus in @window, and its description
 * for a failing assertion: its type, CSS name, label or accessible
 * name. */
GtkWidget *enough_test_keys_get_focus      (GtkWindow  *window);
char      *enough_test_keys_describe       (GtkWidget  *widget);

G_END_DECLS
