/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>

#include "enough-gui-test-utils.h"
#include "enough-test-utils.h"
#include "enough-welcome-window.h"

/* The first launch's welcome: shown once, says what Enough is and where
 * help is, the helpline directory as text to copy. */

static void
first_launch (EnoughTestApp *test)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *welcome = enough_test_find_window_of_type (ENOUGH_TYPE_WELCOME_WINDOW);
  GtkWidget *helpline;
  GtkWidget *start;

  g_assert_nonnull (welcome);
  /* The app's icon is found uninstalled too (About, this welcome): it is
   * in the resources' icon path, not only in an installed hicolor theme. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (welcome))),
                                          "io.github.enoughjournal.Enough"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (welcome)));
  g_assert_true (gtk_window_get_transient_for (welcome) == GTK_WINDOW (test->window));
  g_assert_true (g_settings_get_boolean (settings, "welcome-shown"));

  g_assert_nonnull (enough_test_find_descendant (GTK_WIDGET (welcome), GTK_TYPE_LABEL,
                                                 "What you write stays on this computer. Enough works offline and never sends your words anywhere."));
  g_assert_nonnull (enough_test_find_descendant (GTK_WIDGET (welcome), GTK_TYPE_LABEL,
                                                 "Enough supports you in everyday moments; it does not replace professional help. If you are struggling, please reach out to a doctor, a therapist or someone you trust."));
  helpline = enough_test_find_descendant (GTK_WIDGET (welcome), GTK_TYPE_LABEL, "findahelpline.com");
  g_assert_nonnull (helpline);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (helpline)));

  /* Dismissed with Start Writing (the default button, focused). */
  start = enough_test_find_descendant (GTK_WIDGET (welcome), GTK_TYPE_BUTTON, "_Start Writing");
  g_assert_nonnull (start);
  g_assert_true (gtk_window_get_focus (welcome) == start);
  g_signal_emit_by_name (start, "clicked");
  enough_test_drain_main_context ();
  g_assert_null (enough_test_find_window_of_type (ENOUGH_TYPE_WELCOME_WINDOW));
}

static void
second_launch (EnoughTestApp *test)
{
  g_assert_null (enough_test_find_window_of_type (ENOUGH_TYPE_WELCOME_WINDOW));
}

static void
test_once (EnoughTestFixture *fixture,
           gconstpointer      data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "welcome-shown", FALSE);
  enough_test_run_app (first_launch, NULL);
  enough_test_run_app (second_launch, NULL);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

  g_test_add ("/welcome/once", EnoughTestFixture, NULL,
              enough_test_fixture_setup, test_once, enough_test_fixture_teardown);

  return g_test_run ();
}
