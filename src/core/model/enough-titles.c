/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <string.h>

#include "enough-titles.h"

/* Punctuation that reads wrong before an ellipsis ("again.…", "so,…"),
 * in the scripts the app is translated to. */
static gboolean
drops_before_ellipsis (gunichar c)
{
  if (g_unichar_isspace (c))
    return TRUE;
  switch (c)
    {
    case '.': case ',': case ';': case ':': case '-':
    case 0x2026:  /* … */
    case 0x3002:  /* 。 */
    case 0x3001:  /* 、 */
    case 0xFF0C:  /* ， */
    case 0xFF0E:  /* ． */
    case 0xFF1B:  /* ； */
    case 0xFF1A:  /* ： */
    case 0x2013:  /* – */
    case 0x2014:  /* — */
      return TRUE;
    default:
      return FALSE;
    }
}

static void
append_ellipsis (GString *title)
{
  while (title->len > 0)
    {
      const char *last = g_utf8_find_prev_char (title->str, title->str + title->len);

      if (last == NULL || !drops_before_ellipsis (g_utf8_get_char (last)))
        break;
      g_string_truncate (title, last - title->str);
    }
  g_string_append (title, "…");
}

char *
enough_title_from_text (const char *text,
                        gboolean    first_line,
                        guint       max_words,
                        guint       max_chars)
{
  g_autoptr(GString) title = g_string_new (NULL);
  const char *end;
  const char *p;
  gboolean space = FALSE;
  gboolean cut = FALSE;
  guint n_chars = 0;
  guint n_words = 0;
  gsize last_break = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (max_chars > 0, NULL);

  p = text;
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  end = first_line && strchr (p, '\n') != NULL ? strchr (p, '\n') : p + strlen (p);

  for (; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (title->len == 0)
        n_words = 1;
      else if (space)
        {
          if (max_words > 0 && n_words == max_words)
            {
              cut = TRUE;
              break;
            }
          last_break = title->len;
          g_string_append_c (title, ' ');
          n_chars++;
          n_words++;
        }
      space = FALSE;

      if (n_chars >= max_chars)
        {
          /* At the last space when there is one (not in CJK text). */
          if (last_break > 0)
            g_string_truncate (title, last_break);
          cut = TRUE;
          break;
        }

      g_string_append_unichar (title, c);
      n_chars++;
    }

  if (title->len == 0)
    return NULL;
  if (cut)
    append_ellipsis (title);

  return g_string_free (g_steal_pointer (&title), FALSE);
}
