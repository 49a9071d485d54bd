/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-accessible.h"
#include "enough-critic-page.h"
#include "enough-entry-actions.h"
#include "enough-io-actions.h"
#include "enough-experiment-page.h"
#include "enough-checkin-page.h"
#include "enough-letter-page.h"
#include "enough-page.h"
#include "enough-preferences-window.h"
#include "enough-print.h"
#include "enough-trash-window.h"
#include "enough-save-banner.h"
#include "enough-search-view.h"
#include "enough-self-check-page.h"
#include "enough-window.h"

struct _EnoughWindow
{
  AdwApplicationWindow  parent_instance;

  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  GtkMenuButton        *menu_button;
  EnoughSaveBanner     *save_banner;
  GtkStack             *content_stack;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkToggleButton      *search_button;
  EnoughSearchView     *search_view;  /* made on the first search */
  GtkWindow            *shortcuts;    /* made when first shown */
  GtkWidget            *lock_shortcut; /* in it: Ctrl+L, only when it can lock */

  EnoughStore          *store;

  GSettings            *settings;

  /* The user chose to close although the newest words could not be saved. */
  gboolean              close_anyway;
};

G_DEFINE_FINAL_TYPE (EnoughWindow, enough_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

EnoughWindow *
enough_window_new (EnoughApplication *application,
                   EnoughStore       *store)
{
  g_return_val_if_fail (ENOUGH_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || ENOUGH_IS_STORE (store), NULL);

  return g_object_new (ENOUGH_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

EnoughStore *
enough_window_get_store (EnoughWindow *self)
{
  g_return_val_if_fail (ENOUGH_IS_WINDOW (self), NULL);

  return self->store;
}

AdwViewStack *
enough_window_get_stack (EnoughWindow *self)
{
  g_return_val_if_fail (ENOUGH_IS_WINDOW (self), NULL);

  return self->stack;
}

void
enough_window_show_page (EnoughWindow *self,
                         const char   *page_name)
{
  g_return_if_fail (ENOUGH_IS_WINDOW (self));
  g_return_if_fail (page_name != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, page_name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, page_name);
}

const char *
enough_window_get_visible_page (EnoughWindow *self)
{
  g_return_val_if_fail (ENOUGH_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

GtkWidget *
enough_window_get_page (EnoughWindow *self,
                        const char   *name)
{
  GtkWidget *page;

  g_return_val_if_fail (ENOUGH_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  page = adw_view_stack_get_child_by_name (self->stack, name);
  if (page != NULL && ENOUGH_IS_PAGE (page))
    enough_page_ensure_store (ENOUGH_PAGE (page));
  return page;
}

GtkSearchEntry *
enough_window_get_search_entry (EnoughWindow *self)
{
  g_return_val_if_fail (ENOUGH_IS_WINDOW (self), NULL);

  return self->search_entry;
}

static void     on_open_result              (EnoughWindow       *self,
                                             EnoughSearchResult *result);
static gboolean on_search_view_key_pressed  (EnoughWindow       *self,
                                             guint               keyval,
                                             guint               keycode,
                                             GdkModifierType     state);

/* The results view is not in the first frame: it is made when needed. */
static EnoughSearchView *
ensure_search_view (EnoughWindow *self)
{
  GtkEventController *keys;

  if (self->search_view != NULL || self->content_stack == NULL)  /* or disposed */
    return self->search_view;

  self->search_view = g_object_new (ENOUGH_TYPE_SEARCH_VIEW, NULL);
  g_signal_connect_object (self->search_view, "open-result",
                           G_CALLBACK (on_open_result), self, G_CONNECT_SWAPPED);
  /* Escape among the results ends the search too. */
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_view_key_pressed),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_view), keys);
  enough_search_view_set_store (self->search_view, self->store);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->search_view), "search");
  return self->search_view;
}

EnoughSearchView *
enough_window_get_search_view (EnoughWindow *self)
{
  g_return_val_if_fail (ENOUGH_IS_WINDOW (self), NULL);

  return ensure_search_view (self);
}

gboolean
enough_window_is_searching (EnoughWindow *self)
{
  g_return_val_if_fail (ENOUGH_IS_WINDOW (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

/* ---- Search ------------------------------------------------------------- */

/* The results take the place of the pages while the search bar is shown. */
static void
on_search_mode_changed (EnoughWindow *self)
{
  gboolean searching = gtk_search_bar_get_search_mode (self->search_bar);

  if (searching)
    ensure_search_view (self);
  gtk_stack_set_visible_child_name (self->content_stack, searching ? "search" : "pages");
  if (searching)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
    }
}

static void
on_search_entry_changed (EnoughWindow *self)
{
  enough_search_view_queue_query (ensure_search_view (self),
                                  gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_entry_activate (EnoughWindow *self)
{
  enough_search_view_activate_first (ensure_search_view (self));
}

static gboolean
on_search_entry_key_pressed (EnoughWindow    *self,
                             guint            keyval,
                             guint            keycode,
                             GdkModifierType  state)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0)
    return enough_search_view_focus_first (ensure_search_view (self));

  return GDK_EVENT_PROPAGATE;
}

static gboolean
on_search_view_key_pressed (EnoughWindow    *self,
                            guint            keyval,
                            guint            keycode,
                            GdkModifierType  state)
{
  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  return GDK_EVENT_STOP;
}

/* Choosing another page (the view switcher) while searching ends the search. */
static void
on_page_changed (EnoughWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_open_result (EnoughWindow       *self,
                EnoughSearchResult *result)
{
  g_autofree char *query = NULL;

  if (self->store == NULL || enough_search_result_get_entry_uuid (result) == NULL)
    return;

  /* What was searched, to find it again in the entry. */
  query = g_strdup (self->search_view != NULL ? enough_search_view_get_query (self->search_view) : "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  /* The page of its kind opens it. */
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    {
      if (ENOUGH_IS_PAGE (page) && enough_page_reveal (ENOUGH_PAGE (page), result, query))
        return;
    }

  /* Deleted since the search ran. */
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("This entry is no longer in your journal")));
}

static void
enough_window_search_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  EnoughWindow *self = ENOUGH_WINDOW (widget);

  if (gtk_search_bar_get_search_mode (self->search_bar))
    on_search_mode_changed (self);  /* again: back to the entry, text selected */
  else
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
}

/* The Keyboard Shortcuts window. Not GTK's automatic gtk/help-overlay.ui,
 * which every GtkApplicationWindow builds with itself: made when first
 * asked for, it costs the start-up nothing. */
static void
enough_window_shortcuts_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  EnoughWindow *self = ENOUGH_WINDOW (widget);
  GtkApplication *app;

  if (self->shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/window/enough-shortcuts.ui");

      self->shortcuts = GTK_WINDOW (g_object_ref_sink (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts, TRUE);
      self->lock_shortcut = GTK_WIDGET (gtk_builder_get_object (builder, "lock_shortcut"));
    }
  /* Locking means something only for a journal with a passphrase. */
  app = gtk_window_get_application (GTK_WINDOW (self));
  gtk_widget_set_visible (self->lock_shortcut,
                          app != NULL && g_action_group_get_action_enabled (G_ACTION_GROUP (app), "lock"));
  gtk_window_present (self->shortcuts);
}

GtkWindow *
enough_window_get_shortcuts_window (EnoughWindow *self)
{
  g_return_val_if_fail (ENOUGH_IS_WINDOW (self), NULL);

  return self->shortcuts;
}

static void
enough_window_preferences_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  EnoughWindow *self = ENOUGH_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (enough_preferences_window_new (GTK_WINDOW (self), self->store)));
}

/* win.recently-deleted: the entries deleted in the last 30 days. */
static void
enough_window_trash_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  EnoughWindow *self = ENOUGH_WINDOW (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (enough_trash_window_new (GTK_WINDOW (self), self->store)));
}

static void
enough_window_show_page_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  enough_window_show_page (ENOUGH_WINDOW (widget),
                           g_variant_get_string (parameter, NULL));
}

/* win.show-toast (s): a message in the window, from outside it (the
 * export and import, a restored backup). */
static void
enough_window_show_toast_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  EnoughWindow *self = ENOUGH_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (g_variant_get_string (parameter, NULL)));
}

static void
enough_window_export_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  enough_io_export (ENOUGH_WINDOW (widget));
}

/* win.share-entry ((is): the kind and uuid of an entry): the Export
 * dialog with that entry chosen. Pages' entry menus use it. */
static void
enough_window_share_entry_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  EnoughWindow *self = ENOUGH_WINDOW (widget);
  g_autoptr(EnoughRecord) record = NULL;
  const char *uuid;
  int kind;

  g_variant_get (parameter, "(i&s)", &kind, &uuid);
  if (self->store == NULL || kind < ENOUGH_RECORD_KIND_DIALOGUE || kind > ENOUGH_RECORD_KIND_LAST ||
      kind == ENOUGH_RECORD_KIND_TURN)
    return;
  record = enough_store_lookup (self->store, kind, uuid);
  if (record != NULL)
    enough_io_share (self, record);
}

/* win.print-entry ((is)): Print… of that entry. */
static void
enough_window_print_entry_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  EnoughWindow *self = ENOUGH_WINDOW (widget);
  g_autoptr(EnoughRecord) record = NULL;
  const char *uuid;
  int kind;

  g_variant_get (parameter, "(i&s)", &kind, &uuid);
  if (self->store == NULL || kind < ENOUGH_RECORD_KIND_DIALOGUE || kind > ENOUGH_RECORD_KIND_SELF_CHECK ||
      kind == ENOUGH_RECORD_KIND_TURN)
    return;
  record = enough_store_lookup (self->store, kind, uuid);
  if (record != NULL)
    enough_print_entry (GTK_WINDOW (self), self->store, record);
}

/* win.print (Ctrl+P): the visible page prints the entry it has open
 * (page.print, see enough-entry-actions.h). */
static void
enough_window_print_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  EnoughWindow *self = ENOUGH_WINDOW (widget);
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);

  if (page != NULL && enough_entry_actions_get_open_entry (page) != NULL)
    gtk_widget_activate_action (page, "page.print", NULL);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Open an entry to print it")));
}

static void
enough_window_import_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  enough_io_import (ENOUGH_WINDOW (widget));
}

static void
enough_window_constructed (GObject *object)
{
  EnoughWindow *self = ENOUGH_WINDOW (object);
  GSettings *settings;

  G_OBJECT_CLASS (enough_window_parent_class)->constructed (object);

  /* The window owns its settings object: "application" is only set after
   * construction, and the window must not outlive its bindings. */
  settings = self->settings = g_settings_new (APP_ID);

  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "last-page", self->stack, "visible-child-name", G_SETTINGS_BIND_DEFAULT);

  /* The store is construct-only: each page gets it once, the shown one
   * now, the others when first shown (see EnoughPage). */
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    {
      if (ENOUGH_IS_PAGE (page))
        enough_page_set_store_when_shown (ENOUGH_PAGE (page), self->store);
    }
  if (ENOUGH_IS_PAGE (adw_view_stack_get_visible_child (self->stack)))
    enough_page_ensure_store (ENOUGH_PAGE (adw_view_stack_get_visible_child (self->stack)));

  /* Without a journal there is nothing to export or import into. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.share-entry", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-entry", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", self->store != NULL);
  /* …nor anything to search. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", self->store != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), self->store != NULL);
  if (self->search_view != NULL)
    enough_search_view_set_store (self->search_view, self->store);
  /* Says so, without blocking, when the newest words could not be saved. */
  enough_save_banner_set_store (self->save_banner, self->store);
}

static void
enough_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EnoughWindow *self = ENOUGH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EnoughWindow *self = ENOUGH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
destroy_window_idle (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_unsaved_close_response (AdwMessageDialog *dialog,
                           const char       *response,
                           EnoughWindow     *self)
{
  /* Once the dialog, transient for this window, is gone. */
  if (g_str_equal (response, "close"))
    {
      self->close_anyway = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window_idle,
                       g_object_ref (self), g_object_unref);
    }
}

/* Words still waiting for the autosave are written before the window goes.
 * If the disk refuses, closing would lose them: ask, and keep the window
 * (and the words) by default. */
static gboolean
enough_window_close_request (GtkWindow *window)
{
  EnoughWindow *self = ENOUGH_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (!self->close_anyway && self->store != NULL &&
      enough_store_is_writable (self->store) &&
      enough_store_get_n_pending (self->store) > 0 &&
      !enough_store_flush (self->store, &error))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window,
                                                           _("Your Newest Words Are Not Saved"),
                                                           NULL));
      adw_message_dialog_format_body (dialog,
                                      /* Translators: %s says why, e.g. "The disk is full." */
                                      _("%s\n\nIf you close Enough now, what you wrote in the "
                                        "last moments will be lost. You can keep it open, make "
                                        "some room, and it will save by itself."),
                                      error->message);
      adw_message_dialog_add_response (dialog, "keep", _("_Keep Open"));
      adw_message_dialog_add_response (dialog, "close", _("_Close Anyway"));
      adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "keep");
      adw_message_dialog_set_close_response (dialog, "keep");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_close_response),
                               self, G_CONNECT_DEFAULT);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (enough_window_parent_class)->close_request (window);
}

static void
enough_window_dispose (GObject *object)
{
  EnoughWindow *self = ENOUGH_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  if (self->shortcuts != NULL)
    gtk_window_destroy (self->shortcuts);
  g_clear_object (&self->shortcuts);
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_WINDOW);
  self->search_view = NULL;  /* was in content_stack */

  G_OBJECT_CLASS (enough_window_parent_class)->dispose (object);
}

static void
enough_window_class_init (EnoughWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = enough_window_constructed;
  object_class->dispose = enough_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = enough_window_close_request;
  object_class->get_property = enough_window_get_property;
  object_class->set_property = enough_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ENOUGH_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Buttons read "Next", not "_Next Next" (GTK 4.8). */
  enough_accessible_install_plain_mnemonics ();

  /* The pages of enough-window.ui (each an EnoughPage). */
  g_type_ensure (ENOUGH_TYPE_CRITIC_PAGE);
  g_type_ensure (ENOUGH_TYPE_LETTER_PAGE);
  g_type_ensure (ENOUGH_TYPE_SELF_CHECK_PAGE);
  g_type_ensure (ENOUGH_TYPE_EXPERIMENT_PAGE);
  g_type_ensure (ENOUGH_TYPE_CHECKIN_PAGE);
  g_type_ensure (ENOUGH_TYPE_SAVE_BANNER);
  g_type_ensure (ENOUGH_TYPE_SEARCH_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/window/enough-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EnoughWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EnoughWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, EnoughWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, EnoughWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EnoughWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughWindow, save_banner);
  gtk_widget_class_bind_template_child (widget_class, EnoughWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EnoughWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, EnoughWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EnoughWindow, search_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s",
                                   enough_window_show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s",
                                   enough_window_show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL,
                                   enough_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL,
                                   enough_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL,
                                   enough_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.share-entry", "(is)",
                                   enough_window_share_entry_action);
  gtk_widget_class_install_action (widget_class, "win.print-entry", "(is)",
                                   enough_window_print_entry_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL,
                                   enough_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL,
                                   enough_window_preferences_action);
  gtk_widget_class_install_action (widget_class, "win.recently-deleted", NULL,
                                   enough_window_trash_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   enough_window_shortcuts_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "critic");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "letters");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "self-check");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-page", "s", "experiments");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK,
                                       "win.show-page", "s", "checkin");
}

static void
enough_window_init (EnoughWindow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.share-entry", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-entry", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", FALSE);

  /* Escape in the entry ends the search; Down goes to the results. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_entry_key_pressed),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}
