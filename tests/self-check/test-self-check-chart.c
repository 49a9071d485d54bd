/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
/* The Self-Check history chart with a long history: one subscale or the
 * two overall dimensions at a time, over the last 10 checks, the past year
 * or all, chosen with the rows above it. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "enough-gui-test-utils.h"
#include "enough-item-bank.h"
#include "enough-self-check-page.h"
#include "enough-test-utils.h"

typedef EnoughTestFixture Fixture;

#define N_CHECKS 30
#define DAY_USEC ((gint64) 24 * 3600 * G_USEC_PER_SEC)

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static AdwComboRow *
find_row (EnoughSelfCheckPage *page,
          const char          *title)
{
  GtkWidget *row = enough_test_find_first (GTK_WIDGET (page), is_row_titled, title);

  g_assert_nonnull (row);
  return ADW_COMBO_ROW (row);
}

static void
assert_lines (EnoughSelfCheckChart *chart,
              const char           *first,
              const char           *second)
{
  g_auto(GStrv) lines = enough_self_check_chart_dup_drawn_lines (chart);

  g_assert_cmpuint (g_strv_length (lines), ==, second != NULL ? 2 : 1);
  g_assert_cmpstr (lines[0], ==, first);
  g_assert_cmpstr (lines[1], ==, second);
}

static void
lay_out (EnoughTestApp *test,
         int            width)
{
  gtk_widget_measure (GTK_WIDGET (test->window), GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (test->window), &(GtkAllocation) { 0, 0, width, 700 }, -1);
}

static void
chart_choices (EnoughTestApp *test)
{
  EnoughSelfCheckPage *page = ENOUGH_SELF_CHECK_PAGE (enough_window_get_page (test->window, "self-check"));
  EnoughStore *store = enough_window_get_store (test->window);
  EnoughSelfCheckChart *chart;
  AdwComboRow *series_row, *range_row;
  g_autoptr(GError) error = NULL;
  const char *inner_critic = enough_subscale_get_name (ENOUGH_SUBSCALE_INNER_CRITIC);
  gint64 now = g_get_real_time ();
  double x, y;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.show-page", "s", "self-check"));
  enough_test_drain_main_context ();
  chart = enough_self_check_page_get_chart (page);

  /* A check a month for two and a half years, the newest today; the
   * past year holds the last 13 (12 × 30 days back at most). */
  enough_store_set_clock (store, fake_clock, NULL);
  for (guint i = 0; i < N_CHECKS; i++)
    {
      g_autoptr(EnoughSelfCheck) check = NULL;

      fake_now = now - (gint64) (N_CHECKS - 1 - i) * 30 * DAY_USEC;
      check = enough_store_create_self_check (store, ENOUGH_ITEM_BANK_VERSION);
      for (guint q = 0; q < ENOUGH_SELF_CHECK_N_ITEMS; q++)
        enough_self_check_set_answer (check, q, 1 + (i + q) % 5);
      enough_self_check_set_completed_at (check, fake_now);
    }
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enough_self_check_chart_get_n_points (chart), ==, N_CHECKS);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "self-check.show-history", NULL));
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "history");
  series_row = find_row (page, "Scores shown");
  range_row = find_row (page, "Checks shown");
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (series_row)));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (range_row)));

  /* At first: the two dimensions over the last 10 checks, not six lines
   * over all of them. */
  g_assert_cmpuint (adw_combo_row_get_selected (series_row), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (range_row), ==, 0);
  assert_lines (chart, "Striving", "Concerns");
  g_assert_cmpuint (enough_self_check_chart_get_first_drawn (chart), ==, N_CHECKS - 10);
  g_assert_nonnull (strstr (enough_self_check_chart_get_summary (chart), "10 completed checks"));
  g_assert_nonnull (strstr (enough_self_check_chart_get_summary (chart), "Striving: "));
  g_assert_nonnull (strstr (enough_self_check_chart_get_summary (chart), "Concerns: "));
  g_assert_null (strstr (enough_self_check_chart_get_summary (chart), inner_critic));
  lay_out (test, 1000);
  g_assert_false (enough_self_check_chart_get_point_position (chart, 0, ENOUGH_SUBSCALE_HIGH_STANDARDS, &x, &y));
  g_assert_true (enough_self_check_chart_get_point_position (chart, N_CHECKS - 10,
                                                             ENOUGH_SUBSCALE_HIGH_STANDARDS, &x, &y));
  g_assert_cmpint (enough_self_check_chart_get_point_at (chart, x, y), ==, N_CHECKS - 10);

  /* One subscale, chosen in the row: one line, its own. */
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (series_row)), ==,
                   "Overall: Striving and Concerns");
  adw_combo_row_set_selected (series_row, 1 + ENOUGH_SUBSCALE_INNER_CRITIC);
  g_assert_cmpuint (enough_self_check_chart_get_series (chart), ==, 1 + ENOUGH_SUBSCALE_INNER_CRITIC);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (series_row)), ==,
                   inner_critic);
  assert_lines (chart, inner_critic, NULL);
  g_assert_nonnull (strstr (enough_self_check_chart_get_summary (chart), inner_critic));
  g_assert_null (strstr (enough_self_check_chart_get_summary (chart), "Striving: "));

  /* The past year, then all. */
  adw_combo_row_set_selected (range_row, ENOUGH_SELF_CHECK_CHART_PAST_YEAR);
  g_assert_cmpint (enough_self_check_chart_get_range (chart), ==, ENOUGH_SELF_CHECK_CHART_PAST_YEAR);
  g_assert_cmpuint (enough_self_check_chart_get_first_drawn (chart), ==, N_CHECKS - 13);
  g_assert_nonnull (strstr (enough_self_check_chart_get_summary (chart), "13 completed checks"));
  adw_combo_row_set_selected (range_row, ENOUGH_SELF_CHECK_CHART_ALL);
  g_assert_cmpuint (enough_self_check_chart_get_first_drawn (chart), ==, 0);
  g_assert_nonnull (strstr (enough_self_check_chart_get_summary (chart), "30 completed checks"));
  lay_out (test, 360);
  g_assert_true (enough_self_check_chart_get_point_position (chart, 0, ENOUGH_SUBSCALE_INNER_CRITIC, &x, &y));
  g_assert_cmpint (enough_self_check_chart_get_point_at (chart, x, y), ==, 0);

  /* Back to the dimensions, from the chart's side too. */
  enough_self_check_chart_set_series (chart, ENOUGH_SELF_CHECK_CHART_DIMENSIONS);
  g_assert_cmpuint (adw_combo_row_get_selected (series_row), ==, 0);
  assert_lines (chart, "Striving", "Concerns");

  /* A year with no check: the summary says so. */
  enough_store_set_clock (store, NULL, NULL);
  adw_combo_row_set_selected (range_row, ENOUGH_SELF_CHECK_CHART_PAST_YEAR);
  for (guint i = 0; i < N_CHECKS; i++)
    {
      g_autoptr(EnoughSelfCheck) check =
        enough_self_check_chart_dup_check (chart, enough_self_check_chart_get_n_points (chart) - 1);

      if (check == NULL || enough_self_check_get_completed_at (check) < now - 365 * DAY_USEC)
        break;
      enough_store_delete (store, check);
    }
  g_assert_cmpuint (enough_self_check_chart_get_n_points (chart), ==, N_CHECKS - 13);
  g_assert_cmpuint (enough_self_check_chart_get_first_drawn (chart), ==, N_CHECKS - 13);
  g_assert_cmpstr (enough_self_check_chart_get_summary (chart), ==, "No completed checks in the past year.");
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
}

static void
test_chart_choices (Fixture       *fixture,
                    gconstpointer  data)
{
  enough_test_run_app (chart_choices, NULL);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

  g_test_add ("/self-check-chart/choices", Fixture, NULL, enough_test_fixture_setup,
              test_chart_choices, enough_test_fixture_teardown);

  return g_test_run ();
}
