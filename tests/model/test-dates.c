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

/* The export's timestamps (moved here with the code, from test-export.c) */
static void
test_timestamps (void)
{
  gint64 usec = 0;

  g_assert_true (enough_dates_parse_timestamp ("1970-01-01T00:00:00.000001Z", &usec));
  g_assert_cmpint (usec, ==, 1);
  g_assert_true (enough_dates_parse_timestamp ("2024-02-29T23:59:59.5Z", &usec));
  {
    g_autofree char *back = enough_dates_format_timestamp (usec);
    g_assert_cmpstr (back, ==, "2024-02-29T23:59:59.500000Z");
  }
  g_assert_false (enough_dates_parse_timestamp ("2023-02-29T00:00:00Z", &usec));
  g_assert_false (enough_dates_parse_timestamp ("2023-01-01T00:00:00", &usec));
  g_assert_false (enough_dates_parse_timestamp ("2023-01-01 00:00:00Z", &usec));
  g_assert_false (enough_dates_parse_timestamp ("1969-12-31T23:59:59Z", &usec));
  g_assert_false (enough_dates_parse_timestamp ("2023-01-01T24:00:00Z", &usec));
  g_assert_false (enough_dates_parse_timestamp ("2023-01-01T00:00:00.1234567Z", &usec));
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
  g_test_add_func ("/dates/timestamps", test_timestamps);

  return g_test_run ();
}
