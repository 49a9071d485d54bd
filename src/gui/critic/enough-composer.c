/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-composer.h"
#include "enough-text-limit.h"

struct _EnoughComposer
{
  GtkWidget        parent_instance;

  GtkToggleButton *critic_button;
  GtkToggleButton *me_button;
  GtkTextView     *text_view;

  EnoughSpeaker    speaker;
  gboolean         has_preedit;
};

G_DEFINE_FINAL_TYPE (EnoughComposer, enough_composer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPEAKER,
  PROP_TEXT,
  N_PROPS
};

enum {
  SIGNAL_SEND,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

EnoughSpeaker
enough_composer_get_speaker (EnoughComposer *self)
{
  g_return_val_if_fail (ENOUGH_IS_COMPOSER (self), ENOUGH_SPEAKER_CRITIC);

  return self->speaker;
}

void
enough_composer_set_speaker (EnoughComposer *self,
                             EnoughSpeaker   speaker)
{
  g_return_if_fail (ENOUGH_IS_COMPOSER (self));
  g_return_if_fail (speaker == ENOUGH_SPEAKER_CRITIC || speaker == ENOUGH_SPEAKER_ME);

  if (self->speaker == speaker)
    return;

  self->speaker = speaker;
  gtk_toggle_button_set_active (speaker == ENOUGH_SPEAKER_ME ? self->me_button : self->critic_button,
                                TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKER]);
}

char *
enough_composer_dup_text (EnoughComposer *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (ENOUGH_IS_COMPOSER (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
enough_composer_set_text (EnoughComposer *self,
                          const char     *text)
{
  g_autofree char *old = NULL;

  g_return_if_fail (ENOUGH_IS_COMPOSER (self));

  old = enough_composer_dup_text (self);
  if (g_strcmp0 (old, text ? text : "") == 0)
    return;

  /* The buffer's ::changed handler notifies :text. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

void
enough_composer_focus_text (EnoughComposer *self)
{
  g_return_if_fail (ENOUGH_IS_COMPOSER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

GtkTextView *
enough_composer_get_text_view (EnoughComposer *self)
{
  g_return_val_if_fail (ENOUGH_IS_COMPOSER (self), NULL);

  return self->text_view;
}

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
enough_composer_send (EnoughComposer *self)
{
  g_autofree char *text = enough_composer_dup_text (self);

  g_strstrip (text);
  if (text_is_blank (text))
    return;

  g_signal_emit (self, signals[SIGNAL_SEND], 0, self->speaker, text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  enough_composer_send (ENOUGH_COMPOSER (widget));
}

static void
on_buffer_changed (EnoughComposer *self)
{
  g_autofree char *text = enough_composer_dup_text (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.send", !text_is_blank (text));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
on_speaker_toggled (EnoughComposer  *self,
                    GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  enough_composer_set_speaker (self, button == self->me_button ? ENOUGH_SPEAKER_ME
                                                               : ENOUGH_SPEAKER_CRITIC);
}

static void
on_preedit_changed (EnoughComposer *self,
                    const char     *preedit)
{
  self->has_preedit = preedit != NULL && *preedit != '\0';
}

/* Runs before the text view: Enter sends, Shift+Enter falls through to the
 * text view (a new line). While an input method is composing, Enter belongs
 * to it. */
static gboolean
on_key_pressed (EnoughComposer        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;
  if ((state & GDK_SHIFT_MASK) != 0 || self->has_preedit)
    return GDK_EVENT_PROPAGATE;

  enough_composer_send (self);

  return GDK_EVENT_STOP;
}

static void
enough_composer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EnoughComposer *self = ENOUGH_COMPOSER (object);

  switch (prop_id)
    {
    case PROP_SPEAKER:
      g_value_set_enum (value, self->speaker);
      break;

    case PROP_TEXT:
      g_value_take_string (value, enough_composer_dup_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_composer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EnoughComposer *self = ENOUGH_COMPOSER (object);

  switch (prop_id)
    {
    case PROP_SPEAKER:
      enough_composer_set_speaker (self, g_value_get_enum (value));
      break;

    case PROP_TEXT:
      enough_composer_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_composer_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_COMPOSER);
  /* Children without a bound template pointer are not cleared by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (enough_composer_parent_class)->dispose (object);
}

static void
enough_composer_class_init (EnoughComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_composer_dispose;
  object_class->get_property = enough_composer_get_property;
  object_class->set_property = enough_composer_set_property;

  properties[PROP_SPEAKER] =
    g_param_spec_enum ("speaker", NULL, NULL,
                       ENOUGH_TYPE_SPEAKER, ENOUGH_SPEAKER_CRITIC,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SEND] =
    g_signal_new ("send", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ENOUGH_TYPE_SPEAKER, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/critic/enough-composer.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughComposer, critic_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughComposer, me_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughComposer, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_speaker_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_preedit_changed);

  gtk_widget_class_install_action (widget_class, "composer.send", NULL, send_action);
  gtk_widget_class_set_css_name (widget_class, "composer");
}

static void
enough_composer_init (EnoughComposer *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  enough_text_limit_view (self->text_view, ENOUGH_TEXT_MAX_BYTES);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.send", FALSE);
}
