/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_DIALOGUE_ROW (enough_dialogue_row_get_type ())

G_DECLARE_FINAL_TYPE (EnoughDialogueRow, enough_dialogue_row, ENOUGH, DIALOGUE_ROW, GtkWidget)

/* One past dialogue in the sidebar: its title (or "Untitled Dialogue"), the
 * critic's name if given, and the day it was started. Follows the live
 * record's changes. */
GtkWidget      *enough_dialogue_row_new          (void);
EnoughDialogue *enough_dialogue_row_get_dialogue (EnoughDialogueRow *self);
void            enough_dialogue_row_set_dialogue (EnoughDialogueRow *self,
                                                  EnoughDialogue    *dialogue);
const char     *enough_dialogue_row_get_title    (EnoughDialogueRow *self);
const char     *enough_dialogue_row_get_subtitle (EnoughDialogueRow *self);

/* "Today", "Yesterday" or the date in the user's locale. */

G_END_DECLS
