/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "crypt-test-utils.h"  /* first: it asks for memmem */

#include <glib/gstdio.h>

#include "enough-crypt-key.h"
#include "enough-export.h"
#include "enough-store-private.h"
#include "enough-store-schema.h"
#include "enough-store-test-utils.h"

/* The store on an encrypted journal: turning encryption on and off, the
 * passphrase, and what is on disk. */

#define PASSPHRASE "a long walk by the sea"

static void
set_up (StoreFixture  *f,
        gconstpointer  data)
{
  (void) data;
  f->dir = enough_test_make_data_dir ();
  f->path = g_build_filename (f->dir, "journal.db", NULL);
  f->now = G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC;
}

static void
tear_down (StoreFixture  *f,
           gconstpointer  data)
{
  (void) data;
  if (f->store != NULL)
    {
      enough_store_close (f->store, NULL);
      g_assert_finalize_object (f->store);
    }
  enough_test_remove_data_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
close_store (StoreFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (enough_store_close (f->store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (f->store);
  f->store = NULL;
}

/* Every word in a dialogue (title, critic, turn), a letter and a backup. */
static void
write_words (StoreFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (f->store);
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
  g_autoptr(EnoughTurn) turn = NULL;
  g_autofree char *all = g_strjoinv (" ", (char **) words);

  enough_dialogue_set_title (dialogue, words[0]);
  enough_dialogue_set_critic_name (dialogue, words[3]);
  turn = enough_store_add_turn (f->store, dialogue, -1, ENOUGH_SPEAKER_CRITIC, all);
  enough_letter_set_text (letter, all);
  flush (f->store);
  g_assert_true (enough_store_backup_now (f->store, &error));
  g_assert_no_error (error);
}

/* The words are all there, read back through the store. */
static void
assert_words_back (EnoughStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *all = g_strjoinv (" ", (char **) words);
  EnoughLetter *letter;
  EnoughDialogue *dialogue;
  g_autoptr(GListModel) results = NULL;

  enough_store_load_all (store);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_letters (store)), >=, 1);
  letter = item (enough_store_get_letters (store), 0);
  g_assert_cmpstr (enough_letter_get_text (letter), ==, all);
  dialogue = item (enough_store_get_dialogues (store), 0);
  g_assert_cmpstr (enough_dialogue_get_title (dialogue), ==, words[0]);
  g_assert_cmpstr (enough_dialogue_get_critic_name (dialogue), ==, words[3]);
  /* The full-text index works through the encryption too. */
  results = enough_store_search (store, words[2], 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 2);
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

static void
test_encrypt_and_decrypt (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery = NULL;
  g_autofree char *key_path = enough_key_file_path_for (f->path);
  g_autoptr(EnoughCryptKey) key = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  (void) data;
  f->store = fixture_open (f);
  write_words (f);
  close_store (f);
  g_assert_false (enough_store_is_encrypted (f->path));

  /* On. */
  g_assert_true (enough_store_encrypt (f->path, PASSPHRASE, &recovery, &error));
  g_assert_no_error (error);
  g_assert_nonnull (recovery);
  g_assert_true (enough_store_is_encrypted (f->path));
  assert_no_plaintext (f->dir);
  backups = enough_store_list_backups (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);

  /* Without the passphrase: a clear refusal. */
  g_assert_null (enough_store_open (f->path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error));
  g_assert_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_ENCRYPTED);
  g_clear_error (&error);

  /* A wrong passphrase: an error, and not one byte changed. */
  {
    g_autoptr(GBytes) db_before = read_bytes (f->path);
    g_autoptr(GBytes) key_before = read_bytes (key_path);
    g_autoptr(GBytes) db_after = NULL;
    g_autoptr(GBytes) key_after = NULL;

    g_assert_null (enough_store_open_encrypted (f->path, "wrong", ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error));
    g_assert_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_WRONG_PASSPHRASE);
    g_clear_error (&error);
    g_assert_false (enough_store_decrypt (f->path, "wrong", &error));
    g_assert_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_WRONG_PASSPHRASE);
    g_clear_error (&error);
    db_after = read_bytes (f->path);
    key_after = read_bytes (key_path);
    g_assert_true (g_bytes_equal (db_before, db_after));
    g_assert_true (g_bytes_equal (key_before, key_after));
  }

  /* With it: everything back, new words saved encrypted, backups too. */
  f->store = enough_store_open_encrypted (f->path, PASSPHRASE, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (enough_store_get_encrypted (f->store));
  enough_store_set_clock (f->store, fixture_clock, f);
  enough_store_set_autosave_delay (f->store, G_MAXUINT);
  assert_words_back (f->store);
  write_words (f);
  assert_no_plaintext (f->dir);   /* while open: WAL and SHM too */
  {
    /* Export (the user's explicit act) stays plain, outside the folder. */
    g_autofree char *out_dir = enough_test_make_data_dir ();
    g_autofree char *out = g_build_filename (out_dir, "export.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (out);
    g_autoptr(GBytes) exported = NULL;
    EnoughExportOptions options = { 0 };
    guint n = 0;

    options.format = ENOUGH_EXPORT_JSON;
    g_assert_true (enough_export_to_file (f->path, &options, file, &n, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 4);
    exported = read_bytes (out);
    g_assert_true (contains (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported),
                             words[2], strlen (words[2])));
    enough_test_remove_data_dir (out_dir);
  }
  close_store (f);
  assert_no_plaintext (f->dir);

  /* The recovery key opens it too. */
  key = enough_key_file_unlock_recovery (key_path, recovery, &error);
  g_assert_no_error (error);
  f->store = enough_store_open_with_key (f->path, key, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  assert_words_back (f->store);
  close_store (f);

  /* A new passphrase: the old one stops working, nothing re-encrypted. */
  {
    g_autoptr(GBytes) db_before = read_bytes (f->path);
    g_autoptr(GBytes) db_after = NULL;

    g_assert_true (enough_store_change_passphrase (f->path, PASSPHRASE, "new words", &error));
    g_assert_no_error (error);
    db_after = read_bytes (f->path);
    g_assert_true (g_bytes_equal (db_before, db_after));
    g_assert_null (enough_store_open_encrypted (f->path, PASSPHRASE, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error));
    g_assert_error (error, ENOUGH_CRYPT_ERROR, ENOUGH_CRYPT_ERROR_WRONG_PASSPHRASE);
    g_clear_error (&error);
  }

  /* Off. */
  g_assert_true (enough_store_decrypt (f->path, "new words", &error));
  g_assert_no_error (error);
  g_assert_false (enough_store_is_encrypted (f->path));
  g_assert_false (g_file_test (key_path, G_FILE_TEST_EXISTS));
  f->store = fixture_open (f);
  assert_words_back (f->store);
  close_store (f);
  /* The backups are plain again and restorable without a key. */
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = enough_store_list_backups (f->path, &error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_true (enough_store_restore_backup (f->path, ((EnoughBackupInfo *) backups->pdata[0])->path, &error));
  g_assert_no_error (error);
}

static void
test_damaged (StoreFixture  *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  (void) data;
  f->store = fixture_open (f);
  g_assert_true (enough_store_generate_synthetic (f->store, 200, 7, &error));
  g_assert_no_error (error);
  close_store (f);
  g_assert_true (enough_store_encrypt (f->path, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);

  /* One flipped byte in the middle of the file. */
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  contents[len / 2] ^= 1;
  g_assert_true (g_file_set_contents (f->path, contents, len, NULL));
  f->store = enough_store_open_encrypted (f->path, PASSPHRASE,
                                          ENOUGH_STORE_OPEN_NO_AUTO_BACKUP | ENOUGH_STORE_OPEN_CHECK_SYNC,
                                          &error);
  g_assert_null (f->store);
  g_assert_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "damaged or the passphrase is wrong"));
}

/* A crash between any two steps of a conversion leaves one journal. */
static void
test_interrupted (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key_path = enough_key_file_path_for (f->path);
  g_autofree char *db_enc = g_strconcat (f->path, ".encrypting", NULL);
  g_autofree char *key_new = g_strconcat (key_path, ".encrypting", NULL);

  (void) data;
  f->store = fixture_open (f);
  write_words (f);
  close_store (f);

  /* Before the key file's rename: still the plain journal. */
  g_assert_true (g_file_set_contents (db_enc, "half", 4, NULL));
  g_assert_true (g_file_set_contents (key_new, "half", 4, NULL));
  g_assert_false (enough_store_is_encrypted (f->path));
  g_assert_false (g_file_test (db_enc, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (key_new, G_FILE_TEST_EXISTS));
  f->store = fixture_open (f);
  assert_words_back (f->store);
  close_store (f);

  /* After it: the encrypted copy is the journal. Made by hand here: an
   * encrypted copy, then the journal put back as it was before. */
  {
    g_autoptr(GBytes) plain = read_bytes (f->path);

    g_assert_true (enough_store_encrypt (f->path, PASSPHRASE, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_rename (f->path, db_enc), ==, 0);
    g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (plain, NULL),
                                        g_bytes_get_size (plain), NULL));
  }
  g_assert_true (enough_store_is_encrypted (f->path));
  g_assert_false (g_file_test (db_enc, G_FILE_TEST_EXISTS));
  f->store = enough_store_open_encrypted (f->path, PASSPHRASE, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  assert_words_back (f->store);
  close_store (f);
}

/* Encryption turned on before there is a journal: the first open makes
 * an encrypted one. */
static void
test_new_encrypted (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  (void) data;
  g_assert_true (enough_store_encrypt (f->path, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (enough_store_is_encrypted (f->path));
  f->store = enough_store_open_encrypted (f->path, PASSPHRASE, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  enough_store_set_clock (f->store, fixture_clock, f);
  enough_store_set_autosave_delay (f->store, G_MAXUINT);
  write_words (f);
  assert_no_plaintext (f->dir);
  close_store (f);
  assert_no_plaintext (f->dir);
  f->store = enough_store_open_encrypted (f->path, PASSPHRASE, ENOUGH_STORE_OPEN_CHECK_SYNC, &error);
  g_assert_no_error (error);
  assert_words_back (f->store);
  close_store (f);
}

/* ---- Unsent drafts ------------------------------------------------------ */

#define DIALOGUE_UUID "11111111-1111-4111-8111-111111111111"

/* A journal as version 6 left it: the old-journal rows (the dialogue's
 * title a known word) and the plain file of unsent drafts beside it, one of a dialogue
 * that is no more. */
static void
make_v6_journal (StoreFixture *f)
{
  g_autofree char *all = g_strjoinv (" ", (char **) words);
  g_autofree char *json = NULL;
  g_autofree char *drafts_path = g_build_filename (f->dir, "critic-drafts.json", NULL);
  char *rows = sqlite3_mprintf (OLD_JOURNAL_FIRST_ROWS "UPDATE dialogue SET title = %Q WHERE id = 1;", words[0]);

  f->store = fixture_open (f);
  fixture_make_old_journal (f, 6, rows);
  sqlite3_free (rows);

  json = g_strdup_printf ("{\"version\":1,\"drafts\":{"
                          "\"" DIALOGUE_UUID "\":{\"speaker\":\"me\",\"text\":\"%s\"},"
                          "\"99999999-9999-4999-8999-999999999999\":{\"speaker\":\"critic\",\"text\":\"%s\"}}}",
                          all, words[1]);
  g_assert_true (g_file_set_contents (drafts_path, json, -1, NULL));
}

static EnoughDraft *
find_draft (GPtrArray  *drafts,
            const char *uuid)
{
  for (guint i = 0; i < drafts->len; i++)
    if (g_strcmp0 (((EnoughDraft *) drafts->pdata[i])->dialogue_uuid, uuid) == 0)
      return drafts->pdata[i];
  return NULL;
}

static GPtrArray *
list_drafts (EnoughStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts = enough_store_list_drafts (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (drafts);
  return drafts;
}

/* Version 6 to 7 on a plain journal: the rows stay, the file's drafts move
 * into the journal and the file goes, once. */
static void
test_drafts_migrate (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autofree char *all = g_strjoinv (" ", (char **) words);
  g_autofree char *drafts_path = g_build_filename (f->dir, "critic-drafts.json", NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  EnoughDraft *draft;
  EnoughDialogue *dialogue;

  (void) data;
  make_v6_journal (f);
  f->store = fixture_open (f);
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, 7);
  g_assert_false (g_file_test (drafts_path, G_FILE_TEST_EXISTS));
  enough_store_load_all (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_dialogues (f->store)), ==, 1);
  dialogue = item (enough_store_get_dialogues (f->store), 0);
  g_assert_cmpstr (enough_dialogue_get_title (dialogue), ==, words[0]);
  g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)), ==, 1);
  drafts = list_drafts (f->store);
  g_assert_cmpuint (drafts->len, ==, 2);
  draft = find_draft (drafts, DIALOGUE_UUID);
  g_assert_nonnull (draft);
  g_assert_cmpstr (draft->text, ==, all);
  g_assert_cmpint (draft->speaker, ==, ENOUGH_SPEAKER_ME);
  close_store (f);

  /* Once: a second open finds them in the journal, no file again. */
  f->store = fixture_open (f);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = list_drafts (f->store);
  g_assert_cmpuint (drafts->len, ==, 2);
  g_assert_false (g_file_test (drafts_path, G_FILE_TEST_EXISTS));

  /* The dialogue deleted for good takes its draft along. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EnoughDialogue) gone = g_object_ref (item (enough_store_get_dialogues (f->store), 0));

    g_assert_true (enough_store_delete_for_good (f->store, gone, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = list_drafts (f->store);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_null (find_draft (drafts, DIALOGUE_UUID));
}

/* Turning encryption on with the old plain file of drafts beside the
 * journal: the drafts end up inside the encrypted journal, and no file
 * under the data folder (journal, WAL, backups) holds a word in clear,
 * before or after new drafts are saved. */
static void
test_drafts_encrypted (StoreFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *all = g_strjoinv (" ", (char **) words);
  g_autofree char *drafts_path = g_build_filename (f->dir, "critic-drafts.json", NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func ((GDestroyNotify) enough_draft_free);

  (void) data;
  make_v6_journal (f);
  g_assert_true (enough_store_encrypt (f->path, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (drafts_path, G_FILE_TEST_EXISTS));
  assert_no_plaintext (f->dir);

  f->store = enough_store_open_encrypted (f->path, PASSPHRASE, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  drafts = list_drafts (f->store);
  g_assert_cmpuint (drafts->len, ==, 2);
  g_assert_cmpstr (find_draft (drafts, DIALOGUE_UUID)->text, ==, all);

  /* New drafts replace the old ones, in one go; empty ones are left out. */
  g_ptr_array_add (mine, enough_draft_new (DIALOGUE_UUID, ENOUGH_SPEAKER_CRITIC, words[4]));
  g_ptr_array_add (mine, enough_draft_new ("88888888-8888-4888-8888-888888888888", ENOUGH_SPEAKER_ME, ""));
  enough_store_save_drafts (f->store, mine);
  flush (f->store);
  assert_no_plaintext (f->dir);  /* while open: WAL and SHM too */
  close_store (f);
  assert_no_plaintext (f->dir);

  f->store = enough_store_open_encrypted (f->path, PASSPHRASE, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = list_drafts (f->store);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (find_draft (drafts, DIALOGUE_UUID)->text, ==, words[4]);
  g_assert_cmpint (find_draft (drafts, DIALOGUE_UUID)->speaker, ==, ENOUGH_SPEAKER_CRITIC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  _enough_crypt_set_kdf_params (1, 64);

  g_test_add ("/crypt-store/encrypt-and-decrypt", StoreFixture, NULL, set_up, test_encrypt_and_decrypt, tear_down);
  g_test_add ("/crypt-store/new-encrypted", StoreFixture, NULL, set_up, test_new_encrypted, tear_down);
  g_test_add ("/crypt-store/damaged", StoreFixture, NULL, set_up, test_damaged, tear_down);
  g_test_add ("/crypt-store/interrupted", StoreFixture, NULL, set_up, test_interrupted, tear_down);
  g_test_add ("/crypt-store/drafts-migrate", StoreFixture, NULL, set_up, test_drafts_migrate, tear_down);
  g_test_add ("/crypt-store/drafts-encrypted", StoreFixture, NULL, set_up, test_drafts_encrypted, tear_down);
  return g_test_run ();
}
