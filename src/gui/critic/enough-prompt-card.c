/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-critic-patterns.h"
#include "enough-prompt-card.h"

struct _EnoughPromptCard
{
  GtkWidget  parent_instance;

  GtkLabel  *step_label;
  GtkLabel  *check_label;
  GtkLabel  *prompt_label;

  guint      step;
  guint      step_before_hide;
};

G_DEFINE_FINAL_TYPE (EnoughPromptCard, enough_prompt_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
enough_prompt_card_update (EnoughPromptCard *self)
{
  g_autofree char *step_text = NULL;
  gboolean open = self->step < ENOUGH_CRITIC_N_PROMPTS;
  const char *check;

  gtk_widget_set_visible (GTK_WIDGET (self), open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompt.previous", open && self->step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompt.skip", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompt.hide", open);
  if (!open)
    return;

  /* Translators: the prompt card's position, e.g. "Step 2 of 6" */
  step_text = g_strdup_printf (_("Step %u of %u"), self->step + 1, (guint) ENOUGH_CRITIC_N_PROMPTS);
  gtk_label_set_text (self->step_label, step_text);
  gtk_label_set_text (self->prompt_label, enough_critic_prompt_get_text (self->step));
  check = enough_critic_prompt_get_check (self->step);
  gtk_label_set_text (self->check_label, check != NULL ? check : "");
  gtk_widget_set_visible (GTK_WIDGET (self->check_label), check != NULL);
}

guint
enough_prompt_card_get_step (EnoughPromptCard *self)
{
  g_return_val_if_fail (ENOUGH_IS_PROMPT_CARD (self), 0);

  return self->step;
}

void
enough_prompt_card_set_step (EnoughPromptCard *self,
                             guint             step)
{
  g_return_if_fail (ENOUGH_IS_PROMPT_CARD (self));

  step = MIN (step, ENOUGH_CRITIC_N_PROMPTS);
  if (self->step == step)
    return;

  self->step = step;
  enough_prompt_card_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

/* Back where it was hidden in this session, else from the first step (the
 * Previous button lets the user walk back anyway). */
void
enough_prompt_card_reopen (EnoughPromptCard *self)
{
  g_return_if_fail (ENOUGH_IS_PROMPT_CARD (self));

  if (self->step < ENOUGH_CRITIC_N_PROMPTS)
    return;

  enough_prompt_card_set_step (self, self->step_before_hide < ENOUGH_CRITIC_N_PROMPTS
                                     ? self->step_before_hide : 0);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EnoughPromptCard *self = ENOUGH_PROMPT_CARD (widget);

  enough_prompt_card_set_step (self, self->step + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EnoughPromptCard *self = ENOUGH_PROMPT_CARD (widget);

  if (self->step > 0)
    enough_prompt_card_set_step (self, self->step - 1);
}

static void
hide_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EnoughPromptCard *self = ENOUGH_PROMPT_CARD (widget);

  self->step_before_hide = self->step;
  enough_prompt_card_set_step (self, ENOUGH_CRITIC_N_PROMPTS);
}

static void
enough_prompt_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EnoughPromptCard *self = ENOUGH_PROMPT_CARD (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_prompt_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EnoughPromptCard *self = ENOUGH_PROMPT_CARD (object);

  switch (prop_id)
    {
    case PROP_STEP:
      enough_prompt_card_set_step (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_prompt_card_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_PROMPT_CARD);
  /* Children without a bound template pointer are not cleared by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (enough_prompt_card_parent_class)->dispose (object);
}

static void
enough_prompt_card_class_init (EnoughPromptCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_prompt_card_dispose;
  object_class->get_property = enough_prompt_card_get_property;
  object_class->set_property = enough_prompt_card_set_property;

  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL,
                       0, ENOUGH_CRITIC_N_PROMPTS, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/critic/enough-prompt-card.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughPromptCard, step_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughPromptCard, check_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughPromptCard, prompt_label);

  gtk_widget_class_install_action (widget_class, "prompt.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "prompt.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "prompt.hide", NULL, hide_action);
}

static void
enough_prompt_card_init (EnoughPromptCard *self)
{
  GtkLayoutManager *layout;

  self->step_before_hide = ENOUGH_CRITIC_N_PROMPTS;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);

  enough_prompt_card_update (self);
}
