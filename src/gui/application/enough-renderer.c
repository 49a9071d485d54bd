/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <epoxy/gl.h>
#include <string.h>
#include <unistd.h>

#include "enough-renderer.h"

/* GL_RENDERER substrings of CPU rasterisers (compared case-insensitively).
 * "SVGA3D" (VMware) and "virgl" are a host's GPU and stay on OpenGL; so
 * does a renderer string merely mentioning LLVM (AMD's, VMware's). */
static const char *const software_renderers[] = {
  "llvmpipe",                        /* Mesa, also "zink (llvmpipe …)" */
  "softpipe",                        /* Mesa */
  "swrast",                          /* Mesa's classic one, "Mesa X11 swrast" */
  "software rasterizer",             /* Mesa's classic one */
  "swiftshader",                     /* Google */
  "microsoft basic render driver",   /* WSL without a GPU, "D3D12 (…)" */
  "gdi generic",                     /* Windows without a driver */
  "apple software renderer",
};

gboolean
enough_renderer_is_software (const char *gl_renderer)
{
  g_autofree char *lower = NULL;

  if (gl_renderer == NULL)
    return FALSE;
  lower = g_ascii_strdown (gl_renderer, -1);
  for (guint i = 0; i < G_N_ELEMENTS (software_renderers); i++)
    if (strstr (lower, software_renderers[i]) != NULL)
      return TRUE;
  return FALSE;
}

const char *
enough_renderer_decide (const char *user_choice,
                        const char *gl_renderer)
{
  if (user_choice != NULL && user_choice[0] != '\0')
    return NULL;
  return enough_renderer_is_software (gl_renderer) ? "cairo" : NULL;
}

char *
enough_renderer_probe_gl (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *renderer;
  char *result;

  if (!gdk_display_prepare_gl (display, &error))
    {
      g_debug ("No OpenGL: %s", error->message);
      return NULL;
    }
  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL context: %s", error->message);
      return NULL;
    }
  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  result = g_strdup (renderer);
  gdk_gl_context_clear_current ();
  return result;
}

gboolean
enough_renderer_no_gpu_device (void)
{
  static const char *const devices[] = {
    "/dev/dri",        /* every Mesa hardware driver (and VMware's, virgl) */
    "/dev/nvidiactl",  /* NVIDIA's own driver */
    "/dev/dxg",        /* WSL's GPU */
  };

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    if (access (devices[i], F_OK) == 0)
      return FALSE;
  return TRUE;
}

/* Mesa's own switch to its CPU rasteriser. */
static gboolean
forced_software (void)
{
  const char *value = g_getenv ("LIBGL_ALWAYS_SOFTWARE");

  return value != NULL && value[0] != '\0' && g_strcmp0 (value, "0") != 0
         && g_ascii_strcasecmp (value, "false") != 0;
}

const char *
enough_renderer_choose (GdkDisplay *display)
{
  const char *user_choice = g_getenv ("GSK_RENDERER");
  g_autofree char *gl_renderer = NULL;
  const char *choice;

  if (user_choice != NULL && user_choice[0] != '\0')
    return NULL;

  /* The cheap answers first: no GPU device, or Mesa told to use the CPU,
   * need no GL driver loaded (which is most of a probe's cost, in time and
   * in memory). */
  if (enough_renderer_no_gpu_device () || forced_software ())
    choice = "cairo";
  else
    {
      gl_renderer = enough_renderer_probe_gl (display);
      choice = enough_renderer_decide (NULL, gl_renderer);
    }
  g_debug ("OpenGL renderer: %s; asking GTK for %s",
           gl_renderer ? gl_renderer : "not probed (no GPU device, or LIBGL_ALWAYS_SOFTWARE) or none",
           choice ? choice : "its default");
  if (choice != NULL)
    g_setenv ("GSK_RENDERER", choice, TRUE);
  return choice;
}
