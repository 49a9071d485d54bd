/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "enough-gui-test-utils.h"
#include "enough-help-window.h"
#include "enough-test-utils.h"

/* Starts the real window in one shipped language (argv[1], e.g. "de") and
 * checks that what it shows is translated: the page titles are the
 * translated ones, and no English text that has a translation is left on any
 * page or in the Getting Help window. One test process per language (meson
 * runs it once for each entry of po/LINGUAS), because the locale is global. */

static const char *language;

static const struct { const char *code; const char *locale; } locales[] = {
  { "es", "es_ES.UTF-8" }, { "fr", "fr_FR.UTF-8" }, { "de", "de_DE.UTF-8" },
  { "zh_CN", "zh_CN.UTF-8" }, { "zh_TW", "zh_TW.UTF-8" }, { "ko", "ko_KR.UTF-8" },
  { "vi", "vi_VN.UTF-8" }, { "ja", "ja_JP.UTF-8" },
};

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (texts, g_strdup (text));
}

/* Every piece of text a widget tree shows. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    add_text (texts, gtk_label_get_text (GTK_LABEL (widget)));
  else if (ADW_IS_STATUS_PAGE (widget))
    {
      add_text (texts, adw_status_page_get_title (ADW_STATUS_PAGE (widget)));
      add_text (texts, adw_status_page_get_description (ADW_STATUS_PAGE (widget)));
    }
  else if (GTK_IS_EDITABLE (widget))
    return;  /* user text */

  add_text (texts, gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static void
assert_nothing_left_in_english (GtkWidget *root)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n_checked = 0;

  collect_texts (root, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      const char *translated = g_dgettext (GETTEXT_PACKAGE, text);

      /* An English message id on screen while a translation exists. */
      if (translated != text && !g_str_equal (translated, text))
        g_error ("“%s” is shown in English in %s (translation: “%s”)", text, language, translated);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 3);
}

static void
check_window (EnoughTestApp *test)
{
  static const char *titles[] = { "Inner Critic", "Letters", "Self-Check" };
  AdwViewStack *stack = enough_window_get_stack (test->window);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  GtkWindow *help;

  /* The translation exists, differs from English, and is what is shown. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *expected = g_dgettext (GETTEXT_PACKAGE, titles[i]);

      g_assert_cmpstr (expected, !=, titles[i]);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, expected);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      adw_view_stack_set_visible_child_name (stack, adw_view_stack_page_get_name (page));
      enough_test_drain_main_context ();
      assert_nothing_left_in_english (adw_view_stack_page_get_child (page));
    }
  assert_nothing_left_in_english (GTK_WIDGET (test->window));

  g_action_group_activate_action (G_ACTION_GROUP (test->app), "help", NULL);
  enough_test_drain_main_context ();
  help = enough_test_find_window_of_type (ENOUGH_TYPE_HELP_WINDOW);
  g_assert_nonnull (help);
  g_assert_cmpstr (gtk_window_get_title (help), ==, g_dgettext (GETTEXT_PACKAGE, "Getting Help"));
  g_assert_cmpstr (gtk_window_get_title (help), !=, "Getting Help");
  assert_nothing_left_in_english (GTK_WIDGET (help));
}

static void
test_language (void)
{
  g_autofree char *data_dir = enough_test_make_data_dir ();

  enough_test_reset_settings ();
  enough_test_run_app (check_window, NULL);
  enough_test_remove_data_dir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *locale = NULL;
  g_autofree char *localedir = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpint (argc, >=, 2);
  language = argv[argc - 1];
  argc--;

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      if (g_str_equal (locales[i].code, language))
        locale = locales[i].locale;
    }
  g_assert_nonnull (locale);

  /* As main.c does, but with the build tree's translations and a real locale
   * (LANGUAGE is ignored under the C locale). */
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("LC_ALL", locale, TRUE);
  if (setlocale (LC_ALL, locale) == NULL)
    g_error ("The locale %s is missing (Debian: locales-all)", locale);
  localedir = g_build_filename (g_getenv ("ENOUGH_BUILD_DIR"), "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  enough_test_gui_init (&argc, &argv);
  path = g_strdup_printf ("/languages/%s", language);
  g_test_add_func (path, test_language);

  return g_test_run ();
}
