/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-dates.h"
#include "enough-experiment-editor.h"
#include "enough-experiment-kinds.h"
#include "enough-search-reveal.h"
#include "enough-text-limit.h"

#define N_TEXTS 7
#define N_SCALES 5

struct _EnoughExperimentEditor
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkTextView       *belief_view;
  GtkTextView       *prediction_view;
  GtkTextView       *action_view;
  GtkTextView       *obstacles_view;
  GtkTextView       *alternative_view;
  GtkTextView       *outcome_view;
  GtkTextView       *learned_view;
  GtkScale          *belief_scale;
  GtkScale          *prediction_scale;
  GtkScale          *alternative_scale;
  GtkScale          *belief_after_scale;
  GtkScale          *alternative_after_scale;
  GtkBox            *kind_box;
  GtkMenuButton     *date_button;
  GtkCalendar       *calendar;
  GtkWidget         *clear_date_button;
  GtkCheckButton    *time_check;
  GtkSpinButton     *hour_spin;
  GtkSpinButton     *minute_spin;
  GtkLabel          *after_note;
  GtkToggleButton   *came_true_yes;
  GtkToggleButton   *came_true_partly;
  GtkToggleButton   *came_true_no;

  GtkCheckButton    *kind_buttons[ENOUGH_EXPERIMENT_KIND_LAST + 1];

  EnoughStore       *store;
  EnoughExperiment  *experiment;
  gulong             notify_id;
  /* TRUE while the widgets are set from the experiment, not by the user. */
  gboolean           syncing;
};

G_DEFINE_FINAL_TYPE (EnoughExperimentEditor, enough_experiment_editor, GTK_TYPE_WIDGET)

/* The text fields: their view, accessors and search field, in form order. */
typedef struct
{
  gsize               view_offset;
  EnoughSearchField   field;
  const char       *(*get) (EnoughExperiment *self);
  void              (*set) (EnoughExperiment *self,
                            const char       *value);
} TextField;

#define VIEW(member) G_STRUCT_OFFSET (EnoughExperimentEditor, member)

static const TextField texts[N_TEXTS] = {
  { VIEW (belief_view), ENOUGH_SEARCH_FIELD_BELIEF,
    enough_experiment_get_belief, enough_experiment_set_belief },
  { VIEW (prediction_view), ENOUGH_SEARCH_FIELD_PREDICTION,
    enough_experiment_get_prediction, enough_experiment_set_prediction },
  { VIEW (action_view), ENOUGH_SEARCH_FIELD_ACTION,
    enough_experiment_get_action, enough_experiment_set_action },
  { VIEW (obstacles_view), ENOUGH_SEARCH_FIELD_OBSTACLES,
    enough_experiment_get_obstacles, enough_experiment_set_obstacles },
  { VIEW (alternative_view), ENOUGH_SEARCH_FIELD_ALTERNATIVE,
    enough_experiment_get_alternative, enough_experiment_set_alternative },
  { VIEW (outcome_view), ENOUGH_SEARCH_FIELD_OUTCOME,
    enough_experiment_get_outcome, enough_experiment_set_outcome },
  { VIEW (learned_view), ENOUGH_SEARCH_FIELD_LEARNED,
    enough_experiment_get_learned, enough_experiment_set_learned },
};

typedef struct
{
  gsize  scale_offset;
  int  (*get) (EnoughExperiment *self);
  void (*set) (EnoughExperiment *self,
               int               rating);
} ScaleField;

static const ScaleField scales[N_SCALES] = {
  { VIEW (belief_scale), enough_experiment_get_belief_rating, enough_experiment_set_belief_rating },
  { VIEW (prediction_scale), enough_experiment_get_prediction_likelihood,
    enough_experiment_set_prediction_likelihood },
  { VIEW (alternative_scale), enough_experiment_get_alternative_rating,
    enough_experiment_set_alternative_rating },
  { VIEW (belief_after_scale), enough_experiment_get_belief_after, enough_experiment_set_belief_after },
  { VIEW (alternative_after_scale), enough_experiment_get_alternative_after,
    enough_experiment_set_alternative_after },
};

#define MEMBER(self, offset) (*(gpointer *) G_STRUCT_MEMBER_P (self, offset))

static gint64
editor_now (EnoughExperimentEditor *self)
{
  return self->store != NULL ? enough_store_now (self->store) : g_get_real_time ();
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Replaces the buffer's text only when it differs, so the cursor stays put
 * while the user types. */
static void
sync_buffer (GtkTextView *view,
             const char  *text)
{
  g_autofree char *current = dup_buffer_text (view);

  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static int
scale_index (EnoughExperimentEditor *self,
             GtkRange               *range)
{
  for (guint i = 0; i < N_SCALES; i++)
    if (MEMBER (self, scales[i].scale_offset) == (gpointer) range)
      return (int) i;
  return -1;
}

static int
scale_rating (EnoughExperimentEditor *self,
              GtkRange               *range)
{
  int i = scale_index (self, range);

  if (i < 0 || self->experiment == NULL)
    return ENOUGH_RATING_UNSET;
  return scales[i].get (self->experiment);
}

static char *
format_rating (int rating)
{
  if (rating < 0)
    /* Translators: a 0–100 % rating not given yet */
    return g_strdup (_("Not rated"));
  /* Translators: a rating from 0 to 100 %; keep the %% */
  return g_strdup_printf (_("%d %%"), rating);
}

static char *
format_scale_value (GtkScale *scale,
                    double    value,
                    gpointer  user_data)
{
  EnoughExperimentEditor *self = user_data;

  return format_rating (scale_rating (self, GTK_RANGE (scale)));
}

/* What a screen reader says for the scale: the value, or that there is none. */
static void
update_scale_accessible (EnoughExperimentEditor *self,
                         GtkRange               *range)
{
  g_autofree char *text = format_rating (scale_rating (self, range));

  gtk_accessible_update_property (GTK_ACCESSIBLE (range),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
sync_when (EnoughExperimentEditor *self)
{
  gint64 due_at = self->experiment != NULL ? enough_experiment_get_due_at (self->experiment) : 0;
  gboolean has_time = self->experiment != NULL && enough_experiment_get_due_has_time (self->experiment);
  g_autoptr(GDateTime) local = due_at > 0 ? g_date_time_new_from_unix_local (due_at / G_USEC_PER_SEC) : NULL;

  if (local != NULL)
    {
      g_autofree char *day = enough_dates_format_local_date (local);

      gtk_menu_button_set_label (self->date_button, day);
      gtk_calendar_select_day (self->calendar, local);
    }
  else
    gtk_menu_button_set_label (self->date_button, _("Choose a Day"));
  gtk_widget_set_visible (self->clear_date_button, local != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->time_check), local != NULL);
  gtk_check_button_set_active (self->time_check, has_time);
  gtk_widget_set_sensitive (GTK_WIDGET (self->hour_spin), has_time);
  gtk_widget_set_sensitive (GTK_WIDGET (self->minute_spin), has_time);
  if (has_time && local != NULL)
    {
      gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
      gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
    }
}

static void
sync_after_note (EnoughExperimentEditor *self)
{
  const char *note = NULL;

  if (self->experiment != NULL)
    switch (enough_experiment_get_state (self->experiment, editor_now (self)))
      {
      case ENOUGH_EXPERIMENT_DUE:
        note = _("The day has come. Whenever you are ready, look back at what actually happened.");
        break;
      case ENOUGH_EXPERIMENT_PLANNED:
        note = enough_experiment_get_due_at (self->experiment) > 0
               ? _("When the day comes, Enough will remind you to look back here.")
               : _("After you have tried it, come back and write down what happened.");
        break;
      case ENOUGH_EXPERIMENT_DONE:
      default:
        break;
      }
  gtk_label_set_label (self->after_note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->after_note), note != NULL);
}

/* Everything from the experiment (loading, or a change made elsewhere). */
static void
sync_all (EnoughExperimentEditor *self)
{
  EnoughExperiment *e = self->experiment;

  self->syncing = TRUE;
  for (guint i = 0; i < N_TEXTS; i++)
    sync_buffer (MEMBER (self, texts[i].view_offset), e != NULL ? texts[i].get (e) : "");
  for (guint i = 0; i < N_SCALES; i++)
    {
      GtkRange *range = MEMBER (self, scales[i].scale_offset);
      int rating = e != NULL ? scales[i].get (e) : ENOUGH_RATING_UNSET;

      gtk_range_set_value (range, MAX (rating, 0));
      /* Setting the function again rewrites the value label: "Not rated"
       * and 0 % are the same value of the scale. */
      gtk_scale_set_format_value_func (GTK_SCALE (range), format_scale_value, self, NULL);
      update_scale_accessible (self, range);
    }
  for (guint k = 1; k <= ENOUGH_EXPERIMENT_KIND_LAST; k++)
    gtk_check_button_set_active (self->kind_buttons[k],
                                 e != NULL && enough_experiment_get_experiment_kind (e) == k);
  gtk_toggle_button_set_active (self->came_true_yes, e != NULL && enough_experiment_get_came_true (e) == ENOUGH_CAME_TRUE_YES);
  gtk_toggle_button_set_active (self->came_true_partly, e != NULL && enough_experiment_get_came_true (e) == ENOUGH_CAME_TRUE_PARTLY);
  gtk_toggle_button_set_active (self->came_true_no, e != NULL && enough_experiment_get_came_true (e) == ENOUGH_CAME_TRUE_NO);
  if (e == NULL || enough_experiment_get_came_true (e) == ENOUGH_CAME_TRUE_UNSET)
    {
      /* A group keeps one active: make none so by hand. */
      gtk_toggle_button_set_active (self->came_true_yes, FALSE);
      gtk_toggle_button_set_active (self->came_true_partly, FALSE);
      gtk_toggle_button_set_active (self->came_true_no, FALSE);
    }
  sync_when (self);
  sync_after_note (self);
  self->syncing = FALSE;
}

static void
on_experiment_notify (EnoughExperimentEditor *self)
{
  if (!self->syncing)
    sync_all (self);
}

EnoughExperiment *
enough_experiment_editor_get_experiment (EnoughExperimentEditor *self)
{
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT_EDITOR (self), NULL);

  return self->experiment;
}

void
enough_experiment_editor_set_experiment (EnoughExperimentEditor *self,
                                         EnoughExperiment       *experiment)
{
  g_return_if_fail (ENOUGH_IS_EXPERIMENT_EDITOR (self));
  g_return_if_fail (experiment == NULL || ENOUGH_IS_EXPERIMENT (experiment));

  if (self->experiment == experiment)
    return;
  if (self->experiment != NULL)
    g_clear_signal_handler (&self->notify_id, self->experiment);
  g_set_object (&self->experiment, experiment);
  if (experiment != NULL)
    self->notify_id = g_signal_connect_swapped (experiment, "notify",
                                                G_CALLBACK (on_experiment_notify), self);
  sync_all (self);
  /* A new experiment starts at the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
enough_experiment_editor_set_store (EnoughExperimentEditor *self,
                                    EnoughStore            *store)
{
  g_return_if_fail (ENOUGH_IS_EXPERIMENT_EDITOR (self));

  g_set_object (&self->store, store);
  sync_after_note (self);
}

void
enough_experiment_editor_refresh (EnoughExperimentEditor *self)
{
  g_return_if_fail (ENOUGH_IS_EXPERIMENT_EDITOR (self));

  sync_after_note (self);
}

void
enough_experiment_editor_focus_next (EnoughExperimentEditor *self)
{
  g_return_if_fail (ENOUGH_IS_EXPERIMENT_EDITOR (self));

  if (self->experiment != NULL &&
      enough_experiment_get_state (self->experiment, editor_now (self)) == ENOUGH_EXPERIMENT_DUE)
    gtk_widget_grab_focus (GTK_WIDGET (self->outcome_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->belief_view));
}

GtkWidget *
enough_experiment_editor_get_field (EnoughExperimentEditor *self,
                                    EnoughSearchField       field)
{
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT_EDITOR (self), NULL);

  for (guint i = 0; i < N_TEXTS; i++)
    if (texts[i].field == field)
      return MEMBER (self, texts[i].view_offset);
  return NULL;
}

GtkRange *
enough_experiment_editor_get_scale (EnoughExperimentEditor *self,
                                    guint                   i)
{
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT_EDITOR (self), NULL);
  g_return_val_if_fail (i < N_SCALES, NULL);

  return MEMBER (self, scales[i].scale_offset);
}

gboolean
enough_experiment_editor_reveal_match (EnoughExperimentEditor *self,
                                       EnoughSearchResult     *result,
                                       const char             *query)
{
  GtkWidget *widget;

  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT_EDITOR (self), FALSE);
  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (result), FALSE);

  if (self->experiment == NULL)
    return FALSE;
  widget = enough_experiment_editor_get_field (self, enough_search_result_get_field (result));
  if (widget == NULL)
    widget = GTK_WIDGET (self->belief_view);
  return enough_search_reveal_text (self->scroller, widget, query, result);
}

/* ---- From the user ----------------------------------------------------- */

static void
on_text_changed (GtkTextBuffer          *buffer,
                 EnoughExperimentEditor *self)
{
  if (self->syncing || self->experiment == NULL)
    return;
  for (guint i = 0; i < N_TEXTS; i++)
    {
      GtkTextView *view = MEMBER (self, texts[i].view_offset);

      if (gtk_text_view_get_buffer (view) == buffer)
        {
          g_autofree char *text = dup_buffer_text (view);

          self->syncing = TRUE;
          texts[i].set (self->experiment, text);
          self->syncing = FALSE;
          sync_after_note (self);
          return;
        }
    }
}

static void
on_scale_changed (GtkRange               *range,
                  EnoughExperimentEditor *self)
{
  int i = scale_index (self, range);

  if (self->syncing || self->experiment == NULL || i < 0)
    return;
  self->syncing = TRUE;
  scales[i].set (self->experiment, CLAMP ((int) (gtk_range_get_value (range) + 0.5), 0, 100));
  self->syncing = FALSE;
  update_scale_accessible (self, range);
}

static void
on_kind_toggled (GtkCheckButton         *button,
                 EnoughExperimentEditor *self)
{
  if (self->syncing || self->experiment == NULL || !gtk_check_button_get_active (button))
    return;
  for (guint k = 1; k <= ENOUGH_EXPERIMENT_KIND_LAST; k++)
    if (self->kind_buttons[k] == button)
      {
        self->syncing = TRUE;
        enough_experiment_set_experiment_kind (self->experiment, k);
        self->syncing = FALSE;
      }
}

static void
on_came_true_toggled (GtkToggleButton        *button,
                      EnoughExperimentEditor *self)
{
  EnoughCameTrue value;

  if (self->syncing || self->experiment == NULL || !gtk_toggle_button_get_active (button))
    return;
  value = button == self->came_true_yes ? ENOUGH_CAME_TRUE_YES
          : button == self->came_true_partly ? ENOUGH_CAME_TRUE_PARTLY : ENOUGH_CAME_TRUE_NO;
  self->syncing = TRUE;
  enough_experiment_set_came_true (self->experiment, value);
  self->syncing = FALSE;
  sync_after_note (self);
}

/* The day chosen, at the chosen time or (without one) 09:00 local time. */
static void
set_due_from_widgets (EnoughExperimentEditor *self,
                      GDateTime              *day)
{
  gboolean has_time = gtk_check_button_get_active (self->time_check);
  int minutes = has_time ? gtk_spin_button_get_value_as_int (self->hour_spin) * 60 +
                           gtk_spin_button_get_value_as_int (self->minute_spin) : -1;
  gint64 due_at = enough_experiment_compute_due_at (g_date_time_get_year (day),
                                                    g_date_time_get_month (day),
                                                    g_date_time_get_day_of_month (day),
                                                    minutes, NULL);

  enough_experiment_set_due (self->experiment, due_at, has_time);
}

static void
on_day_selected (EnoughExperimentEditor *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->syncing || self->experiment == NULL)
    return;
  /* The popover stays open: arrow keys select day after day, and Escape
   * or a click outside closes it. */
  day = gtk_calendar_get_date (self->calendar);
  set_due_from_widgets (self, day);
}

static void
on_clear_date (EnoughExperimentEditor *self)
{
  if (self->experiment == NULL)
    return;
  enough_experiment_set_due (self->experiment, 0, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_button));
}

static void
on_time_changed (EnoughExperimentEditor *self)
{
  gint64 due_at;
  g_autoptr(GDateTime) day = NULL;

  if (self->syncing || self->experiment == NULL)
    return;
  due_at = enough_experiment_get_due_at (self->experiment);
  if (due_at == 0)
    return;
  day = g_date_time_new_from_unix_local (due_at / G_USEC_PER_SEC);
  set_due_from_widgets (self, day);
}

/* "09:05", not "9:5". */
static gboolean
on_spin_output (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* One choice per kind: its name, and under it what it means and an example. */
static void
build_kinds (EnoughExperimentEditor *self)
{
  guint n = 0;
  const EnoughExperimentKindInfo *kinds = enough_experiment_kinds_get (&n);
  GtkCheckButton *group = NULL;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *button = gtk_check_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new (_(kinds[i].name));
      GtkWidget *explanation = gtk_label_new (_(kinds[i].explanation));
      g_autofree char *description = NULL;

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
      /* Lines as long as the row allows, not a narrow column. */
      gtk_label_set_natural_wrap_mode (GTK_LABEL (name), GTK_NATURAL_WRAP_NONE);
      gtk_widget_add_css_class (name, "experiment-kind-name");
      gtk_box_append (GTK_BOX (box), name);
      gtk_label_set_xalign (GTK_LABEL (explanation), 0);
      gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (explanation), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (explanation), GTK_NATURAL_WRAP_NONE);
      gtk_widget_add_css_class (explanation, "dim-label");
      gtk_box_append (GTK_BOX (box), explanation);
      if (kinds[i].example != NULL)
        {
          GtkWidget *example = gtk_label_new (_(kinds[i].example));

          gtk_label_set_xalign (GTK_LABEL (example), 0);
          gtk_label_set_wrap (GTK_LABEL (example), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (example), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_natural_wrap_mode (GTK_LABEL (example), GTK_NATURAL_WRAP_NONE);
          gtk_widget_add_css_class (example, "dim-label");
          gtk_widget_add_css_class (example, "caption");
          gtk_box_append (GTK_BOX (box), example);
          description = g_strdup_printf ("%s %s", _(kinds[i].explanation), _(kinds[i].example));
        }
      else
        description = g_strdup (_(kinds[i].explanation));

      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), box);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
      else
        group = GTK_CHECK_BUTTON (button);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(kinds[i].name),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      g_signal_connect (button, "toggled", G_CALLBACK (on_kind_toggled), self);
      gtk_box_append (self->kind_box, button);
      self->kind_buttons[kinds[i].kind] = GTK_CHECK_BUTTON (button);
    }
}

static void
enough_experiment_editor_dispose (GObject *object)
{
  EnoughExperimentEditor *self = ENOUGH_EXPERIMENT_EDITOR (object);

  if (self->experiment != NULL)
    g_clear_signal_handler (&self->notify_id, self->experiment);
  g_clear_object (&self->experiment);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_EXPERIMENT_EDITOR);

  G_OBJECT_CLASS (enough_experiment_editor_parent_class)->dispose (object);
}

static void
enough_experiment_editor_class_init (EnoughExperimentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_experiment_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/experiments/enough-experiment-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
#define BIND(member) gtk_widget_class_bind_template_child (widget_class, EnoughExperimentEditor, member)
  BIND (scroller);
  BIND (belief_view);
  BIND (prediction_view);
  BIND (action_view);
  BIND (obstacles_view);
  BIND (alternative_view);
  BIND (outcome_view);
  BIND (learned_view);
  BIND (belief_scale);
  BIND (prediction_scale);
  BIND (alternative_scale);
  BIND (belief_after_scale);
  BIND (alternative_after_scale);
  BIND (kind_box);
  BIND (date_button);
  BIND (calendar);
  BIND (clear_date_button);
  BIND (time_check);
  BIND (hour_spin);
  BIND (minute_spin);
  BIND (after_note);
  BIND (came_true_yes);
  BIND (came_true_partly);
  BIND (came_true_no);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_date);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed);
}

static void
enough_experiment_editor_init (EnoughExperimentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_kinds (self);
  for (guint i = 0; i < N_TEXTS; i++)
    {
      GtkTextView *view = MEMBER (self, texts[i].view_offset);

      enough_text_limit_view (view, ENOUGH_TEXT_MAX_BYTES);
      g_signal_connect (gtk_text_view_get_buffer (view), "changed", G_CALLBACK (on_text_changed), self);
    }
  for (guint i = 0; i < N_SCALES; i++)
    {
      GtkScale *scale = MEMBER (self, scales[i].scale_offset);

      gtk_scale_set_format_value_func (scale, format_scale_value, self, NULL);
      g_signal_connect (scale, "value-changed", G_CALLBACK (on_scale_changed), self);
    }
  g_signal_connect (self->hour_spin, "output", G_CALLBACK (on_spin_output), NULL);
  g_signal_connect (self->minute_spin, "output", G_CALLBACK (on_spin_output), NULL);
  g_signal_connect (self->came_true_yes, "toggled", G_CALLBACK (on_came_true_toggled), self);
  g_signal_connect (self->came_true_partly, "toggled", G_CALLBACK (on_came_true_toggled), self);
  g_signal_connect (self->came_true_no, "toggled", G_CALLBACK (on_came_true_toggled), self);
  sync_all (self);
}
