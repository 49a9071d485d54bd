/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-record-private.h"
#include "enough-tables.h"

struct _EnoughTurn
{
  EnoughRecord    parent_instance;

  gint64          dialogue_id;
  char           *dialogue_uuid;
  gint64          position;
  EnoughSpeaker   speaker;
  char           *text;
  EnoughPatterns  patterns;
};

G_DEFINE_FINAL_TYPE (EnoughTurn, enough_turn, ENOUGH_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SPEAKER,
  PROP_TEXT,
  PROP_PATTERNS,
  PROP_POSITION,
  PROP_DIALOGUE_UUID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
enough_turn_finalize (GObject *object)
{
  EnoughTurn *self = ENOUGH_TURN (object);

  g_free (self->text);
  g_free (self->dialogue_uuid);

  G_OBJECT_CLASS (enough_turn_parent_class)->finalize (object);
}

static void
enough_turn_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  EnoughTurn *self = ENOUGH_TURN (object);

  switch (prop_id)
    {
    case PROP_SPEAKER:
      g_value_set_enum (value, self->speaker);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_PATTERNS:
      g_value_set_flags (value, self->patterns);
      break;
    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;
    case PROP_DIALOGUE_UUID:
      g_value_set_string (value, self->dialogue_uuid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_turn_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  EnoughTurn *self = ENOUGH_TURN (object);

  switch (prop_id)
    {
    case PROP_SPEAKER:
      enough_turn_set_speaker (self, g_value_get_enum (value));
      break;
    case PROP_TEXT:
      enough_turn_set_text (self, g_value_get_string (value));
      break;
    case PROP_PATTERNS:
      enough_turn_set_patterns (self, g_value_get_flags (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_turn_class_init (EnoughTurnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = enough_turn_finalize;
  object_class->get_property = enough_turn_get_property;
  object_class->set_property = enough_turn_set_property;

  properties[PROP_SPEAKER] = g_param_spec_enum ("speaker", NULL, NULL, ENOUGH_TYPE_SPEAKER,
                                                ENOUGH_SPEAKER_CRITIC, rw);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", rw);
  properties[PROP_PATTERNS] = g_param_spec_flags ("patterns", NULL, NULL, ENOUGH_TYPE_PATTERNS,
                                                  ENOUGH_PATTERN_NONE, rw);
  properties[PROP_POSITION] = g_param_spec_int64 ("position", NULL, NULL,
                                                  G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_DIALOGUE_UUID] = g_param_spec_string ("dialogue-uuid", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
enough_turn_init (EnoughTurn *self)
{
  self->text = g_strdup ("");
}

EnoughTurn *
_enough_turn_new (void)
{
  return g_object_new (ENOUGH_TYPE_TURN, NULL);
}

/* Columns 5..: dialogue_id, position, speaker, text, patterns, dialogue uuid */
void
_enough_turn_load (EnoughTurn   *self,
                   sqlite3_stmt *stmt)
{
  self->dialogue_id = sqlite3_column_int64 (stmt, ENOUGH_TURN_COL_DIALOGUE_ID);
  self->position = sqlite3_column_int64 (stmt, ENOUGH_TURN_COL_POSITION);
  self->speaker = sqlite3_column_int (stmt, ENOUGH_TURN_COL_SPEAKER) == ENOUGH_SPEAKER_ME
                  ? ENOUGH_SPEAKER_ME : ENOUGH_SPEAKER_CRITIC;
  _enough_set_string (&self->text, (const char *) sqlite3_column_text (stmt, ENOUGH_TURN_COL_TEXT));
  self->patterns = (EnoughPatterns) (sqlite3_column_int (stmt, ENOUGH_TURN_COL_PATTERNS) & ENOUGH_PATTERNS_ALL);
  _enough_set_string (&self->dialogue_uuid, (const char *) sqlite3_column_text (stmt, ENOUGH_TURN_N_COLUMNS));
}

void
_enough_turn_snapshot (EnoughTurn     *self,
                       EnoughSnapshot *snap)
{
  _enough_record_snapshot_common (ENOUGH_RECORD (self), snap);
  enough_snapshot_add_int (snap, self->dialogue_id);
  enough_snapshot_add_int (snap, self->position);
  enough_snapshot_add_int (snap, self->speaker);
  enough_snapshot_add_text (snap, self->text);
  enough_snapshot_add_int (snap, self->patterns);
}

gint64
_enough_turn_get_dialogue_id (EnoughTurn *self)
{
  return self->dialogue_id;
}

void
_enough_turn_set_dialogue (EnoughTurn *self,
                           gint64      dialogue_id,
                           const char *dialogue_uuid)
{
  self->dialogue_id = dialogue_id;
  _enough_set_string (&self->dialogue_uuid, dialogue_uuid);
}

/* Position changes are structural (the store decides them), so they do
 * not bump updated-at; the store queues the save itself. */
void
_enough_turn_set_position (EnoughTurn *self,
                           gint64      position)
{
  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

EnoughSpeaker
enough_turn_get_speaker (EnoughTurn *self)
{
  g_return_val_if_fail (ENOUGH_IS_TURN (self), ENOUGH_SPEAKER_CRITIC);
  return self->speaker;
}

void
enough_turn_set_speaker (EnoughTurn    *self,
                         EnoughSpeaker  speaker)
{
  g_return_if_fail (ENOUGH_IS_TURN (self));
  g_return_if_fail (speaker == ENOUGH_SPEAKER_CRITIC || speaker == ENOUGH_SPEAKER_ME);
  if (self->speaker == speaker)
    return;
  self->speaker = speaker;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKER]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

const char *
enough_turn_get_text (EnoughTurn *self)
{
  g_return_val_if_fail (ENOUGH_IS_TURN (self), NULL);
  return self->text;
}

void
enough_turn_set_text (EnoughTurn *self,
                      const char *text)
{
  g_return_if_fail (ENOUGH_IS_TURN (self));
  if (!_enough_set_string (&self->text, text))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

EnoughPatterns
enough_turn_get_patterns (EnoughTurn *self)
{
  g_return_val_if_fail (ENOUGH_IS_TURN (self), ENOUGH_PATTERN_NONE);
  return self->patterns;
}

void
enough_turn_set_patterns (EnoughTurn     *self,
                          EnoughPatterns  patterns)
{
  g_return_if_fail (ENOUGH_IS_TURN (self));
  patterns &= ENOUGH_PATTERNS_ALL;
  if (self->patterns == patterns)
    return;
  self->patterns = patterns;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATTERNS]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

gint64
enough_turn_get_position (EnoughTurn *self)
{
  g_return_val_if_fail (ENOUGH_IS_TURN (self), 0);
  return self->position;
}

const char *
enough_turn_get_dialogue_uuid (EnoughTurn *self)
{
  g_return_val_if_fail (ENOUGH_IS_TURN (self), NULL);
  return self->dialogue_uuid;
}
