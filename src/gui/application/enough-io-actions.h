/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-export.h"
#include "enough-window.h"

G_BEGIN_DECLS

/* Export… and Import… of the primary menu (win.export, win.import) and
 * Share… of an entry (win.share-entry): Export and Share open the Export
 * dialog (with @record chosen, if not NULL); Import a portal-friendly
 * GtkFileChooserNative; the work off the UI thread, a toast with the
 * result or a dialog with the error. */
void enough_io_export (EnoughWindow *window);
void enough_io_share  (EnoughWindow *window,
                       EnoughRecord *record);
void enough_io_import (EnoughWindow *window);

G_END_DECLS
