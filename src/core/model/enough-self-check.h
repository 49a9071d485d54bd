/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-record.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_SELF_CHECK (enough_self_check_get_type ())

G_DECLARE_FINAL_TYPE (EnoughSelfCheck, enough_self_check, ENOUGH, SELF_CHECK, EnoughRecord)

#define ENOUGH_SELF_CHECK_N_ITEMS 24

/**
 * EnoughSelfCheck:
 *
 * One self-check. Properties: bank-version (item bank version, set at
 * creation), answers (a 24-character string of '0'..'5', '0' = unanswered;
 * notified on every answer change), current-index (0..23, where to resume),
 * started-at (= created-at), completed-at (usec UTC, 0 while in progress),
 * note ("" when empty). Setters queue an autosave.
 */
guint        enough_self_check_get_bank_version  (EnoughSelfCheck *self);
/* 0 = unanswered, 1..5; index < ENOUGH_SELF_CHECK_N_ITEMS */
guint        enough_self_check_get_answer        (EnoughSelfCheck *self,
                                                  guint            index);
void         enough_self_check_set_answer        (EnoughSelfCheck *self,
                                                  guint            index,
                                                  guint            value);
/* Copies the 24 answers (0..5) into @out. */
void         enough_self_check_get_answers       (EnoughSelfCheck *self,
                                                  guint8           out[ENOUGH_SELF_CHECK_N_ITEMS]);
const char  *enough_self_check_get_answers_string (EnoughSelfCheck *self);
guint        enough_self_check_get_n_answered    (EnoughSelfCheck *self);
guint        enough_self_check_get_current_index (EnoughSelfCheck *self);
void         enough_self_check_set_current_index (EnoughSelfCheck *self,
                                                  guint            index);
gint64       enough_self_check_get_started_at    (EnoughSelfCheck *self);
gint64       enough_self_check_get_completed_at  (EnoughSelfCheck *self);
/* Pass 0 to mark it in progress again. */
void         enough_self_check_set_completed_at  (EnoughSelfCheck *self,
                                                  gint64           completed_at);
gboolean     enough_self_check_is_completed      (EnoughSelfCheck *self);
const char  *enough_self_check_get_note          (EnoughSelfCheck *self);
void         enough_self_check_set_note          (EnoughSelfCheck *self,
                                                  const char      *note);

G_END_DECLS
