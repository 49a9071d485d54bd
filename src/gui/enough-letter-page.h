/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_LETTER_PAGE (enough_letter_page_get_type ())

G_DECLARE_FINAL_TYPE (EnoughLetterPage, enough_letter_page, ENOUGH, LETTER_PAGE, GtkWidget)

EnoughStore *enough_letter_page_get_store (EnoughLetterPage *self);
void         enough_letter_page_set_store (EnoughLetterPage *self,
                                           EnoughStore      *store);

G_END_DECLS
