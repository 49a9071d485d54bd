/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ENOUGH_TYPE_CRITIC_PAGE (enough_critic_page_get_type ())

G_DECLARE_FINAL_TYPE (EnoughCriticPage, enough_critic_page, ENOUGH, CRITIC_PAGE, GtkWidget)

G_END_DECLS
