/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-letter-editor.h"
#include "enough-dates.h"
#include "enough-reminders.h"
#include "enough-search-reveal.h"
#include "enough-stack-utils.h"
#include "enough-text-limit.h"

struct _EnoughLetterEditor
{
  GtkWidget          parent_instance;

  GtkWidget         *layout;
  GtkScrolledWindow *scroller;
  GtkLabel          *step_label;
  GtkBox            *dots_box;
  GtkStack          *steps_stack;
  GtkTextView       *not_good_enough_view;
  GtkFlowBox        *feelings_box;
  GtkExpander       *hints_expander;
  GtkTextView       *letter_view;
  GtkListBox        *reread_list;
  GtkLabel          *reminder_label;
  GtkEntry          *takeaway_entry;
  GtkButton         *back_button;
  GtkButton         *next_button;

  GtkToggleButton   *feeling_buttons[8];
  GtkCheckButton    *reread_buttons[5];
  GtkWidget         *dots[ENOUGH_LETTER_N_STEPS];

  EnoughStore       *store;
  EnoughLetter      *letter;
  gulong             notify_id;
  guint              step;

  /* TRUE while widgets are filled from the letter: no echo back. */
  gboolean           syncing;
};

G_DEFINE_FINAL_TYPE (EnoughLetterEditor, enough_letter_editor, GTK_TYPE_WIDGET)

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *step_names[ENOUGH_LETTER_N_STEPS] = { "feel", "write", "later" };

static const struct
{
  EnoughFeelings  flag;
  const char     *label;
} feelings[] = {
  { ENOUGH_FEELING_ASHAMED, N_("Ashamed") },
  { ENOUGH_FEELING_ANXIOUS, N_("Anxious") },
  { ENOUGH_FEELING_TIRED, N_("Tired") },
  { ENOUGH_FEELING_SAD, N_("Sad") },
  { ENOUGH_FEELING_ANGRY, N_("Angry") },
  { ENOUGH_FEELING_LONELY, N_("Lonely") },
  { ENOUGH_FEELING_NUMB, N_("Numb") },
  /* Translators: a feeling not in the list */
  { ENOUGH_FEELING_OTHER, N_("Something else") },
};

static const struct
{
  EnoughReread  reread;
  const char   *label;
} rereads[] = {
  { ENOUGH_REREAD_15_MINUTES, N_("In 15 minutes") },
  { ENOUGH_REREAD_EVENING, N_("This evening") },
  { ENOUGH_REREAD_TOMORROW, N_("Tomorrow morning") },
  { ENOUGH_REREAD_NEXT_WEEK, N_("Next week") },
  /* Translators: the answer to "When would you like to read this again?":
   * no reminder will come. */
  { ENOUGH_REREAD_NEVER, N_("No reminder") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (feelings) == 8);
G_STATIC_ASSERT (G_N_ELEMENTS (rereads) == 5);

char *
enough_letter_editor_format_feelings (EnoughFeelings value)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (feelings); i++)
    {
      if ((value & feelings[i].flag) == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, _(feelings[i].label));
    }

  if (out->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
editor_now (EnoughLetterEditor *self)
{
  return self->store != NULL ? enough_store_now (self->store) : g_get_real_time ();
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Replaces the buffer's text only when it differs, so the cursor stays put
 * while the user types. */
static void
sync_buffer (GtkTextView *view,
             const char  *text)
{
  g_autofree char *current = dup_buffer_text (view);

  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* "today at 19:00", in the user's clock style (the desktop's setting,
 * else the locale's), never padded with a space. */
static char *
format_time_of_day (GDateTime *dt)
{
  return enough_dates_format_time (dt, enough_dates_get_clock_format ());
}

static char *
describe_reminder (EnoughLetter *letter,
                   gint64        now_usec)
{
  EnoughReread reread = enough_letter_get_reread (letter);
  gint64 at = enough_letter_get_reread_at (letter);
  gint64 done_at = enough_letter_get_reread_done_at (letter);
  g_autoptr(GDateTime) at_utc = NULL;
  g_autoptr(GDateTime) at_local = NULL;
  g_autoptr(GDateTime) now_utc = NULL;
  g_autoptr(GDateTime) now_local = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *day_text = NULL;

  if (reread == ENOUGH_REREAD_NEVER)
    return g_strdup (_("No reminder. You can read it again whenever you like."));
  if (reread == ENOUGH_REREAD_UNSET || at == 0)
    return NULL;
  if (done_at != 0)
    return g_strdup (_("You have read it again."));
  if (at <= now_usec)
    return g_strdup (_("It is time to read it again."));

  at_utc = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);
  now_utc = g_date_time_new_from_unix_utc (now_usec / G_USEC_PER_SEC);
  if (at_utc == NULL || now_utc == NULL)
    return NULL;
  at_local = g_date_time_to_local (at_utc);
  now_local = g_date_time_to_local (now_utc);
  tomorrow = g_date_time_add_days (now_local, 1);
  time_text = format_time_of_day (at_local);
  g_strstrip (time_text);

  if (g_date_time_get_year (at_local) == g_date_time_get_year (now_local) &&
      g_date_time_get_day_of_year (at_local) == g_date_time_get_day_of_year (now_local))
    /* Translators: %s is a time of day, e.g. "19:00" */
    return g_strdup_printf (_("You will get a gentle reminder today at %s."), time_text);

  if (g_date_time_get_year (at_local) == g_date_time_get_year (tomorrow) &&
      g_date_time_get_day_of_year (at_local) == g_date_time_get_day_of_year (tomorrow))
    /* Translators: %s is a time of day, e.g. "09:00" */
    return g_strdup_printf (_("You will get a gentle reminder tomorrow at %s."), time_text);

  day_text = enough_dates_format_local_date (at_local);
  /* Translators: %1$s is a date, %2$s a time of day */
  return g_strdup_printf (_("You will get a gentle reminder on %1$s at %2$s."), day_text, time_text);
}

static void
update_step_chrome (EnoughLetterEditor *self)
{
  g_autofree char *step_text = NULL;

  /* Translators: the step indicator, e.g. "Step 2 of 3" */
  step_text = g_strdup_printf (_("Step %u of %u"), self->step + 1, ENOUGH_LETTER_N_STEPS);
  gtk_label_set_label (self->step_label, step_text);

  for (guint i = 0; i < ENOUGH_LETTER_N_STEPS; i++)
    {
      if (i == self->step)
        gtk_widget_add_css_class (self->dots[i], "current");
      else
        gtk_widget_remove_css_class (self->dots[i], "current");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), self->step > 0);
  if (self->step + 1 < ENOUGH_LETTER_N_STEPS)
    {
      gtk_button_set_label (self->next_button, _("_Next"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), _("Next step"));
    }
  else
    {
      gtk_button_set_label (self->next_button, _("_Done"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), _("Show the letter for reading"));
    }
}

static void
sync_reminder_label (EnoughLetterEditor *self)
{
  g_autofree char *text = NULL;

  if (self->letter != NULL)
    text = describe_reminder (self->letter, editor_now (self));

  gtk_label_set_label (self->reminder_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reminder_label), text != NULL);
}

static void
sync_from_letter (EnoughLetterEditor *self)
{
  EnoughFeelings letter_feelings;
  EnoughReread reread;

  if (self->letter == NULL)
    return;

  self->syncing = TRUE;

  sync_buffer (self->not_good_enough_view, enough_letter_get_not_good_enough (self->letter));
  sync_buffer (self->letter_view, enough_letter_get_text (self->letter));

  letter_feelings = enough_letter_get_feelings (self->letter);
  for (guint i = 0; i < G_N_ELEMENTS (feelings); i++)
    gtk_toggle_button_set_active (self->feeling_buttons[i],
                                  (letter_feelings & feelings[i].flag) != 0);

  reread = enough_letter_get_reread (self->letter);
  for (guint i = 0; i < G_N_ELEMENTS (rereads); i++)
    {
      gboolean active = rereads[i].reread == reread;

      if (gtk_check_button_get_active (self->reread_buttons[i]) != active)
        gtk_check_button_set_active (self->reread_buttons[i], active);
    }

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->takeaway_entry)),
                 enough_letter_get_takeaway (self->letter)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->takeaway_entry),
                           enough_letter_get_takeaway (self->letter));

  sync_reminder_label (self);

  self->syncing = FALSE;
}

static void
on_letter_notify (EnoughLetterEditor *self)
{
  sync_from_letter (self);
}

EnoughLetter *
enough_letter_editor_get_letter (EnoughLetterEditor *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER_EDITOR (self), NULL);

  return self->letter;
}

void
enough_letter_editor_set_store (EnoughLetterEditor *self,
                                EnoughStore        *store)
{
  g_return_if_fail (ENOUGH_IS_LETTER_EDITOR (self));

  g_set_object (&self->store, store);
}

static void
show_step (EnoughLetterEditor *self,
           guint               step,
           gboolean            animate)
{
  self->step = MIN (step, ENOUGH_LETTER_N_STEPS - 1);
  enough_stack_show (self->steps_stack, step_names[self->step], animate);
  update_step_chrome (self);
}

void
enough_letter_editor_set_letter (EnoughLetterEditor *self,
                                 EnoughLetter       *letter)
{
  g_return_if_fail (ENOUGH_IS_LETTER_EDITOR (self));
  g_return_if_fail (letter == NULL || ENOUGH_IS_LETTER (letter));

  if (self->letter == letter)
    return;

  if (self->letter != NULL)
    g_clear_signal_handler (&self->notify_id, self->letter);
  g_set_object (&self->letter, letter);

  self->syncing = TRUE;
  if (letter == NULL)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->not_good_enough_view), "", -1);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->letter_view), "", -1);
      gtk_editable_set_text (GTK_EDITABLE (self->takeaway_entry), "");
      show_step (self, 0, FALSE);
      self->syncing = FALSE;
      return;
    }
  self->syncing = FALSE;

  self->notify_id = g_signal_connect_swapped (letter, "notify",
                                              G_CALLBACK (on_letter_notify), self);
  sync_from_letter (self);
  /* Half-written letters reopen on the step where the user left them. */
  show_step (self, enough_letter_get_step (letter), FALSE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

guint
enough_letter_editor_get_step (EnoughLetterEditor *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER_EDITOR (self), 0);

  return self->step;
}

void
enough_letter_editor_focus_step (EnoughLetterEditor *self)
{
  g_return_if_fail (ENOUGH_IS_LETTER_EDITOR (self));

  switch (self->step)
    {
    case 0:
      gtk_widget_grab_focus (GTK_WIDGET (self->not_good_enough_view));
      break;

    case 1:
      gtk_widget_grab_focus (GTK_WIDGET (self->letter_view));
      break;

    default:
      for (guint i = 0; i < G_N_ELEMENTS (rereads); i++)
        if (gtk_check_button_get_active (self->reread_buttons[i]))
          {
            gtk_widget_grab_focus (GTK_WIDGET (self->reread_buttons[i]));
            return;
          }
      gtk_widget_grab_focus (GTK_WIDGET (self->reread_buttons[0]));
      break;
    }
}

void
enough_letter_editor_set_step (EnoughLetterEditor *self,
                               guint               step)
{
  g_return_if_fail (ENOUGH_IS_LETTER_EDITOR (self));
  g_return_if_fail (step < ENOUGH_LETTER_N_STEPS);

  show_step (self, step, TRUE);
  if (self->letter != NULL && enough_letter_get_step (self->letter) != step)
    enough_letter_set_step (self->letter, step);

  sync_reminder_label (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  enough_letter_editor_focus_step (self);
}

gboolean
enough_letter_editor_reveal_match (EnoughLetterEditor *self,
                                   EnoughSearchResult *result,
                                   const char         *query)
{
  GtkWidget *widget;
  guint step;

  g_return_val_if_fail (ENOUGH_IS_LETTER_EDITOR (self), FALSE);
  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (result), FALSE);

  if (self->letter == NULL)
    return FALSE;

  switch ((int) enough_search_result_get_field (result))
    {
    case ENOUGH_SEARCH_FIELD_NOT_GOOD_ENOUGH:
      step = 0;
      widget = GTK_WIDGET (self->not_good_enough_view);
      break;

    case ENOUGH_SEARCH_FIELD_TAKEAWAY:
      step = 2;
      widget = GTK_WIDGET (self->takeaway_entry);
      break;

    default:
      step = 1;
      widget = GTK_WIDGET (self->letter_view);
      break;
    }

  /* The step with the match is shown, not kept as where the letter was
   * left: opening a letter does not change it. */
  if (step != self->step)
    {
      show_step (self, step, FALSE);
      sync_reminder_label (self);
    }

  return enough_search_reveal_text (self->scroller, widget, query, result);
}

static void
on_back_clicked (EnoughLetterEditor *self)
{
  if (self->step > 0)
    enough_letter_editor_set_step (self, self->step - 1);
}

static void
on_next_clicked (EnoughLetterEditor *self)
{
  if (self->step + 1 < ENOUGH_LETTER_N_STEPS)
    enough_letter_editor_set_step (self, self->step + 1);
  else
    g_signal_emit (self, signals[SIGNAL_DONE], 0);
}

static void
on_not_good_enough_changed (EnoughLetterEditor *self)
{
  g_autofree char *text = NULL;

  if (self->syncing || self->letter == NULL)
    return;

  text = dup_buffer_text (self->not_good_enough_view);
  enough_letter_set_not_good_enough (self->letter, text);
}

static void
on_letter_text_changed (EnoughLetterEditor *self)
{
  g_autofree char *text = NULL;

  if (self->syncing || self->letter == NULL)
    return;

  text = dup_buffer_text (self->letter_view);
  enough_letter_set_text (self->letter, text);
}

static void
on_takeaway_changed (EnoughLetterEditor *self)
{
  if (self->syncing || self->letter == NULL)
    return;

  enough_letter_set_takeaway (self->letter,
                              gtk_editable_get_text (GTK_EDITABLE (self->takeaway_entry)));
}

static void
on_feeling_toggled (GtkToggleButton    *button,
                    EnoughLetterEditor *self)
{
  EnoughFeelings flag = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "feeling"));
  EnoughFeelings value;

  if (self->syncing || self->letter == NULL)
    return;

  value = enough_letter_get_feelings (self->letter);
  if (gtk_toggle_button_get_active (button))
    value |= flag;
  else
    value &= ~flag;
  enough_letter_set_feelings (self->letter, value);
}

static void
on_reread_toggled (GtkCheckButton     *button,
                   EnoughLetterEditor *self)
{
  EnoughReread reread = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "reread"));
  gint64 at;

  if (self->syncing || self->letter == NULL || !gtk_check_button_get_active (button))
    return;
  if (enough_letter_get_reread (self->letter) == reread)
    return;

  at = enough_reminders_compute_reread_at (reread, editor_now (self), NULL);
  enough_letter_set_reread (self->letter, reread, at);
  /* A new time means a new reread to come. */
  enough_letter_set_reread_done_at (self->letter, 0);
  sync_reminder_label (self);
}

static void
build_feeling_chips (EnoughLetterEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (feelings); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(feelings[i].label));
      GtkWidget *child;

      gtk_widget_add_css_class (button, "feeling-chip");
      gtk_widget_add_css_class (button, "pill");
      g_object_set_data (G_OBJECT (button), "feeling", GUINT_TO_POINTER (feelings[i].flag));
      g_signal_connect (button, "toggled", G_CALLBACK (on_feeling_toggled), self);
      gtk_flow_box_append (self->feelings_box, button);
      /* Only the chip takes focus, not its flow box slot as well. */
      child = gtk_widget_get_parent (button);
      gtk_widget_set_focusable (child, FALSE);
      self->feeling_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
build_reread_rows (EnoughLetterEditor *self)
{
  GtkCheckButton *group = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rereads); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(rereads[i].label),
                                      -1);
      g_object_set_data (G_OBJECT (check), "reread", GUINT_TO_POINTER (rereads[i].reread));
      g_signal_connect (check, "toggled", G_CALLBACK (on_reread_toggled), self);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(rereads[i].label));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->reread_list, row);
      self->reread_buttons[i] = GTK_CHECK_BUTTON (check);
    }
}

static void
build_step_dots (EnoughLetterEditor *self)
{
  for (guint i = 0; i < ENOUGH_LETTER_N_STEPS; i++)
    {
      self->dots[i] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_set_valign (self->dots[i], GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->dots[i], "letter-step-dot");
      gtk_box_append (self->dots_box, self->dots[i]);
    }
  /* The "Step n of 3" label says it in words for screen readers. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->dots_box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
}

static void
enough_letter_editor_dispose (GObject *object)
{
  EnoughLetterEditor *self = ENOUGH_LETTER_EDITOR (object);

  if (self->letter != NULL)
    g_clear_signal_handler (&self->notify_id, self->letter);
  g_clear_object (&self->letter);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_LETTER_EDITOR);

  G_OBJECT_CLASS (enough_letter_editor_parent_class)->dispose (object);
}

static void
enough_letter_editor_class_init (EnoughLetterEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_letter_editor_dispose;

  signals[SIGNAL_DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/letters/enough-letter-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterEditor, layout);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterEditor, step_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterEditor, dots_box);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterEditor, steps_stack);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterEditor, not_good_enough_view);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterEditor, feelings_box);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterEditor, hints_expander);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterEditor, letter_view);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterEditor, reread_list);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterEditor, reminder_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterEditor, takeaway_entry);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterEditor, next_button);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
}

static void
enough_letter_editor_init (EnoughLetterEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_feeling_chips (self);
  build_reread_rows (self);
  build_step_dots (self);
  enough_text_limit_view (self->not_good_enough_view, ENOUGH_TEXT_MAX_BYTES);
  enough_text_limit_view (self->letter_view, ENOUGH_TEXT_MAX_BYTES);
  enough_text_limit_editable (GTK_EDITABLE (self->takeaway_entry), ENOUGH_TEXT_MAX_BYTES);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->not_good_enough_view), "changed",
                            G_CALLBACK (on_not_good_enough_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->letter_view), "changed",
                            G_CALLBACK (on_letter_text_changed), self);
  g_signal_connect_swapped (self->takeaway_entry, "changed",
                            G_CALLBACK (on_takeaway_changed), self);

  show_step (self, 0, FALSE);
}
