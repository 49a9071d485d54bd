/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-critic-page.h"

struct _EnoughCriticPage
{
  GtkWidget      parent_instance;

  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (EnoughCriticPage, enough_critic_page, GTK_TYPE_WIDGET)

static void
enough_critic_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_CRITIC_PAGE);

  G_OBJECT_CLASS (enough_critic_page_parent_class)->dispose (object);
}

static void
enough_critic_page_class_init (EnoughCriticPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_critic_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/enough-critic-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughCriticPage, empty_page);
}

static void
enough_critic_page_init (EnoughCriticPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
