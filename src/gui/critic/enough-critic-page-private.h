/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

/* The Inner Critic page is one GType in several files, each a part of it:
 * enough-critic-page.c (the page, its header and details, the store),
 * enough-critic-drafts.c (unsent composer text), enough-critic-dialogues.c
 * (the list of dialogues), enough-critic-turns.c (the conversation, sending
 * and deleting with Undo) and enough-critic-reveal.c (a search match). */

#include "enough-composer.h"
#include "enough-critic-page.h"
#include "enough-prompt-card.h"
#include "enough-undo-toast.h"

G_BEGIN_DECLS

typedef struct
{
  EnoughSpeaker  speaker;
  char          *text;
} EnoughCriticDraft;

struct _EnoughCriticPage
{
  GtkWidget            parent_instance;

  GtkStack            *main_stack;
  AdwStatusPage       *empty_page;
  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkWidget           *content;
  GtkListView         *dialogue_list;
  GtkListView         *turn_list;
  GtkScrolledWindow   *turns_scroller;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkMenuButton       *details_button;
  GtkEntry            *title_entry;
  GtkEntry            *critic_entry;
  GtkSpinButton       *start_spin;
  GtkSpinButton       *end_spin;
  EnoughPromptCard    *prompt_card;
  EnoughComposer      *composer;

  EnoughStore         *store;
  GtkSingleSelection  *selection;
  GtkSliceListModel   *slice;         /* owned by selection; the dialogues */
  guint                grow_tick_id;
  guint                grow_frames;
  /* Until the first frame is painted, the open dialogue's turns wait
   * here: laying out their wrapped texts was most of what a big journal
   * added to the first frame. */
  GtkSelectionModel   *pending_turns;
  EnoughDialogue      *dialogue;
  GBinding            *step_binding;
  GSettings           *settings;

  GHashTable          *drafts;        /* dialogue uuid → EnoughCriticDraft */
  guint                drafts_save_id;
  gboolean             drafts_dirty;

  EnoughUndoToast     *undo;

  gboolean             updating;      /* filling widgets from the record */
  guint                end_tick_id;
  gboolean             stick_to_end;
  guint                end_frames;
  guint                end_still_frames;
  double               end_last_bottom;

  /* A search match: its turn (or the title or critic's name label) is
   * marked until the user acts. */
  EnoughTurn          *match_turn;
  guint                match_position;
  int                  match_start;     /* the words in its text, in */
  int                  match_end;       /* characters; -1: not found */
  GtkWidget           *match_label;
};

/* enough-critic-page.c */
GListModel *enough_critic_page_list_dialogues   (EnoughCriticPage *self);
void        enough_critic_page_show_content     (EnoughCriticPage *self);
void        enough_critic_page_update_empty     (EnoughCriticPage *self);
void        enough_critic_page_update_actions   (EnoughCriticPage *self);
/* Sets the composer's switch to whom the prompt card asks for. */
void        enough_critic_page_follow_card      (EnoughCriticPage *self);
/* @defer_turns: show the turns only after the first frame (at startup). */
void        enough_critic_page_open             (EnoughCriticPage *self,
                                                 EnoughDialogue   *dialogue,
                                                 gboolean          defer_turns);

/* enough-critic-drafts.c */
void        enough_critic_drafts_init           (EnoughCriticPage *self);
void        enough_critic_drafts_load           (EnoughCriticPage *self);
void        enough_critic_drafts_clear          (EnoughCriticPage *self);
/* Remembers the composer's text for the open dialogue. */
void        enough_critic_drafts_take           (EnoughCriticPage *self);
/* Puts the open dialogue's draft (or nothing) in the composer. */
void        enough_critic_drafts_give           (EnoughCriticPage *self);

/* enough-critic-dialogues.c */
void        enough_critic_dialogues_build       (EnoughCriticPage *self);
void        enough_critic_dialogues_setup       (EnoughCriticPage *self);
void        enough_critic_dialogues_teardown    (EnoughCriticPage *self);
void        enough_critic_dialogues_select      (EnoughCriticPage *self);

/* enough-critic-turns.c */
void        enough_critic_turns_build           (EnoughCriticPage *self);
void        enough_critic_turns_show_pending    (EnoughCriticPage *self);
void        enough_critic_turns_scroll_to_end   (EnoughCriticPage *self);
void        enough_critic_turns_stop            (EnoughCriticPage *self);
void        enough_critic_turns_set_critic_name (EnoughCriticPage *self,
                                                 const char       *critic_name);
void        enough_critic_turns_delete_dialogue (EnoughCriticPage *self);
void        enough_critic_turns_restored        (GtkWidget        *owner,
                                                 GPtrArray        *records);
void        enough_critic_turns_on_send         (EnoughCriticPage *self,
                                                 EnoughSpeaker     speaker,
                                                 const char       *text,
                                                 EnoughComposer   *composer);

/* enough-critic-reveal.c */
void        enough_critic_reveal_build          (EnoughCriticPage *self);
void        enough_critic_reveal                (EnoughPage         *page,
                                                 EnoughRecord       *entry,
                                                 EnoughSearchResult *result,
                                                 const char         *query);
void        enough_critic_reveal_clear          (EnoughCriticPage *self);
/* Marks @row if it shows the matched turn (rows are recycled). */
void        enough_critic_reveal_update_row     (EnoughCriticPage *self,
                                                 GtkWidget        *row);

G_END_DECLS
