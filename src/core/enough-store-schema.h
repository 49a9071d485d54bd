/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <sqlite3.h>

#include "enough-store.h"

G_BEGIN_DECLS

/* "Enou": PRAGMA application_id of every Enough journal. */
#define ENOUGH_STORE_APPLICATION_ID 0x456e6f75

/* Registers the SQL functions the triggers use (enough_cjk); every
 * connection that writes must call it. */
int         enough_store_schema_register (sqlite3    *db);
/* Han, kana, Hangul, Bopomofo letters */
gboolean    enough_store_is_cjk          (gunichar    c);
/* "我 的 x 工 作" for "我的 work 工作"; NULL when there is no CJK text. */
char       *enough_store_cjk_tokens      (const char *text);

/* SQL that takes the schema from version to_version - 1 to to_version. */
const char *enough_store_schema_step (guint to_version);

G_END_DECLS
