/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <sqlite3.h>
#include <glib.h>

#include "enough-store.h"

G_BEGIN_DECLS

/* A journal's schema holds SQL that SQLite runs (triggers, views, defaults),
 * so one from elsewhere (a backup, a crafted file) must be exactly the one
 * this program makes. The expected schema of each version is made by
 * running the program's own steps in a memory database (once, cached).
 *
 * check_schema(): TRUE if the tables, indexes, triggers and views of @db's
 * main schema are those of @version, the same names with the same SQL (the
 * FTS5 shadow tables by name only: SQLite writes those itself). Otherwise
 * FALSE and *@out_unexpected names the first odd one (or what failed). */
gboolean     enough_store_check_schema  (sqlite3      *db,
                                         gint64        version,
                                         char        **out_unexpected);
/* The CREATE statement this program wrote for the object @name of the
 * current version, or NULL. Static; any thread. */
const char  *enough_store_expected_sql  (const char   *name);

/* check_schema() for a journal being opened, with the error to show. */
gboolean     _enough_store_check_journal_schema (sqlite3     *db,
                                                 const char  *path,
                                                 gint64       version,
                                                 GError     **error);

G_END_DECLS
