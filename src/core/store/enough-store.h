/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gio/gio.h>

#include "enough-types.h"
#include "enough-record.h"
#include "enough-dialogue.h"
#include "enough-turn.h"
#include "enough-letter.h"
#include "enough-self-check.h"
#include "enough-experiment.h"
#include "enough-checkin.h"
#include "enough-search-result.h"
#include "enough-crypt-key.h"
#include "enough-checkin-stats.h"

G_BEGIN_DECLS

/**
 * SECTION:enough-store
 *
 * The journal: one SQLite database (WAL, foreign keys, synchronous=FULL),
 * by default $ENOUGH_DATA_DIR or $XDG_DATA_HOME/enough/journal.db, folder
 * 0700, files 0600.
 *
 * Threads: a worker thread owns the only write connection; every write
 * happens there, in one transaction per batch. A second thread with its own
 * read-only connection runs the long reads (integrity check of big files,
 * backups), so a save never waits behind them. The thread that opened the
 * store (the UI thread) keeps a read-only connection for small indexed reads
 * (list pages, search with LIMIT). All API is for that thread only.
 *
 * Editing: change a record through its setters (enough_letter_set_text()…).
 * That only copies the value and marks the record dirty (no disk, ~µs). The
 * store writes every dirty record together, on the worker, in one
 * transaction, ENOUGH_STORE_AUTOSAVE_DELAY_MS after the FIRST unsaved change
 * (so continuous typing still saves every second). Create / delete / restore
 * / move are the same: instant in memory (list models update synchronously),
 * written by the next autosave.
 *
 * Deleting: enough_store_delete() removes the record from its list model
 * and marks it deleted; enough_store_restore() (the toast's Undo, or
 * Recently Deleted) puts it back at its place. Deleted entries are kept
 * ENOUGH_STORE_TRASH_DAYS, then purged (at close); deleted turns
 * are purged when the store closes (and at the next open, after a crash).
 *
 * Errors: a failed write (disk full, read-only) emits ::write-failed with a
 * GError of ENOUGH_STORE_ERROR; the changes stay queued in memory and are
 * retried on the next autosave tick (so ::write-failed comes once per
 * failed attempt: show a banner, not a toast each time), until they
 * succeed. ::saved is emitted after every successful, non-empty batch.
 * A journal found damaged (open() error, or ::integrity-failed for big
 * files) is never written to, deleted or overwritten.
 */

#define ENOUGH_TYPE_STORE (enough_store_get_type ())

G_DECLARE_FINAL_TYPE (EnoughStore, enough_store, ENOUGH, STORE, GObject)

#define ENOUGH_STORE_ERROR (enough_store_error_quark ())

typedef enum
{
  ENOUGH_STORE_ERROR_FAILED,          /* anything else (message says what) */
  ENOUGH_STORE_ERROR_NOT_A_DATABASE,  /* not an SQLite file at all */
  ENOUGH_STORE_ERROR_NOT_A_JOURNAL,   /* SQLite, but another program's */
  ENOUGH_STORE_ERROR_CORRUPT,         /* damaged or truncated; file left untouched */
  ENOUGH_STORE_ERROR_NEWER_VERSION,   /* made by a newer Enough */
  ENOUGH_STORE_ERROR_READ_ONLY,       /* file or folder not writable */
  ENOUGH_STORE_ERROR_DISK_FULL,
  ENOUGH_STORE_ERROR_IO,
  ENOUGH_STORE_ERROR_BUSY,            /* locked by another process too long */
  ENOUGH_STORE_ERROR_CLOSED,          /* store closed, or writes refused after a failed check */
  ENOUGH_STORE_ERROR_NOT_FOUND,
  ENOUGH_STORE_ERROR_ENCRYPTED,       /* encrypted: open it with its passphrase */
} EnoughStoreError;

GQuark enough_store_error_quark (void);

/* The current schema version (PRAGMA user_version). */
#define ENOUGH_STORE_SCHEMA_VERSION 7
#define ENOUGH_STORE_AUTOSAVE_DELAY_MS 1000
#define ENOUGH_STORE_N_BACKUPS 7

typedef enum /*< flags >*/
{
  ENOUGH_STORE_OPEN_DEFAULT        = 0,
  /* No automatic daily backup after opening (tests, benchmark). */
  ENOUGH_STORE_OPEN_NO_AUTO_BACKUP = 1 << 0,
  /* Run PRAGMA quick_check inside open() whatever the size (otherwise it
   * runs inside open() only for files up to 16 MB, and for bigger ones on
   * the background thread right after open, reporting through
   * ::integrity-failed). */
  ENOUGH_STORE_OPEN_CHECK_SYNC     = 1 << 1,
  /* Skip the integrity check altogether (benchmark's open_ms only). */
  ENOUGH_STORE_OPEN_NO_CHECK       = 1 << 2,
} EnoughStoreOpenFlags;

/* Returns "$data_dir/journal.db" (see enough_paths_get_data_dir()). */
char        *enough_store_get_default_path (void);

/**
 * enough_store_open:
 * @path: (nullable): database file, or NULL for the default path
 *
 * Opens (creating if missing) and migrates the journal. Never overwrites,
 * truncates or deletes an existing file it cannot use: returns NULL with
 * ENOUGH_STORE_ERROR_{NOT_A_DATABASE,NOT_A_JOURNAL,CORRUPT,NEWER_VERSION,
 * READ_ONLY,…} instead. Fast at any size (no full scans).
 *
 * Signals:
 *   ::saved (guint n_records)            a batch was committed
 *   ::write-failed (GError *error)       a batch failed; still queued, retried
 *   ::integrity-failed (GError *error)   the background quick_check failed;
 *                                        the store then refuses writes
 *                                        (enough_store_is_writable() = FALSE)
 * Property "n-pending" (guint): records waiting to be written.
 */
EnoughStore *enough_store_open             (const char            *path,
                                            EnoughStoreOpenFlags   flags,
                                            GError               **error);
const char  *enough_store_get_path         (EnoughStore           *self);

/* ---- Encryption at rest (src/core/crypto) ------------------------------
 * An encrypted journal has its key file beside it ("journal.key" for
 * "journal.db"); enough_store_open() then fails with
 * ENOUGH_STORE_ERROR_ENCRYPTED, and it opens with its passphrase (or the
 * key that enough_store_unlock() gives, e.g. unlocked off the UI thread:
 * Argon2id takes about half a second by design). A wrong passphrase is
 * ENOUGH_CRYPT_ERROR_WRONG_PASSPHRASE; a page that does not authenticate
 * is ENOUGH_STORE_ERROR_CORRUPT, "damaged or the passphrase is wrong".
 * While an encrypted store is open, its backups, export and search read
 * and write through the same key. */
/* @db_path NULL = default. Finishes a conversion a crash interrupted. */
gboolean        enough_store_is_encrypted     (const char   *db_path);
EnoughCryptKey *enough_store_unlock           (const char   *db_path,
                                               const char   *passphrase,
                                               GError      **error);
EnoughStore    *enough_store_open_encrypted   (const char            *path,
                                               const char            *passphrase,
                                               EnoughStoreOpenFlags   flags,
                                               GError               **error);
EnoughStore    *enough_store_open_with_key    (const char            *path,
                                               EnoughCryptKey        *key,
                                               EnoughStoreOpenFlags   flags,
                                               GError               **error);
gboolean        enough_store_get_encrypted    (EnoughStore           *self);
/* With the store CLOSED. Turning encryption on rewrites the journal into
 * an encrypted copy, checks it and swaps it in; the plain file, its WAL
 * and the plain backups are replaced by encrypted ones. @out_recovery_key
 * is the key to show the user once. Off is the reverse. A crash at any
 * moment leaves one complete journal. */
gboolean        enough_store_encrypt          (const char   *db_path,
                                               const char   *passphrase,
                                               char        **out_recovery_key,
                                               GError      **error);
gboolean        enough_store_decrypt          (const char   *db_path,
                                               const char   *passphrase,
                                               GError      **error);
/* Rewraps the key: no page is re-encrypted. */
gboolean        enough_store_change_passphrase (const char  *db_path,
                                                const char  *old_passphrase,
                                                const char  *new_passphrase,
                                                GError     **error);
gboolean     enough_store_is_writable      (EnoughStore           *self);

/* Flushes, purges deleted rows, stops the worker. The store is unusable
 * afterwards. Called by dispose if you don't (errors are then logged). */
gboolean     enough_store_close            (EnoughStore           *self,
                                            GError               **error);

/* ---- Lists: lazy GListModels, newest first, transfer none ------------ */
/* Right after open the lists hold their newest page only; the rest of the
 * ids (16 bytes a row, no objects) arrive in idle callbacks a few ms later,
 * as items-changed at the end. Property "loading" is TRUE until then;
 * enough_store_load_all() finishes it at once (tests, export). */
gboolean     enough_store_is_loading       (EnoughStore           *self);
void         enough_store_load_all         (EnoughStore           *self);
GListModel  *enough_store_get_dialogues    (EnoughStore           *self);  /* EnoughDialogue */
GListModel  *enough_store_get_letters      (EnoughStore           *self);  /* EnoughLetter */
GListModel  *enough_store_get_self_checks  (EnoughStore           *self);  /* EnoughSelfCheck */
GListModel  *enough_store_get_experiments  (EnoughStore           *self);  /* EnoughExperiment */
GListModel  *enough_store_get_checkins     (EnoughStore           *self);  /* EnoughCheckin */
/* Only the completed ones, newest first; kept up to date when a check is
 * completed, deleted or restored. */
GListModel  *enough_store_get_completed_self_checks (EnoughStore *self);  /* EnoughSelfCheck */
/* Turns: enough_dialogue_get_turns(). */

/* ---- Creating, deleting, undo ----------------------------------------- */
/* New records are inserted at position 0 of their list (items-changed
 * 0,0,1) and saved by the next autosave. Return a new reference. */
EnoughDialogue  *enough_store_create_dialogue   (EnoughStore    *self);
EnoughLetter    *enough_store_create_letter     (EnoughStore    *self);
EnoughExperiment *enough_store_create_experiment (EnoughStore   *self);
EnoughSelfCheck *enough_store_create_self_check (EnoughStore    *self,
                                                 guint           bank_version);
/* Adds a turn at @index (-1 = at the end) of the dialogue's turns. */
EnoughTurn      *enough_store_add_turn          (EnoughStore    *self,
                                                 EnoughDialogue *dialogue,
                                                 int             index,
                                                 EnoughSpeaker   speaker,
                                                 const char     *text);
/* Moves a turn to @new_index of its dialogue's turns model. */
void             enough_store_move_turn         (EnoughStore    *self,
                                                 EnoughTurn     *turn,
                                                 guint           new_index);
/* Any record (dialogue, letter, self-check, experiment or turn): removed from its list
 * model now; enough_store_restore() puts it back where it was. Keep the
 * object (a reference) for the Undo toast. */
void             enough_store_delete            (EnoughStore    *self,
                                                 gpointer        record);
void             enough_store_restore           (EnoughStore    *self,
                                                 gpointer        record);

/* ---- Recently deleted ------------------------------------------------- */
/* A deleted entry stays restorable for this long (enough_store_restore()),
 * then the purge removes it. Deleted turns are not kept: they go when the
 * store closes (their Undo toast is their safety net). */
#define ENOUGH_STORE_TRASH_DAYS 30
#define ENOUGH_STORE_TRASH_USEC ((gint64) ENOUGH_STORE_TRASH_DAYS * 24 * 60 * 60 * G_USEC_PER_SEC)
/* The entries deleted in the last ENOUGH_STORE_TRASH_DAYS (by
 * enough_store_now()), newest deletion first. Transfer full (array of
 * EnoughRecord). */
GPtrArray       *enough_store_list_trash        (EnoughStore    *self);
/* When @record was deleted (µs; 0 if it is not). */
gint64           enough_store_get_deleted_at    (EnoughStore    *self,
                                                 gpointer        record);
/* Deletes an entry (not a turn) now and for good, with its turns: no
 * Undo, not kept in the trash. Writes what is pending first. */
gboolean         enough_store_delete_for_good   (EnoughStore    *self,
                                                 gpointer        record,
                                                 GError        **error);

/* Finds a record by UUID (NULL if missing or deleted). Transfer full. */
EnoughRecord    *enough_store_lookup            (EnoughStore      *self,
                                                 EnoughRecordKind  kind,
                                                 const char       *uuid);
/* The self-check in progress (newest not completed), or NULL. Transfer full. */
EnoughSelfCheck *enough_store_dup_self_check_in_progress (EnoughStore *self);
/* Letters whose reread is due at @now_usec and not done yet, oldest due
 * first, at most @limit. Transfer full (array of EnoughLetter). */
GPtrArray       *enough_store_list_due_rereads  (EnoughStore    *self,
                                                 gint64          now_usec,
                                                 guint           limit);
/* Experiments whose date came and nothing is written after yet (state
 * ENOUGH_EXPERIMENT_DUE at @now_usec), oldest due first; at most @limit
 * (0 = all). Transfer full. */
GPtrArray       *enough_store_list_due_experiments (EnoughStore *self,
                                                    gint64       now_usec,
                                                    guint        limit);
/* The check-in of @day ("YYYY-MM-DD"), or with @create a new one for
 * that day (saved by the next autosave) when there is none; NULL without
 * @create when there is none. Transfer full. */
EnoughCheckin   *enough_store_dup_checkin       (EnoughStore    *self,
                                                 const char     *day,
                                                 gboolean        create);
/* The check-ins of @from_day..@to_day (inclusive, "YYYY-MM-DD"), one per
 * day, oldest first, unsaved changes included: an array of
 * EnoughCheckinDay. Transfer full. */
GArray          *enough_store_list_checkin_days (EnoughStore    *self,
                                                 const char     *from_day,
                                                 const char     *to_day);
/* The same, the saved rows read on a thread of its own (20 years are
 * 7,300 rows); the unsaved changes are added in _finish(), on the UI
 * thread. _finish() gives NULL + error if the journal could not be read. */
void             enough_store_list_checkin_days_async  (EnoughStore         *self,
                                                        const char          *from_day,
                                                        const char          *to_day,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GArray          *enough_store_list_checkin_days_finish (EnoughStore         *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* ---- Autosave ---------------------------------------------------------- */
guint        enough_store_get_n_pending     (EnoughStore  *self);
/* Milliseconds between the first unsaved change and the write (default
 * ENOUGH_STORE_AUTOSAVE_DELAY_MS). G_MAXUINT = never by timer (tests call
 * enough_store_flush()). */
void         enough_store_set_autosave_delay (EnoughStore *self,
                                              guint        delay_ms);
/* Time source for created/updated stamps (tests); NULL = g_get_real_time. */
typedef gint64 (*EnoughClockFunc) (gpointer user_data);
void         enough_store_set_clock         (EnoughStore     *self,
                                             EnoughClockFunc  func,
                                             gpointer         user_data);
gint64       enough_store_now               (EnoughStore     *self);
/* Writes everything pending now and waits (shutdown). FALSE + error if the
 * write failed (the data stays queued). */
gboolean     enough_store_flush             (EnoughStore          *self,
                                             GError              **error);
void         enough_store_flush_async       (EnoughStore          *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     enough_store_flush_finish      (EnoughStore          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* ---- Search ------------------------------------------------------------ */
/**
 * enough_store_search:
 * @query: what the user typed; words are ANDed, matched as substrings
 *   (case-insensitive; any script). Words of 3+ characters use the trigram
 *   index; 1–2 character Chinese, Japanese and Korean words use an index of
 *   single characters; 1–2 character words in other scripts are LIKE
 *   filters on the other words' matches, or, alone, a scan bounded to 8 ms
 *   (@complete is then FALSE if it ran out before the whole journal was
 *   read — enough_store_search_async() gives the full answer).
 * @limit_per_kind: at most this many results per kind (0 = 20)
 *
 * Returns: (transfer full): a #GListModel of #EnoughSearchResult grouped by
 * kind (dialogues, letters, self-checks, experiments), inside a group most relevant
 * first (titles, then more hits, in whole steps), then newest first (among
 * the newest 256 matching texts); each names its entry
 * (enough_search_result_get_entry_title()). Entries deleted this session are left
 * out at once; text is found once saved (pending edits are not seen: call
 * enough_store_flush_async() first if that matters).
 */
GListModel  *enough_store_search            (EnoughStore   *self,
                                             const char    *query,
                                             guint          limit_per_kind,
                                             gboolean      *complete,
                                             GError       **error);
void         enough_store_search_async      (EnoughStore          *self,
                                             const char           *query,
                                             guint                 limit_per_kind,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GListModel  *enough_store_search_finish     (EnoughStore          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* ---- Backups ------------------------------------------------------------ */
/* Backups live in "<db dir>/backups/<db name minus .db>-YYYY-MM-DD.db" (0600),
 * the newest ENOUGH_STORE_N_BACKUPS kept. A daily one is made in the
 * background after open (unless ENOUGH_STORE_OPEN_NO_AUTO_BACKUP), never
 * from a journal found damaged. */
#define ENOUGH_TYPE_BACKUP_INFO (enough_backup_info_get_type ())
typedef struct
{
  char   *path;
  gint64  modified_at;  /* usec UTC */
  gint64  size;         /* bytes */
} EnoughBackupInfo;
GType             enough_backup_info_get_type (void) G_GNUC_CONST;
EnoughBackupInfo *enough_backup_info_copy     (const EnoughBackupInfo *info);
void              enough_backup_info_free     (EnoughBackupInfo       *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnoughBackupInfo, enough_backup_info_free)

/* Makes today's backup now (replacing today's), on the background thread;
 * waits. */
gboolean   enough_store_backup_now     (EnoughStore  *self,
                                        GError      **error);
/* Newest first. Transfer full (array of EnoughBackupInfo*). @db_path NULL = default. */
GPtrArray *enough_store_list_backups   (const char   *db_path,
                                        GError      **error);
/**
 * enough_store_restore_backup:
 *
 * With the store CLOSED (close it first): checks @backup_path is a sound
 * journal, keeps the current database (a copy in the backups folder named
 * …-before-restore-<time>.db, or, if it cannot be read, renamed aside with
 * enough_store_set_aside()), then copies the backup over @db_path with the
 * SQLite backup API. Reopen the store afterwards.
 */
gboolean   enough_store_restore_backup (const char   *db_path,
                                        const char   *backup_path,
                                        GError      **error);
/* Renames a damaged database (and its -wal/-shm) to
 * "<path>.damaged-YYYYMMDD-HHMMSS"; returns the new path. Never deletes. */
char      *enough_store_set_aside      (const char   *db_path,
                                        GError      **error);
/* After "Start fresh": renames the daily backups of the journal set aside
 * so the new journal's daily rotation never removes them (they stay in
 * the list of backups). */
gboolean   enough_store_keep_backups_apart (const char *db_path,
                                            GError    **error);

/* ---- Unsent drafts (the Inner Critic's composer) ----------------------- */
/* Text typed for a dialogue and not sent yet, at most one per dialogue.
 * Kept in the journal, so an encrypted journal keeps it encrypted; not an
 * entry (never exported nor searched); gone when its dialogue's row goes. */
typedef struct
{
  char          *dialogue_uuid;
  EnoughSpeaker  speaker;
  char          *text;
} EnoughDraft;
EnoughDraft *enough_draft_new          (const char     *dialogue_uuid,
                                        EnoughSpeaker   speaker,
                                        const char     *text);
void         enough_draft_free         (EnoughDraft    *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnoughDraft, enough_draft_free)
/* The saved drafts, transfer full (array of EnoughDraft*). A few short
 * rows, read on the calling thread. */
GPtrArray   *enough_store_list_drafts  (EnoughStore    *self,
                                        GError        **error);
/* Replaces every saved draft by @drafts (EnoughDraft*, copied; empty texts
 * left out) in one transaction on the write thread, after the writes
 * queued before it; returns at once. enough_store_close() writes it
 * before it returns; a failure is logged (the caller still has the text). */
void         enough_store_save_drafts  (EnoughStore    *self,
                                        GPtrArray      *drafts);

/* ---- Synthetic journal (benchmarks, tests) ------------------------------ */
/* Adds @n_entries entries (mixed kinds, realistic lengths, some Chinese,
 * Japanese and Korean text, dates spread over years) on the worker, in
 * transactions of 5,000 entries; deterministic for a @seed. Blocks. Lists
 * update afterwards. */
gboolean   enough_store_generate_synthetic (EnoughStore  *self,
                                            guint         n_entries,
                                            guint32       seed,
                                            GError      **error);

G_END_DECLS
