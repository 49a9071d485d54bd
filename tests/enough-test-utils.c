/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "enough-test-utils.h"

/* A fresh private data dir per test, exported through ENOUGH_DATA_DIR so
 * everything the code under test opens lands there. */
char *
enough_test_make_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("enough-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("ENOUGH_DATA_DIR", path, TRUE);

  return path;
}

static void
remove_recursively (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_recursively (child);
          g_object_unref (info);
        }
    }

  g_file_delete (file, NULL, NULL);
}

void
enough_test_remove_data_dir (const char *path)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return;

  file = g_file_new_for_path (path);
  remove_recursively (file);
  g_unsetenv ("ENOUGH_DATA_DIR");
}
