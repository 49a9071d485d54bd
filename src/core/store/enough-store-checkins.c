/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <string.h>

#include "enough-crypt-vfs.h"
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

/* Ordered by id so that, for a day an import gave twice, the first
 * (the one the page opens) is the one kept. */
static const char days_sql[] =
  "SELECT day, mood, energy, daylight, morning_outside FROM checkin"
  " WHERE day BETWEEN ? AND ? AND deleted_at = 0 ORDER BY id DESC";

typedef struct
{
  GArray     *days;   /* EnoughCheckinDay */
  GHashTable *index;  /* day number → its place in days */
  char       *path;
  char       *from_day;
  char       *to_day;
} DaysRead;

static DaysRead *
days_read_new (const char *from_day,
               const char *to_day)
{
  DaysRead *read = g_new0 (DaysRead, 1);

  read->days = g_array_new (FALSE, FALSE, sizeof (EnoughCheckinDay));
  read->index = g_hash_table_new (NULL, NULL);
  read->from_day = g_strdup (from_day);
  read->to_day = g_strdup (to_day);
  return read;
}

static void
days_read_free (DaysRead *read)
{
  g_clear_pointer (&read->days, g_array_unref);
  g_hash_table_unref (read->index);
  g_free (read->path);
  g_free (read->from_day);
  g_free (read->to_day);
  g_free (read);
}

static void
read_days (sqlite3_stmt *stmt,
           DaysRead     *read)
{
  sqlite3_bind_text (stmt, 1, read->from_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, read->to_day, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
#define CLAMP_INT(col, max) (sqlite3_column_int (stmt, col) >= 0 && sqlite3_column_int (stmt, col) <= (max) \
                             ? sqlite3_column_int (stmt, col) : -1)
      add_day (read->days, read->index, (const char *) sqlite3_column_text (stmt, 0),
               CLAMP_INT (1, ENOUGH_CHECKIN_SCALE_MAX), CLAMP_INT (2, ENOUGH_CHECKIN_SCALE_MAX),
               CLAMP_INT (3, ENOUGH_CHECKIN_DAYLIGHT_MAX), CLAMP_INT (4, 1));
#undef CLAMP_INT
    }
  sqlite3_reset (stmt);
}

/* On the UI thread: the live objects over the saved rows, then in order. */
static GArray *
finish_days (EnoughStore *self,
             DaysRead    *read)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (ENOUGH_IS_CHECKIN (value) && !enough_record_is_deleted (value))
      {
        EnoughCheckin *c = value;
        const char *day = enough_checkin_get_day (c);

        if (strcmp (day, read->from_day) >= 0 && strcmp (day, read->to_day) <= 0)
          add_day (read->days, read->index, day, enough_checkin_get_mood (c), enough_checkin_get_energy (c),
                   enough_checkin_get_daylight (c), enough_checkin_get_morning_outside (c));
      }

  g_array_sort (read->days, day_order);
  return g_steal_pointer (&read->days);
}

GArray *
enough_store_list_checkin_days (EnoughStore *self,
                                const char  *from_day,
                                const char  *to_day)
{
  DaysRead *read;
  sqlite3_stmt *stmt;
  GArray *days;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), g_array_new (FALSE, FALSE, sizeof (EnoughCheckinDay)));
  if (!_enough_store_check_open (self))
    return g_array_new (FALSE, FALSE, sizeof (EnoughCheckinDay));

  read = days_read_new (from_day, to_day);
  stmt = _enough_store_read_stmt (self, days_sql);
  if (stmt != NULL)
    read_days (stmt, read);
  days = finish_days (self, read);
  days_read_free (read);
  return days;
}

static void
days_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DaysRead *read = task_data;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GError *error = NULL;
  int rc;

  /* Its own short-lived connection, as the search's: SQLite connections
   * are not shared between threads here. */
  rc = enough_crypt_open_db (read->path, SQLITE_OPEN_READONLY, NULL, &db);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 2000);
      rc = sqlite3_prepare_v2 (db, days_sql, -1, &stmt, NULL);
    }
  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (&error, db, rc, "check-in days");
      sqlite3_close (db);
      g_task_return_error (task, error);
      return;
    }
  read_days (stmt, read);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_task_return_boolean (task, TRUE);
}

void
enough_store_list_checkin_days_async (EnoughStore         *self,
                                      const char          *from_day,
                                      const char          *to_day,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DaysRead *read;

  g_return_if_fail (ENOUGH_IS_STORE (self));
  g_return_if_fail (from_day != NULL && to_day != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, enough_store_list_checkin_days_async);
  read = days_read_new (from_day, to_day);
  read->path = g_strdup (enough_store_get_path (self));
  g_task_set_task_data (task, read, (GDestroyNotify) days_read_free);
  g_task_run_in_thread (task, days_thread);
}

GArray *
enough_store_list_checkin_days_finish (EnoughStore   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  /* Closed while the thread read (the app quitting): not a caller's
   * mistake, so no critical; the caller drops the result. */
  if (!_enough_store_check_not_closed (self, error))
    return NULL;
  /* Back on the UI thread: now the live objects can be asked. */
  return finish_days (self, g_task_get_task_data (G_TASK (result)));
}
