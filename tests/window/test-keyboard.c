/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>

#include "enough-gui-test-utils.h"
#include "enough-keys.h"
#include "enough-store.h"
#include "enough-test-utils.h"

/* The window by keyboard alone: real key presses (tests/enough-keys.h)
 * from the first frame, and where the focus is after each. */

typedef EnoughTestFixture Fixture;

#define assert_focus(window, expected)                                          \
  G_STMT_START {                                                                \
    GtkWidget *focus_ = enough_test_keys_get_focus (GTK_WINDOW (window));       \
    if (focus_ != (GtkWidget *) (expected))                                     \
      {                                                                         \
        g_autofree char *got_ = enough_test_keys_describe (focus_);             \
        g_autofree char *want_ = enough_test_keys_describe ((GtkWidget *) (expected)); \
        g_error ("focus on %s, expected %s", got_, want_);                      \
      }                                                                         \
    g_assert_true (gtk_widget_is_drawable (focus_));                            \
  } G_STMT_END

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = enough_test_find_descendant (root, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  return button;
}

static GtkWidget *
page_widget (EnoughTestApp *test,
             const char    *name)
{
  return adw_view_stack_get_child_by_name (enough_window_get_stack (test->window), name);
}

/* ---- First launch --------------------------------------------------------- */

typedef struct
{
  const char *page;
  const char *main_action;  /* its label */
  const char *action_name;
} FirstFocus;

static const FirstFocus first_focus[] = {
  { "critic", "_New Dialogue", "critic.new" },
  { "letters", "_New Letter", "letters.new" },
  { "self-check", "_Start a Check", "self-check.new" },
};

static void
check_first_launch (EnoughTestApp *test)
{
  const FirstFocus *expected = test->user_data;
  GtkWidget *page = page_widget (test, expected->page);
  GtkWidget *main_action;
  GtkWidget *focus;

  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, expected->page);
  enough_test_keys_focus_window (GTK_WINDOW (test->window));

  /* The page's main action has the focus from the first frame. */
  main_action = find_button (page, expected->main_action);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (main_action)), ==,
                   expected->action_name);
  assert_focus (test->window, main_action);

  /* Tab moves on to something shown, and Shift+Tab comes back. */
  enough_test_keys_send ("Tab");
  focus = enough_test_keys_get_focus (GTK_WINDOW (test->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_drawable (focus));
  g_assert_true (focus != main_action);
  enough_test_keys_send ("shift+Tab");
  assert_focus (test->window, main_action);

  /* The page keys work at once: Alt+1/2/3 switch pages. */
  enough_test_keys_send ("alt+2");
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "letters");
  enough_test_keys_send ("alt+3");
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "self-check");
  enough_test_keys_send ("alt+1");
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "critic");
  focus = enough_test_keys_get_focus (GTK_WINDOW (test->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_drawable (focus));
}

static void
test_first_launch (Fixture       *fixture,
                   gconstpointer  data)
{
  const FirstFocus *expected = data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "last-page", expected->page);
  enough_test_run_app (check_first_launch, (gpointer) expected);
}

/* ---- Ctrl+N wherever the focus is --------------------------------------- */

static gboolean
critic_has_dialogue (gpointer data)
{
  EnoughCriticPage *page = data;

  return enough_critic_page_get_dialogue (page) != NULL;
}

static void
check_new_from_header_bar (EnoughTestApp *test)
{
  GtkWidget *header = enough_test_find_descendant (GTK_WIDGET (test->window), ADW_TYPE_HEADER_BAR, NULL);
  GtkWidget *menu_button = enough_test_find_descendant (header, GTK_TYPE_MENU_BUTTON, "Main Menu");
  GtkWidget *letters = page_widget (test, "letters");
  GtkWidget *critic = page_widget (test, "critic");
  GtkWidget *tab;
  EnoughDialogue *dialogue;

  enough_test_keys_focus_window (GTK_WINDOW (test->window));
  g_assert_nonnull (menu_button);

  /* The main menu button has the focus: Ctrl+N makes a dialogue. */
  g_assert_true (gtk_widget_grab_focus (menu_button));
  enough_test_keys_send ("ctrl+n");
  g_assert_true (enough_test_wait_until (critic_has_dialogue, critic, 30));
  dialogue = enough_critic_page_get_dialogue (ENOUGH_CRITIC_PAGE (critic));

  /* A page tab has the focus, on Letters: a letter, and no dialogue. */
  enough_test_keys_send ("alt+2");
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "letters");
  tab = enough_test_find_descendant (header, GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_nonnull (tab);
  g_assert_true (gtk_widget_grab_focus (tab));
  g_assert_null (enough_letter_page_get_letter (ENOUGH_LETTER_PAGE (letters)));
  enough_test_keys_send ("ctrl+n");
  g_assert_nonnull (enough_letter_page_get_letter (ENOUGH_LETTER_PAGE (letters)));
  g_assert_true (enough_critic_page_get_dialogue (ENOUGH_CRITIC_PAGE (critic)) == dialogue);
}

static void
test_new_from_header_bar (Fixture       *fixture,
                          gconstpointer  data)
{
  enough_test_run_app (check_new_from_header_bar, NULL);
}

/* ---- A journal with something in each page ------------------------------ */

static void
fill_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = enough_store_open (NULL, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);

  g_assert_no_error (error);
  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(EnoughSelfCheck) check = enough_store_create_self_check (store, 1);

      for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
        enough_self_check_set_answer (check, i, 1 + (i + c) % 5);
      enough_self_check_set_current_index (check, ENOUGH_SELF_CHECK_N_ITEMS - 1);
      enough_self_check_set_completed_at (check, enough_store_now (store));
    }
  for (guint l = 0; l < 2; l++)
    {
      g_autoptr(EnoughLetter) letter = enough_store_create_letter (store);

      enough_letter_set_not_good_enough (letter, "The dinner was not good enough");
      enough_letter_set_text (letter, "Dear me, you did enough today.");
    }
  for (guint d = 0; d < 2; d++)
    {
      g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (store);

      enough_dialogue_set_title (dialogue, d == 0 ? "Is the report good enough?" : "The talk");
      for (guint t = 0; t < 4; t++)
        g_object_unref (enough_store_add_turn (store, dialogue, -1,
                                               t % 2 == 0 ? ENOUGH_SPEAKER_CRITIC : ENOUGH_SPEAKER_ME,
                                               t % 2 == 0 ? "It is not good enough." : "It is done, and that is enough."));
    }
  g_assert_true (enough_store_close (store, &error));
  g_assert_no_error (error);
}

static void
check_explore (EnoughTestApp *test)
{
  const char *pages[] = { "critic", "letters", "self-check" };

  enough_test_keys_focus_window (GTK_WINDOW (test->window));
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      enough_window_show_page (test->window, pages[p]);
      enough_test_drain_main_context ();
      for (guint i = 0; i < 14; i++)
        {
          g_autofree char *d = enough_test_keys_describe (enough_test_keys_get_focus (GTK_WINDOW (test->window)));
          g_printerr ("%s %u: %s drawable=%d\n", pages[p], i, d,
                      gtk_widget_is_drawable (enough_test_keys_get_focus (GTK_WINDOW (test->window))));
          enough_test_keys_send ("Tab");
        }
    }
}

static void
test_explore (Fixture *fixture, gconstpointer data)
{
  fill_journal ();
  enough_test_run_app (check_explore, NULL);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (first_focus); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyboard/first-launch/%s", first_focus[i].page);

      g_test_add (path, Fixture, &first_focus[i],
                  enough_test_fixture_setup, test_first_launch, enough_test_fixture_teardown);
    }
  g_test_add ("/keyboard/new-from-header-bar", Fixture, NULL,
              enough_test_fixture_setup, test_new_from_header_bar, enough_test_fixture_teardown);

  g_test_add ("/keyboard/explore", Fixture, NULL,
              enough_test_fixture_setup, test_explore, enough_test_fixture_teardown);

  return g_test_run ();
}
