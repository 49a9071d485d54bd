/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <string.h>

#include "enough-critic-patterns.h"

/* The prompt steps keep their numbers (dialogues store the step they are
 * on); the Internal Family Systems check belongs to the answer step. */
static void
test_prompts (void)
{
  g_assert_cmpuint (ENOUGH_CRITIC_N_PROMPTS, ==, 6);
  for (guint step = 0; step < ENOUGH_CRITIC_N_PROMPTS; step++)
    {
      g_assert_nonnull (enough_critic_prompt_get_text (step));
      if (step == ENOUGH_CRITIC_ANSWER_STEP)
        g_assert_nonnull (enough_critic_prompt_get_check (step));
      else
        g_assert_null (enough_critic_prompt_get_check (step));
    }
  g_assert_null (enough_critic_prompt_get_text (ENOUGH_CRITIC_N_PROMPTS));
  g_assert_null (enough_critic_prompt_get_check (ENOUGH_CRITIC_N_PROMPTS));

  /* The check comes before the person answers as themselves. */
  g_assert_cmpint (enough_critic_prompt_get_answerer (ENOUGH_CRITIC_ANSWER_STEP), ==, ENOUGH_SPEAKER_ME);
  g_assert_cmpint (enough_critic_prompt_get_answerer (ENOUGH_CRITIC_ANSWER_STEP - 1), ==, ENOUGH_SPEAKER_CRITIC);
  g_assert_nonnull (strstr (enough_critic_prompt_get_check (ENOUGH_CRITIC_ANSWER_STEP),
                            "how do you feel toward the critic right now?"));

  /* Step 2 asks openly, without assuming what the critic fears. */
  g_assert_null (strstr (enough_critic_prompt_get_text (1), "perfect"));
  g_assert_nonnull (strstr (enough_critic_prompt_get_text (1), "if you stopped criticising me?"));
}

static void
test_patterns (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  EnoughPatterns seen = ENOUGH_PATTERN_NONE;
  const EnoughPatternInfo *infos;
  guint n = 0;

  infos = enough_critic_patterns_get (&n);
  g_assert_cmpuint (n, ==, ENOUGH_CRITIC_N_PATTERNS);
  g_assert_cmpuint (n, ==, 10);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (infos[i].flag & seen, ==, 0);
      seen |= infos[i].flag;
      g_assert_false (g_hash_table_contains (names, infos[i].name));
      g_hash_table_add (names, (gpointer) infos[i].name);
      g_assert_cmpuint (strlen (infos[i].explanation), >, 0);
    }
  g_assert_cmpuint (seen, ==, ENOUGH_PATTERNS_ALL);

  /* Mind reading is assuming others think *badly* of you. */
  for (guint i = 0; i < n; i++)
    if (infos[i].flag == ENOUGH_PATTERN_MIND_READING)
      g_assert_nonnull (strstr (infos[i].explanation, "badly"));
  g_assert_true (g_hash_table_contains (names, "Emotional reasoning"));
  g_assert_true (g_hash_table_contains (names, "Mental filter"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/critic-content/prompts", test_prompts);
  g_test_add_func ("/critic-content/patterns", test_patterns);

  return g_test_run ();
}
