/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-match-scroll.h"
#include "enough-search-reveal.h"

/* The mark on the words: the accent colour, softly. */
#define HIGHLIGHT_ALPHA 0.3
#define HIGHLIGHT_TAG "enough-search-match"

/* ---- Finding ------------------------------------------------------------ */

/* Lower-cased characters, as the store compares them. */
static gunichar *
dup_folded (const char *text,
            glong      *n_chars)
{
  gunichar *chars = g_utf8_to_ucs4_fast (text, -1, n_chars);

  for (glong i = 0; i < *n_chars; i++)
    chars[i] = g_unichar_tolower (chars[i]);

  return chars;
}

/* @needle at @text[@i…]; a run of spaces in the needle matches any run of
 * white space (a line break in the text, say). */
static gboolean
match_at (const gunichar *text,
          glong           n_text,
          glong           i,
          const gunichar *needle,
          glong           n_needle,
          glong          *end)
{
  glong j = 0;

  while (j < n_needle)
    {
      if (g_unichar_isspace (needle[j]))
        {
          if (i >= n_text || !g_unichar_isspace (text[i]))
            return FALSE;
          while (j < n_needle && g_unichar_isspace (needle[j]))
            j++;
          while (i < n_text && g_unichar_isspace (text[i]))
            i++;
          continue;
        }
      if (i >= n_text || text[i] != needle[j])
        return FALSE;
      i++;
      j++;
    }

  *end = i;
  return TRUE;
}

static gboolean
find_folded (const gunichar *text,
             glong           n_text,
             const char     *needle,
             int            *start,
             int            *end)
{
  g_autofree char *stripped = g_strstrip (g_strdup (needle != NULL ? needle : ""));
  g_autofree char *normal = g_utf8_normalize (stripped, -1, G_NORMALIZE_NFC);
  const char *variants[] = { stripped, normal };

  /* As typed, and composed the way the store reads a query. */
  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autofree gunichar *chars = NULL;
      glong n_chars = 0;

      if (variants[v] == NULL || variants[v][0] == '\0' ||
          (v > 0 && g_strcmp0 (variants[v], variants[0]) == 0))
        continue;

      chars = dup_folded (variants[v], &n_chars);
      for (glong i = 0; i + n_chars <= n_text; i++)
        {
          glong stop;

          if (match_at (text, n_text, i, chars, n_chars, &stop))
            {
              *start = (int) i;
              *end = (int) stop;
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* The text of the result's first marked range, as shown in bold. */
static char *
dup_marked_text (EnoughSearchResult *result)
{
  const char *snippet;
  guint start, end;

  if (result == NULL || enough_search_result_get_n_matches (result) == 0)
    return NULL;

  snippet = enough_search_result_get_snippet (result);
  enough_search_result_get_match (result, 0, &start, &end);
  if (snippet == NULL || end <= start || end > strlen (snippet) ||
      !g_utf8_validate (snippet + start, end - start, NULL))
    return NULL;

  return g_strndup (snippet + start, end - start);
}

gboolean
enough_search_find_match (const char         *text,
                          const char         *query,
                          EnoughSearchResult *result,
                          int                *start,
                          int                *end)
{
  g_autofree gunichar *chars = NULL;
  g_autofree char *marked = NULL;
  g_auto(GStrv) words = NULL;
  glong n_chars = 0;
  int s = 0, e = 0;

  g_return_val_if_fail (result == NULL || ENOUGH_IS_SEARCH_RESULT (result), FALSE);

  if (text == NULL || text[0] == '\0' || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    query = "";

  chars = dup_folded (text, &n_chars);

  /* The words were found apart (each anywhere in the text): the whole
   * query first, then its first word that occurs. */
  if (!find_folded (chars, n_chars, query, &s, &e))
    {
      gboolean found = FALSE;

      words = g_strsplit_set (query, " \t\n\r\f\v", -1);
      for (guint i = 0; !found && words[i] != NULL; i++)
        found = words[i][0] != '\0' && find_folded (chars, n_chars, words[i], &s, &e);

      if (!found)
        {
          marked = dup_marked_text (result);
          if (!find_folded (chars, n_chars, marked, &s, &e))
            return FALSE;
        }
    }

  if (start != NULL)
    *start = s;
  if (end != NULL)
    *end = e;
  return TRUE;
}

/* ---- Marking it --------------------------------------------------------- */

/* The words stay marked until the user acts there. The selection alone
 * would not do: another program (or GTK itself, changing the label's
 * text) taking the X11 PRIMARY selection collapses it. */
typedef struct
{
  GtkWidget     *target;
  PangoAttrList *old_attributes;  /* a label's, put back afterwards */
  gulong         label_id;
  gulong         unmap_id;
} Highlight;

static GQuark highlight_quark;

static GdkRGBA
highlight_color (GtkWidget *widget)
{
  GdkRGBA color;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* The style context is only deprecated from GTK 4.10 on. */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget),
                                       "accent_bg_color", &color))
    gdk_rgba_parse (&color, "#3584e4");
G_GNUC_END_IGNORE_DEPRECATIONS

  color.alpha = HIGHLIGHT_ALPHA;
  return color;
}

static void
highlight_free (gpointer data)
{
  Highlight *highlight = data;
  GtkWidget *target = highlight->target;

  /* Gone with the widget when the window is destroyed. */
  if (highlight->label_id != 0 && g_signal_handler_is_connected (target, highlight->label_id))
    g_signal_handler_disconnect (target, highlight->label_id);
  if (highlight->unmap_id != 0 && g_signal_handler_is_connected (target, highlight->unmap_id))
    g_signal_handler_disconnect (target, highlight->unmap_id);

  if (gtk_widget_get_parent (target) == NULL)
    ;  /* going away: nothing to put back */
  else if (GTK_IS_LABEL (target))
    gtk_label_set_attributes (GTK_LABEL (target), highlight->old_attributes);
  else if (GTK_IS_TEXT_VIEW (target))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (target));
      GtkTextIter first, last;

      gtk_text_buffer_get_bounds (buffer, &first, &last);
      gtk_text_buffer_remove_tag_by_name (buffer, HIGHLIGHT_TAG, &first, &last);
    }

  g_clear_pointer (&highlight->old_attributes, pango_attr_list_unref);
  g_object_unref (target);
  g_free (highlight);
}

static void
clear_highlight (GtkScrolledWindow *scroller)
{
  if (highlight_quark != 0)
    g_object_set_qdata (G_OBJECT (scroller), highlight_quark, NULL);  /* frees it */
}

static void
on_highlight_target_changed (GtkScrolledWindow *scroller)
{
  clear_highlight (scroller);
}

static void
set_highlight (GtkScrolledWindow *scroller,
               GtkWidget         *target,
               int                start,
               int                end)
{
  Highlight *highlight;
  GdkRGBA color = highlight_color (target);

  clear_highlight (scroller);
  if (highlight_quark == 0)
    highlight_quark = g_quark_from_static_string ("enough-search-highlight");

  highlight = g_new0 (Highlight, 1);
  highlight->target = g_object_ref (target);

  if (GTK_IS_LABEL (target))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (target));
      PangoAttrList *old = gtk_label_get_attributes (GTK_LABEL (target));
      g_autoptr(PangoAttrList) attributes = old != NULL ? pango_attr_list_copy (old) : pango_attr_list_new ();
      PangoAttribute *background, *alpha;
      guint first = (guint) (g_utf8_offset_to_pointer (text, start) - text);
      guint last = (guint) (g_utf8_offset_to_pointer (text, end) - text);

      highlight->old_attributes = old != NULL ? pango_attr_list_ref (old) : NULL;
      background = pango_attr_background_new ((guint16) (color.red * 65535),
                                              (guint16) (color.green * 65535),
                                              (guint16) (color.blue * 65535));
      alpha = pango_attr_background_alpha_new ((guint16) (color.alpha * 65535));
      background->start_index = alpha->start_index = first;
      background->end_index = alpha->end_index = last;
      pango_attr_list_insert (attributes, background);
      pango_attr_list_insert (attributes, alpha);
      gtk_label_set_attributes (GTK_LABEL (target), attributes);

      /* New text: the mark no longer applies. */
      highlight->label_id = g_signal_connect_swapped (target, "notify::label",
                                                      G_CALLBACK (on_highlight_target_changed),
                                                      scroller);
    }
  else if (GTK_IS_TEXT_VIEW (target))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (target));
      GtkTextIter first, last;

      if (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), HIGHLIGHT_TAG) == NULL)
        gtk_text_buffer_create_tag (buffer, HIGHLIGHT_TAG, "background-rgba", &color, NULL);
      gtk_text_buffer_get_iter_at_offset (buffer, &first, start);
      gtk_text_buffer_get_iter_at_offset (buffer, &last, end);
      gtk_text_buffer_apply_tag_by_name (buffer, HIGHLIGHT_TAG, &first, &last);
    }

  /* Leaving the entry ends it too. */
  highlight->unmap_id = g_signal_connect_swapped (target, "unmap",
                                                  G_CALLBACK (on_highlight_target_changed),
                                                  scroller);
  g_object_set_qdata_full (G_OBJECT (scroller), highlight_quark, highlight, highlight_free);
}

static void
on_user_acted (gpointer user_data)
{
  clear_highlight (user_data);
}

gboolean
enough_search_reveal_get_highlight (GtkWidget *widget,
                                    int       *start,
                                    int       *end)
{
  GtkScrolledWindow *scroller;
  Highlight *highlight;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW));
  highlight = scroller != NULL && highlight_quark != 0
              ? g_object_get_qdata (G_OBJECT (scroller), highlight_quark) : NULL;
  if (highlight == NULL || highlight->target != widget)
    return FALSE;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      PangoAttrIterator *iter = pango_attr_list_get_iterator (gtk_label_get_attributes (GTK_LABEL (widget)));
      gboolean found = FALSE;

      do
        {
          PangoAttribute *background = pango_attr_iterator_get (iter, PANGO_ATTR_BACKGROUND);

          if (background != NULL)
            {
              *start = (int) g_utf8_pointer_to_offset (text, text + background->start_index);
              *end = (int) g_utf8_pointer_to_offset (text, text + background->end_index);
              found = TRUE;
            }
        }
      while (!found && pango_attr_iterator_next (iter));
      pango_attr_iterator_destroy (iter);
      return found;
    }

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), HIGHLIGHT_TAG);
      GtkTextIter iter;

      gtk_text_buffer_get_start_iter (buffer, &iter);
      if (tag == NULL || (!gtk_text_iter_starts_tag (&iter, tag) &&
                          !gtk_text_iter_forward_to_tag_toggle (&iter, tag)))
        return FALSE;
      *start = gtk_text_iter_get_offset (&iter);
      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      *end = gtk_text_iter_get_offset (&iter);
      return TRUE;
    }

  return FALSE;
}

/* ---- Scrolling to it ---------------------------------------------------- */

typedef struct
{
  GtkScrolledWindow *scroller;
  GtkWidget         *target;
  int                start;     /* characters; -1: the whole widget */
  int                end;
  int                select_start;  /* characters; -1: nothing to select */
  int                select_end;
  gboolean           focus_pending; /* waits for the target to be shown */
} Reveal;

static void
reveal_free (gpointer data)
{
  Reveal *reveal = data;

  g_clear_object (&reveal->target);
  g_free (reveal);
}

static void
pango_extent (PangoLayout    *layout,
              const char     *text,
              int             start,
              int             end,
              graphene_rect_t *rect)
{
  glong length = g_utf8_strlen (text, -1);
  int first = CLAMP (start, 0, (int) length);
  int last = CLAMP (end > start ? end - 1 : start, 0, (int) length);
  PangoRectangle a, b;
  int top, bottom;

  pango_layout_index_to_pos (layout, (int) (g_utf8_offset_to_pointer (text, first) - text), &a);
  pango_layout_index_to_pos (layout, (int) (g_utf8_offset_to_pointer (text, last) - text), &b);
  top = MIN (a.y, b.y);
  bottom = MAX (a.y + a.height, b.y + b.height);
  graphene_rect_init (rect, 0, PANGO_PIXELS (top), 1, PANGO_PIXELS (bottom - top));
}

/* The match's extent in @target's coordinates; NULL before it is laid out. */
static GtkWidget *
locate_match (gpointer         user_data,
              graphene_rect_t *rect)
{
  Reveal *reveal = user_data;
  GtkWidget *target = reveal->target;

  if (!gtk_widget_get_mapped (target) || gtk_widget_get_height (target) <= 0)
    return NULL;

  if (reveal->start >= 0 && GTK_IS_LABEL (target))
    {
      int x, y;

      pango_extent (gtk_label_get_layout (GTK_LABEL (target)),
                    pango_layout_get_text (gtk_label_get_layout (GTK_LABEL (target))),
                    reveal->start, reveal->end, rect);
      gtk_label_get_layout_offsets (GTK_LABEL (target), &x, &y);
      rect->origin.y += y;
      return target;
    }

  if (reveal->start >= 0 && GTK_IS_TEXT_VIEW (target))
    {
      GtkTextView *view = GTK_TEXT_VIEW (target);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextIter first, last;
      GdkRectangle a, b;
      int top, bottom, x;

      gtk_text_buffer_get_iter_at_offset (buffer, &first, reveal->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &last, MAX (reveal->start, reveal->end - 1));
      gtk_text_view_get_iter_location (view, &first, &a);
      gtk_text_view_get_iter_location (view, &last, &b);
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, a.x, a.y, &x, &top);
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, b.x, b.y + b.height, &x, &bottom);
      graphene_rect_init (rect, 0, top, 1, MAX (bottom - top, 1));
      return target;
    }

  graphene_rect_init (rect, 0, 0, gtk_widget_get_width (target), gtk_widget_get_height (target));
  return target;
}

/* Focus first: a selectable label or an entry selects all its text when
 * it gains the focus. */
static void
select_and_focus (Reveal *reveal)
{
  GtkWidget *widget = reveal->target;
  int start = reveal->select_start;
  int end = reveal->select_end;

  if (!reveal->focus_pending)
    return;
  reveal->focus_pending = FALSE;
  gtk_widget_grab_focus (widget);

  if (start < 0)
    return;

  if (GTK_IS_LABEL (widget) || GTK_IS_TEXT_VIEW (widget))
    set_highlight (reveal->scroller, widget, start, end);

  if (GTK_IS_LABEL (widget))
    gtk_label_select_region (GTK_LABEL (widget), start, end);
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter first, last;

      gtk_text_buffer_get_iter_at_offset (buffer, &first, start);
      gtk_text_buffer_get_iter_at_offset (buffer, &last, end);
      /* The cursor after the match, as after a find in a text editor. */
      gtk_text_buffer_select_range (buffer, &last, &first);
    }
  else if (GTK_IS_EDITABLE (widget))
    gtk_editable_select_region (GTK_EDITABLE (widget), start, end);
}

static void
on_match_found (GtkWidget *widget,
                gpointer   user_data)
{
  select_and_focus (user_data);
}

static void
start_reveal (GtkScrolledWindow *scroller,
              GtkWidget         *target,
              int                start,
              int                end,
              gboolean           scroll_to_range)
{
  Reveal *reveal;

  enough_match_scroll_stop (scroller);
  clear_highlight (scroller);

  /* Any key or click there: the user takes it from here. */
  if (g_object_get_data (G_OBJECT (scroller), "enough-reveal-watching") == NULL)
    {
      enough_match_watch_user (GTK_WIDGET (scroller), on_user_acted, scroller);
      g_object_set_data (G_OBJECT (scroller), "enough-reveal-watching", GINT_TO_POINTER (TRUE));
    }

  reveal = g_new0 (Reveal, 1);
  reveal->scroller = scroller;
  reveal->target = g_object_ref (target);
  reveal->select_start = start;
  reveal->select_end = end;
  /* An entry shows all of its one line: bringing it into view is enough. */
  reveal->start = scroll_to_range ? start : -1;
  reveal->end = scroll_to_range ? end : -1;
  reveal->focus_pending = TRUE;
  if (gtk_widget_get_mapped (target))
    select_and_focus (reveal);
  enough_match_scroll_start (scroller, locate_match, on_match_found, reveal, reveal_free);
}

gboolean
enough_search_reveal_is_busy (GtkScrolledWindow *scroller)
{
  g_return_val_if_fail (GTK_IS_SCROLLED_WINDOW (scroller), FALSE);

  return enough_match_scroll_is_busy (scroller);
}

gboolean
enough_search_reveal_text (GtkScrolledWindow  *scroller,
                           GtkWidget          *widget,
                           const char         *query,
                           EnoughSearchResult *result)
{
  g_autofree char *owned = NULL;
  const char *text = NULL;
  int start = -1, end = -1;
  gboolean found;

  g_return_val_if_fail (GTK_IS_SCROLLED_WINDOW (scroller), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (gtk_widget_is_ancestor (widget, GTK_WIDGET (scroller)), FALSE);

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter first, last;

      gtk_text_buffer_get_bounds (buffer, &first, &last);
      /* A slice: one character for each offset, as the iters count. */
      text = owned = gtk_text_buffer_get_slice (buffer, &first, &last, TRUE);
    }
  else if (GTK_IS_EDITABLE (widget))
    text = gtk_editable_get_text (GTK_EDITABLE (widget));

  found = enough_search_find_match (text, query, result, &start, &end);
  if (!found)
    start = end = -1;
  start_reveal (scroller, widget, start, end, !GTK_IS_EDITABLE (widget));

  return found;
}
