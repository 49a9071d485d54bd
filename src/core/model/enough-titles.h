/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A title made from the first words of @text: the first line only when
 * @first_line, else all of it with its whitespace collapsed; at most
 * @max_words words (0 = any) and @max_chars characters, cut between words
 * (between characters in scripts without spaces). A cut title ends in "…"
 * and never in a full stop, comma or space before it ("again.…").
 * NULL when @text has nothing but whitespace. Used for the dialogues'
 * default titles (stored, so exports show them too) and the letters' rows. */
char *enough_title_from_text (const char *text,
                              gboolean    first_line,
                              guint       max_words,
                              guint       max_chars);

G_END_DECLS
