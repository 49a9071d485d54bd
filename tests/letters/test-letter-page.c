/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
/* The Letters page, driven in-process through the real application:
 * writing through the three steps, the reread reminder (a fake clock and a
 * fake notification server on a private D-Bus, so the real
 * g_application_send_notification() path is exercised end to end), the
 * reading view, and everything surviving a restart. */
#include "config.h"

#include <adwaita.h>

#include "enough-dates.h"
#include "enough-gui-test-utils.h"
#include "enough-letter-editor.h"
#include "enough-letter-page.h"
#include "enough-letter-reader.h"
#include "enough-letter-row.h"
#include "enough-reminders.h"
#include "enough-test-notifications.h"
#include "enough-test-utils.h"

static GTestDBus *test_bus;

/* Runs the main loop until the notification's action has brought the
 * letters page and its reading view forward. */
static gboolean
letter_shown (gpointer data)
{
  EnoughTestApp *test = data;

  return enough_letter_page_is_reading (ENOUGH_LETTER_PAGE (enough_window_get_page (test->window, "letters"))) &&
         g_strcmp0 (enough_window_get_visible_page (test->window), "letters") == 0;
}

static void
wait_for_letter_shown (EnoughTestApp *test)
{
  enough_test_wait_until (letter_shown, test, 30);
}

/* ---- Fixture and helpers --------------------------------------------- */

typedef struct
{
  char   *data_dir;
  gint64  now;           /* the fake clock */
  char   *uuid;          /* the letter under test */
  guint   n_notes_before;
  int     width;         /* of the window, where a test sets it */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 10, 10, 0, 0);

  fixture->data_dir = enough_test_begin ();
  fixture->now = g_date_time_to_unix (start) * G_USEC_PER_SEC;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_end (&fixture->data_dir);
  g_clear_pointer (&fixture->uuid, g_free);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));
  /* What a click ends with (activate would wait for its press animation). */
  g_signal_emit_by_name (button, "clicked");
  enough_test_drain_main_context ();
}

static void
type_into (GtkWidget  *view,
           const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
}

static char *
buffer_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static EnoughLetterPage *
show_letters (EnoughTestApp *test)
{
  enough_window_show_page (test->window, "letters");
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "letters");

  return ENOUGH_LETTER_PAGE (enough_window_get_page (test->window, "letters"));
}

static void
choose_reread (EnoughLetterEditor *editor,
               const char         *title)
{
  GtkWidget *list = enough_test_must_find_by_id (GTK_WIDGET (editor), "reread_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_ACTION_ROW (row) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        {
          adw_action_row_activate (ADW_ACTION_ROW (row));
          enough_test_drain_main_context ();
          return;
        }
    }

  g_error ("No reread choice %s", title);
}

static EnoughLetterRow *
find_row_in (GtkWidget    *root,
             EnoughLetter *letter)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      EnoughLetterRow *found;

      if (ENOUGH_IS_LETTER_ROW (child) &&
          enough_letter_row_get_letter (ENOUGH_LETTER_ROW (child)) == letter)
        return ENOUGH_LETTER_ROW (child);
      found = find_row_in (child, letter);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The list row showing @letter. */
static EnoughLetterRow *
find_row (EnoughLetterPage *page,
          EnoughLetter     *letter)
{
  EnoughLetterRow *row = find_row_in (GTK_WIDGET (enough_letter_page_get_list_view (page)), letter);

  g_assert_nonnull (row);
  return row;
}

static const char *situation = "I sent the report with a mistake in the numbers.";
static const char *letter_text = "Dear me,\nOne mistake does not undo all the work you did.";
static const char *takeaway = "I can make mistakes and still be good at my work.";

/* ---- Write a letter, get reminded, reread, restart ------------------- */

static void
write_letter (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughStore *store = enough_test_use_fake_clock (test, &fixture->now);
  EnoughLetterPage *page = show_letters (test);
  EnoughLetterEditor *editor = enough_letter_page_get_editor (page);
  EnoughLetterReader *reader = enough_letter_page_get_reader (page);
  EnoughReminders *reminders = enough_application_get_reminders (test->app);
  GtkWidget *step_view, *letter_view, *next, *back, *step_label, *empty_button;
  g_autoptr(GDateTime) evening = g_date_time_new_local (2026, 3, 10, 19, 0, 0);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  EnoughLetter *letter;
  EnoughLetterRow *row;
  EnoughTestNote *note;

  g_assert_nonnull (reminders);

  /* An empty journal invites the first letter. */
  g_assert_null (enough_letter_page_get_letter (page));
  empty_button = enough_test_must_find_by_id (GTK_WIDGET (page), "empty_new_button");
  click (empty_button);

  letter = enough_letter_page_get_letter (page);
  g_assert_nonnull (letter);
  fixture->uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (letter)));
  g_assert_false (enough_letter_page_is_reading (page));
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_letters (store)), ==, 1);

  /* Step 1: the situation and the feeling words, focus already there. */
  step_view = enough_test_must_find_by_id (GTK_WIDGET (editor), "not_good_enough_view");
  step_label = enough_test_must_find_by_id (GTK_WIDGET (editor), "step_label");
  next = enough_test_must_find_by_id (GTK_WIDGET (editor), "next_button");
  back = enough_test_must_find_by_id (GTK_WIDGET (editor), "back_button");
  /* is_focus, not has_focus: the latter also needs the X server to have
   * made the window active, which Xvfb does on its own schedule. */
  g_assert_true (gtk_widget_is_focus (step_view));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (step_label)), ==, "Step 1 of 3");
  g_assert_false (gtk_widget_is_sensitive (back));
  type_into (step_view, situation);
  g_assert_cmpstr (enough_letter_get_not_good_enough (letter), ==, situation);

  click (enough_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TOGGLE_BUTTON, "Anxious"));
  click (enough_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TOGGLE_BUTTON, "Tired"));
  click (enough_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TOGGLE_BUTTON, "Sad"));
  click (enough_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TOGGLE_BUTTON, "Sad"));
  g_assert_cmpuint (enough_letter_get_feelings (letter), ==,
                    ENOUGH_FEELING_ANXIOUS | ENOUGH_FEELING_TIRED);

  /* Step 2, back to 1 (nothing lost), and forward again. */
  click (next);
  g_assert_cmpuint (enough_letter_editor_get_step (editor), ==, 1);
  g_assert_cmpuint (enough_letter_get_step (letter), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (step_label)), ==, "Step 2 of 3");
  click (back);
  g_assert_cmpuint (enough_letter_get_step (letter), ==, 0);
  text = buffer_text (step_view);
  g_assert_cmpstr (text, ==, situation);
  click (next);

  letter_view = enough_test_must_find_by_id (GTK_WIDGET (editor), "letter_view");
  g_assert_true (gtk_widget_is_focus (letter_view));
  g_assert_true (gtk_widget_has_css_class (letter_view, "letter-text"));
  g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (enough_test_must_find_by_id (GTK_WIDGET (editor),
                                                                     "hints_expander"))));
  type_into (letter_view, letter_text);
  g_assert_cmpstr (enough_letter_get_text (letter), ==, letter_text);

  /* Step 3: "this evening" is 19:00 today; then 15 minutes instead. */
  click (next);
  g_assert_cmpuint (enough_letter_get_step (letter), ==, 2);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (step_label)), ==, "Step 3 of 3");
  choose_reread (editor, "This evening");
  g_assert_cmpint (enough_letter_get_reread (letter), ==, ENOUGH_REREAD_EVENING);
  g_assert_cmpint (enough_letter_get_reread_at (letter), ==,
                   g_date_time_to_unix (evening) * G_USEC_PER_SEC);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (enough_test_must_find_by_id (GTK_WIDGET (editor),
                                                                       "reminder_label"))),
                            "today at"));
  choose_reread (editor, "In 15 minutes");
  g_assert_cmpint (enough_letter_get_reread (letter), ==, ENOUGH_REREAD_15_MINUTES);
  g_assert_cmpint (enough_letter_get_reread_at (letter), ==, fixture->now + 15 * G_TIME_SPAN_MINUTE);

  /* Done: the reading view, with the letter and the offer to mark it read. */
  click (next);
  g_assert_true (enough_letter_page_is_reading (page));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (enough_test_must_find_by_id (GTK_WIDGET (reader), "text_label"))),
                   ==, letter_text);
  g_assert_true (gtk_widget_get_visible (enough_test_must_find_by_id (GTK_WIDGET (reader), "reread_box")));
  row = find_row (page, letter);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (enough_test_must_find_by_id (GTK_WIDGET (row), "due_image")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (enough_test_must_find_by_id (GTK_WIDGET (row), "title_label"))),
                   ==, situation);

  /* Not due yet: no notification. */
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 0);
  enough_test_drain_main_context ();
  g_assert_cmpuint (enough_test_notifications_get ()->len, ==, fixture->n_notes_before);

  /* Sixteen minutes later: one notification, and only one. (The check
   * reads saved rows; in sixteen real minutes the save is long done, on a
   * busy machine the writer may not be yet.) */
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  fixture->now += 16 * G_TIME_SPAN_MINUTE;
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 1);
  enough_test_notifications_wait (fixture->n_notes_before + 1);
  note = g_ptr_array_index (enough_test_notifications_get (), fixture->n_notes_before);
  g_assert_cmpstr (note->summary, ==, "A Gentle Reminder");
  g_assert_null (strstr (note->body, "mistake"));   /* no letter text on a lock screen */
  /* not even that there is a letter */
  g_assert_null (strstr (note->summary, "etter"));
  g_assert_null (strstr (note->body, "etter"));
  g_assert_true (g_strv_contains ((const char * const *) note->actions, "default"));
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 0);
  g_assert_true (gtk_widget_get_visible (enough_test_must_find_by_id (GTK_WIDGET (row), "due_image")));

  /* Elsewhere in the app when the user clicks the notification. */
  gtk_widget_activate_action (GTK_WIDGET (page), "letters.edit", NULL);
  g_assert_false (enough_letter_page_is_reading (page));
  enough_window_show_page (test->window, "critic");
  enough_test_notifications_invoke_default (note);
  wait_for_letter_shown (test);
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "letters");
  g_assert_true (enough_letter_page_is_reading (page));
  g_assert_true (enough_letter_reader_get_letter (reader) == letter);
  g_assert_true (gtk_widget_get_mapped (enough_test_must_find_by_id (GTK_WIDGET (reader), "text_label")));

  /* Reread: record when, then the sentence to carry, set apart. */
  fixture->now += 5 * G_TIME_SPAN_MINUTE;
  click (enough_test_must_find_by_id (GTK_WIDGET (reader), "read_button"));
  g_assert_cmpint (enough_letter_get_reread_done_at (letter), ==, fixture->now);
  g_assert_false (gtk_widget_get_visible (enough_test_must_find_by_id (GTK_WIDGET (reader), "reread_box")));
  {
    GtkWidget *entry = enough_test_must_find_by_id (GTK_WIDGET (reader), "takeaway_entry");
    /* The window's focus widget (has_focus also needs an active window). */
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (test->window));

    g_assert_true (gtk_widget_get_visible (entry));
    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, entry));
    gtk_editable_set_text (GTK_EDITABLE (entry), takeaway);
    g_assert_cmpstr (enough_letter_get_takeaway (letter), ==, takeaway);
    g_signal_emit_by_name (entry, "activate");
    g_assert_false (gtk_widget_get_visible (entry));
  }
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (enough_test_must_find_by_id (GTK_WIDGET (reader), "takeaway_label"))),
                   ==, takeaway);
  g_assert_true (gtk_widget_get_visible (enough_test_must_find_by_id (GTK_WIDGET (reader), "takeaway_label")));

  /* No longer due: the mark goes at the next check, and no new reminder. */
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 0);
  g_assert_false (gtk_widget_get_visible (enough_test_must_find_by_id (GTK_WIDGET (row), "due_image")));

  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enough_store_get_n_pending (store), ==, 0);

  fixture->n_notes_before = enough_test_notifications_get ()->len;
}

static void
check_letter_after_restart (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughStore *store = enough_test_use_fake_clock (test, &fixture->now);
  EnoughLetterPage *page = show_letters (test);
  EnoughLetterReader *reader = enough_letter_page_get_reader (page);
  GListModel *letters = enough_store_get_letters (store);
  g_autoptr(EnoughLetter) stored = NULL;
  EnoughLetter *letter;

  /* What the store read back from disk. */
  g_assert_cmpuint (g_list_model_get_n_items (letters), ==, 1);
  stored = g_list_model_get_item (letters, 0);
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (stored)), ==, fixture->uuid);
  g_assert_cmpstr (enough_letter_get_not_good_enough (stored), ==, situation);
  g_assert_cmpuint (enough_letter_get_feelings (stored), ==,
                    ENOUGH_FEELING_ANXIOUS | ENOUGH_FEELING_TIRED);
  g_assert_cmpstr (enough_letter_get_text (stored), ==, letter_text);
  g_assert_cmpuint (enough_letter_get_step (stored), ==, 2);
  g_assert_cmpint (enough_letter_get_reread (stored), ==, ENOUGH_REREAD_15_MINUTES);
  g_assert_cmpint (enough_letter_get_reread_done_at (stored), ==, fixture->now);
  g_assert_cmpstr (enough_letter_get_takeaway (stored), ==, takeaway);

  /* What the page shows: the letter, for reading, with its sentence. */
  letter = enough_letter_page_get_letter (page);
  g_assert_true (letter == stored);
  g_assert_true (enough_letter_page_is_reading (page));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (enough_test_must_find_by_id (GTK_WIDGET (reader), "text_label"))),
                   ==, letter_text);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (enough_test_must_find_by_id (GTK_WIDGET (reader), "takeaway_label"))),
                   ==, takeaway);
  g_assert_true (gtk_widget_get_visible (enough_test_must_find_by_id (GTK_WIDGET (reader), "takeaway_box")));
  g_assert_false (gtk_widget_get_visible (enough_test_must_find_by_id (GTK_WIDGET (reader), "reread_box")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (enough_test_must_find_by_id (GTK_WIDGET (reader),
                                                                       "feelings_label"))),
                            "Tired"));

  /* Already reread: nothing to remind at start-up. */
  g_assert_cmpuint (enough_reminders_check_now (enough_application_get_reminders (test->app)), ==, 0);
  enough_test_drain_main_context ();
  g_assert_cmpuint (enough_test_notifications_get ()->len, ==, fixture->n_notes_before);

  /* Edit goes back to the steps, where the letter was left. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "letters.edit", NULL));
  g_assert_false (enough_letter_page_is_reading (page));
  g_assert_cmpuint (enough_letter_editor_get_step (enough_letter_page_get_editor (page)), ==, 2);
}

static void
test_write_remind_reread_restart (Fixture       *fixture,
                                  gconstpointer  data)
{
  fixture->n_notes_before = enough_test_notifications_get ()->len;
  enough_test_run_app (write_letter, fixture);
  enough_test_run_app (check_letter_after_restart, fixture);
}

/* ---- Half-written letters reopen where they were ------------------------ */

static void
start_letter_with_shortcut (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughLetterPage *page = show_letters (test);
  EnoughLetterEditor *editor = enough_letter_page_get_editor (page);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (page));
  GtkShortcut *ctrl_n = NULL;
  EnoughLetter *letter;

  enough_test_use_fake_clock (test, &fixture->now);

  /* The page answers Ctrl+N (a managed shortcut, so it also works while the
   * focus is in the header bar). */
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && ctrl_n == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_MANAGED)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (g_str_equal (trigger, "<Control>n") && g_str_equal (action, "action(letters.new)"))
            ctrl_n = shortcut;
        }
    }
  g_assert_nonnull (ctrl_n);

  /* Hidden behind another page, it leaves Ctrl+N to that page. */
  enough_window_show_page (test->window, "critic");
  enough_test_drain_main_context ();
  g_assert_false (gtk_shortcut_action_activate (gtk_shortcut_get_action (ctrl_n), 0,
                                                GTK_WIDGET (page), NULL));
  g_assert_null (enough_letter_page_get_letter (page));
  show_letters (test);

  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (ctrl_n), 0,
                                               GTK_WIDGET (page), NULL));
  enough_test_drain_main_context ();

  letter = enough_letter_page_get_letter (page);
  g_assert_nonnull (letter);
  fixture->uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (letter)));
  type_into (enough_test_must_find_by_id (GTK_WIDGET (editor), "not_good_enough_view"), situation);
  click (enough_test_must_find_by_id (GTK_WIDGET (editor), "next_button"));
  type_into (enough_test_must_find_by_id (GTK_WIDGET (editor), "letter_view"), "Dear me, half");
  /* Quitting flushes: no explicit save. */
}

static void
check_half_written (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughLetterPage *page = show_letters (test);
  EnoughLetterEditor *editor = enough_letter_page_get_editor (page);
  EnoughLetter *letter = enough_letter_page_get_letter (page);
  g_autofree char *text = NULL;

  g_assert_nonnull (letter);
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (letter)), ==, fixture->uuid);
  g_assert_false (enough_letter_page_is_reading (page));
  g_assert_cmpuint (enough_letter_editor_get_step (editor), ==, 1);
  text = buffer_text (enough_test_must_find_by_id (GTK_WIDGET (editor), "letter_view"));
  g_assert_cmpstr (text, ==, "Dear me, half");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (enough_test_must_find_by_id (GTK_WIDGET (editor), "step_label"))),
                   ==, "Step 2 of 3");
}

static void
test_half_written_reopens (Fixture       *fixture,
                           gconstpointer  data)
{
  enough_test_run_app (start_letter_with_shortcut, fixture);
  enough_test_run_app (check_half_written, fixture);
}

/* ---- A reread that fell due while the app was closed ------------------- */

static void
plan_reread_yesterday (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughLetterPage *page = show_letters (test);
  EnoughLetterEditor *editor;
  EnoughLetter *letter;

  /* Written "yesterday": the 15-minute reminder is long due by now. */
  fixture->now = g_get_real_time () - G_TIME_SPAN_DAY;
  enough_test_use_fake_clock (test, &fixture->now);

  letter = enough_letter_page_new_letter (page);
  fixture->uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (letter)));
  editor = enough_letter_page_get_editor (page);
  type_into (enough_test_must_find_by_id (GTK_WIDGET (editor), "not_good_enough_view"), situation);
  enough_letter_editor_set_step (editor, 2);
  choose_reread (editor, "In 15 minutes");
  g_assert_cmpint (enough_letter_get_reread_at (letter), <, g_get_real_time ());

  fixture->n_notes_before = enough_test_notifications_get ()->len;
}

static void
check_reminded_at_start (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughLetterPage *page = ENOUGH_LETTER_PAGE (enough_window_get_page (test->window, "letters"));
  EnoughTestNote *note;

  /* The real clock this time: the check at start-up found it due. */
  enough_test_notifications_wait (fixture->n_notes_before + 1);
  note = g_ptr_array_index (enough_test_notifications_get (), fixture->n_notes_before);
  g_assert_cmpstr (note->summary, ==, "A Gentle Reminder");

  enough_window_show_page (test->window, "self-check");
  enough_test_notifications_invoke_default (note);
  wait_for_letter_shown (test);
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "letters");
  g_assert_true (enough_letter_page_is_reading (page));
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (enough_letter_page_get_letter (page))),
                   ==, fixture->uuid);
  g_assert_true (gtk_widget_get_visible (enough_test_must_find_by_id (GTK_WIDGET (enough_letter_page_get_reader (page)),
                                                    "reread_box")));
  /* The row in the list carries the "due" mark. */
  g_assert_true (gtk_widget_get_visible (enough_test_must_find_by_id (GTK_WIDGET (find_row (page, enough_letter_page_get_letter (page))),
                                                    "due_image")));
}

static void
test_reminder_due_at_start (Fixture       *fixture,
                            gconstpointer  data)
{
  enough_test_run_app (plan_reread_yesterday, fixture);
  enough_test_run_app (check_reminded_at_start, fixture);
}

/* ---- Delete offers Undo -------------------------------------------------- */

static void
delete_and_undo (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughStore *store = enough_test_use_fake_clock (test, &fixture->now);
  EnoughLetterPage *page = show_letters (test);
  GListModel *letters = enough_store_get_letters (store);
  g_autoptr(EnoughLetter) letter = NULL;
  GtkWidget *overlay, *undo;

  letter = g_object_ref (enough_letter_page_new_letter (page));
  g_assert_cmpuint (g_list_model_get_n_items (letters), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "letters.delete", NULL));
  undo = enough_test_hold_undo_toast (GTK_WIDGET (test->window));
  enough_test_drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (letters), ==, 0);
  g_assert_null (enough_letter_page_get_letter (page));

  overlay = enough_test_find_descendant (GTK_WIDGET (test->window), ADW_TYPE_TOAST_OVERLAY, NULL);
  g_assert_true (enough_test_find_descendant (overlay, GTK_TYPE_BUTTON, "_Undo") == undo);
  g_signal_emit_by_name (undo, "clicked");
  enough_test_drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (letters), ==, 1);
  g_assert_true (enough_letter_page_get_letter (page) == letter);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_run_app (delete_and_undo, fixture);
}

/* The toast (libadwaita's private AdwToastWidget) that holds @child. */
static GtkWidget *
toast_of (GtkWidget *child)
{
  GType toast_widget_type = g_type_from_name ("AdwToastWidget");

  g_assert_cmpuint (toast_widget_type, !=, 0);
  return gtk_widget_get_ancestor (child, toast_widget_type);
}

/* The Undo toast is as wide as libadwaita's own toasts with a button (450
 * px with its margins) where there is room, and where there is not it
 * makes its words shorter, never the window wider: at 360 px the window
 * keeps its size and the whole Undo button shows. */
static gboolean
toast_laid_out (gpointer data)
{
  GtkWidget *toast = toast_of (data);

  return gtk_widget_get_mapped (data) && toast != NULL && gtk_widget_get_width (toast) > 0;
}

static void
check_toast_size (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  gboolean narrow = fixture->width < 450;
  EnoughLetterPage *page;
  GtkWidget *window = GTK_WIDGET (test->window);
  GtkWidget *overlay, *undo, *toast;
  graphene_rect_t bounds;
  int width, minimum;

  enough_test_use_fake_clock (test, &fixture->now);
  page = show_letters (test);
  enough_letter_page_new_letter (page);
  width = gtk_widget_get_width (window);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (width, <=, fixture->width);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "letters.delete", NULL));
  undo = enough_test_hold_undo_toast (window);
  g_assert_true (enough_test_wait_until (toast_laid_out, undo, 30));
  toast = toast_of (undo);
  overlay = gtk_widget_get_ancestor (toast, ADW_TYPE_TOAST_OVERLAY);

  /* (The window's own size, its frame's margins too.) */
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, fixture->width);
  g_assert_true (gtk_widget_compute_bounds (undo, overlay, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (overlay));
  if (narrow)
    g_assert_cmpint (gtk_widget_get_width (toast), <, 450 - 24);
  else
    g_assert_cmpint (gtk_widget_get_width (toast), ==, 450 - 24);  /* less its margins */
}

static void
test_toast_size (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  fixture->width = GPOINTER_TO_INT (data);
  g_settings_set_int (settings, "window-width", fixture->width);
  enough_test_run_app (check_toast_size, fixture);
}

/* Undo at once, while the toast is still sliding in, and then no frame for
 * longer than its slide-in and slide-out (a busy machine): libadwaita 1.2
 * ends both in one frame, the slide-out first, and its toast overlay then
 * reads the toast it freed (fixed in libadwaita 1.3). So the app lets the
 * toast go only once its slide-in is over: until then it is not sliding
 * out (a toast sliding out takes no pointer). */
static gboolean
undo_button_gone (gpointer data)
{
  return enough_test_find_descendant (data, GTK_TYPE_BUTTON, "_Undo") == NULL;
}

/* The toast on its way out has gone and the next one is shown. */
typedef struct
{
  GtkWidget *overlay;
  GtkWidget *old_undo;
} NextToast;

static gboolean
next_toast_shown (gpointer data)
{
  NextToast *next = data;
  GtkWidget *undo = enough_test_find_descendant (next->overlay, GTK_TYPE_BUTTON, "_Undo");

  return undo != NULL && undo != next->old_undo && gtk_widget_get_mapped (undo);
}

static void
undo_while_sliding_in (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughStore *store = enough_test_use_fake_clock (test, &fixture->now);
  EnoughLetterPage *page = show_letters (test);
  GListModel *letters = enough_store_get_letters (store);
  GtkWidget *overlay;
  guint checked = 0;

  overlay = enough_test_find_descendant (GTK_WIDGET (test->window), ADW_TYPE_TOAST_OVERLAY, NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(EnoughLetter) letter = NULL;
      GtkWidget *undo, *toast;
      gint64 deleted;

      letter = g_object_ref (enough_letter_page_new_letter (page));
      enough_letter_set_not_good_enough (letter, "The deadline.");
      /* The slide-in begins after this, as the toast comes. */
      deleted = g_get_monotonic_time ();
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "letters.delete", NULL));
      undo = enough_test_find_descendant (overlay, GTK_TYPE_BUTTON, "_Undo");
      g_assert_nonnull (undo);
      toast = toast_of (undo);
      g_assert_nonnull (toast);
      g_assert_true (gtk_widget_get_can_target (toast));

      g_signal_emit_by_name (undo, "clicked");
      enough_test_drain_main_context ();
      g_assert_true (enough_letter_page_get_letter (page) == letter);
      g_assert_false (enough_record_is_deleted (ENOUGH_RECORD (letter)));
      /* Still sliding in (unless this machine took that long): not
       * sliding out yet. */
      if (g_get_monotonic_time () - deleted < 550 * G_TIME_SPAN_MILLISECOND)
        {
          g_assert_true (gtk_widget_get_can_target (toast));
          checked++;
        }

      /* No frame for 0.7 s, then frames again until the toast has gone. */
      g_usleep (700 * G_TIME_SPAN_MILLISECOND);
      g_assert_true (enough_test_wait_until (undo_button_gone, overlay, 30));
    }
  g_assert_cmpuint (g_list_model_get_n_items (letters), ==, 3);
  if (checked == 0)
    g_test_message ("every Undo came after the toast's slide-in on this machine");

  /* A toast on its way out undoes nothing more: not a deletion made
   * since, which has a toast of its own. */
  {
    g_autoptr(EnoughLetter) first = g_object_ref (enough_letter_page_new_letter (page));
    g_autoptr(EnoughLetter) second = NULL;
    GtkWidget *old_undo, *new_undo;
    NextToast next;

    enough_letter_set_not_good_enough (first, "The deadline.");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "letters.delete", NULL));
    old_undo = g_object_ref (enough_test_find_descendant (overlay, GTK_TYPE_BUTTON, "_Undo"));
    g_signal_emit_by_name (old_undo, "clicked");
    g_assert_false (enough_record_is_deleted (ENOUGH_RECORD (first)));
    second = g_object_ref (enough_letter_page_new_letter (page));
    enough_letter_set_not_good_enough (second, "The exam.");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "letters.delete", NULL));
    g_signal_emit_by_name (old_undo, "clicked");
    enough_test_drain_main_context ();
    g_assert_true (enough_record_is_deleted (ENOUGH_RECORD (second)));
    g_assert_false (enough_record_is_deleted (ENOUGH_RECORD (first)));

    /* Its own toast's Undo brings it back, once that toast is shown. */
    next.overlay = overlay;
    next.old_undo = old_undo;
    g_assert_true (enough_test_wait_until (next_toast_shown, &next, 30));
    g_object_unref (old_undo);
    new_undo = enough_test_find_descendant (overlay, GTK_TYPE_BUTTON, "_Undo");
    g_signal_emit_by_name (new_undo, "clicked");
    enough_test_drain_main_context ();
    g_assert_false (enough_record_is_deleted (ENOUGH_RECORD (second)));
  }
}

static void
test_undo_while_sliding_in (Fixture       *fixture,
                            gconstpointer  data)
{
  enough_test_run_app (undo_while_sliding_in, fixture);
}

/* A letter never written in is not kept when left; one with a word is. */
static void
leave_empty (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughStore *store = enough_test_use_fake_clock (test, &fixture->now);
  EnoughLetterPage *page = show_letters (test);
  GListModel *letters = enough_store_get_letters (store);
  g_autoptr(EnoughLetter) empty = NULL;
  g_autoptr(EnoughLetter) written = NULL;

  empty = g_object_ref (enough_letter_page_new_letter (page));
  enough_letter_set_text (empty, "  \n ");
  written = g_object_ref (enough_letter_page_new_letter (page));
  enough_test_drain_main_context ();
  g_assert_true (enough_record_is_deleted (ENOUGH_RECORD (empty)));
  g_assert_cmpuint (g_list_model_get_n_items (letters), ==, 1);
  /* Quietly: no toast. */
  g_assert_null (enough_test_find_descendant (GTK_WIDGET (test->window), GTK_TYPE_BUTTON, "_Undo"));
  g_assert_true (enough_letter_page_get_letter (page) == written);

  enough_letter_set_not_good_enough (written, "The deadline.");
  enough_letter_page_new_letter (page);
  enough_test_drain_main_context ();
  g_assert_false (enough_record_is_deleted (ENOUGH_RECORD (written)));
  g_assert_cmpuint (g_list_model_get_n_items (letters), ==, 2);
}

static void
test_leave_empty (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_run_app (leave_empty, fixture);
}

/* ---- A journal of years ------------------------------------------------ */

#define MANY_LETTERS 75

static EnoughLetter *
write_letters (EnoughTestApp *test,
               Fixture       *fixture)
{
  EnoughStore *store = enough_test_use_fake_clock (test, &fixture->now);
  EnoughLetter *oldest = NULL;

  for (guint i = 0; i < MANY_LETTERS; i++)
    {
      g_autoptr(EnoughLetter) letter = enough_store_create_letter (store);
      g_autofree char *name = g_strdup_printf ("Letter %u", i);

      enough_letter_set_not_good_enough (letter, name);
      enough_letter_set_reread (letter, ENOUGH_REREAD_NEVER, 0);
      if (i == 0)
        oldest = g_object_ref (letter);
      fixture->now += G_TIME_SPAN_MINUTE;
    }
  return oldest;
}

/* The page appears at once (a crossfade would draw the whole window again
 * for each of its frames); its list holds the newest letters and grows as
 * it is scrolled, or to an older letter opened from elsewhere. */
static void
long_journal (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  g_autoptr(EnoughLetter) oldest = NULL;
  EnoughLetterPage *page;
  GtkListView *list;
  GListModel *model;
  guint shown;

  oldest = write_letters (test, fixture);
  page = ENOUGH_LETTER_PAGE (enough_test_show_page_at_once (test, "letters", ENOUGH_TYPE_LETTER_PAGE, "letters"));
  enough_test_drain_main_context ();
  g_assert_true (enough_letter_page_is_reading (page));
  /* The view not shown is hidden, not only out of sight (GTK would style
   * it with the page). */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (enough_letter_page_get_reader (page))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (enough_letter_page_get_editor (page))));

  list = enough_letter_page_get_list_view (page);
  model = G_LIST_MODEL (gtk_list_view_get_model (list));
  shown = g_list_model_get_n_items (model);
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, MANY_LETTERS);

  /* The oldest, as from search: the list reaches it, its row selected. */
  g_assert_true (enough_letter_page_open_letter (page, enough_record_get_uuid (ENOUGH_RECORD (oldest)), TRUE));
  g_assert_true (enough_letter_page_get_letter (page) == oldest);
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)) == (gpointer) oldest);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, MANY_LETTERS);
}

/* Scrolled to its end, the list grows a page at a time to the oldest. */
static void
long_journal_scrolled (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  g_autoptr(EnoughLetter) oldest = write_letters (test, fixture);
  EnoughLetterPage *page = show_letters (test);
  GtkListView *list = enough_letter_page_get_list_view (page);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(EnoughLetter) last = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), <, MANY_LETTERS);
  enough_test_scroll_list_to_end (list, MANY_LETTERS);
  last = g_list_model_get_item (model, MANY_LETTERS - 1);
  g_assert_true (last == oldest);
}

static void
test_long_journal (Fixture       *fixture,
                   gconstpointer  data)
{
  enough_test_run_app (long_journal, fixture);
  enough_test_end (&fixture->data_dir);
  fixture->data_dir = enough_test_begin ();
  enough_test_run_app (long_journal_scrolled, fixture);
}

/* ---- Reminder times ---------------------------------------------------- */

static gint64
at (GTimeZone *tz, int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (tz, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static void
test_reread_times (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (2 * 3600);
  gint64 morning = at (tz, 2026, 3, 10, 10, 0);
  gint64 late = at (tz, 2026, 3, 10, 20, 30);

  g_assert_cmpint (enough_reminders_compute_reread_at (ENOUGH_REREAD_15_MINUTES, morning, tz),
                   ==, morning + 15 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (enough_reminders_compute_reread_at (ENOUGH_REREAD_EVENING, morning, tz),
                   ==, at (tz, 2026, 3, 10, 19, 0));
  /* Already evening: an hour from now. */
  g_assert_cmpint (enough_reminders_compute_reread_at (ENOUGH_REREAD_EVENING, late, tz),
                   ==, late + G_TIME_SPAN_HOUR);
  g_assert_cmpint (enough_reminders_compute_reread_at (ENOUGH_REREAD_TOMORROW, late, tz),
                   ==, at (tz, 2026, 3, 11, 9, 0));
  /* Across the end of a month. */
  g_assert_cmpint (enough_reminders_compute_reread_at (ENOUGH_REREAD_NEXT_WEEK,
                                                       at (tz, 2026, 3, 28, 23, 0), tz),
                   ==, at (tz, 2026, 4, 4, 9, 0));
  g_assert_cmpint (enough_reminders_compute_reread_at (ENOUGH_REREAD_NEVER, morning, tz), ==, 0);
  g_assert_cmpint (enough_reminders_compute_reread_at (ENOUGH_REREAD_UNSET, morning, tz), ==, 0);
}

static void
test_reread_times_dst (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  gint64 before;

  if (berlin == NULL)
    {
      g_test_skip ("no time zone data");
      return;
    }

  /* Clocks go forward on 29 March 2026: 09:00 the next day is still 09:00. */
  before = at (berlin, 2026, 3, 28, 12, 0);
  g_assert_cmpint (enough_reminders_compute_reread_at (ENOUGH_REREAD_TOMORROW, before, berlin),
                   ==, at (berlin, 2026, 3, 29, 9, 0));
  g_assert_cmpint (at (berlin, 2026, 3, 29, 9, 0) - before, ==, 20 * G_TIME_SPAN_HOUR);
}

static void
test_row_day (void)
{
  gint64 now = g_get_real_time ();
  g_autofree char *today = enough_dates_format_day (now, now);
  g_autofree char *yesterday = enough_dates_format_day (now - G_TIME_SPAN_DAY, now);
  g_autofree char *earlier = enough_dates_format_day (now - 10 * G_TIME_SPAN_DAY, now);

  g_assert_cmpstr (today, ==, "Today");
  g_assert_cmpstr (yesterday, ==, "Yesterday");
  g_assert_cmpstr (earlier, !=, "Yesterday");
  g_assert_cmpstr (earlier, !=, "Today");
  g_assert_cmpstr (earlier, !=, "");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* A private session bus: our fake notification server, nobody else's. */
  test_bus = enough_test_private_bus_up ();

  enough_test_gui_init (&argc, &argv);
  enough_test_notifications_start ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/letter-page/reread-times", test_reread_times);
  g_test_add_func ("/letter-page/reread-times-dst", test_reread_times_dst);
  g_test_add_func ("/letter-page/row-day", test_row_day);
  ADD ("/letter-page/write-remind-reread-restart", test_write_remind_reread_restart);
  ADD ("/letter-page/half-written-reopens", test_half_written_reopens);
  ADD ("/letter-page/reminder-due-at-start", test_reminder_due_at_start);
  ADD ("/letter-page/delete-undo", test_delete_undo);
  ADD ("/letter-page/undo-while-sliding-in", test_undo_while_sliding_in);
  g_test_add ("/letter-page/undo-toast-size/wide", Fixture, GINT_TO_POINTER (1000),
              fixture_setup, test_toast_size, fixture_teardown);
  g_test_add ("/letter-page/undo-toast-size/narrow", Fixture, GINT_TO_POINTER (360),
              fixture_setup, test_toast_size, fixture_teardown);
  ADD ("/letter-page/leave-empty", test_leave_empty);
  ADD ("/letter-page/long-journal", test_long_journal);

#undef ADD

  status = g_test_run ();

  enough_test_notifications_stop ();
  /* Stop, not down: GTK keeps the shared session connection to the end,
   * which g_test_dbus_down() would wait for in vain. */
  g_test_dbus_stop (test_bus);

  return status;
}
