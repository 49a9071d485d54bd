/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-store.h"

G_BEGIN_DECLS

/* For tests and the benchmark only: ways in that the app never uses. */

/* Runs SQL on the writer (e.g. "PRAGMA max_page_count = 10"). */
gboolean      _enough_store_exec_on_writer  (EnoughStore   *store,
                                             const char    *sql,
                                             GError       **error);

/* Deferred indexing of imported rows (see enough-store-schema.c):
 * set_background_indexing(FALSE) stops the store from queuing it by
 * itself (open, after an import); index_step() indexes one chunk on the
 * worker and says whether more is waiting. */
void          _enough_store_set_background_indexing (gboolean enabled);
gboolean      _enough_store_index_step      (EnoughStore   *store,
                                             gboolean      *out_more,
                                             GError       **error);

/* Waits for both store threads to finish their queues (e.g. the
 * background integrity check) and completes their results. */
void          _enough_store_wait_idle       (EnoughStore   *store);

/* Files bigger than this get their quick_check on the background thread
 * after open (default 16 MB; -1 restores it); that check starts @usec
 * after open (default 3 s; -1 restores it). */
void          _enough_store_set_sync_check_limit (gint64 bytes);
void          _enough_store_set_check_delay      (gint64 usec);

/* Pages the UI thread's read connection fetched (from its cache or the
 * file) since the last call: what a synchronous read cost, counted the
 * same on a fast or a busy machine. */
guint64       _enough_store_take_read_pages (EnoughStore   *store);

G_END_DECLS
