/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
/* Data safety in the window: the export's file name follows its format
 * (the Export dialog asks before replacing a file the chooser did not ask
 * about: tests/export); nothing shows a letter at another process's request
 * while the journal is locked. */
#include "config.h"

#include <adwaita.h>

#include "enough-gui-test-utils.h"
#include "enough-export-dialog.h"
#include "enough-test-utils.h"

typedef EnoughTestFixture Fixture;

/* ---- export name ------------------------------------------------------------ */

static void
test_export_name_follows_format (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const struct
  {
    const char         *name;
    EnoughExportFormat  format;
    const char         *expected;
  } cases[] = {
    { "enough-journal-2026-01-01.json", ENOUGH_EXPORT_MARKDOWN, "enough-journal-2026-01-01.md" },
    { "enough-journal-2026-01-01.md", ENOUGH_EXPORT_JSON, "enough-journal-2026-01-01.json" },
    { "notes.JSON", ENOUGH_EXPORT_JSON, "notes.json" },
    { "notes", ENOUGH_EXPORT_MARKDOWN, "notes.md" },
    { "notes.txt", ENOUGH_EXPORT_JSON, "notes.txt.json" },
    { "notes.md", ENOUGH_EXPORT_PDF, "notes.pdf" },
    { "notes.Pdf", ENOUGH_EXPORT_PDF, "notes.pdf" },
    { "notes.markdown", ENOUGH_EXPORT_MARKDOWN, "notes.markdown" },
    { "notes.pdf", ENOUGH_EXPORT_JSON, "notes.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = enough_export_dialog_name_for_format (cases[i].name, cases[i].format);
      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

/* ---- locked ----------------------------------------------------------------- */

static void
open_letter_while_locked (EnoughTestApp *test)
{
  EnoughStore *store = enough_application_get_store (test->app);
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (store);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = GTK_WINDOW (test->window);
  const char *uuid = enough_record_get_uuid (ENOUGH_RECORD (letter));
  guint n_windows;

  enough_letter_set_text (letter, "a private letter");
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  adw_view_stack_set_visible_child_name (enough_window_get_stack (test->window), "critic");

  g_assert_false (enough_application_is_locked (test->app));
  _enough_application_set_locked_for_tests (test->app, TRUE);
  g_assert_true (enough_application_is_locked (test->app));

  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (test->app)));
  g_action_group_activate_action (G_ACTION_GROUP (test->app), "open-letter", g_variant_new_string (uuid));
  g_action_group_activate_action (G_ACTION_GROUP (test->app), "edit-letter", g_variant_new_string (uuid));
  /* What a D-Bus Activate runs (the class handler: emitting the signal
   * would run this test body again). */
  G_APPLICATION_GET_CLASS (test->app)->activate (G_APPLICATION (test->app));
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "critic");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (test->app))), ==, n_windows);

  /* The same request once unlocked does show it (so the above can fail). */
  _enough_application_set_locked_for_tests (test->app, FALSE);
  g_action_group_activate_action (G_ACTION_GROUP (test->app), "open-letter", g_variant_new_string (uuid));
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "letters");
  (void) window;
}

static void
test_locked_shows_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  enough_test_run_app (open_letter_while_locked, NULL);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, enough_test_fixture_setup, func, enough_test_fixture_teardown)

  ADD ("/safety-window/export/name-follows-format", test_export_name_follows_format);
  ADD ("/safety-window/locked/shows-nothing", test_locked_shows_nothing);

#undef ADD

  return g_test_run ();
}
