/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench-utils.h"
#include "enough-export.h"
#include "enough-import.h"
#include "enough-store.h"

/* The startup benchmark (issue "Performance at scale"). Run by hand:
 *
 *   _build-perf/bench/enough-bench-startup [--entries 100000] [--runs 10]
 *
 * 1. Makes (once, then reuses) a synthetic journal of N entries with the
 *    store's generator, in ~/.cache/enough-bench/journal-N/journal.db.
 * 2. Starts its own Xvfb and D-Bus session (xvfb-run + dbus-run-session,
 *    by running itself again inside them).
 * 3. Launches, alternately, the bare AdwApplicationWindow program
 *    (bench/bare-window), the real `enough` on the big journal, `enough`
 *    on an empty journal and `enough` on a small journal: the newest
 *    --small entries of the big one (exported and imported), so both fill
 *    the window with the same entries and memory that grows with the
 *    journal shows as the difference between big and small; one
 *    unmeasured warm-up run of each first.
 *    Both programs get the same environment (GSETTINGS_BACKEND=memory,
 *    GTK_A11Y=none) and the same LD_PRELOADed probe (enough-startup-probe.c):
 *    startup = from just before posix_spawn() to the end of the first frame
 *    the window painted (GdkFrameClock::after-paint), both on CLOCK_MONOTONIC;
 *    RSS = VmRSS once the UI has been idle for --settle-ms after that frame
 *    (4 s by default: past the big journal's background integrity check,
 *    which starts 3 s after open, so RSS is what stays for the session).
 * 4. Prints METRIC lines: startup_ratio, startup_ms, bare_startup_ms,
 *    startup_empty_ms (medians of wall-clock time), the same as CPU time
 *    of the main thread and of the whole process until the first frame
 *    (robust on a busy machine), rss_big_mb, rss_empty_mb, rss_small_mb,
 *    and what the first frame showed (first_frame_rows,
 *    first_frame_spinners). */

#define SESSION_ENV "ENOUGH_BENCH_STARTUP_SESSION"
#define RUN_TIMEOUT_S 60

extern char **environ;

typedef struct
{
  double   startup_ms;
  double   cpu_ms;       /* all threads, until the first frame */
  double   main_cpu_ms;  /* the main (UI) thread, until the first frame */
  double   rss_mb;
  double   anon_mb;
  guint    rows;
  guint    spinners;
  gboolean ok;
} RunResult;

static gboolean verbose;

static G_GNUC_NORETURN void
die (const char   *what,
     const GError *error)
{
  g_printerr ("enough-bench-startup: %s%s%s\n", what, error ? ": " : "",
              error ? error->message : "");
  exit (1);
}

static void
make_journal (const char *path,
              guint       entries)
{
  g_autoptr(GError) error = NULL;
  EnoughStore *store;
  gint64 start = g_get_monotonic_time ();

  g_printerr ("Making a synthetic journal of %u entries in %s...\n", entries, path);
  store = enough_store_open (path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  if (store == NULL)
    die ("open", error);
  if (!enough_store_generate_synthetic (store, entries, 1, &error))
    die ("generate", error);
  if (!enough_store_close (store, &error))
    die ("close", error);
  g_object_unref (store);
  g_printerr ("... done in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
}

/* The newest @entries entries of the journal at @big_path, in a new
 * journal at @path: exported from the creation time of the newest
 * @entries-th on, then imported. */
static void
make_small_journal (const char *path,
                    const char *big_path,
                    guint       entries)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strconcat (path, ".json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json);
  EnoughExportOptions options = { 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  EnoughStore *store;
  guint n = 0;

  g_printerr ("Making a journal of the newest %u entries in %s...\n", entries, path);
  if (sqlite3_open_v2 (big_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "SELECT created FROM ("
                          " SELECT created FROM dialogue WHERE deleted_at = 0 UNION ALL"
                          " SELECT created FROM letter WHERE deleted_at = 0 UNION ALL"
                          " SELECT created FROM self_check WHERE deleted_at = 0)"
                          " ORDER BY created DESC LIMIT 1 OFFSET ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    die (sqlite3_errmsg (db), NULL);
  sqlite3_bind_int (stmt, 1, (int) entries - 1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    options.from_usec = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  options.format = ENOUGH_EXPORT_JSON;
  if (!enough_export_to_file (big_path, &options, file, &n, NULL, &error))
    die ("export", error);
  store = enough_store_open (path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  if (store == NULL)
    die ("open", error);
  if (!enough_import_file (store, file, NULL, NULL, &error))
    die ("import", error);
  if (!enough_store_close (store, &error))
    die ("close", error);
  g_object_unref (store);
  g_unlink (json);
  g_printerr ("... %u entries\n", n);
}

/* Reads the probe's lines until it said "idle" (or the program ended). */
static void
read_probe (int        fd,
            gint64     start,
            RunResult *result)
{
  GString *buffer = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + RUN_TIMEOUT_S * G_USEC_PER_SEC;
  gboolean idle = FALSE, framed = FALSE;

  while (!idle && g_get_monotonic_time () < deadline)
    {
      GPollFD pfd = { fd, G_IO_IN | G_IO_HUP, 0 };
      char chunk[512];
      ssize_t n;
      char *eol;

      if (g_poll (&pfd, 1, 1000) <= 0)
        continue;
      n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (buffer, chunk, n);

      while ((eol = strchr (buffer->str, '\n')) != NULL)
        {
          gint64 stamp, cpu, main_cpu;
          guint64 rss_kb, anon_kb;

          *eol = '\0';
          if (sscanf (buffer->str, "frame %" G_GINT64_FORMAT " cpu_us=%" G_GINT64_FORMAT
                      " main_cpu_us=%" G_GINT64_FORMAT, &stamp, &cpu, &main_cpu) == 3)
            {
              result->startup_ms = (stamp - start) / 1000.0;
              result->cpu_ms = cpu / 1000.0;
              result->main_cpu_ms = main_cpu / 1000.0;
              framed = TRUE;
            }
          else if (sscanf (buffer->str, "content lists=%*u rows=%u spinners=%u",
                           &result->rows, &result->spinners) == 2)
            ;
          else if (sscanf (buffer->str, "idle %*d rss_kb=%" G_GUINT64_FORMAT " anon_kb=%" G_GUINT64_FORMAT,
                           &rss_kb, &anon_kb) == 2)
            {
              result->rss_mb = rss_kb / 1024.0;
              result->anon_mb = anon_kb / 1024.0;
              idle = TRUE;
            }
          g_string_erase (buffer, 0, eol - buffer->str + 1);
        }
    }
  result->ok = framed && idle;
  g_string_free (buffer, TRUE);
}

static gboolean
wait_exit (pid_t pid)
{
  for (guint i = 0; i < RUN_TIMEOUT_S * 10; i++)
    {
      int status;
      pid_t r = waitpid (pid, &status, WNOHANG);

      if (r == pid)
        return WIFEXITED (status) && WEXITSTATUS (status) == 0;
      if (r < 0 && errno != EINTR)
        return FALSE;
      g_usleep (100 * 1000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  return FALSE;
}

static RunResult
run_once (const char  *program,
          const char  *data_dir,
          const char  *log_path,
          char       **base_env)
{
  g_auto(GStrv) env = g_strdupv (base_env);
  posix_spawn_file_actions_t actions;
  char *argv[] = { (char *) program, NULL };
  RunResult result = { 0 };
  int pipe_fds[2];
  pid_t pid;
  gint64 start;
  int rc;

  env = g_environ_setenv (env, "ENOUGH_DATA_DIR", data_dir, TRUE);
  if (!g_unix_open_pipe (pipe_fds, FD_CLOEXEC, NULL))
    die ("pipe", NULL);

  posix_spawn_file_actions_init (&actions);
  /* dup2 clears O_CLOEXEC on fd 3: the probe inherits it. */
  posix_spawn_file_actions_adddup2 (&actions, pipe_fds[1], 3);
  posix_spawn_file_actions_addopen (&actions, 1, log_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_adddup2 (&actions, 1, 2);

  start = g_get_monotonic_time ();
  rc = posix_spawn (&pid, program, &actions, NULL, argv, env);
  posix_spawn_file_actions_destroy (&actions);
  close (pipe_fds[1]);
  if (rc != 0)
    {
      close (pipe_fds[0]);
      g_printerr ("Could not start %s: %s\n", program, g_strerror (rc));
      return result;
    }

  read_probe (pipe_fds[0], start, &result);
  close (pipe_fds[0]);
  if (!result.ok)
    kill (pid, SIGTERM);
  if (!wait_exit (pid))
    g_printerr ("%s did not exit cleanly (see %s)\n", program, log_path);
  return result;
}

/* Runs this program again inside its own Xvfb and D-Bus session. */
static G_GNUC_NORETURN void
reexec_in_session (int    argc,
                   char **argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (char *) "xvfb-run");
  g_ptr_array_add (args, (char *) "-a");
  g_ptr_array_add (args, (char *) "-s");
  g_ptr_array_add (args, (char *) "-screen 0 1920x1080x24 -nolisten tcp");
  g_ptr_array_add (args, (char *) "dbus-run-session");
  g_ptr_array_add (args, (char *) "--");
  for (int i = 0; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);

  g_setenv (SESSION_ENV, "1", TRUE);
  execvp ("xvfb-run", (char **) args->pdata);
  g_printerr ("enough-bench-startup: could not run xvfb-run: %s\n", g_strerror (errno));
  exit (1);
}

static void
report (const char *label,
        guint       i,
        RunResult  *r)
{
  if (verbose || !r->ok)
    g_printerr ("%-6s %2u: %s %8.1f ms (cpu %6.1f, main thread %6.1f)  %6.1f MB  rows %u  spinners %u\n",
                label, i, r->ok ? "  " : "!!", r->startup_ms, r->cpu_ms, r->main_cpu_ms,
                r->rss_mb, r->rows, r->spinners);
}

int
main (int   argc,
      char *argv[])
{
  int entries = 100000;
  int runs = 10;
  int small_entries = 2000;
  int settle_ms = 4000;
  gboolean keep_a11y = FALSE;
  g_autofree char *journal_dir = NULL;
  g_autofree char *app = g_strdup (BENCH_APP_PATH);
  g_autofree char *bare = g_strdup (BENCH_BARE_PATH);
  g_autofree char *probe = g_strdup (BENCH_PROBE_PATH);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) original_argv = g_strdupv (argv);
  GOptionEntry options[] = {
    { "entries", 'n', 0, G_OPTION_ARG_INT, &entries, "Entries in the big journal (100000)", "N" },
    { "small", 0, 0, G_OPTION_ARG_INT, &small_entries,
      "Entries in the small journal: the big one's newest (2000)", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Measured runs of each program (10)", "R" },
    { "journal", 'j', 0, G_OPTION_ARG_FILENAME, &journal_dir,
      "Folder of the big journal (made if missing; default ~/.cache/enough-bench/journal-N)", "DIR" },
    { "settle-ms", 0, 0, G_OPTION_ARG_INT, &settle_ms,
      "Idle time after the first frame before reading RSS (4000)", "MS" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app, "The enough binary", "PATH" },
    { "bare", 0, 0, G_OPTION_ARG_FILENAME, &bare, "The bare window binary", "PATH" },
    { "keep-a11y", 0, 0, G_OPTION_ARG_NONE, &keep_a11y, "Do not set GTK_A11Y=none", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print every run", NULL },
    { NULL }
  };
  g_autofree char *journal_path = NULL;
  g_autofree char *small_dir = NULL;
  g_autofree char *small_path = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *empty_dir = NULL;
  g_autofree char *log_path = NULL;
  g_auto(GStrv) env = NULL;
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_main = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_main = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_main = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) small_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) small_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_anon = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_anon = g_array_new (FALSE, FALSE, sizeof (double));
  guint min_rows = G_MAXUINT, max_spinners = 0;
  guint failures = 0;

  context = g_option_context_new ("- startup time and memory of Enough with a big journal");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || entries < 0 || small_entries < 1 || runs < 1)
    die ("options", error);

  if (journal_dir == NULL)
    {
      g_autofree char *name = g_strdup_printf ("journal-%d", entries);
      journal_dir = g_build_filename (g_get_user_cache_dir (), "enough-bench", name, NULL);
    }
  journal_path = g_build_filename (journal_dir, "journal.db", NULL);
  {
    g_autofree char *name = g_strdup_printf ("journal-%d-newest-%d", entries, small_entries);
    g_autofree char *parent = g_path_get_dirname (journal_dir);

    small_dir = g_build_filename (parent, name, NULL);
    small_path = g_build_filename (small_dir, "journal.db", NULL);
  }

  if (g_getenv (SESSION_ENV) == NULL)
    {
      if (g_mkdir_with_parents (journal_dir, 0700) != 0)
        die ("journal folder", NULL);
      if (!g_file_test (journal_path, G_FILE_TEST_EXISTS))
        make_journal (journal_path, (guint) entries);
      if (g_mkdir_with_parents (small_dir, 0700) != 0)
        die ("small journal folder", NULL);
      if (!g_file_test (small_path, G_FILE_TEST_EXISTS))
        make_small_journal (small_path, journal_path, (guint) small_entries);
      reexec_in_session (g_strv_length (original_argv), original_argv);
    }

  tmp = g_dir_make_tmp ("enough-bench-startup-XXXXXX", &error);
  if (tmp == NULL)
    die ("temporary folder", error);
  empty_dir = g_build_filename (tmp, "empty", NULL);
  g_mkdir (empty_dir, 0700);
  log_path = g_build_filename (tmp, "programs.log", NULL);

  env = g_get_environ ();
  env = g_environ_unsetenv (env, SESSION_ENV);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, TRUE);
  env = g_environ_setenv (env, "LD_PRELOAD", probe, TRUE);
  env = g_environ_setenv (env, "ENOUGH_PROBE_FD", "3", TRUE);
  {
    g_autofree char *settle = g_strdup_printf ("%d", settle_ms);
    env = g_environ_setenv (env, "ENOUGH_PROBE_SETTLE_MS", settle, TRUE);
  }
  if (!keep_a11y)
    env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);

  /* Warm-up: font and shader caches, the big journal's daily backup. */
  {
    RunResult r;

    r = run_once (bare, empty_dir, log_path, env);
    report ("warm", 0, &r);
    r = run_once (app, journal_dir, log_path, env);
    report ("warm", 0, &r);
    r = run_once (app, empty_dir, log_path, env);
    report ("warm", 0, &r);
    r = run_once (app, small_dir, log_path, env);
    report ("warm", 0, &r);
  }

  for (int i = 0; i < runs; i++)
    {
      RunResult b = run_once (bare, empty_dir, log_path, env);
      RunResult a = run_once (app, journal_dir, log_path, env);
      RunResult e = run_once (app, empty_dir, log_path, env);
      RunResult m = run_once (app, small_dir, log_path, env);

      report ("bare", i, &b);
      report ("big", i, &a);
      report ("empty", i, &e);
      report ("small", i, &m);
      failures += !b.ok + !a.ok + !e.ok + !m.ok;
      if (m.ok)
        {
          g_array_append_val (small_ms, m.startup_ms);
          g_array_append_val (small_rss, m.rss_mb);
        }
      if (b.ok)
        {
          g_array_append_val (bare_ms, b.startup_ms);
          g_array_append_val (bare_cpu, b.cpu_ms);
          g_array_append_val (bare_main, b.main_cpu_ms);
        }
      if (a.ok)
        {
          g_array_append_val (big_ms, a.startup_ms);
          g_array_append_val (big_cpu, a.cpu_ms);
          g_array_append_val (big_main, a.main_cpu_ms);
          g_array_append_val (big_rss, a.rss_mb);
          g_array_append_val (big_anon, a.anon_mb);
          min_rows = MIN (min_rows, a.rows);
          max_spinners = MAX (max_spinners, a.spinners);
        }
      if (e.ok)
        {
          g_array_append_val (empty_ms, e.startup_ms);
          g_array_append_val (empty_cpu, e.cpu_ms);
          g_array_append_val (empty_main, e.main_cpu_ms);
          g_array_append_val (empty_rss, e.rss_mb);
          g_array_append_val (empty_anon, e.anon_mb);
        }
    }

  if (big_ms->len == 0 || bare_ms->len == 0 || empty_ms->len == 0 || small_ms->len == 0)
    {
      g_autofree char *log = NULL;

      g_file_get_contents (log_path, &log, NULL, NULL);
      g_printerr ("%s\n", log ? log : "");
      die ("no successful runs", NULL);
    }

  {
    double big = bench_median (big_ms), bare_median = bench_median (bare_ms);

    printf ("METRIC startup_ratio %.3f ratio\n", big / bare_median);
    printf ("METRIC startup_ms %.1f ms\n", big);
    printf ("METRIC bare_startup_ms %.1f ms\n", bare_median);
    printf ("METRIC startup_empty_ms %.1f ms\n", bench_median (empty_ms));
    printf ("METRIC startup_small_ms %.1f ms\n", bench_median (small_ms));
    /* CPU time until the first frame: what the programs did, whatever else
     * the machine was doing (the wall-clock figures above are not). */
    printf ("METRIC startup_main_cpu_ratio %.3f ratio\n", bench_median (big_main) / bench_median (bare_main));
    printf ("METRIC startup_main_cpu_ms %.1f ms\n", bench_median (big_main));
    printf ("METRIC bare_main_cpu_ms %.1f ms\n", bench_median (bare_main));
    printf ("METRIC empty_main_cpu_ms %.1f ms\n", bench_median (empty_main));
    printf ("METRIC startup_cpu_ms %.1f ms\n", bench_median (big_cpu));
    printf ("METRIC bare_cpu_ms %.1f ms\n", bench_median (bare_cpu));
    printf ("METRIC empty_cpu_ms %.1f ms\n", bench_median (empty_cpu));
    printf ("METRIC rss_big_mb %.1f mb\n", bench_median (big_rss));
    printf ("METRIC rss_empty_mb %.1f mb\n", bench_median (empty_rss));
    /* The same screen filled from a small journal: what the big journal
     * costs beyond showing entries at all. */
    printf ("METRIC rss_small_mb %.1f mb\n", bench_median (small_rss));
    printf ("METRIC rss_anon_big_mb %.1f mb\n", bench_median (big_anon));
    printf ("METRIC rss_anon_empty_mb %.1f mb\n", bench_median (empty_anon));
    /* The first frame must show the newest entries, not a spinner. */
    printf ("METRIC first_frame_rows %u rows\n", min_rows);
    printf ("METRIC first_frame_spinners %u spinners\n", max_spinners);
  }
  {
    double load[3];

    if (getloadavg (load, 3) == 3)
      g_printerr ("Load average at the end: %.2f (on %u CPUs): wall-clock figures are only "
                  "meaningful on an otherwise idle machine.\n", load[0], g_get_num_processors ());
  }
  if (failures > 0)
    g_printerr ("%u runs failed (see %s)\n", failures, log_path);
  else
    {
      g_unlink (log_path);
      bench_remove_dir (empty_dir);
      g_rmdir (tmp);
    }
  return failures > 0 ? 1 : 0;
}
