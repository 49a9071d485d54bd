/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

/* The name in the chooser carries the chosen format's ending while the
 * chooser is open: then its own overwrite question (and, in a sandbox, the
 * portal's grant) is about the very file that is written. */
char *
_enough_io_export_name_for_format (const char         *name,
                                   EnoughExportFormat  format)
{
  const char *ext = format == ENOUGH_EXPORT_MARKDOWN ? ".md" : ".json";
  EnoughExportFormat known;
  g_autofree char *stem = g_strdup (name != NULL ? name : "");

  if (enough_export_format_for_path (stem, &known))
    *strrchr (stem, '.') = '\0';
  return g_strconcat (stem, ext, NULL);
}

/* The format of the file the chooser returned, which is written as it is
 * (nothing appended afterwards): its ending if it has a known one, else
 * the filter chosen. */
EnoughExportFormat
_enough_io_export_format_for (GFile   *file,
                              gboolean markdown_filter)
{
  g_autofree char *name = g_file_get_basename (file);
  EnoughExportFormat format;

  if (name != NULL && enough_export_format_for_path (name, &format))
    return format;
  return markdown_filter ? ENOUGH_EXPORT_MARKDOWN : ENOUGH_EXPORT_JSON;
}

static gboolean
is_markdown_filter (GtkFileChooser *chooser)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);

  return filter != NULL && g_object_get_data (G_OBJECT (filter), "enough-markdown") != NULL;
}

static void
export_filter_changed_cb (GtkFileChooser *chooser,
                          GParamSpec     *pspec,
                          gpointer        user_data)
{
  g_autofree char *current = gtk_file_chooser_get_current_name (chooser);
  g_autofree char *renamed = NULL;

  if (current == NULL || current[0] == '\0')
    return;
  renamed = _enough_io_export_name_for_format (current, is_markdown_filter (chooser)
                                                        ? ENOUGH_EXPORT_MARKDOWN
                                                        : ENOUGH_EXPORT_JSON);
  if (!g_str_equal (renamed, current))
    gtk_file_chooser_set_current_name (chooser, renamed);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    EnoughWindow    *window)
{
  g_autoptr(GFile) file = NULL;
  EnoughExportOptions options = { 0 };
  EnoughStore *store = enough_window_get_store (window);
  gboolean markdown = is_markdown_filter (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || store == NULL)
    return;

  options.format = _enough_io_export_format_for (file, markdown);
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
  g_object_set_data (G_OBJECT (md), "enough-markdown", GINT_TO_POINTER (TRUE));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), md);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "notify::filter", G_CALLBACK (export_filter_changed_cb), NULL);
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
