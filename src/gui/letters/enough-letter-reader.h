/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_LETTER_READER (enough_letter_reader_get_type ())

G_DECLARE_FINAL_TYPE (EnoughLetterReader, enough_letter_reader, ENOUGH, LETTER_READER, GtkWidget)

/**
 * EnoughLetterReader:
 *
 * A letter for reading: larger type, no editing chrome, the sentence to
 * carry set apart. When a reread is planned and not done it offers "I Have
 * Read It Again", which records when (enough_letter_set_reread_done_at())
 * and then asks for the sentence to carry. Emits ::reread-done.
 */
void          enough_letter_reader_set_store  (EnoughLetterReader *self,
                                               EnoughStore        *store);
EnoughLetter *enough_letter_reader_get_letter (EnoughLetterReader *self);
void          enough_letter_reader_set_letter (EnoughLetterReader *self,
                                               EnoughLetter       *letter);
/* Marks the letter as reread now (the button does the same). */
void          enough_letter_reader_mark_read  (EnoughLetterReader *self);
/* Selects where @result matched (the words of @query, see
 * enough_search_find_match()) in the field it names, scrolls to it and
 * focuses it; FALSE when the words are not found there. */
gboolean      enough_letter_reader_reveal_match (EnoughLetterReader *self,
                                                 EnoughSearchResult *result,
                                                 const char         *query);
/* Re-reads the letter (e.g. when a reread falls due as time passes). */
void          enough_letter_reader_refresh    (EnoughLetterReader *self);

G_END_DECLS
