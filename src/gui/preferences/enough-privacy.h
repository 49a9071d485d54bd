/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-application.h"

G_BEGIN_DECLS

/* Preferences → Privacy: turns the passphrase on or off, or changes it.
 * Turning it on or off rewrites the journal while it is closed (off the
 * UI thread), then opens it again in a new window; turning it on shows the
 * recovery key there, once. @done (may be NULL) gets NULL on success or
 * the error, on the UI thread. */
typedef void (*EnoughPrivacyDone) (const GError *error,
                                   gpointer      user_data);

void enough_privacy_protect   (EnoughApplication *app,
                               const char        *passphrase,
                               EnoughPrivacyDone  done,
                               gpointer           user_data);
void enough_privacy_unprotect (EnoughApplication *app,
                               const char        *passphrase,
                               EnoughPrivacyDone  done,
                               gpointer           user_data);
void enough_privacy_change    (EnoughApplication *app,
                               const char        *old_passphrase,
                               const char        *new_passphrase,
                               EnoughPrivacyDone  done,
                               gpointer           user_data);
/* "Unlock automatically on this computer": keeps @passphrase in the
 * keyring once it is checked to open the journal, then turns the setting
 * on; forget turns it off and deletes what is kept. */
void enough_privacy_remember  (EnoughApplication *app,
                               const char        *passphrase,
                               EnoughPrivacyDone  done,
                               gpointer           user_data);
void enough_privacy_forget    (EnoughApplication *app);
/* The recovery key dialog: the key, Save…, and Close only once "I have
 * kept it" is checked. */
GtkWindow *enough_privacy_show_recovery_key (GtkWindow  *parent,
                                             const char *recovery_key);

G_END_DECLS
