/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-record.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_TURN (enough_turn_get_type ())

G_DECLARE_FINAL_TYPE (EnoughTurn, enough_turn, ENOUGH, TURN, EnoughRecord)

/**
 * EnoughTurn:
 *
 * One turn of a dialogue. Properties: speaker (#EnoughSpeaker), text ("" when
 * empty), patterns (#EnoughPatterns; meaningful on critic turns), position
 * (read-only sort key inside the dialogue: increasing, not necessarily
 * contiguous; the index is the place in enough_dialogue_get_turns()),
 * dialogue-uuid (read-only). Setters queue an autosave.
 */
EnoughSpeaker   enough_turn_get_speaker       (EnoughTurn     *self);
void            enough_turn_set_speaker       (EnoughTurn     *self,
                                               EnoughSpeaker   speaker);
const char     *enough_turn_get_text          (EnoughTurn     *self);
void            enough_turn_set_text          (EnoughTurn     *self,
                                               const char     *text);
EnoughPatterns  enough_turn_get_patterns      (EnoughTurn     *self);
void            enough_turn_set_patterns      (EnoughTurn     *self,
                                               EnoughPatterns  patterns);
gint64          enough_turn_get_position      (EnoughTurn     *self);
const char     *enough_turn_get_dialogue_uuid (EnoughTurn     *self);

G_END_DECLS
