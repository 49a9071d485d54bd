/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include <stdlib.h>
#include <time.h>

#include "enough-dates.h"

/* The lists' dates, in a fixed time zone so "yesterday" has edges. */

static gint64
local_usec (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static void
test_format_day (void)
{
  gint64 now = local_usec (2026, 3, 2, 0, 30);  /* just after midnight */
  g_autofree char *today = enough_dates_format_day (local_usec (2026, 3, 2, 0, 0), now);
  g_autofree char *yesterday_late = enough_dates_format_day (local_usec (2026, 3, 1, 23, 59), now);
  g_autofree char *yesterday_early = enough_dates_format_day (local_usec (2026, 3, 1, 0, 0), now);
  g_autofree char *before = enough_dates_format_day (local_usec (2026, 2, 28, 23, 59), now);
  g_autofree char *last_year = enough_dates_format_day (local_usec (2025, 3, 2, 12, 0), now);
  g_autofree char *none = enough_dates_format_day (0, now);

  g_assert_cmpstr (today, ==, "Today");
  g_assert_cmpstr (yesterday_late, ==, "Yesterday");
  g_assert_cmpstr (yesterday_early, ==, "Yesterday");
  /* C locale's %x */
  g_assert_cmpstr (before, ==, "02/28/26");
  /* Same day of the year, another year: not "Today". */
  g_assert_cmpstr (last_year, ==, "03/02/25");
  g_assert_cmpstr (none, ==, "");
}

static void
test_format_day_new_year (void)
{
  gint64 now = local_usec (2027, 1, 1, 8, 0);
  g_autofree char *new_years_eve = enough_dates_format_day (local_usec (2026, 12, 31, 22, 0), now);

  g_assert_cmpstr (new_years_eve, ==, "Yesterday");
}

int
main (int   argc,
      char *argv[])
{
  /* Central European Time: a real zone with daylight saving. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dates/format-day", test_format_day);
  g_test_add_func ("/dates/format-day/new-year", test_format_day_new_year);

  return g_test_run ();
}
