/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enough-text-limit.h"

#define LIMIT_KEY "enough-text-limit"

typedef struct
{
  GtkWidget *widget;      /* the view or entry (not a reference) */
  gsize      max_bytes;
  guint      user_depth;  /* inside begin/end-user-action (a buffer) */
  gulong     insert_id;
} Limit;

/* How many bytes of @text (@len of them) fit into @room, cut at a
 * character boundary. */
static gsize
fitting_bytes (const char *text,
               gsize       len,
               gsize       room)
{
  const char *end;

  if (len <= room)
    return len;
  end = text + room;
  /* back to the start of the character the cut falls in */
  while (end > text && ((guchar) *end & 0xc0) == 0x80)
    end--;
  return (gsize) (end - text);
}

static void
say_too_long (Limit *limit)
{
  gtk_widget_error_bell (limit->widget);
  gtk_widget_activate_action (limit->widget, "win.show-toast", "s",
                              _("That is as long as this text can be, so the rest was not added"));
}

/* ---- text views ------------------------------------------------------ */

static void
on_begin_user_action (GtkTextBuffer *buffer,
                      Limit         *limit)
{
  limit->user_depth++;
}

static void
on_end_user_action (GtkTextBuffer *buffer,
                    Limit         *limit)
{
  if (limit->user_depth > 0)
    limit->user_depth--;
}

static void
on_buffer_insert (GtkTextBuffer *buffer,
                  GtkTextIter   *location,
                  const char    *text,
                  int            len,
                  Limit         *limit)
{
  GtkTextIter start, end;
  g_autofree char *all = NULL;
  gsize have, fits;

  if (limit->user_depth == 0 || len <= 0)
    return;  /* set by the program: never cut what the journal holds */
  /* A character is at most 4 bytes: far from the limit, no need to count. */
  if ((gsize) gtk_text_buffer_get_char_count (buffer) * 4 + (gsize) len <= limit->max_bytes)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  all = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  have = strlen (all);
  if (have + (gsize) len <= limit->max_bytes)
    return;

  fits = fitting_bytes (text, (gsize) len, have < limit->max_bytes ? limit->max_bytes - have : 0);
  g_signal_stop_emission_by_name (buffer, "insert-text");
  if (fits > 0)
    {
      /* Inserting at @location revalidates it, as the signal requires. */
      g_signal_handler_block (buffer, limit->insert_id);
      gtk_text_buffer_insert (buffer, location, text, (int) fits);
      g_signal_handler_unblock (buffer, limit->insert_id);
    }
  say_too_long (limit);
}

void
enough_text_limit_view (GtkTextView *view,
                        gsize        max_bytes)
{
  GtkTextBuffer *buffer;
  Limit *limit;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (max_bytes > 0);

  buffer = gtk_text_view_get_buffer (view);
  limit = g_new0 (Limit, 1);
  limit->widget = GTK_WIDGET (view);
  limit->max_bytes = max_bytes;
  g_object_set_data_full (G_OBJECT (view), LIMIT_KEY, limit, g_free);
  /* The buffer lives as long as its view here (set once, in the .ui). */
  g_signal_connect (buffer, "begin-user-action", G_CALLBACK (on_begin_user_action), limit);
  g_signal_connect (buffer, "end-user-action", G_CALLBACK (on_end_user_action), limit);
  limit->insert_id = g_signal_connect (buffer, "insert-text", G_CALLBACK (on_buffer_insert), limit);
}

/* ---- entries --------------------------------------------------------- */

static void
on_editable_insert (GtkEditable *delegate,
                    const char  *text,
                    int          len,
                    int         *position,
                    Limit       *limit)
{
  gsize have, n, fits;

  /* Typing and pasting need focus; a program setting the text does not
   * (and what the journal holds is never cut). */
  if (!gtk_widget_is_focus (GTK_WIDGET (delegate)))
    return;
  n = len < 0 ? strlen (text) : (gsize) len;
  have = strlen (gtk_editable_get_text (delegate));
  if (have + n <= limit->max_bytes)
    return;

  fits = fitting_bytes (text, n, have < limit->max_bytes ? limit->max_bytes - have : 0);
  g_signal_stop_emission_by_name (delegate, "insert-text");
  if (fits > 0)
    {
      g_signal_handler_block (delegate, limit->insert_id);
      gtk_editable_insert_text (delegate, text, (int) fits, position);
      g_signal_handler_unblock (delegate, limit->insert_id);
    }
  say_too_long (limit);
}

void
enough_text_limit_editable (GtkEditable *editable,
                            gsize        max_bytes)
{
  GtkEditable *delegate;
  Limit *limit;

  g_return_if_fail (GTK_IS_EDITABLE (editable));
  g_return_if_fail (max_bytes > 0);

  /* An entry's text lives in its GtkText, which emits insert-text. */
  delegate = gtk_editable_get_delegate (editable);
  if (delegate == NULL)
    delegate = editable;
  limit = g_new0 (Limit, 1);
  limit->widget = GTK_WIDGET (editable);
  limit->max_bytes = max_bytes;
  g_object_set_data_full (G_OBJECT (editable), LIMIT_KEY, limit, g_free);
  limit->insert_id = g_signal_connect (delegate, "insert-text", G_CALLBACK (on_editable_insert), limit);
}

gsize
enough_text_limit_get (GtkWidget *widget)
{
  Limit *limit = g_object_get_data (G_OBJECT (widget), LIMIT_KEY);

  return limit != NULL ? limit->max_bytes : 0;
}
