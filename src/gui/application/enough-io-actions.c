/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

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

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EnoughWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  if (!enough_export_finish (ENOUGH_STORE (source), result, &n, &error))
    {
      show_error (window, _("Your Journal Could Not Be Exported"), error);
      return;
    }
  text = g_strdup_printf (ngettext ("Exported %u entry", "Exported %u entries", n), n);
  toast (window, text);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    EnoughWindow    *window)
{
  g_autoptr(GFile) file = NULL;
  EnoughExportOptions options = { 0 };
  EnoughStore *store = enough_window_get_store (window);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || store == NULL)
    return;

  {
    g_autofree char *name = g_file_get_basename (file);

    /* The filter chosen decides when the name has no known ending. */
    if (!enough_export_format_for_path (name, &options.format))
      {
        g_autofree char *with_ext = g_strconcat (name, ".json", NULL);
        g_autoptr(GFile) parent = g_file_get_parent (file);

        g_set_object (&file, g_file_get_child (parent, with_ext));
        options.format = ENOUGH_EXPORT_JSON;
      }
  }
  enough_export_async (store, &options, file, NULL, exported_cb, g_object_ref (window));
}

void
enough_io_export (EnoughWindow *window)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) md = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "enough-journal-%Y-%m-%d.json");

  g_return_if_fail (ENOUGH_IS_WINDOW (window));

  chooser = gtk_file_chooser_native_new (_("Export Journal"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (json, _("Everything, to import again (.json)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_set_name (md, _("To read or print (.md)"));
  gtk_file_filter_add_suffix (md, "md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), md);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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
