/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-self-check-page.h"

struct _EnoughSelfCheckPage
{
  GtkWidget      parent_instance;

  AdwStatusPage *empty_page;

  EnoughStore   *store;
};

G_DEFINE_FINAL_TYPE (EnoughSelfCheckPage, enough_self_check_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
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

  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_SELF_CHECK_PAGE);
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

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ENOUGH_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/enough-self-check-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughSelfCheckPage, empty_page);
}

static void
enough_self_check_page_init (EnoughSelfCheckPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
