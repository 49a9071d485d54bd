/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-dates.h"
#include "enough-accessible.h"
#include "enough-self-check-row.h"
#include "enough-self-check-scoring.h"

struct _EnoughSelfCheckRow
{
  GtkWidget        parent_instance;

  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;

  EnoughSelfCheck *check;
};

G_DEFINE_FINAL_TYPE (EnoughSelfCheckRow, enough_self_check_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHECK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (EnoughSelfCheckRow *self)
{
  g_autofree char *day = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  guint8 answers[ENOUGH_SELF_CHECK_N_ITEMS];
  EnoughScores scores;

  if (self->check == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      return;
    }

  day = enough_dates_format_day (enough_self_check_get_completed_at (self->check),
                                 g_get_real_time ());
  gtk_label_set_label (self->title_label, day);

  enough_self_check_get_answers (self->check, answers);
  if (enough_scores_compute (enough_self_check_get_bank_version (self->check),
                             answers,
                             enough_item_bank_get_n_items (enough_self_check_get_bank_version (self->check)),
                             &scores, NULL))
    {
      /* Translators: a line under a Self-Check's date in the history list;
       * the two overall dimensions, each from 1 to 5, with one decimal:
       * "Striving 3.2 · Concerns 2.6". */
      subtitle = g_strdup_printf (_("Striving %.1f · Concerns %.1f"),
                                  enough_scoring_round_for_display (scores.dimensions[ENOUGH_DIMENSION_STRIVINGS]),
                                  enough_scoring_round_for_display (scores.dimensions[ENOUGH_DIMENSION_CONCERNS]));
    }
  gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : "");

  if (subtitle != NULL)
    /* Translators: how a screen reader names a completed check in the
     * list: the day, then its two scores ("Striving 3.2 · Concerns 2.6") */
    accessible = g_strdup_printf (_("Self-Check: %s, %s"), day, subtitle);
  else
    /* Translators: how a screen reader names a completed check in the
     * list: the day it was done */
    accessible = g_strdup_printf (_("Self-Check: %s"), day);
  enough_accessible_name_list_row (GTK_WIDGET (self), accessible);
}

GtkWidget *
enough_self_check_row_new (void)
{
  return g_object_new (ENOUGH_TYPE_SELF_CHECK_ROW, NULL);
}

EnoughSelfCheck *
enough_self_check_row_get_check (EnoughSelfCheckRow *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_ROW (self), NULL);

  return self->check;
}

void
enough_self_check_row_set_check (EnoughSelfCheckRow *self,
                                 EnoughSelfCheck    *check)
{
  g_return_if_fail (ENOUGH_IS_SELF_CHECK_ROW (self));
  g_return_if_fail (check == NULL || ENOUGH_IS_SELF_CHECK (check));

  if (!g_set_object (&self->check, check))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK]);
}

const char *
enough_self_check_row_get_title (EnoughSelfCheckRow *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_ROW (self), NULL);

  return gtk_label_get_label (self->title_label);
}

static void
enough_self_check_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EnoughSelfCheckRow *self = ENOUGH_SELF_CHECK_ROW (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      g_value_set_object (value, self->check);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_self_check_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EnoughSelfCheckRow *self = ENOUGH_SELF_CHECK_ROW (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      enough_self_check_row_set_check (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_self_check_row_dispose (GObject *object)
{
  EnoughSelfCheckRow *self = ENOUGH_SELF_CHECK_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_SELF_CHECK_ROW);
  /* The template's top box is not a bound child, so unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->check);

  G_OBJECT_CLASS (enough_self_check_row_parent_class)->dispose (object);
}

static void
enough_self_check_row_class_init (EnoughSelfCheckRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_self_check_row_dispose;
  object_class->get_property = enough_self_check_row_get_property;
  object_class->set_property = enough_self_check_row_set_property;

  properties[PROP_CHECK] =
    g_param_spec_object ("check", NULL, NULL,
                         ENOUGH_TYPE_SELF_CHECK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/self-check/enough-self-check-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckRow, subtitle_label);
}

static void
enough_self_check_row_init (EnoughSelfCheckRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
