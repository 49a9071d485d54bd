/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-entry-kind.h"

const char *
enough_entry_kind_name (EnoughRecordKind kind)
{
  /* Translators: the kind of an entry, named beside it (Recently Deleted,
   * the entry chosen in the Export dialog) */
  switch (kind)
    {
    case ENOUGH_RECORD_KIND_DIALOGUE:
      return _("Inner Critic dialogue");
    case ENOUGH_RECORD_KIND_LETTER:
      return _("Letter");
    case ENOUGH_RECORD_KIND_SELF_CHECK:
      return _("Self-Check");
    case ENOUGH_RECORD_KIND_EXPERIMENT:
      return _("Experiment");
    case ENOUGH_RECORD_KIND_CHECKIN:
      return _("Check-in");
    case ENOUGH_RECORD_KIND_TURN:
    default:
      g_return_val_if_reached ("");
    }
}
