/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-self-check-page.h"

struct _EnoughSelfCheckPage
{
  GtkWidget      parent_instance;

  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (EnoughSelfCheckPage, enough_self_check_page, GTK_TYPE_WIDGET)

static void
enough_self_check_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_SELF_CHECK_PAGE);

  G_OBJECT_CLASS (enough_self_check_page_parent_class)->dispose (object);
}

static void
enough_self_check_page_class_init (EnoughSelfCheckPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_self_check_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/enough-self-check-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckPage, empty_page);
}

static void
enough_self_check_page_init (EnoughSelfCheckPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
