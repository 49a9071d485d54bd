/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-letter-editor.h"
#include "enough-letter-reader.h"
#include "enough-page.h"
#include "enough-reminders.h"
#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_LETTER_PAGE (enough_letter_page_get_type ())

G_DECLARE_FINAL_TYPE (EnoughLetterPage, enough_letter_page, ENOUGH, LETTER_PAGE, GtkWidget)

/* The Letters page, an EnoughPage: its search results are letters. */
EnoughStore        *enough_letter_page_get_store     (EnoughLetterPage *self);
void                enough_letter_page_set_store     (EnoughLetterPage *self,
                                                      EnoughStore      *store);
/* The app's reminder checker: its checks refresh the "reread due" marks,
 * and replanned or reread letters withdraw their notification. */
void                enough_letter_page_set_reminders (EnoughLetterPage *self,
                                                      EnoughReminders  *reminders);

/* Starts a new letter on step 1 (what Ctrl+N / letters.new does). Transfer none. */
EnoughLetter       *enough_letter_page_new_letter    (EnoughLetterPage *self);
/* Opens the letter with @uuid, in the reading view or the steps; FALSE if
 * there is no such letter. */
gboolean            enough_letter_page_open_letter   (EnoughLetterPage *self,
                                                      const char       *uuid,
                                                      gboolean          reading);
/* The open letter, or NULL. Transfer none. */
EnoughLetter       *enough_letter_page_get_letter    (EnoughLetterPage *self);
gboolean            enough_letter_page_is_reading    (EnoughLetterPage *self);
EnoughLetterEditor *enough_letter_page_get_editor    (EnoughLetterPage *self);
EnoughLetterReader *enough_letter_page_get_reader    (EnoughLetterPage *self);
GtkListView        *enough_letter_page_get_list_view (EnoughLetterPage *self);
/* Re-evaluates the "reread due" marks (after each reminder check). */
void                enough_letter_page_refresh_due   (EnoughLetterPage *self);

G_END_DECLS
