/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-search-result.h"

G_BEGIN_DECLS

/* Showing where a search result matched, once its entry is open.
 *
 * enough_search_find_match() finds where the match is in a piece of text,
 * the way the store matched it (character by character, ignoring case, so
 * Chinese, Japanese and Korean too): as character offsets [*start, *end)
 * of the first occurrence of the whole @query, else of the first of its
 * words that occurs, else of the text @result marked in its snippet
 * (@result may be NULL). FALSE when none occurs. */
gboolean enough_search_find_match       (const char          *text,
                                         const char          *query,
                                         EnoughSearchResult  *result,
                                         int                 *start,
                                         int                 *end);

/* Finds the match in @widget's text (a GtkLabel, a GtkTextView or a
 * GtkEditable), selects it, gives @widget the keyboard focus and scrolls
 * @scroller, over the next frames while the layout settles, so that the
 * match is in view. Without a match, @widget is still focused and brought
 * into view. Returns whether the match was found (and selected). */
gboolean enough_search_reveal_text      (GtkScrolledWindow   *scroller,
                                         GtkWidget           *widget,
                                         const char          *query,
                                         EnoughSearchResult  *result);

/* The words are also marked (a label or a text view; the selection alone
 * does not last: any program can take the X11 PRIMARY selection) until the
 * user presses a key or clicks in @scroller, the text changes or the
 * widget is hidden. For tests: the marked range of @widget, in characters;
 * FALSE when none. */
gboolean enough_search_reveal_get_highlight (GtkWidget       *widget,
                                            int             *start,
                                            int             *end);

/* TRUE while @scroller is still being moved to a match (for tests). */
gboolean enough_search_reveal_is_busy   (GtkScrolledWindow   *scroller);

G_END_DECLS
