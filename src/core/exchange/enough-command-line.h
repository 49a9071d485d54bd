/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* `enough --export FILE [--from DATE] [--to DATE]` and `enough --import FILE`,
 * done in the local process without a window (GApplication's
 * handle-local-options). */
void enough_command_line_add_options (GApplication *app);
/* Returns the exit status, or -1 when none of these options was given (the
 * app then starts as usual). */
int  enough_command_line_run         (GApplication *app,
                                      GVariantDict *options);

G_END_DECLS
