/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Which GSK renderer Enough asks GTK for (issue #28). GTK picks OpenGL
 * whenever it can, even when OpenGL is Mesa's llvmpipe, a CPU rasteriser:
 * then every frame re-renders the whole window on the CPU, and the text
 * cursor's fade asks for a frame at the frame rate, so a focused text field
 * costs a core. Cairo redraws only what changed. So, before the first
 * window, when OpenGL would be software, Enough sets GSK_RENDERER=cairo —
 * never when the user set GSK_RENDERER (theirs wins), and never where
 * OpenGL is hardware. */

/* TRUE if @gl_renderer (an OpenGL GL_RENDERER string) names a rasteriser
 * that runs on the CPU: llvmpipe, softpipe, swrast, SwiftShader, … */
gboolean     enough_renderer_is_software   (const char *gl_renderer);

/* The renderer to ask for ("cairo"), or NULL to leave GTK's choice:
 * @user_choice is $GSK_RENDERER (NULL or "" when unset); @gl_renderer what
 * OpenGL reported, NULL when there is no OpenGL (GTK then uses cairo by
 * itself). */
const char  *enough_renderer_decide        (const char *user_choice,
                                            const char *gl_renderer);

/* GL_RENDERER of an OpenGL context on @display, or NULL without OpenGL.
 * Loads the GL driver (GTK would for its first window anyway). */
char        *enough_renderer_probe_gl      (GdkDisplay *display);

/* TRUE when this machine has no device a hardware OpenGL driver could use
 * (no DRM node, no NVIDIA or WSL GPU device): OpenGL can only be software,
 * and is known without loading a driver. */
gboolean     enough_renderer_no_gpu_device (void);

/* Chooses, before the first window is realized: sets GSK_RENDERER=cairo
 * when OpenGL on @display would be software and the user has not set
 * GSK_RENDERER. Returns the renderer it set, or NULL. */
const char  *enough_renderer_choose        (GdkDisplay *display);

G_END_DECLS
