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
    N_("Being sure others think badly of you, without asking.") },
  { ENOUGH_PATTERN_DISCOUNTING_POSITIVE, N_("Discounting the positive"),
    N_("Brushing off what went well, as if it did not count.") },
  { ENOUGH_PATTERN_LABELLING, N_("Labelling"),
    N_("Calling yourself a name for one mistake, instead of describing what happened.") },
  { ENOUGH_PATTERN_OVERGENERALISING, N_("Overgeneralising"),
    N_("Turning one event into “always” or “never”.") },
  { ENOUGH_PATTERN_FORTUNE_TELLING, N_("Fortune telling"),
    N_("Predicting that things will go badly, and treating it as a fact.") },
  /* Translators: a thinking pattern a critic turn can be marked with. */
  { ENOUGH_PATTERN_EMOTIONAL_REASONING, N_("Emotional reasoning"),
    /* Translators: the one-line explanation of "Emotional reasoning". */
    N_("Taking a feeling as proof: “I feel useless, so I must be.”") },
  /* Translators: a thinking pattern a critic turn can be marked with. */
  { ENOUGH_PATTERN_MENTAL_FILTER, N_("Mental filter"),
    /* Translators: the one-line explanation of "Mental filter". */
    N_("Noticing only what went wrong, as if nothing else happened.") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (patterns) == ENOUGH_CRITIC_N_PATTERNS);

const EnoughPatternInfo *
enough_critic_patterns_get (guint *n_patterns)
{
  if (n_patterns != NULL)
    *n_patterns = G_N_ELEMENTS (patterns);

  return patterns;
}

static const char *prompts[ENOUGH_CRITIC_N_PROMPTS] = {
  N_("What is the critic saying right now? Write it in its own words."),
  /* Translators: the question is open on purpose (as in Internal Family
   * Systems): it does not suggest what the critic fears. "It" is the
   * critic, "you" in the question is the critic too, "me" is the person
   * writing. */
  N_("Ask it: what are you afraid would happen if you stopped criticising me?"),
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

/* The Internal Family Systems check before the person answers the critic
 * (step 5): answering from curiosity or calm works; answering from anger
 * at the critic is one part fighting another. It belongs to step 5 rather
 * than being a step of its own, so dialogues saved with a step number
 * keep meaning the same step. */
const char *
enough_critic_prompt_get_check (guint step)
{
  if (step != ENOUGH_CRITIC_ANSWER_STEP)
    return NULL;

  /* Translators: shown above the prompt "Answer it the way you would answer
   * a good friend…". "Toward the critic" means about the critic part. */
  return _("Before you answer, notice: how do you feel toward the critic right now? If it is mostly anger or fear, ask those feelings for a little room first.");
}

/* Steps 1–4 are about the critic: you may ask as yourself first, and the
 * step is done when the critic has spoken. Steps 5–6 are yours. */
EnoughSpeaker
enough_critic_prompt_get_answerer (guint step)
{
  return step < 4 ? ENOUGH_SPEAKER_CRITIC : ENOUGH_SPEAKER_ME;
}

/* Steps 2–4 ("Ask it: …") are asked by the kind self; step 1 is the
 * critic's own words; steps 5–6 are the kind self's answer. */
EnoughSpeaker
enough_critic_prompt_get_asker (guint step)
{
  return step == 0 ? ENOUGH_SPEAKER_CRITIC : ENOUGH_SPEAKER_ME;
}
