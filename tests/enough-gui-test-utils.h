/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-application.h"
#include "enough-critic-page.h"
#include "enough-letter-page.h"
#include "enough-search-view.h"
#include "enough-self-check-page.h"
#include "enough-window.h"

G_BEGIN_DECLS

#define ENOUGH_TEST_APP_ID "io.github.enoughjournal.Enough.Test"

typedef struct
{
  EnoughApplication *app;
  EnoughWindow      *window;
  gpointer           user_data;
} EnoughTestApp;

typedef void (*EnoughTestAppBody) (EnoughTestApp *test);

/* Every app test starts with a data folder of its own (the app's
 * ENOUGH_DATA_DIR) and default settings: enough_test_begin() makes and
 * returns the folder, enough_test_end() removes it and clears *@data_dir.
 * EnoughTestFixture and its setup/teardown are that much as a GTest
 * fixture, for tests that need nothing more. */
char      *enough_test_begin               (void);
void       enough_test_end                 (char             **data_dir);

typedef struct
{
  char *data_dir;
} EnoughTestFixture;

void       enough_test_fixture_setup       (EnoughTestFixture *fixture,
                                            gconstpointer      data);
void       enough_test_fixture_teardown    (EnoughTestFixture *fixture,
                                            gconstpointer      data);

void       enough_test_gui_init            (int               *argc,
                                            char            ***argv);
void       enough_test_reset_settings      (void);
void       enough_test_run_app             (EnoughTestAppBody  body,
                                            gpointer           user_data);
void       enough_test_drain_main_context  (void);
GtkWindow *enough_test_find_window_of_type (GType              type);
/* The first widget under @root (depth first, not @root itself) that
 * @match accepts. */
typedef gboolean (*EnoughTestWidgetMatch) (GtkWidget     *widget,
                                           gconstpointer  data);
GtkWidget *enough_test_find_first          (GtkWidget         *root,
                                            EnoughTestWidgetMatch match,
                                            gconstpointer      data);
/* How many widgets under @root (at any depth, not @root itself) @match
 * accepts. */
guint      enough_test_count               (GtkWidget         *root,
                                            EnoughTestWidgetMatch match,
                                            gconstpointer      data);
/* Gives the app's store enough_test_fake_clock() reading *@now; returns the store. */
EnoughStore *enough_test_use_fake_clock    (EnoughTestApp     *test,
                                            gint64            *now);
/* The template child with that id (as in its .ui file) under @root, or
 * NULL; the must_ one ends the test without it. */
GtkWidget *enough_test_find_by_id          (GtkWidget         *root,
                                            const char        *id);
GtkWidget *enough_test_must_find_by_id     (GtkWidget         *root,
                                            const char        *id);
/* The first of @type, with that accessible label unless it is NULL. */
GtkWidget *enough_test_find_descendant     (GtkWidget         *root,
                                            GType              type,
                                            const char        *accessible_label);
/* Right after a delete, before the main loop runs: the toast's "_Undo"
 * button under @root, with the keyboard focus, as a keyboard user would
 * move there. A focused toast stays (libadwaita hides it after 5 s
 * otherwise, which a loaded machine can spend in one frame). */
GtkWidget *enough_test_hold_undo_toast     (GtkWidget         *root);
/* After @query was typed: waits (bounded) for the search view's debounced
 * search of it, and the full answer if one is on its way. */
void       enough_test_wait_for_search     (EnoughSearchView  *view,
                                            const char        *query);

/* Shows the page @name the first time (fades switched on) and, before
 * the main loop runs again, asserts that its stacks "main_stack" (showing
 * @main_child) and "content_stack" changed at once, with no fade to run
 * (each frame of one would draw the whole window). Returns the page. */
GtkWidget *enough_test_show_page_at_once   (EnoughTestApp     *test,
                                            const char        *name,
                                            GType              page_type,
                                            const char        *main_child);

/* Scrolls @list to its end again and again, each time waiting (bounded)
 * for the rows a page adds as it nears its end, until its model holds
 * @n_items (asserted) or stops growing. */
void       enough_test_scroll_list_to_end  (GtkListView       *list,
                                            guint              n_items);

/* That a search revealed the characters @start to @end of @widget (a label
 * or a text view): marked exactly, and selected; or, if another client of
 * the display took the X11 PRIMARY selection meanwhile (GTK then collapses
 * the selection: tests run two at a time on one display), the cursor right
 * after them. */
void       enough_test_assert_revealed     (GtkWidget         *widget,
                                            int                start,
                                            int                end);

/* A private session bus for this test program (GTestDBus), for the fake
 * notification server or a keyring; DISPLAY kept (GTestDBus unsets it,
 * against X11 autolaunch, and GTK needs it). */
GTestDBus   *enough_test_private_bus_up        (void);

G_END_DECLS
