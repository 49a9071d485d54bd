/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-dates.h"
#include "enough-self-check-results.h"

struct _EnoughSelfCheckResults
{
  GtkWidget             parent_instance;

  GtkLabel             *title_label;
  GtkLabel             *date_label;
  GtkWidget            *note_box;
  GtkLabel             *note_label;
  GtkLabel             *intro_label;
  GtkLabel             *error_label;
  GtkWidget            *scores_box;
  GtkBox               *subscales_box;
  GtkBox               *dimensions_box;
  GtkLabel             *suggestion_label;
  GtkButton            *suggestion_button;
  GtkWidget            *experiment_button;
  GtkLabel             *disclaimer_label;
  EnoughSelfCheckScore *subscale_scores[ENOUGH_N_SUBSCALES];
  EnoughSelfCheckScore *dimension_scores[ENOUGH_N_DIMENSIONS];

  EnoughSelfCheck      *check;
  EnoughSelfCheck      *previous;
};

G_DEFINE_FINAL_TYPE (EnoughSelfCheckResults, enough_self_check_results, GTK_TYPE_WIDGET)

static gboolean
compute (EnoughSelfCheck  *check,
         EnoughScores     *out_scores,
         GError          **error)
{
  guint8 answers[ENOUGH_SELF_CHECK_N_ITEMS];
  guint version = enough_self_check_get_bank_version (check);
  guint n_items = enough_item_bank_get_n_items (version);

  enough_self_check_get_answers (check, answers);

  return enough_scores_compute (version, answers,
                                n_items != 0 ? MIN (n_items, ENOUGH_SELF_CHECK_N_ITEMS)
                                             : ENOUGH_SELF_CHECK_N_ITEMS,
                                out_scores, error);
}

static void
update (EnoughSelfCheckResults *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *completed = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *intro = NULL;
  EnoughScores scores, previous_scores;
  gboolean has_previous = FALSE;
  EnoughComparison subscale_cmp[ENOUGH_N_SUBSCALES];
  EnoughComparison dimension_cmp[ENOUGH_N_DIMENSIONS];
  EnoughExercise exercise;
  EnoughSubscale focus;

  if (self->check == NULL)
    return;

  completed = enough_dates_format_date (enough_self_check_get_completed_at (self->check));
  /* Translators: under the Self-Check results title; %s is a date. */
  date_text = g_strdup_printf (_("Completed on %s"), completed);
  gtk_label_set_label (self->date_label, date_text);

  gtk_label_set_label (self->note_label, enough_self_check_get_note (self->check));
  gtk_widget_set_visible (self->note_box, enough_self_check_get_note (self->check)[0] != '\0');

  if (!compute (self->check, &scores, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_set_visible (self->scores_box, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->intro_label), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (self->scores_box, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), TRUE);

  if (self->previous != NULL && compute (self->previous, &previous_scores, NULL))
    {
      g_autofree char *previous_date = enough_dates_format_date (enough_self_check_get_completed_at (self->previous));

      has_previous = TRUE;
      enough_scores_compare (&previous_scores, &scores, subscale_cmp, dimension_cmp);
      /* Translators: %s is the date of the person's previous Self-Check. */
      intro = g_strdup_printf (_("Each score runs from 1 to 5. Under each one you can see how it compares with your check from %s."),
                               previous_date);
    }
  else
    {
      intro = g_strdup (_("Each score runs from 1 to 5. Next time you take a check, you will see how your scores have moved."));
    }
  gtk_label_set_label (self->intro_label, intro);

  for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
    enough_self_check_score_set (self->subscale_scores[s],
                                 enough_subscale_get_name (s),
                                 enough_subscale_get_description (s),
                                 scores.subscale_means[s],
                                 enough_subscale_get_band_text (s, enough_scores_get_band (&scores, s)),
                                 has_previous, has_previous ? subscale_cmp[s] : ENOUGH_COMPARISON_ABOUT_THE_SAME);

  for (guint d = 0; d < ENOUGH_N_DIMENSIONS; d++)
    enough_self_check_score_set (self->dimension_scores[d],
                                 enough_dimension_get_name (d),
                                 NULL,
                                 scores.dimensions[d],
                                 enough_dimension_get_description (d),
                                 has_previous, has_previous ? dimension_cmp[d] : ENOUGH_COMPARISON_ABOUT_THE_SAME);

  exercise = enough_scores_get_suggestion (&scores, &focus);
  gtk_label_set_label (self->suggestion_label, enough_item_bank_get_suggestion_text (focus));
  gtk_widget_set_visible (self->experiment_button, focus == ENOUGH_SUBSCALE_FEAR_OF_MISTAKES);
  if (exercise == ENOUGH_EXERCISE_INNER_CRITIC)
    {
      gtk_button_set_label (self->suggestion_button, _("Open Inner Critic"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->suggestion_button), "s", "critic");
    }
  else
    {
      gtk_button_set_label (self->suggestion_button, _("Open Letters"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->suggestion_button), "s", "letters");
    }
}

void
enough_self_check_results_set_check (EnoughSelfCheckResults *self,
                                     EnoughSelfCheck        *check,
                                     EnoughSelfCheck        *previous)
{
  g_return_if_fail (ENOUGH_IS_SELF_CHECK_RESULTS (self));
  g_return_if_fail (check == NULL || ENOUGH_IS_SELF_CHECK (check));
  g_return_if_fail (previous == NULL || ENOUGH_IS_SELF_CHECK (previous));

  g_set_object (&self->check, check);
  g_set_object (&self->previous, previous);
  update (self);
}

EnoughSelfCheck *
enough_self_check_results_get_check (EnoughSelfCheckResults *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_RESULTS (self), NULL);

  return self->check;
}

EnoughSelfCheck *
enough_self_check_results_get_previous (EnoughSelfCheckResults *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_RESULTS (self), NULL);

  return self->previous;
}

EnoughSelfCheckScore *
enough_self_check_results_get_subscale_score (EnoughSelfCheckResults *self,
                                              EnoughSubscale          subscale)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_RESULTS (self), NULL);
  g_return_val_if_fail (subscale < ENOUGH_N_SUBSCALES, NULL);

  return self->subscale_scores[subscale];
}

EnoughSelfCheckScore *
enough_self_check_results_get_dimension_score (EnoughSelfCheckResults *self,
                                               EnoughDimension         dimension)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_RESULTS (self), NULL);
  g_return_val_if_fail (dimension < ENOUGH_N_DIMENSIONS, NULL);

  return self->dimension_scores[dimension];
}

GtkButton *
enough_self_check_results_get_suggestion_button (EnoughSelfCheckResults *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_RESULTS (self), NULL);

  return self->suggestion_button;
}

const char *
enough_self_check_results_get_suggestion_text (EnoughSelfCheckResults *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_RESULTS (self), NULL);

  return gtk_label_get_label (self->suggestion_label);
}

GtkLabel *
enough_self_check_results_get_note_label (EnoughSelfCheckResults *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_RESULTS (self), NULL);

  return self->note_label;
}

const char *
enough_self_check_results_get_disclaimer (EnoughSelfCheckResults *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_RESULTS (self), NULL);

  return gtk_label_get_label (self->disclaimer_label);
}

static void
enough_self_check_results_dispose (GObject *object)
{
  EnoughSelfCheckResults *self = ENOUGH_SELF_CHECK_RESULTS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_SELF_CHECK_RESULTS);
  /* The template's top box is not a bound child, so unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->check);
  g_clear_object (&self->previous);

  G_OBJECT_CLASS (enough_self_check_results_parent_class)->dispose (object);
}

static void
enough_self_check_results_class_init (EnoughSelfCheckResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_self_check_results_dispose;

  g_type_ensure (ENOUGH_TYPE_SELF_CHECK_SCORE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/self-check/enough-self-check-results.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckResults, title_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckResults, date_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckResults, note_box);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckResults, note_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckResults, intro_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckResults, error_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckResults, scores_box);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckResults, subscales_box);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckResults, dimensions_box);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckResults, suggestion_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckResults, suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckResults, experiment_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckResults, disclaimer_label);
}

static void
enough_self_check_results_init (EnoughSelfCheckResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Target before name: GTK checks the pair as soon as the name is set. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->suggestion_button), "s", "letters");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->suggestion_button), "win.show-page");

  for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
    {
      self->subscale_scores[s] = g_object_new (ENOUGH_TYPE_SELF_CHECK_SCORE, NULL);
      gtk_box_append (self->subscales_box, GTK_WIDGET (self->subscale_scores[s]));
    }
  for (guint d = 0; d < ENOUGH_N_DIMENSIONS; d++)
    {
      self->dimension_scores[d] = g_object_new (ENOUGH_TYPE_SELF_CHECK_SCORE, NULL);
      gtk_box_append (self->dimensions_box, GTK_WIDGET (self->dimension_scores[d]));
    }

  gtk_label_set_label (self->disclaimer_label, enough_item_bank_get_disclaimer ());
}
