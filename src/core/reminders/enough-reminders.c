/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-reminders.h"

/* At most this many notifications per check: a long absence must not
 * flood the desktop. The rest follow at the next checks. */
#define MAX_PER_CHECK 5

struct _EnoughReminders
{
  GObject       parent_instance;

  GApplication *application;  /* weak: the application owns us */
  EnoughStore  *store;

  /* uuids notified during this run, so each letter is announced once */
  GHashTable   *notified;

  guint         timeout_id;
  guint         idle_id;

  /* The daily check-in reminder: minutes after local midnight, -1 = off;
   * the day ("YYYY-MM-DD") it was last sent for. */
  int           checkin_minutes;
  char         *checkin_notified_day;
};

G_DEFINE_FINAL_TYPE (EnoughReminders, enough_reminders, G_TYPE_OBJECT)

enum {
  SIGNAL_NOTIFICATION_SENT,
  SIGNAL_CHECKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

EnoughReminders *
enough_reminders_new (GApplication *application,
                      EnoughStore  *store)
{
  EnoughReminders *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ENOUGH_IS_STORE (store), NULL);

  self = g_object_new (ENOUGH_TYPE_REMINDERS, NULL);
  self->application = application;
  g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &self->application);
  self->store = g_object_ref (store);

  return self;
}

char *
enough_reminders_dup_notification_id (EnoughLetter *letter)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER (letter), NULL);

  return g_strdup_printf ("reread-%s", enough_record_get_uuid (ENOUGH_RECORD (letter)));
}

gboolean
enough_reminders_is_due (EnoughLetter *letter,
                         gint64        now_usec)
{
  gint64 at;

  g_return_val_if_fail (ENOUGH_IS_LETTER (letter), FALSE);

  at = enough_letter_get_reread_at (letter);

  return at != 0 && at <= now_usec && enough_letter_get_reread_done_at (letter) == 0;
}

static gint64
to_usec (GDateTime *dt)
{
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

/* @days from @now's local date, at @hour:00 local time. */
static gint64
local_day_at (GDateTime *now,
              int        days,
              int        hour)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) at = g_date_time_new (g_date_time_get_timezone (now),
                                             g_date_time_get_year (day),
                                             g_date_time_get_month (day),
                                             g_date_time_get_day_of_month (day),
                                             hour, 0, 0);

  return to_usec (at);
}

gint64
enough_reminders_compute_reread_at (EnoughReread  reread,
                                    gint64        now_usec,
                                    GTimeZone    *tz)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  utc = g_date_time_new_from_unix_utc (now_usec / G_USEC_PER_SEC);
  g_return_val_if_fail (utc != NULL, 0);
  now = g_date_time_to_timezone (utc, tz);

  switch (reread)
    {
    case ENOUGH_REREAD_15_MINUTES:
      return now_usec + 15 * G_TIME_SPAN_MINUTE;

    case ENOUGH_REREAD_EVENING:
      {
        gint64 evening = local_day_at (now, 0, 19);

        /* Already evening: an hour gives the words time to settle. */
        return now_usec < evening ? evening : now_usec + G_TIME_SPAN_HOUR;
      }

    case ENOUGH_REREAD_TOMORROW:
      return local_day_at (now, 1, 9);

    case ENOUGH_REREAD_NEXT_WEEK:
      return local_day_at (now, 7, 9);

    case ENOUGH_REREAD_UNSET:
    case ENOUGH_REREAD_NEVER:
    default:
      return 0;
    }
}

static char *
dup_notification_id (EnoughRecord *record)
{
  if (ENOUGH_IS_LETTER (record))
    return enough_reminders_dup_notification_id (ENOUGH_LETTER (record));
  return g_strdup_printf ("experiment-%s", enough_record_get_uuid (record));
}

static void
send_reminder (EnoughReminders *self,
               EnoughRecord    *record)
{
  const char *uuid = enough_record_get_uuid (record);
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autofree char *id = dup_notification_id (record);

  /* Neutral words only: a notification can show on a locked screen, and
   * even "a letter you wrote" says more than the user chose to share. */
  notification = g_notification_new (_("A Gentle Reminder"));
  g_notification_set_body (notification, _("Enough has something for you, whenever you are ready."));
  g_notification_set_icon (notification, icon);
  g_notification_set_default_action_and_target (notification,
                                                ENOUGH_IS_LETTER (record) ? ENOUGH_REMINDERS_OPEN_ACTION
                                                                          : ENOUGH_REMINDERS_OPEN_EXPERIMENT_ACTION,
                                                "s", uuid);

  g_application_send_notification (self->application, id, notification);
  g_hash_table_add (self->notified, g_strdup (uuid));

  g_signal_emit (self, signals[SIGNAL_NOTIFICATION_SENT], 0, record, notification);
}

gint64
enough_reminders_compute_checkin_at (int        minutes,
                                     gint64     now_usec,
                                     GTimeZone *tz)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now_usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) at = NULL;

  g_return_val_if_fail (utc != NULL, 0);
  if (minutes < 0 || minutes >= 24 * 60)
    return 0;
  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  now = g_date_time_to_timezone (utc, tz);
  at = g_date_time_new (tz, g_date_time_get_year (now), g_date_time_get_month (now),
                        g_date_time_get_day_of_month (now), minutes / 60, minutes % 60, 0);
  return at != NULL ? to_usec (at) : 0;
}

void
enough_reminders_set_checkin_time (EnoughReminders *self,
                                   int              minutes)
{
  g_return_if_fail (ENOUGH_IS_REMINDERS (self));
  g_return_if_fail (minutes >= -1 && minutes < 24 * 60);

  self->checkin_minutes = minutes;
  /* A time moved later today may remind again today. */
  g_clear_pointer (&self->checkin_notified_day, g_free);
}

/* Once a day, at the chosen time, unless today's check-in has a value.
 * Neutral words: nothing about days without one. */
static gboolean
check_checkin (EnoughReminders *self)
{
  gint64 now = enough_store_now (self->store);
  gint64 at = enough_reminders_compute_checkin_at (self->checkin_minutes, now, NULL);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *today = NULL;
  g_autoptr(EnoughCheckin) checkin = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GIcon) icon = NULL;

  if (self->checkin_minutes < 0 || at == 0 || now < at)
    return FALSE;
  utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  local = g_date_time_to_local (utc);
  today = enough_checkin_day_for_time (local);
  if (g_strcmp0 (self->checkin_notified_day, today) == 0)
    return FALSE;
  g_free (self->checkin_notified_day);
  self->checkin_notified_day = g_strdup (today);
  checkin = enough_store_dup_checkin (self->store, today, FALSE);
  if (checkin != NULL && enough_checkin_is_complete (checkin))
    return FALSE;

  icon = g_themed_icon_new (APP_ID);
  notification = g_notification_new (_("Today’s Check-in"));
  g_notification_set_body (notification, _("Mood, energy and light: ten seconds, whenever suits you."));
  g_notification_set_icon (notification, icon);
  g_notification_set_default_action (notification, ENOUGH_REMINDERS_OPEN_CHECKIN_ACTION);
  g_application_send_notification (self->application, ENOUGH_REMINDERS_CHECKIN_ID, notification);
  return TRUE;
}

guint
enough_reminders_check_now (EnoughReminders *self)
{
  g_autoptr(GPtrArray) due = NULL;
  guint sent = 0;

  g_return_val_if_fail (ENOUGH_IS_REMINDERS (self), 0);

  if (self->application == NULL)
    return 0;

  /* A few more than we send, in case some were already announced. */
  due = enough_store_list_due_rereads (self->store, enough_store_now (self->store),
                                       MAX_PER_CHECK + g_hash_table_size (self->notified));

  /* Experiments after letters, within the same bound per check. */
  if (due != NULL)
    {
      g_autoptr(GPtrArray) experiments =
        enough_store_list_due_experiments (self->store, enough_store_now (self->store),
                                           MAX_PER_CHECK + g_hash_table_size (self->notified));

      g_ptr_array_extend_and_steal (due, g_steal_pointer (&experiments));
    }
  for (guint i = 0; due != NULL && i < due->len && sent < MAX_PER_CHECK; i++)
    {
      EnoughRecord *record = g_ptr_array_index (due, i);

      if (g_hash_table_contains (self->notified, enough_record_get_uuid (record)))
        continue;

      send_reminder (self, record);
      sent++;
    }

  if (check_checkin (self))
    sent++;

  g_signal_emit (self, signals[SIGNAL_CHECKED], 0);

  return sent;
}

void
enough_reminders_withdraw (EnoughReminders *self,
                           EnoughLetter    *letter)
{
  g_autofree char *id = NULL;

  g_return_if_fail (ENOUGH_IS_REMINDERS (self));
  g_return_if_fail (ENOUGH_IS_LETTER (letter));

  /* Forgetting it lets a new reread time remind again. */
  g_hash_table_remove (self->notified, enough_record_get_uuid (ENOUGH_RECORD (letter)));

  if (self->application == NULL || !g_application_get_is_registered (self->application))
    return;

  id = enough_reminders_dup_notification_id (letter);
  g_application_withdraw_notification (self->application, id);
}

void
enough_reminders_withdraw_experiment (EnoughReminders  *self,
                                      EnoughExperiment *experiment)
{
  g_autofree char *id = NULL;

  g_return_if_fail (ENOUGH_IS_REMINDERS (self));
  g_return_if_fail (ENOUGH_IS_EXPERIMENT (experiment));

  /* Forgetting it lets a new day remind again. */
  g_hash_table_remove (self->notified, enough_record_get_uuid (ENOUGH_RECORD (experiment)));
  if (self->application == NULL || !g_application_get_is_registered (self->application))
    return;
  id = dup_notification_id (ENOUGH_RECORD (experiment));
  g_application_withdraw_notification (self->application, id);
}

gboolean
enough_reminders_was_notified (EnoughReminders *self,
                               const char      *uuid)
{
  g_return_val_if_fail (ENOUGH_IS_REMINDERS (self), FALSE);

  return g_hash_table_contains (self->notified, uuid);
}

int
enough_reminders_get_checkin_time (EnoughReminders *self)
{
  g_return_val_if_fail (ENOUGH_IS_REMINDERS (self), -1);

  return self->checkin_minutes;
}

const char *
enough_reminders_get_checkin_notified_day (EnoughReminders *self)
{
  g_return_val_if_fail (ENOUGH_IS_REMINDERS (self), NULL);

  return self->checkin_notified_day;
}

static gboolean
check_timeout (gpointer user_data)
{
  enough_reminders_check_now (ENOUGH_REMINDERS (user_data));

  return G_SOURCE_CONTINUE;
}

static gboolean
check_idle (gpointer user_data)
{
  EnoughReminders *self = ENOUGH_REMINDERS (user_data);

  self->idle_id = 0;
  enough_reminders_check_now (self);

  return G_SOURCE_REMOVE;
}

void
enough_reminders_start (EnoughReminders *self)
{
  g_return_if_fail (ENOUGH_IS_REMINDERS (self));

  if (self->timeout_id != 0)
    return;

  /* First check as soon as the window is up: rereads due while we were closed. */
  self->idle_id = g_idle_add (check_idle, self);
  self->timeout_id = g_timeout_add_seconds (ENOUGH_REMINDERS_INTERVAL_SECONDS,
                                            check_timeout, self);
}

void
enough_reminders_stop (EnoughReminders *self)
{
  g_return_if_fail (ENOUGH_IS_REMINDERS (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

static void
enough_reminders_dispose (GObject *object)
{
  EnoughReminders *self = ENOUGH_REMINDERS (object);

  enough_reminders_stop (self);
  if (self->application != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
      self->application = NULL;
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (enough_reminders_parent_class)->dispose (object);
}

static void
enough_reminders_finalize (GObject *object)
{
  EnoughReminders *self = ENOUGH_REMINDERS (object);

  g_clear_pointer (&self->notified, g_hash_table_unref);
  g_free (self->checkin_notified_day);

  G_OBJECT_CLASS (enough_reminders_parent_class)->finalize (object);
}

static void
enough_reminders_class_init (EnoughRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = enough_reminders_dispose;
  object_class->finalize = enough_reminders_finalize;

  signals[SIGNAL_NOTIFICATION_SENT] =
    g_signal_new ("notification-sent",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ENOUGH_TYPE_RECORD, G_TYPE_NOTIFICATION);

  signals[SIGNAL_CHECKED] =
    g_signal_new ("checked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
enough_reminders_init (EnoughReminders *self)
{
  self->notified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->checkin_minutes = -1;
}
