/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-item-bank.h"
#include "enough-store.h"

/* Fills $ENOUGH_DATA_DIR/journal.db with sample Self-Checks for
 * build-aux/screenshots-self-check.sh (not a test):
 *   completed    four completed checks, a few weeks apart
 *   in-progress  the same, plus a check answered up to statement 12
 *   long         120 completed checks, a week apart, the newest today */

static gint64 sample_now;

static gint64
sample_clock (gpointer user_data)
{
  return sample_now;
}

static const char * const samples[] = {
  "454425344535243534453534",
  "443425344434243434443434",
  "343324334434233433343423",
  "333324233333233333332423",
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 1, 12, 19, 30, 0);
  gboolean in_progress;

  if (argc != 2 || (!g_str_equal (argv[1], "completed") && !g_str_equal (argv[1], "in-progress") &&
                    !g_str_equal (argv[1], "long")))
    {
      g_printerr ("usage: %s completed|in-progress|long\n", argv[0]);
      return 2;
    }
  in_progress = g_str_equal (argv[1], "in-progress");

  store = enough_store_open (NULL, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  enough_store_set_clock (store, sample_clock, NULL);

  if (g_str_equal (argv[1], "long"))
    {
      /* Slowly easing scores with some week-to-week noise. */
      GRand *rand = g_rand_new_with_seed (7);

      for (guint c = 0; c < 120; c++)
        {
          g_autoptr(EnoughSelfCheck) check = NULL;

          sample_now = g_get_real_time () - (gint64) (119 - c) * 7 * 24 * 3600 * G_USEC_PER_SEC;
          check = enough_store_create_self_check (store, ENOUGH_ITEM_BANK_VERSION);
          for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
            {
              int value = (samples[0][i % 24] - '0') - (int) (c / 50) + g_rand_int_range (rand, -1, 2);

              enough_self_check_set_answer (check, i, (guint) CLAMP (value, 1, 5));
            }
          enough_self_check_set_current_index (check, ENOUGH_SELF_CHECK_N_ITEMS - 1);
          enough_self_check_set_completed_at (check, sample_now);
        }
      g_rand_free (rand);
      in_progress = FALSE;
    }

  for (guint c = 0; !g_str_equal (argv[1], "long") && c < G_N_ELEMENTS (samples); c++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (start, 18 * (int) c);
      g_autoptr(EnoughSelfCheck) check = NULL;

      sample_now = g_date_time_to_unix (day) * G_USEC_PER_SEC;
      check = enough_store_create_self_check (store, ENOUGH_ITEM_BANK_VERSION);
      for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
        enough_self_check_set_answer (check, i, (guint) (samples[c][i] - '0'));
      enough_self_check_set_current_index (check, ENOUGH_SELF_CHECK_N_ITEMS - 1);
      sample_now += 6 * 60 * G_USEC_PER_SEC;
      enough_self_check_set_completed_at (check, sample_now);
    }

  if (in_progress)
    {
      g_autoptr(EnoughSelfCheck) check = NULL;

      sample_now = g_get_real_time ();
      check = enough_store_create_self_check (store, ENOUGH_ITEM_BANK_VERSION);
      for (guint i = 0; i < 11; i++)
        enough_self_check_set_answer (check, i, (guint) (samples[3][i] - '0'));
      enough_self_check_set_current_index (check, 11);
    }

  if (!enough_store_close (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
