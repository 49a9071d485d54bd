/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_SELF_CHECK_ROW (enough_self_check_row_get_type ())

G_DECLARE_FINAL_TYPE (EnoughSelfCheckRow, enough_self_check_row, ENOUGH, SELF_CHECK_ROW, GtkWidget)

/* A completed check in the history list: its date and its two dimensions. */
GtkWidget       *enough_self_check_row_new       (void);
EnoughSelfCheck *enough_self_check_row_get_check (EnoughSelfCheckRow *self);
void             enough_self_check_row_set_check (EnoughSelfCheckRow *self,
                                                  EnoughSelfCheck    *check);
const char      *enough_self_check_row_get_title (EnoughSelfCheckRow *self);

/* "Today", "Yesterday" or the date in the user's locale, for a time in
 * usec UTC; @now_usec is the reference "now" (g_get_real_time () or the
 * store's clock). */

G_END_DECLS
