/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "enough-store.h"

/* The "many matches" journal (issue #28): one person's letters kept for
 * years, one a day, 28 days a month, each of --words words drawn from a
 * small everyday vocabulary, so a query such as "perf" matches almost every
 * entry. Deterministic for a --seed. Written through the store's public API
 * (the letters are created on their own dates through the store's clock),
 * and, with --rednotebook DIR, as RedNotebook month files with the same
 * text (DIR/YYYY-MM.txt, one "DAY: {text: '…'}" line a day), so both
 * programs can be measured on the same entries:
 *
 *   enough-many-matches --out DIR [--years 20] [--words 300] [--rednotebook RNDIR]
 *
 * DIR/journal.db is made only if it does not exist yet. */

#define DAYS_A_MONTH 28

static const char *const vocabulary[] = {
  "perfect", "work", "tired", "kind", "today", "good", "enough", "rest",
  "friend", "walk", "morning", "coffee", "late", "help", "small", "happy",
  "quiet", "home", "family", "sleep",
};

static char *
letter_text (GRand *rand,
             guint  n_words)
{
  GString *s = g_string_sized_new (n_words * 7);
  guint sentence = 0;

  for (guint w = 0; w < n_words; w++)
    {
      const char *word = vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))];

      if (w > 0)
        g_string_append_c (s, ' ');
      if (sentence == 0)
        {
          g_string_append_c (s, g_ascii_toupper (word[0]));
          g_string_append (s, word + 1);
        }
      else
        g_string_append (s, word);
      if (++sentence >= (guint) g_rand_int_range (rand, 6, 16) || w + 1 == n_words)
        {
          g_string_append_c (s, '.');
          sentence = 0;
        }
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  gint64 now;
} Clock;

static gint64
clock_now (gpointer user_data)
{
  return ((Clock *) user_data)->now;
}

static G_GNUC_NORETURN void
die (const char   *what,
     const GError *error)
{
  g_printerr ("enough-many-matches: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

/* RedNotebook's month file: YAML, a mapping of day → {text: …}; single
 * quotes, a quote doubled; newlines would need folding, the text has none. */
static void
write_month (const char *dir,
             int         year,
             int         month,
             GPtrArray  *texts)
{
  g_autofree char *name = g_strdup_printf ("%04d-%02d.txt", year, month);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint d = 0; d < texts->len; d++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (texts, d), "'", -1);
      g_autofree char *quoted = g_strjoinv ("''", parts);

      g_string_append_printf (s, "%u: {text: '%s'}\n", d + 1, quoted);
    }
  if (!g_file_set_contents (path, s->str, (gssize) s->len, &error))
    die ("rednotebook", error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *out = NULL;
  g_autofree char *rednotebook = NULL;
  int years = 20, words = 300, seed = 28;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, "Folder of the journal (journal.db)", "DIR" },
    { "rednotebook", 0, 0, G_OPTION_ARG_FILENAME, &rednotebook, "Also write RedNotebook month files here", "DIR" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years of daily letters (20)", "N" },
    { "words", 0, 0, G_OPTION_ARG_INT, &words, "Words a letter (300)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed (28)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the \"many matches\" journal");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(EnoughStore) store = NULL;
  gboolean write_db;
  Clock clock = { 0 };
  guint n = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (out == NULL || years <= 0 || words <= 0)
    die ("options", NULL);
  if (g_mkdir_with_parents (out, 0700) != 0
      || (rednotebook != NULL && g_mkdir_with_parents (rednotebook, 0700) != 0))
    die ("mkdir", NULL);

  db_path = g_build_filename (out, "journal.db", NULL);
  write_db = !g_file_test (db_path, G_FILE_TEST_EXISTS);
  if (write_db)
    {
      store = enough_store_open (db_path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
      if (store == NULL)
        die ("open", error);
      enough_store_set_autosave_delay (store, G_MAXUINT);
      enough_store_set_clock (store, clock_now, &clock);
    }
  if (!write_db && rednotebook == NULL)
    return 0;

  rand = g_rand_new_with_seed ((guint32) seed);
  for (int y = 0; y < years; y++)
    for (int m = 1; m <= 12; m++)
      {
        g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
        int year = 2026 - years + y;

        for (int d = 1; d <= DAYS_A_MONTH; d++)
          {
            g_autoptr(GDateTime) when = g_date_time_new_local (year, m, d, 21, 30, 0);
            char *text = letter_text (rand, (guint) words);

            g_ptr_array_add (texts, text);
            if (store != NULL)
              {
                g_autoptr(EnoughLetter) letter = NULL;

                clock.now = g_date_time_to_unix (when) * G_USEC_PER_SEC;
                letter = enough_store_create_letter (store);
                enough_letter_set_not_good_enough (letter, vocabulary[n % G_N_ELEMENTS (vocabulary)]);
                enough_letter_set_text (letter, text);
                enough_letter_set_step (letter, 2);
              }
            n++;
          }
        if (store != NULL && !enough_store_flush (store, &error))
          die ("write", error);
        if (rednotebook != NULL)
          write_month (rednotebook, year, m, texts);
      }

  if (store != NULL && !enough_store_close (store, &error))
    die ("close", error);
  g_print ("%u letters%s%s%s\n", n, write_db ? " in " : "", write_db ? db_path : "",
           rednotebook != NULL ? ", and RedNotebook month files" : "");
  return 0;
}
