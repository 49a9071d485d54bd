/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-accessible.h"

char *
enough_accessible_strip_mnemonic (const char *label)
{
  GString *plain;

  g_return_val_if_fail (label != NULL, NULL);

  plain = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          p++;
          if (*p == '\0')
            break;
        }
      g_string_append_c (plain, *p);
    }

  return g_string_free (plain, FALSE);
}

static void
name_plainly (GtkWidget *widget)
{
  g_autofree char *label = NULL;
  g_autofree char *plain = NULL;
  gboolean use_underline = FALSE;

  g_object_get (widget, "label", &label, "use-underline", &use_underline, NULL);
  if (label == NULL && GTK_IS_BUTTON (widget) &&
      GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      /* A menu item made of a button around a label: its text, which
       * GTK 4.8 does not name the button with. */
      plain = g_strdup (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget)))));
    }
  else if (!use_underline || label == NULL || strchr (label, '_') == NULL)
    return;
  else
    plain = enough_accessible_strip_mnemonic (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                  -1);
  /* The label is the name now: its text again would say it twice. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static gboolean
on_widget_map (GSignalInvocationHint *hint,
               guint                  n_values,
               const GValue          *values,
               gpointer               user_data)
{
  static GQuark followed_quark;
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (!GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget))
    return TRUE;

  if (followed_quark == 0)
    followed_quark = g_quark_from_static_string ("enough-accessible-plain-mnemonic");
  if (g_object_get_qdata (G_OBJECT (widget), followed_quark) == NULL)
    {
      /* After GTK's own handler has named it from the new label. */
      g_signal_connect (widget, "notify::label", G_CALLBACK (name_plainly), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (name_plainly), NULL);
      g_object_set_qdata (G_OBJECT (widget), followed_quark, GINT_TO_POINTER (TRUE));
    }
  name_plainly (widget);

  return TRUE;  /* stay installed */
}

void
enough_accessible_install_plain_mnemonics (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* Every button, ours and libadwaita's (the toasts' "_Undo", the
       * dialogs' answers), the first time it is shown. */
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_widget_map, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}

void
enough_accessible_name_list_row (GtkWidget  *row_child,
                                 const char *name)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (row_child));

  /* GTK 4.8 has no accessible API on GtkListItem; its widget is the
   * child's parent once the list has taken the child in. */
  row = gtk_widget_get_parent (row_child);
  if (row == NULL)
    return;

  if (name != NULL && *name != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

void
enough_accessible_keep_own_name (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}
