/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>

#include "enough-dates.h"
#include "enough-gui-test-utils.h"
#include "enough-keys.h"
#include "enough-search-view.h"
#include "enough-self-check-page.h"
#include "enough-test-utils.h"

typedef struct
{
  char *data_dir;
  char *dialogue_uuid;
  char *turn_uuid;
  char *letter_uuid;
  char *cjk_letter_uuid;
  char *check_uuid;
} Fixture;

/* A journal with one entry of each kind, made through the store before the
 * app opens it. */
static void
fill_journal (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = enough_store_open (NULL, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_autoptr(EnoughDialogue) dialogue = NULL;
  g_autoptr(EnoughTurn) turn = NULL;
  g_autoptr(EnoughTurn) other_turn = NULL;
  g_autoptr(EnoughLetter) letter = NULL;
  g_autoptr(EnoughLetter) cjk_letter = NULL;
  g_autoptr(EnoughSelfCheck) check = NULL;

  g_assert_no_error (error);

  check = enough_store_create_self_check (store, ENOUGH_ITEM_BANK_VERSION);
  for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
    enough_self_check_set_answer (check, i, 1 + i % 5);
  enough_self_check_set_current_index (check, ENOUGH_SELF_CHECK_N_ITEMS - 1);
  enough_self_check_set_completed_at (check, enough_store_now (store));
  enough_self_check_set_note (check, "I finished the check on a calm Sunday.");
  fixture->check_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (check)));

  letter = enough_store_create_letter (store);
  enough_letter_set_not_good_enough (letter, "The dinner for my sister");
  enough_letter_set_text (letter, "Dear me, you finished the dinner and it was warm. "
                                  "Tags like <b>&amp; are only text.");
  fixture->letter_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (letter)));

  cjk_letter = enough_store_create_letter (store);
  enough_letter_set_text (cjk_letter, "我今天很累，但是已经足够好了。今日はよく頑張った。오늘은 충분히 잘했어요.");
  fixture->cjk_letter_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (cjk_letter)));

  dialogue = enough_store_create_dialogue (store);
  enough_dialogue_set_title (dialogue, "The presentation");
  enough_dialogue_set_critic_name (dialogue, "The Judge");
  other_turn = enough_store_add_turn (store, dialogue, -1, ENOUGH_SPEAKER_CRITIC,
                                      "You never get anything done.");
  turn = enough_store_add_turn (store, dialogue, -1, ENOUGH_SPEAKER_ME,
                                "I finished the slides, and that is enough.");
  fixture->dialogue_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (dialogue)));
  fixture->turn_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (turn)));

  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_true (enough_store_close (store, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->data_dir = enough_test_begin ();
  fill_journal (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_end (&fixture->data_dir);
  g_clear_pointer (&fixture->dialogue_uuid, g_free);
  g_clear_pointer (&fixture->turn_uuid, g_free);
  g_clear_pointer (&fixture->letter_uuid, g_free);
  g_clear_pointer (&fixture->cjk_letter_uuid, g_free);
  g_clear_pointer (&fixture->check_uuid, g_free);
}

/* Types @query into the search entry as the user would and waits (bounded)
 * for its debounced search, and the full answer if one is on its way. */
static EnoughSearchView *
type_query (EnoughTestApp *test,
            const char    *query)
{
  EnoughSearchView *view = enough_window_get_search_view (test->window);

  gtk_editable_set_text (GTK_EDITABLE (enough_window_get_search_entry (test->window)), query);
  /* Not searched yet: the search runs from the main loop. */
  g_assert_true (enough_search_view_is_busy (view));
  enough_test_wait_for_search (view, query);

  return view;
}

static EnoughSearchResult *
result_at (EnoughSearchView *view,
           guint             index)
{
  g_autoptr(EnoughSearchResult) result = g_list_model_get_item (enough_search_view_get_results (view), index);

  g_assert_nonnull (result);
  return result;  /* the view keeps it alive */
}

/* The markup shows exactly the snippet, with exactly the matches in bold,
 * and the row's label uses it. */
static void
assert_markup (EnoughSearchView *view,
               guint             index)
{
  EnoughSearchResult *result = result_at (view, index);
  g_autofree char *markup = enough_search_result_dup_markup (result);
  g_autofree char *text = NULL;
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autoptr(GError) error = NULL;
  PangoAttrIterator *iter;
  guint n_bold = 0;
  GtkWidget *row, *label;

  g_assert_true (pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, enough_search_result_get_snippet (result));

  iter = pango_attr_list_get_iterator (attrs);
  do
    {
      PangoAttribute *weight = pango_attr_iterator_get (iter, PANGO_ATTR_WEIGHT);
      int start, end;

      pango_attr_iterator_range (iter, &start, &end);
      if (weight != NULL)
        {
          guint match_start, match_end;

          g_assert_cmpuint (n_bold, <, enough_search_result_get_n_matches (result));
          enough_search_result_get_match (result, n_bold, &match_start, &match_end);
          g_assert_cmpint (start, ==, (int) match_start);
          g_assert_cmpint (end, ==, (int) match_end);
          n_bold++;
        }
    }
  while (pango_attr_iterator_next (iter));
  pango_attr_iterator_destroy (iter);
  g_assert_cmpuint (n_bold, ==, enough_search_result_get_n_matches (result));
  g_assert_cmpuint (n_bold, >, 0);

  row = enough_search_view_get_row (view, index);
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  label = enough_test_find_descendant (row, GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_use_markup (GTK_LABEL (label)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, markup);
}

/* The text of the matches, joined: what the user sees in bold. */
static char *
dup_bold_text (EnoughSearchResult *result)
{
  const char *snippet = enough_search_result_get_snippet (result);
  GString *bold = g_string_new (NULL);

  for (guint i = 0; i < enough_search_result_get_n_matches (result); i++)
    {
      guint start, end;

      enough_search_result_get_match (result, i, &start, &end);
      g_string_append_len (bold, snippet + start, end - start);
    }

  return g_string_free (bold, FALSE);
}

/* The window's focus widget is the entry's text. (Not has_focus or the
 * focus-child chain: those also need the X server to have activated the
 * window, which Xvfb does late under load.) */
static gboolean
entry_has_focus (GtkWidget *entry)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (entry));

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
open_search (EnoughTestApp *test)
{
  GtkWidget *entry = GTK_WIDGET (enough_window_get_search_entry (test->window));

  g_assert_false (enough_window_is_searching (test->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.search", NULL));
  enough_test_drain_main_context ();
  g_assert_true (enough_window_is_searching (test->window));
  g_assert_true (entry_has_focus (entry));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (enough_window_get_search_view (test->window))));
}

/* ---- Grouped results, markup, opening ---------------------------------- */

static void
check_grouped_results (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughSearchView *view;
  EnoughSearchResult *result;
  GListModel *results;

  open_search (test);
  view = enough_window_get_search_view (test->window);
  g_assert_cmpstr (enough_search_view_get_state (view), ==, "hint");

  view = type_query (test, "finished");
  g_assert_cmpstr (enough_search_view_get_state (view), ==, "results");
  results = enough_search_view_get_results (view);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);

  /* Grouped in the order of the pages, each group under its heading. */
  result = result_at (view, 0);
  g_assert_cmpint (enough_search_result_get_kind (result), ==, ENOUGH_RECORD_KIND_DIALOGUE);
  g_assert_cmpint (enough_search_result_get_field (result), ==, ENOUGH_SEARCH_FIELD_TURN);
  g_assert_cmpstr (enough_search_result_get_entry_uuid (result), ==, fixture->dialogue_uuid);
  g_assert_cmpstr (enough_search_result_get_turn_uuid (result), ==, fixture->turn_uuid);
  result = result_at (view, 1);
  g_assert_cmpint (enough_search_result_get_kind (result), ==, ENOUGH_RECORD_KIND_LETTER);
  g_assert_cmpstr (enough_search_result_get_entry_uuid (result), ==, fixture->letter_uuid);
  result = result_at (view, 2);
  g_assert_cmpint (enough_search_result_get_kind (result), ==, ENOUGH_RECORD_KIND_SELF_CHECK);
  g_assert_cmpstr (enough_search_result_get_entry_uuid (result), ==, fixture->check_uuid);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *bold = dup_bold_text (result_at (view, i));

      assert_markup (view, i);
      g_assert_cmpstr (bold, ==, "finished");
    }
  /* Each row names its entry and its date: thousands of dialogues are
   * told apart. */
  {
    static const char *places[] = { "In “The presentation”",
                                    "In the letter “The dinner for my sister”",
                                    "Note" };

    for (guint i = 0; i < G_N_ELEMENTS (places); i++)
      {
        GtkWidget *row = enough_search_view_get_row (view, i);
        g_autofree char *date = enough_dates_format_date (enough_search_result_get_created_at (result_at (view, i)));
        GtkWidget *place = enough_test_find_descendant (row, GTK_TYPE_LABEL, places[i]);

        g_assert_cmpstr (date, !=, "");
        g_assert_nonnull (place);
        g_assert_true (gtk_widget_is_visible (place));
        g_assert_true (gtk_widget_is_visible (enough_test_find_descendant (row, GTK_TYPE_LABEL, date)));
      }
  }
  {
    static const char *headings[] = { "Dialogues", "Letters", "Self-Checks" };

    for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
      {
        GtkWidget *heading = enough_test_find_descendant (GTK_WIDGET (view), GTK_TYPE_LABEL, headings[i]);

        g_assert_nonnull (heading);
        g_assert_true (gtk_widget_is_visible (heading));
        /* Its list follows it, and holds this kind's one result. */
        g_assert_true (gtk_widget_get_next_sibling (heading) ==
                       gtk_widget_get_parent (enough_search_view_get_row (view, i)));
      }
  }

  /* The critic's name, in its dialogue. */
  view = type_query (test, "judge");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_nonnull (enough_test_find_descendant (enough_search_view_get_row (view, 0), GTK_TYPE_LABEL,
                                                 "Name of the critic in “The presentation”"));

  /* One kind only: the other headings go. */
  view = type_query (test, "sister");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_false (gtk_widget_is_visible (enough_test_find_descendant (GTK_WIDGET (view),
                                                                      GTK_TYPE_LABEL, "Dialogues")));
  g_assert_true (gtk_widget_is_visible (enough_test_find_descendant (GTK_WIDGET (view),
                                                                     GTK_TYPE_LABEL, "Letters")));
  g_assert_cmpint (enough_search_result_get_field (result_at (view, 0)), ==,
                   ENOUGH_SEARCH_FIELD_NOT_GOOD_ENOUGH);
  assert_markup (view, 0);

  /* Text that looks like markup stays text. */
  view = type_query (test, "<b>&amp;");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  {
    g_autofree char *markup = enough_search_result_dup_markup (result_at (view, 0));

    g_assert_nonnull (strstr (markup, "<b>&lt;b&gt;&amp;amp;</b>"));
    g_assert_null (strstr (markup, "<b>&amp;</b>"));
    assert_markup (view, 0);
  }

  /* Nothing found, too short, nothing typed. */
  view = type_query (test, "zebracorn");
  g_assert_cmpstr (enough_search_view_get_state (view), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  view = type_query (test, "f");
  g_assert_cmpstr (enough_search_view_get_state (view), ==, "short");
  /* Two Latin letters search (the full answer arrives in the background). */
  view = type_query (test, "fi");
  g_assert_cmpstr (enough_search_view_get_state (view), ==, "results");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
  view = type_query (test, "");
  g_assert_cmpstr (enough_search_view_get_state (view), ==, "hint");
}

static void
test_grouped_results (Fixture       *fixture,
                      gconstpointer  data)
{
  enough_test_run_app (check_grouped_results, fixture);
}

static void
check_open_results (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  GtkSearchEntry *entry = enough_window_get_search_entry (test->window);
  EnoughLetterPage *letter_page = ENOUGH_LETTER_PAGE (enough_window_get_page (test->window, "letters"));
  EnoughSelfCheckPage *check_page = ENOUGH_SELF_CHECK_PAGE (enough_window_get_page (test->window, "self-check"));
  EnoughSearchView *view;
  EnoughDialogue *dialogue;
  EnoughLetter *letter;
  EnoughSelfCheck *check;

  enough_window_show_page (test->window, "letters");

  /* Enter in the entry opens the first result: the dialogue. */
  open_search (test);
  type_query (test, "finished");
  g_signal_emit_by_name (entry, "activate");
  enough_test_drain_main_context ();
  g_assert_false (enough_window_is_searching (test->window));
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "critic");
  dialogue = enough_critic_page_get_dialogue (ENOUGH_CRITIC_PAGE (enough_window_get_page (test->window, "critic")));
  g_assert_nonnull (dialogue);
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (dialogue)), ==, fixture->dialogue_uuid);

  /* A click on a row opens its entry: the letter… */
  open_search (test);
  /* A new search starts from nothing. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  view = type_query (test, "finished");
  g_assert_cmpuint (g_list_model_get_n_items (enough_search_view_get_results (view)), ==, 3);
  g_assert_true (gtk_widget_activate (enough_search_view_get_row (view, 1)));
  enough_test_drain_main_context ();
  g_assert_false (enough_window_is_searching (test->window));
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "letters");
  letter = enough_letter_page_get_letter (letter_page);
  g_assert_nonnull (letter);
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (letter)), ==, fixture->letter_uuid);

  /* …and the Self-Check, on its results. */
  open_search (test);
  type_query (test, "finished");
  g_assert_true (gtk_widget_activate (enough_search_view_get_row (view, 2)));
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "self-check");
  g_assert_cmpstr (enough_self_check_page_get_view (check_page), ==, "results");
  check = enough_self_check_results_get_check (enough_self_check_page_get_results (check_page));
  g_assert_nonnull (check);
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (check)), ==, fixture->check_uuid);

  /* Escape ends the search and shows the page again, as it was. */
  open_search (test);
  g_signal_emit_by_name (entry, "stop-search");
  enough_test_drain_main_context ();
  g_assert_false (enough_window_is_searching (test->window));
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "self-check");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (check_page)));

  /* Enter with nothing found opens nothing. */
  open_search (test);
  type_query (test, "zebracorn");
  g_signal_emit_by_name (entry, "activate");
  enough_test_drain_main_context ();
  g_assert_true (enough_window_is_searching (test->window));
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "self-check");

  /* Choosing a page in the switcher ends the search. */
  enough_window_show_page (test->window, "letters");
  g_assert_false (enough_window_is_searching (test->window));
}

static void
test_open_results (Fixture       *fixture,
                   gconstpointer  data)
{
  enough_test_run_app (check_open_results, fixture);
}

/* ---- Chinese, Japanese, Korean ----------------------------------------- */

static void
check_cjk (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  static const char *queries[] = {
    "足", "足够", "足够好",         /* Chinese: 1, 2, 3 characters */
    "頑", "頑張", "よく頑",         /* Japanese */
    "충", "충분", "충분히",         /* Korean */
  };

  open_search (test);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      EnoughSearchView *view = type_query (test, queries[i]);
      GListModel *results = enough_search_view_get_results (view);
      EnoughSearchResult *result;
      g_autofree char *bold = NULL;
      g_autofree char *markup = NULL;

      g_test_message ("query %s", queries[i]);
      g_assert_cmpstr (enough_search_view_get_state (view), ==, "results");
      g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
      result = result_at (view, 0);
      g_assert_cmpint (enough_search_result_get_kind (result), ==, ENOUGH_RECORD_KIND_LETTER);
      g_assert_cmpstr (enough_search_result_get_entry_uuid (result), ==, fixture->cjk_letter_uuid);
      assert_markup (view, 0);
      bold = dup_bold_text (result);
      g_assert_cmpstr (bold, ==, queries[i]);
      markup = enough_search_result_dup_markup (result);
      g_assert_nonnull (strstr (markup, queries[i]));
    }

  /* And it opens. */
  g_signal_emit_by_name (enough_window_get_search_entry (test->window), "activate");
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "letters");
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (enough_letter_page_get_letter (ENOUGH_LETTER_PAGE (enough_window_get_page (test->window, "letters"))))),
                   ==, fixture->cjk_letter_uuid);
}

static void
test_cjk (Fixture       *fixture,
          gconstpointer  data)
{
  enough_test_run_app (check_cjk, fixture);
}

/* ---- Markup from odd offsets ------------------------------------------- */

/* A journal of many letters and dialogues that all match "walk", so the
 * results scroll. */
static void
fixture_setup_many (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = NULL;

  fixture->data_dir = enough_test_begin ();
  store = enough_store_open (NULL, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(EnoughLetter) letter = enough_store_create_letter (store);
      g_autofree char *text = g_strdup_printf ("Letter %u: a short walk after work, "
                                               "and the evening was kind.", i);

      enough_letter_set_text (letter, text);
    }
  /* More than two views' heights of results in all. */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (store);
      g_autoptr(EnoughTurn) turn = enough_store_add_turn (store, dialogue, -1, ENOUGH_SPEAKER_ME,
                                                          "I went for a walk after lunch instead.");
    }
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_true (enough_store_close (store, &error));
  g_assert_no_error (error);
}

static gboolean
opacity_is_zero (gpointer data)
{
  return gtk_widget_get_opacity (data) == 0;
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *painted)
{
  (*painted)++;
}

static void
on_opacity (GtkWidget  *scrollbar,
            GParamSpec *pspec,
            guint      *changes)
{
  (*changes)++;
}

/* Painted frames of @window, forced, so that what waits for the next frame
 * (GTK's motion after a relayout) happens. */
static void
paint_frames (GtkWidget *window,
              guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  guint painted = 0;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);

  for (guint i = 1; i <= n; i++)
    {
      gtk_widget_queue_draw (window);
      enough_test_wait_for_count (&painted, i, 30);
    }
  g_signal_handler_disconnect (clock, id);
}

/* The window laid out anew, as a keystroke's new results lay it out: GTK
 * then sends a motion event with the pointer where it was, at the frame's
 * event phase (a key's own event brings one; here it is asked for). */
static void
relayout (GtkWidget *window)
{
  gtk_widget_queue_allocate (window);
  gdk_surface_request_layout (gtk_native_get_surface (GTK_NATIVE (window)));
  gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (window), GDK_FRAME_CLOCK_PHASE_FLUSH_EVENTS);
}

/* Results kept: a query with the same results keeps the row widgets. And a
 * relayout of the window (each key typed in the entry lays it out) makes
 * GTK send a motion event with the pointer where it was; with the pointer
 * resting on the results, it must not fade the scrollbar in and out (about
 * ten frames of the whole window per key). Fails without the filter in
 * enough-search-view.c (the scrollbar's opacity changes 8 times). */
static void
check_still_pointer (EnoughTestApp *test)
{
  GtkWidget *window = GTK_WIDGET (test->window);
  EnoughSearchView *view;
  GtkWidget *row, *last_row, *scroller, *scrollbar;
  guint changes = 0;
  gulong id;

  open_search (test);
  view = type_query (test, "walk");
  row = enough_search_view_get_row (view, 0);
  last_row = enough_search_view_get_row (view, 39);
  g_assert_cmpuint (g_list_model_get_n_items (enough_search_view_get_results (view)), ==, 40);
  view = type_query (test, "walk after");
  g_assert_cmpuint (g_list_model_get_n_items (enough_search_view_get_results (view)), ==, 40);
  g_assert_true (enough_search_view_get_row (view, 0) == row);
  g_assert_true (enough_search_view_get_row (view, 39) == last_row);

  scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  scrollbar = gtk_scrolled_window_get_vscrollbar (GTK_SCROLLED_WINDOW (scroller));
  g_assert_true (gtk_scrolled_window_get_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller)));
  paint_frames (window, 2);

  /* The hand leaves the mouse on the first result (the real pointer,
   * moved through the X server). Coming to a new place shows the
   * scrollbar; then it fades out. */
  enough_test_pointer_move_to (row, gtk_widget_get_width (row) / 2.0, gtk_widget_get_height (row) / 2.0);
  relayout (window);
  paint_frames (window, 3);
  g_assert_true (enough_test_wait_until (opacity_is_zero, scrollbar, 30));

  /* The next relayouts, the pointer still: the scrollbar stays hidden. */
  id = g_signal_connect (scrollbar, "notify::opacity", G_CALLBACK (on_opacity), &changes);
  for (guint i = 0; i < 3; i++)
    {
      relayout (window);
      paint_frames (window, 3);
    }
  g_signal_handler_disconnect (scrollbar, id);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpfloat (gtk_widget_get_opacity (scrollbar), ==, 0);
}

static gboolean
is_row (GtkWidget     *widget,
        gconstpointer  data)
{
  return GTK_IS_LIST_BOX_ROW (widget);
}

static guint
count_rows (GtkWidget *root)
{
  return enough_test_count (root, is_row, NULL);
}

static gboolean
child_revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

/* The last row shown, of whichever group. */
static GtkWidget *
find_last_row (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_last_child (widget); child != NULL;
       child = gtk_widget_get_prev_sibling (child))
    {
      GtkWidget *found = gtk_widget_get_visible (child) ? find_last_row (child) : NULL;

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The rows a view needs come at once: made and measured until they fill
 * twice the view, not the rest nobody sees yet (each frame that grows the
 * list draws all of it that is shown again). Over several frames only
 * when making them takes longer than a frame's share of time. The rest
 * come when scrolled near, and all at once when a row is asked for or the
 * focus comes in; the view is busy while rows are coming. */
static void
check_rows_over_frames (EnoughTestApp *test)
{
  EnoughSearchView *view;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  GtkWidget *last = NULL;
  GtkWidget *revealer;
  guint made;

  open_search (test);
  view = enough_window_get_search_view (test->window);
  /* Laid out at its final height (the search bar has slid in), as by the
   * time of a first key: rows are measured against the view's size. */
  revealer = enough_test_find_descendant (enough_test_find_descendant (GTK_WIDGET (test->window),
                                                                       GTK_TYPE_SEARCH_BAR, NULL),
                                          GTK_TYPE_REVEALER, NULL);
  g_assert_true (enough_test_wait_until (child_revealed, revealer, 30));
  paint_frames (GTK_WIDGET (test->window), 2);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >, 0);

  /* Time enough (not a slow test machine's frame): all in the key's own
   * dispatch, nothing left for later frames. */
  _enough_search_view_set_rows_budget_for_tests (view, G_USEC_PER_SEC);
  enough_search_view_set_query (view, "walk");
  g_assert_cmpuint (g_list_model_get_n_items (enough_search_view_get_results (view)), ==, 40);
  made = count_rows (GTK_WIDGET (view));
  g_assert_cmpuint (made, >, 1);
  g_assert_cmpuint (made, <, 40);
  g_assert_false (enough_search_view_is_busy (view));
  enough_test_wait_for_search (view, "walk");
  paint_frames (GTK_WIDGET (test->window), 2);
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), ==, made);
  last = find_last_row (GTK_WIDGET (view));
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (last, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  /* Two views' heights, and not one row more. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >=, 2 * gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) - gtk_widget_get_height (last), <,
                     2 * gtk_adjustment_get_page_size (adjustment));

  /* A frame's share spent after each row: one a frame, up to the same
   * two views; the frame right after the key only shows the first. */
  _enough_search_view_set_rows_budget_for_tests (view, 0);
  enough_search_view_set_query (view, "");
  enough_search_view_set_query (view, "walk");
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), ==, 1);
  g_assert_true (enough_search_view_is_busy (view));
  paint_frames (GTK_WIDGET (test->window), 1);
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), ==, 1);
  paint_frames (GTK_WIDGET (test->window), 1);
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), ==, 2);
  enough_test_wait_for_search (view, "walk");
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), ==, made);

  /* The rest come when the view is scrolled near them, to the end. */
  for (guint i = 0; i < 40 && made < 40; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      g_assert_true (enough_search_view_is_busy (view));
      enough_test_wait_for_search (view, "walk");
      g_assert_cmpuint (count_rows (GTK_WIDGET (view)), >, made);
      made = count_rows (GTK_WIDGET (view));
    }
  g_assert_cmpuint (made, ==, 40);

  /* The focus into the results (Tab): every row, so none is skipped. */
  enough_search_view_set_query (view, "");
  enough_search_view_set_query (view, "walk");
  enough_test_wait_for_search (view, "walk");
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), <, 40);
  g_assert_true (gtk_widget_grab_focus (enough_test_find_first (GTK_WIDGET (view), is_row, NULL)));
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), ==, 40);
  gtk_widget_grab_focus (GTK_WIDGET (enough_window_get_search_entry (test->window)));

  /* A row asked for: all of them, now. */
  enough_search_view_set_query (view, "");
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), ==, 0);
  enough_search_view_set_query (view, "walk");
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), <, 40);
  g_assert_nonnull (enough_search_view_get_row (view, 39));
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), ==, 40);
  g_assert_false (enough_search_view_is_busy (view));
}

static void
test_rows_over_frames (Fixture       *fixture,
                       gconstpointer  data)
{
  enough_test_run_app (check_rows_over_frames, fixture);
}

/* As you type: a key after a pause is searched in the main loop's next
 * turn (no wait), keys that come faster than one search per 100 ms wait
 * for their turn, and then only the newest text is searched. */
static void
check_as_you_type (EnoughTestApp *test)
{
  GtkEditable *entry = GTK_EDITABLE (enough_window_get_search_entry (test->window));
  EnoughSearchView *view;
  gint64 before;

  open_search (test);
  view = enough_window_get_search_view (test->window);

  before = g_get_monotonic_time ();
  gtk_editable_set_text (entry, "finis");
  g_assert_true (enough_search_view_is_busy (view));
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_search_view_get_query (view), ==, "finis");
  g_assert_cmpuint (g_list_model_get_n_items (enough_search_view_get_results (view)), ==, 3);

  gtk_editable_set_text (entry, "finish");
  gtk_editable_set_text (entry, "finished the din");
  enough_test_drain_main_context ();
  /* Still the last search's 100 ms (unless this machine was too slow to
   * get here within them): the results shown are still "finis"'s. */
  if (g_get_monotonic_time () - before < 90 * G_TIME_SPAN_MILLISECOND)
    {
      g_assert_cmpstr (enough_search_view_get_query (view), ==, "finis");
      g_assert_true (enough_search_view_is_busy (view));
    }
  enough_test_wait_for_search (view, "finished the din");
  g_assert_cmpuint (g_list_model_get_n_items (enough_search_view_get_results (view)), ==, 1);
  g_assert_cmpstr (enough_search_view_get_state (view), ==, "results");
}

static void
test_as_you_type (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_run_app (check_as_you_type, fixture);
}

static void
test_still_pointer (Fixture       *fixture,
                    gconstpointer  data)
{
  enough_test_run_app (check_still_pointer, fixture);
}

static void
test_markup_offsets (void)
{
  static const guint matches[] = { 0, 3, 2, 5, 5, 6, 12, 40, 9, 12 };
  g_autoptr(EnoughSearchResult) result = NULL;
  g_autofree char *markup = NULL;

  /* In order and whole characters only: an overlapping range, one past
   * the end and one inside "é" are skipped, the text is kept. */
  result = _enough_search_result_new (ENOUGH_RECORD_KIND_LETTER, ENOUGH_SEARCH_FIELD_LETTER,
                                      "00000000-0000-0000-0000-000000000000", NULL,
                                      "a<b é & \"c\" z", matches, G_N_ELEMENTS (matches) / 2,
                                      0.0, 0);
  markup = enough_search_result_dup_markup (result);
  g_assert_cmpstr (markup, ==, "<b>a&lt;b</b> é &amp; <b>&quot;c&quot;</b> z");
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

  g_test_add_func ("/search/markup-offsets", test_markup_offsets);
  g_test_add ("/search/grouped-results", Fixture, NULL, fixture_setup, test_grouped_results, fixture_teardown);
  g_test_add ("/search/open-results", Fixture, NULL, fixture_setup, test_open_results, fixture_teardown);
  g_test_add ("/search/cjk", Fixture, NULL, fixture_setup, test_cjk, fixture_teardown);
  g_test_add ("/search/as-you-type", Fixture, NULL, fixture_setup, test_as_you_type, fixture_teardown);
  g_test_add ("/search/still-pointer", Fixture, NULL, fixture_setup_many, test_still_pointer, fixture_teardown);
  g_test_add ("/search/rows-over-frames", Fixture, NULL, fixture_setup_many, test_rows_over_frames, fixture_teardown);

  return g_test_run ();
}
