/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <gtk/gtk.h>

#include "enough-gui-test-utils.h"
#include "enough-renderer.h"

/* The renderer choice (issue #28): cairo when OpenGL would run on the CPU,
 * GTK's own choice otherwise, and the user's GSK_RENDERER always wins. */

static void
test_software_names (void)
{
  static const char *const software[] = {
    "llvmpipe (LLVM 15.0.6, 256 bits)",
    "llvmpipe (LLVM 19.1.7, 128 bits)",
    "softpipe",
    "Mesa X11 swrast",
    "Software Rasterizer",
    "zink Vulkan 1.3(llvmpipe (LLVM 15.0.6, 256 bits) (MESA_LLVMPIPE))",
    "D3D12 (Microsoft Basic Render Driver)",
    "Google SwiftShader",
    "GDI Generic",
    "LLVMPIPE",
  };
  static const char *const hardware[] = {
    "SVGA3D; build: RELEASE; LLVM;",
    "AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)",
    "Mesa Intel(R) UHD Graphics 620 (KBL GT2)",
    "NVIDIA GeForce GTX 1060 6GB/PCIe/SSE2",
    "virgl (AMD Radeon Graphics (renoir, LLVM 15.0.7, DRM 3.42))",
    "D3D12 (NVIDIA GeForce RTX 3070)",
    "Apple M1",
    "Mali-G52 (Panfrost)",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    {
      g_test_message ("%s", software[i]);
      g_assert_true (enough_renderer_is_software (software[i]));
      g_assert_cmpstr (enough_renderer_decide (NULL, software[i]), ==, "cairo");
      g_assert_cmpstr (enough_renderer_decide ("", software[i]), ==, "cairo");
    }
  for (guint i = 0; i < G_N_ELEMENTS (hardware); i++)
    {
      g_test_message ("%s", hardware[i]);
      g_assert_false (enough_renderer_is_software (hardware[i]));
      g_assert_null (enough_renderer_decide (NULL, hardware[i]));
    }
  /* No OpenGL at all: GTK falls back to cairo by itself. */
  g_assert_false (enough_renderer_is_software (NULL));
  g_assert_null (enough_renderer_decide (NULL, NULL));
}

static void
test_user_choice_wins (void)
{
  static const char *const choices[] = { "gl", "ngl", "cairo", "vulkan", "opengl" };

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_assert_null (enough_renderer_decide (choices[i], "llvmpipe (LLVM 15.0.6, 256 bits)"));
      g_assert_null (enough_renderer_decide (choices[i], "Mesa Intel(R) UHD Graphics 620"));

      /* Even where OpenGL is certainly software, the variable is kept. */
      g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
      g_setenv ("GSK_RENDERER", choices[i], TRUE);
      g_assert_null (enough_renderer_choose (gdk_display_get_default ()));
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, choices[i]);
    }
  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
}

/* What the probe reads on this display agrees with the cheap check: with
 * no GPU device, OpenGL (if any) is a CPU rasteriser. */
static void
test_probe_agrees (void)
{
  g_autofree char *gl_renderer = enough_renderer_probe_gl (gdk_display_get_default ());

  g_test_message ("GL_RENDERER: %s; GPU device: %s", gl_renderer ? gl_renderer : "(no OpenGL)",
                  enough_renderer_no_gpu_device () ? "none" : "present");
  if (gl_renderer != NULL && enough_renderer_no_gpu_device ())
    g_assert_true (enough_renderer_is_software (gl_renderer));
  if (gl_renderer == NULL)
    g_test_incomplete ("no OpenGL on this display");
}

/* GTK reads GSK_RENDERER once, at the first surface it realizes: choosing
 * before the first window is what makes the window use cairo. */
static void
test_window_uses_choice (void)
{
  GtkWidget *window;
  GskRenderer *renderer;

  g_unsetenv ("GSK_RENDERER");
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "true", TRUE);
  g_assert_cmpstr (enough_renderer_choose (gdk_display_get_default ()), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");

  window = gtk_window_new ();
  gtk_widget_realize (window);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_assert_nonnull (renderer);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (renderer), ==, "GskCairoRenderer");
  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("GSK_RENDERER");
}

int
main (int   argc,
      char *argv[])
{
  /* The choice is made before any surface exists, as in main.c. */
  g_unsetenv ("GSK_RENDERER");
  enough_test_gui_init (&argc, &argv);

  g_test_add_func ("/renderer/software-names", test_software_names);
  g_test_add_func ("/renderer/user-choice-wins", test_user_choice_wins);
  g_test_add_func ("/renderer/probe-agrees", test_probe_agrees);
  g_test_add_func ("/renderer/window-uses-choice", test_window_uses_choice);

  return g_test_run ();
}
