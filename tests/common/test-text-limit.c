/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "enough-gui-test-utils.h"
#include "enough-text-limit.h"

/* One rule for typing and import (issue #26): what is typed or pasted
 * stops at the import's limit, cut between characters; what the program
 * loads from the journal is never cut. */

/* "héllo wörld": é and ö are two bytes each */
#define WORDS "h\xc3\xa9llo w\xc3\xb6rld"

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* A paste into the view, as GtkTextView does it: a user action. */
static void
paste (GtkTextView *view,
       const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static void
test_view (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkTextView *view = GTK_TEXT_VIEW (gtk_text_view_new ());
  g_autofree char *text = NULL;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  enough_text_limit_view (view, 10);
  g_assert_cmpuint (enough_text_limit_get (GTK_WIDGET (view)), ==, 10);

  paste (view, WORDS);
  text = buffer_text (view);
  /* 10 bytes end right after ö: nothing cut inside a character */
  g_assert_cmpstr (text, ==, "h\xc3\xa9llo w\xc3\xb6");
  g_clear_pointer (&text, g_free);

  /* full: one more character is refused, one at a time as typing does */
  paste (view, "x");
  text = buffer_text (view);
  g_assert_cmpuint (strlen (text), ==, 10);
  g_clear_pointer (&text, g_free);

  /* a text loaded from the journal is shown whole, even past the limit */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), WORDS WORDS, -1);
  text = buffer_text (view);
  g_assert_cmpstr (text, ==, WORDS WORDS);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A cut that falls inside a three-byte character keeps it out. */
static void
test_view_cjk (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkTextView *view = GTK_TEXT_VIEW (gtk_text_view_new ());
  g_autofree char *text = NULL;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  enough_text_limit_view (view, 8);
  paste (view, "十分ではない");  /* 3 bytes each */
  text = buffer_text (view);
  g_assert_cmpstr (text, ==, "十分");
  g_assert_true (g_utf8_validate (text, -1, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_entry (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (entry));
  int position = 0;

  gtk_window_set_child (GTK_WINDOW (window), entry);
  enough_text_limit_editable (GTK_EDITABLE (entry), 10);
  g_assert_cmpuint (enough_text_limit_get (entry), ==, 10);

  /* loaded by the program, not focused: whole */
  gtk_editable_set_text (GTK_EDITABLE (entry), WORDS WORDS);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, WORDS WORDS);

  /* typed or pasted: only with focus */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_window_set_focus (GTK_WINDOW (window), GTK_WIDGET (delegate));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (delegate)));
  gtk_editable_insert_text (delegate, WORDS, -1, &position);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "h\xc3\xa9llo w\xc3\xb6");
  g_assert_cmpint (position, ==, 8);
  gtk_editable_insert_text (delegate, "x", -1, &position);
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (entry))), ==, 10);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The import's limits are the ones typing gets. */
static void
test_same_rule (void)
{
  g_assert_cmpuint (ENOUGH_TEXT_MAX_BYTES, ==, 1024 * 1024);
  g_assert_cmpuint (ENOUGH_SHORT_TEXT_MAX_BYTES, ==, 4096);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

  g_test_add_func ("/text-limit/view", test_view);
  g_test_add_func ("/text-limit/view-cjk", test_view_cjk);
  g_test_add_func ("/text-limit/entry", test_entry);
  g_test_add_func ("/text-limit/same-rule", test_same_rule);

  return g_test_run ();
}
