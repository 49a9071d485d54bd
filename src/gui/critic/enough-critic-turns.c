/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-critic-page-private.h"
#include "enough-critic-patterns.h"
#include "enough-list-utils.h"
#include "enough-titles.h"
#include "enough-turn-row.h"

/* The default title: the first words of the first line. */
#define TITLE_MAX_WORDS 6
#define TITLE_MAX_CHARS 48
/* Shows the newest turn. The list estimates the height of rows it has not
 * made yet, so the end moves while it settles: follow it frame by frame,
 * like a chat, until it has been still for a few frames (or a second
 * passed, or the user scrolled). */
#define END_STILL_FRAMES 3
#define END_MAX_FRAMES 60

/* ---- Following the newest turn ------------------------------------------ */

static gboolean
scroll_to_end_tick (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  EnoughCriticPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->turns_scroller);
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (!self->stick_to_end || ++self->end_frames > END_MAX_FRAMES)
    goto done;

  if (gtk_adjustment_get_value (adjustment) >= bottom - 0.5 && bottom == self->end_last_bottom)
    {
      if (++self->end_still_frames >= END_STILL_FRAMES)
        goto done;
    }
  else
    self->end_still_frames = 0;

  self->end_last_bottom = bottom;
  gtk_adjustment_set_value (adjustment, bottom);
  return G_SOURCE_CONTINUE;

done:
  self->end_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Rows measured late, a resize, the switcher bar sliding in: the end moves
 * again; follow it while the user has not scrolled away. */
static void
on_turns_adjustment_changed (EnoughCriticPage *self,
                             GtkAdjustment    *adjustment)
{
  if (!self->stick_to_end || self->end_tick_id != 0)
    return;

  self->end_frames = 0;
  self->end_still_frames = 0;
  self->end_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->turn_list),
                                                    scroll_to_end_tick, self, NULL);
}

static gboolean
on_turns_user_scroll (EnoughCriticPage *self,
                      double            dx,
                      double            dy)
{
  self->stick_to_end = FALSE;

  return GDK_EVENT_PROPAGATE;
}

void
enough_critic_turns_scroll_to_end (EnoughCriticPage *self)
{
  self->stick_to_end = TRUE;
  self->end_frames = 0;
  self->end_still_frames = 0;
  self->end_last_bottom = -1;
  if (self->end_tick_id == 0)
    self->end_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->turn_list),
                                                      scroll_to_end_tick, self, NULL);
}

void
enough_critic_turns_stop (EnoughCriticPage *self)
{
  if (self->end_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->turn_list), self->end_tick_id);
  self->end_tick_id = 0;
}

/* The open dialogue's turns, from now on. */
void
enough_critic_turns_show_pending (EnoughCriticPage *self)
{
  g_autoptr(GtkSelectionModel) turns = g_steal_pointer (&self->pending_turns);

  if (turns == NULL)
    return;
  gtk_list_view_set_model (self->turn_list, turns);
  enough_critic_turns_scroll_to_end (self);
}

/* Walks the descendants of the conversation: the rows on screen. */
static void
set_rows_critic_name (GtkWidget  *widget,
                      const char *critic_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ENOUGH_IS_TURN_ROW (child))
        enough_turn_row_set_critic_name (ENOUGH_TURN_ROW (child), critic_name);
      else
        set_rows_critic_name (child, critic_name);
    }
}

void
enough_critic_turns_set_critic_name (EnoughCriticPage *self,
                                     const char       *critic_name)
{
  set_rows_critic_name (GTK_WIDGET (self->turn_list), critic_name);
}

/* ---- Sending ------------------------------------------------------------ */

void
enough_critic_turns_on_send (EnoughCriticPage *self,
                             EnoughSpeaker     speaker,
                             const char       *text,
                             EnoughComposer   *composer)
{
  g_autoptr(EnoughTurn) turn = NULL;
  GListModel *turns;

  if (self->store == NULL || self->dialogue == NULL)
    return;

  turns = enough_dialogue_get_turns (self->dialogue);
  if (g_list_model_get_n_items (turns) == 0 && enough_dialogue_get_title (self->dialogue)[0] == '\0')
    {
      /* The first words of the first line. */
      g_autofree char *title = enough_title_from_text (text, TRUE, TITLE_MAX_WORDS, TITLE_MAX_CHARS);

      enough_dialogue_set_title (self->dialogue, title != NULL ? title : "");
    }

  turn = enough_store_add_turn (self->store, self->dialogue, -1, speaker, text);

  /* The card moves on once the turn the step asks for is written (see the
   * prompts); its step is the dialogue's, through their binding. */
  enough_prompt_card_turn_written (self->prompt_card, speaker,
                                   enough_dialogue_get_intensity_end (self->dialogue) < 0);
  /* Whoever wrote, the next turn is the one the card asks for. */
  if (enough_prompt_card_get_step (self->prompt_card) < ENOUGH_CRITIC_N_PROMPTS)
    enough_critic_page_follow_card (self);

  enough_critic_turns_scroll_to_end (self);
}

/* ---- Deleting with Undo ------------------------------------------------- */

/* A restored dialogue opens again, as it was before the slip. */
void
enough_critic_turns_restored (GtkWidget *owner,
                              GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      if (ENOUGH_IS_DIALOGUE (records->pdata[i]))
        {
          enough_critic_page_open_dialogue (ENOUGH_CRITIC_PAGE (owner), records->pdata[i]);
          return;
        }
    }
}

static void
on_turn_delete_requested (EnoughCriticPage *self,
                          EnoughTurn       *turn,
                          EnoughTurnRow    *row)
{
  if (self->store == NULL)
    return;

  enough_undo_toast_delete (self->undo, self->store, turn, _("Turn deleted"));
  enough_composer_focus_text (self->composer);
}

void
enough_critic_turns_delete_dialogue (EnoughCriticPage *self)
{
  g_autoptr(EnoughDialogue) dialogue = NULL;
  GListModel *dialogues;

  if (self->store == NULL || self->dialogue == NULL)
    return;

  gtk_popover_popdown (gtk_menu_button_get_popover (self->details_button));
  dialogue = g_object_ref (self->dialogue);
  enough_critic_page_open_dialogue (self, NULL);
  enough_undo_toast_delete (self->undo, self->store, dialogue, _("Dialogue deleted"));

  /* Show the newest one left rather than nothing, unless the list is folded
   * away: then the list itself is the place to be. */
  dialogues = enough_store_get_dialogues (self->store);
  if (g_list_model_get_n_items (dialogues) > 0)
    {
      g_autoptr(EnoughDialogue) next = g_list_model_get_item (dialogues, 0);

      enough_critic_page_open_dialogue (self, next);
    }
  else
    g_settings_set_string (self->settings, "critic-open-dialogue", "");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* ---- Rows --------------------------------------------------------------- */

static void
turn_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            EnoughCriticPage         *self)
{
  GtkWidget *row = enough_turn_row_new ();

  gtk_list_item_set_activatable (item, FALSE);
  /* GTK 4.8 lets a row take the focus only if it is selectable or
   * activatable: the arrow keys move through the turns themselves. The
   * model is a GtkNoSelection, so nothing is ever selected. */
  gtk_list_item_set_selectable (item, TRUE);
  g_signal_connect_object (row, "delete-requested",
                           G_CALLBACK (on_turn_delete_requested), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, row);
}

static void
turn_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           EnoughCriticPage         *self)
{
  EnoughTurnRow *row = ENOUGH_TURN_ROW (gtk_list_item_get_child (item));

  enough_turn_row_set_critic_name (row, self->dialogue != NULL
                                        ? enough_dialogue_get_critic_name (self->dialogue) : NULL);
  enough_turn_row_set_turn (row, gtk_list_item_get_item (item));
  enough_critic_reveal_update_row (self, GTK_WIDGET (row));
}

static void
turn_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             EnoughCriticPage         *self)
{
  enough_turn_row_set_turn (ENOUGH_TURN_ROW (gtk_list_item_get_child (item)), NULL);
  gtk_widget_remove_css_class (gtk_list_item_get_child (item), "search-match");
}

/* The arrow keys move the focus from turn to turn (the list's rows, with
 * their focus ring); a turn's keys (its menu, Edit, Delete) then work on
 * the row that has the focus, as they do inside it. */
static gboolean
delete_turn_idle (gpointer data)
{
  g_autoptr(GtkWidget) row = g_weak_ref_get (data);

  if (row != NULL)
    gtk_widget_activate_action (row, "turn.delete", NULL);
  return G_SOURCE_REMOVE;
}

static void
free_weak_row (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static gboolean
forward_to_focused_turn (GtkWidget *list,
                         GVariant  *args,
                         gpointer   user_data)
{
  const char *action_name = user_data;
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *item = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  /* Only for the row itself: inside it, its own keys have had their turn.
   * The root's focus, not the list's focus child: that one is only kept
   * while the window is active, which a busy display can report late. */
  if (item == NULL || gtk_widget_get_parent (item) != list)
    return FALSE;

  row = gtk_widget_get_first_child (item);
  if (!ENOUGH_IS_TURN_ROW (row))
    return FALSE;

  /* Deleting takes the row (the key's target) out of the list: once the
   * key is handled, not while GTK is still handing it on. */
  if (g_str_equal (action_name, "turn.delete"))
    {
      GWeakRef *weak_row = g_new0 (GWeakRef, 1);

      g_weak_ref_init (weak_row, row);
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, delete_turn_idle, weak_row, free_weak_row);
      return TRUE;
    }

  return gtk_widget_activate_action (row, action_name, NULL);
}

/* GTK 4.8's list view makes each turn a Tab stop (its rows are focusable
 * for the arrow keys, and Tab goes on to the next row): a long dialogue
 * would take dozens of presses to get past. From a turn, Tab and Shift+Tab
 * leave the conversation in one stop, as if it were one widget; coming
 * back, GTK enters it on the turn that had the focus. */
static gboolean
leave_conversation (GtkWidget *list,
                    GVariant  *args,
                    gpointer   user_data)
{
  GtkDirectionType direction = GPOINTER_TO_INT (user_data);
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean moved;

  /* The row itself (inside a turn being edited, Tab is the text's). */
  if (focus == NULL || gtk_widget_get_parent (focus) != list)
    return FALSE;

  /* The window's own move, with the conversation out of the way. */
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  if (!moved)
    {
      /* Past the last stop: round again from the other end, as GTK does. */
      gtk_root_set_focus (root, NULL);
      moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
  gtk_widget_set_can_focus (list, TRUE);
  if (!moved)
    gtk_widget_grab_focus (focus);
  gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);

  return TRUE;
}

static void
add_tab_key (GtkShortcutController *keys,
             guint                  keyval,
             GdkModifierType        modifiers,
             GtkDirectionType       direction)
{
  gtk_shortcut_controller_add_shortcut (keys,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_callback_action_new (leave_conversation,
                                                                                   GINT_TO_POINTER (direction),
                                                                                   NULL)));
}

static void
add_turn_key (GtkShortcutController *keys,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (keys,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_callback_action_new (forward_to_focused_turn,
                                                                                   (gpointer) action_name,
                                                                                   NULL)));
}

void
enough_critic_turns_build (EnoughCriticPage *self)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkShortcutController *keys = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());

  add_turn_key (keys, GDK_KEY_F10, GDK_SHIFT_MASK, "turn.menu");
  add_turn_key (keys, GDK_KEY_Menu, 0, "turn.menu");
  add_turn_key (keys, GDK_KEY_F2, 0, "turn.edit");
  add_turn_key (keys, GDK_KEY_Delete, 0, "turn.delete");
  add_tab_key (keys, GDK_KEY_Tab, 0, GTK_DIR_TAB_FORWARD);
  add_tab_key (keys, GDK_KEY_KP_Tab, 0, GTK_DIR_TAB_FORWARD);
  add_tab_key (keys, GDK_KEY_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  add_tab_key (keys, GDK_KEY_KP_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  add_tab_key (keys, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  gtk_widget_add_controller (GTK_WIDGET (self->turn_list), GTK_EVENT_CONTROLLER (keys));

  enough_list_view_set_factory (self->turn_list,
                                G_CALLBACK (turn_setup), G_CALLBACK (turn_bind),
                                G_CALLBACK (turn_unbind), NULL, self);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->turns_scroller), "changed",
                           G_CALLBACK (on_turns_adjustment_changed), self, G_CONNECT_SWAPPED);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_turns_user_scroll), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->turns_scroller), scroll);
  g_signal_connect_object (self->composer, "send",
                           G_CALLBACK (enough_critic_turns_on_send), self, G_CONNECT_SWAPPED);
}
