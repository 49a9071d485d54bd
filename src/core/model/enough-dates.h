/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates and times for people to read, in local time: never padded with
 * spaces ("today at  3:29 PM"), never all numbers ("12/02/26" reads two
 * ways): "2 Dec 2026", "2. Dez. 2026", "2026年12月2日" — each language's
 * pattern is a translation, the month names are the locale's (LC_TIME). */
typedef enum
{
  ENOUGH_CLOCK_FORMAT_LOCALE,  /* the locale's own (its LC_TIME time format) */
  ENOUGH_CLOCK_FORMAT_12H,
  ENOUGH_CLOCK_FORMAT_24H,
} EnoughClockFormat;

/* "Today", "Yesterday", or the date; "" for no date. */
char *enough_dates_format_day       (gint64 usec,
                                     gint64 now_usec);
/* The date, "" for no date (@usec 0). */
char *enough_dates_format_date      (gint64 usec);
char *enough_dates_format_local_date (GDateTime *local);
/* "15:29" or "3:29 PM" as @clock says (LOCALE: as the locale's time format
 * does). */
char *enough_dates_format_time      (GDateTime         *local,
                                     EnoughClockFormat  clock);
/* "2 Dec 2026, 15:29" with enough_dates_get_clock_format(); "" for no date. */
char *enough_dates_format_date_time (gint64 usec);
/* The desktop's org.gnome.desktop.interface clock-format when that schema
 * is installed, else the locale's (read each time: the user may change it). */
EnoughClockFormat enough_dates_get_clock_format (void);

/* ISO 8601 UTC, "2026-03-01T09:30:00Z" or "…:00.123456Z" (what the JSON
 * export holds), and back (any zone accepted; FALSE if malformed or
 * outside the years 1970–9999). */
#define ENOUGH_DATES_TIMESTAMP_SIZE 40
void     enough_dates_format_timestamp_into (gint64      usec,
                                             char        buf[ENOUGH_DATES_TIMESTAMP_SIZE]);
char    *enough_dates_format_timestamp      (gint64      usec);
gboolean enough_dates_parse_timestamp       (const char *text,
                                             gint64     *out_usec);

/* A date as typed on the command line: "YYYY-MM-DD" (the start of that
 * day in the local time zone; with @end_of_day, the start of the next
 * day) or a full ISO 8601 date and time with a zone. G_IO_ERROR_INVALID_ARGUMENT
 * otherwise. */
gboolean enough_dates_parse_day             (const char *text,
                                             gboolean    end_of_day,
                                             gint64     *out_usec,
                                             GError    **error);

G_END_DECLS
