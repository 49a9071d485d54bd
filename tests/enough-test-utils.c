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

static gboolean
wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
enough_test_wait_until (EnoughTestCondition condition,
                        gpointer            data,
                        guint               timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;
  /* The deadline is seen even when nothing else wakes the loop. */
  guint guard = g_timeout_add (10, wake_up, NULL);
  gboolean done;

  while (!(done = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);

  return done;
}

typedef struct
{
  guint *counter;
  guint  target;
} CountWait;

static gboolean
count_reached (gpointer data)
{
  CountWait *wait = data;

  return *wait->counter >= wait->target;
}

void
enough_test_wait_for_count (guint *counter,
                            guint  target,
                            guint  timeout_s)
{
  CountWait wait = { counter, target };

  enough_test_wait_until (count_reached, &wait, timeout_s);
  g_assert_cmpuint (*counter, >=, target);
}

gint64
enough_test_fake_clock (gpointer now_usec)
{
  return *(const gint64 *) now_usec;
}
