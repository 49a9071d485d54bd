/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-queries.h"
#include "bench-utils.h"
#include "enough-crypt-vfs.h"
#include "enough-export.h"
#include "enough-import.h"
#include "enough-store.h"
#include "enough-store-private.h"
#include "enough-store-test-hooks.h"

/* Encrypted against plain, in the same run: one synthetic journal of N
 * entries, a plain copy and an encrypted copy (enough_store_encrypt), then
 * every figure measured on both, alternating, so a busy machine weighs on
 * both alike. Prints "METRIC <name>_plain|_encrypted <value> <unit>" and
 * the ratios. Run by hand (docs/performance.md):
 *
 *   _build/bench/enough-bench-crypt [--entries N] [--seed S] [--dir DIR]
 *
 * --dir keeps both journals in DIR and reuses them when they are there
 * (profiling the searches without building them again).
 */

#define PASSPHRASE "benchmark passphrase"

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("enough-bench-crypt: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static EnoughStore *
open_store (const char     *path,
            EnoughCryptKey *key)
{
  g_autoptr(GError) error = NULL;
  EnoughStore *store = key != NULL
    ? enough_store_open_with_key (path, key, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error)
    : enough_store_open (path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);

  if (store == NULL)
    die ("open", error);
  return store;
}

static void
close_store (EnoughStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!enough_store_close (store, &error))
    die ("close", error);
  g_object_unref (store);
}

static void
touch_first_page (GListModel *model)
{
  guint n = MIN (g_list_model_get_n_items (model), 20);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
    }
}

static double
open_once (const char     *path,
           EnoughCryptKey *key,
           EnoughStore   **out_store)
{
  gint64 start = g_get_monotonic_time ();
  EnoughStore *store = open_store (path, key);

  touch_first_page (enough_store_get_dialogues (store));
  touch_first_page (enough_store_get_letters (store));
  touch_first_page (enough_store_get_self_checks (store));
  {
    double ms = bench_ms_since (start);

    if (out_store != NULL)
      *out_store = store;
    else
      close_store (store);
    return ms;
  }
}

/* This thread's CPU time in ms: on a machine shared with other builds the
 * wall time of a search is mostly waiting for a core, its CPU time is not
 * (the search runs on the calling thread; the kernel's share of a read,
 * copying or not, counts too). */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
search_once (EnoughStore *store,
             const char  *query,
             double      *cpu_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  double cpu_start = thread_cpu_ms ();
  gint64 start = g_get_monotonic_time ();

  results = enough_store_search (store, query, 20, NULL, &error);
  if (results == NULL)
    die ("search", error);
  for (guint r = 0; r < g_list_model_get_n_items (results); r++)
    {
      g_autoptr(EnoughSearchResult) result = g_list_model_get_item (results, r);

      (void) enough_search_result_get_snippet (result);
    }
  *cpu_ms = thread_cpu_ms () - cpu_start;
  return bench_ms_since (start);
}

/* The UI thread's cost of one keystroke, 2,000 times, flushed now and then. */
static double
autosave_p95 (EnoughStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (store);
  g_autoptr(GString) text = g_string_new (NULL);
  double ms[2000];

  while (text->len < 2048)
    g_string_append (text, "A kind sentence to myself, typed one key at a time. ");
  for (guint i = 0; i < G_N_ELEMENTS (ms); i++)
    {
      gint64 start;

      g_string_append_c (text, (char) ('a' + i % 26));
      start = g_get_monotonic_time ();
      enough_letter_set_text (letter, text->str);
      ms[i] = bench_ms_since (start);
      if (i % 500 == 499 && !enough_store_flush (store, &error))
        die ("flush", error);
    }
  return bench_percentile (ms, G_N_ELEMENTS (ms), 0.95);
}

/* The time of one whole autosave batch written on the worker (flush). */
static double
flush_ms (EnoughStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (store);
  gint64 start;

  enough_letter_set_text (letter, "One more letter, saved once.");
  start = g_get_monotonic_time ();
  if (!enough_store_flush (store, &error))
    die ("flush", error);
  return bench_ms_since (start);
}

static double
export_once (const char *db_path,
             const char *json_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (json_path);
  EnoughExportOptions options = { ENOUGH_EXPORT_JSON, 0, 0, 0, 0 };
  guint n = 0;
  gint64 start = g_get_monotonic_time ();

  if (!enough_export_to_file (db_path, &options, file, &n, NULL, &error))
    die ("export", error);
  return bench_ms_since (start) / 1000.0;
}

/* Imports @json into a new journal, encrypted with @key or plain. */
static double
import_once (const char     *json_path,
             EnoughCryptKey *key)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("enough-bench-crypt-import-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json_path);
  EnoughStore *store;
  gint64 start;
  guint n = 0;

  if (key != NULL)
    {
      /* A new journal with a key file of its own (cheap parameters: the
       * unlock is not what is measured here). */
      g_autofree char *key_path = enough_key_file_path_for (db_path);
      g_autoptr(EnoughCryptKey) own = enough_key_file_create (key_path, PASSPHRASE, NULL, &error);

      if (own == NULL)
        die ("key file", error);
      store = open_store (db_path, own);
    }
  else
    store = open_store (db_path, NULL);
  _enough_store_set_background_indexing (FALSE);
  start = g_get_monotonic_time ();
  if (!enough_import_file (store, file, &n, NULL, &error))
    die ("import", error);
  {
    double s = bench_ms_since (start) / 1000.0;

    close_store (store);
    bench_remove_dir (dir);
    return s;
  }
}

static void
metric_pair (const char *name,
             double      plain,
             double      encrypted,
             const char *unit,
             int         digits)
{
  printf ("METRIC %s_plain %.*f %s\n", name, digits, plain, unit);
  printf ("METRIC %s_encrypted %.*f %s\n", name, digits, encrypted, unit);
  printf ("METRIC %s_ratio %.2f ratio\n", name, plain > 0 ? encrypted / plain : 0.0);
  fflush (stdout);
}

/* The UI thread's read connection's page cache, in MB: what searching adds
 * to the memory (the encrypted journal keeps more decrypted pages). */
static double
read_cache_mb (EnoughStore *store)
{
  int used = 0, high = 0;

  sqlite3_db_status (_enough_store_get_read_db (store), SQLITE_DBSTATUS_CACHE_USED, &used, &high, FALSE);
  return used / 1048576.0;
}

/* Pages the read connection had to read from its file since the last
 * call (each one a decryption in an encrypted journal). */
static int
read_cache_misses (EnoughStore *store)
{
  int misses = 0, high = 0;

  sqlite3_db_status (_enough_store_get_read_db (store), SQLITE_DBSTATUS_CACHE_MISS, &misses, &high, TRUE);
  return misses;
}

/* One synthetic journal at @plain, copied to @secret and encrypted. */
static void
make_journals (const char *plain,
               const char *secret,
               int         entries,
               int         seed)
{
  g_autoptr(GError) error = NULL;
  EnoughStore *store = open_store (plain, NULL);
  gint64 start;

  if (!enough_store_generate_synthetic (store, (guint) entries, (guint32) seed, &error))
    die ("generate", error);
  close_store (store);
  {
    /* The plain one vacuumed like the encrypted copy will be, so both
     * files are laid out alike. */
    g_autofree char *secret_dir = g_path_get_dirname (secret);
    g_autoptr(GFile) from = g_file_new_for_path (plain);
    g_autoptr(GFile) to = g_file_new_for_path (secret);
    sqlite3 *db = NULL;

    if (sqlite3_open (plain, &db) != SQLITE_OK || sqlite3_exec (db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK)
      die ("vacuum", NULL);
    sqlite3_close (db);
    g_mkdir_with_parents (secret_dir, 0700);
    if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
      die ("copy", error);
  }
  start = g_get_monotonic_time ();
  if (!enough_store_encrypt (secret, PASSPHRASE, NULL, &error))
    die ("encrypt", error);
  printf ("METRIC encrypt_s %.2f s\n", bench_ms_since (start) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  int entries = 100000;
  int seed = 1;
  int read_cache_kib = 0;
  gboolean skip_io = FALSE;
  g_autofree char *keep_dir = NULL;
  gboolean reuse = FALSE;
  GOptionEntry options[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Keep the journals in DIR (reused if there)", "DIR" },
    { "skip-io", 0, 0, G_OPTION_ARG_NONE, &skip_io, "Leave out export and import", NULL },
    { "entries", 'n', 0, G_OPTION_ARG_INT, &entries, "Number of journal entries (100000)", "N" },
    { "read-cache-kib", 0, 0, G_OPTION_ARG_INT, &read_cache_kib,
      "Page cache of both stores' read connections (default: the store's own)", "KIB" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Random seed (1)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- encrypted against plain journal");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *secret = NULL;
  g_autoptr(EnoughCryptKey) key = NULL;
  EnoughStore *plain_store, *secret_store;
  double open_plain[5], open_secret[5];
  double search_plain[G_N_ELEMENTS (queries)], search_secret[G_N_ELEMENTS (queries)];
  double cpu_plain[G_N_ELEMENTS (queries)], cpu_secret[G_N_ELEMENTS (queries)];
  double flush_plain[20], flush_secret[20];
  gint64 start;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || entries < 0)
    die ("options", error);
  dir = keep_dir != NULL ? g_strdup (keep_dir) : g_dir_make_tmp ("enough-bench-crypt-XXXXXX", &error);
  if (dir == NULL)
    die ("temporary folder", error);
  plain = g_build_filename (dir, "plain", "journal.db", NULL);
  secret = g_build_filename (dir, "secret", "journal.db", NULL);
  reuse = keep_dir != NULL && g_file_test (plain, G_FILE_TEST_EXISTS) && enough_store_is_encrypted (secret);

  /* One journal, copied, the copy encrypted (the real ~0.5 s Argon2id). */
  if (!reuse)
    make_journals (plain, secret, entries, seed);
  start = g_get_monotonic_time ();
  key = enough_store_unlock (secret, PASSPHRASE, &error);
  if (key == NULL)
    die ("unlock", error);
  printf ("METRIC unlock_ms %.1f ms\n", bench_ms_since (start));
  fflush (stdout);

  /* open_ms (without the unlock), alternating. */
  for (guint i = 0; i < G_N_ELEMENTS (open_plain); i++)
    {
      open_plain[i] = open_once (plain, NULL, NULL);
      open_secret[i] = open_once (secret, key, NULL);
    }
  metric_pair ("open_ms", bench_percentile (open_plain, 5, 0.5),
               bench_percentile (open_secret, 5, 0.5), "ms", 2);

  open_once (plain, NULL, &plain_store);
  open_once (secret, key, &secret_store);
  _enough_store_wait_idle (plain_store);
  _enough_store_wait_idle (secret_store);
  metric_pair ("read_cache_open_mb", read_cache_mb (plain_store), read_cache_mb (secret_store), "MB", 2);
  read_cache_misses (plain_store);
  read_cache_misses (secret_store);
  if (read_cache_kib > 0)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = -%d", read_cache_kib);

      sqlite3_exec (_enough_store_get_read_db (plain_store), pragma, NULL, NULL, NULL);
      sqlite3_exec (_enough_store_get_read_db (secret_store), pragma, NULL, NULL, NULL);
    }
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (_enough_store_get_read_db (secret_store), "PRAGMA cache_size", -1, &stmt, NULL);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      g_printerr ("read cache: %lld (plain: ", (long long) sqlite3_column_int64 (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_prepare_v2 (_enough_store_get_read_db (plain_store), "PRAGMA cache_size", -1, &stmt, NULL);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      g_printerr ("%lld)\n", (long long) sqlite3_column_int64 (stmt, 0));
    sqlite3_finalize (stmt);
  }
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      search_plain[i] = search_once (plain_store, queries[i], &cpu_plain[i]);
      search_secret[i] = search_once (secret_store, queries[i], &cpu_secret[i]);
      if (g_getenv ("ENOUGH_BENCH_VERBOSE") != NULL)
        g_printerr ("query %-20s %8.2f %8.2f ms, CPU %8.2f %8.2f ms\n", queries[i],
                    search_plain[i], search_secret[i], cpu_plain[i], cpu_secret[i]);
    }
  metric_pair ("search_p50_ms", bench_percentile (search_plain, G_N_ELEMENTS (queries), 0.5),
               bench_percentile (search_secret, G_N_ELEMENTS (queries), 0.5), "ms", 2);
  metric_pair ("search_p95_ms", bench_percentile (search_plain, G_N_ELEMENTS (queries), 0.95),
               bench_percentile (search_secret, G_N_ELEMENTS (queries), 0.95), "ms", 2);
  metric_pair ("search_cpu_p50_ms", bench_percentile (cpu_plain, G_N_ELEMENTS (queries), 0.5),
               bench_percentile (cpu_secret, G_N_ELEMENTS (queries), 0.5), "ms", 2);
  {
    double sum_plain = 0, sum_secret = 0;

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        sum_plain += cpu_plain[i];
        sum_secret += cpu_secret[i];
      }
    metric_pair ("search_cpu_total_ms", sum_plain, sum_secret, "ms", 1);
  }
  metric_pair ("read_cache_searched_mb", read_cache_mb (plain_store), read_cache_mb (secret_store), "MB", 2);
  metric_pair ("search_pages_read", read_cache_misses (plain_store), read_cache_misses (secret_store), "pages", 0);
  {
    double a = autosave_p95 (plain_store);
    double b = autosave_p95 (secret_store);

    metric_pair ("autosave_p95_ms", a, b, "ms", 4);
  }
  for (guint i = 0; i < G_N_ELEMENTS (flush_plain); i++)
    {
      flush_plain[i] = flush_ms (plain_store);
      flush_secret[i] = flush_ms (secret_store);
    }
  metric_pair ("save_batch_p50_ms", bench_percentile (flush_plain, 20, 0.5),
               bench_percentile (flush_secret, 20, 0.5), "ms", 2);
  close_store (plain_store);
  close_store (secret_store);

  /* export_json_s / import_json_s: each twice, alternating; medians are
   * of two, i.e. the mean. */
  if (!skip_io)
    {
      g_autofree char *json_plain = g_build_filename (dir, "plain.json", NULL);
      g_autofree char *json_secret = g_build_filename (dir, "secret.json", NULL);
      double ex_plain[2], ex_secret[2], im_plain[2], im_secret[2];

      enough_crypt_keyring_add (secret, key);
      for (guint i = 0; i < 2; i++)
        {
          ex_plain[i] = export_once (plain, json_plain);
          ex_secret[i] = export_once (secret, json_secret);
        }
      enough_crypt_keyring_remove (secret);
      metric_pair ("export_json_s", (ex_plain[0] + ex_plain[1]) / 2, (ex_secret[0] + ex_secret[1]) / 2,
                   "s", 2);
      _enough_crypt_set_kdf_params (1, 64);
      for (guint i = 0; i < 2; i++)
        {
          im_plain[i] = import_once (json_plain, NULL);
          im_secret[i] = import_once (json_plain, key);
        }
      metric_pair ("import_json_s", (im_plain[0] + im_plain[1]) / 2, (im_secret[0] + im_secret[1]) / 2,
                   "s", 2);
    }
  {
    GStatBuf a, b;

    if (g_stat (plain, &a) == 0 && g_stat (secret, &b) == 0)
      metric_pair ("db_mb", a.st_size / 1048576.0, b.st_size / 1048576.0, "MB", 1);
  }
  if (keep_dir == NULL)
    bench_remove_dir (dir);
  return 0;
}
