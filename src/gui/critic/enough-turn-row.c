/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "enough-critic-patterns.h"
#include "enough-accessible.h"
#include "enough-turn-row.h"
#include "enough-word-wrap.h"
#include "enough-wrap-layout.h"

struct _EnoughTurnRow
{
  GtkWidget      parent_instance;

  GtkWidget     *bubble;
  GtkLabel      *speaker_label;
  GtkMenuButton *menu_button;
  GtkStack      *stack;
  GtkLabel      *text_label;
  GtkWidget     *tags;   /* tag labels in an EnoughWrapLayout */

  /* Made when first needed: a dialogue shows many rows (GTK 4.8 keeps
   * ~200 bound), and few ever have their menu opened or are edited. */
  GtkPopover    *popover;           /* the menu, NULL until it opens */
  GtkWidget     *patterns_section;
  GtkCheckButton *checks[ENOUGH_CRITIC_N_PATTERNS];
  GtkTextView   *edit_view;         /* NULL until the first edit */

  EnoughTurn    *turn;
  char          *critic_name;
  char          *accessible_text;
  char          *text_before_edit;  /* non-NULL while editing */
  gboolean       updating;
  int            mark_start;        /* characters of the text; -1: none */
  int            mark_end;
};

/* The words a search found: the accent colour, clearly enough to show
 * over a "Me" bubble's paler accent. */
#define MARK_ALPHA 0.45

G_DEFINE_FINAL_TYPE (EnoughTurnRow, enough_turn_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TURN,
  N_PROPS
};

enum {
  SIGNAL_DELETE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void enough_turn_row_finish_editing (EnoughTurnRow *self,
                                            gboolean       keep);
static GtkTextView *ensure_edit_view (EnoughTurnRow *self);

static void
enough_turn_row_update_tags (EnoughTurnRow *self)
{
  EnoughPatterns patterns = ENOUGH_PATTERN_NONE;
  gboolean is_critic;
  const EnoughPatternInfo *infos;
  guint n_infos;
  GtkWidget *child;

  if (self->turn != NULL)
    patterns = enough_turn_get_patterns (self->turn);
  is_critic = self->turn != NULL && enough_turn_get_speaker (self->turn) == ENOUGH_SPEAKER_CRITIC;
  if (!is_critic)
    patterns = ENOUGH_PATTERN_NONE;

  while ((child = gtk_widget_get_first_child (self->tags)) != NULL)
    gtk_widget_unparent (child);

  infos = enough_critic_patterns_get (&n_infos);
  self->updating = TRUE;
  for (guint i = 0; i < n_infos; i++)
    {
      gboolean on = (patterns & infos[i].flag) != 0;

      if (self->checks[i] != NULL)
        gtk_check_button_set_active (self->checks[i], on);
      if (on)
        {
          GtkWidget *tag = gtk_label_new (_(infos[i].name));

          gtk_widget_add_css_class (tag, "pattern-tag");
          gtk_widget_set_tooltip_text (tag, _(infos[i].explanation));
          gtk_widget_set_parent (tag, self->tags);
        }
    }
  self->updating = FALSE;

  gtk_widget_set_visible (self->tags, patterns != ENOUGH_PATTERN_NONE);
  if (self->patterns_section != NULL)
    gtk_widget_set_visible (self->patterns_section, is_critic);
}

/* Marks the search's words inside the bubble's text (a background on
 * just that range, which does not move the text), or nothing. */
static void
apply_mark (EnoughTurnRow *self,
            const char    *shown)
{
  g_autoptr(PangoAttrList) attributes = NULL;
  PangoAttribute *background, *alpha, *underline;
  glong length = g_utf8_strlen (shown, -1);
  GdkRGBA color;

  if (self->mark_start < 0 || self->mark_end <= self->mark_start || self->mark_start >= length)
    {
      PangoAttrList *old = gtk_label_get_attributes (self->text_label);
      g_autoptr(PangoAttrList) none = pango_attr_list_new ();

      attributes = pango_attr_list_new ();
      enough_word_wrap_add_attributes (attributes, shown);
      /* Most turns: nothing was set, nothing to set, no new layout. */
      if (!pango_attr_list_equal (old != NULL ? old : none, attributes))
        gtk_label_set_attributes (self->text_label, attributes);
      return;
    }

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* The style context is only deprecated from GTK 4.10 on. */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self->text_label)),
                                       "accent_bg_color", &color))
    gdk_rgba_parse (&color, "#3584e4");
G_GNUC_END_IGNORE_DEPRECATIONS

  attributes = pango_attr_list_new ();
  background = pango_attr_background_new ((guint16) (color.red * 65535),
                                          (guint16) (color.green * 65535),
                                          (guint16) (color.blue * 65535));
  alpha = pango_attr_background_alpha_new ((guint16) (MARK_ALPHA * 65535));
  /* Not by colour alone. */
  underline = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
  background->start_index = alpha->start_index = underline->start_index =
    (guint) (g_utf8_offset_to_pointer (shown, self->mark_start) - shown);
  background->end_index = alpha->end_index = underline->end_index =
    (guint) (g_utf8_offset_to_pointer (shown, MIN (self->mark_end, length)) - shown);
  pango_attr_list_insert (attributes, background);
  pango_attr_list_insert (attributes, alpha);
  pango_attr_list_insert (attributes, underline);
  enough_word_wrap_add_attributes (attributes, shown);
  gtk_label_set_attributes (self->text_label, attributes);
}

static void
enough_turn_row_update (EnoughTurnRow *self)
{
  g_autoptr(GString) description = g_string_new (NULL);
  const EnoughPatternInfo *infos;
  guint n_infos;
  const char *text = "";
  const char *speaker_name;
  gboolean is_me = FALSE;

  if (self->turn != NULL)
    {
      text = enough_turn_get_text (self->turn);
      is_me = enough_turn_get_speaker (self->turn) == ENOUGH_SPEAKER_ME;
    }

  if (is_me)
    speaker_name = C_("speaker", "Me");
  else if (self->critic_name != NULL && self->critic_name[0] != '\0')
    speaker_name = self->critic_name;
  else
    speaker_name = C_("speaker", "Critic");

  gtk_label_set_text (self->speaker_label, speaker_name);
  /* Blank lines at the end (a pasted or imported text) would only make
   * the bubble taller. */
  {
    g_autofree char *shown = g_strchomp (g_strdup (text));

    gtk_label_set_text (self->text_label, shown);
    apply_mark (self, shown);
  }

  /* Each side has its own place and colour, like a chat. */
  gtk_widget_set_halign (self->bubble, is_me ? GTK_ALIGN_END : GTK_ALIGN_START);
  if (is_me)
    {
      gtk_widget_add_css_class (self->bubble, "me");
      gtk_widget_remove_css_class (self->bubble, "critic");
    }
  else
    {
      gtk_widget_add_css_class (self->bubble, "critic");
      gtk_widget_remove_css_class (self->bubble, "me");
    }

  g_free (self->accessible_text);
  if (is_me)
    /* Translators: what a screen reader says for one of your turns */
    self->accessible_text = g_strdup_printf (_("You say: %s"), text);
  else if (self->critic_name != NULL && self->critic_name[0] != '\0')
    /* Translators: what a screen reader says for a critic turn; the first %s is the critic's name */
    self->accessible_text = g_strdup_printf (_("%s (the critic) says: %s"), self->critic_name, text);
  else
    /* Translators: what a screen reader says for a critic turn */
    self->accessible_text = g_strdup_printf (_("The critic says: %s"), text);

  infos = enough_critic_patterns_get (&n_infos);
  if (self->turn != NULL && !is_me)
    for (guint i = 0; i < n_infos; i++)
      if ((enough_turn_get_patterns (self->turn) & infos[i].flag) != 0)
        {
          if (description->len > 0)
            g_string_append (description, ", ");
          g_string_append (description, _(infos[i].name));
        }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  /* The row the arrow keys move through is the list's, around this one. */
  enough_accessible_name_list_row (GTK_WIDGET (self), self->accessible_text);
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self))),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                    -1);

  enough_turn_row_update_tags (self);
}

GtkWidget *
enough_turn_row_new (void)
{
  return g_object_new (ENOUGH_TYPE_TURN_ROW, NULL);
}

EnoughTurn *
enough_turn_row_get_turn (EnoughTurnRow *self)
{
  g_return_val_if_fail (ENOUGH_IS_TURN_ROW (self), NULL);

  return self->turn;
}

void
enough_turn_row_set_turn (EnoughTurnRow *self,
                          EnoughTurn    *turn)
{
  g_return_if_fail (ENOUGH_IS_TURN_ROW (self));
  g_return_if_fail (turn == NULL || ENOUGH_IS_TURN (turn));

  if (self->turn == turn)
    return;

  /* A recycled row must not carry an edit over to another turn. */
  enough_turn_row_finish_editing (self, TRUE);

  if (self->turn != NULL)
    g_signal_handlers_disconnect_by_data (self->turn, self);
  g_set_object (&self->turn, turn);
  self->mark_start = self->mark_end = -1;
  if (turn != NULL)
    {
      g_signal_connect_swapped (turn, "notify::text", G_CALLBACK (enough_turn_row_update), self);
      g_signal_connect_swapped (turn, "notify::patterns", G_CALLBACK (enough_turn_row_update), self);
      g_signal_connect_swapped (turn, "notify::speaker", G_CALLBACK (enough_turn_row_update), self);
    }

  enough_turn_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TURN]);
}

void
enough_turn_row_set_critic_name (EnoughTurnRow *self,
                                 const char    *critic_name)
{
  g_return_if_fail (ENOUGH_IS_TURN_ROW (self));

  if (g_strcmp0 (self->critic_name, critic_name) == 0)
    return;

  g_free (self->critic_name);
  self->critic_name = g_strdup (critic_name);
  enough_turn_row_update (self);
}

gboolean
enough_turn_row_get_editing (EnoughTurnRow *self)
{
  g_return_val_if_fail (ENOUGH_IS_TURN_ROW (self), FALSE);

  return self->text_before_edit != NULL;
}

const char *
enough_turn_row_get_accessible_text (EnoughTurnRow *self)
{
  g_return_val_if_fail (ENOUGH_IS_TURN_ROW (self), NULL);

  return self->accessible_text;
}

GStrv
enough_turn_row_dup_tags (EnoughTurnRow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ENOUGH_IS_TURN_ROW (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->tags);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (child)));

  return g_strv_builder_end (builder);
}

/* ---- Editing in place ---------------------------------------------------- */

static void
enough_turn_row_finish_editing (EnoughTurnRow *self,
                                gboolean       keep)
{
  g_autofree char *before = g_steal_pointer (&self->text_before_edit);

  if (before == NULL)
    return;

  /* The turn already has the new text (saved as typed); an empty turn is
   * more likely a slip than a wish, deleting is its own command. */
  if (self->turn != NULL)
    {
      const char *now = enough_turn_get_text (self->turn);
      g_autofree char *stripped = g_strstrip (g_strdup (now));

      if (!keep || stripped[0] == '\0')
        enough_turn_set_text (self->turn, before);
    }

  gtk_stack_set_visible_child_name (self->stack, "view");
  enough_turn_row_update (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EnoughTurnRow *self = ENOUGH_TURN_ROW (widget);
  GtkTextBuffer *buffer;
  GtkTextIter end;

  if (self->popover != NULL)
    gtk_popover_popdown (self->popover);
  if (self->turn == NULL || self->text_before_edit != NULL)
    return;

  buffer = gtk_text_view_get_buffer (ensure_edit_view (self));

  self->text_before_edit = g_strdup (enough_turn_get_text (self->turn));
  self->updating = TRUE;
  gtk_text_buffer_set_text (buffer, self->text_before_edit, -1);
  self->updating = FALSE;
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);

  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->edit_view));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EnoughTurnRow *self = ENOUGH_TURN_ROW (widget);

  if (self->popover != NULL)
    gtk_popover_popdown (self->popover);
  if (self->turn == NULL)
    return;

  enough_turn_row_finish_editing (self, TRUE);
  g_signal_emit (self, signals[SIGNAL_DELETE_REQUESTED], 0, self->turn);
}

/* A new experiment on the Experiments page, the critic's words as the
 * belief to test (app.new-experiment: the page is not ours to call). */
static void
test_experiment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EnoughTurnRow *self = ENOUGH_TURN_ROW (widget);

  if (self->popover != NULL)
    gtk_popover_popdown (self->popover);
  if (self->turn == NULL)
    return;
  gtk_widget_activate_action (widget, "app.new-experiment", "s", enough_turn_get_text (self->turn));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EnoughTurnRow *self = ENOUGH_TURN_ROW (widget);

  gtk_menu_button_popup (self->menu_button);
}

static void
on_edit_buffer_changed (EnoughTurnRow *self,
                        GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || self->turn == NULL || self->text_before_edit == NULL)
    return;

  /* Saved as typed: closing the window mid-sentence keeps the sentence. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  enough_turn_set_text (self->turn, text);
}

static gboolean
on_edit_key_pressed (EnoughTurnRow   *self,
                     guint            keyval,
                     guint            keycode,
                     GdkModifierType  state)
{
  if (keyval == GDK_KEY_Escape)
    {
      enough_turn_row_finish_editing (self, FALSE);
      return GDK_EVENT_STOP;
    }

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_SHIFT_MASK) == 0)
    {
      enough_turn_row_finish_editing (self, TRUE);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_edit_focus_leave (EnoughTurnRow *self)
{
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  enough_turn_row_finish_editing (self, TRUE);
}

static void
on_right_click (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                EnoughTurnRow   *self)
{
  if (self->text_before_edit != NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_menu_button_popup (self->menu_button);
}

static void
on_pattern_toggled (GtkCheckButton *check,
                    EnoughTurnRow  *self)
{
  const EnoughPatternInfo *info = g_object_get_data (G_OBJECT (check), "pattern-info");
  EnoughPatterns patterns;

  if (self->updating || self->turn == NULL)
    return;

  patterns = enough_turn_get_patterns (self->turn);
  if (gtk_check_button_get_active (check))
    patterns |= info->flag;
  else
    patterns &= ~info->flag;
  enough_turn_set_patterns (self->turn, patterns);
}

static GtkTextView *
ensure_edit_view (EnoughTurnRow *self)
{
  GtkWidget *view;
  GtkEventController *keys;
  GtkEventController *focus;

  if (self->edit_view != NULL)
    return self->edit_view;

  view = g_object_new (GTK_TYPE_TEXT_VIEW,
                       "wrap-mode", GTK_WRAP_WORD_CHAR,
                       "accepts-tab", FALSE,
                       "top-margin", 4,
                       "bottom-margin", 4,
                       "left-margin", 4,
                       "right-margin", 4,
                       NULL);
  gtk_widget_add_css_class (view, "bubble-edit");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Message"),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  /* The text view may outlive the row a little (focus tracking): tie the
   * handlers to the row's lifetime. */
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_edit_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (view, keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_edit_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (view, focus);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (on_edit_buffer_changed), self, G_CONNECT_SWAPPED);

  gtk_stack_add_named (self->stack, view, "edit");
  self->edit_view = GTK_TEXT_VIEW (view);
  return self->edit_view;
}

/* GTK 4.8 bug (gtktooltip.c, gtk_tooltip_show_tooltip()): the tooltip
 * machinery remembers the popover as the native the pointer was last over
 * and is only told to forget it when that popover is finalized
 * (gtk_tooltip_unset_surface() is called for toplevels only, and newer
 * GTKs also call it from gtk_popover_unmap()). A popover that is
 * unrealized but still alive (its row leaves the list and GtkWindow keeps a
 * reference to move the focus out "at the next frame", which a busy machine
 * delays) then gets its pending tooltip timeout, which calls
 * gdk_surface_get_device_position (NULL): a Gdk-CRITICAL. So when the menu
 * closes, the focus leaves it now, not a frame later (nothing keeps the
 * popover alive past its row), and the tooltips are pointed at whatever is
 * under the pointer now (the window, not the hidden popover). */
static void
on_popover_closed (GtkPopover    *popover,
                   EnoughTurnRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Back on the turn, where the arrow keys go on from (the list's row
   * around this one, with its focus ring), else on the ⋮ button. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)) &&
      (gtk_widget_get_parent (GTK_WIDGET (self)) == NULL ||
       !gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (self)))))
    gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self->menu_button));
}

/* The same bug when the row itself goes (it leaves the list, or the window
 * closes) with its menu made: the popover would be unrealized but alive
 * until the row is finalized, which can be a while later. The menu goes
 * first, at once, with the focus out of it so that GtkWindow keeps no
 * reference to it; it is made again if the row is shown and asked again. */
static void
drop_popover (EnoughTurnRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (self->popover == NULL)
    return;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->popover)))
    gtk_root_set_focus (root, NULL);
  g_signal_handlers_disconnect_by_func (self->popover, on_popover_closed, self);
  self->popover = NULL;
  self->patterns_section = NULL;
  memset (self->checks, 0, sizeof self->checks);
  gtk_menu_button_set_popover (self->menu_button, NULL);
}

static void
enough_turn_row_unrealize (GtkWidget *widget)
{
  drop_popover (ENOUGH_TURN_ROW (widget));

  GTK_WIDGET_CLASS (enough_turn_row_parent_class)->unrealize (widget);
}

/* Up and Down move through the menu's items as Tab and Shift+Tab do. GTK
 * 4.8's own arrow keys can also tick a thinking pattern they land on,
 * which Space then unticked. */
static gboolean
on_menu_key_pressed (GtkEventControllerKey *keys,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GtkWidget *popover = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (keys));
  GtkDirectionType direction;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    direction = GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return GDK_EVENT_PROPAGATE;

  gtk_widget_child_focus (popover, direction);
  return GDK_EVENT_STOP;
}

/* GtkMenuButton calls this each time before it pops up. */
static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  EnoughTurnRow *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  const EnoughPatternInfo *infos;
  guint n_infos;
  GtkBox *pattern_checks;

  if (self->popover != NULL)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/critic/enough-turn-row-menu.ui");
  self->popover = GTK_POPOVER (gtk_builder_get_object (builder, "popover"));
  self->patterns_section = GTK_WIDGET (gtk_builder_get_object (builder, "patterns_section"));
  pattern_checks = GTK_BOX (gtk_builder_get_object (builder, "pattern_checks"));

  infos = enough_critic_patterns_get (&n_infos);
  g_assert (n_infos == G_N_ELEMENTS (self->checks));
  for (guint i = 0; i < n_infos; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (_(infos[i].name));

      gtk_widget_set_tooltip_text (check, _(infos[i].explanation));
      g_object_set_data (G_OBJECT (check), "pattern-info", (gpointer) &infos[i]);
      g_signal_connect (check, "toggled", G_CALLBACK (on_pattern_toggled), self);
      gtk_box_append (pattern_checks, check);
      self->checks[i] = GTK_CHECK_BUTTON (check);
    }

  g_signal_connect_after (self->popover, "closed", G_CALLBACK (on_popover_closed), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_menu_key_pressed), NULL);
    gtk_widget_add_controller (GTK_WIDGET (self->popover), keys);
  }
  /* The button owns the popover from here on. */
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->popover));
  enough_turn_row_update_tags (self);
}

/* ---- GObject --------------------------------------------------------------- */

static void
enough_turn_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EnoughTurnRow *self = ENOUGH_TURN_ROW (object);

  switch (prop_id)
    {
    case PROP_TURN:
      g_value_set_object (value, self->turn);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_turn_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EnoughTurnRow *self = ENOUGH_TURN_ROW (object);

  switch (prop_id)
    {
    case PROP_TURN:
      enough_turn_row_set_turn (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_turn_row_dispose (GObject *object)
{
  EnoughTurnRow *self = ENOUGH_TURN_ROW (object);

  enough_turn_row_set_turn (self, NULL);
  g_clear_pointer (&self->text_before_edit, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_TURN_ROW);
  /* (owned by the menu button and the stack, gone with them) */
  self->popover = NULL;
  self->patterns_section = NULL;
  self->edit_view = NULL;
  memset (self->checks, 0, sizeof self->checks);

  G_OBJECT_CLASS (enough_turn_row_parent_class)->dispose (object);
}

static void
enough_turn_row_finalize (GObject *object)
{
  EnoughTurnRow *self = ENOUGH_TURN_ROW (object);

  g_free (self->critic_name);
  g_free (self->accessible_text);
  g_free (self->text_before_edit);

  G_OBJECT_CLASS (enough_turn_row_parent_class)->finalize (object);
}

static void
enough_turn_row_class_init (EnoughTurnRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_turn_row_dispose;
  object_class->finalize = enough_turn_row_finalize;
  object_class->get_property = enough_turn_row_get_property;
  object_class->set_property = enough_turn_row_set_property;
  widget_class->unrealize = enough_turn_row_unrealize;

  properties[PROP_TURN] =
    g_param_spec_object ("turn", NULL, NULL,
                         ENOUGH_TYPE_TURN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ENOUGH_TYPE_TURN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/critic/enough-turn-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "turn-row");
  gtk_widget_class_bind_template_child (widget_class, EnoughTurnRow, bubble);
  gtk_widget_class_bind_template_child (widget_class, EnoughTurnRow, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughTurnRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughTurnRow, stack);
  gtk_widget_class_bind_template_child (widget_class, EnoughTurnRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughTurnRow, tags);

  gtk_widget_class_install_action (widget_class, "turn.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "turn.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "turn.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "turn.test-experiment", NULL, test_experiment_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "turn.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "turn.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "turn.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "turn.delete", NULL);
}

static void
enough_turn_row_init (EnoughTurnRow *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->mark_start = self->mark_end = -1;

  /* The tags wrap to new rows on narrow windows. */
  gtk_widget_set_layout_manager (self->tags, enough_wrap_layout_new (4));

  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup, self, NULL);
  /* The ⋮ is for the pointer: the keyboard is on the turn itself (the
   * list's row, moved through with the arrow keys), whose menu opens with
   * Shift+F10 or Menu. (The menu button's own button is its first
   * child.) */
  {
    GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (self->menu_button));

    if (GTK_IS_TOGGLE_BUTTON (toggle))
      {
        gtk_widget_set_focusable (toggle, FALSE);
        gtk_widget_set_focus_on_click (toggle, FALSE);
      }
  }

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_right_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  enough_turn_row_update (self);
}

void
enough_turn_row_set_mark (EnoughTurnRow *self,
                          int            start,
                          int            end)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (ENOUGH_IS_TURN_ROW (self));

  if (start < 0 || end <= start)
    start = end = -1;
  if (self->mark_start == start && self->mark_end == end)
    return;
  self->mark_start = start;
  self->mark_end = end;
  shown = g_strdup (gtk_label_get_text (self->text_label));
  apply_mark (self, shown);
}

gboolean
enough_turn_row_get_mark (EnoughTurnRow *self,
                          int           *start,
                          int           *end)
{
  PangoAttrList *attributes;
  PangoAttrIterator *iter;
  const char *text;
  gboolean found = FALSE;

  g_return_val_if_fail (ENOUGH_IS_TURN_ROW (self), FALSE);

  /* What the label draws, not what was asked for. */
  attributes = gtk_label_get_attributes (self->text_label);
  if (attributes == NULL)
    return FALSE;
  text = gtk_label_get_text (self->text_label);
  iter = pango_attr_list_get_iterator (attributes);
  do
    {
      PangoAttribute *background = pango_attr_iterator_get (iter, PANGO_ATTR_BACKGROUND);

      if (background != NULL)
        {
          *start = (int) g_utf8_pointer_to_offset (text, text + background->start_index);
          *end = (int) g_utf8_pointer_to_offset (text, text + background->end_index);
          found = TRUE;
        }
    }
  while (!found && pango_attr_iterator_next (iter));
  pango_attr_iterator_destroy (iter);
  return found;
}
