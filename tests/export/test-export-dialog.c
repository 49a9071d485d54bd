/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
/* The Export dialog in the real window: its choices give the right file
 * type and content, the dates are inclusive, a typed ending that disagrees
 * with the format is corrected, Cancel leaves no file, the folder used
 * last is where the next export starts. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "enough-entry-actions.h"
#include "enough-export-dialog.h"
#include "enough-gui-test-utils.h"
#include "enough-import.h"
#include "enough-print.h"
#include "enough-test-utils.h"

typedef EnoughTestFixture Fixture;

#define DAY_USEC ((gint64) 86400 * G_USEC_PER_SEC)
#define DAY1     ((gint64) 1767312000 * G_USEC_PER_SEC)  /* 2026-01-02T00:00:00Z */

static gint64 clock_now;

static gint64
test_clock (gpointer data)
{
  return clock_now;
}

static EnoughExportDialog *
open_dialog (EnoughTestApp *test)
{
  EnoughExportDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (test->window), "win.export", NULL);
  dialog = ENOUGH_EXPORT_DIALOG (enough_test_find_window_of_type (ENOUGH_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (test->window));
  return dialog;
}

static void
close_dialog (EnoughExportDialog *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  enough_test_drain_main_context ();
  g_assert_null (dialog);
}

static gboolean
row_has_title (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* Activates a row of the dialog as a click or Enter on it would. */
static void
choose (EnoughExportDialog *dialog,
        const char         *title)
{
  GtkWidget *row = enough_test_find_first (GTK_WIDGET (dialog), row_has_title, title);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_sensitive (row));
  adw_action_row_activate (ADW_ACTION_ROW (row));
}

static gboolean
is_calendar (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_CALENDAR (widget) && (data == NULL || widget != data);
}

static gboolean
export_done (gpointer data)
{
  return !_enough_export_dialog_is_busy (data);
}

static gboolean
dialog_gone (gpointer data)
{
  return enough_test_find_window_of_type (ENOUGH_TYPE_EXPORT_DIALOG) == NULL;
}

/* The chooser's accept of @dir/@name, then the export to its end. */
static void
export_to (EnoughExportDialog *dialog,
           const char         *dir,
           const char         *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  _enough_export_dialog_accept_file (dialog, file);
  g_assert_true (_enough_export_dialog_is_busy (dialog));
  g_assert_true (enough_test_wait_until (dialog_gone, NULL, 60));
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static char *
pdf_text (const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { pdftotext, path, "-", NULL };
  char *text = NULL;
  int status = -1;

  if (pdftotext == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return text;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static char *
make_out_dir (void)
{
  g_autofree char *data_dir = g_strdup (g_getenv ("ENOUGH_DATA_DIR"));
  char *dir = g_build_filename (data_dir, "exports", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

/* A dialogue, a letter and a self-check, each on its own day (DAY1 + 0, 1, 2
 * at 23:59:59 local), and a letter on day 3 at 00:00:00. */
static void
add_entries (EnoughStore *store)
{
  g_autoptr(EnoughDialogue) d = NULL;
  g_autoptr(EnoughTurn) t = NULL;
  g_autoptr(EnoughLetter) l = NULL;
  g_autoptr(EnoughLetter) late = NULL;
  g_autoptr(EnoughSelfCheck) c = NULL;
  g_autoptr(GError) error = NULL;

  enough_store_set_clock (store, test_clock, NULL);
  clock_now = DAY1 + DAY_USEC - G_USEC_PER_SEC;
  d = enough_store_create_dialogue (store);
  enough_dialogue_set_title (d, "dialogue-day-zero");
  enough_dialogue_set_critic_name (d, "The Judge");
  t = enough_store_add_turn (store, d, -1, ENOUGH_SPEAKER_CRITIC, "critic-words-zero");
  clock_now = DAY1 + 2 * DAY_USEC - G_USEC_PER_SEC;
  l = enough_store_create_letter (store);
  enough_letter_set_text (l, "letter-words-one 大丈夫");
  clock_now = DAY1 + 3 * DAY_USEC - G_USEC_PER_SEC;
  c = enough_store_create_self_check (store, 1);
  for (guint i = 0; i < ENOUGH_SELF_CHECK_N_ITEMS; i++)
    enough_self_check_set_answer (c, i, 1 + i % 5);
  enough_self_check_set_completed_at (c, clock_now);
  enough_self_check_set_note (c, "self-check-note-two");
  clock_now = DAY1 + 3 * DAY_USEC;
  late = enough_store_create_letter (store);
  enough_letter_set_text (late, "letter-words-three");
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);
}

/* ---- the choices --------------------------------------------------------- */

static void
choices_body (EnoughTestApp *test)
{
  EnoughExportDialog *dialog = open_dialog (test);
  EnoughExportOptions options;
  g_autofree char *pdf_name = NULL;
  g_autofree char *md_name = NULL;
  g_autofree char *json_name = NULL;
  GtkWidget *kinds_row;

  /* PDF, everything, every kind, by default. */
  _enough_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, ENOUGH_EXPORT_PDF);
  g_assert_cmpint (options.kinds, ==, ENOUGH_EXPORT_ALL);
  g_assert_null (options.chosen);
  g_assert_cmpint (options.from_usec, ==, 0);
  g_assert_cmpint (options.to_usec, ==, 0);
  pdf_name = _enough_export_dialog_get_suggested_name (dialog);
  g_assert_true (g_str_has_suffix (pdf_name, ".pdf"));

  choose (dialog, "Markdown");
  md_name = _enough_export_dialog_get_suggested_name (dialog);
  g_assert_true (g_str_has_suffix (md_name, ".md"));
  choose (dialog, "Letters");
  _enough_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, ENOUGH_EXPORT_MARKDOWN);
  g_assert_cmpint (options.kinds, ==, ENOUGH_EXPORT_DIALOGUES | ENOUGH_EXPORT_SELF_CHECKS |
                                      ENOUGH_EXPORT_EXPERIMENTS | ENOUGH_EXPORT_CHECKINS);
  choose (dialog, "Experiments");
  choose (dialog, "Check-ins");
  _enough_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.kinds, ==, ENOUGH_EXPORT_DIALOGUES | ENOUGH_EXPORT_SELF_CHECKS);

  /* The answers: off by default, only with the self-checks. */
  g_assert_false (options.with_answers);
  choose (dialog, "Self-check answers");
  _enough_export_dialog_get_options (dialog, &options);
  g_assert_true (options.with_answers);
  choose (dialog, "Self-checks");
  _enough_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.kinds, ==, ENOUGH_EXPORT_DIALOGUES);
  g_assert_false (options.with_answers);
  g_assert_false (gtk_widget_is_sensitive (enough_test_find_first (GTK_WIDGET (dialog), row_has_title,
                                                                   "Self-check answers")));
  choose (dialog, "Self-checks");

  /* A backup is everything: the kinds cannot be chosen, and do not count. */
  choose (dialog, "Backup");
  json_name = _enough_export_dialog_get_suggested_name (dialog);
  g_assert_true (g_str_has_suffix (json_name, ".json"));
  _enough_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, ENOUGH_EXPORT_JSON);
  g_assert_cmpint (options.kinds, ==, ENOUGH_EXPORT_ALL);
  kinds_row = enough_test_find_first (GTK_WIDGET (dialog), row_has_title, "Letters");
  g_assert_false (gtk_widget_is_sensitive (kinds_row));

  /* The encrypted journal's hook: the dialog says an export is plain text. */
  {
    GtkWidget *plaintext = enough_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                                        "Your journal is encrypted, but an export is not: "
                                                        "anyone who has the file can read it.");

    g_assert_nonnull (plaintext);
    g_assert_false (gtk_widget_get_visible (plaintext));
    enough_export_dialog_set_journal_encrypted (dialog, TRUE);
    g_assert_true (gtk_widget_get_visible (plaintext));
  }

  close_dialog (dialog);
}

static void
test_choices (Fixture       *fixture,
              gconstpointer  data)
{
  enough_test_run_app (choices_body, NULL);
}

/* ---- JSON: the round trip ---------------------------------------------- */

static void
json_body (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);
  g_autofree char *dir = make_out_dir ();
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autofree char *copy_path = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) copy = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  EnoughExportOptions options = { ENOUGH_EXPORT_JSON };
  EnoughExportDialog *dialog;
  guint added = 0, skipped = 0;

  add_entries (store);
  dialog = open_dialog (test);
  choose (dialog, "Letters");  /* ignored by a backup */
  choose (dialog, "Backup");
  export_to (dialog, dir, "backup.json");
  json = read_file (dir, "backup.json");
  g_assert_nonnull (strstr (json, "\"format\":\"enough-journal\""));

  /* Imported into a new journal and exported again: the same entries,
   * byte for byte (after the header's time). */
  copy = enough_store_open (copy_path, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  {
    g_autoptr(EnoughImport) import = enough_import_parse_data (json, strlen (json), &error);

    g_assert_no_error (error);
    g_assert_true (enough_import_write (copy, import, &added, &skipped, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (added, ==, 4);
  g_assert_true (enough_store_flush (copy, &error));
  g_assert_true (enough_export_to_stream (enough_store_get_path (copy), &options, out, NULL, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  again = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_cmpstr (strchr (json, '\n'), ==, strchr (again, '\n'));
  enough_store_close (copy, NULL);
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  enough_test_run_app (json_body, NULL);
}

/* ---- a date range, both days included ---------------------------------- */

static void
range_body (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);
  g_autofree char *dir = make_out_dir ();
  g_autofree char *md = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_local ((DAY1 + DAY_USEC) / G_USEC_PER_SEC);
  g_autoptr(GDateTime) to = g_date_time_new_from_unix_local ((DAY1 + 2 * DAY_USEC) / G_USEC_PER_SEC);
  EnoughExportDialog *dialog;
  GtkWidget *from_calendar, *to_calendar;

  add_entries (store);
  dialog = open_dialog (test);
  choose (dialog, "Markdown");
  choose (dialog, "Between two dates");
  from_calendar = enough_test_find_first (GTK_WIDGET (dialog), is_calendar, NULL);
  to_calendar = enough_test_find_first (GTK_WIDGET (dialog), is_calendar, from_calendar);
  g_assert_nonnull (to_calendar);
  gtk_calendar_select_day (GTK_CALENDAR (from_calendar), from);
  gtk_calendar_select_day (GTK_CALENDAR (to_calendar), to);
  export_to (dialog, dir, "range.md");

  /* Days 1 and 2 (the letter at 23:59:59 of day 1, the self-check at
   * 23:59:59 of day 2), not the dialogue of the evening before nor the
   * letter at midnight after. */
  md = read_file (dir, "range.md");
  g_assert_nonnull (strstr (md, "*Entries from 2026-01-03 to 2026-01-04*"));
  g_assert_null (strstr (md, "critic-words-zero"));
  g_assert_nonnull (strstr (md, "letter-words-one"));
  g_assert_nonnull (strstr (md, "self-check-note-two"));
  g_assert_null (strstr (md, "letter-words-three"));
}

static void
test_range_inclusive (Fixture       *fixture,
                      gconstpointer  data)
{
  enough_test_run_app (range_body, NULL);
}

/* ---- Share…: the chosen entry only, as PDF; a typed ".md" corrected ------ */

static void
share_body (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);
  g_autofree char *dir = make_out_dir ();
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *md_path = g_build_filename (dir, "for-my-therapist.md", NULL);
  g_autoptr(EnoughRecord) letter = NULL;
  GListModel *letters;
  EnoughExportDialog *dialog;
  EnoughExportOptions options;

  add_entries (store);
  letters = enough_store_get_letters (store);
  letter = g_list_model_get_item (letters, 1);  /* newest first: the day-1 letter */
  g_assert_cmpstr (enough_letter_get_text (ENOUGH_LETTER (letter)), ==, "letter-words-one 大丈夫");

  gtk_widget_activate_action (GTK_WIDGET (test->window), "win.share-entry", "(is)",
                              ENOUGH_RECORD_KIND_LETTER, enough_record_get_uuid (letter));
  dialog = ENOUGH_EXPORT_DIALOG (enough_test_find_window_of_type (ENOUGH_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  _enough_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, ENOUGH_EXPORT_PDF);
  g_assert_cmpuint (options.n_chosen, ==, 1);

  /* PDF chosen, "….md" typed: written as "….pdf", no ".md" made. */
  export_to (dialog, dir, "for-my-therapist.md");
  g_assert_false (g_file_test (md_path, G_FILE_TEST_EXISTS));
  pdf = read_file (dir, "for-my-therapist.pdf");
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpuint (count_files (dir), ==, 1);

  text = pdf_text (dir, "for-my-therapist.pdf");
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed (build-aux/setup.sh installs it)");
      return;
    }
  g_assert_nonnull (strstr (text, "letter-words-one"));
  g_assert_nonnull (strstr (text, "大丈夫"));
  g_assert_null (strstr (text, "critic-words-zero"));
  g_assert_null (strstr (text, "dialogue-day-zero"));
  g_assert_null (strstr (text, "self-check-note-two"));
  g_assert_null (strstr (text, "letter-words-three"));
}

static void
test_share_pdf (Fixture       *fixture,
                gconstpointer  data)
{
  enough_test_run_app (share_body, NULL);
}

/* ---- a corrected name that is taken: asked first ------------------------- */

static void
replace_body (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);
  g_autofree char *dir = make_out_dir ();
  g_autofree char *taken = g_build_filename (dir, "notes.pdf", NULL);
  g_autofree char *typed = g_build_filename (dir, "notes.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (typed);
  g_autofree char *kept = NULL;
  g_autofree char *pdf = NULL;
  EnoughExportDialog *dialog;
  AdwMessageDialog *question;

  add_entries (store);
  g_assert_true (g_file_set_contents (taken, "an older file", -1, NULL));
  dialog = open_dialog (test);
  _enough_export_dialog_accept_file (dialog, file);
  /* Not started: a question about "notes.pdf" first. */
  g_assert_false (_enough_export_dialog_is_busy (dialog));
  question = ADW_MESSAGE_DIALOG (enough_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (question), "notes.pdf"));

  adw_message_dialog_response (question, "cancel");
  enough_test_drain_main_context ();
  kept = read_file (dir, "notes.pdf");
  g_assert_cmpstr (kept, ==, "an older file");
  g_assert_false (g_file_test (typed, G_FILE_TEST_EXISTS));

  _enough_export_dialog_accept_file (dialog, file);
  question = ADW_MESSAGE_DIALOG (enough_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "replace");
  g_assert_true (enough_test_wait_until (dialog_gone, NULL, 60));
  pdf = read_file (dir, "notes.pdf");
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_false (g_file_test (typed, G_FILE_TEST_EXISTS));
}

static void
test_corrected_name_taken (Fixture       *fixture,
                           gconstpointer  data)
{
  enough_test_run_app (replace_body, NULL);
}

/* ---- Cancel -------------------------------------------------------------- */

static void
cancel_body (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);
  g_autofree char *dir = make_out_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EnoughExportDialog *dialog;
  GtkWidget *cancel;

  add_entries (store);
  dialog = open_dialog (test);
  _enough_export_dialog_accept_file (dialog, file);
  g_assert_true (_enough_export_dialog_is_busy (dialog));
  /* The dialog's Cancel button while the export runs. */
  cancel = enough_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Cancel");
  g_assert_nonnull (cancel);
  gtk_widget_activate (cancel);
  g_assert_true (enough_test_wait_until (export_done, dialog, 60));

  /* Stopped, nothing written, the dialog still open for another try. */
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_assert_true (enough_test_find_window_of_type (ENOUGH_TYPE_EXPORT_DIALOG) == GTK_WINDOW (dialog));

  /* Closing the window (Escape) during an export stops it, then closes. */
  _enough_export_dialog_accept_file (dialog, file);
  g_assert_true (_enough_export_dialog_is_busy (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (enough_test_wait_until (dialog_gone, NULL, 60));
  g_assert_cmpuint (count_files (dir), ==, 0);
}

static void
test_cancel_leaves_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  enough_test_run_app (cancel_body, NULL);
}

/* ---- the folder used last --------------------------------------------------- */

static void
folder_body (EnoughTestApp *test)
{
  g_autofree char *dir = make_out_dir ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) start = NULL;
  g_autoptr(GFile) again = NULL;
  g_autoptr(GFile) out_dir = g_file_new_for_path (dir);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *expected = g_strdup (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                        ? documents : g_get_home_dir ());
  g_autofree char *start_path = NULL;
  EnoughExportDialog *dialog;

  g_settings_set_string (settings, "last-export-folder", "");
  dialog = open_dialog (test);
  start = _enough_export_dialog_get_start_folder (dialog);
  start_path = g_file_get_path (start);
  g_assert_cmpstr (start_path, ==, expected);
  export_to (dialog, dir, "first.md");

  {
    g_autofree char *saved = g_settings_get_string (settings, "last-export-folder");
    g_assert_cmpstr (saved, ==, dir);
  }
  dialog = open_dialog (test);
  again = _enough_export_dialog_get_start_folder (dialog);
  g_assert_true (g_file_equal (again, out_dir));
  close_dialog (dialog);
}

static void
test_last_folder (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_run_app (folder_body, NULL);
}

/* ---- Share… and Print… from the letters page ------------------------------ */

static EnoughLetterPage *
show_letter (EnoughTestApp *test,
             EnoughLetter  *letter)
{
  AdwViewStack *stack = enough_window_get_stack (test->window);
  EnoughLetterPage *page = ENOUGH_LETTER_PAGE (adw_view_stack_get_child_by_name (stack, "letters"));

  adw_view_stack_set_visible_child_name (stack, "letters");
  enough_test_drain_main_context ();
  g_assert_true (enough_letter_page_open_letter (page, enough_record_get_uuid (ENOUGH_RECORD (letter)), TRUE));
  enough_test_drain_main_context ();
  return page;
}

static void
page_share_body (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);
  GListModel *letters;
  g_autoptr(EnoughRecord) letter = NULL;
  EnoughLetterPage *page;
  EnoughExportDialog *dialog;
  EnoughExportOptions options;
  EnoughExportEntryRef ref;

  add_entries (store);
  letters = enough_store_get_letters (store);
  letter = g_list_model_get_item (letters, 1);
  page = show_letter (test, ENOUGH_LETTER (letter));

  /* The page's entry menu: Share… */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.share", NULL));
  dialog = ENOUGH_EXPORT_DIALOG (enough_test_find_window_of_type (ENOUGH_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  _enough_export_dialog_get_options (dialog, &options);
  ref = enough_export_entry_ref (letter);
  g_assert_cmpuint (options.n_chosen, ==, 1);
  g_assert_cmpint (options.chosen[0].kind, ==, ref.kind);
  g_assert_cmpint (options.chosen[0].id, ==, ref.id);
  /* "Everything" is still a choice away. */
  choose (dialog, "Everything");
  _enough_export_dialog_get_options (dialog, &options);
  g_assert_null (options.chosen);
  close_dialog (dialog);
}

static void
test_share_from_page (Fixture       *fixture,
                      gconstpointer  data)
{
  enough_test_run_app (page_share_body, NULL);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
print_body (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);
  g_autofree char *dir = make_out_dir ();
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_auto(GStrv) actions = NULL;
  g_autofree char *text = NULL;
  GListModel *letters;
  g_autoptr(EnoughRecord) letter = NULL;

  add_entries (store);
  letters = enough_store_get_letters (store);
  letter = g_list_model_get_item (letters, 1);

  /* Nothing open (the Experiments page, no experiment; the Inner Critic
   * page opens the newest dialogue that arrives): nothing printed. */
  _enough_print_set_export_filename (path);
  adw_view_stack_set_visible_child_name (enough_window_get_stack (test->window), "experiments");
  enough_test_drain_main_context ();
  g_assert_null (enough_entry_actions_get_open_entry (
                   adw_view_stack_get_visible_child (enough_window_get_stack (test->window))));
  enough_test_drain_main_context ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), "win.print", NULL));
  enough_test_drain_main_context ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  _enough_print_set_export_filename (NULL);

  show_letter (test, ENOUGH_LETTER (letter));

  /* Ctrl+P is the window's Print… */
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (test->app), "<Control>p");
  g_assert_nonnull (actions);
  g_assert_cmpstr (actions[0], ==, "win.print");
  _enough_print_set_export_filename (path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test->window), actions[0], NULL));
  g_assert_true (enough_test_wait_until (file_exists, path, 60));
  _enough_print_set_export_filename (NULL);

  text = pdf_text (dir, "printed.pdf");
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed (build-aux/setup.sh installs it)");
      return;
    }
  g_assert_nonnull (strstr (text, "letter-words-one"));
  g_assert_nonnull (strstr (text, "大丈夫"));
  g_assert_nonnull (strstr (text, "Written in Enough"));
  g_assert_null (strstr (text, "critic-words-zero"));
  g_assert_null (strstr (text, "letter-words-three"));
}

static void
test_print_ctrl_p (Fixture       *fixture,
                   gconstpointer  data)
{
  enough_test_run_app (print_body, NULL);
}

/* Share… from the Inner Critic and Self-Check pages: the entry each has
 * open is the one chosen. */
static void
share_chosen_is (EnoughTestApp *test,
                 GtkWidget     *page,
                 EnoughRecord  *record)
{
  EnoughExportDialog *dialog;
  EnoughExportOptions options;
  EnoughExportEntryRef ref = enough_export_entry_ref (record);

  g_assert_true (enough_entry_actions_get_open_entry (page) == record);
  g_assert_true (gtk_widget_activate_action (page, "page.share", NULL));
  dialog = ENOUGH_EXPORT_DIALOG (enough_test_find_window_of_type (ENOUGH_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  _enough_export_dialog_get_options (dialog, &options);
  g_assert_cmpuint (options.n_chosen, ==, 1);
  g_assert_cmpint (options.chosen[0].kind, ==, ref.kind);
  g_assert_cmpint (options.chosen[0].id, ==, ref.id);
  close_dialog (dialog);
}

static void
pages_share_body (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);
  AdwViewStack *stack = enough_window_get_stack (test->window);
  GtkWidget *critic = adw_view_stack_get_child_by_name (stack, "critic");
  GtkWidget *self_check = adw_view_stack_get_child_by_name (stack, "self-check");
  g_autoptr(EnoughRecord) dialogue = NULL;
  g_autoptr(EnoughRecord) check = NULL;

  add_entries (store);
  dialogue = g_list_model_get_item (enough_store_get_dialogues (store), 0);
  check = g_list_model_get_item (enough_store_get_completed_self_checks (store), 0);
  g_assert_nonnull (check);

  adw_view_stack_set_visible_child_name (stack, "critic");
  enough_test_drain_main_context ();
  enough_critic_page_open_dialogue (ENOUGH_CRITIC_PAGE (critic), ENOUGH_DIALOGUE (dialogue));
  enough_test_drain_main_context ();
  share_chosen_is (test, critic, dialogue);

  /* The Self-Check page shares the check whose results are shown. */
  adw_view_stack_set_visible_child_name (stack, "self-check");
  enough_test_drain_main_context ();
  enough_self_check_page_show_check (ENOUGH_SELF_CHECK_PAGE (self_check), ENOUGH_SELF_CHECK (check));
  enough_test_drain_main_context ();
  share_chosen_is (test, self_check, check);
}

static void
test_share_from_pages (Fixture       *fixture,
                       gconstpointer  data)
{
  enough_test_run_app (pages_share_body, NULL);
}

/* Share… of an experiment and of a check-in (win.share-entry): the dialog
 * opens with that entry chosen, its kind named. */
static void
share_kind_is (EnoughTestApp *test,
               EnoughRecord  *record,
               const char    *kind)
{
  EnoughExportDialog *dialog;
  EnoughExportOptions options;
  EnoughExportEntryRef ref = enough_export_entry_ref (record);
  GtkWidget *row;

  gtk_widget_activate_action (GTK_WIDGET (test->window), "win.share-entry", "(is)",
                              enough_record_get_kind (record), enough_record_get_uuid (record));
  dialog = ENOUGH_EXPORT_DIALOG (enough_test_find_window_of_type (ENOUGH_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  _enough_export_dialog_get_options (dialog, &options);
  g_assert_cmpuint (options.n_chosen, ==, 1);
  g_assert_cmpint (options.chosen[0].kind, ==, ref.kind);
  g_assert_cmpint (options.chosen[0].id, ==, ref.id);
  row = enough_test_must_find_by_id (GTK_WIDGET (dialog), "chosen_row");
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), kind));
  close_dialog (dialog);
}

static void
share_kinds_body (EnoughTestApp *test)
{
  EnoughStore *store = enough_window_get_store (test->window);
  g_autoptr(EnoughExperiment) experiment = enough_store_create_experiment (store);
  g_autoptr(EnoughCheckin) checkin = enough_store_dup_checkin (store, "2026-03-02", TRUE);
  g_autoptr(GError) error = NULL;

  enough_experiment_set_belief (experiment, "experiment-belief");
  enough_checkin_set_mood (checkin, 6);
  g_assert_true (enough_store_flush (store, &error));
  g_assert_no_error (error);

  share_kind_is (test, ENOUGH_RECORD (experiment), "Experiment");
  share_kind_is (test, ENOUGH_RECORD (checkin), "Check-in");
}

static void
test_share_kinds (Fixture       *fixture,
                  gconstpointer  data)
{
  enough_test_run_app (share_kinds_body, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* Days are local: make them the same everywhere. */
  g_setenv ("TZ", "UTC", TRUE);
  enough_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, enough_test_fixture_setup, func, enough_test_fixture_teardown)

  ADD ("/export-dialog/choices", test_choices);
  ADD ("/export-dialog/json-round-trip", test_json_round_trip);
  ADD ("/export-dialog/range-inclusive", test_range_inclusive);
  ADD ("/export-dialog/share-pdf", test_share_pdf);
  ADD ("/export-dialog/corrected-name-taken", test_corrected_name_taken);
  ADD ("/export-dialog/cancel", test_cancel_leaves_nothing);
  ADD ("/export-dialog/last-folder", test_last_folder);
  ADD ("/export-dialog/share-from-page", test_share_from_page);
  ADD ("/export-dialog/print-ctrl-p", test_print_ctrl_p);
  ADD ("/export-dialog/share-from-pages", test_share_from_pages);
  ADD ("/export-dialog/share-kinds", test_share_kinds);

#undef ADD

  return g_test_run ();
}
