/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <stdio.h>

#include "enough-store.h"

/* Fills $ENOUGH_DATA_DIR with two Inner Critic dialogues for
 * build-aux/screenshots-critic.sh: an older short one and, newest (the one
 * the page opens), a dialogue half way through its steps, with a named
 * critic, ratings and marked patterns. Not a test. */

typedef struct
{
  EnoughSpeaker   speaker;
  const char     *text;
  EnoughPatterns  patterns;
} SampleTurn;

static void
add_turns (EnoughStore      *store,
           EnoughDialogue   *dialogue,
           const SampleTurn *turns,
           guint             n_turns)
{
  for (guint i = 0; i < n_turns; i++)
    {
      g_autoptr(EnoughTurn) turn = enough_store_add_turn (store, dialogue, -1,
                                                          turns[i].speaker, turns[i].text);

      enough_turn_set_patterns (turn, turns[i].patterns);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const SampleTurn older[] = {
    { ENOUGH_SPEAKER_CRITIC, "You should have answered that email hours ago.", ENOUGH_PATTERN_SHOULD_STATEMENTS },
    { ENOUGH_SPEAKER_ME, "What are you afraid would happen if I answer it tomorrow?", 0 },
  };
  static const SampleTurn turns[] = {
    { ENOUGH_SPEAKER_CRITIC,
      "The report is a mess. Everyone in the meeting will see you don’t know what you’re doing.",
      ENOUGH_PATTERN_CATASTROPHISING | ENOUGH_PATTERN_MIND_READING },
    { ENOUGH_SPEAKER_ME, "What are you afraid would happen if you stopped criticising me?", 0 },
    { ENOUGH_SPEAKER_CRITIC,
      "They would stop trusting you. One weak report and you are the person who always lets people down.",
      ENOUGH_PATTERN_OVERGENERALISING | ENOUGH_PATTERN_LABELLING },
    { ENOUGH_SPEAKER_ME, "What are you trying to protect me from?", 0 },
    { ENOUGH_SPEAKER_CRITIC, "From being embarrassed. From being found out.", 0 },
    { ENOUGH_SPEAKER_ME,
      "I hear you. You work hard to keep me safe.\nThe report has two rough pages, and the rest is solid.",
      0 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = NULL;
  g_autoptr(EnoughDialogue) first = NULL;
  g_autoptr(EnoughDialogue) dialogue = NULL;

  store = enough_store_open (NULL, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  first = enough_store_create_dialogue (store);
  enough_dialogue_set_title (first, "The unanswered email");
  enough_dialogue_set_intensity_start (first, 6);
  add_turns (store, first, older, G_N_ELEMENTS (older));
  enough_dialogue_set_prompt_step (first, 1);

  dialogue = enough_store_create_dialogue (store);
  enough_dialogue_set_title (dialogue, "Before the quarterly review");
  enough_dialogue_set_critic_name (dialogue, "the Taskmaster");
  enough_dialogue_set_intensity_start (dialogue, 8);
  enough_dialogue_set_intensity_end (dialogue, 5);
  add_turns (store, dialogue, turns, G_N_ELEMENTS (turns));
  enough_dialogue_set_prompt_step (dialogue, 4);

  if (!enough_store_close (store, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  return 0;
}
