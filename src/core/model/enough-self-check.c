/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <string.h>

#include "enough-record-private.h"
#include "enough-tables.h"

struct _EnoughSelfCheck
{
  EnoughRecord  parent_instance;

  guint         bank_version;
  /* '0'..'5' per item, NUL-terminated: the stored form, readable in exports */
  char          answers[ENOUGH_SELF_CHECK_N_ITEMS + 1];
  guint         current_index;
  gint64        completed_at;
  char         *note;
};

G_DEFINE_FINAL_TYPE (EnoughSelfCheck, enough_self_check, ENOUGH_TYPE_RECORD)

enum {
  PROP_0,
  PROP_BANK_VERSION,
  PROP_ANSWERS,
  PROP_CURRENT_INDEX,
  PROP_STARTED_AT,
  PROP_COMPLETED_AT,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
enough_self_check_finalize (GObject *object)
{
  EnoughSelfCheck *self = ENOUGH_SELF_CHECK (object);

  g_free (self->note);

  G_OBJECT_CLASS (enough_self_check_parent_class)->finalize (object);
}

static void
enough_self_check_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EnoughSelfCheck *self = ENOUGH_SELF_CHECK (object);

  switch (prop_id)
    {
    case PROP_BANK_VERSION:
      g_value_set_uint (value, self->bank_version);
      break;
    case PROP_ANSWERS:
      g_value_set_string (value, self->answers);
      break;
    case PROP_CURRENT_INDEX:
      g_value_set_uint (value, self->current_index);
      break;
    case PROP_STARTED_AT:
      g_value_set_int64 (value, enough_record_get_created_at (ENOUGH_RECORD (self)));
      break;
    case PROP_COMPLETED_AT:
      g_value_set_int64 (value, self->completed_at);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_self_check_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EnoughSelfCheck *self = ENOUGH_SELF_CHECK (object);

  switch (prop_id)
    {
    case PROP_CURRENT_INDEX:
      enough_self_check_set_current_index (self, g_value_get_uint (value));
      break;
    case PROP_COMPLETED_AT:
      enough_self_check_set_completed_at (self, g_value_get_int64 (value));
      break;
    case PROP_NOTE:
      enough_self_check_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_self_check_class_init (EnoughSelfCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = enough_self_check_finalize;
  object_class->get_property = enough_self_check_get_property;
  object_class->set_property = enough_self_check_set_property;

  properties[PROP_BANK_VERSION] = g_param_spec_uint ("bank-version", NULL, NULL,
                                                     0, G_MAXUINT, 0, ro);
  properties[PROP_ANSWERS] = g_param_spec_string ("answers", NULL, NULL, NULL, ro);
  properties[PROP_CURRENT_INDEX] = g_param_spec_uint ("current-index", NULL, NULL,
                                                      0, ENOUGH_SELF_CHECK_N_ITEMS - 1, 0, rw);
  properties[PROP_STARTED_AT] = g_param_spec_int64 ("started-at", NULL, NULL,
                                                    0, G_MAXINT64, 0, ro);
  properties[PROP_COMPLETED_AT] = g_param_spec_int64 ("completed-at", NULL, NULL,
                                                      0, G_MAXINT64, 0, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
enough_self_check_init (EnoughSelfCheck *self)
{
  memset (self->answers, '0', ENOUGH_SELF_CHECK_N_ITEMS);
  self->answers[ENOUGH_SELF_CHECK_N_ITEMS] = '\0';
  self->note = g_strdup ("");
}

EnoughSelfCheck *
_enough_self_check_new (void)
{
  return g_object_new (ENOUGH_TYPE_SELF_CHECK, NULL);
}

void
_enough_self_check_set_bank_version (EnoughSelfCheck *self,
                                     guint            version)
{
  self->bank_version = version;
}

void
_enough_self_check_load (EnoughSelfCheck *self,
                         sqlite3_stmt    *stmt)
{
  const char *answers = (const char *) sqlite3_column_text (stmt, ENOUGH_SELF_CHECK_COL_ANSWERS);

  self->bank_version = (guint) sqlite3_column_int (stmt, ENOUGH_SELF_CHECK_COL_BANK_VERSION);
  /* Anything malformed reads as unanswered rather than failing the load. */
  for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
    {
      char c = (answers != NULL && strlen (answers) > i) ? answers[i] : '0';
      self->answers[i] = (c >= '0' && c <= '5') ? c : '0';
    }
  self->current_index = (guint) CLAMP (sqlite3_column_int (stmt, ENOUGH_SELF_CHECK_COL_CURRENT_INDEX), 0, ENOUGH_SELF_CHECK_N_ITEMS - 1);
  self->completed_at = sqlite3_column_int64 (stmt, ENOUGH_SELF_CHECK_COL_COMPLETED_AT);
  _enough_set_string (&self->note, (const char *) sqlite3_column_text (stmt, ENOUGH_SELF_CHECK_COL_NOTE));
}

void
_enough_self_check_snapshot (EnoughSelfCheck *self,
                             EnoughSnapshot  *snap)
{
  _enough_record_snapshot_common (ENOUGH_RECORD (self), snap);
  enough_snapshot_add_int (snap, self->bank_version);
  enough_snapshot_add_text (snap, self->answers);
  enough_snapshot_add_int (snap, self->current_index);
  enough_snapshot_add_int (snap, self->completed_at);
  enough_snapshot_add_text (snap, self->note);
}

guint
enough_self_check_get_bank_version (EnoughSelfCheck *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK (self), 0);
  return self->bank_version;
}

guint
enough_self_check_get_answer (EnoughSelfCheck *self,
                              guint            index)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK (self), 0);
  g_return_val_if_fail (index < ENOUGH_SELF_CHECK_N_ITEMS, 0);
  return (guint) (self->answers[index] - '0');
}

void
enough_self_check_set_answer (EnoughSelfCheck *self,
                              guint            index,
                              guint            value)
{
  g_return_if_fail (ENOUGH_IS_SELF_CHECK (self));
  g_return_if_fail (index < ENOUGH_SELF_CHECK_N_ITEMS);
  g_return_if_fail (value <= 5);
  if (self->answers[index] == (char) ('0' + value))
    return;
  self->answers[index] = (char) ('0' + value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERS]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

void
enough_self_check_get_answers (EnoughSelfCheck *self,
                               guint8           out[ENOUGH_SELF_CHECK_N_ITEMS])
{
  g_return_if_fail (ENOUGH_IS_SELF_CHECK (self));
  for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
    out[i] = (guint8) (self->answers[i] - '0');
}

const char *
enough_self_check_get_answers_string (EnoughSelfCheck *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK (self), NULL);
  return self->answers;
}

guint
enough_self_check_get_n_answered (EnoughSelfCheck *self)
{
  guint n = 0;

  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK (self), 0);
  for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
    n += self->answers[i] != '0';
  return n;
}

guint
enough_self_check_get_current_index (EnoughSelfCheck *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK (self), 0);
  return self->current_index;
}

void
enough_self_check_set_current_index (EnoughSelfCheck *self,
                                     guint            index)
{
  g_return_if_fail (ENOUGH_IS_SELF_CHECK (self));
  g_return_if_fail (index < ENOUGH_SELF_CHECK_N_ITEMS);
  if (self->current_index == index)
    return;
  self->current_index = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_INDEX]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

gint64
enough_self_check_get_started_at (EnoughSelfCheck *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK (self), 0);
  return enough_record_get_created_at (ENOUGH_RECORD (self));
}

gint64
enough_self_check_get_completed_at (EnoughSelfCheck *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK (self), 0);
  return self->completed_at;
}

void
enough_self_check_set_completed_at (EnoughSelfCheck *self,
                                    gint64           completed_at)
{
  g_return_if_fail (ENOUGH_IS_SELF_CHECK (self));
  g_return_if_fail (completed_at >= 0);
  if (self->completed_at == completed_at)
    return;
  self->completed_at = completed_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETED_AT]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

gboolean
enough_self_check_is_completed (EnoughSelfCheck *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK (self), FALSE);
  return self->completed_at != 0;
}

const char *
enough_self_check_get_note (EnoughSelfCheck *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK (self), NULL);
  return self->note;
}

void
enough_self_check_set_note (EnoughSelfCheck *self,
                            const char      *note)
{
  g_return_if_fail (ENOUGH_IS_SELF_CHECK (self));
  if (!_enough_set_string (&self->note, note))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
  _enough_record_changed (ENOUGH_RECORD (self));
}
