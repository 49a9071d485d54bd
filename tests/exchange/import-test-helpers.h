/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

/* What the import tests share (header-only): the journal's building blocks
 * and a fixture holding a store with synthetic entries and its export. */

#include <glib/gstdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "enough-export.h"
#include "enough-import.h"
#include "enough-store-private.h"
#include "enough-store-test-hooks.h"
#include "enough-store-schema.h"
#include "enough-store-test-utils.h"

#define FIXED_NOW ((gint64) 1767225600 * G_USEC_PER_SEC)

#define HEAD "{\"format\":\"enough-journal\",\"version\":1,\"entries\":["
#define TAIL "]}"
#define TS "\"2026-01-01T10:00:00Z\""
#define UUID1 "\"11111111-1111-4111-8111-111111111111\""
#define UUID2 "\"22222222-2222-4222-8222-222222222222\""
#define UUID3 "\"33333333-3333-4333-8333-333333333333\""
#define UUID4 "\"44444444-4444-4444-8444-444444444444\""
#define COMMON(kind, uuid) "\"kind\":\"" kind "\",\"id\":" uuid ",\"created\":" TS ",\"updated\":" TS
#define DIALOGUE(extra) "{" COMMON ("dialogue", UUID1) extra "}"
#define LETTER(extra) "{" COMMON ("letter", UUID2) extra "}"
#define CHECK(extra) "{" COMMON ("self-check", UUID3) ",\"bank_version\":1" extra "}"
#define EXPERIMENT(extra) "{" COMMON ("experiment", UUID4) extra "}"
#define ANSWERS_OK ",\"answers\":[1,2,3,4,5,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5,1,2,3,4]"
#define TURN(uuid, extra) "{\"id\":" uuid ",\"created\":" TS ",\"updated\":" TS extra "}"
#define ONE(entry) HEAD entry TAIL

typedef struct
{
  StoreFixture  f;
  char         *before;
} ImportFixture;

static inline char *
export_json (EnoughStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  EnoughExportOptions options = { ENOUGH_EXPORT_JSON, 0, 0, 0, FIXED_NOW };

  g_assert_true (enough_store_flush (store, &error));
  g_assert_true (enough_export_to_stream (enough_store_get_path (store), &options, out, NULL, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static inline void
import_setup (ImportFixture *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughDialogue) d = NULL;
  g_autoptr(EnoughTurn) t = NULL;

  fixture_setup (&fx->f, data);
  g_assert_true (enough_store_generate_synthetic (fx->f.store, 30, 3, &error));
  g_assert_no_error (error);
  /* a turn whose id a hostile file reuses (the "conflict" test) */
  d = enough_store_create_dialogue (fx->f.store);
  t = enough_store_add_turn (fx->f.store, d, -1, ENOUGH_SPEAKER_ME, "mine");
  g_assert_true (enough_store_flush (fx->f.store, &error));
  fx->before = export_json (fx->f.store);
}

static inline void
import_teardown (ImportFixture *fx,
                 gconstpointer  data)
{
  g_free (fx->before);
  fixture_teardown (&fx->f, data);
}
