/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

#include "enough-types.h"

G_BEGIN_DECLS

/* The thinking patterns (shared/PRODUCT.md's eight, then emotional reasoning and
 * mental filter, kept short on purpose), in the order they are shown,
 * with a translated name and a one-line plain explanation (the tooltip). */
typedef struct
{
  EnoughPatterns  flag;
  const char     *name;         /* untranslated; use _() */
  const char     *explanation;  /* untranslated; use _() */
} EnoughPatternInfo;

#define ENOUGH_CRITIC_N_PATTERNS 10
const EnoughPatternInfo *enough_critic_patterns_get (guint *n_patterns);

/* The steps of the prompt card (shared/PRODUCT.md), 0-based; NULL past the last. */
#define ENOUGH_CRITIC_N_PROMPTS 6
const char *enough_critic_prompt_get_text    (guint step);
/* The step whose prompt asks the person to answer the critic. */
#define ENOUGH_CRITIC_ANSWER_STEP 4
/* A short check shown with @step's prompt, before it; NULL for most steps. */
const char *enough_critic_prompt_get_check   (guint step);
/* Whose turn completes @step (the card then moves to the next one). */
EnoughSpeaker enough_critic_prompt_get_answerer (guint step);
/* Who writes first in @step: in steps 2–4 the kind self asks, then the
 * critic answers; in the others the one who writes is the answerer. */
EnoughSpeaker enough_critic_prompt_get_asker    (guint step);

G_END_DECLS
