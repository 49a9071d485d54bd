/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

#include "enough-search-result.h"
#include "enough-store.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_PAGE (enough_page_get_type ())

G_DECLARE_INTERFACE (EnoughPage, enough_page, ENOUGH, PAGE, GtkWidget)

/* What every exercise page of the window (the Inner Critic, Letters,
 * Self-Check) is to the window, which treats them all alike:
 *
 * - it has a "store" property, the journal it shows (NULL: none);
 * - it is built (its template made) once, when first shown or used: its
 *   map() and its public functions call enough_page_ensure_built() first;
 * - it opens search results of its @entry_kind (see enough_page_reveal());
 * - it offers Undo through EnoughUndoToast and reaches the window only
 *   through actions (win.show-toast, app.…) or its ancestors. */
struct _EnoughPageInterface
{
  GTypeInterface parent_iface;

  /* The kind of entry it shows: search results of that kind open here. */
  EnoughRecordKind entry_kind;

  /* Makes the page's widgets; called once, by enough_page_ensure_built(). */
  void (*build)  (EnoughPage         *page);
  /* Opens @entry (of entry_kind, from the page's store; the page is
   * already shown) and shows where @result matched @query in it. */
  void (*reveal) (EnoughPage         *page,
                  EnoughRecord       *entry,
                  EnoughSearchResult *result,
                  const char         *query);
};

void         enough_page_ensure_built     (EnoughPage         *page);
gboolean     enough_page_is_built         (EnoughPage         *page);

EnoughStore *enough_page_get_store        (EnoughPage         *page);

/* A hidden page's lists cost the first frame (GtkListView in GTK 4.8
 * builds, binds and measures ~200 rows even when not shown): the window
 * hands each page its journal with this, and the page gets it when it is
 * first shown (mapped), or at enough_page_ensure_store(). */
void         enough_page_set_store_when_shown (EnoughPage     *page,
                                               EnoughStore    *store);
/* Hands over the journal now, if it is still waiting. */
void         enough_page_ensure_store     (EnoughPage         *page);

/* Opens the entry @result was found in, on this page, shown (made the
 * visible child of the stack it is in), and shows the match. FALSE when
 * @result is not of the page's kind, or its entry is no longer in the
 * journal. */
gboolean     enough_page_reveal           (EnoughPage         *page,
                                           EnoughSearchResult *result,
                                           const char         *query);

/* A shortcut of the page that works wherever the focus is in the window
 * (the header bar and the page tabs too) while the page is shown: it
 * activates @action_name, one of the page's actions, on the page. Hidden,
 * the page lets the key pass on to the page that is shown. */
void         enough_page_add_shortcut     (EnoughPage         *page,
                                           guint               keyval,
                                           GdkModifierType     modifiers,
                                           const char         *action_name);

/* While the page is shown, gives @widget the keyboard focus if the
 * window's focus is nowhere, or on a widget that is not shown any more
 * (in a pane or stack child just hidden): the focus is always visible. */
void         enough_page_focus_if_lost    (EnoughPage         *page,
                                           GtkWidget          *widget);

/* Gives the keyboard focus to @first_choice if it is shown and takes it,
 * else to the first widget that takes it in @otherwise (a folded
 * leaflet hides the list: the content is where the keys go then). */
void         enough_page_focus_shown      (EnoughPage         *page,
                                           GtkWidget          *first_choice,
                                           GtkWidget          *otherwise);

/* While the page is shown, when @leaflet folds or shows its other pane and
 * so hides the widget with the keyboard focus, the focus moves to
 * @first_choice or into the pane now shown (see enough_page_focus_shown()). */
void         enough_page_follow_leaflet   (EnoughPage         *page,
                                           GtkWidget          *leaflet,
                                           GtkWidget          *first_choice);

G_END_DECLS
