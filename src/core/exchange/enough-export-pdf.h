/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Lays the Markdown export's text out as A4 pages of a PDF into @stream
 * (not closed): headings, the critic's voice set apart, letters in a serif
 * face, page numbers. */
gboolean _enough_export_pdf_render (const char     *markdown,
                                    GOutputStream  *stream,
                                    GCancellable   *cancellable,
                                    GError        **error);

G_END_DECLS
