/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gio/gio.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_REMINDERS (enough_reminders_get_type ())

G_DECLARE_FINAL_TYPE (EnoughReminders, enough_reminders, ENOUGH, REMINDERS, GObject)

/* How often the running app looks for due rereads. */
#define ENOUGH_REMINDERS_INTERVAL_SECONDS 30

/* The action a reread notification activates; its target is the letter's uuid. */
#define ENOUGH_REMINDERS_OPEN_ACTION "app.open-letter"
/* The action an experiment's notification activates; its target is the
 * experiment's uuid. */
#define ENOUGH_REMINDERS_OPEN_EXPERIMENT_ACTION "app.open-experiment"
/* The action of the daily check-in reminder: today's card. */
#define ENOUGH_REMINDERS_OPEN_CHECKIN_ACTION "app.open-checkin"
/* Its GNotification id. */
#define ENOUGH_REMINDERS_CHECKIN_ID "checkin"

/**
 * EnoughReminders:
 *
 * Sends a desktop notification when a letter's reread is due, or an
 * experiment's day has come (enough_store_list_due_experiments()). There is no
 * background service: the app checks once right after it starts (for
 * rereads that fell due while it was closed) and then every
 * %ENOUGH_REMINDERS_INTERVAL_SECONDS while it runs. The time comes from the
 * store's clock (enough_store_now()), so tests move it with
 * enough_store_set_clock() and call enough_reminders_check_now().
 *
 * Each due letter is notified once per run of the app; if it is still not
 * reread, the next start reminds once more.
 *
 * Signals: ::notification-sent (EnoughRecord *letter or experiment,
 * GNotification *n),
 * emitted right after g_application_send_notification(); ::checked, after
 * every check (the letter list refreshes its "reread due" marks).
 */
EnoughReminders *enough_reminders_new               (GApplication    *application,
                                                     EnoughStore     *store);
/* Checks now (in an idle) and then periodically. */
void             enough_reminders_start             (EnoughReminders *self);
void             enough_reminders_stop              (EnoughReminders *self);
/* Checks synchronously; returns the number of notifications sent. */
guint            enough_reminders_check_now         (EnoughReminders *self);
/* Withdraws the letter's notification (after it was reread). */
void             enough_reminders_withdraw          (EnoughReminders *self,
                                                     EnoughLetter    *letter);

/* Withdraws the experiment's notification (after it was looked back at,
 * or given another day). */
void             enough_reminders_withdraw_experiment (EnoughReminders  *self,
                                                       EnoughExperiment *experiment);

/* The daily check-in reminder at @minutes after local midnight (-1: off).
 * It is sent once a day from that time on, while today's check-in has no
 * value yet. */
void             enough_reminders_set_checkin_time  (EnoughReminders *self,
                                                     int              minutes);
/* Today's reminder time (usec UTC) in @tz (NULL = local) for @minutes
 * after midnight; 0 when @minutes is not 0..1439. */
gint64           enough_reminders_compute_checkin_at (int            minutes,
                                                      gint64         now_usec,
                                                      GTimeZone     *tz);

/* "reread-<uuid>": the GNotification id of a letter's reminder. */
char            *enough_reminders_dup_notification_id (EnoughLetter  *letter);

/* TRUE when @letter has a reread time at or before @now_usec and was not
 * reread since. */
gboolean         enough_reminders_is_due            (EnoughLetter    *letter,
                                                     gint64           now_usec);

/**
 * enough_reminders_compute_reread_at:
 * @reread: the choice
 * @now_usec: the current time (usec UTC)
 * @tz: (nullable): the user's time zone (NULL = local)
 *
 * The reminder time for a choice, in usec UTC (0 for "not at all"/unset):
 * 15 minutes: @now + 15 min. This evening: today at 19:00 local time, or,
 * when it is already 19:00 or later, one hour from now. Tomorrow: tomorrow at
 * 09:00 local. Next week: seven days from today at 09:00 local. Wall-clock
 * times follow daylight saving changes.
 */
gint64           enough_reminders_compute_reread_at (EnoughReread     reread,
                                                     gint64           now_usec,
                                                     GTimeZone       *tz);

/* For the reminders while locked (enough-locked-reminders.h): whether
 * the record with @uuid was announced during this run; the check-in's
 * time (-1: off) and the day it was last sent for (NULL: not yet). */
gboolean         enough_reminders_was_notified      (EnoughReminders *self,
                                                     const char      *uuid);
int              enough_reminders_get_checkin_time  (EnoughReminders *self);
const char      *enough_reminders_get_checkin_notified_day (EnoughReminders *self);

G_END_DECLS
