/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>

#include "enough-gui-test-utils.h"
#include "enough-keys.h"
#include "enough-store.h"
#include "enough-turn-row.h"
#include "enough-test-utils.h"

/* The window by keyboard alone: real key presses (tests/enough-keys.h)
 * from the first frame, and where the focus is after each. */

typedef EnoughTestFixture Fixture;

#define assert_focus(window, expected)                                          \
  G_STMT_START {                                                                \
    GtkWidget *focus_ = enough_test_keys_get_focus (GTK_WINDOW (window));       \
    if (focus_ != (GtkWidget *) (expected))                                     \
      {                                                                         \
        g_autofree char *got_ = enough_test_keys_describe (focus_);             \
        g_autofree char *want_ = enough_test_keys_describe ((GtkWidget *) (expected)); \
        g_error ("focus on %s, expected %s", got_, want_);                      \
      }                                                                         \
    g_assert_true (gtk_widget_is_drawable (focus_));                            \
  } G_STMT_END

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = enough_test_find_descendant (root, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  return button;
}

static GtkWidget *
page_widget (EnoughTestApp *test,
             const char    *name)
{
  return adw_view_stack_get_child_by_name (enough_window_get_stack (test->window), name);
}

/* ---- First launch --------------------------------------------------------- */

typedef struct
{
  const char *page;
  const char *main_action;  /* its label */
  const char *action_name;
} FirstFocus;

static const FirstFocus first_focus[] = {
  { "critic", "_New Dialogue", "critic.new" },
  { "letters", "_New Letter", "letters.new" },
  { "self-check", "_Start a Check", "self-check.new" },
};

static void
check_first_launch (EnoughTestApp *test)
{
  const FirstFocus *expected = test->user_data;
  GtkWidget *page = page_widget (test, expected->page);
  GtkWidget *main_action;
  GtkWidget *focus;

  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, expected->page);
  enough_test_keys_focus_window (GTK_WINDOW (test->window));

  /* The page's main action has the focus from the first frame. */
  main_action = find_button (page, expected->main_action);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (main_action)), ==,
                   expected->action_name);
  assert_focus (test->window, main_action);

  /* Tab moves on to something shown, and Shift+Tab comes back. */
  enough_test_keys_send ("Tab");
  focus = enough_test_keys_get_focus (GTK_WINDOW (test->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_drawable (focus));
  g_assert_true (focus != main_action);
  enough_test_keys_send ("shift+Tab");
  assert_focus (test->window, main_action);

  /* The page keys work at once: Alt+1/2/3 switch pages. */
  enough_test_keys_send ("alt+2");
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "letters");
  enough_test_keys_send ("alt+3");
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "self-check");
  enough_test_keys_send ("alt+1");
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "critic");
  focus = enough_test_keys_get_focus (GTK_WINDOW (test->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_drawable (focus));
}

static void
test_first_launch (Fixture       *fixture,
                   gconstpointer  data)
{
  const FirstFocus *expected = data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "last-page", expected->page);
  enough_test_run_app (check_first_launch, (gpointer) expected);
}

/* ---- Ctrl+N wherever the focus is --------------------------------------- */

static gboolean
critic_has_dialogue (gpointer data)
{
  EnoughCriticPage *page = data;

  return enough_critic_page_get_dialogue (page) != NULL;
}

static void
check_new_from_header_bar (EnoughTestApp *test)
{
  GtkWidget *header = enough_test_find_descendant (GTK_WIDGET (test->window), ADW_TYPE_HEADER_BAR, NULL);
  GtkWidget *menu_button = enough_test_find_descendant (header, GTK_TYPE_MENU_BUTTON, "Main Menu");
  GtkWidget *letters = page_widget (test, "letters");
  GtkWidget *critic = page_widget (test, "critic");
  GtkWidget *tab;
  EnoughDialogue *dialogue;

  enough_test_keys_focus_window (GTK_WINDOW (test->window));
  g_assert_nonnull (menu_button);

  /* The main menu button has the focus: Ctrl+N makes a dialogue. */
  g_assert_true (gtk_widget_grab_focus (menu_button));
  enough_test_keys_send ("ctrl+n");
  g_assert_true (enough_test_wait_until (critic_has_dialogue, critic, 30));
  dialogue = enough_critic_page_get_dialogue (ENOUGH_CRITIC_PAGE (critic));

  /* A page tab has the focus, on Letters: a letter, and no dialogue. */
  enough_test_keys_send ("alt+2");
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "letters");
  tab = enough_test_find_descendant (header, GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_nonnull (tab);
  g_assert_true (gtk_widget_grab_focus (tab));
  g_assert_null (enough_letter_page_get_letter (ENOUGH_LETTER_PAGE (letters)));
  enough_test_keys_send ("ctrl+n");
  g_assert_nonnull (enough_letter_page_get_letter (ENOUGH_LETTER_PAGE (letters)));
  g_assert_true (enough_critic_page_get_dialogue (ENOUGH_CRITIC_PAGE (critic)) == dialogue);
}

static void
test_new_from_header_bar (Fixture       *fixture,
                          gconstpointer  data)
{
  enough_test_run_app (check_new_from_header_bar, NULL);
}

/* ---- A journal with something in each page ------------------------------ */

static void
fill_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = enough_store_open (NULL, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);

  g_assert_no_error (error);
  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(EnoughSelfCheck) check = enough_store_create_self_check (store, 1);

      for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
        enough_self_check_set_answer (check, i, 1 + (i + c) % 5);
      enough_self_check_set_current_index (check, ENOUGH_SELF_CHECK_N_ITEMS - 1);
      enough_self_check_set_completed_at (check, enough_store_now (store));
    }
  for (guint l = 0; l < 2; l++)
    {
      g_autoptr(EnoughLetter) letter = enough_store_create_letter (store);

      enough_letter_set_not_good_enough (letter, "The dinner was not good enough");
      enough_letter_set_text (letter, "Dear me, you did enough today.");
    }
  for (guint d = 0; d < 2; d++)
    {
      g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (store);

      enough_dialogue_set_title (dialogue, d == 0 ? "Is the report good enough?" : "The talk");
      for (guint t = 0; t < 4; t++)
        g_object_unref (enough_store_add_turn (store, dialogue, -1,
                                               t % 2 == 0 ? ENOUGH_SPEAKER_CRITIC : ENOUGH_SPEAKER_ME,
                                               t % 2 == 0 ? "It is not good enough." : "It is done, and that is enough."));
    }
  g_assert_true (enough_store_close (store, &error));
  g_assert_no_error (error);
}

/* ---- A turn's menu by keyboard ------------------------------------------ */

/* The turn of the focused row of the conversation, or NULL. */
static EnoughTurn *
focused_turn (EnoughTestApp *test)
{
  GtkWidget *focus = enough_test_keys_get_focus (GTK_WINDOW (test->window));
  GtkWidget *row = focus != NULL ? gtk_widget_get_first_child (focus) : NULL;

  if (row == NULL || !ENOUGH_IS_TURN_ROW (row))
    return NULL;
  return enough_turn_row_get_turn (ENOUGH_TURN_ROW (row));
}

static guint
turn_position (EnoughTestApp *test,
               EnoughTurn    *turn)
{
  EnoughCriticPage *critic = ENOUGH_CRITIC_PAGE (page_widget (test, "critic"));
  GListModel *turns = enough_dialogue_get_turns (enough_critic_page_get_dialogue (critic));

  for (guint i = 0; i < g_list_model_get_n_items (turns); i++)
    {
      g_autoptr(EnoughTurn) other = g_list_model_get_item (turns, i);

      if (other == turn)
        return i;
    }
  g_assert_not_reached ();
  return 0;
}

static gboolean
is_bound_turn_row (GtkWidget     *widget,
                   gconstpointer  data)
{
  return ENOUGH_IS_TURN_ROW (widget) && enough_turn_row_get_turn (ENOUGH_TURN_ROW (widget)) != NULL;
}

static gboolean
turns_shown (gpointer data)
{
  return enough_test_find_first (GTK_WIDGET (data), is_bound_turn_row, NULL) != NULL;
}

/* The open dialogue's turns come after the first frame (the page shows
 * fast, enough_critic_turns_show_pending()): until then the conversation
 * is empty and the keys pass it by. A busy machine can make the window
 * active long before that frame, so wait for the rows, not for time. */
static void
wait_for_turns (EnoughTestApp *test)
{
  g_assert_true (enough_test_wait_until (turns_shown, page_widget (test, "critic"), 60));
}

/* The ring is drawn (:focus-visible), as after any key. */
#define assert_focus_visible(test)                                                             \
  G_STMT_START {                                                                               \
    GtkWidget *visible_ = enough_test_keys_get_focus (GTK_WINDOW ((test)->window));            \
    g_assert_nonnull (visible_);                                                               \
    g_assert_true (gtk_widget_is_drawable (visible_));                                         \
    g_assert_true (gtk_widget_get_state_flags (visible_) & GTK_STATE_FLAG_FOCUS_VISIBLE);      \
  } G_STMT_END

static GtkPopover *
open_popover_of (GtkWidget *focus)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_POPOVER (w))
      return GTK_POPOVER (w);
  return NULL;
}

static void
check_turn_menu (EnoughTestApp *test)
{
  EnoughTurn *turn;
  EnoughTurn *before;
  EnoughTurn *middle;
  GtkWidget *list;
  GtkWidget *row;
  GtkWidget *focus;
  GtkPopover *popover;
  guint position;
  guint presses;

  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "critic");
  g_assert_nonnull (enough_critic_page_get_dialogue (ENOUGH_CRITIC_PAGE (page_widget (test, "critic"))));
  enough_test_keys_focus_window (GTK_WINDOW (test->window));
  wait_for_turns (test);

  /* From the message field, back to the conversation: every stop shown,
   * and the conversation is one stop (not one per turn). */
  for (presses = 0; presses < 10 && focused_turn (test) == NULL; presses++)
    {
      enough_test_keys_send ("shift+Tab");
      assert_focus_visible (test);
    }
  turn = focused_turn (test);
  g_assert_nonnull (turn);
  enough_test_keys_send ("shift+Tab");
  g_assert_null (focused_turn (test));
  enough_test_keys_send ("Tab");
  g_assert_true (focused_turn (test) == turn);

  /* The arrow keys move from turn to turn, the ring with them. */
  position = turn_position (test, turn);
  enough_test_keys_send ("Down");
  assert_focus_visible (test);
  g_assert_nonnull (focused_turn (test));
  g_assert_cmpuint (turn_position (test, focused_turn (test)), ==, position + 1);
  enough_test_keys_send ("Down");
  g_assert_cmpuint (turn_position (test, focused_turn (test)), ==, position + 2);
  enough_test_keys_send ("Up");
  assert_focus_visible (test);
  g_assert_cmpuint (turn_position (test, focused_turn (test)), ==, position + 1);
  enough_test_keys_send ("Up");
  g_assert_true (focused_turn (test) == turn);

  /* From any turn, not only the first, Tab leaves the conversation in one
   * stop, and Shift+Tab comes back to that turn; Shift+Tab from there
   * leaves it on the other side, and Tab comes back again. */
  list = gtk_widget_get_parent (enough_test_keys_get_focus (GTK_WINDOW (test->window)));
  g_assert_true (GTK_IS_LIST_VIEW (list));
  enough_test_keys_send ("Down Down");
  middle = focused_turn (test);
  g_assert_nonnull (middle);
  g_assert_cmpuint (turn_position (test, middle), ==, position + 2);
  enough_test_keys_send ("Tab");
  assert_focus_visible (test);
  g_assert_false (gtk_widget_is_ancestor (enough_test_keys_get_focus (GTK_WINDOW (test->window)), list));
  enough_test_keys_send ("shift+Tab");
  g_assert_true (focused_turn (test) == middle);
  enough_test_keys_send ("shift+Tab");
  assert_focus_visible (test);
  g_assert_false (gtk_widget_is_ancestor (enough_test_keys_get_focus (GTK_WINDOW (test->window)), list));
  enough_test_keys_send ("Tab");
  g_assert_true (focused_turn (test) == middle);
  enough_test_keys_send ("Up Up");
  g_assert_true (focused_turn (test) == turn);

  /* A critic turn (a thinking pattern is marked on the critic's words). */
  if (enough_turn_get_speaker (turn) != ENOUGH_SPEAKER_CRITIC)
    {
      enough_test_keys_send ("Down");
      turn = focused_turn (test);
    }
  g_assert_nonnull (turn);
  g_assert_cmpint (enough_turn_get_speaker (turn), ==, ENOUGH_SPEAKER_CRITIC);
  g_assert_cmpuint (enough_turn_get_patterns (turn), ==, 0);
  row = enough_test_keys_get_focus (GTK_WINDOW (test->window));

  /* Shift+F10 opens that turn's menu, the focus in it. */
  enough_test_keys_send ("shift+F10");
  focus = enough_test_keys_get_focus (GTK_WINDOW (test->window));
  popover = open_popover_of (focus);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (popover), row));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* Down to the first thinking pattern; Space marks it. */
  for (presses = 0; presses < 6 && !GTK_IS_CHECK_BUTTON (enough_test_keys_get_focus (GTK_WINDOW (test->window))); presses++)
    enough_test_keys_send ("Down");
  focus = enough_test_keys_get_focus (GTK_WINDOW (test->window));
  g_assert_true (GTK_IS_CHECK_BUTTON (focus));
  assert_focus_visible (test);
  enough_test_keys_send ("space");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (focus)));
  g_assert_cmpuint (enough_turn_get_patterns (turn), !=, 0);

  /* Escape: the menu closes, the focus is back on the turn, shown. */
  enough_test_keys_send ("Escape");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (enough_test_keys_get_focus (GTK_WINDOW (test->window)) == row);
  assert_focus_visible (test);

  /* The Menu key opens it too; Escape again. */
  before = focused_turn (test);
  enough_test_keys_send ("Menu");
  g_assert_true (open_popover_of (enough_test_keys_get_focus (GTK_WINDOW (test->window))) == popover);
  enough_test_keys_send ("Escape");
  g_assert_true (focused_turn (test) == before);
}

static void
test_turn_menu (Fixture       *fixture,
                gconstpointer  data)
{
  fill_journal ();
  enough_test_run_app (check_turn_menu, NULL);
}

/* ---- A Self-Check by keyboard ------------------------------------------- */

static void
assert_chosen (EnoughSelfCheckQuestion *question,
               guint                    chosen)
{
  for (guint a = 1; a <= 5; a++)
    {
      GtkWidget *button = enough_self_check_question_get_answer_button (question, a);
      g_autofree char *checked = gtk_test_accessible_check_state (GTK_ACCESSIBLE (button),
                                                                  GTK_ACCESSIBLE_STATE_CHECKED,
                                                                  a == chosen);

      /* A screen reader hears which one is chosen (a radio button,
       * checked)… */
      g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_RADIO));
      if (checked != NULL)
        g_error ("answer %u: checked is %s", a, checked);
      /* …and it is drawn as chosen: the accent, and a check mark. */
      g_assert_cmpint ((gtk_widget_get_state_flags (button) & GTK_STATE_FLAG_CHECKED) != 0, ==, a == chosen);
      g_assert_cmpint (gtk_widget_get_visible (g_object_get_data (G_OBJECT (button), "check-mark")), ==,
                       a == chosen);
    }
}

static void
check_self_check_by_keyboard (EnoughTestApp *test)
{
  EnoughSelfCheckPage *page = ENOUGH_SELF_CHECK_PAGE (page_widget (test, "self-check"));
  EnoughSelfCheckQuestion *question;

  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "self-check");
  enough_test_keys_focus_window (GTK_WINDOW (test->window));
  question = enough_self_check_page_get_question (page);

  /* Start a Check (the first focus) with Return: the first answer has the
   * focus, not the middle one. */
  enough_test_keys_send ("Tab shift+Tab");  /* (GTK shows rings once Tab is used) */
  assert_focus_visible (test);
  enough_test_keys_send ("Return");
  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "question");
  g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 0);
  assert_focus (test->window, enough_self_check_question_get_answer_button (question, 1));
  assert_focus_visible (test);
  assert_chosen (question, 0);

  /* Tab to the third answer, Space chooses it: on to the next statement,
   * the focus (and its ring) on its first answer. */
  enough_test_keys_send ("Tab Tab space");
  g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 1);
  assert_focus (test->window, enough_self_check_question_get_answer_button (question, 1));
  assert_focus_visible (test);
  assert_chosen (question, 0);

  /* A number answers too; still on the answers, with the ring. */
  enough_test_keys_send ("4");
  g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 2);
  assert_focus (test->window, enough_self_check_question_get_answer_button (question, 1));
  assert_focus_visible (test);

  /* Back: the chosen answer is shown as chosen, and has the focus. */
  enough_test_keys_send ("Left");
  g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 1);
  assert_chosen (question, 4);
  assert_focus (test->window, enough_self_check_question_get_answer_button (question, 4));
  assert_focus_visible (test);
  enough_test_keys_send ("Left");
  assert_chosen (question, 3);
  assert_focus (test->window, enough_self_check_question_get_answer_button (question, 3));
}

static void
test_self_check_by_keyboard (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "last-page", "self-check");
  enough_test_run_app (check_self_check_by_keyboard, NULL);
}

/* ---- Search results by keyboard ----------------------------------------- */

static gboolean
search_entry_has_focus (gpointer data)
{
  GtkWidget *focus = enough_test_keys_get_focus (GTK_WINDOW (data));

  /* Shown too: a text field not yet mapped has no input method to type
   * through. */
  return focus != NULL &&
         gtk_widget_is_ancestor (focus, GTK_WIDGET (enough_window_get_search_entry (ENOUGH_WINDOW (data)))) &&
         gtk_widget_is_drawable (focus);
}

static void
check_search_by_keyboard (EnoughTestApp *test)
{
  EnoughSearchView *view;
  GListModel *results;
  guint n;
  guint first_letter = G_MAXUINT;
  g_autoptr(EnoughSearchResult) chosen = NULL;
  EnoughLetterPage *letters = ENOUGH_LETTER_PAGE (page_widget (test, "letters"));

  enough_test_keys_focus_window (GTK_WINDOW (test->window));

  /* Ctrl+F, the words, Down into the results. */
  enough_test_keys_send ("ctrl+f");
  g_assert_true (enough_window_is_searching (test->window));
  g_assert_true (enough_test_wait_until (search_entry_has_focus, test->window, 30));
  enough_test_keys_send ("e n o u g h");
  view = enough_window_get_search_view (test->window);
  enough_test_wait_for_search (view, "enough");
  results = enough_search_view_get_results (view);
  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n && first_letter == G_MAXUINT; i++)
    {
      g_autoptr(EnoughSearchResult) result = g_list_model_get_item (results, i);

      if (enough_search_result_get_kind (result) == ENOUGH_RECORD_KIND_LETTER)
        first_letter = i;
    }
  /* Dialogues first, then letters: two groups to cross. */
  g_assert_cmpuint (first_letter, >, 0);
  g_assert_cmpuint (first_letter, <, n);
  /* …and on to the experiment and the check-in, the last two. */
  {
    g_autoptr(EnoughSearchResult) experiment = g_list_model_get_item (results, n - 2);
    g_autoptr(EnoughSearchResult) checkin = g_list_model_get_item (results, n - 1);

    g_assert_cmpint (enough_search_result_get_kind (experiment), ==, ENOUGH_RECORD_KIND_EXPERIMENT);
    g_assert_cmpint (enough_search_result_get_kind (checkin), ==, ENOUGH_RECORD_KIND_CHECKIN);
  }

  enough_test_keys_send ("Down");
  assert_focus (test->window, enough_search_view_get_row (view, 0));
  assert_focus_visible (test);

  /* Down goes through every result, across the groups, and Up back. */
  for (guint i = 1; i < n; i++)
    {
      enough_test_keys_send ("Down");
      assert_focus (test->window, enough_search_view_get_row (view, i));
      assert_focus_visible (test);
    }
  for (guint i = n - 1; i > first_letter; i--)
    {
      enough_test_keys_send ("Up");
      assert_focus (test->window, enough_search_view_get_row (view, i - 1));
    }

  /* Enter opens the focused one: the first letter. */
  chosen = g_list_model_get_item (results, first_letter);
  enough_test_keys_send ("Return");
  g_assert_false (enough_window_is_searching (test->window));
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "letters");
  g_assert_nonnull (enough_letter_page_get_letter (letters));
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (enough_letter_page_get_letter (letters))), ==,
                   enough_search_result_get_entry_uuid (chosen));
}

/* An experiment and a check-in that match too: results in all five groups
 * (Up and Down must cross into the last two as into the others). */
static void
add_experiment_and_checkin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = enough_store_open (NULL, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_autoptr(EnoughExperiment) experiment = NULL;
  g_autoptr(EnoughCheckin) checkin = NULL;

  g_assert_no_error (error);
  experiment = enough_store_create_experiment (store);
  enough_experiment_set_belief (experiment, "A short answer is not enough");
  checkin = enough_store_dup_checkin (store, "2026-03-02", TRUE);
  enough_checkin_set_mood (checkin, 3);
  enough_checkin_set_note (checkin, "Slept enough");
  g_assert_true (enough_store_close (store, &error));
  g_assert_no_error (error);
}

/* Run in a process of its own (meson.build): in a process's second
 * window, GTK 4.8's text fields no longer get key presses (their input
 * method keeps them), so this test types only in the first. */
static void
test_search_by_keyboard (Fixture       *fixture,
                         gconstpointer  data)
{
  fill_journal ();
  add_experiment_and_checkin ();
  enough_test_run_app (check_search_by_keyboard, NULL);
}

/* ---- Ctrl+Z after a deletion ------------------------------------------- */

static guint
n_turns (EnoughTestApp *test)
{
  EnoughCriticPage *critic = ENOUGH_CRITIC_PAGE (page_widget (test, "critic"));

  return g_list_model_get_n_items (enough_dialogue_get_turns (enough_critic_page_get_dialogue (critic)));
}

static gboolean
is_toast_close_button (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0 &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) != NULL;
}

static gboolean
no_toast_shown (gpointer data)
{
  return enough_test_find_descendant (GTK_WIDGET (data), GTK_TYPE_BUTTON, "_Undo") == NULL;
}

static void
focus_a_turn (EnoughTestApp *test)
{
  for (guint presses = 0; presses < 10 && focused_turn (test) == NULL; presses++)
    enough_test_keys_send ("shift+Tab");
  g_assert_nonnull (focused_turn (test));
}

/* A row for every turn of the (short) dialogue, each with its turn. */
static gboolean
all_turns_bound (gpointer data)
{
  EnoughTestApp *test = data;

  return enough_test_count (page_widget (test, "critic"), is_bound_turn_row, NULL) >= n_turns (test);
}

static void
check_undo_key (EnoughTestApp *test)
{
  guint n;
  GtkWidget *close;

  enough_test_keys_focus_window (GTK_WINDOW (test->window));
  wait_for_turns (test);
  n = n_turns (test);

  /* Nothing deleted yet: Ctrl+Z does nothing. */
  focus_a_turn (test);
  enough_test_keys_send ("ctrl+z");
  g_assert_cmpuint (n_turns (test), ==, n);

  /* A turn deleted by its key (Delete on the focused turn); Ctrl+Z while
   * the toast shows brings it back, and the toast goes. */
  enough_test_keys_send ("Delete");
  g_assert_cmpuint (n_turns (test), ==, n - 1);
  g_assert_false (no_toast_shown (test->window));
  assert_focus_visible (test);  /* somewhere shown, not on the row that went */
  enough_test_keys_send ("ctrl+z");
  g_assert_cmpuint (n_turns (test), ==, n);

  /* Deleted again, and the toast's seconds are up (closed here): Ctrl+Z
   * still brings it back while the page is shown. The turn put back is
   * bound to its row on a frame, which a busy machine makes late. */
  g_assert_true (enough_test_wait_until (all_turns_bound, test, 60));
  focus_a_turn (test);
  enough_test_keys_send ("Delete");
  g_assert_cmpuint (n_turns (test), ==, n - 1);
  close = enough_test_find_first (GTK_WIDGET (test->window), is_toast_close_button, NULL);
  g_assert_nonnull (close);
  gtk_widget_activate (close);
  g_assert_true (enough_test_wait_until (no_toast_shown, test->window, 30));
  enough_test_keys_send ("ctrl+z");
  g_assert_cmpuint (n_turns (test), ==, n);
  /* Once only. */
  enough_test_keys_send ("ctrl+z");
  g_assert_cmpuint (n_turns (test), ==, n);

  /* Deleted, then the page left: back on it, Ctrl+Z undoes nothing. */
  focus_a_turn (test);
  enough_test_keys_send ("Delete");
  close = enough_test_find_first (GTK_WIDGET (test->window), is_toast_close_button, NULL);
  gtk_widget_activate (close);
  g_assert_true (enough_test_wait_until (no_toast_shown, test->window, 30));
  enough_test_keys_send ("alt+2 alt+1");
  enough_test_keys_send ("ctrl+z");
  g_assert_cmpuint (n_turns (test), ==, n - 1);
}

static void
test_undo_key (Fixture       *fixture,
               gconstpointer  data)
{
  fill_journal ();
  enough_test_run_app (check_undo_key, NULL);
}

/* ---- Tab order through each page --------------------------------------- */

/* Back where the round started. GTK 4.8's list views give every row a Tab
 * stop and enter a list again on the row focused last in it, so a round
 * that started on a list's row ends on any row of that list, once the
 * focus has left it. */
static gboolean
back_at_start (GtkWidget *focus,
               GtkWidget *first,
               gboolean   left_start)
{
  GtkWidget *list = gtk_widget_get_parent (first);

  if (focus == first)
    return TRUE;
  return left_start && GTK_IS_LIST_VIEW (list) && gtk_widget_get_parent (focus) == list;
}

static gboolean
is_sliding_leaflet (GtkWidget     *widget,
                    gconstpointer  data)
{
  return ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget));
}

static gboolean
no_slide_running (gpointer page)
{
  return enough_test_find_first (page, is_sliding_leaflet, NULL) == NULL;
}

/* Why Tab skipped @first (it once did, rarely, on a loaded machine): the
 * state of each widget from it up to the window, and of their siblings,
 * as GTK's Tab sort sees them (only realized and drawable children, in
 * the order of their centres). */
static void
describe_skipped (GtkWidget *first)
{
  for (GtkWidget *w = first; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);
      GtkWidget *focus_child = gtk_widget_get_focus_child (w);

      g_test_message ("%s%s%s%s%s%s%s%s focus-child %s",
                      G_OBJECT_TYPE_NAME (w),
                      gtk_widget_get_visible (w) ? "" : " hidden",
                      gtk_widget_get_child_visible (w) ? "" : " child-hidden",
                      gtk_widget_get_realized (w) ? "" : " unrealized",
                      gtk_widget_get_mapped (w) ? "" : " unmapped",
                      gtk_widget_is_sensitive (w) ? "" : " insensitive",
                      gtk_widget_get_focusable (w) ? " focusable" : "",
                      gtk_widget_get_can_focus (w) ? "" : " cannot-focus",
                      focus_child != NULL ? G_OBJECT_TYPE_NAME (focus_child) : "none");
      if (ADW_IS_LEAFLET (w))
        g_test_message ("  leaflet folded %d, sliding %d, showing %s",
                        adw_leaflet_get_folded (ADW_LEAFLET (w)),
                        adw_leaflet_get_child_transition_running (ADW_LEAFLET (w)),
                        G_OBJECT_TYPE_NAME (adw_leaflet_get_visible_child (ADW_LEAFLET (w))));
      for (GtkWidget *c = parent != NULL ? gtk_widget_get_first_child (parent) : NULL;
           c != NULL; c = gtk_widget_get_next_sibling (c))
        {
          graphene_rect_t b;
          gboolean placed = gtk_widget_compute_bounds (c, parent, &b);

          g_test_message ("  %s %s: %s%s%s, %.0f,%.0f %.0fx%.0f%s", c == w ? "*" : "-",
                          G_OBJECT_TYPE_NAME (c),
                          gtk_widget_get_realized (c) ? "realized" : "unrealized",
                          gtk_widget_is_drawable (c) ? ", drawable" : "",
                          gtk_widget_is_sensitive (c) ? "" : ", insensitive",
                          b.origin.x, b.origin.y, b.size.width, b.size.height,
                          placed ? "" : " (no bounds)");
        }
    }
}

static void
check_tab_order (EnoughTestApp *test)
{
  const char *keys[] = { "alt+1", "alt+2", "alt+3" };
  const char *pages[] = { "critic", "letters", "self-check" };
  GtkWidget *header = enough_test_find_descendant (GTK_WIDGET (test->window), ADW_TYPE_HEADER_BAR, NULL);

  enough_test_keys_focus_window (GTK_WINDOW (test->window));
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autoptr(GPtrArray) stops = g_ptr_array_new ();
      GtkWidget *page = page_widget (test, pages[p]);
      GtkWidget *first;
      gboolean in_header = FALSE;
      gboolean in_page = FALSE;
      gboolean left_start = FALSE;

      enough_test_keys_send (keys[p]);
      g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, pages[p]);
      /* A narrow page slides to the entry it opens: while it slides both
       * panes are shown, so the stops are those of neither. */
      g_assert_true (enough_test_wait_until (no_slide_running, page, 60));
      first = enough_test_keys_get_focus (GTK_WINDOW (test->window));
      g_assert_nonnull (first);
      if (!gtk_widget_is_ancestor (first, page))
        {
          g_autofree char *described = enough_test_keys_describe (first);

          g_error ("%s shown: the focus is on %s, not in the page", pages[p], described);
        }

      /* Round the window and back: every stop shown, with its ring, none
       * twice (no trap), the header bar and the page both on the way. */
      do
        {
          GtkWidget *focus = enough_test_keys_get_focus (GTK_WINDOW (test->window));
          g_autofree char *described = enough_test_keys_describe (focus);

          g_test_message ("%s, stop %u: %s %p (first %p)", pages[p], stops->len, described, (gpointer) focus, (gpointer) first);
          g_assert_nonnull (focus);
          g_assert_true (gtk_widget_is_drawable (focus));
          for (guint i = 0; i < stops->len; i++)
            if (stops->pdata[i] == focus)
              {
                describe_skipped (first);
                g_error ("%s: Tab came back to %s before the first stop", pages[p], described);
              }
          g_ptr_array_add (stops, focus);
          left_start |= gtk_widget_get_parent (focus) != gtk_widget_get_parent (first);
          in_header |= gtk_widget_is_ancestor (focus, header);
          in_page |= gtk_widget_is_ancestor (focus, page);
          g_assert_cmpuint (stops->len, <, 60);

          enough_test_keys_send ("Tab");
          g_assert_true (gtk_widget_get_state_flags (enough_test_keys_get_focus (GTK_WINDOW (test->window))) &
                         GTK_STATE_FLAG_FOCUS_VISIBLE);
        }
      while (!back_at_start (enough_test_keys_get_focus (GTK_WINDOW (test->window)), first, left_start));

      g_assert_true (in_header);
      g_assert_true (in_page);
      g_assert_cmpuint (stops->len, >=, 4);

      /* Shift+Tab goes back round, every stop shown too, with the same bound
       * as forward (GTK enters a list on its current row and then stops on
       * every row before it, so the stops back are not the same number). */
      in_header = in_page = FALSE;
      for (guint i = 0; !(in_header && in_page); i++)
        {
          GtkWidget *focus;

          g_assert_cmpuint (i, <, 60);
          enough_test_keys_send ("shift+Tab");
          focus = enough_test_keys_get_focus (GTK_WINDOW (test->window));
          g_assert_nonnull (focus);
          g_assert_true (gtk_widget_is_drawable (focus));
          g_assert_true (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_FOCUS_VISIBLE);
          in_header |= gtk_widget_is_ancestor (focus, header);
          in_page |= gtk_widget_is_ancestor (focus, page);
        }
      g_assert_true (in_header);
      g_assert_true (in_page);
    }
}

static void
test_tab_order (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_int (settings, "window-width", GPOINTER_TO_INT (data));
  fill_journal ();
  enough_test_run_app (check_tab_order, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's own test context keeps the accessible states to check (the
   * tests' "none" keeps none), without talking to any screen reader. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  enough_test_gui_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (first_focus); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyboard/first-launch/%s", first_focus[i].page);

      g_test_add (path, Fixture, &first_focus[i],
                  enough_test_fixture_setup, test_first_launch, enough_test_fixture_teardown);
    }
  g_test_add ("/keyboard/new-from-header-bar", Fixture, NULL,
              enough_test_fixture_setup, test_new_from_header_bar, enough_test_fixture_teardown);

  g_test_add ("/keyboard/self-check", Fixture, NULL,
              enough_test_fixture_setup, test_self_check_by_keyboard, enough_test_fixture_teardown);
  g_test_add ("/keyboard/search-results", Fixture, NULL,
              enough_test_fixture_setup, test_search_by_keyboard, enough_test_fixture_teardown);
  g_test_add ("/keyboard/undo-key", Fixture, NULL,
              enough_test_fixture_setup, test_undo_key, enough_test_fixture_teardown);
  g_test_add ("/keyboard/turn-menu", Fixture, NULL,
              enough_test_fixture_setup, test_turn_menu, enough_test_fixture_teardown);
  g_test_add ("/keyboard/tab-order/wide", Fixture, GINT_TO_POINTER (1000),
              enough_test_fixture_setup, test_tab_order, enough_test_fixture_teardown);
  g_test_add ("/keyboard/tab-order/narrow", Fixture, GINT_TO_POINTER (360),
              enough_test_fixture_setup, test_tab_order, enough_test_fixture_teardown);

  return g_test_run ();
}
