/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>

#include "enough-gui-test-utils.h"
#include "enough-store.h"
#include "enough-test-utils.h"

/* What a screen reader reads: every control and list row shown, on every
 * page with something in it, has a plain name, once.
 *
 * GTK 4.8 has no getter for accessible attributes; its test context
 * (GTK_A11Y=test) reports the value it holds when asked to compare with
 * another one. The name is computed as GTK 4.8's AT-SPI does
 * (gtk_at_context_get_name): the label, then the labels of the
 * labelled-by widgets, then a range's value; nothing else. */

typedef EnoughTestFixture Fixture;

/* The label attribute of @widget, or NULL. */
static char *
dup_label (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  /* Compared with a value it cannot hold: the answer is the real one. */
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "\x01");
}

static char *
dup_property (GtkWidget             *widget,
              GtkAccessibleProperty  property)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    return NULL;
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\x01");
}

static void
collect_widgets (GtkWidget  *widget,
                 GHashTable *by_address)
{
  g_hash_table_insert (by_address, g_strdup_printf ("%p", (gpointer) widget), widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, by_address);
}

/* The parts of @widget's name, in GTK's order. The labelled-by widgets are
 * reported as "Type<address>" and looked up among @by_address. */
static GPtrArray *
dup_name_parts (GtkWidget  *widget,
                GHashTable *by_address)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  char *label = dup_label (widget);

  if (label != NULL)
    g_ptr_array_add (parts, label);

  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      /* Compared with a list it cannot hold (the widget itself). */
      g_autofree char *related = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                                     widget, NULL);
      g_auto(GStrv) references = g_regex_split_simple ("[ ,]+", related != NULL ? related : "", 0, 0);

      for (guint i = 0; references[i] != NULL; i++)
        {
          const char *address = strchr (references[i], '<');
          g_autofree char *key = NULL;
          GtkWidget *target;

          if (address == NULL)
            continue;
          key = g_strndup (address + 1, strcspn (address + 1, ">"));
          target = g_hash_table_lookup (by_address, key);
          g_assert_nonnull (target);
          label = dup_label (target);
          if (label != NULL)
            g_ptr_array_add (parts, label);
        }
    }

  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_SPIN_BUTTON ||
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_SLIDER)
    {
      char *value = dup_property (widget, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT);

      if (value == NULL)
        value = dup_property (widget, GTK_ACCESSIBLE_PROPERTY_VALUE_NOW);
      if (value != NULL)
        g_ptr_array_add (parts, value);
    }

  return parts;
}

static gboolean
is_named_role (GtkAccessibleRole role)
{
  switch ((int) role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_IMG:
      return TRUE;

    default:
      return FALSE;
    }
}

/* The same words twice: one part repeated, or "A B A B". */
static gboolean
says_twice (GPtrArray  *parts,
            const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint n = g_strv_length (words);

  for (guint i = 0; i < parts->len; i++)
    for (guint j = i + 1; j < parts->len; j++)
      if (g_utf8_collate (parts->pdata[i], parts->pdata[j]) == 0)
        return TRUE;

  if (n >= 2 && n % 2 == 0)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < n / 2 && same; i++)
        same = g_str_equal (words[i], words[i + n / 2]);
      if (same)
        return TRUE;
    }

  return FALSE;
}

static void
check_tree (GtkWidget  *widget,
            GHashTable *by_address,
            const char *where,
            GString    *problems,
            guint      *n_checked)
{
  GtkAccessibleRole role;
  gboolean inside_control;

  if (!gtk_widget_is_drawable (widget))
    return;  /* not shown: not in the tree a screen reader reads */

  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  /* A control inside a control (a button's label, an entry's text) is
   * read as part of it. */
  if (is_named_role (role) &&
      !(role == GTK_ACCESSIBLE_ROLE_TEXT_BOX && GTK_IS_TEXT (widget) &&
        !GTK_IS_TEXT (gtk_widget_get_parent (widget)) &&
        gtk_widget_get_parent (widget) != NULL &&
        is_named_role (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (gtk_widget_get_parent (widget))))) &&
      !(GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))))
    {
      g_autoptr(GPtrArray) parts = dup_name_parts (widget, by_address);
      g_autofree char *name = NULL;

      g_ptr_array_add (parts, NULL);
      name = g_strjoinv (" ", (char **) parts->pdata);
      g_ptr_array_remove_index (parts, parts->len - 1);
      (*n_checked)++;

      if (g_strstrip (g_strdup (name))[0] == '\0')
        g_string_append_printf (problems, "%s: %s in %s has no name\n", where, G_OBJECT_TYPE_NAME (widget),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      else if (strchr (name, '_') != NULL)
        g_string_append_printf (problems, "%s: %s is read \"%s\" (a mnemonic's \"_\")\n",
                                where, G_OBJECT_TYPE_NAME (widget), name);
      else if (says_twice (parts, name))
        g_string_append_printf (problems, "%s: %s is read \"%s\" (twice)\n",
                                where, G_OBJECT_TYPE_NAME (widget), name);
      /* A row of the journal's lists says what it is: "Letter: …", "You
       * say: …"; so does a search result (the entry it opens). */
      else if (role == GTK_ACCESSIBLE_ROLE_LIST_ITEM &&
               (GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget)) ||
                gtk_widget_get_ancestor (widget, ENOUGH_TYPE_SEARCH_VIEW) != NULL) &&
               strstr (name, ": ") == NULL)
        g_string_append_printf (problems, "%s: a row is read \"%s\" (not what it is)\n", where, name);
      /* A chart is described in words. */
      else if (role == GTK_ACCESSIBLE_ROLE_IMG &&
               !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION))
        g_string_append_printf (problems, "%s: %s \"%s\" has no description\n",
                                where, G_OBJECT_TYPE_NAME (widget), name);
      /* A number control says its value as shown. */
      else if (role == GTK_ACCESSIBLE_ROLE_SPIN_BUTTON &&
               !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT))
        g_string_append_printf (problems, "%s: %s \"%s\" does not say its value\n",
                                where, G_OBJECT_TYPE_NAME (widget), name);
      else if (g_test_verbose ())
        g_test_message ("%s: %s \"%s\"", where, G_OBJECT_TYPE_NAME (widget), name);
    }

  /* What is inside a control (a button's icon and label) is read as part
   * of it; a list row's controls are read on their own. */
  inside_control = is_named_role (role) &&
                   role != GTK_ACCESSIBLE_ROLE_LIST_ITEM &&
                   role != GTK_ACCESSIBLE_ROLE_ROW;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* A menu button's popover is read on its own. */
      if (!inside_control || GTK_IS_POPOVER (child))
        check_tree (child, by_address, where, problems, n_checked);
    }
}

static gboolean
any_transition (GtkWidget *widget)
{
  if ((GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget))) ||
      (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget))))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (any_transition (child))
      return TRUE;

  return FALSE;
}

static gboolean
transitions_done (gpointer data)
{
  return !any_transition (data);
}

/* Checks what is shown in @window now, adding what is wrong to @problems. */
static void
check_window (GtkWidget  *window,
              const char *where,
              GString    *problems)
{
  g_autoptr(GHashTable) by_address = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_checked = 0;

  enough_test_drain_main_context ();
  /* A stack or leaflet in the middle of a transition shows two children. */
  g_assert_true (enough_test_wait_until (transitions_done, window, 30));
  collect_widgets (window, by_address);
  check_tree (window, by_address, where, problems, &n_checked);
  g_assert_cmpuint (n_checked, >, 5);
}

/* ---- A journal with something in each page ------------------------------ */

static void
fill_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = enough_store_open (NULL, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);

  g_assert_no_error (error);
  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(EnoughSelfCheck) check = enough_store_create_self_check (store, 1);

      for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
        enough_self_check_set_answer (check, i, 1 + (i + c) % 5);
      enough_self_check_set_current_index (check, ENOUGH_SELF_CHECK_N_ITEMS - 1);
      enough_self_check_set_completed_at (check, enough_store_now (store));
    }
  {
    g_autoptr(EnoughSelfCheck) unfinished = enough_store_create_self_check (store, 1);

    enough_self_check_set_answer (unfinished, 0, 2);
    enough_self_check_set_current_index (unfinished, 1);
  }
  for (guint l = 0; l < 2; l++)
    {
      g_autoptr(EnoughLetter) letter = enough_store_create_letter (store);

      enough_letter_set_not_good_enough (letter, "The dinner was not good enough");
      enough_letter_set_text (letter, "Dear me, you did enough today.");
    }
  for (guint d = 0; d < 2; d++)
    {
      g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (store);

      enough_dialogue_set_title (dialogue, d == 0 ? "Is the report good enough?" : "The talk");
      for (guint t = 0; t < 4; t++)
        g_object_unref (enough_store_add_turn (store, dialogue, -1,
                                               t % 2 == 0 ? ENOUGH_SPEAKER_CRITIC : ENOUGH_SPEAKER_ME,
                                               t % 2 == 0 ? "It is not good enough." : "It is done, and that is enough."));
    }
  g_assert_true (enough_store_close (store, &error));
  g_assert_no_error (error);
}

static gboolean
search_has_results (gpointer data)
{
  return g_list_model_get_n_items (enough_search_view_get_results (data)) > 0;
}

static void
check_every_page (EnoughTestApp *test)
{
  GtkWidget *window = GTK_WIDGET (test->window);
  g_autoptr(GString) problems = g_string_new (NULL);
  EnoughCriticPage *critic;
  EnoughLetterPage *letters;
  EnoughSelfCheckPage *self_check;
  GListModel *history;
  g_autoptr(EnoughSelfCheck) check = NULL;
  EnoughSearchView *search;

  /* The Inner Critic: the list, and a dialogue open with its turns. */
  enough_window_show_page (test->window, "critic");
  critic = ENOUGH_CRITIC_PAGE (enough_window_get_page (test->window, "critic"));
  g_assert_nonnull (enough_critic_page_get_dialogue (critic));
  check_window (window, "Inner Critic", problems);
  {
    GtkWidget *details = enough_test_find_descendant (GTK_WIDGET (critic), GTK_TYPE_MENU_BUTTON,
                                                      "Dialogue Details");
    GtkWidget *turn_menu = enough_test_find_descendant (GTK_WIDGET (critic), GTK_TYPE_MENU_BUTTON,
                                                        "Turn Options");

    g_assert_nonnull (details);
    gtk_menu_button_popup (GTK_MENU_BUTTON (details));
    check_window (window, "Inner Critic, dialogue details", problems);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (details));
    g_assert_nonnull (turn_menu);
    gtk_menu_button_popup (GTK_MENU_BUTTON (turn_menu));
    check_window (window, "Inner Critic, a turn's menu", problems);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (turn_menu));
  }

  /* Letters: the list, and a letter open. */
  enough_window_show_page (test->window, "letters");
  letters = ENOUGH_LETTER_PAGE (enough_window_get_page (test->window, "letters"));
  check_window (window, "Letters", problems);
  {
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (enough_letter_page_get_list_view (letters)));
    g_autoptr(EnoughLetter) letter = g_list_model_get_item (model, 0);

    g_assert_nonnull (letter);
    g_assert_true (enough_letter_page_open_letter (letters, enough_record_get_uuid (ENOUGH_RECORD (letter)), FALSE));
    check_window (window, "Letters, one open", problems);
  }

  /* Self-Check: the list, a check's results, the history chart, a question. */
  enough_window_show_page (test->window, "self-check");
  self_check = ENOUGH_SELF_CHECK_PAGE (enough_window_get_page (test->window, "self-check"));
  check_window (window, "Self-Check", problems);
  history = enough_self_check_page_get_history (self_check);
  g_assert_cmpuint (g_list_model_get_n_items (history), >, 0);
  check = g_list_model_get_item (history, 0);
  enough_self_check_page_show_check (self_check, check);
  check_window (window, "Self-Check results", problems);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self_check), "self-check.show-history", NULL));
  check_window (window, "Self-Check history", problems);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self_check), "self-check.new", NULL));
  g_assert_cmpstr (enough_self_check_page_get_view (self_check), ==, "question");
  check_window (window, "Self-Check question", problems);

  /* Search results. */
  g_assert_true (gtk_widget_activate_action (window, "win.search", NULL));
  search = enough_window_get_search_view (test->window);
  gtk_editable_set_text (GTK_EDITABLE (enough_window_get_search_entry (test->window)), "enough");
  enough_test_wait_for_search (search, "enough");
  g_assert_true (enough_test_wait_until (search_has_results, search, 30));
  check_window (window, "Search", problems);
  /* Each result is named by the entry it opens: its kind and title (the
   * snippet alone does not say which of thousands it is). */
  {
    GListModel *results = enough_search_view_get_results (search);

    for (guint i = 0; i < g_list_model_get_n_items (results); i++)
      {
        g_autoptr(EnoughSearchResult) result = g_list_model_get_item (results, i);
        g_autofree char *name = dup_label (enough_search_view_get_row (search, i));
        const char *title = enough_search_result_get_entry_title (result);
        const char *kind = enough_search_result_get_kind (result) == ENOUGH_RECORD_KIND_LETTER
                           ? "Letter: " : "Dialogue: ";

        g_assert_nonnull (title);
        if (name == NULL || !g_str_has_prefix (name, kind) || strstr (name, title) == NULL)
          g_string_append_printf (problems, "Search: result %u (%s) is read \"%s\"\n",
                                  i, title, name != NULL ? name : "");
      }
  }

  if (problems->len > 0)
    g_error ("Names a screen reader would read wrong:\n%s", problems->str);
}

static void
test_every_page (Fixture       *fixture,
                 gconstpointer  data)
{
  fill_journal ();
  enough_test_run_app (check_every_page, NULL);
}

/* The empty pages of a first launch: the invitations to start. */
static void
check_empty_pages (EnoughTestApp *test)
{
  GtkWidget *window = GTK_WIDGET (test->window);
  g_autoptr(GString) problems = g_string_new (NULL);
  const char *pages[] = { "critic", "letters", "self-check" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      enough_window_show_page (test->window, pages[i]);
      check_window (window, pages[i], problems);
    }

  if (problems->len > 0)
    g_error ("Names a screen reader would read wrong:\n%s", problems->str);
}

static void
test_empty_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_run_app (check_empty_pages, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's own test context keeps the attributes (the tests' "none" keeps
   * none), without talking to any screen reader. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  enough_test_gui_init (&argc, &argv);

  g_test_add ("/accessible-names/every-page", Fixture, NULL,
              enough_test_fixture_setup, test_every_page, enough_test_fixture_teardown);
  g_test_add ("/accessible-names/empty-pages", Fixture, NULL,
              enough_test_fixture_setup, test_empty_pages, enough_test_fixture_teardown);

  return g_test_run ();
}
