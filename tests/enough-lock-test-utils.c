/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-gui-test-utils.h"
#include "enough-lock-test-utils.h"
#include "enough-store.h"
#include "enough-test-utils.h"

typedef struct
{
  gpointer           fixture;
  EnoughLockTestBody body;
  gboolean           started;
} Run;

static gboolean
run_idle (gpointer user_data)
{
  Run *run = user_data;
  EnoughApplication *app = ENOUGH_APPLICATION (g_application_get_default ());

  run->body (run->fixture, app);
  enough_test_drain_main_context ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

/* Once: a test may activate the app again (a second instance). */
static void
on_activate (GApplication *app,
             Run          *run)
{
  if (!run->started)
    g_idle_add (run_idle, run);
  run->started = TRUE;
}

void
enough_lock_test_run_app (gpointer           fixture,
                          EnoughLockTestBody body)
{
  Run run = { fixture, body, FALSE };
  EnoughApplication *app = enough_application_new (ENOUGH_TEST_APP_ID, G_APPLICATION_NON_UNIQUE);

  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  enough_test_drain_main_context ();
  g_assert_finalize_object (app);
}

/* The lock window, the only window of the app. */
EnoughLockWindow *
enough_lock_test_get_lock_window (EnoughApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (ENOUGH_IS_LOCK_WINDOW (windows->data));
  return windows->data;
}

/* The journal window, the app's newest (Preferences may be open too). */
EnoughWindow *
enough_lock_test_get_main_window (EnoughApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_cmpuint (g_list_length (windows), >=, 1);
  g_assert_true (ENOUGH_IS_WINDOW (windows->data));
  return windows->data;
}

/* A shown message dialog with @heading that takes input. */
GtkWindow *
enough_lock_test_find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_widget_get_sensitive (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return window;
    }
  return NULL;
}

gboolean
enough_lock_test_has_dialog (gpointer heading)
{
  return enough_lock_test_find_dialog (heading) != NULL;
}

gboolean
enough_lock_test_app_unlocked (gpointer app)
{
  return !enough_application_is_locked (app);
}

gboolean
enough_lock_test_store_plain (gpointer app)
{
  EnoughStore *store = enough_application_get_store (app);

  return store != NULL && !enough_store_get_encrypted (store);
}
