/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <sqlite3.h>

#include "enough-store.h"
#include "enough-experiment.h"
#include "enough-checkin.h"

G_BEGIN_DECLS

/* Records save themselves through the store: a setter changes the value
 * and calls _enough_record_changed(), which tells the store
 * (_enough_store_record_changed()); the store's autosave then takes a
 * snapshot of the record on the UI thread and writes it on its worker. The
 * store makes records (_new + _load from a row) and keeps one live object
 * per row (its cache, keyed by _enough_record_get_cache_key()). */

/* A copy of one record's column values, made on the UI thread and written
 * by the worker; the worker never touches GObjects. Column order is the
 * table's (enough-tables.c): id, uuid, created, updated, deleted_at, … */
#define ENOUGH_SNAPSHOT_MAX 24

typedef struct
{
  gboolean  is_text;
  gint64    i;
  char     *s;
} EnoughValue;

typedef struct
{
  EnoughRecordKind  kind;
  guint             n_values;
  EnoughValue       values[ENOUGH_SNAPSHOT_MAX];
} EnoughSnapshot;

void  enough_snapshot_add_int  (EnoughSnapshot *snap,
                                gint64          value);
void  enough_snapshot_add_text (EnoughSnapshot *snap,
                                const char     *value);
void  enough_snapshot_free     (EnoughSnapshot *snap);

/* Record internals */
void          _enough_record_setup          (EnoughRecord  *self,
                                             EnoughStore   *store,
                                             gint64         id,
                                             const char    *uuid,
                                             gint64         created_at,
                                             gint64         updated_at,
                                             gint64         deleted_at);
/* Reads the common columns of a row (enough-tables.h). */
void          _enough_record_load_common    (EnoughRecord  *self,
                                             EnoughStore   *store,
                                             sqlite3_stmt  *stmt);
void          _enough_record_snapshot_common (EnoughRecord  *self,
                                              EnoughSnapshot *snap);
gint64        _enough_record_get_id         (EnoughRecord  *self);
guint64      *_enough_record_get_cache_key  (EnoughRecord  *self);
EnoughStore  *_enough_record_get_store      (EnoughRecord  *self);
void          _enough_record_detach         (EnoughRecord  *self);
gint64        _enough_record_get_deleted_at (EnoughRecord  *self);
void          _enough_record_set_deleted_at (EnoughRecord  *self,
                                             gint64         deleted_at);
gboolean      _enough_record_get_dirty      (EnoughRecord  *self);
void          _enough_record_set_dirty      (EnoughRecord  *self,
                                             gboolean       dirty);
/* Call after a setter changed a value: bumps updated-at, queues the save. */
void          _enough_record_changed        (EnoughRecord  *self);
/* Replaces *field with a copy of value (NULL → ""); TRUE if it changed. */
gboolean      _enough_set_string            (char         **field,
                                             const char    *value);

#define ENOUGH_CACHE_KEY(kind, id) ((((guint64) (kind)) << 56) | (guint64) (id))

/* Subclass internals: new empty object, load the table's own columns of a
 * row (after the common ones), append every column to a snapshot, in table
 * order (enough-tables.h). */
EnoughDialogue  *_enough_dialogue_new        (void);
void             _enough_dialogue_load       (EnoughDialogue  *self,
                                              sqlite3_stmt    *stmt);
void             _enough_dialogue_snapshot   (EnoughDialogue  *self,
                                              EnoughSnapshot  *snap);
GListModel      *_enough_dialogue_peek_turns (EnoughDialogue  *self);

EnoughTurn      *_enough_turn_new            (void);
void             _enough_turn_load           (EnoughTurn      *self,
                                              sqlite3_stmt    *stmt);
void             _enough_turn_snapshot       (EnoughTurn      *self,
                                              EnoughSnapshot  *snap);
gint64           _enough_turn_get_dialogue_id (EnoughTurn     *self);
void             _enough_turn_set_dialogue   (EnoughTurn      *self,
                                              gint64           dialogue_id,
                                              const char      *dialogue_uuid);
void             _enough_turn_set_position   (EnoughTurn      *self,
                                              gint64           position);

EnoughLetter    *_enough_letter_new          (void);
void             _enough_letter_load         (EnoughLetter    *self,
                                              sqlite3_stmt    *stmt);
void             _enough_letter_snapshot     (EnoughLetter    *self,
                                              EnoughSnapshot  *snap);

EnoughSelfCheck *_enough_self_check_new      (void);
void             _enough_self_check_load     (EnoughSelfCheck *self,
                                              sqlite3_stmt    *stmt);
void             _enough_self_check_snapshot (EnoughSelfCheck *self,
                                              EnoughSnapshot  *snap);
void             _enough_self_check_set_bank_version (EnoughSelfCheck *self,
                                                      guint            version);

EnoughCheckin   *_enough_checkin_new         (void);
void             _enough_checkin_set_day     (EnoughCheckin   *self,
                                              const char      *day);
void             _enough_checkin_load        (EnoughCheckin   *self,
                                              sqlite3_stmt    *stmt);
void             _enough_checkin_snapshot    (EnoughCheckin   *self,
                                              EnoughSnapshot  *snap);

EnoughExperiment *_enough_experiment_new     (void);
void              _enough_experiment_load    (EnoughExperiment *self,
                                              sqlite3_stmt     *stmt);
void              _enough_experiment_snapshot (EnoughExperiment *self,
                                               EnoughSnapshot   *snap);

/* What the store does for records (enough-store-autosave.c,
 * enough-store-records.c, enough-store-lists.c) */
void          _enough_store_record_changed  (EnoughStore    *store,
                                             EnoughRecord   *record);
void          _enough_store_forget          (EnoughStore    *store,
                                             EnoughRecord   *record);
/* A dialogue's turns (an EnoughEntryList), made on first use. */
GListModel   *_enough_store_new_turn_list   (EnoughStore    *store,
                                             EnoughDialogue *dialogue);

G_END_DECLS
