/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <adwaita.h>

#include "enough-types.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_COMPOSER (enough_composer_get_type ())

G_DECLARE_FINAL_TYPE (EnoughComposer, enough_composer, ENOUGH, COMPOSER, GtkWidget)

/* The bottom of a dialogue: who speaks (Critic / Me), what they say, Send.
 * Enter sends, Shift+Enter starts a new line. ::send (speaker, text) is
 * emitted with the text stripped of surrounding blank space; the field is
 * cleared afterwards. Properties: speaker, text (the unsent draft). */
EnoughSpeaker enough_composer_get_speaker (EnoughComposer *self);
void          enough_composer_set_speaker (EnoughComposer *self,
                                           EnoughSpeaker   speaker);
char         *enough_composer_dup_text    (EnoughComposer *self);
void          enough_composer_set_text    (EnoughComposer *self,
                                           const char     *text);
void          enough_composer_focus_text  (EnoughComposer *self);
GtkTextView  *enough_composer_get_text_view (EnoughComposer *self);

G_END_DECLS
