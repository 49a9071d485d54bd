/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_LETTER_EDITOR (enough_letter_editor_get_type ())

G_DECLARE_FINAL_TYPE (EnoughLetterEditor, enough_letter_editor, ENOUGH, LETTER_EDITOR, GtkWidget)

#define ENOUGH_LETTER_N_STEPS 3

/**
 * EnoughLetterEditor:
 *
 * The three steps of a letter, one at a time, with Back/Next. Every change
 * goes straight to the #EnoughLetter (which autosaves), including the step
 * the user is on, so a half-written letter reopens where it was.
 * Emits ::done when the user presses Done on the last step.
 */
void          enough_letter_editor_set_store  (EnoughLetterEditor *self,
                                               EnoughStore        *store);
EnoughLetter *enough_letter_editor_get_letter (EnoughLetterEditor *self);
void          enough_letter_editor_set_letter (EnoughLetterEditor *self,
                                               EnoughLetter       *letter);
guint         enough_letter_editor_get_step   (EnoughLetterEditor *self);
void          enough_letter_editor_set_step   (EnoughLetterEditor *self,
                                               guint               step);
/* Puts the keyboard focus in the current step's first field. */
void          enough_letter_editor_focus_step (EnoughLetterEditor *self);

/* Shows the step with the field where @result matched, selects the match
 * (the words of @query, see enough_search_find_match()), scrolls to it and
 * focuses it; FALSE when the words are not found there. */
gboolean      enough_letter_editor_reveal_match (EnoughLetterEditor *self,
                                                 EnoughSearchResult *result,
                                                 const char         *query);

/* The chosen feeling words, translated, for display ("Tired · Sad"); NULL
 * when none. */
char         *enough_letter_editor_format_feelings (EnoughFeelings feelings);

G_END_DECLS
