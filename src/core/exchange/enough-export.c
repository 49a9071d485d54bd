/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "enough-export.h"
#include "enough-item-bank.h"
#include "enough-self-check-scoring.h"
#include "enough-store-private.h"

/* ------------------------------------------------------------------------ */
/* Timestamps: plain arithmetic, no time zone database (a million of them
 * in a big export). Days from the civil date, after H. Hinnant. */

static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 gint64 *y,
                 guint  *m,
                 guint  *d)
{
  gint64 era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (guint) (doy - (153 * mp + 2) / 5 + 1);
  *m = (guint) (mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

#define USEC_PER_DAY (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
/* 1970-01-01 … 9999-12-31T23:59:59.999999Z */
#define MAX_TIMESTAMP (G_GINT64_CONSTANT (253402300799999999))

static void
format_timestamp_into (gint64  usec,
                       char    buf[40])
{
  gint64 days, rem, y;
  guint m, d, frac;

  usec = CLAMP (usec, 0, MAX_TIMESTAMP);
  days = usec / USEC_PER_DAY;
  rem = usec % USEC_PER_DAY;
  civil_from_days (days, &y, &m, &d);
  frac = (guint) (rem % G_USEC_PER_SEC);
  rem /= G_USEC_PER_SEC;
  if (frac != 0)
    g_snprintf (buf, 40, "%04d-%02u-%02uT%02d:%02d:%02d.%06uZ", (int) y, m, d,
                (int) (rem / 3600), (int) (rem / 60 % 60), (int) (rem % 60), frac);
  else
    g_snprintf (buf, 40, "%04d-%02u-%02uT%02d:%02d:%02dZ", (int) y, m, d,
                (int) (rem / 3600), (int) (rem / 60 % 60), (int) (rem % 60));
}

char *
enough_export_format_timestamp (gint64 usec)
{
  char buf[40];

  format_timestamp_into (usec, buf);
  return g_strdup (buf);
}

static gboolean
digits (const char *s,
        guint       n,
        guint      *out)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (guint) (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

static guint
days_in_month (guint y,
               guint m)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return days[m - 1];
}

gboolean
enough_export_parse_timestamp (const char *text,
                               gint64     *out_usec)
{
  guint y, mo, d, h, mi, s, frac = 0;
  const char *p;
  gint64 usec;
  int offset_min = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  /* YYYY-MM-DDTHH:MM:SS[.f{1,6}](Z|±HH:MM), nothing else: strict, so a
   * round trip is exact and odd input is refused rather than guessed. */
  if (strlen (text) < 20 ||
      !digits (text, 4, &y) || text[4] != '-' || !digits (text + 5, 2, &mo) ||
      text[7] != '-' || !digits (text + 8, 2, &d) || (text[10] != 'T' && text[10] != 't') ||
      !digits (text + 11, 2, &h) || text[13] != ':' || !digits (text + 14, 2, &mi) ||
      text[16] != ':' || !digits (text + 17, 2, &s))
    return FALSE;
  p = text + 19;
  if (*p == '.')
    {
      guint n = 0;

      p++;
      while (g_ascii_isdigit (p[n]))
        n++;
      if (n == 0 || n > 6 || !digits (p, n, &frac))
        return FALSE;
      for (guint i = n; i < 6; i++)
        frac *= 10;
      p += n;
    }
  if ((*p == 'Z' || *p == 'z') && p[1] == '\0')
    offset_min = 0;
  else if ((*p == '+' || *p == '-') && strlen (p) == 6 && p[3] == ':')
    {
      guint oh, om;

      if (!digits (p + 1, 2, &oh) || !digits (p + 4, 2, &om) || oh > 23 || om > 59)
        return FALSE;
      offset_min = (int) (oh * 60 + om) * (*p == '-' ? -1 : 1);
    }
  else
    return FALSE;

  if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > days_in_month (y, mo) ||
      h > 23 || mi > 59 || s > 59)
    return FALSE;

  usec = days_from_civil (y, mo, d) * USEC_PER_DAY +
         ((gint64) h * 3600 + mi * 60 + s - (gint64) offset_min * 60) * G_USEC_PER_SEC + frac;
  if (usec < 0 || usec > MAX_TIMESTAMP)
    return FALSE;
  *out_usec = usec;
  return TRUE;
}

gboolean
enough_export_parse_date (const char  *text,
                          gboolean     end_of_day,
                          gint64      *out_usec,
                          GError     **error)
{
  guint y, m, d;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) == 10 && digits (text, 4, &y) && text[4] == '-' &&
      digits (text + 5, 2, &m) && text[7] == '-' && digits (text + 8, 2, &d) &&
      y >= 1970 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month (y, m))
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      g_autoptr(GDateTime) day = g_date_time_new (tz, (int) y, (int) m, (int) d, 0, 0, 0);
      g_autoptr(GDateTime) next = NULL;

      if (day != NULL && end_of_day)
        next = g_date_time_add_days (day, 1);
      if (day != NULL)
        {
          *out_usec = g_date_time_to_unix (end_of_day ? next : day) * G_USEC_PER_SEC;
          return TRUE;
        }
    }
  else if (enough_export_parse_timestamp (text, out_usec))
    {
      return TRUE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               /* Translators: %s is what the user typed after --from or --to */
               _("“%s” is not a date; write it like 2026-03-01"), text);
  return FALSE;
}

gboolean
enough_export_format_for_path (const char         *path,
                               EnoughExportFormat *out_format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".json"))
    *out_format = ENOUGH_EXPORT_JSON;
  else if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    *out_format = ENOUGH_EXPORT_MARKDOWN;
  else
    return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Reading */

typedef struct
{
  sqlite3             *db;
  sqlite3_stmt        *list;
  sqlite3_stmt        *load[5];
  sqlite3_stmt        *turns;
  GOutputStream       *stream;
  GCancellable        *cancellable;
  EnoughExportOptions  options;
  GString             *buf;
  guint                n_entries;
} Export;

static const char *const load_sql[5] = {
  [ENOUGH_RECORD_KIND_DIALOGUE] =
    "SELECT id, uuid, created, updated, title, critic_name, intensity_start,"
    " intensity_end, prompt_step FROM dialogue WHERE id = ?",
  [ENOUGH_RECORD_KIND_LETTER] =
    "SELECT id, uuid, created, updated, not_good_enough, feelings, text, step,"
    " reread, reread_at, reread_done_at, takeaway FROM letter WHERE id = ?",
  [ENOUGH_RECORD_KIND_SELF_CHECK] =
    "SELECT id, uuid, created, updated, bank_version, answers, current_index,"
    " completed_at, note FROM self_check WHERE id = ?",
};

static const char turns_sql[] =
  "SELECT uuid, created, updated, speaker, text, patterns FROM turn"
  " WHERE dialogue_id = ? AND deleted_at = 0 ORDER BY position, id";

static void
set_db_error (GError     **error,
              sqlite3     *db)
{
  g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_IO,
               /* Translators: %s is a technical detail from the database */
               _("The journal could not be read: %s"),
               db != NULL ? sqlite3_errmsg (db) : "out of memory");
}

static gboolean
export_open (Export      *ex,
             const char  *db_path,
             GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT kind, id FROM (");
  const char *sep = "";
  static const struct { EnoughExportKinds flag; int kind; const char *table; } parts[] = {
    { ENOUGH_EXPORT_DIALOGUES, ENOUGH_RECORD_KIND_DIALOGUE, "dialogue" },
    { ENOUGH_EXPORT_LETTERS, ENOUGH_RECORD_KIND_LETTER, "letter" },
    { ENOUGH_EXPORT_SELF_CHECKS, ENOUGH_RECORD_KIND_SELF_CHECK, "self_check" },
  };
  EnoughExportKinds kinds = ex->options.kinds != 0 ? ex->options.kinds : ENOUGH_EXPORT_ALL;

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_FOUND,
                   _("There is no journal at “%s” yet."), db_path);
      return FALSE;
    }
  if (sqlite3_open_v2 (db_path, &ex->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      set_db_error (error, ex->db);
      return FALSE;
    }
  sqlite3_busy_timeout (ex->db, 5000);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (!(kinds & parts[i].flag))
        continue;
      g_string_append_printf (sql, "%sSELECT %d AS kind, id, created FROM %s"
                              " WHERE deleted_at = 0 AND created >= ?1 AND created < ?2",
                              sep, parts[i].kind, parts[i].table);
      sep = " UNION ALL ";
    }
  if (*sep == '\0')
    g_string_append (sql, "SELECT 0 AS kind, 0 AS id, 0 AS created WHERE 0");
  g_string_append (sql, ") ORDER BY created, kind, id");

  /* One read transaction: the whole export is one moment of the journal. */
  if (sqlite3_exec (ex->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (ex->db, sql->str, -1, &ex->list, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (ex->db, turns_sql, -1, &ex->turns, NULL) != SQLITE_OK)
    {
      set_db_error (error, ex->db);
      return FALSE;
    }
  for (int k = ENOUGH_RECORD_KIND_DIALOGUE; k <= ENOUGH_RECORD_KIND_SELF_CHECK; k++)
    if (load_sql[k] != NULL &&
        sqlite3_prepare_v2 (ex->db, load_sql[k], -1, &ex->load[k], NULL) != SQLITE_OK)
      {
        set_db_error (error, ex->db);
        return FALSE;
      }

  sqlite3_bind_int64 (ex->list, 1, ex->options.from_usec);
  sqlite3_bind_int64 (ex->list, 2, ex->options.to_usec > 0 ? ex->options.to_usec : G_MAXINT64);
  return TRUE;
}

static void
export_close (Export *ex)
{
  g_clear_pointer (&ex->list, sqlite3_finalize);
  g_clear_pointer (&ex->turns, sqlite3_finalize);
  for (guint i = 0; i < G_N_ELEMENTS (ex->load); i++)
    g_clear_pointer (&ex->load[i], sqlite3_finalize);
  if (ex->db != NULL)
    sqlite3_exec (ex->db, "COMMIT", NULL, NULL, NULL);
  g_clear_pointer (&ex->db, sqlite3_close);
  if (ex->buf != NULL)
    g_string_free (ex->buf, TRUE);
  ex->buf = NULL;
}

static const char *
col_text (sqlite3_stmt *stmt,
          int           col)
{
  const char *s = (const char *) sqlite3_column_text (stmt, col);
  return s != NULL ? s : "";
}

static gboolean
write_buf (Export  *ex,
           GError **error)
{
  gboolean ok = g_output_stream_write_all (ex->stream, ex->buf->str, ex->buf->len,
                                           NULL, ex->cancellable, error);
  g_string_truncate (ex->buf, 0);
  return ok;
}

/* ------------------------------------------------------------------------ */
/* JSON */

/* The JSON is written straight from the rows (a json-glib tree per entry
 * cost more than the rest of the export together), as the importer reads
 * it without one (enough-import.c); the tests read it back with json-glib
 * too. Strings are escaped as json-glib 1.6's generator does, so
 * the document is byte for byte what it made: " and \ with a backslash,
 * \b \f \n \r \t by name, other control characters and DEL as \u00XX,
 * everything else (UTF-8 included) as it is. One deliberate difference:
 * json-glib 1.6 leaves U+001F raw, which RFC 8259 forbids; it is \u001f
 * here. */
void
_enough_export_json_escape (GString    *out,
                            const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p = (const guchar *) text;
  const guchar *run = p;

  for (;; p++)
    {
      guchar c = *p;

      if (G_LIKELY (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f))
        continue;
      if (p > run)
        g_string_append_len (out, (const char *) run, p - run);
      run = p + 1;
      switch (c)
        {
        case '\0':
          return;
        case '"':
          g_string_append_len (out, "\\\"", 2);
          break;
        case '\\':
          g_string_append_len (out, "\\\\", 2);
          break;
        case '\b':
          g_string_append_len (out, "\\b", 2);
          break;
        case '\f':
          g_string_append_len (out, "\\f", 2);
          break;
        case '\n':
          g_string_append_len (out, "\\n", 2);
          break;
        case '\r':
          g_string_append_len (out, "\\r", 2);
          break;
        case '\t':
          g_string_append_len (out, "\\t", 2);
          break;
        default:
          {
            char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] };
            g_string_append_len (out, u, 6);
          }
          break;
        }
    }
}

static void
json_member (GString    *out,
             const char *name)
{
  /* Member names are fixed ASCII identifiers: nothing to escape. */
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append_len (out, "\":", 2);
}

static void
json_string (GString    *out,
             const char *value)
{
  g_string_append_c (out, '"');
  _enough_export_json_escape (out, value);
  g_string_append_c (out, '"');
}

static void
json_int (GString *out,
          gint64   value)
{
  char buf[24];
  char *end = buf + sizeof buf, *p = end;
  guint64 v = value < 0 ? -(guint64) value : (guint64) value;

  do
    *--p = (char) ('0' + v % 10);
  while ((v /= 10) != 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (out, p, end - p);
}

static void
add_timestamp (GString    *out,
               const char *name,
               gint64      usec,
               gboolean    nullable)
{
  char buf[40];

  json_member (out, name);
  if (nullable && usec == 0)
    {
      g_string_append_len (out, "null", 4);
      return;
    }
  format_timestamp_into (usec, buf);
  g_string_append_c (out, '"');
  g_string_append (out, buf);
  g_string_append_c (out, '"');
}

static void
add_string (GString    *out,
            const char *name,
            const char *value)
{
  json_member (out, name);
  json_string (out, value);
}

static void
add_int (GString    *out,
         const char *name,
         gint64      value)
{
  json_member (out, name);
  json_int (out, value);
}

static void
add_flags (GString    *out,
           const char *name,
           GType       type,
           guint       value)
{
  GFlagsClass *klass = g_type_class_ref (type);
  gboolean first = TRUE;

  json_member (out, name);
  g_string_append_c (out, '[');
  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value != 0 && (value & klass->values[i].value) == klass->values[i].value)
      {
        if (!first)
          g_string_append_c (out, ',');
        json_string (out, klass->values[i].value_nick);
        first = FALSE;
      }
  g_string_append_c (out, ']');
  g_type_class_unref (klass);
}

static const char *
enum_nick (GType type,
           int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);
  const char *nick = v != NULL ? v->value_nick : NULL;

  g_type_class_unref (klass);  /* static types: the nick stays valid */
  return nick;
}

static gboolean
json_entry (Export       *ex,
            int           kind,
            sqlite3_stmt *row,
            GError      **error)
{
  GString *b = ex->buf;

  if (ex->n_entries > 0)
    g_string_append_len (b, ",\n", 2);
  g_string_append_c (b, '{');
  add_string (b, "kind", enum_nick (ENOUGH_TYPE_RECORD_KIND, kind));
  g_string_append_c (b, ',');
  add_string (b, "id", col_text (row, 1));
  g_string_append_c (b, ',');
  add_timestamp (b, "created", sqlite3_column_int64 (row, 2), FALSE);
  g_string_append_c (b, ',');
  add_timestamp (b, "updated", sqlite3_column_int64 (row, 3), FALSE);

  switch (kind)
    {
    case ENOUGH_RECORD_KIND_DIALOGUE:
      {
        gboolean first = TRUE;
        int rc;

        g_string_append_c (b, ',');
        add_string (b, "title", col_text (row, 4));
        g_string_append_c (b, ',');
        add_string (b, "critic_name", col_text (row, 5));
        for (int c = 6; c <= 7; c++)
          {
            g_string_append_c (b, ',');
            json_member (b, c == 6 ? "intensity_start" : "intensity_end");
            if (sqlite3_column_int (row, c) < 0)
              g_string_append_len (b, "null", 4);
            else
              json_int (b, sqlite3_column_int (row, c));
          }
        g_string_append_c (b, ',');
        add_int (b, "prompt_step", sqlite3_column_int (row, 8));

        g_string_append_c (b, ',');
        json_member (b, "turns");
        g_string_append_c (b, '[');
        sqlite3_bind_int64 (ex->turns, 1, sqlite3_column_int64 (row, 0));
        while ((rc = sqlite3_step (ex->turns)) == SQLITE_ROW)
          {
            if (!first)
              g_string_append_c (b, ',');
            first = FALSE;
            g_string_append_c (b, '{');
            add_string (b, "id", col_text (ex->turns, 0));
            g_string_append_c (b, ',');
            add_timestamp (b, "created", sqlite3_column_int64 (ex->turns, 1), FALSE);
            g_string_append_c (b, ',');
            add_timestamp (b, "updated", sqlite3_column_int64 (ex->turns, 2), FALSE);
            g_string_append_c (b, ',');
            add_string (b, "speaker", enough_speaker_to_string (sqlite3_column_int (ex->turns, 3)));
            g_string_append_c (b, ',');
            add_string (b, "text", col_text (ex->turns, 4));
            g_string_append_c (b, ',');
            add_flags (b, "patterns", ENOUGH_TYPE_PATTERNS, (guint) sqlite3_column_int (ex->turns, 5));
            g_string_append_c (b, '}');
          }
        sqlite3_reset (ex->turns);
        if (rc != SQLITE_DONE)
          {
            set_db_error (error, ex->db);
            return FALSE;
          }
        g_string_append_c (b, ']');
      }
      break;

    case ENOUGH_RECORD_KIND_LETTER:
      {
        const char *reread = enum_nick (ENOUGH_TYPE_REREAD, sqlite3_column_int (row, 8));

        g_string_append_c (b, ',');
        add_string (b, "not_good_enough", col_text (row, 4));
        g_string_append_c (b, ',');
        add_flags (b, "feelings", ENOUGH_TYPE_FEELINGS, (guint) sqlite3_column_int (row, 5));
        g_string_append_c (b, ',');
        add_string (b, "text", col_text (row, 6));
        g_string_append_c (b, ',');
        add_int (b, "step", sqlite3_column_int (row, 7));
        g_string_append_c (b, ',');
        add_string (b, "reread", reread != NULL ? reread : "unset");
        g_string_append_c (b, ',');
        add_timestamp (b, "reread_at", sqlite3_column_int64 (row, 9), TRUE);
        g_string_append_c (b, ',');
        add_timestamp (b, "reread_done_at", sqlite3_column_int64 (row, 10), TRUE);
        g_string_append_c (b, ',');
        add_string (b, "takeaway", col_text (row, 11));
      }
      break;

    case ENOUGH_RECORD_KIND_SELF_CHECK:
      {
        const char *answers = col_text (row, 5);

        g_string_append_c (b, ',');
        add_int (b, "bank_version", sqlite3_column_int (row, 4));
        g_string_append_c (b, ',');
        json_member (b, "answers");
        g_string_append_c (b, '[');
        for (const char *a = answers; *a != '\0'; a++)
          {
            if (a != answers)
              g_string_append_c (b, ',');
            g_string_append_c (b, g_ascii_isdigit (*a) ? *a : '0');
          }
        g_string_append_c (b, ']');
        g_string_append_c (b, ',');
        add_int (b, "current_index", sqlite3_column_int (row, 6));
        g_string_append_c (b, ',');
        add_timestamp (b, "completed_at", sqlite3_column_int64 (row, 7), TRUE);
        g_string_append_c (b, ',');
        add_string (b, "note", col_text (row, 8));
      }
      break;

    default:
      g_assert_not_reached ();
    }
  g_string_append_c (b, '}');
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Markdown */

static void
md_date (GString *out,
         gint64   usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *text = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;

  g_string_append (out, text != NULL ? text : "?");
}

/* User text as Markdown that reads the same: characters Markdown would
 * take as formatting are escaped, line breaks kept. */
static void
md_text (GString    *out,
         const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gboolean line_start = TRUE;

  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (*p == '\n')
        {
          /* A blank line starts a paragraph; a single break stays one. */
          if (p[1] == '\n')
            {
              while (p[1] == '\n')
                p++;
              g_string_append (out, "\n\n");
            }
          else
            g_string_append (out, "  \n");
          line_start = TRUE;
          continue;
        }
      if (strchr ("\\`*_[]<>", *p) != NULL ||
          (line_start && strchr ("#+-|", *p) != NULL))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
      line_start = FALSE;
    }
}

static void
md_flag_names (GString    *out,
               GType       type,
               guint       value,
               const char *const *names)
{
  GFlagsClass *klass = g_type_class_ref (type);
  gboolean first = TRUE;
  guint i = 0;

  for (guint v = 0; v < klass->n_values; v++)
    {
      if (klass->values[v].value == 0)
        continue;
      if ((value & klass->values[v].value) == klass->values[v].value)
        {
          if (!first)
            /* Translators: separator between items of a list */
            g_string_append (out, _(", "));
          g_string_append (out, _(names[i]));
          first = FALSE;
        }
      i++;
    }
  g_type_class_unref (klass);
}

static const char *const pattern_names[] = {
  N_("all-or-nothing thinking"), N_("catastrophising"), N_("“should” statements"),
  N_("mind reading"), N_("discounting the positive"), N_("labelling"),
  N_("overgeneralising"), N_("fortune telling"), N_("emotional reasoning"),
  N_("mental filter"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (pattern_names) == 10);  /* one per EnoughPatterns flag */

static const char *const feeling_names[] = {
  N_("ashamed"), N_("anxious"), N_("tired"), N_("sad"), N_("angry"), N_("lonely"),
  N_("numb"), N_("other"),
};

static gboolean
md_entry (Export       *ex,
          int           kind,
          sqlite3_stmt *row,
          GError      **error)
{
  GString *out = ex->buf;

  switch (kind)
    {
    case ENOUGH_RECORD_KIND_DIALOGUE:
      {
        const char *title = col_text (row, 4);
        const char *critic = col_text (row, 5);
        int start = sqlite3_column_int (row, 6), end = sqlite3_column_int (row, 7);
        int rc;

        g_autoptr(GString) escaped = g_string_new (NULL);

        md_text (escaped, *title != '\0' ? title : _("Untitled dialogue"));
        g_string_append (out, "## ");
        /* Translators: heading of an Inner Critic dialogue in a Markdown export; %s is its title */
        g_string_append_printf (out, _("Inner Critic: %s"), escaped->str);
        g_string_append (out, "\n\n*");
        md_date (out, sqlite3_column_int64 (row, 2));
        g_string_append (out, "*\n\n");
        if (*critic != '\0')
          {
            g_string_append (out, _("The critic’s name: "));
            md_text (out, critic);
            g_string_append (out, "\n\n");
          }
        if (start >= 0)
          g_string_append_printf (out, _("How strong the critic felt at the start: %d of 10"), start);
        if (start >= 0 && end >= 0)
          g_string_append (out, "  \n");
        if (end >= 0)
          g_string_append_printf (out, _("How strong it felt at the end: %d of 10"), end);
        if (start >= 0 || end >= 0)
          g_string_append (out, "\n\n");

        sqlite3_bind_int64 (ex->turns, 1, sqlite3_column_int64 (row, 0));
        while ((rc = sqlite3_step (ex->turns)) == SQLITE_ROW)
          {
            guint patterns = (guint) sqlite3_column_int (ex->turns, 5);
            gboolean critic_turn = sqlite3_column_int (ex->turns, 3) == ENOUGH_SPEAKER_CRITIC;

            g_string_append (out, "**");
            g_string_append (out, critic_turn ? _("Critic:") : _("Me:"));
            g_string_append (out, "** ");
            md_text (out, col_text (ex->turns, 4));
            g_string_append (out, "\n\n");
            if (critic_turn && patterns != 0)
              {
                g_string_append (out, "*");
                g_string_append (out, _("Thinking patterns: "));
                md_flag_names (out, ENOUGH_TYPE_PATTERNS, patterns, pattern_names);
                g_string_append (out, "*\n\n");
              }
          }
        sqlite3_reset (ex->turns);
        if (rc != SQLITE_DONE)
          {
            set_db_error (error, ex->db);
            return FALSE;
          }
      }
      break;

    case ENOUGH_RECORD_KIND_LETTER:
      {
        const char *nge = col_text (row, 4), *text = col_text (row, 6), *takeaway = col_text (row, 11);
        guint feelings = (guint) sqlite3_column_int (row, 5);

        g_string_append (out, "## ");
        g_string_append (out, _("Letter"));
        g_string_append (out, "\n\n*");
        md_date (out, sqlite3_column_int64 (row, 2));
        g_string_append (out, "*\n\n");
        if (*nge != '\0' || feelings != 0)
          {
            g_string_append_printf (out, "### %s\n\n", _("What felt not good enough"));
            if (*nge != '\0')
              {
                md_text (out, nge);
                g_string_append (out, "\n\n");
              }
            if (feelings != 0)
              {
                g_string_append (out, _("Feelings: "));
                md_flag_names (out, ENOUGH_TYPE_FEELINGS, feelings, feeling_names);
                g_string_append (out, "\n\n");
              }
          }
        if (*text != '\0')
          {
            g_string_append_printf (out, "### %s\n\n", _("The letter"));
            md_text (out, text);
            g_string_append (out, "\n\n");
          }
        if (*takeaway != '\0')
          {
            g_string_append_printf (out, "### %s\n\n", _("To carry with me"));
            md_text (out, takeaway);
            g_string_append (out, "\n\n");
          }
      }
      break;

    case ENOUGH_RECORD_KIND_SELF_CHECK:
      {
        guint version = (guint) sqlite3_column_int (row, 4);
        const char *answers_text = col_text (row, 5);
        const char *note = col_text (row, 8);
        guint8 answers[ENOUGH_SELF_CHECK_N_ITEMS] = { 0 };
        gsize n = MIN (strlen (answers_text), G_N_ELEMENTS (answers));
        EnoughScores scores;

        for (gsize i = 0; i < n; i++)
          answers[i] = (guint8) (g_ascii_isdigit (answers_text[i]) ? answers_text[i] - '0' : 0);

        g_string_append (out, "## ");
        g_string_append (out, _("Self-Check"));
        g_string_append (out, "\n\n*");
        md_date (out, sqlite3_column_int64 (row, 2));
        g_string_append (out, "*\n\n");

        if (sqlite3_column_int64 (row, 7) != 0 &&
            enough_scores_compute (version, answers, n, &scores, NULL))
          {
            g_string_append_printf (out, "| %s | %s | %s |\n|---|---:|---|\n",
                                    _("Part"), _("Score (1–5)"), _("Level"));
            for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
              g_string_append_printf (out, "| %s | %.1f | %s |\n", enough_subscale_get_name (s),
                                      enough_scoring_round_for_display (scores.subscale_means[s]),
                                      enough_band_get_name (enough_scores_get_band (&scores, s)));
            for (guint d = 0; d < ENOUGH_N_DIMENSIONS; d++)
              g_string_append_printf (out, "| **%s** | %.1f | %s |\n", enough_dimension_get_name (d),
                                      enough_scoring_round_for_display (scores.dimensions[d]),
                                      enough_band_get_name (enough_scoring_band_for_mean (scores.dimensions[d])));
            g_string_append (out, "\n");
          }
        else
          {
            guint answered = enough_scoring_count_answered (answers, n);

            /* Translators: "12 of 24 statements answered"; the plural
             * follows the first number, the statements answered. */
            g_string_append_printf (out, ngettext ("Not finished: %u of %u statements answered.",
                                                   "Not finished: %u of %u statements answered.",
                                                   answered),
                                    answered, (guint) ENOUGH_SELF_CHECK_N_ITEMS);
            g_string_append (out, "\n\n");
          }
        if (*note != '\0')
          {
            g_string_append (out, _("Note: "));
            md_text (out, note);
            g_string_append (out, "\n\n");
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */

gboolean
enough_export_to_stream (const char                *db_path,
                         const EnoughExportOptions *options,
                         GOutputStream             *stream,
                         guint                     *n_entries,
                         GCancellable              *cancellable,
                         GError                   **error)
{
  Export ex = { 0 };
  gboolean ok = FALSE;
  gboolean json;
  int rc;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  ex.options = *options;
  ex.stream = stream;
  ex.cancellable = cancellable;
  ex.buf = g_string_sized_new (64 * 1024);
  json = options->format == ENOUGH_EXPORT_JSON;

  if (!export_open (&ex, db_path, error))
    goto out;

  if (json)
    {
      char now[40];

      format_timestamp_into (options->now_usec != 0 ? options->now_usec : g_get_real_time (), now);
      g_string_append_printf (ex.buf, "{\"format\":\"%s\",\"version\":%d,\"exported_at\":\"%s\",\"entries\":[\n",
                              ENOUGH_EXPORT_FORMAT_NAME, ENOUGH_EXPORT_VERSION, now);
    }
  else
    {
      g_autoptr(GString) when = g_string_new (NULL);

      g_string_append_printf (ex.buf, "# %s\n\n", _("My Enough Journal"));
      md_date (when, options->now_usec != 0 ? options->now_usec : g_get_real_time ());
      /* Translators: under the title of a Markdown export; %s is its date and time */
      g_string_append_printf (ex.buf, _("*Exported %s*"), when->str);
      g_string_append (ex.buf, "\n\n");
    }

  while ((rc = sqlite3_step (ex.list)) == SQLITE_ROW)
    {
      int kind = sqlite3_column_int (ex.list, 0);
      sqlite3_stmt *row = ex.load[kind];
      gboolean entry_ok;

      sqlite3_bind_int64 (row, 1, sqlite3_column_int64 (ex.list, 1));
      if (sqlite3_step (row) != SQLITE_ROW)
        {
          sqlite3_reset (row);
          set_db_error (error, ex.db);
          goto out;
        }
      entry_ok = json ? json_entry (&ex, kind, row, error) : md_entry (&ex, kind, row, error);
      sqlite3_reset (row);
      if (!entry_ok)
        goto out;
      ex.n_entries++;

      if (ex.buf->len >= 48 * 1024 && !write_buf (&ex, error))
        goto out;
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, ex.db);
      goto out;
    }

  if (json)
    g_string_append (ex.buf, ex.n_entries > 0 ? "\n]}\n" : "]}\n");
  if (!write_buf (&ex, error))
    goto out;

  if (n_entries != NULL)
    *n_entries = ex.n_entries;
  ok = TRUE;

out:
  export_close (&ex);
  return ok;
}

gboolean
enough_export_to_file (const char                *db_path,
                       const EnoughExportOptions *options,
                       GFile                     *file,
                       guint                     *n_entries,
                       GCancellable              *cancellable,
                       GError                   **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  gboolean existed;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  existed = g_file_query_exists (file, cancellable);

  /* Private: an export holds the whole journal. Replaced atomically, so a
   * failure leaves an earlier export as it was. */
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        cancellable, error);
  if (out == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), 256 * 1024);

  if (!enough_export_to_stream (db_path, options, buffered, n_entries, cancellable, error))
    {
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      /* Closing a cancelled replace keeps the old file. */
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
      /* A file that was not there before is made in place: remove it. */
      if (!existed)
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }
  return g_output_stream_close (buffered, cancellable, error);
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  char                *db_path;
  EnoughExportOptions  options;
  GFile               *file;
  guint                n_entries;
} ExportTask;

static void
export_task_free (ExportTask *data)
{
  g_free (data->db_path);
  g_clear_object (&data->file);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *data = task_data;
  GError *error = NULL;

  if (enough_export_to_file (data->db_path, &data->options, data->file, &data->n_entries,
                             cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_flushed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!enough_store_flush_finish (ENOUGH_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

void
enough_export_async (EnoughStore               *store,
                     const EnoughExportOptions *options,
                     GFile                     *file,
                     GCancellable              *cancellable,
                     GAsyncReadyCallback        callback,
                     gpointer                   user_data)
{
  GTask *task;
  ExportTask *data;

  g_return_if_fail (ENOUGH_IS_STORE (store));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, enough_export_async);
  data = g_new0 (ExportTask, 1);
  data->db_path = g_strdup (enough_store_get_path (store));
  data->options = *options;
  data->file = g_object_ref (file);
  g_task_set_task_data (task, data, (GDestroyNotify) export_task_free);

  /* What was typed in the last second is part of the export. */
  enough_store_flush_async (store, cancellable, export_flushed_cb, task);
}

gboolean
enough_export_finish (EnoughStore   *store,
                      GAsyncResult  *result,
                      guint         *n_entries,
                      GError       **error)
{
  ExportTask *data;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (n_entries != NULL)
    *n_entries = data->n_entries;
  return TRUE;
}
