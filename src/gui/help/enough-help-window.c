/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-help-window.h"

/* The "Getting Help" page: what to do in a crisis. Plain text on purpose:
 * no links, nothing that could reach the network. */
struct _EnoughHelpWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (EnoughHelpWindow, enough_help_window, ADW_TYPE_WINDOW)

EnoughHelpWindow *
enough_help_window_new (GtkWindow *parent)
{
  return g_object_new (ENOUGH_TYPE_HELP_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

static void
enough_help_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_HELP_WINDOW);

  G_OBJECT_CLASS (enough_help_window_parent_class)->dispose (object);
}

/* The crisis text is selectable so an address can be copied. The first
 * focus lands on the first selectable label, and GTK then selects all of
 * it; keep the focus (for keyboard users) but clear that selection, once,
 * after GTK made it. */
static gboolean
clear_first_selection (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  if (GTK_IS_LABEL (focus))
    gtk_label_select_region (GTK_LABEL (focus), 0, 0);

  return G_SOURCE_REMOVE;
}

static void
on_first_focus (EnoughHelpWindow *self)
{
  if (!GTK_IS_LABEL (gtk_root_get_focus (GTK_ROOT (self))))
    return;

  g_signal_handlers_disconnect_by_func (self, on_first_focus, NULL);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, clear_first_selection,
                   g_object_ref (self), g_object_unref);
}

static void
enough_help_window_class_init (EnoughHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_help_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/help/enough-help-window.ui");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
enough_help_window_init (EnoughHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_first_focus), NULL);
}
