/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-page.h"
#include "enough-self-check-chart.h"
#include "enough-self-check-question.h"
#include "enough-self-check-results.h"
#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_SELF_CHECK_PAGE (enough_self_check_page_get_type ())

G_DECLARE_FINAL_TYPE (EnoughSelfCheckPage, enough_self_check_page, ENOUGH, SELF_CHECK_PAGE, GtkWidget)

/* The Self-Check page, an EnoughPage: its search results are checks (their
 * notes). */
EnoughStore *enough_self_check_page_get_store (EnoughSelfCheckPage *self);
void         enough_self_check_page_set_store (EnoughSelfCheckPage *self,
                                               EnoughStore         *store);

/* Opens a completed check's results (as choosing it in the list does). */
void         enough_self_check_page_show_check (EnoughSelfCheckPage *self,
                                                EnoughSelfCheck     *check);

/* For tests and screenshots: the parts of the page, and which view the
 * content shows ("empty", "question", "results" or "history"). */
const char              *enough_self_check_page_get_view     (EnoughSelfCheckPage *self);
EnoughSelfCheckQuestion *enough_self_check_page_get_question (EnoughSelfCheckPage *self);
EnoughSelfCheckResults  *enough_self_check_page_get_results  (EnoughSelfCheckPage *self);
EnoughSelfCheckChart    *enough_self_check_page_get_chart    (EnoughSelfCheckPage *self);
/* The completed checks, newest first (what the list and the chart show). */
GListModel              *enough_self_check_page_get_history  (EnoughSelfCheckPage *self);
GtkSingleSelection      *enough_self_check_page_get_selection (EnoughSelfCheckPage *self);

G_END_DECLS
