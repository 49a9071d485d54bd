/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-welcome-window.h"

struct _EnoughWelcomeWindow
{
  AdwWindow  parent_instance;

  GtkWidget *start_button;
};

G_DEFINE_FINAL_TYPE (EnoughWelcomeWindow, enough_welcome_window, ADW_TYPE_WINDOW)

static void
on_start_clicked (EnoughWelcomeWindow *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
enough_welcome_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_WELCOME_WINDOW);

  G_OBJECT_CLASS (enough_welcome_window_parent_class)->dispose (object);
}

static void
enough_welcome_window_class_init (EnoughWelcomeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_welcome_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/help/enough-welcome-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EnoughWelcomeWindow, start_button);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
enough_welcome_window_init (EnoughWelcomeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->start_button);
  gtk_window_set_focus (GTK_WINDOW (self), self->start_button);
}

EnoughWelcomeWindow *
enough_welcome_window_new (GtkWindow *parent)
{
  return g_object_new (ENOUGH_TYPE_WELCOME_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

gboolean
enough_welcome_window_maybe_show (GtkWindow *parent)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (g_settings_get_boolean (settings, "welcome-shown"))
    return FALSE;

  /* Once: seen is enough, however it is closed (or if the app quits). */
  g_settings_set_boolean (settings, "welcome-shown", TRUE);
  gtk_window_present (GTK_WINDOW (enough_welcome_window_new (parent)));
  return TRUE;
}
