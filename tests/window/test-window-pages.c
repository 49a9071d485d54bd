/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>

#include "enough-gui-test-utils.h"
#include "enough-self-check-page.h"
#include "enough-test-utils.h"
#include "enough-text-limit.h"

/* The window hands the journal to a page when it is first shown or asked
 * for (a hidden page's lists would cost the first frame ~200 rows each). */

typedef EnoughTestFixture Fixture;

/* The page's store, read without the window's getters (they hand it over). */
static EnoughStore *
page_store (EnoughTestApp *test,
            const char    *name)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (enough_window_get_stack (test->window), name);
  g_autoptr(EnoughStore) store = NULL;

  g_assert_nonnull (page);
  g_object_get (page, "store", &store, NULL);
  return store;  /* the window still holds a reference */
}

static void
check_pages_get_the_journal (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);

  g_assert_nonnull (store);
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "critic");
  g_assert_true (page_store (test, "critic") == store);
  g_assert_null (page_store (test, "letters"));
  g_assert_null (page_store (test, "self-check"));

  /* Shown: it has the journal before anything else happens on it. */
  enough_window_show_page (test->window, "letters");
  g_assert_true (page_store (test, "letters") == store);
  g_assert_null (page_store (test, "self-check"));

  /* Asked for (tests, notifications): the getter hands it over. */
  g_assert_nonnull (enough_window_get_page (test->window, "self-check"));
  g_assert_true (page_store (test, "self-check") == store);
}

static void
test_pages_get_the_journal (Fixture       *fixture,
                            gconstpointer  data)
{
  enough_test_run_app (check_pages_get_the_journal, NULL);
}

/* A hidden page's widgets (its template) are made when it is first shown
 * or used, not with the window; the shown page is built at once. */
static GtkWidget *
stack_page (EnoughTestApp *test,
            const char    *name)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (enough_window_get_stack (test->window), name);

  g_assert_nonnull (page);
  return page;
}

static void
check_hidden_pages_built_when_used (EnoughTestApp *test)
{
  GtkWidget *critic = stack_page (test, "critic");
  GtkWidget *letters = stack_page (test, "letters");
  GtkWidget *self_check = stack_page (test, "self-check");
  GtkWidget *editor;

  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "critic");
  g_assert_nonnull (gtk_widget_get_first_child (critic));
  g_assert_true (gtk_widget_get_mapped (critic));
  g_assert_null (gtk_widget_get_first_child (letters));
  g_assert_null (gtk_widget_get_first_child (self_check));
  g_assert_null (enough_test_find_descendant (GTK_WIDGET (test->window),
                                              ENOUGH_TYPE_LETTER_EDITOR, NULL));
  g_assert_null (enough_test_find_descendant (GTK_WIDGET (test->window),
                                              ENOUGH_TYPE_SELF_CHECK_QUESTION, NULL));

  /* A page's own functions build it first, even with no journal yet. */
  editor = GTK_WIDGET (enough_letter_page_get_editor (ENOUGH_LETTER_PAGE (letters)));
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_is_ancestor (editor, letters));
  g_assert_null (enough_letter_page_get_store (ENOUGH_LETTER_PAGE (letters)));
  g_assert_false (gtk_widget_get_mapped (letters));
  g_assert_null (gtk_widget_get_first_child (self_check));

  /* …and then it works as it always did: a new letter, the journal's. */
  g_assert_nonnull (enough_letter_page_new_letter (ENOUGH_LETTER_PAGE (enough_window_get_page (test->window, "letters"))));
  g_assert_true (enough_letter_page_get_editor (ENOUGH_LETTER_PAGE (letters)) ==
                 ENOUGH_LETTER_EDITOR (editor));

  /* Shown: built, with the journal, and on screen. */
  enough_window_show_page (test->window, "self-check");
  g_assert_nonnull (gtk_widget_get_first_child (self_check));
  g_assert_true (gtk_widget_get_mapped (self_check));
  g_assert_nonnull (enough_self_check_page_get_store (ENOUGH_SELF_CHECK_PAGE (self_check)));
  g_assert_cmpstr (enough_self_check_page_get_view (ENOUGH_SELF_CHECK_PAGE (self_check)), ==, "empty");
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (enough_self_check_page_get_question (ENOUGH_SELF_CHECK_PAGE (self_check))),
                                         self_check));
}

static void
test_hidden_pages_built_when_used (Fixture       *fixture,
                                   gconstpointer  data)
{
  enough_test_run_app (check_hidden_pages_built_when_used, NULL);
}

static void
check_self_check_page_function_builds (EnoughTestApp *test)
{
  GtkWidget *self_check = stack_page (test, "self-check");
  EnoughSelfCheckPage *page = ENOUGH_SELF_CHECK_PAGE (self_check);

  g_assert_null (gtk_widget_get_first_child (self_check));
  /* Not through the window: the page's own function builds it. */
  g_assert_cmpstr (enough_self_check_page_get_view (page), ==, "empty");
  g_assert_nonnull (gtk_widget_get_first_child (self_check));
  g_assert_nonnull (enough_self_check_page_get_chart (page));
  g_assert_false (gtk_widget_get_mapped (self_check));
}

static void
test_self_check_page_function_builds (Fixture       *fixture,
                                      gconstpointer  data)
{
  enough_test_run_app (check_self_check_page_function_builds, NULL);
}

/* The Inner Critic page too, when another page is shown at start. */
static void
check_hidden_critic_page_waits (EnoughTestApp *test)
{
  GtkWidget *critic = stack_page (test, "critic");

  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "letters");
  g_assert_null (gtk_widget_get_first_child (critic));
  g_assert_null (page_store (test, "critic"));

  enough_window_show_page (test->window, "critic");
  g_assert_nonnull (gtk_widget_get_first_child (critic));
  g_assert_true (page_store (test, "critic") == enough_window_get_store (test->window));
}

static void
test_hidden_critic_page_waits (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "last-page", "letters");
  enough_test_run_app (check_hidden_critic_page_waits, NULL);
}

/* The search results are not part of the first frame: the view is made on
 * the first search, with the journal, and is then the shown content. */
static void
check_search_view_made_on_search (EnoughTestApp *test)
{
  GtkWidget *root = GTK_WIDGET (test->window);
  GtkWidget *view;

  g_assert_null (enough_test_find_descendant (root, ENOUGH_TYPE_SEARCH_VIEW, NULL));

  g_assert_true (gtk_widget_activate_action (root, "win.search", NULL));
  g_assert_true (enough_window_is_searching (test->window));
  view = enough_test_find_descendant (root, ENOUGH_TYPE_SEARCH_VIEW, NULL);
  g_assert_nonnull (view);
  g_assert_true (view == GTK_WIDGET (enough_window_get_search_view (test->window)));
  g_assert_true (gtk_widget_get_mapped (view));

  /* Ending and starting the search again keeps the one view. */
  g_assert_true (gtk_widget_activate_action (root, "win.search", NULL));
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (enough_test_find_descendant (root, GTK_TYPE_SEARCH_BAR, NULL)),
                                  FALSE);
  g_assert_false (enough_window_is_searching (test->window));
  g_assert_false (gtk_widget_get_mapped (view));
  g_assert_true (gtk_widget_activate_action (root, "win.search", NULL));
  g_assert_true (view == enough_test_find_descendant (root, ENOUGH_TYPE_SEARCH_VIEW, NULL));
  g_assert_true (gtk_widget_get_mapped (view));
}

static void
test_search_view_made_on_search (Fixture       *fixture,
                                 gconstpointer  data)
{
  enough_test_run_app (check_search_view_made_on_search, NULL);
}

/* Every field on the pages where words are typed keeps to the import's
 * limits (one rule for both, issue #26), so every export imports again. */
static guint
count_limited (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_TEXT_VIEW (widget) || GTK_IS_ENTRY (widget))
    {
      gsize limit = enough_text_limit_get (widget);

      if (limit == 0)
        g_error ("%s %s has no text limit", G_OBJECT_TYPE_NAME (widget),
                 gtk_widget_get_name (widget));
      g_assert_cmpuint (limit, <=, ENOUGH_TEXT_MAX_BYTES);
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_limited (child);
  return n;
}

static void
check_text_fields_limited (EnoughTestApp *test)
{
  static const char *const pages[] = { "critic", "letters", "self-check" };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      enough_window_show_page (test->window, pages[i]);
      n += count_limited (stack_page (test, pages[i]));
    }
  /* the critic's title and name, the composer; a letter's three parts
   * and the reader's sentence to carry */
  g_assert_cmpuint (n, >=, 7);
}

static void
test_text_fields_limited (Fixture       *fixture,
                          gconstpointer  data)
{
  enough_test_run_app (check_text_fields_limited, NULL);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

  g_test_add ("/window-pages/pages-get-the-journal-when-shown", Fixture, NULL,
              enough_test_fixture_setup, test_pages_get_the_journal, enough_test_fixture_teardown);
  g_test_add ("/window-pages/hidden-pages-built-when-used", Fixture, NULL,
              enough_test_fixture_setup, test_hidden_pages_built_when_used, enough_test_fixture_teardown);
  g_test_add ("/window-pages/self-check-page-function-builds", Fixture, NULL,
              enough_test_fixture_setup, test_self_check_page_function_builds, enough_test_fixture_teardown);
  g_test_add ("/window-pages/hidden-critic-page-waits", Fixture, NULL,
              enough_test_fixture_setup, test_hidden_critic_page_waits, enough_test_fixture_teardown);
  g_test_add ("/window-pages/search-view-made-on-search", Fixture, NULL,
              enough_test_fixture_setup, test_search_view_made_on_search, enough_test_fixture_teardown);

  g_test_add ("/window-pages/text-fields-limited", Fixture, NULL,
              enough_test_fixture_setup, test_text_fields_limited, enough_test_fixture_teardown);

  return g_test_run ();
}
