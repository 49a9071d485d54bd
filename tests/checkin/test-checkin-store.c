/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "enough-checkin-stats.h"
#include "enough-export.h"
#include "enough-import.h"
#include "enough-store-private.h"
#include "enough-store-schema.h"
#include "enough-store-test-utils.h"
#include "enough-tables.h"

#define FIXED_NOW ((gint64) 1767225600 * G_USEC_PER_SEC)

static char *
export_text (EnoughStore        *store,
             EnoughExportFormat  format)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  EnoughExportOptions options = { format, ENOUGH_EXPORT_ALL, 0, 0, FIXED_NOW };

  flush (store);
  g_assert_true (enough_export_to_stream (enough_store_get_path (store), &options, out, NULL, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static guint
n_results (EnoughStore       *store,
           const char        *query,
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

      g_assert_cmpint (enough_search_result_get_kind (r), ==, ENOUGH_RECORD_KIND_CHECKIN);
      *field = enough_search_result_get_field (r);
    }
  return n;
}

static guint
n_results_any (EnoughStore *store,
               const char  *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = enough_store_search (store, query, 10, NULL, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (results);
}

/* The day rule: the local calendar day of the moment, in its own zone. */
static void
test_day_rule (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_offset (9 * 3600);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  /* 2026-03-01 23:30 UTC is already March 2 in Tokyo. */
  g_autoptr(GDateTime) late = g_date_time_new (utc, 2026, 3, 1, 23, 30, 0);
  g_autoptr(GDateTime) in_tokyo = g_date_time_to_timezone (late, tokyo);
  g_autofree char *d1 = enough_checkin_day_for_time (late);
  g_autofree char *d2 = enough_checkin_day_for_time (in_tokyo);

  g_assert_cmpstr (d1, ==, "2026-03-01");
  g_assert_cmpstr (d2, ==, "2026-03-02");
  g_assert_true (enough_checkin_day_is_valid ("2024-02-29"));
  g_assert_false (enough_checkin_day_is_valid ("2026-02-29"));
  g_assert_false (enough_checkin_day_is_valid ("2026-13-01"));
  g_assert_false (enough_checkin_day_is_valid ("2026-1-01"));
  g_assert_false (enough_checkin_day_is_valid ("2026-01-01 "));
  g_assert_false (enough_checkin_day_is_valid (""));
  g_assert_cmpuint (enough_checkin_day_number ("2026-03-02") - enough_checkin_day_number ("2026-03-01"), ==, 1);
  g_assert_cmpuint (enough_checkin_day_number ("nope"), ==, 0);
}

static EnoughCheckinDay
day (guint32 n, int mood, int energy, int daylight, int morning)
{
  EnoughCheckinDay d = { n, mood, energy, daylight, morning };
  return d;
}

/* The group means, the days left out, and the 3-day threshold. */
static void
test_means (void)
{
  EnoughCheckinDay days[] = {
    day (1, 7, 6, 6, 1),
    day (2, 6, -1, 4, 1),
    day (3, -1, -1, 8, 1),   /* no mood, no energy: not counted */
    day (4, 4, 3, 1, 0),
    day (5, 5, 5, 0, 0),
    day (6, 3, 4, -1, -1),   /* neither split known */
    day (7, 8, 7, 3, 1),
  };
  EnoughCheckinGroup g[2];

  /* Mornings: outside 1, 2, 7 (3 days), indoors 4, 5 (2 days): hidden. */
  g_assert_false (enough_checkin_compare (days, G_N_ELEMENTS (days), ENOUGH_CHECKIN_SPLIT_MORNING, g));
  g_assert_cmpuint (g[0].n_days, ==, 3);
  g_assert_cmpuint (g[1].n_days, ==, 2);
  g_assert_cmpfloat_with_epsilon (g[0].mean_mood, 7.0, 1e-9);
  g_assert_cmpuint (g[0].n_energy, ==, 2);
  g_assert_cmpfloat_with_epsilon (g[0].mean_energy, 6.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (g[1].mean_mood, 4.5, 1e-9);

  /* A third indoor morning: shown. */
  days[5].morning_outside = 0;
  g_assert_true (enough_checkin_compare (days, G_N_ELEMENTS (days), ENOUGH_CHECKIN_SPLIT_MORNING, g));
  g_assert_cmpuint (g[1].n_days, ==, 3);
  g_assert_cmpfloat_with_epsilon (g[1].mean_mood, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g[1].mean_energy, 4.0, 1e-9);

  /* Daylight: 2 h (4 half hours) or more: 1, 2 (2 days); less: 4, 5, 7. */
  g_assert_false (enough_checkin_compare (days, G_N_ELEMENTS (days), ENOUGH_CHECKIN_SPLIT_DAYLIGHT, g));
  g_assert_cmpuint (g[0].n_days, ==, 2);
  g_assert_cmpuint (g[1].n_days, ==, 3);
  g_assert_cmpfloat_with_epsilon (g[1].mean_mood, 17.0 / 3, 1e-9);
  days[6].daylight = 4;  /* day 7 moves over: 1, 2, 7 vs 4, 5 */
  g_assert_false (enough_checkin_compare (days, G_N_ELEMENTS (days), ENOUGH_CHECKIN_SPLIT_DAYLIGHT, g));
  days[5].daylight = 2;  /* day 6 joins the shorter days: 3 and 3 */
  g_assert_true (enough_checkin_compare (days, G_N_ELEMENTS (days), ENOUGH_CHECKIN_SPLIT_DAYLIGHT, g));

  /* Nothing at all: no means, nothing shown. */
  g_assert_false (enough_checkin_compare (NULL, 0, ENOUGH_CHECKIN_SPLIT_MORNING, g));
  g_assert_cmpuint (g[0].n_days, ==, 0);
  g_assert_true (isnan (g[0].mean_mood));
}

/* Get-or-create, unset distinct from 0, one per day, saved and reloaded,
 * a past day changed, the days listed for the charts. */
static void
test_round_trip (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(EnoughCheckin) today = NULL;
  g_autoptr(EnoughCheckin) same = NULL;
  g_autoptr(GArray) days = NULL;
  EnoughCheckinDay *d;

  /* Nothing until first touch. */
  g_assert_null (enough_store_dup_checkin (f->store, "2026-03-02", FALSE));
  today = enough_store_dup_checkin (f->store, "2026-03-02", TRUE);
  g_assert_nonnull (today);
  g_assert_cmpstr (enough_checkin_get_day (today), ==, "2026-03-02");
  g_assert_cmpint (enough_checkin_get_mood (today), ==, ENOUGH_CHECKIN_UNSET);
  g_assert_false (enough_checkin_is_complete (today));
  /* The same day gives the same object, before and after it is saved. */
  same = enough_store_dup_checkin (f->store, "2026-03-02", TRUE);
  g_assert_true (same == today);
  g_clear_object (&same);

  enough_checkin_set_mood (today, 0);  /* 0 is a value, not "unset" */
  g_assert_true (enough_checkin_is_complete (today));
  enough_checkin_set_daylight (today, 5);
  enough_checkin_set_morning_outside (today, 0);
  enough_checkin_set_note (today, "Rain all day. 雨の日");
  flush (f->store);
  g_clear_object (&today);

  {
    g_autoptr(EnoughCheckin) yesterday = enough_store_dup_checkin (f->store, "2026-03-01", TRUE);

    enough_checkin_set_energy (yesterday, 10);
    enough_checkin_set_morning_outside (yesterday, 1);
    flush (f->store);
  }
  fixture_reopen (f);

  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_checkins (f->store)), ==, 2);
  today = enough_store_dup_checkin (f->store, "2026-03-02", TRUE);
  g_assert_cmpint (enough_checkin_get_mood (today), ==, 0);
  g_assert_cmpint (enough_checkin_get_energy (today), ==, ENOUGH_CHECKIN_UNSET);
  g_assert_cmpint (enough_checkin_get_daylight (today), ==, 5);
  g_assert_cmpint (enough_checkin_get_morning_outside (today), ==, 0);
  g_assert_cmpstr (enough_checkin_get_note (today), ==, "Rain all day. 雨の日");
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_checkins (f->store)), ==, 2);

  /* Change a past day: the live change shows in the list before saving. */
  {
    g_autoptr(EnoughCheckin) yesterday = enough_store_dup_checkin (f->store, "2026-03-01", FALSE);

    g_assert_nonnull (yesterday);
    g_assert_cmpint (enough_checkin_get_energy (yesterday), ==, 10);
    enough_checkin_set_mood (yesterday, 6);
    days = enough_store_list_checkin_days (f->store, "2026-02-01", "2026-03-31");
    g_assert_cmpuint (days->len, ==, 2);
    d = &g_array_index (days, EnoughCheckinDay, 0);
    g_assert_cmpuint (d->day, ==, enough_checkin_day_number ("2026-03-01"));
    g_assert_cmpint (d->mood, ==, 6);
    g_assert_cmpint (d->energy, ==, 10);
    g_assert_cmpint (d->morning_outside, ==, 1);
    d = &g_array_index (days, EnoughCheckinDay, 1);
    g_assert_cmpint (d->mood, ==, 0);
    g_assert_cmpint (d->energy, ==, -1);
    g_assert_cmpint (d->daylight, ==, 5);
    g_clear_pointer (&days, g_array_unref);
    flush (f->store);
  }
  g_clear_object (&today);
  fixture_reopen (f);
  days = enough_store_list_checkin_days (f->store, "2026-03-01", "2026-03-01");
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpint (g_array_index (days, EnoughCheckinDay, 0).mood, ==, 6);
  g_clear_pointer (&days, g_array_unref);
  days = enough_store_list_checkin_days (f->store, "2026-04-01", "2026-04-30");
  g_assert_cmpuint (days->len, ==, 0);
}

static void
test_search (StoreFixture  *f,
             gconstpointer  data)
{
  g_autoptr(EnoughCheckin) c = enough_store_dup_checkin (f->store, "2026-03-02", TRUE);
  EnoughSearchField field = 0;

  enough_checkin_set_note (c, "A walk by the river before work.");
  enough_checkin_set_reflection (c, "Brighter mornings and a lighter mood seem to come together. 朝の光");
  flush (f->store);
  g_assert_cmpuint (n_results (f->store, "river", &field), ==, 1);
  g_assert_cmpint (field, ==, ENOUGH_SEARCH_FIELD_CHECKIN_NOTE);
  g_assert_cmpuint (n_results (f->store, "lighter mood", &field), ==, 1);
  g_assert_cmpint (field, ==, ENOUGH_SEARCH_FIELD_REFLECTION);
  g_assert_cmpuint (n_results (f->store, "朝の光", &field), ==, 1);
  g_assert_cmpint (field, ==, ENOUGH_SEARCH_FIELD_REFLECTION);

  enough_checkin_set_note (c, "Stayed in.");
  flush (f->store);
  g_assert_cmpuint (n_results (f->store, "river", NULL), ==, 0);
  g_assert_cmpuint (n_results (f->store, "stayed", &field), ==, 1);
}

/* JSON to a new journal and back, equal; Markdown as a table per month. */
static void
test_export_import (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *md = NULL;
  g_autofree char *dir2 = enough_test_make_data_dir ();
  g_autofree char *path2 = g_build_filename (dir2, "journal.db", NULL);
  g_autoptr(EnoughImport) import = NULL;
  EnoughStore *store2;
  guint added = 0, skipped = 0;

  {
    g_autoptr(EnoughCheckin) a = enough_store_dup_checkin (f->store, "2026-02-27", TRUE);
    g_autoptr(EnoughCheckin) b = enough_store_dup_checkin (f->store, "2026-03-01", TRUE);

    enough_checkin_set_mood (a, 10);
    enough_checkin_set_energy (a, 0);
    enough_checkin_set_daylight (a, 32);
    enough_checkin_set_morning_outside (a, 1);
    enough_checkin_set_note (a, "Sunny | bright\nwalk");
    enough_checkin_set_daylight (b, 3);
    enough_checkin_set_reflection (b, "Light and mood go together.");
  }
  first = export_text (f->store, ENOUGH_EXPORT_JSON);
  g_assert_nonnull (strstr (first, "\"version\":2,"));
  g_assert_nonnull (strstr (first, "\"kind\":\"checkin\""));
  g_assert_nonnull (strstr (first, "\"day\":\"2026-02-27\",\"mood\":10,\"energy\":0,\"daylight_half_hours\":32,"
                                   "\"morning_outside\":1,"));
  g_assert_nonnull (strstr (first, "\"day\":\"2026-03-01\",\"mood\":null,\"energy\":null,\"daylight_half_hours\":3,"
                                   "\"morning_outside\":null,"));

  store2 = enough_store_open (path2, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  import = enough_import_parse_data (first, strlen (first), &error);
  g_assert_no_error (error);
  g_assert_true (enough_import_write (store2, import, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  second = export_text (store2, ENOUGH_EXPORT_JSON);
  g_assert_cmpstr (first, ==, second);
  {
    g_autoptr(EnoughCheckin) b = enough_store_dup_checkin (store2, "2026-03-01", FALSE);

    g_assert_nonnull (b);
    g_assert_cmpint (enough_checkin_get_daylight (b), ==, 3);
    g_assert_cmpint (enough_checkin_get_mood (b), ==, ENOUGH_CHECKIN_UNSET);
  }
  g_assert_cmpuint (n_results (store2, "go together", NULL), ==, 1);
  enough_store_close (store2, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store2);
  enough_test_remove_data_dir (dir2);

  md = export_text (f->store, ENOUGH_EXPORT_MARKDOWN);
  g_test_message ("%s", md);
  g_assert_nonnull (strstr (md, "## Check-ins 2026-02\n\n| Day | Mood | Energy | Hours outside in daylight |"
                                " Outside in the morning | Note |\n|---|---|---|---|---|---|\n"
                                "| 2026-02-27 | 10 | 0 | 16 | yes | Sunny \\| bright walk |\n"));
  g_assert_nonnull (strstr (md, "\n\n## Check-ins 2026-03\n\n"));
  g_assert_nonnull (strstr (md, "| 2026-03-01 | – | – | 1.5 | – | Reflection: Light and mood go together. |\n"));
}

#define HEAD2 "{\"format\":\"enough-journal\",\"version\":2,\"entries\":["
#define TS "\"2026-01-01T10:00:00Z\""
#define CHECKIN(uuid, extra) "{\"kind\":\"checkin\",\"id\":\"" uuid "\",\"created\":" TS ",\"updated\":" TS extra "}"
#define U1 "11111111-1111-4111-8111-111111111111"
#define U2 "22222222-2222-4222-8222-222222222222"

/* Each refusal names what is wrong and writes nothing. */
static void
test_import_refusals (StoreFixture  *f,
                      gconstpointer  data)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { HEAD2 CHECKIN (U1, ",\"day\":\"2026-03-01\",\"mood\":11") "]}", "entries[0].mood: 11 is out of range (0 to 10)" },
    { HEAD2 CHECKIN (U1, ",\"day\":\"2026-03-01\",\"energy\":-1") "]}", "entries[0].energy: -1 is out of range (0 to 10)" },
    { HEAD2 CHECKIN (U1, ",\"day\":\"2026-03-01\",\"daylight_half_hours\":33") "]}",
      "entries[0].daylight_half_hours: 33 is out of range (0 to 32)" },
    { HEAD2 CHECKIN (U1, ",\"day\":\"2026-03-01\",\"daylight_half_hours\":2.5") "]}", "entries[0].daylight_half_hours: " },
    { HEAD2 CHECKIN (U1, ",\"day\":\"2026-03-01\",\"morning_outside\":2") "]}",
      "entries[0].morning_outside: 2 is out of range (0 to 1)" },
    { HEAD2 CHECKIN (U1, "") "]}", "entries[0].day: missing" },
    { HEAD2 CHECKIN (U1, ",\"day\":\"2026-02-30\"") "]}", "entries[0].day: expected a day like 2026-03-01" },
    { HEAD2 CHECKIN (U1, ",\"day\":\"2026-03-01\",\"weather\":\"sun\"") "]}", "entries[0].weather: unknown member" },
    { HEAD2 CHECKIN (U1, ",\"day\":\"2026-03-01\",\"mood\":5") "," CHECKIN (U2, ",\"day\":\"2026-03-01\",\"mood\":6") "]}",
      "entries[1].day: a second check-in for 2026-03-01 (there is one check-in a day)" },
    { "{\"format\":\"enough-journal\",\"version\":1,\"entries\":[" CHECKIN (U1, ",\"day\":\"2026-03-01\"") "]}",
      "version: a version 1 file cannot hold check-ins" },
  };
  static const char ok[] = HEAD2 CHECKIN (U1, ",\"day\":\"2024-02-29\",\"mood\":0,\"energy\":10,"
                                               "\"daylight_half_hours\":0,\"morning_outside\":null")
                           "," CHECKIN (U2, ",\"day\":\"2024-03-01\",\"daylight_half_hours\":32") "]}";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EnoughImport) import = enough_import_parse_data (cases[i].json, strlen (cases[i].json), &error);

      g_test_message ("%s", cases[i].json);
      g_assert_null (import);
      g_assert_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM checkin"), ==, 0);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EnoughImport) import = enough_import_parse_data (ok, strlen (ok), &error);
    guint added = 0;

    g_assert_no_error (error);
    g_assert_true (enough_import_write (f->store, import, &added, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 2);
  }
}

static gboolean
import_json (EnoughStore *store,
             const char  *json,
             guint       *added,
             guint       *skipped,
             GError     **error)
{
  g_autoptr(EnoughImport) import = enough_import_parse_data (json, strlen (json), error);

  g_assert_nonnull (import);
  return enough_import_write (store, import, added, skipped, error);
}

/* A check-in for a day the journal already has under another id: the
 * same values are "already in your journal"; other values are refused,
 * naming the day, and nothing of the file is written. The journal's
 * check-in is still unsaved when the import starts (the autosave goes
 * first). */
static void
test_import_day_taken (StoreFixture  *f,
                       gconstpointer  data)
{
  static const char different[] = HEAD2 CHECKIN (U2, ",\"day\":\"2026-02-28\",\"mood\":4")
                                  "," CHECKIN (U1, ",\"day\":\"2026-03-01\",\"mood\":6") "]}";
  static const char same[] = HEAD2 CHECKIN (U1, ",\"day\":\"2026-03-01\",\"mood\":5,\"note\":\"rain\"")
                             "," CHECKIN (U2, ",\"day\":\"2026-02-28\",\"mood\":4") "]}";
  g_autoptr(EnoughCheckin) mine = enough_store_dup_checkin (f->store, "2026-03-01", TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *same_id = NULL;
  guint added = 0, skipped = 0;

  enough_checkin_set_mood (mine, 5);
  enough_checkin_set_note (mine, "rain");
  g_assert_cmpuint (enough_store_get_n_pending (f->store), >, 0);

  g_assert_false (import_json (f->store, different, &added, &skipped, &error));
  g_assert_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "entries[1].day: your journal already has another check-in for "
                                       "2026-03-01 (there is one check-in a day)");
  g_clear_error (&error);
  flush (f->store);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM checkin"), ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT mood FROM checkin WHERE day = '2026-03-01'"), ==, 5);

  /* The same values under another id: skipped, the rest added. */
  g_assert_true (import_json (f->store, same, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (skipped, ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM checkin WHERE day = '2026-03-01'"), ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM checkin"), ==, 2);

  /* The same id with other values: the id rule, kept as it is. */
  same_id = g_strdup_printf (HEAD2 "{\"kind\":\"checkin\",\"id\":\"%s\",\"created\":" TS ",\"updated\":" TS
                             ",\"day\":\"2026-03-01\",\"mood\":9}]}",
                             enough_record_get_uuid (ENOUGH_RECORD (mine)));
  g_assert_true (import_json (f->store, same_id, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM checkin"), ==, 2);
  g_assert_cmpint (query_int (f->path, "SELECT mood FROM checkin WHERE day = '2026-03-01'"), ==, 5);
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GArray *
list_days_async (EnoughStore *store,
                 const char  *from,
                 const char  *to)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GArray *days;

  enough_store_list_checkin_days_async (store, from, to, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  days = enough_store_list_checkin_days_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (days);
  return days;
}

/* The days read on a thread are the days read here: saved rows, the
 * unsaved change of a live check-in over its row, the bounds kept. */
static void
test_days_async (StoreFixture  *f,
                 gconstpointer  data)
{
  static const char *const days[] = { "2026-02-27", "2026-03-01", "2026-03-02", "2026-03-05" };
  g_autoptr(GArray) sync = NULL;
  g_autoptr(GArray) async = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(EnoughCheckin) c = enough_store_dup_checkin (f->store, days[i], TRUE);

      enough_checkin_set_mood (c, (int) i + 1);
      enough_checkin_set_daylight (c, (int) i * 4);
    }
  flush (f->store);
  {
    g_autoptr(EnoughCheckin) c = enough_store_dup_checkin (f->store, "2026-03-01", FALSE);

    /* Unsaved: only the live object has it. */
    enough_checkin_set_mood (c, 9);
    g_assert_cmpuint (enough_store_get_n_pending (f->store), >, 0);
    sync = enough_store_list_checkin_days (f->store, "2026-02-28", "2026-03-02");
    async = list_days_async (f->store, "2026-02-28", "2026-03-02");
  }
  g_assert_cmpuint (async->len, ==, 2);
  g_assert_cmpuint (sync->len, ==, async->len);
  g_assert_cmpmem (sync->data, sync->len * sizeof (EnoughCheckinDay),
                   async->data, async->len * sizeof (EnoughCheckinDay));
  g_assert_cmpuint (g_array_index (async, EnoughCheckinDay, 0).day, ==, enough_checkin_day_number ("2026-03-01"));
  g_assert_cmpint (g_array_index (async, EnoughCheckinDay, 0).mood, ==, 9);
  g_assert_cmpint (g_array_index (async, EnoughCheckinDay, 1).mood, ==, 3);
  g_assert_cmpint (g_array_index (async, EnoughCheckinDay, 1).daylight, ==, 8);
}

/* A journal made by the version 5 steps: every entry survives, stays
 * searchable, and the journal then takes check-ins. */
static void
test_migrate_v5 (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_make_old_journal (f, 5, OLD_JOURNAL_FIRST_ROWS
    "INSERT INTO experiment (id, uuid, created, updated, belief, belief_rating)"
    " VALUES (1, '55555555-5555-4555-8555-555555555555', 1700000003000000, 1700000003000000,"
    " 'Rest must be earned.', 70);");

  f->store = fixture_open (f);
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, ENOUGH_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_dialogues (f->store)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (item (enough_store_get_dialogues (f->store), 0))), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_letters (f->store)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_self_checks (f->store)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_experiments (f->store)), ==, 1);
  g_assert_cmpint (enough_experiment_get_belief_rating (item (enough_store_get_experiments (f->store), 0)), ==, 70);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_checkins (f->store)), ==, 0);
  g_assert_cmpuint (n_results_any (f->store, "quarterly"), ==, 1);
  g_assert_cmpuint (n_results_any (f->store, "too late"), ==, 1);
  g_assert_cmpuint (n_results_any (f->store, "不够"), ==, 1);
  g_assert_cmpuint (n_results_any (f->store, "seashell"), ==, 1);
  g_assert_cmpuint (n_results_any (f->store, "earned"), ==, 1);

  {
    g_autoptr(EnoughCheckin) c = enough_store_dup_checkin (f->store, "2026-03-01", TRUE);

    enough_checkin_set_note (c, "First check-in after the update.");
    flush (f->store);
  }
  fixture_reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (enough_store_get_checkins (f->store)), ==, 1);
  g_assert_cmpuint (n_results (f->store, "after the update", NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/checkin/day-rule", test_day_rule);
  g_test_add_func ("/checkin/means", test_means);
  ADD ("/checkin/round-trip", test_round_trip);
  ADD ("/checkin/search", test_search);
  ADD ("/checkin/export-import", test_export_import);
  ADD ("/checkin/import-refusals", test_import_refusals);
  ADD ("/checkin/import-day-taken", test_import_day_taken);
  ADD ("/checkin/days-async", test_days_async);
  ADD ("/checkin/migrate-v5", test_migrate_v5);

  return g_test_run ();
}
