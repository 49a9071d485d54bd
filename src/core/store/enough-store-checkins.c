/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <string.h>

#include "enough-store-private.h"
#include "enough-tables.h"

/* The daily check-ins: one per local day. The live object wins over the
 * saved row (it may hold changes the autosave has not written yet). */

static EnoughCheckin *
find_live (EnoughStore *self,
           const char  *day)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (ENOUGH_IS_CHECKIN (value) && !enough_record_is_deleted (value) &&
        strcmp (enough_checkin_get_day (value), day) == 0)
      return value;
  return NULL;
}

EnoughCheckin *
enough_store_dup_checkin (EnoughStore *self,
                          const char  *day,
                          gboolean     create)
{
  EnoughCheckin *live;
  EnoughRecord *record = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  g_return_val_if_fail (enough_checkin_day_is_valid (day), NULL);
  if (!_enough_store_check_open (self))
    return NULL;

  live = find_live (self, day);
  if (live != NULL)
    return g_object_ref (live);

  /* The first if an import ever brought a second one for the day. */
  stmt = _enough_store_read_stmt (self, "SELECT id FROM checkin WHERE day = ? AND deleted_at = 0"
                                        " ORDER BY id LIMIT 1");
  if (stmt != NULL)
    {
      gint64 id = 0;

      sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (id > 0)
        record = _enough_store_get_record (self, ENOUGH_RECORD_KIND_CHECKIN, id);
      if (record != NULL && enough_record_is_deleted (record))
        g_clear_object (&record);
    }
  if (record != NULL || !create)
    return ENOUGH_CHECKIN (record);

  record = ENOUGH_RECORD (_enough_checkin_new ());
  _enough_checkin_set_day (ENOUGH_CHECKIN (record), day);
  _enough_store_setup_new (self, record, ENOUGH_RECORD_KIND_CHECKIN);
  enough_entry_list_insert_sorted (self->checkins, _enough_record_get_id (record),
                                   enough_record_get_created_at (record));
  _enough_store_record_changed (self, record);
  return ENOUGH_CHECKIN (record);
}

static void
add_day (GArray       *days,
         GHashTable   *index,
         const char   *day,
         int           mood,
         int           energy,
         int           daylight,
         int           morning)
{
  EnoughCheckinDay d = { enough_checkin_day_number (day), mood, energy, daylight, morning };
  gpointer at;

  if (d.day == 0)
    return;
  if (g_hash_table_lookup_extended (index, GUINT_TO_POINTER (d.day), NULL, &at))
    g_array_index (days, EnoughCheckinDay, GPOINTER_TO_UINT (at)) = d;
  else
    {
      g_hash_table_insert (index, GUINT_TO_POINTER (d.day), GUINT_TO_POINTER (days->len));
      g_array_append_val (days, d);
    }
}

static gint
day_order (gconstpointer a,
           gconstpointer b)
{
  const EnoughCheckinDay *da = a, *db = b;

  return da->day < db->day ? -1 : da->day > db->day;
}

GArray *
enough_store_list_checkin_days (EnoughStore *self,
                                const char  *from_day,
                                const char  *to_day)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (EnoughCheckinDay));
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), days);
  if (!_enough_store_check_open (self))
    return days;

  /* Ordered by id so that, for a day an import gave twice, the first
   * (the one the page opens) is the one kept. */
  stmt = _enough_store_read_stmt (self, "SELECT day, mood, energy, daylight, morning_outside FROM checkin"
                                        " WHERE day BETWEEN ? AND ? AND deleted_at = 0 ORDER BY id DESC");
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, from_day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to_day, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
#define CLAMP_INT(col, max) (sqlite3_column_int (stmt, col) >= 0 && sqlite3_column_int (stmt, col) <= (max) \
                             ? sqlite3_column_int (stmt, col) : -1)
          add_day (days, index, (const char *) sqlite3_column_text (stmt, 0),
                   CLAMP_INT (1, ENOUGH_CHECKIN_SCALE_MAX), CLAMP_INT (2, ENOUGH_CHECKIN_SCALE_MAX),
                   CLAMP_INT (3, ENOUGH_CHECKIN_DAYLIGHT_MAX), CLAMP_INT (4, 1));
#undef CLAMP_INT
        }
      sqlite3_reset (stmt);
    }

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (ENOUGH_IS_CHECKIN (value) && !enough_record_is_deleted (value))
      {
        EnoughCheckin *c = value;
        const char *day = enough_checkin_get_day (c);

        if (strcmp (day, from_day) >= 0 && strcmp (day, to_day) <= 0)
          add_day (days, index, day, enough_checkin_get_mood (c), enough_checkin_get_energy (c),
                   enough_checkin_get_daylight (c), enough_checkin_get_morning_outside (c));
      }

  g_array_sort (days, day_order);
  return days;
}
