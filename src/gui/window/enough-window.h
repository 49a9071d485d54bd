/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-application.h"
#include "enough-search-view.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_WINDOW (enough_window_get_type ())

G_DECLARE_FINAL_TYPE (EnoughWindow, enough_window, ENOUGH, WINDOW, AdwApplicationWindow)

EnoughWindow *enough_window_new              (EnoughApplication *application,
                                              EnoughStore       *store);
EnoughStore  *enough_window_get_store        (EnoughWindow      *self);
AdwViewStack *enough_window_get_stack        (EnoughWindow      *self);
void          enough_window_show_page        (EnoughWindow      *self,
                                              const char        *page_name);
const char   *enough_window_get_visible_page (EnoughWindow      *self);
/* The page called @name in the stack (an EnoughPage, given its journal
 * now if it was waiting to be shown), or NULL. */
GtkWidget    *enough_window_get_page         (EnoughWindow      *self,
                                              const char        *name);
/* Search (win.search): the entry in the search bar and the results. */
GtkSearchEntry   *enough_window_get_search_entry (EnoughWindow *self);
EnoughSearchView *enough_window_get_search_view  (EnoughWindow *self);
gboolean          enough_window_is_searching     (EnoughWindow *self);

/* The Keyboard Shortcuts window, once shown (NULL before). */
GtkWindow        *enough_window_get_shortcuts_window (EnoughWindow *self);

G_END_DECLS
