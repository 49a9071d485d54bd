/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-cursor-blink.h"

#define HIDDEN_CLASS "enough-caret-hidden"

/* GTK's own rhythm (gtktext.c): on for 2/3 of the blink time, off for 1/3,
 * and on for a whole blink time after a key. */
#define ON_PART(time)   ((time) * 2 / 3)
#define OFF_PART(time)  ((time) / 3)

typedef struct
{
  GtkSettings *settings;
  GListModel  *toplevels;
  GWeakRef     widget;        /* the focused text field that blinks */
  guint        timeout_id;
  gint64       active_since;  /* µs, monotonic: the last key, click or focus */
  int          blink_time;    /* ms, the user's */
  int          blink_timeout; /* s, the user's */
  gboolean     hidden;
} Blink;

static void restart (Blink *blink);

static gboolean
is_text_field (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    return gtk_editable_get_editable (GTK_EDITABLE (widget));
  if (GTK_IS_TEXT_VIEW (widget))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (widget)) &&
           gtk_text_view_get_cursor_visible (GTK_TEXT_VIEW (widget));
  return FALSE;
}

static void
set_hidden (Blink     *blink,
            GtkWidget *widget,
            gboolean   hidden)
{
  if (widget != NULL && hidden != blink->hidden)
    {
      if (hidden)
        gtk_widget_add_css_class (widget, HIDDEN_CLASS);
      else
        gtk_widget_remove_css_class (widget, HIDDEN_CLASS);
      /* A new caret-color alone does not redraw the field. */
      gtk_widget_queue_draw (widget);
    }
  blink->hidden = hidden;
}

static void
stop (Blink *blink)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&blink->widget);

  g_clear_handle_id (&blink->timeout_id, g_source_remove);
  set_hidden (blink, widget, FALSE);
  g_weak_ref_set (&blink->widget, NULL);
}

static gboolean
blink_cb (gpointer user_data)
{
  Blink *blink = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&blink->widget);
  gint64 now = g_get_monotonic_time ();

  blink->timeout_id = 0;
  if (widget == NULL || !gtk_widget_has_focus (widget) || !is_text_field (widget))
    {
      stop (blink);
      return G_SOURCE_REMOVE;
    }
  /* Blinked long enough without the user doing anything: stays on. */
  if (now - blink->active_since >= (gint64) blink->blink_timeout * G_USEC_PER_SEC)
    {
      set_hidden (blink, widget, FALSE);
      return G_SOURCE_REMOVE;
    }
  set_hidden (blink, widget, !blink->hidden);
  blink->timeout_id = g_timeout_add (blink->hidden ? OFF_PART (blink->blink_time)
                                                   : ON_PART (blink->blink_time),
                                     blink_cb, blink);
  return G_SOURCE_REMOVE;
}

/* Shows the caret of the focused window's text field, if any, and starts
 * its blinking anew. */
static void
restart_for (Blink     *blink,
             GtkWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  if (focus == NULL || !is_text_field (focus) || !gtk_widget_has_focus (focus))
    {
      g_autoptr(GtkWidget) widget = g_weak_ref_get (&blink->widget);

      /* The focus left the field (this window's, or it went inactive). */
      if (widget == NULL || gtk_widget_get_root (widget) == GTK_ROOT (window))
        stop (blink);
      return;
    }
  stop (blink);
  g_weak_ref_set (&blink->widget, focus);
  restart (blink);
}

static void
restart (Blink *blink)
{
  g_clear_handle_id (&blink->timeout_id, g_source_remove);
  blink->active_since = g_get_monotonic_time ();
  blink->hidden = FALSE;
  blink->timeout_id = g_timeout_add (blink->blink_time, blink_cb, blink);
}

static void
on_focus_changed (GtkWindow  *window,
                  GParamSpec *pspec,
                  Blink      *blink)
{
  restart_for (blink, window);
}

/* Keys and clicks make GTK show the caret and wait before blinking again;
 * the same here. Never handles the event. */
static gboolean
on_event (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          Blink                    *blink)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_KEY_PRESS || type == GDK_BUTTON_PRESS || type == GDK_TOUCH_BEGIN)
    {
      GtkWidget *window = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

      /* Before the field sees it; a click that moves the focus restarts
       * again through notify::focus-widget. */
      restart_for (blink, GTK_WINDOW (window));
    }
  return GDK_EVENT_PROPAGATE;
}

static void
hook_window (Blink     *blink,
             GtkWindow *window)
{
  GtkEventController *controller;

  if (g_object_get_data (G_OBJECT (window), "enough-cursor-blink") != NULL)
    return;
  g_object_set_data (G_OBJECT (window), "enough-cursor-blink", blink);
  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (on_focus_changed), blink);
  g_signal_connect (window, "notify::is-active", G_CALLBACK (on_focus_changed), blink);
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_event), blink);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  restart_for (blink, window);
}

static void
on_toplevels_changed (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      Blink      *blink)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      hook_window (blink, window);
    }
}

static void
blink_free (gpointer data)
{
  Blink *blink = data;
  guint n = g_list_model_get_n_items (blink->toplevels);

  g_signal_handlers_disconnect_by_data (blink->toplevels, blink);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (blink->toplevels, i);

      if (g_object_get_data (G_OBJECT (window), "enough-cursor-blink") == blink)
        {
          g_signal_handlers_disconnect_by_data (window, blink);
          g_object_set_data (G_OBJECT (window), "enough-cursor-blink", NULL);
        }
    }
  g_clear_handle_id (&blink->timeout_id, g_source_remove);
  g_weak_ref_clear (&blink->widget);
  g_free (blink);
}

gboolean
enough_cursor_blink_install (GtkSettings *settings)
{
  Blink *blink;
  gboolean blinks = FALSE;

  g_return_val_if_fail (GTK_IS_SETTINGS (settings), FALSE);

  if (enough_cursor_blink_is_installed (settings))
    return TRUE;
  g_object_get (settings, "gtk-cursor-blink", &blinks, NULL);
  if (!blinks)
    return FALSE;

  blink = g_new0 (Blink, 1);
  blink->settings = settings;
  g_weak_ref_init (&blink->widget, NULL);
  g_object_get (settings,
                "gtk-cursor-blink-time", &blink->blink_time,
                "gtk-cursor-blink-timeout", &blink->blink_timeout,
                NULL);
  blink->blink_time = MAX (blink->blink_time, 100);
  blink->toplevels = gtk_window_get_toplevels ();
  /* Lives as long as the settings, i.e. the display. */
  g_object_set_data_full (G_OBJECT (settings), "enough-cursor-blink", blink, blink_free);
  g_object_set (settings, "gtk-cursor-blink", FALSE, NULL);

  g_signal_connect (blink->toplevels, "items-changed", G_CALLBACK (on_toplevels_changed), blink);
  on_toplevels_changed (blink->toplevels, 0, 0, g_list_model_get_n_items (blink->toplevels), blink);
  return TRUE;
}

gboolean
enough_cursor_blink_is_installed (GtkSettings *settings)
{
  g_return_val_if_fail (GTK_IS_SETTINGS (settings), FALSE);

  return g_object_get_data (G_OBJECT (settings), "enough-cursor-blink") != NULL;
}
