/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-item-bank.h"
#include "enough-self-check-question.h"

struct _EnoughSelfCheckQuestion
{
  GtkWidget         parent_instance;

  GtkLabel         *progress_label;
  GtkProgressBar   *progress_bar;
  GtkLabel         *statement_label;
  GtkBox           *answers_box;
  GtkWidget        *answer_buttons[ENOUGH_ANSWER_MAX + 1];

  EnoughSelfCheck  *check;
  guint             index;
  char             *progress;
};

G_DEFINE_FINAL_TYPE (EnoughSelfCheckQuestion, enough_self_check_question, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHECK,
  PROP_ANSWER,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
get_n_items (EnoughSelfCheckQuestion *self)
{
  if (self->check == NULL)
    return 0;

  return MIN (enough_item_bank_get_n_items (enough_self_check_get_bank_version (self->check)),
              ENOUGH_SELF_CHECK_N_ITEMS);
}

static guint
get_current_answer (EnoughSelfCheckQuestion *self)
{
  if (self->check == NULL || self->index >= get_n_items (self))
    return ENOUGH_ANSWER_UNANSWERED;

  return enough_self_check_get_answer (self->check, self->index);
}

static void
update_view (EnoughSelfCheckQuestion *self)
{
  guint n_items = get_n_items (self);
  guint version = self->check != NULL ? enough_self_check_get_bank_version (self->check) : 0;
  const EnoughItem *item = enough_item_bank_get_item (version, self->index);
  guint answer = get_current_answer (self);

  g_clear_pointer (&self->progress, g_free);
  if (n_items > 0)
    {
      /* Translators: where the person is in the Self-Check, e.g.
       * "Statement 12 of 24". No pressure: it is only a position. */
      self->progress = g_strdup_printf (ngettext ("Statement %u of %u", "Statement %u of %u", n_items),
                                        self->index + 1, n_items);
      gtk_progress_bar_set_fraction (self->progress_bar,
                                     (double) enough_self_check_get_n_answered (self->check) / n_items);
    }
  else
    {
      self->progress = g_strdup ("");
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
    }
  gtk_label_set_label (self->progress_label, self->progress);
  gtk_label_set_label (self->statement_label, item != NULL ? enough_item_get_text (item) : "");

  for (guint a = ENOUGH_ANSWER_MIN; a <= ENOUGH_ANSWER_MAX; a++)
    {
      const char *label = enough_item_bank_get_scale_label (version, a);
      GtkWidget *text = g_object_get_data (G_OBJECT (self->answer_buttons[a]), "text-label");

      gtk_label_set_label (GTK_LABEL (text), label != NULL ? label : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_buttons[a]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : "",
                                      -1);
      /* The chosen answer: a check mark beside it (not only a colour),
       * and "checked" for a screen reader. */
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (self->answer_buttons[a]), "check-mark"),
                              a == answer);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->answer_buttons[a]),
                                   GTK_ACCESSIBLE_STATE_CHECKED, a == answer,
                                   -1);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.previous",
                                 self->check != NULL && self->index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.next",
                                 answer != ENOUGH_ANSWER_UNANSWERED && self->index + 1 < n_items);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.answer", item != NULL);

  /* The toggle buttons follow the "answer" property through the action state. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
}

static void
go_to (EnoughSelfCheckQuestion *self,
       guint                    index)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  self->index = index;
  enough_self_check_set_current_index (self->check, index);
  update_view (self);
  /* The keyboard was on the answers: it stays there, on the next
   * statement's chosen answer or its first one, ring and all. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->answers_box)))
    enough_self_check_question_focus_answer (self);
}

/* Answering moves on to the next open statement (wrapping to any left
 * open earlier); when none is left the check is finished. */
static void
answer (EnoughSelfCheckQuestion *self,
        guint                    value)
{
  guint n_items = get_n_items (self);
  guint8 answers[ENOUGH_SELF_CHECK_N_ITEMS];

  if (self->check == NULL || self->index >= n_items
      || value < ENOUGH_ANSWER_MIN || value > ENOUGH_ANSWER_MAX)
    return;

  enough_self_check_set_answer (self->check, self->index, value);
  enough_self_check_get_answers (self->check, answers);

  for (guint step = 1; step <= n_items; step++)
    {
      guint i = (self->index + step) % n_items;

      if (answers[i] == ENOUGH_ANSWER_UNANSWERED)
        {
          go_to (self, i);
          return;
        }
    }

  update_view (self);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EnoughSelfCheckQuestion *self = ENOUGH_SELF_CHECK_QUESTION (widget);

  if (self->check != NULL && self->index > 0)
    go_to (self, self->index - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EnoughSelfCheckQuestion *self = ENOUGH_SELF_CHECK_QUESTION (widget);

  if (get_current_answer (self) != ENOUGH_ANSWER_UNANSWERED
      && self->index + 1 < get_n_items (self))
    go_to (self, self->index + 1);
}

EnoughSelfCheck *
enough_self_check_question_get_check (EnoughSelfCheckQuestion *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_QUESTION (self), NULL);

  return self->check;
}

void
enough_self_check_question_set_check (EnoughSelfCheckQuestion *self,
                                      EnoughSelfCheck         *check)
{
  g_return_if_fail (ENOUGH_IS_SELF_CHECK_QUESTION (self));
  g_return_if_fail (check == NULL || ENOUGH_IS_SELF_CHECK (check));

  if (!g_set_object (&self->check, check))
    return;

  self->index = 0;
  if (check != NULL)
    {
      guint n_items = get_n_items (self);

      self->index = enough_self_check_get_current_index (check);
      if (n_items == 0)
        self->index = 0;
      else if (self->index >= n_items)
        self->index = n_items - 1;
    }

  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK]);
}

guint
enough_self_check_question_get_index (EnoughSelfCheckQuestion *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_QUESTION (self), 0);

  return self->index;
}

const char *
enough_self_check_question_get_statement (EnoughSelfCheckQuestion *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_QUESTION (self), NULL);

  return gtk_label_get_label (self->statement_label);
}

const char *
enough_self_check_question_get_progress (EnoughSelfCheckQuestion *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_QUESTION (self), NULL);

  return self->progress;
}

GtkWidget *
enough_self_check_question_get_answer_button (EnoughSelfCheckQuestion *self,
                                              guint                    value)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_QUESTION (self), NULL);
  g_return_val_if_fail (value >= ENOUGH_ANSWER_MIN && value <= ENOUGH_ANSWER_MAX, NULL);

  return self->answer_buttons[value];
}

/* Puts the keyboard on the chosen answer, or the first one, so 1–5 and
 * the arrows work right away. */
void
enough_self_check_question_focus_answer (EnoughSelfCheckQuestion *self)
{
  guint value;

  g_return_if_fail (ENOUGH_IS_SELF_CHECK_QUESTION (self));

  value = get_current_answer (self);
  if (value == ENOUGH_ANSWER_UNANSWERED)
    value = ENOUGH_ANSWER_MIN;
  gtk_widget_grab_focus (self->answer_buttons[value]);
}

static void
enough_self_check_question_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  EnoughSelfCheckQuestion *self = ENOUGH_SELF_CHECK_QUESTION (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      g_value_set_object (value, self->check);
      break;
    case PROP_ANSWER:
      g_value_set_uint (value, get_current_answer (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_self_check_question_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  EnoughSelfCheckQuestion *self = ENOUGH_SELF_CHECK_QUESTION (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      enough_self_check_question_set_check (self, g_value_get_object (value));
      break;
    case PROP_ANSWER:
      /* Set by the "question.answer" property action: buttons and keys 1–5. */
      answer (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_self_check_question_dispose (GObject *object)
{
  EnoughSelfCheckQuestion *self = ENOUGH_SELF_CHECK_QUESTION (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_SELF_CHECK_QUESTION);
  /* The template's top box is not a bound child, so unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->check);
  g_clear_pointer (&self->progress, g_free);

  G_OBJECT_CLASS (enough_self_check_question_parent_class)->dispose (object);
}

static void
enough_self_check_question_class_init (EnoughSelfCheckQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_self_check_question_dispose;
  object_class->get_property = enough_self_check_question_get_property;
  object_class->set_property = enough_self_check_question_set_property;

  properties[PROP_CHECK] =
    g_param_spec_object ("check", NULL, NULL,
                         ENOUGH_TYPE_SELF_CHECK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The current statement's answer, 0 = none yet. Setting it answers. */
  properties[PROP_ANSWER] =
    g_param_spec_uint ("answer", NULL, NULL,
                       ENOUGH_ANSWER_UNANSWERED, ENOUGH_ANSWER_MAX, ENOUGH_ANSWER_UNANSWERED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/self-check/enough-self-check-question.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckQuestion, progress_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckQuestion, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckQuestion, statement_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckQuestion, answers_box);

  gtk_widget_class_install_property_action (widget_class, "question.answer", "answer");
  gtk_widget_class_install_action (widget_class, "question.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "question.next", NULL, next_action);

  for (guint a = ENOUGH_ANSWER_MIN; a <= ENOUGH_ANSWER_MAX; a++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + a, 0,
                                           "question.answer", "u", a);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + a, 0,
                                           "question.answer", "u", a);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "question.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "question.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "question.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "question.next", NULL);
}

static void
enough_self_check_question_init (EnoughSelfCheckQuestion *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* One toggle per point of the scale; the property action keeps the one
   * matching the current answer pressed. */
  for (guint a = ENOUGH_ANSWER_MIN; a <= ENOUGH_ANSWER_MAX; a++)
    {
      /* One choice of five: read as a radio button, "checked" when chosen. */
      GtkWidget *button = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                                        NULL);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *check_mark = gtk_image_new_from_icon_name ("object-select-symbolic");
      GtkWidget *key = gtk_label_new (NULL);
      GtkWidget *text = gtk_label_new (NULL);
      g_autofree char *number = g_strdup_printf ("%u", a);

      gtk_label_set_label (GTK_LABEL (key), number);
      gtk_widget_add_css_class (key, "self-check-key");
      gtk_widget_add_css_class (key, "numeric");
      gtk_label_set_xalign (GTK_LABEL (text), 0.0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_widget_add_css_class (check_mark, "self-check-check-mark");
      gtk_widget_set_visible (check_mark, FALSE);
      gtk_box_append (GTK_BOX (box), key);
      gtk_box_append (GTK_BOX (box), text);
      gtk_box_append (GTK_BOX (box), check_mark);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "self-check-answer");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "question.answer");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", a);
      g_object_set_data (G_OBJECT (button), "text-label", text);
      g_object_set_data (G_OBJECT (button), "check-mark", check_mark);
      gtk_box_append (self->answers_box, button);
      self->answer_buttons[a] = button;
    }

  update_view (self);
}
