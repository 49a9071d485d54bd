/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

#include "enough-limits.h"

G_BEGIN_DECLS

/* Keeps what the user types or pastes into @view (or @editable) within
 * @max_bytes of UTF-8 (ENOUGH_TEXT_MAX_BYTES or
 * ENOUGH_SHORT_TEXT_MAX_BYTES, the import's limits): what would go past it
 * is cut at a character boundary, with the error bell and a toast that
 * says so. Text the program sets (an entry loaded from the journal) is
 * never cut. */
void  enough_text_limit_view      (GtkTextView *view,
                                   gsize        max_bytes);
void  enough_text_limit_editable  (GtkEditable *editable,
                                   gsize        max_bytes);
/* The limit given to @widget (a GtkTextView or GtkEditable); 0 if none. */
gsize enough_text_limit_get       (GtkWidget   *widget);

G_END_DECLS
