/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *enough_paths_get_data_dir   (void);
gboolean  enough_paths_ensure_private (const char  *dir,
                                       GError     **error);
/* fsync() of a folder, so a name made, renamed or removed in it survives a
 * power cut. Best effort: some file systems cannot (the error is ignored). */
void      enough_paths_sync_folder    (const char  *dir);

G_END_DECLS
