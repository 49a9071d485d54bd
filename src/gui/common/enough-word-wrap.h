/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Korean is written with spaces between words, but Pango (following the
 * Unicode line breaking rules) may break a line between any two Hangul
 * syllables, cutting words in two ("그 / 대로"). These keep each word of
 * Korean text on one line, so lines break at the spaces as they do in
 * Korean typesetting; a run too long to be a word (more than
 * ENOUGH_WORD_WRAP_MAX_CHARS characters) may still break anywhere, as
 * PANGO_WRAP_WORD_CHAR does. */
#define ENOUGH_WORD_WRAP_MAX_CHARS 12

/* Adds to @attrs (whose indexes are bytes of @text) what keeps @text's
 * Korean words whole. */
void enough_word_wrap_add_attributes (PangoAttrList *attrs,
                                      const char    *text);
/* Keeps @label's Korean words whole, now and whenever its text changes
 * (its other attributes stay). Once per label is enough. */
void enough_word_wrap_label          (GtkLabel      *label);
/* enough_word_wrap_label() on every wrapping label under @root. */
void enough_word_wrap_descendants    (GtkWidget     *root);

G_END_DECLS
