/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @list a GtkSignalListItemFactory calling these handlers of
 * GtkSignalListItemFactory's signals (@teardown may be NULL) with
 * @user_data: every list of the pages is made this way. */
void enough_list_view_set_factory (GtkListView *list,
                                   GCallback    setup,
                                   GCallback    bind,
                                   GCallback    unbind,
                                   GCallback    teardown,
                                   gpointer     user_data);

/* The position of @item among the first @max items of @model (G_MAXUINT:
 * all of them), or GTK_INVALID_LIST_POSITION. The pages' lists are lazy:
 * looking far costs making every record on the way. */
guint enough_list_model_find      (GListModel  *model,
                                   gpointer     item,
                                   guint        max);

/* Lets @slice, the rows of @list from the start of a longer list, grow by
 * @step items whenever fewer than @screens screens of rows are left below
 * the view, as the list is scrolled, moved through with the keyboard or
 * laid out taller: GTK 4.8's list view makes a row for up to 200 items at
 * once, which on a journal of years was most of a page's first show. */
void  enough_list_grow_near_end   (GtkListView       *list,
                                   GtkSliceListModel *slice,
                                   guint              step,
                                   double             screens);

G_END_DECLS
