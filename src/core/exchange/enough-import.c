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
#include "enough-import-read.h"
#include "enough-store-private.h"

G_DEFINE_QUARK (enough-import-error-quark, enough_import_error)

guint
enough_import_get_n_entries (EnoughImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->entries->len;
}

void
enough_import_free (EnoughImport *import)
{
  if (import == NULL)
    return;
  g_string_chunk_free (import->strings);
  g_array_unref (import->entries);
  g_array_unref (import->turns);
  g_hash_table_unref (import->entry_ids);
  g_hash_table_unref (import->turn_ids);
  g_hash_table_unref (import->checkin_days);
  enough_import_free (import->tail);
  g_free (import);
}

EnoughImport *
_enough_import_new (void)
{
  EnoughImport *import = g_new0 (EnoughImport, 1);

  import->strings = g_string_chunk_new (64 * 1024);
  import->entries = g_array_new (FALSE, TRUE, sizeof (ImportEntry));
  import->turns = g_array_new (FALSE, TRUE, sizeof (ImportTurn));
  import->entry_ids = g_hash_table_new (g_str_hash, g_str_equal);
  import->turn_ids = g_hash_table_new (g_str_hash, g_str_equal);
  import->checkin_days = g_hash_table_new (g_str_hash, g_str_equal);
  return import;
}

/* ------------------------------------------------------------------------ */
/* Two halves
 *
 * A big file is read by two threads: this one from the start, a second
 * one from an entry near the middle (a guess: an export has one entry per
 * line) to the end of the entries. When this thread reaches that very
 * place as the start of an entry, the guess is confirmed and the second
 * half is taken as it is. In every other case (a wrong guess, any error
 * in either half, an id in both halves, too many entries) the second
 * half is dropped and this thread reads on by itself, so what is
 * accepted and every error message are exactly those of one thread
 * reading the whole file. */

#define SPLIT_MIN_BYTES (4 * 1024 * 1024)

static gsize split_min_bytes = SPLIT_MIN_BYTES;
static guint n_joined;

void
_enough_import_set_split_min_bytes (gsize bytes)
{
  split_min_bytes = bytes != 0 ? bytes : SPLIT_MIN_BYTES;
}

guint
_enough_import_get_n_joined (void)
{
  return g_atomic_int_get (&n_joined);
}

typedef struct
{
  const char   *start;
  const char   *from;
  const char   *end;
  guint         depth;
  EnoughImport *import;  /* what it read */
  const char   *stop;    /* just after the entries' "]" */
  gboolean      ok;
} Half;

/* Where to start the second half: the first line from the middle on
 * that starts an entry the way an export writes it; NULL if none. */
static const char *
find_split (const char *data,
            gsize       length)
{
  static const char pattern[] = "{\"kind\":";
  const char *end = data + length;
  const char *p = data + length / 2;

  while ((p = memchr (p, '\n', (gsize) (end - p))) != NULL)
    {
      p++;
      if ((gsize) (end - p) >= sizeof pattern - 1 && memcmp (p, pattern, sizeof pattern - 1) == 0)
        return p;
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* The document */

typedef struct
{
  EnoughImport *import;
  gboolean      has_format;
  gboolean      has_version;
  gboolean      has_entries;
  gint64        version;
  GError       *entry_error;  /* kept while the rest is read for the version */
  const char   *split;        /* where the second half starts, if it does */
  GThread      *thread;       /* reading it */
  Half         *half;
} Document;

static gboolean
entry_element (EnoughJsonReader *ps,
               guint             index,
               gpointer          data)
{
  Document *doc = data;

  if (!enough_json_reader_read_tree (ps))
    return FALSE;
  if (doc->entry_error == NULL)
    {
      ImportEntry e = { 0 };

      if (_enough_import_check_entry (doc->import, (const EnoughJsonValue *) (gpointer) ps->vals->data,
                                      ps->arena->str, index, &e, &doc->entry_error))
        g_array_append_val (doc->import->entries, e);
    }
  return TRUE;
}

/* The second half: from half->from, the entries up to the closing "]", as
 * this thread would read them. No messages: an error here only means
 * "read it again in order". */
static gpointer
half_thread (gpointer data)
{
  Half *half = data;
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autoptr(GString) arena = g_string_new (NULL);
  g_autoptr(GArray) vals = g_array_new (FALSE, FALSE, sizeof (EnoughJsonValue));
  Document doc = { 0 };
  EnoughJsonReader ps = { 0 };

  doc.import = half->import;
  ps.start = half->start;
  ps.p = half->from;
  ps.end = half->end;
  ps.keys = keys;
  ps.vals = vals;
  ps.arena = arena;
  ps.depth = half->depth;
  ps.error = NULL;

  if (enough_json_reader_elements_from (&ps, ENOUGH_IMPORT_MAX_ENTRIES, entry_element, &doc) &&
      doc.entry_error == NULL)
    {
      half->stop = ps.p;
      half->ok = TRUE;
    }
  g_clear_error (&doc.entry_error);
  return NULL;
}

/* This thread has reached the second half's start as the start of entry
 * @index: take what the other thread read if it can stand as it is. */
static gboolean
join_half (EnoughJsonReader *ps,
           guint             index)
{
  Document *doc = ps->join_data;
  EnoughImport *import = doc->import;
  EnoughImport *tail;
  GHashTableIter iter;
  gpointer id;
  guint n_turns = import->turns->len;

  ps->split = NULL;
  g_thread_join (g_steal_pointer (&doc->thread));
  tail = doc->half->import;
  if (!doc->half->ok || doc->entry_error != NULL ||
      (guint64) index + tail->entries->len > ENOUGH_IMPORT_MAX_ENTRIES)
    return FALSE;
  g_hash_table_iter_init (&iter, tail->entry_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (g_hash_table_contains (import->entry_ids, id))
      return FALSE;
  g_hash_table_iter_init (&iter, tail->turn_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (g_hash_table_contains (import->turn_ids, id))
      return FALSE;
  /* A day in both halves: read again from the start, which names it. */
  g_hash_table_iter_init (&iter, tail->checkin_days);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (g_hash_table_contains (import->checkin_days, id))
      return FALSE;
  g_hash_table_iter_init (&iter, tail->checkin_days);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_add (import->checkin_days, id);

  for (guint i = 0; i < tail->entries->len; i++)
    {
      ImportEntry *e = &g_array_index (tail->entries, ImportEntry, i);

      e->first_turn += n_turns;
    }
  g_array_append_vals (import->entries, tail->entries->data, tail->entries->len);
  g_array_append_vals (import->turns, tail->turns->data, tail->turns->len);
  for (guint k = 0; k < G_N_ELEMENTS (import->n_of_kind); k++)
    import->n_of_kind[k] += tail->n_of_kind[k];
  import->tail = g_steal_pointer (&doc->half->import);  /* its strings */
  ps->p = doc->half->stop;
  g_atomic_int_inc (&n_joined);
  return TRUE;
}

static gboolean
root_member (EnoughJsonReader *ps,
             const char       *key,
             gpointer          data)
{
  enum { FORMAT, VERSION, EXPORTED_AT, OTHER } which;
  Document *doc = data;
  const EnoughJsonValue *val;

  if (g_str_equal (key, "entries"))
    {
      gboolean ok;

      doc->has_entries = TRUE;
      if (ps->p >= ps->end || *ps->p != '[')
        return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("expected a list of entries"));
      /* Each entry is checked, kept compact, and its tree dropped. Only
       * here, among the entries, can the second half join in. */
      ps->split = doc->thread != NULL ? doc->split : NULL;
      ps->split_depth = ps->depth + 1;
      ps->join = join_half;
      ps->join_data = doc;
      ok = enough_json_reader_elements (ps, ENOUGH_IMPORT_MAX_ENTRIES, entry_element, doc);
      ps->split = NULL;
      return ok;
    }

  /* (@key is not valid after the value is read) */
  which = g_str_equal (key, "format") ? FORMAT
          : g_str_equal (key, "version") ? VERSION
          : g_str_equal (key, "exported_at") ? EXPORTED_AT : OTHER;
  if (!enough_json_reader_read_tree (ps))
    return FALSE;
  val = (const EnoughJsonValue *) (gpointer) ps->vals->data;
  switch (which)
    {
    case FORMAT:
      doc->has_format = TRUE;
      if (val->type != ENOUGH_JSON_VALUE_STRING ||
          !g_str_equal (ps->arena->str + val->v.s.off, ENOUGH_EXPORT_FORMAT_NAME))
        return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL,
                             _("expected “%s”: this is not an Enough journal export"),
                             ENOUGH_EXPORT_FORMAT_NAME);
      break;

    case VERSION:
      doc->has_version = TRUE;
      if (val->type != ENOUGH_JSON_VALUE_INT || val->v.i < 1)
        return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("expected a whole number from 1"));
      doc->version = val->v.i;
      if (doc->version > ENOUGH_EXPORT_VERSION)
        return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_NEWER_VERSION,
                             _("this file was made by a newer version of Enough (format version "
                               "%lld; this one reads version %d). Update Enough to import it."),
                             (long long) doc->version, ENOUGH_EXPORT_VERSION);
      break;

    case EXPORTED_AT:
      {
        gint64 usec;

        if (val->type != ENOUGH_JSON_VALUE_STRING ||
            !enough_dates_parse_timestamp (ps->arena->str + val->v.s.off, &usec))
          return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID,
                               _("expected a date and time like 2026-03-01T09:30:00Z"));
      }
      break;

    case OTHER:
    default:
      return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("unknown member"));
    }
  return TRUE;
}

EnoughImport *
enough_import_parse_data (const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(EnoughImport) import = NULL;
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autoptr(GString) arena = g_string_new (NULL);
  g_autoptr(GArray) vals = g_array_new (FALSE, FALSE, sizeof (EnoughJsonValue));
  Document doc = { 0 };
  EnoughJsonReader ps = { 0 };
  Half half = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if ((gint64) length > ENOUGH_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: %s is "document" (where the error is, as
                    * in the other import errors), %u a size in megabytes. */
                   _("%s: the file is larger than %u MB"), _("document"),
                   (guint) (ENOUGH_IMPORT_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  import = _enough_import_new ();
  doc.import = import;
  ps.start = ps.p = data;
  ps.end = data + length;
  ps.keys = keys;
  ps.vals = vals;
  ps.arena = arena;
  ps.error = error;

  /* A UTF-8 byte order mark, as some editors write, is fine. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    ps.p += 3;
  enough_json_reader_skip_ws (&ps);
  if (ps.p >= ps.end || *ps.p != '{')
    {
      enough_json_reader_fail (&ps, ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL,
                    _("expected a JSON object: this is not an Enough journal export"));
      return NULL;
    }

  if (length >= split_min_bytes && (doc.split = find_split (data, length)) != NULL)
    {
      half.start = data;
      half.from = doc.split;
      half.end = data + length;
      half.depth = 2;  /* in the document, in its entries */
      half.import = _enough_import_new ();
      doc.half = &half;
      doc.thread = g_thread_try_new ("enough-import", half_thread, &half, NULL);
    }
  ok = enough_json_reader_members (&ps, root_member, &doc);
  /* not reached as an entry's start, or an error before */
  if (doc.thread != NULL)
    g_thread_join (g_steal_pointer (&doc.thread));
  enough_import_free (half.import);
  if (ok)
    {
      enough_json_reader_skip_ws (&ps);
      if (ps.p < ps.end)
        ok = enough_json_reader_fail (&ps, ENOUGH_IMPORT_ERROR_INVALID, _("more text after the end of the document"));
    }
  if (!ok)
    {
      g_clear_error (&doc.entry_error);
      return NULL;
    }

  if (!doc.has_format)
    g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL,
                 _("format: missing: this is not an Enough journal export"));
  else if (!doc.has_version)
    g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_INVALID, _("version: missing"));
  else if (!doc.has_entries)
    g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_INVALID, _("entries: missing"));
  else if (doc.entry_error != NULL)
    g_propagate_error (error, g_steal_pointer (&doc.entry_error));
  else if (doc.version < 2 && import->n_of_kind[ENOUGH_RECORD_KIND_EXPERIMENT] > 0)
    /* Experiments came with version 2: such a file was not written by Enough. */
    g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_INVALID,
                 _("version: a version 1 file cannot hold experiments (they came with version 2)"));
  else if (doc.version < 2 && import->n_of_kind[ENOUGH_RECORD_KIND_CHECKIN] > 0)
    g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_INVALID,
                 _("version: a version 1 file cannot hold check-ins (they came with version 2)"));
  else
    return g_steal_pointer (&import);

  g_clear_error (&doc.entry_error);
  return NULL;
}

EnoughImport *
enough_import_parse_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Refused before a byte is read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL,
                   /* Translators: %s is "document" (where the error is, as
                    * in the other import errors). */
                   _("%s: this is not a regular file"), _("document"));
      return NULL;
    }
  if (g_file_info_get_size (info) > ENOUGH_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: %s is "document" (where the error is, as
                    * in the other import errors), %u a size in megabytes. */
                   _("%s: the file is larger than %u MB"), _("document"),
                   (guint) (ENOUGH_IMPORT_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  /* Read into memory, never mapped: a mapped file that shrinks while it
   * is parsed would kill the app (SIGBUS), unsaved typing with it. */
  if (!_enough_import_read_file (file, ENOUGH_IMPORT_MAX_FILE_SIZE, cancellable,
                                 &contents, &length, error))
    return NULL;
  return enough_import_parse_data (contents, length, error);
}

gboolean
enough_import_write (EnoughStore   *store,
                     EnoughImport  *import,
                     guint         *n_added,
                     guint         *n_skipped,
                     GError       **error)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (store), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);

  _enough_import_reserve_ids (store, import);
  if (!_enough_store_run_on_writer (store, _enough_import_write_rows, import, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = import->n_added;
  if (n_skipped != NULL)
    *n_skipped = import->n_skipped;
  return TRUE;
}

gboolean
enough_import_file (EnoughStore  *store,
                    GFile        *file,
                    guint        *n_added,
                    guint        *n_skipped,
                    GError      **error)
{
  g_autoptr(EnoughImport) import = NULL;

  g_return_val_if_fail (ENOUGH_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  import = enough_import_parse_file (file, NULL, error);
  if (import == NULL)
    return FALSE;
  return enough_import_write (store, import, n_added, n_skipped, error);
}

/* ------------------------------------------------------------------------ */
/* Async: parse on a thread, write on the store's worker */

static void
parse_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  EnoughImport *import = enough_import_parse_file (task_data, cancellable, &error);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, (GDestroyNotify) enough_import_free);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!_enough_store_run_on_writer_finish (ENOUGH_STORE (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
parsed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EnoughStore *store = g_task_get_source_object (task);
  GError *error = NULL;
  EnoughImport *import = g_task_propagate_pointer (G_TASK (result), &error);

  if (import == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, import, (GDestroyNotify) enough_import_free);
  _enough_import_reserve_ids (store, import);
  _enough_store_run_on_writer_async (store, _enough_import_write_rows, import,
                                     g_task_get_cancellable (task), written_cb,
                                     g_object_ref (task));
}

void
enough_import_file_async (EnoughStore         *store,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) parse = NULL;

  g_return_if_fail (ENOUGH_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, enough_import_file_async);

  parse = g_task_new (NULL, cancellable, parsed_cb, task);
  g_task_set_task_data (parse, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (parse, parse_thread);
}

gboolean
enough_import_file_finish (EnoughStore   *store,
                           GAsyncResult  *result,
                           guint         *n_added,
                           guint         *n_skipped,
                           GError       **error)
{
  EnoughImport *import;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  import = g_task_get_task_data (G_TASK (result));
  if (n_added != NULL)
    *n_added = import->n_added;
  if (n_skipped != NULL)
    *n_skipped = import->n_skipped;
  return TRUE;
}
