/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
/* Fills $ENOUGH_DATA_DIR/journal.db with sample experiments for the
 * Experiments screenshots (build-aux/screenshots-experiments.sh): two
 * looked back at, one ready to look back, one planned. Prints the uuid of
 * the one ready to look back. */
#include "config.h"

#include "enough-store.h"

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static EnoughExperiment *
add (EnoughStore *store,
     gint64       created,
     const char  *belief,
     int          rating,
     const char  *prediction,
     int          likelihood,
     EnoughExperimentKind kind,
     const char  *action,
     gint64       due_at)
{
  EnoughExperiment *e;

  fake_now = created;
  e = enough_store_create_experiment (store);
  enough_experiment_set_belief (e, belief);
  enough_experiment_set_belief_rating (e, rating);
  enough_experiment_set_prediction (e, prediction);
  enough_experiment_set_prediction_likelihood (e, likelihood);
  enough_experiment_set_experiment_kind (e, kind);
  enough_experiment_set_action (e, action);
  enough_experiment_set_due (e, due_at, TRUE);
  return e;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = NULL;
  g_autoptr(EnoughExperiment) a = NULL;
  g_autoptr(EnoughExperiment) b = NULL;
  g_autoptr(EnoughExperiment) due = NULL;
  g_autoptr(EnoughExperiment) planned = NULL;
  gint64 now = g_get_real_time ();

  store = enough_store_open (NULL, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  enough_store_set_clock (store, fake_clock, NULL);

  a = add (store, now - 20 * G_TIME_SPAN_DAY,
           "If I send the report before it is perfect, my manager will think I am incompetent.", 80,
           "She will point out the typo and sound disappointed.", 70,
           ENOUGH_EXPERIMENT_KIND_BEFORE_READY, "Send the report on Friday at noon, after one read-through.",
           now - 18 * G_TIME_SPAN_DAY);
  enough_experiment_set_alternative (a, "People judge the whole of my work, not one draft.");
  enough_experiment_set_alternative_rating (a, 30);
  enough_experiment_set_outcome (a, "She thanked me and asked one question about the numbers.");
  enough_experiment_set_came_true (a, ENOUGH_CAME_TRUE_NO);
  enough_experiment_set_learned (a, "Early and good enough was useful to her.");
  enough_experiment_set_belief_after (a, 45);
  enough_experiment_set_alternative_after (a, 60);

  b = add (store, now - 9 * G_TIME_SPAN_DAY,
           "Resting on a weekday means I am lazy.", 70,
           "I will feel guilty all evening and fall behind.", 60,
           ENOUGH_EXPERIMENT_KIND_REST, "Take Wednesday evening off, no laptop.",
           now - 7 * G_TIME_SPAN_DAY);
  enough_experiment_set_outcome (b, "I felt uneasy for an hour, then enjoyed the film.");
  enough_experiment_set_came_true (b, ENOUGH_CAME_TRUE_PARTLY);
  enough_experiment_set_belief_after (b, 50);

  due = add (store, now - 3 * G_TIME_SPAN_DAY,
             "If I leave a typo in a message, my friends will think I am careless.", 75,
             "Someone will mention it in the group chat.", 50,
             ENOUGH_EXPERIMENT_KIND_SMALL_MISTAKE, "Send the birthday message without rereading it.",
             now - G_TIME_SPAN_HOUR);
  enough_experiment_set_obstacles (due, "The urge to edit it. Then I will put the phone away.");

  planned = add (store, now - G_TIME_SPAN_HOUR,
                 "If I say no to the extra project, I will let everyone down.", 85,
                 "My colleague will be annoyed with me for weeks.", 65,
                 ENOUGH_EXPERIMENT_KIND_SAY_NO, "Tell Sam on Monday that I cannot take it this month.",
                 now + 4 * G_TIME_SPAN_DAY);

  if (!enough_store_flush (store, &error) || !enough_store_close (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s\n", enough_record_get_uuid (ENOUGH_RECORD (due)));
  return 0;
}
