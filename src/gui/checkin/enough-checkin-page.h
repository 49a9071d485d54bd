/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-page.h"
#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_CHECKIN_PAGE (enough_checkin_page_get_type ())

G_DECLARE_FINAL_TYPE (EnoughCheckinPage, enough_checkin_page, ENOUGH, CHECKIN_PAGE, GtkWidget)

/* The daily Check-in: today's card (mood, energy, daylight, morning
 * outside, a note), the past days, the chart, what is noticed together
 * and the reflection. A check-in is made when a first value is given. */
void           enough_checkin_page_set_store      (EnoughCheckinPage *self,
                                                   EnoughStore       *store);
/* Opens today's card with the focus on mood. */
void           enough_checkin_page_open_today     (EnoughCheckinPage *self);
/* Opens the card of @day ("YYYY-MM-DD"). */
void           enough_checkin_page_open_day       (EnoughCheckinPage *self,
                                                   const char        *day);
/* The open day and its check-in (NULL until a value is given). */
const char    *enough_checkin_page_get_day        (EnoughCheckinPage *self);
EnoughCheckin *enough_checkin_page_get_checkin    (EnoughCheckinPage *self);
/* TRUE while the days of the chart and the means are read (on a thread,
 * after the page is shown or the check-ins change). */
gboolean       enough_checkin_page_get_loading    (EnoughCheckinPage *self);
GtkWidget     *enough_checkin_page_get_mood_scale (EnoughCheckinPage *self);
GtkListView   *enough_checkin_page_get_list_view  (EnoughCheckinPage *self);
/* The chart's text summary, and the two "noticed together" lines. */
const char    *enough_checkin_page_get_summary    (EnoughCheckinPage *self);
const char    *enough_checkin_page_get_noticed    (EnoughCheckinPage *self,
                                                   EnoughCheckinSplit split);
/* 14, 91 or 365 */
void           enough_checkin_page_set_range      (EnoughCheckinPage *self,
                                                   guint              n_days);

G_END_DECLS
