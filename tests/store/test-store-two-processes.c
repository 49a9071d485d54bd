/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <string.h>

#include "enough-store-test-utils.h"

/* Two processes on one journal (the window open, and `enough --export` or
 * a second window's store): WAL and the busy timeout let them read and
 * write side by side, nobody is locked out, nothing is lost or damaged.
 * The other process is this test binary again, run with --child. */

static const char *self_exe;

#define CHILD_LETTERS 40

/* ---- the child ------------------------------------------------------------ */

static int
child_main (const char *mode,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = enough_store_open (path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);

  if (store == NULL)
    {
      g_printerr ("child: open: %s\n", error->message);
      return 2;
    }

  if (g_str_equal (mode, "write"))
    {
      GListModel *letters = enough_store_get_letters (store);

      /* What an export does first: read everything. */
      enough_store_load_all (store);
      for (guint i = 0; i < g_list_model_get_n_items (letters); i++)
        {
          g_autoptr(EnoughLetter) letter = g_list_model_get_item (letters, i);

          if (enough_letter_get_text (letter) == NULL)
            return 3;
        }

      /* Then write, one transaction at a time, while the parent writes. */
      for (guint i = 0; i < CHILD_LETTERS; i++)
        {
          g_autoptr(EnoughLetter) letter = enough_store_create_letter (store);
          g_autofree char *text = g_strdup_printf ("child %u", i);

          enough_letter_set_text (letter, text);
          if (!enough_store_flush (store, &error))
            {
              g_printerr ("child: flush %u: %s\n", i, error->message);
              return 4;
            }
        }
    }

  if (!enough_store_close (store, &error))
    {
      g_printerr ("child: close: %s\n", error->message);
      return 5;
    }
  return 0;
}

/* ---- the parent ------------------------------------------------------------ */

typedef struct
{
  gboolean done;
  GError  *error;
} Wait;

static void
child_exited (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Wait *wait = data;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &wait->error);
  wait->done = TRUE;
}

static GSubprocess *
spawn_child (const char *mode,
             const char *path,
             Wait       *wait)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                                         self_exe, "--child", mode, path, NULL);

  g_assert_no_error (error);
  g_subprocess_wait_check_async (child, NULL, child_exited, wait);
  return child;
}

static gboolean
type_cb (gpointer data)
{
  EnoughLetter *letter = data;
  g_autofree char *text = g_strdup_printf ("%s.", enough_letter_get_text (letter));

  enough_letter_set_text (letter, text);
  return G_SOURCE_CONTINUE;
}

static void
test_write_side_by_side (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  Wait wait = { FALSE, NULL };
  guint n_created = 0;
  guint typing;
  EnoughLetter *typed;

  /* The window's side: autosave on its timer, typing all along. */
  enough_store_set_autosave_delay (f->store, 5);
  typed = enough_store_create_letter (f->store);
  enough_letter_set_text (typed, "Typing");
  g_ptr_array_add (mine, typed);
  typing = g_timeout_add (2, type_cb, typed);

  child = spawn_child ("write", f->path, &wait);
  while (!wait.done)
    {
      g_main_context_iteration (NULL, TRUE);
      /* and new letters now and then */
      if (n_created < 200 && g_random_int_range (0, 4) == 0)
        {
          EnoughLetter *letter = enough_store_create_letter (f->store);
          g_autofree char *text = g_strdup_printf ("parent %u", n_created++);

          enough_letter_set_text (letter, text);
          g_ptr_array_add (mine, letter);
        }
    }
  g_source_remove (typing);
  g_assert_no_error (wait.error);

  g_assert_true (enough_store_flush (f->store, &error));
  g_assert_no_error (error);
  g_test_message ("parent created %u letters while the child wrote %u", n_created, CHILD_LETTERS);

  /* Both sides' words, whole, in a sound file. */
  check = query_text (f->path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM letter WHERE text LIKE 'child %'"), ==,
                   CHILD_LETTERS);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM letter WHERE text LIKE 'parent %'"), ==,
                   n_created);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT length(text) FROM letter WHERE uuid = '%s'",
                                            enough_record_get_uuid (ENOUGH_RECORD (typed)));
    g_assert_cmpint (query_int (f->path, sql), ==, strlen (enough_letter_get_text (typed)));
  }

  /* The parent sees the child's letters after reopening (ids never clash). */
  g_ptr_array_set_size (mine, 0);
  fixture_reopen (f);
  enough_store_load_all (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_letters (f->store)), ==,
                    1 + n_created + CHILD_LETTERS);
}

/* A dialogue deleted in the window (its Undo toast still up) while another
 * process opens and closes the journal (an export): Undo still brings the
 * whole dialogue back, turns included. */
static void
test_undo_after_other_process (StoreFixture  *f,
                               gconstpointer  data)
{
  g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (f->store);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  Wait wait = { FALSE, NULL };

  /* Real time, as between two real processes: the fixture's clock starts in
   * 2023, which would make this deletion look long past its Undo. */
  enough_store_set_clock (f->store, NULL, NULL);
  enough_dialogue_set_title (dialogue, "A hard morning");
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("turn %d", i);
      g_autoptr(EnoughTurn) turn = enough_store_add_turn (f->store, dialogue, -1,
                                                          ENOUGH_SPEAKER_CRITIC, text);
    }
  g_assert_true (enough_store_flush (f->store, &error));
  uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (dialogue)));

  enough_store_delete (f->store, dialogue);
  g_assert_true (enough_store_flush (f->store, &error));
  g_assert_no_error (error);

  child = spawn_child ("open-close", f->path, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (wait.error);

  /* Undo */
  enough_store_restore (f->store, dialogue);
  g_assert_true (enough_store_flush (f->store, &error));
  g_assert_no_error (error);
  g_clear_object (&dialogue);
  fixture_reopen (f);

  {
    g_autoptr(EnoughRecord) again = enough_store_lookup (f->store, ENOUGH_RECORD_KIND_DIALOGUE, uuid);

    g_assert_nonnull (again);
    g_assert_cmpstr (enough_dialogue_get_title (ENOUGH_DIALOGUE (again)), ==, "A hard morning");
    /* The other process's open and close must not purge a deletion that
     * can still be undone: the dialogue comes back with all its turns. */
    g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (ENOUGH_DIALOGUE (again))), ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2], argv[3]);

  self_exe = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/two-processes/write-side-by-side", StoreFixture, NULL,
              fixture_setup, test_write_side_by_side, fixture_teardown);
  g_test_add ("/store/two-processes/undo-after-other-process", StoreFixture, NULL,
              fixture_setup, test_undo_after_other_process, fixture_teardown);

  return g_test_run ();
}
