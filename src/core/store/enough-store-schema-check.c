/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enough-store-schema.h"
#include "enough-store-schema-check.h"

/* name → "type\nsql" per version (index version - 1); built on first use,
 * kept for the process. Several threads open connections, hence the lock. */
static GHashTable *expected[ENOUGH_STORE_SCHEMA_VERSION];
G_LOCK_DEFINE_STATIC (expected);

static const char *const shadow_suffixes[] = { "_data", "_idx", "_content", "_docsize", "_config" };

static GHashTable *
build_expected (gint64 version)
{
  GHashTable *objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK ||
      enough_store_schema_register (db) != SQLITE_OK)
    g_error ("Could not make the expected journal schema: %s", sqlite3_errmsg (db));
  for (gint64 v = 1; v <= version; v++)
    if (sqlite3_exec (db, enough_store_schema_step ((guint) v), NULL, NULL, NULL) != SQLITE_OK)
      g_error ("Schema step %" G_GINT64_FORMAT " failed: %s", v, sqlite3_errmsg (db));

  if (sqlite3_prepare_v2 (db, "SELECT name, type, tbl_name, ifnull (sql, '') FROM sqlite_master",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Could not read the expected schema: %s", sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (objects, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup_printf ("%s\n%s\n%s", sqlite3_column_text (stmt, 1),
                                          sqlite3_column_text (stmt, 2),
                                          sqlite3_column_text (stmt, 3)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return objects;
}

static GHashTable *
get_expected (gint64 version)
{
  GHashTable *objects;

  g_return_val_if_fail (version >= 1 && version <= ENOUGH_STORE_SCHEMA_VERSION, NULL);

  G_LOCK (expected);
  if (expected[version - 1] == NULL)
    expected[version - 1] = build_expected (version);
  objects = expected[version - 1];
  G_UNLOCK (expected);
  return objects;
}

/* "search_data" is a shadow table of the virtual table "search" when that
 * one is expected too. */
static gboolean
is_shadow_table (GHashTable *objects,
                 const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (shadow_suffixes); i++)
    {
      const char *expected_sql;
      gsize len = strlen (name), suffix_len = strlen (shadow_suffixes[i]);
      g_autofree char *owner = NULL;

      if (len <= suffix_len || strcmp (name + len - suffix_len, shadow_suffixes[i]) != 0)
        continue;
      owner = g_strndup (name, len - suffix_len);
      expected_sql = g_hash_table_lookup (objects, owner);
      if (expected_sql != NULL && strstr (expected_sql, "CREATE VIRTUAL TABLE") != NULL)
        return TRUE;
    }
  return FALSE;
}

gboolean
enough_store_check_schema (sqlite3  *db,
                           gint64    version,
                           char    **out_unexpected)
{
  GHashTable *objects;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  g_return_val_if_fail (out_unexpected != NULL && *out_unexpected == NULL, FALSE);

  if (version < 1 || version > ENOUGH_STORE_SCHEMA_VERSION)
    {
      *out_unexpected = g_strdup_printf ("user_version %" G_GINT64_FORMAT, version);
      return FALSE;
    }
  objects = get_expected (version);

  rc = sqlite3_prepare_v2 (db, "SELECT name, type, tbl_name, ifnull (sql, '') FROM main.sqlite_master",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *want = g_hash_table_lookup (objects, name != NULL ? name : "");
      g_autofree char *have = g_strdup_printf ("%s\n%s\n%s", sqlite3_column_text (stmt, 1),
                                               sqlite3_column_text (stmt, 2),
                                               sqlite3_column_text (stmt, 3));
      gboolean same = want != NULL && g_str_equal (want, have);

      if (!same && want != NULL && g_str_has_prefix (have, "table\n") &&
          g_str_has_prefix (want, "table\n") && is_shadow_table (objects, name))
        {
          g_autofree char *prefix = g_strdup_printf ("table\n%s\n", name);

          /* SQLite writes these itself; only where they belong is ours. */
          same = g_str_has_prefix (have, prefix);
        }
      if (!same)
        {
          *out_unexpected = g_strdup (name != NULL ? name : "");
          sqlite3_finalize (stmt);
          return FALSE;
        }
      g_hash_table_add (seen, g_strdup (name));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      *out_unexpected = g_strdup (sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  /* Nothing may be missing either. */
  if (g_hash_table_size (seen) != g_hash_table_size (objects))
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, objects);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (seen, key))
          {
            *out_unexpected = g_strdup (key);
            return FALSE;
          }
    }
  return TRUE;
}

const char *
enough_store_expected_sql (const char *name)
{
  GHashTable *objects = get_expected (ENOUGH_STORE_SCHEMA_VERSION);
  const char *entry = g_hash_table_lookup (objects, name);

  if (entry == NULL)
    return NULL;
  /* "type\ntbl_name\nsql" */
  entry = strchr (entry, '\n') + 1;
  return strchr (entry, '\n') + 1;
}

gboolean
_enough_store_check_journal_schema (sqlite3     *db,
                                    const char  *path,
                                    gint64       version,
                                    GError     **error)
{
  g_autofree char *unexpected = NULL;

  if (enough_store_check_schema (db, version, &unexpected))
    return TRUE;
  g_set_error (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_NOT_A_JOURNAL,
               /* Translators: the first %s is a file, the second a name inside it */
               _("The journal “%s” holds database instructions that Enough did not write (“%s”), so it was not opened. It was left untouched."),
               path, unexpected);
  return FALSE;
}
