/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

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

/* The journal is private: the folder is 0700 even if it existed before
 * with looser bits. */
gboolean
enough_paths_ensure_private (const char  *dir,
                             GError     **error)
{
  g_return_val_if_fail (dir != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not create the folder “%s”: %s",
                   dir, g_strerror (saved_errno));
      return FALSE;
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
