/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-crypt-vfs.h"
#include "enough-store-private.h"

/* The store's public face: the GObject, its errors and statements, close.
 * The rest is in its parts (see enough-store-private.h). */

G_DEFINE_FINAL_TYPE (EnoughStore, enough_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (enough-store-error-quark, enough_store_error)

GParamSpec *_enough_store_properties[N_PROPS];
guint _enough_store_signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Errors */

/* Maps an SQLite result to our error codes with a message a person can
 * read; the SQLite text goes after it for bug reports. */
void
_enough_store_set_sqlite_error (GError     **error,
                                sqlite3     *db,
                                int          rc,
                                const char  *what)
{
  int code;
  const char *message;
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = ENOUGH_STORE_ERROR_DISK_FULL;
      message = _("The disk is full, so your journal could not be saved. Your words are kept in memory and saving is retried.");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      code = ENOUGH_STORE_ERROR_READ_ONLY;
      message = _("The journal cannot be written to (the file or its folder is read-only).");
      break;
    case SQLITE_CORRUPT:
      code = ENOUGH_STORE_ERROR_CORRUPT;
      message = _("The journal file is damaged.");
      break;
    case SQLITE_NOTADB:
      code = ENOUGH_STORE_ERROR_NOT_A_DATABASE;
      message = _("The journal file is not a database Enough can read.");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = ENOUGH_STORE_ERROR_BUSY;
      message = _("The journal is in use by another program.");
      break;
    case SQLITE_IOERR:
      if (rc == SQLITE_IOERR_DATA || (db != NULL && sqlite3_extended_errcode (db) == SQLITE_IOERR_DATA))
        {
          /* The encrypting VFS: a page that does not authenticate. */
          code = ENOUGH_STORE_ERROR_CORRUPT;
          message = _("The journal is damaged or the passphrase is wrong.");
          break;
        }
      G_GNUC_FALLTHROUGH;
    case SQLITE_CANTOPEN:
      code = ENOUGH_STORE_ERROR_IO;
      message = _("The journal file could not be read or written.");
      break;
    default:
      code = ENOUGH_STORE_ERROR_FAILED;
      message = _("Something went wrong with the journal file.");
      break;
    }

  g_set_error (error, ENOUGH_STORE_ERROR, code, "%s (%s: %s)", message, what, detail);
}

gboolean
_enough_store_check_not_closed (EnoughStore  *self,
                                GError      **error)
{
  if (!self->closed)
    return TRUE;
  _enough_store_set_closed_error (error);
  return FALSE;
}

void
_enough_store_set_closed_error (GError **error)
{
  g_set_error_literal (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CLOSED,
                       _("The journal is closed."));
}

void
_enough_store_set_damaged_error (GError **error)
{
  g_set_error_literal (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CORRUPT,
                       _("The journal file is damaged, so nothing more is written to it. Your words are kept in memory."));
}

/* ------------------------------------------------------------------------ */
/* Statements */

gboolean
_enough_store_exec (sqlite3     *db,
                    const char  *sql,
                    GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, db, rc, "exec");
      return FALSE;
    }
  return TRUE;
}

/* The one statement cache (sql → prepared statement), one per connection:
 * the UI thread's reads, the worker's writes, a search's own connection.
 * With no @cache the statement is the caller's to finalize. */
sqlite3_stmt *
_enough_store_cached_stmt (sqlite3     *db,
                           GHashTable  *cache,
                           const char  *sql,
                           const char  *what,
                           GError     **error)
{
  sqlite3_stmt *stmt = cache != NULL ? g_hash_table_lookup (cache, sql) : NULL;
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, db, rc, what);
      return NULL;
    }
  if (cache != NULL)
    g_hash_table_insert (cache, g_strdup (sql), stmt);
  return stmt;
}

static GHashTable *
new_stmt_cache (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) sqlite3_finalize);
}

sqlite3_stmt *
_enough_store_read_stmt (EnoughStore *self,
                         const char  *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = _enough_store_cached_stmt (self->rdb, self->read_stmts, sql, "prepare", &error);

  if (stmt == NULL)
    g_critical ("Could not prepare a read: %s", error->message);
  return stmt;
}

sqlite3 *
_enough_store_get_read_db (EnoughStore *self)
{
  return self->rdb;
}

sqlite3 *
_enough_store_get_check_db (EnoughStore *self)
{
  return self->bgdb;
}

GHashTable *
_enough_store_get_read_stmts (EnoughStore *self)
{
  return self->read_stmts;
}

const char *
enough_store_get_path (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  return self->path;
}

gboolean
enough_store_is_writable (EnoughStore *self)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);
  return self->writable && !self->closed;
}

gboolean
enough_store_close (EnoughStore  *self,
                    GError      **error)
{
  g_autoptr(GError) flush_error = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);

  if (self->closed)
    return TRUE;

  if (self->bg_thread != NULL)
    {
      Job *job = _enough_store_job_new (self, JOB_QUIT);

      /* A check or backup of a big file can take seconds: stop it. */
      g_atomic_int_set (&self->closing, 1);
      _enough_store_start_check_now (self);
      sqlite3_interrupt (self->bgdb);
      _enough_store_job_run (self->bg_queue, job);
      _enough_store_job_free (job);
      g_thread_join (self->bg_thread);
      self->bg_thread = NULL;
    }

  if (self->worker != NULL)
    {
      Job *job;

      if (self->writable)
        enough_store_flush (self, &flush_error);
      /* Deleted turns leave for good with the session (Undo is over),
       * deleted entries after ENOUGH_STORE_TRASH_DAYS in Recently Deleted;
       * skipped if saving failed, so nothing is lost either way. */
      if (flush_error == NULL && self->writable)
        g_async_queue_push (self->queue, _enough_store_purge_job_new (self, TRUE));
      job = _enough_store_job_new (self, JOB_QUIT);
      _enough_store_job_run (self->queue, job);
      _enough_store_job_free (job);
      g_thread_join (self->worker);
      self->worker = NULL;
    }

  _enough_store_cancel_autosave (self);
  _enough_store_cancel_tail_load (self);
  _enough_store_clear_drain_source (self);
  {
    /* Jobs finished but not yet completed on this thread (e.g. the purge);
     * their errors no longer matter. */
    GError *ignored = _enough_store_drain_completions (self);

    g_clear_error (&ignored);
  }
  self->closed = TRUE;

  g_clear_pointer (&self->write_stmts, g_hash_table_unref);
  g_clear_pointer (&self->read_stmts, g_hash_table_unref);
  /* The reader first: the last connection to close checkpoints the WAL
   * into the file, and a read-only one cannot. */
  g_clear_pointer (&self->rdb, sqlite3_close);
  g_clear_pointer (&self->bgdb, sqlite3_close);
  g_clear_pointer (&self->wdb, sqlite3_close);

  /* Whatever was still dirty could not be saved: it was reported. */
  g_hash_table_remove_all (self->dirty);

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    _enough_record_detach (value);
  g_hash_table_remove_all (self->cache);
  enough_entry_list_detach (self->dialogues);
  enough_entry_list_detach (self->letters);
  enough_entry_list_detach (self->self_checks);
  enough_entry_list_detach (self->experiments);
  enough_entry_list_detach (self->checkins);
  if (self->completed_checks != NULL)
    enough_entry_list_detach (self->completed_checks);

  if (flush_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&flush_error));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Backups and generator that need the worker */

gboolean
enough_store_backup_now (EnoughStore  *self,
                         GError      **error)
{
  Job *job;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);
  if (!_enough_store_check_not_closed (self, error))
    return FALSE;

  job = _enough_store_job_new (self, JOB_BACKUP);
  _enough_store_start_check_now (self);
  _enough_store_job_run (self->bg_queue, job);
  return _enough_store_job_end (job, error);
}

gboolean
enough_store_generate_synthetic (EnoughStore  *self,
                                 guint         n_entries,
                                 guint32       seed,
                                 GError      **error)
{
  Job *job;
  gboolean ok;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), FALSE);
  if (!enough_store_flush (self, error))
    return FALSE;

  job = _enough_store_job_new (self, JOB_GENERATE);
  job->n = n_entries;
  job->seed = seed;
  job->now = enough_store_now (self);
  _enough_store_job_run (self->queue, job);
  ok = _enough_store_job_end (job, error);

  _enough_store_load_lists (self, TRUE);
  return ok;
}

/* ------------------------------------------------------------------------ */
/* GObject */

static void
enough_store_dispose (GObject *object)
{
  EnoughStore *self = ENOUGH_STORE (object);
  g_autoptr(GError) error = NULL;

  if (!enough_store_close (self, &error))
    g_warning ("Closing the journal: %s", error->message);

  G_OBJECT_CLASS (enough_store_parent_class)->dispose (object);
}

static void
enough_store_finalize (GObject *object)
{
  EnoughStore *self = ENOUGH_STORE (object);

  g_clear_object (&self->dialogues);
  g_clear_object (&self->letters);
  g_clear_object (&self->self_checks);
  g_clear_object (&self->experiments);
  g_clear_object (&self->checkins);
  g_clear_object (&self->completed_checks);
  g_hash_table_unref (self->dirty);
  g_hash_table_unref (self->cache);
  g_async_queue_unref (self->queue);
  g_async_queue_unref (self->bg_queue);
  g_mutex_clear (&self->completed_mutex);
  g_mutex_clear (&self->check_mutex);
  g_cond_clear (&self->check_cond);
  g_main_context_unref (self->context);
  if (self->key != NULL)
    {
      enough_crypt_keyring_remove (self->path);
      g_clear_pointer (&self->key, enough_crypt_key_unref);
    }
  g_free (self->path);

  G_OBJECT_CLASS (enough_store_parent_class)->finalize (object);
}

static void
enough_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EnoughStore *self = ENOUGH_STORE (object);

  switch (prop_id)
    {
    case PROP_N_PENDING:
      g_value_set_uint (value, enough_store_get_n_pending (self));
      break;
    case PROP_WRITABLE:
      g_value_set_boolean (value, enough_store_is_writable (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, enough_store_is_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_store_class_init (EnoughStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = enough_store_dispose;
  object_class->finalize = enough_store_finalize;
  object_class->get_property = enough_store_get_property;

  _enough_store_properties[PROP_N_PENDING] = g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0, ro);
  _enough_store_properties[PROP_WRITABLE] = g_param_spec_boolean ("writable", NULL, NULL, TRUE, ro);
  _enough_store_properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, _enough_store_properties);

  _enough_store_signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  _enough_store_signals[SIGNAL_WRITE_FAILED] =
    g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  _enough_store_signals[SIGNAL_INTEGRITY_FAILED] =
    g_signal_new ("integrity-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
enough_store_init (EnoughStore *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->read_stmts = new_stmt_cache ();
  self->write_stmts = new_stmt_cache ();
  self->queue = g_async_queue_new ();
  self->bg_queue = g_async_queue_new ();
  g_mutex_init (&self->completed_mutex);
  g_mutex_init (&self->check_mutex);
  g_cond_init (&self->check_cond);
  g_queue_init (&self->completed);
  self->cache = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->dirty = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                       g_object_unref, unref_nullable);
  self->delay_ms = ENOUGH_STORE_AUTOSAVE_DELAY_MS;
  self->writable = TRUE;
  self->dialogues = enough_entry_list_new (self, ENOUGH_RECORD_KIND_DIALOGUE,
                                           ENOUGH_TYPE_DIALOGUE, TRUE);
  self->letters = enough_entry_list_new (self, ENOUGH_RECORD_KIND_LETTER,
                                         ENOUGH_TYPE_LETTER, TRUE);
  self->self_checks = enough_entry_list_new (self, ENOUGH_RECORD_KIND_SELF_CHECK,
                                             ENOUGH_TYPE_SELF_CHECK, TRUE);
  self->experiments = enough_entry_list_new (self, ENOUGH_RECORD_KIND_EXPERIMENT,
                                             ENOUGH_TYPE_EXPERIMENT, TRUE);
  self->checkins = enough_entry_list_new (self, ENOUGH_RECORD_KIND_CHECKIN,
                                          ENOUGH_TYPE_CHECKIN, TRUE);
}

