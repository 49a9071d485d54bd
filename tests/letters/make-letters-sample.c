/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
/* Fills $ENOUGH_DATA_DIR/journal.db with sample letters for the Letters
 * screenshots (build-aux/screenshots-letters.sh).
 *
 *   make-letters-sample reading|writing
 *
 * "reading": the newest letter was reread and has its sentence to carry;
 * an older one is due for a reread. "writing": the newest letter is
 * half-written, left on step 2. Prints the newest letter's uuid. */
#include "config.h"

#include "enough-store.h"

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static EnoughLetter *
add_letter (EnoughStore *store,
            gint64       created,
            const char  *situation,
            const char  *text)
{
  EnoughLetter *letter;

  fake_now = created;
  letter = enough_store_create_letter (store);
  enough_letter_set_not_good_enough (letter, situation);
  enough_letter_set_text (letter, text);

  return letter;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = NULL;
  g_autoptr(EnoughLetter) old = NULL;
  g_autoptr(EnoughLetter) due = NULL;
  g_autoptr(EnoughLetter) newest = NULL;
  gint64 now = g_get_real_time ();
  gboolean writing;

  if (argc != 2 || (!g_str_equal (argv[1], "reading") && !g_str_equal (argv[1], "writing")))
    {
      g_printerr ("usage: %s reading|writing\n", argv[0]);
      return 2;
    }
  writing = g_str_equal (argv[1], "writing");

  store = enough_store_open (NULL, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  enough_store_set_clock (store, fake_clock, NULL);

  old = add_letter (store, now - 12 * G_TIME_SPAN_DAY,
                    "I forgot a friend's birthday.",
                    "Dear me,\n\nForgetting a date does not make you a bad friend. "
                    "You can still call her today and say you thought of her.");
  enough_letter_set_feelings (old, ENOUGH_FEELING_ASHAMED);
  enough_letter_set_step (old, 2);
  enough_letter_set_reread (old, ENOUGH_REREAD_TOMORROW, now - 11 * G_TIME_SPAN_DAY);
  enough_letter_set_reread_done_at (old, now - 11 * G_TIME_SPAN_DAY);
  enough_letter_set_takeaway (old, "A missed date is not a missed friendship.");

  due = add_letter (store, now - 3 * G_TIME_SPAN_DAY,
                    "My presentation had a typo on the first slide.",
                    "Hey,\n\nOne typo on one slide. Nobody in that room thought less of you, "
                    "and the ideas were yours and they were good.");
  enough_letter_set_feelings (due, ENOUGH_FEELING_ANXIOUS | ENOUGH_FEELING_ASHAMED);
  enough_letter_set_step (due, 2);
  enough_letter_set_reread (due, ENOUGH_REREAD_NEXT_WEEK, now - G_TIME_SPAN_HOUR);

  newest = add_letter (store, now - 2 * G_TIME_SPAN_HOUR,
                       "I rewrote the same email five times and still felt it was not good enough.",
                       writing ?
                       "Dear me,\n\nThat sounds exhausting. You cared so much about getting it "
                       "right, and that care is a good thing, even when it wears you out.\n\n"
                       "Anyone would feel tired after" :
                       "Dear me,\n\nThat sounds exhausting. You cared so much about getting it "
                       "right, and that care is a good thing, even when it wears you out.\n\n"
                       "Lots of people agonise over emails; you are not the only one. The "
                       "message was clear the second time, and the other three rewrites were "
                       "your fear talking, not your standards.\n\n"
                       "Tonight, maybe close the laptop a little earlier and make yourself tea. "
                       "You have done enough for today.");
  enough_letter_set_feelings (newest, ENOUGH_FEELING_ANXIOUS | ENOUGH_FEELING_TIRED);
  if (writing)
    {
      enough_letter_set_step (newest, 1);
    }
  else
    {
      enough_letter_set_step (newest, 2);
      enough_letter_set_reread (newest, ENOUGH_REREAD_15_MINUTES, now - 100 * G_TIME_SPAN_MINUTE);
      enough_letter_set_reread_done_at (newest, now - 90 * G_TIME_SPAN_MINUTE);
      enough_letter_set_takeaway (newest, "Caring this much is a strength; I can rest now.");
    }

  if (!enough_store_flush (store, &error) || !enough_store_close (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* For app.open-letter / app.edit-letter in the narrow screenshots. */
  g_print ("%s\n", enough_record_get_uuid (ENOUGH_RECORD (newest)));

  return 0;
}
