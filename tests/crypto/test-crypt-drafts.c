/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "crypt-test-utils.h"  /* first: it asks for memmem */

#include "config.h"

#include <adwaita.h>

#include "enough-composer.h"
#include "enough-crypt-key.h"
#include "enough-critic-page.h"
#include "enough-gui-test-utils.h"
#include "enough-test-utils.h"

/* The Inner Critic's unsent composer text on an encrypted journal: typed,
 * not sent, kept when the page goes, and nowhere in clear under the data
 * folder (the grep of the crypt tests: every file, every known word, in
 * UTF-8 and UTF-16). It was a plain file beside the journal before. */

#define PASSPHRASE "a long walk by the sea"

static GtkWidget *
find_composer (GtkWidget *root)
{
  GtkWidget *composer = enough_test_find_descendant (root, ENOUGH_TYPE_COMPOSER, NULL);

  g_assert_nonnull (composer);
  return composer;
}

static EnoughStore *
open_journal (const char *path)
{
  g_autoptr(GError) error = NULL;
  EnoughStore *store = enough_store_open_encrypted (path, PASSPHRASE, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
close_journal (EnoughStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (enough_store_close (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
}

static void
test_unsent_draft (EnoughTestFixture *fixture,
                   gconstpointer      data)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "journal.db", NULL);
  g_autofree char *all = g_strjoinv (" ", (char **) words);
  g_autofree char *recovery = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughDialogue) dialogue = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  EnoughCriticPage *page;
  EnoughStore *store;
  GtkWindow *window;
  GtkTextView *view;
  EnoughSpeaker speaker;

  (void) data;
  /* Encrypted from the first open. */
  g_assert_true (enough_store_encrypt (path, PASSPHRASE, &recovery, &error));
  g_assert_no_error (error);
  store = open_journal (path);
  dialogue = enough_store_create_dialogue (store);
  enough_dialogue_set_title (dialogue, "An evening");
  uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (dialogue)));
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 800, 600);
  page = g_object_new (ENOUGH_TYPE_CRITIC_PAGE, NULL);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  enough_critic_page_set_store (page, store);
  enough_test_drain_main_context ();
  enough_critic_page_open_dialogue (page, dialogue);
  enough_test_drain_main_context ();

  /* Typed, not sent. */
  view = enough_composer_get_text_view (ENOUGH_COMPOSER (find_composer (GTK_WIDGET (page))));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (view), all, -1);
  enough_test_drain_main_context ();
  speaker = enough_composer_get_speaker (ENOUGH_COMPOSER (find_composer (GTK_WIDGET (page))));
  /* What the autosave a second later does; the store writes it in turn. */
  enough_critic_page_save_drafts (page);
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
  assert_no_plaintext (fixture->data_dir);

  /* Closing the window mid-sentence: still nothing in clear. */
  gtk_window_destroy (window);
  enough_test_drain_main_context ();
  g_clear_object (&dialogue);
  close_journal (store);
  assert_no_plaintext (fixture->data_dir);

  /* And the sentence is kept, in the journal. */
  store = open_journal (path);
  drafts = enough_store_list_drafts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((EnoughDraft *) drafts->pdata[0])->dialogue_uuid, ==, uuid);
  g_assert_cmpstr (((EnoughDraft *) drafts->pdata[0])->text, ==, all);
  g_assert_cmpint (((EnoughDraft *) drafts->pdata[0])->speaker, ==, speaker);
  close_journal (store);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);
  _enough_crypt_set_kdf_params (1, 64);

  g_test_add ("/crypt-drafts/unsent-draft", EnoughTestFixture, NULL,
              enough_test_fixture_setup, test_unsent_draft, enough_test_fixture_teardown);

  return g_test_run ();
}
