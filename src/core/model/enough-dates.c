/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-dates.h"

/* Dates as the lists show them: in local time, in the locale's own format. */

static GDateTime *
local_from_usec (gint64 usec)
{
  return usec > 0 ? g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC) : NULL;
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

/* The date in the locale's format (%x), "" for no date. */
char *
enough_dates_format_date (gint64 usec)
{
  g_autoptr(GDateTime) date = local_from_usec (usec);

  return date != NULL ? g_date_time_format (date, "%x") : g_strdup ("");
}
