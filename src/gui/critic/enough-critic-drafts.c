/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-critic-page-private.h"

/* Unsent composer text, one per dialogue, so that closing the window
 * mid-sentence keeps it. It is kept in the journal (enough_store_save_drafts()),
 * never in a file of its own: an encrypted journal keeps it encrypted. A
 * draft is not part of the dialogue (not exported nor searched). Typing
 * only marks the set dirty; it is written a second later, all of it in
 * one transaction on the store's write thread. */
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
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) saved = NULL;

  g_hash_table_remove_all (self->drafts);
  if (self->store == NULL)
    return;

  saved = enough_store_list_drafts (self->store, &error);
  if (saved == NULL)
    {
      g_warning ("Could not read the unsent drafts: %s", error->message);
      return;
    }
  for (guint i = 0; i < saved->len; i++)
    {
      EnoughDraft *row = g_ptr_array_index (saved, i);
      g_autoptr(EnoughRecord) record = enough_store_lookup (self->store, ENOUGH_RECORD_KIND_DIALOGUE,
                                                            row->dialogue_uuid);
      EnoughCriticDraft *draft;

      /* Drafts of dialogues deleted since are dropped with the next save. */
      if (record == NULL)
        {
          self->drafts_dirty = TRUE;
          continue;
        }
      draft = g_new0 (EnoughCriticDraft, 1);
      draft->speaker = row->speaker;
      draft->text = g_strdup (row->text);
      g_hash_table_replace (self->drafts, g_strdup (row->dialogue_uuid), draft);
    }
}

void
enough_critic_page_save_drafts (EnoughCriticPage *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (ENOUGH_IS_CRITIC_PAGE (self));

  g_clear_handle_id (&self->drafts_save_id, g_source_remove);
  if (!self->drafts_dirty || self->store == NULL)
    return;

  drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) enough_draft_free);
  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      EnoughCriticDraft *draft = value;

      g_ptr_array_add (drafts, enough_draft_new (key, draft->speaker, draft->text));
    }
  /* Queued behind the records' writes; the store writes it before it
   * closes. */
  enough_store_save_drafts (self->store, drafts);
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

/* The drafts of the journal being opened, from it. */
void
enough_critic_drafts_load (EnoughCriticPage *self)
{
  drafts_load (self);
}

void
enough_critic_drafts_clear (EnoughCriticPage *self)
{
  enough_critic_page_save_drafts (self);
  g_hash_table_remove_all (self->drafts);
  self->drafts_dirty = FALSE;
}
