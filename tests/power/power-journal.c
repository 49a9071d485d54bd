/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include <sqlite3.h>
#include <string.h>

#include "enough-store-private.h"
#include "enough-power-vfs.h"
#include "enough-test-utils.h"
#include "power-journal.h"

/* ---- the model ------------------------------------------------------------ */

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->parent);
  g_free (change);
}

static Change *
change_copy (const Change *change)
{
  Change *copy = g_memdup2 (change, sizeof *change);

  copy->parent = g_strdup (change->parent);
  return copy;
}

Model *
model_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, change_free);
}

Model *
model_copy (Model *model)
{
  Model *copy = model_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, model);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), change_copy (value));
  return copy;
}

void
model_apply (Model *model,
             Model *batch)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, batch);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (model, g_strdup (key), change_copy (value));
}

guint
model_n_live (Model *model)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, model);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((Change *) value)->seq != 0;
  return n;
}

/* ---- texts ------------------------------------------------------------------ */

char *
make_text (GRand   *rand,
           guint64  seq,
           guint   *out_words)
{
  static const char *const pieces[] = {
    "I am allowed to rest. ", "Good enough is good. ", "Ça va aller. ",
    "Genug ist genug. ", "충분해요. ", "もう十分です。", "够了。", "Đủ rồi. ",
    "<b>&amp;</b> %s %n ", "'); DROP TABLE letter; -- ", "🌱 ",
  };
  g_autoptr(GString) payload = g_string_new (NULL);
  /* Now and then long enough to spill over several pages. */
  guint target = g_rand_int_range (rand, 0, 100) < 4 ? g_rand_int_range (rand, 6000, 24000)
                                                     : g_rand_int_range (rand, 0, 500);
  g_autofree char *sum = NULL;
  guint words = 0;

  while (payload->len < target)
    {
      const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

      g_string_append (payload, piece);
      for (const char *p = piece; *p; p++)
        words += *p == ' ';
    }
  if (out_words != NULL)
    *out_words = MAX (words, payload->len > 0 ? 1 : 0);
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, payload->str, payload->len);
  return g_strdup_printf ("%" G_GUINT64_FORMAT "|%s|%s", seq, sum, payload->str);
}

/* The seq of an intact text, 0 if it is not intact. */
static guint64
intact_seq (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", "|", 3);
  g_autofree char *sum = NULL;

  if (g_strv_length (parts) != 3)
    return 0;
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, parts[2], -1);
  if (strcmp (sum, parts[1]) != 0)
    return 0;
  return g_ascii_strtoull (parts[0], NULL, 10);
}

/* ---- the writer ------------------------------------------------------------ */

static const char *
kind_name (gpointer record)
{
  if (ENOUGH_IS_LETTER (record))
    return "letter";
  if (ENOUGH_IS_DIALOGUE (record))
    return "dialogue";
  return "turn";
}

static const char *
parent_of (gpointer record)
{
  return ENOUGH_IS_TURN (record) ? enough_turn_get_dialogue_uuid (ENOUGH_TURN (record)) : "-";
}

static const char *
text_of (gpointer record)
{
  if (ENOUGH_IS_LETTER (record))
    return enough_letter_get_text (ENOUGH_LETTER (record));
  if (ENOUGH_IS_DIALOGUE (record))
    return enough_dialogue_get_title (ENOUGH_DIALOGUE (record));
  return enough_turn_get_text (ENOUGH_TURN (record));
}

static void
touch (Writer   *w,
       gpointer  record,
       guint64   seq,
       guint     words)
{
  Change *change = g_new0 (Change, 1);

  change->kind = (char *) kind_name (record);
  change->seq = seq;
  change->parent = g_strdup (parent_of (record));
  change->words = words;
  g_hash_table_replace (w->touched, g_object_ref (record), change);
}

static void
on_n_pending (EnoughStore *store,
              GParamSpec  *pspec,
              Writer      *w)
{
  guint n = enough_store_get_n_pending (store);
  Model *batch;
  GHashTableIter iter;
  gpointer key, value;

  /* Falling to 0: the store just took every dirty record into a write. */
  if (n != 0 || w->last_pending == 0)
    {
      w->last_pending = n;
      return;
    }
  w->last_pending = 0;
  batch = model_new ();
  g_hash_table_iter_init (&iter, w->touched);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_insert (batch, g_strdup (enough_record_get_uuid (key)), value);
      g_hash_table_iter_steal (&iter);
      g_object_unref (key);
    }
  g_ptr_array_add (w->batches, batch);
  power_mark (MARK_HANDED);
}

static void
on_saved (EnoughStore *store,
          guint        n_records,
          Writer      *w)
{
  w->n_acked++;
  power_mark (MARK_ACKED);
}

static void
on_write_failed (EnoughStore  *store,
                 const GError *error,
                 Writer       *w)
{
  g_error ("power: a write failed: %s", error->message);
}

static void
remember (Writer   *w,
          gpointer  record)
{
  guint64 seq = g_ascii_strtoull (text_of (record), NULL, 10);

  if (seq < IMPORT_SEQ_BASE)
    *w->seq = MAX (*w->seq, seq);
  g_ptr_array_add (ENOUGH_IS_LETTER (record) ? w->letters : ENOUGH_IS_DIALOGUE (record) ? w->dialogues
                                                                                        : w->turns,
                   g_object_ref (record));
}

Writer *
writer_open (const char           *path,
             EnoughStoreOpenFlags  flags,
             guint32               seed,
             guint64              *seq)
{
  Writer *w = g_new0 (Writer, 1);
  g_autoptr(GError) error = NULL;
  GListModel *letters, *dialogues;

  w->store = enough_store_open (path, flags, &error);
  g_assert_no_error (error);
  w->rand = g_rand_new_with_seed (seed);
  w->seq = seq;
  w->letters = g_ptr_array_new_with_free_func (g_object_unref);
  w->dialogues = g_ptr_array_new_with_free_func (g_object_unref);
  w->turns = g_ptr_array_new_with_free_func (g_object_unref);
  w->touched = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, change_free);
  w->batches = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  /* The app's delay would make a burst a second long; the order of the
   * writes is the same. */
  enough_store_set_autosave_delay (w->store, 1);
  g_signal_connect (w->store, "notify::n-pending", G_CALLBACK (on_n_pending), w);
  g_signal_connect (w->store, "saved", G_CALLBACK (on_saved), w);
  g_signal_connect (w->store, "write-failed", G_CALLBACK (on_write_failed), w);

  enough_store_load_all (w->store);
  letters = enough_store_get_letters (w->store);
  dialogues = enough_store_get_dialogues (w->store);
  for (guint i = 0; i < g_list_model_get_n_items (letters); i++)
    {
      g_autoptr(GObject) letter = g_list_model_get_item (letters, i);

      remember (w, letter);
    }
  for (guint i = 0; i < g_list_model_get_n_items (dialogues); i++)
    {
      g_autoptr(GObject) dialogue = g_list_model_get_item (dialogues, i);
      GListModel *turns = enough_dialogue_get_turns (ENOUGH_DIALOGUE (dialogue));

      remember (w, dialogue);
      for (guint j = 0; j < g_list_model_get_n_items (turns); j++)
        {
          g_autoptr(GObject) turn = g_list_model_get_item (turns, j);

          remember (w, turn);
        }
    }
  return w;
}

/* One edit, as a page makes it. Imported records are left alone. */
static void
act (Writer *w)
{
  guint roll = g_rand_int_range (w->rand, 0, 100);
  guint words = 0;
  g_autofree char *text = make_text (w->rand, ++*w->seq, &words);

  if (w->letters->len == 0 || roll < 8)
    {
      g_autoptr(EnoughLetter) letter = enough_store_create_letter (w->store);

      enough_letter_set_text (letter, text);
      touch (w, letter, *w->seq, words);
      g_ptr_array_add (w->letters, g_object_ref (letter));
    }
  else if (w->dialogues->len == 0 || roll < 12)
    {
      g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (w->store);

      enough_dialogue_set_title (dialogue, text);
      touch (w, dialogue, *w->seq, words);
      g_ptr_array_add (w->dialogues, g_object_ref (dialogue));
    }
  else if (roll < 16 && w->letters->len > 10)
    {
      guint i = g_rand_int_range (w->rand, 0, w->letters->len);
      EnoughLetter *letter = g_ptr_array_index (w->letters, i);

      enough_store_delete (w->store, letter);
      touch (w, letter, 0, 0);
      g_ptr_array_remove_index_fast (w->letters, i);
    }
  else if (roll < 35)
    {
      EnoughDialogue *dialogue = g_ptr_array_index (w->dialogues,
                                                    g_rand_int_range (w->rand, 0, w->dialogues->len));
      g_autoptr(EnoughTurn) turn = NULL;

      if (g_ascii_strtoull (enough_dialogue_get_title (dialogue), NULL, 10) >= IMPORT_SEQ_BASE)
        return;
      if (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)) >= 20)
        {
          enough_dialogue_set_title (dialogue, text);
          touch (w, dialogue, *w->seq, words);
          return;
        }
      turn = enough_store_add_turn (w->store, dialogue, -1,
                                    g_rand_boolean (w->rand) ? ENOUGH_SPEAKER_CRITIC : ENOUGH_SPEAKER_ME,
                                    text);
      touch (w, turn, *w->seq, words);
      /* Adding a turn also marks its dialogue (its updated time). */
      touch (w, dialogue, g_ascii_strtoull (enough_dialogue_get_title (dialogue), NULL, 10), 0);
      g_ptr_array_add (w->turns, g_object_ref (turn));
    }
  else if (roll < 50 && w->turns->len > 0)
    {
      EnoughTurn *turn = g_ptr_array_index (w->turns, g_rand_int_range (w->rand, 0, w->turns->len));

      if (g_ascii_strtoull (enough_turn_get_text (turn), NULL, 10) >= IMPORT_SEQ_BASE)
        return;
      enough_turn_set_text (turn, text);
      touch (w, turn, *w->seq, words);
    }
  else
    {
      EnoughLetter *letter = g_ptr_array_index (w->letters,
                                                g_rand_int_range (w->rand, 0, w->letters->len));

      if (g_ascii_strtoull (enough_letter_get_text (letter), NULL, 10) >= IMPORT_SEQ_BASE)
        return;
      enough_letter_set_text (letter, text);
      touch (w, letter, *w->seq, words);
    }
}

static gboolean
all_saved (gpointer data)
{
  Writer *w = data;

  return enough_store_get_n_pending (w->store) == 0 && w->n_acked == w->batches->len;
}

void
writer_type (Writer *w,
             guint   n)
{
  for (guint i = 0; i < n; i++)
    {
      guint edits = g_rand_int_range (w->rand, 1, 7);

      for (guint j = 0; j < edits; j++)
        act (w);
      g_assert_true (enough_test_wait_until (all_saved, w, 60));
    }
}

GPtrArray *
writer_close (Writer *w)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *batches = w->batches;

  g_assert_true (enough_store_close (w->store, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_data (w->store, w);
  g_assert_cmpuint (g_hash_table_size (w->touched), ==, 0);
  g_object_unref (w->store);
  g_ptr_array_unref (w->letters);
  g_ptr_array_unref (w->dialogues);
  g_ptr_array_unref (w->turns);
  g_hash_table_unref (w->touched);
  g_rand_free (w->rand);
  g_free (w);
  return batches;
}

/* ---- reading a journal back --------------------------------------------------- */

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->parent);
  g_free (row);
}

GHashTable *
read_journal (const char  *path,
              GError     **error)
{
  static const char *const queries[][2] = {
    { "letter", "SELECT uuid, text, deleted_at, '-' FROM letter" },
    { "dialogue", "SELECT uuid, title, deleted_at, '-' FROM dialogue" },
    { "turn", "SELECT t.uuid, t.text, t.deleted_at, d.uuid FROM turn t"
              " JOIN dialogue d ON d.id = t.dialogue_id" },
  };
  g_autoptr(GHashTable) state = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, row_free);
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n_turns = 0, n_joined = 0;
  gboolean has_tables = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, "unix");
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        g_string_append_printf (problems, "%s; ", sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_DONE || problems->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "integrity_check: %s %s",
                   sqlite3_errmsg (db), problems->str);
      sqlite3_close (db);
      return NULL;
    }
  /* Cut before the first schema step committed: an empty journal. */
  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE name = 'letter'", -1, &stmt, NULL) == SQLITE_OK)
    has_tables = sqlite3_step (stmt) == SQLITE_ROW;
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint q = 0; has_tables && q < G_N_ELEMENTS (queries); q++)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q][1], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 1);
          Row *row = g_new0 (Row, 1);

          row->kind = queries[q][0];
          row->seq = intact_seq (text);
          row->deleted = sqlite3_column_int64 (stmt, 2) != 0;
          row->parent = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          if (row->seq == 0 && problems->len < 300)
            g_string_append_printf (problems, "%s %s holds a half-written text (%.40s); ",
                                    row->kind, sqlite3_column_text (stmt, 0), text);
          n_joined += q == 2;
          g_hash_table_insert (state, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), row);
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (has_tables && sqlite3_prepare_v2 (db, "SELECT count(*) FROM turn", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n_turns = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  if (n_turns != n_joined)
    g_string_append_printf (problems, "%" G_GINT64_FORMAT " turns without their dialogue", n_turns - n_joined);
  if (problems->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", problems->str);
      return NULL;
    }
  return g_steal_pointer (&state);
}

char *
model_mismatch (Model      *model,
                GHashTable *state)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, model);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Change *change = value;
      Row *row = g_hash_table_lookup (state, key);

      if (change->seq == 0)
        {
          if (row != NULL && !row->deleted)
            return g_strdup_printf ("%s %s deleted but still there", change->kind, (char *) key);
          continue;
        }
      if (row == NULL)
        return g_strdup_printf ("%s %s (seq %" G_GUINT64_FORMAT ") missing", change->kind,
                                (char *) key, change->seq);
      if (row->deleted)
        return g_strdup_printf ("%s %s deleted, should not be", change->kind, (char *) key);
      if (strcmp (row->kind, change->kind) != 0 || row->seq != change->seq ||
          g_strcmp0 (row->parent, change->parent) != 0)
        return g_strdup_printf ("%s %s holds seq %" G_GUINT64_FORMAT ", expected %" G_GUINT64_FORMAT,
                                change->kind, (char *) key, row->seq, change->seq);
    }
  g_hash_table_iter_init (&iter, state);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Row *row = value;

      if (row->seq < IMPORT_SEQ_BASE && !g_hash_table_contains (model, key))
        return g_strdup_printf ("%s %s (seq %" G_GUINT64_FORMAT ") should not exist yet",
                                row->kind, (char *) key, row->seq);
    }
  return NULL;
}

static void
add_loaded (GHashTable *set,
            gpointer    record)
{
  g_hash_table_add (set, g_strdup_printf ("%s %s %" G_GUINT64_FORMAT " %s", enough_record_get_uuid (record),
                                          kind_name (record),
                                          g_ascii_strtoull (text_of (record), NULL, 10),
                                          parent_of (record)));
}

GHashTable *
store_loaded (EnoughStore *store)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *letters = enough_store_get_letters (store);
  GListModel *dialogues = enough_store_get_dialogues (store);

  enough_store_load_all (store);
  for (guint i = 0; i < g_list_model_get_n_items (letters); i++)
    {
      g_autoptr(GObject) letter = g_list_model_get_item (letters, i);

      add_loaded (set, letter);
    }
  for (guint i = 0; i < g_list_model_get_n_items (dialogues); i++)
    {
      g_autoptr(GObject) dialogue = g_list_model_get_item (dialogues, i);
      GListModel *turns = enough_dialogue_get_turns (ENOUGH_DIALOGUE (dialogue));

      add_loaded (set, dialogue);
      for (guint j = 0; j < g_list_model_get_n_items (turns); j++)
        {
          g_autoptr(GObject) turn = g_list_model_get_item (turns, j);

          add_loaded (set, turn);
        }
    }
  return set;
}

/* The model's live records, and the imported rows of @state. */
GHashTable *
expected_loaded (Model      *model,
                 GHashTable *state)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, model);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Change *change = value;

      if (change->seq != 0)
        g_hash_table_add (set, g_strdup_printf ("%s %s %" G_GUINT64_FORMAT " %s", (char *) key,
                                                change->kind, change->seq, change->parent));
    }
  g_hash_table_iter_init (&iter, state);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Row *row = value;

      if (row->seq >= IMPORT_SEQ_BASE && !row->deleted)
        g_hash_table_add (set, g_strdup_printf ("%s %s %" G_GUINT64_FORMAT " %s", (char *) key,
                                                row->kind, row->seq, row->parent));
    }
  return set;
}

gboolean
same_sets (GHashTable  *a,
           GHashTable  *b,
           char       **why)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      {
        *why = g_strdup_printf ("the store loaded %s, not expected", (char *) key);
        return FALSE;
      }
  g_hash_table_iter_init (&iter, b);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (a, key))
      {
        *why = g_strdup_printf ("the store did not load %s", (char *) key);
        return FALSE;
      }
  return TRUE;
}
