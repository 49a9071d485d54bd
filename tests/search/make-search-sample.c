/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 *
 * Fills $ENOUGH_DATA_DIR with a few entries of each kind that mention
 * "enough", for build-aux/screenshots-search.sh. Not a test.
 */
#include "config.h"

#include "enough-self-check.h"
#include "enough-store.h"

/* A few days back, so the rows show different dates. */
static gint64 days_back;

static gint64
sample_clock (gpointer user_data)
{
  return g_get_real_time () - days_back * 24 * 3600 * G_USEC_PER_SEC;
}

int
main (int   argc,
      char *argv[])
{
  static const char *turns[] = {
    "This is not good enough. Everyone will see you rushed it.",
    "I prepared for two weeks. It was enough for a first version.",
    "Enough? You call that enough?",
    "Yes. Done is enough today, and I can improve it next time.",
  };
  static const char *letters[] = {
    "Dear me, you did enough today. The dinner was warm and everyone laughed; "
    "nobody noticed the burnt edge but you.",
    "You are allowed to rest before everything is finished. Resting is part of doing enough.",
    "我今天很累，但是已经足够好了。明天再继续。",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = enough_store_open (NULL, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  enough_store_set_clock (store, sample_clock, NULL);
  days_back = 12;
  {
    g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (store);

    enough_dialogue_set_title (dialogue, "Monday’s meeting");
    g_object_unref (enough_store_add_turn (store, dialogue, -1, ENOUGH_SPEAKER_CRITIC,
                                           "You talked too much. Not enough listening."));
    g_object_unref (enough_store_add_turn (store, dialogue, -1, ENOUGH_SPEAKER_ME,
                                           "I listened enough to hear what Sam needed."));
  }
  days_back = 5;
  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(EnoughSelfCheck) check = enough_store_create_self_check (store, 1);

      for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
        enough_self_check_set_answer (check, i, 1 + (i + c) % 5);
      enough_self_check_set_current_index (check, ENOUGH_SELF_CHECK_N_ITEMS - 1);
      enough_self_check_set_completed_at (check, enough_store_now (store));
      enough_self_check_set_note (check, c == 0 ? "A calm week. Enough sleep, fewer late emails."
                                                : "Checked the same slide <b>five</b> times & stopped. Enough.");
    }

  for (guint l = 0; l < G_N_ELEMENTS (letters); l++)
    {
      g_autoptr(EnoughLetter) letter = enough_store_create_letter (store);

      enough_letter_set_not_good_enough (letter, l == 0 ? "The dinner was not good enough" : "");
      enough_letter_set_text (letter, letters[l]);
    }

  days_back = 0;
  {
    g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (store);

    enough_dialogue_set_title (dialogue, "Is the report good enough?");
    enough_dialogue_set_critic_name (dialogue, "The Judge");
    for (guint t = 0; t < G_N_ELEMENTS (turns); t++)
      g_object_unref (enough_store_add_turn (store, dialogue, -1,
                                             t % 2 == 0 ? ENOUGH_SPEAKER_CRITIC : ENOUGH_SPEAKER_ME,
                                             turns[t]));
  }

  if (!enough_store_close (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
