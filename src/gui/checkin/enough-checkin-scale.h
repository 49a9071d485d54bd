/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ENOUGH_TYPE_CHECKIN_SCALE (enough_checkin_scale_get_type ())

G_DECLARE_FINAL_TYPE (EnoughCheckinScale, enough_checkin_scale, ENOUGH, CHECKIN_SCALE, GtkWidget)

/* A 0–10 rating as a row of eleven buttons, none pressed when not given
 * (value -1). Left/Right (and Up/Down) change it by one, the number keys
 * set it (0–9; "1" then "0" quickly for 10), and it is one Tab stop: the
 * focus sits on the pressed button. The accessible name is "name". */
GtkWidget *enough_checkin_scale_new       (void);
int        enough_checkin_scale_get_value (EnoughCheckinScale *self);
void       enough_checkin_scale_set_value (EnoughCheckinScale *self,
                                           int                 value);

G_END_DECLS
