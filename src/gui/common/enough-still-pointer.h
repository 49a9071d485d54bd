/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* After any relayout of a window (each key typed in a field lays it out)
 * GTK 4 sends a motion event with the pointer where it was
 * (gtk_window_native_layout()). A GtkScrolledWindow under the resting
 * pointer takes it for a moving pointer and fades its overlay scrollbar
 * in, then out again: about ten frames of the whole window for each key,
 * most of a key's CPU with software rendering. This keeps motion events
 * that did not move the pointer from @widget's descendants' controllers.
 * GTK works out hover (crossing) before any controller sees an event, so
 * rows under the pointer still show it. */
void enough_still_pointer_filter (GtkWidget *widget);

G_END_DECLS
