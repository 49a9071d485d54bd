/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

#include "enough-checkin-stats.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_CHECKIN_CHART (enough_checkin_chart_get_type ())

G_DECLARE_FINAL_TYPE (EnoughCheckinChart, enough_checkin_chart, ENOUGH, CHECKIN_CHART, GtkWidget)

/* Mood and energy (0–10) as lines over @n_days days from @first_day (a
 * Julian day number), with the daylight hours as bars beneath. Days
 * without a check-in are gaps: a line never crosses one. @days (of
 * EnoughCheckinDay, oldest first) is copied. */
GtkWidget *enough_checkin_chart_new      (void);
void       enough_checkin_chart_set_days (EnoughCheckinChart     *self,
                                          const EnoughCheckinDay *days,
                                          guint                   n,
                                          guint32                 first_day,
                                          guint                   n_days);

G_END_DECLS
