/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_CRITIC_PAGE (enough_critic_page_get_type ())

G_DECLARE_FINAL_TYPE (EnoughCriticPage, enough_critic_page, ENOUGH, CRITIC_PAGE, GtkWidget)

EnoughStore *enough_critic_page_get_store (EnoughCriticPage *self);
void         enough_critic_page_set_store (EnoughCriticPage *self,
                                           EnoughStore      *store);

G_END_DECLS
