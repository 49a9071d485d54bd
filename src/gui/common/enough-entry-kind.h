/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

#include "enough-types.h"

G_BEGIN_DECLS

/* The kind of an entry as the user reads it ("Letter"), translated; the
 * same words wherever an entry's kind is named beside it. */
const char *enough_entry_kind_name (EnoughRecordKind kind);

G_END_DECLS
