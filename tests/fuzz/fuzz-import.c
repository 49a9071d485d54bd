/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include <glib.h>
#include <stdint.h>

#include "enough-import.h"

/* libFuzzer target for the importer's reading and checking (everything an
 * untrusted file reaches before the journal is touched). See docs/reliability.md. */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) split_error = NULL;
  g_autoptr(EnoughImport) import = NULL;
  g_autoptr(EnoughImport) split = NULL;

  _enough_import_set_split_min_bytes (G_MAXSIZE);
  import = enough_import_parse_data ((const char *) data, size, &error);
  /* Exactly one of the two, always. */
  if ((import == NULL) == (error == NULL))
    __builtin_trap ();
  if (error != NULL && (error->domain != ENOUGH_IMPORT_ERROR || error->message == NULL ||
                        !g_utf8_validate (error->message, -1, NULL)))
    __builtin_trap ();

  /* Read by two threads where it can (a line from the middle on that
   * starts an entry): the same verdict, the same message. */
  _enough_import_set_split_min_bytes (1);
  split = enough_import_parse_data ((const char *) data, size, &split_error);
  if ((split == NULL) != (import == NULL))
    __builtin_trap ();
  if (split != NULL && enough_import_get_n_entries (split) != enough_import_get_n_entries (import))
    __builtin_trap ();
  if (error != NULL && (split_error->code != error->code ||
                        g_strcmp0 (split_error->message, error->message) != 0))
    __builtin_trap ();
  return 0;
}
