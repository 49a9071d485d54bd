/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_CRITIC_PAGE (enough_critic_page_get_type ())

G_DECLARE_FINAL_TYPE (EnoughCriticPage, enough_critic_page, ENOUGH, CRITIC_PAGE, GtkWidget)

EnoughStore    *enough_critic_page_get_store    (EnoughCriticPage *self);
void            enough_critic_page_set_store    (EnoughCriticPage *self,
                                                 EnoughStore      *store);

/* The open dialogue (NULL when none) and opening one programmatically
 * (search results, tests). */
EnoughDialogue *enough_critic_page_get_dialogue (EnoughCriticPage *self);
void            enough_critic_page_open_dialogue (EnoughCriticPage *self,
                                                  EnoughDialogue   *dialogue);

/* Opens @dialogue to show where a search matched (see EnoughSearchField):
 * a turn hit (@turn_uuid) scrolls the conversation to that turn, marks it
 * and gives it the keyboard focus; a title or critic's name hit marks that
 * label in the header. The mark stays until the user presses a key or
 * clicks in the dialogue, or leaves it. On a narrow window the dialogue's
 * column is shown. */
void            enough_critic_page_reveal_match (EnoughCriticPage  *self,
                                                 EnoughDialogue    *dialogue,
                                                 EnoughSearchField  field,
                                                 const char        *turn_uuid);
/* The turn, or the header label, marked as a search match; NULL when none. */
EnoughTurn     *enough_critic_page_get_match_turn  (EnoughCriticPage *self);
GtkWidget      *enough_critic_page_get_match_label (EnoughCriticPage *self);

/* Writes the unsent composer drafts now (they are otherwise written about
 * a second after the last keystroke, and when the page goes away). */
void            enough_critic_page_save_drafts  (EnoughCriticPage *self);

G_END_DECLS
