/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_SELF_CHECK_PAGE (enough_self_check_page_get_type ())

G_DECLARE_FINAL_TYPE (EnoughSelfCheckPage, enough_self_check_page, ENOUGH, SELF_CHECK_PAGE, GtkWidget)

EnoughStore *enough_self_check_page_get_store (EnoughSelfCheckPage *self);
void         enough_self_check_page_set_store (EnoughSelfCheckPage *self,
                                               EnoughStore         *store);

G_END_DECLS
