/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */

/* The crash harness's victim (tests/crash/crash-harness.py kills it).
 *
 * It uses the store exactly as the pages do: record setters on the main
 * loop, the store's own autosave timer, nothing flushed by hand. It writes
 * continuously (letters, dialogue titles, turns; creates, edits, deletes)
 * and logs, with one write(2) each so a kill never leaves a torn line that
 * looks complete:
 *
 *   L <kind> <uuid> <seq> <parent>   a record as loaded at start
 *   READY
 *   B <n> <usec> <k>\n then k lines "R <kind> <uuid> <seq|D> <parent>",
 *     then "E <n>"                   batch n was handed to the worker
 *   S <n> <usec> <n_records>         ::saved: batch n is committed
 *   F <n> <message>                  ::write-failed (never expected here)
 *
 * A batch is logged at the moment the store takes its dirty records (the
 * "n-pending" property drops to 0), which is before the write job is
 * queued, so a batch can never be committed without its log line.
 *
 * Every text is "<seq>|<sha1 of payload>|<payload>", so the harness can
 * tell an intact value from a half-written one.
 *
 * With --encrypted the journal is encrypted first (if it is not), and
 * opened with its passphrase. --convert turns encryption off and on
 * forever instead of writing (killed in the middle of conversions);
 * --dump OUT finishes what a kill interrupted, checks the journal and
 * writes a plain copy to OUT for the harness to read.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "enough-crypt-vfs.h"
#include "enough-store.h"

#define PASSPHRASE "crash test passphrase"

typedef struct
{
  EnoughStore *store;
  GRand       *rand;
  int          log_fd;
  GPtrArray   *letters;    /* EnoughLetter (refs) */
  GPtrArray   *dialogues;  /* EnoughDialogue (refs) */
  GPtrArray   *turns;      /* EnoughTurn (refs) */
  GHashTable  *touched;    /* EnoughRecord* (ref) → seq as string, "D" = deleted */
  guint64      seq;
  guint        batch;
  GQueue       inflight;   /* batch numbers handed to the worker, in order */
  guint        last_pending;
} Driver;

static void
log_line (Driver     *d,
          const char *line)
{
  gsize len = strlen (line);
  gsize done = 0;

  /* Retries short writes; a kill in between only loses a line the harness
   * then sees as incomplete. */
  while (done < len)
    {
      gssize n = write (d->log_fd, line + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_printerr ("crash-driver: cannot write the log: %s\n", g_strerror (errno));
          exit (2);
        }
      done += (gsize) n;
    }
}

static const char *
kind_name (EnoughRecord *record)
{
  if (ENOUGH_IS_LETTER (record))
    return "letter";
  if (ENOUGH_IS_DIALOGUE (record))
    return "dialogue";
  return "turn";
}

static const char *
parent_of (EnoughRecord *record)
{
  return ENOUGH_IS_TURN (record) ? enough_turn_get_dialogue_uuid (ENOUGH_TURN (record)) : "-";
}

static guint64
seq_of_text (const char *text)
{
  return g_ascii_strtoull (text, NULL, 10);
}

static const char *
text_of (EnoughRecord *record)
{
  if (ENOUGH_IS_LETTER (record))
    return enough_letter_get_text (ENOUGH_LETTER (record));
  if (ENOUGH_IS_DIALOGUE (record))
    return enough_dialogue_get_title (ENOUGH_DIALOGUE (record));
  return enough_turn_get_text (ENOUGH_TURN (record));
}

/* A fresh text for @seq: ASCII, some multi-byte characters, now and then
 * long enough to spill over several database pages. */
static char *
make_text (Driver  *d,
           guint64  seq)
{
  static const char *const pieces[] = {
    "I am allowed to rest. ", "Good enough is good. ", "Ça va aller. ",
    "Genug ist genug. ", "충분해요. ", "もう十分です。", "够了。", "Đủ rồi. ",
    "<b>&amp;</b> %s %n ", "'); DROP TABLE letter; -- ", "\u200f\u05e9\u05dc\u05d5\u05dd ",
    "🌱 ",
  };
  g_autoptr(GString) payload = g_string_new (NULL);
  guint target = g_rand_int_range (d->rand, 0, 100) < 5 ? g_rand_int_range (d->rand, 8000, 40000)
                                                         : g_rand_int_range (d->rand, 0, 600);
  g_autofree char *sum = NULL;

  while (payload->len < target)
    g_string_append (payload, pieces[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (pieces))]);
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, payload->str, payload->len);
  return g_strdup_printf ("%" G_GUINT64_FORMAT "|%s|%s", seq, sum, payload->str);
}

static void
touch (Driver       *d,
       gpointer      record,
       guint64       seq)
{
  char *value = seq == 0 ? g_strdup ("D") : g_strdup_printf ("%" G_GUINT64_FORMAT, seq);

  g_hash_table_replace (d->touched, g_object_ref (record), value);
}

/* ---- the store's side: batches and acknowledgements -------------------- */

static void
on_n_pending (EnoughStore *store,
              GParamSpec  *pspec,
              Driver      *d)
{
  guint n = enough_store_get_n_pending (store);
  g_autoptr(GString) out = NULL;
  GHashTableIter iter;
  gpointer key, value;

  /* Rising: a record became dirty. Falling to 0: the store just took every
   * dirty record into a write job (not yet queued). */
  if (n != 0 || d->last_pending == 0)
    {
      d->last_pending = n;
      return;
    }
  d->last_pending = 0;

  d->batch++;
  out = g_string_new (NULL);
  g_string_append_printf (out, "B %u %" G_GINT64_FORMAT " %u\n", d->batch,
                          g_get_monotonic_time (), g_hash_table_size (d->touched));
  g_hash_table_iter_init (&iter, d->touched);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_append_printf (out, "R %s %s %s %s\n", kind_name (key),
                            enough_record_get_uuid (key), (const char *) value, parent_of (key));
  g_string_append_printf (out, "E %u\n", d->batch);
  log_line (d, out->str);
  g_hash_table_remove_all (d->touched);
  g_queue_push_tail (&d->inflight, GUINT_TO_POINTER (d->batch));
}

static void
on_saved (EnoughStore *store,
          guint        n_records,
          Driver      *d)
{
  guint batch = GPOINTER_TO_UINT (g_queue_pop_head (&d->inflight));
  g_autofree char *line = g_strdup_printf ("S %u %" G_GINT64_FORMAT " %u\n", batch,
                                           g_get_monotonic_time (), n_records);

  log_line (d, line);
}

static void
on_write_failed (EnoughStore  *store,
                 const GError *error,
                 Driver       *d)
{
  guint batch = GPOINTER_TO_UINT (g_queue_pop_head (&d->inflight));
  g_autofree char *line = g_strdup_printf ("F %u %s\n", batch, error->message);

  log_line (d, line);
}

/* ---- the "user" ---------------------------------------------------------- */

static void
new_letter (Driver *d)
{
  g_autoptr(EnoughLetter) letter = enough_store_create_letter (d->store);
  g_autofree char *text = make_text (d, ++d->seq);

  enough_letter_set_text (letter, text);
  touch (d, letter, d->seq);
  g_ptr_array_add (d->letters, g_object_ref (letter));
}

static void
new_dialogue (Driver *d)
{
  g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (d->store);
  g_autofree char *text = make_text (d, ++d->seq);

  enough_dialogue_set_title (dialogue, text);
  touch (d, dialogue, d->seq);
  g_ptr_array_add (d->dialogues, g_object_ref (dialogue));
}

static gboolean
act_cb (gpointer data)
{
  Driver *d = data;
  guint roll = g_rand_int_range (d->rand, 0, 100);

  if (d->letters->len == 0 || roll < 6)
    {
      new_letter (d);
    }
  else if (d->dialogues->len == 0 || roll < 9)
    {
      new_dialogue (d);
    }
  else if (roll < 12 && d->letters->len > 20)
    {
      guint i = g_rand_int_range (d->rand, 0, d->letters->len);
      EnoughLetter *letter = g_ptr_array_index (d->letters, i);

      enough_store_delete (d->store, letter);
      touch (d, letter, 0);
      g_ptr_array_remove_index_fast (d->letters, i);
    }
  else if (roll < 30)
    {
      EnoughDialogue *dialogue = g_ptr_array_index (d->dialogues,
                                                    g_rand_int_range (d->rand, 0, d->dialogues->len));
      g_autofree char *text = make_text (d, ++d->seq);
      g_autoptr(EnoughTurn) turn = NULL;

      if (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)) >= 30)
        {
          enough_dialogue_set_title (dialogue, text);
          touch (d, dialogue, d->seq);
          return G_SOURCE_CONTINUE;
        }
      turn = enough_store_add_turn (d->store, dialogue, -1,
                                    g_rand_boolean (d->rand) ? ENOUGH_SPEAKER_CRITIC : ENOUGH_SPEAKER_ME,
                                    text);
      touch (d, turn, d->seq);
      /* Adding a turn also marks its dialogue (its updated time). */
      touch (d, dialogue, seq_of_text (enough_dialogue_get_title (dialogue)));
      g_ptr_array_add (d->turns, g_object_ref (turn));
    }
  else if (roll < 45 && d->turns->len > 0)
    {
      EnoughTurn *turn = g_ptr_array_index (d->turns, g_rand_int_range (d->rand, 0, d->turns->len));
      g_autofree char *text = make_text (d, ++d->seq);

      enough_turn_set_text (turn, text);
      touch (d, turn, d->seq);
    }
  else
    {
      EnoughLetter *letter = g_ptr_array_index (d->letters,
                                                g_rand_int_range (d->rand, 0, d->letters->len));
      g_autofree char *text = make_text (d, ++d->seq);

      enough_letter_set_text (letter, text);
      touch (d, letter, d->seq);
    }

  return G_SOURCE_CONTINUE;
}

/* ---- start-up: report what the store loaded ------------------------------ */

static void
load_one (Driver     *d,
          GString    *out,
          gpointer    record,
          GPtrArray  *into)
{
  guint64 seq = seq_of_text (text_of (record));

  g_string_append_printf (out, "L %s %s %" G_GUINT64_FORMAT " %s\n", kind_name (record),
                          enough_record_get_uuid (record), seq, parent_of (record));
  d->seq = MAX (d->seq, seq);
  g_ptr_array_add (into, g_object_ref (record));
}

static void
load_existing (Driver *d)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *letters = enough_store_get_letters (d->store);
  GListModel *dialogues = enough_store_get_dialogues (d->store);

  enough_store_load_all (d->store);
  for (guint i = 0; i < g_list_model_get_n_items (letters); i++)
    {
      g_autoptr(EnoughRecord) letter = g_list_model_get_item (letters, i);

      load_one (d, out, letter, d->letters);
    }
  for (guint i = 0; i < g_list_model_get_n_items (dialogues); i++)
    {
      g_autoptr(EnoughRecord) dialogue = g_list_model_get_item (dialogues, i);
      GListModel *turns = enough_dialogue_get_turns (ENOUGH_DIALOGUE (dialogue));

      load_one (d, out, dialogue, d->dialogues);
      for (guint j = 0; j < g_list_model_get_n_items (turns); j++)
        {
          g_autoptr(EnoughRecord) turn = g_list_model_get_item (turns, j);

          load_one (d, out, turn, d->turns);
        }
    }
  g_string_append (out, "READY\n");
  log_line (d, out->str);
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Off, on, off… until killed. */
static int
convert_forever (const char *db)
{
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = enough_store_is_encrypted (db)
                    ? enough_store_decrypt (db, PASSPHRASE, &error)
                    : enough_store_encrypt (db, PASSPHRASE, NULL, &error);

      if (!ok)
        {
          g_printerr ("crash-driver: conversion: %s\n", error->message);
          return 1;
        }
    }
}

/* What the next start would see: the interrupted conversion finished,
 * the journal checked through its key, a plain copy for the harness. */
static int
dump_journal (const char *db,
              const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughCryptKey) key = NULL;
  g_autofree char *escaped = g_uri_escape_string (out, "/", FALSE);
  g_autofree char *sql = NULL;
  sqlite3 *src = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean sound = FALSE;

  if (enough_store_is_encrypted (db))
    {
      key = enough_store_unlock (db, PASSPHRASE, &error);
      if (key == NULL)
        {
          g_printerr ("crash-driver: unlock: %s\n", error->message);
          return 1;
        }
    }
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    return 0;
  if (enough_crypt_open_db (db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, key, &src) != SQLITE_OK)
    {
      g_printerr ("crash-driver: open: %s\n", sqlite3_errmsg (src));
      return 1;
    }
  if (sqlite3_prepare_v2 (src, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    sound = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (!sound)
    {
      g_printerr ("crash-driver: integrity_check failed: %s\n", sqlite3_errmsg (src));
      sqlite3_close (src);
      return 1;
    }
  sql = g_strdup_printf ("VACUUM INTO 'file:%s?vfs=%s'", escaped, sqlite3_vfs_find (NULL)->zName);
  if (sqlite3_exec (src, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_printerr ("crash-driver: copy: %s\n", sqlite3_errmsg (src));
      sqlite3_close (src);
      return 1;
    }
  sqlite3_close (src);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db = NULL;
  g_autofree char *log_path = NULL;
  gint64 seed = 1;
  int delay_ms = ENOUGH_STORE_AUTOSAVE_DELAY_MS;
  int interval_ms = 2;
  int run_ms = 0;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Journal file", "PATH" },
    { "log", 0, 0, G_OPTION_ARG_FILENAME, &log_path, "Report file (appended)", "PATH" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Random seed", "N" },
    { "delay", 0, 0, G_OPTION_ARG_INT, &delay_ms, "Autosave delay (ms)", "MS" },
    { "interval", 0, 0, G_OPTION_ARG_INT, &interval_ms, "Time between edits (ms)", "MS" },
    { "run", 0, 0, G_OPTION_ARG_INT, &run_ms, "Quit cleanly after this long (0 = never)", "MS" },
    { NULL }
  };
  gboolean encrypted = FALSE, convert = FALSE;
  g_autofree char *dump = NULL;
  GOptionEntry crypt_entries[] = {
    { "encrypted", 0, 0, G_OPTION_ARG_NONE, &encrypted, "Encrypt the journal first", NULL },
    { "convert", 0, 0, G_OPTION_ARG_NONE, &convert, "Turn encryption off and on until killed", NULL },
    { "dump", 0, 0, G_OPTION_ARG_FILENAME, &dump, "Check the journal, write a plain copy", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- write a journal until killed");
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  Driver d = { 0 };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_main_entries (context, crypt_entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL ||
      (log_path == NULL && dump == NULL && !convert))
    {
      g_printerr ("crash-driver: %s\n", error ? error->message : "--db and --log are needed");
      return 2;
    }

  /* Cheap Argon2id: the harness unlocks hundreds of times. */
  _enough_crypt_set_kdf_params (1, 64);
  if (dump != NULL)
    return dump_journal (db, dump);
  if (convert)
    return convert_forever (db);

  d.log_fd = open (log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (d.log_fd < 0)
    {
      g_printerr ("crash-driver: %s: %s\n", log_path, g_strerror (errno));
      return 2;
    }
  d.rand = g_rand_new_with_seed ((guint32) seed);
  d.letters = g_ptr_array_new_with_free_func (g_object_unref);
  d.dialogues = g_ptr_array_new_with_free_func (g_object_unref);
  d.turns = g_ptr_array_new_with_free_func (g_object_unref);
  d.touched = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, g_free);

  /* As the application opens it (daily backup included). */
  if (encrypted && !enough_store_is_encrypted (db) &&
      !enough_store_encrypt (db, PASSPHRASE, NULL, &error))
    {
      g_autofree char *line = g_strdup_printf ("OPEN-FAILED encrypt: %s\n", error->message);

      log_line (&d, line);
      return 3;
    }
  if (encrypted)
    d.store = enough_store_open_encrypted (db, PASSPHRASE, ENOUGH_STORE_OPEN_DEFAULT, &error);
  else
    d.store = enough_store_open (db, ENOUGH_STORE_OPEN_DEFAULT, &error);
  if (d.store == NULL)
    {
      g_autofree char *line = g_strdup_printf ("OPEN-FAILED %s\n", error->message);

      log_line (&d, line);
      return 3;
    }
  enough_store_set_autosave_delay (d.store, (guint) delay_ms);
  g_signal_connect (d.store, "notify::n-pending", G_CALLBACK (on_n_pending), &d);
  g_signal_connect (d.store, "saved", G_CALLBACK (on_saved), &d);
  g_signal_connect (d.store, "write-failed", G_CALLBACK (on_write_failed), &d);

  load_existing (&d);

  loop = g_main_loop_new (NULL, FALSE);
  g_timeout_add (MAX (interval_ms, 1), act_cb, &d);
  if (run_ms > 0)
    g_timeout_add (run_ms, quit_cb, loop);
  g_main_loop_run (loop);

  /* Only reached with --run (a clean quit, as at shutdown). */
  g_ptr_array_unref (d.letters);
  g_ptr_array_unref (d.dialogues);
  g_ptr_array_unref (d.turns);
  g_hash_table_unref (d.touched);
  if (!enough_store_close (d.store, &error))
    {
      g_printerr ("crash-driver: close: %s\n", error->message);
      return 1;
    }
  log_line (&d, "CLOSED\n");
  g_object_unref (d.store);
  g_rand_free (d.rand);
  close (d.log_fd);
  return 0;
}
