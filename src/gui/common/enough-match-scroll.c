/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-match-scroll.h"

/* How long to follow the layout at most (frames), and how many frames the
 * match must stay put before the scrolling is done. */
#define MAX_FRAMES 120
#define STILL_FRAMES 3
/* Where a match that was out of view lands: a third of the way down. */
#define POSITION (1.0 / 3.0)
/* A match closer than this to an edge is not comfortably in view. */
#define MARGIN 12.0

typedef struct
{
  GtkScrolledWindow     *scroller;  /* the tick's widget: outlives us */
  EnoughMatchLocateFunc  locate;
  EnoughMatchFoundFunc   found;
  gpointer               user_data;
  GDestroyNotify         destroy;
  guint                  tick_id;
  guint                  frames;
  guint                  still_frames;
  gboolean               was_found;
  gboolean               stop;      /* the user scrolled */
} MatchScroll;

static GQuark scroll_quark;
static GQuark watching_quark;

static void
match_scroll_free (gpointer data)
{
  MatchScroll *scroll = data;

  if (g_object_get_qdata (G_OBJECT (scroll->scroller), scroll_quark) == scroll)
    g_object_set_qdata (G_OBJECT (scroll->scroller), scroll_quark, NULL);
  if (scroll->destroy != NULL)
    scroll->destroy (scroll->user_data);
  g_free (scroll);
}

/* Where the value should be for @rect of @target to be comfortably in
 * view; the value itself when it is already. */
static double
wanted_value (GtkScrolledWindow *scroller,
              GtkWidget         *target,
              graphene_rect_t   *rect,
              gboolean          *ok)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  graphene_point_t top, in_viewport;
  double wanted;

  graphene_point_init (&top, rect->origin.x, rect->origin.y);
  *ok = viewport != NULL && gtk_widget_compute_point (target, viewport, &top, &in_viewport);
  if (!*ok)
    return value;

  if (in_viewport.y >= MARGIN && in_viewport.y + rect->size.height <= page - MARGIN)
    return value;

  /* Taller than what is left below a third: its top, just below the edge. */
  if (rect->size.height > page * (1 - POSITION))
    wanted = value + in_viewport.y - MARGIN;
  else
    wanted = value + in_viewport.y - page * POSITION;

  return CLAMP (wanted, gtk_adjustment_get_lower (adjustment),
                gtk_adjustment_get_upper (adjustment) - page);
}

static gboolean
match_scroll_tick (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  MatchScroll *scroll = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroll->scroller);
  graphene_rect_t rect;
  GtkWidget *target;
  gboolean ok;
  double wanted;

  if (scroll->stop || ++scroll->frames > MAX_FRAMES)
    goto done;

  target = gtk_adjustment_get_page_size (adjustment) > 0
           ? scroll->locate (scroll->user_data, &rect) : NULL;
  if (target == NULL)
    {
      scroll->still_frames = 0;
      return G_SOURCE_CONTINUE;
    }

  if (!scroll->was_found)
    {
      scroll->was_found = TRUE;
      if (scroll->found != NULL)
        scroll->found (target, scroll->user_data);
    }

  wanted = wanted_value (scroll->scroller, target, &rect, &ok);
  if (!ok)
    return G_SOURCE_CONTINUE;

  /* The layout may still change: follow it until the match stays put for
   * a few frames. */
  if (ABS (wanted - gtk_adjustment_get_value (adjustment)) < 1)
    {
      if (++scroll->still_frames >= STILL_FRAMES)
        goto done;
      return G_SOURCE_CONTINUE;
    }

  scroll->still_frames = 0;
  gtk_adjustment_set_value (adjustment, wanted);
  return G_SOURCE_CONTINUE;

done:
  scroll->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
on_user_scroll (GtkEventControllerScroll *controller,
                double                    dx,
                double                    dy,
                GtkScrolledWindow        *scroller)
{
  MatchScroll *scroll = g_object_get_qdata (G_OBJECT (scroller), scroll_quark);

  /* The user takes over. */
  if (scroll != NULL)
    scroll->stop = TRUE;

  return GDK_EVENT_PROPAGATE;
}

void
enough_match_scroll_stop (GtkScrolledWindow *scroller)
{
  MatchScroll *scroll;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));

  scroll = scroll_quark != 0 ? g_object_get_qdata (G_OBJECT (scroller), scroll_quark) : NULL;
  if (scroll != NULL && scroll->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (scroller), scroll->tick_id);  /* frees it */
}

void
enough_match_scroll_start (GtkScrolledWindow     *scroller,
                           EnoughMatchLocateFunc  locate,
                           EnoughMatchFoundFunc   found,
                           gpointer               user_data,
                           GDestroyNotify         destroy)
{
  MatchScroll *scroll;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));
  g_return_if_fail (locate != NULL);

  if (scroll_quark == 0)
    {
      scroll_quark = g_quark_from_static_string ("enough-match-scroll");
      watching_quark = g_quark_from_static_string ("enough-match-scroll-watching");
    }
  enough_match_scroll_stop (scroller);

  /* Watching only (capture phase, nothing claimed): the scrolling still
   * goes where it was going. */
  if (g_object_get_qdata (G_OBJECT (scroller), watching_quark) == NULL)
    {
      GtkEventController *watch = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

      gtk_event_controller_set_propagation_phase (watch, GTK_PHASE_CAPTURE);
      g_signal_connect (watch, "scroll", G_CALLBACK (on_user_scroll), scroller);
      gtk_widget_add_controller (GTK_WIDGET (scroller), watch);
      g_object_set_qdata (G_OBJECT (scroller), watching_quark, GINT_TO_POINTER (TRUE));
    }

  scroll = g_new0 (MatchScroll, 1);
  scroll->scroller = scroller;
  scroll->locate = locate;
  scroll->found = found;
  scroll->user_data = user_data;
  scroll->destroy = destroy;
  g_object_set_qdata (G_OBJECT (scroller), scroll_quark, scroll);
  scroll->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (scroller), match_scroll_tick,
                                                  scroll, match_scroll_free);
}

typedef struct
{
  void     (*acted) (gpointer user_data);
  gpointer   user_data;
} Watch;

static gboolean
on_watched_key_pressed (GtkEventController *controller,
                        guint               keyval,
                        guint               keycode,
                        GdkModifierType     state,
                        Watch              *watch)
{
  GdkEvent *event = gtk_event_controller_get_current_event (controller);

  if (event == NULL || !gdk_key_event_is_modifier (event))
    watch->acted (watch->user_data);

  return GDK_EVENT_PROPAGATE;
}

static void
on_watched_pressed (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    Watch           *watch)
{
  watch->acted (watch->user_data);
}

void
enough_match_watch_user (GtkWidget  *widget,
                         void      (*acted) (gpointer user_data),
                         gpointer    user_data)
{
  GtkEventController *keys;
  GtkGesture *click;
  Watch *watch;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (acted != NULL);

  watch = g_new0 (Watch, 1);
  watch->acted = acted;
  watch->user_data = user_data;

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  /* Freed with the controllers, which go with the widget. */
  g_signal_connect_data (keys, "key-pressed", G_CALLBACK (on_watched_key_pressed),
                         watch, (GClosureNotify) g_free, G_CONNECT_DEFAULT);
  gtk_widget_add_controller (widget, keys);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_watched_pressed), watch);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
}

gboolean
enough_match_scroll_is_busy (GtkScrolledWindow *scroller)
{
  g_return_val_if_fail (GTK_IS_SCROLLED_WINDOW (scroller), FALSE);

  return scroll_quark != 0 && g_object_get_qdata (G_OBJECT (scroller), scroll_quark) != NULL;
}
