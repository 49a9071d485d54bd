/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>

#include "enough-application.h"
#include "enough-help-window.h"
#include "enough-test-utils.h"
#include "enough-window.h"

#define TEST_APP_ID "io.github.enoughjournal.Enough.Test"

typedef struct
{
  char              *data_dir;
  EnoughApplication *app;
  EnoughWindow      *window;
} Fixture;

typedef void (*AppBody) (Fixture *fixture);

typedef struct
{
  Fixture *fixture;
  AppBody  body;
} RunData;

static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
run_body_idle (gpointer user_data)
{
  RunData *run = user_data;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (run->fixture->app));
  g_assert_nonnull (window);
  g_assert_true (ENOUGH_IS_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  run->fixture->window = ENOUGH_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &run->fixture->window);

  run->body (run->fixture);
  drain_main_context ();

  /* Leave the way a user would: app.quit closes the windows and ends the run. */
  if (g_application_get_is_registered (G_APPLICATION (run->fixture->app)))
    g_action_group_activate_action (G_ACTION_GROUP (run->fixture->app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *app,
             RunData      *run)
{
  g_idle_add (run_body_idle, run);
}

/* Runs a whole application lifetime through g_application_run(), as main()
 * does, calling @body once the window is shown. The application and its
 * window must be finalized afterwards: anything else is a leak. */
static void
run_app (Fixture *fixture,
         AppBody  body)
{
  RunData run = { fixture, body };
  int status;

  fixture->app = enough_application_new (TEST_APP_ID, G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (fixture->app, "activate", G_CALLBACK (on_activate), &run);

  status = g_application_run (G_APPLICATION (fixture->app), 0, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));

  drain_main_context ();
  /* The weak pointer set above: the window must be gone with the run. */
  g_assert_null (fixture->window);
  g_assert_finalize_object (g_steal_pointer (&fixture->app));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  fixture->data_dir = enough_test_make_data_dir ();

  /* The memory backend lives as long as the process: start each test from the defaults. */
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_remove_data_dir (fixture->data_dir);
  g_clear_pointer (&fixture->data_dir, g_free);
}

static void
check_three_pages (Fixture *fixture)
{
  static const struct { const char *name; const char *title; } expected[] = {
    { "critic", "Inner Critic" },
    { "letters", "Letters" },
    { "self-check", "Self-Check" },
  };
  AdwViewStack *stack = enough_window_get_stack (fixture->window);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, expected[i].name);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, expected[i].title);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
      g_assert_nonnull (adw_view_stack_page_get_child (page));
    }

  /* A first start opens on the first exercise. */
  g_assert_cmpstr (enough_window_get_visible_page (fixture->window), ==, "critic");
}

static void
test_window_has_three_pages (Fixture       *fixture,
                             gconstpointer  data)
{
  run_app (fixture, check_three_pages);
}

static void
switch_pages (Fixture *fixture)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last_page = NULL;
  GtkWidget *window = GTK_WIDGET (fixture->window);

  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "letters"));
  g_assert_cmpstr (enough_window_get_visible_page (fixture->window), ==, "letters");
  last_page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last_page, ==, "letters");

  /* Unknown pages are ignored rather than leaving the stack empty. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "nope"));
  g_assert_cmpstr (enough_window_get_visible_page (fixture->window), ==, "letters");

  adw_view_stack_set_visible_child_name (enough_window_get_stack (fixture->window), "self-check");
}

static void
check_self_check_page_shown (Fixture *fixture)
{
  g_assert_cmpstr (enough_window_get_visible_page (fixture->window), ==, "self-check");
}

static void
test_page_is_remembered (Fixture       *fixture,
                         gconstpointer  data)
{
  run_app (fixture, switch_pages);
  /* A whole new application object opens where the last one left. */
  run_app (fixture, check_self_check_page_shown);
}

static void
resize_window (Fixture *fixture)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 600);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 480);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
}

static void
check_window_size (Fixture *fixture)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 480);
  g_assert_cmpint (height, ==, 600);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (fixture->window)));
}

static void
test_window_size_is_remembered (Fixture       *fixture,
                                gconstpointer  data)
{
  run_app (fixture, resize_window);
  run_app (fixture, check_window_size);
}

static gboolean
widget_class_has_action (GtkWidget  *widget,
                         const char *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  GType owner;
  const char *action_name;
  const GVariantType *parameter_type;
  const char *property_name;

  /* GTK 4.8 writes every out argument: none may be NULL. */
  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &action_name,
                                      &parameter_type, &property_name);
       i++)
    {
      if (g_str_equal (action_name, name))
        return TRUE;
    }

  return FALSE;
}

static void
check_actions (Fixture *fixture)
{
  static const char *app_actions[] = { "about", "help", "quit" };
  static const char *window_actions[] = {
    "win.show-page", "win.search", "win.export", "win.import", "win.preferences",
  };
  g_autofree char *accel_text = NULL;
  g_auto(GStrv) accels = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (app_actions); i++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), app_actions[i]));

  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    g_assert_true (widget_class_has_action (GTK_WIDGET (fixture->window), window_actions[i]));

  /* GtkApplication adds this one because gtk/help-overlay.ui is in our resources. */
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (fixture->window),
                                                "show-help-overlay"));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.quit");
  accel_text = g_strjoinv (",", accels);
  g_assert_cmpstr (accel_text, ==, "<Control>q");
}

static void
test_actions_exist (Fixture       *fixture,
                    gconstpointer  data)
{
  run_app (fixture, check_actions);
}

static GtkWindow *
find_window_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static void
open_help_and_about (Fixture *fixture)
{
  GtkWindow *help, *about;
  const char *comments;

  g_assert_null (find_window_of_type (ENOUGH_TYPE_HELP_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "help", NULL);
  drain_main_context ();
  help = find_window_of_type (ENOUGH_TYPE_HELP_WINDOW);
  g_assert_nonnull (help);
  g_assert_true (gtk_window_get_transient_for (help) == GTK_WINDOW (fixture->window));
  gtk_window_destroy (help);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  drain_main_context ();
  about = find_window_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  comments = adw_about_window_get_comments (ADW_ABOUT_WINDOW (about));
  g_assert_nonnull (strstr (comments, "does not replace professional help"));
  /* Left open on purpose: app.quit must close it too. */
}

static void
test_help_and_about_open (Fixture       *fixture,
                          gconstpointer  data)
{
  run_app (fixture, open_help_and_about);
  g_assert_null (find_window_of_type (ADW_TYPE_ABOUT_WINDOW));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/application/window-has-three-pages", test_window_has_three_pages);
  ADD ("/application/page-is-remembered", test_page_is_remembered);
  ADD ("/application/window-size-is-remembered", test_window_size_is_remembered);
  ADD ("/application/actions-exist", test_actions_exist);
  ADD ("/application/help-and-about-open", test_help_and_about_open);

#undef ADD

  return g_test_run ();
}
