/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

/* Small helpers shared by the store tests (header-only). */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "enough-store.h"
#include "enough-store-schema.h"
#include "enough-test-utils.h"

typedef struct
{
  char        *dir;
  char        *path;
  EnoughStore *store;
  gint64       now;   /* the injected clock */
} StoreFixture;

static gint64
fixture_clock (gpointer data)
{
  StoreFixture *f = data;
  /* Every reading moves one second on, so creation order is strict. */
  f->now += G_USEC_PER_SEC;
  return f->now;
}

/* Borrows item @i of a store list: the model keeps its page referenced. */
static inline gpointer
item (GListModel *model,
      guint       i)
{
  gpointer object = g_list_model_get_item (model, i);

  g_assert_nonnull (object);
  g_object_unref (object);
  return object;
}

static inline void
flush (EnoughStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
}

static inline EnoughStore *
fixture_open (StoreFixture *f)
{
  g_autoptr(GError) error = NULL;
  EnoughStore *store = enough_store_open (f->path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  enough_store_set_clock (store, fixture_clock, f);
  /* Tests flush explicitly; no timers unless a test asks for them. */
  enough_store_set_autosave_delay (store, G_MAXUINT);
  return store;
}

static inline void
fixture_setup (StoreFixture  *f,
               gconstpointer  data)
{
  f->dir = enough_test_make_data_dir ();
  f->path = g_build_filename (f->dir, "journal.db", NULL);
  f->now = (gint64) 1700000000 * G_USEC_PER_SEC;
  f->store = fixture_open (f);
}

static inline void
fixture_reopen (StoreFixture *f)
{
  g_autoptr(GError) error = NULL;

  enough_store_close (f->store, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (f->store);
  f->store = fixture_open (f);
}

static inline void
fixture_teardown (StoreFixture  *f,
                  gconstpointer  data)
{
  if (f->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      enough_store_close (f->store, &error);
      g_assert_no_error (error);
      g_assert_finalize_object (f->store);
    }
  enough_test_remove_data_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The first column of the first row of @sql on @db; -1 if no row. */
static inline gint64
query_int_on (sqlite3    *db,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A value straight from the file, through a separate connection. */
static inline gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  value = query_int_on (db, sql);
  sqlite3_close (db);
  return value;
}

/* One entry of each kind the first schema holds, with a CJK text, for the
 * migration tests; what later versions added is their own. */
#define OLD_JOURNAL_FIRST_ROWS \
  "INSERT INTO dialogue (id, uuid, created, updated, title, critic_name)" \
  " VALUES (1, '11111111-1111-4111-8111-111111111111', 1700000000000000, 1700000000000000," \
  " 'The quarterly report', 'the Taskmaster');" \
  "INSERT INTO turn (id, uuid, created, updated, dialogue_id, position, speaker, text, patterns)" \
  " VALUES (1, '22222222-2222-4222-8222-222222222222', 1700000000000000, 1700000000000000," \
  " 1, 1024, 0, 'You always leave it too late.', 5);" \
  "INSERT INTO letter (id, uuid, created, updated, not_good_enough, text, takeaway)" \
  " VALUES (1, '33333333-3333-4333-8333-333333333333', 1700000001000000, 1700000001000000," \
  " '我不够好', 'Dear me, you are doing fine.', 'Fine is fine.');" \
  "INSERT INTO self_check (id, uuid, created, updated, bank_version, note)" \
  " VALUES (1, '44444444-4444-4444-8444-444444444444', 1700000002000000, 1700000002000000," \
  " 1, 'A seashell week.');"

/* Replaces the fixture's journal (closed) with one made by the schema
 * steps up to @version, as that version's app left it, holding @rows. */
static inline void
fixture_make_old_journal (StoreFixture *f,
                          guint         version,
                          const char   *rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *stamp = g_strdup_printf ("PRAGMA application_id = 1164865397; PRAGMA user_version = %u;", version);
  sqlite3 *db = NULL;

  if (f->store != NULL)
    {
      g_assert_true (enough_store_close (f->store, &error));
      g_assert_finalize_object (f->store);
      f->store = NULL;
    }
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_unlink (wal);
  g_unlink (shm);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (enough_store_schema_register (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint v = 1; v <= version; v++)
    g_assert_cmpint (sqlite3_exec (db, enough_store_schema_step (v), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, rows, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, stamp, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (query_int (f->path, "PRAGMA user_version"), ==, version);
}

static inline char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}
