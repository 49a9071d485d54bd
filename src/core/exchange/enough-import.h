/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gio/gio.h>

#include "enough-store.h"
#include "enough-limits.h"

G_BEGIN_DECLS

/**
 * SECTION:enough-import
 *
 * Reading a JSON export (see enough-export.h) back into a journal.
 *
 * Two steps, so nothing is written unless everything is right:
 * 1. enough_import_parse_*() reads and checks the WHOLE document: JSON
 *    syntax, format name and version, types, required members, unknown
 *    members, lengths, dates, enum values, ids (well-formed UUIDs, unique in
 *    the file). The first problem gives an ENOUGH_IMPORT_ERROR whose message
 *    starts with the place, e.g.
 *      entries[12].turns[3].speaker: expected “critic” or “me”
 *    Hostile input is bounded: file size, nesting depth, string length,
 *    number of members and of entries; invalid UTF-8, NUL characters and
 *    duplicated keys are refused. The JSON is read by a small strict reader
 *    (enough-json-reader.h; json-glib's parser has no depth limit and keeps
 *    the last of duplicated keys); each entry becomes a flat tree of values
 *    only while it is checked, so memory stays about the size of the text.
 *    A big file is read by two threads (see enough-import.c).
 * 2. enough_import_write() adds every entry whose id the journal does not
 *    have yet, in ONE transaction on the store's writer; entries already
 *    there are skipped (re-importing a file adds nothing). Any failure rolls
 *    back: the journal is exactly as before.
 */

#define ENOUGH_IMPORT_ERROR (enough_import_error_quark ())

typedef enum
{
  ENOUGH_IMPORT_ERROR_INVALID,        /* malformed or not allowed; the message names the place */
  ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL,  /* JSON, but not an Enough export */
  ENOUGH_IMPORT_ERROR_NEWER_VERSION,  /* made by a newer Enough */
  ENOUGH_IMPORT_ERROR_TOO_LARGE,      /* over a limit (file size, depth, length, count) */
  ENOUGH_IMPORT_ERROR_CONFLICT,       /* an id is already used by something else in the journal */
} EnoughImportError;

GQuark enough_import_error_quark (void);

/* Limits against hostile files (a 100,000-entry journal is about 60 MB). */
#define ENOUGH_IMPORT_MAX_FILE_SIZE  (G_GINT64_CONSTANT (512) * 1024 * 1024)
#define ENOUGH_IMPORT_MAX_DEPTH      16
#define ENOUGH_IMPORT_MAX_STRING     ENOUGH_TEXT_MAX_BYTES        /* bytes, any string */
#define ENOUGH_IMPORT_MAX_SHORT      ENOUGH_SHORT_TEXT_MAX_BYTES  /* bytes: titles, names */
#define ENOUGH_IMPORT_MAX_MEMBERS    64                /* members of one object */
#define ENOUGH_IMPORT_MAX_ENTRIES    2000000
#define ENOUGH_IMPORT_MAX_TURNS      10000             /* turns of one dialogue */

typedef struct _EnoughImport EnoughImport;

/* Parses and checks a whole document. @data need not be NUL-terminated. */
EnoughImport *enough_import_parse_data   (const char    *data,
                                          gsize          length,
                                          GError       **error);
EnoughImport *enough_import_parse_file   (GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);
guint         enough_import_get_n_entries (EnoughImport *import);
void          enough_import_free         (EnoughImport  *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnoughImport, enough_import_free)

/* Writes @import into @store (see above). @n_added and @n_skipped (out,
 * optional) count entries. Blocks until written. */
gboolean      enough_import_write        (EnoughStore   *store,
                                          EnoughImport  *import,
                                          guint         *n_added,
                                          guint         *n_skipped,
                                          GError       **error);

/* Parse + write, for the command line and tests. */
gboolean      enough_import_file         (EnoughStore   *store,
                                          GFile         *file,
                                          guint         *n_added,
                                          guint         *n_skipped,
                                          GError       **error);

/* The same for the app: parses on a worker thread, writes on the store's
 * writer; the UI never waits. */
void          enough_import_file_async   (EnoughStore          *store,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean      enough_import_file_finish  (EnoughStore          *store,
                                          GAsyncResult         *result,
                                          guint                *n_added,
                                          guint                *n_skipped,
                                          GError              **error);

/* For tests: files of at least @bytes are read by two threads (0: the
 * default, 4 MB). */
void          _enough_import_set_split_min_bytes (gsize bytes);
/* How many times a second half was read by its own thread and kept. */
guint         _enough_import_get_n_joined        (void);

G_END_DECLS
