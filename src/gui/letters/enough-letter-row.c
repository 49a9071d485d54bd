/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-dates.h"
#include "enough-accessible.h"
#include "enough-letter-row.h"
#include "enough-reminders.h"
#include "enough-titles.h"

/* Enough for a list row; the label ellipsizes what does not fit. */
#define TITLE_MAX_CHARS 60

struct _EnoughLetterRow
{
  GtkWidget     parent_instance;

  GtkWidget    *layout;
  GtkLabel     *title_label;
  GtkLabel     *date_label;
  GtkImage     *due_image;

  EnoughLetter *letter;
  gulong        notify_id;
  gint64        now_usec;
};

G_DEFINE_FINAL_TYPE (EnoughLetterRow, enough_letter_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LETTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
enough_letter_row_new (void)
{
  return g_object_new (ENOUGH_TYPE_LETTER_ROW, NULL);
}

char *
enough_letter_row_dup_title (EnoughLetter *letter)
{
  char *title;

  g_return_val_if_fail (ENOUGH_IS_LETTER (letter), NULL);

  /* Step 1 tells letters apart better than the letter, which often starts
   * with the same "Dear me". */
  title = enough_title_from_text (enough_letter_get_not_good_enough (letter), FALSE, 0, TITLE_MAX_CHARS);
  if (title == NULL)
    title = enough_title_from_text (enough_letter_get_text (letter), FALSE, 0, TITLE_MAX_CHARS);
  if (title == NULL)
    title = g_strdup (_("A letter to yourself"));

  return title;
}

static void
enough_letter_row_sync (EnoughLetterRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  g_autofree char *accessible = NULL;
  gboolean due;

  if (self->letter == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->date_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->due_image), FALSE);
      return;
    }

  title = enough_letter_row_dup_title (self->letter);
  day = enough_dates_format_day (enough_record_get_created_at (ENOUGH_RECORD (self->letter)),
                                 self->now_usec != 0 ? self->now_usec : g_get_real_time ());
  due = self->now_usec != 0 && enough_reminders_is_due (self->letter, self->now_usec);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->date_label, day);
  gtk_widget_set_visible (GTK_WIDGET (self->due_image), due);

  if (due)
    /* Translators: how a screen reader names a letter in the list:
     * the letter's first words, the day it was written */
    accessible = g_strdup_printf (_("Letter: %s, %s, time to read it again"), title, day);
  else
    /* Translators: how a screen reader names a letter in the list:
     * the letter's first words, the day it was written */
    accessible = g_strdup_printf (_("Letter: %s, %s"), title, day);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* The row the keyboard moves through is the list's, around this one. */
  enough_accessible_name_list_row (GTK_WIDGET (self), accessible);
}

static void
on_letter_notify (EnoughLetterRow *self)
{
  enough_letter_row_sync (self);
}

EnoughLetter *
enough_letter_row_get_letter (EnoughLetterRow *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER_ROW (self), NULL);

  return self->letter;
}

void
enough_letter_row_set_letter (EnoughLetterRow *self,
                              EnoughLetter    *letter)
{
  g_return_if_fail (ENOUGH_IS_LETTER_ROW (self));
  g_return_if_fail (letter == NULL || ENOUGH_IS_LETTER (letter));

  if (self->letter == letter)
    return;

  if (self->letter != NULL)
    g_clear_signal_handler (&self->notify_id, self->letter);
  g_set_object (&self->letter, letter);
  if (letter != NULL)
    self->notify_id = g_signal_connect_swapped (letter, "notify",
                                                G_CALLBACK (on_letter_notify), self);

  enough_letter_row_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LETTER]);
}

void
enough_letter_row_update_due (EnoughLetterRow *self,
                              gint64           now_usec)
{
  g_return_if_fail (ENOUGH_IS_LETTER_ROW (self));

  self->now_usec = now_usec;
  enough_letter_row_sync (self);
}

static void
enough_letter_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EnoughLetterRow *self = ENOUGH_LETTER_ROW (object);

  switch (prop_id)
    {
    case PROP_LETTER:
      g_value_set_object (value, self->letter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_letter_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EnoughLetterRow *self = ENOUGH_LETTER_ROW (object);

  switch (prop_id)
    {
    case PROP_LETTER:
      enough_letter_row_set_letter (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_letter_row_dispose (GObject *object)
{
  EnoughLetterRow *self = ENOUGH_LETTER_ROW (object);

  if (self->letter != NULL)
    g_clear_signal_handler (&self->notify_id, self->letter);
  g_clear_object (&self->letter);
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_LETTER_ROW);

  G_OBJECT_CLASS (enough_letter_row_parent_class)->dispose (object);
}

static void
enough_letter_row_class_init (EnoughLetterRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_letter_row_dispose;
  object_class->get_property = enough_letter_row_get_property;
  object_class->set_property = enough_letter_row_set_property;

  properties[PROP_LETTER] =
    g_param_spec_object ("letter", NULL, NULL,
                         ENOUGH_TYPE_LETTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/letters/enough-letter-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "letterrow");
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterRow, layout);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterRow, due_image);
}

static void
enough_letter_row_init (EnoughLetterRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
