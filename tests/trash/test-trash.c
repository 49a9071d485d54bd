/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>

#include "enough-gui-test-utils.h"
#include "enough-test-utils.h"
#include "enough-trash-row.h"
#include "enough-trash-window.h"

/* Recently Deleted, from the primary menu: what it lists, Restore, and
 * Delete for Good after a confirmation. (The keeping and the purge:
 * tests/store/test-store-trash.c.) */

static EnoughTrashRow *
find_row (GtkWidget    *root,
          EnoughRecord *record)
{
  /* depth first over every descendant */
  GPtrArray *stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (ENOUGH_IS_TRASH_ROW (w) && enough_trash_row_get_record (ENOUGH_TRASH_ROW (w)) == record)
        {
          g_ptr_array_unref (stack);
          return ENOUGH_TRASH_ROW (w);
        }
      for (GtkWidget *child = gtk_widget_get_first_child (w); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);
  g_assert_not_reached ();
  return NULL;
}

static void
restore_and_delete (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);
  g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (store);
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (store);
  g_autofree char *letter_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (letter)));
  g_autoptr(GPtrArray) trash = NULL;
  g_autoptr(GError) error = NULL;
  EnoughTrashWindow *window;
  GtkWindow *dialog;
  GListModel *model;
  GtkWidget *status;

  enough_dialogue_set_title (dialogue, "Before the review");
  enough_letter_set_not_good_enough (letter, "The garden");
  g_assert_true (enough_store_flush (store, &error));
  enough_store_delete (store, dialogue);
  enough_store_delete (store, letter);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_dialogues (store)), ==, 0);

  /* From the primary menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.recently-deleted", NULL));
  enough_test_drain_main_context ();
  window = ENOUGH_TRASH_WINDOW (enough_test_find_window_of_type (ENOUGH_TYPE_TRASH_WINDOW));
  g_assert_nonnull (window);
  model = enough_trash_window_get_model (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_nonnull (enough_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LABEL, "Before the review"));
  g_assert_nonnull (enough_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LABEL, "The garden"));
  g_assert_nonnull (enough_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                                 "Inner Critic dialogue · Deleted: Today"));

  /* Restore: back in its list, out of the trash. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_row (GTK_WIDGET (window), ENOUGH_RECORD (dialogue))),
                                             "row.restore", NULL));
  enough_test_drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_dialogues (store)), ==, 1);
  g_assert_false (enough_record_is_deleted (ENOUGH_RECORD (dialogue)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* Delete for Good asks first; Cancel keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_row (GTK_WIDGET (window), ENOUGH_RECORD (letter))),
                                             "row.delete", NULL));
  enough_test_drain_main_context ();
  dialog = enough_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  enough_test_drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_row (GTK_WIDGET (window), ENOUGH_RECORD (letter))),
                                             "row.delete", NULL));
  enough_test_drain_main_context ();
  dialog = enough_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  enough_test_drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  trash = enough_store_list_trash (store);
  g_assert_cmpuint (trash->len, ==, 0);

  /* Nothing left: says so. */
  status = enough_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_true (gtk_widget_get_mapped (status));

  gtk_window_destroy (GTK_WINDOW (window));
  enough_test_drain_main_context ();
}

static void
test_restore_and_delete (EnoughTestFixture *fixture,
                         gconstpointer      data)
{
  enough_test_run_app (restore_and_delete, NULL);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

  g_test_add ("/trash/restore-and-delete", EnoughTestFixture, NULL,
              enough_test_fixture_setup, test_restore_and_delete, enough_test_fixture_teardown);

  return g_test_run ();
}
