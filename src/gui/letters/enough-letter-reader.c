/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-letter-editor.h"
#include "enough-letter-reader.h"
#include "enough-dates.h"
#include "enough-reminders.h"
#include "enough-search-reveal.h"
#include "enough-text-limit.h"

struct _EnoughLetterReader
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel          *date_label;
  GtkBox            *reread_box;
  GtkLabel          *reread_label;
  GtkButton         *read_button;
  GtkBox            *situation_box;
  GtkLabel          *situation_label;
  GtkLabel          *feelings_label;
  GtkLabel          *text_label;
  GtkBox            *takeaway_box;
  GtkLabel          *takeaway_label;
  GtkEntry          *takeaway_entry;

  EnoughStore       *store;
  EnoughLetter      *letter;
  gulong             notify_id;

  /* The sentence is being written: show the entry, not the quote. */
  gboolean           asking_takeaway;
  gboolean           syncing;
};

G_DEFINE_FINAL_TYPE (EnoughLetterReader, enough_letter_reader, GTK_TYPE_WIDGET)

enum {
  SIGNAL_REREAD_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
reader_now (EnoughLetterReader *self)
{
  return self->store != NULL ? enough_store_now (self->store) : g_get_real_time ();
}

static void
sync_from_letter (EnoughLetterReader *self)
{
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *day = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *feelings_text = NULL;
  const char *situation, *text, *takeaway;
  gboolean pending;

  if (self->letter == NULL)
    return;

  self->syncing = TRUE;

  created = enough_record_dup_created (ENOUGH_RECORD (self->letter));
  if (created != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (created);

      day = enough_dates_format_local_date (local);
      /* Translators: %s is a date in the locale's format */
      date_text = g_strdup_printf (_("Written on %s"), day);
    }
  gtk_label_set_label (self->date_label, date_text != NULL ? date_text : "");

  pending = enough_letter_get_reread_at (self->letter) != 0 &&
            enough_letter_get_reread_done_at (self->letter) == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->reread_box), pending);
  if (pending && enough_reminders_is_due (self->letter, reader_now (self)))
    gtk_label_set_label (self->reread_label,
                         _("It is time to read this letter again. Take your time with it."));
  else if (pending)
    gtk_label_set_label (self->reread_label,
                         _("You planned to read this again later. You can also read it now."));

  situation = enough_letter_get_not_good_enough (self->letter);
  feelings_text = enough_letter_editor_format_feelings (enough_letter_get_feelings (self->letter));
  gtk_label_set_label (self->situation_label, situation);
  gtk_widget_set_visible (GTK_WIDGET (self->situation_label), situation[0] != '\0');
  gtk_label_set_label (self->feelings_label, feelings_text != NULL ? feelings_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->feelings_label), feelings_text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->situation_box),
                          situation[0] != '\0' || feelings_text != NULL);

  text = enough_letter_get_text (self->letter);
  if (text[0] != '\0')
    {
      gtk_label_set_label (self->text_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->text_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->text_label, _("This letter has no words yet. Press Edit to write it."));
      gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "dim-label");
    }

  takeaway = enough_letter_get_takeaway (self->letter);
  gtk_label_set_label (self->takeaway_label, takeaway);
  gtk_widget_set_visible (GTK_WIDGET (self->takeaway_label), !self->asking_takeaway);
  gtk_widget_set_visible (GTK_WIDGET (self->takeaway_entry), self->asking_takeaway);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->takeaway_entry)), takeaway) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->takeaway_entry), takeaway);
  gtk_widget_set_visible (GTK_WIDGET (self->takeaway_box),
                          self->asking_takeaway || takeaway[0] != '\0');

  self->syncing = FALSE;
}

static void
on_letter_notify (EnoughLetterReader *self)
{
  sync_from_letter (self);
}

void
enough_letter_reader_set_store (EnoughLetterReader *self,
                                EnoughStore        *store)
{
  g_return_if_fail (ENOUGH_IS_LETTER_READER (self));

  g_set_object (&self->store, store);
}

EnoughLetter *
enough_letter_reader_get_letter (EnoughLetterReader *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER_READER (self), NULL);

  return self->letter;
}

void
enough_letter_reader_set_letter (EnoughLetterReader *self,
                                 EnoughLetter       *letter)
{
  g_return_if_fail (ENOUGH_IS_LETTER_READER (self));
  g_return_if_fail (letter == NULL || ENOUGH_IS_LETTER (letter));

  if (self->letter != letter)
    {
      if (self->letter != NULL)
        g_clear_signal_handler (&self->notify_id, self->letter);
      g_set_object (&self->letter, letter);
      if (letter != NULL)
        self->notify_id = g_signal_connect_swapped (letter, "notify",
                                                    G_CALLBACK (on_letter_notify), self);
    }

  /* Reread but no sentence yet: ask for it. */
  self->asking_takeaway = letter != NULL &&
                          enough_letter_get_reread_done_at (letter) != 0 &&
                          enough_letter_get_takeaway (letter)[0] == '\0';

  sync_from_letter (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
enough_letter_reader_mark_read (EnoughLetterReader *self)
{
  g_return_if_fail (ENOUGH_IS_LETTER_READER (self));

  if (self->letter == NULL)
    return;

  self->asking_takeaway = TRUE;
  enough_letter_set_reread_done_at (self->letter, reader_now (self));
  sync_from_letter (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->takeaway_entry));

  g_signal_emit (self, signals[SIGNAL_REREAD_DONE], 0, self->letter);
}

void
enough_letter_reader_refresh (EnoughLetterReader *self)
{
  g_return_if_fail (ENOUGH_IS_LETTER_READER (self));

  sync_from_letter (self);
}

gboolean
enough_letter_reader_reveal_match (EnoughLetterReader *self,
                                   EnoughSearchResult *result,
                                   const char         *query)
{
  GtkWidget *widget;

  g_return_val_if_fail (ENOUGH_IS_LETTER_READER (self), FALSE);
  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (result), FALSE);

  if (self->letter == NULL)
    return FALSE;

  switch ((int) enough_search_result_get_field (result))
    {
    case ENOUGH_SEARCH_FIELD_NOT_GOOD_ENOUGH:
      widget = GTK_WIDGET (self->situation_label);
      break;

    case ENOUGH_SEARCH_FIELD_TAKEAWAY:
      widget = self->asking_takeaway ? GTK_WIDGET (self->takeaway_entry)
                                     : GTK_WIDGET (self->takeaway_label);
      break;

    default:
      widget = GTK_WIDGET (self->text_label);
      break;
    }

  /* Changed since the search ran: the letter itself. */
  if (!gtk_widget_get_visible (widget))
    widget = GTK_WIDGET (self->text_label);

  return enough_search_reveal_text (self->scroller, widget, query, result);
}

static void
on_takeaway_changed (EnoughLetterReader *self)
{
  if (self->syncing || self->letter == NULL)
    return;

  enough_letter_set_takeaway (self->letter,
                              gtk_editable_get_text (GTK_EDITABLE (self->takeaway_entry)));
}

static void
on_takeaway_activate (EnoughLetterReader *self)
{
  if (self->letter == NULL ||
      enough_letter_get_takeaway (self->letter)[0] == '\0')
    return;

  /* Enter sets the sentence apart, as it will be shown from now on. */
  self->asking_takeaway = FALSE;
  sync_from_letter (self);
}

static void
enough_letter_reader_dispose (GObject *object)
{
  EnoughLetterReader *self = ENOUGH_LETTER_READER (object);

  if (self->letter != NULL)
    g_clear_signal_handler (&self->notify_id, self->letter);
  g_clear_object (&self->letter);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_LETTER_READER);

  G_OBJECT_CLASS (enough_letter_reader_parent_class)->dispose (object);
}

static void
enough_letter_reader_class_init (EnoughLetterReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_letter_reader_dispose;

  signals[SIGNAL_REREAD_DONE] =
    g_signal_new ("reread-done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ENOUGH_TYPE_LETTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/letters/enough-letter-reader.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterReader, date_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterReader, reread_box);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterReader, reread_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterReader, read_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterReader, situation_box);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterReader, situation_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterReader, feelings_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterReader, text_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterReader, takeaway_box);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterReader, takeaway_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterReader, takeaway_entry);
  gtk_widget_class_bind_template_callback (widget_class, enough_letter_reader_mark_read);
}

static void
enough_letter_reader_init (EnoughLetterReader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  enough_text_limit_editable (GTK_EDITABLE (self->takeaway_entry), ENOUGH_TEXT_MAX_BYTES);

  g_signal_connect_swapped (self->takeaway_entry, "changed",
                            G_CALLBACK (on_takeaway_changed), self);
  g_signal_connect_swapped (self->takeaway_entry, "activate",
                            G_CALLBACK (on_takeaway_activate), self);
}
