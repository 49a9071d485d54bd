/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-critic-patterns.h"

static const EnoughPatternInfo patterns[] = {
  { ENOUGH_PATTERN_ALL_OR_NOTHING, N_("All-or-nothing thinking"),
    N_("Seeing things as perfect or a failure, with nothing in between.") },
  { ENOUGH_PATTERN_CATASTROPHISING, N_("Catastrophising"),
    N_("Jumping to the worst thing that could happen, as if it were sure to.") },
  { ENOUGH_PATTERN_SHOULD_STATEMENTS, N_("“Should” statements"),
    N_("Rigid rules about how you must be, which turn into guilt when you bend them.") },
  { ENOUGH_PATTERN_MIND_READING, N_("Mind reading"),
    N_("Being sure you know what others think of you, without asking.") },
  { ENOUGH_PATTERN_DISCOUNTING_POSITIVE, N_("Discounting the positive"),
    N_("Brushing off what went well, as if it did not count.") },
  { ENOUGH_PATTERN_LABELLING, N_("Labelling"),
    N_("Calling yourself a name for one mistake, instead of describing what happened.") },
  { ENOUGH_PATTERN_OVERGENERALISING, N_("Overgeneralising"),
    N_("Turning one event into “always” or “never”.") },
  { ENOUGH_PATTERN_FORTUNE_TELLING, N_("Fortune telling"),
    N_("Predicting that things will go badly, and treating it as a fact.") },
};

const EnoughPatternInfo *
enough_critic_patterns_get (guint *n_patterns)
{
  if (n_patterns != NULL)
    *n_patterns = G_N_ELEMENTS (patterns);

  return patterns;
}

static const char *prompts[ENOUGH_CRITIC_N_PROMPTS] = {
  N_("What is the critic saying right now? Write it in its own words."),
  N_("Ask it: what are you afraid would happen if I were not perfect?"),
  N_("Ask it: what are you trying to protect me from?"),
  N_("What does it need to feel safe enough to step back a little?"),
  N_("Answer it the way you would answer a good friend who said this about themselves."),
  N_("Thank it for trying to help, and say what you would like to try instead."),
};

const char *
enough_critic_prompt_get_text (guint step)
{
  if (step >= ENOUGH_CRITIC_N_PROMPTS)
    return NULL;

  return _(prompts[step]);
}

/* Steps 1–4 are about the critic: you may ask as yourself first, and the
 * step is done when the critic has spoken. Steps 5–6 are yours. */
EnoughSpeaker
enough_critic_prompt_get_answerer (guint step)
{
  return step < 4 ? ENOUGH_SPEAKER_CRITIC : ENOUGH_SPEAKER_ME;
}
