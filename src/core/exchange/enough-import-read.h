/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reads a whole file into memory (NUL-terminated; at most @max_bytes).
 * Never maps it: a mapped file that shrinks while it is read kills the
 * process with SIGBUS. A file whose size changes while it is read is an
 * ENOUGH_IMPORT_ERROR_INVALID error saying so. */
gboolean _enough_import_read_file (GFile         *file,
                                   gint64         max_bytes,
                                   GCancellable  *cancellable,
                                   char         **out_contents,
                                   gsize         *out_length,
                                   GError       **error);

/* Tests: called after each chunk read (a test changes the file there). */
typedef void (*EnoughImportReadHook) (gpointer data);
void     _enough_import_set_read_hook (EnoughImportReadHook hook,
                                       gpointer             data);

G_END_DECLS
