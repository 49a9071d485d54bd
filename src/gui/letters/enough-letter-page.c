/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-entry-actions.h"
#include "enough-letter-page.h"
#include "enough-letter-row.h"
#include "enough-list-utils.h"
#include "enough-row-factory.h"
#include "enough-stack-utils.h"
#include "enough-undo-toast.h"

/* How far into the (lazy, newest first) list we look for a letter opened
 * from a notification, to select its row. */
#define MAX_ROWS_SCANNED 2000

/* The list holds the newest letters and grows by this many as it is
 * scrolled (or moved through with the keyboard) near its end: GTK 4.8's
 * list view makes a row for up to 200 items at once, and those rows were
 * a good part of the page's first show on a journal of years. */
#define LIST_PAGE 20

struct _EnoughLetterPage
{
  GtkWidget           parent_instance;

  GtkStack           *main_stack;
  AdwStatusPage      *empty_page;
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkListView        *list_view;
  GtkWidget          *content;
  GtkLabel           *content_title;
  GtkWidget          *edit_button;
  GtkStack           *content_stack;
  EnoughLetterEditor *editor;
  EnoughLetterReader *reader;

  EnoughStore        *store;
  EnoughReminders    *reminders;
  gulong              checked_id;
  GtkSingleSelection *selection;
  GtkSliceListModel  *shown;       /* the newest letters, more as the list scrolls */
  GListModel         *letters;     /* the store's, not owned */
  gulong              items_changed_id;

  EnoughLetter       *letter;      /* the open one */
  gulong              letter_notify_id;

  /* Makes the rows; refreshes their "due" marks. */
  GtkListItemFactory *row_factory;

  /* TRUE while the selection is changed by code, not by the user. */
  gboolean            selecting;
  /* TRUE while the page is being shown: what it shows appears at once. */
  gboolean            mapping;

  EnoughUndoToast    *undo;
};

static void enough_letter_page_page_init (EnoughPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EnoughLetterPage, enough_letter_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ENOUGH_TYPE_PAGE, enough_letter_page_page_init))

enum {
  PROP_0,
  PROP_STORE,
};

static gint64
page_now (EnoughLetterPage *self)
{
  return self->store != NULL ? enough_store_now (self->store) : g_get_real_time ();
}

EnoughStore *
enough_letter_page_get_store (EnoughLetterPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER_PAGE (self), NULL);

  return self->store;
}

EnoughLetter *
enough_letter_page_get_letter (EnoughLetterPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return self->letter;
}

gboolean
enough_letter_page_is_reading (EnoughLetterPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER_PAGE (self), FALSE);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return self->letter != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "reader") == 0;
}

EnoughLetterEditor *
enough_letter_page_get_editor (EnoughLetterPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return self->editor;
}

EnoughLetterReader *
enough_letter_page_get_reader (EnoughLetterPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return self->reader;
}

GtkListView *
enough_letter_page_get_list_view (EnoughLetterPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_LETTER_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  return self->list_view;
}

/* A crossfade shows a change the user made while looking; a page being
 * shown appears at once (each frame of a fade draws the whole window again,
 * which on software rendering cost more than showing the page). */
static void
show_stack_child (EnoughLetterPage *self,
                  GtkStack         *stack,
                  const char       *name)
{
  enough_stack_show (stack, name, gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->mapping);
}

static void
update_main_stack (EnoughLetterPage *self)
{
  gboolean any = self->letters != NULL && g_list_model_get_n_items (self->letters) > 0;
  GtkWidget *empty_button = adw_status_page_get_child (self->empty_page);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean was_empty = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0;

  /* Keep showing a letter that is open, even if the list looks empty. */
  show_stack_child (self, self->main_stack, any || self->letter != NULL ? "letters" : "empty");
  if (!any && self->letter == NULL)
    enough_page_focus_if_lost (ENOUGH_PAGE (self), empty_button);
  /* The letters came (they load after the first frame): the focus moves
   * from the invitation, hidden now, to them. */
  else if (was_empty && gtk_widget_get_mapped (GTK_WIDGET (self)) && root != NULL &&
           (gtk_root_get_focus (root) == empty_button || gtk_root_get_focus (root) == NULL))
    enough_page_focus_shown (ENOUGH_PAGE (self), GTK_WIDGET (self->list_view), self->sidebar);
  /* Only while shown: the Ctrl+N of a hidden page must not answer for the
   * page the user is on (a disabled action lets the shortcut pass on). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letters.new",
                                 self->store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)));
}

static void
enough_letter_page_map (GtkWidget *widget)
{
  EnoughLetterPage *self = ENOUGH_LETTER_PAGE (widget);

  enough_page_ensure_built (ENOUGH_PAGE (widget));
  self->mapping = TRUE;
  GTK_WIDGET_CLASS (enough_letter_page_parent_class)->map (widget);
  /* Its journal now (see EnoughPage), so that its actions, and the
   * buttons that take the focus below, are enabled. */
  enough_page_ensure_store (ENOUGH_PAGE (self));
  update_main_stack (self);
  /* Shown: the keyboard starts on the main action, never on a hidden list. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0)
    gtk_widget_grab_focus (adw_status_page_get_child (self->empty_page));  /* New Letter */
  else
    enough_page_focus_shown (ENOUGH_PAGE (self), GTK_WIDGET (self->list_view), self->sidebar);
  self->mapping = FALSE;
}

static void
enough_letter_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (enough_letter_page_parent_class)->unmap (widget);
  update_main_stack (ENOUGH_LETTER_PAGE (widget));
}

static void
update_header (EnoughLetterPage *self)
{
  gboolean reading = enough_letter_page_is_reading (self);
  g_autofree char *title = NULL;

  if (self->letter != NULL)
    title = enough_letter_row_dup_title (self->letter);
  gtk_label_set_label (self->content_title, title != NULL ? title : "");

  gtk_widget_set_visible (self->edit_button, reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letters.edit", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letters.delete", self->letter != NULL);
  enough_entry_actions_update (GTK_WIDGET (self));
}

static EnoughRecord *
open_entry (GtkWidget *page)
{
  return (EnoughRecord *) ENOUGH_LETTER_PAGE (page)->letter;
}

static void
on_open_letter_notify (EnoughLetterPage *self,
                       GParamSpec       *pspec)
{
  /* A new reread time (or none): the old reminder no longer applies. */
  if (g_str_equal (pspec->name, "reread-at") && self->reminders != NULL)
    enough_reminders_withdraw (self->reminders, self->letter);

  update_header (self);
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void select_letter (EnoughLetterPage *self,
                           EnoughLetter     *letter);

/* A letter left without a word or a feeling in it ("A letter to
 * yourself") is not kept; quietly, as nothing of the person's is lost. */
static void
drop_if_never_written (EnoughLetterPage *self,
                       EnoughLetter     *letter)
{
  if (self->store == NULL ||
      !is_blank (enough_letter_get_not_good_enough (letter)) ||
      !is_blank (enough_letter_get_text (letter)) ||
      !is_blank (enough_letter_get_takeaway (letter)) ||
      enough_letter_get_feelings (letter) != 0 ||
      enough_letter_get_reread (letter) != ENOUGH_REREAD_UNSET)
    return;

  {
    g_autoptr(GError) error = NULL;

    /* Not to Recently Deleted: there is nothing in it to bring back. */
    if (!enough_store_delete_for_good (self->store, letter, &error))
      g_warning ("Could not remove an empty entry: %s", error->message);
  }
  select_letter (self, self->letter);
}

static void
set_open_letter (EnoughLetterPage *self,
                 EnoughLetter     *letter,
                 gboolean          reading)
{
  if (self->letter != letter)
    {
      g_autoptr(EnoughLetter) left = NULL;

      if (self->letter != NULL)
        g_clear_signal_handler (&self->letter_notify_id, self->letter);
      /* Going to another letter is leaving this one (closing is not). */
      if (self->letter != NULL && letter != NULL)
        left = g_object_ref (self->letter);
      g_set_object (&self->letter, letter);
      if (letter != NULL)
        self->letter_notify_id = g_signal_connect_swapped (letter, "notify",
                                                           G_CALLBACK (on_open_letter_notify),
                                                           self);
      if (left != NULL)
        drop_if_never_written (self, left);
    }

  enough_letter_editor_set_letter (self->editor, letter);
  enough_letter_reader_set_letter (self->reader, letter);

  show_stack_child (self, self->content_stack,
                    letter == NULL ? "none" : reading ? "reader" : "editor");

  update_header (self);
  update_main_stack (self);
}

/* A letter whose reread was planned is a letter to read; one still being
 * written reopens on its step. */
static gboolean
default_reading (EnoughLetter *letter)
{
  return enough_letter_get_reread (letter) != ENOUGH_REREAD_UNSET;
}

static void
show_content (EnoughLetterPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
select_letter (EnoughLetterPage *self,
               EnoughLetter     *letter)
{
  guint position = enough_list_model_find (self->letters, letter, MAX_ROWS_SCANNED);

  /* An older letter (from search, a reminder): the list grows to it. */
  if (position != GTK_INVALID_LIST_POSITION &&
      position >= gtk_slice_list_model_get_size (self->shown))
    gtk_slice_list_model_set_size (self->shown, position + LIST_PAGE);
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}

/* Opens @letter as from the list, its row selected. */
static void
open_and_select (EnoughLetterPage *self,
                 EnoughLetter     *letter,
                 gboolean          reading)
{
  set_open_letter (self, letter, reading);
  select_letter (self, letter);
}

static void
on_selected_changed (EnoughLetterPage *self)
{
  EnoughLetter *letter;

  if (self->selecting)
    return;

  letter = gtk_single_selection_get_selected_item (self->selection);
  if (letter != NULL && letter != self->letter)
    set_open_letter (self, letter, default_reading (letter));
}

EnoughLetter *
enough_letter_page_new_letter (EnoughLetterPage *self)
{
  g_autoptr(EnoughLetter) letter = NULL;

  g_return_val_if_fail (ENOUGH_IS_LETTER_PAGE (self), NULL);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  if (self->store == NULL)
    return NULL;

  letter = enough_store_create_letter (self->store);
  open_and_select (self, letter, FALSE);
  show_content (self);
  enough_letter_editor_focus_step (self->editor);

  return self->letter;
}

gboolean
enough_letter_page_open_letter (EnoughLetterPage *self,
                                const char       *uuid,
                                gboolean          reading)
{
  g_autoptr(EnoughRecord) record = NULL;

  g_return_val_if_fail (ENOUGH_IS_LETTER_PAGE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  enough_page_ensure_built (ENOUGH_PAGE (self));
  if (self->store == NULL)
    return FALSE;

  record = enough_store_lookup (self->store, ENOUGH_RECORD_KIND_LETTER, uuid);
  if (record == NULL || !ENOUGH_IS_LETTER (record))
    return FALSE;

  open_and_select (self, ENOUGH_LETTER (record), reading);
  show_content (self);

  return TRUE;
}

/* As from the list: a finished letter to read, a draft on its step; the
 * match selected and in view. */
static void
enough_letter_page_reveal (EnoughPage         *page,
                           EnoughRecord       *entry,
                           EnoughSearchResult *result,
                           const char         *query)
{
  EnoughLetterPage *self = ENOUGH_LETTER_PAGE (page);

  if (!enough_letter_page_open_letter (self, enough_record_get_uuid (entry),
                                       default_reading (ENOUGH_LETTER (entry))))
    return;

  if (enough_letter_page_is_reading (self))
    enough_letter_reader_reveal_match (self->reader, result, query);
  else
    enough_letter_editor_reveal_match (self->editor, result, query);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  enough_letter_page_new_letter (ENOUGH_LETTER_PAGE (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EnoughLetterPage *self = ENOUGH_LETTER_PAGE (widget);

  if (self->letter == NULL)
    return;

  set_open_letter (self, self->letter, FALSE);
  enough_letter_editor_focus_step (self->editor);
}

/* Undo: the first letter deleted opens again. */
static void
on_letters_restored (GtkWidget *owner,
                     GPtrArray *records)
{
  EnoughLetterPage *self = ENOUGH_LETTER_PAGE (owner);
  EnoughLetter *letter = records->pdata[0];

  open_and_select (self, letter, default_reading (letter));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EnoughLetterPage *self = ENOUGH_LETTER_PAGE (widget);
  g_autoptr(EnoughLetter) letter = NULL;

  if (self->letter == NULL || self->store == NULL)
    return;

  letter = g_object_ref (self->letter);
  if (self->reminders != NULL)
    enough_reminders_withdraw (self->reminders, letter);
  set_open_letter (self, NULL, FALSE);
  /* No confirmation: the toast offers Undo instead. */
  enough_undo_toast_delete (self->undo, self->store, letter, _("Letter deleted"));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  update_main_stack (self);
}

static void
on_back_clicked (EnoughLetterPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_editor_done (EnoughLetterPage *self)
{
  if (self->letter == NULL)
    return;

  set_open_letter (self, self->letter, TRUE);
  gtk_widget_grab_focus (self->edit_button);
}

static void
on_reread_done (EnoughLetterPage *self,
                EnoughLetter     *letter)
{
  if (self->reminders != NULL)
    enough_reminders_withdraw (self->reminders, letter);
  enough_letter_page_refresh_due (self);
}

/* ---- List rows ---------------------------------------------------------- */

/* A click opens the letter even when it was already selected, and in a
 * narrow window moves on to it. */
static void
open_from_list (EnoughLetterPage *self,
                EnoughLetter     *letter)
{
  if (letter == NULL)
    return;
  if (letter != self->letter)
    set_open_letter (self, letter, default_reading (letter));
  show_content (self);
}

static void
on_list_activate (EnoughLetterPage *self,
                  guint             position)
{
  g_autoptr(EnoughLetter) letter = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  open_from_list (self, letter);
}

static GtkWidget *
row_new (void)
{
  return enough_letter_row_new ();
}

static void
row_set_item (GtkWidget *row,
              gpointer   item)
{
  enough_letter_row_set_letter (ENOUGH_LETTER_ROW (row), item);
}

static void
row_update_now (GtkWidget *row,
                gint64     now)
{
  enough_letter_row_update_due (ENOUGH_LETTER_ROW (row), now);
}

static const EnoughRowKind row_kind = { row_new, row_set_item, row_update_now };

static gint64
row_now (gpointer page)
{
  return page_now (page);
}

static void
row_open (gpointer page,
          gpointer item)
{
  open_from_list (page, item);
}

/* Re-evaluates the "reread due" marks and the open letter's reread note. */
void
enough_letter_page_refresh_due (EnoughLetterPage *self)
{

  g_return_if_fail (ENOUGH_IS_LETTER_PAGE (self));

  enough_page_ensure_built (ENOUGH_PAGE (self));
  enough_row_factory_update_now (self->row_factory);

  enough_letter_reader_refresh (self->reader);
}

/* A page not built yet shows the marks as they are when it is. */
static void
on_reminders_checked (EnoughLetterPage *self)
{
  if (enough_page_is_built (ENOUGH_PAGE (self)))
    enough_letter_page_refresh_due (self);
}

static void
on_items_changed (EnoughLetterPage *self)
{
  /* A deleted open letter stays in our hands until Undo; the list may
   * just have shrunk or grown. */
  update_main_stack (self);
}

void
enough_letter_page_set_reminders (EnoughLetterPage *self,
                                  EnoughReminders  *reminders)
{
  g_return_if_fail (ENOUGH_IS_LETTER_PAGE (self));
  g_return_if_fail (reminders == NULL || ENOUGH_IS_REMINDERS (reminders));

  if (self->reminders == reminders)
    return;

  if (self->reminders != NULL)
    g_clear_signal_handler (&self->checked_id, self->reminders);
  g_set_object (&self->reminders, reminders);
  if (reminders != NULL)
    self->checked_id = g_signal_connect_swapped (reminders, "checked",
                                                 G_CALLBACK (on_reminders_checked),
                                                 self);
}

void
enough_letter_page_set_store (EnoughLetterPage *self,
                              EnoughStore      *store)
{
  g_return_if_fail (ENOUGH_IS_LETTER_PAGE (self));
  g_return_if_fail (store == NULL || ENOUGH_IS_STORE (store));

  enough_page_ensure_built (ENOUGH_PAGE (self));
  if (self->store == store)
    return;

  set_open_letter (self, NULL, FALSE);
  if (self->letters != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->letters);
  self->letters = NULL;
  gtk_slice_list_model_set_model (self->shown, NULL);
  gtk_slice_list_model_set_size (self->shown, LIST_PAGE);

  g_set_object (&self->store, store);
  enough_letter_editor_set_store (self->editor, store);
  enough_letter_reader_set_store (self->reader, store);

  if (store != NULL)
    {
      self->letters = enough_store_get_letters (store);
      self->items_changed_id = g_signal_connect_swapped (self->letters, "items-changed",
                                                         G_CALLBACK (on_items_changed), self);
      gtk_slice_list_model_set_model (self->shown, self->letters);

      /* Open the newest letter, on its step if it is half-written. */
      if (g_list_model_get_n_items (self->letters) > 0)
        {
          g_autoptr(EnoughLetter) newest = g_list_model_get_item (self->letters, 0);

          open_and_select (self, newest, default_reading (newest));
        }
    }

  update_main_stack (self);
  g_object_notify (G_OBJECT (self), "store");
}

static void
enough_letter_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EnoughLetterPage *self = ENOUGH_LETTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_letter_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EnoughLetterPage *self = ENOUGH_LETTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      enough_letter_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_letter_page_dispose (GObject *object)
{
  EnoughLetterPage *self = ENOUGH_LETTER_PAGE (object);

  g_clear_object (&self->undo);
  if (self->letter != NULL)
    g_clear_signal_handler (&self->letter_notify_id, self->letter);
  g_clear_object (&self->letter);
  if (self->letters != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->letters);
  self->letters = NULL;
  if (self->reminders != NULL)
    g_clear_signal_handler (&self->checked_id, self->reminders);
  g_clear_object (&self->reminders);

  /* The list view goes with the template; then nothing is bound any more. */
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_LETTER_PAGE);
  g_clear_object (&self->row_factory);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (enough_letter_page_parent_class)->dispose (object);
}

static void
enough_letter_page_class_init (EnoughLetterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_letter_page_dispose;
  object_class->get_property = enough_letter_page_get_property;
  object_class->set_property = enough_letter_page_set_property;

  widget_class->map = enough_letter_page_map;
  widget_class->unmap = enough_letter_page_unmap;

  g_object_class_override_property (object_class, PROP_STORE, "store");

  g_type_ensure (ENOUGH_TYPE_LETTER_EDITOR);
  g_type_ensure (ENOUGH_TYPE_LETTER_READER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/letters/enough-letter-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterPage, content);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterPage, content_title);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterPage, editor);
  gtk_widget_class_bind_template_child (widget_class, EnoughLetterPage, reader);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_done);
  gtk_widget_class_bind_template_callback (widget_class, on_reread_done);

  gtk_widget_class_install_action (widget_class, "letters.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "letters.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "letters.delete", NULL, delete_action);
  /* Share… and Print… of the open letter */
  enough_entry_actions_install (widget_class, open_entry);

  /* Works while the focus is anywhere in the page; the page shortcut
   * added in init covers the rest of the window while the page is shown. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "letters.new", NULL);
}

/* Made when first shown or used (see EnoughPage), not with the window. */
static void
enough_letter_page_build (EnoughPage *page)
{
  EnoughLetterPage *self = ENOUGH_LETTER_PAGE (page);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Folded to one pane, or the other pane shown: the focus follows. */
  enough_page_follow_leaflet (page, GTK_WIDGET (self->leaflet), GTK_WIDGET (self->list_view));

  self->row_factory = enough_row_factory_install (self->list_view, &row_kind, row_now, row_open, self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_list_activate), self);
  /* Within half a screen of the end: a whole screen would grow the first
   * rows at once in an ordinary window, before anything was scrolled. */
  enough_list_grow_near_end (self->list_view, self->shown, LIST_PAGE, 0.5);

  set_open_letter (self, NULL, FALSE);
}

static void
enough_letter_page_page_init (EnoughPageInterface *iface)
{
  iface->entry_kind = ENOUGH_RECORD_KIND_LETTER;
  iface->build = enough_letter_page_build;
  iface->reveal = enough_letter_page_reveal;
}

static void
enough_letter_page_init (EnoughLetterPage *self)
{
  self->undo = enough_undo_toast_new (GTK_WIDGET (self), on_letters_restored);

  self->shown = gtk_slice_list_model_new (NULL, 0, LIST_PAGE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selected_changed), self);

  /* Until it is built (see EnoughPage). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letters.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letters.edit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letters.delete", FALSE);
  enough_entry_actions_update (GTK_WIDGET (self));

  enough_page_add_shortcut (ENOUGH_PAGE (self), GDK_KEY_n, GDK_CONTROL_MASK, "letters.new");
}
