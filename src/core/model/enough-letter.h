/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-record.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_LETTER (enough_letter_get_type ())

G_DECLARE_FINAL_TYPE (EnoughLetter, enough_letter, ENOUGH, LETTER, EnoughRecord)

/**
 * EnoughLetter:
 *
 * A self-compassion letter. Properties: not-good-enough (step 1 text),
 * feelings (#EnoughFeelings), text (the letter, step 2), step (0..2, the
 * step the user was on), reread (#EnoughReread choice), reread-at (usec UTC,
 * 0 = none; when the reminder is due), reread-done-at (usec UTC, 0 = not yet),
 * takeaway (the sentence to carry). Strings are "" when empty, never NULL.
 * Setters queue an autosave.
 */
const char     *enough_letter_get_not_good_enough (EnoughLetter   *self);
void            enough_letter_set_not_good_enough (EnoughLetter   *self,
                                                   const char     *text);
EnoughFeelings  enough_letter_get_feelings        (EnoughLetter   *self);
void            enough_letter_set_feelings        (EnoughLetter   *self,
                                                   EnoughFeelings  feelings);
const char     *enough_letter_get_text            (EnoughLetter   *self);
void            enough_letter_set_text            (EnoughLetter   *self,
                                                   const char     *text);
guint           enough_letter_get_step            (EnoughLetter   *self);
void            enough_letter_set_step            (EnoughLetter   *self,
                                                   guint           step);
EnoughReread    enough_letter_get_reread          (EnoughLetter   *self);
gint64          enough_letter_get_reread_at       (EnoughLetter   *self);
/* Sets both the choice and the due time (usec UTC, 0 for none); the UI
 * computes the time ("this evening") in the user's time zone. */
void            enough_letter_set_reread          (EnoughLetter   *self,
                                                   EnoughReread    reread,
                                                   gint64          reread_at);
gint64          enough_letter_get_reread_done_at  (EnoughLetter   *self);
void            enough_letter_set_reread_done_at  (EnoughLetter   *self,
                                                   gint64          done_at);
const char     *enough_letter_get_takeaway        (EnoughLetter   *self);
void            enough_letter_set_takeaway        (EnoughLetter   *self,
                                                   const char     *takeaway);

G_END_DECLS
