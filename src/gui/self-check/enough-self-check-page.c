/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-entry-actions.h"
#include "enough-item-bank.h"
#include "enough-list-utils.h"
#include "enough-row-factory.h"
#include "enough-search-reveal.h"
#include "enough-self-check-page.h"
#include "enough-self-check-row.h"

struct _EnoughSelfCheckPage
{
  GtkWidget                parent_instance;

  AdwLeaflet              *leaflet;
  GtkWidget               *sidebar;
  GtkWidget               *content;
  GtkStack                *sidebar_stack;
  GtkListView             *list_view;
  GtkStack                *content_stack;
  AdwStatusPage           *empty_page;
  EnoughSelfCheckQuestion *question;
  EnoughSelfCheckResults  *results;
  GtkScrolledWindow       *results_scroller;
  EnoughSelfCheckChart    *chart;

  EnoughStore             *store;
  GtkFilterListModel      *history;
  GtkSingleSelection      *selection;
};

static void enough_self_check_page_page_init (EnoughPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EnoughSelfCheckPage, enough_self_check_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ENOUGH_TYPE_PAGE, enough_self_check_page_page_init))

enum {
  PROP_0,
  PROP_STORE,
};

/* The check whose results are shown: Share… and Print… are about it. */
static EnoughRecord *
open_entry (GtkWidget *page)
{
  EnoughSelfCheckPage *self = ENOUGH_SELF_CHECK_PAGE (page);

  if (self->content_stack == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "results") != 0)
    return NULL;
  return (EnoughRecord *) enough_self_check_results_get_check (self->results);
}

/* @view in the content pane; in one column, the content pane shown too
 * when @navigate (a row opened, not just selected: the keyboard selects
 * the rows it moves through, and the list must not slide away then). */
static void
show_view (EnoughSelfCheckPage *self,
           const char          *view,
           gboolean             navigate)
{
  gtk_stack_set_visible_child_name (self->content_stack, view);
  if (navigate)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
  enough_entry_actions_update (GTK_WIDGET (self));
}

static void
show_content (EnoughSelfCheckPage *self,
              const char          *view)
{
  show_view (self, view, TRUE);
}

static void
update_sidebar (EnoughSelfCheckPage *self)
{
  guint n = self->history != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->history)) : 0;

  gtk_stack_set_visible_child_name (self->sidebar_stack, n > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "self-check.show-history", n > 0);
}

static void
on_history_changed (EnoughSelfCheckPage *self,
                    guint                position,
                    guint                removed,
                    guint                added,
                    GListModel          *model)
{
  update_sidebar (self);
}

static void
show_question (EnoughSelfCheckPage *self,
               EnoughSelfCheck     *check)
{
  enough_self_check_question_set_check (self->question, check);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_content (self, "question");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    enough_self_check_question_focus_answer (self->question);
}

static void
show_empty (EnoughSelfCheckPage *self)
{
  enough_self_check_question_set_check (self->question, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  enough_entry_actions_update (GTK_WIDGET (self));
  /* In one column, the invitation to start rather than an empty list. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
set_results (EnoughSelfCheckPage *self,
             EnoughSelfCheck     *check,
             gboolean             navigate)
{
  g_autoptr(EnoughSelfCheck) previous = NULL;
  guint position;

  enough_page_ensure_built (ENOUGH_PAGE (self));
  position = enough_list_model_find (G_LIST_MODEL (self->history), check, G_MAXUINT);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  /* The list is newest first: the check before this one comes after it. */
  if (position + 1 < g_list_model_get_n_items (G_LIST_MODEL (self->history)))
    previous = g_list_model_get_item (G_LIST_MODEL (self->history), position + 1);

  enough_self_check_results_set_check (self->results, check, previous);
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->results_scroller), 0.0);
  show_view (self, "results", navigate);
}

void
enough_self_check_page_show_check (EnoughSelfCheckPage *self,
                                   EnoughSelfCheck     *check)
{
  g_return_if_fail (ENOUGH_IS_SELF_CHECK_PAGE (self));
  g_return_if_fail (ENOUGH_IS_SELF_CHECK (check));

  set_results (self, check, TRUE);
}

/* The check's results; a match in its note scrolled to, selected and
 * focused. */
static void
enough_self_check_page_reveal (EnoughPage         *page,
                               EnoughRecord       *entry,
                               EnoughSearchResult *result,
                               const char         *query)
{
  EnoughSelfCheckPage *self = ENOUGH_SELF_CHECK_PAGE (page);
  EnoughSelfCheck *check;
  GtkLabel *note;

  enough_self_check_page_show_check (self, ENOUGH_SELF_CHECK (entry));
  check = enough_self_check_results_get_check (self->results);
  note = enough_self_check_results_get_note_label (self->results);
  if (check == NULL ||
      g_strcmp0 (enough_record_get_uuid (ENOUGH_RECORD (check)),
                 enough_search_result_get_entry_uuid (result)) != 0 ||
      g_strcmp0 (enough_self_check_page_get_view (self), "results") != 0 ||
      enough_search_result_get_field (result) != ENOUGH_SEARCH_FIELD_NOTE ||
      !gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (note))))
    return;

  enough_search_reveal_text (self->results_scroller, GTK_WIDGET (note), query, result);
}

static void
on_selection_changed (EnoughSelfCheckPage *self)
{
  EnoughSelfCheck *check = gtk_single_selection_get_selected_item (self->selection);

  /* Selected (by the keyboard too), not opened: in one column the list
   * stays; a click, Enter or a double click opens it (below). */
  if (check != NULL && enough_self_check_results_get_check (self->results) != check)
    set_results (self, check, FALSE);
  else if (check != NULL)
    show_view (self, "results", FALSE);
}

/* Opened from the list (a click, Enter): the click or the keyboard has
 * selected it already, so its results are shown; only the pane moves. */
static void
open_check (EnoughSelfCheckPage *self,
            EnoughSelfCheck     *check)
{
  if (enough_self_check_results_get_check (self->results) == check)
    show_content (self, "results");
  else
    enough_self_check_page_show_check (self, check);
}

static void
on_list_activate (EnoughSelfCheckPage *self,
                  guint                position)
{
  g_autoptr(EnoughSelfCheck) check = g_list_model_get_item (G_LIST_MODEL (self->history), position);

  if (check != NULL)
    open_check (self, check);
}

static void
on_chart_check_activated (EnoughSelfCheckPage *self,
                          EnoughSelfCheck     *check)
{
  enough_self_check_page_show_check (self, check);
}

static void
on_question_finished (EnoughSelfCheckPage *self)
{
  EnoughSelfCheck *check = enough_self_check_question_get_check (self->question);
  g_autoptr(EnoughSelfCheck) keep = NULL;

  if (check == NULL || self->store == NULL)
    return;

  keep = g_object_ref (check);
  enough_self_check_set_completed_at (keep, enough_store_now (self->store));
  enough_self_check_question_set_check (self->question, NULL);
  /* It is complete now: the store's list of completed checks (the history
   * and the chart) took it in. */
  enough_self_check_page_show_check (self, keep);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EnoughSelfCheckPage *self = ENOUGH_SELF_CHECK_PAGE (widget);
  g_autoptr(EnoughSelfCheck) check = NULL;

  if (self->store == NULL)
    return;

  /* One check at a time: a new one resumes the one in progress. */
  check = enough_store_dup_self_check_in_progress (self->store);
  if (check == NULL)
    check = enough_store_create_self_check (self->store, ENOUGH_ITEM_BANK_VERSION);

  show_question (self, check);
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EnoughSelfCheckPage *self = ENOUGH_SELF_CHECK_PAGE (widget);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_content (self, "history");
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EnoughSelfCheckPage *self = ENOUGH_SELF_CHECK_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static GtkWidget *
row_new (void)
{
  return enough_self_check_row_new ();
}

static void
row_set_item (GtkWidget *row,
              gpointer   check)
{
  enough_self_check_row_set_check (ENOUGH_SELF_CHECK_ROW (row), check);
}

static const EnoughRowKind row_kind = { row_new, row_set_item, NULL };

/* A row clicked: its check opened, as in the other pages' lists. */
static void
row_open (gpointer page,
          gpointer item)
{
  open_check (ENOUGH_SELF_CHECK_PAGE (page), ENOUGH_SELF_CHECK (item));
}

static void
load (EnoughSelfCheckPage *self)
{
  g_autoptr(EnoughSelfCheck) in_progress = NULL;
  gboolean writable = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "self-check.new", writable);

  if (self->store == NULL)
    {
      gtk_filter_list_model_set_model (self->history, NULL);
      update_sidebar (self);
      show_empty (self);
      return;
    }

  gtk_filter_list_model_set_model (self->history, enough_store_get_completed_self_checks (self->store));
  update_sidebar (self);

  in_progress = enough_store_dup_self_check_in_progress (self->store);
  /* build-aux/screenshots-self-check.sh opens the chart straight away. */
  if (g_strcmp0 (g_getenv ("ENOUGH_SELF_CHECK_VIEW"), "history") == 0
      && g_list_model_get_n_items (G_LIST_MODEL (self->history)) > 0)
    {
      show_content (self, "history");
    }
  else if (in_progress != NULL)
    {
      show_question (self, in_progress);
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->history)) > 0)
    {
      g_autoptr(EnoughSelfCheck) newest = g_list_model_get_item (G_LIST_MODEL (self->history), 0);

      /* Selected, as the other pages' newest entry: in one column the
       * list of checks comes first. */
      set_results (self, newest, FALSE);
      adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
    }
  else
    {
      show_empty (self);
    }
}

EnoughStore *
enough_self_check_page_get_store (EnoughSelfCheckPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_PAGE (self), NULL);

  return self->store;
}

void
enough_self_check_page_set_store (EnoughSelfCheckPage *self,
                                  EnoughStore         *store)
{
  g_return_if_fail (ENOUGH_IS_SELF_CHECK_PAGE (self));
  g_return_if_fail (store == NULL || ENOUGH_IS_STORE (store));

  enough_page_ensure_built (ENOUGH_PAGE (self));
  if (g_set_object (&self->store, store))
    {
      load (self);
      g_object_notify (G_OBJECT (self), "store");
    }
}

const char *
enough_self_check_page_get_view (EnoughSelfCheckPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return gtk_stack_get_visible_child_name (self->content_stack);
}

EnoughSelfCheckQuestion *
enough_self_check_page_get_question (EnoughSelfCheckPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return self->question;
}

EnoughSelfCheckResults *
enough_self_check_page_get_results (EnoughSelfCheckPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return self->results;
}

EnoughSelfCheckChart *
enough_self_check_page_get_chart (EnoughSelfCheckPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return self->chart;
}

GListModel *
enough_self_check_page_get_history (EnoughSelfCheckPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return G_LIST_MODEL (self->history);
}

GtkSingleSelection *
enough_self_check_page_get_selection (EnoughSelfCheckPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_SELF_CHECK_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return self->selection;
}

static void
enough_self_check_page_map (GtkWidget *widget)
{
  EnoughSelfCheckPage *self = ENOUGH_SELF_CHECK_PAGE (widget);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  GTK_WIDGET_CLASS (enough_self_check_page_parent_class)->map (widget);
  /* Its journal now (see EnoughPage), so that its actions, and the
   * buttons that take the focus below, are enabled. */
  enough_page_ensure_store (ENOUGH_PAGE (self));

  /* Shown with a check in progress: the keys 1–5 work straight away. */
  if (g_strcmp0 (enough_self_check_page_get_view (self), "question") == 0)
    enough_self_check_question_focus_answer (self->question);
  else if (g_strcmp0 (enough_self_check_page_get_view (self), "empty") == 0)
    gtk_widget_grab_focus (adw_status_page_get_child (self->empty_page));  /* Start a Check */
  else
    enough_page_focus_shown (ENOUGH_PAGE (self), GTK_WIDGET (self->list_view), self->sidebar);
}

static void
enough_self_check_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EnoughSelfCheckPage *self = ENOUGH_SELF_CHECK_PAGE (object);

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
enough_self_check_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  EnoughSelfCheckPage *self = ENOUGH_SELF_CHECK_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      enough_self_check_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_self_check_page_dispose (GObject *object)
{
  EnoughSelfCheckPage *self = ENOUGH_SELF_CHECK_PAGE (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_SELF_CHECK_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->history);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (enough_self_check_page_parent_class)->dispose (object);
}

static void
enough_self_check_page_class_init (EnoughSelfCheckPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_self_check_page_dispose;
  object_class->get_property = enough_self_check_page_get_property;
  object_class->set_property = enough_self_check_page_set_property;
  widget_class->map = enough_self_check_page_map;

  g_object_class_override_property (object_class, PROP_STORE, "store");

  g_type_ensure (ENOUGH_TYPE_SELF_CHECK_QUESTION);
  g_type_ensure (ENOUGH_TYPE_SELF_CHECK_RESULTS);
  g_type_ensure (ENOUGH_TYPE_SELF_CHECK_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/self-check/enough-self-check-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckPage, content);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckPage, question);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckPage, results);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckPage, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckPage, chart);
  gtk_widget_class_bind_template_callback (widget_class, on_question_finished);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_check_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "self-check.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "self-check.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "self-check.show-list", NULL, show_list_action);
  /* Share… and Print… of the check shown */
  enough_entry_actions_install (widget_class, open_entry);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "self-check.new", NULL);
}

/* Made when first shown or used (see EnoughPage), not with the window. */
static void
enough_self_check_page_build (EnoughPage *page)
{
  EnoughSelfCheckPage *self = ENOUGH_SELF_CHECK_PAGE (page);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Folded to one pane, or the other pane shown: the focus follows. */
  enough_page_follow_leaflet (page, GTK_WIDGET (self->leaflet), GTK_WIDGET (self->list_view));

  g_object_unref (enough_row_factory_install (self->list_view, &row_kind, NULL, row_open, self));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  enough_self_check_chart_set_model (self->chart, G_LIST_MODEL (self->history));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "self-check.show-list", TRUE);
  update_sidebar (self);
  show_empty (self);
}

static void
enough_self_check_page_page_init (EnoughPageInterface *iface)
{
  iface->entry_kind = ENOUGH_RECORD_KIND_SELF_CHECK;
  iface->build = enough_self_check_page_build;
  iface->reveal = enough_self_check_page_reveal;
}

static void
enough_self_check_page_init (EnoughSelfCheckPage *self)
{
  /* No filter: a pass-through to the store's completed checks (which never
   * makes every record, unlike filtering all checks here). */
  self->history = gtk_filter_list_model_new (NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->history)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->history, "items-changed",
                            G_CALLBACK (on_history_changed), self);

  /* Until it is built and has a journal (see EnoughPage, load()). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "self-check.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "self-check.show-history", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "self-check.show-list", FALSE);

  /* The same key with the focus outside the page (the header bar). */
  enough_page_add_shortcut (ENOUGH_PAGE (self), GDK_KEY_n, GDK_CONTROL_MASK, "self-check.new");
}
