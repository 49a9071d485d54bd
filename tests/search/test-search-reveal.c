/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>

#include "enough-gui-test-utils.h"
#include "enough-search-reveal.h"
#include "enough-search-view.h"
#include "enough-self-check-page.h"
#include "enough-test-utils.h"
#include "enough-turn-row.h"

/* Opening a search result shows where it matched: the turn scrolled into
 * view and marked, the words selected in a letter or a note. */

#define N_TURNS 1000
#define MATCH_TURN 5  /* early: the dialogue opens at its newest turns */

typedef struct
{
  char *data_dir;
  char *dialogue_uuid;
  char *turn_uuid;
  char *reader_text;   /* a finished letter's text */
  char *draft_text;    /* a draft letter's text */
  char *cjk_text;
  char *note;
} Fixture;

/* Long enough to need scrolling in a 700 px high window. */
static char *
make_long_text (const char *line,
                guint       n_lines,
                const char *last)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (text, "%u. %s\n", i + 1, line);
  g_string_append (text, last);

  return g_string_free (text, FALSE);
}

/* @n_turns: the long dialogue's turns (the letter and note tests need
 * only a few; the app opens the newest dialogue at start). */
static void
fill_journal (Fixture *fixture,
              guint    n_turns)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = enough_store_open (NULL, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_autoptr(EnoughDialogue) dialogue = NULL;
  g_autoptr(EnoughLetter) reader_letter = NULL;
  g_autoptr(EnoughLetter) draft_letter = NULL;
  g_autoptr(EnoughLetter) cjk_letter = NULL;
  g_autoptr(EnoughSelfCheck) check = NULL;

  g_assert_no_error (error);

  dialogue = enough_store_create_dialogue (store);
  enough_dialogue_set_title (dialogue, "Rehearsal for the quarterly review");
  enough_dialogue_set_critic_name (dialogue, "The Judge");
  for (guint i = 0; i < n_turns; i++)
    {
      g_autoptr(EnoughTurn) turn = NULL;
      g_autofree char *text = NULL;

      if (i == MATCH_TURN)
        text = g_strdup ("And then the marmalade jar fell, and I laughed.");
      else if (i % 7 == 3)
        /* Some turns of several lines, so rows differ in height. */
        text = g_strdup_printf ("Turn %u.\nYou should have prepared more.\nEveryone will notice.", i);
      else
        text = g_strdup_printf ("Turn %u: I did what I could today.", i);
      turn = enough_store_add_turn (store, dialogue, -1,
                                    i % 2 == 0 ? ENOUGH_SPEAKER_CRITIC : ENOUGH_SPEAKER_ME, text);
      if (i == MATCH_TURN)
        fixture->turn_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (turn)));
    }
  fixture->dialogue_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (dialogue)));

  /* Finished (a reread was chosen): it opens for reading. */
  fixture->reader_text = make_long_text ("Today I did what I could, and that counts for a lot.", 90,
                                         "I will walk to the old lighthouse on Sunday.");
  reader_letter = enough_store_create_letter (store);
  enough_letter_set_not_good_enough (reader_letter, "The report I sent");
  enough_letter_set_text (reader_letter, fixture->reader_text);
  enough_letter_set_reread (reader_letter, ENOUGH_REREAD_NEVER, 0);

  /* A draft left on its first step: it opens in the steps. "harbour"
   * comes first, "quiet" near the end, never side by side. */
  fixture->draft_text = make_long_text ("The harbour was busy and I still finished my part.", 90,
                                        "Tonight is quiet, and so am I.");
  draft_letter = enough_store_create_letter (store);
  enough_letter_set_not_good_enough (draft_letter, "The boat trip");
  enough_letter_set_text (draft_letter, fixture->draft_text);
  g_assert_cmpuint (enough_letter_get_step (draft_letter), ==, 0);

  fixture->cjk_text = make_long_text ("我今天很累，但是我还是去上班了。", 90,
                                      "已经足够好了。今日はよく頑張った。");
  cjk_letter = enough_store_create_letter (store);
  enough_letter_set_text (cjk_letter, fixture->cjk_text);
  enough_letter_set_reread (cjk_letter, ENOUGH_REREAD_NEVER, 0);

  fixture->note = make_long_text ("This week went better than I feared it would.", 60,
                                  "On Saturday I found a Seashell on the beach.");
  check = enough_store_create_self_check (store, ENOUGH_ITEM_BANK_VERSION);
  for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
    enough_self_check_set_answer (check, i, 1 + i % 5);
  enough_self_check_set_current_index (check, ENOUGH_SELF_CHECK_N_ITEMS - 1);
  enough_self_check_set_completed_at (check, enough_store_now (store));
  enough_self_check_set_note (check, fixture->note);

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
  fill_journal (fixture, GPOINTER_TO_UINT (data));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_end (&fixture->data_dir);
  g_clear_pointer (&fixture->dialogue_uuid, g_free);
  g_clear_pointer (&fixture->turn_uuid, g_free);
  g_clear_pointer (&fixture->reader_text, g_free);
  g_clear_pointer (&fixture->draft_text, g_free);
  g_clear_pointer (&fixture->cjk_text, g_free);
  g_clear_pointer (&fixture->note, g_free);
}

/* ---- Helpers ------------------------------------------------------------ */

/* Waits for the search to settle, then opens its only result by a click.
 * Returns the field the result matched in. */
static EnoughSearchField
search_and_open (EnoughTestApp    *test,
                 const char       *query,
                 EnoughRecordKind  kind)
{
  GtkWidget *entry = GTK_WIDGET (enough_window_get_search_entry (test->window));
  EnoughSearchView *view;
  g_autoptr(EnoughSearchResult) result = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.search", NULL));
  enough_test_drain_main_context ();
  g_assert_true (enough_window_is_searching (test->window));
  view = enough_window_get_search_view (test->window);

  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  enough_test_wait_for_search (view, query);

  g_assert_cmpuint (g_list_model_get_n_items (enough_search_view_get_results (view)), ==, 1);
  result = g_list_model_get_item (enough_search_view_get_results (view), 0);
  g_assert_cmpint (enough_search_result_get_kind (result), ==, kind);

  g_assert_true (gtk_widget_activate (enough_search_view_get_row (view, 0)));
  enough_test_drain_main_context ();
  g_assert_false (enough_window_is_searching (test->window));

  return enough_search_result_get_field (result);
}

static GtkWidget *
get_focus (GtkWidget *widget)
{
  /* The window's focus widget: Xvfb may not activate the window, so not
   * gtk_widget_has_focus(). */
  return gtk_root_get_focus (gtk_widget_get_root (widget));
}

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = get_focus (widget);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Whether the range [top, top + height) of @widget (in its coordinates) is
 * inside @scroller's view. */
static gboolean
range_in_view (GtkScrolledWindow *scroller,
               GtkWidget         *widget,
               double             top,
               double             height)
{
  GtkWidget *view = GTK_WIDGET (scroller);
  graphene_point_t point = GRAPHENE_POINT_INIT (0, top), out;

  if (!gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_point (widget, view, &point, &out))
    return FALSE;

  return out.y >= 0 && out.y + height <= gtk_widget_get_height (view);
}

static gboolean
label_range_in_view (GtkScrolledWindow *scroller,
                     GtkLabel          *label,
                     int                start_char)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  PangoRectangle pos;
  int x, y;

  pango_layout_index_to_pos (layout, (int) (g_utf8_offset_to_pointer (text, start_char) - text), &pos);
  gtk_label_get_layout_offsets (label, &x, &y);

  return range_in_view (scroller, GTK_WIDGET (label),
                        y + PANGO_PIXELS (pos.y), PANGO_PIXELS (pos.height));
}

static gboolean
text_view_offset_in_view (GtkScrolledWindow *scroller,
                          GtkTextView       *view,
                          int                offset)
{
  GtkTextIter iter;
  GdkRectangle rect;
  int x, y;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &x, &y);

  return range_in_view (scroller, GTK_WIDGET (view), y, rect.height);
}

/* Character offset of @needle in @haystack (which holds it once). */
static int
char_offset_of (const char *haystack,
                const char *needle)
{
  const char *at = strstr (haystack, needle);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, needle));
  return (int) g_utf8_pointer_to_offset (haystack, at);
}

static gboolean
is_text_view_with (GtkWidget     *widget,
                   gconstpointer  text)
{
  GtkTextBuffer *buffer;
  g_autofree char *content = NULL;
  GtkTextIter start, end;

  if (!GTK_IS_TEXT_VIEW (widget))
    return FALSE;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  content = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strcmp0 (content, text) == 0;
}

static GtkWidget *
find_text_view_with (GtkWidget  *root,
                     const char *text)
{
  return enough_test_find_first (root, is_text_view_with, text);
}

/* ---- Finding the words ------------------------------------------------- */

static void
assert_found (const char *text,
              const char *query,
              const char *expected)
{
  int start = -1, end = -1;
  g_autofree char *found = NULL;

  g_test_message ("find %s in %s", query, text);
  g_assert_true (enough_search_find_match (text, query, NULL, &start, &end));
  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (end, >, start);
  found = g_utf8_substring (text, start, end);
  g_assert_cmpstr (found, ==, expected);
  /* The first occurrence: the same text does not come before it. */
  g_assert_cmpint (start, ==, (int) g_utf8_pointer_to_offset (text, strstr (text, expected)));
}

static void
test_find_match (void)
{
  static const guint matches[] = { 6, 9 };  /* "sea": bytes 6–9, after "…" (3 bytes) and "at " */
  g_autoptr(EnoughSearchResult) result = NULL;
  int start = -1, end = -1;

  /* Case does not matter, in any script; offsets are characters. */
  assert_found ("Él dijo: ÉCOLE y École", "école", "ÉCOLE");
  assert_found ("One day, the LightHouse", "lighthouse", "LightHouse");
  assert_found ("我今天很累，但是已经足够好了。", "足够好", "足够好");
  assert_found ("今日はよく頑張った。", "頑張", "頑張");
  assert_found ("오늘은 충분히 잘했어요.", "충분히", "충분히");
  /* The whole query, across a line break… */
  assert_found ("a quiet\nharbour, a quiet harbour", "quiet harbour", "quiet\nharbour");
  /* …else its first word that occurs, in the query's order. */
  assert_found ("the harbour is quiet", "quiet harbour", "quiet");
  assert_found ("the harbour is calm", "  quiet   harbour ", "harbour");
  /* Not there at all. */
  g_assert_false (enough_search_find_match ("nothing here", "zebracorn", NULL, &start, &end));
  g_assert_false (enough_search_find_match ("", "zebracorn", NULL, &start, &end));
  g_assert_false (enough_search_find_match ("nothing here", "", NULL, &start, &end));
  g_assert_false (enough_search_find_match (NULL, "here", NULL, &start, &end));

  /* Last, what the result marked in its snippet. */
  result = _enough_search_result_new (ENOUGH_RECORD_KIND_LETTER, ENOUGH_SEARCH_FIELD_LETTER,
                                      "00000000-0000-0000-0000-000000000000", NULL,
                                      "…at sea, calm", matches, 1, 0.0, 0);
  g_assert_true (enough_search_find_match ("We were at sea, calm.", "zebracorn", result, &start, &end));
  g_assert_cmpint (start, ==, 11);
  g_assert_cmpint (end, ==, 14);
}

/* ---- A turn, far from the newest ---------------------------------------- */

typedef struct
{
  EnoughCriticPage *page;
  EnoughTurn       *turn;
} TurnWait;

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  turn)
{
  return ENOUGH_IS_TURN_ROW (widget) && enough_turn_row_get_turn (ENOUGH_TURN_ROW (widget)) == turn;
}

static EnoughTurnRow *
find_turn_row (GtkWidget  *root,
               EnoughTurn *turn)
{
  return ENOUGH_TURN_ROW (enough_test_find_first (root, is_row_of, turn));
}

static gboolean
is_turn_row (GtkWidget     *widget,
             gconstpointer  data)
{
  return ENOUGH_IS_TURN_ROW (widget);
}

static void
assert_only_marked (GtkWidget  *root,
                    EnoughTurn *turn)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ENOUGH_IS_TURN_ROW (child))
        {
          gboolean is_match = enough_turn_row_get_turn (ENOUGH_TURN_ROW (child)) == turn;
          int start, end;

          g_assert_true (gtk_widget_has_css_class (child, "search-match") == is_match);
          g_assert_true (enough_turn_row_get_mark (ENOUGH_TURN_ROW (child), &start, &end) == is_match);
        }
      else
        assert_only_marked (child, turn);
    }
}

static gboolean
row_in_view (EnoughTurnRow *row)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_SCROLLED_WINDOW);

  return scroller != NULL &&
         range_in_view (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (row), 0,
                        gtk_widget_get_height (GTK_WIDGET (row)));
}

/* The row of the turn exists, is in view and has the focus. */
static gboolean
turn_shown (gpointer data)
{
  TurnWait *wait = data;
  EnoughTurnRow *row = find_turn_row (GTK_WIDGET (wait->page), wait->turn);

  return row != NULL && row_in_view (row) && focus_is_in (gtk_widget_get_parent (GTK_WIDGET (row)));
}

static EnoughTurnRow *
assert_turn_revealed (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughCriticPage *page = ENOUGH_CRITIC_PAGE (enough_window_get_page (test->window, "critic"));
  EnoughDialogue *dialogue = enough_critic_page_get_dialogue (page);
  TurnWait wait = { page, enough_critic_page_get_match_turn (page) };
  EnoughTurnRow *row, *last_row;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  g_autoptr(EnoughTurn) last = NULL;

  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "critic");
  g_assert_nonnull (dialogue);
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (dialogue)), ==, fixture->dialogue_uuid);
  g_assert_nonnull (wait.turn);
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (wait.turn)), ==, fixture->turn_uuid);
  g_assert_null (enough_critic_page_get_match_label (page));

  g_assert_true (enough_test_wait_until (turn_shown, &wait, 20));
  row = find_turn_row (GTK_WIDGET (page), wait.turn);
  g_assert_nonnull (row);
  g_assert_true (row_in_view (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "search-match"));
  /* The list's row for the turn has the keyboard focus. */
  g_assert_true (get_focus (GTK_WIDGET (row)) == gtk_widget_get_parent (GTK_WIDGET (row)) ||
                 focus_is_in (GTK_WIDGET (row)));

  /* Far from the end, where the dialogue usually opens… */
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment),
                     <, gtk_adjustment_get_upper (adjustment) - 100);
  last = g_list_model_get_item (enough_dialogue_get_turns (dialogue), N_TURNS - 1);
  last_row = find_turn_row (GTK_WIDGET (page), last);
  g_assert_true (last_row == NULL || !row_in_view (last_row));
  /* …with only the rows around it made, not one per turn. */
  g_assert_cmpuint (enough_test_count (GTK_WIDGET (page), is_turn_row, NULL), <, N_TURNS / 4);
  /* Only that turn is marked. */
  assert_only_marked (GTK_WIDGET (page), wait.turn);

  /* The words themselves are marked, inside the bubble's text: its label
   * draws the mark on exactly "marmalade". */
  {
    GtkWidget *label = enough_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL,
                                                    "And then the marmalade jar fell, and I laughed.");
    int start = -1, end = -1;
    int at = char_offset_of (gtk_label_get_text (GTK_LABEL (label)), "marmalade");

    g_assert_nonnull (label);
    g_assert_true (gtk_widget_has_css_class (label, "bubble-text"));
    g_assert_true (gtk_widget_is_drawable (label));
    g_assert_true (enough_turn_row_get_mark (row, &start, &end));
    g_assert_cmpint (start, ==, at);
    g_assert_cmpint (end, ==, at + (int) strlen ("marmalade"));
  }

  return row;
}

/* What a key press in @widget (inside @page) does to a mark: the watching
 * controllers see it (GTK has no public way to send a real key event). */
static void
press_key_in (gpointer   page,
              GtkWidget *widget)
{
  guint n_controllers = 0;

  for (GtkWidget *w = widget; w != NULL && w != GTK_WIDGET (page); w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
          gboolean handled = FALSE;

          if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
              gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
            continue;
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
          n_controllers++;
        }
    }
  g_assert_cmpuint (n_controllers, >, 0);
}

static void
check_open_turn (EnoughTestApp *test)
{
  EnoughCriticPage *page = ENOUGH_CRITIC_PAGE (enough_window_get_page (test->window, "critic"));
  EnoughTurnRow *row;

  /* From another page, as the user would. */
  enough_window_show_page (test->window, "letters");
  g_assert_cmpint (search_and_open (test, "marmalade", ENOUGH_RECORD_KIND_DIALOGUE), ==, ENOUGH_SEARCH_FIELD_TURN);
  row = assert_turn_revealed (test);

  /* The mark stays until the user acts in the dialogue… */
  press_key_in (page, GTK_WIDGET (row));
  g_assert_null (enough_critic_page_get_match_turn (page));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "search-match"));
  {
    int start, end;

    g_assert_false (enough_turn_row_get_mark (row, &start, &end));
  }

  /* …or leaves it. */
  search_and_open (test, "marmalade", ENOUGH_RECORD_KIND_DIALOGUE);
  row = assert_turn_revealed (test);
  enough_window_show_page (test->window, "self-check");
  enough_test_drain_main_context ();
  g_assert_null (enough_critic_page_get_match_turn (page));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "search-match"));

  /* The title: the dialogue as usual, its title marked. */
  g_assert_cmpint (search_and_open (test, "quarterly", ENOUGH_RECORD_KIND_DIALOGUE), ==, ENOUGH_SEARCH_FIELD_TITLE);
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "critic");
  g_assert_null (enough_critic_page_get_match_turn (page));
  g_assert_true (GTK_IS_LABEL (enough_critic_page_get_match_label (page)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (enough_critic_page_get_match_label (page))),
                   ==, "Rehearsal for the quarterly review");
  g_assert_true (gtk_widget_has_css_class (enough_critic_page_get_match_label (page), "search-match"));
  g_assert_true (gtk_widget_is_drawable (enough_critic_page_get_match_label (page)));
}

static void
test_open_turn (Fixture       *fixture,
                gconstpointer  data)
{
  enough_test_run_app (check_open_turn, fixture);
}

static gboolean
leaflet_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

/* On a narrow window the list and the dialogue fold into one column: the
 * dialogue's must be the one shown. */
static void
check_open_turn_narrow (EnoughTestApp *test)
{
  EnoughCriticPage *page = ENOUGH_CRITIC_PAGE (enough_window_get_page (test->window, "critic"));
  AdwLeaflet *leaflet = ADW_LEAFLET (enough_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_LEAFLET, NULL));
  GtkWidget *back = enough_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Back");
  GtkWidget *content;
  EnoughTurnRow *row;

  g_assert_nonnull (leaflet);
  g_assert_nonnull (back);
  g_assert_true (enough_test_wait_until (leaflet_folded, leaflet, 20));
  /* The list of dialogues is shown. */
  g_signal_emit_by_name (back, "clicked");
  enough_test_drain_main_context ();
  content = adw_leaflet_get_visible_child (leaflet);
  g_assert_false (gtk_widget_is_ancestor (back, content));

  search_and_open (test, "marmalade", ENOUGH_RECORD_KIND_DIALOGUE);
  g_assert_true (gtk_widget_is_ancestor (back, adw_leaflet_get_visible_child (leaflet)));
  row = assert_turn_revealed (test);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (row), adw_leaflet_get_visible_child (leaflet)));
}

static void
test_open_turn_narrow (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_int (settings, "window-width", 360);
  enough_test_run_app (check_open_turn_narrow, fixture);
}

/* ---- Letters ------------------------------------------------------------ */

typedef struct
{
  GtkScrolledWindow *scroller;
  GtkWidget         *widget;
} RevealWait;

static gboolean
reveal_done (gpointer data)
{
  RevealWait *wait = data;

  return !enough_search_reveal_is_busy (wait->scroller) && focus_is_in (wait->widget);
}

static void
assert_label_revealed (GtkLabel   *label,
                       const char *text,
                       const char *match)
{
  RevealWait wait = { GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_SCROLLED_WINDOW)),
                      GTK_WIDGET (label) };
  int expected = char_offset_of (text, match);

  g_assert_nonnull (wait.scroller);
  g_assert_true (enough_test_wait_until (reveal_done, &wait, 20));
  /* Exactly the words, marked and selected… */
  enough_test_assert_revealed (GTK_WIDGET (label), expected, expected + (int) g_utf8_strlen (match, -1));
  /* …and scrolled to, well down the text. */
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (wait.scroller)), >, 0);
  g_assert_true (label_range_in_view (wait.scroller, label, expected));
  g_assert_true (get_focus (GTK_WIDGET (label)) == GTK_WIDGET (label));
}

static void
check_open_letter (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughLetterPage *page = ENOUGH_LETTER_PAGE (enough_window_get_page (test->window, "letters"));
  EnoughLetterEditor *editor;
  EnoughLetter *letter;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start;
  RevealWait wait;
  int expected, first = -1, last = -1;

  /* A finished letter, for reading; the query in other letters' case. */
  g_assert_cmpint (search_and_open (test, "LIGHTHOUSE", ENOUGH_RECORD_KIND_LETTER), ==, ENOUGH_SEARCH_FIELD_LETTER);
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "letters");
  g_assert_true (enough_letter_page_is_reading (page));
  assert_label_revealed (GTK_LABEL (enough_test_find_descendant (GTK_WIDGET (enough_letter_page_get_reader (page)),
                                                                 GTK_TYPE_LABEL, fixture->reader_text)),
                         fixture->reader_text, "lighthouse");
  /* The mark goes once the user acts there. */
  {
    GtkWidget *label = enough_test_find_descendant (GTK_WIDGET (enough_letter_page_get_reader (page)),
                                                    GTK_TYPE_LABEL, fixture->reader_text);
    press_key_in (page, label);
    g_assert_false (enough_search_reveal_get_highlight (label, &first, &last));
    g_assert_null (gtk_label_get_attributes (GTK_LABEL (label)));
  }

  /* Chinese in a letter to read. */
  search_and_open (test, "足够好", ENOUGH_RECORD_KIND_LETTER);
  g_assert_true (enough_letter_page_is_reading (page));
  assert_label_revealed (GTK_LABEL (enough_test_find_descendant (GTK_WIDGET (enough_letter_page_get_reader (page)),
                                                                 GTK_TYPE_LABEL, fixture->cjk_text)),
                         fixture->cjk_text, "足够好");

  /* A draft, on the step with its letter; two words found apart: the
   * first one that is in the text. */
  g_assert_cmpint (search_and_open (test, "quiet harbour", ENOUGH_RECORD_KIND_LETTER), ==, ENOUGH_SEARCH_FIELD_LETTER);
  g_assert_false (enough_letter_page_is_reading (page));
  editor = enough_letter_page_get_editor (page);
  letter = enough_letter_page_get_letter (page);
  g_assert_cmpuint (enough_letter_editor_get_step (editor), ==, 1);
  /* Shown, not changed: the draft still reopens where it was left. */
  g_assert_cmpuint (enough_letter_get_step (letter), ==, 0);

  view = GTK_TEXT_VIEW (find_text_view_with (GTK_WIDGET (editor), fixture->draft_text));
  g_assert_nonnull (view);
  wait.scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW));
  wait.widget = GTK_WIDGET (view);
  g_assert_true (enough_test_wait_until (reveal_done, &wait, 20));
  buffer = gtk_text_view_get_buffer (view);
  expected = char_offset_of (fixture->draft_text, "quiet");
  enough_test_assert_revealed (GTK_WIDGET (view), expected, expected + 5);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (wait.scroller)), >, 0);
  g_assert_true (text_view_offset_in_view (wait.scroller, view, expected));
  g_assert_true (get_focus (GTK_WIDGET (view)) == GTK_WIDGET (view));
  /* Nothing was typed: the letter's text is as it was. */
  g_assert_cmpstr (enough_letter_get_text (letter), ==, fixture->draft_text);
  /* Leaving the letter takes the mark away. */
  enough_window_show_page (test->window, "critic");
  enough_test_drain_main_context ();
  g_assert_false (enough_search_reveal_get_highlight (GTK_WIDGET (view), &first, &last));
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_false (gtk_text_iter_forward_to_tag_toggle (&start, NULL));
}

static void
test_open_letter (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_run_app (check_open_letter, fixture);
}

/* ---- A Self-Check's note ------------------------------------------------ */

static void
check_open_note (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughSelfCheckPage *page = ENOUGH_SELF_CHECK_PAGE (enough_window_get_page (test->window, "self-check"));
  EnoughSelfCheckResults *results = enough_self_check_page_get_results (page);
  GtkLabel *note;

  g_assert_cmpint (search_and_open (test, "seashell", ENOUGH_RECORD_KIND_SELF_CHECK), ==, ENOUGH_SEARCH_FIELD_NOTE);
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "self-check");
  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "results");

  note = enough_self_check_results_get_note_label (results);
  g_assert_cmpstr (gtk_label_get_text (note), ==, fixture->note);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (note)));
  assert_label_revealed (note, fixture->note, "Seashell");
}

static void
test_open_note (Fixture       *fixture,
                gconstpointer  data)
{
  enough_test_run_app (check_open_note, fixture);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

  g_test_add_func ("/search-reveal/find-match", test_find_match);
  g_test_add ("/search-reveal/turn", Fixture, GUINT_TO_POINTER (N_TURNS),
              fixture_setup, test_open_turn, fixture_teardown);
  g_test_add ("/search-reveal/turn-narrow", Fixture, GUINT_TO_POINTER (N_TURNS),
              fixture_setup, test_open_turn_narrow, fixture_teardown);
  g_test_add ("/search-reveal/letter", Fixture, GUINT_TO_POINTER (MATCH_TURN + 3),
              fixture_setup, test_open_letter, fixture_teardown);
  g_test_add ("/search-reveal/note", Fixture, GUINT_TO_POINTER (MATCH_TURN + 3),
              fixture_setup, test_open_note, fixture_teardown);

  return g_test_run ();
}
