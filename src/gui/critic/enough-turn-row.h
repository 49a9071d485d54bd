/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_TURN_ROW (enough_turn_row_get_type ())

G_DECLARE_FINAL_TYPE (EnoughTurnRow, enough_turn_row, ENOUGH, TURN_ROW, GtkWidget)

/* One turn as a chat bubble: the critic's on the start side, mine on the
 * end side. Its menu (the "…" button, right click, Shift+F10 or Menu key)
 * offers Edit, Delete and, on critic turns, the thinking patterns, shown
 * as small tags under the text. Editing happens in place and saves as you
 * type; Enter or leaving the field finishes, Escape puts the text back.
 * ::delete-requested asks the owner to delete the turn (with Undo). */
GtkWidget  *enough_turn_row_new                (void);
EnoughTurn *enough_turn_row_get_turn           (EnoughTurnRow *self);
void        enough_turn_row_set_turn           (EnoughTurnRow *self,
                                                EnoughTurn    *turn);
void        enough_turn_row_set_critic_name    (EnoughTurnRow *self,
                                                const char    *critic_name);
gboolean    enough_turn_row_get_editing        (EnoughTurnRow *self);
/* What a screen reader says for the bubble (tests). */
const char *enough_turn_row_get_accessible_text (EnoughTurnRow *self);
/* The names of the patterns shown as tags, in order (tests). */
GStrv       enough_turn_row_dup_tags           (EnoughTurnRow *self);
/* Marks characters [@start, @end) of the shown text (a search's words);
 * -1: no mark. A new turn in the row clears it. */
void        enough_turn_row_set_mark           (EnoughTurnRow *self,
                                                int            start,
                                                int            end);
/* The range the text label marks, in characters; FALSE if none (tests). */
gboolean    enough_turn_row_get_mark           (EnoughTurnRow *self,
                                                int           *start,
                                                int           *end);

G_END_DECLS
