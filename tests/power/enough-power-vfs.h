/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

/* A power cut for tests: an SQLite VFS (and wrappers around the store's
 * own open/rename/unlink/mkdir/fsync calls) that log every change made
 * under one folder, and a replay of that log that produces the files as a
 * disk could leave them if the power went at any point of it.
 *
 * Recording writes through to the real files (they play the page cache),
 * so the store runs normally; fsync is only logged. A cut at operation n
 * keeps what ops 0..n-1 made durable and scrambles the rest:
 *   - file data: each write or truncate since that file's last fsync is
 *     dropped, kept, or torn (each 512-byte sector of it old or new, now
 *     and then garbage), applied in random order;
 *   - names (create, rename, unlink, mkdir) since the folder's last
 *     fsync: an in-order random subset persists (POSIX), or a prefix of
 *     them in the order made (a journaling file system).
 * SQLite's own fsync of a folder (the first sync of a new -wal or
 * -journal, xDelete with syncDir) is modelled as unix VFS does it. The
 * -shm file is not modelled: the image has none, or one full of garbage. */

#include <glib.h>

typedef struct _PowerLog PowerLog;
typedef struct _PowerReplay PowerReplay;

/* Marks the test puts in the log (acknowledgements and the like). */
#define POWER_N_MARKS 8

/* Call once, before any database is opened: the recorder becomes the
 * default VFS (a pass-through while nothing records). */
void         power_vfs_install        (void);
/* Makes the recorder (TRUE) or the plain unix VFS the default. */
void         power_vfs_use            (gboolean     on);
/* Starts logging every change under @root (made durable as it is now). */
void         power_record_start       (const char  *root);
/* Adds 1 to mark @mark (0..POWER_N_MARKS-1) at this point of the log. */
void         power_mark               (guint        mark);
/* Stops, and checks that replaying the whole log gives the files on disk. */
PowerLog    *power_record_stop        (void);
guint        power_log_get_n_ops      (PowerLog    *log);
void         power_log_free           (PowerLog    *log);

/* Replays @log forward; cuts must come in increasing order. */
PowerReplay *power_replay_new         (PowerLog    *log);
void         power_replay_free        (PowerReplay *replay);
/* Writes into @dest (an empty folder) the files as a power cut before
 * operation @cut leaves them, scrambled by @seed; @marks gets each mark's
 * count at the cut. Returns a short description of the scrambling. */
char        *power_replay_cut         (PowerReplay *replay,
                                       guint        cut,
                                       guint32      seed,
                                       const char  *dest,
                                       guint        marks[POWER_N_MARKS]);
