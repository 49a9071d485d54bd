/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* The page layout of the Markdown export's text (headings, the critic's
 * voice set apart, letters in a serif face, tables with aligned columns,
 * page numbers) on any cairo context: the PDF export's surface, or a
 * print operation's pages, so both look the same.
 *
 * @width × @height: the page in the context's units (points).
 * @only_page: 0 = lay out and draw every page, showing each
 * (cairo_show_page) as it fills; N ≥ 1 = draw page N only and show none
 * (a print operation's draw-page). Text is added in whole blocks (ending
 * with a blank line, as each exported entry does). */
typedef struct _EnoughPdfLayout EnoughPdfLayout;

EnoughPdfLayout *_enough_pdf_layout_new    (cairo_t         *cr,
                                            double           width,
                                            double           height,
                                            guint            only_page);
void             _enough_pdf_layout_add    (EnoughPdfLayout *layout,
                                            const char      *markdown);
/* Ends the last page; returns how many pages there were. */
guint            _enough_pdf_layout_finish (EnoughPdfLayout *layout);
void             _enough_pdf_layout_free   (EnoughPdfLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnoughPdfLayout, _enough_pdf_layout_free)

/* An A4 PDF written to @stream (not closed) as the text comes, one entry
 * at a time: memory stays flat whatever the export's size. */
typedef struct _EnoughPdfWriter EnoughPdfWriter;

EnoughPdfWriter *_enough_pdf_writer_new    (GOutputStream   *stream,
                                            GCancellable    *cancellable);
gboolean         _enough_pdf_writer_add    (EnoughPdfWriter *writer,
                                            const char      *markdown,
                                            GError         **error);
gboolean         _enough_pdf_writer_finish (EnoughPdfWriter *writer,
                                            GError         **error);
void             _enough_pdf_writer_free   (EnoughPdfWriter *writer);

G_END_DECLS
