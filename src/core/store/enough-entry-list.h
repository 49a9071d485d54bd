/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-store.h"

G_BEGIN_DECLS

/* The lazy list (enough-entry-list.c): a GListModel of record ids and
 * sort keys (16 bytes a row) whose objects are made when asked for. The
 * store's lists and each dialogue's turns are one. */
#define ENOUGH_TYPE_ENTRY_LIST (enough_entry_list_get_type ())
G_DECLARE_FINAL_TYPE (EnoughEntryList, enough_entry_list, ENOUGH, ENTRY_LIST, GObject)

/* Items ordered by key: entries newest first (key = created, ties by id,
 * descending); turns by position ascending. */
EnoughEntryList *enough_entry_list_new      (EnoughStore      *store,
                                             EnoughRecordKind  kind,
                                             GType             item_type,
                                             gboolean          descending);
void             enough_entry_list_set_ids  (EnoughEntryList  *self,
                                             GArray           *ids,
                                             GArray           *keys);
/* Returns the index it went to. */
guint            enough_entry_list_insert_sorted (EnoughEntryList *self,
                                                  gint64           id,
                                                  gint64           key);
void             enough_entry_list_insert_at (EnoughEntryList *self,
                                              guint            index,
                                              gint64           id,
                                              gint64           key);
/* Returns the index it had, or -1. */
int              enough_entry_list_remove   (EnoughEntryList  *self,
                                             gint64            id);
int              enough_entry_list_find     (EnoughEntryList  *self,
                                             gint64            id);
gint64           enough_entry_list_get_key  (EnoughEntryList  *self,
                                             guint             index);
void             enough_entry_list_set_key  (EnoughEntryList  *self,
                                             guint             index,
                                             gint64            key);
gint64           enough_entry_list_get_id   (EnoughEntryList  *self,
                                             guint             index);
void             enough_entry_list_detach   (EnoughEntryList  *self);
void             enough_entry_list_append   (EnoughEntryList  *self,
                                             GArray           *ids,
                                             GArray           *keys);

G_END_DECLS
