/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>

#include "enough-gui-test-utils.h"
#include "enough-test-utils.h"

/* The window hands the journal to a page when it is first shown or asked
 * for (a hidden page's lists would cost the first frame ~200 rows each). */

typedef struct
{
  char *data_dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->data_dir = enough_test_make_data_dir ();
  enough_test_reset_settings ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_remove_data_dir (fixture->data_dir);
  g_clear_pointer (&fixture->data_dir, g_free);
}

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
  g_assert_nonnull (enough_window_get_self_check_page (test->window));
  g_assert_true (page_store (test, "self-check") == store);
}

static void
test_pages_get_the_journal (Fixture       *fixture,
                            gconstpointer  data)
{
  enough_test_run_app (check_pages_get_the_journal, NULL);
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

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

  g_test_add ("/window-pages/pages-get-the-journal-when-shown", Fixture, NULL,
              fixture_setup, test_pages_get_the_journal, fixture_teardown);
  g_test_add ("/window-pages/search-view-made-on-search", Fixture, NULL,
              fixture_setup, test_search_view_made_on_search, fixture_teardown);

  return g_test_run ();
}
