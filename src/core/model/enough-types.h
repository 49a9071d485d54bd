/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kinds of record the store holds. Stored as small integers in the
 * search index; never renumber. */
typedef enum
{
  ENOUGH_RECORD_KIND_DIALOGUE   = 1,
  ENOUGH_RECORD_KIND_TURN       = 2,
  ENOUGH_RECORD_KIND_LETTER     = 3,
  ENOUGH_RECORD_KIND_SELF_CHECK = 4,
  ENOUGH_RECORD_KIND_EXPERIMENT = 5,
  ENOUGH_RECORD_KIND_CHECKIN    = 6,
} EnoughRecordKind;

/* The last kind: every loop over kinds and every per-kind array uses these,
 * so a new kind is one line here (and its table). The search index keeps
 * the kind in 3 bits of its rowids (enough-store-schema.c): kinds up to 7. */
#define ENOUGH_RECORD_KIND_LAST ENOUGH_RECORD_KIND_CHECKIN
/* Size of an array indexed by kind (index 0 unused). */
#define ENOUGH_RECORD_N_KINDS (ENOUGH_RECORD_KIND_LAST + 1)

/* Who speaks a turn of an Inner Critic dialogue. Stored as 0/1. */
typedef enum
{
  ENOUGH_SPEAKER_CRITIC = 0,
  ENOUGH_SPEAKER_ME     = 1,
} EnoughSpeaker;

/* The thinking patterns a critic turn can be marked with (shared/PRODUCT.md's
 * eight, then emotional reasoning and mental filter). Stored as the bit
 * mask; never renumber. */
typedef enum /*< flags >*/
{
  ENOUGH_PATTERN_NONE                  = 0,
  ENOUGH_PATTERN_ALL_OR_NOTHING        = 1 << 0,
  ENOUGH_PATTERN_CATASTROPHISING       = 1 << 1,
  ENOUGH_PATTERN_SHOULD_STATEMENTS     = 1 << 2,
  ENOUGH_PATTERN_MIND_READING          = 1 << 3,
  ENOUGH_PATTERN_DISCOUNTING_POSITIVE  = 1 << 4,
  ENOUGH_PATTERN_LABELLING             = 1 << 5,
  ENOUGH_PATTERN_OVERGENERALISING      = 1 << 6,
  ENOUGH_PATTERN_FORTUNE_TELLING       = 1 << 7,
  ENOUGH_PATTERN_EMOTIONAL_REASONING   = 1 << 8,
  ENOUGH_PATTERN_MENTAL_FILTER         = 1 << 9,
} EnoughPatterns;

#define ENOUGH_PATTERNS_ALL 0x3ffu

/* Feeling words of letter step 1. Stored as the bit mask; never renumber. */
typedef enum /*< flags >*/
{
  ENOUGH_FEELING_NONE    = 0,
  ENOUGH_FEELING_ASHAMED = 1 << 0,
  ENOUGH_FEELING_ANXIOUS = 1 << 1,
  ENOUGH_FEELING_TIRED   = 1 << 2,
  ENOUGH_FEELING_SAD     = 1 << 3,
  ENOUGH_FEELING_ANGRY   = 1 << 4,
  ENOUGH_FEELING_LONELY  = 1 << 5,
  ENOUGH_FEELING_NUMB    = 1 << 6,
  ENOUGH_FEELING_OTHER   = 1 << 7,
} EnoughFeelings;

#define ENOUGH_FEELINGS_ALL 0xffu

/* When to read a letter again (step 3). UNSET = not chosen yet.
 * The concrete time is stored separately (EnoughLetter:reread-at). */
typedef enum
{
  ENOUGH_REREAD_UNSET      = 0,
  ENOUGH_REREAD_15_MINUTES = 1,
  ENOUGH_REREAD_EVENING    = 2,
  ENOUGH_REREAD_TOMORROW   = 3,
  ENOUGH_REREAD_NEXT_WEEK  = 4,
  ENOUGH_REREAD_NEVER      = 5,
} EnoughReread;

/* What kind of behavioural experiment (the Experiments page). Stored as
 * these numbers; never renumber. */
typedef enum
{
  ENOUGH_EXPERIMENT_KIND_UNSET         = 0,
  ENOUGH_EXPERIMENT_KIND_IMPERFECT     = 1,  /* do it imperfectly on purpose */
  ENOUGH_EXPERIMENT_KIND_TIME_LIMIT    = 2,  /* stop at a time limit */
  ENOUGH_EXPERIMENT_KIND_BEFORE_READY  = 3,  /* hand it in before it feels ready */
  ENOUGH_EXPERIMENT_KIND_REST          = 4,  /* rest without earning it */
  ENOUGH_EXPERIMENT_KIND_SAY_NO        = 5,  /* say no, or set a boundary */
  ENOUGH_EXPERIMENT_KIND_ASK_HELP      = 6,  /* ask for help, let others do it their way */
  ENOUGH_EXPERIMENT_KIND_SMALL_MISTAKE = 7,  /* leave a small mistake in */
  ENOUGH_EXPERIMENT_KIND_OWN           = 8,  /* my own */
} EnoughExperimentKind;

#define ENOUGH_EXPERIMENT_KIND_LAST ENOUGH_EXPERIMENT_KIND_OWN

/* Did the feared prediction come true? UNSET = not answered yet. */
typedef enum
{
  ENOUGH_CAME_TRUE_UNSET  = 0,
  ENOUGH_CAME_TRUE_YES    = 1,
  ENOUGH_CAME_TRUE_PARTLY = 2,
  ENOUGH_CAME_TRUE_NO     = 3,
} EnoughCameTrue;

#define ENOUGH_TYPE_RECORD_KIND (enough_record_kind_get_type ())
#define ENOUGH_TYPE_SPEAKER     (enough_speaker_get_type ())
#define ENOUGH_TYPE_PATTERNS    (enough_patterns_get_type ())
#define ENOUGH_TYPE_FEELINGS    (enough_feelings_get_type ())
#define ENOUGH_TYPE_REREAD      (enough_reread_get_type ())
#define ENOUGH_TYPE_EXPERIMENT_KIND (enough_experiment_kind_get_type ())
#define ENOUGH_TYPE_CAME_TRUE   (enough_came_true_get_type ())

GType enough_record_kind_get_type (void) G_GNUC_CONST;
GType enough_speaker_get_type     (void) G_GNUC_CONST;
GType enough_patterns_get_type    (void) G_GNUC_CONST;
GType enough_feelings_get_type    (void) G_GNUC_CONST;
GType enough_reread_get_type      (void) G_GNUC_CONST;
GType enough_experiment_kind_get_type (void) G_GNUC_CONST;
GType enough_came_true_get_type   (void) G_GNUC_CONST;

/* Stable machine names ("critic", "me", "all-or-nothing", ...), the same
 * as the GEnumValue/GFlagsValue nicks; handy for export/import. */
const char *enough_speaker_to_string (EnoughSpeaker speaker);
gboolean    enough_speaker_from_string (const char    *nick,
                                        EnoughSpeaker *out_speaker);

G_END_DECLS
