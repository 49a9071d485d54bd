/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "enough-store.h"
#include "enough-store-test-utils.h"

/* Recently deleted: entries wait ENOUGH_STORE_TRASH_DAYS (by the store's
 * clock) to be restored or deleted for good; turns do not (their Undo
 * toast is their safety net). */

#define DAY ((gint64) 24 * 60 * 60 * G_USEC_PER_SEC)

static gint64
count (StoreFixture *f,
       const char   *sql)
{
  return query_int (f->path, sql);
}

static void
test_kept_and_restored (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (f->store);
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  g_autoptr(EnoughTurn) turn = NULL;
  g_autoptr(GPtrArray) trash = NULL;
  g_autofree char *dialogue_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (dialogue)));
  EnoughDialogue *back;

  enough_dialogue_set_title (dialogue, "Before the review");
  turn = enough_store_add_turn (f->store, dialogue, -1, ENOUGH_SPEAKER_CRITIC, "Not good enough.");
  g_clear_object (&turn);
  turn = enough_store_add_turn (f->store, dialogue, -1, ENOUGH_SPEAKER_ME, "Says who?");
  enough_letter_set_text (letter, "Dear me");
  flush (f->store);

  /* A turn deleted inside a dialogue: not an entry, not in the trash. */
  enough_store_delete (f->store, turn);
  enough_store_delete (f->store, dialogue);
  enough_store_delete (f->store, letter);
  trash = enough_store_list_trash (f->store);
  g_assert_cmpuint (trash->len, ==, 2);
  g_assert_true (trash->pdata[0] == (gpointer) letter);  /* newest deletion first */
  g_assert_true (trash->pdata[1] == (gpointer) dialogue);
  g_clear_pointer (&trash, g_ptr_array_unref);
  g_clear_object (&dialogue);
  g_clear_object (&letter);
  g_clear_object (&turn);

  /* A session later, 29 days on: still there, rows and all. */
  fixture_reopen (f);
  f->now += 29 * DAY;
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_dialogues (f->store)), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM turn"), ==, 1);  /* the deleted turn went */
  trash = enough_store_list_trash (f->store);
  g_assert_cmpuint (trash->len, ==, 2);
  g_assert_true (ENOUGH_IS_DIALOGUE (trash->pdata[1]));
  back = trash->pdata[1];
  g_assert_cmpstr (enough_dialogue_get_title (back), ==, "Before the review");
  g_assert_cmpint (enough_store_get_deleted_at (f->store, back), >, 0);

  /* Restored: in its list again, with its turn, and no longer in the trash. */
  enough_store_restore (f->store, back);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_dialogues (f->store)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (back)), ==, 1);
  g_clear_pointer (&trash, g_ptr_array_unref);
  trash = enough_store_list_trash (f->store);
  g_assert_cmpuint (trash->len, ==, 1);
  g_assert_true (ENOUGH_IS_LETTER (trash->pdata[0]));
  g_clear_pointer (&trash, g_ptr_array_unref);
  flush (f->store);

  /* 31 days after the deletion: the letter is purged at close; the
   * restored dialogue stays. */
  f->now += 2 * DAY;
  fixture_reopen (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM letter"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM dialogue WHERE deleted_at = 0"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_dialogues (f->store)), ==, 1);
  {
    g_autoptr(EnoughRecord) found = enough_store_lookup (f->store, ENOUGH_RECORD_KIND_DIALOGUE, dialogue_uuid);

    g_assert_nonnull (found);
    g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (ENOUGH_DIALOGUE (found))), ==, 1);
  }
  trash = enough_store_list_trash (f->store);
  g_assert_cmpuint (trash->len, ==, 0);
}

static void
test_delete_for_good (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (f->store);
  g_autoptr(EnoughSelfCheck) check = enough_store_create_self_check (f->store, 1);
  g_autoptr(EnoughTurn) turn = enough_store_add_turn (f->store, dialogue, -1, ENOUGH_SPEAKER_CRITIC, "x");
  g_autoptr(GPtrArray) trash = NULL;
  g_autoptr(GError) error = NULL;

  flush (f->store);
  enough_store_delete (f->store, dialogue);
  enough_store_delete (f->store, check);

  /* From the trash: gone now, turns too, nothing left to restore. */
  g_assert_true (enough_store_delete_for_good (f->store, dialogue, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM dialogue"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM turn"), ==, 0);
  trash = enough_store_list_trash (f->store);
  g_assert_cmpuint (trash->len, ==, 1);
  g_assert_true (trash->pdata[0] == (gpointer) check);
  g_clear_pointer (&trash, g_ptr_array_unref);

  /* Experiments are entries too. */
  {
    g_autoptr(EnoughExperiment) experiment = enough_store_create_experiment (f->store);

    flush (f->store);
    enough_store_delete (f->store, experiment);
    trash = enough_store_list_trash (f->store);
    g_assert_cmpuint (trash->len, ==, 2);
    g_assert_true (trash->pdata[0] == (gpointer) experiment);
    g_clear_pointer (&trash, g_ptr_array_unref);
    enough_store_restore (f->store, experiment);
  }

  /* An entry not yet deleted (an empty draft left behind): quietly gone. */
  {
    g_autoptr(EnoughLetter) draft = enough_store_create_letter (f->store);

    g_assert_true (enough_store_delete_for_good (f->store, draft, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_letters (f->store)), ==, 0);
    g_assert_cmpint (count (f, "SELECT count(*) FROM letter"), ==, 0);
    trash = enough_store_list_trash (f->store);
    g_assert_cmpuint (trash->len, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-trash/kept-and-restored", StoreFixture, NULL,
              fixture_setup, test_kept_and_restored, fixture_teardown);
  g_test_add ("/store-trash/delete-for-good", StoreFixture, NULL,
              fixture_setup, test_delete_for_good, fixture_teardown);

  return g_test_run ();
}
