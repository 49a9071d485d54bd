/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_TRASH_ROW (enough_trash_row_get_type ())

G_DECLARE_FINAL_TYPE (EnoughTrashRow, enough_trash_row, ENOUGH, TRASH_ROW, GtkWidget)

/* A deleted entry in Recently Deleted: its kind, title and when it was
 * deleted, with Restore and Delete for Good (::restore, ::delete). */
GtkWidget    *enough_trash_row_new        (void);
void          enough_trash_row_set_record (EnoughTrashRow *self,
                                           EnoughRecord   *record,
                                           gint64          deleted_at,
                                           gint64          now_usec);
EnoughRecord *enough_trash_row_get_record (EnoughTrashRow *self);
/* The entry's name as the row shows it ("Untitled Dialogue"…). Transfer full. */
char         *enough_trash_row_dup_title  (EnoughRecord   *record);

G_END_DECLS
