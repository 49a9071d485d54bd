/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

#include "enough-record.h"

G_BEGIN_DECLS

/* Share… and Print… of the entry a page has open: the actions page.share
 * and page.print, which hand the entry (its kind and uuid) to the window's
 * win.share-entry and win.print-entry (pages never call the window).
 * win.print (Ctrl+P) activates the visible page's page.print. */
typedef EnoughRecord *(*EnoughOpenEntryFunc) (GtkWidget *page);  /* transfer none, or NULL */

/* In a page's class_init: @open_entry says which entry is open. */
void enough_entry_actions_install (GtkWidgetClass      *widget_class,
                                   EnoughOpenEntryFunc  open_entry);
/* The entry @page has open (transfer none), or NULL (none, or not a page
 * with these actions). */
EnoughRecord *enough_entry_actions_get_open_entry (GtkWidget *page);
/* When the open entry changes: the actions are enabled with one. */
void enough_entry_actions_update  (GtkWidget           *page);

G_END_DECLS
