/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-entry-list.h"
#include "enough-record-private.h"
#include "enough-tables.h"

struct _EnoughDialogue
{
  EnoughRecord  parent_instance;

  char         *title;
  char         *critic_name;
  int           intensity_start;
  int           intensity_end;
  guint         prompt_step;
  GListModel   *turns;  /* lazy, made on first use */
};

G_DEFINE_FINAL_TYPE (EnoughDialogue, enough_dialogue, ENOUGH_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CRITIC_NAME,
  PROP_INTENSITY_START,
  PROP_INTENSITY_END,
  PROP_PROMPT_STEP,
  PROP_TURNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
enough_dialogue_finalize (GObject *object)
{
  EnoughDialogue *self = ENOUGH_DIALOGUE (object);

  if (self->turns != NULL)
    enough_entry_list_detach (ENOUGH_ENTRY_LIST (self->turns));
  g_clear_object (&self->turns);
  g_free (self->title);
  g_free (self->critic_name);

  G_OBJECT_CLASS (enough_dialogue_parent_class)->finalize (object);
}

static void
enough_dialogue_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EnoughDialogue *self = ENOUGH_DIALOGUE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CRITIC_NAME:
      g_value_set_string (value, self->critic_name);
      break;
    case PROP_INTENSITY_START:
      g_value_set_int (value, self->intensity_start);
      break;
    case PROP_INTENSITY_END:
      g_value_set_int (value, self->intensity_end);
      break;
    case PROP_PROMPT_STEP:
      g_value_set_uint (value, self->prompt_step);
      break;
    case PROP_TURNS:
      g_value_set_object (value, enough_dialogue_get_turns (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_dialogue_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EnoughDialogue *self = ENOUGH_DIALOGUE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      enough_dialogue_set_title (self, g_value_get_string (value));
      break;
    case PROP_CRITIC_NAME:
      enough_dialogue_set_critic_name (self, g_value_get_string (value));
      break;
    case PROP_INTENSITY_START:
      enough_dialogue_set_intensity_start (self, g_value_get_int (value));
      break;
    case PROP_INTENSITY_END:
      enough_dialogue_set_intensity_end (self, g_value_get_int (value));
      break;
    case PROP_PROMPT_STEP:
      enough_dialogue_set_prompt_step (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_dialogue_class_init (EnoughDialogueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = enough_dialogue_finalize;
  object_class->get_property = enough_dialogue_get_property;
  object_class->set_property = enough_dialogue_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_CRITIC_NAME] = g_param_spec_string ("critic-name", NULL, NULL, "", rw);
  properties[PROP_INTENSITY_START] = g_param_spec_int ("intensity-start", NULL, NULL,
                                                       -1, 10, -1, rw);
  properties[PROP_INTENSITY_END] = g_param_spec_int ("intensity-end", NULL, NULL,
                                                     -1, 10, -1, rw);
  properties[PROP_PROMPT_STEP] = g_param_spec_uint ("prompt-step", NULL, NULL, 0, 6, 0, rw);
  properties[PROP_TURNS] = g_param_spec_object ("turns", NULL, NULL, G_TYPE_LIST_MODEL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
enough_dialogue_init (EnoughDialogue *self)
{
  self->title = g_strdup ("");
  self->critic_name = g_strdup ("");
  self->intensity_start = ENOUGH_INTENSITY_UNSET;
  self->intensity_end = ENOUGH_INTENSITY_UNSET;
}

EnoughDialogue *
_enough_dialogue_new (void)
{
  return g_object_new (ENOUGH_TYPE_DIALOGUE, NULL);
}

void
_enough_dialogue_load (EnoughDialogue *self,
                       sqlite3_stmt   *stmt)
{
  _enough_set_string (&self->title, (const char *) sqlite3_column_text (stmt, ENOUGH_DIALOGUE_COL_TITLE));
  _enough_set_string (&self->critic_name, (const char *) sqlite3_column_text (stmt, ENOUGH_DIALOGUE_COL_CRITIC_NAME));
  self->intensity_start = sqlite3_column_int (stmt, ENOUGH_DIALOGUE_COL_INTENSITY_START);
  self->intensity_end = sqlite3_column_int (stmt, ENOUGH_DIALOGUE_COL_INTENSITY_END);
  self->prompt_step = (guint) sqlite3_column_int (stmt, ENOUGH_DIALOGUE_COL_PROMPT_STEP);
}

void
_enough_dialogue_snapshot (EnoughDialogue *self,
                           EnoughSnapshot *snap)
{
  _enough_record_snapshot_common (ENOUGH_RECORD (self), snap);
  enough_snapshot_add_text (snap, self->title);
  enough_snapshot_add_text (snap, self->critic_name);
  enough_snapshot_add_int (snap, self->intensity_start);
  enough_snapshot_add_int (snap, self->intensity_end);
  enough_snapshot_add_int (snap, self->prompt_step);
}

GListModel *
_enough_dialogue_peek_turns (EnoughDialogue *self)
{
  return self->turns;
}

const char *
enough_dialogue_get_title (EnoughDialogue *self)
{
  g_return_val_if_fail (ENOUGH_IS_DIALOGUE (self), NULL);
  return self->title;
}

void
enough_dialogue_set_title (EnoughDialogue *self,
                           const char     *title)
{
  g_return_if_fail (ENOUGH_IS_DIALOGUE (self));
  if (!_enough_set_string (&self->title, title))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

const char *
enough_dialogue_get_critic_name (EnoughDialogue *self)
{
  g_return_val_if_fail (ENOUGH_IS_DIALOGUE (self), NULL);
  return self->critic_name;
}

void
enough_dialogue_set_critic_name (EnoughDialogue *self,
                                 const char     *critic_name)
{
  g_return_if_fail (ENOUGH_IS_DIALOGUE (self));
  if (!_enough_set_string (&self->critic_name, critic_name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CRITIC_NAME]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

int
enough_dialogue_get_intensity_start (EnoughDialogue *self)
{
  g_return_val_if_fail (ENOUGH_IS_DIALOGUE (self), ENOUGH_INTENSITY_UNSET);
  return self->intensity_start;
}

void
enough_dialogue_set_intensity_start (EnoughDialogue *self,
                                     int             intensity)
{
  g_return_if_fail (ENOUGH_IS_DIALOGUE (self));
  g_return_if_fail (intensity >= -1 && intensity <= 10);
  if (self->intensity_start == intensity)
    return;
  self->intensity_start = intensity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTENSITY_START]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

int
enough_dialogue_get_intensity_end (EnoughDialogue *self)
{
  g_return_val_if_fail (ENOUGH_IS_DIALOGUE (self), ENOUGH_INTENSITY_UNSET);
  return self->intensity_end;
}

void
enough_dialogue_set_intensity_end (EnoughDialogue *self,
                                   int             intensity)
{
  g_return_if_fail (ENOUGH_IS_DIALOGUE (self));
  g_return_if_fail (intensity >= -1 && intensity <= 10);
  if (self->intensity_end == intensity)
    return;
  self->intensity_end = intensity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTENSITY_END]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

guint
enough_dialogue_get_prompt_step (EnoughDialogue *self)
{
  g_return_val_if_fail (ENOUGH_IS_DIALOGUE (self), 0);
  return self->prompt_step;
}

void
enough_dialogue_set_prompt_step (EnoughDialogue *self,
                                 guint           step)
{
  g_return_if_fail (ENOUGH_IS_DIALOGUE (self));
  g_return_if_fail (step <= 6);
  if (self->prompt_step == step)
    return;
  self->prompt_step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMPT_STEP]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

GListModel *
enough_dialogue_get_turns (EnoughDialogue *self)
{
  g_return_val_if_fail (ENOUGH_IS_DIALOGUE (self), NULL);

  if (self->turns == NULL)
    {
      EnoughStore *store = _enough_record_get_store (ENOUGH_RECORD (self));

      g_return_val_if_fail (store != NULL, NULL);
      self->turns = _enough_store_new_turn_list (store, self);
    }

  return self->turns;
}
