/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "bench-utils.h"
#include "enough-application.h"
#include "enough-checkin-page.h"
#include "enough-import.h"
#include "enough-store-private.h"
#include "enough-window.h"

/* The Check-in page at scale (issue #21): a journal of 100,000 synthetic
 * entries plus 7,300 check-ins (20 years of days), the real application
 * and window in this process. Prints METRIC lines:
 *
 *   checkin_show_ui_cpu_ms   the first switch to the Check-in page, until the
 *                            UI is idle with the chart drawn from the days
 *                            (read on a thread): CPU time of the UI thread
 *   checkin_show_idle_ms     the same, wall-clock time
 *   checkin_year_snapshot_ms the year chart's snapshot() (median of 30)
 *   checkin_year_raster_ms   drawing that snapshot's render node with cairo
 *                            at the chart's size (median of 30)
 *   checkin_days_read_ms     reading every day's values and the two group
 *                            comparisons, on the UI thread (median of 30; the
 *                            page reads them on a thread)
 *
 *   xvfb-run -a dbus-run-session -- _build/bench/enough-bench-checkin
 *
 * The journal is made in a temporary folder and removed afterwards. */

#define N_CHECKINS 7300
#define N_RUNS 30

typedef struct
{
  EnoughApplication *app;
  EnoughWindow      *window;
  int                status;
} Bench;

static G_GNUC_NORETURN void
die (const char *message)
{
  g_printerr ("enough-bench-checkin: %s\n", message);
  exit (1);
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* 20 years of days up to today, each with every value. */
static char *
checkins_json (void)
{
  GString *s = g_string_new ("{\"format\":\"enough-journal\",\"version\":2,\"entries\":[");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (21);

  for (int i = N_CHECKINS - 1; i >= 0; i--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -i);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      g_autofree char *uuid = g_uuid_string_random ();
      gboolean out = g_rand_boolean (rand);

      g_string_append_printf (s, "%s{\"kind\":\"checkin\",\"id\":\"%s\",\"created\":\"%sT20:00:00Z\","
                              "\"updated\":\"%sT20:00:00Z\",\"day\":\"%s\",\"mood\":%d,\"energy\":%d,"
                              "\"daylight_half_hours\":%d,\"morning_outside\":%d,\"note\":\"Day %d\"}",
                              i == N_CHECKINS - 1 ? "" : ",\n", uuid, date, date, date,
                              g_rand_int_range (rand, out ? 4 : 2, 11), g_rand_int_range (rand, 2, 11),
                              g_rand_int_range (rand, 0, out ? 25 : 6), out ? 1 : 0, i);
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

static gboolean
run_bench (gpointer data)
{
  Bench *bench = data;
  EnoughStore *store = enough_window_get_store (bench->window);
  g_autoptr(GArray) snapshot_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raster_ms = g_array_new (FALSE, FALSE, sizeof (double));
  EnoughCheckinPage *page;
  GtkWidget *chart;
  double cpu, idle_ms;
  gint64 start;
  int width, height;

  while (enough_store_is_loading (store))
    g_main_context_iteration (NULL, TRUE);
  drain ();

  start = g_get_monotonic_time ();
  cpu = thread_cpu_ms ();
  enough_window_show_page (bench->window, "checkin");
  drain ();
  /* Until the chart and the means are there: the days are read on a
   * thread, and what the UI thread then does with them counts. */
  page = ENOUGH_CHECKIN_PAGE (enough_window_get_page (bench->window, "checkin"));
  while (enough_checkin_page_get_loading (page))
    g_main_context_iteration (NULL, TRUE);
  drain ();
  idle_ms = bench_ms_since (start);
  cpu = thread_cpu_ms () - cpu;

  enough_checkin_page_set_range (page, 365);
  drain ();
  {
    /* The chart: the first of its type under the page. */
    GType type = g_type_from_name ("EnoughCheckinChart");
    GtkWidget *w = GTK_WIDGET (page);

    chart = NULL;
    while (w != NULL && chart == NULL)
      {
        if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
          chart = w;
        else if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && w != GTK_WIDGET (page) && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = w == NULL || w == GTK_WIDGET (page) ? NULL : gtk_widget_get_next_sibling (w);
          }
      }
  }
  if (chart == NULL)
    die ("no chart");
  width = MAX (gtk_widget_get_width (chart), 1);
  height = MAX (gtk_widget_get_height (chart), 1);

  for (guint i = 0; i < N_RUNS; i++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;
      double ms;

      start = g_get_monotonic_time ();
      GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      ms = bench_ms_since (start);
      g_array_append_val (snapshot_ms, ms);

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cr = cairo_create (surface);
      start = g_get_monotonic_time ();
      if (node != NULL)
        gsk_render_node_draw (node, cr);
      cairo_surface_flush (surface);
      ms = bench_ms_since (start);
      g_array_append_val (raster_ms, ms);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  {
    g_autoptr(GArray) read_ms = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    for (guint i = 0; i < N_RUNS; i++)
      {
        EnoughCheckinGroup g[2];
        g_autoptr(GArray) days = NULL;
        double ms;

        start = g_get_monotonic_time ();
        days = enough_store_list_checkin_days (store, "0000-00-00", today);
        enough_checkin_compare ((const EnoughCheckinDay *) days->data, days->len, ENOUGH_CHECKIN_SPLIT_MORNING, g);
        enough_checkin_compare ((const EnoughCheckinDay *) days->data, days->len, ENOUGH_CHECKIN_SPLIT_DAYLIGHT, g);
        ms = bench_ms_since (start);
        g_array_append_val (read_ms, ms);
      }
    printf ("METRIC checkin_days_read_ms %.2f ms\n", bench_median (read_ms));
  }
  printf ("METRIC checkin_show_ui_cpu_ms %.1f ms\n", cpu);
  printf ("METRIC checkin_show_idle_ms %.1f ms\n", idle_ms);
  printf ("METRIC checkin_year_snapshot_ms %.2f ms\n", bench_median (snapshot_ms));
  printf ("METRIC checkin_year_raster_ms %.2f ms\n", bench_median (raster_ms));
  printf ("# chart %d x %d px; %s\n", width, height, enough_checkin_page_get_summary (page));
  fflush (stdout);

  g_application_quit (G_APPLICATION (bench->app));
  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *app,
             Bench        *bench)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (!ENOUGH_IS_WINDOW (window) || enough_window_get_store (ENOUGH_WINDOW (window)) == NULL)
    die ("no window (could the journal be opened?)");
  bench->window = ENOUGH_WINDOW (window);
  g_idle_add (run_bench, bench);
}

int
main (int   argc,
      char *argv[])
{
  int entries = 100000;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry options[] = {
    { "entries", 'n', 0, G_OPTION_ARG_INT, &entries, "Other entries in the journal (100000)", "N" },
    { NULL }
  };
  Bench bench = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  context = g_option_context_new ("- the Check-in page at scale");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || entries < 0)
    die (error ? error->message : "bad options");

  dir = g_dir_make_tmp ("enough-bench-checkin-XXXXXX", &error);
  if (dir == NULL)
    die (error->message);
  path = g_build_filename (dir, "journal.db", NULL);
  {
    EnoughStore *store = enough_store_open (path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
    g_autofree char *json = checkins_json ();
    g_autoptr(EnoughImport) import = NULL;
    guint added = 0;

    g_printerr ("Making a journal of %d entries and %d check-ins in %s...\n", entries, N_CHECKINS, dir);
    if (store == NULL || !enough_store_generate_synthetic (store, (guint) entries, 1, &error))
      die (error->message);
    import = enough_import_parse_data (json, strlen (json), &error);
    if (import == NULL || !enough_import_write (store, import, &added, NULL, &error) ||
        !enough_store_close (store, &error))
      die (error->message);
    g_object_unref (store);
    /* A profiler attaches here (docs/performance.md). */
    g_printerr ("Journal made; starting the application (pid %d)\n", (int) getpid ());
  }

  g_setenv ("ENOUGH_DATA_DIR", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);

  bench.app = enough_application_new (APP_ID ".BenchCheckin", G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (bench.app, "activate", G_CALLBACK (on_activate), &bench);
  bench.status = g_application_run (G_APPLICATION (bench.app), 0, NULL);
  g_clear_object (&bench.app);
  bench_remove_dir (dir);
  return bench.status;
}
