/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <dlfcn.h>
#include <math.h>
#include <gdk/x11/gdkx.h>
#include <X11/Xlib.h>
#include <X11/keysym.h>

#include "enough-keys.h"
#include "enough-test-utils.h"

/* libXtst is installed with xdotool, without its headers: the one call we
 * need is looked up at run time, so the build needs nothing more. */
typedef int (*FakeKeyEvent) (Display *display, unsigned int keycode, Bool is_press, unsigned long delay);

static FakeKeyEvent
get_fake_key_event (void)
{
  static FakeKeyEvent fake_key_event = NULL;

  if (fake_key_event == NULL)
    {
      void *xtst = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_GLOBAL);

      g_assert_nonnull (xtst);
      fake_key_event = (FakeKeyEvent) dlsym (xtst, "XTestFakeKeyEvent");
      g_assert_nonnull (fake_key_event);
    }

  return fake_key_event;
}

static Display *
get_xdisplay (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

/* The window the keys are for (enough_test_keys_focus_window()). */
static GtkWindow *keys_window;

static gboolean
window_is_viewable (gpointer data)
{
  XWindowAttributes attributes;

  XSync (get_xdisplay (), False);
  return XGetWindowAttributes (get_xdisplay (), GPOINTER_TO_SIZE (data), &attributes) &&
         attributes.map_state == IsViewable;
}

static void
forget_keys_window (gpointer  data,
                    GObject  *window)
{
  keys_window = NULL;
}

void
enough_test_keys_focus_window (GtkWindow *window)
{
  Display *xdisplay = get_xdisplay ();
  GdkSurface *surface;
  Window xid;
  Window focus;
  int revert;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = gdk_x11_surface_get_xid (surface);

  /* Only a window the server shows can have its focus (else BadMatch). */
  g_assert_true (enough_test_wait_until (window_is_viewable, GSIZE_TO_POINTER (xid), 60));
  /* The pointer out of the way: with no window manager, the window under
   * it would get the keys whenever the focus goes back to the root, and
   * it would hover and raise tooltips while the keys are tested. */
  XWarpPointer (xdisplay, None, DefaultRootWindow (xdisplay), 0, 0, 0, 0,
                DisplayWidth (xdisplay, DefaultScreen (xdisplay)) - 1,
                DisplayHeight (xdisplay, DefaultScreen (xdisplay)) - 1);
  XSetInputFocus (xdisplay, xid, RevertToParent, CurrentTime);
  XSync (xdisplay, False);
  XGetInputFocus (xdisplay, &focus, &revert);
  g_assert_cmpuint (focus, ==, xid);

  /* GTK moves the focus from widget to widget (Tab, the arrow keys, a
   * list's rows) only in an active window: wait for it to know. */
  g_assert_true (enough_test_wait_until (window_is_active, window, 60));
  drain_main_context ();

  if (keys_window != NULL)
    g_object_weak_unref (G_OBJECT (keys_window), forget_keys_window, NULL);
  keys_window = window;
  g_object_weak_ref (G_OBJECT (window), forget_keys_window, NULL);
}

static KeySym
keysym_for (const char *name)
{
  KeySym keysym;

  if (g_str_equal (name, "ctrl"))
    return XK_Control_L;
  if (g_str_equal (name, "shift"))
    return XK_Shift_L;
  if (g_str_equal (name, "alt"))
    return XK_Alt_L;

  keysym = XStringToKeysym (name);
  if (keysym == NoSymbol)
    g_error ("No such key: \"%s\"", name);
  return keysym;
}

static guint frames_resumed;

static void
on_resume_events (GdkFrameClock *clock,
                  gpointer       data)
{
  frames_resumed++;
}

static gboolean
resumed_since (gpointer data)
{
  return frames_resumed > GPOINTER_TO_UINT (data);
}

/* GDK queues the events it reads and hands them to the widgets at the
 * frame clock's next frame, not at once: a drain that does not block can
 * return with the keys still queued, and the test would look too early.
 * So: the X events queued (the drain), then a whole frame after that. */
static void
wait_for_events_handled (void)
{
  GdkFrameClock *clock;
  gulong handler;
  guint before;

  drain_main_context ();
  clock = keys_window != NULL ? gtk_widget_get_frame_clock (GTK_WIDGET (keys_window)) : NULL;
  if (clock == NULL)
    return;
  handler = g_signal_connect (clock, "resume-events", G_CALLBACK (on_resume_events), NULL);
  before = frames_resumed;
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_FLUSH_EVENTS);
  g_assert_true (enough_test_wait_until (resumed_since, GUINT_TO_POINTER (before), 60));
  g_signal_handler_disconnect (clock, handler);
  drain_main_context ();
}

static void
send_combination (const char *combination)
{
  Display *xdisplay = get_xdisplay ();
  FakeKeyEvent fake_key_event = get_fake_key_event ();
  g_auto(GStrv) names = g_strsplit (combination, "+", -1);
  guint n = g_strv_length (names);
  g_autofree KeyCode *codes = g_new0 (KeyCode, n);

  for (guint i = 0; i < n; i++)
    {
      codes[i] = XKeysymToKeycode (xdisplay, keysym_for (names[i]));
      if (codes[i] == 0)
        g_error ("The X keyboard has no key for \"%s\"", names[i]);
    }

  /* Keys for an active window only (see above): a loaded display may tell
   * GTK late, never not at all. */
  if (keys_window != NULL)
    g_assert_true (enough_test_wait_until (window_is_active, keys_window, 60));

  for (guint i = 0; i < n; i++)
    fake_key_event (xdisplay, codes[i], True, CurrentTime);
  for (guint i = n; i > 0; i--)
    fake_key_event (xdisplay, codes[i - 1], False, CurrentTime);

  /* One round trip: the server has made the events and sent them to us
   * (this connection is GDK's) before it answers; GDK then handles all
   * that is queued. */
  XSync (xdisplay, False);
  wait_for_events_handled ();
}

void
enough_test_keys_send (const char *keys)
{
  g_auto(GStrv) combinations = g_strsplit (keys, " ", -1);

  for (guint i = 0; combinations[i] != NULL; i++)
    {
      if (*combinations[i] != '\0')
        send_combination (combinations[i]);
    }
}

GtkWidget *
enough_test_keys_get_focus (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

char *
enough_test_keys_describe (GtkWidget *widget)
{
  const char *label = NULL;

  if (widget == NULL)
    return g_strdup ("(no focus)");

  if (GTK_IS_BUTTON (widget))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  if (label == NULL && GTK_IS_LABEL (widget))
    label = gtk_label_get_text (GTK_LABEL (widget));
  if (label == NULL)
    label = gtk_widget_get_tooltip_text (widget);

  return g_strdup_printf ("%s <%s> \"%s\" in %s",
                          G_OBJECT_TYPE_NAME (widget),
                          gtk_widget_get_css_name (widget),
                          label != NULL ? label : "",
                          gtk_widget_get_parent (widget) != NULL
                            ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget))
                            : "(nothing)");
}

typedef struct
{
  double   x;  /* where, in the surface */
  double   y;
  gboolean arrived;
} PointerWait;

static gboolean
on_pointer_event (GtkEventControllerLegacy *controller,
                  GdkEvent                 *event,
                  PointerWait              *wait)
{
  double x, y;

  if (gdk_event_get_event_type (event) == GDK_MOTION_NOTIFY &&
      gdk_event_get_position (event, &x, &y) &&
      fabs (x - wait->x) < 1 && fabs (y - wait->y) < 1)
    wait->arrived = TRUE;
  return GDK_EVENT_PROPAGATE;
}

static gboolean
pointer_arrived (gpointer data)
{
  return ((PointerWait *) data)->arrived;
}

void
enough_test_pointer_move_to (GtkWidget *widget,
                             double     x,
                             double     y)
{
  Display *xdisplay = get_xdisplay ();
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  GtkEventController *controller;
  PointerWait wait = { 0 };
  double dx, dy;
  int root_x, root_y;
  Window child;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), x, y, &wait.x, &wait.y));
  gtk_native_get_surface_transform (native, &dx, &dy);
  wait.x = floor (wait.x + dx);
  wait.y = floor (wait.y + dy);
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface), DefaultRootWindow (xdisplay),
                         (int) wait.x, (int) wait.y, &root_x, &root_y, &child);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_pointer_event), &wait);
  gtk_widget_add_controller (GTK_WIDGET (native), controller);

  /* From one pixel aside: a warp to where the pointer already is moves
   * nothing and sends no motion. */
  XWarpPointer (xdisplay, None, DefaultRootWindow (xdisplay), 0, 0, 0, 0, root_x + 1, root_y);
  XWarpPointer (xdisplay, None, DefaultRootWindow (xdisplay), 0, 0, 0, 0, root_x, root_y);
  XSync (xdisplay, False);
  g_assert_true (enough_test_wait_until (pointer_arrived, &wait, 30));
  gtk_widget_remove_controller (GTK_WIDGET (native), controller);
  drain_main_context ();
}
