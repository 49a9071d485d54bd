/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "bench-utils.h"

#include <glib/gstdio.h>
#include <stdlib.h>

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

double
bench_percentile (double *values,
                  guint   n,
                  double  p)
{
  guint i;

  if (n == 0)
    return 0;
  qsort (values, n, sizeof (double), compare_doubles);
  i = (guint) (p * (n - 1) + 0.5);
  return values[MIN (i, n - 1)];
}

double
bench_percentile_array (GArray *values,
                        double  p)
{
  return bench_percentile ((double *) (void *) values->data, values->len, p);
}

double
bench_median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return 0;
  qsort (values->data, n, sizeof (double), compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

double
bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

void
bench_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        bench_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}
