/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib-object.h>

#include "enough-search-result.h"
#include "enough-types.h"

G_BEGIN_DECLS

/* One description per table of the journal: its columns in table order
 * (the order of every SELECT, snapshot and INSERT made from it), their SQL
 * type, how the JSON export writes them, and which hold searchable text.
 * The store (loads, saves), the export, the import, the synthetic journal
 * and the search index (enough-store-schema.c) all follow it; the schema
 * steps themselves are kept verbatim in enough-store-schema.c, and a test
 * checks that the two agree. */

/* Gap between turn positions, so inserting between two turns rarely
 * renumbers the others; imports and the synthetic journal number turns
 * 1, 2, 3… times this. */
#define ENOUGH_TURN_POSITION_STEP 1024

/* How a column appears in the JSON export (enough-export.h). */
typedef enum
{
  ENOUGH_JSON_NONE,          /* not exported (row ids, deletion, turn order) */
  ENOUGH_JSON_STRING,
  ENOUGH_JSON_INT,
  ENOUGH_JSON_INT_OR_NULL,   /* negative = null */
  ENOUGH_JSON_TIME,          /* usec UTC as ISO 8601 */
  ENOUGH_JSON_TIME_OR_NULL,  /* 0 = null */
  ENOUGH_JSON_FLAGS,         /* a list of the flag nicks of get_type() */
  ENOUGH_JSON_ENUM,          /* the enum nick of get_type() */
  ENOUGH_JSON_SPEAKER,       /* "critic" or "me" */
  ENOUGH_JSON_ANSWERS,       /* a text of digits as a list of numbers */
} EnoughJsonType;

typedef enum /*< flags >*/
{
  ENOUGH_COLUMN_TEXT  = 1 << 0,  /* TEXT (otherwise INTEGER) */
  ENOUGH_COLUMN_FIXED = 1 << 1,  /* set when the row is made, never updated */
} EnoughColumnFlags;

typedef struct
{
  const char        *name;          /* SQL column */
  EnoughColumnFlags  flags;
  const char        *json_name;     /* member of the JSON export */
  EnoughJsonType     json;
  GType            (*get_type) (void);  /* ENOUGH_JSON_FLAGS, ENOUGH_JSON_ENUM */
  EnoughSearchField  search_field;  /* 0 = not in the search index */
} EnoughColumn;

typedef struct
{
  EnoughRecordKind     kind;
  const char          *name;        /* SQL table */
  const EnoughColumn  *columns;
  guint                n_columns;
} EnoughTable;

/* The columns every table starts with */
enum
{
  ENOUGH_COL_ID,
  ENOUGH_COL_UUID,
  ENOUGH_COL_CREATED,
  ENOUGH_COL_UPDATED,
  ENOUGH_COL_DELETED_AT,
  ENOUGH_N_COMMON_COLUMNS
};

enum
{
  ENOUGH_DIALOGUE_COL_TITLE = ENOUGH_N_COMMON_COLUMNS,
  ENOUGH_DIALOGUE_COL_CRITIC_NAME,
  ENOUGH_DIALOGUE_COL_INTENSITY_START,
  ENOUGH_DIALOGUE_COL_INTENSITY_END,
  ENOUGH_DIALOGUE_COL_PROMPT_STEP,
  ENOUGH_DIALOGUE_N_COLUMNS
};

enum
{
  ENOUGH_TURN_COL_DIALOGUE_ID = ENOUGH_N_COMMON_COLUMNS,
  ENOUGH_TURN_COL_POSITION,
  ENOUGH_TURN_COL_SPEAKER,
  ENOUGH_TURN_COL_TEXT,
  ENOUGH_TURN_COL_PATTERNS,
  ENOUGH_TURN_N_COLUMNS
};

enum
{
  ENOUGH_LETTER_COL_NOT_GOOD_ENOUGH = ENOUGH_N_COMMON_COLUMNS,
  ENOUGH_LETTER_COL_FEELINGS,
  ENOUGH_LETTER_COL_TEXT,
  ENOUGH_LETTER_COL_STEP,
  ENOUGH_LETTER_COL_REREAD,
  ENOUGH_LETTER_COL_REREAD_AT,
  ENOUGH_LETTER_COL_REREAD_DONE_AT,
  ENOUGH_LETTER_COL_TAKEAWAY,
  ENOUGH_LETTER_N_COLUMNS
};

enum
{
  ENOUGH_SELF_CHECK_COL_BANK_VERSION = ENOUGH_N_COMMON_COLUMNS,
  ENOUGH_SELF_CHECK_COL_ANSWERS,
  ENOUGH_SELF_CHECK_COL_CURRENT_INDEX,
  ENOUGH_SELF_CHECK_COL_COMPLETED_AT,
  ENOUGH_SELF_CHECK_COL_NOTE,
  ENOUGH_SELF_CHECK_N_COLUMNS
};

enum
{
  ENOUGH_EXPERIMENT_COL_BELIEF = ENOUGH_N_COMMON_COLUMNS,
  ENOUGH_EXPERIMENT_COL_BELIEF_RATING,
  ENOUGH_EXPERIMENT_COL_PREDICTION,
  ENOUGH_EXPERIMENT_COL_PREDICTION_LIKELIHOOD,
  ENOUGH_EXPERIMENT_COL_EXPERIMENT_KIND,
  ENOUGH_EXPERIMENT_COL_ACTION,
  ENOUGH_EXPERIMENT_COL_DUE_AT,
  ENOUGH_EXPERIMENT_COL_DUE_HAS_TIME,
  ENOUGH_EXPERIMENT_COL_OBSTACLES,
  ENOUGH_EXPERIMENT_COL_ALTERNATIVE,
  ENOUGH_EXPERIMENT_COL_ALTERNATIVE_RATING,
  ENOUGH_EXPERIMENT_COL_OUTCOME,
  ENOUGH_EXPERIMENT_COL_CAME_TRUE,
  ENOUGH_EXPERIMENT_COL_LEARNED,
  ENOUGH_EXPERIMENT_COL_BELIEF_AFTER,
  ENOUGH_EXPERIMENT_COL_ALTERNATIVE_AFTER,
  ENOUGH_EXPERIMENT_N_COLUMNS
};

enum
{
  ENOUGH_CHECKIN_COL_DAY = ENOUGH_N_COMMON_COLUMNS,
  ENOUGH_CHECKIN_COL_MOOD,
  ENOUGH_CHECKIN_COL_ENERGY,
  ENOUGH_CHECKIN_COL_DAYLIGHT,
  ENOUGH_CHECKIN_COL_MORNING_OUTSIDE,
  ENOUGH_CHECKIN_COL_NOTE,
  ENOUGH_CHECKIN_COL_REFLECTION,
  ENOUGH_CHECKIN_N_COLUMNS
};

/* Not a record's table: the Inner Critic's unsent composer text, one row
 * per dialogue (enough-store-drafts.c). Never exported nor searched. */
enum
{
  ENOUGH_DRAFT_COL_DIALOGUE_UUID,
  ENOUGH_DRAFT_COL_SPEAKER,
  ENOUGH_DRAFT_COL_TEXT,
  ENOUGH_DRAFT_N_COLUMNS
};

/* The widest table (the snapshot's ENOUGH_SNAPSHOT_MAX must hold it) */
#define ENOUGH_TABLE_MAX_COLUMNS ENOUGH_EXPERIMENT_N_COLUMNS

/* Where a search field sits in the index rowid: id * 64 + kind * 8 + slot
 * (enough-store-schema.c). Three bits, so at most 8 searchable fields per
 * kind, each with its own slot within the kind (a test checks). */
#define ENOUGH_SEARCH_SLOT(field) ((guint) (field) & 7u)

/* NULL for anything but the kinds DIALOGUE..ENOUGH_RECORD_KIND_LAST. */
const EnoughTable *enough_table_for_kind (EnoughRecordKind kind);
/* The search field of @kind in index slot @slot; 0 if none. */
EnoughSearchField  enough_table_search_field (EnoughRecordKind kind,
                                              guint            slot);

/* The drafts' table (its kind is 0: no record kind). */
const EnoughTable *enough_table_critic_draft (void);

/* "id, uuid, …" in table order, each name after @prefix (e.g. "t."). */
char       *enough_table_column_list   (const EnoughTable *table,
                                        const char        *prefix);
/* "INSERT INTO t (every column) VALUES (?, …)" then @suffix: parameter
 * N + 1 is column N. */
char       *enough_table_insert_sql    (const EnoughTable *table,
                                        const char        *suffix);
/* Made once and kept (any thread): the insert that updates every column
 * not FIXED when the id exists (the autosave's), and
 * "SELECT every column FROM t WHERE id = ?". */
const char *enough_table_upsert_sql    (const EnoughTable *table);
const char *enough_table_select_sql    (const EnoughTable *table);

G_END_DECLS
