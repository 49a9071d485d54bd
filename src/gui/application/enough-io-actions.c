/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enough-export-dialog.h"
#include "enough-export.h"
#include "enough-import.h"
#include "enough-io-actions.h"

static void
show_error (EnoughWindow *window,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (EnoughWindow *window,
       const char   *text)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-toast", "s", text);
}

/* Export…: the dialog of its own (what, which kinds, the format), then its
 * file chooser and the export with progress. */
void
enough_io_export (EnoughWindow *window)
{
  g_return_if_fail (ENOUGH_IS_WINDOW (window));

  enough_io_share (window, NULL);
}

void
enough_io_share (EnoughWindow *window,
                 EnoughRecord *record)
{
  EnoughStore *store = enough_window_get_store (window);
  EnoughExportDialog *dialog;

  g_return_if_fail (ENOUGH_IS_WINDOW (window));

  if (store == NULL)
    return;
  dialog = enough_export_dialog_new (GTK_WINDOW (window), store);
  enough_export_dialog_set_journal_encrypted (dialog, enough_store_get_encrypted (store));
  if (record != NULL)
    enough_export_dialog_choose_entry (dialog, record);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EnoughWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint added = 0, skipped = 0;

  if (!enough_import_file_finish (ENOUGH_STORE (source), result, &added, &skipped, &error))
    {
      /* Nothing was changed; the message names the first problem. */
      show_error (window, _("Nothing Was Imported"), error);
      return;
    }
  if (added == 0 && skipped > 0)
    text = g_strdup (_("Everything in this file is already in your journal"));
  else
    text = g_strdup_printf (ngettext ("Imported %u entry", "Imported %u entries", added), added);
  toast (window, text);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    EnoughWindow    *window)
{
  g_autoptr(GFile) file = NULL;
  EnoughStore *store = enough_window_get_store (window);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || store == NULL)
    return;
  enough_import_file_async (store, file, NULL, imported_cb, g_object_ref (window));
}

void
enough_io_import (EnoughWindow *window)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  g_return_if_fail (ENOUGH_IS_WINDOW (window));

  chooser = gtk_file_chooser_native_new (_("Import Journal"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (json, _("Enough exports (.json)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
