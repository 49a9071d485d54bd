/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-idle-lock.h"

/* Often enough for minutes; the lock comes at most this late. */
#define CHECK_SECONDS 10

struct _EnoughIdleLock
{
  EnoughApplication *app;   /* not owned: the app owns this */
  GSettings         *settings;
  EnoughIdleClock    clock;
  gint64             last_input;
  guint              check_id;
  gulong             window_added_id;
};

void
enough_idle_lock_note_input (EnoughIdleLock *self)
{
  self->last_input = self->clock ();
}

static gboolean
on_event (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          EnoughIdleLock           *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
      enough_idle_lock_note_input (self);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

/* Every window of the app, the lock window too (harmless: it is locked). */
static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 EnoughIdleLock *self)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_event), self);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

void
_enough_idle_lock_check (EnoughIdleLock *self)
{
  EnoughStore *store = enough_application_get_store (self->app);
  int minutes = g_settings_get_int (self->settings, "lock-after-minutes");
  g_autoptr(GError) error = NULL;

  if (minutes <= 0 || store == NULL || !enough_store_get_encrypted (store) ||
      enough_application_is_locked (self->app))
    {
      /* Nothing to lock yet: idle time counts from when there is. */
      enough_idle_lock_note_input (self);
      return;
    }
  if (self->clock () - self->last_input < (gint64) minutes * 60 * G_USEC_PER_SEC)
    return;
  /* Words that cannot be written keep the journal open (and say so on
   * the next explicit lock); it tries again at the next check. */
  if (!enough_application_lock (self->app, &error))
    g_warning ("Could not lock the journal: %s", error->message);
}

static gboolean
check_timeout (gpointer user_data)
{
  _enough_idle_lock_check (user_data);
  return G_SOURCE_CONTINUE;
}

void
_enough_idle_lock_set_clock (EnoughIdleLock  *self,
                             EnoughIdleClock  clock)
{
  self->clock = clock != NULL ? clock : g_get_monotonic_time;
  enough_idle_lock_note_input (self);
}

EnoughIdleLock *
enough_idle_lock_new (EnoughApplication *app,
                      GSettings         *settings)
{
  EnoughIdleLock *self = g_new0 (EnoughIdleLock, 1);

  self->app = app;
  self->settings = g_object_ref (settings);
  self->clock = g_get_monotonic_time;
  self->last_input = self->clock ();
  self->window_added_id = g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), self);
  self->check_id = g_timeout_add_seconds (CHECK_SECONDS, check_timeout, self);
  return self;
}

void
enough_idle_lock_free (EnoughIdleLock *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_signal_handler (&self->window_added_id, self->app);
  g_clear_object (&self->settings);
  g_free (self);
}
