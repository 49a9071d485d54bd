/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "enough-composer.h"
#include "enough-critic-page.h"
#include "enough-critic-patterns.h"
#include "enough-dialogue-row.h"
#include "enough-prompt-card.h"
#include "enough-search-result.h"
#include "enough-turn-row.h"
#include "enough-window.h"

/* Unsent composer text lives beside the journal (same private folder, 0600),
 * one per dialogue, so that closing the window mid-sentence keeps it.
 * The store has no field for it: a draft is not part of the dialogue. */
#define DRAFTS_FILE_NAME "critic-drafts.json"
#define DRAFTS_SAVE_DELAY_MS 1000
/* The default title: the first words of the first line. */
#define TITLE_MAX_WORDS 6
#define TITLE_MAX_CHARS 48
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
/* Bringing a search match into view follows the list for at most this
 * many frames, until the turn's row has been in view for a few. */
#define MATCH_MAX_FRAMES 120
#define MATCH_STILL_FRAMES 3

typedef struct
{
  EnoughSpeaker  speaker;
  char          *text;
} Draft;

static void
draft_free (Draft *draft)
{
  g_free (draft->text);
  g_free (draft);
}

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

  char                *drafts_path;
  GHashTable          *drafts;        /* dialogue uuid → Draft */
  guint                drafts_save_id;
  gboolean             drafts_dirty;

  AdwToast            *undo_toast;    /* not a reference; NULL once dismissed */
  GPtrArray           *undo_records;  /* what Undo brings back */

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
  GtkWidget           *match_label;
  guint                match_tick_id;
  guint                match_frames;
  guint                match_still_frames;
  gboolean             match_focused;
};

G_DEFINE_FINAL_TYPE (EnoughCriticPage, enough_critic_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DIALOGUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void enough_critic_page_update_empty (EnoughCriticPage *self);
static void clear_match                     (EnoughCriticPage *self);

/* ---- Drafts --------------------------------------------------------------- */

static void
drafts_load (EnoughCriticPage *self)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *drafts;
  g_autoptr(GList) members = NULL;

  g_hash_table_remove_all (self->drafts);
  if (self->drafts_path == NULL)
    return;

  if (!json_parser_load_from_file (parser, self->drafts_path, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Could not read the unsent drafts: %s", error->message);
      return;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  drafts = json_object_get_object_member (json_node_get_object (root), "drafts");
  if (drafts == NULL)
    return;

  members = json_object_get_members (drafts);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (drafts, l->data);
      JsonObject *object;
      EnoughSpeaker speaker = ENOUGH_SPEAKER_CRITIC;
      const char *text;
      Draft *draft;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      /* Drafts of dialogues deleted since are dropped with the next save. */
      if (self->store != NULL)
        {
          g_autoptr(EnoughRecord) record = enough_store_lookup (self->store, ENOUGH_RECORD_KIND_DIALOGUE, l->data);

          if (record == NULL)
            {
              self->drafts_dirty = TRUE;
              continue;
            }
        }
      object = json_node_get_object (node);
      text = json_object_get_string_member_with_default (object, "text", "");
      enough_speaker_from_string (json_object_get_string_member_with_default (object, "speaker", "critic"),
                                  &speaker);

      draft = g_new0 (Draft, 1);
      draft->speaker = speaker;
      draft->text = g_strdup (text);
      g_hash_table_replace (self->drafts, g_strdup (l->data), draft);
    }
}

void
enough_critic_page_save_drafts (EnoughCriticPage *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gsize length;

  g_return_if_fail (ENOUGH_IS_CRITIC_PAGE (self));

  g_clear_handle_id (&self->drafts_save_id, g_source_remove);
  if (!self->drafts_dirty || self->drafts_path == NULL)
    return;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "drafts");
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Draft *draft = value;

      json_builder_set_member_name (builder, key);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "speaker");
      json_builder_add_string_value (builder, enough_speaker_to_string (draft->speaker));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, draft->text);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  /* Written whole and renamed into place: never half a file. */
  if (!g_file_set_contents_full (self->drafts_path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_warning ("Could not keep the unsent drafts: %s", error->message);
      return;
    }

  self->drafts_dirty = FALSE;
}

static gboolean
drafts_save_timeout (gpointer user_data)
{
  EnoughCriticPage *self = user_data;

  self->drafts_save_id = 0;
  enough_critic_page_save_drafts (self);

  return G_SOURCE_REMOVE;
}

/* Remembers the composer's text for the open dialogue. */
static void
drafts_take_from_composer (EnoughCriticPage *self)
{
  g_autofree char *text = NULL;
  EnoughSpeaker speaker;
  const char *uuid;
  Draft *old;

  if (self->dialogue == NULL || self->updating)
    return;

  uuid = enough_record_get_uuid (ENOUGH_RECORD (self->dialogue));
  text = enough_composer_dup_text (self->composer);
  speaker = enough_composer_get_speaker (self->composer);
  old = g_hash_table_lookup (self->drafts, uuid);

  if (old != NULL && old->speaker == speaker && g_strcmp0 (old->text, text) == 0)
    return;
  if (old == NULL && text[0] == '\0')
    return;

  if (text[0] == '\0' && speaker == ENOUGH_SPEAKER_CRITIC)
    g_hash_table_remove (self->drafts, uuid);
  else
    {
      Draft *draft = g_new0 (Draft, 1);

      draft->speaker = speaker;
      draft->text = g_steal_pointer (&text);
      g_hash_table_replace (self->drafts, g_strdup (uuid), draft);
    }

  self->drafts_dirty = TRUE;
  if (self->drafts_save_id == 0)
    self->drafts_save_id = g_timeout_add (DRAFTS_SAVE_DELAY_MS, drafts_save_timeout, self);
}

static void
on_composer_changed (EnoughCriticPage *self)
{
  drafts_take_from_composer (self);
}

/* ---- Helpers ------------------------------------------------------------- */

static EnoughWindow *
get_window (EnoughCriticPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return ENOUGH_IS_WINDOW (root) ? ENOUGH_WINDOW (root) : NULL;
}

static GListModel *
get_dialogues (EnoughCriticPage *self)
{
  return self->store != NULL ? enough_store_get_dialogues (self->store) : NULL;
}

/* The first words of the first line, for a dialogue that has no title yet. */
static char *
make_default_title (const char *text)
{
  g_autofree char *line = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  const char *newline;
  gboolean cut = FALSE;
  guint n_words = 0;

  newline = strchr (text, '\n');
  line = newline != NULL ? g_strndup (text, newline - text) : g_strdup (text);
  g_strstrip (line);

  words = g_strsplit_set (line, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (n_words == TITLE_MAX_WORDS ||
          g_utf8_strlen (title->str, -1) + g_utf8_strlen (words[i], -1) + 1 > TITLE_MAX_CHARS)
        {
          cut = TRUE;
          break;
        }
      if (title->len > 0)
        g_string_append_c (title, ' ');
      g_string_append (title, words[i]);
      n_words++;
    }

  /* One long word (or a script without spaces): cut by characters. */
  if (title->len == 0 && line[0] != '\0')
    {
      g_autofree char *start = g_utf8_substring (line, 0, TITLE_MAX_CHARS);

      g_string_assign (title, start);
      cut = g_utf8_strlen (line, -1) > TITLE_MAX_CHARS;
    }

  if (cut)
    g_string_append (title, "…");

  return g_string_free (g_steal_pointer (&title), FALSE);
}

static void
update_header (EnoughCriticPage *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *title;
  const char *critic;
  int start, end;

  if (self->dialogue == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->subtitle_label, "");
      return;
    }

  title = enough_dialogue_get_title (self->dialogue);
  critic = enough_dialogue_get_critic_name (self->dialogue);
  start = enough_dialogue_get_intensity_start (self->dialogue);
  end = enough_dialogue_get_intensity_end (self->dialogue);

  gtk_label_set_text (self->title_label, title[0] != '\0' ? title : _("Untitled Dialogue"));

  if (critic[0] != '\0')
    g_string_append (subtitle, critic);
  if (start >= 0 || end >= 0)
    {
      g_autofree char *strength = NULL;

      if (start >= 0 && end >= 0)
        /* Translators: how strong the critic felt at the start → at the end (0–10) */
        strength = g_strdup_printf (_("Strength %d → %d"), start, end);
      else if (start >= 0)
        /* Translators: how strong the critic felt at the start (0–10) */
        strength = g_strdup_printf (_("Strength %d at the start"), start);
      else
        /* Translators: how strong the critic felt at the end (0–10) */
        strength = g_strdup_printf (_("Strength %d at the end"), end);

      if (subtitle->len > 0)
        {
          /* Translators: joins the critic's name and the strength in the dialogue's header */
          g_autofree char *joined = g_strdup_printf (C_("dialogue header", "%s · %s"), subtitle->str, strength);

          g_string_assign (subtitle, joined);
        }
      else
        g_string_assign (subtitle, strength);
    }

  gtk_label_set_text (self->subtitle_label, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle->len > 0);
}

static void
update_details (EnoughCriticPage *self)
{
  self->updating = TRUE;

  if (self->dialogue != NULL)
    {
      const char *title = enough_dialogue_get_title (self->dialogue);
      const char *critic = enough_dialogue_get_critic_name (self->dialogue);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)), title) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->critic_entry)), critic) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->critic_entry), critic);
      gtk_spin_button_set_value (self->start_spin, enough_dialogue_get_intensity_start (self->dialogue));
      gtk_spin_button_set_value (self->end_spin, enough_dialogue_get_intensity_end (self->dialogue));
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->critic_entry), "");
      gtk_spin_button_set_value (self->start_spin, ENOUGH_INTENSITY_UNSET);
      gtk_spin_button_set_value (self->end_spin, ENOUGH_INTENSITY_UNSET);
    }

  self->updating = FALSE;
  update_header (self);
}

static void
update_actions (EnoughCriticPage *self)
{
  gboolean has_dialogue = self->dialogue != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "critic.new", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "critic.delete-dialogue", has_dialogue);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "critic.show-prompts",
                                 has_dialogue && !gtk_widget_get_visible (GTK_WIDGET (self->prompt_card)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "critic.set-speaker", has_dialogue);
}

/* Walks the descendants of the conversation: the rows on screen. */
static void
update_turn_rows_critic_name (GtkWidget  *widget,
                              const char *critic_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ENOUGH_IS_TURN_ROW (child))
        enough_turn_row_set_critic_name (ENOUGH_TURN_ROW (child), critic_name);
      else
        update_turn_rows_critic_name (child, critic_name);
    }
}

static void
on_dialogue_notify (EnoughCriticPage *self,
                    GParamSpec       *pspec,
                    EnoughDialogue   *dialogue)
{
  update_details (self);

  if (g_str_equal (pspec->name, "critic-name"))
    update_turn_rows_critic_name (GTK_WIDGET (self->turn_list),
                                  enough_dialogue_get_critic_name (dialogue));
}

static void select_dialogue_row (EnoughCriticPage *self);

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
    select_dialogue_row (self);
}

static void scroll_to_end (EnoughCriticPage *self);

/* The open dialogue's turns, from now on. */
static void
show_pending_turns (EnoughCriticPage *self)
{
  g_autoptr(GtkSelectionModel) turns = g_steal_pointer (&self->pending_turns);

  if (turns == NULL)
    return;
  gtk_list_view_set_model (self->turn_list, turns);
  scroll_to_end (self);
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
  show_pending_turns (self);
  grow_dialogue_list (self);
  return G_SOURCE_REMOVE;
}

static void
select_dialogue_row (EnoughCriticPage *self)
{
  GListModel *model;
  guint n_items;

  if (self->selection == NULL)
    return;

  model = G_LIST_MODEL (self->selection);
  n_items = MIN (g_list_model_get_n_items (model), MAX_ROWS_TO_SEARCH);
  for (guint i = 0; self->dialogue != NULL && i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == (GObject *) self->dialogue)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* Older than the first frame's rows: show them all now (this selects). */
  if (self->dialogue != NULL && self->slice != NULL &&
      gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    grow_dialogue_list (self);
}

/* Shows the newest turn. The list estimates the height of rows it has not
 * made yet, so the end moves while it settles: follow it frame by frame,
 * like a chat, until it has been still for a few frames (or a second
 * passed, or the user scrolled). */
#define END_STILL_FRAMES 3
#define END_MAX_FRAMES 60

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
  /* Nor back to a search match: the user scrolls now (the mark stays). */
  if (self->match_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->turn_list), self->match_tick_id);
  self->match_tick_id = 0;

  return GDK_EVENT_PROPAGATE;
}

static void
scroll_to_end (EnoughCriticPage *self)
{
  self->stick_to_end = TRUE;
  self->end_frames = 0;
  self->end_still_frames = 0;
  self->end_last_bottom = -1;
  if (self->end_tick_id == 0)
    self->end_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->turn_list),
                                                      scroll_to_end_tick, self, NULL);
}

EnoughDialogue *
enough_critic_page_get_dialogue (EnoughCriticPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_CRITIC_PAGE (self), NULL);

  return self->dialogue;
}

/* @defer_turns: show the turns only after the first frame (at startup). */
static void
open_dialogue (EnoughCriticPage *self,
               EnoughDialogue   *dialogue,
               gboolean          defer_turns)
{
  g_autoptr(GtkNoSelection) turns = NULL;

  if (self->dialogue == dialogue)
    return;

  g_clear_object (&self->pending_turns);

  clear_match (self);
  /* Keep what was being typed for the dialogue we leave. */
  drafts_take_from_composer (self);

  if (self->dialogue != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->dialogue, self);
      g_clear_pointer (&self->step_binding, g_binding_unbind);
    }
  g_set_object (&self->dialogue, dialogue);

  self->updating = TRUE;
  if (dialogue != NULL)
    {
      const char *uuid = enough_record_get_uuid (ENOUGH_RECORD (dialogue));
      Draft *draft = g_hash_table_lookup (self->drafts, uuid);

      g_signal_connect_swapped (dialogue, "notify::title", G_CALLBACK (on_dialogue_notify), self);
      g_signal_connect_swapped (dialogue, "notify::critic-name", G_CALLBACK (on_dialogue_notify), self);
      g_signal_connect_swapped (dialogue, "notify::intensity-start", G_CALLBACK (on_dialogue_notify), self);
      g_signal_connect_swapped (dialogue, "notify::intensity-end", G_CALLBACK (on_dialogue_notify), self);
      self->step_binding = g_object_bind_property (dialogue, "prompt-step",
                                                   self->prompt_card, "step",
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

      turns = gtk_no_selection_new (g_object_ref (enough_dialogue_get_turns (dialogue)));
      enough_composer_set_text (self->composer, draft != NULL ? draft->text : "");
      enough_composer_set_speaker (self->composer, draft != NULL ? draft->speaker : ENOUGH_SPEAKER_CRITIC);

      if (self->settings != NULL)
        g_settings_set_string (self->settings, "critic-open-dialogue", uuid);
    }
  else
    {
      /* The setting is kept: closing the page is not choosing "nothing". */
      enough_composer_set_text (self->composer, "");
      enough_prompt_card_set_step (self->prompt_card, ENOUGH_CRITIC_N_PROMPTS);
    }
  self->updating = FALSE;

  if (defer_turns && turns != NULL)
    {
      g_set_object (&self->pending_turns, GTK_SELECTION_MODEL (turns));
      gtk_list_view_set_model (self->turn_list, NULL);
    }
  else
    {
      gtk_list_view_set_model (self->turn_list, GTK_SELECTION_MODEL (turns));
      scroll_to_end (self);
    }
  gtk_widget_set_sensitive (self->content, dialogue != NULL);

  update_details (self);
  select_dialogue_row (self);
  update_actions (self);
  enough_critic_page_update_empty (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIALOGUE]);
}

void
enough_critic_page_open_dialogue (EnoughCriticPage *self,
                                  EnoughDialogue   *dialogue)
{
  g_return_if_fail (ENOUGH_IS_CRITIC_PAGE (self));
  g_return_if_fail (dialogue == NULL || ENOUGH_IS_DIALOGUE (dialogue));

  open_dialogue (self, dialogue, FALSE);
}

static void
show_content (EnoughCriticPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
enough_critic_page_update_empty (EnoughCriticPage *self)
{
  GListModel *dialogues = get_dialogues (self);
  gboolean empty = self->dialogue == NULL &&
                   (dialogues == NULL || g_list_model_get_n_items (dialogues) == 0);

  gtk_stack_set_visible_child_name (self->main_stack, empty ? "empty" : "journal");
  gtk_widget_set_visible (adw_status_page_get_child (self->empty_page), self->store != NULL);
}

static void
on_dialogues_changed (EnoughCriticPage *self,
                      guint             position,
                      guint             removed,
                      guint             added,
                      GListModel       *model)
{
  enough_critic_page_update_empty (self);
}

/* ---- Search matches ------------------------------------------------------------ */

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

static void
update_row_match (EnoughCriticPage *self,
                  EnoughTurnRow    *row)
{
  EnoughTurn *turn = enough_turn_row_get_turn (row);

  if (self->match_turn != NULL && turn == self->match_turn)
    gtk_widget_add_css_class (GTK_WIDGET (row), "search-match");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "search-match");
}

static void
update_rows_match (EnoughCriticPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->turn_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (ENOUGH_IS_TURN_ROW (row))
        update_row_match (self, ENOUGH_TURN_ROW (row));
    }
}

static void
clear_match (EnoughCriticPage *self)
{
  if (self->match_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->turn_list), self->match_tick_id);
  self->match_tick_id = 0;

  if (self->match_label != NULL)
    gtk_widget_remove_css_class (self->match_label, "search-match");
  self->match_label = NULL;

  if (self->match_turn == NULL)
    return;
  g_clear_object (&self->match_turn);
  update_rows_match (self);
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

/* "list.scroll-to-item" scrolls as little as it can: the turn lands at
 * the top edge. A third of the way down is easier to find, with some of
 * what led to it above. Returns whether it scrolled. */
static gboolean
place_row (EnoughCriticPage *self,
           GtkWidget        *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->turns_scroller);
  double view = gtk_widget_get_height (GTK_WIDGET (self->turns_scroller));
  double value = gtk_adjustment_get_value (adjustment);
  double wanted;
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (row, GTK_WIDGET (self->turns_scroller), &bounds) ||
      bounds.size.height > view * 2 / 3)
    return FALSE;

  wanted = CLAMP (value + bounds.origin.y - view / 3,
                  gtk_adjustment_get_lower (adjustment),
                  gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  if (ABS (wanted - value) < 1)
    return FALSE;

  gtk_adjustment_set_value (adjustment, wanted);
  return TRUE;
}

/* The list places the turn with "list.scroll-to-item" (GTK 4.8 has no
 * gtk_list_view_scroll_to()); rows measured late can still move it, so
 * this follows it frame by frame until its row stays in view. */
static gboolean
match_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  EnoughCriticPage *self = user_data;
  EnoughTurnRow *row;

  if (self->match_turn == NULL || ++self->match_frames > MATCH_MAX_FRAMES)
    goto done;

  row = find_turn_row (self, self->match_turn);
  if (row == NULL || !row_in_view (self, GTK_WIDGET (row)))
    {
      self->match_still_frames = 0;
      gtk_widget_activate_action (GTK_WIDGET (self->turn_list), "list.scroll-to-item",
                                  "u", self->match_position);
      return G_SOURCE_CONTINUE;
    }

  /* The keyboard focus goes into the turn: the list's rows of turns are
   * not selectable, so it is the turn's menu button, where F2, Delete and
   * the Menu key act on that turn (a screen reader names the turn first). */
  if (!self->match_focused)
    {
      self->match_focused = TRUE;
      if (!gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row))))
        gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
    }

  if (place_row (self, GTK_WIDGET (row)))
    {
      self->match_still_frames = 0;
      return G_SOURCE_CONTINUE;
    }
  if (++self->match_still_frames < MATCH_STILL_FRAMES)
    return G_SOURCE_CONTINUE;

done:
  self->match_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Any key or click in the dialogue: the user has taken it from here. */
static gboolean
on_content_key_pressed (EnoughCriticPage *self,
                        guint             keyval,
                        guint             keycode,
                        GdkModifierType   state,
                        GtkEventController *controller)
{
  GdkEvent *event = gtk_event_controller_get_current_event (controller);

  if (event == NULL || !gdk_key_event_is_modifier (event))
    clear_match (self);

  return GDK_EVENT_PROPAGATE;
}

static void
on_content_pressed (EnoughCriticPage *self)
{
  clear_match (self);
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

void
enough_critic_page_reveal_match (EnoughCriticPage  *self,
                                 EnoughDialogue    *dialogue,
                                 EnoughSearchField  field,
                                 const char        *turn_uuid)
{
  GListModel *turns;
  guint n_turns;

  g_return_if_fail (ENOUGH_IS_CRITIC_PAGE (self));
  g_return_if_fail (ENOUGH_IS_DIALOGUE (dialogue));

  clear_match (self);
  enough_critic_page_open_dialogue (self, dialogue);
  show_content (self);
  /* The match is scrolled to among the turns: they must be there now. */
  show_pending_turns (self);

  turns = enough_dialogue_get_turns (dialogue);
  n_turns = g_list_model_get_n_items (turns);
  for (guint i = 0; turn_uuid != NULL && i < n_turns; i++)
    {
      g_autoptr(EnoughTurn) turn = g_list_model_get_item (turns, i);

      if (g_strcmp0 (enough_record_get_uuid (ENOUGH_RECORD (turn)), turn_uuid) == 0)
        {
          self->match_turn = g_steal_pointer (&turn);
          self->match_position = i;
          break;
        }
    }

  if (self->match_turn != NULL)
    {
      /* Not to the newest turns this time. */
      self->stick_to_end = FALSE;
      update_rows_match (self);
      gtk_widget_activate_action (GTK_WIDGET (self->turn_list), "list.scroll-to-item",
                                  "u", self->match_position);
      self->match_frames = 0;
      self->match_still_frames = 0;
      self->match_focused = FALSE;
      self->match_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->turn_list),
                                                          match_tick, self, NULL);
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

/* ---- Deleting with Undo ------------------------------------------------------ */

/* One Undo toast at a time: deleting again while it shows adds to it, and
 * Undo brings back everything it lists (the usual GNOME pattern, and it
 * spares the overlay a queue of toasts). */
static void
on_undo_toast_dismissed (EnoughCriticPage *self,
                         AdwToast         *toast)
{
  if (self->undo_toast != toast)
    return;

  g_signal_handlers_disconnect_by_data (toast, self);
  self->undo_toast = NULL;
  g_ptr_array_set_size (self->undo_records, 0);
}

static void
on_undo_clicked (EnoughCriticPage *self,
                 AdwToast         *toast)
{
  g_autoptr(GPtrArray) records = NULL;
  EnoughDialogue *reopen = NULL;

  if (self->undo_toast != toast || self->store == NULL)
    return;

  records = g_steal_pointer (&self->undo_records);
  self->undo_records = g_ptr_array_new_with_free_func (g_object_unref);

  /* Last deleted first, so that every record finds its place again. */
  for (guint i = records->len; i > 0; i--)
    {
      EnoughRecord *record = records->pdata[i - 1];

      if (!enough_record_is_deleted (record))
        continue;
      enough_store_restore (self->store, record);
      if (ENOUGH_IS_DIALOGUE (record))
        reopen = ENOUGH_DIALOGUE (record);
    }

  /* A restored dialogue opens again, as it was before the slip. */
  if (reopen != NULL)
    enough_critic_page_open_dialogue (self, reopen);
}

static void
delete_with_undo (EnoughCriticPage *self,
                  gpointer          record)
{
  EnoughWindow *window = get_window (self);
  g_autofree char *title = NULL;
  guint n;

  enough_store_delete (self->store, record);
  g_ptr_array_add (self->undo_records, g_object_ref (record));
  n = self->undo_records->len;

  if (n == 1 && ENOUGH_IS_TURN (record))
    title = g_strdup (_("Turn deleted"));
  else if (n == 1)
    title = g_strdup (_("Dialogue deleted"));
  else
    title = g_strdup_printf (ngettext ("%u item deleted", "%u items deleted", n), n);

  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, title);
      return;
    }

  if (window == NULL)
    return;

  self->undo_toast = adw_toast_new (title);
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  g_signal_connect_swapped (self->undo_toast, "button-clicked", G_CALLBACK (on_undo_clicked), self);
  g_signal_connect_swapped (self->undo_toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self);
  /* The overlay takes the reference; ours is only a pointer, cleared on ::dismissed. */
  enough_window_add_toast (window, self->undo_toast);
}

static void
on_turn_delete_requested (EnoughCriticPage *self,
                          EnoughTurn       *turn,
                          EnoughTurnRow    *row)
{
  if (self->store == NULL)
    return;

  delete_with_undo (self, turn);
  enough_composer_focus_text (self->composer);
}

static void
delete_dialogue_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EnoughCriticPage *self = ENOUGH_CRITIC_PAGE (widget);
  g_autoptr(EnoughDialogue) dialogue = NULL;
  GListModel *dialogues;

  if (self->store == NULL || self->dialogue == NULL)
    return;

  gtk_popover_popdown (gtk_menu_button_get_popover (self->details_button));
  dialogue = g_object_ref (self->dialogue);
  enough_critic_page_open_dialogue (self, NULL);
  delete_with_undo (self, dialogue);

  /* Show the newest one left rather than nothing, unless the list is folded
   * away: then the list itself is the place to be. */
  dialogues = get_dialogues (self);
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

/* ---- Actions ------------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EnoughCriticPage *self = ENOUGH_CRITIC_PAGE (widget);
  g_autoptr(EnoughDialogue) dialogue = NULL;

  if (self->store == NULL)
    return;

  dialogue = enough_store_create_dialogue (self->store);
  enough_critic_page_open_dialogue (self, dialogue);
  show_content (self);
  enough_composer_focus_text (self->composer);
}

static void
show_prompts_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EnoughCriticPage *self = ENOUGH_CRITIC_PAGE (widget);

  enough_prompt_card_reopen (self->prompt_card);
}

static void
set_speaker_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EnoughCriticPage *self = ENOUGH_CRITIC_PAGE (widget);
  EnoughSpeaker speaker;

  if (enough_speaker_from_string (g_variant_get_string (parameter, NULL), &speaker))
    enough_composer_set_speaker (self->composer, speaker);
}

static void
on_prompt_card_visible (EnoughCriticPage *self)
{
  update_actions (self);
}

static void
on_composer_send (EnoughCriticPage *self,
                  EnoughSpeaker     speaker,
                  const char       *text,
                  EnoughComposer   *composer)
{
  g_autoptr(EnoughTurn) turn = NULL;
  GListModel *turns;
  guint step;

  if (self->store == NULL || self->dialogue == NULL)
    return;

  turns = enough_dialogue_get_turns (self->dialogue);
  if (g_list_model_get_n_items (turns) == 0 && enough_dialogue_get_title (self->dialogue)[0] == '\0')
    {
      g_autofree char *title = make_default_title (text);

      enough_dialogue_set_title (self->dialogue, title);
    }

  turn = enough_store_add_turn (self->store, self->dialogue, -1, speaker, text);

  /* The card moves on once the step has its answer (see the prompts). */
  step = enough_dialogue_get_prompt_step (self->dialogue);
  if (step < ENOUGH_CRITIC_N_PROMPTS && speaker == enough_critic_prompt_get_answerer (step))
    enough_dialogue_set_prompt_step (self->dialogue, step + 1);

  scroll_to_end (self);
}

static void
on_back_clicked (EnoughCriticPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
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
  show_content (self);
  enough_composer_focus_text (self->composer);
}

static void
on_title_changed (EnoughCriticPage *self,
                  GtkEditable      *editable)
{
  if (!self->updating && self->dialogue != NULL)
    enough_dialogue_set_title (self->dialogue, gtk_editable_get_text (editable));
}

static void
on_critic_name_changed (EnoughCriticPage *self,
                        GtkEditable      *editable)
{
  if (!self->updating && self->dialogue != NULL)
    enough_dialogue_set_critic_name (self->dialogue, gtk_editable_get_text (editable));
}

static void
on_intensity_changed (EnoughCriticPage *self,
                      GtkSpinButton    *spin)
{
  int value = gtk_spin_button_get_value_as_int (spin);

  if (self->updating || self->dialogue == NULL)
    return;

  if (spin == self->start_spin)
    enough_dialogue_set_intensity_start (self->dialogue, value);
  else
    enough_dialogue_set_intensity_end (self->dialogue, value);
}

/* -1 ("not rated yet") shows as a dash. */
static gboolean
on_intensity_output (GtkSpinButton *spin,
                     gpointer       user_data)
{
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = value < 0 ? g_strdup ("–") : g_strdup_printf ("%d", value);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static int
on_intensity_input (GtkSpinButton *spin,
                    double        *new_value,
                    gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  gint64 value;

  value = g_ascii_strtoll (text, &end, 10);
  if (end == text)
    {
      /* A dash, or nothing: not rated. */
      *new_value = ENOUGH_INTENSITY_UNSET;
      return TRUE;
    }

  *new_value = CLAMP (value, ENOUGH_INTENSITY_UNSET, 10);
  return TRUE;
}

/* ---- List factories ---------------------------------------------------------- */

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

static void
turn_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            EnoughCriticPage         *self)
{
  GtkWidget *row = enough_turn_row_new ();

  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
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
  update_row_match (self, row);
}

static void
turn_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             EnoughCriticPage         *self)
{
  enough_turn_row_set_turn (ENOUGH_TURN_ROW (gtk_list_item_get_child (item)), NULL);
  gtk_widget_remove_css_class (gtk_list_item_get_child (item), "search-match");
}

/* ---- Store --------------------------------------------------------------------- */

static void
enough_critic_page_teardown_store (EnoughCriticPage *self)
{
  enough_critic_page_open_dialogue (self, NULL);
  enough_critic_page_save_drafts (self);

  if (self->grow_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->dialogue_list), self->grow_tick_id);
  self->grow_tick_id = 0;
  if (self->slice != NULL)
    g_signal_handlers_disconnect_by_data (gtk_slice_list_model_get_model (self->slice), self);
  gtk_list_view_set_model (self->dialogue_list, NULL);
  self->slice = NULL;
  g_clear_object (&self->pending_turns);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->drafts_path, g_free);
  g_hash_table_remove_all (self->drafts);
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

static void
enough_critic_page_setup_store (EnoughCriticPage *self)
{
  g_autofree char *dir = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(EnoughDialogue) dialogue = NULL;
  GListModel *dialogues;

  if (self->store == NULL)
    {
      update_actions (self);
      enough_critic_page_update_empty (self);
      return;
    }

  dir = g_path_get_dirname (enough_store_get_path (self->store));
  self->drafts_path = g_build_filename (dir, DRAFTS_FILE_NAME, NULL);
  drafts_load (self);

  dialogues = enough_store_get_dialogues (self->store);
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

  /* Reopen the last dialogue where it was; else the newest. */
  uuid = g_settings_get_string (self->settings, "critic-open-dialogue");
  if (uuid[0] != '\0')
    {
      EnoughRecord *record = enough_store_lookup (self->store, ENOUGH_RECORD_KIND_DIALOGUE, uuid);

      if (record != NULL && ENOUGH_IS_DIALOGUE (record))
        dialogue = ENOUGH_DIALOGUE (record);
      else
        g_clear_object (&record);
    }
  if (dialogue == NULL && g_list_model_get_n_items (dialogues) > 0)
    dialogue = g_list_model_get_item (dialogues, 0);

  /* Its turns come with the list's growth, after the first frame. */
  open_dialogue (self, dialogue, TRUE);
  if (dialogue != NULL)
    show_content (self);

  update_actions (self);
  enough_critic_page_update_empty (self);
}

EnoughStore *
enough_critic_page_get_store (EnoughCriticPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_CRITIC_PAGE (self), NULL);

  return self->store;
}

void
enough_critic_page_set_store (EnoughCriticPage *self,
                              EnoughStore      *store)
{
  g_return_if_fail (ENOUGH_IS_CRITIC_PAGE (self));
  g_return_if_fail (store == NULL || ENOUGH_IS_STORE (store));

  if (self->store == store)
    return;

  enough_critic_page_teardown_store (self);
  g_set_object (&self->store, store);
  enough_critic_page_setup_store (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* ---- GtkWidget ------------------------------------------------------------------- */

/* Shown (switched to, or at start): put the cursor where writing happens,
 * so that typing and Ctrl+N work at once. */
static void
enough_critic_page_map (GtkWidget *widget)
{
  EnoughCriticPage *self = ENOUGH_CRITIC_PAGE (widget);

  GTK_WIDGET_CLASS (enough_critic_page_parent_class)->map (widget);

  if (self->dialogue != NULL && gtk_widget_get_child_visible (self->content))
    enough_composer_focus_text (self->composer);
  else if (self->store != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->dialogue_list));
}

static void
enough_critic_page_unmap (GtkWidget *widget)
{
  EnoughCriticPage *self = ENOUGH_CRITIC_PAGE (widget);

  /* Leaving the page or closing the window: keep the unsent text now. */
  drafts_take_from_composer (self);
  enough_critic_page_save_drafts (self);
  /* A search match was for this visit. */
  clear_match (self);

  GTK_WIDGET_CLASS (enough_critic_page_parent_class)->unmap (widget);
}

/* ---- GObject -------------------------------------------------------------------- */

static void
enough_critic_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EnoughCriticPage *self = ENOUGH_CRITIC_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DIALOGUE:
      g_value_set_object (value, self->dialogue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_critic_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EnoughCriticPage *self = ENOUGH_CRITIC_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      enough_critic_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_critic_page_dispose (GObject *object)
{
  EnoughCriticPage *self = ENOUGH_CRITIC_PAGE (object);

  /* The open dialogue's draft is written before anything goes away. */
  drafts_take_from_composer (self);
  if (self->undo_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->undo_toast, self);
      self->undo_toast = NULL;
    }
  enough_critic_page_teardown_store (self);

  if (self->end_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->turn_list), self->end_tick_id);
  self->end_tick_id = 0;
  clear_match (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_CRITIC_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (enough_critic_page_parent_class)->dispose (object);
}

static void
enough_critic_page_finalize (GObject *object)
{
  EnoughCriticPage *self = ENOUGH_CRITIC_PAGE (object);

  g_clear_pointer (&self->drafts, g_hash_table_unref);
  g_clear_pointer (&self->undo_records, g_ptr_array_unref);

  G_OBJECT_CLASS (enough_critic_page_parent_class)->finalize (object);
}

static void
enough_critic_page_class_init (EnoughCriticPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_critic_page_dispose;
  object_class->finalize = enough_critic_page_finalize;
  object_class->get_property = enough_critic_page_get_property;
  object_class->set_property = enough_critic_page_set_property;

  widget_class->map = enough_critic_page_map;
  widget_class->unmap = enough_critic_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ENOUGH_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DIALOGUE] =
    g_param_spec_object ("dialogue", NULL, NULL,
                         ENOUGH_TYPE_DIALOGUE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ENOUGH_TYPE_COMPOSER);
  g_type_ensure (ENOUGH_TYPE_PROMPT_CARD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/critic/enough-critic-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, content);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, dialogue_list);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, turn_list);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, turns_scroller);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, details_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, title_entry);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, critic_entry);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, start_spin);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, end_spin);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, prompt_card);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, composer);
  gtk_widget_class_bind_template_callback (widget_class, on_composer_send);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_dialogue_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_intensity_output);
  gtk_widget_class_bind_template_callback (widget_class, on_intensity_input);

  gtk_widget_class_install_action (widget_class, "critic.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "critic.delete-dialogue", NULL, delete_dialogue_action);
  gtk_widget_class_install_action (widget_class, "critic.show-prompts", NULL, show_prompts_action);
  gtk_widget_class_install_action (widget_class, "critic.set-speaker", "s", set_speaker_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "critic.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "critic.set-speaker", "s", "critic");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1, GDK_CONTROL_MASK,
                                       "critic.set-speaker", "s", "critic");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "critic.set-speaker", "s", "me");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_2, GDK_CONTROL_MASK,
                                       "critic.set-speaker", "s", "me");
}

static void
enough_critic_page_init (EnoughCriticPage *self)
{
  GtkListItemFactory *factory;

  self->undo_records = g_ptr_array_new_with_free_func (g_object_unref);
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) draft_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (dialogue_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (dialogue_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (dialogue_unbind), self);
  gtk_list_view_set_factory (self->dialogue_list, factory);
  g_object_unref (factory);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (turn_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (turn_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (turn_unbind), self);
  gtk_list_view_set_factory (self->turn_list, factory);
  g_object_unref (factory);

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->turns_scroller), "changed",
                           G_CALLBACK (on_turns_adjustment_changed), self, G_CONNECT_SWAPPED);
  {
    GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

    gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
    g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_turns_user_scroll), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->turns_scroller), scroll);
  }
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    GtkGesture *click = gtk_gesture_click_new ();

    /* Watch only: the key or click still goes where it was going. */
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_content_key_pressed),
                             self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (self->content, keys);
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect_object (click, "pressed", G_CALLBACK (on_content_pressed),
                             self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (self->content, GTK_EVENT_CONTROLLER (click));
  }
  g_signal_connect_object (self->composer, "notify::text",
                           G_CALLBACK (on_composer_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->composer, "notify::speaker",
                           G_CALLBACK (on_composer_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_entry, "changed",
                           G_CALLBACK (on_title_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->critic_entry, "changed",
                           G_CALLBACK (on_critic_name_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start_spin, "value-changed",
                           G_CALLBACK (on_intensity_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->end_spin, "value-changed",
                           G_CALLBACK (on_intensity_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->prompt_card, "notify::visible",
                           G_CALLBACK (on_prompt_card_visible), self, G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (self->content, FALSE);
  update_actions (self);
  enough_critic_page_update_empty (self);
}
