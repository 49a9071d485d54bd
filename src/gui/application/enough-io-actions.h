/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-export.h"
#include "enough-window.h"

G_BEGIN_DECLS

/* Export… and Import… of the primary menu (win.export, win.import): a
 * portal-friendly GtkFileChooserNative, the work off the UI thread, a toast
 * with the result or a dialog with the error. */
void enough_io_export (EnoughWindow *window);
void enough_io_import (EnoughWindow *window);

/* Tests: @name with the ending of @format (replacing a known one); the
 * format a chosen @file is written in (its ending, else the filter). */
char               *_enough_io_export_name_for_format (const char         *name,
                                                       EnoughExportFormat  format);
EnoughExportFormat  _enough_io_export_format_for      (GFile              *file,
                                                       gboolean            markdown_filter);

G_END_DECLS
