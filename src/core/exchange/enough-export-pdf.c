/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "enough-export-pdf.h"

/* The PDF export: the Markdown export's text laid out for reading with
 * Pango (so CJK and every script are shaped) on cairo's PDF surface. No
 * widgets, so the command line and a print operation can both use it. */

#define PAGE_W   595.28  /* A4 in points */
#define PAGE_H   841.89
#define MARGIN   56.0

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} PdfWrite;

static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfWrite *w = closure;

  if (w->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (w->stream, data, length, NULL, w->cancellable, &w->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* One Markdown block as Pango markup: backslash escapes undone, **bold**
 * and *italic* kept, table rows as plain rows. */
static char *
block_markup (const char *block)
{
  GString *out = g_string_new (NULL);
  gboolean bold = FALSE, italic = FALSE;

  for (const char *p = block; *p != '\0'; p++)
    {
      /* a table's "|---|---:|" rule says nothing to a reader */
      if ((p == block || p[-1] == '\n') && g_str_has_prefix (p, "|---"))
        {
          const char *nl = strchr (p, '\n');
          if (nl == NULL)
            break;
          p = nl;
          continue;
        }
      if (*p == '\\' && p[1] != '\0')
        {
          char c[2] = { *++p, '\0' };
          g_autofree char *e = g_markup_escape_text (c, 1);
          g_string_append (out, e);
        }
      else if (p[0] == '*' && p[1] == '*')
        {
          g_string_append (out, bold ? "</b>" : "<b>");
          bold = !bold;
          p++;
        }
      else if (*p == '*')
        {
          g_string_append (out, italic ? "</i>" : "<i>");
          italic = !italic;
        }
      else if (*p == '|')
        {
          /* a table cell border */
          if (p != block && p[-1] != '\n' && p[1] != '\n' && p[1] != '\0')
            g_string_append (out, "   ");
        }
      else if (p[0] == ' ' && p[1] == ' ' && p[2] == '\n')
        ;  /* a hard break's marker */
      else if (*p == '&')
        g_string_append (out, "&amp;");
      else if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '>')
        g_string_append (out, "&gt;");
      else
        g_string_append_c (out, *p);
    }
  if (italic)
    g_string_append (out, "</i>");
  if (bold)
    g_string_append (out, "</b>");
  return g_string_free (out, FALSE);
}

struct _EnoughPdfLayout
{
  cairo_t      *cr;
  PangoContext *context;
  double    width;
  double    height;
  guint     only_page;  /* 0: every page, shown as it fills; N: page N only */
  double    y;
  guint     page;
  gboolean  in_letter;
  char     *me_prefix;
  char     *patterns_prefix;
  char     *letter_heading;
};

static gboolean
drawing (EnoughPdfLayout *pg)
{
  return pg->only_page == 0 || pg->page == pg->only_page;
}

static void
pager_finish_page (EnoughPdfLayout *pg)
{
  if (drawing (pg))
    {
      PangoLayout *layout = pango_layout_new (pg->context);
      PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
      g_autofree char *num = g_strdup_printf ("%u", pg->page);
      int w, h;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, num, -1);
      pango_layout_get_size (layout, &w, &h);
      cairo_set_source_rgb (pg->cr, 0.4, 0.4, 0.4);
      cairo_move_to (pg->cr, (pg->width - (double) w / PANGO_SCALE) / 2,
                     pg->height - MARGIN / 2 - (double) h / PANGO_SCALE);
      pango_cairo_show_layout (pg->cr, layout);
      pango_font_description_free (font);
      g_object_unref (layout);
    }
  /* A print operation shows its pages itself. */
  if (pg->only_page == 0)
    cairo_show_page (pg->cr);
  pg->page++;
  pg->y = MARGIN;
}

static void
pager_bar (EnoughPdfLayout *pg,
           double           top)
{
  if (!drawing (pg))
    return;
  cairo_rectangle (pg->cr, MARGIN, top, 2.5, pg->y - top);
  cairo_set_source_rgb (pg->cr, 0.75, 0.35, 0.3);
  cairo_fill (pg->cr);
}

/* Lays @layout out line by line at @indent, turning the page between lines. */
static void
pager_show (EnoughPdfLayout *pg,
            PangoLayout     *layout,
            double           indent,
            gboolean         bar)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double top = pg->y;

  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double baseline, height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      if (pg->y + height > pg->height - MARGIN)
        {
          if (bar)
            pager_bar (pg, top);
          pager_finish_page (pg);
          top = pg->y;
        }
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE -
                 (double) logical.y / PANGO_SCALE;
      if (drawing (pg))
        {
          cairo_set_source_rgb (pg->cr, 0.1, 0.1, 0.1);
          cairo_move_to (pg->cr, MARGIN + indent + (double) logical.x / PANGO_SCALE, pg->y + baseline);
          pango_cairo_show_layout_line (pg->cr, line);
        }
      pg->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* The critic's voice: a coloured bar beside it. */
  if (bar)
    pager_bar (pg, top);
}

static PangoLayout *
new_layout (EnoughPdfLayout *pg,
            const char      *font_name,
            double           indent)
{
  /* One Pango context for the whole export: making one per block (as
   * pango_cairo_create_layout() does) cost more than the layout. */
  PangoLayout *layout = pango_layout_new (pg->context);
  PangoFontDescription *font = pango_font_description_from_string (font_name);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((pg->width - 2 * MARGIN - indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_font_description_free (font);
  return layout;
}

/* A Markdown table ("| a | b |" rows, a "|---|" rule) as a real table:
 * each column as wide as its widest cell, the widest column wrapped when
 * they do not all fit; the header row in bold with a rule under it; a row
 * is never split between pages. */
#define TABLE_INDENT 12.0
#define TABLE_GAP    18.0
#define TABLE_MAX_COLS 8

static void
pager_table (EnoughPdfLayout *pg,
             const char      *block)
{
  g_auto(GStrv) lines = g_strsplit (block, "\n", -1);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  double col_w[TABLE_MAX_COLS] = { 0 };
  double avail = pg->width - 2 * MARGIN - TABLE_INDENT;
  double total = 0, rule_w;
  guint n_cols = 0, widest = 0;
  PangoLayout *measure;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *inner = NULL;
      char **cells;
      gsize len = strlen (lines[i]);

      if (!g_str_has_prefix (lines[i], "|") || g_str_has_prefix (lines[i], "|---"))
        continue;
      inner = g_strndup (lines[i] + 1, len > 1 && lines[i][len - 1] == '|' ? len - 2 : len - 1);
      cells = g_strsplit (inner, " | ", TABLE_MAX_COLS);
      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_autofree char *markup = block_markup (g_strstrip (cells[c]));
          g_free (cells[c]);
          cells[c] = rows->len == 0 ? g_strdup_printf ("<b>%s</b>", markup) : g_steal_pointer (&markup);
        }
      g_ptr_array_add (rows, cells);
    }

  /* Each column's natural width. */
  measure = new_layout (pg, "Sans 10", 0);
  pango_layout_set_width (measure, -1);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          int w;

          pango_layout_set_markup (measure, cells[c], -1);
          pango_layout_get_size (measure, &w, NULL);
          col_w[c] = MAX (col_w[c], (double) w / PANGO_SCALE);
          n_cols = MAX (n_cols, c + 1);
        }
    }
  g_object_unref (measure);
  for (guint c = 0; c < n_cols; c++)
    {
      total += col_w[c] + (c > 0 ? TABLE_GAP : 0);
      if (col_w[c] > col_w[widest])
        widest = c;
    }
  /* Too wide: the widest column wraps. */
  if (total > avail && n_cols > 0)
    {
      col_w[widest] = MAX (avail - (total - col_w[widest]), avail * 0.3);
      total = avail;
    }
  rule_w = MIN (total, avail);

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      PangoLayout *cell_layouts[TABLE_MAX_COLS] = { NULL };
      double height = 0, x = MARGIN + TABLE_INDENT;

      for (guint c = 0; cells[c] != NULL; c++)
        {
          int h;

          cell_layouts[c] = new_layout (pg, "Sans 10", 0);
          pango_layout_set_width (cell_layouts[c], (int) (col_w[c] * PANGO_SCALE) + 1);
          pango_layout_set_markup (cell_layouts[c], cells[c], -1);
          pango_layout_get_size (cell_layouts[c], NULL, &h);
          height = MAX (height, (double) h / PANGO_SCALE);
        }
      if (pg->y + height > pg->height - MARGIN)
        pager_finish_page (pg);
      for (guint c = 0; cells[c] != NULL; c++)
        {
          if (drawing (pg))
            {
              cairo_set_source_rgb (pg->cr, 0.1, 0.1, 0.1);
              cairo_move_to (pg->cr, x, pg->y);
              pango_cairo_show_layout (pg->cr, cell_layouts[c]);
            }
          x += col_w[c] + TABLE_GAP;
          g_object_unref (cell_layouts[c]);
        }
      pg->y += height + 2;
      if (r == 0 && drawing (pg))
        {
          cairo_set_source_rgb (pg->cr, 0.6, 0.6, 0.6);
          cairo_set_line_width (pg->cr, 0.6);
          cairo_move_to (pg->cr, MARGIN + TABLE_INDENT, pg->y + 1);
          cairo_line_to (pg->cr, MARGIN + TABLE_INDENT + rule_w, pg->y + 1);
          cairo_stroke (pg->cr);
        }
      if (r == 0)
        pg->y += 4;
    }
}

EnoughPdfLayout *
_enough_pdf_layout_new (cairo_t *cr,
                        double   width,
                        double   height,
                        guint    only_page)
{
  EnoughPdfLayout *pg = g_new0 (EnoughPdfLayout, 1);

  pg->cr = cairo_reference (cr);
  pg->context = pango_cairo_create_context (cr);
  pg->width = width;
  pg->height = height;
  pg->only_page = only_page;
  pg->y = MARGIN;
  pg->page = 1;
  pg->me_prefix = g_strdup_printf ("**%s**", _("Me:"));
  pg->patterns_prefix = g_strdup_printf ("*%s", _("Thinking patterns: "));
  pg->letter_heading = g_strdup (_("Letter"));
  return pg;
}

void
_enough_pdf_layout_add (EnoughPdfLayout *pg,
                        const char      *markdown)
{
  g_auto(GStrv) blocks = g_strsplit (markdown, "\n\n", -1);

  for (guint i = 0; blocks[i] != NULL; i++)
    {
      const char *b = blocks[i];
      g_autofree char *markup = NULL;
      const char *font_name = "Sans 10.5";
      double indent = 0, space_before = 4, space_after = 6;
      gboolean bar = FALSE, list = FALSE;
      PangoLayout *layout;

      if (*b == '\0' || g_str_has_prefix (b, "\n"))
        continue;

      if (g_str_has_prefix (b, "|"))
        {
          pg->y += space_before;
          pager_table (pg, b);
          pg->y += space_after;
          continue;
        }
      if (g_str_has_prefix (b, "# "))
        font_name = "Sans Bold 20", b += 2, space_after = 10;
      else if (g_str_has_prefix (b, "## "))
        {
          b += 3;
          pg->in_letter = strcmp (b, pg->letter_heading) == 0;
          font_name = "Sans Bold 14";
          space_before = 18;
        }
      else if (g_str_has_prefix (b, "### "))
        font_name = pg->in_letter ? "Serif Bold 12" : "Sans Bold 11", b += 4, space_before = 8;
      else if (g_str_has_prefix (b, "- "))
        font_name = "Sans 10", indent = 12, list = TRUE;
      else if (g_str_has_prefix (b, pg->patterns_prefix))
        font_name = "Sans Italic 9.5", indent = 10, space_before = 0;  /* under its critic turn */
      else if (pg->in_letter)
        font_name = "Serif 12";
      else if (g_str_has_prefix (b, "**") && !g_str_has_prefix (b, pg->me_prefix) && strstr (b, ":**") != NULL)
        bar = TRUE, indent = 10, font_name = "Serif Italic 11";  /* the critic's voice */
      else if (g_str_has_prefix (b, pg->me_prefix))
        indent = 10;

      pg->y += space_before;
      markup = block_markup (b);
      layout = new_layout (pg, font_name, indent);
      if (list)
        {
          /* "- " items as bullets with a hanging indent, a little apart */
          g_autoptr(GString) items = g_string_new (NULL);

          for (const char *p = markup; *p != '\0'; p++)
            if ((p == markup || p[-1] == '\n') && g_str_has_prefix (p, "- "))
              g_string_append (items, "•\t"), p++;
            else
              g_string_append_c (items, *p);
          g_free (markup);
          markup = g_string_free (g_steal_pointer (&items), FALSE);
          pango_layout_set_indent (layout, -12 * PANGO_SCALE);
          {
            PangoTabArray *tab = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 12);
            pango_layout_set_tabs (layout, tab);
            pango_tab_array_free (tab);
          }
          pango_layout_set_spacing (layout, 3 * PANGO_SCALE);
        }
      pango_layout_set_markup (layout, markup, -1);
      pager_show (pg, layout, indent, bar);
      pg->y += space_after;
      g_object_unref (layout);
    }
}

guint
_enough_pdf_layout_finish (EnoughPdfLayout *pg)
{
  guint n = pg->page;

  pager_finish_page (pg);
  return n;
}

void
_enough_pdf_layout_free (EnoughPdfLayout *pg)
{
  if (pg == NULL)
    return;
  g_clear_object (&pg->context);
  cairo_destroy (pg->cr);
  g_free (pg->me_prefix);
  g_free (pg->patterns_prefix);
  g_free (pg->letter_heading);
  g_free (pg);
}

/* ------------------------------------------------------------------------ */

struct _EnoughPdfWriter
{
  PdfWrite          w;
  cairo_surface_t  *surface;
  EnoughPdfLayout  *layout;
};

EnoughPdfWriter *
_enough_pdf_writer_new (GOutputStream *stream,
                        GCancellable  *cancellable)
{
  EnoughPdfWriter *self = g_new0 (EnoughPdfWriter, 1);
  cairo_t *cr;

  self->w.stream = stream;
  self->w.cancellable = cancellable;
  self->surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, &self->w, PAGE_W, PAGE_H);
  cr = cairo_create (self->surface);
  self->layout = _enough_pdf_layout_new (cr, PAGE_W, PAGE_H, 0);
  cairo_destroy (cr);
  return self;
}

gboolean
_enough_pdf_writer_add (EnoughPdfWriter  *self,
                        const char       *markdown,
                        GError          **error)
{
  if (self->w.error == NULL)
    _enough_pdf_layout_add (self->layout, markdown);
  if (self->w.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->w.error));
      return FALSE;
    }
  return TRUE;
}

gboolean
_enough_pdf_writer_finish (EnoughPdfWriter  *self,
                           GError          **error)
{
  cairo_status_t status;

  _enough_pdf_layout_finish (self->layout);
  g_clear_pointer (&self->layout, _enough_pdf_layout_free);
  cairo_surface_finish (self->surface);
  status = cairo_surface_status (self->surface);
  if (self->w.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->w.error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a technical detail */
                   _("The PDF could not be written: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

void
_enough_pdf_writer_free (EnoughPdfWriter *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->layout, _enough_pdf_layout_free);
  /* A writer given up half-way writes nothing more. */
  if (self->w.error == NULL)
    self->w.error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "");
  cairo_surface_destroy (self->surface);
  g_clear_error (&self->w.error);
  g_free (self);
}
