/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "enough-paths.h"

/* Where the journal lives: $XDG_DATA_HOME/enough, or $ENOUGH_DATA_DIR
 * when set, so tests and benchmarks can point at a private folder. */
char *
enough_paths_get_data_dir (void)
{
  const char *override = g_getenv ("ENOUGH_DATA_DIR");

  if (override != NULL && override[0] != '\0')
    return g_strdup (override);

  return g_build_filename (g_get_user_data_dir (), "enough", NULL);
}

void
enough_paths_sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/* The journal is private: the folder is 0700 even if it existed before
 * with looser bits. A folder made here has its name synced into its
 * parent: SQLite syncs the journal's own folder, never the ones above, so
 * otherwise a power cut could take a new folder with everything saved in
 * it. */
gboolean
enough_paths_ensure_private (const char  *dir,
                             GError     **error)
{
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *missing = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);

  missing = g_strdup (dir);
  while (!g_file_test (missing, G_FILE_TEST_EXISTS))
    {
      char *parent = g_path_get_dirname (missing);

      if (strcmp (parent, missing) == 0)
        {
          g_free (parent);
          break;
        }
      g_ptr_array_add (made, g_steal_pointer (&missing));
      missing = parent;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not create the folder “%s”: %s",
                   dir, g_strerror (saved_errno));
      return FALSE;
    }
  /* Each new folder's name is in the folder above it. */
  for (guint i = 0; i < made->len; i++)
    {
      g_autofree char *parent = g_path_get_dirname (g_ptr_array_index (made, i));

      enough_paths_sync_folder (parent);
    }

  if (g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not make the folder “%s” private: %s",
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
