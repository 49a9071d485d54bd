/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-reminders.h"
#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_APPLICATION (enough_application_get_type ())

G_DECLARE_FINAL_TYPE (EnoughApplication, enough_application, ENOUGH, APPLICATION, AdwApplication)

EnoughApplication *enough_application_new             (const char        *application_id,
                                                       GApplicationFlags  flags);
GSettings         *enough_application_get_settings    (EnoughApplication *self);
EnoughStore       *enough_application_get_store       (EnoughApplication *self);
const GError      *enough_application_get_store_error (EnoughApplication *self);
/* The letters' reread reminders; NULL without a journal. */
EnoughReminders   *enough_application_get_reminders   (EnoughApplication *self);

G_END_DECLS
