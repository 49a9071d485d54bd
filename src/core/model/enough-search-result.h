/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib-object.h>

#include "enough-types.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_SEARCH_RESULT (enough_search_result_get_type ())

G_DECLARE_FINAL_TYPE (EnoughSearchResult, enough_search_result, ENOUGH, SEARCH_RESULT, GObject)

/* Which piece of text matched. */
typedef enum
{
  ENOUGH_SEARCH_FIELD_TITLE           = 1,  /* dialogue title */
  ENOUGH_SEARCH_FIELD_CRITIC_NAME     = 2,  /* dialogue critic name */
  ENOUGH_SEARCH_FIELD_TURN            = 3,  /* a turn's text */
  ENOUGH_SEARCH_FIELD_NOT_GOOD_ENOUGH = 4,  /* letter step 1 */
  ENOUGH_SEARCH_FIELD_LETTER          = 5,  /* letter step 2 */
  ENOUGH_SEARCH_FIELD_TAKEAWAY        = 6,  /* letter takeaway */
  ENOUGH_SEARCH_FIELD_NOTE            = 7,  /* self-check note */
  /* Experiment fields. The index rowid keeps a field in 3 bits
   * (ENOUGH_SEARCH_SLOT in enough-tables.h), unique within its kind. */
  ENOUGH_SEARCH_FIELD_BELIEF          = 8,
  ENOUGH_SEARCH_FIELD_PREDICTION      = 9,
  ENOUGH_SEARCH_FIELD_ACTION          = 10,
  ENOUGH_SEARCH_FIELD_OBSTACLES       = 11,
  ENOUGH_SEARCH_FIELD_ALTERNATIVE     = 12,
  ENOUGH_SEARCH_FIELD_OUTCOME         = 13,
  ENOUGH_SEARCH_FIELD_LEARNED         = 14,
  /* Check-in fields (slots 7 and 0 of their kind). */
  ENOUGH_SEARCH_FIELD_CHECKIN_NOTE    = 15,
  ENOUGH_SEARCH_FIELD_REFLECTION      = 16,
} EnoughSearchField;

/**
 * EnoughSearchResult:
 *
 * One hit of enough_store_search(). The snippet is PLAIN text (escape it
 * before using Pango markup); the matched ranges inside it are given as
 * byte offsets, see enough_search_result_get_match().
 *
 * kind is the entry kind (DIALOGUE, LETTER, SELF_CHECK or EXPERIMENT); entry-uuid opens
 * it with enough_store_lookup(); for a turn hit, turn-uuid names the turn
 * (scroll to it), otherwise it is NULL.
 */
EnoughRecordKind   enough_search_result_get_kind        (EnoughSearchResult *self);
EnoughSearchField  enough_search_result_get_field       (EnoughSearchResult *self);
const char        *enough_search_result_get_entry_uuid  (EnoughSearchResult *self);
const char        *enough_search_result_get_turn_uuid   (EnoughSearchResult *self);
/* Plain text around the first match, on one line. */
const char        *enough_search_result_get_snippet     (EnoughSearchResult *self);
/* Lower is better (bm25 for indexed searches; 0 for short-query scans). */
double             enough_search_result_get_rank        (EnoughSearchResult *self);
guint              enough_search_result_get_n_matches   (EnoughSearchResult *self);
/* Byte offsets [start, end) of the i-th marked match inside the snippet. */
void               enough_search_result_get_match       (EnoughSearchResult *self,
                                                         guint               i,
                                                         guint              *start,
                                                         guint              *end);
gint64             enough_search_result_get_created_at  (EnoughSearchResult *self);
/* What names the entry in a list of thousands: a dialogue's title, a
 * letter's first words (as the Letters list shows them), on one line and
 * cut near 60 characters; NULL when it has none (a self-check, an
 * untitled dialogue, an empty letter). */
const char        *enough_search_result_get_entry_title (EnoughSearchResult *self);

/* internal, for the store */
EnoughSearchResult *_enough_search_result_new (EnoughRecordKind   kind,
                                               EnoughSearchField  field,
                                               const char        *entry_uuid,
                                               const char        *turn_uuid,
                                               const char        *snippet,
                                               const guint       *matches,
                                               guint              n_matches,
                                               double             rank,
                                               gint64             created_at);
/* @text: the entry's naming text as stored (any length, any whitespace). */
void                _enough_search_result_set_entry_title (EnoughSearchResult *self,
                                                           const char         *text);

G_END_DECLS
