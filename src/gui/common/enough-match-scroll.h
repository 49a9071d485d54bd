/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Bringing a search match into view, for every page: a turn among the
 * Inner Critic's, the words in a letter or a note.
 *
 * Where the match is on this frame: the widget that shows it, and the
 * match's extent in that widget's coordinates in *@rect. NULL while it is
 * not there or not laid out yet (the function may then ask for it, e.g. a
 * list with "list.scroll-to-item"). */
typedef GtkWidget *(*EnoughMatchLocateFunc) (gpointer         user_data,
                                             graphene_rect_t *rect);
/* Called once, on the first frame the match is located: to focus it. */
typedef void       (*EnoughMatchFoundFunc)  (GtkWidget       *widget,
                                             gpointer         user_data);

/* Scrolls @scroller over the next frames until the match is comfortably in
 * view (one that was not lands a third of the way down, with some of what
 * led to it above) and stays put, as the layout settles (text measured
 * late, rows made late); gives up after about two seconds, or when the user
 * scrolls. Replaces any scrolling to a match still under way there. */
void     enough_match_scroll_start   (GtkScrolledWindow     *scroller,
                                      EnoughMatchLocateFunc  locate,
                                      EnoughMatchFoundFunc   found,
                                      gpointer               user_data,
                                      GDestroyNotify         destroy);
void     enough_match_scroll_stop    (GtkScrolledWindow     *scroller);
/* A mark on a match stays until the user acts there: calls @acted with
 * @user_data on any key (not a lone modifier) pressed or any click in
 * @widget. Watching only (capture phase, nothing claimed): the key or click
 * still goes where it was going. */
void     enough_match_watch_user     (GtkWidget             *widget,
                                      void                 (*acted) (gpointer user_data),
                                      gpointer               user_data);

/* TRUE while @scroller is still being moved to a match (for tests). */
gboolean enough_match_scroll_is_busy (GtkScrolledWindow     *scroller);

G_END_DECLS
