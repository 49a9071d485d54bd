/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_SELF_CHECK_QUESTION (enough_self_check_question_get_type ())

G_DECLARE_FINAL_TYPE (EnoughSelfCheckQuestion, enough_self_check_question, ENOUGH, SELF_CHECK_QUESTION, GtkWidget)

/* Shows one statement of a check in progress and writes the answers and the
 * current position straight into the record (the store autosaves them).
 * Keys: 1–5 answer (and move on), Left/Right go to the previous/next
 * statement. Emits ::finished when the last open statement is answered. */
EnoughSelfCheck *enough_self_check_question_get_check       (EnoughSelfCheckQuestion *self);
void             enough_self_check_question_set_check       (EnoughSelfCheckQuestion *self,
                                                             EnoughSelfCheck         *check);
guint            enough_self_check_question_get_index       (EnoughSelfCheckQuestion *self);
const char      *enough_self_check_question_get_statement   (EnoughSelfCheckQuestion *self);
const char      *enough_self_check_question_get_progress    (EnoughSelfCheckQuestion *self);
/* The answer button for 1–5 (tests, focus). */
GtkWidget       *enough_self_check_question_get_answer_button (EnoughSelfCheckQuestion *self,
                                                               guint                    answer);
void             enough_self_check_question_focus_answer    (EnoughSelfCheckQuestion *self);

G_END_DECLS
