/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-gui-test-utils.h"

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);
  return g_test_run ();
}
