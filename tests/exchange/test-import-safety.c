/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
/* Data safety of the import: a file that changes while it is read is a
 * clear error (never SIGBUS); SQL stored in the journal never runs; ids
 * and deleted entries are handled so nothing is lost. */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "enough-dates.h"
#include "enough-import-read.h"
#include "enough-store-schema-check.h"
#include "import-test-helpers.h"  /* HEAD, TAIL, TS: the journal's building blocks */

/* @n letters with ids from @base, about 200 bytes each. */
static char *
letters_json (guint n,
              guint base)
{
  GString *big = g_string_new (HEAD);

  for (guint i = base; i < base + n; i++)
    g_string_append_printf (big, "%s{\"kind\":\"letter\",\"id\":\"%08x-aaaa-4aaa-8aaa-%012x\","
                            "\"created\":" TS ",\"updated\":" TS ",\"text\":\"imported letter %u,"
                            " said in many words so that the file gets long enough to read in chunks\"}",
                            i > base ? "," : "", i, i, i);
  g_string_append (big, TAIL);
  return g_string_free (big, FALSE);
}

static char *
write_temp_file (StoreFixture *f,
                 const char   *name,
                 const char   *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* ---- a file that changes while it is read ---------------------------------- */

typedef struct
{
  const char *path;
  gint        done;
  GError     *error;
  EnoughImport *import;
} ParseJob;

static gpointer
parse_thread (gpointer data)
{
  ParseJob *job = data;
  g_autoptr(GFile) file = g_file_new_for_path (job->path);

  job->import = enough_import_parse_file (file, NULL, &job->error);
  g_atomic_int_set (&job->done, 1);
  return NULL;
}

static gboolean
is_mapped (const char *path)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, path) != NULL;
}

/* The import must never map the file: if someone shortens a mapped file
 * while it is parsed, the next read of a page past the end is SIGBUS, and
 * the whole app dies. Here the file is cut to nothing the moment it shows
 * up mapped, which is what used to kill the process. */
static void
test_never_mapped (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autofree char *json = letters_json (40000, 1);
  g_autofree char *path = write_temp_file (f, "big.json", json);
  ParseJob job = { .path = path };
  gboolean seen_mapped = FALSE;
  GThread *thread;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  thread = g_thread_new ("parse", parse_thread, &job);
  while (!g_atomic_int_get (&job.done) && g_get_monotonic_time () < deadline)
    {
      if (!seen_mapped && is_mapped (path))
        {
          seen_mapped = TRUE;
          g_assert_cmpint (truncate (path, 0), ==, 0);
        }
      g_thread_yield ();
    }
  g_thread_join (thread);

  g_assert_false (seen_mapped);
  g_assert_no_error (job.error);
  g_assert_nonnull (job.import);
  g_assert_cmpuint (enough_import_get_n_entries (job.import), ==, 40000);
  enough_import_free (job.import);
}

typedef struct
{
  const char *path;
  gboolean    grow;
  guint       n_calls;
} ChangeHook;

static void
change_file (gpointer data)
{
  ChangeHook *hook = data;

  if (hook->n_calls++ != 0)
    return;
  if (hook->grow)
    {
      FILE *fp = fopen (hook->path, "a");

      g_assert_nonnull (fp);
      fputs ("  ", fp);
      fclose (fp);
    }
  else
    g_assert_cmpint (truncate (hook->path, 1000), ==, 0);
}

static void
assert_change_refused (StoreFixture *f,
                       gboolean      grow)
{
  /* Bigger than one read (1 MB), so the file changes between reads. */
  g_autofree char *json = letters_json (20000, 1);
  g_autofree char *path = write_temp_file (f, "changing.json", json);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ChangeHook hook = { .path = path, .grow = grow };
  EnoughImport *import;

  g_assert_cmpuint (strlen (json), >, 2 * 1024 * 1024);
  _enough_import_set_read_hook (change_file, &hook);
  import = enough_import_parse_file (file, NULL, &error);
  _enough_import_set_read_hook (NULL, NULL);
  g_assert_null (import);
  g_assert_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "changed while it was being read"));
}

static void
test_shrinks_while_read (StoreFixture  *f,
                         gconstpointer  data)
{
  assert_change_refused (f, FALSE);
}

static void
test_grows_while_read (StoreFixture  *f,
                       gconstpointer  data)
{
  assert_change_refused (f, TRUE);
}

/* ---- SQL stored in the journal ---------------------------------------------- */

/* A bulk write suspends the insert triggers and re-creates them. They come
 * from the program's own SQL: text added after a stored trigger (possible
 * with writable_schema) used to run with the re-creation. */
static void
test_stored_trigger_sql_not_run (StoreFixture  *f,
                                 gconstpointer  data)
{
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  g_autofree char *json = letters_json (3, 1);
  g_autofree char *stored = NULL;
  g_autoptr(EnoughImport) import = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0;

  enough_letter_set_text (letter, "mine");
  flush (f->store);
  g_assert_true (_enough_store_exec_on_writer (f->store,
                                               "PRAGMA writable_schema = ON;"
                                               "UPDATE sqlite_master SET sql = sql || '; DELETE FROM letter'"
                                               " WHERE name = 'letter_ai';"
                                               "PRAGMA writable_schema = OFF;", &error));
  g_assert_no_error (error);
  stored = query_text (f->path, "SELECT sql FROM sqlite_master WHERE name = 'letter_ai'");
  g_assert_true (g_str_has_suffix (stored, "DELETE FROM letter"));

  import = enough_import_parse_data (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_true (enough_import_write (f->store, import, &added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);

  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM letter"), ==, 4);
  g_clear_pointer (&stored, g_free);
  stored = query_text (f->path, "SELECT sql FROM sqlite_master WHERE name = 'letter_ai'");
  g_assert_cmpstr (stored, ==, enough_store_expected_sql ("letter_ai"));
}

/* ---- ids -------------------------------------------------------------------- */

#define UPPER "AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE"
#define LOWER "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
#define LETTER_WITH_ID(id) "{\"kind\":\"letter\",\"id\":\"" id "\",\"created\":" TS \
                           ",\"updated\":" TS ",\"text\":\"same letter\"}"

static guint
import_json (StoreFixture *f,
             const char   *json,
             guint        *n_skipped,
             GError      **error)
{
  g_autoptr(EnoughImport) import = enough_import_parse_data (json, strlen (json), error);
  guint added = 0;

  if (import == NULL)
    return G_MAXUINT;
  if (!enough_import_write (f->store, import, &added, n_skipped, error))
    return G_MAXUINT;
  return added;
}

/* Ids that differ only in case are one id: twice in a file is refused,
 * and one the journal has (in any case) is skipped. Stored lower-case. */
static void
test_uuid_case (StoreFixture  *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  guint skipped = 0;

  g_assert_cmpuint (import_json (f, HEAD LETTER_WITH_ID (UPPER) "," LETTER_WITH_ID (LOWER) TAIL,
                                 NULL, &error), ==, G_MAXUINT);
  g_assert_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (import_json (f, HEAD LETTER_WITH_ID (UPPER) TAIL, NULL, &error), ==, 1);
  g_assert_no_error (error);
  stored = query_text (f->path, "SELECT uuid FROM letter");
  g_assert_cmpstr (stored, ==, LOWER);

  g_assert_cmpuint (import_json (f, HEAD LETTER_WITH_ID (LOWER) TAIL, &skipped, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (skipped, ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM letter"), ==, 1);
}

/* An entry deleted here while its Undo is still on offer, then found in
 * an import: it was reported "already in your journal" and then purged
 * at close, so the import lost it. It comes back, and stays. */
static void
test_deleted_undoable (StoreFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  guint skipped = 0;

  enough_letter_set_text (letter, "a letter I want after all");
  json = export_json (f->store);
  uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (letter)));
  enough_store_delete (f->store, letter);  /* the Undo toast holds it */
  flush (f->store);

  g_assert_cmpuint (import_json (f, json, &skipped, &error), ==, 0);
  g_assert_no_error (error);
  /* back where it was: the journal has it, so "already there" is true */
  g_assert_cmpuint (skipped, ==, 1);
  g_assert_false (enough_record_is_deleted (ENOUGH_RECORD (letter)));
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_letters (f->store)), ==, 1);

  g_clear_object (&letter);
  fixture_reopen (f);  /* the close purges this session's deletions */
  sql = g_strdup_printf ("SELECT text FROM letter WHERE uuid = '%s' AND deleted_at = 0", uuid);
  text = query_text (f->path, sql);
  g_assert_cmpstr (text, ==, "a letter I want after all");
}

/* The same when no live object is left (its Undo is gone, or another
 * window deleted it): the row still waits for its purge, and the
 * imported entry takes its place instead of being skipped. */
static void
test_deleted_waiting_for_purge (StoreFixture  *f,
                                gconstpointer  data)
{
  g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (f->store);
  g_autoptr(EnoughTurn) turn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  guint skipped = 0;

  enough_dialogue_set_title (dialogue, "the judge again");
  turn = enough_store_add_turn (f->store, dialogue, -1, ENOUGH_SPEAKER_CRITIC, "not good enough");
  json = export_json (f->store);
  enough_store_delete (f->store, dialogue);
  flush (f->store);
  g_clear_object (&turn);
  g_clear_object (&dialogue);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM dialogue WHERE deleted_at != 0"), ==, 1);

  g_assert_cmpuint (import_json (f, json, &skipped, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (skipped, ==, 0);

  fixture_reopen (f);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM dialogue WHERE deleted_at = 0"
                                       " AND title = 'the judge again'"), ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM dialogue"), ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM turn WHERE text = 'not good enough'"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_dialogues (f->store)), ==, 1);
}

/* ---- dates ------------------------------------------------------------------ */

/* The last day there is: its end is past GDateTime's range, which gave a
 * GLib-CRITICAL and 0 ("no end"). */
static void
test_to_last_day (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start = 0, end = 0;

  g_assert_true (enough_dates_parse_day ("9999-12-31", FALSE, &start, &error));
  g_assert_no_error (error);
  g_assert_true (enough_dates_parse_day ("9999-12-31", TRUE, &end, &error));
  g_assert_no_error (error);
  g_assert_cmpint (end, ==, start + 24 * G_TIME_SPAN_HOUR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/import-safety/file/never-mapped", test_never_mapped);
  ADD ("/import-safety/file/shrinks-while-read", test_shrinks_while_read);
  ADD ("/import-safety/file/grows-while-read", test_grows_while_read);
  ADD ("/import-safety/schema/stored-trigger-sql-not-run", test_stored_trigger_sql_not_run);
  ADD ("/import-safety/ids/case", test_uuid_case);
  ADD ("/import-safety/ids/deleted-undoable", test_deleted_undoable);
  ADD ("/import-safety/ids/deleted-waiting-for-purge", test_deleted_waiting_for_purge);
  ADD ("/import-safety/dates/to-last-day", test_to_last_day);

  return g_test_run ();
}
