/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

#include "enough-record.h"
#include "enough-store.h"

G_BEGIN_DECLS

/* Print… (Ctrl+P) of one entry: what is pending is saved, the entry is
 * written as the export's Markdown and laid out with the PDF export's
 * page layout (enough-export-pdf.h) on each page of a GtkPrintOperation,
 * so paper and PDF look the same. */
void enough_print_entry (GtkWindow    *parent,
                         EnoughStore  *store,
                         EnoughRecord *record);

/* Print… in the recovery key dialog: the grouped key and the warning
 * that without passphrase and key nobody can open the journal. */
void enough_print_recovery_key (GtkWindow  *parent,
                                const char *recovery_key);

/* Tests: print to this PDF file with no dialog (export-filename); NULL
 * for the print dialog again. */
void _enough_print_set_export_filename (const char *path);

G_END_DECLS
