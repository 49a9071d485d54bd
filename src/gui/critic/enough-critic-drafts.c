/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "enough-critic-page-private.h"

/* Unsent composer text lives beside the journal (same private folder, 0600),
 * one per dialogue, so that closing the window mid-sentence keeps it.
 * The store has no field for it: a draft is not part of the dialogue. */
#define DRAFTS_FILE_NAME "critic-drafts.json"
#define DRAFTS_SAVE_DELAY_MS 1000

static void
draft_free (EnoughCriticDraft *draft)
{
  g_free (draft->text);
  g_free (draft);
}

void
enough_critic_drafts_init (EnoughCriticPage *self)
{
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) draft_free);
}

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
      EnoughCriticDraft *draft;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      /* EnoughCriticDrafts of dialogues deleted since are dropped with the next save. */
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

      draft = g_new0 (EnoughCriticDraft, 1);
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
      EnoughCriticDraft *draft = value;

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
void
enough_critic_drafts_take (EnoughCriticPage *self)
{
  g_autofree char *text = NULL;
  EnoughSpeaker speaker;
  const char *uuid;
  EnoughCriticDraft *old;

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

  /* The switch alone is not kept: the prompt card sets it. */
  if (text[0] == '\0')
    g_hash_table_remove (self->drafts, uuid);
  else
    {
      EnoughCriticDraft *draft = g_new0 (EnoughCriticDraft, 1);

      draft->speaker = speaker;
      draft->text = g_steal_pointer (&text);
      g_hash_table_replace (self->drafts, g_strdup (uuid), draft);
    }

  self->drafts_dirty = TRUE;
  if (self->drafts_save_id == 0)
    self->drafts_save_id = g_timeout_add (DRAFTS_SAVE_DELAY_MS, drafts_save_timeout, self);
}

void
enough_critic_drafts_give (EnoughCriticPage *self)
{
  EnoughCriticDraft *draft;

  if (self->dialogue == NULL)
    {
      enough_composer_set_text (self->composer, "");
      return;
    }

  draft = g_hash_table_lookup (self->drafts, enough_record_get_uuid (ENOUGH_RECORD (self->dialogue)));
  enough_composer_set_text (self->composer, draft != NULL ? draft->text : "");
  enough_composer_set_speaker (self->composer, draft != NULL ? draft->speaker
                                                : enough_prompt_card_get_speaker (self->prompt_card));
}

/* The drafts of the journal being opened: beside it. */
void
enough_critic_drafts_load (EnoughCriticPage *self)
{
  g_autofree char *dir = g_path_get_dirname (enough_store_get_path (self->store));

  self->drafts_path = g_build_filename (dir, DRAFTS_FILE_NAME, NULL);
  drafts_load (self);
}

void
enough_critic_drafts_clear (EnoughCriticPage *self)
{
  enough_critic_page_save_drafts (self);
  g_clear_pointer (&self->drafts_path, g_free);
  g_hash_table_remove_all (self->drafts);
}
