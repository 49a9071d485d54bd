/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib-object.h>

#include "enough-types.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_RECORD (enough_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (EnoughRecord, enough_record, ENOUGH, RECORD, GObject)

/**
 * EnoughRecord:
 *
 * The base of every saved thing (dialogue, turn, letter, self-check).
 *
 * Records are *live objects* owned by an #EnoughStore: the same row always
 * gives the same object while anyone holds it, and every property setter of
 * a subclass (e.g. enough_dialogue_set_title()) updates #EnoughRecord:updated-at,
 * emits ::notify only on a real change, and queues an autosave in the store.
 * Records are only made by the store (enough_store_create_*()), never with
 * g_object_new().
 *
 * Timestamps are microseconds since the Unix epoch, UTC (0 = unset). Use
 * enough_record_dup_created() etc. for a #GDateTime.
 *
 * Properties (all read-only here): uuid, kind, created-at, updated-at, deleted.
 */
struct _EnoughRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[8];
};

const char       *enough_record_get_uuid       (EnoughRecord *self);
EnoughRecordKind  enough_record_get_kind       (EnoughRecord *self);
gint64            enough_record_get_created_at (EnoughRecord *self);
gint64            enough_record_get_updated_at (EnoughRecord *self);
GDateTime        *enough_record_dup_created    (EnoughRecord *self);
GDateTime        *enough_record_dup_updated    (EnoughRecord *self);
/* TRUE between enough_store_delete() and enough_store_restore() */
gboolean          enough_record_is_deleted     (EnoughRecord *self);

G_END_DECLS
