/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "enough-export-pdf.h"
#include "enough-export.h"
#include "enough-print.h"

static char *export_filename;

void
_enough_print_set_export_filename (const char *path)
{
  g_free (export_filename);
  export_filename = g_strdup (path);
}

typedef struct
{
  GtkWindow            *parent;
  char                 *db_path;
  EnoughExportEntryRef  ref;
  char                 *markdown;
  char                 *export_filename;  /* the test hook's, as it was when asked */
  const char           *job_name;
  const char           *error_heading;
} Print;

static void
print_free (Print *print)
{
  g_clear_object (&print->parent);
  g_free (print->db_path);
  /* It may hold a recovery key: not left in freed memory. */
  if (print->markdown != NULL)
    memset (print->markdown, 0, strlen (print->markdown));
  g_free (print->markdown);
  g_free (print->export_filename);
  g_free (print);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Print, print_free)

/* Lays the whole entry out on @context and draws page @only (1-based;
 * G_MAXUINT draws nothing); returns how many pages there are. */
static guint
lay_out (Print           *print,
         GtkPrintContext *context,
         guint            only)
{
  g_autoptr(EnoughPdfLayout) layout =
    _enough_pdf_layout_new (gtk_print_context_get_cairo_context (context),
                            gtk_print_context_get_width (context),
                            gtk_print_context_get_height (context), only);

  _enough_pdf_layout_add (layout, print->markdown);
  return _enough_pdf_layout_finish (layout);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Print             *print)
{
  gtk_print_operation_set_n_pages (operation, (int) lay_out (print, context, G_MAXUINT));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Print             *print)
{
  lay_out (print, context, (guint) page_nr + 1);
}

static void
show_error (Print        *print,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (print->parent, print->error_heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
run (Print *print)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  /* The PDF export's page: A4, the whole sheet, in points. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, print->job_name);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), print);

  if (print->export_filename != NULL)
    {
      gtk_print_operation_set_export_filename (operation, print->export_filename);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, print->parent, &error);
    }
  else
    result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, print->parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (print, error);
}

static void
flushed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Print) print = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  EnoughExportOptions options = { ENOUGH_EXPORT_MARKDOWN };

  options.chosen = &print->ref;
  options.n_chosen = 1;
  /* One entry, read through its own connection: small and quick. */
  if (!enough_store_flush_finish (ENOUGH_STORE (source), result, &error) ||
      !enough_export_to_stream (print->db_path, &options, out, NULL, NULL, &error) ||
      !g_output_stream_write_all (out, "", 1, NULL, NULL, &error) ||
      !g_output_stream_close (out, NULL, &error))
    {
      show_error (print, error);
      return;
    }
  print->markdown = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  run (print);
}

void
enough_print_entry (GtkWindow    *parent,
                    EnoughStore  *store,
                    EnoughRecord *record)
{
  Print *print;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (ENOUGH_IS_STORE (store));
  g_return_if_fail (ENOUGH_IS_RECORD (record));

  print = g_new0 (Print, 1);
  print->parent = g_object_ref (parent);
  print->db_path = g_strdup (enough_store_get_path (store));
  print->ref = enough_export_entry_ref (record);
  print->job_name = _("Enough entry");
  print->error_heading = _("This Entry Could Not Be Printed");
  /* Taken now: the print runs after the flush, when the hook may have changed. */
  print->export_filename = g_strdup (export_filename);
  enough_store_flush_async (store, NULL, flushed_cb, print);
}

void
enough_print_recovery_key (GtkWindow  *parent,
                           const char *recovery_key)
{
  g_autoptr(Print) print = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (recovery_key != NULL);

  print = g_new0 (Print, 1);
  print->parent = parent != NULL ? g_object_ref (parent) : NULL;
  print->export_filename = g_strdup (export_filename);
  print->job_name = _("Enough recovery key");
  print->error_heading = _("The Recovery Key Could Not Be Printed");
  /* The key in its groups, large, with the plain warning. */
  print->markdown = g_strdup_printf ("# %s\n\n## %s\n\n%s\n\n%s",
                                     _("Enough Recovery Key"), recovery_key,
                                     _("If you forget your passphrase, this key is the only other way "
                                       "into your journal. Without the passphrase and this key, nobody "
                                       "can open the journal, not even the makers of Enough."),
                                     _("Keep this page somewhere safe, away from the computer."));
  run (print);
}
