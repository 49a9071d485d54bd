/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <sqlite3.h>

#include "enough-export.h"
#include "enough-export-pdf.h"
#include "enough-tables.h"

G_BEGIN_DECLS

/* One export under way (enough-export.c): its read connection and
 * statements, and the buffer the entries are written into. */
typedef struct
{
  sqlite3             *db;
  sqlite3_stmt        *list;
  sqlite3_stmt        *load[ENOUGH_RECORD_N_KINDS];
  sqlite3_stmt        *turns;
  GOutputStream       *stream;
  GCancellable        *cancellable;
  EnoughExportOptions  options;
  GString             *buf;
  guint                n_entries;
  guint                total;      /* for the progress */
  EnoughPdfWriter     *pdf;        /* a PDF export's pages */
  /* The month ("YYYY-MM") of the Markdown check-in table being written,
   * "" when the last entry was not a check-in. */
  char                 checkin_month[8];
} Export;

/* ENOUGH_STORE_ERROR_IO with SQLite's message */
void        _enough_export_set_db_error (GError      **error,
                                         sqlite3      *db);
/* A text column, "" for NULL */
const char *_enough_export_col_text     (sqlite3_stmt *stmt,
                                         int           col);

/* The Markdown export (enough-export-markdown.c): the title, and one entry
 * (@row has every column of @kind's table). */
void        _enough_export_markdown_head  (Export       *ex,
                                           gint64        now_usec);
gboolean    _enough_export_markdown_entry (Export       *ex,
                                           int           kind,
                                           sqlite3_stmt *row,
                                           GError      **error);

G_END_DECLS
