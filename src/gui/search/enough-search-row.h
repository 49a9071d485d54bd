/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

/* One search result's row in the search view: its snippet with the
 * matches in bold, where it was found, its day, and its accessible name. */

/* A GtkListBoxRow showing @result. */
GtkWidget   *enough_search_row_new            (EnoughSearchResult *result);
/* Shows @result in a row made by enough_search_row_new(), changing only
 * the labels whose text differs. */
void         enough_search_row_update         (GtkWidget          *row,
                                               EnoughSearchResult *result);
/* Whether @a and @b would show the same row. */
gboolean     enough_search_result_same        (EnoughSearchResult *a,
                                               EnoughSearchResult *b);

/* Pango markup for the result's snippet: the user's text escaped, only the
 * matched ranges in <b>. */
char        *enough_search_result_dup_markup  (EnoughSearchResult *result);
/* Where the result was found, naming its entry: "In “Monday”". */
char        *enough_search_result_dup_place   (EnoughSearchResult *result);

G_END_DECLS
