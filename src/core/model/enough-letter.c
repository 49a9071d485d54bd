/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-record-private.h"
#include "enough-tables.h"

struct _EnoughLetter
{
  EnoughRecord    parent_instance;

  char           *not_good_enough;
  EnoughFeelings  feelings;
  char           *text;
  guint           step;
  EnoughReread    reread;
  gint64          reread_at;
  gint64          reread_done_at;
  char           *takeaway;
};

G_DEFINE_FINAL_TYPE (EnoughLetter, enough_letter, ENOUGH_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NOT_GOOD_ENOUGH,
  PROP_FEELINGS,
  PROP_TEXT,
  PROP_STEP,
  PROP_REREAD,
  PROP_REREAD_AT,
  PROP_REREAD_DONE_AT,
  PROP_TAKEAWAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
enough_letter_finalize (GObject *object)
{
  EnoughLetter *self = ENOUGH_LETTER (object);

  g_free (self->not_good_enough);
  g_free (self->text);
  g_free (self->takeaway);

  G_OBJECT_CLASS (enough_letter_parent_class)->finalize (object);
}

static void
enough_letter_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EnoughLetter *self = ENOUGH_LETTER (object);

  switch (prop_id)
    {
    case PROP_NOT_GOOD_ENOUGH:
      g_value_set_string (value, self->not_good_enough);
      break;
    case PROP_FEELINGS:
      g_value_set_flags (value, self->feelings);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;
    case PROP_REREAD:
      g_value_set_enum (value, self->reread);
      break;
    case PROP_REREAD_AT:
      g_value_set_int64 (value, self->reread_at);
      break;
    case PROP_REREAD_DONE_AT:
      g_value_set_int64 (value, self->reread_done_at);
      break;
    case PROP_TAKEAWAY:
      g_value_set_string (value, self->takeaway);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_letter_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EnoughLetter *self = ENOUGH_LETTER (object);

  switch (prop_id)
    {
    case PROP_NOT_GOOD_ENOUGH:
      enough_letter_set_not_good_enough (self, g_value_get_string (value));
      break;
    case PROP_FEELINGS:
      enough_letter_set_feelings (self, g_value_get_flags (value));
      break;
    case PROP_TEXT:
      enough_letter_set_text (self, g_value_get_string (value));
      break;
    case PROP_STEP:
      enough_letter_set_step (self, g_value_get_uint (value));
      break;
    case PROP_REREAD_DONE_AT:
      enough_letter_set_reread_done_at (self, g_value_get_int64 (value));
      break;
    case PROP_TAKEAWAY:
      enough_letter_set_takeaway (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_letter_class_init (EnoughLetterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = enough_letter_finalize;
  object_class->get_property = enough_letter_get_property;
  object_class->set_property = enough_letter_set_property;

  properties[PROP_NOT_GOOD_ENOUGH] = g_param_spec_string ("not-good-enough", NULL, NULL, "", rw);
  properties[PROP_FEELINGS] = g_param_spec_flags ("feelings", NULL, NULL, ENOUGH_TYPE_FEELINGS,
                                                  ENOUGH_FEELING_NONE, rw);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", rw);
  properties[PROP_STEP] = g_param_spec_uint ("step", NULL, NULL, 0, 2, 0, rw);
  /* reread and reread-at change together: enough_letter_set_reread() */
  properties[PROP_REREAD] = g_param_spec_enum ("reread", NULL, NULL, ENOUGH_TYPE_REREAD,
                                               ENOUGH_REREAD_UNSET, ro);
  properties[PROP_REREAD_AT] = g_param_spec_int64 ("reread-at", NULL, NULL,
                                                   0, G_MAXINT64, 0, ro);
  properties[PROP_REREAD_DONE_AT] = g_param_spec_int64 ("reread-done-at", NULL, NULL,
                                                        0, G_MAXINT64, 0, rw);
  properties[PROP_TAKEAWAY] = g_param_spec_string ("takeaway", NULL, NULL, "", rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
enough_letter_init (EnoughLetter *self)
{
  self->not_good_enough = g_strdup ("");
  self->text = g_strdup ("");
  self->takeaway = g_strdup ("");
}

EnoughLetter *
_enough_letter_new (void)
{
  return g_object_new (ENOUGH_TYPE_LETTER, NULL);
}

void
_enough_letter_load (EnoughLetter *self,
                     sqlite3_stmt *stmt)
{
  int reread = sqlite3_column_int (stmt, ENOUGH_LETTER_COL_REREAD);

  _enough_set_string (&self->not_good_enough, (const char *) sqlite3_column_text (stmt, ENOUGH_LETTER_COL_NOT_GOOD_ENOUGH));
  self->feelings = (EnoughFeelings) (sqlite3_column_int (stmt, ENOUGH_LETTER_COL_FEELINGS) & ENOUGH_FEELINGS_ALL);
  _enough_set_string (&self->text, (const char *) sqlite3_column_text (stmt, ENOUGH_LETTER_COL_TEXT));
  self->step = (guint) CLAMP (sqlite3_column_int (stmt, ENOUGH_LETTER_COL_STEP), 0, 2);
  self->reread = (reread >= ENOUGH_REREAD_UNSET && reread <= ENOUGH_REREAD_NEVER)
                 ? (EnoughReread) reread : ENOUGH_REREAD_UNSET;
  self->reread_at = sqlite3_column_int64 (stmt, ENOUGH_LETTER_COL_REREAD_AT);
  self->reread_done_at = sqlite3_column_int64 (stmt, ENOUGH_LETTER_COL_REREAD_DONE_AT);
  _enough_set_string (&self->takeaway, (const char *) sqlite3_column_text (stmt, ENOUGH_LETTER_COL_TAKEAWAY));
}

void
_enough_letter_snapshot (EnoughLetter   *self,
                         EnoughSnapshot *snap)
{
  _enough_record_snapshot_common (ENOUGH_RECORD (self), snap);
  enough_snapshot_add_text (snap, self->not_good_enough);
  enough_snapshot_add_int (snap, self->feelings);
  enough_snapshot_add_text (snap, self->text);
  enough_snapshot_add_int (snap, self->step);
  enough_snapshot_add_int (snap, self->reread);
  enough_snapshot_add_int (snap, self->reread_at);
  enough_snapshot_add_int (snap, self->reread_done_at);
  enough_snapshot_add_text (snap, self->takeaway);
}

#define STRING_ACCESSORS(field, prop)                                     \
const char *                                                              \
enough_letter_get_##field (EnoughLetter *self)                            \
{                                                                         \
  g_return_val_if_fail (ENOUGH_IS_LETTER (self), NULL);                   \
  return self->field;                                                     \
}                                                                         \
                                                                          \
void                                                                      \
enough_letter_set_##field (EnoughLetter *self,                            \
                           const char   *value)                           \
{                                                                         \
  g_return_if_fail (ENOUGH_IS_LETTER (self));                             \
  if (!_enough_set_string (&self->field, value))                          \
    return;                                                               \
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);           \
  _enough_record_changed (ENOUGH_RECORD (self));                          \
}

STRING_ACCESSORS (not_good_enough, PROP_NOT_GOOD_ENOUGH)
STRING_ACCESSORS (text, PROP_TEXT)
STRING_ACCESSORS (takeaway, PROP_TAKEAWAY)

EnoughFeelings
enough_letter_get_feelings (EnoughLetter *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER (self), ENOUGH_FEELING_NONE);
  return self->feelings;
}

void
enough_letter_set_feelings (EnoughLetter   *self,
                            EnoughFeelings  feelings)
{
  g_return_if_fail (ENOUGH_IS_LETTER (self));
  feelings &= ENOUGH_FEELINGS_ALL;
  if (self->feelings == feelings)
    return;
  self->feelings = feelings;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEELINGS]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

guint
enough_letter_get_step (EnoughLetter *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER (self), 0);
  return self->step;
}

void
enough_letter_set_step (EnoughLetter *self,
                        guint         step)
{
  g_return_if_fail (ENOUGH_IS_LETTER (self));
  g_return_if_fail (step <= 2);
  if (self->step == step)
    return;
  self->step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

EnoughReread
enough_letter_get_reread (EnoughLetter *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER (self), ENOUGH_REREAD_UNSET);
  return self->reread;
}

gint64
enough_letter_get_reread_at (EnoughLetter *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER (self), 0);
  return self->reread_at;
}

void
enough_letter_set_reread (EnoughLetter *self,
                          EnoughReread  reread,
                          gint64        reread_at)
{
  gboolean changed = FALSE;

  g_return_if_fail (ENOUGH_IS_LETTER (self));
  g_return_if_fail (reread >= ENOUGH_REREAD_UNSET && reread <= ENOUGH_REREAD_NEVER);
  g_return_if_fail (reread_at >= 0);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->reread != reread)
    {
      self->reread = reread;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REREAD]);
      changed = TRUE;
    }
  if (self->reread_at != reread_at)
    {
      self->reread_at = reread_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REREAD_AT]);
      changed = TRUE;
    }
  if (changed)
    _enough_record_changed (ENOUGH_RECORD (self));
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
enough_letter_get_reread_done_at (EnoughLetter *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER (self), 0);
  return self->reread_done_at;
}

void
enough_letter_set_reread_done_at (EnoughLetter *self,
                                  gint64        done_at)
{
  g_return_if_fail (ENOUGH_IS_LETTER (self));
  g_return_if_fail (done_at >= 0);
  if (self->reread_done_at == done_at)
    return;
  self->reread_done_at = done_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REREAD_DONE_AT]);
  _enough_record_changed (ENOUGH_RECORD (self));
}
