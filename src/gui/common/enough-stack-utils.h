/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @stack's child @name: with the stack's transition if @animate,
 * else at once, the other children then hidden, not only out of sight
 * (GTK styles every visible widget, shown or not; a page's hidden views
 * were a good part of its first show). */
void enough_stack_show (GtkStack   *stack,
                        const char *name,
                        gboolean    animate);

G_END_DECLS
