/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

/* Header-only helpers of the encryption tests: known words (Latin, CJK,
 * Korean) and a search for them, in clear, in every file of a folder. */

#define _GNU_SOURCE  /* memmem */
#include <glib.h>
#include <string.h>

G_GNUC_UNUSED static const char *const words[] = {
  "Marmalade-Harbour", "whisperingly", "ペンギン日記", "내면의비평가", "批评者的声音",
};

static inline gboolean
contains (const char *haystack,
          gsize       len,
          const char *needle,
          gsize       needle_len)
{
  return memmem (haystack, len, needle, needle_len) != NULL;
}

/* Every word, in UTF-8 and UTF-16 (both orders), in no file under @dir. */
G_GNUC_UNUSED static void
assert_no_plaintext (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          assert_no_plaintext (path);
          continue;
        }
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        {
          glong n16 = 0;
          g_autofree gunichar2 *le = g_utf8_to_utf16 (words[w], -1, NULL, &n16, NULL);
          g_autofree gunichar2 *be = g_memdup2 (le, n16 * 2);

          for (glong i = 0; i < n16; i++)
            be[i] = GUINT16_SWAP_LE_BE (be[i]);
          if (contains (contents, len, words[w], strlen (words[w])) ||
              contains (contents, len, (const char *) le, n16 * 2) ||
              contains (contents, len, (const char *) be, n16 * 2))
            g_error ("“%s” found in clear in %s", words[w], path);
        }
    }
}

