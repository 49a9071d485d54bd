/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "enough-titles.h"

/* The default titles: the dialogues' (stored, so exported too) and the
 * letters' rows. */

static void
check (const char *text,
       gboolean    first_line,
       guint       max_words,
       guint       max_chars,
       const char *expected)
{
  g_autofree char *title = enough_title_from_text (text, first_line, max_words, max_chars);

  g_assert_cmpstr (title, ==, expected);
}

static void
test_titles (void)
{
  /* Short: as it is, no ellipsis. */
  check ("I failed again.", TRUE, 6, 48, "I failed again.");
  check ("  Nothing I do\n is ever good enough", TRUE, 6, 48, "Nothing I do");
  check ("Nothing I do\n is ever good enough", FALSE, 6, 48, "Nothing I do is ever good…");
  /* Cut after a full stop, a comma, a dash: never ".…" (the issue's
   * "…again.…"). */
  check ("You failed again. You always do this and everyone sees it", TRUE, 3, 48, "You failed again…");
  check ("Well, honestly, you should have known better by now", TRUE, 2, 48, "Well, honestly…");
  check ("So – there it is, again and again and again", TRUE, 2, 48, "So…");
  check ("again. and more words here", TRUE, 0, 6, "again…");
  /* Cut by characters where there are no spaces, and no 。 before the …. */
  check ("また失敗した。いつもそうだ。みんな見ている。", TRUE, 6, 7, "また失敗した…");
  check ("また失敗した。いつもそうだ。", TRUE, 6, 3, "また失…");
  /* Nothing to make a title from. */
  check ("", TRUE, 6, 48, NULL);
  check (" \n\t ", FALSE, 0, 48, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/titles/from-text", test_titles);

  return g_test_run ();
}
