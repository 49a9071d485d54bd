/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>

#include "enough-gui-test-utils.h"
#include "enough-test-utils.h"

/* While the Import chooser is open the window behind it keeps showing its
 * page (a tester saw it go blank on an empty journal): the same page,
 * mapped, and drawn with as much on it as before. */

/* Pixels of the window's own drawing (not the chooser's) that differ
 * from its background, below the header bar: a blank page has none. */
static guint
count_drawn_pixels (EnoughTestApp *test)
{
  GtkWidget *widget = GTK_WIDGET (test->window);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  gsize stride = (gsize) width * 4;
  const guchar *background;
  guint drawn = 0;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  /* The background: a point in the page's lower left margin. */
  background = pixels + (gsize) (height - 20) * stride + 20 * 4;
  for (int y = 60; y < height; y++)
    for (int x = 0; x < width; x++)
      if (memcmp (pixels + (gsize) y * stride + (gsize) x * 4, background, 4) != 0)
        drawn++;
  return drawn;
}

static gboolean
chooser_shown (gpointer data)
{
  GtkWindow **chooser = data;
  GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *chooser = window;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
chooser_gone (gpointer data)
{
  GtkWindow *chooser = NULL;

  return !chooser_shown (&chooser);
}

static void
page_stays (EnoughTestApp *test)
{
  GtkWidget *page = enough_window_get_page (test->window, "critic");
  GtkWindow *chooser = NULL;
  guint before, during, after;

  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "critic");
  g_assert_true (gtk_widget_get_mapped (page));
  before = count_drawn_pixels (test);
  /* The empty journal's page has its icon, heading, text and button. */
  g_assert_cmpuint (before, >, 2000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.import", NULL));
  g_assert_true (enough_test_wait_until (chooser_shown, &chooser, 60));
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (test->window));
  enough_test_drain_main_context ();

  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "critic");
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (gtk_widget_get_child_visible (page));
  during = count_drawn_pixels (test);
  g_assert_cmpuint (during, >=, before * 9 / 10);

  /* Cancel: nothing imported, the page as it was. */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_assert_true (enough_test_wait_until (chooser_gone, NULL, 60));
  enough_test_drain_main_context ();
  g_assert_cmpstr (enough_window_get_visible_page (test->window), ==, "critic");
  after = count_drawn_pixels (test);
  g_assert_cmpuint (after, >=, before * 9 / 10);
}

static void
test_page_stays (EnoughTestFixture *fixture,
                 gconstpointer      data)
{
  enough_test_run_app (page_stays, NULL);
}

int
main (int   argc,
      char *argv[])
{
  enough_test_gui_init (&argc, &argv);

  g_test_add ("/import-chooser/page-stays", EnoughTestFixture, NULL,
              enough_test_fixture_setup, test_page_stays, enough_test_fixture_teardown);

  return g_test_run ();
}
