/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-types.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_PROMPT_CARD (enough_prompt_card_get_type ())

G_DECLARE_FINAL_TYPE (EnoughPromptCard, enough_prompt_card, ENOUGH, PROMPT_CARD, GtkWidget)

/* The card above the composer that guides the dialogue.
 * Property "step": 0..ENOUGH_CRITIC_N_PROMPTS-1 shows that prompt;
 * ENOUGH_CRITIC_N_PROMPTS means finished or hidden.
 * Property "speaker" (read-only): who the card asks to write next; the
 * page sets the composer's switch from it (the user can still change it).
 * Skip / Previous / Hide change the step; reopen() brings it back.
 * Besides the prompts the card asks how strong the critic is (0–10) when a
 * dialogue starts and after the last step (::rated (at_end, value)), then
 * closes with one warm sentence and Keep Writing. */
guint         enough_prompt_card_get_step    (EnoughPromptCard *self);
void          enough_prompt_card_set_step    (EnoughPromptCard *self,
                                              guint             step);
void          enough_prompt_card_reopen      (EnoughPromptCard *self);
EnoughSpeaker enough_prompt_card_get_speaker (EnoughPromptCard *self);
/* A dialogue was opened: @rate_start asks the first rating (a dialogue
 * not begun nor rated); @asked: the kind self already asked this step's
 * question, the critic's answer is next. */
void          enough_prompt_card_begin       (EnoughPromptCard *self,
                                              gboolean          rate_start,
                                              gboolean          asked);
/* A turn was written by @speaker: moves the card on when it was the turn
 * the step asks for; after the last step asks the second rating when
 * @rate_end, else closes. */
void          enough_prompt_card_turn_written (EnoughPromptCard *self,
                                               EnoughSpeaker     speaker,
                                               gboolean          rate_end);

G_END_DECLS
