/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bench-queries.h"
#include "bench-utils.h"
#include "enough-export.h"
#include "enough-import.h"
#include "enough-store.h"
#include "enough-store-private.h"
#include "enough-store-test-hooks.h"

/* The journal store benchmark: builds a synthetic journal of N entries in
 * a temporary folder and prints one "METRIC <name> <value> <unit>" line per
 * figure. Run by hand (see docs/performance.md), never by the tests:
 *
 *   _build/bench/enough-bench [--entries N] [--seed S]
 *   _build/bench/enough-bench --import FILE     # only import_json_s, 5 runs
 */

/* The 100 search queries: bench-queries.h. */

static void
touch_first_page (GListModel *model)
{
  guint n = MIN (g_list_model_get_n_items (model), 20);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_assert (item != NULL);
    }
}

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("enough-bench: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;
  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

/* Reads, checks and writes @file into a new empty journal in @dir;
 * returns the seconds of each half. */
static void
import_once (GFile      *file,
             const char *dir,
             double     *parse_s,
             double     *write_s,
             guint      *n_added)
{
  g_autofree char *db_path = g_build_filename (dir, "imported.db", NULL);
  g_autoptr(GError) error = NULL;
  EnoughImport *import;
  EnoughStore *store;
  gint64 start;

  store = enough_store_open (db_path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  if (store == NULL)
    die ("open", error);
  _enough_store_set_background_indexing (FALSE);
  start = g_get_monotonic_time ();
  import = enough_import_parse_file (file, NULL, &error);
  if (import == NULL)
    die ("import", error);
  *parse_s = bench_ms_since (start) / 1000.0;
  start = g_get_monotonic_time ();
  if (!enough_import_write (store, import, n_added, NULL, &error))
    die ("import", error);
  *write_s = bench_ms_since (start) / 1000.0;
  enough_import_free (import);
  if (!enough_store_close (store, &error))
    die ("close", error);
  g_object_unref (store);
}

/* --import FILE: import_json_s alone (and its two halves), median of 5. */
static int
bench_import (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double parse_s[5], write_s[5], total_s[5];
  guint n_added = 0;

  for (guint i = 0; i < G_N_ELEMENTS (total_s); i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("enough-bench-import-XXXXXX", NULL);

      import_once (file, dir, &parse_s[i], &write_s[i], &n_added);
      total_s[i] = parse_s[i] + write_s[i];
      bench_remove_dir (dir);
    }
  g_printerr ("imported %u entries, %.1f MB\n", n_added, file_size (path) / (1024.0 * 1024.0));
  printf ("METRIC import_json_s %.2f s\n", bench_percentile (total_s, G_N_ELEMENTS (total_s), 0.5));
  printf ("METRIC import_parse_s %.2f s\n", bench_percentile (parse_s, G_N_ELEMENTS (parse_s), 0.5));
  printf ("METRIC import_write_s %.2f s\n", bench_percentile (write_s, G_N_ELEMENTS (write_s), 0.5));
  return 0;
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

int
main (int   argc,
      char *argv[])
{
  int entries = 100000;
  int seed = 1;
  g_autofree char *keep = NULL;
  g_autofree char *import_path = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GOptionEntry options[] = {
    { "entries", 'n', 0, G_OPTION_ARG_INT, &entries, "Number of journal entries (100000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Random seed (1)", "S" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &keep,
      "Use (and keep) this journal; generated only if missing", "PATH" },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import_path,
      "Only time importing this JSON export (5 runs)", "FILE" },
    { NULL }
  };
  EnoughStore *store;
  gint64 start;
  double open_ms[5];
  double search_ms[G_N_ELEMENTS (queries)];
  double autosave_ms[2000];
  guint n_incomplete = 0;
  struct rusage usage;

  context = g_option_context_new ("- benchmark the Enough journal store");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || entries < 0)
    die ("options", error);
  if (import_path != NULL)
    return bench_import (import_path);

  if (keep != NULL)
    path = g_strdup (keep);
  else
    {
      dir = g_dir_make_tmp ("enough-bench-XXXXXX", &error);
      if (dir == NULL)
        die ("temporary folder", error);
      path = g_build_filename (dir, "journal.db", NULL);
    }

  /* generate_s */
  if (keep != NULL && g_file_test (keep, G_FILE_TEST_EXISTS))
    goto generated;
  store = enough_store_open (path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  if (store == NULL)
    die ("open", error);
  start = g_get_monotonic_time ();
  if (!enough_store_generate_synthetic (store, (guint) entries, (guint32) seed, &error))
    die ("generate", error);
  if (!enough_store_close (store, &error))
    die ("close", error);
  g_object_unref (store);
  printf ("METRIC generate_s %.2f s\n", bench_ms_since (start) / 1000.0);
  fflush (stdout);

generated:

  /* open_ms: open + the first page of each list, as the window shows them.
   * The integrity check of a big file runs on the worker, not in here. */
  for (guint i = 0; i < G_N_ELEMENTS (open_ms); i++)
    {
      start = g_get_monotonic_time ();
      store = enough_store_open (path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
      if (store == NULL)
        die ("open", error);
      touch_first_page (enough_store_get_dialogues (store));
      touch_first_page (enough_store_get_letters (store));
      touch_first_page (enough_store_get_self_checks (store));
      open_ms[i] = bench_ms_since (start);
      if (i + 1 < G_N_ELEMENTS (open_ms))
        {
          enough_store_close (store, NULL);
          g_object_unref (store);
        }
    }
  printf ("METRIC open_ms %.2f ms\n", bench_percentile (open_ms, G_N_ELEMENTS (open_ms), 0.5));
  /* The rest of the lists' ids arrive from an idle after the first frame;
   * this is how long that takes in total (off the open path). */
  start = g_get_monotonic_time ();
  enough_store_load_all (store);
  printf ("METRIC lists_loaded_ms %.2f ms\n", bench_ms_since (start));
  fflush (stdout);

  /* The figures below are for a settled journal: let the background
   * integrity check of the big file finish first (it has its own thread
   * and connection, but on 2 cores it competes for the CPU). */
  start = g_get_monotonic_time ();
  _enough_store_wait_idle (store);
  printf ("METRIC background_check_wait_s %.2f s\n", bench_ms_since (start) / 1000.0);

  /* search: 100 varied queries, as typed into the search bar; includes
   * reading every result's snippet. */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GListModel) results = NULL;
      gboolean complete = TRUE;

      start = g_get_monotonic_time ();
      results = enough_store_search (store, queries[i], 20, &complete, &error);
      if (results == NULL)
        die ("search", error);
      for (guint r = 0; r < g_list_model_get_n_items (results); r++)
        {
          g_autoptr(EnoughSearchResult) result = g_list_model_get_item (results, r);
          g_assert (enough_search_result_get_snippet (result) != NULL);
        }
      search_ms[i] = bench_ms_since (start);
      n_incomplete += !complete;
      if (g_getenv ("ENOUGH_BENCH_VERBOSE"))
        g_printerr ("%-20s %7.2f ms %3u results%s\n", queries[i], search_ms[i],
                    g_list_model_get_n_items (results), complete ? "" : " (partial)");
    }
  printf ("METRIC search_p50_ms %.2f ms\n", bench_percentile (search_ms, G_N_ELEMENTS (search_ms), 0.5));
  printf ("METRIC search_p95_ms %.2f ms\n", bench_percentile (search_ms, G_N_ELEMENTS (search_ms), 0.95));
  printf ("METRIC search_partial_count %u queries\n", n_incomplete);
  fflush (stdout);

  /* autosave_p95_ms: the UI thread's cost of handing over one edit (a
   * keystroke in a 2–4 KB letter); the write happens later, on the worker. */
  {
    g_autoptr(EnoughLetter) letter = enough_store_create_letter (store);
    GString *text = g_string_new (NULL);

    while (text->len < 2048)
      g_string_append (text, "A kind sentence to myself, typed one key at a time. ");
    for (guint i = 0; i < G_N_ELEMENTS (autosave_ms); i++)
      {
        g_string_append_c (text, (char) ('a' + i % 26));
        start = g_get_monotonic_time ();
        enough_letter_set_text (letter, text->str);
        autosave_ms[i] = bench_ms_since (start);
        /* Let a batch go now and then, as the timer would. */
        if (i % 500 == 499 && !enough_store_flush (store, &error))
          die ("flush", error);
      }
    g_string_free (text, TRUE);
  }
  printf ("METRIC autosave_p95_ms %.4f ms\n", bench_percentile (autosave_ms, G_N_ELEMENTS (autosave_ms), 0.95));

  if (!enough_store_close (store, &error))
    die ("close", error);
  g_object_unref (store);

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    printf ("METRIC db_mb %.1f MB\n", (file_size (path) + file_size (wal)) / (1024.0 * 1024.0));
  }
  /* export_json_s: the whole journal to a JSON file; import_json_s: that
   * file (read, checked, written in one transaction) into an empty journal. */
  {
    g_autofree char *io_dir = g_dir_make_tmp ("enough-bench-io-XXXXXX", NULL);
    g_autofree char *json_path = g_build_filename (io_dir, "export.json", NULL);
    g_autofree char *db2_path = g_build_filename (io_dir, "imported.db", NULL);
    g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
    EnoughExportOptions export_options = { ENOUGH_EXPORT_JSON, 0, 0, 0, 0 };
    EnoughStore *store2;
    guint n_exported = 0, n_imported = 0;

    start = g_get_monotonic_time ();
    if (!enough_export_to_file (path, &export_options, json_file, &n_exported, NULL, &error))
      die ("export", error);
    printf ("METRIC export_json_s %.2f s\n", bench_ms_since (start) / 1000.0);
    g_printerr ("exported %u entries, %.1f MB\n", n_exported, file_size (json_path) / (1024.0 * 1024.0));

    store2 = enough_store_open (db2_path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
    if (store2 == NULL)
      die ("open", error);
    start = g_get_monotonic_time ();
    if (!enough_import_file (store2, json_file, &n_imported, NULL, &error))
      die ("import", error);
    printf ("METRIC import_json_s %.2f s\n", bench_ms_since (start) / 1000.0);
    if (n_imported != n_exported)
      g_printerr ("import added %u of %u entries\n", n_imported, n_exported);
    fflush (stdout);

    /* index_after_import_s: the search index of the imported rows, built
     * afterwards on the store's worker (in the app: in the background, a
     * chunk at a time); what a search shows meanwhile, as you type and in
     * the background. */
    {
      gboolean complete = TRUE, more = TRUE;
      g_autoptr(GListModel) results = NULL;
      g_autoptr(GListModel) all = NULL;

      start = g_get_monotonic_time ();
      results = enough_store_search (store2, "garden", 20, &complete, &error);
      if (results == NULL)
        die ("search", error);
      printf ("METRIC search_unindexed_sync_ms %.2f ms (%s)\n", bench_ms_since (start),
              complete ? "complete" : "incomplete");
      _enough_store_set_background_indexing (FALSE);
      /* a common word (the newest matches come quickly) and a word in
       * no entry (every pending row is scanned) */
      for (guint q = 0; q < 2; q++)
        {
          const char *word = q == 0 ? "garden" : "zebra";
          GAsyncResult *result = NULL;

          start = g_get_monotonic_time ();
          enough_store_search_async (store2, word, 20, NULL, got_result, &result);
          while (result == NULL)
            g_main_context_iteration (NULL, TRUE);
          g_clear_object (&all);
          all = enough_store_search_finish (store2, result, &error);
          g_object_unref (result);
          if (all == NULL)
            die ("search", error);
          printf ("METRIC search_unindexed_async_%s_ms %.2f ms (%u results)\n", word, bench_ms_since (start),
                  g_list_model_get_n_items (all));
        }
      start = g_get_monotonic_time ();
      while (more)
        if (!_enough_store_index_step (store2, &more, &error))
          die ("index", error);
      printf ("METRIC index_after_import_s %.2f s\n", bench_ms_since (start) / 1000.0);
    }
    if (!enough_store_close (store2, &error))
      die ("close", error);
    g_object_unref (store2);
    bench_remove_dir (io_dir);
  }

  getrusage (RUSAGE_SELF, &usage);
  printf ("METRIC peak_rss_mb %.1f MB\n", usage.ru_maxrss / 1024.0);

  if (dir != NULL)
    bench_remove_dir (dir);
  return 0;
}
