/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-record-private.h"
#include "enough-experiment.h"
#include "enough-checkin.h"
#include "enough-tables.h"

typedef struct
{
  EnoughStore *store;      /* not a reference: the store detaches us when it goes */
  gint64       id;
  guint64      cache_key;  /* the store's cache hashes this field's address */
  char        *uuid;
  gint64       created_at;
  gint64       updated_at;
  gint64       deleted_at;
  gboolean     dirty;
} EnoughRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (EnoughRecord, enough_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_KIND,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
enough_snapshot_add_int (EnoughSnapshot *snap,
                         gint64          value)
{
  g_assert (snap->n_values < ENOUGH_SNAPSHOT_MAX);
  snap->values[snap->n_values].is_text = FALSE;
  snap->values[snap->n_values].i = value;
  snap->values[snap->n_values].s = NULL;
  snap->n_values++;
}

void
enough_snapshot_add_text (EnoughSnapshot *snap,
                          const char     *value)
{
  g_assert (snap->n_values < ENOUGH_SNAPSHOT_MAX);
  snap->values[snap->n_values].is_text = TRUE;
  snap->values[snap->n_values].i = 0;
  snap->values[snap->n_values].s = g_strdup (value ? value : "");
  snap->n_values++;
}

void
enough_snapshot_free (EnoughSnapshot *snap)
{
  if (snap == NULL)
    return;
  for (guint i = 0; i < snap->n_values; i++)
    g_free (snap->values[i].s);
  g_free (snap);
}

static EnoughRecordKind
kind_of (EnoughRecord *self)
{
  if (ENOUGH_IS_DIALOGUE (self))
    return ENOUGH_RECORD_KIND_DIALOGUE;
  if (ENOUGH_IS_TURN (self))
    return ENOUGH_RECORD_KIND_TURN;
  if (ENOUGH_IS_LETTER (self))
    return ENOUGH_RECORD_KIND_LETTER;
  if (ENOUGH_IS_EXPERIMENT (self))
    return ENOUGH_RECORD_KIND_EXPERIMENT;
  if (ENOUGH_IS_CHECKIN (self))
    return ENOUGH_RECORD_KIND_CHECKIN;
  return ENOUGH_RECORD_KIND_SELF_CHECK;
}

static void
enough_record_finalize (GObject *object)
{
  EnoughRecord *self = ENOUGH_RECORD (object);
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);

  if (priv->store != NULL)
    _enough_store_forget (priv->store, self);
  g_free (priv->uuid);

  G_OBJECT_CLASS (enough_record_parent_class)->finalize (object);
}

static void
enough_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EnoughRecord *self = ENOUGH_RECORD (object);
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;
    case PROP_KIND:
      g_value_set_enum (value, kind_of (self));
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, priv->updated_at);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, priv->deleted_at != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_record_class_init (EnoughRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = enough_record_finalize;
  object_class->get_property = enough_record_get_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, ENOUGH_TYPE_RECORD_KIND,
                                             ENOUGH_RECORD_KIND_DIALOGUE, ro);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL,
                                                    0, G_MAXINT64, 0, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_int64 ("updated-at", NULL, NULL,
                                                    0, G_MAXINT64, 0, ro);
  properties[PROP_DELETED] = g_param_spec_boolean ("deleted", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
enough_record_init (EnoughRecord *self)
{
}

const char *
enough_record_get_uuid (EnoughRecord *self)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);

  g_return_val_if_fail (ENOUGH_IS_RECORD (self), NULL);
  return priv->uuid;
}

EnoughRecordKind
enough_record_get_kind (EnoughRecord *self)
{
  g_return_val_if_fail (ENOUGH_IS_RECORD (self), 0);
  return kind_of (self);
}

gint64
enough_record_get_created_at (EnoughRecord *self)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);

  g_return_val_if_fail (ENOUGH_IS_RECORD (self), 0);
  return priv->created_at;
}

gint64
enough_record_get_updated_at (EnoughRecord *self)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);

  g_return_val_if_fail (ENOUGH_IS_RECORD (self), 0);
  return priv->updated_at;
}

/* g_date_time_new_from_unix_usec() is GLib 2.80; build it from seconds. */
static GDateTime *
date_time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return seconds ? g_date_time_add (seconds, usec % G_USEC_PER_SEC) : NULL;
}

GDateTime *
enough_record_dup_created (EnoughRecord *self)
{
  g_return_val_if_fail (ENOUGH_IS_RECORD (self), NULL);
  return date_time_from_usec (enough_record_get_created_at (self));
}

GDateTime *
enough_record_dup_updated (EnoughRecord *self)
{
  g_return_val_if_fail (ENOUGH_IS_RECORD (self), NULL);
  return date_time_from_usec (enough_record_get_updated_at (self));
}

gboolean
enough_record_is_deleted (EnoughRecord *self)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);

  g_return_val_if_fail (ENOUGH_IS_RECORD (self), FALSE);
  return priv->deleted_at != 0;
}

void
_enough_record_setup (EnoughRecord *self,
                      EnoughStore  *store,
                      gint64        id,
                      const char   *uuid,
                      gint64        created_at,
                      gint64        updated_at,
                      gint64        deleted_at)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);

  priv->store = store;
  priv->id = id;
  priv->cache_key = ENOUGH_CACHE_KEY (kind_of (self), id);
  g_free (priv->uuid);
  priv->uuid = g_strdup (uuid);
  priv->created_at = created_at;
  priv->updated_at = updated_at;
  priv->deleted_at = deleted_at;
}

void
_enough_record_load_common (EnoughRecord *self,
                            EnoughStore  *store,
                            sqlite3_stmt *stmt)
{
  _enough_record_setup (self, store,
                        sqlite3_column_int64 (stmt, ENOUGH_COL_ID),
                        (const char *) sqlite3_column_text (stmt, ENOUGH_COL_UUID),
                        sqlite3_column_int64 (stmt, ENOUGH_COL_CREATED),
                        sqlite3_column_int64 (stmt, ENOUGH_COL_UPDATED),
                        sqlite3_column_int64 (stmt, ENOUGH_COL_DELETED_AT));
}

void
_enough_record_snapshot_common (EnoughRecord   *self,
                                EnoughSnapshot *snap)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);

  snap->kind = kind_of (self);
  enough_snapshot_add_int (snap, priv->id);
  enough_snapshot_add_text (snap, priv->uuid);
  enough_snapshot_add_int (snap, priv->created_at);
  enough_snapshot_add_int (snap, priv->updated_at);
  enough_snapshot_add_int (snap, priv->deleted_at);
}

gint64
_enough_record_get_id (EnoughRecord *self)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);
  return priv->id;
}

guint64 *
_enough_record_get_cache_key (EnoughRecord *self)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);
  return &priv->cache_key;
}

EnoughStore *
_enough_record_get_store (EnoughRecord *self)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);
  return priv->store;
}

void
_enough_record_detach (EnoughRecord *self)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);
  priv->store = NULL;
}

gint64
_enough_record_get_deleted_at (EnoughRecord *self)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);
  return priv->deleted_at;
}

void
_enough_record_set_deleted_at (EnoughRecord *self,
                               gint64        deleted_at)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);
  gboolean was = priv->deleted_at != 0;

  priv->deleted_at = deleted_at;
  if (was != (deleted_at != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
  if (priv->store != NULL)
    _enough_store_record_changed (priv->store, self);
}

gboolean
_enough_record_get_dirty (EnoughRecord *self)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);
  return priv->dirty;
}

void
_enough_record_set_dirty (EnoughRecord *self,
                          gboolean      dirty)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);
  priv->dirty = dirty;
}

void
_enough_record_changed (EnoughRecord *self)
{
  EnoughRecordPrivate *priv = enough_record_get_instance_private (self);

  if (priv->store == NULL)
    {
      /* The store is gone (closed): nothing can be saved any more. */
      g_warning ("Changed a record of a closed store; the change is not saved");
      return;
    }

  priv->updated_at = enough_store_now (priv->store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
  _enough_store_record_changed (priv->store, self);
}

gboolean
_enough_set_string (char       **field,
                    const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}
