/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-self-check-score.h"

struct _EnoughSelfCheckScore
{
  GtkWidget    parent_instance;

  GtkLabel    *name_label;
  GtkLabel    *value_label;
  GtkLevelBar *level_bar;
  GtkLabel    *sentence_label;
  GtkLabel    *comparison_label;

  double       value;
  char        *value_text;
  char        *comparison;
};

G_DEFINE_FINAL_TYPE (EnoughSelfCheckScore, enough_self_check_score, GTK_TYPE_WIDGET)

void
enough_self_check_score_set (EnoughSelfCheckScore *self,
                             const char           *name,
                             const char           *description,
                             double                value,
                             const char           *sentence,
                             gboolean              has_comparison,
                             EnoughComparison      comparison)
{
  g_autofree char *bar_text = NULL;

  g_return_if_fail (ENOUGH_IS_SELF_CHECK_SCORE (self));
  g_return_if_fail (name != NULL);

  self->value = value;
  g_free (self->value_text);
  /* One decimal (see enough-self-check-scoring.h); printf follows
   * LC_NUMERIC, so the decimal mark is the user's. */
  self->value_text = g_strdup_printf ("%.1f", enough_scoring_round_for_display (value));
  g_clear_pointer (&self->comparison, g_free);
  if (has_comparison)
    self->comparison = g_strdup (enough_comparison_get_text (comparison));

  gtk_label_set_label (self->name_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), description);
  gtk_label_set_label (self->value_label, self->value_text);
  gtk_level_bar_set_value (self->level_bar, CLAMP (value, 1.0, 5.0));
  gtk_label_set_label (self->sentence_label, sentence != NULL ? sentence : "");
  gtk_label_set_label (self->comparison_label, self->comparison != NULL ? self->comparison : "");
  gtk_widget_set_visible (GTK_WIDGET (self->comparison_label), self->comparison != NULL);

  /* Translators: accessible description of a Self-Check score bar:
   * "3.2 on a scale from 1 to 5". */
  bar_text = g_strdup_printf (_("%s on a scale from 1 to 5"), self->value_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, bar_text,
                                  -1);
}

const char *
enough_self_check_score_get_name (EnoughSelfCheckScore *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_SCORE (self), NULL);

  return gtk_label_get_label (self->name_label);
}

double
enough_self_check_score_get_value (EnoughSelfCheckScore *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_SCORE (self), 0.0);

  return self->value;
}

const char *
enough_self_check_score_get_value_text (EnoughSelfCheckScore *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_SCORE (self), NULL);

  return gtk_label_get_label (self->value_label);
}

const char *
enough_self_check_score_get_sentence (EnoughSelfCheckScore *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_SCORE (self), NULL);

  return gtk_label_get_label (self->sentence_label);
}

const char *
enough_self_check_score_get_comparison (EnoughSelfCheckScore *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_SCORE (self), NULL);

  return self->comparison;
}

static void
enough_self_check_score_dispose (GObject *object)
{
  EnoughSelfCheckScore *self = ENOUGH_SELF_CHECK_SCORE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_SELF_CHECK_SCORE);
  /* The template's top box is not a bound child, so unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->value_text, g_free);
  g_clear_pointer (&self->comparison, g_free);

  G_OBJECT_CLASS (enough_self_check_score_parent_class)->dispose (object);
}

static void
enough_self_check_score_class_init (EnoughSelfCheckScoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_self_check_score_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/self-check/enough-self-check-score.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckScore, name_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckScore, value_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckScore, level_bar);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckScore, sentence_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckScore, comparison_label);
}

static void
enough_self_check_score_init (EnoughSelfCheckScore *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* No red/amber/green: a score is not good or bad, so the bar keeps one
   * neutral colour. */
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_FULL);
}
