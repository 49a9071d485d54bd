/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "enough-checkin.h"
#include "enough-checkin-stats.h"

gboolean
enough_checkin_compare (const EnoughCheckinDay *days,
                        guint                   n_days,
                        EnoughCheckinSplit      split,
                        EnoughCheckinGroup      out[2])
{
  double mood_sum[2] = { 0, 0 }, energy_sum[2] = { 0, 0 };

  memset (out, 0, 2 * sizeof (EnoughCheckinGroup));
  for (guint i = 0; i < n_days; i++)
    {
      const EnoughCheckinDay *d = &days[i];
      guint g;

      if (split == ENOUGH_CHECKIN_SPLIT_MORNING)
        {
          if (d->morning_outside < 0)
            continue;
          g = d->morning_outside ? 0 : 1;
        }
      else
        {
          if (d->daylight < 0)
            continue;
          g = d->daylight >= ENOUGH_CHECKIN_DAYLIGHT_SPLIT ? 0 : 1;
        }
      if (d->mood < 0 && d->energy < 0)
        continue;
      out[g].n_days++;
      if (d->mood >= 0)
        {
          out[g].n_mood++;
          mood_sum[g] += d->mood;
        }
      if (d->energy >= 0)
        {
          out[g].n_energy++;
          energy_sum[g] += d->energy;
        }
    }
  for (guint g = 0; g < 2; g++)
    {
      out[g].mean_mood = out[g].n_mood > 0 ? mood_sum[g] / out[g].n_mood : NAN;
      out[g].mean_energy = out[g].n_energy > 0 ? energy_sum[g] / out[g].n_energy : NAN;
    }
  return out[0].n_days >= ENOUGH_CHECKIN_MIN_GROUP_DAYS &&
         out[1].n_days >= ENOUGH_CHECKIN_MIN_GROUP_DAYS;
}

guint32
enough_checkin_day_number (const char *day)
{
  GDate date;

  if (!enough_checkin_day_is_valid (day))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, atoi (day + 8), atoi (day + 5), atoi (day));
  return g_date_get_julian (&date);
}
