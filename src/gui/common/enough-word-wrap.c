/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-word-wrap.h"

static GQuark wrapped_quark;

static gboolean
is_hangul (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HANGUL;
}

void
enough_word_wrap_add_attributes (PangoAttrList *attrs,
                                 const char    *text)
{
  const char *start = NULL;
  guint n_chars = 0;
  gboolean korean = FALSE;

  g_return_if_fail (attrs != NULL);

  if (text == NULL)
    return;

  /* Each run of characters between spaces that holds Hangul: a word. */
  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean space = *p == '\0' || g_unichar_isspace (c);

      if (!space)
        {
          if (start == NULL)
            {
              start = p;
              n_chars = 0;
              korean = FALSE;
            }
          n_chars++;
          korean |= is_hangul (c);
        }
      else if (start != NULL)
        {
          if (korean && n_chars > 1 && n_chars <= ENOUGH_WORD_WRAP_MAX_CHARS)
            {
              PangoAttribute *keep = pango_attr_allow_breaks_new (FALSE);

              keep->start_index = (guint) (start - text);
              keep->end_index = (guint) (p - text);
              pango_attr_list_insert (attrs, keep);
            }
          start = NULL;
        }
      if (*p == '\0')
        break;
    }
}

static gboolean
is_allow_breaks (PangoAttribute *attribute,
                 gpointer        user_data)
{
  return attribute->klass->type == PANGO_ATTR_ALLOW_BREAKS;
}

static gboolean
has_allow_breaks (PangoAttrList *attrs)
{
  GSList *list = attrs != NULL ? pango_attr_list_get_attributes (attrs) : NULL;
  gboolean found = FALSE;

  for (GSList *l = list; l != NULL; l = l->next)
    found |= is_allow_breaks (l->data, NULL);
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return found;
}

static void
on_label_changed (GtkLabel *label)
{
  PangoAttrList *old = gtk_label_get_attributes (label);
  g_autoptr(PangoAttrList) attrs = old != NULL ? pango_attr_list_copy (old) : pango_attr_list_new ();
  PangoAttrList *removed;

  /* The label's other attributes stay (a search mark, say); ours were
   * for the old text. */
  removed = pango_attr_list_filter (attrs, is_allow_breaks, NULL);
  g_clear_pointer (&removed, pango_attr_list_unref);
  enough_word_wrap_add_attributes (attrs, gtk_label_get_text (label));

  /* Text without Korean: nothing to change, nothing to lay out again. */
  if (!has_allow_breaks (old) && !has_allow_breaks (attrs))
    return;
  gtk_label_set_attributes (label, attrs);
}

void
enough_word_wrap_label (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  if (wrapped_quark == 0)
    wrapped_quark = g_quark_from_static_string ("enough-word-wrap");
  if (g_object_get_qdata (G_OBJECT (label), wrapped_quark) != NULL)
    return;
  g_object_set_qdata (G_OBJECT (label), wrapped_quark, GINT_TO_POINTER (TRUE));

  g_signal_connect (label, "notify::label", G_CALLBACK (on_label_changed), NULL);
  on_label_changed (label);
}

void
enough_word_wrap_descendants (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_label_get_wrap (GTK_LABEL (child)))
        enough_word_wrap_label (GTK_LABEL (child));
      enough_word_wrap_descendants (child);
    }
}
