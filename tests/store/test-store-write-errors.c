/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <string.h>

#include "enough-failing-vfs.h"
#include "enough-store-test-utils.h"

/* The disk fills up, or the file system turns read-only, while the user
 * writes: through the store's own autosave timer, every word stays queued
 * in memory, the store retries by itself, and everything is saved once the
 * disk works again. The disk is a VFS shim (enough-failing-vfs.h). */

typedef struct
{
  guint   n_saved;
  guint   n_failed;
  GError *last_error;
} Events;

static void
on_saved (EnoughStore *store,
          guint        n_records,
          Events      *events)
{
  events->n_saved++;
}

static void
on_write_failed (EnoughStore  *store,
                 const GError *error,
                 Events       *events)
{
  events->n_failed++;
  g_clear_error (&events->last_error);
  events->last_error = g_error_copy (error);
}

/* Runs the main loop (the autosave timer's) until *counter reaches @target. */
static void
wait_for (guint *counter,
          guint  target)
{
  enough_test_wait_for_count (counter, target, 20);
}

static void
connect_events (StoreFixture *f,
                Events       *events)
{
  g_signal_connect (f->store, "saved", G_CALLBACK (on_saved), events);
  g_signal_connect (f->store, "write-failed", G_CALLBACK (on_write_failed), events);
  /* The real autosave path, with a short delay. */
  enough_store_set_autosave_delay (f->store, 10);
}

static void
disconnect_events (StoreFixture *f,
                   Events       *events)
{
  g_signal_handlers_disconnect_by_data (f->store, events);
  g_clear_error (&events->last_error);
}

static void
assert_sound (const char *path)
{
  g_autofree char *check = query_text (path, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
}

static void
setup (StoreFixture  *f,
       gconstpointer  data)
{
  failing_vfs_set_mode (FAILING_VFS_OFF, 0);
  fixture_setup (f, data);
}

static void
teardown (StoreFixture  *f,
          gconstpointer  data)
{
  failing_vfs_set_mode (FAILING_VFS_OFF, 0);
  fixture_teardown (f, data);
}

/* One letter edited while the disk fails, for each way a disk fails. */
static void
test_fails_then_recovers (StoreFixture  *f,
                          gconstpointer  data)
{
  FailingVfsMode mode = GPOINTER_TO_INT (data);
  EnoughStoreError expected = mode == FAILING_VFS_FULL ? ENOUGH_STORE_ERROR_DISK_FULL
                                                       : ENOUGH_STORE_ERROR_IO;
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  Events events = { 0 };
  int failed_before = failing_vfs_get_n_failed ();
  g_autofree char *on_disk = NULL;

  connect_events (f, &events);
  enough_letter_set_text (letter, "Before the disk filled up.");
  wait_for (&events.n_saved, 1);

  failing_vfs_set_mode (mode, 0);
  enough_letter_set_text (letter, "Written while the disk is full.");
  wait_for (&events.n_failed, 1);
  g_assert_error (events.last_error, ENOUGH_STORE_ERROR, expected);
  g_assert_cmpint (failing_vfs_get_n_failed (), >, failed_before);

  /* Nothing lost: the words are in memory and queued again. */
  g_assert_cmpuint (enough_store_get_n_pending (f->store), ==, 1);
  g_assert_cmpstr (enough_letter_get_text (letter), ==, "Written while the disk is full.");
  on_disk = query_text (f->path, "SELECT text FROM letter");
  g_assert_cmpstr (on_disk, ==, "Before the disk filled up.");
  g_clear_pointer (&on_disk, g_free);

  /* The store retries by itself, without anyone typing. */
  wait_for (&events.n_failed, 2);
  g_assert_cmpuint (events.n_saved, ==, 1);

  /* More typing while it fails. */
  enough_letter_set_text (letter, "Still writing; the disk is still full.");
  wait_for (&events.n_failed, 3);

  /* Space comes back: the next retry saves the newest words. */
  failing_vfs_set_mode (FAILING_VFS_OFF, 0);
  wait_for (&events.n_saved, 2);
  g_assert_cmpuint (enough_store_get_n_pending (f->store), ==, 0);
  on_disk = query_text (f->path, "SELECT text FROM letter");
  g_assert_cmpstr (on_disk, ==, "Still writing; the disk is still full.");
  assert_sound (f->path);

  disconnect_events (f, &events);
  g_clear_object (&letter);
  fixture_reopen (f);
  {
    g_autoptr(EnoughLetter) again = g_list_model_get_item (enough_store_get_letters (f->store), 0);

    g_assert_cmpstr (enough_letter_get_text (again), ==, "Still writing; the disk is still full.");
  }
}

/* The disk fills up in the middle of a big batch: the transaction is all
 * or nothing, and the whole batch is saved later. */
static void
test_full_mid_batch (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) letters = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *page = g_strnfill (6000, 'x');
  Events events = { 0 };

  connect_events (f, &events);
  {
    g_autoptr(EnoughLetter) first = enough_store_create_letter (f->store);

    enough_letter_set_text (first, "The first one.");
    wait_for (&events.n_saved, 1);
  }

  /* A few pages get written, then the disk is full. */
  failing_vfs_set_mode (FAILING_VFS_FULL, 3);
  for (guint i = 0; i < 20; i++)
    {
      EnoughLetter *letter = enough_store_create_letter (f->store);
      g_autofree char *text = g_strdup_printf ("%u %s", i, page);

      enough_letter_set_text (letter, text);
      g_ptr_array_add (letters, letter);
    }
  wait_for (&events.n_failed, 1);
  g_assert_error (events.last_error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_DISK_FULL);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM letter"), ==, 1);
  g_assert_cmpuint (enough_store_get_n_pending (f->store), ==, 20);
  assert_sound (f->path);

  failing_vfs_set_mode (FAILING_VFS_OFF, 0);
  wait_for (&events.n_saved, 2);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM letter"), ==, 21);
  g_assert_cmpint (query_int (f->path, "SELECT sum(length(text)) FROM letter"), ==,
                   strlen ("The first one.") + 20 * (6000 + 2) + 10);
  assert_sound (f->path);
  disconnect_events (f, &events);
}

/* While writes fail, flush() says so and keeps everything queued; the
 * button in the window's banner relies on that. */
static void
test_flush_while_full (StoreFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  g_autoptr(GError) error = NULL;

  failing_vfs_set_mode (FAILING_VFS_FULL, 0);
  enough_letter_set_text (letter, "Typed on a full disk.");
  g_assert_false (enough_store_flush (f->store, &error));
  g_assert_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_DISK_FULL);
  g_clear_error (&error);
  g_assert_cmpuint (enough_store_get_n_pending (f->store), ==, 1);
  g_assert_false (enough_store_flush (f->store, &error));
  g_clear_error (&error);

  failing_vfs_set_mode (FAILING_VFS_OFF, 0);
  g_assert_true (enough_store_flush (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enough_store_get_n_pending (f->store), ==, 0);
  g_clear_object (&letter);
  fixture_reopen (f);
  {
    g_autoptr(EnoughLetter) again = g_list_model_get_item (enough_store_get_letters (f->store), 0);

    g_assert_cmpstr (enough_letter_get_text (again), ==, "Typed on a full disk.");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  failing_vfs_install ();

#define ADD(path, data, func) \
  g_test_add (path, StoreFixture, data, setup, func, teardown)

  ADD ("/store/write-errors/disk-full", GINT_TO_POINTER (FAILING_VFS_FULL), test_fails_then_recovers);
  ADD ("/store/write-errors/read-only-file-system", GINT_TO_POINTER (FAILING_VFS_READ_ONLY),
       test_fails_then_recovers);
  ADD ("/store/write-errors/fsync-fails", GINT_TO_POINTER (FAILING_VFS_SYNC), test_fails_then_recovers);
  ADD ("/store/write-errors/full-mid-batch", NULL, test_full_mid_batch);
  ADD ("/store/write-errors/flush-while-full", NULL, test_flush_while_full);

#undef ADD

  return g_test_run ();
}
