/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-types.h"

/* Registered by hand (no glib-mkenums step) to keep the build simple; the
 * nicks are the stable names used by export/import. */

GType
enough_record_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { ENOUGH_RECORD_KIND_DIALOGUE, "ENOUGH_RECORD_KIND_DIALOGUE", "dialogue" },
        { ENOUGH_RECORD_KIND_TURN, "ENOUGH_RECORD_KIND_TURN", "turn" },
        { ENOUGH_RECORD_KIND_LETTER, "ENOUGH_RECORD_KIND_LETTER", "letter" },
        { ENOUGH_RECORD_KIND_SELF_CHECK, "ENOUGH_RECORD_KIND_SELF_CHECK", "self-check" },
        { ENOUGH_RECORD_KIND_EXPERIMENT, "ENOUGH_RECORD_KIND_EXPERIMENT", "experiment" },
        { ENOUGH_RECORD_KIND_CHECKIN, "ENOUGH_RECORD_KIND_CHECKIN", "checkin" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_enum_register_static ("EnoughRecordKind", values));
    }

  return type_id;
}

GType
enough_speaker_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { ENOUGH_SPEAKER_CRITIC, "ENOUGH_SPEAKER_CRITIC", "critic" },
        { ENOUGH_SPEAKER_ME, "ENOUGH_SPEAKER_ME", "me" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_enum_register_static ("EnoughSpeaker", values));
    }

  return type_id;
}

GType
enough_patterns_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GFlagsValue values[] = {
        { ENOUGH_PATTERN_ALL_OR_NOTHING, "ENOUGH_PATTERN_ALL_OR_NOTHING", "all-or-nothing" },
        { ENOUGH_PATTERN_CATASTROPHISING, "ENOUGH_PATTERN_CATASTROPHISING", "catastrophising" },
        { ENOUGH_PATTERN_SHOULD_STATEMENTS, "ENOUGH_PATTERN_SHOULD_STATEMENTS", "should-statements" },
        { ENOUGH_PATTERN_MIND_READING, "ENOUGH_PATTERN_MIND_READING", "mind-reading" },
        { ENOUGH_PATTERN_DISCOUNTING_POSITIVE, "ENOUGH_PATTERN_DISCOUNTING_POSITIVE", "discounting-positive" },
        { ENOUGH_PATTERN_LABELLING, "ENOUGH_PATTERN_LABELLING", "labelling" },
        { ENOUGH_PATTERN_OVERGENERALISING, "ENOUGH_PATTERN_OVERGENERALISING", "overgeneralising" },
        { ENOUGH_PATTERN_FORTUNE_TELLING, "ENOUGH_PATTERN_FORTUNE_TELLING", "fortune-telling" },
        { ENOUGH_PATTERN_EMOTIONAL_REASONING, "ENOUGH_PATTERN_EMOTIONAL_REASONING", "emotional-reasoning" },
        { ENOUGH_PATTERN_MENTAL_FILTER, "ENOUGH_PATTERN_MENTAL_FILTER", "mental-filter" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_flags_register_static ("EnoughPatterns", values));
    }

  return type_id;
}

GType
enough_feelings_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GFlagsValue values[] = {
        { ENOUGH_FEELING_ASHAMED, "ENOUGH_FEELING_ASHAMED", "ashamed" },
        { ENOUGH_FEELING_ANXIOUS, "ENOUGH_FEELING_ANXIOUS", "anxious" },
        { ENOUGH_FEELING_TIRED, "ENOUGH_FEELING_TIRED", "tired" },
        { ENOUGH_FEELING_SAD, "ENOUGH_FEELING_SAD", "sad" },
        { ENOUGH_FEELING_ANGRY, "ENOUGH_FEELING_ANGRY", "angry" },
        { ENOUGH_FEELING_LONELY, "ENOUGH_FEELING_LONELY", "lonely" },
        { ENOUGH_FEELING_NUMB, "ENOUGH_FEELING_NUMB", "numb" },
        { ENOUGH_FEELING_OTHER, "ENOUGH_FEELING_OTHER", "other" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_flags_register_static ("EnoughFeelings", values));
    }

  return type_id;
}

GType
enough_reread_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { ENOUGH_REREAD_UNSET, "ENOUGH_REREAD_UNSET", "unset" },
        { ENOUGH_REREAD_15_MINUTES, "ENOUGH_REREAD_15_MINUTES", "15-minutes" },
        { ENOUGH_REREAD_EVENING, "ENOUGH_REREAD_EVENING", "evening" },
        { ENOUGH_REREAD_TOMORROW, "ENOUGH_REREAD_TOMORROW", "tomorrow" },
        { ENOUGH_REREAD_NEXT_WEEK, "ENOUGH_REREAD_NEXT_WEEK", "next-week" },
        { ENOUGH_REREAD_NEVER, "ENOUGH_REREAD_NEVER", "never" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_enum_register_static ("EnoughReread", values));
    }

  return type_id;
}

GType
enough_experiment_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { ENOUGH_EXPERIMENT_KIND_UNSET, "ENOUGH_EXPERIMENT_KIND_UNSET", "unset" },
        { ENOUGH_EXPERIMENT_KIND_IMPERFECT, "ENOUGH_EXPERIMENT_KIND_IMPERFECT", "imperfect-on-purpose" },
        { ENOUGH_EXPERIMENT_KIND_TIME_LIMIT, "ENOUGH_EXPERIMENT_KIND_TIME_LIMIT", "time-limit" },
        { ENOUGH_EXPERIMENT_KIND_BEFORE_READY, "ENOUGH_EXPERIMENT_KIND_BEFORE_READY", "before-ready" },
        { ENOUGH_EXPERIMENT_KIND_REST, "ENOUGH_EXPERIMENT_KIND_REST", "rest" },
        { ENOUGH_EXPERIMENT_KIND_SAY_NO, "ENOUGH_EXPERIMENT_KIND_SAY_NO", "say-no" },
        { ENOUGH_EXPERIMENT_KIND_ASK_HELP, "ENOUGH_EXPERIMENT_KIND_ASK_HELP", "ask-for-help" },
        { ENOUGH_EXPERIMENT_KIND_SMALL_MISTAKE, "ENOUGH_EXPERIMENT_KIND_SMALL_MISTAKE", "small-mistake" },
        { ENOUGH_EXPERIMENT_KIND_OWN, "ENOUGH_EXPERIMENT_KIND_OWN", "my-own" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_enum_register_static ("EnoughExperimentKind", values));
    }

  return type_id;
}

GType
enough_came_true_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { ENOUGH_CAME_TRUE_UNSET, "ENOUGH_CAME_TRUE_UNSET", "unset" },
        { ENOUGH_CAME_TRUE_YES, "ENOUGH_CAME_TRUE_YES", "yes" },
        { ENOUGH_CAME_TRUE_PARTLY, "ENOUGH_CAME_TRUE_PARTLY", "partly" },
        { ENOUGH_CAME_TRUE_NO, "ENOUGH_CAME_TRUE_NO", "no" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_enum_register_static ("EnoughCameTrue", values));
    }

  return type_id;
}

const char *
enough_speaker_to_string (EnoughSpeaker speaker)
{
  return speaker == ENOUGH_SPEAKER_ME ? "me" : "critic";
}

gboolean
enough_speaker_from_string (const char    *nick,
                            EnoughSpeaker *out_speaker)
{
  if (g_strcmp0 (nick, "critic") == 0)
    *out_speaker = ENOUGH_SPEAKER_CRITIC;
  else if (g_strcmp0 (nick, "me") == 0)
    *out_speaker = ENOUGH_SPEAKER_ME;
  else
    return FALSE;

  return TRUE;
}
