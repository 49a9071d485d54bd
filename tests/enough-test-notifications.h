/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A fake org.freedesktop.Notifications on the test's private session bus
 * (GTestDBus), for the reminders of letters and experiments. */
typedef struct
{
  guint32  id;
  char    *summary;
  char    *body;
  GStrv    actions;
} EnoughTestNote;

void       enough_test_notifications_start          (void);
void       enough_test_notifications_stop           (void);
GPtrArray *enough_test_notifications_get            (void);
void       enough_test_notifications_wait           (guint           n);
void       enough_test_notifications_invoke_default (EnoughTestNote *note);

G_END_DECLS
