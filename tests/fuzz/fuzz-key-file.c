/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "enough-crypt-key.h"

/* libFuzzer target for the key file's parser (the one part of encryption
 * that reads a file an attacker may have written). See docs/reliability.md. */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  EnoughKeyFile kf;
  gboolean ok = enough_key_file_parse (data, size, &kf, &error);

  /* Exactly one of the two, always; an accepted file is within bounds. */
  if (ok == (error != NULL))
    __builtin_trap ();
  if (error != NULL && (error->domain != ENOUGH_CRYPT_ERROR || error->message == NULL ||
                        !g_utf8_validate (error->message, -1, NULL)))
    __builtin_trap ();
  if (ok && (size != ENOUGH_CRYPT_KEY_FILE_SIZE || kf.t_cost < 1 || kf.t_cost > 64 ||
             kf.parallelism < 1 || kf.parallelism > 8 ||
             kf.m_cost_kib < 8 * kf.parallelism || kf.m_cost_kib > 1024 * 1024 ||
             memcmp (kf.file_id, data + 56, 16) != 0))
    __builtin_trap ();
  return 0;
}
