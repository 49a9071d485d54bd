/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-tables.h"

#define COMMON_COLUMNS \
  { "id", ENOUGH_COLUMN_FIXED, NULL, ENOUGH_JSON_NONE, NULL, 0 }, \
  { "uuid", ENOUGH_COLUMN_TEXT | ENOUGH_COLUMN_FIXED, "id", ENOUGH_JSON_STRING, NULL, 0 }, \
  { "created", ENOUGH_COLUMN_FIXED, "created", ENOUGH_JSON_TIME, NULL, 0 }, \
  { "updated", 0, "updated", ENOUGH_JSON_TIME, NULL, 0 }, \
  { "deleted_at", 0, NULL, ENOUGH_JSON_NONE, NULL, 0 }

static const EnoughColumn dialogue_columns[] = {
  COMMON_COLUMNS,
  { "title", ENOUGH_COLUMN_TEXT, "title", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_TITLE },
  { "critic_name", ENOUGH_COLUMN_TEXT, "critic_name", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_CRITIC_NAME },
  { "intensity_start", 0, "intensity_start", ENOUGH_JSON_INT_OR_NULL, NULL, 0 },
  { "intensity_end", 0, "intensity_end", ENOUGH_JSON_INT_OR_NULL, NULL, 0 },
  { "prompt_step", 0, "prompt_step", ENOUGH_JSON_INT, NULL, 0 },
};

static const EnoughColumn turn_columns[] = {
  COMMON_COLUMNS,
  { "dialogue_id", ENOUGH_COLUMN_FIXED, NULL, ENOUGH_JSON_NONE, NULL, 0 },
  { "position", 0, NULL, ENOUGH_JSON_NONE, NULL, 0 },
  { "speaker", 0, "speaker", ENOUGH_JSON_SPEAKER, NULL, 0 },
  { "text", ENOUGH_COLUMN_TEXT, "text", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_TURN },
  { "patterns", 0, "patterns", ENOUGH_JSON_FLAGS, enough_patterns_get_type, 0 },
};

static const EnoughColumn letter_columns[] = {
  COMMON_COLUMNS,
  { "not_good_enough", ENOUGH_COLUMN_TEXT, "not_good_enough", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_NOT_GOOD_ENOUGH },
  { "feelings", 0, "feelings", ENOUGH_JSON_FLAGS, enough_feelings_get_type, 0 },
  { "text", ENOUGH_COLUMN_TEXT, "text", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_LETTER },
  { "step", 0, "step", ENOUGH_JSON_INT, NULL, 0 },
  { "reread", 0, "reread", ENOUGH_JSON_ENUM, enough_reread_get_type, 0 },
  { "reread_at", 0, "reread_at", ENOUGH_JSON_TIME_OR_NULL, NULL, 0 },
  { "reread_done_at", 0, "reread_done_at", ENOUGH_JSON_TIME_OR_NULL, NULL, 0 },
  { "takeaway", ENOUGH_COLUMN_TEXT, "takeaway", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_TAKEAWAY },
};

static const EnoughColumn self_check_columns[] = {
  COMMON_COLUMNS,
  { "bank_version", ENOUGH_COLUMN_FIXED, "bank_version", ENOUGH_JSON_INT, NULL, 0 },
  { "answers", ENOUGH_COLUMN_TEXT, "answers", ENOUGH_JSON_ANSWERS, NULL, 0 },
  { "current_index", 0, "current_index", ENOUGH_JSON_INT, NULL, 0 },
  { "completed_at", 0, "completed_at", ENOUGH_JSON_TIME_OR_NULL, NULL, 0 },
  { "note", ENOUGH_COLUMN_TEXT, "note", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_NOTE },
};

/* Ratings are 0–100 or null (-1). */
static const EnoughColumn experiment_columns[] = {
  COMMON_COLUMNS,
  { "belief", ENOUGH_COLUMN_TEXT, "belief", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_BELIEF },
  { "belief_rating", 0, "belief_rating", ENOUGH_JSON_INT_OR_NULL, NULL, 0 },
  { "prediction", ENOUGH_COLUMN_TEXT, "prediction", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_PREDICTION },
  { "prediction_likelihood", 0, "prediction_likelihood", ENOUGH_JSON_INT_OR_NULL, NULL, 0 },
  { "experiment_kind", 0, "experiment_kind", ENOUGH_JSON_ENUM, enough_experiment_kind_get_type, 0 },
  { "action", ENOUGH_COLUMN_TEXT, "action", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_ACTION },
  { "due_at", 0, "due_at", ENOUGH_JSON_TIME_OR_NULL, NULL, 0 },
  { "due_has_time", 0, "due_has_time", ENOUGH_JSON_INT, NULL, 0 },
  { "obstacles", ENOUGH_COLUMN_TEXT, "obstacles", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_OBSTACLES },
  { "alternative", ENOUGH_COLUMN_TEXT, "alternative", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_ALTERNATIVE },
  { "alternative_rating", 0, "alternative_rating", ENOUGH_JSON_INT_OR_NULL, NULL, 0 },
  { "outcome", ENOUGH_COLUMN_TEXT, "outcome", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_OUTCOME },
  { "came_true", 0, "came_true", ENOUGH_JSON_ENUM, enough_came_true_get_type, 0 },
  { "learned", ENOUGH_COLUMN_TEXT, "learned", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_LEARNED },
  { "belief_after", 0, "belief_after", ENOUGH_JSON_INT_OR_NULL, NULL, 0 },
  { "alternative_after", 0, "alternative_after", ENOUGH_JSON_INT_OR_NULL, NULL, 0 },
};

/* The daily check-in: day is "YYYY-MM-DD" (the local day, one per day);
 * mood and energy 0–10, daylight in half hours 0–32, morning_outside 0/1;
 * -1 (null in JSON) = not given. */
static const EnoughColumn checkin_columns[] = {
  COMMON_COLUMNS,
  { "day", ENOUGH_COLUMN_TEXT | ENOUGH_COLUMN_FIXED, "day", ENOUGH_JSON_STRING, NULL, 0 },
  { "mood", 0, "mood", ENOUGH_JSON_INT_OR_NULL, NULL, 0 },
  { "energy", 0, "energy", ENOUGH_JSON_INT_OR_NULL, NULL, 0 },
  { "daylight", 0, "daylight_half_hours", ENOUGH_JSON_INT_OR_NULL, NULL, 0 },
  { "morning_outside", 0, "morning_outside", ENOUGH_JSON_INT_OR_NULL, NULL, 0 },
  { "note", ENOUGH_COLUMN_TEXT, "note", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_CHECKIN_NOTE },
  { "reflection", ENOUGH_COLUMN_TEXT, "reflection", ENOUGH_JSON_STRING, NULL, ENOUGH_SEARCH_FIELD_REFLECTION },
};

/* speaker is an EnoughSpeaker (0 critic, 1 me). */
static const EnoughColumn critic_draft_columns[] = {
  { "dialogue_uuid", ENOUGH_COLUMN_TEXT | ENOUGH_COLUMN_FIXED, NULL, ENOUGH_JSON_NONE, NULL, 0 },
  { "speaker", 0, NULL, ENOUGH_JSON_NONE, NULL, 0 },
  { "text", ENOUGH_COLUMN_TEXT, NULL, ENOUGH_JSON_NONE, NULL, 0 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (critic_draft_columns) == ENOUGH_DRAFT_N_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (checkin_columns) == ENOUGH_CHECKIN_N_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (dialogue_columns) == ENOUGH_DIALOGUE_N_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (turn_columns) == ENOUGH_TURN_N_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (letter_columns) == ENOUGH_LETTER_N_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (self_check_columns) == ENOUGH_SELF_CHECK_N_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (experiment_columns) == ENOUGH_EXPERIMENT_N_COLUMNS);

#define TABLE(kind, name, columns) \
  [kind] = { kind, name, columns, G_N_ELEMENTS (columns) }

static const EnoughTable tables[] = {
  TABLE (ENOUGH_RECORD_KIND_DIALOGUE, "dialogue", dialogue_columns),
  TABLE (ENOUGH_RECORD_KIND_TURN, "turn", turn_columns),
  TABLE (ENOUGH_RECORD_KIND_LETTER, "letter", letter_columns),
  TABLE (ENOUGH_RECORD_KIND_SELF_CHECK, "self_check", self_check_columns),
  TABLE (ENOUGH_RECORD_KIND_EXPERIMENT, "experiment", experiment_columns),
  TABLE (ENOUGH_RECORD_KIND_CHECKIN, "checkin", checkin_columns),
};

G_STATIC_ASSERT (G_N_ELEMENTS (tables) == ENOUGH_RECORD_N_KINDS);

static const EnoughTable critic_draft_table = {
  0, "critic_draft", critic_draft_columns, G_N_ELEMENTS (critic_draft_columns)
};

const EnoughTable *
enough_table_critic_draft (void)
{
  return &critic_draft_table;
}

const EnoughTable *
enough_table_for_kind (EnoughRecordKind kind)
{
  if (kind < ENOUGH_RECORD_KIND_DIALOGUE || kind > ENOUGH_RECORD_KIND_LAST)
    return NULL;
  return &tables[kind];
}

EnoughSearchField
enough_table_search_field (EnoughRecordKind kind,
                           guint            slot)
{
  const EnoughTable *table = enough_table_for_kind (kind);

  for (guint i = 0; table != NULL && i < table->n_columns; i++)
    if (table->columns[i].search_field != 0 &&
        ENOUGH_SEARCH_SLOT (table->columns[i].search_field) == slot)
      return table->columns[i].search_field;
  return 0;
}

char *
enough_table_column_list (const EnoughTable *table,
                          const char        *prefix)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (s, "%s%s%s", i > 0 ? ", " : "", prefix, table->columns[i].name);
  return g_string_free (s, FALSE);
}

char *
enough_table_insert_sql (const EnoughTable *table,
                         const char        *suffix)
{
  g_autofree char *columns = enough_table_column_list (table, "");
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "INSERT INTO %s (%s) VALUES (", table->name, columns);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append (s, i > 0 ? ",?" : "?");
  g_string_append_c (s, ')');
  g_string_append (s, suffix);
  return g_string_free (s, FALSE);
}

static char *
make_upsert_sql (const EnoughTable *table)
{
  g_autoptr(GString) update = g_string_new (" ON CONFLICT (id) DO UPDATE SET ");
  gboolean first = TRUE;

  for (guint i = 0; i < table->n_columns; i++)
    {
      if (table->columns[i].flags & ENOUGH_COLUMN_FIXED)
        continue;
      g_string_append_printf (update, "%s%s = excluded.%s", first ? "" : ", ",
                              table->columns[i].name, table->columns[i].name);
      first = FALSE;
    }
  return enough_table_insert_sql (table, update->str);
}

static char *upsert_sql[G_N_ELEMENTS (tables)];
static char *select_sql[G_N_ELEMENTS (tables)];

static void
make_sql (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint k = ENOUGH_RECORD_KIND_DIALOGUE; k <= ENOUGH_RECORD_KIND_LAST; k++)
        {
          g_autofree char *columns = enough_table_column_list (&tables[k], "");

          upsert_sql[k] = make_upsert_sql (&tables[k]);
          select_sql[k] = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", columns, tables[k].name);
        }
      g_once_init_leave (&done, 1);
    }
}

const char *
enough_table_upsert_sql (const EnoughTable *table)
{
  make_sql ();
  return upsert_sql[table->kind];
}

const char *
enough_table_select_sql (const EnoughTable *table)
{
  make_sql ();
  return select_sql[table->kind];
}
