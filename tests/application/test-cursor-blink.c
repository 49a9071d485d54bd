/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <gtk/gtk.h>

#include "enough-cursor-blink.h"
#include "enough-gui-test-utils.h"
#include "enough-test-utils.h"

/* The on-and-off cursor on software rendering (issue #28): the toolkit's
 * fading blink is off, the focused field's caret is hidden and shown in
 * turn, and nothing changes when the user turned blinking off. */

#define HIDDEN_CLASS "enough-caret-hidden"

static gboolean
caret_hidden (gpointer data)
{
  return gtk_widget_has_css_class (GTK_WIDGET (data), HIDDEN_CLASS);
}

static gboolean
caret_shown (gpointer data)
{
  return !caret_hidden (data);
}

static gboolean
has_focus (gpointer data)
{
  return gtk_widget_has_focus (GTK_WIDGET (data));
}

/* Waits for the caret to be hidden or shown. The field blinks only while
 * its window is active: when another window on the same X server took the
 * focus, says so rather than that the blinking broke (tests/meson.build runs
 * this test alone for that reason). */
static void
assert_caret_becomes (EnoughTestCondition  condition,
                      GtkWidget           *field)
{
  gboolean done = enough_test_wait_until (condition, field, 60);

  g_assert_true (gtk_window_is_active (GTK_WINDOW (gtk_widget_get_root (field))));
  g_assert_true (done);
}

static void
test_user_off (void)
{
  g_autoptr(GtkSettings) settings = g_object_new (GTK_TYPE_SETTINGS, NULL);
  gboolean blinks = TRUE;

  g_object_set (settings, "gtk-cursor-blink", FALSE, NULL);
  g_assert_false (enough_cursor_blink_install (settings));
  g_assert_false (enough_cursor_blink_is_installed (settings));
  g_object_get (settings, "gtk-cursor-blink", &blinks, NULL);
  g_assert_false (blinks);
}

static void
test_blinks_on_and_off (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *button = gtk_button_new_with_label ("Elsewhere");
  GtkWidget *text = gtk_widget_get_first_child (entry);
  gboolean blinks = TRUE;

  g_assert_true (GTK_IS_TEXT (text));
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), view);
  gtk_box_append (GTK_BOX (box), button);
  gtk_window_set_child (GTK_WINDOW (window), box);

  /* Quick blinks, so the test does not wait long; a long timeout, so the
   * blinking does not stop while it watches. */
  g_object_set (settings,
                "gtk-cursor-blink", TRUE,
                "gtk-cursor-blink-time", 200,
                "gtk-cursor-blink-timeout", 600,
                NULL);
  g_assert_true (enough_cursor_blink_install (settings));
  g_assert_true (enough_cursor_blink_is_installed (settings));
  /* GTK's own (fading) blinking is off for the process. */
  g_object_get (settings, "gtk-cursor-blink", &blinks, NULL);
  g_assert_false (blinks);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (entry);
  g_assert_true (enough_test_wait_until (has_focus, text, 60));

  /* The single-line field blinks: its caret goes and comes back. */
  assert_caret_becomes (caret_hidden, text);
  assert_caret_becomes (caret_shown, text);
  assert_caret_becomes (caret_hidden, text);

  /* The focus moves on: the old field's caret is not left hidden, and the
   * text view blinks now. */
  gtk_widget_grab_focus (view);
  g_assert_true (enough_test_wait_until (has_focus, view, 60));
  g_assert_false (caret_hidden (text));
  assert_caret_becomes (caret_hidden, view);
  assert_caret_becomes (caret_shown, view);

  /* Not a text field: nothing blinks, nothing is left hidden. */
  gtk_widget_grab_focus (button);
  g_assert_true (enough_test_wait_until (has_focus, button, 60));
  g_assert_false (caret_hidden (view));
  g_assert_false (caret_hidden (text));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

  g_test_add_func ("/cursor-blink/user-off", test_user_off);
  g_test_add_func ("/cursor-blink/on-and-off", test_blinks_on_and_off);

  return g_test_run ();
}
