/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-entry-actions.h"

static GQuark
open_entry_quark (void)
{
  return g_quark_from_static_string ("enough-open-entry-func");
}

EnoughRecord *
enough_entry_actions_get_open_entry (GtkWidget *page)
{
  EnoughOpenEntryFunc func = g_type_get_qdata (G_OBJECT_TYPE (page), open_entry_quark ());

  return func != NULL ? func (page) : NULL;
}

static void
entry_action (GtkWidget  *page,
              const char *action_name,
              GVariant   *parameter)
{
  EnoughRecord *record = enough_entry_actions_get_open_entry (page);
  gboolean print = g_str_equal (action_name, "page.print");

  if (record == NULL)
    return;
  gtk_widget_activate_action (page, print ? "win.print-entry" : "win.share-entry", "(is)",
                              (int) enough_record_get_kind (record), enough_record_get_uuid (record));
}

void
enough_entry_actions_install (GtkWidgetClass      *widget_class,
                              EnoughOpenEntryFunc  open_entry_func)
{
  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), open_entry_quark (), open_entry_func);
  gtk_widget_class_install_action (widget_class, "page.share", NULL, entry_action);
  gtk_widget_class_install_action (widget_class, "page.print", NULL, entry_action);
}

void
enough_entry_actions_update (GtkWidget *page)
{
  gboolean open = enough_entry_actions_get_open_entry (page) != NULL;

  gtk_widget_action_set_enabled (page, "page.share", open);
  gtk_widget_action_set_enabled (page, "page.print", open);
}
