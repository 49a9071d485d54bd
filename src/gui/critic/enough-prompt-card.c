/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-critic-patterns.h"
#include "enough-prompt-card.h"

typedef enum
{
  MODE_PROMPT,
  MODE_RATE_START,
  MODE_RATE_END,
  MODE_CLOSING,
} Mode;

struct _EnoughPromptCard
{
  GtkWidget  parent_instance;

  GtkLabel  *step_label;
  GtkLabel  *speaker_label;
  GtkLabel  *check_label;
  GtkLabel  *prompt_label;
  GtkWidget *rating_box;
  GtkScale  *rating_scale;
  GtkWidget *closing_button;
  GtkWidget *previous_button;
  GtkWidget *pause_label;

  guint      step;
  guint      step_before_hide;
  Mode       mode;
  gboolean   asked;           /* steps 2–4: the question is written */
  EnoughSpeaker speaker;
};

G_DEFINE_FINAL_TYPE (EnoughPromptCard, enough_prompt_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STEP,
  PROP_SPEAKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_RATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static EnoughSpeaker
expected_speaker (EnoughPromptCard *self)
{
  if (self->step >= ENOUGH_CRITIC_N_PROMPTS)
    return self->speaker;
  return self->asked ? enough_critic_prompt_get_answerer (self->step)
                     : enough_critic_prompt_get_asker (self->step);
}

/* Who speaks next, in the words of the step. */
static const char *
speaker_text (EnoughPromptCard *self)
{
  if (self->step == 0)
    /* Translators: above the first prompt; the critic's own words come next */
    return _("Let your critic speak:");
  if (self->asked)
    /* Translators: above a question the kind self has just asked the critic */
    return _("Let your critic answer:");
  if (enough_critic_prompt_get_answerer (self->step) == ENOUGH_SPEAKER_CRITIC)
    /* Translators: above a question the person asks the critic */
    return _("Ask your critic:");
  /* Translators: above a prompt the person answers as their kind, compassionate self */
  return _("Answer as your kind self:");
}

static void
enough_prompt_card_update (EnoughPromptCard *self)
{
  g_autofree char *step_text = NULL;
  gboolean rating = self->mode == MODE_RATE_START || self->mode == MODE_RATE_END;
  gboolean open = self->step < ENOUGH_CRITIC_N_PROMPTS || self->mode != MODE_PROMPT;
  EnoughSpeaker speaker;
  const char *check = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompt.previous",
                                 self->mode == MODE_PROMPT && open && self->step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompt.skip", open && self->mode != MODE_CLOSING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompt.hide", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompt.rate", rating);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompt.keep-writing", self->mode == MODE_CLOSING);

  speaker = expected_speaker (self);
  if (speaker != self->speaker)
    {
      self->speaker = speaker;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKER]);
    }

  if (!open)
    return;

  gtk_widget_set_visible (self->previous_button, self->mode == MODE_PROMPT);
  gtk_widget_set_visible (self->rating_box, rating);
  gtk_widget_set_visible (self->closing_button, self->mode == MODE_CLOSING);
  gtk_widget_set_visible (GTK_WIDGET (self->speaker_label), self->mode == MODE_PROMPT);
  gtk_widget_set_visible (self->pause_label, self->mode == MODE_PROMPT);

  switch (self->mode)
    {
    case MODE_RATE_START:
      /* Translators: the prompt card's heading before the first step */
      gtk_label_set_text (self->step_label, _("Before you start"));
      gtk_label_set_text (self->prompt_label, _("How strong is the critic right now?"));
      break;

    case MODE_RATE_END:
      /* Translators: the prompt card's heading after the sixth step */
      gtk_label_set_text (self->step_label, _("After the last step"));
      gtk_label_set_text (self->prompt_label, _("How strong is it now?"));
      break;

    case MODE_CLOSING:
      /* Translators: the prompt card's heading once all six steps are done */
      gtk_label_set_text (self->step_label, _("All six steps done"));
      gtk_label_set_text (self->prompt_label,
                          _("You listened to a hard voice and answered it with kindness. That took courage, and it is enough for today."));
      break;

    case MODE_PROMPT:
    default:
      /* Translators: the prompt card's position, e.g. "Step 2 of 6" */
      step_text = g_strdup_printf (_("Step %u of %u"), self->step + 1, (guint) ENOUGH_CRITIC_N_PROMPTS);
      gtk_label_set_text (self->step_label, step_text);
      gtk_label_set_text (self->speaker_label, speaker_text (self));
      gtk_label_set_text (self->prompt_label, enough_critic_prompt_get_text (self->step));
      if (!self->asked)
        check = enough_critic_prompt_get_check (self->step);
      break;
    }

  gtk_label_set_text (self->check_label, check != NULL ? check : "");
  gtk_widget_set_visible (GTK_WIDGET (self->check_label), check != NULL);
}

guint
enough_prompt_card_get_step (EnoughPromptCard *self)
{
  g_return_val_if_fail (ENOUGH_IS_PROMPT_CARD (self), 0);

  return self->step;
}

EnoughSpeaker
enough_prompt_card_get_speaker (EnoughPromptCard *self)
{
  g_return_val_if_fail (ENOUGH_IS_PROMPT_CARD (self), ENOUGH_SPEAKER_CRITIC);

  return self->speaker;
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
  self->asked = FALSE;
  /* Walking the steps ends a rating or the closing words. */
  self->mode = MODE_PROMPT;
  enough_prompt_card_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

void
enough_prompt_card_begin (EnoughPromptCard *self,
                          gboolean          rate_start,
                          gboolean          asked)
{
  g_return_if_fail (ENOUGH_IS_PROMPT_CARD (self));

  self->mode = rate_start && self->step == 0 ? MODE_RATE_START : MODE_PROMPT;
  self->asked = asked && self->step < ENOUGH_CRITIC_N_PROMPTS &&
                enough_critic_prompt_get_asker (self->step) != enough_critic_prompt_get_answerer (self->step);
  if (self->mode == MODE_RATE_START)
    gtk_range_set_value (GTK_RANGE (self->rating_scale), 5);
  enough_prompt_card_update (self);
}

void
enough_prompt_card_turn_written (EnoughPromptCard *self,
                                 EnoughSpeaker     speaker,
                                 gboolean          rate_end)
{
  g_return_if_fail (ENOUGH_IS_PROMPT_CARD (self));

  /* Writing is also an answer to "how strong": it was skipped. */
  if (self->mode == MODE_RATE_START)
    self->mode = MODE_PROMPT;
  if (self->mode != MODE_PROMPT || self->step >= ENOUGH_CRITIC_N_PROMPTS)
    {
      enough_prompt_card_update (self);
      return;
    }

  if (speaker == enough_critic_prompt_get_answerer (self->step))
    {
      gboolean last = self->step + 1 == ENOUGH_CRITIC_N_PROMPTS;

      enough_prompt_card_set_step (self, self->step + 1);
      if (last)
        {
          self->mode = rate_end ? MODE_RATE_END : MODE_CLOSING;
          gtk_range_set_value (GTK_RANGE (self->rating_scale), 5);
        }
    }
  else if (speaker == enough_critic_prompt_get_asker (self->step))
    self->asked = TRUE;

  enough_prompt_card_update (self);
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

  switch (self->mode)
    {
    case MODE_RATE_START:
      self->mode = MODE_PROMPT;
      enough_prompt_card_update (self);
      break;

    case MODE_RATE_END:
      self->mode = MODE_CLOSING;
      enough_prompt_card_update (self);
      break;

    case MODE_CLOSING:
      break;

    case MODE_PROMPT:
    default:
      enough_prompt_card_set_step (self, self->step + 1);
      break;
    }
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

  if (self->step < ENOUGH_CRITIC_N_PROMPTS)
    self->step_before_hide = self->step;
  self->mode = MODE_PROMPT;
  enough_prompt_card_set_step (self, ENOUGH_CRITIC_N_PROMPTS);
  enough_prompt_card_update (self);
}

static void
rate_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EnoughPromptCard *self = ENOUGH_PROMPT_CARD (widget);
  gboolean at_end = self->mode == MODE_RATE_END;
  int value = (int) gtk_range_get_value (GTK_RANGE (self->rating_scale));

  self->mode = at_end ? MODE_CLOSING : MODE_PROMPT;
  enough_prompt_card_update (self);
  g_signal_emit (self, signals[SIGNAL_RATED], 0, at_end, CLAMP (value, 0, 10));
}

static void
keep_writing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EnoughPromptCard *self = ENOUGH_PROMPT_CARD (widget);

  self->mode = MODE_PROMPT;
  enough_prompt_card_update (self);
  /* The card is gone: writing goes on in the composer. */
  gtk_widget_activate_action (widget, "critic.focus-composer", NULL);
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

    case PROP_SPEAKER:
      g_value_set_enum (value, self->speaker);
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
  properties[PROP_SPEAKER] =
    g_param_spec_enum ("speaker", NULL, NULL,
                       ENOUGH_TYPE_SPEAKER, ENOUGH_SPEAKER_CRITIC,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::rated (gboolean at_end, int value 0–10) */
  signals[SIGNAL_RATED] =
    g_signal_new ("rated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/critic/enough-prompt-card.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughPromptCard, step_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughPromptCard, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughPromptCard, check_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughPromptCard, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughPromptCard, rating_box);
  gtk_widget_class_bind_template_child (widget_class, EnoughPromptCard, rating_scale);
  gtk_widget_class_bind_template_child (widget_class, EnoughPromptCard, closing_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughPromptCard, previous_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughPromptCard, pause_label);

  gtk_widget_class_install_action (widget_class, "prompt.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "prompt.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "prompt.hide", NULL, hide_action);
  gtk_widget_class_install_action (widget_class, "prompt.rate", NULL, rate_action);
  gtk_widget_class_install_action (widget_class, "prompt.keep-writing", NULL, keep_writing_action);
}

static void
enough_prompt_card_init (EnoughPromptCard *self)
{
  GtkLayoutManager *layout;

  self->step_before_hide = ENOUGH_CRITIC_N_PROMPTS;
  self->speaker = ENOUGH_SPEAKER_CRITIC;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);

  enough_prompt_card_update (self);
}
