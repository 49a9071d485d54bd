/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "enough-dates.h"
#include "enough-export.h"
#include "enough-import-private.h"
#include "enough-item-bank.h"
#include "enough-checkin.h"

/* Checking one entry (a tree of EnoughJsonValue) into the compact form:
 * types, required and unknown members, lengths, ranges, dates, enum and
 * flag names, ids well-formed and unique in the file. The first problem
 * is the error, its message starting with the place. */
/* ------------------------------------------------------------------------ */
/* Checking one entry (a tree of EnoughJsonValue) into the compact form. */

typedef struct
{
  EnoughImport *import;
  GError      **error;
  guint         entry;
  int           turn;  /* -1 outside turns */
  const EnoughJsonValue *vals;
  const char   *arena;
} Check;

#define VAL_STR(c, val) ((c)->arena + (val)->v.s.off)

G_GNUC_PRINTF (4, 5) static gboolean
check_fail (Check      *c,
            gint        code,
            const char *member,
            const char *format,
            ...)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autofree char *detail = NULL;
  va_list args;

  g_string_printf (path, "entries[%u]", c->entry);
  if (c->turn >= 0)
    g_string_append_printf (path, ".turns[%d]", c->turn);
  if (member != NULL)
    g_string_append_printf (path, ".%s", member);

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (c->error, ENOUGH_IMPORT_ERROR, code, "%s: %s", path->str, detail);
  return FALSE;
}

/* The member @name of the object @object, or NULL. */
static const EnoughJsonValue *
lookup (Check                 *c,
        const EnoughJsonValue *object,
        const char            *name)
{
  guint end = object->end;

  for (guint k = (guint) (object - c->vals) + 1; k < end; k = c->vals[k].end)
    if (strcmp (c->arena + c->vals[k].key, name) == 0)
      return &c->vals[k];
  return NULL;
}

static const EnoughJsonValue *
member_node (Check                 *c,
             const EnoughJsonValue *object,
             const char            *name,
             gboolean               required,
             gboolean              *ok)
{
  const EnoughJsonValue *node = lookup (c, object, name);

  *ok = TRUE;
  if (node == NULL && required)
    *ok = check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name, _("missing"));
  return node;
}

static gboolean
get_string (Check                  *c,
            const EnoughJsonValue  *object,
            const char             *name,
            gboolean                required,
            gsize                   max,
            const char            **out)
{
  gboolean ok;
  const EnoughJsonValue *node = member_node (c, object, name, required, &ok);

  *out = "";
  if (node == NULL)
    return ok;
  if (node->type != ENOUGH_JSON_VALUE_STRING)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name, _("expected a string"));
  if (node->v.s.len > max)
    return check_fail (c, ENOUGH_IMPORT_ERROR_TOO_LARGE, name, _("longer than %u bytes"), (guint) max);
  /* A plain copy: sharing equal texts (insert_const) hashed every text of
   * the file, ~10% of a big import; memory stays within the file's size. */
  *out = g_string_chunk_insert_len (c->import->strings, VAL_STR (c, node), (gssize) node->v.s.len);
  return TRUE;
}

/* An integer in [min, max]; null allowed if @null_value is not G_MININT64
 * (and then stored as it). */
static gboolean
get_int (Check                 *c,
         const EnoughJsonValue *object,
         const char            *name,
         gboolean               required,
         gint64                 min,
         gint64                 max,
         gint64                 null_value,
         gint64                 fallback,
         gint64                *out)
{
  gboolean ok;
  const EnoughJsonValue *node = member_node (c, object, name, required, &ok);
  gint64 v;

  *out = fallback;
  if (node == NULL)
    return ok;
  if (node->type == ENOUGH_JSON_VALUE_NULL && null_value != G_MININT64)
    {
      *out = null_value;
      return TRUE;
    }
  if (node->type != ENOUGH_JSON_VALUE_INT)
    return null_value != G_MININT64
           ? check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name,
                         _("expected a whole number from %lld to %lld or null"),
                         (long long) min, (long long) max)
           : check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name,
                         _("expected a whole number from %lld to %lld"),
                         (long long) min, (long long) max);
  v = node->v.i;
  if (v < min || v > max)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name,
                       /* Translators: a number in an imported file, then the range it must be in */
                       _("%lld is out of range (%lld to %lld)"),
                       (long long) v, (long long) min, (long long) max);
  *out = v;
  return TRUE;
}

static gboolean
get_timestamp (Check                 *c,
               const EnoughJsonValue *object,
               const char            *name,
               gboolean               required,
               gboolean               nullable,
               gint64                *out)
{
  gboolean ok;
  const EnoughJsonValue *node = member_node (c, object, name, required, &ok);

  *out = 0;
  if (node == NULL)
    return ok;
  if (nullable && node->type == ENOUGH_JSON_VALUE_NULL)
    return TRUE;
  if (node->type != ENOUGH_JSON_VALUE_STRING ||
      !enough_dates_parse_timestamp (VAL_STR (c, node), out) || *out == 0)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name,
                       nullable ? _("expected a date and time like 2026-03-01T09:30:00Z, or null")
                                : _("expected a date and time like 2026-03-01T09:30:00Z"));
  return TRUE;
}

static gboolean
get_uuid (Check                  *c,
          const EnoughJsonValue  *object,
          GHashTable             *seen,
          const char            **out)
{
  const char *s;

  if (!get_string (c, object, "id", TRUE, 64, &s))
    return FALSE;
  /* UUIDs are case-insensitive and the journal stores them lower-case (as
   * g_uuid_string_random() makes them): otherwise "A…" and "a…" would be
   * two entries. The string is our own copy in the chunk. */
  for (char *p = (char *) s; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  if (!g_uuid_string_is_valid (s))
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "id", _("expected a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e"));
  if (!g_hash_table_add (seen, (gpointer) s))
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "id", _("this id appears twice in the file"));
  *out = s;
  return TRUE;
}

static gboolean
get_flags (Check                 *c,
           const EnoughJsonValue *object,
           const char            *name,
           GType                  type,
           guint                 *out)
{
  gboolean ok;
  const EnoughJsonValue *node = member_node (c, object, name, FALSE, &ok);
  GFlagsClass *klass;
  gboolean result = TRUE;
  guint i = 0;

  *out = 0;
  if (node == NULL)
    return TRUE;
  if (node->type != ENOUGH_JSON_VALUE_ARRAY)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name, _("expected a list of names"));
  klass = g_type_class_ref (type);
  for (guint k = (guint) (node - c->vals) + 1; k < node->end && result; k = c->vals[k].end, i++)
    {
      const EnoughJsonValue *el = &c->vals[k];
      GFlagsValue *v = NULL;

      if (el->type == ENOUGH_JSON_VALUE_STRING)
        v = g_flags_get_value_by_nick (klass, VAL_STR (c, el));
      if (v == NULL || v->value == 0)
        {
          g_autoptr(GString) names = g_string_new (NULL);
          g_autofree char *el_name = g_strdup_printf ("%s[%u]", name, i);

          for (guint n = 0; n < klass->n_values; n++)
            if (klass->values[n].value != 0)
              g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "", klass->values[n].value_nick);
          result = check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, el_name, _("expected one of %s"), names->str);
        }
      else if (*out & v->value)
        {
          g_autofree char *el_name = g_strdup_printf ("%s[%u]", name, i);

          result = check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, el_name, _("listed twice"));
        }
      else
        *out |= v->value;
    }
  g_type_class_unref (klass);
  return result;
}

/* An enum nick of @type, if present (otherwise 0, unset). */
static gboolean
get_enum (Check                 *c,
          const EnoughJsonValue *object,
          const char            *name,
          GType                  type,
          gint64                *out)
{
  const EnoughJsonValue *node = lookup (c, object, name);
  GEnumClass *klass;
  GEnumValue *v = NULL;
  g_autoptr(GString) names = NULL;

  *out = 0;
  if (node == NULL)
    return TRUE;
  if (node->type != ENOUGH_JSON_VALUE_STRING)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name, _("expected a string"));
  if (node->v.s.len > 32)
    return check_fail (c, ENOUGH_IMPORT_ERROR_TOO_LARGE, name, _("longer than %u bytes"), 32);
  klass = g_type_class_ref (type);
  v = g_enum_get_value_by_nick (klass, VAL_STR (c, node));
  if (v != NULL)
    {
      *out = v->value;
      g_type_class_unref (klass);
      return TRUE;
    }
  names = g_string_new (NULL);
  for (guint n = 0; n < klass->n_values; n++)
    g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "", klass->values[n].value_nick);
  g_type_class_unref (klass);
  return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name, _("expected one of %s"), names->str);
}

/* Every member of an experiment: texts, ratings 0–100 or null, the two
 * enums, the date. */
static gboolean
check_experiment (Check                 *c,
                  const EnoughJsonValue *object,
                  ImportValue           *v)
{
  static const struct { const char *name; int col; } texts[] = {
    { "belief", ENOUGH_EXPERIMENT_COL_BELIEF },
    { "prediction", ENOUGH_EXPERIMENT_COL_PREDICTION },
    { "action", ENOUGH_EXPERIMENT_COL_ACTION },
    { "obstacles", ENOUGH_EXPERIMENT_COL_OBSTACLES },
    { "alternative", ENOUGH_EXPERIMENT_COL_ALTERNATIVE },
    { "outcome", ENOUGH_EXPERIMENT_COL_OUTCOME },
    { "learned", ENOUGH_EXPERIMENT_COL_LEARNED },
  };
  static const struct { const char *name; int col; } ratings[] = {
    { "belief_rating", ENOUGH_EXPERIMENT_COL_BELIEF_RATING },
    { "prediction_likelihood", ENOUGH_EXPERIMENT_COL_PREDICTION_LIKELIHOOD },
    { "alternative_rating", ENOUGH_EXPERIMENT_COL_ALTERNATIVE_RATING },
    { "belief_after", ENOUGH_EXPERIMENT_COL_BELIEF_AFTER },
    { "alternative_after", ENOUGH_EXPERIMENT_COL_ALTERNATIVE_AFTER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!get_string (c, object, texts[i].name, FALSE, ENOUGH_IMPORT_MAX_STRING, &v[texts[i].col].s))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    if (!get_int (c, object, ratings[i].name, FALSE, 0, 100, -1, -1, &v[ratings[i].col].i))
      return FALSE;
  if (!get_enum (c, object, "experiment_kind", ENOUGH_TYPE_EXPERIMENT_KIND,
                 &v[ENOUGH_EXPERIMENT_COL_EXPERIMENT_KIND].i) ||
      !get_enum (c, object, "came_true", ENOUGH_TYPE_CAME_TRUE, &v[ENOUGH_EXPERIMENT_COL_CAME_TRUE].i) ||
      !get_timestamp (c, object, "due_at", FALSE, TRUE, &v[ENOUGH_EXPERIMENT_COL_DUE_AT].i) ||
      !get_int (c, object, "due_has_time", FALSE, 0, 1, G_MININT64, 0,
                &v[ENOUGH_EXPERIMENT_COL_DUE_HAS_TIME].i))
    return FALSE;
  if (v[ENOUGH_EXPERIMENT_COL_DUE_HAS_TIME].i != 0 && v[ENOUGH_EXPERIMENT_COL_DUE_AT].i == 0)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "due_has_time",
                       _("a time needs a date: due_at is missing"));
  return TRUE;
}

/* A check-in: its day (a real date, once in the file), mood and energy
 * 0–10, daylight 0–32 half hours (0 to 16 hours), morning_outside 0/1,
 * each or null; the note and the reflection. */
static gboolean
check_checkin (Check                 *c,
               const EnoughJsonValue *object,
               ImportValue           *v)
{
  const char *day;

  if (!get_string (c, object, "day", TRUE, 10, &day))
    return FALSE;
  if (!enough_checkin_day_is_valid (day))
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "day", _("expected a day like 2026-03-01"));
  if (g_hash_table_contains (c->import->checkin_days, day))
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "day",
                       /* Translators: %s is a day like 2026-03-01 */
                       _("a second check-in for %s (there is one check-in a day)"), day);
  g_hash_table_add (c->import->checkin_days, (char *) day);
  v[ENOUGH_CHECKIN_COL_DAY].s = day;
  return get_int (c, object, "mood", FALSE, 0, ENOUGH_CHECKIN_SCALE_MAX, -1, -1, &v[ENOUGH_CHECKIN_COL_MOOD].i) &&
         get_int (c, object, "energy", FALSE, 0, ENOUGH_CHECKIN_SCALE_MAX, -1, -1, &v[ENOUGH_CHECKIN_COL_ENERGY].i) &&
         get_int (c, object, "daylight_half_hours", FALSE, 0, ENOUGH_CHECKIN_DAYLIGHT_MAX, -1, -1,
                  &v[ENOUGH_CHECKIN_COL_DAYLIGHT].i) &&
         get_int (c, object, "morning_outside", FALSE, 0, 1, -1, -1, &v[ENOUGH_CHECKIN_COL_MORNING_OUTSIDE].i) &&
         get_string (c, object, "note", FALSE, ENOUGH_IMPORT_MAX_STRING, &v[ENOUGH_CHECKIN_COL_NOTE].s) &&
         get_string (c, object, "reflection", FALSE, ENOUGH_IMPORT_MAX_STRING,
                     &v[ENOUGH_CHECKIN_COL_REFLECTION].s);
}

/* Is @name a JSON member of @table's rows? */
static gboolean
is_member_of (const EnoughTable *table,
              const char        *name)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (table->columns[i].json_name != NULL && strcmp (table->columns[i].json_name, name) == 0)
      return TRUE;
  return FALSE;
}

/* Only members of @table, and @extra (NULL-terminated). */
static gboolean
only_members (Check                 *c,
              const EnoughJsonValue *object,
              const EnoughTable     *table,
              const char *const     *extra)
{
  for (guint k = (guint) (object - c->vals) + 1; k < object->end; k = c->vals[k].end)
    {
      const char *name = c->arena + c->vals[k].key;

      if (!is_member_of (table, name) && !g_strv_contains (extra, name))
        return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name, _("unknown member"));
    }
  return TRUE;
}

static gboolean
check_turn (Check                 *c,
            const EnoughJsonValue *node,
            ImportTurn            *turn)
{
  static const char *const none[] = { NULL };
  const EnoughJsonValue *speaker;
  gboolean ok;

  if (node->type != ENOUGH_JSON_VALUE_OBJECT)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, NULL, _("expected an object"));
  if (!only_members (c, node, enough_table_for_kind (ENOUGH_RECORD_KIND_TURN), none) ||
      !get_uuid (c, node, c->import->turn_ids, &turn->uuid) ||
      !get_timestamp (c, node, "created", TRUE, FALSE, &turn->created) ||
      !get_timestamp (c, node, "updated", TRUE, FALSE, &turn->updated))
    return FALSE;

  speaker = member_node (c, node, "speaker", TRUE, &ok);
  if (!ok)
    return FALSE;
  if (speaker->type != ENOUGH_JSON_VALUE_STRING || !enough_speaker_from_string (VAL_STR (c, speaker), &turn->speaker))
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "speaker", _("expected “critic” or “me”"));
  return get_string (c, node, "text", FALSE, ENOUGH_IMPORT_MAX_STRING, &turn->text) &&
         get_flags (c, node, "patterns", ENOUGH_TYPE_PATTERNS, &turn->patterns);
}

static gboolean
check_entry (Check                 *c,
             const EnoughJsonValue *object,
             ImportEntry           *e)
{
  static const char *const dialogue_extra[] = { "kind", "turns", NULL };
  static const char *const entry_extra[] = { "kind", NULL };
  EnoughImport *import = c->import;
  ImportValue *v = e->v;
  const EnoughJsonValue *kind;
  gboolean ok;

  if (object->type != ENOUGH_JSON_VALUE_OBJECT)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, NULL, _("expected an object"));

  kind = member_node (c, object, "kind", TRUE, &ok);
  if (!ok)
    return FALSE;
  if (kind->type != ENOUGH_JSON_VALUE_STRING)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "kind", _("expected a string"));
  if (kind->v.s.len > 32)
    return check_fail (c, ENOUGH_IMPORT_ERROR_TOO_LARGE, "kind", _("longer than %u bytes"), 32);
  if (g_str_equal (VAL_STR (c, kind), "dialogue"))
    e->kind = ENOUGH_RECORD_KIND_DIALOGUE;
  else if (g_str_equal (VAL_STR (c, kind), "letter"))
    e->kind = ENOUGH_RECORD_KIND_LETTER;
  else if (g_str_equal (VAL_STR (c, kind), "self-check"))
    e->kind = ENOUGH_RECORD_KIND_SELF_CHECK;
  else if (g_str_equal (VAL_STR (c, kind), "experiment"))
    e->kind = ENOUGH_RECORD_KIND_EXPERIMENT;
  else if (g_str_equal (VAL_STR (c, kind), "checkin"))
    e->kind = ENOUGH_RECORD_KIND_CHECKIN;
  else
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "kind",
                       _("expected “dialogue”, “letter”, “self-check”, “experiment” or “checkin”"));

  if (!only_members (c, object, enough_table_for_kind (e->kind),
                     e->kind == ENOUGH_RECORD_KIND_DIALOGUE ? dialogue_extra : entry_extra) ||
      !get_uuid (c, object, import->entry_ids, &v[ENOUGH_COL_UUID].s) ||
      !get_timestamp (c, object, "created", TRUE, FALSE, &v[ENOUGH_COL_CREATED].i) ||
      !get_timestamp (c, object, "updated", TRUE, FALSE, &v[ENOUGH_COL_UPDATED].i))
    return FALSE;

  switch (e->kind)
    {
    case ENOUGH_RECORD_KIND_DIALOGUE:
      {
        const EnoughJsonValue *turns;

        if (!get_string (c, object, "title", FALSE, ENOUGH_IMPORT_MAX_SHORT,
                         &v[ENOUGH_DIALOGUE_COL_TITLE].s) ||
            !get_string (c, object, "critic_name", FALSE, ENOUGH_IMPORT_MAX_SHORT,
                         &v[ENOUGH_DIALOGUE_COL_CRITIC_NAME].s) ||
            !get_int (c, object, "intensity_start", FALSE, 0, 10, -1, -1,
                      &v[ENOUGH_DIALOGUE_COL_INTENSITY_START].i) ||
            !get_int (c, object, "intensity_end", FALSE, 0, 10, -1, -1,
                      &v[ENOUGH_DIALOGUE_COL_INTENSITY_END].i) ||
            !get_int (c, object, "prompt_step", FALSE, 0, 6, G_MININT64, 0,
                      &v[ENOUGH_DIALOGUE_COL_PROMPT_STEP].i))
          return FALSE;

        e->first_turn = import->turns->len;
        turns = member_node (c, object, "turns", FALSE, &ok);
        if (turns != NULL)
          {
            guint i = 0;

            if (turns->type != ENOUGH_JSON_VALUE_ARRAY)
              return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "turns", _("expected a list"));
            if (turns->n > ENOUGH_IMPORT_MAX_TURNS)
              return check_fail (c, ENOUGH_IMPORT_ERROR_TOO_LARGE, "turns",
                                 _("more than %u turns"), (guint) ENOUGH_IMPORT_MAX_TURNS);
            for (guint k = (guint) (turns - c->vals) + 1; k < turns->end; k = c->vals[k].end, i++)
              {
                ImportTurn turn = { 0 };

                c->turn = (int) i;
                if (!check_turn (c, &c->vals[k], &turn))
                  return FALSE;
                g_array_append_val (import->turns, turn);
              }
            c->turn = -1;
          }
        e->n_turns = import->turns->len - e->first_turn;
      }
      break;

    case ENOUGH_RECORD_KIND_LETTER:
      {
        const EnoughJsonValue *reread;
        guint feelings;

        if (!get_string (c, object, "not_good_enough", FALSE, ENOUGH_IMPORT_MAX_STRING,
                         &v[ENOUGH_LETTER_COL_NOT_GOOD_ENOUGH].s) ||
            !get_string (c, object, "text", FALSE, ENOUGH_IMPORT_MAX_STRING,
                         &v[ENOUGH_LETTER_COL_TEXT].s) ||
            !get_string (c, object, "takeaway", FALSE, ENOUGH_IMPORT_MAX_STRING,
                         &v[ENOUGH_LETTER_COL_TAKEAWAY].s) ||
            !get_flags (c, object, "feelings", ENOUGH_TYPE_FEELINGS, &feelings) ||
            !get_int (c, object, "step", FALSE, 0, 2, G_MININT64, 0, &v[ENOUGH_LETTER_COL_STEP].i) ||
            !get_timestamp (c, object, "reread_at", FALSE, TRUE, &v[ENOUGH_LETTER_COL_REREAD_AT].i) ||
            !get_timestamp (c, object, "reread_done_at", FALSE, TRUE,
                            &v[ENOUGH_LETTER_COL_REREAD_DONE_AT].i))
          return FALSE;
        v[ENOUGH_LETTER_COL_FEELINGS].i = feelings;

        reread = lookup (c, object, "reread");
        if (reread != NULL)
          {
            GEnumValue *nick = NULL;

            if (reread->type != ENOUGH_JSON_VALUE_STRING)
              return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "reread", _("expected a string"));
            if (reread->v.s.len > 32)
              return check_fail (c, ENOUGH_IMPORT_ERROR_TOO_LARGE, "reread", _("longer than %u bytes"), 32);
            {
              GEnumClass *klass = g_type_class_ref (ENOUGH_TYPE_REREAD);

              nick = g_enum_get_value_by_nick (klass, VAL_STR (c, reread));
              g_type_class_unref (klass);
            }
            if (nick == NULL)
              return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "reread",
                                 _("expected “unset”, “15-minutes”, “evening”, “tomorrow”, “next-week” or “never”"));
            v[ENOUGH_LETTER_COL_REREAD].i = nick->value;
          }
      }
      break;

    case ENOUGH_RECORD_KIND_SELF_CHECK:
      {
        const EnoughJsonValue *answers;
        char digits[ENOUGH_SELF_CHECK_N_ITEMS + 1];
        guint bank_version;
        guint n_items;
        guint i = 0;
        gboolean all_answered = TRUE;

        if (!get_int (c, object, "bank_version", TRUE, 1, G_MAXINT, G_MININT64, 0,
                      &v[ENOUGH_SELF_CHECK_COL_BANK_VERSION].i))
          return FALSE;
        bank_version = (guint) v[ENOUGH_SELF_CHECK_COL_BANK_VERSION].i;
        if (!enough_item_bank_has_version (bank_version))
          return check_fail (c, ENOUGH_IMPORT_ERROR_NEWER_VERSION, "bank_version",
                             _("this Self-Check was answered with statements from a newer version of Enough"));
        n_items = enough_item_bank_get_n_items (bank_version);
        if (n_items != ENOUGH_SELF_CHECK_N_ITEMS)
          return check_fail (c, ENOUGH_IMPORT_ERROR_NEWER_VERSION, "bank_version",
                             _("this Self-Check was answered with statements from a newer version of Enough"));

        answers = member_node (c, object, "answers", TRUE, &ok);
        if (!ok)
          return FALSE;
        if (answers->type != ENOUGH_JSON_VALUE_ARRAY || answers->n != n_items)
          return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "answers",
                             _("expected a list of %u answers"), n_items);
        for (guint k = (guint) (answers - c->vals) + 1; k < answers->end; k = c->vals[k].end, i++)
          {
            const EnoughJsonValue *el = &c->vals[k];
            gint64 answer = el->type == ENOUGH_JSON_VALUE_INT ? el->v.i : -1;

            if (answer < 0 || answer > 5)
              {
                g_autofree char *el_name = g_strdup_printf ("answers[%u]", i);
                return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, el_name,
                                   _("expected 0 (not answered) or an answer from 1 to 5"));
              }
            digits[i] = (char) ('0' + answer);
            all_answered &= answer != 0;
          }
        v[ENOUGH_SELF_CHECK_COL_ANSWERS].s = g_string_chunk_insert_len (import->strings, digits, n_items);

        if (!get_int (c, object, "current_index", FALSE, 0, n_items - 1, G_MININT64, 0,
                      &v[ENOUGH_SELF_CHECK_COL_CURRENT_INDEX].i) ||
            !get_timestamp (c, object, "completed_at", FALSE, TRUE,
                            &v[ENOUGH_SELF_CHECK_COL_COMPLETED_AT].i) ||
            !get_string (c, object, "note", FALSE, ENOUGH_IMPORT_MAX_STRING,
                         &v[ENOUGH_SELF_CHECK_COL_NOTE].s))
          return FALSE;
        if (v[ENOUGH_SELF_CHECK_COL_COMPLETED_AT].i != 0 && !all_answered)
          return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "completed_at",
                             _("a finished Self-Check must have every statement answered"));
      }
      break;

    case ENOUGH_RECORD_KIND_EXPERIMENT:
      if (!check_experiment (c, object, v))
        return FALSE;
      break;

    case ENOUGH_RECORD_KIND_CHECKIN:
      if (!check_checkin (c, object, v))
        return FALSE;
      break;

    case ENOUGH_RECORD_KIND_TURN:
    default:
      g_assert_not_reached ();
    }

  import->n_of_kind[e->kind]++;
  import->n_of_kind[ENOUGH_RECORD_KIND_TURN] += e->n_turns;
  return TRUE;
}

gboolean
_enough_import_check_entry (EnoughImport           *import,
                            const EnoughJsonValue  *root,
                            const char             *arena,
                            guint                   index,
                            ImportEntry            *e,
                            GError                **error)
{
  Check c = { import, error, index, -1, root, arena };

  return check_entry (&c, root, e);
}
