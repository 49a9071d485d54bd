/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the benchmark programs share: figures from samples, time, files. */

/* The @p quantile (0..1, nearest rank) of @n values, sorted in place;
 * 0 without values. */
double bench_percentile       (double  *values,
                               guint    n,
                               double   p);
/* The same over a GArray of doubles. */
double bench_percentile_array (GArray  *values,
                               double   p);
/* The median of a GArray of doubles (the mean of the middle two for an
 * even count), sorted in place; 0 without values. */
double bench_median           (GArray  *values);
/* Milliseconds since @start (g_get_monotonic_time()). */
double bench_ms_since         (gint64   start);
/* Removes @dir and everything in it. */
void   bench_remove_dir       (const char *dir);

G_END_DECLS
