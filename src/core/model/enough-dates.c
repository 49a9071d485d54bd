/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <langinfo.h>
#include <string.h>

#include "enough-dates.h"

/* Dates as the lists show them: in local time, in the locale's own format. */

/* The local zone, kept for a minute (or until TZ changes): GLib 2.74's
 * g_time_zone_new_local () reads the zone file on every call when TZ is
 * unset (some 20 µs), and a list formats hundreds of dates at once. */
static GTimeZone *
local_zone (void)
{
  static GMutex lock;
  static GTimeZone *zone;
  static char *zone_tz;
  static gint64 read_at;
  const char *tz = g_getenv ("TZ");
  gint64 now = g_get_monotonic_time ();
  GTimeZone *result;

  g_mutex_lock (&lock);
  if (zone == NULL || now - read_at > 60 * G_USEC_PER_SEC || g_strcmp0 (tz, zone_tz) != 0)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      g_free (zone_tz);
      zone = g_time_zone_new_local ();
      zone_tz = g_strdup (tz);
      read_at = now;
    }
  result = g_time_zone_ref (zone);
  g_mutex_unlock (&lock);

  return result;
}

static GDateTime *
local_from_usec (gint64 usec)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (usec <= 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (utc == NULL)
    return NULL;
  zone = local_zone ();
  return g_date_time_to_timezone (utc, zone);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* "Today", "Yesterday", or the date; "" for no date. */
char *
enough_dates_format_day (gint64 usec,
                         gint64 now_usec)
{
  g_autoptr(GDateTime) day = local_from_usec (usec);
  g_autoptr(GDateTime) now = local_from_usec (now_usec);
  g_autoptr(GDateTime) yesterday = NULL;

  if (day == NULL || now == NULL)
    return enough_dates_format_date (usec);

  if (same_day (day, now))
    return g_strdup (_("Today"));

  yesterday = g_date_time_add_days (now, -1);
  if (same_day (day, yesterday))
    return g_strdup (_("Yesterday"));

  return enough_dates_format_date (usec);
}

char *
enough_dates_format_local_date (GDateTime *local)
{
  g_return_val_if_fail (local != NULL, NULL);

  /* Translators: a date as lists and exports show it, in
   * g_date_time_format() codes: day, month's short name, year, never all
   * in numbers (12/02/26 reads two ways). "%-d" is the day without
   * padding; e.g. "%-d. %b %Y" (German), "%Y年%-m月%-d日" (Japanese). */
  return g_date_time_format (local, C_("date format", "%-d %b %Y"));
}

char *
enough_dates_format_date (gint64 usec)
{
  g_autoptr(GDateTime) date = local_from_usec (usec);

  return date != NULL ? enough_dates_format_local_date (date) : g_strdup ("");
}

/* Whether the locale's own time format (LC_TIME) counts hours to 12. */
static gboolean
locale_uses_12h (void)
{
  const char *format = nl_langinfo (T_FMT);

  return format != NULL &&
         (strstr (format, "%I") != NULL || strstr (format, "%l") != NULL ||
          strstr (format, "%r") != NULL || strstr (format, "%p") != NULL);
}

char *
enough_dates_format_time (GDateTime         *local,
                          EnoughClockFormat  clock)
{
  g_return_val_if_fail (local != NULL, NULL);

  if (clock == ENOUGH_CLOCK_FORMAT_LOCALE)
    clock = locale_uses_12h () ? ENOUGH_CLOCK_FORMAT_12H : ENOUGH_CLOCK_FORMAT_24H;

  if (clock == ENOUGH_CLOCK_FORMAT_12H)
    /* Translators: a time of day on the 12-hour clock, in
     * g_date_time_format() codes; "%-l" is the hour without padding (never
     * "%l", which pads with a space), "%p" AM/PM; e.g. "%p%-l:%M" (Japanese). */
    return g_date_time_format (local, C_("time format", "%-l:%M %p"));

  /* Translators: a time of day on the 24-hour clock, in g_date_time_format() codes */
  return g_date_time_format (local, C_("time format", "%H:%M"));
}

EnoughClockFormat
enough_dates_get_clock_format (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *value = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "clock-format"))
    return ENOUGH_CLOCK_FORMAT_LOCALE;

  settings = g_settings_new_full (schema, NULL, NULL);
  value = g_settings_get_string (settings, "clock-format");
  if (g_strcmp0 (value, "12h") == 0)
    return ENOUGH_CLOCK_FORMAT_12H;
  if (g_strcmp0 (value, "24h") == 0)
    return ENOUGH_CLOCK_FORMAT_24H;
  return ENOUGH_CLOCK_FORMAT_LOCALE;
}

char *
enough_dates_format_date_time (gint64 usec)
{
  g_autoptr(GDateTime) local = local_from_usec (usec);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (local == NULL)
    return g_strdup ("");

  date = enough_dates_format_local_date (local);
  time = enough_dates_format_time (local, enough_dates_get_clock_format ());
  /* Translators: a date and a time of day, e.g. "2 Dec 2026, 15:29" */
  return g_strdup_printf (C_("date and time", "%1$s, %2$s"), date, time);
}

/* ---- Timestamps -----------------------------------------------------------
 * Plain arithmetic, no time zone database (a million of them in a big
 * export). Days from the civil date, after H. Hinnant. */

static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 gint64 *y,
                 guint  *m,
                 guint  *d)
{
  gint64 era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (guint) (doy - (153 * mp + 2) / 5 + 1);
  *m = (guint) (mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

#define USEC_PER_DAY (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
/* 1970-01-01 … 9999-12-31T23:59:59.999999Z */
#define MAX_TIMESTAMP (G_GINT64_CONSTANT (253402300799999999))

void
enough_dates_format_timestamp_into (gint64 usec,
                                    char   buf[ENOUGH_DATES_TIMESTAMP_SIZE])
{
  gint64 days, rem, y;
  guint m, d, frac;

  usec = CLAMP (usec, 0, MAX_TIMESTAMP);
  days = usec / USEC_PER_DAY;
  rem = usec % USEC_PER_DAY;
  civil_from_days (days, &y, &m, &d);
  frac = (guint) (rem % G_USEC_PER_SEC);
  rem /= G_USEC_PER_SEC;
  if (frac != 0)
    g_snprintf (buf, ENOUGH_DATES_TIMESTAMP_SIZE, "%04d-%02u-%02uT%02d:%02d:%02d.%06uZ", (int) y, m, d,
                (int) (rem / 3600), (int) (rem / 60 % 60), (int) (rem % 60), frac);
  else
    g_snprintf (buf, ENOUGH_DATES_TIMESTAMP_SIZE, "%04d-%02u-%02uT%02d:%02d:%02dZ", (int) y, m, d,
                (int) (rem / 3600), (int) (rem / 60 % 60), (int) (rem % 60));
}

char *
enough_dates_format_timestamp (gint64 usec)
{
  char buf[ENOUGH_DATES_TIMESTAMP_SIZE];

  enough_dates_format_timestamp_into (usec, buf);
  return g_strdup (buf);
}

static gboolean
digits (const char *s,
        guint       n,
        guint      *out)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (guint) (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

static guint
days_in_month (guint y,
               guint m)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return days[m - 1];
}

gboolean
enough_dates_parse_timestamp (const char *text,
                              gint64     *out_usec)
{
  guint y, mo, d, h, mi, s, frac = 0;
  const char *p;
  gint64 usec;
  int offset_min = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  /* YYYY-MM-DDTHH:MM:SS[.f{1,6}](Z|±HH:MM), nothing else: strict, so a
   * round trip is exact and odd input is refused rather than guessed. */
  if (strlen (text) < 20 ||
      !digits (text, 4, &y) || text[4] != '-' || !digits (text + 5, 2, &mo) ||
      text[7] != '-' || !digits (text + 8, 2, &d) || (text[10] != 'T' && text[10] != 't') ||
      !digits (text + 11, 2, &h) || text[13] != ':' || !digits (text + 14, 2, &mi) ||
      text[16] != ':' || !digits (text + 17, 2, &s))
    return FALSE;
  p = text + 19;
  if (*p == '.')
    {
      guint n = 0;

      p++;
      while (g_ascii_isdigit (p[n]))
        n++;
      if (n == 0 || n > 6 || !digits (p, n, &frac))
        return FALSE;
      for (guint i = n; i < 6; i++)
        frac *= 10;
      p += n;
    }
  if ((*p == 'Z' || *p == 'z') && p[1] == '\0')
    offset_min = 0;
  else if ((*p == '+' || *p == '-') && strlen (p) == 6 && p[3] == ':')
    {
      guint oh, om;

      if (!digits (p + 1, 2, &oh) || !digits (p + 4, 2, &om) || oh > 23 || om > 59)
        return FALSE;
      offset_min = (int) (oh * 60 + om) * (*p == '-' ? -1 : 1);
    }
  else
    return FALSE;

  if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > days_in_month (y, mo) ||
      h > 23 || mi > 59 || s > 59)
    return FALSE;

  usec = days_from_civil (y, mo, d) * USEC_PER_DAY +
         ((gint64) h * 3600 + mi * 60 + s - (gint64) offset_min * 60) * G_USEC_PER_SEC + frac;
  if (usec < 0 || usec > MAX_TIMESTAMP)
    return FALSE;
  *out_usec = usec;
  return TRUE;
}

gboolean
enough_dates_parse_day (const char  *text,
                        gboolean     end_of_day,
                        gint64      *out_usec,
                        GError     **error)
{
  guint y, m, d;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) == 10 && digits (text, 4, &y) && text[4] == '-' &&
      digits (text + 5, 2, &m) && text[7] == '-' && digits (text + 8, 2, &d) &&
      y >= 1970 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month (y, m))
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      g_autoptr(GDateTime) day = g_date_time_new (tz, (int) y, (int) m, (int) d, 0, 0, 0);
      g_autoptr(GDateTime) next = NULL;

      if (day != NULL && end_of_day)
        next = g_date_time_add_days (day, 1);
      if (day != NULL)
        {
          /* The day after 9999-12-31 is past GDateTime's range: its end
           * is then 24 hours on (no time change on that day to mind). */
          *out_usec = (end_of_day && next == NULL
                       ? g_date_time_to_unix (day) + 24 * 60 * 60
                       : g_date_time_to_unix (end_of_day ? next : day)) * G_USEC_PER_SEC;
          return TRUE;
        }
    }
  else if (enough_dates_parse_timestamp (text, out_usec))
    {
      return TRUE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               /* Translators: %s is what the user typed after --from or --to */
               _("“%s” is not a date; write it like 2026-03-01"), text);
  return FALSE;
}
