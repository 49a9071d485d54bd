/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-dates.h"
#include "enough-search-row.h"
#include "enough-word-wrap.h"

/* ---- Markup ------------------------------------------------------------- */

static gboolean
is_char_boundary (const char *text,
                  gsize       length,
                  gsize       offset)
{
  return offset == length || (((guchar) text[offset]) & 0xC0) != 0x80;
}

static void
append_escaped (GString    *markup,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (markup, escaped);
}

char *
enough_search_result_dup_markup (EnoughSearchResult *result)
{
  const char *snippet;
  GString *markup;
  gsize length;
  gsize position = 0;

  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (result), NULL);

  snippet = enough_search_result_get_snippet (result);
  if (snippet == NULL)
    return g_strdup ("");
  length = strlen (snippet);
  markup = g_string_new (NULL);

  for (guint i = 0; i < enough_search_result_get_n_matches (result); i++)
    {
      guint start, end;

      enough_search_result_get_match (result, i, &start, &end);
      /* Only sane ranges, in order, on whole characters: the rest of the
       * text is then still shown, just not bold there. */
      if (start < position || end <= start || end > length ||
          !is_char_boundary (snippet, length, start) ||
          !is_char_boundary (snippet, length, end))
        continue;

      append_escaped (markup, snippet + position, start - position);
      g_string_append (markup, "<b>");
      append_escaped (markup, snippet + start, end - start);
      g_string_append (markup, "</b>");
      position = end;
    }
  append_escaped (markup, snippet + position, length - position);

  return g_string_free (markup, FALSE);
}

/* ---- Rows --------------------------------------------------------------- */

/* Where the match is, naming the entry: with thousands of entries, "in the
 * dialogue" does not say which one (the date beside it helps too). */
char *
enough_search_result_dup_place (EnoughSearchResult *result)
{
  const char *title;

  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (result), NULL);

  title = enough_search_result_get_entry_title (result);
  if (title == NULL && enough_search_result_get_kind (result) == ENOUGH_RECORD_KIND_LETTER)
    title = _("A letter to yourself");
  else if (title == NULL)
    title = _("Untitled Dialogue");

  switch (enough_search_result_get_field (result))
    {
    case ENOUGH_SEARCH_FIELD_TITLE:
      /* The snippet is the title itself. */
      return g_strdup (_("Dialogue title"));
    case ENOUGH_SEARCH_FIELD_CRITIC_NAME:
      /* Translators: where a search result was found; %s is the
       * dialogue's title */
      return g_strdup_printf (_("Name of the critic in “%s”"), title);
    case ENOUGH_SEARCH_FIELD_TURN:
      /* Translators: where a search result was found: in a dialogue's
       * words; %s is the dialogue's title */
      return g_strdup_printf (_("In “%s”"), title);
    case ENOUGH_SEARCH_FIELD_NOT_GOOD_ENOUGH:
      /* The snippet is (the start of) the name already. */
      return g_strdup (_("What felt not good enough"));
    case ENOUGH_SEARCH_FIELD_LETTER:
      /* Translators: where a search result was found; %s is the letter's
       * first words, as the Letters list names it */
      return g_strdup_printf (_("In the letter “%s”"), title);
    case ENOUGH_SEARCH_FIELD_TAKEAWAY:
      /* Translators: where a search result was found; %s is the letter's
       * first words, as the Letters list names it */
      return g_strdup_printf (_("Takeaway of “%s”"), title);
    case ENOUGH_SEARCH_FIELD_NOTE:
      return g_strdup (_("Note"));
    case ENOUGH_SEARCH_FIELD_BELIEF:
      return g_strdup (_("The belief to test"));
    case ENOUGH_SEARCH_FIELD_PREDICTION:
      return g_strdup (_("What I fear will happen"));
    case ENOUGH_SEARCH_FIELD_ACTION:
      return g_strdup (_("What exactly I will do"));
    case ENOUGH_SEARCH_FIELD_OBSTACLES:
      return g_strdup (_("What might get in the way"));
    case ENOUGH_SEARCH_FIELD_ALTERNATIVE:
      return g_strdup (_("A kinder belief"));
    case ENOUGH_SEARCH_FIELD_OUTCOME:
      return g_strdup (_("What actually happened"));
    case ENOUGH_SEARCH_FIELD_LEARNED:
      return g_strdup (_("What I learned"));
    case ENOUGH_SEARCH_FIELD_CHECKIN_NOTE:
      /* Translators: where a search result was found; %s is the check-in's day, 2026-03-01 */
      return g_strdup_printf (_("Check-in note of %s"), title);
    case ENOUGH_SEARCH_FIELD_REFLECTION:
      /* Translators: where a search result was found; %s is the day it was written, 2026-03-01 */
      return g_strdup_printf (_("Reflection of %s"), title);
    default:
      return g_strdup ("");
    }
}

/* What a screen reader names a result by: the entry it opens (its kind,
 * title and day), as the pages' own lists name their rows; the words that
 * matched come after, as its description. */
static char *
dup_row_name (EnoughSearchResult *result,
              const char         *date)
{
  const char *title = enough_search_result_get_entry_title (result);

  switch (enough_search_result_get_kind (result))
    {
    case ENOUGH_RECORD_KIND_DIALOGUE:
    case ENOUGH_RECORD_KIND_TURN:
      return g_strdup_printf (_("Dialogue: %s, %s"), title != NULL ? title : _("Untitled Dialogue"), date);
    case ENOUGH_RECORD_KIND_LETTER:
      return g_strdup_printf (_("Letter: %s, %s"), title != NULL ? title : _("A letter to yourself"), date);
    case ENOUGH_RECORD_KIND_SELF_CHECK:
      return g_strdup_printf (_("Self-Check: %s"), date);
    case ENOUGH_RECORD_KIND_EXPERIMENT:
      /* Translators: how a screen reader names an experiment found by a
       * search: the belief it tests, then the day it was made */
      return title != NULL ? g_strdup_printf (_("Experiment: %s, %s"), title, date)
                           : g_strdup_printf (_("Experiment: %s"), date);
    case ENOUGH_RECORD_KIND_CHECKIN:
      /* Translators: how a screen reader names a check-in found by a
       * search: its day */
      return g_strdup_printf (_("Check-in: %s"), title != NULL ? title : date);
    default:
      return g_strdup (date);
    }
}

/* A row's parts, found again when the row shows another result. */
typedef struct
{
  GtkLabel *snippet;
  GtkLabel *field;
  GtkLabel *date;
  char     *markup;
} RowParts;

static void
row_parts_free (gpointer data)
{
  RowParts *parts = data;

  g_free (parts->markup);
  g_free (parts);
}

/* Shows @result in @row, touching only what differs: a label whose text is
 * the same keeps its layout, so a keystroke that changes a few results
 * measures and draws only those. */
void
enough_search_row_update (GtkWidget          *row,
                          EnoughSearchResult *result)
{
  RowParts *parts = g_object_get_data (G_OBJECT (row), "enough-search-row");
  g_autofree char *markup = enough_search_result_dup_markup (result);
  g_autofree char *date = enough_dates_format_date (enough_search_result_get_created_at (result));
  g_autofree char *field = enough_search_result_dup_place (result);
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  if (g_strcmp0 (parts->markup, markup) != 0)
    {
      gtk_label_set_markup (parts->snippet, markup);
      g_free (parts->markup);
      parts->markup = g_steal_pointer (&markup);
    }
  if (g_strcmp0 (gtk_label_get_label (parts->field), field) != 0)
    gtk_label_set_label (parts->field, field);
  if (g_strcmp0 (gtk_label_get_label (parts->date), date) != 0)
    gtk_label_set_label (parts->date, date);

  /* Named by the entry it opens; described by where the words were found
   * and the snippet as plain text (what is shown). */
  name = dup_row_name (result, date);
  /* Translators: how a screen reader describes a search result: where it
   * was found, then the words found there */
  description = g_strdup_printf (C_("search result", "%s, %s"), field,
                                 enough_search_result_get_snippet (result));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "enough-search-result",
                          g_object_ref (result), g_object_unref);
}

GtkWidget *
enough_search_row_new (EnoughSearchResult *result)
{
  RowParts *parts = g_new0 (RowParts, 1);
  GtkWidget *row, *box, *snippet, *details, *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  snippet = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 2);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), snippet);
  enough_word_wrap_label (GTK_LABEL (snippet));
  parts->snippet = GTK_LABEL (snippet);

  details = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (details), label);
  parts->field = GTK_LABEL (label);
  label = gtk_label_new (NULL);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (details), label);
  parts->date = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (box), details);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "enough-search-row", parts, row_parts_free);
  enough_search_row_update (row, result);

  return row;
}

/* ---- Comparing ---------------------------------------------------------- */

gboolean
enough_search_result_same (EnoughSearchResult *a,
                           EnoughSearchResult *b)
{
  guint n = enough_search_result_get_n_matches (a);

  if (a == b)
    return TRUE;
  if (enough_search_result_get_kind (a) != enough_search_result_get_kind (b) ||
      enough_search_result_get_field (a) != enough_search_result_get_field (b) ||
      enough_search_result_get_created_at (a) != enough_search_result_get_created_at (b) ||
      g_strcmp0 (enough_search_result_get_entry_title (a), enough_search_result_get_entry_title (b)) != 0 ||
      g_strcmp0 (enough_search_result_get_entry_uuid (a), enough_search_result_get_entry_uuid (b)) != 0 ||
      g_strcmp0 (enough_search_result_get_turn_uuid (a), enough_search_result_get_turn_uuid (b)) != 0 ||
      g_strcmp0 (enough_search_result_get_snippet (a), enough_search_result_get_snippet (b)) != 0 ||
      n != enough_search_result_get_n_matches (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      guint sa, ea, sb, eb;

      enough_search_result_get_match (a, i, &sa, &ea);
      enough_search_result_get_match (b, i, &sb, &eb);
      if (sa != sb || ea != eb)
        return FALSE;
    }
  return TRUE;
}
