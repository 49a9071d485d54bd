/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

#include "enough-import.h"

G_BEGIN_DECLS

/* A strict, bounded JSON reader (RFC 8259), the importer's: it reads one
 * value at a time into a flat array of values (no object per value: a
 * json-glib tree for each of a big file's ~400,000 objects was half of the
 * import's time), and keeps where it is ("entries[3].turns[1].text") as a
 * small stack that becomes text only for an error. Invalid UTF-8, NUL
 * characters and duplicated keys are refused; depth, members of an object
 * and values of one tree are bounded (ENOUGH_IMPORT_MAX_*). Errors are
 * ENOUGH_IMPORT_ERRORs whose message starts with the path and ends with the
 * line and column. */

typedef enum
{
  ENOUGH_JSON_VALUE_NULL,
  ENOUGH_JSON_VALUE_FALSE,
  ENOUGH_JSON_VALUE_TRUE,
  ENOUGH_JSON_VALUE_INT,
  ENOUGH_JSON_VALUE_DOUBLE,
  ENOUGH_JSON_VALUE_STRING,
  ENOUGH_JSON_VALUE_ARRAY,
  ENOUGH_JSON_VALUE_OBJECT,
} EnoughJsonValueType;

/* One value of the tree being read. A container's children follow it;
 * each child's `end` is the index of its next sibling. */
typedef struct
{
  EnoughJsonValueType type;
  guint   key;  /* object members: the name's offset in the arena */
  guint   end;  /* index just past this value and its children */
  guint   n;    /* containers: number of children */
  union
  {
    gint64 i;
    double d;
    struct
    {
      guint off;  /* in the arena, NUL-terminated */
      guint len;
    } s;
  } v;
} EnoughJsonValue;

/* Where the reader is: a member name (an offset in EnoughJsonReader.keys) or an
 * array index, one per open container. */
typedef struct
{
  gssize key;  /* -1 for an index */
  guint  index;
} EnoughJsonFrame;

typedef struct _EnoughJsonReader
{
  const char   *start;
  const char   *p;
  const char   *end;
  EnoughJsonFrame frames[ENOUGH_IMPORT_MAX_DEPTH + 1];
  guint         n_frames;
  GString      *keys;   /* the member names of the open objects, a stack */
  GArray       *vals;   /* EnoughJsonValue: the value being read */
  GString      *arena;  /* its strings */
  guint         depth;
  GError      **error;

  /* Where another thread started reading the elements of the array at
   * depth split_depth (see "Two halves" in enough-import.c), and what to
   * call when this one gets there: TRUE if it took what that thread read
   * (ps->p is then past the array's "]"). */
  const char   *split;
  guint         split_depth;
  gboolean    (*join) (struct _EnoughJsonReader *ps, guint index);
  gpointer      join_data;
} EnoughJsonReader;

static inline void
enough_json_reader_skip_ws (EnoughJsonReader *ps)
{
  while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
    ps->p++;
}

/* Sets ps->error (once) to @code with the path, @format and where; FALSE. */
G_GNUC_PRINTF (3, 4)
gboolean enough_json_reader_fail          (EnoughJsonReader      *ps,
                                           gint                   code,
                                           const char            *format,
                                           ...);

/* Calls @member for each member of the object at ps->p ('{'), with the
 * path set and the value at ps->p; @key is valid until the value is read
 * (read it first). */
typedef gboolean (*EnoughJsonMemberFunc) (EnoughJsonReader *ps,
                                          const char       *key,
                                          gpointer          data);
gboolean enough_json_reader_members       (EnoughJsonReader      *ps,
                                           EnoughJsonMemberFunc   member,
                                           gpointer               data);

/* Calls @element for each of at most @max elements of the array at ps->p
 * ('['); _from() goes on in an array already entered, from an element at
 * ps->p to the closing "]". */
typedef gboolean (*EnoughJsonElementFunc) (EnoughJsonReader *ps,
                                           guint             index,
                                           gpointer          data);
gboolean enough_json_reader_elements      (EnoughJsonReader      *ps,
                                           guint                  max,
                                           EnoughJsonElementFunc  element,
                                           gpointer               data);
gboolean enough_json_reader_elements_from (EnoughJsonReader      *ps,
                                           guint                  max,
                                           EnoughJsonElementFunc  element,
                                           gpointer               data);

/* Reads the value at ps->p into a fresh tree: ps->vals[0] is its root,
 * its strings in ps->arena. Bounded by the file's size. */
gboolean enough_json_reader_read_tree     (EnoughJsonReader      *ps);

G_END_DECLS
