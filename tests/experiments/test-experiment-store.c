/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include <glib/gstdio.h>
#include <string.h>

#include "enough-experiment-kinds.h"
#include "enough-store-private.h"
#include "enough-store-schema.h"
#include "enough-store-test-utils.h"
#include "enough-tables.h"

#define AT(seconds) ((gint64) (seconds) * G_USEC_PER_SEC)

static void
fill (EnoughExperiment *e)
{
  enough_experiment_set_belief (e, "If I send it early they will think I am careless.");
  enough_experiment_set_belief_rating (e, 80);
  enough_experiment_set_prediction (e, "My manager frowns at the typo.");
  enough_experiment_set_prediction_likelihood (e, 65);
  enough_experiment_set_experiment_kind (e, ENOUGH_EXPERIMENT_KIND_BEFORE_READY);
  enough_experiment_set_action (e, "Send the draft at noon, unpolished.");
  enough_experiment_set_due (e, AT (1700100000), TRUE);
  enough_experiment_set_obstacles (e, "The urge to reread. Then I close the laptop.");
  enough_experiment_set_alternative (e, "Drafts are meant to be rough.");
  enough_experiment_set_alternative_rating (e, 30);
  enough_experiment_set_outcome (e, "She replied with two small ideas. 她很友好。");
  enough_experiment_set_came_true (e, ENOUGH_CAME_TRUE_PARTLY);
  enough_experiment_set_learned (e, "Early is useful.");
  enough_experiment_set_belief_after (e, 45);
  enough_experiment_set_alternative_after (e, 0);
}

static void
assert_filled (EnoughExperiment *e)
{
  g_assert_cmpstr (enough_experiment_get_belief (e), ==, "If I send it early they will think I am careless.");
  g_assert_cmpint (enough_experiment_get_belief_rating (e), ==, 80);
  g_assert_cmpstr (enough_experiment_get_prediction (e), ==, "My manager frowns at the typo.");
  g_assert_cmpint (enough_experiment_get_prediction_likelihood (e), ==, 65);
  g_assert_cmpint (enough_experiment_get_experiment_kind (e), ==, ENOUGH_EXPERIMENT_KIND_BEFORE_READY);
  g_assert_cmpstr (enough_experiment_get_action (e), ==, "Send the draft at noon, unpolished.");
  g_assert_cmpint (enough_experiment_get_due_at (e), ==, AT (1700100000));
  g_assert_true (enough_experiment_get_due_has_time (e));
  g_assert_cmpstr (enough_experiment_get_obstacles (e), ==, "The urge to reread. Then I close the laptop.");
  g_assert_cmpstr (enough_experiment_get_alternative (e), ==, "Drafts are meant to be rough.");
  g_assert_cmpint (enough_experiment_get_alternative_rating (e), ==, 30);
  g_assert_cmpstr (enough_experiment_get_outcome (e), ==, "She replied with two small ideas. 她很友好。");
  g_assert_cmpint (enough_experiment_get_came_true (e), ==, ENOUGH_CAME_TRUE_PARTLY);
  g_assert_cmpstr (enough_experiment_get_learned (e), ==, "Early is useful.");
  g_assert_cmpint (enough_experiment_get_belief_after (e), ==, 45);
  g_assert_cmpint (enough_experiment_get_alternative_after (e), ==, 0);
}

static void
test_round_trip (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(EnoughExperiment) e = enough_store_create_experiment (f->store);
  g_autofree char *uuid = g_strdup (enough_record_get_uuid (ENOUGH_RECORD (e)));
  g_autoptr(EnoughRecord) found = NULL;
  EnoughExperiment *again;

  /* A new one is empty: every field optional, ratings unset. */
  g_assert_cmpstr (enough_experiment_get_belief (e), ==, "");
  g_assert_cmpint (enough_experiment_get_belief_rating (e), ==, ENOUGH_RATING_UNSET);
  g_assert_cmpint (enough_experiment_get_belief_after (e), ==, ENOUGH_RATING_UNSET);
  g_assert_cmpint (enough_experiment_get_experiment_kind (e), ==, ENOUGH_EXPERIMENT_KIND_UNSET);
  g_assert_cmpint (enough_experiment_get_state (e, AT (1800000000)), ==, ENOUGH_EXPERIMENT_PLANNED);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_experiments (f->store)), ==, 1);

  fill (e);
  flush (f->store);
  g_clear_object (&e);
  fixture_reopen (f);

  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_experiments (f->store)), ==, 1);
  again = item (enough_store_get_experiments (f->store), 0);
  g_assert_cmpstr (enough_record_get_uuid (ENOUGH_RECORD (again)), ==, uuid);
  assert_filled (again);
  found = enough_store_lookup (f->store, ENOUGH_RECORD_KIND_EXPERIMENT, uuid);
  g_assert_true (found == ENOUGH_RECORD (again));

  /* An unfinished one keeps its unset ratings across a reopen. */
  {
    g_autoptr(EnoughExperiment) empty = enough_store_create_experiment (f->store);

    enough_experiment_set_belief (empty, "Rest must be earned.");
    flush (f->store);
  }
  fixture_reopen (f);
  again = item (enough_store_get_experiments (f->store), 0);
  g_assert_cmpstr (enough_experiment_get_belief (again), ==, "Rest must be earned.");
  g_assert_cmpint (enough_experiment_get_belief_rating (again), ==, ENOUGH_RATING_UNSET);
  g_assert_cmpint (enough_experiment_get_alternative_after (again), ==, ENOUGH_RATING_UNSET);
  g_assert_cmpint (enough_experiment_get_due_at (again), ==, 0);
  g_assert_false (enough_experiment_get_due_has_time (again));
}

static void
test_state_and_due (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(EnoughExperiment) e = enough_store_create_experiment (f->store);
  g_autoptr(GPtrArray) due = NULL;

  enough_experiment_set_belief (e, "Mistakes are unforgivable.");
  enough_experiment_set_due (e, AT (1700100000), FALSE);
  g_assert_cmpint (enough_experiment_get_state (e, AT (1700099999)), ==, ENOUGH_EXPERIMENT_PLANNED);
  g_assert_cmpint (enough_experiment_get_state (e, AT (1700100000)), ==, ENOUGH_EXPERIMENT_DUE);

  /* Unsaved and saved, the due list finds it. */
  due = enough_store_list_due_experiments (f->store, AT (1700100001), 10);
  g_assert_cmpuint (due->len, ==, 1);
  g_clear_pointer (&due, g_ptr_array_unref);
  flush (f->store);
  g_clear_object (&e);
  fixture_reopen (f);
  due = enough_store_list_due_experiments (f->store, AT (1700099000), 10);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = enough_store_list_due_experiments (f->store, AT (1700100001), 10);
  g_assert_cmpuint (due->len, ==, 1);
  e = g_object_ref (g_ptr_array_index (due, 0));
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Writing what happened makes it done: no longer due. */
  enough_experiment_set_came_true (e, ENOUGH_CAME_TRUE_NO);
  g_assert_cmpint (enough_experiment_get_state (e, AT (1700100001)), ==, ENOUGH_EXPERIMENT_DONE);
  due = enough_store_list_due_experiments (f->store, AT (1700100001), 10);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  flush (f->store);
  due = enough_store_list_due_experiments (f->store, AT (1700100001), 10);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);

  enough_experiment_set_came_true (e, ENOUGH_CAME_TRUE_UNSET);
  enough_experiment_set_outcome (e, "Nothing bad.");
  g_assert_cmpint (enough_experiment_get_state (e, AT (1700100001)), ==, ENOUGH_EXPERIMENT_DONE);

  /* A date without a time is due at 09:00 that day, local time. */
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

    g_assert_nonnull (tz);
    g_assert_cmpint (enough_experiment_compute_due_at (2026, 3, 2, -1, utc), ==, AT (1772442000));
    g_assert_cmpint (enough_experiment_compute_due_at (2026, 3, 2, -1, tz), ==, AT (1772442000 - 3600));
    g_assert_cmpint (enough_experiment_compute_due_at (2026, 3, 2, 14 * 60 + 30, utc), ==,
                     AT (1772442000 + 5 * 3600 + 1800));
    g_assert_cmpint (enough_experiment_compute_due_at (2026, 2, 30, -1, utc), ==, 0);
    g_assert_cmpint (enough_experiment_compute_due_at (2026, 3, 2, 24 * 60, utc), ==, 0);
  }
}

static void
test_delete_undo (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(EnoughExperiment) e = enough_store_create_experiment (f->store);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  enough_experiment_set_learned (e, "Kindness works.");
  flush (f->store);
  enough_store_delete (f->store, e);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_experiments (f->store)), ==, 0);
  results = enough_store_search (f->store, "Kindness", 10, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);
  enough_store_restore (f->store, e);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_experiments (f->store)), ==, 1);
  flush (f->store);
  results = enough_store_search (f->store, "Kindness", 10, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);

  /* Deleted for good at the close after its days in Recently Deleted. */
  enough_store_delete (f->store, e);
  g_clear_object (&e);
  fixture_reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_experiments (f->store)), ==, 0);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM experiment"), ==, 1);
  f->now += ENOUGH_STORE_TRASH_USEC + G_USEC_PER_SEC;
  fixture_reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_experiments (f->store)), ==, 0);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM experiment"), ==, 0);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM search"), ==, 0);
}

/* Setters refuse what no field can hold; a crafted row reads as unset. */
static void
test_ranges (StoreFixture  *f,
             gconstpointer  data)
{
  g_autoptr(EnoughExperiment) e = enough_store_create_experiment (f->store);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  EnoughExperiment *again;

  enough_experiment_set_belief_rating (e, 0);
  enough_experiment_set_prediction_likelihood (e, 100);
  g_test_expect_message ("Enough", G_LOG_LEVEL_CRITICAL, "*rating*");
  enough_experiment_set_belief_rating (e, 101);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Enough", G_LOG_LEVEL_CRITICAL, "*rating*");
  enough_experiment_set_belief_after (e, -2);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Enough", G_LOG_LEVEL_CRITICAL, "*kind*");
  enough_experiment_set_experiment_kind (e, ENOUGH_EXPERIMENT_KIND_LAST + 1);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Enough", G_LOG_LEVEL_CRITICAL, "*came_true*");
  enough_experiment_set_came_true (e, 4);
  g_test_assert_expected_messages ();
  g_assert_cmpint (enough_experiment_get_belief_rating (e), ==, 0);
  g_assert_cmpint (enough_experiment_get_prediction_likelihood (e), ==, 100);
  g_assert_cmpint (enough_experiment_get_belief_after (e), ==, ENOUGH_RATING_UNSET);
  g_assert_cmpint (enough_experiment_get_experiment_kind (e), ==, ENOUGH_EXPERIMENT_KIND_UNSET);
  flush (f->store);
  sql = g_strdup_printf ("UPDATE experiment SET belief_rating = 500, belief_after = -7,"
                         " experiment_kind = 99, came_true = -1, due_at = -5 WHERE uuid = '%s'",
                         enough_record_get_uuid (ENOUGH_RECORD (e)));
  g_clear_object (&e);
  {
    g_autoptr(GError) error = NULL;

    enough_store_close (f->store, &error);
    g_assert_no_error (error);
    g_assert_finalize_object (f->store);
  }
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  f->store = fixture_open (f);
  again = item (enough_store_get_experiments (f->store), 0);
  g_assert_cmpint (enough_experiment_get_belief_rating (again), ==, ENOUGH_RATING_UNSET);
  g_assert_cmpint (enough_experiment_get_belief_after (again), ==, ENOUGH_RATING_UNSET);
  g_assert_cmpint (enough_experiment_get_prediction_likelihood (again), ==, 100);
  g_assert_cmpint (enough_experiment_get_experiment_kind (again), ==, ENOUGH_EXPERIMENT_KIND_UNSET);
  g_assert_cmpint (enough_experiment_get_came_true (again), ==, ENOUGH_CAME_TRUE_UNSET);
  g_assert_cmpint (enough_experiment_get_due_at (again), ==, 0);
}

static guint
n_results (EnoughStore *store,
           const char  *query,
           EnoughSearchField *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = enough_store_search (store, query, 10, NULL, &error);
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (results);
  if (n > 0 && field != NULL)
    {
      g_autoptr(EnoughSearchResult) r = g_list_model_get_item (results, 0);

      g_assert_cmpint (enough_search_result_get_kind (r), ==, ENOUGH_RECORD_KIND_EXPERIMENT);
      *field = enough_search_result_get_field (r);
    }
  return n;
}

/* Every text field is found, as itself; edits and deletes follow. */
static void
test_search (StoreFixture  *f,
             gconstpointer  data)
{
  static const struct { const char *query; EnoughSearchField field; } cases[] = {
    { "careless", ENOUGH_SEARCH_FIELD_BELIEF },
    { "frowns", ENOUGH_SEARCH_FIELD_PREDICTION },
    { "unpolished", ENOUGH_SEARCH_FIELD_ACTION },
    { "laptop", ENOUGH_SEARCH_FIELD_OBSTACLES },
    { "rough", ENOUGH_SEARCH_FIELD_ALTERNATIVE },
    { "small ideas", ENOUGH_SEARCH_FIELD_OUTCOME },
    { "友好", ENOUGH_SEARCH_FIELD_OUTCOME },
    { "useful", ENOUGH_SEARCH_FIELD_LEARNED },
  };
  g_autoptr(EnoughExperiment) e = enough_store_create_experiment (f->store);
  EnoughSearchField field = 0;

  fill (e);
  flush (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].query);
      g_assert_cmpuint (n_results (f->store, cases[i].query, &field), ==, 1);
      g_assert_cmpint (field, ==, cases[i].field);
    }

  enough_experiment_set_learned (e, "Early is welcome.");
  flush (f->store);
  g_assert_cmpuint (n_results (f->store, "useful", NULL), ==, 0);
  g_assert_cmpuint (n_results (f->store, "welcome", &field), ==, 1);
  g_assert_cmpint (field, ==, ENOUGH_SEARCH_FIELD_LEARNED);

  /* Each kind's searchable fields have slots of their own in the index. */
  for (guint k = ENOUGH_RECORD_KIND_DIALOGUE; k <= ENOUGH_RECORD_KIND_LAST; k++)
    {
      const EnoughTable *table = enough_table_for_kind (k);
      guint used = 0;

      for (guint c = 0; c < table->n_columns; c++)
        {
          EnoughSearchField sf = table->columns[c].search_field;

          if (sf == 0)
            continue;
          g_assert_false (used & (1u << ENOUGH_SEARCH_SLOT (sf)));
          used |= 1u << ENOUGH_SEARCH_SLOT (sf);
          g_assert_cmpint (enough_table_search_field (k, ENOUGH_SEARCH_SLOT (sf)), ==, sf);
        }
    }
  /* Room for one more kind in the rowid's three bits (check-ins took 6). */
  g_assert_cmpint (ENOUGH_RECORD_KIND_LAST + 1, <=, 7);
}

/* A journal made by the version 4 schema (today's code before this
 * change): every entry survives the migration, stays searchable, and the
 * journal then takes experiments. */
static void
test_migrate_v4 (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EnoughDialogue *dialogue;
  EnoughSearchField field = 0;

  fixture_make_old_journal (f, 4, OLD_JOURNAL_FIRST_ROWS);

  f->store = fixture_open (f);
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, ENOUGH_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_dialogues (f->store)), ==, 1);
  dialogue = item (enough_store_get_dialogues (f->store), 0);
  g_assert_cmpstr (enough_dialogue_get_title (dialogue), ==, "The quarterly report");
  g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (dialogue)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_letters (f->store)), ==, 1);
  g_assert_cmpstr (enough_letter_get_takeaway (item (enough_store_get_letters (f->store), 0)), ==,
                   "Fine is fine.");
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_self_checks (f->store)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_experiments (f->store)), ==, 0);
  g_assert_cmpuint (n_results (f->store, "quarterly", NULL), ==, 1);
  g_assert_cmpuint (n_results (f->store, "too late", NULL), ==, 1);
  g_assert_cmpuint (n_results (f->store, "不够", NULL), ==, 1);
  g_assert_cmpuint (n_results (f->store, "seashell", NULL), ==, 1);

  {
    g_autoptr(EnoughExperiment) e = enough_store_create_experiment (f->store);

    enough_experiment_set_belief (e, "Late means lazy.");
    flush (f->store);
  }
  fixture_reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_experiments (f->store)), ==, 1);
  g_assert_cmpuint (n_results (f->store, "lazy", &field), ==, 1);
  g_assert_cmpint (field, ==, ENOUGH_SEARCH_FIELD_BELIEF);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_letters (f->store)), ==, 1);
}

static void
test_kinds_content (void)
{
  guint n = 0;
  const EnoughExperimentKindInfo *kinds = enough_experiment_kinds_get (&n);

  /* Every kind but unset, each explained, "my own" last. */
  g_assert_cmpuint (n, ==, ENOUGH_EXPERIMENT_KIND_LAST);
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (kinds[i].name);
      g_assert_nonnull (kinds[i].explanation);
      g_assert_true (enough_experiment_kind_info (kinds[i].kind) == &kinds[i]);
      g_assert_true ((kinds[i].example != NULL) == (kinds[i].kind != ENOUGH_EXPERIMENT_KIND_OWN));
    }
  g_assert_cmpint (kinds[n - 1].kind, ==, ENOUGH_EXPERIMENT_KIND_OWN);
  g_assert_null (enough_experiment_kind_info (ENOUGH_EXPERIMENT_KIND_UNSET));
  g_assert_null (enough_came_true_get_name (ENOUGH_CAME_TRUE_UNSET));
  g_assert_cmpstr (enough_came_true_get_name (ENOUGH_CAME_TRUE_PARTLY), ==, "Partly");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/experiment-store/round-trip", test_round_trip);
  ADD ("/experiment-store/state-and-due", test_state_and_due);
  ADD ("/experiment-store/delete-undo", test_delete_undo);
  ADD ("/experiment-store/ranges", test_ranges);
  ADD ("/experiment-store/search", test_search);
  ADD ("/experiment-store/migrate-v4", test_migrate_v4);
  g_test_add_func ("/experiment-store/kinds", test_kinds_content);

  return g_test_run ();
}
