/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-checkin-scale.h"

#define N_STEPS 11
/* A "1" followed by "0" within this time means ten. */
#define TEN_WINDOW_USEC (800 * 1000)

struct _EnoughCheckinScale
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *buttons[N_STEPS];
  int        value;
  char      *name;
  gint64     last_one_at;
  gboolean   syncing;
};

G_DEFINE_FINAL_TYPE (EnoughCheckinScale, enough_checkin_scale, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible (EnoughCheckinScale *self)
{
  for (int i = 0; i < N_STEPS; i++)
    {
      /* Translators: a button of a 0–10 rating read by screen readers: "Mood 6 of 10" */
      g_autofree char *label = g_strdup_printf (_("%s %d of 10"), self->name != NULL ? self->name : "", i);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      /* One Tab stop: the pressed button, or 0 when none is. */
      gtk_widget_set_focusable (self->buttons[i], i == MAX (self->value, 0));
    }
}

static void
sync_buttons (EnoughCheckinScale *self)
{
  self->syncing = TRUE;
  for (int i = 0; i < N_STEPS; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[i]), i == self->value);
  self->syncing = FALSE;
  update_accessible (self);
}

void
enough_checkin_scale_set_value (EnoughCheckinScale *self,
                                int                 value)
{
  g_return_if_fail (ENOUGH_IS_CHECKIN_SCALE (self));
  g_return_if_fail (value >= -1 && value < N_STEPS);

  if (self->value == value)
    return;
  self->value = value;
  sync_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

int
enough_checkin_scale_get_value (EnoughCheckinScale *self)
{
  g_return_val_if_fail (ENOUGH_IS_CHECKIN_SCALE (self), -1);
  return self->value;
}

/* Sets the value from the keyboard and keeps the focus with it. */
static void
set_by_key (EnoughCheckinScale *self,
            int                 value)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* The root's focus, not has-focus or the focus child: those follow the
   * window's activation, which a busy or window-manager-less display can
   * deliver late, and the keys would then leave the focus behind. */
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));

  enough_checkin_scale_set_value (self, CLAMP (value, 0, N_STEPS - 1));
  if (had_focus)
    gtk_widget_grab_focus (self->buttons[self->value]);
}

static void
on_toggled (GtkToggleButton    *button,
            EnoughCheckinScale *self)
{
  int i = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "enough-step"));

  if (self->syncing)
    return;
  if (gtk_toggle_button_get_active (button))
    enough_checkin_scale_set_value (self, i);
  else if (self->value == i)
    /* A pressed button stays pressed: a value is changed, not taken back. */
    sync_buttons (self);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                EnoughCheckinScale    *self)
{
  gint64 now = g_get_monotonic_time ();
  int digit = -1;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return GDK_EVENT_PROPAGATE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      set_by_key (self, self->value < 0 ? 0 : self->value - 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      set_by_key (self, self->value < 0 ? 0 : self->value + 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
      set_by_key (self, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
      set_by_key (self, N_STEPS - 1);
      return GDK_EVENT_STOP;
    default:
      break;
    }
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    digit = (int) (keyval - GDK_KEY_0);
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = (int) (keyval - GDK_KEY_KP_0);
  if (digit < 0)
    return GDK_EVENT_PROPAGATE;

  if (digit == 0 && self->value == 1 && now - self->last_one_at < TEN_WINDOW_USEC)
    digit = 10;
  self->last_one_at = digit == 1 ? now : 0;
  set_by_key (self, digit);
  return GDK_EVENT_STOP;
}

/* The focus goes to the pressed button (the first when none is). */
static gboolean
enough_checkin_scale_grab_focus (GtkWidget *widget)
{
  EnoughCheckinScale *self = ENOUGH_CHECKIN_SCALE (widget);

  return gtk_widget_grab_focus (self->buttons[MAX (self->value, 0)]);
}

static void
enough_checkin_scale_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EnoughCheckinScale *self = ENOUGH_CHECKIN_SCALE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_checkin_scale_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EnoughCheckinScale *self = ENOUGH_CHECKIN_SCALE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      enough_checkin_scale_set_value (self, g_value_get_int (value));
      break;
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->name != NULL ? self->name : "", -1);
      update_accessible (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_checkin_scale_dispose (GObject *object)
{
  EnoughCheckinScale *self = ENOUGH_CHECKIN_SCALE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (enough_checkin_scale_parent_class)->dispose (object);
}

static void
enough_checkin_scale_finalize (GObject *object)
{
  EnoughCheckinScale *self = ENOUGH_CHECKIN_SCALE (object);

  g_free (self->name);
  G_OBJECT_CLASS (enough_checkin_scale_parent_class)->finalize (object);
}

static void
enough_checkin_scale_class_init (EnoughCheckinScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = enough_checkin_scale_dispose;
  object_class->finalize = enough_checkin_scale_finalize;
  object_class->get_property = enough_checkin_scale_get_property;
  object_class->set_property = enough_checkin_scale_set_property;

  properties[PROP_VALUE] = g_param_spec_int ("value", NULL, NULL, -1, N_STEPS - 1, -1, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->grab_focus = enough_checkin_scale_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checkin-scale");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
enough_checkin_scale_init (EnoughCheckinScale *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->value = -1;
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->box, "linked");
  gtk_widget_set_halign (self->box, GTK_ALIGN_FILL);
  gtk_box_set_homogeneous (GTK_BOX (self->box), TRUE);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  for (int i = 0; i < N_STEPS; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", i);

      self->buttons[i] = gtk_toggle_button_new_with_label (label);
      gtk_widget_add_css_class (self->buttons[i], "checkin-step");
      g_object_set_data (G_OBJECT (self->buttons[i]), "enough-step", GINT_TO_POINTER (i));
      g_signal_connect (self->buttons[i], "toggled", G_CALLBACK (on_toggled), self);
      gtk_box_append (GTK_BOX (self->box), self->buttons[i]);
    }
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  update_accessible (self);
}

GtkWidget *
enough_checkin_scale_new (void)
{
  return g_object_new (ENOUGH_TYPE_CHECKIN_SCALE, NULL);
}
