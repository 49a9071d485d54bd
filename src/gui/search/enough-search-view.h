/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-search-row.h"
#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_SEARCH_VIEW (enough_search_view_get_type ())

G_DECLARE_FINAL_TYPE (EnoughSearchView, enough_search_view, ENOUGH, SEARCH_VIEW, GtkWidget)

/**
 * EnoughSearchView:
 *
 * The results of a search, grouped by kind, in place of the pages while the
 * window searches. Signal ::open-result (EnoughSearchResult *) when the user
 * activates a row.
 */
GtkWidget   *enough_search_view_new           (void);
void         enough_search_view_set_store     (EnoughSearchView *self,
                                               EnoughStore      *store);
/* Searches as you type: at once, or after the last search's 100 ms are
 * over when keys come faster, only the newest text. */
void         enough_search_view_queue_query   (EnoughSearchView *self,
                                               const char       *query);
/* Searches now. */
void         enough_search_view_set_query     (EnoughSearchView *self,
                                               const char       *query);
/* The query whose results are shown. */
const char  *enough_search_view_get_query     (EnoughSearchView *self);
/* TRUE while a query waits for its turn, the full answer is on its way, or
 * the rows are still being made. */
gboolean     enough_search_view_is_busy       (EnoughSearchView *self);
/* "hint", "short", "empty" or "results". */
const char  *enough_search_view_get_state     (EnoughSearchView *self);
/* The results shown (EnoughSearchResult), grouped by kind. Transfer none. */
GListModel  *enough_search_view_get_results   (EnoughSearchView *self);
/* The row of the @index-th result, for tests. */
GtkWidget   *enough_search_view_get_row       (EnoughSearchView *self,
                                               guint             index);
/* Opens the first result (Enter in the search entry); FALSE if none. */
gboolean     enough_search_view_activate_first (EnoughSearchView *self);
/* Moves the keyboard focus to the first result (Down in the entry). */
gboolean     enough_search_view_focus_first   (EnoughSearchView *self);
/* The time a frame may spend making rows (0: one row a frame), so that a
 * test sees rows come over frames on a fast machine too. */
void         _enough_search_view_set_rows_budget_for_tests (EnoughSearchView *self,
                                                            gint64            usec);

G_END_DECLS
