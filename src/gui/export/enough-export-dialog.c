/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enough-dates.h"
#include "enough-entry-kind.h"
#include "enough-export-dialog.h"

struct _EnoughExportDialog
{
  AdwWindow             parent_instance;

  GtkButton            *cancel_button;
  GtkButton            *export_button;
  GtkWidget            *choices_box;
  GtkLabel             *plaintext_label;
  GtkCheckButton       *pdf_check;
  GtkCheckButton       *markdown_check;
  GtkCheckButton       *json_check;
  AdwPreferencesGroup  *include_group;
  AdwPreferencesGroup  *kinds_group;
  GtkCheckButton       *everything_check;
  GtkCheckButton       *range_check;
  GtkCheckButton       *chosen_check;
  AdwActionRow         *from_row;
  AdwActionRow         *to_row;
  AdwActionRow         *chosen_row;
  GtkMenuButton        *from_button;
  GtkMenuButton        *to_button;
  GtkCalendar          *from_calendar;
  GtkCalendar          *to_calendar;
  GtkCheckButton       *dialogues_check;
  GtkCheckButton       *letters_check;
  GtkCheckButton       *self_checks_check;
  GtkCheckButton       *experiments_check;
  GtkCheckButton       *checkins_check;
  AdwActionRow         *answers_row;
  GtkCheckButton       *answers_check;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;

  EnoughStore          *store;
  GSettings            *settings;
  char                 *folder;      /* the last folder exported to ("" none) */
  EnoughExportEntryRef  chosen;
  gboolean              has_chosen;
  GCancellable         *cancellable; /* while an export is under way */
  GFile                *target;      /* …the file it writes */
  gboolean              close_when_stopped;
};

G_DEFINE_FINAL_TYPE (EnoughExportDialog, enough_export_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_FOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The kinds' check buttons and what each adds: a new kind is one more row
 * in the .ui and one more line here. */
static const struct
{
  gsize             offset;
  EnoughExportKinds flag;
} kind_rows[] = {
  { G_STRUCT_OFFSET (EnoughExportDialog, dialogues_check), ENOUGH_EXPORT_DIALOGUES },
  { G_STRUCT_OFFSET (EnoughExportDialog, letters_check), ENOUGH_EXPORT_LETTERS },
  { G_STRUCT_OFFSET (EnoughExportDialog, self_checks_check), ENOUGH_EXPORT_SELF_CHECKS },
  { G_STRUCT_OFFSET (EnoughExportDialog, experiments_check), ENOUGH_EXPORT_EXPERIMENTS },
  { G_STRUCT_OFFSET (EnoughExportDialog, checkins_check), ENOUGH_EXPORT_CHECKINS },
};

#define KIND_CHECK(self, i) (*(GtkCheckButton **) G_STRUCT_MEMBER_P ((self), kind_rows[i].offset))

/* ---- Choices ------------------------------------------------------------ */

static EnoughExportFormat
chosen_format (EnoughExportDialog *self)
{
  if (gtk_check_button_get_active (self->json_check))
    return ENOUGH_EXPORT_JSON;
  if (gtk_check_button_get_active (self->markdown_check))
    return ENOUGH_EXPORT_MARKDOWN;
  return ENOUGH_EXPORT_PDF;
}

/* The start of @calendar's day in the local time zone, @days later. */
static gint64
calendar_day_start (GtkCalendar *calendar,
                    int          days)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) later = NULL;
  int y, m, d;

  g_date_time_get_ymd (shown, &y, &m, &d);
  start = g_date_time_new_local (y, m, d, 0, 0, 0);
  later = g_date_time_add_days (start, days);
  return g_date_time_to_unix (later) * G_USEC_PER_SEC;
}

void
_enough_export_dialog_get_options (EnoughExportDialog  *self,
                                   EnoughExportOptions *options)
{
  g_return_if_fail (ENOUGH_IS_EXPORT_DIALOG (self));

  *options = (EnoughExportOptions) { 0 };
  options->format = chosen_format (self);
  /* A backup is always the whole journal: it is what an import restores. */
  if (options->format == ENOUGH_EXPORT_JSON)
    {
      options->kinds = ENOUGH_EXPORT_ALL;
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (kind_rows); i++)
    if (gtk_check_button_get_active (KIND_CHECK (self, i)))
      options->kinds |= kind_rows[i].flag;
  options->with_answers = (options->kinds & ENOUGH_EXPORT_SELF_CHECKS) &&
                          gtk_check_button_get_active (self->answers_check);
  if (gtk_check_button_get_active (self->range_check))
    {
      /* Both days are included. */
      options->from_usec = calendar_day_start (self->from_calendar, 0);
      options->to_usec = calendar_day_start (self->to_calendar, 1);
    }
  else if (gtk_check_button_get_active (self->chosen_check) && self->has_chosen)
    {
      options->chosen = &self->chosen;
      options->n_chosen = 1;
    }
}

static void
update_date_label (GtkMenuButton *button,
                   GtkCalendar   *calendar)
{
  g_autofree char *text = enough_dates_format_date (calendar_day_start (calendar, 0));

  gtk_menu_button_set_label (button, text);
}

static void
update_sensitivity (EnoughExportDialog *self)
{
  EnoughExportOptions options;
  gboolean backup, range, ok;

  _enough_export_dialog_get_options (self, &options);
  backup = options.format == ENOUGH_EXPORT_JSON;
  range = gtk_check_button_get_active (self->range_check);

  gtk_widget_set_sensitive (GTK_WIDGET (self->include_group), !backup);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kinds_group), !backup);
  adw_preferences_group_set_description (self->include_group,
                                         backup ? _("A backup always holds your whole journal, so that all of it can be imported again.")
                                                : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->answers_row),
                            gtk_check_button_get_active (self->self_checks_check));
  gtk_widget_set_sensitive (GTK_WIDGET (self->from_row), range);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_row), range);

  ok = backup || (options.kinds != 0 && (!range || options.from_usec < options.to_usec));
  adw_action_row_set_subtitle (self->to_row, range && options.from_usec >= options.to_usec
                                             ? _("This is before the first day")
                                             : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), ok && self->cancellable == NULL);
}

static void
on_choice_changed (EnoughExportDialog *self)
{
  update_sensitivity (self);
}

static void
on_day_selected (EnoughExportDialog *self,
                 GtkCalendar        *calendar)
{
  GtkMenuButton *button = calendar == self->from_calendar ? self->from_button : self->to_button;

  update_date_label (button, calendar);
  gtk_menu_button_popdown (button);
  update_sensitivity (self);
}

/* ---- The file ----------------------------------------------------------- */

static const char *
format_ending (EnoughExportFormat format)
{
  switch (format)
    {
    case ENOUGH_EXPORT_MARKDOWN:
      return ".md";
    case ENOUGH_EXPORT_PDF:
      return ".pdf";
    case ENOUGH_EXPORT_JSON:
    default:
      return ".json";
    }
}

char *
enough_export_dialog_name_for_format (const char         *name,
                                      EnoughExportFormat  format)
{
  g_autofree char *stem = g_strdup (name != NULL ? name : "");
  EnoughExportFormat known;

  if (enough_export_format_for_path (stem, &known))
    {
      if (known == format)
        {
          /* Already right: only the case of the ending is made plain. */
          char *dot = strrchr (stem, '.');
          if (g_ascii_strcasecmp (dot, format_ending (format)) == 0)
            *dot = '\0';
          else
            return g_steal_pointer (&stem);  /* ".markdown" */
        }
      else
        *strrchr (stem, '.') = '\0';
    }
  return g_strconcat (stem, format_ending (format), NULL);
}

char *
_enough_export_dialog_get_suggested_name (EnoughExportDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stem = g_date_time_format (now, self->has_chosen &&
                                              gtk_check_button_get_active (self->chosen_check)
                                              ? "enough-entry-%Y-%m-%d" : "enough-journal-%Y-%m-%d");

  return g_strconcat (stem, format_ending (chosen_format (self)), NULL);
}

/* The folder used last if it is still there, else Documents, else home. */
GFile *
_enough_export_dialog_get_start_folder (EnoughExportDialog *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (self->folder != NULL && self->folder[0] != '\0' &&
      g_file_test (self->folder, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (self->folder);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

static void
set_folder (EnoughExportDialog *self,
            const char         *folder)
{
  if (g_strcmp0 (self->folder, folder) == 0)
    return;
  g_free (self->folder);
  self->folder = g_strdup (folder != NULL ? folder : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
}

/* ---- Exporting ---------------------------------------------------------- */

/* The worker thread's progress, read by the UI thread: the latest figures
 * and whether an update is already queued. */
typedef struct
{
  GWeakRef  dialog;
  int       done;
  int       total;
  int       queued;
} Progress;

static void
progress_clear (Progress *progress)
{
  g_weak_ref_clear (&progress->dialog);
}

static void
progress_release (Progress *progress)
{
  g_atomic_rc_box_release_full (progress, (GDestroyNotify) progress_clear);
}

static gboolean
progress_idle (gpointer data)
{
  Progress *progress = data;
  g_autoptr(EnoughExportDialog) self = g_weak_ref_get (&progress->dialog);
  guint done, total;
  g_autofree char *text = NULL;

  g_atomic_int_set (&progress->queued, 0);
  done = (guint) g_atomic_int_get (&progress->done);
  total = (guint) g_atomic_int_get (&progress->total);
  if (self == NULL || self->cancellable == NULL)
    return G_SOURCE_REMOVE;
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0);
  /* Translators: the export's progress, "1,234 of 100,000 entries"
   * (%'u: the number with the locale's thousands separators); the plural
   * follows the second number */
  text = g_strdup_printf (ngettext ("%'u of %'u entry", "%'u of %'u entries", total), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_REMOVE;
}

/* On the export's thread. */
static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_atomic_int_set (&progress->done, (int) done);
  g_atomic_int_set (&progress->total, (int) total);
  if (g_atomic_int_compare_and_exchange (&progress->queued, 0, 1))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, progress_idle,
                     g_atomic_rc_box_acquire (progress),
                     (GDestroyNotify) progress_release);
}

static void
set_busy (EnoughExportDialog *self,
          gboolean            busy)
{
  if (!busy)
    {
      g_clear_object (&self->cancellable);
      g_clear_object (&self->target);
    }
  gtk_widget_set_sensitive (self->choices_box, !busy);
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  if (busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, _("Exporting…"));
    }
  update_sensitivity (self);
}

static void
show_error (EnoughExportDialog *self,
            const GError       *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Your Journal Could Not Be Exported"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EnoughExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  GtkWindow *main_window;
  guint n = 0;

  if (self->settings == NULL)
    return;  /* destroyed meanwhile (with its main window) */
  if (!enough_export_finish (ENOUGH_STORE (source), result, &n, &error))
    {
      set_busy (self, FALSE);
      /* Cancel: back to the choices, nothing written; or closed, if the
       * window was closed meanwhile. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      else if (self->close_when_stopped)
        gtk_window_close (GTK_WINDOW (self));
      return;
    }

  parent = g_file_get_parent (self->target);
  if (parent != NULL && g_file_get_path (parent) != NULL)
    {
      g_autofree char *path = g_file_get_path (parent);
      set_folder (self, path);
    }
  name = g_file_get_basename (self->target);
  /* Translators: after an export; %u is how many entries, %s the file's name */
  text = g_strdup_printf (ngettext ("Exported %u entry to “%s”", "Exported %u entries to “%s”", n), n, name);
  set_busy (self, FALSE);
  main_window = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (main_window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (main_window), "win.show-toast", "s", text);
  gtk_window_close (GTK_WINDOW (self));
}

static void
start_export (EnoughExportDialog *self,
              GFile              *file)
{
  EnoughExportOptions options;
  Progress *progress;

  if (self->store == NULL || self->cancellable != NULL)
    return;
  _enough_export_dialog_get_options (self, &options);
  self->cancellable = g_cancellable_new ();
  self->target = g_object_ref (file);
  set_busy (self, TRUE);

  progress = g_atomic_rc_box_new0 (Progress);
  g_weak_ref_init (&progress->dialog, self);
  options.progress = progress_cb;
  options.progress_data = progress;
  enough_export_async (self->store, &options, file, self->cancellable, exported_cb, g_object_ref (self));
  /* The task holds the options until it ends; the progress is freed once
   * the last queued update has run. */
  g_object_set_data_full (G_OBJECT (self->cancellable), "enough-progress", progress,
                          (GDestroyNotify) progress_release);
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(EnoughExportDialog) self = user_data;
  GFile *file = g_object_get_data (G_OBJECT (dialog), "enough-file");

  if (g_strcmp0 (response, "replace") == 0)
    start_export (self, file);
}

/* The chooser's "accept": the file is written in the chosen format, with
 * that format's ending. A typed ending that disagrees is corrected
 * ("notes.md" with PDF chosen is written as "notes.pdf"), and if a file of
 * the corrected name is there already (which the chooser did not ask
 * about), the dialog asks before replacing it. */
void
_enough_export_dialog_accept_file (EnoughExportDialog *self,
                                   GFile              *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *corrected = enough_export_dialog_name_for_format (name, chosen_format (self));
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) target = NULL;
  GtkWidget *dialog;

  g_return_if_fail (ENOUGH_IS_EXPORT_DIALOG (self));

  if (g_strcmp0 (name, corrected) == 0 || parent == NULL)
    {
      start_export (self, file);
      return;
    }
  target = g_file_get_child (parent, corrected);
  if (!g_file_query_exists (target, NULL))
    {
      start_export (self, target);
      return;
    }

  /* Translators: %s is a file name */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Replace “%s”?"), corrected);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: both %s are file names */
                                  _("The export is saved as “%s” to match its format, instead of “%s”. A file with that name is already there."),
                                  corrected, name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "enough-file", g_steal_pointer (&target), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (replace_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
_enough_export_dialog_is_busy (EnoughExportDialog *self)
{
  g_return_val_if_fail (ENOUGH_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static void
chooser_response_cb (GtkNativeDialog    *chooser,
                     int                 response,
                     EnoughExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    _enough_export_dialog_accept_file (self, file);
  g_object_unref (self);
}

static void
on_export_clicked (EnoughExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = _enough_export_dialog_get_suggested_name (self);
  g_autoptr(GFile) folder = _enough_export_dialog_get_start_folder (self);
  EnoughExportFormat format = chosen_format (self);

  chooser = gtk_file_chooser_native_new (_("Export Journal"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  switch (format)
    {
    case ENOUGH_EXPORT_PDF:
      gtk_file_filter_set_name (filter, _("PDF (.pdf)"));
      break;
    case ENOUGH_EXPORT_MARKDOWN:
      gtk_file_filter_set_name (filter, _("Markdown (.md)"));
      break;
    case ENOUGH_EXPORT_JSON:
    default:
      gtk_file_filter_set_name (filter, _("Enough exports (.json)"));
      break;
    }
  gtk_file_filter_add_suffix (filter, format_ending (format) + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_cancel_clicked (EnoughExportDialog *self)
{
  /* During an export, Cancel stops it (nothing is left behind) and keeps
   * the choices open; otherwise it closes the dialog. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
enough_export_dialog_close_request (GtkWindow *window)
{
  EnoughExportDialog *self = ENOUGH_EXPORT_DIALOG (window);

  /* Closed during an export: the export stops first, then the window
   * closes. */
  if (self->cancellable != NULL)
    {
      self->close_when_stopped = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (enough_export_dialog_parent_class)->close_request (window);
}

/* ---- Public ------------------------------------------------------------- */

void
enough_export_dialog_choose_entry (EnoughExportDialog *self,
                                   EnoughRecord       *record)
{
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  const char *kind;

  g_return_if_fail (ENOUGH_IS_EXPORT_DIALOG (self));
  g_return_if_fail (ENOUGH_IS_RECORD (record));
  g_return_if_fail (enough_record_get_kind (record) != ENOUGH_RECORD_KIND_TURN);

  kind = enough_entry_kind_name (enough_record_get_kind (record));
  self->chosen = enough_export_entry_ref (record);
  self->has_chosen = TRUE;
  date = enough_dates_format_date (enough_record_get_created_at (record));
  /* Translators: the entry chosen to share: its kind, then its date */
  subtitle = g_strdup_printf (_("%s, %s"), kind, date);
  adw_action_row_set_subtitle (self->chosen_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->chosen_row), TRUE);
  gtk_check_button_set_active (self->chosen_check, TRUE);
  /* Sharing is for reading: a backup holds everything. */
  if (gtk_check_button_get_active (self->json_check))
    gtk_check_button_set_active (self->pdf_check, TRUE);
  update_sensitivity (self);
}

void
enough_export_dialog_set_journal_encrypted (EnoughExportDialog *self,
                                            gboolean            encrypted)
{
  g_return_if_fail (ENOUGH_IS_EXPORT_DIALOG (self));

  gtk_widget_set_visible (GTK_WIDGET (self->plaintext_label), encrypted);
}

EnoughExportDialog *
enough_export_dialog_new (GtkWindow   *parent,
                          EnoughStore *store)
{
  return g_object_new (ENOUGH_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "store", store,
                       NULL);
}

/* ---- GObject ------------------------------------------------------------ */

static void
enough_export_dialog_dispose (GObject *object)
{
  EnoughExportDialog *self = ENOUGH_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENOUGH_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (enough_export_dialog_parent_class)->dispose (object);
}

static void
enough_export_dialog_finalize (GObject *object)
{
  EnoughExportDialog *self = ENOUGH_EXPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->target);
  g_free (self->folder);
  G_OBJECT_CLASS (enough_export_dialog_parent_class)->finalize (object);
}

static void
enough_export_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EnoughExportDialog *self = ENOUGH_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_export_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EnoughExportDialog *self = ENOUGH_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FOLDER:
      set_folder (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_export_dialog_class_init (EnoughExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = enough_export_dialog_dispose;
  object_class->finalize = enough_export_dialog_finalize;
  object_class->get_property = enough_export_dialog_get_property;
  object_class->set_property = enough_export_dialog_set_property;
  window_class->close_request = enough_export_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ENOUGH_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The folder exported to last (bound to the "last-export-folder" key). */
  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/export/enough-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, choices_box);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, plaintext_label);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, pdf_check);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, markdown_check);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, json_check);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, include_group);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, kinds_group);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, everything_check);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, range_check);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, chosen_check);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, chosen_row);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, from_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, to_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, dialogues_check);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, letters_check);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, self_checks_check);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, experiments_check);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, checkins_check);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, answers_row);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, answers_check);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, EnoughExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
enough_export_dialog_init (EnoughExportDialog *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) month_ago = g_date_time_add_months (today, -1);

  self->folder = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "last-export-folder", self, "folder", G_SETTINGS_BIND_DEFAULT);

  /* A range starts as the last month, both days included. */
  gtk_calendar_select_day (self->from_calendar, month_ago);
  gtk_calendar_select_day (self->to_calendar, today);
  update_date_label (self->from_button, self->from_calendar);
  update_date_label (self->to_button, self->to_calendar);
  update_sensitivity (self);
}
