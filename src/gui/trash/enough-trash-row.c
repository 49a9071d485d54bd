/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-dates.h"
#include "enough-entry-kind.h"
#include "enough-experiment-row.h"
#include "enough-letter-row.h"
#include "enough-trash-row.h"

struct _EnoughTrashRow
{
  GtkWidget     parent_instance;

  GtkImage     *kind_image;
  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;

  EnoughRecord *record;
};

G_DEFINE_FINAL_TYPE (EnoughTrashRow, enough_trash_row, GTK_TYPE_WIDGET)

enum {
  SIGNAL_RESTORE,
  SIGNAL_DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
enough_trash_row_new (void)
{
  return g_object_new (ENOUGH_TYPE_TRASH_ROW, NULL);
}

char *
enough_trash_row_dup_title (EnoughRecord *record)
{
  g_return_val_if_fail (ENOUGH_IS_RECORD (record), NULL);

  if (ENOUGH_IS_DIALOGUE (record))
    {
      const char *title = enough_dialogue_get_title (ENOUGH_DIALOGUE (record));

      return g_strdup (title[0] != '\0' ? title : _("Untitled Dialogue"));
    }
  if (ENOUGH_IS_LETTER (record))
    return enough_letter_row_dup_title (ENOUGH_LETTER (record));
  if (ENOUGH_IS_EXPERIMENT (record))
    return enough_experiment_row_dup_title (ENOUGH_EXPERIMENT (record));
  return g_strdup (_("Self-Check"));
}

static const char *
kind_icon (EnoughRecord *record)
{
  if (ENOUGH_IS_DIALOGUE (record))
    return "enough-critic-symbolic";
  if (ENOUGH_IS_LETTER (record))
    return "enough-letter-symbolic";
  if (ENOUGH_IS_EXPERIMENT (record))
    return "enough-experiment-symbolic";
  return "enough-self-check-symbolic";
}

void
enough_trash_row_set_record (EnoughTrashRow *self,
                             EnoughRecord   *record,
                             gint64          deleted_at,
                             gint64          now_usec)
{
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (ENOUGH_IS_TRASH_ROW (self));

  g_set_object (&self->record, record);
  if (record == NULL)
    return;

  title = enough_trash_row_dup_title (record);
  day = enough_dates_format_day (deleted_at, now_usec);
  /* Translators: when an entry was deleted; %s is "Today", "Yesterday" or a date */
  deleted = g_strdup_printf (_("Deleted: %s"), day);
  /* Translators: a deleted entry's kind and when it was deleted, e.g. "Letter · Deleted: Today" */
  subtitle = g_strdup_printf (C_("trash row", "%1$s · %2$s"), enough_entry_kind_name (enough_record_get_kind (record)), deleted);
  gtk_image_set_from_icon_name (self->kind_image, kind_icon (record));
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

EnoughRecord *
enough_trash_row_get_record (EnoughTrashRow *self)
{
  g_return_val_if_fail (ENOUGH_IS_TRASH_ROW (self), NULL);

  return self->record;
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_RESTORE], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_DELETE], 0);
}

static void
enough_trash_row_dispose (GObject *object)
{
  EnoughTrashRow *self = ENOUGH_TRASH_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_TRASH_ROW);
  /* Children without a bound template pointer are not cleared by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (enough_trash_row_parent_class)->dispose (object);
}

static void
enough_trash_row_class_init (EnoughTrashRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_trash_row_dispose;

  signals[SIGNAL_RESTORE] =
    g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DELETE] =
    g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/trash/enough-trash-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, EnoughTrashRow, kind_image);
  gtk_widget_class_bind_template_child (widget_class, EnoughTrashRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughTrashRow, subtitle_label);

  gtk_widget_class_install_action (widget_class, "row.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action);
}

static void
enough_trash_row_init (EnoughTrashRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
}
