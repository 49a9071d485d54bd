/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-accessible.h"
#include "enough-critic-page-private.h"
#include "enough-critic-patterns.h"
#include "enough-entry-actions.h"
#include "enough-text-limit.h"

static void enough_critic_page_page_init (EnoughPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EnoughCriticPage, enough_critic_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ENOUGH_TYPE_PAGE, enough_critic_page_page_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_DIALOGUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GListModel *
enough_critic_page_list_dialogues (EnoughCriticPage *self)
{
  return self->store != NULL ? enough_store_get_dialogues (self->store) : NULL;
}

/* ---- The open dialogue's header and details ------------------------------ */

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

void
enough_critic_page_update_actions (EnoughCriticPage *self)
{
  gboolean has_dialogue = self->dialogue != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "critic.new", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "critic.delete-dialogue", has_dialogue);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "critic.show-prompts",
                                 has_dialogue && !gtk_widget_get_visible (GTK_WIDGET (self->prompt_card)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "critic.set-speaker", has_dialogue);
  enough_entry_actions_update (GTK_WIDGET (self));
}

static EnoughRecord *
open_entry (GtkWidget *page)
{
  return (EnoughRecord *) ENOUGH_CRITIC_PAGE (page)->dialogue;
}

static void
on_dialogue_notify (EnoughCriticPage *self,
                    GParamSpec       *pspec,
                    EnoughDialogue   *dialogue)
{
  update_details (self);

  if (g_str_equal (pspec->name, "critic-name"))
    enough_critic_turns_set_critic_name (self, enough_dialogue_get_critic_name (dialogue));
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
  /* Read as a screen reader's value: the number, or that it is not rated
   * (rather than the -1 behind the dash). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                  value < 0 ? _("Not rated") : text,
                                  -1);

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

/* ---- Opening a dialogue ------------------------------------------------- */

/* A dialogue not yet begun nor rated asks how strong the critic is; a
 * question the kind self asked waits for the critic's answer. */
static void
begin_prompt_card (EnoughCriticPage *self)
{
  GListModel *turns = enough_dialogue_get_turns (self->dialogue);
  guint n_turns = g_list_model_get_n_items (turns);
  gboolean asked = FALSE;

  if (n_turns > 0)
    {
      g_autoptr(EnoughTurn) last = g_list_model_get_item (turns, n_turns - 1);

      asked = enough_turn_get_speaker (last) == ENOUGH_SPEAKER_ME;
    }
  enough_prompt_card_begin (self->prompt_card,
                            n_turns == 0 &&
                            enough_dialogue_get_intensity_start (self->dialogue) < 0,
                            asked);
}

/* A dialogue left without a word in it (no turn, title, critic's name or
 * unsent text) is not kept: "Untitled Dialogue" drafts would otherwise
 * pile up. Quietly: nothing of the person's is lost. */
static void
drop_if_never_written (EnoughCriticPage *self,
                       EnoughDialogue   *dialogue)
{
  const char *uuid = enough_record_get_uuid (ENOUGH_RECORD (dialogue));
  EnoughCriticDraft *draft = g_hash_table_lookup (self->drafts, uuid);

  if (self->store == NULL ||
      g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)) > 0 ||
      enough_dialogue_get_title (dialogue)[0] != '\0' ||
      enough_dialogue_get_critic_name (dialogue)[0] != '\0' ||
      (draft != NULL && draft->text[0] != '\0'))
    return;

  if (draft != NULL)
    {
      g_hash_table_remove (self->drafts, uuid);
      self->drafts_dirty = TRUE;
    }
  {
    g_autoptr(GError) error = NULL;

    /* Not to Recently Deleted: there is nothing in it to bring back. */
    if (!enough_store_delete_for_good (self->store, dialogue, &error))
      g_warning ("Could not remove an empty entry: %s", error->message);
  }
}

void
enough_critic_page_follow_card (EnoughCriticPage *self)
{
  if (!self->updating && self->dialogue != NULL)
    enough_composer_set_speaker (self->composer, enough_prompt_card_get_speaker (self->prompt_card));
}

static void
on_card_rated (EnoughCriticPage *self,
               gboolean          at_end,
               int               value)
{
  if (self->dialogue == NULL)
    return;

  if (at_end)
    enough_dialogue_set_intensity_end (self->dialogue, value);
  else
    {
      enough_dialogue_set_intensity_start (self->dialogue, value);
      enough_composer_focus_text (self->composer);
    }
}

/* The details popover opens leftwards from its button at the window's
 * right edge: its right edge under the button's, not half of it past the
 * window. */
static void
on_details_popover_show (EnoughCriticPage *self,
                         GtkPopover       *popover)
{
  int natural = 0;
  int button = gtk_widget_get_width (GTK_WIDGET (self->details_button));

  gtk_widget_measure (GTK_WIDGET (popover), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &natural, NULL, NULL);
  gtk_popover_set_offset (popover, -MAX (natural - button, 0) / 2, 0);
}

EnoughDialogue *
enough_critic_page_get_dialogue (EnoughCriticPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_CRITIC_PAGE (self), NULL);

  return self->dialogue;
}

void
enough_critic_page_open (EnoughCriticPage *self,
                         EnoughDialogue   *dialogue,
                         gboolean          defer_turns)
{
  g_autoptr(GtkNoSelection) turns = NULL;
  g_autoptr(EnoughDialogue) left = NULL;

  if (self->dialogue == dialogue)
    return;

  g_clear_object (&self->pending_turns);

  enough_critic_reveal_clear (self);
  /* Keep what was being typed for the dialogue we leave. */
  enough_critic_drafts_take (self);

  if (self->dialogue != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->dialogue, self);
      g_clear_pointer (&self->step_binding, g_binding_unbind);
      /* Going to another dialogue is leaving this one (closing the page
       * or the journal is not). */
      if (dialogue != NULL)
        left = g_object_ref (self->dialogue);
    }
  g_set_object (&self->dialogue, dialogue);

  self->updating = TRUE;
  if (dialogue != NULL)
    {
      const char *uuid = enough_record_get_uuid (ENOUGH_RECORD (dialogue));

      g_signal_connect_swapped (dialogue, "notify::title", G_CALLBACK (on_dialogue_notify), self);
      g_signal_connect_swapped (dialogue, "notify::critic-name", G_CALLBACK (on_dialogue_notify), self);
      g_signal_connect_swapped (dialogue, "notify::intensity-start", G_CALLBACK (on_dialogue_notify), self);
      g_signal_connect_swapped (dialogue, "notify::intensity-end", G_CALLBACK (on_dialogue_notify), self);
      self->step_binding = g_object_bind_property (dialogue, "prompt-step",
                                                   self->prompt_card, "step",
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      begin_prompt_card (self);

      turns = gtk_no_selection_new (g_object_ref (enough_dialogue_get_turns (dialogue)));
      enough_critic_drafts_give (self);

      if (self->settings != NULL)
        g_settings_set_string (self->settings, "critic-open-dialogue", uuid);
    }
  else
    {
      /* The setting is kept: closing the page is not choosing "nothing". */
      enough_critic_drafts_give (self);
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
      enough_critic_turns_scroll_to_end (self);
    }
  gtk_widget_set_sensitive (self->content, dialogue != NULL);

  if (left != NULL)
    drop_if_never_written (self, left);

  update_details (self);
  enough_critic_dialogues_select (self);
  enough_critic_page_update_actions (self);
  enough_critic_page_update_empty (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIALOGUE]);
}

void
enough_critic_page_open_dialogue (EnoughCriticPage *self,
                                  EnoughDialogue   *dialogue)
{
  g_return_if_fail (ENOUGH_IS_CRITIC_PAGE (self));
  g_return_if_fail (dialogue == NULL || ENOUGH_IS_DIALOGUE (dialogue));

  enough_page_ensure_built (ENOUGH_PAGE (self));
  enough_critic_page_open (self, dialogue, FALSE);
}

void
enough_critic_page_show_content (EnoughCriticPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

void
enough_critic_page_update_empty (EnoughCriticPage *self)
{
  GListModel *dialogues = enough_critic_page_list_dialogues (self);
  gboolean empty = self->dialogue == NULL &&
                   (dialogues == NULL || g_list_model_get_n_items (dialogues) == 0);

  gtk_stack_set_visible_child_name (self->main_stack, empty ? "empty" : "journal");
  gtk_widget_set_visible (adw_status_page_get_child (self->empty_page), self->store != NULL);
  /* The last dialogue deleted: the focus was in the list, now hidden. */
  if (empty)
    enough_page_focus_if_lost (ENOUGH_PAGE (self), adw_status_page_get_child (self->empty_page));
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
  enough_critic_page_show_content (self);
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
focus_composer_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  enough_composer_focus_text (ENOUGH_CRITIC_PAGE (widget)->composer);
}

static void
on_prompt_card_visible (EnoughCriticPage *self)
{
  enough_critic_page_update_actions (self);
}

static void
delete_dialogue_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  enough_critic_turns_delete_dialogue (ENOUGH_CRITIC_PAGE (widget));
}

static void
on_back_clicked (EnoughCriticPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}


/* ---- Store --------------------------------------------------------------------- */

static void
enough_critic_page_teardown_store (EnoughCriticPage *self)
{
  enough_critic_page_open (self, NULL, FALSE);
  enough_critic_dialogues_teardown (self);
  g_clear_object (&self->pending_turns);
  enough_critic_drafts_clear (self);
}

static void
enough_critic_page_setup_store (EnoughCriticPage *self)
{
  g_autofree char *uuid = NULL;
  g_autoptr(EnoughDialogue) dialogue = NULL;
  GListModel *dialogues;

  if (self->store == NULL)
    {
      enough_critic_page_update_actions (self);
      enough_critic_page_update_empty (self);
      return;
    }

  enough_critic_drafts_load (self);
  enough_critic_dialogues_setup (self);
  dialogues = enough_store_get_dialogues (self->store);

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
  enough_critic_page_open (self, dialogue, TRUE);
  if (dialogue != NULL)
    enough_critic_page_show_content (self);

  enough_critic_page_update_actions (self);
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

  enough_page_ensure_built (ENOUGH_PAGE (self));
  if (self->store == store)
    return;

  enough_critic_page_teardown_store (self);
  g_set_object (&self->store, store);
  enough_critic_page_setup_store (self);

  g_object_notify (G_OBJECT (self), "store");
}

/* ---- GtkWidget ------------------------------------------------------------------- */

/* Shown (switched to, or at start): put the cursor where writing happens,
 * so that typing and Ctrl+N work at once. */
static void
enough_critic_page_map (GtkWidget *widget)
{
  EnoughCriticPage *self = ENOUGH_CRITIC_PAGE (widget);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  GTK_WIDGET_CLASS (enough_critic_page_parent_class)->map (widget);
  /* Its journal now (see EnoughPage), so that its actions, and the
   * buttons that take the focus below, are enabled. */
  enough_page_ensure_store (ENOUGH_PAGE (self));

  if (self->dialogue != NULL && gtk_widget_get_child_visible (self->content))
    enough_composer_focus_text (self->composer);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0)
    gtk_widget_grab_focus (adw_status_page_get_child (self->empty_page));  /* New Dialogue */
  else if (self->store != NULL)
    enough_page_focus_shown (ENOUGH_PAGE (self), GTK_WIDGET (self->dialogue_list), self->sidebar);
}

static void
enough_critic_page_unmap (GtkWidget *widget)
{
  EnoughCriticPage *self = ENOUGH_CRITIC_PAGE (widget);

  /* Leaving the page or closing the window: keep the unsent text now. */
  enough_critic_drafts_take (self);
  enough_critic_page_save_drafts (self);
  /* A search match was for this visit. */
  enough_critic_reveal_clear (self);

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
  enough_critic_drafts_take (self);
  g_clear_object (&self->undo);
  /* (Without a store the page may never have been built.) */
  if (self->store != NULL)
    enough_critic_page_teardown_store (self);
  enough_critic_turns_stop (self);
  enough_critic_reveal_clear (self);
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

  properties[PROP_DIALOGUE] =
    g_param_spec_object ("dialogue", NULL, NULL,
                         ENOUGH_TYPE_DIALOGUE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_override_property (object_class, PROP_STORE, "store");
  g_object_class_install_property (object_class, PROP_DIALOGUE, properties[PROP_DIALOGUE]);

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
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_intensity_output);
  gtk_widget_class_bind_template_callback (widget_class, on_intensity_input);

  gtk_widget_class_install_action (widget_class, "critic.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "critic.delete-dialogue", NULL, delete_dialogue_action);
  gtk_widget_class_install_action (widget_class, "critic.show-prompts", NULL, show_prompts_action);
  gtk_widget_class_install_action (widget_class, "critic.set-speaker", "s", set_speaker_action);
  /* Share… and Print… of the open dialogue */
  enough_entry_actions_install (widget_class, open_entry);
  gtk_widget_class_install_action (widget_class, "critic.focus-composer", NULL, focus_composer_action);

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

/* Made when first shown or used (see EnoughPage), not with the window. */
static void
enough_critic_page_build (EnoughPage *page)
{
  EnoughCriticPage *self = ENOUGH_CRITIC_PAGE (page);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Folded to one pane, or the other pane shown: the focus follows. */
  enough_page_follow_leaflet (page, GTK_WIDGET (self->leaflet), GTK_WIDGET (self->dialogue_list));
  enough_text_limit_editable (GTK_EDITABLE (self->title_entry), ENOUGH_SHORT_TEXT_MAX_BYTES);
  enough_text_limit_editable (GTK_EDITABLE (self->critic_entry), ENOUGH_SHORT_TEXT_MAX_BYTES);
  /* Named in the template: the mnemonic label beside each would name
   * them a second time. */
  enough_accessible_keep_own_name (GTK_WIDGET (self->title_entry));
  enough_accessible_keep_own_name (GTK_WIDGET (self->critic_entry));
  enough_accessible_keep_own_name (GTK_WIDGET (self->start_spin));
  enough_accessible_keep_own_name (GTK_WIDGET (self->end_spin));

  enough_critic_dialogues_build (self);
  enough_critic_turns_build (self);
  enough_critic_reveal_build (self);
  g_signal_connect_object (self->composer, "notify::text",
                           G_CALLBACK (enough_critic_drafts_take), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->composer, "notify::speaker",
                           G_CALLBACK (enough_critic_drafts_take), self, G_CONNECT_SWAPPED);
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
  /* The switch follows the card: when who is asked for changes, and with
   * every step (the user may have turned it meanwhile). */
  g_signal_connect_object (self->prompt_card, "notify::speaker",
                           G_CALLBACK (enough_critic_page_follow_card), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->prompt_card, "notify::step",
                           G_CALLBACK (enough_critic_page_follow_card), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->prompt_card, "rated",
                           G_CALLBACK (on_card_rated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_menu_button_get_popover (self->details_button), "show",
                           G_CALLBACK (on_details_popover_show), self, G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (self->content, FALSE);
  enough_critic_page_update_actions (self);
  enough_critic_page_update_empty (self);
}

static void
enough_critic_page_page_init (EnoughPageInterface *iface)
{
  iface->entry_kind = ENOUGH_RECORD_KIND_DIALOGUE;
  iface->build = enough_critic_page_build;
  iface->reveal = enough_critic_reveal;
}

static void
enough_critic_page_init (EnoughCriticPage *self)
{
  self->undo = enough_undo_toast_new (GTK_WIDGET (self), enough_critic_turns_restored);
  enough_critic_drafts_init (self);
  self->settings = g_settings_new (APP_ID);

  /* Until it is built and has a journal. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "critic.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "critic.delete-dialogue", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "critic.show-prompts", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "critic.set-speaker", FALSE);
  enough_entry_actions_update (GTK_WIDGET (self));

  /* The same keys with the focus outside the page (the header bar). */
  enough_page_add_shortcut (ENOUGH_PAGE (self), GDK_KEY_n, GDK_CONTROL_MASK, "critic.new");
}
