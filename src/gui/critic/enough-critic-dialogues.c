/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-critic-page-private.h"
#include "enough-dialogue-row.h"
#include "enough-list-utils.h"

/* Finding the open dialogue's row is a walk over a lazy model: bounded. */
#define MAX_ROWS_TO_SEARCH 500
/* The list shows only the newest dialogues in the first frame, as many as
 * the window's height can show below the header bars (rows are at least
 * ROW_MIN_HEIGHT px):
 * GtkListView in GTK 4.8 otherwise makes, binds and measures up to ~200
 * rows before it paints. The rest come a frame later. */
#define FIRST_FRAME_ROWS 32
#define ROW_MIN_HEIGHT 38
#define HEADERS_HEIGHT 80

/* The whole list of dialogues, from now on. */
static void
grow_dialogue_list (EnoughCriticPage *self)
{
  if (self->grow_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->dialogue_list), self->grow_tick_id);
  self->grow_tick_id = 0;
  if (self->slice == NULL || gtk_slice_list_model_get_size (self->slice) == G_MAXUINT)
    return;

  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    enough_critic_dialogues_select (self);
}

/* Ticks run at the start of a frame: the second one is after the first
 * frame was painted. */
static gboolean
grow_after_first_frame (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  EnoughCriticPage *self = user_data;

  if (self->grow_frames++ == 0)
    return G_SOURCE_CONTINUE;

  self->grow_tick_id = 0;
  enough_critic_turns_show_pending (self);
  grow_dialogue_list (self);
  return G_SOURCE_REMOVE;
}

/* Selects the open dialogue's row, if it is in the list. */
void
enough_critic_dialogues_select (EnoughCriticPage *self)
{
  guint position;

  if (self->selection == NULL)
    return;

  position = enough_list_model_find (G_LIST_MODEL (self->selection), self->dialogue, MAX_ROWS_TO_SEARCH);
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    return;

  /* Older than the first frame's rows: show them all now (this selects). */
  if (self->dialogue != NULL && self->slice != NULL &&
      gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    grow_dialogue_list (self);
}

static void
on_dialogues_changed (EnoughCriticPage *self,
                      guint             position,
                      guint             removed,
                      guint             added,
                      GListModel       *model)
{
  /* Dialogues came (an import, an Undo) while none was open: open the
   * newest, as at start, rather than a greyed card with nothing chosen. */
  if (self->dialogue == NULL && added > 0 && g_list_model_get_n_items (model) > 0)
    {
      g_autoptr(EnoughDialogue) newest = g_list_model_get_item (model, 0);

      enough_critic_page_open (self, newest, FALSE);
    }
  enough_critic_page_update_empty (self);
}

static void
on_dialogue_activated (EnoughCriticPage *self,
                       guint             position,
                       GtkListView      *list)
{
  g_autoptr(EnoughDialogue) dialogue = NULL;

  dialogue = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (dialogue == NULL)
    return;

  enough_critic_page_open_dialogue (self, dialogue);
  enough_critic_page_show_content (self);
  enough_composer_focus_text (self->composer);
}

/* How many rows of the list can be seen in the first frame. */
static guint
first_frame_rows (EnoughCriticPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  int width = 0, height = 0;

  if (window == NULL)
    return FIRST_FRAME_ROWS;
  /* (a window about to open maximized is not maximized yet) */
  if (gtk_window_is_maximized (window) || gtk_window_is_fullscreen (window) ||
      (self->settings != NULL && g_settings_get_boolean (self->settings, "window-maximized")))
    {
      /* the tallest monitor, as the window may not be on one yet */
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));

      for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
          GdkRectangle geometry = { 0 };

          gdk_monitor_get_geometry (monitor, &geometry);
          height = MAX (height, geometry.height);
        }
    }
  else
    {
      gtk_window_get_default_size (window, &width, &height);
    }
  if (height <= 0)
    return FIRST_FRAME_ROWS;
  return (guint) (MAX (height - HEADERS_HEIGHT, 0) / ROW_MIN_HEIGHT) + 1;
}

/* The store's dialogues, the newest of them in the first frame. */
void
enough_critic_dialogues_setup (EnoughCriticPage *self)
{
  GListModel *dialogues = enough_store_get_dialogues (self->store);

  self->slice = gtk_slice_list_model_new (g_object_ref (dialogues), 0, first_frame_rows (self));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->slice));
  self->grow_frames = 0;
  self->grow_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->dialogue_list),
                                                     grow_after_first_frame, self, NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->dialogue_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (dialogues, "items-changed",
                           G_CALLBACK (on_dialogues_changed), self, G_CONNECT_SWAPPED);
}

void
enough_critic_dialogues_teardown (EnoughCriticPage *self)
{
  if (self->grow_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->dialogue_list), self->grow_tick_id);
  self->grow_tick_id = 0;
  if (self->slice != NULL)
    g_signal_handlers_disconnect_by_data (gtk_slice_list_model_get_model (self->slice), self);
  gtk_list_view_set_model (self->dialogue_list, NULL);
  self->slice = NULL;
  g_clear_object (&self->selection);
}

/* ---- Rows --------------------------------------------------------------- */

static void
dialogue_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                EnoughCriticPage         *self)
{
  gtk_list_item_set_child (item, enough_dialogue_row_new ());
}

static void
dialogue_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               EnoughCriticPage         *self)
{
  enough_dialogue_row_set_dialogue (ENOUGH_DIALOGUE_ROW (gtk_list_item_get_child (item)),
                                    gtk_list_item_get_item (item));
}

static void
dialogue_unbind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 EnoughCriticPage         *self)
{
  enough_dialogue_row_set_dialogue (ENOUGH_DIALOGUE_ROW (gtk_list_item_get_child (item)), NULL);
}

void
enough_critic_dialogues_build (EnoughCriticPage *self)
{
  enough_list_view_set_factory (self->dialogue_list,
                                G_CALLBACK (dialogue_setup), G_CALLBACK (dialogue_bind),
                                G_CALLBACK (dialogue_unbind), NULL, self);
  g_signal_connect_object (self->dialogue_list, "activate",
                           G_CALLBACK (on_dialogue_activated), self, G_CONNECT_SWAPPED);
}
