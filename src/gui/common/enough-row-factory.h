/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the pages' entry lists differ in: the row widget, how it is given
 * its item, and (optional) a mark that depends on the time, such as a
 * letter's reread or an experiment's look-back coming due. */
typedef struct
{
  GtkWidget *(*new_row)    (void);
  /* @item is NULL when the row is unbound. */
  void       (*set_item)   (GtkWidget *row,
                            gpointer   item);
  void       (*update_now) (GtkWidget *row,
                            gint64     now);
} EnoughRowKind;

/* The page's clock (the store's, which tests inject). */
typedef gint64 (*EnoughRowNowFunc)  (gpointer page);
/* Opens @item, clicked in the list. */
typedef void   (*EnoughRowOpenFunc) (gpointer page,
                                     gpointer item);

/* A factory for @list making rows of @kind (static data): rows are bound
 * with the time from @now, and a primary click on one calls @open; both
 * optional. @page is not referenced: the list is the page's own. Returns
 * the factory, set on @list, with a reference for the page. */
GtkListItemFactory *enough_row_factory_install    (GtkListView         *list,
                                                   const EnoughRowKind *kind,
                                                   EnoughRowNowFunc     now,
                                                   EnoughRowOpenFunc    open,
                                                   gpointer             page);
/* Shows every bound row's time-dependent mark as it is now. */
void                enough_row_factory_update_now (GtkListItemFactory  *factory);

G_END_DECLS
