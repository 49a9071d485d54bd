/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-export.h"
#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_EXPORT_DIALOG (enough_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EnoughExportDialog, enough_export_dialog, ENOUGH, EXPORT_DIALOG, AdwWindow)

/* Export… and Share…: what to include (everything, a date range, or the
 * chosen entry), which kinds, and the format; then the file chooser (in
 * the folder used last, else Documents), and the export off the UI thread
 * with a progress bar and Cancel. Modal to @parent; on success a toast in
 * @parent (win.show-toast) says what was written. */
EnoughExportDialog *enough_export_dialog_new                  (GtkWindow          *parent,
                                                               EnoughStore        *store);
/* "Share…": @record (a dialogue, letter or self-check) chosen. */
void                enough_export_dialog_choose_entry         (EnoughExportDialog *self,
                                                               EnoughRecord       *record);
/* The encrypted journal (#23) calls this: an export is plain text, and
 * the dialog says so. */
void                enough_export_dialog_set_journal_encrypted (EnoughExportDialog *self,
                                                               gboolean            encrypted);

/* @name with the ending of @format: a known ending of another format is
 * replaced, anything else kept with the ending added ("notes.md" → "notes.pdf",
 * "notes" → "notes.pdf", "notes.txt" → "notes.txt.pdf"). */
char               *enough_export_dialog_name_for_format      (const char         *name,
                                                               EnoughExportFormat  format);

/* Tests: the options the choices make; the chooser's suggested name and
 * first folder; what the chooser's "accept" of @file does (the file
 * written may be @file's name corrected, see above); whether an export is
 * under way. */
void                _enough_export_dialog_get_options         (EnoughExportDialog  *self,
                                                               EnoughExportOptions *options);
char               *_enough_export_dialog_get_suggested_name  (EnoughExportDialog *self);
GFile              *_enough_export_dialog_get_start_folder    (EnoughExportDialog *self);
void                _enough_export_dialog_accept_file         (EnoughExportDialog *self,
                                                               GFile              *file);
gboolean            _enough_export_dialog_is_busy             (EnoughExportDialog *self);

G_END_DECLS
