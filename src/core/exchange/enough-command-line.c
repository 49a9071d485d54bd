/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-command-line.h"
#include "enough-dates.h"
#include "enough-export.h"
#include "enough-import.h"
#include "enough-store.h"

#define EXIT_USAGE 2

void
enough_command_line_add_options (GApplication *app)
{
  static const GOptionEntry entries[] = {
    { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Export the journal to FILE (.json to keep everything, .md to read) and quit"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export: only entries from this day on (YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export: only entries up to this day, included (YYYY-MM-DD)"), N_("DATE") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Import a JSON export into the journal and quit; entries already there are skipped"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (app, entries);
}

/* Another Enough is running on this session bus (same application id)? It
 * keeps its own record ids in memory, so writing behind its back is not
 * safe; reading is. */
static gboolean
primary_is_running (GApplication *app)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    return FALSE;
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", g_application_get_application_id (app)),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 2000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

static int
fail (const char *message)
{
  /* Translators: an error on the command line; %s says what went wrong */
  g_printerr (_("enough: %s\n"), message);
  return EXIT_FAILURE;
}

static int
run_export (const char *path,
            const char *from,
            const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *db_path = enough_store_get_default_path ();
  g_autofree char *shown = g_file_get_parse_name (file);
  EnoughExportOptions options = { 0 };
  guint n = 0;

  if (!enough_export_format_for_path (path, &options.format))
    {
      g_printerr (_("enough: “%s”: use a file name ending in .json (everything, for import) or .md (to read)\n"), path);
      return EXIT_USAGE;
    }
  if ((from != NULL && !enough_dates_parse_day (from, FALSE, &options.from_usec, &error)) ||
      (to != NULL && !enough_dates_parse_day (to, TRUE, &options.to_usec, &error)))
    {
      fail (error->message);
      return EXIT_USAGE;
    }

  /* Straight from the file, read-only: safe even while the app runs. */
  if (!enough_export_to_file (db_path, &options, file, &n, NULL, &error))
    return fail (error->message);

  g_print (ngettext ("Exported %u entry to %s\n", "Exported %u entries to %s\n", n), n, shown);
  return EXIT_SUCCESS;
}

static int
run_import (GApplication *app,
            const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *shown = g_file_get_parse_name (file);
  g_autoptr(EnoughStore) store = NULL;
  guint added = 0, skipped = 0;
  gboolean ok;

  if (primary_is_running (app))
    return fail (_("Enough is open. Close it first, or use Import… in its menu."));

  store = enough_store_open (NULL, ENOUGH_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fail (error->message);

  ok = enough_import_file (store, file, &added, &skipped, &error);
  if (!enough_store_close (store, ok ? &error : NULL))
    ok = FALSE;
  if (!ok)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", shown, error->message);
      return fail (message);
    }

  if (skipped > 0)
    /* Translators: the second number is entries already in the journal */
    g_print (ngettext ("Imported %u new entry from %s (%u already in your journal)\n",
                       "Imported %u new entries from %s (%u already in your journal)\n", added),
             added, shown, skipped);
  else
    g_print (ngettext ("Imported %u entry from %s\n", "Imported %u entries from %s\n", added),
             added, shown);
  return EXIT_SUCCESS;
}

int
enough_command_line_run (GApplication *app,
                         GVariantDict *options)
{
  const char *export_path = NULL, *import_path = NULL, *from = NULL, *to = NULL;

  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "import", "^&ay", &import_path);
  g_variant_dict_lookup (options, "from", "&s", &from);
  g_variant_dict_lookup (options, "to", "&s", &to);

  if (export_path == NULL && import_path == NULL)
    {
      if (from != NULL || to != NULL)
        {
          fail (_("--from and --to go with --export"));
          return EXIT_USAGE;
        }
      return -1;
    }
  if (export_path != NULL && import_path != NULL)
    {
      fail (_("use --export or --import, not both"));
      return EXIT_USAGE;
    }

  return export_path != NULL ? run_export (export_path, from, to)
                             : run_import (app, import_path);
}
