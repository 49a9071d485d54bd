/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-store.h"

G_BEGIN_DECLS

/* "Enou": PRAGMA application_id of every Enough journal. */
#define ENOUGH_STORE_APPLICATION_ID 0x456e6f75

/* SQL that takes the schema from version to_version - 1 to to_version. */
const char *enough_store_schema_step (guint to_version);

G_END_DECLS
