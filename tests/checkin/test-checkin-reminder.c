/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
/* The daily check-in reminder's time, and the autostart entry that lets
 * it fire while Enough is closed: written when turned on, removed when
 * turned off (the XDG config folder is a test folder of its own). */
#include <glib/gstdio.h>
#include <string.h>

#include "enough-autostart.h"
#include "enough-reminders.h"
#include "enough-test-utils.h"

static void
test_autostart_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = enough_autostart_dup_path ();
  g_autofree char *expected = g_build_filename (g_get_user_config_dir (), "autostart",
                                                "io.github.enoughjournal.Enough.desktop", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();

  if (enough_autostart_in_flatpak ())
    {
      g_test_skip ("inside a Flatpak the portal is asked instead");
      return;
    }
  g_assert_cmpstr (path, ==, expected);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Off when there is nothing: fine. */
  g_assert_true (enough_autostart_set (FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (enough_autostart_set (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  contents = g_key_file_get_string (keys, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "enough --background");
  g_clear_pointer (&contents, g_free);
  contents = g_key_file_get_value (keys, "Desktop Entry", "Type", NULL);
  g_assert_cmpstr (contents, ==, "Application");

  /* On twice: still one file. */
  g_assert_true (enough_autostart_set (TRUE, &error));
  g_assert_no_error (error);

  g_assert_true (enough_autostart_set (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_reminder_time (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 3, 10, 8, 15, 0);
  g_autoptr(GDateTime) at = g_date_time_new (tz, 2026, 3, 10, 20, 30, 0);
  gint64 now_usec = g_date_time_to_unix (now) * G_USEC_PER_SEC;

  /* Today at the chosen local time, earlier or later than now. */
  g_assert_cmpint (enough_reminders_compute_checkin_at (20 * 60 + 30, now_usec, tz), ==,
                   g_date_time_to_unix (at) * G_USEC_PER_SEC);
  g_assert_cmpint (enough_reminders_compute_checkin_at (0, now_usec, tz), <, now_usec);
  /* Off, or not a time of day. */
  g_assert_cmpint (enough_reminders_compute_checkin_at (-1, now_usec, tz), ==, 0);
  g_assert_cmpint (enough_reminders_compute_checkin_at (24 * 60, now_usec, tz), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* A config folder of its own, so the autostart file never lands in the
   * real one (set before GLib reads it; G_TEST_OPTION_ISOLATE_DIRS would
   * too, but keeps its folders for the life of the process, which
   * LeakSanitizer reports). */
  g_autofree char *config = enough_test_make_data_dir ();
  int status;

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checkin-reminder/autostart-file", test_autostart_file);
  g_test_add_func ("/checkin-reminder/time", test_reminder_time);

  status = g_test_run ();
  enough_test_remove_data_dir (config);
  return status;
}
