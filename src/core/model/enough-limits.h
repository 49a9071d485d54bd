/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

/* How long a text may be, in bytes of UTF-8: one rule for what can be
 * typed (src/gui/common/enough-text-limit.h) and what an import accepts,
 * so that every export of the journal can be imported again. */

/* A letter's parts, a turn, a note, the sentence to carry */
#define ENOUGH_TEXT_MAX_BYTES        (1024 * 1024)
/* A dialogue's title, the critic's name */
#define ENOUGH_SHORT_TEXT_MAX_BYTES  4096
