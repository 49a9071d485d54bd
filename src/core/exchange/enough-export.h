/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gio/gio.h>

#include "enough-record.h"
#include "enough-store.h"

G_BEGIN_DECLS

/**
 * SECTION:enough-export
 *
 * Writing the journal out, whole or in part:
 *
 * - JSON: one versioned document, lossless, for backup and for
 *   enough_import_*():
 *     {"format": "enough-journal", "version": 2, "exported_at": "…Z",
 *      "entries": [ {"kind": "dialogue", "id": "<uuid>", …}, … ]}
 *   oldest entry first; every field of every entry (turns nested in their
 *   dialogue, in order); timestamps ISO 8601 UTC with microseconds when
 *   they have some. One entry per line, written straight from its row
 *   (the members as enough-tables.c describes them, escaped as json-glib's
 *   generator would) as it is read: memory stays flat whatever the
 *   journal's size.
 * - Markdown: for reading, printing or handing to a therapist; in the
 *   user's language; dates in the local time zone.
 *
 * Both read the database file through their own read-only connection, in
 * one read transaction (a consistent snapshot), so they may run on any
 * thread, beside the UI's store. Deleted entries (waiting for Undo) are left
 * out.
 */

#define ENOUGH_EXPORT_FORMAT_NAME "enough-journal"
/* 2 added experiments; version 1 files are still read. */
#define ENOUGH_EXPORT_VERSION     2

typedef enum
{
  ENOUGH_EXPORT_JSON,
  ENOUGH_EXPORT_MARKDOWN,
  ENOUGH_EXPORT_PDF,       /* the Markdown's content laid out for reading */
} EnoughExportFormat;

typedef enum /*< flags >*/
{
  ENOUGH_EXPORT_DIALOGUES   = 1 << 0,
  ENOUGH_EXPORT_LETTERS     = 1 << 1,
  ENOUGH_EXPORT_SELF_CHECKS = 1 << 2,
  ENOUGH_EXPORT_EXPERIMENTS = 1 << 3,
  ENOUGH_EXPORT_CHECKINS    = 1 << 4,
  ENOUGH_EXPORT_ALL         = 0x1f,
} EnoughExportKinds;

/* Called on the exporting thread as entries are written: @done of @total
 * (at the start with 0, then every few entries, and at the end). */
typedef void (*EnoughExportProgressFunc) (guint    done,
                                          guint    total,
                                          gpointer user_data);

/* One chosen entry: its kind (EnoughRecordKind) and id. */
typedef struct
{
  int    kind;
  gint64 id;
} EnoughExportEntryRef;

/* @record (a dialogue, letter or self-check) as a chosen entry. */
EnoughExportEntryRef enough_export_entry_ref (EnoughRecord *record);

typedef struct
{
  EnoughExportFormat format;
  EnoughExportKinds  kinds;      /* 0 = all */
  gint64             from_usec;  /* entries created at or after; 0 = no bound */
  gint64             to_usec;    /* entries created before; 0 = no bound */
  gint64             now_usec;   /* "exported_at"; 0 = the real time (tests fix it) */
  /* Chosen entries only (within the kinds and dates above); NULL = all. */
  const EnoughExportEntryRef *chosen;
  guint                       n_chosen;
  /* Markdown and PDF: each self-check's statements with the answer given. */
  gboolean                    with_answers;
  EnoughExportProgressFunc    progress;       /* optional */
  gpointer                    progress_data;
} EnoughExportOptions;

/* ".json" → JSON, ".md"/".markdown" → Markdown, ".pdf" → PDF (case-insensitive); FALSE
 * for anything else. */
gboolean enough_export_format_for_path (const char          *path,
                                        EnoughExportFormat  *out_format);

/* Exports the journal in the file @db_path to @stream (not closed).
 * @n_entries (out, optional): how many entries were written. */
gboolean enough_export_to_stream       (const char                *db_path,
                                        const EnoughExportOptions *options,
                                        GOutputStream             *stream,
                                        guint                     *n_entries,
                                        GCancellable              *cancellable,
                                        GError                   **error);
/* The same into @file: written to a hidden temporary file in its folder
 * and renamed over it at the end, private (0600); on an error or when
 * @cancellable is cancelled, the temporary file is removed and @file is
 * left as it was (absent, or an earlier export). */
gboolean enough_export_to_file         (const char                *db_path,
                                        const EnoughExportOptions *options,
                                        GFile                     *file,
                                        guint                     *n_entries,
                                        GCancellable              *cancellable,
                                        GError                   **error);

/* From the app: saves what is pending in @store, then exports its file on
 * a worker thread (the chosen entries are copied; the progress callback
 * is called on that thread). */
void     enough_export_async           (EnoughStore               *store,
                                        const EnoughExportOptions *options,
                                        GFile                     *file,
                                        GCancellable              *cancellable,
                                        GAsyncReadyCallback        callback,
                                        gpointer                   user_data);
gboolean enough_export_finish          (EnoughStore               *store,
                                        GAsyncResult              *result,
                                        guint                     *n_entries,
                                        GError                   **error);

/* Timestamps and command-line dates: enough-dates.h. */

/* Appends @text as the inside of a JSON string (for the tests). */
void     _enough_export_json_escape     (GString    *out,
                                         const char *text);

G_END_DECLS
