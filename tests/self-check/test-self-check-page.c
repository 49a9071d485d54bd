/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "enough-gui-test-utils.h"
#include "enough-item-bank.h"
#include "enough-self-check-page.h"
#include "enough-self-check-scoring.h"
#include "enough-test-utils.h"

/* Keys are not synthesized as GdkEvents (GTK 4 has no public API for
 * that): press_key() looks the key up in the widget's own key bindings
 * (the class shortcut controller, what a real key press goes through) and
 * runs the action bound to it. So a test fails if a key is not bound, or
 * bound to the wrong action. */

typedef EnoughTestFixture Fixture;

/* The store's clock, so dates and the order of checks are known. */
static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static gint64
usec_for (int year, int month, int day)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

/* Returns whether the key did something (FALSE: unbound, or its action
 * is disabled right now). */
static gboolean
try_key (GtkWidget       *widget,
         guint            keyval,
         GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint c = 0; c < g_list_model_get_n_items (controllers) && !handled; c++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                      GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                      widget,
                                                      gtk_shortcut_get_arguments (shortcut));
              break;
            }
        }
    }

  enough_test_drain_main_context ();
  return handled;
}

static void
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_assert_true (try_key (widget, keyval, modifiers));
}

static EnoughSelfCheckPage *
open_page (EnoughTestApp *test)
{
  EnoughSelfCheckPage *page = ENOUGH_SELF_CHECK_PAGE (enough_window_get_page (test->window, "self-check"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.show-page", "s", "self-check"));
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "self-check");
  enough_store_set_clock (enough_window_get_store (test->window), fake_clock, NULL);

  return page;
}

/* Answers the open statements with keys 1–5, the digit for statement i
 * being answers[i] - '0'. */
static void
answer_by_keys (EnoughSelfCheckPage *page,
                const char          *answers,
                guint                from,
                guint                to)
{
  EnoughSelfCheckQuestion *question = enough_self_check_page_get_question (page);

  for (guint i = from; i < to; i++)
    {
      g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "question");
      g_assert_cmpuint (enough_self_check_question_get_index (question), ==, i);
      press_key (GTK_WIDGET (question), GDK_KEY_0 + (answers[i] - '0'), 0);
    }
}

static gboolean
is_disclaimer_or_score (GtkWidget     *widget,
                        gconstpointer  data)
{
  return ENOUGH_IS_SELF_CHECK_SCORE (widget) ||
         (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0);
}

/* "Not a diagnosis" is read before any score: it comes first in the
 * results, in full-size, undimmed text. */
static void
assert_disclaimer_above_scores (EnoughSelfCheckResults *results)
{
  GtkWidget *first = enough_test_find_first (GTK_WIDGET (results), is_disclaimer_or_score,
                                             enough_item_bank_get_disclaimer ());

  g_assert_nonnull (first);
  g_assert_true (GTK_IS_LABEL (first));
  g_assert_true (gtk_widget_get_visible (first));
  g_assert_false (gtk_widget_has_css_class (first, "dim-label"));
  g_assert_false (gtk_widget_has_css_class (first, "caption"));
}

static void
assert_score (EnoughSelfCheckScore *score,
              double                value,
              const char           *text,
              const char           *comparison)
{
  g_assert_cmpfloat_with_epsilon (enough_self_check_score_get_value (score), value, 1e-9);
  g_assert_cmpstr (enough_self_check_score_get_value_text (score), ==, text);
  g_assert_cmpstr (enough_self_check_score_get_comparison (score), ==, comparison);
}

/* Answer i is (i % 5) + 1. Bank order is one statement per subscale per
 * round (hs, fm, ic, an, wa, tr), and the fourth hs, second fm and wa,
 * and third ic and tr are reversed (6 - answer), in bank versions 1 and 2
 * alike (hs5 and tr5 took the places and keying of hs4 and tr3):
 *   High standards  idx 0 6 12 18: 1 2 3 4→2      = 8/4  = 2.00
 *   Fear of mistakes idx 1 7 13 19: 2 3→3 4 5     = 14/4 = 3.50
 *   Inner critic    idx 2 8 14 20: 3 4 5→1 1      = 9/4  = 2.25
 *   All-or-nothing  idx 3 9 15 21: 4 5 1 2→4      = 14/4 = 3.50
 *   Worth           idx 4 10 16 22: 5 1→5 2 3     = 15/4 = 3.75
 *   Trouble resting idx 5 11 17 23: 1 2 3→3 4     = 10/4 = 2.50
 *   Striving 2.00; Concerns (3.5+2.25+3.5+3.75+2.5)/5 = 3.10.
 * Worth (3.75, high, the single highest) stands out: the suggestion is
 * Letters. Scores show one decimal, halves rounded down (2.25 → 2.2). */
static const char first_answers[] = "123451234512345123451234";
static const double first_means[ENOUGH_N_SUBSCALES] = { 2.0, 3.5, 2.25, 3.5, 3.75, 2.5 };
/* All 3s: every score is 3.00, reversed or not. */
static const char second_answers[] = "333333333333333333333333";

static void
take_two_checks (EnoughTestApp *test)
{
  EnoughSelfCheckPage *page = open_page (test);
  EnoughStore *store = enough_window_get_store (test->window);
  EnoughSelfCheckQuestion *question = enough_self_check_page_get_question (page);
  EnoughSelfCheckResults *results = enough_self_check_page_get_results (page);
  EnoughSelfCheckChart *chart = enough_self_check_page_get_chart (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughSelfCheck) first = NULL;
  g_autoptr(EnoughSelfCheck) in_progress = NULL;
  EnoughSelfCheck *second;
  GtkButton *suggestion;
  GtkWidget *focus;
  double x, y;

  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "empty");

  /* Ctrl+N starts a check; the keyboard lands on the answers. */
  fake_now = usec_for (2026, 3, 1);
  press_key (GTK_WIDGET (page), GDK_KEY_n, GDK_CONTROL_MASK);
  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "question");
  g_assert_cmpstr (enough_self_check_question_get_progress (question), ==, "Statement 1 of 24");
  g_assert_cmpstr (enough_self_check_question_get_statement (question), ==,
                   enough_item_get_text (enough_item_bank_get_item (ENOUGH_ITEM_BANK_VERSION, 0)));
  focus = gtk_root_get_focus (GTK_ROOT (test->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (question)));

  first = g_object_ref (enough_self_check_question_get_check (question));
  answer_by_keys (page, first_answers, 0, 12);
  g_assert_cmpstr (enough_self_check_question_get_progress (question), ==, "Statement 13 of 24");
  g_assert_cmpuint (enough_self_check_get_current_index (first), ==, 12);
  answer_by_keys (page, first_answers, 12, 24);

  /* The last answer completes the check and shows its results. */
  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "results");
  g_assert_true (enough_self_check_results_get_check (results) == first);
  g_assert_null (enough_self_check_results_get_previous (results));
  g_assert_cmpint (enough_self_check_get_completed_at (first), ==, fake_now);

  assert_score (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_HIGH_STANDARDS), 2.0, "2.0", NULL);
  assert_score (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_FEAR_OF_MISTAKES), 3.5, "3.5", NULL);
  assert_score (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_INNER_CRITIC), 2.25, "2.2", NULL);
  assert_score (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_ALL_OR_NOTHING), 3.5, "3.5", NULL);
  assert_score (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT), 3.75, "3.7", NULL);
  assert_score (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_TROUBLE_RESTING), 2.5, "2.5", NULL);
  assert_score (enough_self_check_results_get_dimension_score (results, ENOUGH_DIMENSION_STRIVINGS), 2.0, "2.0", NULL);
  assert_score (enough_self_check_results_get_dimension_score (results, ENOUGH_DIMENSION_CONCERNS), 3.1, "3.1", NULL);
  /* The plain sentence of each score's band: 3.75 is high, 2.25 low, 2.50 middle. */
  g_assert_cmpstr (enough_self_check_score_get_sentence (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT)), ==,
                   enough_subscale_get_band_text (ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, ENOUGH_BAND_HIGH));
  g_assert_cmpstr (enough_self_check_score_get_sentence (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_INNER_CRITIC)), ==,
                   enough_subscale_get_band_text (ENOUGH_SUBSCALE_INNER_CRITIC, ENOUGH_BAND_LOW));
  g_assert_cmpstr (enough_self_check_score_get_sentence (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_TROUBLE_RESTING)), ==,
                   enough_subscale_get_band_text (ENOUGH_SUBSCALE_TROUBLE_RESTING, ENOUGH_BAND_MIDDLE));
  g_assert_cmpstr (enough_self_check_results_get_suggestion_text (results), ==,
                   enough_item_bank_get_suggestion_text (ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT));
  suggestion = enough_self_check_results_get_suggestion_button (results);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (suggestion)), ==, "win.show-page");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (suggestion)), NULL), ==, "letters");
  g_assert_cmpstr (enough_self_check_results_get_disclaimer (results), ==, enough_item_bank_get_disclaimer ());
  assert_disclaimer_above_scores (results);

  /* In the store: the answers in bank order, completed, nothing in progress. */
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (enough_self_check_get_answers_string (first), ==, first_answers);
  g_assert_true (enough_self_check_is_completed (first));
  g_assert_cmpuint (enough_self_check_get_bank_version (first), ==, ENOUGH_ITEM_BANK_VERSION);
  in_progress = enough_store_dup_self_check_in_progress (store);
  g_assert_null (in_progress);
  g_assert_cmpuint (g_list_model_get_n_items (enough_self_check_page_get_history (page)), ==, 1);
  g_assert_cmpuint (enough_self_check_chart_get_n_points (chart), ==, 1);

  /* A second check two weeks later; Back (Left) changes an answer on the way. */
  fake_now = usec_for (2026, 3, 15);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "self-check.new", NULL));
  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "question");
  second = enough_self_check_question_get_check (question);
  g_assert_true (second != first);
  g_assert_cmpuint (enough_self_check_get_n_answered (second), ==, 0);
  answer_by_keys (page, "55555", 0, 5);
  press_key (GTK_WIDGET (question), GDK_KEY_Left, 0);
  press_key (GTK_WIDGET (question), GDK_KEY_Left, 0);
  g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 3);
  g_assert_cmpstr (enough_self_check_question_get_progress (question), ==, "Statement 4 of 24");
  /* Right walks forward over answered statements only. */
  press_key (GTK_WIDGET (question), GDK_KEY_Right, 0);
  g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 4);
  press_key (GTK_WIDGET (question), GDK_KEY_Right, 0);
  g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 5);
  g_assert_false (try_key (GTK_WIDGET (question), GDK_KEY_Right, 0));
  g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 5);
  for (guint i = 0; i < 5; i++)
    press_key (GTK_WIDGET (question), GDK_KEY_Left, 0);
  g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 0);
  /* Changing an answer walks on to the next open statement, past the
   * answered ones: from statement 1 straight to 6 (the keypad works too). */
  press_key (GTK_WIDGET (question), GDK_KEY_KP_3, 0);
  g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 5);
  for (guint i = 1; i < 5; i++)
    {
      for (guint back = 0; back < 5 - i; back++)
        press_key (GTK_WIDGET (question), GDK_KEY_Left, 0);
      g_assert_cmpuint (enough_self_check_question_get_index (question), ==, i);
      press_key (GTK_WIDGET (question), GDK_KEY_3, 0);
      g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 5);
    }
  g_assert_cmpstr (enough_self_check_get_answers_string (second), ==, "333330000000000000000000");
  answer_by_keys (page, second_answers, 5, 24);

  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "results");
  g_assert_true (enough_self_check_results_get_check (results) == second);
  g_assert_true (enough_self_check_results_get_previous (results) == first);
  /* Changes of more than 0.5 are named; 0.5 or less (two answer steps on
   * a subscale) are about the same. */
  assert_score (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_HIGH_STANDARDS), 3.0, "3.0", "Higher than last time");  /* +1.0 */
  assert_score (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_FEAR_OF_MISTAKES), 3.0, "3.0", "About the same as last time");  /* -0.5 */
  assert_score (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_INNER_CRITIC), 3.0, "3.0", "Higher than last time");  /* +0.75 */
  assert_score (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_ALL_OR_NOTHING), 3.0, "3.0", "About the same as last time");  /* -0.5 */
  assert_score (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT), 3.0, "3.0", "Lower than last time");  /* -0.75 */
  assert_score (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_TROUBLE_RESTING), 3.0, "3.0", "About the same as last time");  /* +0.5 */
  assert_score (enough_self_check_results_get_dimension_score (results, ENOUGH_DIMENSION_STRIVINGS), 3.0, "3.0", "Higher than last time");
  /* 3.10 → 3.00 is within the tolerance of 0.5. */
  assert_score (enough_self_check_results_get_dimension_score (results, ENOUGH_DIMENSION_CONCERNS), 3.0, "3.0", "About the same as last time");
  /* All five concerns tie at 3.00 (middle): none stands out, so no
   * subscale is named and the gentle Letters invitation is shown. */
  g_assert_cmpstr (enough_self_check_results_get_suggestion_text (results), ==,
                   enough_item_bank_get_suggestion_text (ENOUGH_N_SUBSCALES));
  g_assert_null (strstr (enough_self_check_results_get_suggestion_text (results), "stood out"));
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (suggestion)), NULL), ==, "letters");
  /* What a click does (gtk_widget_activate would wait for the press animation). */
  g_signal_emit_by_name (suggestion, "clicked");
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "letters");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.show-page", "s", "self-check"));

  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (enough_self_check_get_answers_string (second), ==, second_answers);
  g_assert_cmpint (enough_self_check_get_completed_at (second), ==, usec_for (2026, 3, 15));

  /* History: newest first in the list; in the chart, two points per line, oldest first. */
  g_assert_cmpuint (g_list_model_get_n_items (enough_self_check_page_get_history (page)), ==, 2);
  g_assert_cmpuint (gtk_single_selection_get_selected (enough_self_check_page_get_selection (page)), ==, 0);
  g_assert_cmpuint (enough_self_check_chart_get_n_points (chart), ==, 2);
  {
    g_autoptr(EnoughSelfCheck) at0 = enough_self_check_chart_dup_check (chart, 0);
    g_autoptr(EnoughSelfCheck) at1 = enough_self_check_chart_dup_check (chart, 1);

    g_assert_true (at0 == first);
    g_assert_true (at1 == second);
  }
  for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
    {
      g_assert_cmpfloat_with_epsilon (enough_self_check_chart_get_value (chart, 0, s), first_means[s], 1e-9);
      g_assert_cmpfloat_with_epsilon (enough_self_check_chart_get_value (chart, 1, s), 3.0, 1e-9);
    }
  g_assert_nonnull (strstr (enough_self_check_chart_get_summary (chart), "2 completed checks"));
  /* The chart draws one subscale at a time (test-self-check-chart.c). */
  enough_self_check_chart_set_series (chart, 1 + ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT);
  g_assert_nonnull (strstr (enough_self_check_chart_get_summary (chart),
                            "Worth tied to achievement: 3.7 in the first check, 3.0 in the latest."));

  /* The chart view; a point opens that check's results. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "self-check.show-history", NULL));
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "history");
  g_assert_cmpint (gtk_single_selection_get_selected (enough_self_check_page_get_selection (page)), ==, GTK_INVALID_LIST_POSITION);
  /* Lay the page out now (Xvfb may not have drawn a frame yet). */
  gtk_widget_measure (GTK_WIDGET (test->window), GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (test->window),
                            &(GtkAllocation) { 0, 0, 1000, 700 }, -1);
  g_assert_true (enough_self_check_chart_get_point_position (chart, 0, ENOUGH_SUBSCALE_HIGH_STANDARDS, &x, &y));
  g_assert_cmpint (enough_self_check_chart_get_point_at (chart, x, y), ==, 0);
  g_assert_true (enough_self_check_chart_get_point_position (chart, 1, ENOUGH_SUBSCALE_HIGH_STANDARDS, &x, &y));
  g_assert_cmpint (enough_self_check_chart_get_point_at (chart, x, y), ==, 1);
  g_assert_cmpint (enough_self_check_chart_get_point_at (chart, x, -100), ==, -1);
  g_signal_emit_by_name (chart, "check-activated", first);
  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "results");
  g_assert_true (enough_self_check_results_get_check (results) == first);
  g_assert_null (enough_self_check_results_get_previous (results));
  g_assert_null (enough_self_check_score_get_comparison (enough_self_check_results_get_subscale_score (results, ENOUGH_SUBSCALE_HIGH_STANDARDS)));
  g_assert_cmpuint (gtk_single_selection_get_selected (enough_self_check_page_get_selection (page)), ==, 1);

  /* The keyboard way: choosing the newest check in the list. */
  gtk_single_selection_set_selected (enough_self_check_page_get_selection (page), 0);
  g_assert_true (enough_self_check_results_get_check (results) == second);
  g_assert_true (enough_self_check_results_get_previous (results) == first);
}

static void
check_history_after_restart (EnoughTestApp *test)
{
  EnoughSelfCheckPage *page = open_page (test);
  EnoughSelfCheckResults *results = enough_self_check_page_get_results (page);
  EnoughSelfCheckChart *chart = enough_self_check_page_get_chart (page);

  /* The newest check's results greet the person; both are in the history. */
  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "results");
  g_assert_cmpuint (enough_self_check_chart_get_n_points (chart), ==, 2);
  g_assert_cmpstr (enough_self_check_get_answers_string (enough_self_check_results_get_check (results)), ==, second_answers);
  g_assert_cmpstr (enough_self_check_score_get_comparison (enough_self_check_results_get_dimension_score (results, ENOUGH_DIMENSION_CONCERNS)), ==,
                   "About the same as last time");
}

static void
test_complete_two_checks (Fixture       *fixture,
                          gconstpointer  data)
{
  enough_test_run_app (take_two_checks, NULL);
  enough_test_run_app (check_history_after_restart, NULL);
}

static void
answer_half (EnoughTestApp *test)
{
  EnoughSelfCheckPage *page = open_page (test);
  EnoughSelfCheckQuestion *question = enough_self_check_page_get_question (page);
  EnoughStore *store = enough_window_get_store (test->window);
  g_autoptr(EnoughSelfCheck) in_progress = NULL;
  g_autoptr(GError) error = NULL;

  fake_now = usec_for (2026, 4, 2);
  press_key (GTK_WIDGET (page), GDK_KEY_n, GDK_CONTROL_MASK);
  answer_by_keys (page, first_answers, 0, 10);
  press_key (GTK_WIDGET (question), GDK_KEY_Left, 0);
  g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 9);

  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  in_progress = enough_store_dup_self_check_in_progress (store);
  g_assert_nonnull (in_progress);
  g_assert_true (in_progress == enough_self_check_question_get_check (question));
  g_assert_cmpuint (enough_self_check_get_n_answered (in_progress), ==, 10);
  g_assert_cmpuint (enough_self_check_get_current_index (in_progress), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (enough_self_check_page_get_history (page)), ==, 0);
}

static void
resume_and_finish (EnoughTestApp *test)
{
  EnoughSelfCheckPage *page = open_page (test);
  EnoughSelfCheckQuestion *question = enough_self_check_page_get_question (page);
  EnoughStore *store = enough_window_get_store (test->window);
  g_autoptr(EnoughSelfCheck) in_progress = enough_store_dup_self_check_in_progress (store);
  g_autoptr(EnoughSelfCheck) still_open = NULL;
  EnoughSelfCheckResults *results = enough_self_check_page_get_results (page);
  GtkWidget *focus;

  /* Straight back where it was left, answers kept. */
  g_assert_nonnull (in_progress);
  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "question");
  g_assert_true (enough_self_check_question_get_check (question) == in_progress);
  g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 9);
  g_assert_cmpstr (enough_self_check_question_get_progress (question), ==, "Statement 10 of 24");
  g_assert_cmpstr (enough_self_check_get_answers_string (in_progress), ==, "123451234500000000000000");
  focus = gtk_root_get_focus (GTK_ROOT (test->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (question)));
  /* The answer already given shows as the pressed button. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (enough_self_check_question_get_answer_button (question, 5))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (enough_self_check_question_get_answer_button (question, 1))));

  /* "New check" resumes it rather than starting another. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "self-check.new", NULL));
  g_assert_true (enough_self_check_question_get_check (question) == in_progress);

  answer_by_keys (page, first_answers, 9, 24);
  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "results");
  g_assert_true (enough_self_check_results_get_check (results) == in_progress);
  g_assert_cmpstr (enough_self_check_get_answers_string (in_progress), ==, first_answers);
  assert_score (enough_self_check_results_get_dimension_score (results, ENOUGH_DIMENSION_CONCERNS), 3.1, "3.1", NULL);
  still_open = enough_store_dup_self_check_in_progress (store);
  g_assert_null (still_open);
}

static void
test_resume_after_restart (Fixture       *fixture,
                           gconstpointer  data)
{
  enough_test_run_app (answer_half, NULL);
  enough_test_run_app (resume_and_finish, NULL);
}

static void
click_answer (EnoughTestApp *test)
{
  EnoughSelfCheckPage *page = open_page (test);
  EnoughSelfCheckQuestion *question = enough_self_check_page_get_question (page);
  GtkWidget *button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "self-check.new", NULL));
  button = enough_self_check_question_get_answer_button (question, 4);
  /* The buttons carry the scale's words as their accessible names. */
  g_assert_nonnull (enough_test_find_descendant (GTK_WIDGET (question), GTK_TYPE_LABEL, "Mostly like me"));
  g_signal_emit_by_name (button, "clicked");
  enough_test_drain_main_context ();
  g_assert_cmpuint (enough_self_check_get_answer (enough_self_check_question_get_check (question), 0), ==, 4);
  g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 1);
  /* Back is a button too. */
  button = enough_test_find_descendant (GTK_WIDGET (question), GTK_TYPE_BUTTON, "Previous statement (Left arrow)");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (enough_self_check_question_get_index (question), ==, 0);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (enough_self_check_question_get_answer_button (question, 4))));
}

static void
test_answer_with_mouse (Fixture       *fixture,
                        gconstpointer  data)
{
  enough_test_run_app (click_answer, NULL);
}

/* The chart's value for a check answering @answer to every statement. */
static double
mean_for (guint          answer,
          EnoughSubscale subscale)
{
  guint8 answers[ENOUGH_SELF_CHECK_N_ITEMS];
  EnoughScores scores;

  memset (answers, answer, sizeof answers);
  g_assert_true (enough_scores_compute (ENOUGH_ITEM_BANK_VERSION, answers,
                                        enough_item_bank_get_n_items (ENOUGH_ITEM_BANK_VERSION),
                                        &scores, NULL));
  return scores.subscale_means[subscale];
}

/* A long history: the list holds every completed check (and not the one in
 * progress); the chart draws the newest 120 and keeps only their numbers. */
#define LONG_HISTORY 150

static void
long_history (EnoughTestApp *test)
{
  EnoughSelfCheckPage *page = ENOUGH_SELF_CHECK_PAGE (enough_window_get_page (test->window, "self-check"));
  EnoughStore *store = enough_window_get_store (test->window);
  EnoughSelfCheckChart *chart = enough_self_check_page_get_chart (page);
  GListModel *history = enough_self_check_page_get_history (page);
  g_autoptr(EnoughSelfCheck) open = NULL;
  g_autoptr(GError) error = NULL;
  EnoughSelfCheck *newest = NULL;

  enough_store_set_clock (store, fake_clock, NULL);
  for (guint i = 0; i < LONG_HISTORY; i++)
    {
      g_autoptr(EnoughSelfCheck) check = NULL;

      fake_now = usec_for (2020, 1, 1) + (gint64) i * G_USEC_PER_SEC * 3600 * 24 * 7;
      check = enough_store_create_self_check (store, ENOUGH_ITEM_BANK_VERSION);
      /* Check i answers 1 + i % 5 to every statement. */
      for (guint q = 0; q < ENOUGH_SELF_CHECK_N_ITEMS; q++)
        enough_self_check_set_answer (check, q, 1 + i % 5);
      enough_self_check_set_completed_at (check, fake_now);
      if (i == LONG_HISTORY - 1)
        newest = check;
    }
  fake_now += G_USEC_PER_SEC;
  open = enough_store_create_self_check (store, ENOUGH_ITEM_BANK_VERSION);
  enough_self_check_set_answer (open, 0, 2);
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (history), ==, LONG_HISTORY);
  g_assert_cmpuint (enough_self_check_chart_get_n_points (chart), ==, 120);
  for (guint p = 0; p < 120; p++)
    {
      guint i = LONG_HISTORY - 120 + p;  /* oldest drawn first */
      g_autoptr(EnoughSelfCheck) check = enough_self_check_chart_dup_check (chart, p);

      g_assert_cmpint (enough_self_check_get_completed_at (check), ==,
                       usec_for (2020, 1, 1) + (gint64) i * G_USEC_PER_SEC * 3600 * 24 * 7);
      g_assert_cmpfloat_with_epsilon (enough_self_check_chart_get_value (chart, p, ENOUGH_SUBSCALE_HIGH_STANDARDS),
                                      mean_for (1 + i % 5, ENOUGH_SUBSCALE_HIGH_STANDARDS), 1e-9);
    }
  {
    g_autoptr(EnoughSelfCheck) last = enough_self_check_chart_dup_check (chart, 119);

    g_assert_true (last == newest);
  }
  /* All of them, as far as they are drawn. */
  enough_self_check_chart_set_range (chart, ENOUGH_SELF_CHECK_CHART_ALL);
  g_assert_nonnull (strstr (enough_self_check_chart_get_summary (chart), "120 completed checks"));

  /* Finishing the one in progress adds it to both, at the newest end. */
  for (guint q = 0; q < ENOUGH_SELF_CHECK_N_ITEMS; q++)
    enough_self_check_set_answer (open, q, 5);
  enough_self_check_set_completed_at (open, fake_now);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, LONG_HISTORY + 1);
  g_assert_cmpuint (enough_self_check_chart_get_n_points (chart), ==, 120);
  {
    g_autoptr(EnoughSelfCheck) last = enough_self_check_chart_dup_check (chart, 119);

    g_assert_true (last == open);
    g_assert_cmpfloat_with_epsilon (enough_self_check_chart_get_value (chart, 119, ENOUGH_SUBSCALE_HIGH_STANDARDS),
                                    mean_for (5, ENOUGH_SUBSCALE_HIGH_STANDARDS), 1e-9);
  }

  /* Deleting the newest takes it out of both. */
  enough_store_delete (store, open);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, LONG_HISTORY);
  {
    g_autoptr(EnoughSelfCheck) last = enough_self_check_chart_dup_check (chart, 119);

    g_assert_true (last == newest);
  }
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
}

static void
test_long_history (Fixture       *fixture,
                   gconstpointer  data)
{
  enough_test_run_app (long_history, NULL);
}

/* In a narrow window an empty journal shows the invitation to start, not
 * an empty list; Back still shows the list. */
static void
narrow_empty (EnoughTestApp *test)
{
  EnoughSelfCheckPage *page;
  AdwLeaflet *leaflet;
  GtkWidget *back;
  AdwStatusPage *invitation;

  gtk_window_set_default_size (GTK_WINDOW (test->window), 360, 700);
  page = open_page (test);
  leaflet = ADW_LEAFLET (enough_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_LEAFLET, NULL));
  g_assert_nonnull (leaflet);
  for (guint i = 0; i < 200 && !adw_leaflet_get_folded (leaflet); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (adw_leaflet_get_folded (leaflet));

  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "empty");
  invitation = ADW_STATUS_PAGE (enough_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE, NULL));
  g_assert_nonnull (invitation);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (invitation), adw_leaflet_get_visible_child (leaflet)));
  enough_test_drain_main_context ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (invitation)));

  back = enough_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Back");
  g_assert_nonnull (back);
  g_signal_emit_by_name (back, "clicked");
  g_assert_false (gtk_widget_is_ancestor (GTK_WIDGET (invitation), adw_leaflet_get_visible_child (leaflet)));
}

static void
test_narrow_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  enough_test_run_app (narrow_empty, NULL);
}

/* In a narrow window the list of checks comes first, and selecting a row
 * (what the arrow keys and Tab do in GTK 4.8's list) shows that check
 * without sliding the list away; opening a row (Enter, a click) shows it. */
static void
narrow_select (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);
  EnoughSelfCheckPage *page;
  GtkSingleSelection *selection;
  GtkListView *list;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  g_autoptr(GError) error = NULL;

  enough_store_set_clock (store, fake_clock, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(EnoughSelfCheck) check = NULL;

      fake_now = usec_for (2026, 3, 1 + i);
      check = enough_store_create_self_check (store, ENOUGH_ITEM_BANK_VERSION);
      for (guint q = 0; q < ENOUGH_SELF_CHECK_N_ITEMS; q++)
        enough_self_check_set_answer (check, q, 1 + i);
      enough_self_check_set_completed_at (check, fake_now);
    }
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (test->window), 360, 700);
  page = open_page (test);
  leaflet = ADW_LEAFLET (enough_test_must_find_by_id (GTK_WIDGET (page), "leaflet"));
  for (guint i = 0; i < 200 && !adw_leaflet_get_folded (leaflet); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  selection = enough_self_check_page_get_selection (page);
  list = GTK_LIST_VIEW (enough_test_must_find_by_id (GTK_WIDGET (page), "list_view"));
  sidebar = enough_test_must_find_by_id (GTK_WIDGET (page), "sidebar");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (list), sidebar));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);

  /* Moved to the older check: shown in the results, the list still there. */
  gtk_single_selection_set_selected (selection, 1);
  enough_test_drain_main_context ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
  {
    g_autoptr(EnoughSelfCheck) older = g_list_model_get_item (G_LIST_MODEL (selection), 1);

    g_assert_true (enough_self_check_results_get_check (enough_self_check_page_get_results (page)) == older);
  }

  /* Opened (Enter on the row): the results slide in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", 1));
  enough_test_drain_main_context ();
  g_assert_false (adw_leaflet_get_visible_child (leaflet) == sidebar);
  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "results");
}

static void
test_narrow_select (Fixture       *fixture,
                    gconstpointer  data)
{
  enough_test_run_app (narrow_select, NULL);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, enough_test_fixture_setup, func, enough_test_fixture_teardown)

  ADD ("/self-check-page/complete-two-checks", test_complete_two_checks);
  ADD ("/self-check-page/resume-after-restart", test_resume_after_restart);
  ADD ("/self-check-page/answer-with-mouse", test_answer_with_mouse);
  ADD ("/self-check-page/long-history", test_long_history);
  ADD ("/self-check-page/narrow-empty", test_narrow_empty);
  ADD ("/self-check-page/narrow-select", test_narrow_select);

#undef ADD

  return g_test_run ();
}
