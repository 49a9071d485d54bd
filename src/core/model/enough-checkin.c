/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "enough-checkin.h"
#include "enough-record-private.h"
#include "enough-tables.h"

struct _EnoughCheckin
{
  EnoughRecord  parent_instance;

  char         *day;
  int           mood;
  int           energy;
  int           daylight;
  int           morning_outside;
  char         *note;
  char         *reflection;
};

G_DEFINE_FINAL_TYPE (EnoughCheckin, enough_checkin, ENOUGH_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DAY,
  PROP_MOOD,
  PROP_ENERGY,
  PROP_DAYLIGHT,
  PROP_MORNING_OUTSIDE,
  PROP_NOTE,
  PROP_REFLECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define INT_FIELD(self, prop)                                   \
  ((prop) == PROP_MOOD ? &(self)->mood :                        \
   (prop) == PROP_ENERGY ? &(self)->energy :                    \
   (prop) == PROP_DAYLIGHT ? &(self)->daylight :                \
   (prop) == PROP_MORNING_OUTSIDE ? &(self)->morning_outside : NULL)

static int
max_of (guint prop)
{
  switch (prop)
    {
    case PROP_DAYLIGHT:
      return ENOUGH_CHECKIN_DAYLIGHT_MAX;
    case PROP_MORNING_OUTSIDE:
      return 1;
    default:
      return ENOUGH_CHECKIN_SCALE_MAX;
    }
}

static void
set_int (EnoughCheckin *self,
         guint          prop,
         int            value)
{
  int *field = INT_FIELD (self, prop);

  g_return_if_fail (value >= ENOUGH_CHECKIN_UNSET && value <= max_of (prop));
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

static void
set_string (EnoughCheckin *self,
            guint          prop,
            char         **field,
            const char    *value)
{
  if (!_enough_set_string (field, value))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

static void
enough_checkin_finalize (GObject *object)
{
  EnoughCheckin *self = ENOUGH_CHECKIN (object);

  g_free (self->day);
  g_free (self->note);
  g_free (self->reflection);

  G_OBJECT_CLASS (enough_checkin_parent_class)->finalize (object);
}

static void
enough_checkin_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EnoughCheckin *self = ENOUGH_CHECKIN (object);

  if (INT_FIELD (self, prop_id) != NULL)
    g_value_set_int (value, *INT_FIELD (self, prop_id));
  else if (prop_id == PROP_DAY)
    g_value_set_string (value, self->day);
  else if (prop_id == PROP_NOTE)
    g_value_set_string (value, self->note);
  else if (prop_id == PROP_REFLECTION)
    g_value_set_string (value, self->reflection);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
enough_checkin_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EnoughCheckin *self = ENOUGH_CHECKIN (object);

  if (INT_FIELD (self, prop_id) != NULL)
    set_int (self, prop_id, g_value_get_int (value));
  else if (prop_id == PROP_NOTE)
    set_string (self, prop_id, &self->note, g_value_get_string (value));
  else if (prop_id == PROP_REFLECTION)
    set_string (self, prop_id, &self->reflection, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
enough_checkin_class_init (EnoughCheckinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = enough_checkin_finalize;
  object_class->get_property = enough_checkin_get_property;
  object_class->set_property = enough_checkin_set_property;

  properties[PROP_DAY] = g_param_spec_string ("day", NULL, NULL, "",
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MOOD] = g_param_spec_int ("mood", NULL, NULL, -1, ENOUGH_CHECKIN_SCALE_MAX, -1, rw);
  properties[PROP_ENERGY] = g_param_spec_int ("energy", NULL, NULL, -1, ENOUGH_CHECKIN_SCALE_MAX, -1, rw);
  properties[PROP_DAYLIGHT] = g_param_spec_int ("daylight", NULL, NULL, -1, ENOUGH_CHECKIN_DAYLIGHT_MAX, -1, rw);
  properties[PROP_MORNING_OUTSIDE] = g_param_spec_int ("morning-outside", NULL, NULL, -1, 1, -1, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", rw);
  properties[PROP_REFLECTION] = g_param_spec_string ("reflection", NULL, NULL, "", rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
enough_checkin_init (EnoughCheckin *self)
{
  self->day = g_strdup ("");
  self->note = g_strdup ("");
  self->reflection = g_strdup ("");
  self->mood = self->energy = self->daylight = self->morning_outside = ENOUGH_CHECKIN_UNSET;
}

EnoughCheckin *
_enough_checkin_new (void)
{
  return g_object_new (ENOUGH_TYPE_CHECKIN, NULL);
}

void
_enough_checkin_set_day (EnoughCheckin *self,
                         const char    *day)
{
  _enough_set_string (&self->day, day);
}

/* A damaged or crafted file may hold anything: out of range reads as unset. */
static int
load_int (sqlite3_stmt *stmt,
          int           column,
          int           max)
{
  int v = sqlite3_column_int (stmt, column);

  return v >= 0 && v <= max ? v : ENOUGH_CHECKIN_UNSET;
}

void
_enough_checkin_load (EnoughCheckin *self,
                      sqlite3_stmt  *stmt)
{
#define TEXT(col) ((const char *) sqlite3_column_text (stmt, col))
  _enough_set_string (&self->day, TEXT (ENOUGH_CHECKIN_COL_DAY));
  self->mood = load_int (stmt, ENOUGH_CHECKIN_COL_MOOD, ENOUGH_CHECKIN_SCALE_MAX);
  self->energy = load_int (stmt, ENOUGH_CHECKIN_COL_ENERGY, ENOUGH_CHECKIN_SCALE_MAX);
  self->daylight = load_int (stmt, ENOUGH_CHECKIN_COL_DAYLIGHT, ENOUGH_CHECKIN_DAYLIGHT_MAX);
  self->morning_outside = load_int (stmt, ENOUGH_CHECKIN_COL_MORNING_OUTSIDE, 1);
  _enough_set_string (&self->note, TEXT (ENOUGH_CHECKIN_COL_NOTE));
  _enough_set_string (&self->reflection, TEXT (ENOUGH_CHECKIN_COL_REFLECTION));
#undef TEXT
}

void
_enough_checkin_snapshot (EnoughCheckin  *self,
                          EnoughSnapshot *snap)
{
  _enough_record_snapshot_common (ENOUGH_RECORD (self), snap);
  enough_snapshot_add_text (snap, self->day);
  enough_snapshot_add_int (snap, self->mood);
  enough_snapshot_add_int (snap, self->energy);
  enough_snapshot_add_int (snap, self->daylight);
  enough_snapshot_add_int (snap, self->morning_outside);
  enough_snapshot_add_text (snap, self->note);
  enough_snapshot_add_text (snap, self->reflection);
}

const char *
enough_checkin_get_day (EnoughCheckin *self)
{
  g_return_val_if_fail (ENOUGH_IS_CHECKIN (self), NULL);
  return self->day;
}

#define INT_ACCESSORS(field, prop)                                  \
int                                                                 \
enough_checkin_get_##field (EnoughCheckin *self)                    \
{                                                                   \
  g_return_val_if_fail (ENOUGH_IS_CHECKIN (self), ENOUGH_CHECKIN_UNSET); \
  return self->field;                                               \
}                                                                   \
                                                                    \
void                                                                \
enough_checkin_set_##field (EnoughCheckin *self,                    \
                            int            value)                   \
{                                                                   \
  g_return_if_fail (ENOUGH_IS_CHECKIN (self));                      \
  set_int (self, prop, value);                                      \
}

INT_ACCESSORS (mood, PROP_MOOD)
INT_ACCESSORS (energy, PROP_ENERGY)
INT_ACCESSORS (daylight, PROP_DAYLIGHT)
INT_ACCESSORS (morning_outside, PROP_MORNING_OUTSIDE)

const char *
enough_checkin_get_note (EnoughCheckin *self)
{
  g_return_val_if_fail (ENOUGH_IS_CHECKIN (self), NULL);
  return self->note;
}

void
enough_checkin_set_note (EnoughCheckin *self,
                         const char    *note)
{
  g_return_if_fail (ENOUGH_IS_CHECKIN (self));
  set_string (self, PROP_NOTE, &self->note, note);
}

const char *
enough_checkin_get_reflection (EnoughCheckin *self)
{
  g_return_val_if_fail (ENOUGH_IS_CHECKIN (self), NULL);
  return self->reflection;
}

void
enough_checkin_set_reflection (EnoughCheckin *self,
                               const char    *reflection)
{
  g_return_if_fail (ENOUGH_IS_CHECKIN (self));
  set_string (self, PROP_REFLECTION, &self->reflection, reflection);
}

gboolean
enough_checkin_is_complete (EnoughCheckin *self)
{
  g_return_val_if_fail (ENOUGH_IS_CHECKIN (self), FALSE);
  return self->mood >= 0 || self->energy >= 0 || self->daylight >= 0 ||
         self->morning_outside >= 0 || self->note[0] != '\0';
}

char *
enough_checkin_day_for_time (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);
  return g_date_time_format (time, "%Y-%m-%d");
}

gboolean
enough_checkin_day_is_valid (const char *day)
{
  int y, m, d;

  if (day == NULL || strlen (day) != 10 || day[4] != '-' || day[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (day[i]))
      return FALSE;
  y = atoi (day);
  m = atoi (day + 5);
  d = atoi (day + 8);
  return y >= 1 && m >= 1 && m <= 12 && g_date_valid_dmy (d, m, y);
}
