/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-locked-reminders.h"

/* Enough for any real journal's pending rereads and experiments; more
 * would only be announced after unlocking, by the usual reminders. */
#define MAX_KEPT 200
/* As the usual reminders: a long lock must not flood the desktop. */
#define MAX_PER_CHECK 5

typedef struct
{
  EnoughRecordKind  kind;
  gint64            due_at;
  char             *uuid;
  gboolean          sent;
} Due;

struct _EnoughLockedReminders
{
  GApplication    *application;  /* weak */
  GArray          *due;          /* Due, by due time within each kind */
  EnoughClockFunc  clock;
  gpointer         clock_data;
  guint            timeout_id;

  /* The check-in: minutes after local midnight (-1: off); the day it was
   * last sent for; the day whose check-in was complete at locking. */
  int              checkin_minutes;
  char            *checkin_notified_day;
  char            *checkin_complete_day;
};

static EnoughClockFunc test_clock;
static gpointer        test_clock_data;

void
_enough_locked_reminders_set_clock (EnoughClockFunc func,
                                    gpointer        user_data)
{
  test_clock = func;
  test_clock_data = user_data;
}

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time ();
}

static void
due_clear (gpointer data)
{
  g_free (((Due *) data)->uuid);
}

static char *
day_of (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? enough_checkin_day_for_time (local) : NULL;
}

static void
keep (EnoughLockedReminders *self,
      EnoughReminders       *reminders,
      GPtrArray             *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      EnoughRecord *record = g_ptr_array_index (records, i);
      const char *uuid = enough_record_get_uuid (record);
      Due due = { enough_record_get_kind (record), 0, NULL, FALSE };

      /* Already announced in words while it was open. */
      if (reminders != NULL && enough_reminders_was_notified (reminders, uuid))
        continue;
      due.due_at = ENOUGH_IS_LETTER (record) ? enough_letter_get_reread_at (ENOUGH_LETTER (record))
                                             : enough_experiment_get_due_at (ENOUGH_EXPERIMENT (record));
      due.uuid = g_strdup (uuid);
      g_array_append_val (self->due, due);
    }
}

EnoughLockedReminders *
enough_locked_reminders_new (GApplication    *application,
                             EnoughStore     *store,
                             EnoughReminders *reminders)
{
  EnoughLockedReminders *self;
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GPtrArray) experiments = NULL;
  g_autofree char *today = NULL;
  g_autoptr(EnoughCheckin) checkin = NULL;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ENOUGH_IS_STORE (store), NULL);

  self = g_new0 (EnoughLockedReminders, 1);
  self->application = application;
  g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &self->application);
  self->clock = test_clock != NULL ? test_clock : real_clock;
  self->clock_data = test_clock_data;
  self->due = g_array_new (FALSE, FALSE, sizeof (Due));
  g_array_set_clear_func (self->due, due_clear);

  /* Every pending one, whenever it falls due: "due" at the end of time. */
  letters = enough_store_list_due_rereads (store, G_MAXINT64, MAX_KEPT);
  experiments = enough_store_list_due_experiments (store, G_MAXINT64, MAX_KEPT);
  keep (self, reminders, letters);
  keep (self, reminders, experiments);

  self->checkin_minutes = reminders != NULL ? enough_reminders_get_checkin_time (reminders) : -1;
  if (reminders != NULL)
    self->checkin_notified_day = g_strdup (enough_reminders_get_checkin_notified_day (reminders));
  today = day_of (self->clock (self->clock_data));
  checkin = today != NULL ? enough_store_dup_checkin (store, today, FALSE) : NULL;
  if (checkin != NULL && enough_checkin_is_complete (checkin))
    self->checkin_complete_day = g_steal_pointer (&today);
  return self;
}

/* Neutral words only: the kind of reminder, never the journal's text. */
static void
send (EnoughLockedReminders *self,
      const char            *id,
      const char            *title,
      const char            *action,
      const char            *uuid)
{
  g_autoptr(GNotification) notification = g_notification_new (title);
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);

  g_notification_set_body (notification, _("Enough is locked. Unlock it whenever you are ready."));
  g_notification_set_icon (notification, icon);
  if (uuid != NULL)
    g_notification_set_default_action_and_target (notification, action, "s", uuid);
  else
    g_notification_set_default_action (notification, action);
  g_application_send_notification (self->application, id, notification);
}

static gboolean
check_checkin (EnoughLockedReminders *self,
               gint64                 now)
{
  gint64 at = enough_reminders_compute_checkin_at (self->checkin_minutes, now, NULL);
  g_autofree char *today = NULL;

  if (self->checkin_minutes < 0 || at == 0 || now < at)
    return FALSE;
  today = day_of (now);
  if (today == NULL || g_strcmp0 (today, self->checkin_notified_day) == 0 ||
      g_strcmp0 (today, self->checkin_complete_day) == 0)
    return FALSE;
  g_free (self->checkin_notified_day);
  self->checkin_notified_day = g_steal_pointer (&today);
  send (self, ENOUGH_REMINDERS_CHECKIN_ID, _("Time for your check-in"),
        ENOUGH_REMINDERS_OPEN_CHECKIN_ACTION, NULL);
  return TRUE;
}

guint
enough_locked_reminders_check_now (EnoughLockedReminders *self)
{
  gint64 now;
  guint sent = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->application == NULL)
    return 0;
  now = self->clock (self->clock_data);
  for (guint i = 0; i < self->due->len && sent < MAX_PER_CHECK; i++)
    {
      Due *due = &g_array_index (self->due, Due, i);
      g_autofree char *id = NULL;

      if (due->sent || due->due_at > now)
        continue;
      /* The usual ids: unlocked, the usual reminder replaces this one. */
      if (due->kind == ENOUGH_RECORD_KIND_LETTER)
        {
          id = g_strdup_printf ("reread-%s", due->uuid);
          send (self, id, _("A letter is ready to be reread"), ENOUGH_REMINDERS_OPEN_ACTION, due->uuid);
        }
      else
        {
          id = g_strdup_printf ("experiment-%s", due->uuid);
          send (self, id, _("An experiment is ready to look back on"),
                ENOUGH_REMINDERS_OPEN_EXPERIMENT_ACTION, due->uuid);
        }
      due->sent = TRUE;
      sent++;
    }
  if (check_checkin (self, now))
    sent++;
  return sent;
}

static gboolean
check_timeout (gpointer user_data)
{
  enough_locked_reminders_check_now (user_data);
  return G_SOURCE_CONTINUE;
}

void
enough_locked_reminders_start (EnoughLockedReminders *self)
{
  g_return_if_fail (self != NULL);

  if (self->timeout_id != 0)
    return;
  enough_locked_reminders_check_now (self);
  self->timeout_id = g_timeout_add_seconds (ENOUGH_REMINDERS_INTERVAL_SECONDS, check_timeout, self);
}

void
enough_locked_reminders_free (EnoughLockedReminders *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->application != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
  g_clear_pointer (&self->due, g_array_unref);
  g_free (self->checkin_notified_day);
  g_free (self->checkin_complete_day);
  g_free (self);
}
