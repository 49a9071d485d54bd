/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "bench-utils.h"
#include "enough-application.h"
#include "enough-composer.h"
#include "enough-critic-page.h"
#include "enough-letter-editor.h"
#include "enough-letter-page.h"
#include "enough-store-private.h"
#include "enough-window.h"

/* The in-process UI benchmark (issue "Performance at scale"). Runs the real
 * application and window, in this process, on a big synthetic journal, and
 * prints METRIC lines:
 *
 *   keystroke_p95_ms        one character typed into the critic composer and
 *                           the two letter text views (a 3 KB text), i.e.
 *                           gtk_text_buffer_insert_at_cursor() with every
 *                           synchronous handler it runs (the pages' ::changed
 *                           handlers, the record setter, autosave bookkeeping)
 *   keystroke_frame_p95_ms  the same keystroke up to the end of the frame
 *                           that shows it (layout and drawing included)
 *   search_keystroke_p95_ms each prefix of 20 queries typed letter by letter,
 *                           through the search view (the query and the update
 *                           of the results list, as after the entry's 100 ms
 *                           debounce); _frame_: up to the frame showing them;
 *                           store_: enough_store_search() alone, snippets read
 *   search_on_screen_{p50,p95}_ms
 *                           the same queries typed into the search entry, a
 *                           key every 0.4 s: from the key (the wait before
 *                           its search included) to the end of the frame
 *                           that shows its results, as many rows as fill
 *                           the view
 *   redraw_frame_p50_ms     a frame that changes nothing (drawing's floor)
 *   show_<page>_{frame,idle}_ms
 *                           first switch to the Letters and Self-Check pages:
 *                           to the first frame, until the UI is idle, and
 *                           how much VmRSS grew
 *   scroll_{list,turns}_frame_p95_ms
 *                           scrolling half a page: from moving the scroll
 *                           position to the end of the next painted frame
 *                           (the list of all dialogues; a dialogue of 1,000
 *                           turns)
 *   scroll_{list,turns}_jump_p95_ms
 *                           the same for jumps of 1/100 (1/50) of the list,
 *                           as when dragging the scrollbar
 *   scroll_live_records     records alive after scrolling to the end of the
 *                           dialogues (and of the 1,000 turns): recycled rows
 *                           mean a few hundred, not all of them
 *
 *   xvfb-run -a dbus-run-session -- _build-perf/bench/enough-bench-ui
 *
 * The journal is a temporary copy of the startup benchmark's
 * (~/.cache/enough-bench/journal-N, made if missing). */

#define N_TYPED 300

typedef struct
{
  EnoughApplication *app;
  EnoughWindow      *window;
  EnoughStore       *store;
  int                status;
} Bench;

/* What the benchmark added to the journal, deleted again even on failure. */
static EnoughStore *cleanup_store;
static GPtrArray *created;

static void
delete_created (void)
{
  for (guint i = 0; created != NULL && i < created->len; i++)
    enough_store_delete (cleanup_store, g_ptr_array_index (created, i));
  g_clear_pointer (&created, g_ptr_array_unref);
}

static G_GNUC_NORETURN void
die (const char *what)
{
  g_printerr ("enough-bench-ui: %s\n", what);
  if (cleanup_store != NULL)
    {
      delete_created ();
      enough_store_close (cleanup_store, NULL);
    }
  exit (1);
}

static double
rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "\nVmRSS:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("\nVmRSS:"), NULL, 10) / 1024.0;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Iterates the main loop until @widget's frame clock painted a frame. */
static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static double
wait_frame (GtkWidget *widget,
            gint64     since)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  gulong id;
  double ms;

  if (clock == NULL)
    return 0;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  ms = (g_get_monotonic_time () - since) / 1000.0;
  g_signal_handler_disconnect (clock, id);
  return ms;
}

static GtkWidget *
find_nth (GtkWidget *root,
          GType      type,
          guint     *nth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (*nth)-- == 0)
        return child;
      found = find_nth (child, type, nth);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The @nth descendant of @type, depth first. */
static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type,
                 guint      nth)
{
  return find_nth (root, type, &nth);
}

/* Live record objects among a list's rows (the store's cache is weak, so a
 * row that no widget or page holds is gone). */
static guint
count_live (EnoughStore      *store,
            GListModel       *model,
            EnoughRecordKind  kind)
{
  EnoughEntryList *list = ENOUGH_ENTRY_LIST (model);
  guint n = g_list_model_get_n_items (model), live = 0;

  for (guint i = 0; i < n; i++)
    live += _enough_store_peek_record (store, kind, enough_entry_list_get_id (list, i)) != NULL;
  return live;
}

/* Scrolls @list_view's scrolled window from top to bottom in @steps jumps,
 * then half a page at a time over the last 10 pages, timing each frame. */
static void
scroll_through (GtkWidget *list_view,
                guint      steps,
                GArray    *jump_ms,
                GArray    *page_ms)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (list_view, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  if (scroller == NULL)
    die ("no scrolled window around the list");
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  wait_frame (list_view, g_get_monotonic_time ());

  for (guint i = 1; i <= steps; i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      gint64 start = g_get_monotonic_time ();
      double ms;

      gtk_adjustment_set_value (adjustment, upper * i / steps);
      ms = wait_frame (list_view, start);
      g_array_append_val (jump_ms, ms);
    }
  for (guint i = 0; i < 20; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) -
                                            gtk_adjustment_get_page_size (adjustment) / 2);
      ms = wait_frame (list_view, start);
      g_array_append_val (page_ms, ms);
    }
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  wait_frame (list_view, g_get_monotonic_time ());
}

static void
type_into (GtkTextView *view,
           GArray      *keystroke_ms,
           GArray      *frame_ms)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GString *text = g_string_new (NULL);

  /* A letter's length: 3 KB already there. */
  while (text->len < 3072)
    g_string_append (text, "You did what you could with what you knew then, and that is enough. ");
  gtk_text_buffer_set_text (buffer, text->str, -1);
  g_string_free (text, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  drain ();

  for (guint i = 0; i < N_TYPED; i++)
    {
      char c = i % 7 == 6 ? ' ' : (char) ('a' + i % 26);
      gint64 start = g_get_monotonic_time ();
      double ms;

      gtk_text_buffer_insert_at_cursor (buffer, &c, 1);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (keystroke_ms, ms);
      /* The frame that shows it, counted apart. */
      ms = wait_frame (GTK_WIDGET (view), start);
      g_array_append_val (frame_ms, ms);
      drain ();
    }
}

/* The typist: a key every 0.4 s. */
#define KEY_INTERVAL_US (400 * G_TIME_SPAN_MILLISECOND)

static const char *const queries[] = {
  "deadline", "presentation", "mistake", "mother", "garden", "kitchen", "colleague",
  "perfect", "Good Enough", "friend would", "short walk", "evening light",
  "not a grade", "whole afternoon", "quantum", "不够好", "完璧", "실수", "I am", "nobody noticed",
};

/* Through the real search UI: each prefix as the search view runs it once
 * the entry's debounce fires (enough_search_view_set_query(): the query and
 * the update of the results list), then the frame that shows the results. */
static void
bench_search (EnoughWindow *window,
              GArray       *search_ms,
              GArray       *frame_ms)
{
  EnoughSearchView *view = enough_window_get_search_view (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  drain ();
  if (!enough_window_is_searching (window))
    die ("win.search did not show the search bar");

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      const char *query = queries[q];

      for (const char *end = g_utf8_next_char (query); ; end = g_utf8_next_char (end))
        {
          g_autofree char *prefix = g_strndup (query, end - query);
          gint64 start = g_get_monotonic_time ();
          double ms;

          enough_search_view_set_query (view, prefix);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (search_ms, ms);
          ms = wait_frame (GTK_WIDGET (view), start);
          g_array_append_val (frame_ms, ms);
          if (g_getenv ("ENOUGH_BENCH_VERBOSE"))
            g_printerr ("search %-20s %7.2f ms %u results\n", prefix,
                        g_array_index (search_ms, double, search_ms->len - 1),
                        g_list_model_get_n_items (enough_search_view_get_results (view)));
          /* The full answer of a partial (short-word) search comes from
           * the worker; not counted. */
          drain ();
          if (*end == '\0')
            break;
        }
    }
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (gtk_widget_get_ancestor (
    GTK_WIDGET (enough_window_get_search_entry (window)), GTK_TYPE_SEARCH_BAR)), FALSE);
  drain ();
}

static guint
count_descendants (GtkWidget *root,
                   GType      type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += G_TYPE_CHECK_INSTANCE_TYPE (child, type) + count_descendants (child, type);
  return n;
}

typedef struct
{
  EnoughSearchView *view;
  const char       *text;   /* the entry's, after the key */
  gint64            shown;  /* end of the frame that showed its results */
} OnScreen;

/* The view has run the search for the entry's text, and what it shows
 * fills the view or is all there is (the first answer's rows come a few
 * a frame). */
static void
on_search_after_paint (GdkFrameClock *clock,
                       OnScreen      *wait)
{
  GtkWidget *row;
  GtkAdjustment *adjustment = NULL;

  if (wait->shown != 0 || strcmp (enough_search_view_get_query (wait->view), wait->text) != 0)
    return;
  /* The results' own scroller (the status pages have one each too). */
  row = find_descendant (GTK_WIDGET (wait->view), GTK_TYPE_LIST_BOX_ROW, 0);
  if (row != NULL)
    adjustment = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW)));
  if (strcmp (enough_search_view_get_state (wait->view), "results") != 0 ||
      (adjustment != NULL &&
       gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment)) ||
      count_descendants (GTK_WIDGET (wait->view), GTK_TYPE_LIST_BOX_ROW) >=
      g_list_model_get_n_items (enough_search_view_get_results (wait->view)))
    wait->shown = g_get_monotonic_time ();
}

static gboolean
on_time_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @when (monotonic). */
static void
wait_until (gint64 when)
{
  gint64 now = g_get_monotonic_time ();
  gboolean up = FALSE;

  if (now >= when)
    return;
  g_timeout_add ((guint) ((when - now + 999) / 1000), on_time_up, &up);
  while (!up)
    g_main_context_iteration (NULL, TRUE);
}

/* As a user sees it: a key in the search entry (its debounce included) to
 * the end of the frame that shows the results for it. */
static void
bench_search_on_screen (EnoughWindow *window,
                        GArray       *on_screen_ms)
{
  EnoughSearchView *view = enough_window_get_search_view (window);
  GtkEditable *entry = GTK_EDITABLE (enough_window_get_search_entry (window));
  GdkFrameClock *clock;
  OnScreen wait = { view, NULL, 0 };
  gulong id;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  drain ();
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_search_after_paint), &wait);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      const char *query = queries[q];

      gtk_editable_set_text (entry, "");
      while (enough_search_view_is_busy (view))
        g_main_context_iteration (NULL, TRUE);
      drain ();
      for (const char *c = query; *c != '\0'; c = g_utf8_next_char (c))
        {
          int position = -1;
          gint64 start = g_get_monotonic_time ();
          gint64 deadline = start + 2 * G_USEC_PER_SEC;
          double ms;

          wait.shown = 0;
          gtk_editable_insert_text (entry, c, g_utf8_next_char (c) - c, &position);
          wait.text = gtk_editable_get_text (entry);
          /* A search whose results did not change draws nothing. */
          while (strcmp (enough_search_view_get_query (view), wait.text) != 0 &&
                 g_get_monotonic_time () < deadline)
            g_main_context_iteration (NULL, TRUE);
          gtk_widget_queue_draw (GTK_WIDGET (view));
          while (wait.shown == 0 && g_get_monotonic_time () < deadline)
            g_main_context_iteration (NULL, TRUE);
          if (wait.shown == 0)
            die ("the results of a search key were not shown within 2 s");
          ms = (wait.shown - start) / 1000.0;
          g_array_append_val (on_screen_ms, ms);
          /* The full answer of a partial search and the rest of the rows
           * land before the next key, which comes 0.4 s after this one. */
          while (enough_search_view_is_busy (view))
            g_main_context_iteration (NULL, TRUE);
          drain ();
          if (g_getenv ("ENOUGH_BENCH_VERBOSE"))
            g_printerr ("on screen %-20s %7.1f ms\n", wait.text, ms);
          wait_until (start + KEY_INTERVAL_US);
        }
    }
  g_signal_handler_disconnect (clock, id);
  gtk_editable_set_text (entry, "");
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (gtk_widget_get_ancestor (
    GTK_WIDGET (entry), GTK_TYPE_SEARCH_BAR)), FALSE);
  drain ();
}

static void
bench_store_search (EnoughStore *store,
                    GArray      *search_ms)
{
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      const char *query = queries[q];

      for (const char *end = g_utf8_next_char (query); ; end = g_utf8_next_char (end))
        {
          g_autofree char *prefix = g_strndup (query, end - query);
          g_autoptr(GListModel) results = NULL;
          g_autoptr(GError) error = NULL;
          gboolean complete;
          gint64 start = g_get_monotonic_time ();
          double ms;

          results = enough_store_search (store, prefix, 20, &complete, &error);
          if (results == NULL)
            die (error->message);
          for (guint r = 0; r < g_list_model_get_n_items (results); r++)
            {
              g_autoptr(EnoughSearchResult) result = g_list_model_get_item (results, r);
              (void) enough_search_result_get_snippet (result);
            }
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (search_ms, ms);
          if (g_getenv ("ENOUGH_BENCH_VERBOSE"))
            g_printerr ("search %-20s %7.2f ms %u%s\n", prefix, ms,
                        g_list_model_get_n_items (results), complete ? "" : " (partial)");
          if (*end == '\0')
            break;
        }
    }
}

/* --labels: which labels hold long texts (each one is shaped in full when
 * measured, even when ellipsized), with their widget ancestry. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && strlen (gtk_label_get_label (GTK_LABEL (child))) > 200)
        g_ptr_array_add (found, child);
      collect_labels (child, found);
    }
}

static void
dump_labels (GtkWidget *root)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_labels (root, found);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (found, i);
      GString *path = g_string_new (NULL);

      for (GtkWidget *w = label; w != NULL && w != root; w = gtk_widget_get_parent (w))
        if (g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Enough") || w == label)
          g_string_prepend (g_string_prepend (path, G_OBJECT_TYPE_NAME (w)), "/");
      g_printerr ("%6zu chars %s %s\n", strlen (gtk_label_get_label (GTK_LABEL (label))),
                  gtk_widget_get_mapped (label) ? "mapped  " : "unmapped", path->str);
      g_string_free (path, TRUE);
    }
}

static gboolean
run_bench (gpointer data)
{
  Bench *bench = data;
  EnoughStore *store = bench->store;
  GtkWidget *window = GTK_WIDGET (bench->window);
  EnoughCriticPage *critic = ENOUGH_CRITIC_PAGE (enough_window_get_page (bench->window, "critic"));
  EnoughLetterPage *letters = ENOUGH_LETTER_PAGE (enough_window_get_page (bench->window, "letters"));
  GListModel *dialogues = enough_store_get_dialogues (store);
  g_autoptr(GArray) keystroke_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keystroke_frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redraw_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) store_search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) on_screen_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) list_jump_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) list_page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) turns_jump_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) turns_page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(EnoughDialogue) dialogue = NULL;
  g_autoptr(EnoughLetter) letter = NULL;
  GtkWidget *list_view;
  guint live_dialogues, live_turns, n_dialogues;
  static const char *const page_names[] = { "letters", "self-check" };
  double page_frame_ms[G_N_ELEMENTS (page_names)], page_idle_ms[G_N_ELEMENTS (page_names)];
  double page_rss_mb[G_N_ELEMENTS (page_names)];

  if (g_getenv ("ENOUGH_BENCH_LABELS") != NULL)
    {
      drain ();
      dump_labels (window);
    }

  /* The rest of the lists arrive from idles after the first frame. */
  while (enough_store_is_loading (store))
    g_main_context_iteration (NULL, TRUE);
  drain ();
  n_dialogues = g_list_model_get_n_items (dialogues);

  /* A frame that changes nothing: what drawing costs here anyway (GL
   * through llvmpipe under Xvfb is slow), to read the frame figures by. */
  for (guint i = 0; i < 30; i++)
    {
      double ms = wait_frame (window, g_get_monotonic_time ());
      g_array_append_val (redraw_ms, ms);
    }

  /* 0. The other pages, shown for the first time (they get the journal
   * then): to their first frame, and until the UI is idle again. */
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      gint64 start = g_get_monotonic_time ();
      double before = rss_mb ();

      enough_window_show_page (bench->window, page_names[i]);
      page_frame_ms[i] = wait_frame (window, start);
      drain ();
      page_idle_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      page_rss_mb[i] = rss_mb () - before;
    }

  /* 1. Scrolling all the dialogues. */
  enough_window_show_page (bench->window, "critic");
  drain ();
  list_view = find_descendant (GTK_WIDGET (critic), GTK_TYPE_LIST_VIEW, 0);
  if (list_view == NULL)
    die ("no list view on the critic page");
  scroll_through (list_view, 100, list_jump_ms, list_page_ms);
  live_dialogues = count_live (store, dialogues, ENOUGH_RECORD_KIND_DIALOGUE);

  /* 2. A dialogue of 1,000 turns, scrolled through. */
  dialogue = enough_store_create_dialogue (store);
  g_ptr_array_add (created, g_object_ref (dialogue));
  enough_dialogue_set_title (dialogue, "A long talk");
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(EnoughTurn) turn =
        enough_store_add_turn (store, dialogue, -1,
                               i % 2 ? ENOUGH_SPEAKER_ME : ENOUGH_SPEAKER_CRITIC,
                               "You always leave things to the last minute, and then you "
                               "wonder why the work is not as good as it should be.");
    }
  enough_critic_page_open_dialogue (critic, dialogue);
  drain ();
  {
    GListModel *turns = enough_dialogue_get_turns (dialogue);
    GtkWidget *turn_view = NULL;

    for (guint i = 0; (list_view = find_descendant (GTK_WIDGET (critic), GTK_TYPE_LIST_VIEW, i)); i++)
      {
        GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));

        if (model != NULL && g_list_model_get_n_items (G_LIST_MODEL (model)) == 1000)
          turn_view = list_view;
      }
    if (turn_view == NULL)
      die ("no list view of the dialogue's turns");
    /* Saved and dropped, so what is alive afterwards is what the rows hold. */
    enough_store_flush (store, NULL);
    scroll_through (turn_view, 50, turns_jump_ms, turns_page_ms);
    live_turns = count_live (store, turns, ENOUGH_RECORD_KIND_TURN);
  }

  /* 3. Typing: the critic composer, then the letter's two text views. */
  {
    EnoughComposer *composer =
      ENOUGH_COMPOSER (find_descendant (GTK_WIDGET (critic), ENOUGH_TYPE_COMPOSER, 0));

    if (composer == NULL)
      die ("no composer on the critic page");
    type_into (enough_composer_get_text_view (composer), keystroke_ms, keystroke_frame_ms);
    enough_composer_set_text (composer, "");
  }
  enough_window_show_page (bench->window, "letters");
  letter = g_object_ref (enough_letter_page_new_letter (letters));
  g_ptr_array_add (created, g_object_ref (letter));
  drain ();
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *view = find_descendant (GTK_WIDGET (enough_letter_page_get_editor (letters)),
                                         GTK_TYPE_TEXT_VIEW, i);
      if (view == NULL)
        die ("no text view in the letter editor");
      type_into (GTK_TEXT_VIEW (view), keystroke_ms, keystroke_frame_ms);
    }

  /* 4. Search as you type, through the search UI, and the store alone. */
  bench_search (bench->window, search_ms, search_frame_ms);
  bench_store_search (store, store_search_ms);
  bench_search_on_screen (bench->window, on_screen_ms);

  printf ("METRIC redraw_frame_p50_ms %.1f ms\n", bench_percentile_array (redraw_ms, 0.5));
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (page_names[i]), "-", '_');

      printf ("METRIC show_%s_frame_ms %.1f ms\n", name, page_frame_ms[i]);
      printf ("METRIC show_%s_idle_ms %.1f ms\n", name, page_idle_ms[i]);
      printf ("METRIC show_%s_rss_mb %.1f mb\n", name, page_rss_mb[i]);
    }
  printf ("METRIC keystroke_p95_ms %.3f ms\n", bench_percentile_array (keystroke_ms, 0.95));
  printf ("METRIC keystroke_max_ms %.3f ms\n", bench_percentile_array (keystroke_ms, 1.0));
  printf ("METRIC keystroke_frame_p95_ms %.1f ms\n", bench_percentile_array (keystroke_frame_ms, 0.95));
  printf ("METRIC search_keystroke_p50_ms %.2f ms\n", bench_percentile_array (search_ms, 0.5));
  printf ("METRIC search_keystroke_p95_ms %.2f ms\n", bench_percentile_array (search_ms, 0.95));
  printf ("METRIC search_keystroke_frame_p95_ms %.1f ms\n", bench_percentile_array (search_frame_ms, 0.95));
  printf ("METRIC search_on_screen_p50_ms %.1f ms\n", bench_percentile_array (on_screen_ms, 0.5));
  printf ("METRIC search_on_screen_p95_ms %.1f ms\n", bench_percentile_array (on_screen_ms, 0.95));
  printf ("METRIC store_search_keystroke_p95_ms %.2f ms\n", bench_percentile_array (store_search_ms, 0.95));
  printf ("METRIC scroll_list_frame_p95_ms %.1f ms\n", bench_percentile_array (list_page_ms, 0.95));
  printf ("METRIC scroll_list_jump_p95_ms %.1f ms\n", bench_percentile_array (list_jump_ms, 0.95));
  printf ("METRIC scroll_turns_frame_p95_ms %.1f ms\n", bench_percentile_array (turns_page_ms, 0.95));
  printf ("METRIC scroll_turns_jump_p95_ms %.1f ms\n", bench_percentile_array (turns_jump_ms, 0.95));
  printf ("METRIC scroll_live_dialogues %u of %u records\n", live_dialogues, n_dialogues);
  printf ("METRIC scroll_live_turns %u of 1000 records\n", live_turns);
  fflush (stdout);

  /* Leave the journal as it was. */
  delete_created ();
  drain ();
  (void) window;
  g_action_group_activate_action (G_ACTION_GROUP (bench->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *app,
             Bench        *bench)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (!ENOUGH_IS_WINDOW (window))
    die ("no window (could the journal be opened?)");
  bench->window = ENOUGH_WINDOW (window);
  bench->store = enough_window_get_store (bench->window);
  if (bench->store == NULL)
    die ("the journal could not be opened");
  cleanup_store = bench->store;
  created = g_ptr_array_new_with_free_func (g_object_unref);
  g_idle_add (run_bench, bench);
}

int
main (int   argc,
      char *argv[])
{
  int entries = 100000;
  g_autofree char *journal_dir = NULL;
  g_autofree char *journal_path = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry options[] = {
    { "entries", 'n', 0, G_OPTION_ARG_INT, &entries, "Entries in the journal (100000)", "N" },
    { "journal", 'j', 0, G_OPTION_ARG_FILENAME, &journal_dir,
      "Folder of the journal (made if missing; default ~/.cache/enough-bench/journal-N)", "DIR" },
    { NULL }
  };
  Bench bench = { 0 };
  g_autofree char *copy_dir = NULL;
  g_autofree char *copy_path = NULL;

  context = g_option_context_new ("- UI-thread costs of typing, searching and scrolling");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || entries < 0)
    die (error ? error->message : "bad options");

  if (journal_dir == NULL)
    {
      g_autofree char *name = g_strdup_printf ("journal-%d", entries);
      journal_dir = g_build_filename (g_get_user_cache_dir (), "enough-bench", name, NULL);
    }
  journal_path = g_build_filename (journal_dir, "journal.db", NULL);
  if (!g_file_test (journal_path, G_FILE_TEST_EXISTS))
    {
      EnoughStore *store;

      g_mkdir_with_parents (journal_dir, 0700);
      g_printerr ("Making a synthetic journal of %d entries in %s...\n", entries, journal_path);
      store = enough_store_open (journal_path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
      if (store == NULL || !enough_store_generate_synthetic (store, (guint) entries, 1, &error) ||
          !enough_store_close (store, &error))
        die (error->message);
      g_object_unref (store);
    }

  /* On a copy: what the benchmark types and deletes never reaches the
   * shared journal. */
  {
    g_autoptr(GFile) source = g_file_new_for_path (journal_path);
    g_autoptr(GFile) dest = NULL;

    copy_dir = g_dir_make_tmp ("enough-bench-ui-XXXXXX", &error);
    if (copy_dir == NULL)
      die (error->message);
    copy_path = g_build_filename (copy_dir, "journal.db", NULL);
    dest = g_file_new_for_path (copy_path);
    if (!g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
      die (error->message);
  }
  g_setenv ("ENOUGH_DATA_DIR", copy_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);

  bench.app = enough_application_new (APP_ID ".BenchUi", G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (bench.app, "activate", G_CALLBACK (on_activate), &bench);
  bench.status = g_application_run (G_APPLICATION (bench.app), 0, NULL);
  g_clear_object (&bench.app);

  if (g_getenv ("ENOUGH_BENCH_KEEP") != NULL)
    g_printerr ("The journal copy is in %s\n", copy_dir);
  else
    bench_remove_dir (copy_dir);
  return bench.status;
}
