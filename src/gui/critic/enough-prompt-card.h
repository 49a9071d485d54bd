/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ENOUGH_TYPE_PROMPT_CARD (enough_prompt_card_get_type ())

G_DECLARE_FINAL_TYPE (EnoughPromptCard, enough_prompt_card, ENOUGH, PROMPT_CARD, GtkWidget)

/* The card above the composer that suggests the next step of the dialogue.
 * Property "step": 0..ENOUGH_CRITIC_N_PROMPTS-1 shows that prompt;
 * ENOUGH_CRITIC_N_PROMPTS means finished or hidden (the card hides itself).
 * Skip / Previous / Hide change the step; reopen() brings it back. */
guint enough_prompt_card_get_step (EnoughPromptCard *self);
void  enough_prompt_card_set_step (EnoughPromptCard *self,
                                   guint             step);
void  enough_prompt_card_reopen   (EnoughPromptCard *self);

G_END_DECLS
