/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>

#include "enough-page.h"
#include "enough-word-wrap.h"

G_DEFINE_INTERFACE (EnoughPage, enough_page, GTK_TYPE_WIDGET)

/* The journal waiting for the page to be shown. */
typedef struct
{
  EnoughStore *store;
  gulong       map_id;
} WaitingStore;

static GQuark built_quark;
static GQuark waiting_quark;

static void
enough_page_default_init (EnoughPageInterface *iface)
{
  built_quark = g_quark_from_static_string ("enough-page-built");
  waiting_quark = g_quark_from_static_string ("enough-page-waiting-store");

  iface->entry_kind = ENOUGH_RECORD_KIND_TURN;  /* none: turns open in their dialogue */

  g_object_interface_install_property (iface,
                                       g_param_spec_object ("store", NULL, NULL,
                                                            ENOUGH_TYPE_STORE,
                                                            (G_PARAM_READWRITE |
                                                             G_PARAM_EXPLICIT_NOTIFY |
                                                             G_PARAM_STATIC_STRINGS)));
}

void
enough_page_ensure_built (EnoughPage *page)
{
  EnoughPageInterface *iface;

  g_return_if_fail (ENOUGH_IS_PAGE (page));

  if (g_object_get_qdata (G_OBJECT (page), built_quark) != NULL)
    return;
  g_object_set_qdata (G_OBJECT (page), built_quark, GINT_TO_POINTER (TRUE));

  iface = ENOUGH_PAGE_GET_IFACE (page);
  if (iface->build != NULL)
    iface->build (page);
  /* Korean words whole in every wrapping label the page was built with
   * (rows made later do it themselves). */
  enough_word_wrap_descendants (GTK_WIDGET (page));
}

gboolean
enough_page_is_built (EnoughPage *page)
{
  g_return_val_if_fail (ENOUGH_IS_PAGE (page), FALSE);

  return g_object_get_qdata (G_OBJECT (page), built_quark) != NULL;
}

EnoughStore *
enough_page_get_store (EnoughPage *page)
{
  g_autoptr(EnoughStore) store = NULL;

  g_return_val_if_fail (ENOUGH_IS_PAGE (page), NULL);

  g_object_get (page, "store", &store, NULL);
  return store;  /* the page holds a reference */
}

static void
waiting_store_free (gpointer data)
{
  WaitingStore *waiting = data;

  g_clear_object (&waiting->store);
  g_free (waiting);
}

void
enough_page_ensure_store (EnoughPage *page)
{
  WaitingStore *waiting;

  g_return_if_fail (ENOUGH_IS_PAGE (page));

  waiting = g_object_steal_qdata (G_OBJECT (page), waiting_quark);
  if (waiting == NULL)
    return;

  g_clear_signal_handler (&waiting->map_id, page);
  enough_page_ensure_built (page);
  g_object_set (page, "store", waiting->store, NULL);
  waiting_store_free (waiting);
}

/* After the page's own map(), as when the window gave the store on the
 * stack's notify::visible-child. */
static void
on_first_map (EnoughPage *page)
{
  enough_page_ensure_store (page);
}

void
enough_page_set_store_when_shown (EnoughPage  *page,
                                  EnoughStore *store)
{
  WaitingStore *waiting;

  g_return_if_fail (ENOUGH_IS_PAGE (page));
  g_return_if_fail (store == NULL || ENOUGH_IS_STORE (store));

  waiting = g_new0 (WaitingStore, 1);
  waiting->store = store != NULL ? g_object_ref (store) : NULL;
  waiting->map_id = g_signal_connect (page, "map", G_CALLBACK (on_first_map), NULL);
  g_object_set_qdata_full (G_OBJECT (page), waiting_quark, waiting, waiting_store_free);

  if (gtk_widget_get_mapped (GTK_WIDGET (page)))
    enough_page_ensure_store (page);
}

gboolean
enough_page_reveal (EnoughPage         *page,
                    EnoughSearchResult *result,
                    const char         *query)
{
  EnoughPageInterface *iface;
  g_autoptr(EnoughRecord) entry = NULL;
  EnoughStore *store;
  GtkWidget *stack;

  g_return_val_if_fail (ENOUGH_IS_PAGE (page), FALSE);
  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (result), FALSE);

  iface = ENOUGH_PAGE_GET_IFACE (page);
  if (iface->reveal == NULL || enough_search_result_get_kind (result) != iface->entry_kind ||
      enough_search_result_get_entry_uuid (result) == NULL)
    return FALSE;

  enough_page_ensure_store (page);
  store = enough_page_get_store (page);
  if (store != NULL)
    entry = enough_store_lookup (store, iface->entry_kind, enough_search_result_get_entry_uuid (result));
  if (entry == NULL)
    return FALSE;  /* deleted since the search ran */

  /* Shown first: showing a page puts the focus where writing happens,
   * and the match must have it. */
  stack = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK);
  if (stack != NULL)
    adw_view_stack_set_visible_child (ADW_VIEW_STACK (stack), GTK_WIDGET (page));
  iface->reveal (page, entry, result, query != NULL ? query : "");

  return TRUE;
}

typedef struct
{
  GtkShortcutController *controller;
  GPtrArray             *shortcuts;  /* of GtkShortcut, the page's */
} PageShortcuts;

static void
page_shortcuts_free (gpointer data)
{
  PageShortcuts *page_shortcuts = data;

  g_ptr_array_unref (page_shortcuts->shortcuts);
  g_free (page_shortcuts);
}

/* Only the page shown has its shortcuts in the window: a hidden page's
 * leave the keys to it. (Taken out rather than turned off: the window
 * keeps a managed controller in the phase it had when added.) */
static void
on_page_mapped_changed (GtkWidget     *page,
                        PageShortcuts *page_shortcuts)
{
  gboolean mapped = gtk_widget_get_mapped (page);

  for (guint i = 0; i < page_shortcuts->shortcuts->len; i++)
    {
      GtkShortcut *shortcut = page_shortcuts->shortcuts->pdata[i];

      gtk_shortcut_controller_remove_shortcut (page_shortcuts->controller, shortcut);
      if (mapped)
        gtk_shortcut_controller_add_shortcut (page_shortcuts->controller, g_object_ref (shortcut));
    }
}

void
enough_page_add_shortcut (EnoughPage      *page,
                          guint            keyval,
                          GdkModifierType  modifiers,
                          const char      *action_name)
{
  static GQuark shortcuts_quark;
  PageShortcuts *page_shortcuts;
  GtkShortcut *shortcut;

  g_return_if_fail (ENOUGH_IS_PAGE (page));
  g_return_if_fail (action_name != NULL);

  if (shortcuts_quark == 0)
    shortcuts_quark = g_quark_from_static_string ("enough-page-shortcuts");

  /* Managed: the window runs it for a key pressed anywhere in it, after
   * the focused widget and its ancestors had their turn. */
  page_shortcuts = g_object_get_qdata (G_OBJECT (page), shortcuts_quark);
  if (page_shortcuts == NULL)
    {
      page_shortcuts = g_new0 (PageShortcuts, 1);
      page_shortcuts->controller = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
      page_shortcuts->shortcuts = g_ptr_array_new_with_free_func (g_object_unref);
      gtk_shortcut_controller_set_scope (page_shortcuts->controller, GTK_SHORTCUT_SCOPE_MANAGED);
      gtk_widget_add_controller (GTK_WIDGET (page), GTK_EVENT_CONTROLLER (page_shortcuts->controller));
      g_object_set_qdata_full (G_OBJECT (page), shortcuts_quark, page_shortcuts, page_shortcuts_free);
      g_signal_connect (page, "map", G_CALLBACK (on_page_mapped_changed), page_shortcuts);
      g_signal_connect_after (page, "unmap", G_CALLBACK (on_page_mapped_changed), page_shortcuts);
    }

  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                               gtk_named_action_new (action_name));
  g_ptr_array_add (page_shortcuts->shortcuts, shortcut);
  if (gtk_widget_get_mapped (GTK_WIDGET (page)))
    gtk_shortcut_controller_add_shortcut (page_shortcuts->controller, g_object_ref (shortcut));
}

void
enough_page_focus_if_lost (EnoughPage *page,
                           GtkWidget  *widget)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (ENOUGH_IS_PAGE (page));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (GTK_WIDGET (page));
  if (root == NULL || !gtk_widget_get_mapped (GTK_WIDGET (page)))
    return;

  focus = gtk_root_get_focus (root);
  if (focus == NULL || !gtk_widget_is_drawable (focus))
    gtk_widget_grab_focus (widget);
}

void
enough_page_focus_shown (EnoughPage *page,
                         GtkWidget  *first_choice,
                         GtkWidget  *otherwise)
{
  g_return_if_fail (ENOUGH_IS_PAGE (page));

  if (first_choice != NULL && gtk_widget_is_drawable (first_choice) &&
      gtk_widget_grab_focus (first_choice))
    return;
  if (otherwise != NULL && gtk_widget_is_drawable (otherwise) &&
      gtk_widget_child_focus (otherwise, GTK_DIR_TAB_FORWARD))
    return;
  /* (A list whose rows are not made yet takes no focus.) */
  gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD);
}

typedef struct
{
  EnoughPage *page;
  GtkWidget  *first_choice;
} FollowLeaflet;

static void
on_leaflet_changed (GtkWidget     *leaflet,
                    GParamSpec    *pspec,
                    FollowLeaflet *follow)
{
  GtkRoot *root = gtk_widget_get_root (leaflet);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!gtk_widget_get_mapped (GTK_WIDGET (follow->page)))
    return;
  if (focus == NULL || (gtk_widget_is_ancestor (focus, leaflet) && !gtk_widget_is_drawable (focus)))
    enough_page_focus_shown (follow->page, follow->first_choice,
                             adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)));
}

void
enough_page_follow_leaflet (EnoughPage *page,
                            GtkWidget  *leaflet,
                            GtkWidget  *first_choice)
{
  FollowLeaflet *follow;

  g_return_if_fail (ENOUGH_IS_PAGE (page));
  g_return_if_fail (ADW_IS_LEAFLET (leaflet));

  follow = g_new0 (FollowLeaflet, 1);
  follow->page = page;
  follow->first_choice = first_choice;
  /* The leaflet is the page's: the data goes with it. */
  g_object_set_data_full (G_OBJECT (leaflet), "enough-follow-leaflet", follow, g_free);
  g_signal_connect_after (leaflet, "notify::folded", G_CALLBACK (on_leaflet_changed), follow);
  g_signal_connect_after (leaflet, "notify::visible-child", G_CALLBACK (on_leaflet_changed), follow);
}
