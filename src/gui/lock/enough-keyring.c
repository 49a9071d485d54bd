/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#if HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

#include "enough-crypt-key.h"
#include "enough-keyring.h"
#include "enough-store.h"

#if HAVE_LIBSECRET
static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    ENOUGH_KEYRING_SCHEMA, SECRET_SCHEMA_NONE,
    {
      { "key-file-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}
#endif

gboolean
enough_keyring_is_available (void)
{
  return HAVE_LIBSECRET;
}

char *
enough_keyring_dup_file_id (const char  *db_path,
                            GError     **error)
{
  g_autofree char *default_path = db_path == NULL ? enough_store_get_default_path () : NULL;
  g_autofree char *key_path = enough_key_file_path_for (db_path != NULL ? db_path : default_path);
  g_autofree guint8 *data = NULL;
  gsize length = 0;
  EnoughKeyFile parsed;
  GString *hex;

  if (!g_file_get_contents (key_path, (char **) &data, &length, error) ||
      !enough_key_file_parse (data, length, &parsed, error))
    return NULL;
  hex = g_string_new (NULL);
  for (guint i = 0; i < ENOUGH_CRYPT_FILE_ID_BYTES; i++)
    g_string_append_printf (hex, "%02x", parsed.file_id[i]);
  return g_string_free (hex, FALSE);
}

typedef struct
{
  char *file_id;
  char *passphrase;
} Job;

static void
job_free (Job *job)
{
  enough_keyring_free_passphrase (job->passphrase);
  g_free (job->file_id);
  g_free (job);
}

void
enough_keyring_free_passphrase (char *passphrase)
{
  if (passphrase == NULL)
    return;
  /* Not left in freed memory. */
  memset (passphrase, 0, strlen (passphrase));
  g_free (passphrase);
}

#if !HAVE_LIBSECRET
static gboolean
not_supported (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("This copy of Enough was built without the keyring."));
  return FALSE;
}
#endif

/* The D-Bus calls run synchronously in a thread of their own: their
 * replies never wait on the UI thread, which may be busy. */
static void
store_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job G_GNUC_UNUSED = task_data;  /* unused without libsecret */
  g_autoptr(GError) error = NULL;
  gboolean ok;

#if HAVE_LIBSECRET
  ok = secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT,
                                   _("Enough passphrase"), job->passphrase, cancellable, &error,
                                   "key-file-id", job->file_id, NULL);
#else
  ok = not_supported (&error);
#endif
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
lookup_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job G_GNUC_UNUSED = task_data;  /* unused without libsecret */
  g_autoptr(GError) error = NULL;
  char *passphrase = NULL;

#if HAVE_LIBSECRET
  {
    char *secret = secret_password_lookup_nonpageable_sync (get_schema (), cancellable, &error,
                                                            "key-file-id", job->file_id, NULL);

    /* Out of libsecret's non-pageable memory, wiped there. */
    passphrase = g_strdup (secret);
    secret_password_free (secret);
  }
#else
  not_supported (&error);
#endif
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, passphrase, (GDestroyNotify) enough_keyring_free_passphrase);
}

static void
clear_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job G_GNUC_UNUSED = task_data;  /* unused without libsecret */
  g_autoptr(GError) error = NULL;

#if HAVE_LIBSECRET
  secret_password_clear_sync (get_schema (), cancellable, &error,
                              "key-file-id", job->file_id, NULL);
#else
  not_supported (&error);
#endif
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
run (const char          *file_id,
     const char          *passphrase,
     GTaskThreadFunc      func,
     gpointer             tag,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->file_id = g_strdup (file_id);
  job->passphrase = g_strdup (passphrase);
  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, func);
}

void
enough_keyring_store_async (const char          *file_id,
                            const char          *passphrase,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (file_id != NULL && passphrase != NULL);

  run (file_id, passphrase, store_thread, enough_keyring_store_async, callback, user_data);
}

gboolean
enough_keyring_store_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
enough_keyring_lookup_async (const char          *file_id,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (file_id != NULL);

  run (file_id, NULL, lookup_thread, enough_keyring_lookup_async, callback, user_data);
}

char *
enough_keyring_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
enough_keyring_clear_async (const char          *file_id,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (file_id != NULL);

  run (file_id, NULL, clear_thread, enough_keyring_clear_async, callback, user_data);
}

gboolean
enough_keyring_clear_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
