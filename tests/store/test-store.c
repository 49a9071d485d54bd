/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include <glib/gstdio.h>
#include <string.h>

#include "enough-store.h"
#include "enough-store-private.h"
#include "enough-store-test-hooks.h"
#include "enough-store-schema.h"
#include "enough-store-test-utils.h"
#include "enough-tables.h"

/* ---- helpers ------------------------------------------------------------ */

typedef struct
{
  guint position, removed, added;
  guint n_calls;
} Changed;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changed    *c)
{
  c->position = position;
  c->removed = removed;
  c->added = added;
  c->n_calls++;
}

static void
assert_changed (Changed *c,
                guint    position,
                guint    removed,
                guint    added)
{
  g_assert_cmpuint (c->n_calls, ==, 1);
  g_assert_cmpuint (c->position, ==, position);
  g_assert_cmpuint (c->removed, ==, removed);
  g_assert_cmpuint (c->added, ==, added);
  memset (c, 0, sizeof *c);
}

/* ---- opening ------------------------------------------------------------ */

static void
test_open_new (StoreFixture  *f,
               gconstpointer  data)
{
  GStatBuf st;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *mode = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(EnoughLetter) letter = NULL;

  g_assert_cmpstr (enough_store_get_path (f->store), ==, f->path);
  g_assert_true (enough_store_is_writable (f->store));
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_dialogues (f->store)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_letters (f->store)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_self_checks (f->store)), ==, 0);

  letter = enough_store_create_letter (f->store);
  enough_letter_set_text (letter, "private");
  flush (f->store);

  /* Private folder and files. */
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, ENOUGH_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (f->path, "PRAGMA application_id"), ==, 0x456e6f75);
  mode = query_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
}

static void
test_open_default_path (void)
{
  g_autofree char *dir = enough_test_make_data_dir ();
  g_autofree char *expected = g_build_filename (dir, "sub", "journal.db", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  EnoughStore *store;
  GStatBuf st;

  g_setenv ("ENOUGH_DATA_DIR", sub, TRUE);
  path = enough_store_get_default_path ();
  g_assert_cmpstr (path, ==, expected);

  store = enough_store_open (NULL, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (enough_store_get_path (store), ==, expected);
  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (enough_store_close (store, &error));
  g_assert_finalize_object (store);
  enough_test_remove_data_dir (dir);
}

/* ---- CRUD for every kind ------------------------------------------------- */

static void
test_dialogue_crud (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (f->store);
  g_autofree char *uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (dialogue)));
  g_autoptr(EnoughTurn) t1 = NULL;
  g_autoptr(EnoughTurn) t2 = NULL;
  GListModel *turns;
  EnoughDialogue *again;
  EnoughTurn *turn;
  gint64 created = enough_record_get_created_at (ENOUGH_RECORD (dialogue));
  guint notified = 0;

  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpstr (enough_dialogue_get_title (dialogue), ==, "");
  g_assert_cmpint (enough_dialogue_get_intensity_start (dialogue), ==, ENOUGH_INTENSITY_UNSET);

  g_signal_connect_swapped (dialogue, "notify::critic-name", G_CALLBACK (g_atomic_int_inc), &notified);
  enough_dialogue_set_title (dialogue, "Before the exam");
  enough_dialogue_set_critic_name (dialogue, "the Judge");
  enough_dialogue_set_critic_name (dialogue, "the Judge");  /* no change, no notify */
  g_assert_cmpuint (notified, ==, 1);
  enough_dialogue_set_intensity_start (dialogue, 9);
  enough_dialogue_set_intensity_end (dialogue, 0);
  enough_dialogue_set_prompt_step (dialogue, 2);
  g_assert_cmpint (enough_record_get_updated_at (ENOUGH_RECORD (dialogue)), >, created);

  t1 = enough_store_add_turn (f->store, dialogue, -1, ENOUGH_SPEAKER_CRITIC, "You will fail.");
  t2 = enough_store_add_turn (f->store, dialogue, -1, ENOUGH_SPEAKER_ME, "I prepared well.");
  enough_turn_set_patterns (t1, ENOUGH_PATTERN_CATASTROPHISING | ENOUGH_PATTERN_FORTUNE_TELLING);
  g_assert_cmpstr (enough_turn_get_dialogue_uuid (t1), ==, uuid);
  g_assert_true (g_list_model_get_item_type (enough_dialogue_get_turns (dialogue)) == ENOUGH_TYPE_TURN);

  flush (f->store);
  g_assert_cmpuint (enough_store_get_n_pending (f->store), ==, 0);
  g_clear_object (&t1);
  g_clear_object (&t2);
  g_clear_object (&dialogue);
  fixture_reopen (f);

  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_dialogues (f->store)), ==, 1);
  again = item (enough_store_get_dialogues (f->store), 0);
  g_assert_true (ENOUGH_IS_DIALOGUE (again));
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (again)), ==, uuid);
  g_assert_cmpstr (enough_dialogue_get_title (again), ==, "Before the exam");
  g_assert_cmpstr (enough_dialogue_get_critic_name (again), ==, "the Judge");
  g_assert_cmpint (enough_dialogue_get_intensity_start (again), ==, 9);
  g_assert_cmpint (enough_dialogue_get_intensity_end (again), ==, 0);
  g_assert_cmpuint (enough_dialogue_get_prompt_step (again), ==, 2);
  g_assert_cmpint (enough_record_get_created_at (ENOUGH_RECORD (again)), ==, created);

  /* Same row, same object. */
  g_assert_true (item (enough_store_get_dialogues (f->store), 0) == again);
  {
    g_autoptr(EnoughRecord) looked = enough_store_lookup (f->store, ENOUGH_RECORD_KIND_DIALOGUE, uuid);
    g_assert_true (looked == ENOUGH_RECORD (again));
  }

  turns = enough_dialogue_get_turns (again);
  g_assert_cmpuint (g_list_model_get_n_items (turns), ==, 2);
  turn = item (turns, 0);
  g_assert_cmpint (enough_turn_get_speaker (turn), ==, ENOUGH_SPEAKER_CRITIC);
  g_assert_cmpstr (enough_turn_get_text (turn), ==, "You will fail.");
  g_assert_cmpint (enough_turn_get_patterns (turn), ==,
                   ENOUGH_PATTERN_CATASTROPHISING | ENOUGH_PATTERN_FORTUNE_TELLING);
  turn = item (turns, 1);
  g_assert_cmpint (enough_turn_get_speaker (turn), ==, ENOUGH_SPEAKER_ME);
  g_assert_cmpstr (enough_turn_get_text (turn), ==, "I prepared well.");

  /* Edit a turn in place. */
  enough_turn_set_text (turn, "I prepared well, and that is enough.");
  enough_turn_set_speaker (turn, ENOUGH_SPEAKER_CRITIC);
  flush (f->store);
  fixture_reopen (f);
  again = item (enough_store_get_dialogues (f->store), 0);
  turn = item (enough_dialogue_get_turns (again), 1);
  g_assert_cmpstr (enough_turn_get_text (turn), ==, "I prepared well, and that is enough.");
  g_assert_cmpint (enough_turn_get_speaker (turn), ==, ENOUGH_SPEAKER_CRITIC);
}

static void
test_letter_crud (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  g_autofree char *uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (letter)));
  EnoughLetter *again;
  g_autoptr(GPtrArray) due = NULL;

  enough_letter_set_not_good_enough (letter, "My talk stumbled twice.");
  enough_letter_set_feelings (letter, ENOUGH_FEELING_ASHAMED | ENOUGH_FEELING_TIRED);
  enough_letter_set_text (letter, "Dear friend, stumbling is how talks sound when people are human.");
  enough_letter_set_step (letter, 2);
  enough_letter_set_reread (letter, ENOUGH_REREAD_TOMORROW, (gint64) 1800000000 * G_USEC_PER_SEC);
  enough_letter_set_takeaway (letter, "Human is enough.");
  flush (f->store);
  g_clear_object (&letter);
  fixture_reopen (f);

  again = item (enough_store_get_letters (f->store), 0);
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (again)), ==, uuid);
  g_assert_cmpstr (enough_letter_get_not_good_enough (again), ==, "My talk stumbled twice.");
  g_assert_cmpint (enough_letter_get_feelings (again), ==, ENOUGH_FEELING_ASHAMED | ENOUGH_FEELING_TIRED);
  g_assert_cmpstr (enough_letter_get_text (again), ==,
                   "Dear friend, stumbling is how talks sound when people are human.");
  g_assert_cmpuint (enough_letter_get_step (again), ==, 2);
  g_assert_cmpint (enough_letter_get_reread (again), ==, ENOUGH_REREAD_TOMORROW);
  g_assert_cmpint (enough_letter_get_reread_at (again), ==, (gint64) 1800000000 * G_USEC_PER_SEC);
  g_assert_cmpint (enough_letter_get_reread_done_at (again), ==, 0);
  g_assert_cmpstr (enough_letter_get_takeaway (again), ==, "Human is enough.");

  /* Reread reminders */
  due = enough_store_list_due_rereads (f->store, (gint64) 1700000000 * G_USEC_PER_SEC, 10);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = enough_store_list_due_rereads (f->store, (gint64) 1800000001 * G_USEC_PER_SEC, 10);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_true (g_ptr_array_index (due, 0) == again);
  enough_letter_set_reread_done_at (again, (gint64) 1800000100 * G_USEC_PER_SEC);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = enough_store_list_due_rereads (f->store, (gint64) 1800000101 * G_USEC_PER_SEC, 10);
  g_assert_cmpuint (due->len, ==, 0);
}

static void
test_self_check_crud (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(EnoughSelfCheck) done = enough_store_create_self_check (f->store, 3);
  g_autoptr(EnoughSelfCheck) open = NULL;
  g_autoptr(EnoughSelfCheck) in_progress = NULL;
  guint8 answers[ENOUGH_SELF_CHECK_N_ITEMS];
  EnoughSelfCheck *again;

  g_assert_cmpuint (enough_self_check_get_bank_version (done), ==, 3);
  for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
    enough_self_check_set_answer (done, i, 1 + i % 5);
  enough_self_check_set_current_index (done, 23);
  enough_self_check_set_completed_at (done, (gint64) 1700000500 * G_USEC_PER_SEC);
  enough_self_check_set_note (done, "Felt calmer than last month.");
  g_assert_cmpuint (enough_self_check_get_n_answered (done), ==, 24);

  open = enough_store_create_self_check (f->store, 3);
  enough_self_check_set_answer (open, 0, 4);
  enough_self_check_set_current_index (open, 1);

  in_progress = enough_store_dup_self_check_in_progress (f->store);
  g_assert_true (in_progress == open);
  g_clear_object (&in_progress);

  flush (f->store);
  g_clear_object (&done);
  g_clear_object (&open);
  fixture_reopen (f);

  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_self_checks (f->store)), ==, 2);
  again = item (enough_store_get_self_checks (f->store), 1);  /* the older, completed one */
  g_assert_true (enough_self_check_is_completed (again));
  g_assert_cmpuint (enough_self_check_get_bank_version (again), ==, 3);
  enough_self_check_get_answers (again, answers);
  for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
    g_assert_cmpuint (answers[i], ==, 1 + i % 5);
  g_assert_cmpstr (enough_self_check_get_answers_string (again), ==, "123451234512345123451234");
  g_assert_cmpstr (enough_self_check_get_note (again), ==, "Felt calmer than last month.");
  g_assert_cmpint (enough_self_check_get_completed_at (again), ==, (gint64) 1700000500 * G_USEC_PER_SEC);

  in_progress = enough_store_dup_self_check_in_progress (f->store);
  g_assert_nonnull (in_progress);
  g_assert_false (enough_self_check_is_completed (in_progress));
  g_assert_cmpuint (enough_self_check_get_answer (in_progress, 0), ==, 4);
  g_assert_cmpuint (enough_self_check_get_answer (in_progress, 1), ==, 0);
  g_assert_cmpuint (enough_self_check_get_current_index (in_progress), ==, 1);

  /* Finishing it leaves none in progress. */
  enough_self_check_set_completed_at (in_progress, (gint64) 1700000900 * G_USEC_PER_SEC);
  g_clear_object (&in_progress);
  in_progress = enough_store_dup_self_check_in_progress (f->store);
  g_assert_null (in_progress);
}

/* ---- lists: order, signals, delete + undo --------------------------------- */

/* The history of completed self-checks: only completed, not deleted ones,
 * newest first, kept in step with completing, deleting and restoring. */
static void
test_completed_self_checks (StoreFixture  *f,
                            gconstpointer  data)
{
  g_autoptr(EnoughSelfCheck) a = enough_store_create_self_check (f->store, 3);
  g_autoptr(EnoughSelfCheck) b = enough_store_create_self_check (f->store, 3);
  g_autoptr(EnoughSelfCheck) c = enough_store_create_self_check (f->store, 3);
  g_autoptr(EnoughSelfCheck) open = enough_store_create_self_check (f->store, 3);
  GListModel *completed;
  Changed ch = { 0 };

  enough_self_check_set_completed_at (a, enough_store_now (f->store));
  enough_self_check_set_completed_at (c, enough_store_now (f->store));
  flush (f->store);

  completed = enough_store_get_completed_self_checks (f->store);
  g_assert_true (completed == enough_store_get_completed_self_checks (f->store));
  g_assert_true (g_list_model_get_item_type (completed) == ENOUGH_TYPE_SELF_CHECK);
  g_assert_cmpuint (g_list_model_get_n_items (completed), ==, 2);
  g_assert_true (item (completed, 0) == c);
  g_assert_true (item (completed, 1) == a);
  g_signal_connect (completed, "items-changed", G_CALLBACK (on_items_changed), &ch);

  /* Answering questions changes nothing; completing b puts it between. */
  enough_self_check_set_answer (b, 0, 3);
  g_assert_cmpuint (ch.n_calls, ==, 0);
  enough_self_check_set_completed_at (b, enough_store_now (f->store));
  assert_changed (&ch, 1, 0, 1);
  g_assert_true (item (completed, 1) == b);
  /* A new completion time of a completed check moves nothing. */
  enough_self_check_set_completed_at (b, enough_store_now (f->store));
  g_assert_cmpuint (ch.n_calls, ==, 0);

  /* Deleted: out; Undo: back in its place. */
  enough_store_delete (f->store, c);
  assert_changed (&ch, 0, 1, 0);
  g_assert_true (item (completed, 0) == b);
  enough_store_restore (f->store, c);
  assert_changed (&ch, 0, 0, 1);
  g_assert_true (item (completed, 0) == c);

  /* The one in progress never shows; deleting it moves nothing here. */
  enough_store_delete (f->store, open);
  g_assert_cmpuint (ch.n_calls, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (completed), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_self_checks (f->store)), ==, 3);

  /* Deleted and saved: the same after a restart. */
  enough_store_delete (f->store, a);
  assert_changed (&ch, 2, 1, 0);
  flush (f->store);
  g_signal_handlers_disconnect_by_func (completed, on_items_changed, &ch);
  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  g_clear_object (&open);
  fixture_reopen (f);

  completed = enough_store_get_completed_self_checks (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (completed), ==, 2);
  g_assert_true (enough_self_check_is_completed (item (completed, 0)));
  g_assert_true (enough_self_check_is_completed (item (completed, 1)));
  g_assert_cmpint (enough_record_get_created_at (item (completed, 0)), >,
                   enough_record_get_created_at (item (completed, 1)));
}

static void
test_list_order_and_signals (StoreFixture  *f,
                             gconstpointer  data)
{
  GListModel *letters = enough_store_get_letters (f->store);
  Changed c = { 0 };
  g_autoptr(EnoughLetter) a = NULL;
  g_autoptr(EnoughLetter) b = NULL;
  g_autoptr(EnoughLetter) d = NULL;

  g_signal_connect (letters, "items-changed", G_CALLBACK (on_items_changed), &c);

  a = enough_store_create_letter (f->store);
  assert_changed (&c, 0, 0, 1);
  b = enough_store_create_letter (f->store);
  assert_changed (&c, 0, 0, 1);
  d = enough_store_create_letter (f->store);
  assert_changed (&c, 0, 0, 1);

  /* Newest first. */
  g_assert_true (item (letters, 0) == d);
  g_assert_true (item (letters, 1) == b);
  g_assert_true (item (letters, 2) == a);

  /* Delete the middle one: removed at 1; Undo puts it back at 1. */
  enough_store_delete (f->store, b);
  assert_changed (&c, 1, 1, 0);
  g_assert_true (enough_record_is_deleted (ENOUGH_RECORD (b)));
  g_assert_cmpuint (g_list_model_get_n_items (letters), ==, 2);
  g_assert_true (item (letters, 1) == a);
  enough_store_restore (f->store, b);
  assert_changed (&c, 1, 0, 1);
  g_assert_false (enough_record_is_deleted (ENOUGH_RECORD (b)));
  g_assert_true (item (letters, 1) == b);

  /* Deleted and saved: gone once its days in Recently Deleted are over
   * (purged at close). */
  enough_store_delete (f->store, a);
  assert_changed (&c, 2, 1, 0);
  enough_letter_set_text (d, "kept");
  flush (f->store);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM letter"), ==, 3);
  {
    g_autoptr(EnoughRecord) gone = enough_store_lookup (f->store, ENOUGH_RECORD_KIND_LETTER,
                                                        enough_record_get_uuid (ENOUGH_RECORD (a)));
    g_assert_null (gone);
  }
  g_signal_handlers_disconnect_by_func (letters, on_items_changed, &c);
  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&d);
  /* (kept in Recently Deleted until then: test-store-trash.c) */
  f->now += ENOUGH_STORE_TRASH_USEC + G_USEC_PER_SEC;
  fixture_reopen (f);

  letters = enough_store_get_letters (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (letters), ==, 2);
  g_assert_cmpstr (enough_letter_get_text (item (letters, 0)), ==, "kept");
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM letter"), ==, 2);
}

static void
test_list_deleted_unsaved_entry (StoreFixture  *f,
                                 gconstpointer  data)
{
  g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (f->store);

  /* Created and deleted before any save: never becomes visible. */
  enough_dialogue_set_title (dialogue, "oops");
  enough_store_delete (f->store, dialogue);
  flush (f->store);
  g_clear_object (&dialogue);
  f->now += ENOUGH_STORE_TRASH_USEC + G_USEC_PER_SEC;  /* past Recently Deleted */
  fixture_reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_dialogues (f->store)), ==, 0);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM dialogue"), ==, 0);
}

static void
test_list_lazy_paging (StoreFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *dialogues = enough_store_get_dialogues (f->store);
  Changed c = { 0 };
  guint n;
  gint64 previous = G_MAXINT64;

  g_signal_connect (dialogues, "items-changed", G_CALLBACK (on_items_changed), &c);
  g_assert_true (enough_store_generate_synthetic (f->store, 600, 7, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (dialogues);
  assert_changed (&c, 0, 0, n);
  g_assert_cmpuint (n, >, 200);
  g_assert_cmpuint (n + g_list_model_get_n_items (enough_store_get_letters (f->store)) +
                    g_list_model_get_n_items (enough_store_get_self_checks (f->store)), ==, 600);

  /* Random access far down works and stays newest first. */
  for (guint i = 0; i < n; i += 37)
    {
      EnoughRecord *r = item (dialogues, i);
      g_assert_cmpint (enough_record_get_created_at (r), <=, previous);
      previous = enough_record_get_created_at (r);
    }
  g_assert_null (g_list_model_get_item (dialogues, n));
  g_signal_handlers_disconnect_by_func (dialogues, on_items_changed, &c);

  /* Reopened, the lists start with their newest page and load the rest
   * from an idle, appending at the end. */
  fixture_reopen (f);
  dialogues = enough_store_get_dialogues (f->store);
  g_assert_true (enough_store_is_loading (f->store));
  g_assert_cmpuint (g_list_model_get_n_items (dialogues), <, n);
  g_assert_cmpuint (g_list_model_get_n_items (dialogues), >=, 64);
  {
    guint first = g_list_model_get_n_items (dialogues);

    int cache_before = 0, cache_after = 0, highwater;
    sqlite3 *rdb = _enough_store_get_read_db (f->store);
    sqlite3_stmt *stmt = NULL;

    /* (the read connection's cache made bigger than its first allocation,
     * which stays, by reading every letter) */
    g_assert_cmpint (sqlite3_prepare_v2 (rdb, "SELECT text FROM letter", -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      ;
    sqlite3_finalize (stmt);
    sqlite3_db_status (rdb, SQLITE_DBSTATUS_CACHE_USED, &cache_before, &highwater, FALSE);
    g_signal_connect (dialogues, "items-changed", G_CALLBACK (on_items_changed), &c);
    while (enough_store_is_loading (f->store))
      g_main_context_iteration (NULL, TRUE);
    assert_changed (&c, first, 0, n - first);
    g_signal_handlers_disconnect_by_func (dialogues, on_items_changed, &c);
    /* The pages the ids came through are let go once all are in. */
    sqlite3_db_status (rdb, SQLITE_DBSTATUS_CACHE_USED, &cache_after, &highwater, FALSE);
    g_test_message ("read cache: %d bytes before the tail, %d after", cache_before, cache_after);
    g_assert_cmpint (cache_after, <, cache_before);
  }
  g_assert_cmpuint (g_list_model_get_n_items (dialogues), ==, n);
  previous = G_MAXINT64;
  for (guint i = 0; i < n; i += 7)
    {
      EnoughRecord *r = item (dialogues, i);
      g_assert_cmpint (enough_record_get_created_at (r), <=, previous);
      previous = enough_record_get_created_at (r);
    }

  /* Deleting while the tail is still loading finishes the load first, so
   * positions are right. */
  fixture_reopen (f);
  dialogues = enough_store_get_dialogues (f->store);
  g_assert_true (enough_store_is_loading (f->store));
  {
    g_autoptr(EnoughRecord) first = g_list_model_get_item (dialogues, 0);

    enough_store_delete (f->store, first);
    g_assert_false (enough_store_is_loading (f->store));
    g_assert_cmpuint (g_list_model_get_n_items (dialogues), ==, n - 1);
    enough_store_restore (f->store, first);
    g_assert_true (item (dialogues, 0) == (gpointer) first);
  }
}

/* ---- turns --------------------------------------------------------------- */

static const char *
turn_text (GListModel *turns,
           guint       i)
{
  return enough_turn_get_text (item (turns, i));
}

static void
test_turns_order (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (f->store);
  GListModel *turns = enough_dialogue_get_turns (dialogue);
  Changed c = { 0 };
  g_autoptr(EnoughTurn) b = NULL;
  g_autofree char *dialogue_uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (dialogue)));
  EnoughDialogue *again;

  g_signal_connect (turns, "items-changed", G_CALLBACK (on_items_changed), &c);
  g_object_unref (enough_store_add_turn (f->store, dialogue, -1, ENOUGH_SPEAKER_CRITIC, "a"));
  assert_changed (&c, 0, 0, 1);
  g_object_unref (enough_store_add_turn (f->store, dialogue, -1, ENOUGH_SPEAKER_ME, "c"));
  assert_changed (&c, 1, 0, 1);
  b = enough_store_add_turn (f->store, dialogue, 1, ENOUGH_SPEAKER_ME, "b");
  assert_changed (&c, 1, 0, 1);
  g_assert_cmpstr (turn_text (turns, 0), ==, "a");
  g_assert_cmpstr (turn_text (turns, 1), ==, "b");
  g_assert_cmpstr (turn_text (turns, 2), ==, "c");

  /* Many inserts at the same place exhaust the gaps and renumber. */
  for (guint i = 0; i < 14; i++)
    {
      g_autofree char *text = g_strdup_printf ("x%02u", 13 - i);
      g_object_unref (enough_store_add_turn (f->store, dialogue, 1, ENOUGH_SPEAKER_ME, text));
      memset (&c, 0, sizeof c);
    }
  g_assert_cmpuint (g_list_model_get_n_items (turns), ==, 17);
  g_assert_cmpstr (turn_text (turns, 1), ==, "x00");
  g_assert_cmpstr (turn_text (turns, 14), ==, "x13");
  g_assert_cmpstr (turn_text (turns, 15), ==, "b");
  for (guint i = 1; i < 17; i++)
    g_assert_cmpint (enough_turn_get_position (item (turns, i - 1)), <,
                     enough_turn_get_position (item (turns, i)));

  /* Move b to the front. */
  memset (&c, 0, sizeof c);
  enough_store_move_turn (f->store, b, 0);
  g_assert_cmpuint (c.n_calls, ==, 2);  /* removed at 15, added at 0 */
  assert_changed (&(Changed) { c.position, c.removed, c.added, 1 }, 0, 0, 1);
  memset (&c, 0, sizeof c);
  g_assert_cmpstr (turn_text (turns, 0), ==, "b");
  g_assert_cmpstr (turn_text (turns, 1), ==, "a");

  /* Delete and undo a turn. */
  enough_store_delete (f->store, b);
  assert_changed (&c, 0, 1, 0);
  g_assert_cmpstr (turn_text (turns, 0), ==, "a");
  enough_store_restore (f->store, b);
  assert_changed (&c, 0, 0, 1);
  g_assert_cmpstr (turn_text (turns, 0), ==, "b");
  enough_store_delete (f->store, item (turns, 16));  /* "c" */
  memset (&c, 0, sizeof c);

  flush (f->store);
  g_signal_handlers_disconnect_by_func (turns, on_items_changed, &c);
  g_clear_object (&b);
  g_clear_object (&dialogue);
  fixture_reopen (f);

  again = item (enough_store_get_dialogues (f->store), 0);
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (again)), ==, dialogue_uuid);
  turns = enough_dialogue_get_turns (again);
  g_assert_cmpuint (g_list_model_get_n_items (turns), ==, 16);
  g_assert_cmpstr (turn_text (turns, 0), ==, "b");
  g_assert_cmpstr (turn_text (turns, 1), ==, "a");
  g_assert_cmpstr (turn_text (turns, 2), ==, "x00");
  g_assert_cmpstr (turn_text (turns, 15), ==, "x13");
}

static void
test_turns_many (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (f->store);
  EnoughDialogue *again;
  GListModel *turns;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *text = g_strdup_printf ("turn %u", i);
      g_object_unref (enough_store_add_turn (f->store, dialogue, -1, i % 2, text));
    }
  flush (f->store);
  g_clear_object (&dialogue);
  fixture_reopen (f);

  again = item (enough_store_get_dialogues (f->store), 0);
  turns = enough_dialogue_get_turns (again);
  g_assert_cmpuint (g_list_model_get_n_items (turns), ==, 1000);
  g_assert_cmpstr (turn_text (turns, 999), ==, "turn 999");
  g_assert_cmpstr (turn_text (turns, 500), ==, "turn 500");
  g_assert_cmpstr (turn_text (turns, 0), ==, "turn 0");
}

/* ---- the table descriptions ---------------------------------------------- */

/* Every column the store, export and import use comes from
 * enough-tables.c; the schema steps are written out by hand. They must
 * agree column for column: name, order and type. */
static void
test_tables_match_schema (StoreFixture  *f,
                          gconstpointer  data)
{
  sqlite3 *db = _enough_store_get_read_db (f->store);

  /* Every record kind's table, then the drafts' (kind 0). */
  for (guint kind = ENOUGH_RECORD_KIND_DIALOGUE; kind <= ENOUGH_RECORD_KIND_LAST + 1; kind++)
    {
      const EnoughTable *table = kind <= ENOUGH_RECORD_KIND_LAST ? enough_table_for_kind (kind)
                                                                 : enough_table_critic_draft ();
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", table->name);
      sqlite3_stmt *stmt = NULL;
      guint n = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 1);
          const char *type = (const char *) sqlite3_column_text (stmt, 2);

          g_assert_cmpuint (n, <, table->n_columns);
          g_assert_cmpstr (name, ==, table->columns[n].name);
          g_assert_cmpstr (type, ==, (table->columns[n].flags & ENOUGH_COLUMN_TEXT) ? "TEXT" : "INTEGER");
          n++;
        }
      sqlite3_finalize (stmt);
      g_assert_cmpuint (n, ==, table->n_columns);
    }
  g_assert_null (enough_table_for_kind (0));
  g_assert_null (enough_table_for_kind (ENOUGH_RECORD_KIND_LAST + 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store/open/new", test_open_new);
  g_test_add_func ("/store/open/default-path", test_open_default_path);
  ADD ("/store/dialogue/crud", test_dialogue_crud);
  ADD ("/store/letter/crud", test_letter_crud);
  ADD ("/store/self-check/crud", test_self_check_crud);
  ADD ("/store/self-check/completed-list", test_completed_self_checks);
  ADD ("/store/list/order-and-signals", test_list_order_and_signals);
  ADD ("/store/list/deleted-unsaved", test_list_deleted_unsaved_entry);
  ADD ("/store/list/lazy-paging", test_list_lazy_paging);
  ADD ("/store/turns/order", test_turns_order);
  ADD ("/store/turns/many", test_turns_many);
  ADD ("/store/tables/match-schema", test_tables_match_schema);

  return g_test_run ();
}
