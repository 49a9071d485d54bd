/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
/* The Check-in page, driven in-process through the real application:
 * today's card filled from the keyboard and there again after a restart;
 * yesterday opened from the past days and changed; the chart's summary
 * and the "noticed together" lines; the daily reminder's notification
 * (on a fake notification server) at its time by the store's clock.
 * Keys are emitted as ::key-pressed on the widget's own key controller,
 * the handler a real key press reaches (GTK 4.8 has no public way to
 * inject a GdkEvent in-process). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "enough-checkin-page.h"
#include "enough-checkin-scale.h"
#include "enough-gui-test-utils.h"
#include "enough-reminders.h"
#include "enough-test-notifications.h"
#include "enough-test-utils.h"

static GTestDBus *test_bus;

typedef struct
{
  char   *data_dir;
  gint64  now;
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
}

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
}

static gboolean
has_id (GtkWidget     *widget,
        gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

static GtkWidget *
must_find (GtkWidget  *root,
           const char *id)
{
  GtkWidget *widget = enough_test_find_first (root, has_id, id);

  if (widget == NULL)
    g_error ("No widget with id %s", id);
  return widget;
}

/* Emits a key press on @widget's key controller; TRUE if it was taken. */
static gboolean
press (GtkWidget *widget,
       guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint c = 0; c < g_list_model_get_n_items (controllers) && !handled; c++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, c);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  enough_test_drain_main_context ();
  return handled;
}

static void
flush_store (EnoughStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
}

static gboolean
days_read (gpointer page)
{
  return !enough_checkin_page_get_loading (page);
}

static EnoughCheckinPage *
show_checkin (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughCheckinPage *page;

  enough_store_set_clock (enough_application_get_store (test->app), fake_clock, fixture);
  enough_window_show_page (test->window, "checkin");
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "checkin");
  page = ENOUGH_CHECKIN_PAGE (enough_window_get_page (test->window, "checkin"));
  enough_checkin_page_open_today (page);
  enough_test_drain_main_context ();
  /* The chart's days are read on a thread. */
  g_assert_true (enough_test_wait_until (days_read, page, 30));
  enough_test_drain_main_context ();
  return page;
}

static void
fill_today (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughCheckinPage *page = show_checkin (test);
  EnoughStore *store = enough_application_get_store (test->app);
  GtkWidget *mood = enough_checkin_page_get_mood_scale (page);
  GtkWidget *energy = must_find (GTK_WIDGET (page), "energy_scale");
  GtkWidget *focus;
  EnoughCheckin *today;

  /* Yesterday, as if filled then. */
  {
    g_autoptr(EnoughCheckin) yesterday = enough_store_dup_checkin (store, "2026-03-09", TRUE);

    enough_checkin_set_mood (yesterday, 3);
    enough_checkin_set_morning_outside (yesterday, 0);
  }
  fixture->now += G_USEC_PER_SEC;

  g_assert_cmpstr (enough_checkin_page_get_day (page), ==, "2026-03-10");
  /* Nothing made until a value is given: a missing day is just missing. */
  g_assert_null (enough_checkin_page_get_checkin (page));
  g_assert_null (enough_store_dup_checkin (store, "2026-03-10", FALSE));

  /* The focus starts on mood. */
  focus = gtk_root_get_focus (GTK_ROOT (test->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, mood));

  g_assert_true (press (mood, GDK_KEY_7));
  today = enough_checkin_page_get_checkin (page);
  g_assert_nonnull (today);
  g_assert_cmpint (enough_checkin_get_mood (today), ==, 7);
  g_assert_true (press (mood, GDK_KEY_Right));
  g_assert_cmpint (enough_checkin_get_mood (today), ==, 8);
  /* The focus follows the value, so the arrows keep working. */
  focus = gtk_root_get_focus (GTK_ROOT (test->window));
  g_assert_true (gtk_widget_is_ancestor (focus, mood));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (focus));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)));
  /* Tab leaves the row (one stop): the other buttons are not focusable. */
  g_assert_false (press (mood, GDK_KEY_Tab));

  g_assert_cmpint (enough_checkin_get_energy (today), ==, ENOUGH_CHECKIN_UNSET);
  g_assert_true (press (energy, GDK_KEY_End));
  g_assert_cmpint (enough_checkin_get_energy (today), ==, 10);
  g_assert_true (press (energy, GDK_KEY_Left));
  g_assert_cmpint (enough_checkin_get_energy (today), ==, 9);

  gtk_spin_button_spin (GTK_SPIN_BUTTON (must_find (GTK_WIDGET (page), "daylight_spin")), GTK_SPIN_STEP_FORWARD, 0.5);
  /* From "–" (not given) the first step is 0 h: a value, not unset. */
  g_assert_cmpint (enough_checkin_get_daylight (today), ==, 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (must_find (GTK_WIDGET (page), "daylight_spin")), 2.5);
  g_assert_cmpint (enough_checkin_get_daylight (today), ==, 5);
  g_signal_emit_by_name (must_find (GTK_WIDGET (page), "morning_yes"), "clicked");
  g_assert_cmpint (enough_checkin_get_morning_outside (today), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (must_find (GTK_WIDGET (page), "note_entry")), "Walked to the bakery.");
  g_assert_cmpstr (enough_checkin_get_note (today), ==, "Walked to the bakery.");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (must_find (GTK_WIDGET (page), "reflection_view"))),
                            "Sunny mornings and better moods often come together.", -1);
  g_assert_cmpstr (enough_checkin_get_reflection (today), ==, "Sunny mornings and better moods often come together.");
  enough_test_drain_main_context ();
  g_assert_true (enough_test_wait_until (days_read, page, 30));

  /* The chart's text summary counts what is there, never what is not. */
  g_assert_nonnull (strstr (enough_checkin_page_get_summary (page), "2 days with a check-in"));
  g_assert_nonnull (strstr (enough_checkin_page_get_summary (page), "Mood averaged 5.5"));
  g_assert_null (strstr (enough_checkin_page_get_summary (page), "miss"));
  /* One morning each way: too few to compare. */
  g_assert_nonnull (strstr (enough_checkin_page_get_noticed (page, ENOUGH_CHECKIN_SPLIT_MORNING), "at least 3"));
}

static void
check_and_change_yesterday (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughCheckinPage *page = show_checkin (test);
  EnoughStore *store = enough_application_get_store (test->app);
  GtkWidget *mood = enough_checkin_page_get_mood_scale (page);
  GtkListView *list = enough_checkin_page_get_list_view (page);
  EnoughCheckin *today = enough_checkin_page_get_checkin (page);
  g_autoptr(EnoughCheckin) yesterday = NULL;

  /* Today's card as it was left. */
  g_assert_nonnull (today);
  g_assert_cmpint (enough_checkin_scale_get_value (ENOUGH_CHECKIN_SCALE (mood)), ==, 8);
  g_assert_cmpint (enough_checkin_scale_get_value (ENOUGH_CHECKIN_SCALE (must_find (GTK_WIDGET (page), "energy_scale"))), ==, 9);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (must_find (GTK_WIDGET (page), "daylight_spin"))), ==, 2.5);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (must_find (GTK_WIDGET (page), "morning_yes"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (must_find (GTK_WIDGET (page), "note_entry"))), ==,
                   "Walked to the bakery.");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (must_find (GTK_WIDGET (page), "card_title"))), ==, "Today");

  /* Yesterday from the past days (newest first: today, then yesterday). */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 2);
  g_signal_emit_by_name (list, "activate", 1);
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_checkin_page_get_day (page), ==, "2026-03-09");
  g_assert_cmpint (enough_checkin_scale_get_value (ENOUGH_CHECKIN_SCALE (mood)), ==, 3);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (must_find (GTK_WIDGET (page), "morning_yes"))));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (must_find (GTK_WIDGET (page), "morning_no"))));
  g_assert_true (gtk_widget_get_visible (must_find (GTK_WIDGET (page), "today_button")));
  g_assert_true (press (mood, GDK_KEY_5));
  yesterday = enough_store_dup_checkin (store, "2026-03-09", FALSE);
  g_assert_nonnull (yesterday);
  g_assert_cmpint (enough_checkin_get_mood (yesterday), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 2);

  /* A search result of the note opens its day, the note focused. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) results = NULL;
    g_autoptr(EnoughSearchResult) result = NULL;
    GtkWidget *focus;

    flush_store (store);
    results = enough_store_search (store, "bakery", 10, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
    result = g_list_model_get_item (results, 0);
    g_assert_cmpint (enough_search_result_get_kind (result), ==, ENOUGH_RECORD_KIND_CHECKIN);
    g_assert_cmpstr (enough_search_result_get_entry_title (result), ==, "2026-03-10");
    g_assert_true (enough_page_reveal (ENOUGH_PAGE (page), result, "bakery"));
    enough_test_drain_main_context ();
    g_assert_cmpstr (enough_checkin_page_get_day (page), ==, "2026-03-10");
    focus = gtk_root_get_focus (GTK_ROOT (test->window));
    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, must_find (GTK_WIDGET (page), "note_entry")));
    enough_checkin_page_open_day (page, "2026-03-09");
  }

  /* Back to today. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checkin.today", NULL));
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_checkin_page_get_day (page), ==, "2026-03-10");
  g_assert_cmpint (enough_checkin_scale_get_value (ENOUGH_CHECKIN_SCALE (mood)), ==, 8);

  /* Three mornings each way: the means appear, worded as noticed together. */
  {
    static const char *const days[] = { "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08" };

    for (guint i = 0; i < G_N_ELEMENTS (days); i++)
      {
        g_autoptr(EnoughCheckin) c = enough_store_dup_checkin (store, days[i], TRUE);

        fixture->now += G_USEC_PER_SEC;
        enough_checkin_set_mood (c, i < 2 ? 9 : 4);
        enough_checkin_set_energy (c, 6);
        enough_checkin_set_morning_outside (c, i < 2 ? 1 : 0);
      }
  }
  /* Shown again (values written elsewhere are read when it is shown). */
  enough_window_show_page (test->window, "letters");
  enough_test_drain_main_context ();
  enough_window_show_page (test->window, "checkin");
  enough_test_drain_main_context ();
  g_assert_true (enough_test_wait_until (days_read, page, 30));
  enough_checkin_page_set_range (page, 91);
  enough_test_drain_main_context ();
  g_test_message ("%s", enough_checkin_page_get_noticed (page, ENOUGH_CHECKIN_SPLIT_MORNING));
  g_assert_cmpstr (enough_checkin_page_get_noticed (page, ENOUGH_CHECKIN_SPLIT_MORNING), ==,
                   "On 3 mornings outside, mood averaged 8.7 and energy 7.0. "
                   "On 3 mornings indoors, mood averaged 4.3 and energy 6.0.");
  g_assert_nonnull (strstr (enough_checkin_page_get_summary (page), "The last 3 months: 6 days with a check-in."));
}

static void
test_fill_restart_change (Fixture       *fixture,
                          gconstpointer  data)
{
  enough_test_run_app (fill_today, fixture);
  enough_test_run_app (check_and_change_yesterday, fixture);
}

/* The past days list starts with the newest and grows as it is scrolled
 * to its end (GTK 4.8 would make up to 200 rows at once). */
static void
past_days_grow (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughStore *store = enough_application_get_store (test->app);
  EnoughCheckinPage *page;
  GtkListView *list;
  GListModel *model;
  g_autoptr(GDateTime) first = g_date_time_new_local (2025, 12, 1, 12, 0, 0);

  enough_store_set_clock (store, fake_clock, fixture);
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, i);
      g_autofree char *name = g_date_time_format (day, "%Y-%m-%d");
      g_autoptr(EnoughCheckin) c = enough_store_dup_checkin (store, name, TRUE);

      fixture->now += G_USEC_PER_SEC;
      enough_checkin_set_mood (c, i % 11);
    }
  page = show_checkin (test);
  list = enough_checkin_page_get_list_view (page);
  model = G_LIST_MODEL (gtk_list_view_get_model (list));
  /* On a narrow window the list is the leaflet's other side. */
  adw_leaflet_navigate (ADW_LEAFLET (must_find (GTK_WIDGET (page), "leaflet")), ADW_NAVIGATION_DIRECTION_BACK);
  enough_test_drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 40);

  enough_test_scroll_list_to_end (list, 100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 100);
  {
    g_autoptr(EnoughCheckin) oldest = g_list_model_get_item (model, 99);

    g_assert_cmpstr (enough_checkin_get_day (oldest), ==, "2025-12-01");
  }
}

static void
test_past_days_grow (Fixture       *fixture,
                     gconstpointer  data)
{
  enough_test_run_app (past_days_grow, fixture);
}

/* ---- The reminder's notification ----------------------------------------- */

static gboolean
today_shown (gpointer data)
{
  EnoughTestApp *test = data;
  EnoughCheckinPage *page = ENOUGH_CHECKIN_PAGE (enough_window_get_page (test->window, "checkin"));

  return g_strcmp0 (enough_window_get_visible_page (test->window), "checkin") == 0 &&
         g_strcmp0 (enough_checkin_page_get_day (page), "2026-03-11") == 0;
}

static EnoughTestNote *
expect_reminder (guint n)
{
  EnoughTestNote *note;

  enough_test_notifications_wait (n);
  note = enough_test_notifications_get ()->pdata[n - 1];
  g_assert_cmpstr (note->summary, ==, "Today’s Check-in");
  g_assert_cmpstr (note->body, ==, "Mood, energy and light: ten seconds, whenever suits you.");
  g_assert_true (g_strv_contains ((const char *const *) note->actions, "default"));
  return note;
}

/* At the chosen time by the store's clock, once a day, again the next
 * day; its action opens today's card from anywhere; not when today's
 * check-in has a value. */
static void
remind (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.enoughjournal.Enough");
  EnoughReminders *reminders = enough_application_get_reminders (test->app);
  EnoughStore *store = enough_application_get_store (test->app);
  EnoughCheckinPage *page = show_checkin (test);
  guint n = enough_test_notifications_get ()->len;
  EnoughTestNote *note;

  g_assert_nonnull (reminders);
  /* Off by default: nothing, even late in the day. */
  fixture->now += 11 * G_TIME_SPAN_HOUR; /* 21:00 */
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 0);
  fixture->now -= 11 * G_TIME_SPAN_HOUR; /* 10:00 */

  g_settings_set_int (settings, "checkin-reminder-hour", 20);
  g_settings_set_int (settings, "checkin-reminder-minute", 30);
  g_settings_set_boolean (settings, "checkin-reminder", TRUE);
  enough_test_drain_main_context ();

  /* Not before 20:30. */
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 0);
  fixture->now += 10 * G_TIME_SPAN_HOUR + 29 * G_TIME_SPAN_MINUTE; /* 20:29 */
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 0);
  fixture->now += G_TIME_SPAN_MINUTE; /* 20:30 */
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 1);
  expect_reminder (n + 1);
  /* Once a day. */
  fixture->now += G_TIME_SPAN_HOUR;
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 0);

  /* The next day, again at 20:30 (not in the morning). */
  fixture->now += 12 * G_TIME_SPAN_HOUR; /* 2026-03-11 09:30 */
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 0);
  fixture->now += 11 * G_TIME_SPAN_HOUR; /* 20:30 */
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 1);
  note = expect_reminder (n + 2);

  /* Its action opens today's card, from another day's card and another page. */
  enough_checkin_page_open_day (page, "2026-03-09");
  enough_window_show_page (test->window, "letters");
  enough_test_drain_main_context ();
  g_assert_false (today_shown (test));
  enough_test_notifications_invoke_default (note);
  g_assert_true (enough_test_wait_until (today_shown, test, 30));

  /* Today's check-in has a value before its time: no reminder that day. */
  fixture->now += 13 * G_TIME_SPAN_HOUR; /* 2026-03-12 09:30 */
  {
    g_autoptr(EnoughCheckin) today = enough_store_dup_checkin (store, "2026-03-12", TRUE);

    enough_checkin_set_energy (today, 6);
  }
  fixture->now += 11 * G_TIME_SPAN_HOUR; /* 20:30 */
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 0);
  g_assert_cmpuint (enough_test_notifications_get ()->len, ==, n + 2);

  g_settings_set_boolean (settings, "checkin-reminder", FALSE);
  enough_test_drain_main_context ();
  fixture->now += G_TIME_SPAN_DAY;
  g_assert_cmpuint (enough_reminders_check_now (reminders), ==, 0);
}

static void
test_remind (Fixture       *fixture,
             gconstpointer  data)
{
  enough_test_run_app (remind, fixture);
}

/* ---- The background mode and the autostart -------------------------------- */

static gboolean
check_hidden (gpointer data)
{
  EnoughApplication *app = data;

  /* Started hidden: no window at all, the reminders running. */
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_nonnull (enough_application_get_reminders (app));
  g_assert_nonnull (enough_application_get_store (app));
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
on_hidden_activate (GApplication *app)
{
  g_idle_add (check_hidden, app);
}

static void
test_background (Fixture       *fixture,
                 gconstpointer  data)
{
  EnoughApplication *app = enough_application_new ("io.github.enoughjournal.Enough.TestBackground",
                                                   G_APPLICATION_NON_UNIQUE);
  char *argv[] = { (char *) "enough", (char *) "--background", NULL };

  g_signal_connect_after (app, "activate", G_CALLBACK (on_hidden_activate), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  enough_test_drain_main_context ();
  g_assert_finalize_object (app);
}

/* Turning the reminder on in the settings (what Preferences binds) writes
 * the autostart entry; turning it off removes it. */
static void
toggle_reminder (EnoughTestApp *test)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.enoughjournal.Enough");
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "autostart",
                                            "io.github.enoughjournal.Enough.desktop", NULL);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_settings_set_boolean (settings, "checkin-reminder", TRUE);
  enough_test_drain_main_context ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_settings_set_int (settings, "checkin-reminder-hour", 7);
  enough_test_drain_main_context ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_settings_set_boolean (settings, "checkin-reminder", FALSE);
  enough_test_drain_main_context ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_autostart_setting (Fixture       *fixture,
                        gconstpointer  data)
{
  enough_test_run_app (toggle_reminder, fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = g_dir_make_tmp ("enough-checkin-config-XXXXXX", NULL);
  int status;

  /* The autostart entry goes to a folder of this test's own. */
  g_assert_nonnull (config);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  /* A private session bus for the fake notification server. */
  test_bus = enough_test_private_bus_up ();
  enough_test_gui_init (&argc, &argv);
  enough_test_notifications_start ();
  g_test_add ("/checkin-page/background", Fixture, NULL, fixture_setup, test_background, fixture_teardown);
  g_test_add ("/checkin-page/autostart-setting", Fixture, NULL, fixture_setup,
              test_autostart_setting, fixture_teardown);

  g_test_add ("/checkin-page/fill-restart-change", Fixture, NULL, fixture_setup,
              test_fill_restart_change, fixture_teardown);
  g_test_add ("/checkin-page/past-days-grow", Fixture, NULL, fixture_setup, test_past_days_grow,
              fixture_teardown);
  g_test_add ("/checkin-page/remind", Fixture, NULL, fixture_setup, test_remind, fixture_teardown);

  status = g_test_run ();
  enough_test_notifications_stop ();
  /* Not unreffed: g_test_dbus_down() from the last unref waits on the
   * closed connection's teardown, which recurses here (as in the
   * experiments' page test). */
  g_test_dbus_stop (test_bus);
  {
    g_autofree char *autostart = g_build_filename (config, "autostart", NULL);

    g_rmdir (autostart);
    g_rmdir (config);
  }
  return status;
}
