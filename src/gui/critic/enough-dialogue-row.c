/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-dates.h"
#include "enough-accessible.h"
#include "enough-dialogue-row.h"

struct _EnoughDialogueRow
{
  GtkWidget       parent_instance;

  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;

  EnoughDialogue *dialogue;
};

G_DEFINE_FINAL_TYPE (EnoughDialogueRow, enough_dialogue_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DIALOGUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
enough_dialogue_row_update (EnoughDialogueRow *self)
{
  g_autofree char *day = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  const char *title;
  const char *critic;

  if (self->dialogue == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->subtitle_label, "");
      return;
    }

  title = enough_dialogue_get_title (self->dialogue);
  if (title[0] == '\0')
    title = _("Untitled Dialogue");
  critic = enough_dialogue_get_critic_name (self->dialogue);

  day = enough_dates_format_day (enough_record_get_created_at (ENOUGH_RECORD (self->dialogue)),
                                 g_get_real_time ());

  if (critic[0] != '\0')
    /* Translators: a dialogue's subtitle in the list: the critic's name, then the day */
    subtitle = g_strdup_printf (C_("dialogue row", "%s · %s"), critic, day);
  else
    subtitle = g_strdup (day);

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);

  /* Translators: how a screen reader reads a dialogue in the list: its
   * title, then the critic and the day */
  accessible = g_strdup_printf (_("Dialogue: %s, %s"), title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* The row the keyboard moves through is the list's, around this one. */
  enough_accessible_name_list_row (GTK_WIDGET (self), accessible);
}

GtkWidget *
enough_dialogue_row_new (void)
{
  return g_object_new (ENOUGH_TYPE_DIALOGUE_ROW, NULL);
}

EnoughDialogue *
enough_dialogue_row_get_dialogue (EnoughDialogueRow *self)
{
  g_return_val_if_fail (ENOUGH_IS_DIALOGUE_ROW (self), NULL);

  return self->dialogue;
}

const char *
enough_dialogue_row_get_title (EnoughDialogueRow *self)
{
  g_return_val_if_fail (ENOUGH_IS_DIALOGUE_ROW (self), NULL);

  return gtk_label_get_text (self->title_label);
}

const char *
enough_dialogue_row_get_subtitle (EnoughDialogueRow *self)
{
  g_return_val_if_fail (ENOUGH_IS_DIALOGUE_ROW (self), NULL);

  return gtk_label_get_text (self->subtitle_label);
}

void
enough_dialogue_row_set_dialogue (EnoughDialogueRow *self,
                                  EnoughDialogue    *dialogue)
{
  g_return_if_fail (ENOUGH_IS_DIALOGUE_ROW (self));
  g_return_if_fail (dialogue == NULL || ENOUGH_IS_DIALOGUE (dialogue));

  if (self->dialogue == dialogue)
    return;

  if (self->dialogue != NULL)
    g_signal_handlers_disconnect_by_data (self->dialogue, self);
  g_set_object (&self->dialogue, dialogue);
  if (dialogue != NULL)
    {
      g_signal_connect_swapped (dialogue, "notify::title",
                                G_CALLBACK (enough_dialogue_row_update), self);
      g_signal_connect_swapped (dialogue, "notify::critic-name",
                                G_CALLBACK (enough_dialogue_row_update), self);
    }

  enough_dialogue_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIALOGUE]);
}

static void
enough_dialogue_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EnoughDialogueRow *self = ENOUGH_DIALOGUE_ROW (object);

  switch (prop_id)
    {
    case PROP_DIALOGUE:
      g_value_set_object (value, self->dialogue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_dialogue_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EnoughDialogueRow *self = ENOUGH_DIALOGUE_ROW (object);

  switch (prop_id)
    {
    case PROP_DIALOGUE:
      enough_dialogue_row_set_dialogue (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_dialogue_row_dispose (GObject *object)
{
  EnoughDialogueRow *self = ENOUGH_DIALOGUE_ROW (object);

  enough_dialogue_row_set_dialogue (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_DIALOGUE_ROW);

  G_OBJECT_CLASS (enough_dialogue_row_parent_class)->dispose (object);
}

static void
enough_dialogue_row_class_init (EnoughDialogueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_dialogue_row_dispose;
  object_class->get_property = enough_dialogue_row_get_property;
  object_class->set_property = enough_dialogue_row_set_property;

  properties[PROP_DIALOGUE] =
    g_param_spec_object ("dialogue", NULL, NULL,
                         ENOUGH_TYPE_DIALOGUE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/critic/enough-dialogue-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughDialogueRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughDialogueRow, subtitle_label);
}

static void
enough_dialogue_row_init (EnoughDialogueRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
}
