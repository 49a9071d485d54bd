/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-still-pointer.h"

typedef struct
{
  gboolean seen;  /* where the pointer last was, in the surface */
  double   x;
  double   y;
} StillPointer;

static gboolean
on_captured_event (GtkEventControllerLegacy *controller,
                   GdkEvent                 *event,
                   StillPointer             *pointer)
{
  GdkEventType type = gdk_event_get_event_type (event);
  double x, y;

  if (type == GDK_LEAVE_NOTIFY)
    pointer->seen = FALSE;
  if (type != GDK_MOTION_NOTIFY || !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;
  if (pointer->seen && x == pointer->x && y == pointer->y)
    return GDK_EVENT_STOP;
  pointer->seen = TRUE;
  pointer->x = x;
  pointer->y = y;
  return GDK_EVENT_PROPAGATE;
}

static void
still_pointer_free (gpointer  data,
                    GClosure *closure)
{
  g_free (data);
}

void
enough_still_pointer_filter (GtkWidget *widget)
{
  GtkEventController *controller;
  StillPointer *pointer;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  pointer = g_new0 (StillPointer, 1);
  controller = gtk_event_controller_legacy_new ();
  /* Capture: before the scrolled windows inside, whose own controller
   * (also capture) would see it next. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "enough-still-pointer");
  g_signal_connect_data (controller, "event", G_CALLBACK (on_captured_event), pointer,
                         still_pointer_free, G_CONNECT_DEFAULT);
  gtk_widget_add_controller (widget, controller);
}
