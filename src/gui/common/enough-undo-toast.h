/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_UNDO_TOAST (enough_undo_toast_get_type ())

G_DECLARE_FINAL_TYPE (EnoughUndoToast, enough_undo_toast, ENOUGH, UNDO_TOAST, GObject)

/* After Undo: @records, brought back, in the order they were deleted. */
typedef void (*EnoughUndoRestoredFunc) (GtkWidget *owner,
                                        GPtrArray *records);

/* Deleting with Undo, the same on every page: no confirmation, a toast in
 * the window's AdwToastOverlay (found among @owner's ancestors) instead.
 * One toast at a time: deleting again while it shows adds to it, and Undo
 * brings back everything it lists (the usual GNOME pattern, and it spares
 * the overlay a queue of toasts). @owner keeps the object and drops it in
 * its dispose(); @restored is then no longer called. */
EnoughUndoToast *enough_undo_toast_new     (GtkWidget              *owner,
                                            EnoughUndoRestoredFunc  restored);
/* Deletes @record from @store and offers Undo; @title says what went when
 * it is the only one (else "N items deleted"). */
void             enough_undo_toast_delete  (EnoughUndoToast        *self,
                                            EnoughStore            *store,
                                            gpointer                record,
                                            const char             *title);

/* Undo by keyboard (Ctrl+Z, which @owner answers while it is shown or
 * the toast is): brings back what the last toast listed, also after the
 * toast went, until @owner is hidden. FALSE if there is nothing to undo. */
gboolean         enough_undo_toast_undo    (EnoughUndoToast        *self);

G_END_DECLS
