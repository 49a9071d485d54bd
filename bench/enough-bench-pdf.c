/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bench-utils.h"
#include "enough-export.h"
#include "enough-store.h"

/* The PDF export of a whole synthetic journal (100,000 entries by
 * default): its time and the process's peak memory, measured in a child
 * process of its own so the journal's generation does not count. The
 * Markdown export is timed too, and its size is what the PDF export would
 * hold in memory if it laid the Markdown out at the end instead of one
 * entry at a time. Run by hand (see docs/performance.md):
 *
 *   _build/bench/enough-bench-pdf [--entries N] [--db PATH]
 */

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("enough-bench-pdf: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static double
file_mb (const char *path)
{
  GStatBuf st;
  return g_stat (path, &st) == 0 ? st.st_size / (1024.0 * 1024.0) : 0;
}

/* VmRSS of this process now, in MB. */
static double
rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtod (line + 6, NULL) / 1024.0;
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  guint *calls = user_data;
  (*calls)++;
}

/* In the child: one export, then its figures. */
static int
export_once (const char         *db_path,
             EnoughExportFormat  format,
             const char         *out_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  EnoughExportOptions options = { format };
  const char *name = format == ENOUGH_EXPORT_PDF ? "pdf" : "markdown";
  struct rusage usage;
  double before = rss_mb ();
  guint n = 0, calls = 0;
  gint64 start;

  options.progress = progress_cb;
  options.progress_data = &calls;
  start = g_get_monotonic_time ();
  if (!enough_export_to_file (db_path, &options, file, &n, NULL, &error))
    die ("export", error);
  printf ("METRIC export_%s_s %.2f s\n", name, bench_ms_since (start) / 1000.0);
  getrusage (RUSAGE_SELF, &usage);
  printf ("METRIC export_%s_cpu_s %.2f s\n", name,
          usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6);
  printf ("METRIC export_%s_rss_before_mb %.1f MB\n", name, before);
  printf ("METRIC export_%s_peak_rss_mb %.1f MB\n", name, usage.ru_maxrss / 1024.0);
  printf ("METRIC export_%s_file_mb %.1f MB\n", name, file_mb (out_path));
  printf ("METRIC export_%s_entries %u entries\n", name, n);
  printf ("METRIC export_%s_progress_calls %u calls\n", name, calls);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  int entries = 100000;
  g_autofree char *keep = NULL;
  g_autofree char *child_format = NULL;
  g_autofree char *child_out = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GOptionEntry options[] = {
    { "entries", 'n', 0, G_OPTION_ARG_INT, &entries, "Number of journal entries (100000)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &keep,
      "Use (and keep) this journal; generated only if missing", "PATH" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child_format, NULL, NULL },
    { "out", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_out, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new ("- benchmark the PDF export");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || entries < 0)
    die ("options", error);
  if (child_format != NULL && keep != NULL && child_out != NULL)
    return export_once (keep, g_str_equal (child_format, "pdf") ? ENOUGH_EXPORT_PDF : ENOUGH_EXPORT_MARKDOWN,
                        child_out);

  dir = g_dir_make_tmp ("enough-bench-pdf-XXXXXX", &error);
  if (dir == NULL)
    die ("temporary folder", error);
  path = keep != NULL ? g_strdup (keep) : g_build_filename (dir, "journal.db", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      EnoughStore *store = enough_store_open (path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);

      if (store == NULL)
        die ("open", error);
      if (!enough_store_generate_synthetic (store, (guint) entries, 1, &error))
        die ("generate", error);
      if (!enough_store_close (store, &error))
        die ("close", error);
      g_object_unref (store);
    }

  /* Each export in a process of its own: its peak is its own. */
  for (guint i = 0; i < 2; i++)
    {
      const char *format = i == 0 ? "markdown" : "pdf";
      g_autofree char *out = g_build_filename (dir, i == 0 ? "export.md" : "export.pdf", NULL);
      const char *child_argv[] = { "/proc/self/exe", "--child", format, "--db", path, "--out", out, NULL };
      int status = 0;

      fflush (stdout);
      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        die (format, error);
    }
  bench_remove_dir (dir);
  return 0;
}
