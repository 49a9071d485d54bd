/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 gives a button with a mnemonic ("_Next") the raw label as its
 * accessible name and adds its label's text: a screen reader says
 * "underscore Next Next". Once installed, every button and check button
 * shown is named by its label without the "_", once, and stays so when
 * its label changes. */
void  enough_accessible_install_plain_mnemonics (void);

/* @label without its mnemonic marks ("_Save" is "Save", "__" is "_"). */
char *enough_accessible_strip_mnemonic          (const char *label);

/* Names the list row that holds @row_child (the GtkListView's item, its
 * parent), which GTK 4.8 leaves unnamed: what the row is, said in full
 * ("Letter, Dear me, 3 March"). Call it when the row is bound. */
void  enough_accessible_name_list_row           (GtkWidget  *row_child,
                                                 const char *name);

/* @widget has its own accessible name: a mnemonic label pointing at it
 * (GTK 4.8 adds the label's text to the name) must not say it again. */
void  enough_accessible_keep_own_name           (GtkWidget  *widget);

G_END_DECLS
