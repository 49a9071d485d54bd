/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include <string.h>

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
  /* Never all numbers (C.UTF-8's %x gave "02/28/26"). */
  g_assert_cmpstr (before, ==, "28 Feb 2026");
  /* Same day of the year, another year: not "Today". */
  g_assert_cmpstr (last_year, ==, "2 Mar 2025");
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

/* ---- Dates and times in several languages ------------------------------- */

typedef struct
{
  const char *locale;
  const char *language;
  const char *date;        /* 2 Dec 2026 */
  const char *time_12h;    /* 9:05 in the morning */
  const char *time_24h;
  const char *time_locale; /* 15:29, as the locale's own clock says */
  const char *date_time_24h;
} LocaleCase;

static const LocaleCase locale_cases[] = {
  { "C.UTF-8", "C", "2 Dec 2026", "9:05 AM", "09:05", "15:29", "2 Dec 2026, 15:29" },
  { "en_US.UTF-8", "en", "2 Dec 2026", "9:05 AM", "09:05", "3:29 PM", "2 Dec 2026, 15:29" },
  { "de_DE.UTF-8", "de", "2. Dez 2026", "9:05 ", "09:05", "15:29", "2. Dez 2026, 15:29" },
  { "ja_JP.UTF-8", "ja", "2026年12月2日", "午前9:05", "09:05", "15:29", "2026年12月2日 15:29" },
};

static void
use_locale (const char *locale,
            const char *language)
{
  /* LANGUAGE first: setlocale() is what makes gettext look again. */
  g_setenv ("LANGUAGE", language, TRUE);
  if (setlocale (LC_ALL, locale) == NULL)
    g_error ("The locale %s is missing (build-aux/setup.sh installs locales-all)", locale);
}

static void
test_locales (void)
{
  g_autoptr(GDateTime) afternoon = g_date_time_new_local (2026, 12, 2, 15, 29, 0);
  g_autoptr(GDateTime) morning = g_date_time_new_local (2026, 12, 2, 9, 5, 0);
  gint64 usec = g_date_time_to_unix (afternoon) * G_USEC_PER_SEC;
  const char *build_dir = g_getenv ("ENOUGH_BUILD_DIR");
  g_autofree char *localedir = g_build_filename (build_dir != NULL ? build_dir : ".", "po", NULL);

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (guint i = 0; i < G_N_ELEMENTS (locale_cases); i++)
    {
      const LocaleCase *c = &locale_cases[i];
      g_autofree char *date = NULL;
      g_autofree char *time_12h = NULL;
      g_autofree char *time_24h = NULL;
      g_autofree char *time_locale = NULL;

      g_test_message ("%s", c->locale);
      use_locale (c->locale, c->language);
      date = enough_dates_format_date (usec);
      time_12h = enough_dates_format_time (morning, ENOUGH_CLOCK_FORMAT_12H);
      time_24h = enough_dates_format_time (morning, ENOUGH_CLOCK_FORMAT_24H);
      time_locale = enough_dates_format_time (afternoon, ENOUGH_CLOCK_FORMAT_LOCALE);

      g_assert_cmpstr (date, ==, c->date);
      /* German has no AM/PM: what the locale gives, but never a padded hour. */
      if (g_str_equal (c->language, "de"))
        g_assert_true (g_str_has_prefix (time_12h, "9:05"));
      else
        g_assert_cmpstr (time_12h, ==, c->time_12h);
      g_assert_cmpstr (time_24h, ==, c->time_24h);
      g_assert_cmpstr (time_locale, ==, c->time_locale);
      /* The "today at  3:29 PM": no padding space, anywhere. */
      g_assert_null (strstr (date, "  "));
      g_assert_false (g_ascii_isspace (time_12h[0]));
      g_assert_false (g_ascii_isspace (time_locale[0]));
    }

  use_locale ("C.UTF-8", "C");
}

/* The desktop's 12/24-hour setting wins over the locale, when installed. */
static void
test_clock_setting (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GDateTime) afternoon = g_date_time_new_local (2026, 12, 2, 15, 29, 0);
  gint64 usec = g_date_time_to_unix (afternoon) * G_USEC_PER_SEC;
  g_autofree char *twelve = NULL;
  g_autofree char *twenty_four = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL)
    {
      /* Then the locale's clock is used (tested above). */
      g_assert_cmpint (enough_dates_get_clock_format (), ==, ENOUGH_CLOCK_FORMAT_LOCALE);
      g_test_skip ("org.gnome.desktop.interface is not installed");
      return;
    }

  g_assert_cmpstr (g_getenv ("GSETTINGS_BACKEND"), ==, "memory");
  use_locale ("C.UTF-8", "C");
  settings = g_settings_new ("org.gnome.desktop.interface");
  g_settings_set_string (settings, "clock-format", "12h");
  g_assert_cmpint (enough_dates_get_clock_format (), ==, ENOUGH_CLOCK_FORMAT_12H);
  twelve = enough_dates_format_date_time (usec);
  g_assert_cmpstr (twelve, ==, "2 Dec 2026, 3:29 PM");

  use_locale ("en_US.UTF-8", "en");
  g_settings_set_string (settings, "clock-format", "24h");
  g_assert_cmpint (enough_dates_get_clock_format (), ==, ENOUGH_CLOCK_FORMAT_24H);
  twenty_four = enough_dates_format_date_time (usec);
  g_assert_cmpstr (twenty_four, ==, "2 Dec 2026, 15:29");
  use_locale ("C.UTF-8", "C");
}

/* The local zone is read once, not for each date; a changed TZ still
 * shows at once. */
static void
test_zone_change (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  /* 20:30 in Berlin on 1 December 2026 is 4:30 on the 2nd in Tokyo. */
  gint64 usec = (gint64) 1796153400 * G_USEC_PER_SEC;
  g_autofree char *berlin_day = NULL;
  g_autofree char *tokyo_day = NULL;

  if (tokyo == NULL)
    {
      g_test_skip ("no time zone data");
      return;
    }
  berlin_day = enough_dates_format_date (usec);
  g_assert_cmpstr (berlin_day, ==, "1 Dec 2026");

  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  tzset ();
  tokyo_day = enough_dates_format_date (usec);
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();
  g_assert_cmpstr (tokyo_day, ==, "2 Dec 2026");
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
  g_test_add_func ("/dates/locales", test_locales);
  g_test_add_func ("/dates/clock-setting", test_clock_setting);
  g_test_add_func ("/dates/zone-change", test_zone_change);

  return g_test_run ();
}
