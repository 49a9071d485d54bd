/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-page.h"
#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_CRITIC_PAGE (enough_critic_page_get_type ())

G_DECLARE_FINAL_TYPE (EnoughCriticPage, enough_critic_page, ENOUGH, CRITIC_PAGE, GtkWidget)

/* The Inner Critic page, an EnoughPage. Its search results are dialogues:
 * a turn hit scrolls the conversation to that turn, marks it and gives it
 * the keyboard focus; a title or critic's name hit marks that label in the
 * header. The mark stays until the user presses a key or clicks in the
 * dialogue, or leaves it. */
EnoughStore    *enough_critic_page_get_store    (EnoughCriticPage *self);
void            enough_critic_page_set_store    (EnoughCriticPage *self,
                                                 EnoughStore      *store);

/* The open dialogue (NULL when none) and opening one programmatically
 * (tests). */
EnoughDialogue *enough_critic_page_get_dialogue (EnoughCriticPage *self);
void            enough_critic_page_open_dialogue (EnoughCriticPage *self,
                                                  EnoughDialogue   *dialogue);

/* The turn, or the header label, marked as a search match; NULL when none. */
EnoughTurn     *enough_critic_page_get_match_turn  (EnoughCriticPage *self);
GtkWidget      *enough_critic_page_get_match_label (EnoughCriticPage *self);

/* Writes the unsent composer drafts now (they are otherwise written about
 * a second after the last keystroke, and when the page goes away). */
void            enough_critic_page_save_drafts  (EnoughCriticPage *self);

G_END_DECLS
