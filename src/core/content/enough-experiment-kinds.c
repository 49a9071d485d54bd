/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-experiment-kinds.h"

static const EnoughExperimentKindInfo kinds[] = {
  { ENOUGH_EXPERIMENT_KIND_IMPERFECT, N_("Do it imperfectly on purpose"),
    N_("Choose “good enough” and let it be seen."),
    N_("For example: send the email after one read-through, not five.") },
  { ENOUGH_EXPERIMENT_KIND_TIME_LIMIT, N_("Stop at a time limit, not when it is perfect"),
    N_("Decide how long it gets, and stop when the time is up."),
    N_("For example: give the slides forty minutes, then close the file.") },
  { ENOUGH_EXPERIMENT_KIND_BEFORE_READY, N_("Hand it in before it feels ready"),
    N_("Share it while it still feels unfinished to you."),
    N_("For example: show a first draft to a colleague today.") },
  { ENOUGH_EXPERIMENT_KIND_REST, N_("Rest without earning it"),
    N_("Take a break that no finished task has paid for."),
    N_("For example: an evening off with the to-do list still open.") },
  { ENOUGH_EXPERIMENT_KIND_SAY_NO, N_("Say no, or set a boundary"),
    N_("Decline something, or say where your limit is."),
    N_("For example: say you cannot take on the extra project this month.") },
  { ENOUGH_EXPERIMENT_KIND_ASK_HELP, N_("Ask for help, or let someone else do it their way"),
    N_("Let someone in, even if they would do it differently."),
    N_("For example: let your partner pack the bags without checking them.") },
  { ENOUGH_EXPERIMENT_KIND_SMALL_MISTAKE, N_("Leave a small mistake in"),
    N_("Let one small flaw stay, and see what happens."),
    N_("For example: leave one typo in a message to a friend.") },
  { ENOUGH_EXPERIMENT_KIND_OWN, N_("My own experiment"),
    N_("Something else that tests the belief, in your own words."),
    NULL },
};

const EnoughExperimentKindInfo *
enough_experiment_kinds_get (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

const EnoughExperimentKindInfo *
enough_experiment_kind_info (EnoughExperimentKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return &kinds[i];
  return NULL;
}

const char *
enough_came_true_get_name (EnoughCameTrue came_true)
{
  switch (came_true)
    {
    case ENOUGH_CAME_TRUE_YES:
      /* Translators: did the feared prediction come true? */
      return _("Yes");
    case ENOUGH_CAME_TRUE_PARTLY:
      /* Translators: did the feared prediction come true? */
      return _("Partly");
    case ENOUGH_CAME_TRUE_NO:
      /* Translators: did the feared prediction come true? */
      return _("No");
    case ENOUGH_CAME_TRUE_UNSET:
    default:
      return NULL;
    }
}
