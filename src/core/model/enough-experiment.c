/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-experiment.h"
#include "enough-record-private.h"
#include "enough-tables.h"

struct _EnoughExperiment
{
  EnoughRecord          parent_instance;

  char                 *belief;
  int                   belief_rating;
  char                 *prediction;
  int                   prediction_likelihood;
  EnoughExperimentKind  experiment_kind;
  char                 *action;
  gint64                due_at;
  gboolean              due_has_time;
  char                 *obstacles;
  char                 *alternative;
  int                   alternative_rating;
  char                 *outcome;
  EnoughCameTrue        came_true;
  char                 *learned;
  int                   belief_after;
  int                   alternative_after;
};

G_DEFINE_FINAL_TYPE (EnoughExperiment, enough_experiment, ENOUGH_TYPE_RECORD)

enum {
  PROP_0,
  PROP_BELIEF,
  PROP_BELIEF_RATING,
  PROP_PREDICTION,
  PROP_PREDICTION_LIKELIHOOD,
  PROP_EXPERIMENT_KIND,
  PROP_ACTION,
  PROP_DUE_AT,
  PROP_DUE_HAS_TIME,
  PROP_OBSTACLES,
  PROP_ALTERNATIVE,
  PROP_ALTERNATIVE_RATING,
  PROP_OUTCOME,
  PROP_CAME_TRUE,
  PROP_LEARNED,
  PROP_BELIEF_AFTER,
  PROP_ALTERNATIVE_AFTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The string and rating fields by property, for get/set_property. */
#define STRING_FIELD(self, prop)                                              \
  ((prop) == PROP_BELIEF ? &(self)->belief :                                  \
   (prop) == PROP_PREDICTION ? &(self)->prediction :                          \
   (prop) == PROP_ACTION ? &(self)->action :                                  \
   (prop) == PROP_OBSTACLES ? &(self)->obstacles :                            \
   (prop) == PROP_ALTERNATIVE ? &(self)->alternative :                        \
   (prop) == PROP_OUTCOME ? &(self)->outcome :                                \
   (prop) == PROP_LEARNED ? &(self)->learned : NULL)
#define RATING_FIELD(self, prop)                                              \
  ((prop) == PROP_BELIEF_RATING ? &(self)->belief_rating :                    \
   (prop) == PROP_PREDICTION_LIKELIHOOD ? &(self)->prediction_likelihood :    \
   (prop) == PROP_ALTERNATIVE_RATING ? &(self)->alternative_rating :          \
   (prop) == PROP_BELIEF_AFTER ? &(self)->belief_after :                      \
   (prop) == PROP_ALTERNATIVE_AFTER ? &(self)->alternative_after : NULL)

static void
set_string (EnoughExperiment *self,
            guint             prop,
            const char       *value)
{
  if (!_enough_set_string (STRING_FIELD (self, prop), value))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

static void
set_rating (EnoughExperiment *self,
            guint             prop,
            int               rating)
{
  int *field = RATING_FIELD (self, prop);

  g_return_if_fail (rating >= ENOUGH_RATING_UNSET && rating <= 100);
  if (*field == rating)
    return;
  *field = rating;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

static void
enough_experiment_finalize (GObject *object)
{
  EnoughExperiment *self = ENOUGH_EXPERIMENT (object);

  g_free (self->belief);
  g_free (self->prediction);
  g_free (self->action);
  g_free (self->obstacles);
  g_free (self->alternative);
  g_free (self->outcome);
  g_free (self->learned);

  G_OBJECT_CLASS (enough_experiment_parent_class)->finalize (object);
}

static void
enough_experiment_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EnoughExperiment *self = ENOUGH_EXPERIMENT (object);

  if (STRING_FIELD (self, prop_id) != NULL)
    g_value_set_string (value, *STRING_FIELD (self, prop_id));
  else if (RATING_FIELD (self, prop_id) != NULL)
    g_value_set_int (value, *RATING_FIELD (self, prop_id));
  else if (prop_id == PROP_EXPERIMENT_KIND)
    g_value_set_enum (value, self->experiment_kind);
  else if (prop_id == PROP_CAME_TRUE)
    g_value_set_enum (value, self->came_true);
  else if (prop_id == PROP_DUE_AT)
    g_value_set_int64 (value, self->due_at);
  else if (prop_id == PROP_DUE_HAS_TIME)
    g_value_set_boolean (value, self->due_has_time);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
enough_experiment_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EnoughExperiment *self = ENOUGH_EXPERIMENT (object);

  if (STRING_FIELD (self, prop_id) != NULL)
    set_string (self, prop_id, g_value_get_string (value));
  else if (RATING_FIELD (self, prop_id) != NULL)
    set_rating (self, prop_id, g_value_get_int (value));
  else if (prop_id == PROP_EXPERIMENT_KIND)
    enough_experiment_set_experiment_kind (self, g_value_get_enum (value));
  else if (prop_id == PROP_CAME_TRUE)
    enough_experiment_set_came_true (self, g_value_get_enum (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
enough_experiment_class_init (EnoughExperimentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = enough_experiment_finalize;
  object_class->get_property = enough_experiment_get_property;
  object_class->set_property = enough_experiment_set_property;

#define STRING_PROP(id, name) properties[id] = g_param_spec_string (name, NULL, NULL, "", rw)
#define RATING_PROP(id, name) properties[id] = g_param_spec_int (name, NULL, NULL, -1, 100, -1, rw)
  STRING_PROP (PROP_BELIEF, "belief");
  RATING_PROP (PROP_BELIEF_RATING, "belief-rating");
  STRING_PROP (PROP_PREDICTION, "prediction");
  RATING_PROP (PROP_PREDICTION_LIKELIHOOD, "prediction-likelihood");
  properties[PROP_EXPERIMENT_KIND] = g_param_spec_enum ("experiment-kind", NULL, NULL,
                                                        ENOUGH_TYPE_EXPERIMENT_KIND,
                                                        ENOUGH_EXPERIMENT_KIND_UNSET, rw);
  STRING_PROP (PROP_ACTION, "action");
  /* due-at and due-has-time change together: enough_experiment_set_due() */
  properties[PROP_DUE_AT] = g_param_spec_int64 ("due-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_DUE_HAS_TIME] = g_param_spec_boolean ("due-has-time", NULL, NULL, FALSE, ro);
  STRING_PROP (PROP_OBSTACLES, "obstacles");
  STRING_PROP (PROP_ALTERNATIVE, "alternative");
  RATING_PROP (PROP_ALTERNATIVE_RATING, "alternative-rating");
  STRING_PROP (PROP_OUTCOME, "outcome");
  properties[PROP_CAME_TRUE] = g_param_spec_enum ("came-true", NULL, NULL, ENOUGH_TYPE_CAME_TRUE,
                                                  ENOUGH_CAME_TRUE_UNSET, rw);
  STRING_PROP (PROP_LEARNED, "learned");
  RATING_PROP (PROP_BELIEF_AFTER, "belief-after");
  RATING_PROP (PROP_ALTERNATIVE_AFTER, "alternative-after");
#undef STRING_PROP
#undef RATING_PROP

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
enough_experiment_init (EnoughExperiment *self)
{
  self->belief = g_strdup ("");
  self->prediction = g_strdup ("");
  self->action = g_strdup ("");
  self->obstacles = g_strdup ("");
  self->alternative = g_strdup ("");
  self->outcome = g_strdup ("");
  self->learned = g_strdup ("");
  self->belief_rating = self->prediction_likelihood = self->alternative_rating = ENOUGH_RATING_UNSET;
  self->belief_after = self->alternative_after = ENOUGH_RATING_UNSET;
}

EnoughExperiment *
_enough_experiment_new (void)
{
  return g_object_new (ENOUGH_TYPE_EXPERIMENT, NULL);
}

/* A damaged or crafted file may hold anything: out of range reads as unset. */
static int
load_rating (sqlite3_stmt *stmt,
             int           column)
{
  int v = sqlite3_column_int (stmt, column);

  return v >= 0 && v <= 100 ? v : ENOUGH_RATING_UNSET;
}

static int
load_enum (sqlite3_stmt *stmt,
           int           column,
           int           last)
{
  int v = sqlite3_column_int (stmt, column);

  return v >= 0 && v <= last ? v : 0;
}

void
_enough_experiment_load (EnoughExperiment *self,
                         sqlite3_stmt     *stmt)
{
#define TEXT(col) ((const char *) sqlite3_column_text (stmt, col))
  _enough_set_string (&self->belief, TEXT (ENOUGH_EXPERIMENT_COL_BELIEF));
  self->belief_rating = load_rating (stmt, ENOUGH_EXPERIMENT_COL_BELIEF_RATING);
  _enough_set_string (&self->prediction, TEXT (ENOUGH_EXPERIMENT_COL_PREDICTION));
  self->prediction_likelihood = load_rating (stmt, ENOUGH_EXPERIMENT_COL_PREDICTION_LIKELIHOOD);
  self->experiment_kind = load_enum (stmt, ENOUGH_EXPERIMENT_COL_EXPERIMENT_KIND,
                                     ENOUGH_EXPERIMENT_KIND_LAST);
  _enough_set_string (&self->action, TEXT (ENOUGH_EXPERIMENT_COL_ACTION));
  self->due_at = MAX (0, sqlite3_column_int64 (stmt, ENOUGH_EXPERIMENT_COL_DUE_AT));
  self->due_has_time = sqlite3_column_int (stmt, ENOUGH_EXPERIMENT_COL_DUE_HAS_TIME) != 0;
  _enough_set_string (&self->obstacles, TEXT (ENOUGH_EXPERIMENT_COL_OBSTACLES));
  _enough_set_string (&self->alternative, TEXT (ENOUGH_EXPERIMENT_COL_ALTERNATIVE));
  self->alternative_rating = load_rating (stmt, ENOUGH_EXPERIMENT_COL_ALTERNATIVE_RATING);
  _enough_set_string (&self->outcome, TEXT (ENOUGH_EXPERIMENT_COL_OUTCOME));
  self->came_true = load_enum (stmt, ENOUGH_EXPERIMENT_COL_CAME_TRUE, ENOUGH_CAME_TRUE_NO);
  _enough_set_string (&self->learned, TEXT (ENOUGH_EXPERIMENT_COL_LEARNED));
  self->belief_after = load_rating (stmt, ENOUGH_EXPERIMENT_COL_BELIEF_AFTER);
  self->alternative_after = load_rating (stmt, ENOUGH_EXPERIMENT_COL_ALTERNATIVE_AFTER);
#undef TEXT
}

void
_enough_experiment_snapshot (EnoughExperiment *self,
                             EnoughSnapshot   *snap)
{
  _enough_record_snapshot_common (ENOUGH_RECORD (self), snap);
  enough_snapshot_add_text (snap, self->belief);
  enough_snapshot_add_int (snap, self->belief_rating);
  enough_snapshot_add_text (snap, self->prediction);
  enough_snapshot_add_int (snap, self->prediction_likelihood);
  enough_snapshot_add_int (snap, self->experiment_kind);
  enough_snapshot_add_text (snap, self->action);
  enough_snapshot_add_int (snap, self->due_at);
  enough_snapshot_add_int (snap, self->due_has_time ? 1 : 0);
  enough_snapshot_add_text (snap, self->obstacles);
  enough_snapshot_add_text (snap, self->alternative);
  enough_snapshot_add_int (snap, self->alternative_rating);
  enough_snapshot_add_text (snap, self->outcome);
  enough_snapshot_add_int (snap, self->came_true);
  enough_snapshot_add_text (snap, self->learned);
  enough_snapshot_add_int (snap, self->belief_after);
  enough_snapshot_add_int (snap, self->alternative_after);
}

#define STRING_ACCESSORS(field, prop)                                     \
const char *                                                              \
enough_experiment_get_##field (EnoughExperiment *self)                    \
{                                                                         \
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT (self), NULL);               \
  return self->field;                                                     \
}                                                                         \
                                                                          \
void                                                                      \
enough_experiment_set_##field (EnoughExperiment *self,                    \
                               const char       *value)                   \
{                                                                         \
  g_return_if_fail (ENOUGH_IS_EXPERIMENT (self));                         \
  set_string (self, prop, value);                                         \
}

#define RATING_ACCESSORS(field, prop)                                     \
int                                                                       \
enough_experiment_get_##field (EnoughExperiment *self)                    \
{                                                                         \
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT (self), ENOUGH_RATING_UNSET);\
  return self->field;                                                     \
}                                                                         \
                                                                          \
void                                                                      \
enough_experiment_set_##field (EnoughExperiment *self,                    \
                               int               rating)                  \
{                                                                         \
  g_return_if_fail (ENOUGH_IS_EXPERIMENT (self));                         \
  set_rating (self, prop, rating);                                        \
}

STRING_ACCESSORS (belief, PROP_BELIEF)
RATING_ACCESSORS (belief_rating, PROP_BELIEF_RATING)
STRING_ACCESSORS (prediction, PROP_PREDICTION)
RATING_ACCESSORS (prediction_likelihood, PROP_PREDICTION_LIKELIHOOD)
STRING_ACCESSORS (action, PROP_ACTION)
STRING_ACCESSORS (obstacles, PROP_OBSTACLES)
STRING_ACCESSORS (alternative, PROP_ALTERNATIVE)
RATING_ACCESSORS (alternative_rating, PROP_ALTERNATIVE_RATING)
STRING_ACCESSORS (outcome, PROP_OUTCOME)
STRING_ACCESSORS (learned, PROP_LEARNED)
RATING_ACCESSORS (belief_after, PROP_BELIEF_AFTER)
RATING_ACCESSORS (alternative_after, PROP_ALTERNATIVE_AFTER)

EnoughExperimentKind
enough_experiment_get_experiment_kind (EnoughExperiment *self)
{
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT (self), ENOUGH_EXPERIMENT_KIND_UNSET);
  return self->experiment_kind;
}

void
enough_experiment_set_experiment_kind (EnoughExperiment     *self,
                                       EnoughExperimentKind  kind)
{
  g_return_if_fail (ENOUGH_IS_EXPERIMENT (self));
  g_return_if_fail (kind >= ENOUGH_EXPERIMENT_KIND_UNSET && kind <= ENOUGH_EXPERIMENT_KIND_LAST);
  if (self->experiment_kind == kind)
    return;
  self->experiment_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPERIMENT_KIND]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

EnoughCameTrue
enough_experiment_get_came_true (EnoughExperiment *self)
{
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT (self), ENOUGH_CAME_TRUE_UNSET);
  return self->came_true;
}

void
enough_experiment_set_came_true (EnoughExperiment *self,
                                 EnoughCameTrue    came_true)
{
  g_return_if_fail (ENOUGH_IS_EXPERIMENT (self));
  g_return_if_fail (came_true >= ENOUGH_CAME_TRUE_UNSET && came_true <= ENOUGH_CAME_TRUE_NO);
  if (self->came_true == came_true)
    return;
  self->came_true = came_true;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAME_TRUE]);
  _enough_record_changed (ENOUGH_RECORD (self));
}

gint64
enough_experiment_get_due_at (EnoughExperiment *self)
{
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT (self), 0);
  return self->due_at;
}

gboolean
enough_experiment_get_due_has_time (EnoughExperiment *self)
{
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT (self), FALSE);
  return self->due_has_time;
}

void
enough_experiment_set_due (EnoughExperiment *self,
                           gint64            due_at,
                           gboolean          has_time)
{
  gboolean changed = FALSE;

  g_return_if_fail (ENOUGH_IS_EXPERIMENT (self));
  g_return_if_fail (due_at >= 0);

  has_time = has_time && due_at != 0;
  g_object_freeze_notify (G_OBJECT (self));
  if (self->due_at != due_at)
    {
      self->due_at = due_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_AT]);
      changed = TRUE;
    }
  if (self->due_has_time != has_time)
    {
      self->due_has_time = has_time;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_HAS_TIME]);
      changed = TRUE;
    }
  if (changed)
    _enough_record_changed (ENOUGH_RECORD (self));
  g_object_thaw_notify (G_OBJECT (self));
}

EnoughExperimentState
enough_experiment_get_state (EnoughExperiment *self,
                             gint64            now_usec)
{
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT (self), ENOUGH_EXPERIMENT_PLANNED);

  if (self->came_true != ENOUGH_CAME_TRUE_UNSET || self->outcome[0] != '\0')
    return ENOUGH_EXPERIMENT_DONE;
  if (self->due_at != 0 && self->due_at <= now_usec)
    return ENOUGH_EXPERIMENT_DUE;
  return ENOUGH_EXPERIMENT_PLANNED;
}

gint64
enough_experiment_compute_due_at (int        year,
                                  int        month,
                                  int        day,
                                  int        minutes,
                                  GTimeZone *tz)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) at = NULL;

  if (!g_date_valid_dmy (day, month, year) || minutes >= 24 * 60)
    return 0;
  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  at = g_date_time_new (tz, year, month, day,
                        minutes < 0 ? 9 : minutes / 60, minutes < 0 ? 0 : minutes % 60, 0);
  if (at == NULL)
    return 0;
  return g_date_time_to_unix (at) * G_USEC_PER_SEC;
}
