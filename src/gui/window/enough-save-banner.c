/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-save-banner.h"

struct _EnoughSaveBanner
{
  GtkWidget     parent_instance;

  GtkRevealer  *revealer;
  GtkLabel     *label;
  GtkButton    *retry_button;

  EnoughStore  *store;
  GCancellable *cancellable;  /* the flush of "Try Again" */
};

G_DEFINE_FINAL_TYPE (EnoughSaveBanner, enough_save_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
enough_save_banner_new (void)
{
  return g_object_new (ENOUGH_TYPE_SAVE_BANNER, NULL);
}

static void
set_revealed (EnoughSaveBanner *self,
              gboolean          revealed)
{
  if (gtk_revealer_get_reveal_child (self->revealer) == revealed)
    return;
  gtk_revealer_set_reveal_child (self->revealer, revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

/* Plain words, no blame; the technical detail goes in the tooltip for
 * whoever helps with a bug report. Never markup: the detail may quote a
 * path or the user's own words. */
static void
on_write_failed (EnoughStore      *store,
                 const GError     *error,
                 EnoughSaveBanner *self)
{
  const char *message;

  if (g_error_matches (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_DISK_FULL))
    message = _("The disk is full, so your newest words are not saved yet. They are safe in "
                "this window, and Enough keeps trying to save them.");
  else if (g_error_matches (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT))
    message = _("The journal file is damaged, so your newest words cannot be saved to it. "
                "Please keep this window open so they are not lost.");
  else
    message = _("Your journal cannot be written to right now, so your newest words are not "
                "saved yet. They are safe in this window, and Enough keeps trying to save them.");

  gtk_label_set_text (self->label, message);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), error->message);
  set_revealed (self, TRUE);
}

static void
on_saved (EnoughStore      *store,
          guint             n_records,
          EnoughSaveBanner *self)
{
  /* The disk works again; whatever is still pending goes with the next
   * autosave. */
  set_revealed (self, FALSE);
}

static void
flush_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(EnoughSaveBanner) self = user_data;
  g_autoptr(GError) error = NULL;

  /* A failure already showed itself through ::write-failed. */
  if (!enough_store_flush_finish (ENOUGH_STORE (source), result, &error))
    g_debug ("Saving again failed: %s", error->message);
  g_clear_object (&self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->retry_button), TRUE);
}

void
enough_save_banner_retry (EnoughSaveBanner *self)
{
  g_return_if_fail (ENOUGH_IS_SAVE_BANNER (self));

  if (self->store == NULL || self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->retry_button), FALSE);
  enough_store_flush_async (self->store, self->cancellable, flush_done, g_object_ref (self));
}

static void
on_retry_clicked (EnoughSaveBanner *self)
{
  enough_save_banner_retry (self);
}

EnoughStore *
enough_save_banner_get_store (EnoughSaveBanner *self)
{
  g_return_val_if_fail (ENOUGH_IS_SAVE_BANNER (self), NULL);

  return self->store;
}

void
enough_save_banner_set_store (EnoughSaveBanner *self,
                              EnoughStore      *store)
{
  g_return_if_fail (ENOUGH_IS_SAVE_BANNER (self));
  g_return_if_fail (store == NULL || ENOUGH_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "write-failed", G_CALLBACK (on_write_failed), self, 0);
      g_signal_connect_object (store, "saved", G_CALLBACK (on_saved), self, 0);
    }
  set_revealed (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
enough_save_banner_get_revealed (EnoughSaveBanner *self)
{
  g_return_val_if_fail (ENOUGH_IS_SAVE_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
enough_save_banner_get_message (EnoughSaveBanner *self)
{
  g_return_val_if_fail (ENOUGH_IS_SAVE_BANNER (self), NULL);

  return gtk_label_get_text (self->label);
}

static void
enough_save_banner_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EnoughSaveBanner *self = ENOUGH_SAVE_BANNER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_REVEALED:
      g_value_set_boolean (value, enough_save_banner_get_revealed (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_save_banner_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EnoughSaveBanner *self = ENOUGH_SAVE_BANNER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      enough_save_banner_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_save_banner_dispose (GObject *object)
{
  EnoughSaveBanner *self = ENOUGH_SAVE_BANNER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_SAVE_BANNER);

  G_OBJECT_CLASS (enough_save_banner_parent_class)->dispose (object);
}

static void
enough_save_banner_class_init (EnoughSaveBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_save_banner_dispose;
  object_class->get_property = enough_save_banner_get_property;
  object_class->set_property = enough_save_banner_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ENOUGH_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "savebanner");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/window/enough-save-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, EnoughSaveBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, EnoughSaveBanner, label);
  gtk_widget_class_bind_template_child (widget_class, EnoughSaveBanner, retry_button);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
}

static void
enough_save_banner_init (EnoughSaveBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
