/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gtk/gtk.h>

/* The startup probe: an LD_PRELOAD module that bench/enough-bench-startup
 * loads into BOTH programs it compares (the real `enough` and
 * bench/bare-window), so the measurement is the same code in both and no
 * application code knows about it.
 *
 * It reports on the file descriptor $ENOUGH_PROBE_FD, one line each:
 *   frame <usec> cpu_us=<n> main_cpu_us=<n>
 *                                     g_get_monotonic_time() (CLOCK_MONOTONIC,
 *                                     the launcher's clock too) when the first
 *                                     toplevel finished painting its first frame
 *                                     (GdkFrameClock::after-paint), and the CPU
 *                                     time used so far by the process and by
 *                                     its main thread (less sensitive to a busy
 *                                     machine than the wall-clock time)
 *   content lists=<n> rows=<n> spinners=<n>
 *                                     what that first frame showed: mapped list
 *                                     views, their mapped rows, spinning spinners
 *   idle <usec> rss_kb=<n> anon_kb=<n> file_kb=<n>
 *                                     VmRSS (and its RssAnon, RssFile parts) from /proc/self/status once the UI has
 *                                     been idle for $ENOUGH_PROBE_SETTLE_MS (2000)
 *                                     after the first frame
 * then quits the application (g_application_quit) so it shuts down normally. */

static int probe_fd = -1;
static guint settle_ms = 2000;
static GtkWindow *watched;
static gulong after_paint_id;
static gint64 idle_since;

static void
probe_say (const char *format,
           ...) G_GNUC_PRINTF (1, 2);

static void
probe_say (const char *format,
           ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize done = 0, len;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  len = strlen (line);
  while (done < len)
    {
      ssize_t n = write (probe_fd, line + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      done += (gsize) n;
    }
}

/* A "Name:   123 kB" line of /proc/self/status, in kB. */
static guint64
read_status_kb (const char *status,
                const char *name)
{
  g_autofree char *key = g_strdup_printf ("\n%s:", name);
  const char *line = strstr (status, key);

  return line != NULL ? g_ascii_strtoull (line + strlen (key), NULL, 10) : 0;
}

static gint64
cpu_us (clockid_t clock)
{
  struct timespec ts;

  if (clock_gettime (clock, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
count_content (GtkWidget *widget,
               guint     *lists,
               guint     *rows,
               guint     *spinners)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LIST_VIEW (widget))
    {
      (*lists)++;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_get_mapped (child) && !GTK_IS_SCROLLBAR (child))
          (*rows)++;
    }
  if (GTK_IS_SPINNER (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget)))
    (*spinners)++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_content (child, lists, rows, spinners);
}

static gboolean
quit_idle (gpointer data)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    g_application_quit (app);
  return G_SOURCE_REMOVE;
}

/* Idle = the lowest-priority idle ran with nothing else pending, settle_ms
 * after the first frame (the store's background loading runs at
 * G_PRIORITY_DEFAULT_IDLE, above it). */
static gboolean
idle_check (gpointer data)
{
  g_autofree char *status = NULL;

  if (g_get_monotonic_time () - idle_since < (gint64) settle_ms * 1000)
    return G_SOURCE_CONTINUE;
  if (g_main_context_pending (NULL))
    return G_SOURCE_CONTINUE;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    status = g_strdup ("");
  /* Anonymous memory is what the program made; file pages are mostly
   * shared libraries and fonts (a CJK font is big). */
  probe_say ("idle %" G_GINT64_FORMAT " rss_kb=%" G_GUINT64_FORMAT " anon_kb=%" G_GUINT64_FORMAT
             " file_kb=%" G_GUINT64_FORMAT "\n",
             g_get_monotonic_time (), read_status_kb (status, "VmRSS"),
             read_status_kb (status, "RssAnon"), read_status_kb (status, "RssFile"));
  if (g_getenv ("ENOUGH_PROBE_NO_QUIT") == NULL)
    g_idle_add (quit_idle, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = g_get_monotonic_time ();
  guint lists = 0, rows = 0, spinners = 0;

  g_signal_handler_disconnect (clock, after_paint_id);
  after_paint_id = 0;

  probe_say ("frame %" G_GINT64_FORMAT " cpu_us=%" G_GINT64_FORMAT " main_cpu_us=%" G_GINT64_FORMAT "\n",
             now, cpu_us (CLOCK_PROCESS_CPUTIME_ID), cpu_us (CLOCK_THREAD_CPUTIME_ID));
  count_content (GTK_WIDGET (watched), &lists, &rows, &spinners);
  probe_say ("content lists=%u rows=%u spinners=%u\n", lists, rows, spinners);

  idle_since = now;
  g_timeout_add_full (G_PRIORITY_LOW, 50, idle_check, NULL, NULL);
}

static void
watch_window (GtkWindow *window)
{
  GdkFrameClock *clock;

  if (watched != NULL)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (clock == NULL)
    return;
  watched = window;
  after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
on_realize (GtkWidget *widget,
            gpointer   data)
{
  watch_window (GTK_WINDOW (widget));
}

static void
on_toplevels_changed (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_realized (GTK_WIDGET (window)))
        watch_window (window);
      else
        g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
    }
}

/* Runs at the first main loop iteration, above redraw priority, so before
 * any frame: the application has made its window by then (activate runs
 * inside g_application_run() before the loop), or it will come later. */
static gboolean
probe_start (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_signal_connect (toplevels, "items-changed", G_CALLBACK (on_toplevels_changed), NULL);
  on_toplevels_changed (toplevels, 0, 0, g_list_model_get_n_items (toplevels), NULL);
  return G_SOURCE_REMOVE;
}

__attribute__((constructor)) static void
probe_init (void)
{
  const char *fd = g_getenv ("ENOUGH_PROBE_FD");
  const char *settle = g_getenv ("ENOUGH_PROBE_SETTLE_MS");

  if (fd == NULL)
    return;
  probe_fd = atoi (fd);
  if (settle != NULL)
    settle_ms = (guint) atoi (settle);
  /* Not inherited by anything the program spawns. */
  unsetenv ("LD_PRELOAD");
  g_idle_add_full (G_PRIORITY_HIGH, probe_start, NULL, NULL);
}
