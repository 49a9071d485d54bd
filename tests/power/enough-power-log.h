/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

/* Inside the power-cut model: the log the recorder (enough-power-vfs.c)
 * writes and the replay (enough-power-replay.c) reads. */

#include "enough-power-vfs.h"

typedef enum
{
  OP_WRITE,     /* inode, offset, data */
  OP_TRUNCATE,  /* inode, offset = size */
  OP_SYNC,      /* inode */
  OP_CREATE,    /* path → new inode */
  OP_MKDIR,     /* path → new folder */
  OP_RENAME,    /* path → path2, inode */
  OP_UNLINK,    /* path, inode */
  OP_DIRSYNC,   /* path: the folder */
  OP_MARK,      /* inode = the mark */
} OpType;

typedef struct
{
  OpType  type;
  guint   inode;
  gint64  offset;
  GBytes *data;
  char   *path;
  char   *path2;
} Op;

struct _PowerLog
{
  GPtrArray  *ops;            /* Op* */
  GHashTable *initial_names;  /* rel path → inode */
  GPtrArray  *initial_data;   /* inode → GByteArray* (NULL: a folder, or new) */
  GArray     *is_dir;         /* inode → gboolean */
};

void  power_op_free         (gpointer    op);
void  power_free_byte_array (gpointer    bytes);
/* The folder of a path relative to the recorded one ("." at the top). */
char *power_parent_of       (const char *rel);
/* Aborts unless replaying all of @log, nothing lost, gives the files
 * under @root: else the store changed them some way the log missed. */
void  power_log_check       (PowerLog   *log,
                             const char *root);
