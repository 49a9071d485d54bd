/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-experiment-page.h"
#include "enough-experiment-row.h"
#include "enough-list-utils.h"
#include "enough-row-factory.h"
#include "enough-stack-utils.h"
#include "enough-undo-toast.h"

/* How far into the (lazy, newest first) list we look for an experiment
 * opened from a notification, to select its row. */
#define MAX_ROWS_SCANNED 2000

struct _EnoughExperimentPage
{
  GtkWidget               parent_instance;

  GtkStack               *main_stack;
  AdwLeaflet             *leaflet;
  GtkListView            *list_view;
  GtkLabel               *history_label;
  GtkWidget              *content;
  GtkLabel               *content_title;
  GtkStack               *content_stack;
  EnoughExperimentEditor *editor;

  EnoughStore            *store;
  EnoughReminders        *reminders;
  gulong                  checked_id;
  GtkSingleSelection     *selection;
  GListModel             *experiments;  /* the store's, not owned */
  gulong                  items_changed_id;

  EnoughExperiment       *experiment;   /* the open one */
  gulong                  experiment_notify_id;

  /* Makes the rows; refreshes their state as time passes. */
  GtkListItemFactory     *row_factory;
  gboolean                selecting;
  /* TRUE while the page is being shown: what it shows appears at once. */
  gboolean                mapping;
  EnoughUndoToast        *undo;
};

static void enough_experiment_page_page_init (EnoughPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EnoughExperimentPage, enough_experiment_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ENOUGH_TYPE_PAGE, enough_experiment_page_page_init))

enum {
  PROP_0,
  PROP_STORE,
};

static gint64
page_now (EnoughExperimentPage *self)
{
  return self->store != NULL ? enough_store_now (self->store) : g_get_real_time ();
}

EnoughExperiment *
enough_experiment_page_get_experiment (EnoughExperimentPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return self->experiment;
}

EnoughExperimentEditor *
enough_experiment_page_get_editor (EnoughExperimentPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return self->editor;
}

GtkListView *
enough_experiment_page_get_list_view (EnoughExperimentPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return self->list_view;
}

const char *
enough_experiment_page_get_history (EnoughExperimentPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return gtk_label_get_label (self->history_label);
}

/* Counts, never grades: how often what was feared did not come true. */
static void
update_history (EnoughExperimentPage *self)
{
  guint n = self->experiments != NULL ? g_list_model_get_n_items (self->experiments) : 0;
  guint answered = 0, not_as_feared = 0;
  g_autofree char *text = NULL;

  /* Experiments are few (one a week is a lot), so reading them all is cheap. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EnoughExperiment) e = g_list_model_get_item (self->experiments, i);

      switch (enough_experiment_get_came_true (e))
        {
        case ENOUGH_CAME_TRUE_NO:
        case ENOUGH_CAME_TRUE_PARTLY:
          not_as_feared++;
          answered++;
          break;
        case ENOUGH_CAME_TRUE_YES:
          answered++;
          break;
        case ENOUGH_CAME_TRUE_UNSET:
        default:
          break;
        }
    }
  if (answered > 0)
    /* Translators: counts over all experiments looked back at; the plural
     * follows the second number. "Partly" counts as not as feared. */
    text = g_strdup_printf (ngettext ("%u of %u prediction did not happen as feared",
                                      "%u of %u predictions did not happen as feared",
                                      answered),
                            not_as_feared, answered);
  gtk_label_set_label (self->history_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->history_label), text != NULL);
}

/* A crossfade shows a change the user made while looking; a page being
 * shown appears at once (each frame of a fade draws the whole window). */
static void
show_stack_child (EnoughExperimentPage *self,
                  GtkStack             *stack,
                  const char           *name)
{
  enough_stack_show (stack, name, gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->mapping);
}

static void
update_main_stack (EnoughExperimentPage *self)
{
  gboolean any = self->experiments != NULL && g_list_model_get_n_items (self->experiments) > 0;

  show_stack_child (self, self->main_stack, any || self->experiment != NULL ? "experiments" : "empty");
  /* Only while shown: the Ctrl+N of a hidden page must not answer for the
   * page the user is on (a disabled action lets the shortcut pass on). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "experiments.new",
                                 self->store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)));
}

static void
enough_experiment_page_map (GtkWidget *widget)
{
  EnoughExperimentPage *self = ENOUGH_EXPERIMENT_PAGE (widget);

  enough_page_ensure_built (ENOUGH_PAGE (widget));
  self->mapping = TRUE;
  GTK_WIDGET_CLASS (enough_experiment_page_parent_class)->map (widget);
  /* Its journal now, while being shown (see EnoughPage). */
  enough_page_ensure_store (ENOUGH_PAGE (self));
  update_main_stack (self);
  self->mapping = FALSE;
}

static void
enough_experiment_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (enough_experiment_page_parent_class)->unmap (widget);
  update_main_stack (ENOUGH_EXPERIMENT_PAGE (widget));
}

static void
update_header (EnoughExperimentPage *self)
{
  g_autofree char *title = NULL;

  if (self->experiment != NULL)
    title = enough_experiment_row_dup_title (self->experiment);
  gtk_label_set_label (self->content_title, title != NULL ? title : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "experiments.delete", self->experiment != NULL);
}

static void
on_open_experiment_notify (EnoughExperimentPage *self,
                           GParamSpec           *pspec)
{
  /* Another day, or looked back at: the old reminder no longer applies. */
  if (self->reminders != NULL &&
      (g_str_equal (pspec->name, "due-at") || g_str_equal (pspec->name, "came-true") ||
       g_str_equal (pspec->name, "outcome")))
    enough_reminders_withdraw_experiment (self->reminders, self->experiment);
  if (g_str_equal (pspec->name, "came-true"))
    update_history (self);
  update_header (self);
}

static void
set_open_experiment (EnoughExperimentPage *self,
                     EnoughExperiment     *experiment)
{
  if (self->experiment != experiment)
    {
      if (self->experiment != NULL)
        g_clear_signal_handler (&self->experiment_notify_id, self->experiment);
      g_set_object (&self->experiment, experiment);
      if (experiment != NULL)
        self->experiment_notify_id = g_signal_connect_swapped (experiment, "notify",
                                                               G_CALLBACK (on_open_experiment_notify),
                                                               self);
    }
  enough_experiment_editor_set_experiment (self->editor, experiment);
  show_stack_child (self, self->content_stack, experiment != NULL ? "editor" : "none");
  update_header (self);
  update_main_stack (self);
}

static void
show_content (EnoughExperimentPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
open_and_select (EnoughExperimentPage *self,
                 EnoughExperiment     *experiment)
{
  set_open_experiment (self, experiment);
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     enough_list_model_find (self->experiments, experiment,
                                                             MAX_ROWS_SCANNED));
  self->selecting = FALSE;
}

static void
on_selected_changed (EnoughExperimentPage *self)
{
  EnoughExperiment *experiment;

  if (self->selecting)
    return;
  experiment = gtk_single_selection_get_selected_item (self->selection);
  if (experiment != NULL && experiment != self->experiment)
    set_open_experiment (self, experiment);
}

EnoughExperiment *
enough_experiment_page_new_experiment (EnoughExperimentPage *self,
                                       const char           *belief)
{
  g_autoptr(EnoughExperiment) experiment = NULL;

  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  if (self->store == NULL)
    return NULL;

  experiment = enough_store_create_experiment (self->store);
  if (belief != NULL)
    enough_experiment_set_belief (experiment, belief);
  open_and_select (self, experiment);
  show_content (self);
  enough_experiment_editor_focus_next (self->editor);
  return self->experiment;
}

gboolean
enough_experiment_page_open_experiment (EnoughExperimentPage *self,
                                        const char           *uuid)
{
  g_autoptr(EnoughRecord) record = NULL;

  g_return_val_if_fail (ENOUGH_IS_EXPERIMENT_PAGE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  if (self->store == NULL)
    return FALSE;
  record = enough_store_lookup (self->store, ENOUGH_RECORD_KIND_EXPERIMENT, uuid);
  if (record == NULL || !ENOUGH_IS_EXPERIMENT (record))
    return FALSE;
  open_and_select (self, ENOUGH_EXPERIMENT (record));
  show_content (self);
  /* Its day came (the reminder): straight to the After half. */
  if (enough_experiment_get_state (ENOUGH_EXPERIMENT (record), page_now (self)) == ENOUGH_EXPERIMENT_DUE)
    enough_experiment_editor_focus_next (self->editor);
  return TRUE;
}

static void
enough_experiment_page_reveal (EnoughPage         *page,
                               EnoughRecord       *entry,
                               EnoughSearchResult *result,
                               const char         *query)
{
  EnoughExperimentPage *self = ENOUGH_EXPERIMENT_PAGE (page);

  if (enough_experiment_page_open_experiment (self, enough_record_get_uuid (entry)))
    enough_experiment_editor_reveal_match (self->editor, result, query);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  enough_experiment_page_new_experiment (ENOUGH_EXPERIMENT_PAGE (widget), NULL);
}

static void
on_experiments_restored (GtkWidget *owner,
                         GPtrArray *records)
{
  open_and_select (ENOUGH_EXPERIMENT_PAGE (owner), records->pdata[0]);
  update_history (ENOUGH_EXPERIMENT_PAGE (owner));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EnoughExperimentPage *self = ENOUGH_EXPERIMENT_PAGE (widget);
  g_autoptr(EnoughExperiment) experiment = NULL;

  if (self->experiment == NULL || self->store == NULL)
    return;
  experiment = g_object_ref (self->experiment);
  if (self->reminders != NULL)
    enough_reminders_withdraw_experiment (self->reminders, experiment);
  set_open_experiment (self, NULL);
  /* No confirmation: the toast offers Undo instead. */
  enough_undo_toast_delete (self->undo, self->store, experiment, _("Experiment deleted"));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  update_main_stack (self);
  update_history (self);
}

static void
on_back_clicked (EnoughExperimentPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- List rows ---------------------------------------------------------- */

static void
open_from_list (EnoughExperimentPage *self,
                EnoughExperiment     *experiment)
{
  if (experiment == NULL)
    return;
  if (experiment != self->experiment)
    set_open_experiment (self, experiment);
  show_content (self);
}

static void
on_list_activate (EnoughExperimentPage *self,
                  guint                 position)
{
  g_autoptr(EnoughExperiment) experiment = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  open_from_list (self, experiment);
}

static GtkWidget *
row_new (void)
{
  return enough_experiment_row_new ();
}

static void
row_set_item (GtkWidget *row,
              gpointer   item)
{
  enough_experiment_row_set_experiment (ENOUGH_EXPERIMENT_ROW (row), item);
}

static void
row_update_now (GtkWidget *row,
                gint64     now)
{
  enough_experiment_row_update_now (ENOUGH_EXPERIMENT_ROW (row), now);
}

static const EnoughRowKind row_kind = { row_new, row_set_item, row_update_now };

static gint64
row_now (gpointer page)
{
  return page_now (page);
}

static void
row_open (gpointer page,
          gpointer item)
{
  open_from_list (page, item);
}

void
enough_experiment_page_refresh (EnoughExperimentPage *self)
{

  g_return_if_fail (ENOUGH_IS_EXPERIMENT_PAGE (self));

  enough_page_ensure_built (ENOUGH_PAGE (self));
  enough_row_factory_update_now (self->row_factory);
  enough_experiment_editor_refresh (self->editor);
}

static void
on_reminders_checked (EnoughExperimentPage *self)
{
  if (enough_page_is_built (ENOUGH_PAGE (self)))
    enough_experiment_page_refresh (self);
}

static void
on_items_changed (EnoughExperimentPage *self)
{
  update_main_stack (self);
  update_history (self);
}

void
enough_experiment_page_set_reminders (EnoughExperimentPage *self,
                                      EnoughReminders      *reminders)
{
  g_return_if_fail (ENOUGH_IS_EXPERIMENT_PAGE (self));
  g_return_if_fail (reminders == NULL || ENOUGH_IS_REMINDERS (reminders));

  if (self->reminders == reminders)
    return;
  if (self->reminders != NULL)
    g_clear_signal_handler (&self->checked_id, self->reminders);
  g_set_object (&self->reminders, reminders);
  if (reminders != NULL)
    self->checked_id = g_signal_connect_swapped (reminders, "checked",
                                                 G_CALLBACK (on_reminders_checked), self);
}

void
enough_experiment_page_set_store (EnoughExperimentPage *self,
                                  EnoughStore          *store)
{
  g_return_if_fail (ENOUGH_IS_EXPERIMENT_PAGE (self));
  g_return_if_fail (store == NULL || ENOUGH_IS_STORE (store));

  enough_page_ensure_built (ENOUGH_PAGE (self));
  if (self->store == store)
    return;

  set_open_experiment (self, NULL);
  if (self->experiments != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->experiments);
  self->experiments = NULL;
  gtk_single_selection_set_model (self->selection, NULL);

  g_set_object (&self->store, store);
  enough_experiment_editor_set_store (self->editor, store);
  if (store != NULL)
    {
      self->experiments = enough_store_get_experiments (store);
      self->items_changed_id = g_signal_connect_swapped (self->experiments, "items-changed",
                                                         G_CALLBACK (on_items_changed), self);
      gtk_single_selection_set_model (self->selection, self->experiments);
      if (g_list_model_get_n_items (self->experiments) > 0)
        {
          g_autoptr(EnoughExperiment) newest = g_list_model_get_item (self->experiments, 0);

          open_and_select (self, newest);
        }
    }
  update_main_stack (self);
  update_history (self);
  g_object_notify (G_OBJECT (self), "store");
}

static void
enough_experiment_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EnoughExperimentPage *self = ENOUGH_EXPERIMENT_PAGE (object);

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
enough_experiment_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  EnoughExperimentPage *self = ENOUGH_EXPERIMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      enough_experiment_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_experiment_page_dispose (GObject *object)
{
  EnoughExperimentPage *self = ENOUGH_EXPERIMENT_PAGE (object);

  g_clear_object (&self->undo);
  if (self->experiment != NULL)
    g_clear_signal_handler (&self->experiment_notify_id, self->experiment);
  g_clear_object (&self->experiment);
  if (self->experiments != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->experiments);
  self->experiments = NULL;
  if (self->reminders != NULL)
    g_clear_signal_handler (&self->checked_id, self->reminders);
  g_clear_object (&self->reminders);

  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_EXPERIMENT_PAGE);
  g_clear_object (&self->row_factory);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (enough_experiment_page_parent_class)->dispose (object);
}

static void
enough_experiment_page_class_init (EnoughExperimentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_experiment_page_dispose;
  object_class->get_property = enough_experiment_page_get_property;
  object_class->set_property = enough_experiment_page_set_property;

  widget_class->map = enough_experiment_page_map;
  widget_class->unmap = enough_experiment_page_unmap;

  g_object_class_override_property (object_class, PROP_STORE, "store");

  g_type_ensure (ENOUGH_TYPE_EXPERIMENT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/experiments/enough-experiment-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughExperimentPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EnoughExperimentPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EnoughExperimentPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, EnoughExperimentPage, history_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughExperimentPage, content);
  gtk_widget_class_bind_template_child (widget_class, EnoughExperimentPage, content_title);
  gtk_widget_class_bind_template_child (widget_class, EnoughExperimentPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EnoughExperimentPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "experiments.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "experiments.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "experiments.new", NULL);
}

static void
enough_experiment_page_build (EnoughPage *page)
{
  EnoughExperimentPage *self = ENOUGH_EXPERIMENT_PAGE (page);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->row_factory = enough_row_factory_install (self->list_view, &row_kind, row_now, row_open, self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_list_activate), self);

  set_open_experiment (self, NULL);
}

static void
enough_experiment_page_page_init (EnoughPageInterface *iface)
{
  iface->entry_kind = ENOUGH_RECORD_KIND_EXPERIMENT;
  iface->build = enough_experiment_page_build;
  iface->reveal = enough_experiment_page_reveal;
}

static void
enough_experiment_page_init (EnoughExperimentPage *self)
{
  self->undo = enough_undo_toast_new (GTK_WIDGET (self), on_experiments_restored);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selected_changed), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "experiments.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "experiments.delete", FALSE);

  /* The same keys with the focus outside the page (the header bar). */
  enough_page_add_shortcut (ENOUGH_PAGE (self), GDK_KEY_n, GDK_CONTROL_MASK, "experiments.new");
}
