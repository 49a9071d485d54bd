/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-stack-utils.h"

void
enough_stack_show (GtkStack   *stack,
                   const char *name,
                   gboolean    animate)
{
  GtkWidget *shown;

  g_return_if_fail (GTK_IS_STACK (stack));

  shown = gtk_stack_get_child_by_name (stack, name);
  g_return_if_fail (shown != NULL);

  gtk_widget_set_visible (shown, TRUE);
  gtk_stack_set_visible_child_full (stack, name,
                                    animate ? gtk_stack_get_transition_type (stack)
                                            : GTK_STACK_TRANSITION_TYPE_NONE);
  /* A fade keeps the old child until it ends; the next change at once
   * hides it. */
  if (animate)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != shown)
      gtk_widget_set_visible (child, FALSE);
}
