/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

#include "enough-types.h"

G_BEGIN_DECLS

/* The kinds of behavioural experiment, in the order they are shown, each
 * with a translated name, a one-line plain explanation and an example. */
typedef struct
{
  EnoughExperimentKind  kind;
  const char           *name;         /* untranslated; use _() */
  const char           *explanation;  /* untranslated; use _() */
  const char           *example;      /* untranslated; use _(); NULL for "my own" */
} EnoughExperimentKindInfo;

/* Every kind but UNSET, "my own" last. */
const EnoughExperimentKindInfo *enough_experiment_kinds_get  (guint                *n_kinds);
/* The info of @kind; NULL for UNSET or anything unknown. */
const EnoughExperimentKindInfo *enough_experiment_kind_info  (EnoughExperimentKind  kind);
/* "Yes", "Partly", "No" (translated); NULL for UNSET. */
const char                     *enough_came_true_get_name   (EnoughCameTrue        came_true);

G_END_DECLS
