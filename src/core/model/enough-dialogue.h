/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gio/gio.h>

#include "enough-record.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_DIALOGUE (enough_dialogue_get_type ())

G_DECLARE_FINAL_TYPE (EnoughDialogue, enough_dialogue, ENOUGH, DIALOGUE, EnoughRecord)

/* Intensity ratings are 0–10; -1 means "not rated yet". */
#define ENOUGH_INTENSITY_UNSET (-1)

/**
 * EnoughDialogue:
 *
 * An Inner Critic dialogue. Properties: title, critic-name (both "" when
 * empty, never NULL), intensity-start, intensity-end (-1..10), prompt-step
 * (0..6, the next suggested prompt; 6 = all done), plus those of #EnoughRecord.
 * Setters queue an autosave (see #EnoughRecord).
 */
const char *enough_dialogue_get_title           (EnoughDialogue *self);
void        enough_dialogue_set_title           (EnoughDialogue *self,
                                                 const char     *title);
const char *enough_dialogue_get_critic_name     (EnoughDialogue *self);
void        enough_dialogue_set_critic_name     (EnoughDialogue *self,
                                                 const char     *critic_name);
int         enough_dialogue_get_intensity_start (EnoughDialogue *self);
void        enough_dialogue_set_intensity_start (EnoughDialogue *self,
                                                 int             intensity);
int         enough_dialogue_get_intensity_end   (EnoughDialogue *self);
void        enough_dialogue_set_intensity_end   (EnoughDialogue *self,
                                                 int             intensity);
guint       enough_dialogue_get_prompt_step     (EnoughDialogue *self);
void        enough_dialogue_set_prompt_step     (EnoughDialogue *self,
                                                 guint           step);

/* The turns, ordered, as a lazy #GListModel of #EnoughTurn (transfer none:
 * owned by the dialogue, same model every call). Add, move and delete turns
 * with enough_store_add_turn(), enough_store_move_turn(), enough_store_delete(). */
GListModel *enough_dialogue_get_turns           (EnoughDialogue *self);

G_END_DECLS
