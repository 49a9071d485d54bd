/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "enough-application.h"
#include "enough-cursor-blink.h"
#include "enough-renderer.h"

/* After GTK opened the display (GtkApplication's startup), before the
 * first window: the renderer has to be chosen before a surface exists. */
static void
on_startup (GApplication *app,
            gpointer      user_data)
{
  enough_renderer_choose (gdk_display_get_default ());
  /* On cairo (software), a fading cursor is a frame at the frame rate;
   * blinking on and off is two frames a blink. */
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0)
    enough_cursor_blink_install (gtk_settings_get_default ());
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EnoughApplication) app = NULL;
  const char *localedir = g_getenv ("ENOUGH_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* ENOUGH_LOCALEDIR: translations straight from a build tree (build-aux/run.sh). */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = enough_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "startup", G_CALLBACK (on_startup), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
