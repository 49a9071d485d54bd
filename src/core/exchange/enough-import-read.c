/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-import.h"
#include "enough-import-read.h"

#define CHUNK_BYTES (1024 * 1024)

static EnoughImportReadHook read_hook;
static gpointer read_hook_data;

void
_enough_import_set_read_hook (EnoughImportReadHook hook,
                              gpointer             data)
{
  read_hook = hook;
  read_hook_data = data;
}

static void
set_changed_error (GError **error)
{
  g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_INVALID,
               /* Translators: %s is "document" (where the error is, as
                * in the other import errors). */
               _("%s: the file changed while it was being read; please try again when it is complete"),
               _("document"));
}

gboolean
_enough_import_read_file (GFile         *file,
                          gint64         max_bytes,
                          GCancellable  *cancellable,
                          char         **out_contents,
                          gsize         *out_length,
                          GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *buffer = NULL;
  gint64 expected;
  gsize length = 0;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  /* The size of what was opened, not of what the name points at later. */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, error);
  if (info == NULL)
    return FALSE;
  expected = g_file_info_get_size (info);
  if (expected < 0 || expected > max_bytes)
    {
      g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: %s is "document" (where the error is, as
                    * in the other import errors), %u a size in megabytes. */
                   _("%s: the file is larger than %u MB"), _("document"),
                   (guint) (max_bytes / (1024 * 1024)));
      return FALSE;
    }

  /* One byte more than expected, so growth shows too. */
  buffer = g_malloc ((gsize) expected + 2);
  for (;;)
    {
      gsize want = MIN ((gsize) CHUNK_BYTES, (gsize) expected + 1 - length);
      gsize got = 0;

      if (want == 0)
        break;
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer + length, want, &got,
                                    cancellable, error))
        return FALSE;
      length += got;
      if (read_hook != NULL)
        read_hook (read_hook_data);
      if (got < want)
        break;
    }
  if (length != (gsize) expected)
    {
      set_changed_error (error);
      return FALSE;
    }
  buffer[length] = '\0';
  *out_contents = g_steal_pointer (&buffer);
  *out_length = length;
  return TRUE;
}
