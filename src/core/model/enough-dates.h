/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *enough_dates_format_day  (gint64 usec,
                                gint64 now_usec);
char *enough_dates_format_date (gint64 usec);

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
