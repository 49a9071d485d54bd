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

typedef struct
{
  cairo_t *cr;
  double   y;
  guint    page;
} Pager;

static void
pager_finish_page (Pager *pg)
{
  PangoLayout *layout = pango_cairo_create_layout (pg->cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
  g_autofree char *num = g_strdup_printf ("%u", pg->page);
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, num, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_set_source_rgb (pg->cr, 0.4, 0.4, 0.4);
  cairo_move_to (pg->cr, (PAGE_W - (double) w / PANGO_SCALE) / 2, PAGE_H - MARGIN / 2 - (double) h / PANGO_SCALE);
  pango_cairo_show_layout (pg->cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_show_page (pg->cr);
  pg->page++;
  pg->y = MARGIN;
}

/* Lays @layout out line by line at @indent, turning the page between lines. */
static void
pager_show (Pager       *pg,
            PangoLayout *layout,
            double       indent,
            gboolean     bar)
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
      if (pg->y + height > PAGE_H - MARGIN)
        {
          if (bar)
            {
              cairo_rectangle (pg->cr, MARGIN, top, 2.5, pg->y - top);
              cairo_set_source_rgb (pg->cr, 0.75, 0.35, 0.3);
              cairo_fill (pg->cr);
            }
          pager_finish_page (pg);
          top = pg->y;
        }
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE -
                 (double) logical.y / PANGO_SCALE;
      cairo_set_source_rgb (pg->cr, 0.1, 0.1, 0.1);
      cairo_move_to (pg->cr, MARGIN + indent + (double) logical.x / PANGO_SCALE, pg->y + baseline);
      pango_cairo_show_layout_line (pg->cr, line);
      pg->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* The critic's voice: a coloured bar beside it. */
  if (bar)
    {
      cairo_rectangle (pg->cr, MARGIN, top, 2.5, pg->y - top);
      cairo_set_source_rgb (pg->cr, 0.75, 0.35, 0.3);
      cairo_fill (pg->cr);
    }
}

gboolean
_enough_export_pdf_render (const char     *markdown,
                           GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  PdfWrite w = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  g_auto(GStrv) blocks = NULL;
  g_autofree char *me_prefix = g_strdup_printf ("**%s**", _("Me:"));
  const char *letter_heading = _("Letter");
  gboolean in_letter = FALSE;
  Pager pg = { NULL, MARGIN, 1 };
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, &w, PAGE_W, PAGE_H);
  pg.cr = cairo_create (surface);
  blocks = g_strsplit (markdown, "\n\n", -1);

  for (guint i = 0; blocks[i] != NULL && w.error == NULL; i++)
    {
      const char *b = blocks[i];
      g_autofree char *markup = NULL;
      const char *font_name = "Sans 10.5";
      double indent = 0, space_before = 4, space_after = 6;
      gboolean bar = FALSE;
      PangoLayout *layout;
      PangoFontDescription *font;

      if (g_cancellable_set_error_if_cancelled (cancellable, &w.error))
        break;
      if (*b == '\0' || g_str_has_prefix (b, "\n"))
        continue;

      if (g_str_has_prefix (b, "# "))
        font_name = "Sans Bold 20", b += 2, space_after = 10;
      else if (g_str_has_prefix (b, "## "))
        {
          b += 3;
          in_letter = strcmp (b, letter_heading) == 0;
          font_name = "Sans Bold 14";
          space_before = 18;
        }
      else if (g_str_has_prefix (b, "### "))
        font_name = in_letter ? "Serif Bold 12" : "Sans Bold 11", b += 4, space_before = 8;
      else if (g_str_has_prefix (b, "- "))
        font_name = "Sans 10", indent = 12;
      else if (in_letter)
        font_name = "Serif 12";
      else if (g_str_has_prefix (b, "**") && !g_str_has_prefix (b, me_prefix) && strstr (b, ":**") != NULL)
        bar = TRUE, indent = 10, font_name = "Serif Italic 11";  /* the critic's voice */
      else if (g_str_has_prefix (b, me_prefix))
        indent = 10;

      pg.y += space_before;
      markup = block_markup (b);
      layout = pango_cairo_create_layout (pg.cr);
      font = pango_font_description_from_string (font_name);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) ((PAGE_W - 2 * MARGIN - indent) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_markup (layout, markup, -1);
      pager_show (&pg, layout, indent, bar);
      pg.y += space_after;
      pango_font_description_free (font);
      g_object_unref (layout);
    }

  if (w.error == NULL)
    pager_finish_page (&pg);
  cairo_destroy (pg.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (w.error != NULL)
    {
      g_propagate_error (error, w.error);
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
