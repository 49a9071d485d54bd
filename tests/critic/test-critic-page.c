/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>

#include "enough-composer.h"
#include "enough-critic-page.h"
#include "enough-dialogue-row.h"
#include "enough-gui-test-utils.h"
#include "enough-prompt-card.h"
#include "enough-test-utils.h"
#include "enough-turn-row.h"

/* How the keyboard is driven here, honestly: GTK 4.8 has no public way to
 * inject a GdkEvent in-process. Shortcuts are found in the page's real
 * shortcut controller by their trigger ("<Control>n") and their action is
 * run on the page, as GTK would; Enter / Shift+Enter / Escape are emitted
 * as ::key-pressed on the text view's own key controller, the same handler
 * a real key press reaches. Typing inserts into the text buffer. */

typedef struct
{
  char *data_dir;
  char *dialogue_uuid;   /* the dialogue with turns, kept open at quit */
  char *other_uuid;      /* an empty, newer dialogue */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->data_dir = enough_test_begin ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* For tests that click Undo the instant the toast appears. libadwaita
 * 1.2.2's toast overlay frees a toast's bookkeeping when its hide animation
 * ends even if its show animation still runs, then touches it when that one
 * ends (a use-after-free). No person clicks that fast; a test does. Without
 * animations both end at once, in order. (Not for every test: AdwLeaflet
 * 1.2 folding without animations allocates a child at height -1.) */
static void
without_animations (void)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_end (&fixture->data_dir);
  g_clear_pointer (&fixture->dialogue_uuid, g_free);
  g_clear_pointer (&fixture->other_uuid, g_free);
}

/* ---- Helpers ----------------------------------------------------------------- */

static EnoughCriticPage *
get_page (EnoughTestApp *test)
{
  EnoughCriticPage *page = ENOUGH_CRITIC_PAGE (enough_window_get_page (test->window, "critic"));

  g_assert_true (ENOUGH_IS_CRITIC_PAGE (page));
  return page;
}

static void
find_all (GtkWidget *root,
          GType      type,
          GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (out, child);
      find_all (child, type, out);
    }
}

static GtkWidget *
find_one (GtkWidget *root,
          GType      type)
{
  GtkWidget *widget = enough_test_find_descendant (root, type, NULL);

  g_assert_nonnull (widget);
  return widget;
}

/* The rows the conversation shows now, in order. */
static GPtrArray *
get_turn_rows (EnoughCriticPage *page)
{
  GPtrArray *rows = g_ptr_array_new ();

  enough_test_drain_main_context ();
  find_all (GTK_WIDGET (page), ENOUGH_TYPE_TURN_ROW, rows);
  return rows;
}

static EnoughTurnRow *
find_turn_row (EnoughCriticPage *page,
               EnoughTurn       *turn)
{
  g_autoptr(GPtrArray) rows = get_turn_rows (page);

  for (guint i = 0; i < rows->len; i++)
    if (enough_turn_row_get_turn (rows->pdata[i]) == turn)
      return rows->pdata[i];

  g_assert_not_reached ();
  return NULL;
}

/* The sidebar's list (the conversation is a GtkListView too). */
static GtkListView *
find_dialogue_list (EnoughCriticPage *page)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  find_all (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, lists);
  for (guint i = 0; i < lists->len; i++)
    {
      GtkSelectionModel *model = gtk_list_view_get_model (lists->pdata[i]);

      GListModel *items;

      if (!GTK_IS_SINGLE_SELECTION (model))
        continue;
      /* The first frame shows a slice of the newest (see the page). */
      items = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
      if (GTK_IS_SLICE_LIST_MODEL (items))
        items = gtk_slice_list_model_get_model (GTK_SLICE_LIST_MODEL (items));
      if (items == enough_store_get_dialogues (enough_critic_page_get_store (page)))
        return lists->pdata[i];
    }

  g_assert_not_reached ();
  return NULL;
}

static GtkShortcutAction *
find_shortcut (GtkWidget  *widget,
               const char *trigger_text,
               GVariant  **arguments)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger_text))
            {
              *arguments = gtk_shortcut_get_arguments (shortcut);
              return gtk_shortcut_get_action (shortcut);
            }
        }
    }

  return NULL;
}

static void
press_shortcut (GtkWidget  *widget,
                const char *trigger_text)
{
  GVariant *arguments = NULL;
  GtkShortcutAction *action = find_shortcut (widget, trigger_text, &arguments);

  g_assert_nonnull (action);
  g_assert_true (gtk_shortcut_action_activate (action, GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               widget, arguments));
  enough_test_drain_main_context ();
}

static GtkEventControllerKey *
get_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      /* Ours run in the capture phase, before GtkTextView's own. */
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
        return GTK_EVENT_CONTROLLER_KEY (controller);
    }

  g_assert_not_reached ();
  return NULL;
}

static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (get_key_controller (widget), "key-pressed", keyval, 0, state, &handled);
  enough_test_drain_main_context ();
  return handled;
}

static void
type_text (GtkTextView *view,
           const char  *text)
{
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (view), text, -1);
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static EnoughComposer *
get_composer (EnoughCriticPage *page)
{
  return ENOUGH_COMPOSER (find_one (GTK_WIDGET (page), ENOUGH_TYPE_COMPOSER));
}

static void
say (EnoughCriticPage *page,
     const char       *text)
{
  GtkTextView *view = enough_composer_get_text_view (get_composer (page));
  g_autofree char *left = NULL;

  type_text (view, text);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Return, 0));
  /* Sent: the field is empty again. */
  left = dup_buffer_text (view);
  g_assert_cmpstr (left, ==, "");
}

static EnoughTurn *
get_turn (EnoughDialogue *dialogue,
          guint           index)
{
  g_autoptr(EnoughTurn) turn = g_list_model_get_item (enough_dialogue_get_turns (dialogue), index);

  g_assert_nonnull (turn);
  return turn; /* the dialogue's model keeps it alive */
}

static GtkCheckButton *
find_check (GtkWidget  *root,
            const char *label)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  find_all (root, GTK_TYPE_CHECK_BUTTON, checks);
  for (guint i = 0; i < checks->len; i++)
    if (g_strcmp0 (gtk_check_button_get_label (checks->pdata[i]), label) == 0)
      return checks->pdata[i];

  return NULL;
}

static void
flush (EnoughTestApp *test)
{
  g_autoptr(GError) error = NULL;
  EnoughStore *store = enough_window_get_store (test->window);

  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enough_store_get_n_pending (store), ==, 0);
}

/* ---- The whole exercise, then a restart ---------------------------------------- */

#define CRITIC_1 "Nothing I do is ever good enough, and everyone can see it."
#define ME_1     "What are you afraid would happen if I slowed down?"
#define CRITIC_2 "That they would find out I am a fraud."
#define ME_1_EDITED "What are you afraid would happen if I rested?"
#define DRAFT    "Thank you for trying to keep me safe. I would like"

static void
write_a_dialogue (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughCriticPage *page = get_page (test);
  EnoughStore *store = enough_window_get_store (test->window);
  GListModel *dialogues = enough_store_get_dialogues (store);
  EnoughComposer *composer = get_composer (page);
  GtkTextView *view = enough_composer_get_text_view (composer);
  EnoughPromptCard *card = ENOUGH_PROMPT_CARD (find_one (GTK_WIDGET (page), ENOUGH_TYPE_PROMPT_CARD));
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) tags = NULL;
  EnoughDialogue *dialogue;
  EnoughTurnRow *row;
  GtkWidget *undo;
  GtkWidget *status;

  /* An empty journal invites you in. */
  status = find_one (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_nonnull (enough_test_find_descendant (status, GTK_TYPE_BUTTON, "_New Dialogue"));
  g_assert_nonnull (enough_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_BUTTON, "New Dialogue"));
  g_assert_null (enough_critic_page_get_dialogue (page));

  /* Ctrl+N starts a dialogue and puts the cursor in the composer. */
  press_shortcut (GTK_WIDGET (page), "<Control>n");
  g_assert_cmpuint (g_list_model_get_n_items (dialogues), ==, 1);
  dialogue = enough_critic_page_get_dialogue (page);
  g_assert_nonnull (dialogue);
  g_assert_false (gtk_widget_get_mapped (status));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (test->window)) == GTK_WIDGET (view));
  g_assert_cmpuint (enough_prompt_card_get_step (card), ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card)));

  /* The critic speaks first (the default speaker); Enter sends. */
  g_assert_cmpint (enough_composer_get_speaker (composer), ==, ENOUGH_SPEAKER_CRITIC);
  say (page, CRITIC_1);
  g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)), ==, 1);
  g_assert_cmpint (enough_turn_get_speaker (get_turn (dialogue, 0)), ==, ENOUGH_SPEAKER_CRITIC);
  g_assert_cmpstr (enough_turn_get_text (get_turn (dialogue, 0)), ==, CRITIC_1);
  /* The title defaults to the first words of the first line. */
  g_assert_cmpstr (enough_dialogue_get_title (dialogue), ==, "Nothing I do is ever good…");
  /* Step 1 was answered: the card suggests asking what it fears. */
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 1);
  g_assert_cmpuint (enough_prompt_card_get_step (card), ==, 1);

  /* Shift+Enter is a new line, not a send; a blank field sends nothing. */
  type_text (view, "line one");
  g_assert_false (press_key (GTK_WIDGET (view), GDK_KEY_Return, GDK_SHIFT_MASK));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "  \n ", -1);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Return, 0));
  g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)), ==, 1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "", -1);

  /* Ctrl+2: now I speak. Asking is not yet the critic's answer: same step. */
  press_shortcut (GTK_WIDGET (page), "<Control>2");
  g_assert_cmpint (enough_composer_get_speaker (composer), ==, ENOUGH_SPEAKER_ME);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    enough_test_find_descendant (GTK_WIDGET (composer), GTK_TYPE_TOGGLE_BUTTON, "Speak as yourself (Ctrl+2)"))));
  say (page, ME_1);
  g_assert_cmpint (enough_turn_get_speaker (get_turn (dialogue, 1)), ==, ENOUGH_SPEAKER_ME);
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 1);

  /* Ctrl+1: the critic answers; the card moves on. */
  press_shortcut (GTK_WIDGET (page), "<Control>1");
  g_assert_cmpint (enough_composer_get_speaker (composer), ==, ENOUGH_SPEAKER_CRITIC);
  say (page, CRITIC_2);
  g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)), ==, 3);
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 2);

  /* Bubbles: each side its own place, and a label that says who speaks. */
  rows = get_turn_rows (page);
  g_assert_cmpuint (rows->len, ==, 3);
  row = find_turn_row (page, get_turn (dialogue, 0));
  g_assert_cmpstr (enough_turn_row_get_accessible_text (row), ==, "The critic says: " CRITIC_1);
  g_assert_cmpint (gtk_widget_get_halign (gtk_widget_get_first_child (GTK_WIDGET (row))), ==, GTK_ALIGN_START);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (GTK_WIDGET (row)), "critic"));
  row = find_turn_row (page, get_turn (dialogue, 1));
  g_assert_cmpstr (enough_turn_row_get_accessible_text (row), ==, "You say: " ME_1);
  g_assert_cmpint (gtk_widget_get_halign (gtk_widget_get_first_child (GTK_WIDGET (row))), ==, GTK_ALIGN_END);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (GTK_WIDGET (row)), "me"));
  /* Blank lines at the end of a text (pasted, imported) are not shown;
   * the text itself is kept as it is. */
  enough_turn_set_text (get_turn (dialogue, 1), ME_1 "\n\n \n");
  g_assert_nonnull (enough_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL, ME_1));
  g_assert_cmpstr (enough_turn_get_text (get_turn (dialogue, 1)), ==, ME_1 "\n\n \n");
  enough_turn_set_text (get_turn (dialogue, 1), ME_1);
  /* A row makes its menu and its editor only when they are first needed:
   * most rows never have either. */
  g_assert_null (find_check (GTK_WIDGET (row), "Catastrophising"));
  g_assert_null (enough_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_POPOVER, NULL));
  g_assert_null (enough_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_TEXT_VIEW, NULL));
  /* Patterns are for the critic's turns only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "turn.menu", NULL));
  enough_test_drain_main_context ();
  g_assert_nonnull (find_check (GTK_WIDGET (row), "Catastrophising"));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (
    GTK_WIDGET (find_check (GTK_WIDGET (row), "Catastrophising"))))));
  gtk_popover_popdown (GTK_POPOVER (find_one (GTK_WIDGET (row), GTK_TYPE_POPOVER)));
  enough_test_drain_main_context ();

  /* Mark a thinking pattern on the critic's first turn, from its menu. */
  row = find_turn_row (page, get_turn (dialogue, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "turn.menu", NULL));
  enough_test_drain_main_context ();
  g_assert_nonnull (find_check (GTK_WIDGET (row), "Catastrophising"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (find_check (GTK_WIDGET (row), "Catastrophising"))),
                   ==, "Jumping to the worst thing that could happen, as if it were sure to.");
  gtk_check_button_set_active (find_check (GTK_WIDGET (row), "Catastrophising"), TRUE);
  gtk_check_button_set_active (find_check (GTK_WIDGET (row), "Mind reading"), TRUE);
  gtk_check_button_set_active (find_check (GTK_WIDGET (row), "Mind reading"), FALSE);
  gtk_check_button_set_active (find_check (GTK_WIDGET (row), "Overgeneralising"), TRUE);
  g_assert_cmpuint (enough_turn_get_patterns (get_turn (dialogue, 0)), ==,
                    ENOUGH_PATTERN_CATASTROPHISING | ENOUGH_PATTERN_OVERGENERALISING);
  tags = enough_turn_row_dup_tags (row);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "Catastrophising");
  g_assert_cmpstr (tags[1], ==, "Overgeneralising");

  /* Details: the critic's name and how strong it felt, start and end. */
  find_all (GTK_WIDGET (page), GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 2);
  g_assert_cmpint (enough_dialogue_get_intensity_start (dialogue), ==, ENOUGH_INTENSITY_UNSET);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spins->pdata[0])), ==, "–");
  gtk_spin_button_set_value (spins->pdata[0], 8);
  gtk_spin_button_set_value (spins->pdata[1], 4);
  g_assert_cmpint (enough_dialogue_get_intensity_start (dialogue), ==, 8);
  g_assert_cmpint (enough_dialogue_get_intensity_end (dialogue), ==, 4);
  find_all (GTK_WIDGET (page), GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, >=, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entries->pdata[0])), ==, "Nothing I do is ever good…");
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[1]), "the Taskmaster");
  g_assert_cmpstr (enough_dialogue_get_critic_name (dialogue), ==, "the Taskmaster");
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_turn_row_get_accessible_text (row), ==,
                   "the Taskmaster (the critic) says: " CRITIC_1);

  /* Edit my turn in place: saved as typed, Enter finishes. */
  row = find_turn_row (page, get_turn (dialogue, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "turn.edit", NULL));
  g_assert_true (enough_turn_row_get_editing (row));
  {
    GtkTextView *edit = GTK_TEXT_VIEW (find_one (GTK_WIDGET (row), GTK_TYPE_TEXT_VIEW));

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (edit), ME_1_EDITED, -1);
    g_assert_cmpstr (enough_turn_get_text (get_turn (dialogue, 1)), ==, ME_1_EDITED);
    g_assert_true (press_key (GTK_WIDGET (edit), GDK_KEY_Return, 0));
  }
  g_assert_false (enough_turn_row_get_editing (row));
  g_assert_cmpstr (enough_turn_row_get_accessible_text (row), ==, "You say: " ME_1_EDITED);

  /* Escape puts the text back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "turn.edit", NULL));
  {
    GtkTextView *edit = GTK_TEXT_VIEW (find_one (GTK_WIDGET (row), GTK_TYPE_TEXT_VIEW));

    type_text (edit, " Really?");
    g_assert_cmpstr (enough_turn_get_text (get_turn (dialogue, 1)), ==, ME_1_EDITED " Really?");
    g_assert_true (press_key (GTK_WIDGET (edit), GDK_KEY_Escape, 0));
  }
  g_assert_false (enough_turn_row_get_editing (row));
  g_assert_cmpstr (enough_turn_get_text (get_turn (dialogue, 1)), ==, ME_1_EDITED);

  /* Delete the critic's second turn, then Undo from the toast. */
  {
    EnoughTurn *turn = get_turn (dialogue, 2);

    g_object_ref (turn);
    row = find_turn_row (page, turn);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "turn.delete", NULL));
    undo = enough_test_hold_undo_toast (GTK_WIDGET (test->window));
    enough_test_drain_main_context ();
    g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)), ==, 2);
    g_assert_true (enough_record_is_deleted (ENOUGH_RECORD (turn)));
    rows = (g_ptr_array_unref (rows), get_turn_rows (page));
    g_assert_cmpuint (rows->len, ==, 2);

    /* Still there after the main loop ran, and it undoes the delete. */
    g_assert_true (enough_test_find_descendant (GTK_WIDGET (test->window), GTK_TYPE_BUTTON, "_Undo") == undo);
    g_signal_emit_by_name (undo, "clicked");
    enough_test_drain_main_context ();
    g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)), ==, 3);
    g_assert_true (get_turn (dialogue, 2) == turn);
    g_assert_false (enough_record_is_deleted (ENOUGH_RECORD (turn)));
    rows = (g_ptr_array_unref (rows), get_turn_rows (page));
    g_assert_cmpuint (rows->len, ==, 3);

    /* And delete it for good this time. */
    row = find_turn_row (page, turn);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "turn.delete", NULL));
    enough_test_drain_main_context ();
    g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)), ==, 2);
    g_object_unref (turn);
  }

  fixture->dialogue_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (dialogue)));

  /* A second dialogue, newer, left empty; then back to the first one from
   * the list, the way a click does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.new", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (dialogues), ==, 2);
  fixture->other_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (enough_critic_page_get_dialogue (page))));
  /* Named, so it is kept when left (a dialogue never written in is not:
   * test-critic-guidance.c). */
  enough_dialogue_set_critic_name (enough_critic_page_get_dialogue (page), "the Judge");
  g_assert_cmpstr (fixture->other_uuid, !=, fixture->dialogue_uuid);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_dialogue_list (page)),
                                             "list.activate-item", "u", 1));
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (enough_critic_page_get_dialogue (page))),
                   ==, fixture->dialogue_uuid);
  dialogue = enough_critic_page_get_dialogue (page);

  /* Leave a sentence unsent, as myself. */
  press_shortcut (GTK_WIDGET (page), "<Control>2");
  type_text (view, DRAFT);

  flush (test);
  g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)), ==, 2);
  /* Quitting now closes the window with the sentence unsent. */
}

static void
find_it_again (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughCriticPage *page = get_page (test);
  EnoughStore *store = enough_window_get_store (test->window);
  GListModel *dialogues = enough_store_get_dialogues (store);
  EnoughComposer *composer = get_composer (page);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) list_rows = g_ptr_array_new ();
  g_autofree char *draft = NULL;
  g_auto(GStrv) tags = NULL;
  EnoughDialogue *dialogue;
  EnoughTurnRow *row;

  /* The dialogue that was open, not the newest one. */
  dialogue = enough_critic_page_get_dialogue (page);
  g_assert_nonnull (dialogue);
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (dialogue)), ==, fixture->dialogue_uuid);
  g_assert_cmpuint (g_list_model_get_n_items (dialogues), ==, 2);

  g_assert_cmpstr (enough_dialogue_get_title (dialogue), ==, "Nothing I do is ever good…");
  g_assert_cmpstr (enough_dialogue_get_critic_name (dialogue), ==, "the Taskmaster");
  g_assert_cmpint (enough_dialogue_get_intensity_start (dialogue), ==, 8);
  g_assert_cmpint (enough_dialogue_get_intensity_end (dialogue), ==, 4);
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 2);
  g_assert_cmpuint (enough_prompt_card_get_step (ENOUGH_PROMPT_CARD (find_one (GTK_WIDGET (page), ENOUGH_TYPE_PROMPT_CARD))), ==, 2);

  g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)), ==, 2);
  g_assert_cmpint (enough_turn_get_speaker (get_turn (dialogue, 0)), ==, ENOUGH_SPEAKER_CRITIC);
  g_assert_cmpstr (enough_turn_get_text (get_turn (dialogue, 0)), ==, CRITIC_1);
  g_assert_cmpuint (enough_turn_get_patterns (get_turn (dialogue, 0)), ==,
                    ENOUGH_PATTERN_CATASTROPHISING | ENOUGH_PATTERN_OVERGENERALISING);
  g_assert_cmpint (enough_turn_get_speaker (get_turn (dialogue, 1)), ==, ENOUGH_SPEAKER_ME);
  g_assert_cmpstr (enough_turn_get_text (get_turn (dialogue, 1)), ==, ME_1_EDITED);

  /* The widgets show it. */
  rows = get_turn_rows (page);
  g_assert_cmpuint (rows->len, ==, 2);
  row = find_turn_row (page, get_turn (dialogue, 0));
  g_assert_cmpstr (enough_turn_row_get_accessible_text (row), ==,
                   "the Taskmaster (the critic) says: " CRITIC_1);
  tags = enough_turn_row_dup_tags (row);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  /* Its menu, made now, has the patterns ticked. */
  g_assert_null (find_check (GTK_WIDGET (row), "Catastrophising"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "turn.menu", NULL));
  enough_test_drain_main_context ();
  g_assert_true (gtk_check_button_get_active (find_check (GTK_WIDGET (row), "Catastrophising")));
  g_assert_true (gtk_check_button_get_active (find_check (GTK_WIDGET (row), "Overgeneralising")));
  g_assert_false (gtk_check_button_get_active (find_check (GTK_WIDGET (row), "Mind reading")));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (
    GTK_WIDGET (find_check (GTK_WIDGET (row), "Catastrophising"))))));
  gtk_popover_popdown (GTK_POPOVER (find_one (GTK_WIDGET (row), GTK_TYPE_POPOVER)));
  enough_test_drain_main_context ();

  find_all (GTK_WIDGET (page), ENOUGH_TYPE_DIALOGUE_ROW, list_rows);
  g_assert_cmpuint (list_rows->len, ==, 2);
  /* Newest first: the empty one, then ours with the critic's name. */
  g_assert_cmpstr (enough_dialogue_row_get_title (list_rows->pdata[0]), ==, "Untitled Dialogue");
  g_assert_cmpstr (enough_dialogue_row_get_title (list_rows->pdata[1]), ==, "Nothing I do is ever good…");
  g_assert_true (g_str_has_prefix (enough_dialogue_row_get_subtitle (list_rows->pdata[1]), "the Taskmaster · "));

  /* The unsent sentence is still there, still mine. */
  draft = enough_composer_dup_text (composer);
  g_assert_cmpstr (draft, ==, DRAFT);
  g_assert_cmpint (enough_composer_get_speaker (composer), ==, ENOUGH_SPEAKER_ME);

  /* The other dialogue has no draft. */
  {
    EnoughRecord *other = enough_store_lookup (store, ENOUGH_RECORD_KIND_DIALOGUE, fixture->other_uuid);
    g_autofree char *empty = NULL;

    g_assert_nonnull (other);
    enough_critic_page_open_dialogue (page, ENOUGH_DIALOGUE (other));
    empty = enough_composer_dup_text (composer);
    g_assert_cmpstr (empty, ==, "");
    g_object_unref (other);
  }
  enough_critic_page_open_dialogue (page, dialogue);
  draft = (g_free (draft), enough_composer_dup_text (composer));
  g_assert_cmpstr (draft, ==, DRAFT);
}

static void
test_dialogue_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  without_animations ();
  enough_test_run_app (write_a_dialogue, fixture);
  enough_test_run_app (find_it_again, fixture);
}

/* ---- Prompt card, narrow windows, deleting a dialogue, many turns ------------- */

static GtkWidget *
find_button (GtkWidget  *root,
             const char *tooltip)
{
  GtkWidget *button = enough_test_find_descendant (root, GTK_TYPE_BUTTON, tooltip);

  g_assert_nonnull (button);
  return button;
}

static void
use_prompt_card (EnoughTestApp *test)
{
  EnoughCriticPage *page = get_page (test);
  EnoughPromptCard *card = ENOUGH_PROMPT_CARD (find_one (GTK_WIDGET (page), ENOUGH_TYPE_PROMPT_CARD));
  EnoughDialogue *dialogue;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.new", NULL));
  dialogue = enough_critic_page_get_dialogue (page);
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 0);
  /* Step 1 of 6 has nothing before it. */
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (card), "Previous Step")));

  /* A new dialogue first asks how strong the critic is: Skip passes over
   * that (test-critic-guidance.c rates it). */
  g_signal_emit_by_name (find_button (GTK_WIDGET (card), "Skip this step"), "clicked");
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 0);
  g_assert_cmpint (enough_dialogue_get_intensity_start (dialogue), ==, ENOUGH_INTENSITY_UNSET);

  /* Skip moves on and is saved in the dialogue; Previous goes back. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (card), "Skip this step"), "clicked");
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 1);
  g_signal_emit_by_name (find_button (GTK_WIDGET (card), "Skip this step"), "clicked");
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 2);
  g_signal_emit_by_name (find_button (GTK_WIDGET (card), "Previous Step"), "clicked");
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 1);

  /* Hidden: the card goes, the header offers it again, where it was. */
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (page), "Show Prompts")));
  g_signal_emit_by_name (find_button (GTK_WIDGET (card), "Hide Prompts"), "clicked");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card)));
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 6);
  g_assert_true (gtk_widget_get_sensitive (find_button (GTK_WIDGET (page), "Show Prompts")));
  g_signal_emit_by_name (find_button (GTK_WIDGET (page), "Show Prompts"), "clicked");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card)));
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 1);

  /* All six answered: the steps are done, and the card stays to ask how
   * strong the critic is now (test-critic-guidance.c goes on from here). */
  enough_dialogue_set_prompt_step (dialogue, 5);
  press_shortcut (GTK_WIDGET (page), "<Control>2");
  say (page, "Thank you for trying to help. I would like to try resting.");
  g_assert_cmpuint (enough_dialogue_get_prompt_step (dialogue), ==, 6);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card)));
  g_assert_nonnull (enough_test_find_descendant (GTK_WIDGET (card), GTK_TYPE_LABEL, "How strong is it now?"));
}

static void
test_prompt_card (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_run_app (use_prompt_card, fixture);
}

static void
fold_and_go_back (EnoughTestApp *test)
{
  EnoughCriticPage *page = get_page (test);
  AdwLeaflet *leaflet = ADW_LEAFLET (find_one (GTK_WIDGET (page), ADW_TYPE_LEAFLET));
  GtkWidget *back = find_button (GTK_WIDGET (page), "Back");
  GtkListView *list;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.new", NULL));
  say (page, "First dialogue.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.new", NULL));
  say (page, "Second dialogue.");

  /* Wide: both columns, no Back button. */
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_visible (back));

  /* 360 px: one column at a time, the open dialogue first. */
  gtk_window_set_default_size (GTK_WINDOW (test->window), 360, 700);
  for (guint i = 0; i < 200 && !adw_leaflet_get_folded (leaflet); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_visible (back));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  /* …and the window really can be that narrow with a dialogue open. */
  {
    int min_width;

    gtk_widget_measure (GTK_WIDGET (test->window), GTK_ORIENTATION_HORIZONTAL, -1,
                        &min_width, NULL, NULL, NULL);
    g_assert_cmpint (min_width, <=, 360);
  }

  /* Back shows the list; opening a row shows that dialogue. */
  g_signal_emit_by_name (back, "clicked");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");
  list = find_dialogue_list (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", 1));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_cmpstr (enough_turn_get_text (get_turn (enough_critic_page_get_dialogue (page), 0)),
                   ==, "First dialogue.");
}

static void
test_narrow_window (Fixture       *fixture,
                    gconstpointer  data)
{
  enough_test_run_app (fold_and_go_back, fixture);
}

static void
delete_and_restore_dialogue (EnoughTestApp *test)
{
  EnoughCriticPage *page = get_page (test);
  EnoughStore *store = enough_window_get_store (test->window);
  GListModel *dialogues = enough_store_get_dialogues (store);
  g_autoptr(EnoughDialogue) doomed = NULL;
  GtkWidget *undo;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.new", NULL));
  say (page, "Keep me.");
  doomed = g_object_ref (enough_critic_page_get_dialogue (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.delete-dialogue", NULL));
  undo = enough_test_hold_undo_toast (GTK_WIDGET (test->window));
  enough_test_drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (dialogues), ==, 0);
  g_assert_null (enough_critic_page_get_dialogue (page));
  /* Nothing left: the invitation again. */
  g_assert_true (gtk_widget_get_mapped (find_one (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE)));

  g_assert_true (enough_test_find_descendant (GTK_WIDGET (test->window), GTK_TYPE_BUTTON, "_Undo") == undo);
  g_signal_emit_by_name (undo, "clicked");
  enough_test_drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (dialogues), ==, 1);
  g_assert_true (enough_critic_page_get_dialogue (page) == doomed);
  g_assert_cmpstr (enough_turn_get_text (get_turn (doomed, 0)), ==, "Keep me.");
  flush (test);
}

static void
test_delete_dialogue (Fixture       *fixture,
                      gconstpointer  data)
{
  without_animations ();
  enough_test_run_app (delete_and_restore_dialogue, fixture);
}

#define MANY_TURNS 500

static void
many_turns (EnoughTestApp *test)
{
  EnoughCriticPage *page = get_page (test);
  EnoughStore *store = enough_window_get_store (test->window);
  g_autoptr(GPtrArray) rows = NULL;
  EnoughDialogue *dialogue;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "critic.new", NULL));
  dialogue = enough_critic_page_get_dialogue (page);
  for (guint i = 0; i < MANY_TURNS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Turn number %u, said plainly.", i);
      g_autoptr(EnoughTurn) turn = enough_store_add_turn (store, dialogue, -1,
                                                          i % 2 ? ENOUGH_SPEAKER_ME : ENOUGH_SPEAKER_CRITIC,
                                                          text);
    }
  say (page, "And one more.");
  g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)), ==, MANY_TURNS + 1);

  /* Rows are made for what is near the screen (GtkListView keeps at most
   * about 200 around it), not one per turn. */
  rows = get_turn_rows (page);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <=, 250);
  flush (test);
}

static void
test_many_turns (Fixture       *fixture,
                 gconstpointer  data)
{
  enough_test_run_app (many_turns, fixture);
}

/* ---- Many dialogues: the first frame shows the newest, then all -------------- */

#define MANY_DIALOGUES 60

static void
make_many_dialogues (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughCriticPage *page = get_page (test);
  EnoughStore *store = enough_window_get_store (test->window);

  for (guint i = 0; i < MANY_DIALOGUES; i++)
    {
      g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (store);
      g_autofree char *title = g_strdup_printf ("Dialogue %u", i);

      enough_dialogue_set_title (dialogue, title);
      if (i == 0)
        fixture->dialogue_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (dialogue)));
      /* the newest has something to show */
      for (guint t = 0; i == MANY_DIALOGUES - 1 && t < 3; t++)
        g_object_unref (enough_store_add_turn (store, dialogue, -1, ENOUGH_SPEAKER_CRITIC, CRITIC_1));
    }
  flush (test);

  /* The oldest stays open across the restart. */
  {
    EnoughRecord *oldest = enough_store_lookup (store, ENOUGH_RECORD_KIND_DIALOGUE,
                                                fixture->dialogue_uuid);

    enough_critic_page_open_dialogue (page, ENOUGH_DIALOGUE (oldest));
    g_object_unref (oldest);
  }
}

static void
reopen_oldest (EnoughTestApp *test)
{
  Fixture *fixture = test->user_data;
  EnoughCriticPage *page = get_page (test);
  GtkListView *list = find_dialogue_list (page);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  GListModel *model = G_LIST_MODEL (selection);
  g_autoptr(GObject) selected = NULL;

  /* The open dialogue is older than the first frame's rows: its row is
   * there and selected all the same. */
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (enough_critic_page_get_dialogue (page))),
                   ==, fixture->dialogue_uuid);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, MANY_DIALOGUES);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, MANY_DIALOGUES - 1);
  selected = g_list_model_get_item (model, MANY_DIALOGUES - 1);
  g_assert_true (selected == (GObject *) enough_critic_page_get_dialogue (page));
}

static void
newest_then_all (EnoughTestApp *test)
{
  EnoughCriticPage *page = get_page (test);
  GtkListView *list = find_dialogue_list (page);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  GListModel *dialogues = enough_store_get_dialogues (enough_window_get_store (test->window));
  guint frames = 0;

  /* The newest dialogue opens, and its row is the first. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <=, MANY_DIALOGUES);

  /* A few frames later every dialogue has its place in the list, and the
   * open one shows its turns. */
  while (g_list_model_get_n_items (model) < MANY_DIALOGUES && frames++ < 10000)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, MANY_DIALOGUES);
  {
    g_autoptr(GPtrArray) rows = get_turn_rows (page);

    g_assert_cmpuint (rows->len, ==, 3);
  }

  /* Before its first frame, a page has a windowful of rows (a 700 px
   * window: 17) and the open dialogue's turns wait for the next frame. */
  {
    GtkWidget *window = gtk_window_new ();
    EnoughCriticPage *other = g_object_new (ENOUGH_TYPE_CRITIC_PAGE, NULL);
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    GListModel *other_model;

    gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
    gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (other));
    enough_critic_page_set_store (other, enough_window_get_store (test->window));
    other_model = G_LIST_MODEL (gtk_list_view_get_model (find_dialogue_list (other)));
    g_assert_cmpuint (g_list_model_get_n_items (other_model), ==, 17);
    g_assert_true (enough_critic_page_get_dialogue (other) == enough_critic_page_get_dialogue (page));
    find_all (GTK_WIDGET (other), ENOUGH_TYPE_TURN_ROW, rows);
    g_assert_cmpuint (rows->len, ==, 0);

    gtk_window_present (GTK_WINDOW (window));
    frames = 0;
    while ((g_list_model_get_n_items (other_model) < MANY_DIALOGUES || rows->len < 3) &&
           frames++ < 10000)
      {
        g_main_context_iteration (NULL, TRUE);
        g_ptr_array_set_size (rows, 0);
        find_all (GTK_WIDGET (other), ENOUGH_TYPE_TURN_ROW, rows);
      }
    g_assert_cmpuint (g_list_model_get_n_items (other_model), ==, MANY_DIALOGUES);
    g_assert_cmpuint (rows->len, ==, 3);
    gtk_window_destroy (GTK_WINDOW (window));
  }
  for (guint i = 0; i < MANY_DIALOGUES; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (model, i);
      g_autoptr(GObject) b = g_list_model_get_item (dialogues, i);

      g_assert_true (a == b);
    }
}

static void
test_many_dialogues (Fixture       *fixture,
                     gconstpointer  data)
{
  enough_test_run_app (make_many_dialogues, fixture);
  enough_test_run_app (reopen_oldest, fixture);
  enough_test_reset_settings ();
  enough_test_run_app (newest_then_all, fixture);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/critic-page/dialogue-round-trip", test_dialogue_round_trip);
  ADD ("/critic-page/prompt-card", test_prompt_card);
  ADD ("/critic-page/narrow-window", test_narrow_window);
  ADD ("/critic-page/delete-dialogue", test_delete_dialogue);
  ADD ("/critic-page/many-turns", test_many_turns);
  ADD ("/critic-page/many-dialogues", test_many_dialogues);

#undef ADD

  return g_test_run ();
}
