/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-undo-toast.h"

struct _EnoughUndoToast
{
  GObject                 parent_instance;

  GtkWidget              *owner;    /* not a reference: it owns us */
  EnoughUndoRestoredFunc  restored;
  AdwToast               *toast;    /* not a reference; NULL once dismissed */
  GtkLabel               *title;    /* the toast's words (not a reference) */
  gint64                  shown_at; /* frame time it was first shown; 0 before */
  EnoughStore            *store;
  GPtrArray              *records;  /* what Undo brings back */
};

/* libadwaita 1.2's toast overlay frees a toast dismissed while it still
 * slides in, and reads it again where the slide-in ends if both end in the
 * same frame, as they do when frames come slowly: a crash (libadwaita 1.3
 * fixed it, commit 1674ebc9 "toast-overlay: Prevent show_done from firing
 * after hide_done"). So the toast Undo dismisses goes only once its
 * slide-in is over: 300 ms, 500 ms when it replaced another toast, and
 * a frame or so to spare. */
#define SLIDE_IN_USEC (600 * G_TIME_SPAN_MILLISECOND)

/* libadwaita 1.2 makes a toast with its own button 450 px wide where
 * there is room (NATURAL_WIDTH in adw-toast-overlay.c); ours is in the
 * title, so the title asks for that much less the toast's own parts (76 px
 * in the Adwaita theme: margins, padding, spacing and its close button),
 * as a natural width only: a narrow window's toast is narrower, its words
 * ellipsized, and the window keeps its size. */
#define TITLE_NATURAL_WIDTH (450 - 76)

G_DEFINE_FINAL_TYPE (EnoughUndoToast, enough_undo_toast, G_TYPE_OBJECT)

/* The toast is no longer ours: our handlers off it, our pointers gone. */
static void
release_toast (EnoughUndoToast *self)
{
  if (self->toast != NULL)
    g_signal_handlers_disconnect_by_data (self->toast, self);
  self->toast = NULL;
  self->title = NULL;
}

static void
forget_toast (EnoughUndoToast *self)
{
  release_toast (self);
  g_ptr_array_set_size (self->records, 0);
  g_clear_object (&self->store);
}

/* The toast went (its few seconds are up): Ctrl+Z can still bring the
 * deletion back while the page is shown, not once the user has left it. */
static void
on_dismissed (EnoughUndoToast *self,
              AdwToast        *toast)
{
  if (self->toast != toast)
    return;

  if (gtk_widget_get_mapped (self->owner))
    release_toast (self);
  else
    forget_toast (self);
}

static void
on_owner_unmap (EnoughUndoToast *self)
{
  if (self->toast == NULL)
    forget_toast (self);
}

static void
restore_records (EnoughUndoToast *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(EnoughStore) store = NULL;

  records = g_steal_pointer (&self->records);
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  store = g_steal_pointer (&self->store);
  restored = g_ptr_array_new_with_free_func (g_object_unref);

  /* Last deleted first, so that every record finds its place again. */
  for (guint i = records->len; i > 0; i--)
    {
      EnoughRecord *record = records->pdata[i - 1];

      if (!enough_record_is_deleted (record))
        continue;
      enough_store_restore (store, record);
      g_ptr_array_insert (restored, 0, g_object_ref (record));
    }

  if (self->restored != NULL && restored->len > 0)
    self->restored (self->owner, restored);
}

typedef struct
{
  AdwToast *toast;
  gint64    over_at;  /* frame time the slide-in is over */
  gboolean  ended;    /* that frame came: its ticks end the slide-in */
} Leaving;

static void
leaving_free (gpointer data)
{
  Leaving *leaving = data;

  g_object_unref (leaving->toast);
  g_free (leaving);
}

static gboolean
leave_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  Leaving *leaving = data;

  /* The frame after the one that ends the slide-in: nothing of it is left
   * to run. (Dismissing a toast already gone does nothing.) */
  if (!leaving->ended)
    {
      leaving->ended = gdk_frame_clock_get_frame_time (clock) >= leaving->over_at;
      return G_SOURCE_CONTINUE;
    }
  adw_toast_dismiss (leaving->toast);
  return G_SOURCE_REMOVE;
}

/* The toast goes: now if it is not sliding in (not shown yet: its title is
 * not in the overlay; or shown long enough ago), else once it is over.
 * From here on it is no longer ours: a deletion meanwhile gets a toast of
 * its own. */
static void
dismiss_toast (EnoughUndoToast *self)
{
  g_autoptr(AdwToast) toast = NULL;
  GtkWidget *title = GTK_WIDGET (self->title);
  GtkWidget *overlay;
  GdkFrameClock *clock;
  gint64 now, shown_at;
  Leaving *leaving;

  if (self->toast == NULL)
    return;
  toast = g_object_ref (self->toast);
  release_toast (self);

  overlay = gtk_widget_get_ancestor (title, ADW_TYPE_TOAST_OVERLAY);
  clock = overlay != NULL ? gtk_widget_get_frame_clock (overlay) : NULL;
  /* Not shown, or in a window never shown: nothing slides. */
  if (clock == NULL)
    {
      adw_toast_dismiss (toast);
      return;
    }
  /* In the overlay but not drawn yet (a slow machine): it began sliding
   * in at the latest now. */
  now = gdk_frame_clock_get_frame_time (clock);
  shown_at = self->shown_at != 0 ? self->shown_at : now;
  if (now >= shown_at + SLIDE_IN_USEC)
    {
      adw_toast_dismiss (toast);
      return;
    }
  leaving = g_new0 (Leaving, 1);
  leaving->toast = g_steal_pointer (&toast);
  leaving->over_at = shown_at + SLIDE_IN_USEC;
  /* On the overlay, which outlives the toast and is drawn while it is. */
  gtk_widget_add_tick_callback (overlay, leave_tick, leaving, leaving_free);
}

static void
measure_title (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*natural, TITLE_NATURAL_WIDTH);
}

static void
allocate_title (GtkWidget *widget,
                int        width,
                int        height,
                int        baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static void
on_title_mapped (EnoughUndoToast *self,
                 GtkWidget       *title)
{
  if (self->shown_at == 0 && GTK_WIDGET (self->title) == title)
    self->shown_at = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (title));
}

gboolean
enough_undo_toast_undo (EnoughUndoToast *self)
{
  g_return_val_if_fail (ENOUGH_IS_UNDO_TOAST (self), FALSE);

  if (self->store == NULL || self->records->len == 0)
    return FALSE;

  restore_records (self);
  dismiss_toast (self);
  return TRUE;
}

/* Only the current toast's: one still sliding in on its way out must not
 * undo a deletion made since. */
static void
on_undo_clicked (EnoughUndoToast *self,
                 GtkWidget       *button)
{
  if (self->toast != NULL &&
      gtk_widget_is_ancestor (button, adw_toast_get_custom_title (self->toast)))
    enough_undo_toast_undo (self);
}

/* Ctrl+Z anywhere in the window: the last deletion, while its toast or
 * the page is shown (a text field's own Ctrl+Z comes first). */
static gboolean
on_undo_key (GtkWidget *owner,
             GVariant  *args,
             gpointer   user_data)
{
  g_autoptr(EnoughUndoToast) self = g_weak_ref_get (user_data);  /* the owner may be going */

  if (self == NULL || (self->toast == NULL && !gtk_widget_get_mapped (owner)))
    return FALSE;

  return enough_undo_toast_undo (self);
}

void
enough_undo_toast_delete (EnoughUndoToast *self,
                          EnoughStore     *store,
                          gpointer         record,
                          const char      *title)
{
  g_autofree char *several = NULL;
  GtkWidget *overlay, *box, *label, *button, *sized;
  guint n;

  g_return_if_fail (ENOUGH_IS_UNDO_TOAST (self));
  g_return_if_fail (ENOUGH_IS_STORE (store));
  g_return_if_fail (ENOUGH_IS_RECORD (record));
  g_return_if_fail (title != NULL);

  /* Another journal's Undo cannot bring these back; and with the toast
   * gone, a new deletion starts a new Undo. */
  if ((self->store != NULL && self->store != store) || self->toast == NULL)
    forget_toast (self);

  enough_store_delete (store, record);
  g_set_object (&self->store, store);
  g_ptr_array_add (self->records, g_object_ref (record));
  n = self->records->len;
  if (n > 1)
    title = several = g_strdup_printf (ngettext ("%u item deleted", "%u items deleted", n), n);

  if (self->toast != NULL)
    {
      adw_toast_set_title (self->toast, title);
      gtk_label_set_label (self->title, title);
      return;
    }

  overlay = gtk_widget_get_ancestor (self->owner, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  /* The words and the Undo button as the toast's own title: its built-in
   * button would dismiss it at once (see SLIDE_IN_USEC). Laid out as the
   * built-in ones are: the button at the end of a toast as wide as the
   * overlay makes one with a button (TITLE_NATURAL_WIDTH). */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (title);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  button = gtk_button_new_with_mnemonic (_("_Undo"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_focus_on_click (button, FALSE);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_undo_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), button);
  self->title = GTK_LABEL (label);
  self->shown_at = 0;
  g_signal_connect_object (label, "map", G_CALLBACK (on_title_mapped), self, G_CONNECT_SWAPPED);

  sized = adw_bin_new ();
  gtk_widget_set_layout_manager (sized, gtk_custom_layout_new (NULL, measure_title, allocate_title));
  adw_bin_set_child (ADW_BIN (sized), box);

  self->toast = adw_toast_new (title);
  adw_toast_set_custom_title (self->toast, sized);
  g_signal_connect_swapped (self->toast, "dismissed", G_CALLBACK (on_dismissed), self);
  /* The overlay takes the reference; ours is only a pointer, cleared on ::dismissed. */
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), self->toast);
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

EnoughUndoToast *
enough_undo_toast_new (GtkWidget              *owner,
                       EnoughUndoRestoredFunc  restored)
{
  EnoughUndoToast *self;
  GtkEventController *shortcuts;
  GWeakRef *weak_self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);

  self = g_object_new (ENOUGH_TYPE_UNDO_TOAST, NULL);
  weak_self = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak_self, self);
  self->owner = owner;
  self->restored = restored;

  /* Managed: run by the window for a key anywhere in it. The owner keeps
   * us for as long as it has the controller. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (on_undo_key, weak_self,
                                                                                   free_weak_ref)));
  gtk_widget_add_controller (owner, shortcuts);
  g_signal_connect_object (owner, "unmap", G_CALLBACK (on_owner_unmap), self, G_CONNECT_SWAPPED);
  return self;
}

static void
enough_undo_toast_dispose (GObject *object)
{
  EnoughUndoToast *self = ENOUGH_UNDO_TOAST (object);

  forget_toast (self);
  self->restored = NULL;

  G_OBJECT_CLASS (enough_undo_toast_parent_class)->dispose (object);
}

static void
enough_undo_toast_finalize (GObject *object)
{
  EnoughUndoToast *self = ENOUGH_UNDO_TOAST (object);

  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (enough_undo_toast_parent_class)->finalize (object);
}

static void
enough_undo_toast_class_init (EnoughUndoToastClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = enough_undo_toast_dispose;
  object_class->finalize = enough_undo_toast_finalize;
}

static void
enough_undo_toast_init (EnoughUndoToast *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
}
