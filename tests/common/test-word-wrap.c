/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "enough-gui-test-utils.h"
#include "enough-word-wrap.h"

/* Korean text in a narrow label breaks at the spaces between words, never
 * between two syllables of a word that fits on a line ("그 / 대로" was the
 * bug); a run too long for a line still wraps. Measured on the label's own
 * laid-out lines. */

#define PROMPT "지금 비판자는 뭐라고 말하고 있나요? 비판자의 말 그대로 적어 보세요."
#define NEWER "있는 그대로의 당신을 위한 편지를 써 보세요. 오늘은 충분히 잘했어요."

static gboolean
is_hangul (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HANGUL;
}

/* A label in a window @width wide, laid out. */
static GtkLabel *
make_label (GtkWindow  *window,
            const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_window_set_child (window, label);
  return GTK_LABEL (label);
}

static void
lay_out (GtkWindow *window,
         int        width)
{
  int height;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (window), &(GtkAllocation) { 0, 0, width, height }, -1);
}

/* How many lines end between two Hangul syllables (inside a word); the
 * number of lines in *n_lines. */
static guint
count_inner_breaks (GtkLabel *label,
                    guint    *n_lines)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  guint n = 0;

  *n_lines = 0;
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      (*n_lines)++;
      if (line->start_index > 0)
        {
          const char *at = text + line->start_index;
          gunichar before = g_utf8_get_char (g_utf8_prev_char (at));
          gunichar after = g_utf8_get_char (at);

          if (is_hangul (before) && is_hangul (after))
            n++;
        }
    }
  return n;
}

static void
test_korean_words_whole (void)
{
  g_autoptr(GtkWindow) plain_window = GTK_WINDOW (g_object_ref_sink (gtk_window_new ()));
  g_autoptr(GtkWindow) window = GTK_WINDOW (g_object_ref_sink (gtk_window_new ()));
  GtkLabel *plain = make_label (plain_window, PROMPT);
  GtkLabel *label = make_label (window, PROMPT);
  guint plain_breaks = 0;

  enough_word_wrap_label (label);

  /* From a phone's bubble to a wide row. */
  for (int width = 90; width <= 400; width += 10)
    {
      guint n_lines, n_plain_lines;

      lay_out (plain_window, width);
      lay_out (window, width);
      plain_breaks += count_inner_breaks (plain, &n_plain_lines);
      g_assert_cmpuint (count_inner_breaks (label, &n_lines), ==, 0);
      g_assert_cmpuint (n_lines, >=, 1);
    }
  /* Without it, Pango does cut words at some of these widths. */
  g_assert_cmpuint (plain_breaks, >, 0);

  /* New text: its words are kept whole too. */
  gtk_label_set_text (label, NEWER);
  for (int width = 90; width <= 400; width += 10)
    {
      guint n_lines;

      lay_out (window, width);
      g_assert_cmpuint (count_inner_breaks (label, &n_lines), ==, 0);
    }

  gtk_window_destroy (plain_window);
  gtk_window_destroy (window);
}

static void
test_long_run_still_wraps (void)
{
  g_autoptr(GtkWindow) window = GTK_WINDOW (g_object_ref_sink (gtk_window_new ()));
  /* Twenty syllables without a space: no word, it must still fit. */
  GtkLabel *label = make_label (window, "가나다라마바사아자차카타파하가나다라마바");
  guint n_lines;
  int width;

  enough_word_wrap_label (label);
  lay_out (window, 100);
  count_inner_breaks (label, &n_lines);
  g_assert_cmpuint (n_lines, >, 1);
  pango_layout_get_pixel_size (gtk_label_get_layout (label), &width, NULL);
  g_assert_cmpint (width, <=, 100);

  gtk_window_destroy (window);
}

/* The label's own attributes stay; Latin text gets nothing. */
static void
test_other_attributes_kept (void)
{
  g_autoptr(GtkWidget) box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  GtkWidget *label = gtk_label_new ("Plain words, nothing to keep.");
  GtkWidget *single = gtk_label_new (PROMPT);
  PangoAttrList *attrs = pango_attr_list_new ();
  GSList *list;
  guint n_underline = 0, n_keep = 0;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), single);  /* not wrapping: left alone */
  enough_word_wrap_descendants (box);
  g_assert_null (gtk_label_get_attributes (GTK_LABEL (label)));
  g_assert_null (gtk_label_get_attributes (GTK_LABEL (single)));

  pango_attr_list_insert (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
  gtk_label_set_text (GTK_LABEL (label), PROMPT);
  list = pango_attr_list_get_attributes (gtk_label_get_attributes (GTK_LABEL (label)));
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      n_underline += attribute->klass->type == PANGO_ATTR_UNDERLINE;
      n_keep += attribute->klass->type == PANGO_ATTR_ALLOW_BREAKS;
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  g_assert_cmpuint (n_underline, ==, 1);
  /* One per word of two syllables or more ("말" stands alone). */
  g_assert_cmpuint (n_keep, ==, 9);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

  g_test_add_func ("/word-wrap/korean-words-whole", test_korean_words_whole);
  g_test_add_func ("/word-wrap/long-run-still-wraps", test_long_run_still_wraps);
  g_test_add_func ("/word-wrap/other-attributes-kept", test_other_attributes_kept);

  return g_test_run ();
}
