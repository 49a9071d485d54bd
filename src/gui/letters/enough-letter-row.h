/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_LETTER_ROW (enough_letter_row_get_type ())

G_DECLARE_FINAL_TYPE (EnoughLetterRow, enough_letter_row, ENOUGH, LETTER_ROW, GtkWidget)

GtkWidget    *enough_letter_row_new        (void);
EnoughLetter *enough_letter_row_get_letter (EnoughLetterRow *self);
void          enough_letter_row_set_letter (EnoughLetterRow *self,
                                            EnoughLetter    *letter);
/* Re-evaluates the "reread due" mark at @now_usec. */
void          enough_letter_row_update_due (EnoughLetterRow *self,
                                            gint64           now_usec);

/* The letter's title as the list shows it: the first words of step 1 (what
 * feels not good enough), else of the letter, else a neutral placeholder. */
char         *enough_letter_row_dup_title  (EnoughLetter    *letter);
/* "Today", "Yesterday" or the locale's date for @usec, seen at @now_usec. */

G_END_DECLS
