/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
/* The store's autosave: coalescing, the timer, async flush and a full disk.
 * (Split from test-store.c to keep files short.) */
#include <glib/gstdio.h>
#include <string.h>

#include "enough-store.h"
#include "enough-store-private.h"
#include "enough-store-test-hooks.h"
#include "enough-store-schema.h"
#include "enough-store-test-utils.h"
#include "enough-tables.h"

/* ---- autosave -------------------------------------------------------------- */

static void
count_saved (EnoughStore *store,
             guint        n_records,
             guint       *counter)
{
  (*counter)++;
}

static void
test_autosave_coalesces (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  guint saved = 0;
  g_autofree char *text = NULL;

  g_signal_connect (f->store, "saved", G_CALLBACK (count_saved), &saved);
  flush (f->store);
  g_assert_cmpuint (saved, ==, 1);

  /* A hundred keystrokes are one pending record, nothing on disk yet. */
  for (guint i = 1; i <= 100; i++)
    {
      g_autofree char *value = g_strnfill (i, 'a');
      enough_letter_set_text (letter, value);
    }
  g_assert_cmpuint (enough_store_get_n_pending (f->store), ==, 1);
  text = query_text (f->path, "SELECT text FROM letter");
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  flush (f->store);
  g_assert_cmpuint (saved, ==, 2);
  g_assert_cmpuint (enough_store_get_n_pending (f->store), ==, 0);
  text = query_text (f->path, "SELECT text FROM letter");
  g_assert_cmpuint (strlen (text), ==, 100);
  g_signal_handlers_disconnect_by_data (f->store, &saved);
}

static void
test_autosave_timer (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (f->store);
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  guint saved = 0;
  g_autofree char *title = NULL;

  g_signal_connect (f->store, "saved", G_CALLBACK (count_saved), &saved);
  enough_dialogue_set_title (dialogue, "one");
  enough_letter_set_text (letter, "two");
  enough_dialogue_set_title (dialogue, "three");
  g_assert_cmpuint (enough_store_get_n_pending (f->store), ==, 2);

  /* A short delay instead of sleeping: the main loop runs the timer,
   * then the worker's completion. */
  enough_store_set_autosave_delay (f->store, 1);
  while (saved == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (saved, ==, 1);  /* one transaction for both records */
  g_assert_cmpuint (enough_store_get_n_pending (f->store), ==, 0);
  title = query_text (f->path, "SELECT title FROM dialogue");
  g_assert_cmpstr (title, ==, "three");
  g_signal_handlers_disconnect_by_data (f->store, &saved);
}

static void
flush_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (enough_store_flush_finish (ENOUGH_STORE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_autosave_flush_async (StoreFixture  *f,
                           gconstpointer  data)
{
  g_autoptr(EnoughSelfCheck) check = enough_store_create_self_check (f->store, 1);
  gboolean done = FALSE;

  enough_self_check_set_note (check, "async");
  enough_store_flush_async (f->store, NULL, flush_done, &done);
  g_assert_cmpuint (enough_store_get_n_pending (f->store), ==, 0);  /* handed over */
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM self_check WHERE note = 'async'"), ==, 1);
}

static void
record_error (EnoughStore  *store,
              const GError *error,
              GError      **out)
{
  g_clear_error (out);
  *out = g_error_copy (error);
}

static void
test_autosave_disk_full (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) signalled = NULL;
  g_autofree char *big = g_strnfill (2 * 1024 * 1024, 'w');
  g_autofree char *sql = NULL;
  gint64 pages;

  enough_letter_set_text (letter, "small");
  flush (f->store);
  g_signal_connect (f->store, "write-failed", G_CALLBACK (record_error), &signalled);

  /* A database that may not grow is a full disk, as far as SQLite and we
   * are concerned (SQLITE_FULL). */
  pages = query_int (f->path, "PRAGMA page_count");
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);
  g_assert_true (_enough_store_exec_on_writer (f->store, sql, &error));
  g_assert_no_error (error);

  enough_letter_set_text (letter, big);
  g_assert_false (enough_store_flush (f->store, &error));
  g_assert_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_DISK_FULL);
  g_assert_error (signalled, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_DISK_FULL);
  g_clear_error (&error);

  /* The words are still here and still queued. */
  g_assert_cmpuint (enough_store_get_n_pending (f->store), ==, 1);
  g_assert_cmpstr (enough_letter_get_text (letter), ==, big);
  {
    g_autofree char *on_disk = query_text (f->path, "SELECT text FROM letter");
    g_assert_cmpstr (on_disk, ==, "small");
  }

  /* Space comes back: the retry saves it. */
  g_assert_true (_enough_store_exec_on_writer (f->store, "PRAGMA max_page_count = 1073741823", &error));
  flush (f->store);
  g_assert_cmpuint (enough_store_get_n_pending (f->store), ==, 0);
  g_signal_handlers_disconnect_by_data (f->store, &signalled);
  g_clear_object (&letter);
  fixture_reopen (f);
  g_assert_cmpuint (strlen (enough_letter_get_text (item (enough_store_get_letters (f->store), 0))), ==,
                    2 * 1024 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store/autosave/coalesces", test_autosave_coalesces);
  ADD ("/store/autosave/timer", test_autosave_timer);
  ADD ("/store/autosave/flush-async", test_autosave_flush_async);
  ADD ("/store/autosave/disk-full", test_autosave_disk_full);

  return g_test_run ();
}
