/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <sqlite3.h>

#include "enough-import.h"
#include "enough-json-reader.h"
#include "enough-tables.h"

G_BEGIN_DECLS

/* What an import holds between reading and writing, shared by
 * enough-import.c (the document), enough-import-check.c (one entry) and
 * enough-import-write.c (the rows). */

typedef struct
{
  const char    *uuid;
  gint64         created;
  gint64         updated;
  EnoughSpeaker  speaker;
  const char    *text;
  guint          patterns;
} ImportTurn;

/* An entry's value of one column: .s for the table's text columns (in
 * EnoughImport.strings), .i for the others. */
typedef union
{
  gint64      i;
  const char *s;
} ImportValue;

typedef struct
{
  EnoughRecordKind  kind;
  /* by column of the entry's table (enough-tables.h), e.g.
   * v[ENOUGH_LETTER_COL_REREAD_AT].i; the row id and deleted_at are set
   * when written */
  ImportValue       v[ENOUGH_TABLE_MAX_COLUMNS];
  guint             first_turn;
  guint             n_turns;
} ImportEntry;

struct _EnoughImport
{
  GStringChunk *strings;
  GArray       *entries;   /* ImportEntry */
  GArray       *turns;     /* ImportTurn, each dialogue's in a row */
  GHashTable   *entry_ids; /* uuid (in strings) → itself */
  GHashTable   *turn_ids;
  GHashTable   *checkin_days; /* "YYYY-MM-DD" (in strings) → itself: one check-in a day */
  guint         n_of_kind[ENOUGH_RECORD_N_KINDS];
  EnoughImport *tail;      /* the strings of the second half, if read apart */

  /* writing */
  gint64        first_id[ENOUGH_RECORD_N_KINDS];
  guint         n_added;
  guint         n_skipped;
};

EnoughImport *_enough_import_new         (void);

/* Checks the entry @root (a tree in @arena), the @index-th of the file,
 * into @e, adding its turns and counting it in @import. */
gboolean      _enough_import_check_entry (EnoughImport          *import,
                                          const EnoughJsonValue *root,
                                          const char            *arena,
                                          guint                  index,
                                          ImportEntry           *e,
                                          GError               **error);

/* Ids for every entry and turn of @import, from the store. */
void          _enough_import_reserve_ids (EnoughStore           *store,
                                          EnoughImport          *import);
/* An EnoughWriterFunc: writes @import (an EnoughImport) in one transaction. */
gboolean      _enough_import_write_rows  (sqlite3               *db,
                                          gpointer               import,
                                          GError               **error);

G_END_DECLS
