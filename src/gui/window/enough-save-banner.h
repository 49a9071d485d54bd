/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_SAVE_BANNER (enough_save_banner_get_type ())

G_DECLARE_FINAL_TYPE (EnoughSaveBanner, enough_save_banner, ENOUGH, SAVE_BANNER, GtkWidget)

/* A strip below the header bar that says, without blocking anything, that
 * the newest words could not be saved yet (::write-failed), offers to try
 * again now, and goes away after the next successful save (::saved). */
GtkWidget   *enough_save_banner_new          (void);
EnoughStore *enough_save_banner_get_store    (EnoughSaveBanner *self);
void         enough_save_banner_set_store    (EnoughSaveBanner *self,
                                              EnoughStore      *store);
gboolean     enough_save_banner_get_revealed (EnoughSaveBanner *self);
const char  *enough_save_banner_get_message  (EnoughSaveBanner *self);
/* What the "Try Again" button does: save everything now. */
void         enough_save_banner_retry        (EnoughSaveBanner *self);

G_END_DECLS
