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
}
