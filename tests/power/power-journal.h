/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

/* The power-loss test's "user" and its bookkeeping: it writes through the
 * store as the pages do (setters, the store's autosave timer), keeps what
 * every batch held, and reads a journal file back to compare.
 *
 * Every text is "<seq>|<sha1 of payload>|<payload>", as in tests/crash, so
 * a half-written value can be told from an intact one. */

#include "enough-store.h"

/* Marks in the power log (see enough-power-vfs.h) */
enum
{
  MARK_HANDED,   /* a batch was taken by the store */
  MARK_ACKED,    /* ::saved for it */
  MARK_BACKUP,   /* enough_store_backup_now() returned TRUE */
  MARK_IMPORT,   /* enough_import_write() returned TRUE */
};

/* Imported texts count from here, so they are told from typed ones. */
#define IMPORT_SEQ_BASE G_GUINT64_CONSTANT (1000000)

typedef struct
{
  char    *kind;    /* "letter", "dialogue", "turn" (static) */
  guint64  seq;     /* 0: deleted */
  char    *parent;  /* dialogue uuid of a turn, else "-" */
  guint    words;   /* of the new text (for the figures) */
} Change;

/* uuid → Change* */
typedef GHashTable Model;

Model      *model_new        (void);
Model      *model_copy       (Model       *model);
/* A batch is a Model of the records it saved. */
void        model_apply      (Model       *model,
                              Model       *batch);
guint       model_n_live     (Model       *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Model, g_hash_table_unref)

typedef struct
{
  EnoughStore *store;
  GRand       *rand;
  guint64     *seq;         /* shared across sessions */
  GPtrArray   *letters, *dialogues, *turns;
  GHashTable  *touched;     /* record (ref) → Change* */
  GPtrArray   *batches;     /* Model*, each batch handed this session */
  guint        n_acked;
  guint        last_pending;
  guint64      next_import_seq;
} Writer;

/* Opens @path as the app does (@flags); edits go to what it loaded. */
Writer     *writer_open      (const char           *path,
                              EnoughStoreOpenFlags  flags,
                              guint32               seed,
                              guint64              *seq);
/* @n bursts of typing, each saved by the autosave (waited for). */
void        writer_type      (Writer      *w,
                              guint        n);
/* Closes the store; returns the batches (transfer full). */
GPtrArray  *writer_close     (Writer      *w);
char       *make_text        (GRand       *rand,
                              guint64      seq,
                              guint       *out_words);

/* A journal file read with plain SQLite: uuid → Row*. NULL and @error
 * when integrity_check fails or a text is not intact. */
typedef struct
{
  const char *kind;
  guint64     seq;
  gboolean    deleted;
  char       *parent;
} Row;

GHashTable *read_journal     (const char  *path,
                              GError     **error);
/* NULL if @state holds exactly @model (rows with seq >= IMPORT_SEQ_BASE
 * aside), else why not. */
char       *model_mismatch   (Model       *model,
                              GHashTable  *state);
/* "kind seq parent" of every live record the store loads. */
GHashTable *store_loaded     (EnoughStore *store);
GHashTable *expected_loaded  (Model       *model,
                              GHashTable  *state);
gboolean    same_sets        (GHashTable  *a,
                              GHashTable  *b,
                              char       **why);
