/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One day's check-in values, as the charts and the group means read them:
 * day is a GDate Julian day number; the values are -1 when not given. */
typedef struct
{
  guint32 day;
  gint8   mood;
  gint8   energy;
  gint8   daylight;         /* half hours, 0..32 */
  gint8   morning_outside;  /* 1 yes, 0 no */
} EnoughCheckinDay;

/* How the days are split in two. */
typedef enum
{
  ENOUGH_CHECKIN_SPLIT_MORNING,   /* outside in the morning vs indoors */
  ENOUGH_CHECKIN_SPLIT_DAYLIGHT,  /* 2 h or more in daylight vs less */
} EnoughCheckinSplit;

/* Daylight from which a day counts as "2 hours or more", in half hours. */
#define ENOUGH_CHECKIN_DAYLIGHT_SPLIT 4
/* The group means are shown only when each group has this many days. */
#define ENOUGH_CHECKIN_MIN_GROUP_DAYS 3

typedef struct
{
  guint  n_days;       /* days in the group with a mood or an energy */
  guint  n_mood;
  double mean_mood;    /* NAN when n_mood is 0 */
  guint  n_energy;
  double mean_energy;  /* NAN when n_energy is 0 */
} EnoughCheckinGroup;

/* Splits @days by @split into @out[0] (outside / 2 h or more) and @out[1]
 * (indoors / less); days without the splitting value are left out. TRUE
 * when both groups have at least ENOUGH_CHECKIN_MIN_GROUP_DAYS days, i.e.
 * when the comparison may be shown. */
gboolean enough_checkin_compare (const EnoughCheckinDay *days,
                                 guint                   n_days,
                                 EnoughCheckinSplit      split,
                                 EnoughCheckinGroup      out[2]);

/* The Julian day number of "YYYY-MM-DD", 0 if it is not a valid day. */
guint32  enough_checkin_day_number (const char *day);

G_END_DECLS
