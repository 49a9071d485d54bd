/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-dates.h"
#include "enough-experiment-row.h"

/* Enough for a list row; the label ellipsizes what does not fit. */
#define TITLE_MAX_CHARS 60

struct _EnoughExperimentRow
{
  GtkWidget         parent_instance;

  GtkWidget        *layout;
  GtkLabel         *title_label;
  GtkLabel         *status_label;
  GtkImage         *due_image;

  EnoughExperiment *experiment;
  gulong            notify_id;
  gint64            now_usec;
};

G_DEFINE_FINAL_TYPE (EnoughExperimentRow, enough_experiment_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EXPERIMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
enough_experiment_row_new (void)
{
  return g_object_new (ENOUGH_TYPE_EXPERIMENT_ROW, NULL);
}

char *
enough_experiment_row_dup_title (EnoughExperiment *experiment)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p;
  guint n = 0;

  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT (experiment), NULL);

  /* The first words on one line; the label ellipsizes the rest. */
  p = enough_experiment_get_belief (experiment);
  if (*p == '\0')
    p = enough_experiment_get_action (experiment);
  for (; *p != '\0' && n < TITLE_MAX_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
  if (*p != '\0')
    g_string_append (out, "…");
  g_strstrip (out->str);
  if (out->str[0] == '\0')
    return g_strdup (_("An experiment"));
  return g_strdup (out->str);
}

char *
enough_experiment_row_dup_status (EnoughExperiment *experiment,
                                  gint64            now_usec)
{
  gint64 due_at;

  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT (experiment), NULL);

  due_at = enough_experiment_get_due_at (experiment);
  switch (enough_experiment_get_state (experiment, now_usec))
    {
    case ENOUGH_EXPERIMENT_DUE:
      return g_strdup (_("Ready to look back"));

    case ENOUGH_EXPERIMENT_DONE:
      {
        int before = enough_experiment_get_belief_rating (experiment);
        int after = enough_experiment_get_belief_after (experiment);

        if (before >= 0 && after >= 0)
          /* Translators: an experiment looked back at; the belief's
           * rating before and after it. Keep the %% signs. */
          return g_strdup_printf (_("Done · from %d %% to %d %%"), before, after);
        return g_strdup (_("Done"));
      }

    case ENOUGH_EXPERIMENT_PLANNED:
    default:
      if (due_at > 0)
        {
          g_autofree char *day = enough_dates_format_day (due_at, now_usec);

          /* Translators: %s is a day ("Today", or a date) */
          return g_strdup_printf (_("Planned for %s"), day);
        }
      return g_strdup (_("Planned"));
    }
}

static void
sync_row (EnoughExperimentRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  g_autofree char *accessible = NULL;
  gint64 now = self->now_usec != 0 ? self->now_usec : g_get_real_time ();
  gboolean due;

  if (self->experiment == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->status_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->due_image), FALSE);
      return;
    }

  title = enough_experiment_row_dup_title (self->experiment);
  status = enough_experiment_row_dup_status (self->experiment, now);
  due = enough_experiment_get_state (self->experiment, now) == ENOUGH_EXPERIMENT_DUE;
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->due_image), due);

  /* Translators: how a screen reader names an experiment in the list:
   * the belief's first words, then where it stands */
  accessible = g_strdup_printf (_("%s, %s"), title, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

EnoughExperiment *
enough_experiment_row_get_experiment (EnoughExperimentRow *self)
{
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT_ROW (self), NULL);

  return self->experiment;
}

void
enough_experiment_row_set_experiment (EnoughExperimentRow *self,
                                      EnoughExperiment    *experiment)
{
  g_return_if_fail (ENOUGH_IS_EXPERIMENT_ROW (self));
  g_return_if_fail (experiment == NULL || ENOUGH_IS_EXPERIMENT (experiment));

  if (self->experiment == experiment)
    return;

  if (self->experiment != NULL)
    g_clear_signal_handler (&self->notify_id, self->experiment);
  g_set_object (&self->experiment, experiment);
  if (experiment != NULL)
    self->notify_id = g_signal_connect_swapped (experiment, "notify", G_CALLBACK (sync_row), self);

  sync_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPERIMENT]);
}

void
enough_experiment_row_update_now (EnoughExperimentRow *self,
                                  gint64               now_usec)
{
  g_return_if_fail (ENOUGH_IS_EXPERIMENT_ROW (self));

  self->now_usec = now_usec;
  sync_row (self);
}

static void
enough_experiment_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EnoughExperimentRow *self = ENOUGH_EXPERIMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPERIMENT:
      g_value_set_object (value, self->experiment);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_experiment_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EnoughExperimentRow *self = ENOUGH_EXPERIMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPERIMENT:
      enough_experiment_row_set_experiment (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_experiment_row_dispose (GObject *object)
{
  EnoughExperimentRow *self = ENOUGH_EXPERIMENT_ROW (object);

  if (self->experiment != NULL)
    g_clear_signal_handler (&self->notify_id, self->experiment);
  g_clear_object (&self->experiment);
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_EXPERIMENT_ROW);

  G_OBJECT_CLASS (enough_experiment_row_parent_class)->dispose (object);
}

static void
enough_experiment_row_class_init (EnoughExperimentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_experiment_row_dispose;
  object_class->get_property = enough_experiment_row_get_property;
  object_class->set_property = enough_experiment_row_set_property;

  properties[PROP_EXPERIMENT] =
    g_param_spec_object ("experiment", NULL, NULL, ENOUGH_TYPE_EXPERIMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/experiments/enough-experiment-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "experimentrow");
  gtk_widget_class_bind_template_child (widget_class, EnoughExperimentRow, layout);
  gtk_widget_class_bind_template_child (widget_class, EnoughExperimentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughExperimentRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughExperimentRow, due_image);
}

static void
enough_experiment_row_init (EnoughExperimentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
