/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "enough-crypt-vfs.h"
#include "enough-dates.h"
#include "enough-export-pdf.h"
#include "enough-export-private.h"
#include "enough-record-private.h"
#include "enough-store-private.h"

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
  else if (g_str_has_suffix (lower, ".pdf"))
    *out_format = ENOUGH_EXPORT_PDF;
  else
    return FALSE;
  return TRUE;
}

EnoughExportEntryRef
enough_export_entry_ref (EnoughRecord *record)
{
  g_return_val_if_fail (ENOUGH_IS_RECORD (record), (EnoughExportEntryRef) { 0 });

  return (EnoughExportEntryRef) { enough_record_get_kind (record), _enough_record_get_id (record) };
}

/* ------------------------------------------------------------------------ */
/* Reading */


void
_enough_export_set_db_error (GError  **error,
                             sqlite3  *db)
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
  g_autoptr(GString) sql = g_string_new (NULL);
  const char *sep = "";
  static const struct { EnoughExportKinds flag; int kind; } parts[] = {
    { ENOUGH_EXPORT_DIALOGUES, ENOUGH_RECORD_KIND_DIALOGUE },
    { ENOUGH_EXPORT_LETTERS, ENOUGH_RECORD_KIND_LETTER },
    { ENOUGH_EXPORT_SELF_CHECKS, ENOUGH_RECORD_KIND_SELF_CHECK },
    { ENOUGH_EXPORT_EXPERIMENTS, ENOUGH_RECORD_KIND_EXPERIMENT },
    { ENOUGH_EXPORT_CHECKINS, ENOUGH_RECORD_KIND_CHECKIN },
  };
  EnoughExportKinds kinds = ex->options.kinds != 0 ? ex->options.kinds : ENOUGH_EXPORT_ALL;
  g_autofree char *list_sql = NULL;
  g_autofree char *turn_columns = enough_table_column_list (enough_table_for_kind (ENOUGH_RECORD_KIND_TURN), "");
  g_autofree char *turns_sql = g_strdup_printf ("SELECT %s FROM turn WHERE dialogue_id = ?"
                                                " AND deleted_at = 0 ORDER BY position, id",
                                                turn_columns);

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_FOUND,
                   _("There is no journal at “%s” yet."), db_path);
      return FALSE;
    }
  /* An encrypted journal reads through the key its open store (or the
   * command line) unlocked. */
  if (enough_crypt_open_db (db_path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL, &ex->db) != SQLITE_OK)
    {
      _enough_export_set_db_error (error, ex->db);
      return FALSE;
    }
  sqlite3_busy_timeout (ex->db, 5000);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      if (!(kinds & parts[i].flag))
        continue;
      /* Chosen entries: ids are integers, written into the SQL as such. */
      for (guint c = 0; ex->options.chosen != NULL && c < ex->options.n_chosen; c++)
        if (ex->options.chosen[c].kind == parts[i].kind)
          g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 0 ? "," : "",
                                  ex->options.chosen[c].id);
      if (ex->options.chosen != NULL && ids->len == 0)
        continue;
      g_string_append_printf (sql, "%sSELECT %d AS kind, id, created FROM %s"
                              " WHERE deleted_at = 0 AND created >= ?1 AND created < ?2",
                              sep, parts[i].kind, enough_table_for_kind (parts[i].kind)->name);
      if (ids->len > 0)
        g_string_append_printf (sql, " AND id IN (%s)", ids->str);
      sep = " UNION ALL ";
    }
  if (*sep == '\0')
    g_string_append (sql, "SELECT 0 AS kind, 0 AS id, 0 AS created WHERE 0");
  list_sql = g_strdup_printf ("SELECT kind, id FROM (%s) ORDER BY created, kind, id", sql->str);

  /* One read transaction: the whole export is one moment of the journal. */
  if (sqlite3_exec (ex->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (ex->db, list_sql, -1, &ex->list, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (ex->db, turns_sql, -1, &ex->turns, NULL) != SQLITE_OK)
    {
      _enough_export_set_db_error (error, ex->db);
      return FALSE;
    }
  for (int k = ENOUGH_RECORD_KIND_DIALOGUE; k <= ENOUGH_RECORD_KIND_LAST; k++)
    if (k != ENOUGH_RECORD_KIND_TURN &&
        sqlite3_prepare_v2 (ex->db, enough_table_select_sql (enough_table_for_kind (k)), -1,
                            &ex->load[k], NULL) != SQLITE_OK)
      {
        _enough_export_set_db_error (error, ex->db);
        return FALSE;
      }

  sqlite3_bind_int64 (ex->list, 1, ex->options.from_usec);
  sqlite3_bind_int64 (ex->list, 2, ex->options.to_usec > 0 ? ex->options.to_usec : G_MAXINT64);

  /* The total, for the progress, in the same snapshot. */
  if (ex->options.progress != NULL)
    {
      g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM (%s)", sql->str);
      sqlite3_stmt *count = NULL;

      if (sqlite3_prepare_v2 (ex->db, count_sql, -1, &count, NULL) != SQLITE_OK)
        {
          _enough_export_set_db_error (error, ex->db);
          return FALSE;
        }
      sqlite3_bind_int64 (count, 1, ex->options.from_usec);
      sqlite3_bind_int64 (count, 2, ex->options.to_usec > 0 ? ex->options.to_usec : G_MAXINT64);
      if (sqlite3_step (count) == SQLITE_ROW)
        ex->total = (guint) sqlite3_column_int64 (count, 0);
      sqlite3_finalize (count);
    }
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

const char *
_enough_export_col_text (sqlite3_stmt *stmt,
                         int           col)
{
  const char *s = (const char *) sqlite3_column_text (stmt, col);
  return s != NULL ? s : "";
}

static gboolean
write_buf (Export  *ex,
           GError **error)
{
  gboolean ok;

  /* A PDF lays the Markdown out as it comes: each entry ends a block. */
  if (ex->pdf != NULL)
    ok = _enough_pdf_writer_add (ex->pdf, ex->buf->str, error);
  else
    ok = g_output_stream_write_all (ex->stream, ex->buf->str, ex->buf->len,
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
  char buf[ENOUGH_DATES_TIMESTAMP_SIZE];

  json_member (out, name);
  if (nullable && usec == 0)
    {
      g_string_append_len (out, "null", 4);
      return;
    }
  enough_dates_format_timestamp_into (usec, buf);
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

/* The exported columns of @row, each as a member (see EnoughJsonType),
 * with a comma before each unless @first. */
static void
json_columns (GString           *b,
              const EnoughTable *table,
              sqlite3_stmt      *row,
              gboolean           first)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      const EnoughColumn *col = &table->columns[i];
      const char *name = col->json_name;

      if (col->json == ENOUGH_JSON_NONE)
        continue;
      if (!first)
        g_string_append_c (b, ',');
      first = FALSE;

      switch (col->json)
        {
        case ENOUGH_JSON_STRING:
          add_string (b, name, _enough_export_col_text (row, (int) i));
          break;
        case ENOUGH_JSON_INT:
          add_int (b, name, sqlite3_column_int (row, (int) i));
          break;
        case ENOUGH_JSON_INT_OR_NULL:
          json_member (b, name);
          if (sqlite3_column_int (row, (int) i) < 0)
            g_string_append_len (b, "null", 4);
          else
            json_int (b, sqlite3_column_int (row, (int) i));
          break;
        case ENOUGH_JSON_TIME:
        case ENOUGH_JSON_TIME_OR_NULL:
          add_timestamp (b, name, sqlite3_column_int64 (row, (int) i),
                         col->json == ENOUGH_JSON_TIME_OR_NULL);
          break;
        case ENOUGH_JSON_FLAGS:
          add_flags (b, name, col->get_type (), (guint) sqlite3_column_int (row, (int) i));
          break;
        case ENOUGH_JSON_ENUM:
          {
            const char *nick = enum_nick (col->get_type (), sqlite3_column_int (row, (int) i));

            /* An unknown value reads as unset (0). */
            add_string (b, name, nick != NULL ? nick : enum_nick (col->get_type (), 0));
          }
          break;
        case ENOUGH_JSON_SPEAKER:
          add_string (b, name, enough_speaker_to_string (sqlite3_column_int (row, (int) i)));
          break;
        case ENOUGH_JSON_ANSWERS:
          {
            const char *answers = _enough_export_col_text (row, (int) i);

            json_member (b, name);
            g_string_append_c (b, '[');
            for (const char *a = answers; *a != '\0'; a++)
              {
                if (a != answers)
                  g_string_append_c (b, ',');
                g_string_append_c (b, g_ascii_isdigit (*a) ? *a : '0');
              }
            g_string_append_c (b, ']');
          }
          break;
        case ENOUGH_JSON_NONE:
        default:
          g_assert_not_reached ();
        }
    }
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
  json_columns (b, enough_table_for_kind (kind), row, FALSE);

  if (kind == ENOUGH_RECORD_KIND_DIALOGUE)
    {
      const EnoughTable *turn_table = enough_table_for_kind (ENOUGH_RECORD_KIND_TURN);
      gboolean first = TRUE;
      int rc;

      /* Turns nested in their dialogue, in order */
      g_string_append_c (b, ',');
      json_member (b, "turns");
      g_string_append_c (b, '[');
      sqlite3_bind_int64 (ex->turns, 1, sqlite3_column_int64 (row, ENOUGH_COL_ID));
      while ((rc = sqlite3_step (ex->turns)) == SQLITE_ROW)
        {
          if (!first)
            g_string_append_c (b, ',');
          first = FALSE;
          g_string_append_c (b, '{');
          json_columns (b, turn_table, ex->turns, TRUE);
          g_string_append_c (b, '}');
        }
      sqlite3_reset (ex->turns);
      if (rc != SQLITE_DONE)
        {
          _enough_export_set_db_error (error, ex->db);
          return FALSE;
        }
      g_string_append_c (b, ']');
    }
  g_string_append_c (b, '}');
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
  /* A PDF is the Markdown's content laid out, one entry at a time. */
  if (options->format == ENOUGH_EXPORT_PDF)
    ex.pdf = _enough_pdf_writer_new (stream, cancellable);
  ex.cancellable = cancellable;
  ex.buf = g_string_sized_new (64 * 1024);
  json = options->format == ENOUGH_EXPORT_JSON;

  if (!export_open (&ex, db_path, error))
    goto out;
  if (options->progress != NULL)
    options->progress (0, ex.total, options->progress_data);

  if (json)
    {
      char now[ENOUGH_DATES_TIMESTAMP_SIZE];

      enough_dates_format_timestamp_into (options->now_usec != 0 ? options->now_usec : g_get_real_time (), now);
      g_string_append_printf (ex.buf, "{\"format\":\"%s\",\"version\":%d,\"exported_at\":\"%s\",\"entries\":[\n",
                              ENOUGH_EXPORT_FORMAT_NAME, ENOUGH_EXPORT_VERSION, now);
    }
  else
    {
      _enough_export_markdown_head (&ex, options->now_usec != 0 ? options->now_usec : g_get_real_time ());
    }

  while ((rc = sqlite3_step (ex.list)) == SQLITE_ROW)
    {
      int kind = sqlite3_column_int (ex.list, 0);
      sqlite3_stmt *row = ex.load[kind];
      gboolean entry_ok;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      sqlite3_bind_int64 (row, 1, sqlite3_column_int64 (ex.list, 1));
      if (sqlite3_step (row) != SQLITE_ROW)
        {
          sqlite3_reset (row);
          _enough_export_set_db_error (error, ex.db);
          goto out;
        }
      /* A check-in table ends with a blank line before the next entry. */
      if (!json && kind != ENOUGH_RECORD_KIND_CHECKIN && ex.checkin_month[0] != '\0')
        {
          g_string_append_c (ex.buf, '\n');
          ex.checkin_month[0] = '\0';
        }
      entry_ok = json ? json_entry (&ex, kind, row, error) : _enough_export_markdown_entry (&ex, kind, row, error);
      sqlite3_reset (row);
      if (!entry_ok)
        goto out;
      ex.n_entries++;

      if ((ex.pdf != NULL || ex.buf->len >= 48 * 1024) && !write_buf (&ex, error))
        goto out;
      if (options->progress != NULL && (ex.n_entries % 64 == 0 || ex.n_entries == ex.total))
        options->progress (ex.n_entries, MAX (ex.total, ex.n_entries), options->progress_data);
    }
  if (rc != SQLITE_DONE)
    {
      _enough_export_set_db_error (error, ex.db);
      goto out;
    }

  if (json)
    g_string_append (ex.buf, ex.n_entries > 0 ? "\n]}\n" : "]}\n");
  else if (ex.checkin_month[0] != '\0')
    g_string_append_c (ex.buf, '\n');
  if (!write_buf (&ex, error))
    goto out;
  if (ex.pdf != NULL && !_enough_pdf_writer_finish (ex.pdf, error))
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  if (n_entries != NULL)
    *n_entries = ex.n_entries;
  ok = TRUE;

out:
  g_clear_pointer (&ex.pdf, _enough_pdf_writer_free);
  export_close (&ex);
  return ok;
}

/* A hidden file beside @file, made new and private (0600). */
static GFileOutputStream *
create_temp_beside (GFile   *file,
                    GFile  **out_temp,
                    GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);

  if (parent == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is not a file name."), base != NULL ? base : "");
      return NULL;
    }
  for (guint attempt = 0;; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
      g_autoptr(GFile) temp = g_file_get_child (parent, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *out = g_file_create (temp, G_FILE_CREATE_PRIVATE, NULL, &local_error);

      if (out != NULL)
        {
          *out_temp = g_steal_pointer (&temp);
          return out;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || attempt >= 100)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
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
  g_autoptr(GFile) temp = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Written to a hidden file in the same folder, then renamed over
   * @file: a failure or Cancel leaves no half-written file and an earlier
   * export as it was. Private: an export holds the journal. */
  out = create_temp_beside (file, &temp, error);
  if (out == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), 256 * 1024);

  if (!enough_export_to_stream (db_path, options, buffered, n_entries, cancellable, error) ||
      !g_output_stream_close (buffered, cancellable, error) ||
      !g_file_move (temp, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    NULL, NULL, NULL, error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      g_file_delete (temp, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  char                *db_path;
  EnoughExportOptions  options;
  GFile               *file;
  guint                n_entries;
  EnoughExportEntryRef *chosen;  /* options.chosen's copy */
} ExportTask;

static void
export_task_free (ExportTask *data)
{
  g_free (data->db_path);
  g_clear_object (&data->file);
  g_free (data->chosen);
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
  if (options->chosen != NULL)
    data->options.chosen = data->chosen = g_memdup2 (options->chosen, MAX (options->n_chosen, 1) * sizeof *options->chosen);
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
