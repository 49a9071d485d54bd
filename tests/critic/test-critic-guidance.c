/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>

#include "enough-composer.h"
#include "enough-critic-page.h"
#include "enough-gui-test-utils.h"
#include "enough-prompt-card.h"
#include "enough-test-utils.h"

/* The Inner Critic's guidance as a newcomer meets it: the prompt card says
 * who speaks next and the switch follows it, the strength is asked before
 * and after, the card closes warmly, a dialogue never written in is not
 * kept, dialogues that arrive while none is open are opened, and the
 * sidebar keeps its width. (The conversation itself: test-critic-page.c.) */

static EnoughCriticPage *
get_page (EnoughTestApp *test)
{
  return ENOUGH_CRITIC_PAGE (enough_window_get_page (test->window, "critic"));
}

static GtkWidget *
find_one (GtkWidget *root,
          GType      type)
{
  GtkWidget *widget = enough_test_find_descendant (root, type, NULL);

  g_assert_nonnull (widget);
  return widget;
}

static EnoughPromptCard *
get_card (EnoughCriticPage *page)
{
  return ENOUGH_PROMPT_CARD (find_one (GTK_WIDGET (page), ENOUGH_TYPE_PROMPT_CARD));
}

static EnoughComposer *
get_composer (EnoughCriticPage *page)
{
  return ENOUGH_COMPOSER (find_one (GTK_WIDGET (page), ENOUGH_TYPE_COMPOSER));
}

/* The card shows @text, on screen (not merely held by a hidden label). */
static void
assert_shows (GtkWidget  *root,
              const char *text)
{
  GtkWidget *label = enough_test_find_descendant (root, GTK_TYPE_LABEL, text);

  if (label == NULL)
    g_error ("No label says “%s”", text);
  g_assert_true (gtk_widget_is_visible (label));
}

static void
assert_not_shown (GtkWidget  *root,
                  const char *text)
{
  GtkWidget *label = enough_test_find_descendant (root, GTK_TYPE_LABEL, text);

  g_assert_true (label == NULL || !gtk_widget_is_visible (label));
}

static GtkEventControllerKey *
get_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
        return GTK_EVENT_CONTROLLER_KEY (controller);
    }

  g_assert_not_reached ();
  return NULL;
}

/* Types @text and presses Enter in the composer, as whoever the switch says. */
static void
say (EnoughCriticPage *page,
     const char       *text)
{
  GtkTextView *view = enough_composer_get_text_view (get_composer (page));
  gboolean handled = FALSE;

  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (view), text, -1);
  g_signal_emit_by_name (get_key_controller (GTK_WIDGET (view)), "key-pressed",
                         GDK_KEY_Return, 0, 0, &handled);
  g_assert_true (handled);
  enough_test_drain_main_context ();
}

static void
rate (EnoughPromptCard *card,
      int               value)
{
  GtkRange *scale = GTK_RANGE (find_one (GTK_WIDGET (card), GTK_TYPE_SCALE));

  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (scale)));
  gtk_range_set_value (scale, value);
  g_signal_emit_by_name (enough_test_find_descendant (GTK_WIDGET (card), GTK_TYPE_BUTTON, "Save _Rating"),
                         "clicked");
  enough_test_drain_main_context ();
}

static void
assert_speaker (EnoughCriticPage *page,
                EnoughSpeaker     speaker,
                const char       *card_says)
{
  g_assert_cmpint (enough_composer_get_speaker (get_composer (page)), ==, speaker);
  g_assert_cmpint (enough_prompt_card_get_speaker (get_card (page)), ==, speaker);
  assert_shows (GTK_WIDGET (get_card (page)), card_says);
}

/* ---- The whole guided dialogue -------------------------------------------- */

static void
walk_the_steps (EnoughTestApp *test)
{
  EnoughCriticPage *page = get_page (test);
  EnoughPromptCard *card = get_card (page);
  GtkWidget *header_subtitle;
  EnoughDialogue *dialogue;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.new", NULL));
  enough_test_drain_main_context ();
  dialogue = enough_critic_page_get_dialogue (page);

  /* A dialogue starts with how strong the critic is, on the card. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card)));
  assert_shows (GTK_WIDGET (card), "How strong is the critic right now?");
  assert_not_shown (GTK_WIDGET (card), "Let your critic speak:");
  rate (card, 7);
  g_assert_cmpint (enough_dialogue_get_intensity_start (dialogue), ==, 7);
  header_subtitle = enough_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LABEL, "Strength 7 at the start");
  g_assert_nonnull (header_subtitle);
  g_assert_true (gtk_widget_is_visible (header_subtitle));
  assert_not_shown (GTK_WIDGET (card), "How strong is the critic right now?");

  /* Step 1: the critic speaks, and the switch says so. */
  assert_shows (GTK_WIDGET (card), "Step 1 of 6");
  assert_speaker (page, ENOUGH_SPEAKER_CRITIC, "Let your critic speak:");
  say (page, "You failed again. You always do.");
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 1);

  /* Steps 2–4: I ask, the critic answers; each written turn moves on. */
  for (guint step = 1; step <= 3; step++)
    {
      g_autofree char *position = g_strdup_printf ("Step %u of 6", step + 1);

      assert_shows (GTK_WIDGET (card), position);
      assert_speaker (page, ENOUGH_SPEAKER_ME, "Ask your critic:");
      say (page, "What are you afraid of?");
      g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, step);
      assert_speaker (page, ENOUGH_SPEAKER_CRITIC, "Let your critic answer:");
      assert_shows (GTK_WIDGET (card), position);
      say (page, "That they will see you are not enough.");
      g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, step + 1);
    }

  /* Steps 5 and 6: my kind self answers; my answer is the step's turn. */
  assert_shows (GTK_WIDGET (card), "Step 5 of 6");
  assert_speaker (page, ENOUGH_SPEAKER_ME, "Answer as your kind self:");
  say (page, "You are tired, and that is not failing.");
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 5);
  assert_speaker (page, ENOUGH_SPEAKER_ME, "Answer as your kind self:");
  say (page, "Thank you for trying to protect me. I will try resting.");
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 6);

  /* After the last step: how strong now, shown before → after. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card)));
  assert_shows (GTK_WIDGET (card), "How strong is it now?");
  rate (card, 3);
  g_assert_cmpint (enough_dialogue_get_intensity_end (dialogue), ==, 3);
  g_assert_true (gtk_widget_is_visible (enough_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                                                     "Strength 7 → 3")));

  /* One warm sentence, and the choice to keep writing. */
  assert_shows (GTK_WIDGET (card),
                "You listened to a hard voice and answered it with kindness. That took courage, and it is enough for today.");
  g_signal_emit_by_name (enough_test_find_descendant (GTK_WIDGET (card), GTK_TYPE_BUTTON, "_Keep Writing"),
                         "clicked");
  enough_test_drain_main_context ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card)));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (test->window)) ==
                 GTK_WIDGET (enough_composer_get_text_view (get_composer (page))));
  say (page, "One more thing.");
  g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)), ==, 10);
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 6);
}

static void
test_walk_the_steps (EnoughTestFixture *fixture,
                     gconstpointer      data)
{
  enough_test_run_app (walk_the_steps, NULL);
}

/* ---- The user still decides ------------------------------------------------ */

static void
change_the_switch (EnoughTestApp *test)
{
  EnoughCriticPage *page = get_page (test);
  EnoughPromptCard *card = get_card (page);
  EnoughComposer *composer = get_composer (page);
  EnoughDialogue *dialogue;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.new", NULL));
  dialogue = enough_critic_page_get_dialogue (page);

  /* Writing skips the rating; nothing is stored for it. */
  say (page, "Not good enough.");
  g_assert_cmpint (enough_dialogue_get_intensity_start (dialogue), ==, ENOUGH_INTENSITY_UNSET);
  assert_not_shown (GTK_WIDGET (card), "How strong is the critic right now?");
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 1);
  g_assert_cmpint (enough_composer_get_speaker (composer), ==, ENOUGH_SPEAKER_ME);

  /* The critic answers before being asked: that answers the step too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.set-speaker", "s", "critic"));
  say (page, "And another thing.");
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 2);

  /* Skipping moves on; Previous walks back; the switch follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "prompt.skip", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "prompt.skip", NULL));
  enough_test_drain_main_context ();
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 4);
  g_assert_cmpint (enough_composer_get_speaker (composer), ==, ENOUGH_SPEAKER_ME);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "prompt.previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "prompt.previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "prompt.previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "prompt.previous", NULL));
  enough_test_drain_main_context ();
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 0);
  g_assert_cmpint (enough_composer_get_speaker (composer), ==, ENOUGH_SPEAKER_CRITIC);

  /* An answer in the wrong voice does not move the card. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.set-speaker", "s", "me"));
  say (page, "Hello.");
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 0);
}

static void
test_change_the_switch (EnoughTestFixture *fixture,
                        gconstpointer      data)
{
  enough_test_run_app (change_the_switch, NULL);
}

/* ---- The step and the question asked, after a restart ---------------------- */

static void
ask_and_quit (EnoughTestApp *test)
{
  EnoughCriticPage *page = get_page (test);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.new", NULL));
  say (page, "You are lazy.");
  say (page, "What are you afraid of?");  /* as me: the switch followed */
  g_assert_cmpint (enough_composer_get_speaker (get_composer (page)), ==, ENOUGH_SPEAKER_CRITIC);
}

static void
reopen_asked (EnoughTestApp *test)
{
  EnoughCriticPage *page = get_page (test);
  EnoughDialogue *dialogue = enough_critic_page_get_dialogue (page);

  g_assert_nonnull (dialogue);
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 1);
  /* No rating asked again for a dialogue begun; the critic's answer is next. */
  assert_not_shown (GTK_WIDGET (get_card (page)), "How strong is the critic right now?");
  assert_speaker (page, ENOUGH_SPEAKER_CRITIC, "Let your critic answer:");
}

static void
test_reopen (EnoughTestFixture *fixture,
             gconstpointer      data)
{
  enough_test_run_app (ask_and_quit, NULL);
  enough_test_run_app (reopen_asked, NULL);
}

/* ---- Dialogues never written in ------------------------------------------ */

static void
leave_empty (EnoughTestApp *test)
{
  EnoughCriticPage *page = get_page (test);
  EnoughStore *store = enough_window_get_store (test->window);
  GListModel *dialogues = enough_store_get_dialogues (store);
  g_autoptr(EnoughDialogue) first = NULL;
  g_autoptr(EnoughDialogue) rated = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.new", NULL));
  first = g_object_ref (enough_critic_page_get_dialogue (page));
  g_assert_cmpuint (g_list_model_get_n_items (dialogues), ==, 1);

  /* New again without writing: the untitled one goes, quietly. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.new", NULL));
  enough_test_drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (dialogues), ==, 1);
  g_assert_true (enough_record_is_deleted (ENOUGH_RECORD (first)));
  g_assert_null (enough_test_find_descendant (GTK_WIDGET (test->window), GTK_TYPE_BUTTON, "_Undo"));

  /* Only rated, or with a sentence typed but unsent: kept. */
  rated = g_object_ref (enough_critic_page_get_dialogue (page));
  enough_composer_set_text (get_composer (page), "Half a thought");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.new", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (dialogues), ==, 2);
  g_assert_false (enough_record_is_deleted (ENOUGH_RECORD (rated)));

  /* Written in: kept. */
  say (page, "Something.");
  enough_critic_page_open_dialogue (page, rated);
  g_assert_cmpuint (g_list_model_get_n_items (dialogues), ==, 2);
}

static void
test_leave_empty (EnoughTestFixture *fixture,
                  gconstpointer      data)
{
  enough_test_run_app (leave_empty, NULL);
}

/* ---- Dialogues arriving while none is open (an import) ------------------- */

static void
arrive (EnoughTestApp *test)
{
  EnoughCriticPage *page = get_page (test);
  EnoughStore *store = enough_window_get_store (test->window);
  g_autoptr(EnoughDialogue) imported = NULL;
  GtkWidget *composer;

  g_assert_null (enough_critic_page_get_dialogue (page));
  imported = enough_store_create_dialogue (store);
  enough_test_drain_main_context ();

  /* Opened, not a greyed card with nothing chosen. */
  g_assert_true (enough_critic_page_get_dialogue (page) == imported);
  composer = GTK_WIDGET (get_composer (page));
  g_assert_true (gtk_widget_is_sensitive (composer));
  g_assert_true (gtk_widget_is_visible (composer));
}

static void
test_arrive (EnoughTestFixture *fixture,
             gconstpointer      data)
{
  enough_test_run_app (arrive, NULL);
}

/* ---- The sidebar keeps its width; the details stay in the window ---------- */

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* The width @widget is given once the window has laid out @title (a few
 * frames: a tick callback keeps the frame clock running, so this never
 * waits on nothing). */
static int
width_with_title (EnoughCriticPage *page,
                  GtkWidget        *widget,
                  const char       *title)
{
  guint frames = 0;
  guint id;

  enough_dialogue_set_title (enough_critic_page_get_dialogue (page), title);
  id = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);
  while (frames < 4)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
  return gtk_widget_get_width (widget);
}

static int
natural_width (GtkWidget *widget)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static void
keep_width (EnoughTestApp *test)
{
  EnoughCriticPage *page = get_page (test);
  AdwLeaflet *leaflet = ADW_LEAFLET (find_one (GTK_WIDGET (page), ADW_TYPE_LEAFLET));
  GtkWidget *sidebar = adw_leaflet_get_child_by_name (leaflet, "sidebar");
  GtkMenuButton *details;
  GtkPopover *popover;
  int short_width, long_width;
  int x = 0, y = 0;

  gtk_window_set_default_size (GTK_WINDOW (test->window), 1100, 700);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.new", NULL));
  short_width = width_with_title (page, sidebar, "Short");
  long_width = width_with_title (page, sidebar, "A title much, much longer than the sidebar could ever show in one line");
  g_assert_cmpint (short_width, >, 0);
  g_assert_cmpint (short_width, ==, long_width);
  g_assert_cmpint (natural_width (sidebar), <=, 320);

  /* The details popover is moved left, under its button at the right edge. */
  details = GTK_MENU_BUTTON (enough_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON,
                                                          "Dialogue Details"));
  g_assert_nonnull (details);
  gtk_menu_button_popup (details);
  enough_test_drain_main_context ();
  popover = gtk_menu_button_get_popover (details);
  gtk_popover_get_offset (popover, &x, &y);
  g_assert_cmpint (x, <, 0);
  /* (about half the popover's width, less the button's) */
  g_assert_cmpint (-x, >=, natural_width (GTK_WIDGET (popover)) / 4);
  gtk_menu_button_popdown (details);
}

static void
test_keep_width (EnoughTestFixture *fixture,
                 gconstpointer      data)
{
  enough_test_run_app (keep_width, NULL);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, EnoughTestFixture, NULL, enough_test_fixture_setup, func, enough_test_fixture_teardown)

  ADD ("/critic-guidance/walk-the-steps", test_walk_the_steps);
  ADD ("/critic-guidance/change-the-switch", test_change_the_switch);
  ADD ("/critic-guidance/reopen", test_reopen);
  ADD ("/critic-guidance/leave-empty", test_leave_empty);
  ADD ("/critic-guidance/arrive", test_arrive);
  ADD ("/critic-guidance/keep-width", test_keep_width);

#undef ADD

  return g_test_run ();
}
