/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <string.h>

#include "enough-dialogue-row.h"
#include "enough-gui-test-utils.h"
#include "enough-letter-row.h"
#include "enough-store-test-utils.h"
#include "enough-turn-row.h"

/* User text is only ever text: never SQL, never Pango markup, never a
 * format string. Hostile and unusual strings go through the store (saved,
 * reopened, searched) and through the list rows of each page, which must
 * show them literally. */

typedef struct
{
  const char *name;
  char       *text;
  const char *search;  /* a query that must find it, or NULL */
} Hostile;

static Hostile hostile[] = {
  { "markup", NULL, "bold" },
  { "ampersands", NULL, "amp" },
  { "format", NULL, NULL },
  { "sql", NULL, "DROP TABLE" },
  { "fts-syntax", NULL, "NEAR" },
  { "rtl", NULL, NULL },
  { "emoji", NULL, NULL },
  { "controls", NULL, NULL },
  { "megabyte", NULL, "needle-at-the-end" },
};

static void
make_hostile_strings (void)
{
  GString *controls = g_string_new ("Controls: ");
  GString *big = g_string_sized_new (1024 * 1024 + 64);

  hostile[0].text = g_strdup ("<b>bold</b> <span foreground=\"red\">red</span> <i>unclosed <a href='x'>");
  hostile[1].text = g_strdup ("Tom & Jerry &amp; &lt;tag&gt; &#60; & &nbsp; &");
  hostile[2].text = g_strdup ("%s %d %n %1$s %%s %-20s %.*f %p %ls %");
  hostile[3].text = g_strdup ("Robert'); DROP TABLE letter; -- \"; DELETE FROM dialogue; --' OR '1'='1");
  hostile[4].text = g_strdup ("\"unbalanced NEAR(a b) OR NOT * ^col: -minus + {x} [y] (z");
  /* Right-to-left override and marks, Hebrew, Arabic */
  hostile[5].text = g_strdup ("\u202Egnp.exe\u202C \u200F\u05e9\u05dc\u05d5\u05dd \u200E\u0645\u0631\u062d\u0628\u0627 \u2067isolate\u2069");
  hostile[6].text = g_strdup ("🌱 👩🏽‍💻 🏳️‍🌈 🇫🇷 ❤️‍🩹 ǅ ﷽ 𝕳𝖊𝖑𝖑𝖔 Z̸̢̛a̷l̶g̵o̴");
  /* Everything that looks binary but is valid, NUL-free UTF-8: C0 and C1
   * controls, DEL, BOM, non-characters, private use, the replacement
   * character, a lone combining mark. */
  for (gunichar c = 1; c < 0x20; c++)
    g_string_append_unichar (controls, c);
  g_string_append_unichar (controls, 0x7f);
  for (gunichar c = 0x80; c < 0xa0; c++)
    g_string_append_unichar (controls, c);
  g_string_append (controls, "\xef\xbb\xbf \xef\xbf\xbe \xef\xbf\xbf \xee\x80\x80 \xef\xbf\xbd \xcc\x81 \xf4\x8f\xbf\xbf");
  hostile[7].text = g_string_free (controls, FALSE);

  /* 1 MiB, a needle at the very end. */
  while (big->len < 1024 * 1024)
    g_string_append (big, "Nothing I do is ever good enough, and yet here I am. ");
  g_string_append (big, "needle-at-the-end");
  hostile[8].text = g_string_free (big, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_assert_true (g_utf8_validate (hostile[i].text, -1, NULL));
}

/* The first @n characters (all of them if fewer). */
static char *
head_chars (const char *text,
            glong       n)
{
  return g_utf8_substring (text, 0, MIN (n, g_utf8_strlen (text, -1)));
}

/* ---- the store ----------------------------------------------------------- */

static void
test_store_round_trip (StoreFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
      g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (f->store);
      g_autoptr(EnoughTurn) turn = NULL;
      g_autoptr(EnoughSelfCheck) check = enough_store_create_self_check (f->store, 1);
      const char *text = hostile[i].text;

      enough_letter_set_not_good_enough (letter, text);
      enough_letter_set_text (letter, text);
      enough_letter_set_takeaway (letter, text);
      enough_dialogue_set_title (dialogue, text);
      enough_dialogue_set_critic_name (dialogue, text);
      turn = enough_store_add_turn (f->store, dialogue, -1, ENOUGH_SPEAKER_CRITIC, text);
      enough_self_check_set_note (check, text);
      g_ptr_array_add (uuids, g_strdup (enough_record_get_uuid (ENOUGH_RECORD (letter))));
      g_ptr_array_add (uuids, g_strdup (enough_record_get_uuid (ENOUGH_RECORD (dialogue))));
      g_ptr_array_add (uuids, g_strdup (enough_record_get_uuid (ENOUGH_RECORD (check))));
    }
  g_assert_true (enough_store_flush (f->store, &error));
  g_assert_no_error (error);
  fixture_reopen (f);

  /* Nothing was run as SQL: every table is still there, with every row. */
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM letter"), ==, G_N_ELEMENTS (hostile));
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM dialogue"), ==, G_N_ELEMENTS (hostile));
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM turn"), ==, G_N_ELEMENTS (hostile));
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM self_check"), ==, G_N_ELEMENTS (hostile));

  /* Byte for byte, every field. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      const char *text = hostile[i].text;
      g_autoptr(EnoughRecord) letter = enough_store_lookup (f->store, ENOUGH_RECORD_KIND_LETTER,
                                                            g_ptr_array_index (uuids, 3 * i));
      g_autoptr(EnoughRecord) dialogue = enough_store_lookup (f->store, ENOUGH_RECORD_KIND_DIALOGUE,
                                                              g_ptr_array_index (uuids, 3 * i + 1));
      g_autoptr(EnoughRecord) check = enough_store_lookup (f->store, ENOUGH_RECORD_KIND_SELF_CHECK,
                                                           g_ptr_array_index (uuids, 3 * i + 2));
      g_autoptr(EnoughTurn) turn = NULL;

      g_test_message ("%s", hostile[i].name);
      g_assert_nonnull (letter);
      g_assert_nonnull (dialogue);
      g_assert_nonnull (check);
      g_assert_cmpstr (enough_letter_get_not_good_enough (ENOUGH_LETTER (letter)), ==, text);
      g_assert_cmpstr (enough_letter_get_text (ENOUGH_LETTER (letter)), ==, text);
      g_assert_cmpstr (enough_letter_get_takeaway (ENOUGH_LETTER (letter)), ==, text);
      g_assert_cmpstr (enough_dialogue_get_title (ENOUGH_DIALOGUE (dialogue)), ==, text);
      g_assert_cmpstr (enough_dialogue_get_critic_name (ENOUGH_DIALOGUE (dialogue)), ==, text);
      g_assert_cmpuint (g_list_model_get_n_items (enough_dialogue_get_turns (ENOUGH_DIALOGUE (dialogue))), ==, 1);
      turn = g_list_model_get_item (enough_dialogue_get_turns (ENOUGH_DIALOGUE (dialogue)), 0);
      g_assert_cmpstr (enough_turn_get_text (turn), ==, text);
      g_assert_cmpstr (enough_self_check_get_note (ENOUGH_SELF_CHECK (check)), ==, text);
    }

  /* Searching for hostile text is a search, never a query error. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GListModel) results = NULL;
      g_autofree char *head = head_chars (hostile[i].text, 60);
      const char *queries[] = { head, hostile[i].search };

      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          gboolean complete = FALSE;

          if (queries[q] == NULL)
            continue;
          g_clear_object (&results);
          results = enough_store_search (f->store, queries[q], 0, &complete, &error);
          g_assert_no_error (error);
          g_assert_nonnull (results);
        }
      if (hostile[i].search != NULL)
        g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
    }
}

/* ---- the list rows --------------------------------------------------------- */

/* Every label under @root, as shown (markup, if any, already parsed). */
static void
collect_labels (GtkWidget *root,
                GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_ptr_array_add (out, child);
      collect_labels (child, out);
    }
}

/* @row shows @expected literally in one of its labels. */
static void
assert_shows_literally (GtkWidget  *row,
                        const char *expected)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean found = FALSE;

  collect_labels (row, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_text (label), expected) == 0)
        {
          /* The displayed text is the literal text: nothing was parsed. */
          g_assert_false (gtk_label_get_use_markup (label));
          found = TRUE;
        }
    }
  if (!found)
    {
      for (guint i = 0; i < labels->len; i++)
        g_test_message ("label: %s", gtk_label_get_text (g_ptr_array_index (labels, i)));
      g_error ("No label shows “%.60s” literally", expected);
    }
}

static void
test_rows_show_text (StoreFixture  *f,
                     gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      const char *text = hostile[i].text;
      g_autoptr(EnoughLetter) letter = enough_store_create_letter (f->store);
      g_autoptr(EnoughDialogue) dialogue = enough_store_create_dialogue (f->store);
      g_autoptr(EnoughTurn) turn = NULL;
      g_autofree char *title = NULL;
      GtkWidget *letter_row = enough_letter_row_new ();
      GtkWidget *dialogue_row = enough_dialogue_row_new ();
      GtkWidget *turn_row = enough_turn_row_new ();
      /* A chat bubble of 1 MiB is laid out for real only in the big test
       * below; the list rows take the start of it. */
      g_autofree char *turn_text = head_chars (text, 4000);

      g_test_message ("%s", hostile[i].name);
      enough_letter_set_not_good_enough (letter, text);
      enough_dialogue_set_title (dialogue, text);
      enough_dialogue_set_critic_name (dialogue, text);
      turn = enough_store_add_turn (f->store, dialogue, -1, ENOUGH_SPEAKER_CRITIC, turn_text);

      enough_letter_row_set_letter (ENOUGH_LETTER_ROW (letter_row), letter);
      enough_dialogue_row_set_dialogue (ENOUGH_DIALOGUE_ROW (dialogue_row), dialogue);
      enough_turn_row_set_turn (ENOUGH_TURN_ROW (turn_row), turn);
      enough_turn_row_set_critic_name (ENOUGH_TURN_ROW (turn_row), text);
      gtk_box_append (GTK_BOX (box), letter_row);
      gtk_box_append (GTK_BOX (box), dialogue_row);
      gtk_box_append (GTK_BOX (box), turn_row);

      /* Letters: the first words of step 1, literally. */
      title = enough_letter_row_dup_title (letter);
      g_assert_nonnull (title);
      assert_shows_literally (letter_row, title);
      /* Dialogues: the title as typed. */
      assert_shows_literally (dialogue_row, enough_dialogue_row_get_title (ENOUGH_DIALOGUE_ROW (dialogue_row)));
      g_assert_cmpstr (enough_dialogue_row_get_title (ENOUGH_DIALOGUE_ROW (dialogue_row)), ==, text);
      /* Turns: the text, and the critic's name as its speaker. */
      assert_shows_literally (turn_row, turn_text);
      assert_shows_literally (turn_row, text);
    }

  /* The markup test, spelled out: the tags are on screen as characters. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    guint n_tags = 0;

    collect_labels (box, labels);
    for (guint i = 0; i < labels->len; i++)
      if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), "<b>bold</b>") != NULL)
        n_tags++;
    g_assert_cmpuint (n_tags, >=, 3);
  }

  /* Laid out and drawn for real: Pango sees all of it (a markup error
   * would be a warning, and warnings are fatal here). */
  gtk_window_present (GTK_WINDOW (window));
  enough_test_drain_main_context ();
  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
  enough_test_drain_main_context ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  enough_test_gui_init (&argc, &argv);
  make_hostile_strings ();

  g_test_add ("/escaping/store/round-trip", StoreFixture, NULL,
              fixture_setup, test_store_round_trip, fixture_teardown);
  g_test_add ("/escaping/rows/literal-text", StoreFixture, NULL,
              fixture_setup, test_rows_show_text, fixture_teardown);

  status = g_test_run ();
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_free (hostile[i].text);
  return status;
}
