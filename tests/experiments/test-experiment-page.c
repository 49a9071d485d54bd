/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
/* The Experiments page, driven in-process through the real application:
 * writing a whole experiment through its widgets and finding it all again
 * after a restart; the day coming (a fake clock, a fake notification
 * server on a private D-Bus) turning it "ready to look back"; the critic's
 * "Test this as an experiment"; a search result opening its field. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "enough-experiment-editor.h"
#include "enough-experiment-page.h"
#include "enough-experiment-row.h"
#include "enough-gui-test-utils.h"
#include "enough-item-bank.h"
#include "enough-limits.h"
#include "enough-self-check-results.h"
#include "enough-reminders.h"
#include "enough-test-notifications.h"
#include "enough-test-utils.h"
#include "enough-turn-row.h"

static GTestDBus *test_bus;

/* ---- Fixture and helpers --------------------------------------------- */

typedef struct
{
  char   *data_dir;
  gint64  now;           /* the fake clock */
  char   *uuid;          /* the experiment under test */
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
  g_signal_emit_by_name (button, "clicked");
  enough_test_drain_main_context ();
}

static void
type_into (GtkWidget  *view,
           const char *text)
{
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static char *
buffer_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Returns whether the key did something (FALSE: unbound, or its action
 * is disabled right now). */
static gboolean
try_key (GtkWidget       *widget,
         guint            keyval,
         GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint c = 0; c < g_list_model_get_n_items (controllers) && !handled; c++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                      GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                      widget,
                                                      gtk_shortcut_get_arguments (shortcut));
              break;
            }
        }
    }

  enough_test_drain_main_context ();
  return handled;
}

static EnoughExperimentPage *
show_experiments (EnoughTestApp *test)
{
  enough_window_show_page (test->window, "experiments");
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "experiments");
  return ENOUGH_EXPERIMENT_PAGE (enough_window_get_page (test->window, "experiments"));
}

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  experiment)
{
  return ENOUGH_IS_EXPERIMENT_ROW (widget) &&
         enough_experiment_row_get_experiment (ENOUGH_EXPERIMENT_ROW (widget)) == experiment;
}

static EnoughExperimentRow *
find_row (EnoughExperimentPage *page,
          EnoughExperiment     *experiment)
{
  GtkWidget *row;

  enough_test_drain_main_context ();
  row = enough_test_find_first (GTK_WIDGET (enough_experiment_page_get_list_view (page)),
                                is_row_of, experiment);
  g_assert_nonnull (row);
  return ENOUGH_EXPERIMENT_ROW (row);
}

static const char *
row_status (EnoughExperimentRow *row)
{
  return gtk_label_get_label (GTK_LABEL (enough_test_must_find_by_id (GTK_WIDGET (row), "status_label")));
}

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  label)
{
  g_autofree char *name = NULL;

  if (!GTK_IS_CHECK_BUTTON (widget))
    return FALSE;
  /* The kind's name is the first label inside the choice. */
  for (GtkWidget *w = gtk_check_button_get_child (GTK_CHECK_BUTTON (widget)); w != NULL;
       w = gtk_widget_get_first_child (w))
    if (GTK_IS_LABEL (w))
      return g_strcmp0 (gtk_label_get_label (GTK_LABEL (w)), label) == 0;
  return FALSE;
}

static gboolean
is_row_of_turn (GtkWidget     *widget,
                gconstpointer  turn)
{
  return ENOUGH_IS_TURN_ROW (widget) && enough_turn_row_get_turn (ENOUGH_TURN_ROW (widget)) == turn;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0;
}

/* Everything of the experiment, set through the page's widgets. */
static const char *const texts[] = {
  "If I send the report early, my manager will think I am careless.",
  "She will frown at the typo and say nothing.",
  "Send it on Thursday after one read-through.",
  "Wanting to reread it. Then I will close the laptop.",
  "Drafts are allowed to be rough.",
  "She thanked me and asked one question.",
  "Early is useful to others.",
};
static const EnoughSearchField fields[] = {
  ENOUGH_SEARCH_FIELD_BELIEF, ENOUGH_SEARCH_FIELD_PREDICTION, ENOUGH_SEARCH_FIELD_ACTION,
  ENOUGH_SEARCH_FIELD_OBSTACLES, ENOUGH_SEARCH_FIELD_ALTERNATIVE, ENOUGH_SEARCH_FIELD_OUTCOME,
  ENOUGH_SEARCH_FIELD_LEARNED,
};
static const int ratings[] = { 80, 70, 30, 45, 60 };

static void
write_experiment (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughExperimentPage *page = ENOUGH_EXPERIMENT_PAGE (enough_window_get_page (test->window, "experiments"));
  EnoughExperimentEditor *editor;
  EnoughStore *store = enough_test_use_fake_clock (test, &fixture->now);
  EnoughExperiment *experiment;
  GtkWidget *kind;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 12, 0, 0, 0);
  g_autoptr(GError) error = NULL;

  /* Alt+4 shows the page; nothing yet: it invites to plan one; Ctrl+N does. */
  g_assert_true (try_key (GTK_WIDGET (test->window), GDK_KEY_4, GDK_ALT_MASK));
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "experiments");
  editor = enough_experiment_page_get_editor (page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (enough_test_must_find_by_id (GTK_WIDGET (page), "main_stack"))),
                   ==, "empty");
  g_assert_true (try_key (GTK_WIDGET (page), GDK_KEY_n, GDK_CONTROL_MASK));
  experiment = enough_experiment_page_get_experiment (page);
  g_assert_nonnull (experiment);
  fixture->uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (experiment)));
  g_assert_cmpstr (row_status (find_row (page, experiment)), ==, "Planned");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GtkWidget *view = enough_experiment_editor_get_field (editor, fields[i]);

      g_assert_nonnull (view);
      type_into (view, texts[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      GtkRange *scale = enough_experiment_editor_get_scale (editor, i);

      gtk_range_set_value (scale, ratings[i]);
    }
  kind = enough_test_find_first (GTK_WIDGET (editor), is_check_labelled, "Hand it in before it feels ready");
  g_assert_nonnull (kind);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kind), TRUE);

  /* Thursday the 12th at 14:30. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (enough_test_must_find_by_id (GTK_WIDGET (editor), "time_check")), TRUE);
  gtk_calendar_select_day (GTK_CALENDAR (enough_test_must_find_by_id (GTK_WIDGET (editor), "calendar")), day);
  g_signal_emit_by_name (enough_test_must_find_by_id (GTK_WIDGET (editor), "calendar"), "day-selected");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (enough_test_must_find_by_id (GTK_WIDGET (editor), "hour_spin")), 14);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (enough_test_must_find_by_id (GTK_WIDGET (editor), "minute_spin")), 30);
  enough_test_drain_main_context ();
  g_assert_true (enough_experiment_get_due_has_time (experiment));
  {
    g_autoptr(GDateTime) due = g_date_time_new_local (2026, 3, 12, 14, 30, 0);

    g_assert_cmpint (enough_experiment_get_due_at (experiment), ==, g_date_time_to_unix (due) * G_USEC_PER_SEC);
  }
  click (enough_test_must_find_by_id (GTK_WIDGET (editor), "came_true_no"));

  g_assert_cmpstr (enough_experiment_get_belief (experiment), ==, texts[0]);
  g_assert_cmpint (enough_experiment_get_belief_rating (experiment), ==, 80);
  g_assert_cmpint (enough_experiment_get_experiment_kind (experiment), ==, ENOUGH_EXPERIMENT_KIND_BEFORE_READY);
  g_assert_cmpint (enough_experiment_get_came_true (experiment), ==, ENOUGH_CAME_TRUE_NO);
  g_assert_cmpstr (row_status (find_row (page, experiment)), ==, "Done · from 80 % to 45 %");
  g_assert_cmpstr (enough_experiment_page_get_history (page), ==, "1 of 1 prediction did not happen as feared");
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  /* The next start opens on another page: the check below shows this one
   * the first time itself. */
  enough_window_show_page (test->window, "letters");
}

static void
check_after_restart (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughExperimentPage *page;
  EnoughExperimentEditor *editor;
  EnoughExperiment *experiment;

  /* Shown the first time, it appears at once. */
  enough_test_show_page_at_once (test, "experiments", ENOUGH_TYPE_EXPERIMENT_PAGE, "experiments");
  page = show_experiments (test);
  editor = enough_experiment_page_get_editor (page);

  enough_test_use_fake_clock (test, &fixture->now);
  experiment = enough_experiment_page_get_experiment (page);
  g_assert_nonnull (experiment);
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (experiment)), ==, fixture->uuid);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = buffer_text (enough_experiment_editor_get_field (editor, fields[i]));

      g_assert_cmpstr (text, ==, texts[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    g_assert_cmpfloat (gtk_range_get_value (enough_experiment_editor_get_scale (editor, i)), ==, ratings[i]);
  g_assert_cmpint (enough_experiment_get_prediction_likelihood (experiment), ==, 70);
  g_assert_cmpint (enough_experiment_get_alternative_after (experiment), ==, 60);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    enough_test_find_first (GTK_WIDGET (editor), is_check_labelled, "Hand it in before it feels ready"))));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (enough_test_must_find_by_id (GTK_WIDGET (editor), "came_true_no"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (enough_test_must_find_by_id (GTK_WIDGET (editor), "time_check"))));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (enough_test_must_find_by_id (GTK_WIDGET (editor), "hour_spin"))), ==, 14);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (enough_test_must_find_by_id (GTK_WIDGET (editor), "minute_spin"))), ==, 30);
  g_assert_cmpstr (row_status (find_row (page, experiment)), ==, "Done · from 80 % to 45 %");
  g_assert_cmpstr (enough_experiment_page_get_history (page), ==, "1 of 1 prediction did not happen as feared");
}

static void
test_write_restart (Fixture       *fixture,
                    gconstpointer  data)
{
  enough_test_run_app (write_experiment, fixture);
  enough_test_run_app (check_after_restart, fixture);
}

/* ---- The day comes --------------------------------------------------------- */

static gboolean
experiment_shown (gpointer data)
{
  EnoughTestApp *test = data;
  Fixture *fixture = test->user_data;
  EnoughExperimentPage *page = ENOUGH_EXPERIMENT_PAGE (enough_window_get_page (test->window, "experiments"));
  EnoughExperiment *open = enough_experiment_page_get_experiment (page);

  return g_strcmp0 (enough_window_get_visible_page (test->window), "experiments") == 0 &&
         open != NULL && g_strcmp0 (enough_record_get_uuid (ENOUGH_RECORD (open)), fixture->uuid) == 0;
}

static void
remind (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughExperimentPage *page = show_experiments (test);
  EnoughExperimentEditor *editor = enough_experiment_page_get_editor (page);
  EnoughReminders *reminders = enough_application_get_reminders (test->app);
  EnoughExperiment *experiment;
  EnoughExperimentRow *row;
  guint n_before = enough_test_notifications_get ()->len;
  g_autoptr(GDateTime) tomorrow = g_date_time_new_local (2026, 3, 11, 0, 0, 0);
  EnoughTestNote *note;

  enough_test_use_fake_clock (test, &fixture->now);
  experiment = enough_experiment_page_new_experiment (page, "Resting means I am lazy.");
  fixture->uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (experiment)));
  /* Unrated and 0 % are told apart, for the eye and the screen reader. */
  {
    GtkWidget *scale = GTK_WIDGET (enough_experiment_editor_get_scale (editor, 0));
    GtkWidget *value = enough_test_find_descendant (scale, GTK_TYPE_LABEL, NULL);

    g_assert_nonnull (value);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (value)), ==, "Not rated");
    enough_experiment_set_belief_rating (experiment, 0);
    enough_test_drain_main_context ();
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (value)), ==, "0 %");
    enough_experiment_set_belief_rating (experiment, ENOUGH_RATING_UNSET);
    enough_test_drain_main_context ();
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (value)), ==, "Not rated");
  }

  /* Tomorrow, without a time: 09:00. */
  gtk_calendar_select_day (GTK_CALENDAR (enough_test_must_find_by_id (GTK_WIDGET (editor), "calendar")), tomorrow);
  g_signal_emit_by_name (enough_test_must_find_by_id (GTK_WIDGET (editor), "calendar"), "day-selected");
  enough_test_drain_main_context ();
  g_assert_false (enough_experiment_get_due_has_time (experiment));
  row = find_row (page, experiment);
  g_assert_cmpstr (row_status (row), !=, "Planned");
  g_assert_true (g_str_has_prefix (row_status (row), "Planned for "));
  g_assert_false (gtk_widget_get_visible (enough_test_must_find_by_id (GTK_WIDGET (row), "due_image")));

  /* Not yet. */
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 0);

  /* The next morning at 09:00 it is due: a notification, and the list says so. */
  fixture->now += 23 * G_TIME_SPAN_HOUR;
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 1);
  enough_test_notifications_wait (n_before + 1);
  note = enough_test_notifications_get ()->pdata[n_before];
  g_assert_cmpstr (note->summary, ==, "A Gentle Reminder");
  g_assert_true (g_strv_contains ((const char *const *) note->actions, "default"));
  enough_test_drain_main_context ();
  g_assert_cmpstr (row_status (row), ==, "Ready to look back");
  g_assert_true (gtk_widget_get_visible (enough_test_must_find_by_id (GTK_WIDGET (row), "due_image")));
  g_assert_cmpint (enough_experiment_get_state (experiment, fixture->now), ==, ENOUGH_EXPERIMENT_DUE);
  /* Once per run. */
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 0);

  /* Another day: the old reminder is withdrawn, and the new day reminds
   * again (the reminders forgot it was announced). */
  {
    g_autoptr(GDateTime) later = g_date_time_new_local (2026, 3, 12, 0, 0, 0);

    gtk_calendar_select_day (GTK_CALENDAR (enough_test_must_find_by_id (GTK_WIDGET (editor), "calendar")), later);
    g_signal_emit_by_name (enough_test_must_find_by_id (GTK_WIDGET (editor), "calendar"), "day-selected");
  }
  enough_test_drain_main_context ();
  enough_experiment_page_refresh (page);
  g_assert_true (g_str_has_prefix (row_status (row), "Planned for "));
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 0);
  fixture->now += G_TIME_SPAN_DAY;
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 1);
  enough_test_notifications_wait (n_before + 2);
  note = enough_test_notifications_get ()->pdata[n_before + 1];
  enough_test_drain_main_context ();
  g_assert_cmpstr (row_status (row), ==, "Ready to look back");

  /* The notification opens it, from another page. */
  enough_window_show_page (test->window, "letters");
  enough_test_drain_main_context ();
  enough_test_notifications_invoke_default (note);
  enough_test_wait_until (experiment_shown, test, 30);

  /* Looking back makes it done: no more reminders. */
  type_into (enough_experiment_editor_get_field (editor, ENOUGH_SEARCH_FIELD_OUTCOME), "A quiet, good evening.");
  enough_test_drain_main_context ();
  g_assert_cmpstr (row_status (row), ==, "Done");
  g_assert_false (gtk_widget_get_visible (enough_test_must_find_by_id (GTK_WIDGET (row), "due_image")));
  fixture->now += G_TIME_SPAN_DAY;
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 0);
}

static void
test_remind (Fixture       *fixture,
             gconstpointer  data)
{
  enough_test_run_app (remind, fixture);
}

/* ---- From the Inner Critic, and from search ---------------------------- */

static void
critic_link (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughStore *store = enough_test_use_fake_clock (test, &fixture->now);
  g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (store);
  g_autoptr(EnoughTurn) turn = enough_store_add_turn (store, dialogue, -1, ENOUGH_SPEAKER_CRITIC,
                                                      "Everyone will see you cannot cope.");
  g_autoptr(EnoughTurn) answer = enough_store_add_turn (store, dialogue, -1, ENOUGH_SPEAKER_ME,
                                                        "I am coping, slowly.");
  GtkWidget *page = enough_window_get_page (test->window, "critic");
  GtkWidget *row;
  GtkWidget *item;
  EnoughExperimentPage *experiments;
  EnoughExperiment *experiment;

  enough_window_show_page (test->window, "critic");
  enough_test_drain_main_context ();
  enough_critic_page_open_dialogue (ENOUGH_CRITIC_PAGE (page), dialogue);
  enough_test_drain_main_context ();
  row = enough_test_find_first (page, is_row_of_turn, turn);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (row, "turn.menu", NULL));
  enough_test_drain_main_context ();
  item = enough_test_find_first (row, has_action, "turn.test-experiment");
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_is_visible (item));
  click (item);

  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "experiments");
  experiments = ENOUGH_EXPERIMENT_PAGE (enough_window_get_page (test->window, "experiments"));
  experiment = enough_experiment_page_get_experiment (experiments);
  g_assert_nonnull (experiment);
  g_assert_cmpstr (enough_experiment_get_belief (experiment), ==, "Everyone will see you cannot cope.");
  {
    g_autofree char *shown = buffer_text (enough_experiment_editor_get_field (
      enough_experiment_page_get_editor (experiments), ENOUGH_SEARCH_FIELD_BELIEF));

    g_assert_cmpstr (shown, ==, "Everyone will see you cannot cope.");
  }

  /* From another process too, kept within the typed text's limit. */
  {
    GString *huge = g_string_new (NULL);
    EnoughExperiment *big;

    while (huge->len <= ENOUGH_TEXT_MAX_BYTES)
      g_string_append (huge, "é");
    g_action_group_activate_action (G_ACTION_GROUP (test->app), "new-experiment",
                                    g_variant_new_take_string (g_string_free (huge, FALSE)));
    enough_test_drain_main_context ();
    big = enough_experiment_page_get_experiment (experiments);
    g_assert_true (big != experiment);
    g_assert_cmpuint (strlen (enough_experiment_get_belief (big)), ==, ENOUGH_TEXT_MAX_BYTES);
    g_assert_true (g_utf8_validate (enough_experiment_get_belief (big), -1, NULL));
    enough_store_delete (store, big);
    enough_experiment_page_open_experiment (experiments, enough_record_get_uuid (ENOUGH_RECORD (experiment)));
  }

  /* Only the critic's turns offer it. */
  enough_window_show_page (test->window, "critic");
  enough_test_drain_main_context ();
  row = enough_test_find_first (page, is_row_of_turn, answer);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (row, "turn.menu", NULL));
  enough_test_drain_main_context ();
  item = enough_test_find_first (row, has_action, "turn.test-experiment");
  g_assert_true (item == NULL || !gtk_widget_is_visible (item));
  gtk_popover_popdown (GTK_POPOVER (enough_test_find_descendant (row, GTK_TYPE_POPOVER, NULL)));
  enough_test_drain_main_context ();

  /* A search result opens its field, the match selected. */
  {
    g_autoptr(GListModel) results = NULL;
    g_autoptr(EnoughSearchResult) result = NULL;
    g_autoptr(GError) error = NULL;
    EnoughExperimentEditor *editor = enough_experiment_page_get_editor (experiments);
    GtkWidget *prediction = enough_experiment_editor_get_field (editor, ENOUGH_SEARCH_FIELD_PREDICTION);

    enough_experiment_set_prediction (experiment, "They will ask why it took so long.");
    g_assert_true (enough_store_flush (store, &error));
    g_assert_no_error (error);
    results = enough_store_search (store, "took so long", 10, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
    result = g_list_model_get_item (results, 0);
    g_assert_cmpint (enough_search_result_get_field (result), ==, ENOUGH_SEARCH_FIELD_PREDICTION);
    enough_window_show_page (test->window, "critic");
    enough_test_drain_main_context ();
    g_assert_true (enough_page_reveal (ENOUGH_PAGE (experiments), result, "took so long"));
    enough_test_drain_main_context ();
    g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "experiments");
    /* is_focus: has_focus also waits for the window's activation, late on a busy display. */
    g_assert_true (gtk_widget_is_focus (prediction));
    enough_test_assert_revealed (prediction, 21, 33);
  }
}

static void
test_critic_link (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_run_app (critic_link, fixture);
}

/* Self-Check results offer an experiment where fear of mistakes stands
 * out, and only there. Fear of mistakes (items 1 7 13 19, 7 reversed) all
 * 5s; every other part has one reversed item, so 2.0 at most. */
static void
set_answers (EnoughSelfCheck *check,
             const char      *answers)
{
  for (guint i = 0; answers[i] != '\0'; i++)
    enough_self_check_set_answer (check, i, (guint) (answers[i] - '0'));
}

static void
self_check_link (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughStore *store = enough_test_use_fake_clock (test, &fixture->now);
  g_autoptr(EnoughSelfCheck) fearful = enough_store_create_self_check (store, ENOUGH_ITEM_BANK_VERSION);
  g_autoptr(EnoughSelfCheck) worth = enough_store_create_self_check (store, ENOUGH_ITEM_BANK_VERSION);
  EnoughSelfCheckPage *page;
  EnoughSelfCheckResults *results;
  GtkWidget *button;
  EnoughExperimentPage *experiments;

  set_answers (fearful, "151111111111151111151111");
  enough_self_check_set_completed_at (fearful, fixture->now);
  /* Worth stands out here (tests/self-check's first check). */
  set_answers (worth, "123451234512345123451234");
  enough_self_check_set_completed_at (worth, fixture->now);

  enough_window_show_page (test->window, "self-check");
  enough_test_drain_main_context ();
  page = ENOUGH_SELF_CHECK_PAGE (enough_window_get_page (test->window, "self-check"));
  results = enough_self_check_page_get_results (page);
  button = enough_test_must_find_by_id (GTK_WIDGET (results), "experiment_button");

  enough_self_check_results_set_check (results, worth, NULL);
  g_assert_false (gtk_widget_get_visible (button));
  enough_self_check_results_set_check (results, fearful, NULL);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "app.new-experiment");
  g_signal_emit_by_name (button, "clicked");
  enough_test_drain_main_context ();

  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "experiments");
  experiments = ENOUGH_EXPERIMENT_PAGE (enough_window_get_page (test->window, "experiments"));
  g_assert_nonnull (enough_experiment_page_get_experiment (experiments));
  g_assert_cmpstr (enough_experiment_get_belief (enough_experiment_page_get_experiment (experiments)), ==, "");
}

static void
test_self_check_link (Fixture       *fixture,
                      gconstpointer  data)
{
  enough_test_run_app (self_check_link, fixture);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_bus = enough_test_private_bus_up ();

  enough_test_gui_init (&argc, &argv);
  enough_test_notifications_start ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/experiment-page/write-restart", test_write_restart);
  ADD ("/experiment-page/remind", test_remind);
  ADD ("/experiment-page/critic-link-and-search", test_critic_link);
  ADD ("/experiment-page/self-check-link", test_self_check_link);

#undef ADD

  status = g_test_run ();

  enough_test_notifications_stop ();
  g_test_dbus_stop (test_bus);
  return status;
}
