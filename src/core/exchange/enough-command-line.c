/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "enough-command-line.h"
#include "enough-crypt-vfs.h"
#include "enough-dates.h"
#include "enough-export.h"
#include "enough-import.h"
#include "enough-store.h"

#define EXIT_USAGE 2
/* Longer than any passphrase anyone types; a bigger file is a mistake. */
#define MAX_PASSPHRASE 1024

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
    { "encrypt", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Encrypt the journal and its backups with a passphrase, show the recovery key and quit"), NULL },
    { "decrypt", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Turn the journal’s encryption off (asks for the passphrase) and quit"), NULL },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Read the passphrase from FILE instead of asking on the terminal (for scripts)"), N_("FILE") },
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

/* ---- Passphrases --------------------------------------------------------- */

static void
passphrase_free (char *passphrase)
{
  if (passphrase != NULL)
    {
      explicit_bzero (passphrase, strlen (passphrase));
      g_free (passphrase);
    }
}
typedef char Passphrase;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Passphrase, passphrase_free)

/* The first line of @path (at most MAX_PASSPHRASE bytes). */
static char *
passphrase_from_file (const char  *path,
                      GError     **error)
{
  char buf[MAX_PASSPHRASE + 2];
  gssize n;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  char *passphrase;

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("The passphrase file “%s” could not be read: %s"), path, g_strerror (saved));
      return NULL;
    }
  n = read (fd, buf, sizeof buf - 1);
  close (fd);
  if (n < 0 || n > MAX_PASSPHRASE)
    {
      explicit_bzero (buf, sizeof buf);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("The passphrase file “%s” is not a passphrase (too long, or unreadable)."), path);
      return NULL;
    }
  buf[n] = '\0';
  buf[strcspn (buf, "\r\n")] = '\0';
  passphrase = g_strdup (buf);
  explicit_bzero (buf, sizeof buf);
  if (*passphrase == '\0' || !g_utf8_validate (passphrase, -1, NULL))
    {
      passphrase_free (passphrase);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("The passphrase file “%s” is empty or not text."), path);
      return NULL;
    }
  return passphrase;
}

/* Asks on the terminal, without echo. */
static char *
passphrase_from_terminal (const char  *prompt,
                          GError     **error)
{
  char buf[MAX_PASSPHRASE + 2];
  struct termios old, quiet;
  FILE *tty = fopen ("/dev/tty", "r+e");
  gboolean got;
  char *passphrase;

  if (tty == NULL || tcgetattr (fileno (tty), &old) != 0)
    {
      if (tty != NULL)
        fclose (tty);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("There is no terminal to ask for the passphrase on; use --passphrase-file FILE."));
      return NULL;
    }
  quiet = old;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  quiet.c_lflag |= ECHONL;
  fputs (prompt, tty);
  fflush (tty);
  tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
  got = fgets (buf, sizeof buf, tty) != NULL;
  tcsetattr (fileno (tty), TCSAFLUSH, &old);
  fclose (tty);
  if (!got)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No passphrase was given."));
      return NULL;
    }
  buf[strcspn (buf, "\r\n")] = '\0';
  passphrase = g_strdup (buf);
  explicit_bzero (buf, sizeof buf);
  if (*passphrase == '\0')
    {
      passphrase_free (passphrase);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No passphrase was given."));
      return NULL;
    }
  return passphrase;
}

/* From --passphrase-file, or the terminal (@confirm: typed twice). */
static char *
get_passphrase (const char  *file,
                gboolean     confirm,
                GError     **error)
{
  g_autoptr(Passphrase) first = NULL;
  g_autoptr(Passphrase) second = NULL;

  if (file != NULL)
    return passphrase_from_file (file, error);
  first = passphrase_from_terminal (confirm ? _("New passphrase: ") : _("Passphrase: "), error);
  if (first == NULL || !confirm)
    return g_steal_pointer (&first);
  second = passphrase_from_terminal (_("The same passphrase again: "), error);
  if (second == NULL)
    return NULL;
  if (strcmp (first, second) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The two passphrases differ; nothing was changed."));
      return NULL;
    }
  return g_steal_pointer (&first);
}

/* For an encrypted journal: its key, unlocked and put in the keyring so
 * export and import read through it. NULL with no error for a plain one. */
static EnoughCryptKey *
unlock_if_encrypted (const char  *db_path,
                     const char  *passphrase_file,
                     GError     **error)
{
  g_autoptr(Passphrase) passphrase = NULL;
  EnoughCryptKey *key;

  if (!enough_store_is_encrypted (db_path))
    return NULL;
  passphrase = get_passphrase (passphrase_file, FALSE, error);
  if (passphrase == NULL)
    return NULL;
  key = enough_store_unlock (db_path, passphrase, error);
  if (key != NULL)
    enough_crypt_keyring_add (db_path, key);
  return key;
}

static void
lock_again (const char     *db_path,
            EnoughCryptKey *key)
{
  if (key != NULL)
    {
      enough_crypt_keyring_remove (db_path);
      enough_crypt_key_unref (key);
    }
}

static int
run_export (const char *path,
            const char *from,
            const char *to,
            const char *passphrase_file)
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

  {
    EnoughCryptKey *key = unlock_if_encrypted (db_path, passphrase_file, &error);
    gboolean ok;

    if (error != NULL)
      return fail (error->message);
    /* Straight from the file, read-only: safe even while the app runs. */
    ok = enough_export_to_file (db_path, &options, file, &n, NULL, &error);
    lock_again (db_path, key);
    if (!ok)
      return fail (error->message);
  }

  g_print (ngettext ("Exported %u entry to %s\n", "Exported %u entries to %s\n", n), n, shown);
  return EXIT_SUCCESS;
}

static int
run_import (GApplication *app,
            const char   *path,
            const char   *passphrase_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *shown = g_file_get_parse_name (file);
  g_autoptr(EnoughStore) store = NULL;
  guint added = 0, skipped = 0;
  gboolean ok;

  if (primary_is_running (app))
    return fail (_("Enough is open. Close it first, or use Import… in its menu."));

  {
    g_autofree char *db_path = enough_store_get_default_path ();
    EnoughCryptKey *key = unlock_if_encrypted (db_path, passphrase_file, &error);

    if (error != NULL)
      return fail (error->message);
    store = key != NULL ? enough_store_open_with_key (db_path, key, ENOUGH_STORE_OPEN_DEFAULT, &error)
                        : enough_store_open (db_path, ENOUGH_STORE_OPEN_DEFAULT, &error);
    lock_again (db_path, key);
    if (store == NULL)
      return fail (error->message);
  }

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

static int
run_encrypt (GApplication *app,
             gboolean      on,
             const char   *passphrase_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Passphrase) passphrase = NULL;
  g_autofree char *db_path = enough_store_get_default_path ();
  g_autofree char *recovery = NULL;

  if (primary_is_running (app))
    return fail (_("Enough is open. Close it first."));
  if (on == enough_store_is_encrypted (db_path))
    return fail (on ? _("The journal is already encrypted.") : _("The journal is not encrypted."));

  passphrase = get_passphrase (passphrase_file, on && passphrase_file == NULL, &error);
  if (passphrase == NULL)
    return fail (error->message);
  if (!on)
    {
      if (!enough_store_decrypt (db_path, passphrase, &error))
        return fail (error->message);
      g_print (_("The journal and its backups are no longer encrypted.\n"));
      return EXIT_SUCCESS;
    }

  if (!enough_store_encrypt (db_path, passphrase, &recovery, &error))
    return fail (error->message);
  g_print (_("The journal and its backups are now encrypted.\n"
             "Recovery key: %s\n"
             "Keep it somewhere safe, apart from the computer: without the passphrase and this key, "
             "nobody can open the journal, not even us.\n"), recovery);
  explicit_bzero (recovery, strlen (recovery));
  return EXIT_SUCCESS;
}

int
enough_command_line_run (GApplication *app,
                         GVariantDict *options)
{
  const char *export_path = NULL, *import_path = NULL, *from = NULL, *to = NULL;
  const char *passphrase_file = NULL;
  gboolean encrypt = FALSE, decrypt = FALSE;

  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "import", "^&ay", &import_path);
  g_variant_dict_lookup (options, "from", "&s", &from);
  g_variant_dict_lookup (options, "to", "&s", &to);
  g_variant_dict_lookup (options, "encrypt", "b", &encrypt);
  g_variant_dict_lookup (options, "decrypt", "b", &decrypt);
  g_variant_dict_lookup (options, "passphrase-file", "^&ay", &passphrase_file);

  if (export_path == NULL && import_path == NULL && !encrypt && !decrypt)
    {
      if (from != NULL || to != NULL)
        {
          fail (_("--from and --to go with --export"));
          return EXIT_USAGE;
        }
      if (passphrase_file != NULL)
        {
          fail (_("--passphrase-file goes with --export, --import, --encrypt or --decrypt"));
          return EXIT_USAGE;
        }
      return -1;
    }
  if (export_path != NULL && import_path != NULL)
    {
      fail (_("use --export or --import, not both"));
      return EXIT_USAGE;
    }
  if ((export_path != NULL) + (import_path != NULL) + encrypt + decrypt > 1)
    {
      fail (_("use one of --export, --import, --encrypt and --decrypt at a time"));
      return EXIT_USAGE;
    }

  if (encrypt || decrypt)
    return run_encrypt (app, encrypt, passphrase_file);
  return export_path != NULL ? run_export (export_path, from, to, passphrase_file)
                             : run_import (app, import_path, passphrase_file);
}
