/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-critic-page-private.h"
#include "enough-match-scroll.h"
#include "enough-search-reveal.h"
#include "enough-turn-row.h"

/* The row on screen that shows @turn, if any (rows are made only for the
 * turns around the visible ones, and recycled). */
static EnoughTurnRow *
find_turn_row (EnoughCriticPage *self,
               EnoughTurn       *turn)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->turn_list));
       turn != NULL && child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (ENOUGH_IS_TURN_ROW (row) && enough_turn_row_get_turn (ENOUGH_TURN_ROW (row)) == turn)
        return ENOUGH_TURN_ROW (row);
    }

  return NULL;
}

void
enough_critic_reveal_update_row (EnoughCriticPage *self,
                                 GtkWidget        *row)
{
  EnoughTurn *turn = enough_turn_row_get_turn (ENOUGH_TURN_ROW (row));

  /* The words are marked inside the bubble, which gets a ring. */
  if (self->match_turn != NULL && turn == self->match_turn)
    {
      gtk_widget_add_css_class (row, "search-match");
      enough_turn_row_set_mark (ENOUGH_TURN_ROW (row), self->match_start, self->match_end);
    }
  else
    {
      gtk_widget_remove_css_class (row, "search-match");
      enough_turn_row_set_mark (ENOUGH_TURN_ROW (row), -1, -1);
    }
}

static void
update_rows (EnoughCriticPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->turn_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (ENOUGH_IS_TURN_ROW (row))
        enough_critic_reveal_update_row (self, row);
    }
}

void
enough_critic_reveal_clear (EnoughCriticPage *self)
{
  if (self->turns_scroller == NULL)  /* not built, or gone */
    return;

  enough_match_scroll_stop (self->turns_scroller);

  if (self->match_label != NULL)
    gtk_widget_remove_css_class (self->match_label, "search-match");
  self->match_label = NULL;

  if (self->match_turn == NULL)
    return;
  g_clear_object (&self->match_turn);
  update_rows (self);
}

/* Whether @row is wholly in the conversation's view (or, taller than the
 * view, fills it from its top). */
static gboolean
row_in_view (EnoughCriticPage *self,
             GtkWidget        *row)
{
  GtkWidget *scroller = GTK_WIDGET (self->turns_scroller);
  graphene_rect_t bounds;
  double view = gtk_widget_get_height (scroller);

  if (!gtk_widget_get_mapped (row) || view <= 0 ||
      !gtk_widget_compute_bounds (row, scroller, &bounds))
    return FALSE;

  if (bounds.size.height >= view)
    return bounds.origin.y <= 0.5 && bounds.origin.y + bounds.size.height >= view - 0.5;

  return bounds.origin.y >= -0.5 && bounds.origin.y + bounds.size.height <= view + 0.5;
}

/* The list makes rows only around the visible ones: until the turn's is
 * in view, the list brings it there with "list.scroll-to-item" (GTK 4.8
 * has no gtk_list_view_scroll_to()), which scrolls as little as it can;
 * the rest, to a third of the way down, is the common scrolling's. */
static GtkWidget *
locate_turn (gpointer         user_data,
             graphene_rect_t *rect)
{
  EnoughCriticPage *self = user_data;
  EnoughTurnRow *row = find_turn_row (self, self->match_turn);

  if (row == NULL || !row_in_view (self, GTK_WIDGET (row)))
    {
      gtk_widget_activate_action (GTK_WIDGET (self->turn_list), "list.scroll-to-item",
                                  "u", self->match_position);
      return NULL;
    }

  graphene_rect_init (rect, 0, 0, gtk_widget_get_width (GTK_WIDGET (row)),
                      gtk_widget_get_height (GTK_WIDGET (row)));
  return GTK_WIDGET (row);
}

/* The keyboard focus goes into the turn: the list's rows of turns are not
 * selectable, so it is the turn's menu button, where F2, Delete and the
 * Menu key act on that turn (a screen reader names the turn first). */
static void
on_turn_found (GtkWidget *row,
               gpointer   user_data)
{
  if (!gtk_widget_grab_focus (gtk_widget_get_parent (row)))
    gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
}

static void
on_user_acted (gpointer user_data)
{
  enough_critic_reveal_clear (user_data);
}

/* Any key or click in the dialogue: the user has taken it from here. */
void
enough_critic_reveal_build (EnoughCriticPage *self)
{
  enough_match_watch_user (self->content, on_user_acted, self);
}

EnoughTurn *
enough_critic_page_get_match_turn (EnoughCriticPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_CRITIC_PAGE (self), NULL);

  return self->match_turn;
}

GtkWidget *
enough_critic_page_get_match_label (EnoughCriticPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_CRITIC_PAGE (self), NULL);

  return self->match_label;
}

/* A turn hit scrolls the conversation to that turn, marks its words and gives it
 * the keyboard focus; a title or critic's name hit marks that label in the
 * header. The mark stays until the user presses a key or clicks in the
 * dialogue, or leaves it. On a narrow window the dialogue's column is
 * shown. */
void
enough_critic_reveal (EnoughPage         *page,
                      EnoughRecord       *entry,
                      EnoughSearchResult *result,
                      const char         *query)
{
  EnoughCriticPage *self = ENOUGH_CRITIC_PAGE (page);
  EnoughDialogue *dialogue = ENOUGH_DIALOGUE (entry);
  EnoughSearchField field = enough_search_result_get_field (result);
  const char *turn_uuid = enough_search_result_get_turn_uuid (result);
  GListModel *turns;
  guint n_turns;

  enough_critic_reveal_clear (self);
  enough_critic_page_open_dialogue (self, dialogue);
  enough_critic_page_show_content (self);
  /* The match is scrolled to among the turns: they must be there now. */
  enough_critic_turns_show_pending (self);

  turns = enough_dialogue_get_turns (dialogue);
  n_turns = g_list_model_get_n_items (turns);
  for (guint i = 0; turn_uuid != NULL && i < n_turns; i++)
    {
      g_autoptr(EnoughTurn) turn = g_list_model_get_item (turns, i);

      if (g_strcmp0 (enough_record_get_uuid (ENOUGH_RECORD (turn)), turn_uuid) == 0)
        {
          self->match_turn = g_steal_pointer (&turn);
          self->match_position = i;
          if (!enough_search_find_match (enough_turn_get_text (self->match_turn), query, result,
                                         &self->match_start, &self->match_end))
            self->match_start = self->match_end = -1;
          break;
        }
    }

  if (self->match_turn != NULL)
    {
      /* Not to the newest turns this time. */
      self->stick_to_end = FALSE;
      update_rows (self);
      gtk_widget_activate_action (GTK_WIDGET (self->turn_list), "list.scroll-to-item",
                                  "u", self->match_position);
      enough_match_scroll_start (self->turns_scroller, locate_turn, on_turn_found, self, NULL);
      return;
    }

  /* The title or the critic's name: both are in the header, always in
   * view; the dialogue opens as from the list, the label marked. (A turn
   * deleted since the search: just the dialogue.) */
  if (field != ENOUGH_SEARCH_FIELD_TITLE && field != ENOUGH_SEARCH_FIELD_CRITIC_NAME)
    {
      enough_composer_focus_text (self->composer);
      return;
    }
  if (field == ENOUGH_SEARCH_FIELD_CRITIC_NAME &&
      gtk_widget_get_visible (GTK_WIDGET (self->subtitle_label)))
    self->match_label = GTK_WIDGET (self->subtitle_label);
  else
    self->match_label = GTK_WIDGET (self->title_label);
  gtk_widget_add_css_class (self->match_label, "search-match");
  enough_composer_focus_text (self->composer);
}
