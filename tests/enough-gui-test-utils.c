/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-gui-test-utils.h"
#include "enough-search-reveal.h"
#include "enough-test-utils.h"

typedef struct
{
  EnoughTestApp     test;
  EnoughTestAppBody body;
} RunData;

void
enough_test_gui_init (int    *argc,
                      char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/* The memory settings backend lives as long as the process: tests start from
 * the defaults. */
void
enough_test_reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  /* The first launch's welcome has a test of its own (test-welcome.c);
   * in the others it would stand in front of the window. */
  g_settings_set_boolean (settings, "welcome-shown", TRUE);
}

char *
enough_test_begin (void)
{
  char *data_dir = enough_test_make_data_dir ();

  enough_test_reset_settings ();
  return data_dir;
}

void
enough_test_end (char **data_dir)
{
  enough_test_remove_data_dir (*data_dir);
  g_clear_pointer (data_dir, g_free);
}

void
enough_test_fixture_setup (EnoughTestFixture *fixture,
                           gconstpointer      data)
{
  fixture->data_dir = enough_test_begin ();
}

void
enough_test_fixture_teardown (EnoughTestFixture *fixture,
                              gconstpointer      data)
{
  enough_test_end (&fixture->data_dir);
}

void
enough_test_drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
run_body_idle (gpointer user_data)
{
  RunData *run = user_data;
  GtkWindow *window = NULL;

  /* Not simply the active window: a dialog may be in front of it. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (run->test.app)); l; l = l->next)
    {
      if (ENOUGH_IS_WINDOW (l->data))
        window = l->data;
    }
  g_assert_nonnull (window);
  g_assert_true (ENOUGH_IS_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  run->test.window = ENOUGH_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &run->test.window);

  run->body (&run->test);
  enough_test_drain_main_context ();

  /* Leave the way a user would: app.quit closes the windows and ends the run. */
  g_action_group_activate_action (G_ACTION_GROUP (run->test.app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *app,
             RunData      *run)
{
  g_idle_add (run_body_idle, run);
}

/* Runs a whole application lifetime through g_application_run(), as main()
 * does, calling @body once the window is shown. The application, its store
 * and its window must all be finalized afterwards: anything else is a leak.
 * Run it twice in a test to "restart the app" on the same data dir. */
void
enough_test_run_app (EnoughTestAppBody body,
                     gpointer          user_data)
{
  RunData run = { { NULL, NULL, user_data }, body };
  int status;

  run.test.app = enough_application_new (ENOUGH_TEST_APP_ID, G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (run.test.app, "activate", G_CALLBACK (on_activate), &run);

  status = g_application_run (G_APPLICATION (run.test.app), 0, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (run.test.app)));

  enough_test_drain_main_context ();
  /* The weak pointer set above: the window must be gone with the run. */
  g_assert_null (run.test.window);
  g_assert_finalize_object (g_steal_pointer (&run.test.app));
}

GtkWindow *
enough_test_find_window_of_type (GType type)
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

static char *
dup_accessible_label (GtkWidget *widget)
{
  /* GTK 4.8 has no getter for accessible properties; the tooltip or the
   * label property is what our widgets set alongside it. */
  const char *name = gtk_widget_get_tooltip_text (widget);

  if (name == NULL && GTK_IS_BUTTON (widget))
    name = gtk_button_get_label (GTK_BUTTON (widget));
  if (name == NULL && GTK_IS_LABEL (widget))
    name = gtk_label_get_text (GTK_LABEL (widget));

  return g_strdup (name);
}

/* Depth-first search for a visible-or-not descendant of @type whose tooltip
 * or label is @accessible_label (or any, when NULL). */
GtkWidget *
enough_test_find_first (GtkWidget             *root,
                        EnoughTestWidgetMatch  match,
                        gconstpointer          data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      found = enough_test_find_first (child, match, data);
      if (found != NULL)
        return found;
    }

  return NULL;
}

guint
enough_test_count (GtkWidget             *root,
                   EnoughTestWidgetMatch  match,
                   gconstpointer          data)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += (match (child, data) ? 1 : 0) + enough_test_count (child, match, data);

  return n;
}

EnoughStore *
enough_test_use_fake_clock (EnoughTestApp *test,
                            gint64        *now)
{
  EnoughStore *store = enough_application_get_store (test->app);

  g_assert_nonnull (store);
  enough_store_set_clock (store, enough_test_fake_clock, now);
  return store;
}

static gboolean
has_id (GtkWidget     *widget,
        gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

GtkWidget *
enough_test_find_by_id (GtkWidget  *root,
                        const char *id)
{
  return enough_test_find_first (root, has_id, id);
}

GtkWidget *
enough_test_must_find_by_id (GtkWidget  *root,
                             const char *id)
{
  GtkWidget *widget = enough_test_find_first (root, has_id, id);

  if (widget == NULL)
    g_error ("No widget with id %s", id);
  return widget;
}

typedef struct
{
  GType       type;
  const char *accessible_label;
} TypeAndLabel;

static gboolean
has_type_and_label (GtkWidget     *widget,
                    gconstpointer  data)
{
  const TypeAndLabel *wanted = data;
  g_autofree char *label = NULL;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type))
    return FALSE;
  if (wanted->accessible_label == NULL)
    return TRUE;
  label = dup_accessible_label (widget);
  return g_strcmp0 (label, wanted->accessible_label) == 0;
}

GtkWidget *
enough_test_find_descendant (GtkWidget  *root,
                             GType       type,
                             const char *accessible_label)
{
  TypeAndLabel wanted = { type, accessible_label };

  return enough_test_find_first (root, has_type_and_label, &wanted);
}

GtkWidget *
enough_test_hold_undo_toast (GtkWidget *root)
{
  GtkWidget *overlay = enough_test_find_descendant (root, ADW_TYPE_TOAST_OVERLAY, NULL);
  GtkWidget *undo;

  g_assert_nonnull (overlay);
  undo = enough_test_find_descendant (overlay, GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  /* AdwToastWidget stops its timeout while the focus is inside it. */
  g_assert_true (gtk_widget_grab_focus (undo));
  return undo;
}

typedef struct
{
  EnoughSearchView *view;
  const char       *query;
} SearchWait;

static gboolean
search_settled (gpointer data)
{
  SearchWait *wait = data;

  return g_strcmp0 (enough_search_view_get_query (wait->view), wait->query) == 0 &&
         !enough_search_view_is_busy (wait->view);
}

void
enough_test_wait_for_search (EnoughSearchView *view,
                             const char       *query)
{
  SearchWait wait = { view, query };

  enough_test_wait_until (search_settled, &wait, 30);
  g_assert_cmpstr (enough_search_view_get_query (view), ==, query);
  g_assert_false (enough_search_view_is_busy (view));
}

GTestDBus *
enough_test_private_bus_up (void)
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  GTestDBus *bus = g_test_dbus_new (G_TEST_DBUS_NONE);

  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  return bus;
}

static gboolean
list_laid_out (gpointer data)
{
  return gtk_adjustment_get_page_size (GTK_ADJUSTMENT (data)) > 0;
}

static gboolean
more_to_scroll (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) >
         gtk_adjustment_get_value (adjustment) + 1;
}

typedef struct
{
  GListModel *model;
  guint       n;
} GrowWait;

static gboolean
list_grew (gpointer data)
{
  GrowWait *wait = data;

  return g_list_model_get_n_items (wait->model) > wait->n;
}

void
enough_test_scroll_list_to_end (GtkListView *list,
                                guint        n_items)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

  /* Laid out on a frame, which a busy machine makes late. */
  g_assert_true (enough_test_wait_until (list_laid_out, adjustment, 30));
  while (g_list_model_get_n_items (model) < n_items)
    {
      GrowWait wait = { model, g_list_model_get_n_items (model) };

      /* The rows the last growth added laid out: there is more to scroll. */
      g_assert_true (enough_test_wait_until (more_to_scroll, adjustment, 30));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      g_assert_true (enough_test_wait_until (list_grew, &wait, 30));
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_items);
}

GtkWidget *
enough_test_show_page_at_once (EnoughTestApp *test,
                               const char    *name,
                               GType          page_type,
                               const char    *main_child)
{
  GtkWidget *page;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  /* Not through enough_window_get_page, which gives the page its journal
   * before it is shown. */
  enough_window_show_page (test->window, name);
  page = enough_test_find_descendant (GTK_WIDGET (test->window), page_type, NULL);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (enough_test_must_find_by_id (page, "main_stack"))),
                   ==, main_child);
  g_assert_false (gtk_stack_get_transition_running (GTK_STACK (enough_test_must_find_by_id (page, "main_stack"))));
  g_assert_false (gtk_stack_get_transition_running (GTK_STACK (enough_test_must_find_by_id (page, "content_stack"))));
  return page;
}

void
enough_test_assert_revealed (GtkWidget *widget,
                             int        start,
                             int        end)
{
  int first = -1, last = -1;
  gboolean selected;

  g_assert_true (enough_search_reveal_get_highlight (widget, &first, &last));
  g_assert_cmpint (first, ==, start);
  g_assert_cmpint (last, ==, end);

  if (GTK_IS_LABEL (widget))
    selected = gtk_label_get_selection_bounds (GTK_LABEL (widget), &first, &last);
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter a, b;

      g_assert_true (GTK_IS_TEXT_VIEW (widget));
      selected = gtk_text_buffer_get_selection_bounds (buffer, &a, &b);
      first = gtk_text_iter_get_offset (&a);
      last = gtk_text_iter_get_offset (&b);
    }
  g_assert_cmpint (first, ==, selected ? start : end);
  g_assert_cmpint (last, ==, end);
}
