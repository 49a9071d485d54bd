/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */

/* Power loss: each session writes through the store as the pages do while
 * enough-power-vfs.c logs every change to the files; then the power is cut
 * at seeded points of that log, and every resulting set of files is opened
 * again with the plain unix VFS and checked:
 *   - integrity_check is "ok" and every text is intact (no half-written
 *     value);
 *   - the journal holds exactly the result of the first k batches, with
 *     every batch acknowledged by ::saved among them (nothing reordered);
 *   - the next start (enough_store_open) loads exactly that and can write;
 *   - backups: every earlier backup is intact, never fewer of them, and
 *     today's is absent, the old one, or complete; once backup_now()
 *     returned, the new one;
 *   - an import: all of it or nothing; all of it once import_write()
 *     returned, or once a later save survived.
 * The next session starts from one of the cuts' files, so recovery after
 * a cut is written through again.
 *
 * --seed=N (default 20260101), --cuts=N (default 200, spread over the
 * three scenarios), --synchronous=OFF|NORMAL (sabotage: shows that the
 * test catches a store that does not sync its commits). */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "enough-export.h"
#include "enough-import.h"
#include "enough-power-vfs.h"
#include "enough-store-private.h"
#include "enough-store-schema.h"
#include "enough-store-test-hooks.h"
#include "enough-test-utils.h"
#include "power-journal.h"

static guint32     opt_seed = 20260101;
static guint       opt_cuts = 200;
static const char *opt_synchronous;

static struct
{
  guint   cuts, failed, acked, backups_checked, imports_whole, imports_none;
  guint64 values;
  GArray *lost_words;    /* guint per cut */
  GArray *lost_records;  /* guint per cut */
} figures;

typedef struct
{
  Model      *start;          /* the journal when the session began */
  GPtrArray  *batches;        /* Model*, handed during the session */
  /* backups */
  gboolean    backups;
  GHashTable *old_backups;    /* daily name → GBytes, today's aside */
  GBytes     *today_before;   /* today's backup when the session began, or NULL */
  guint       acked_at_backup;
  /* import */
  Model      *imported;       /* what the file holds, or NULL */
  guint       batches_before_import;
  Model      *next_start;     /* the chosen cut's journal, for the next session */
} Session;

/* ---- files ------------------------------------------------------------------ */

static char *
db_path_in (const char *root)
{
  return g_build_filename (root, "enough", "journal.db", NULL);
}

static char *
today_name (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("journal-%s.db", day);
}

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (from, name, NULL);
      g_autofree char *dest = g_build_filename (to, name, NULL);
      g_autofree char *data = NULL;
      gsize len;

      if (g_file_test (src, G_FILE_TEST_IS_DIR))
        {
          copy_tree (src, dest);
          continue;
        }
      g_assert_true (g_file_get_contents (src, &data, &len, NULL));
      g_assert_true (g_file_set_contents_full (dest, data, len, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_assert_cmpint (g_remove (child), ==, 0);
    }
  g_rmdir (path);
}

/* On tmpfs when there is one: the checks open each cut with the real
 * unix VFS, and its fsyncs on a busy disk would take most of the time.
 * (Recording never fsyncs for real: the log is the disk.) */
static char *
make_root (void)
{
  g_autoptr(GError) error = NULL;
  char *root;

  if (g_access ("/dev/shm", W_OK) == 0)
    {
      root = g_strdup ("/dev/shm/enough-power-XXXXXX");
      g_assert_nonnull (g_mkdtemp_full (root, 0700));
      return root;
    }
  root = g_dir_make_tmp ("enough-power-XXXXXX", &error);
  g_assert_no_error (error);
  return root;
}

/* ---- backups ----------------------------------------------------------------- */

static gboolean
is_daily (const char *name)
{
  return g_str_has_prefix (name, "journal-") && g_str_has_suffix (name, ".db") && strlen (name) == 21;
}

static void
read_backups (const char  *root,
              GHashTable **out_old,
              GBytes     **out_today)
{
  g_autofree char *dir_path = g_build_filename (root, "enough", "backups", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autofree char *today = today_name ();
  const char *name;

  *out_old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  *out_today = NULL;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      char *data = NULL;
      gsize len;

      if (!is_daily (name))
        continue;
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      if (strcmp (name, today) == 0)
        *out_today = g_bytes_new_take (data, len);
      else
        g_hash_table_insert (*out_old, g_strdup (name), g_bytes_new_take (data, len));
    }
}

/* A backup the restore page may offer: a sound, self-contained journal. */
static GHashTable *
sound_backup (const char  *path,
              char       **why)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  GHashTable *state;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  if (len < 100 || memcmp (data, "SQLite format 3", 16) != 0 || data[18] != 1 || data[19] != 1 ||
      GUINT32_FROM_BE (*(guint32 *) (data + 68)) != ENOUGH_STORE_APPLICATION_ID)
    {
      *why = g_strdup_printf ("%s is not a complete self-contained journal", path);
      return NULL;
    }
  state = read_journal (path, &error);
  if (state == NULL)
    *why = g_strdup_printf ("%s: %s", path, error->message);
  return state;
}

static gboolean
same_bytes (GBytes     *bytes,
            const char *data,
            gsize       len)
{
  return g_bytes_get_size (bytes) == len && memcmp (g_bytes_get_data (bytes, NULL), data, len) == 0;
}

static gint
compare_desc (gconstpointer a,
              gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
check_backups (Session     *s,
               const char  *dir,
               const guint  marks[POWER_N_MARKS],
               char       **why)
{
  g_autofree char *today = today_name ();
  g_autofree char *today_path = g_build_filename (dir, "enough", "backups", today, NULL);
  g_autofree char *db = db_path_in (dir);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) listed = NULL;
  gboolean today_there = g_file_test (today_path, G_FILE_TEST_EXISTS);
  g_autoptr(GError) error = NULL;

  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, s->old_backups);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_desc);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, "enough", "backups", name, NULL);
      g_autofree char *data = NULL;
      gsize len;

      if (!g_file_get_contents (path, &data, &len, NULL))
        {
          /* Only the oldest may go, and only for today's. */
          if (i < ENOUGH_STORE_N_BACKUPS - 1 || !today_there)
            {
              *why = g_strdup_printf ("the earlier backup %s is gone%s", name,
                                      today_there ? "" : ", and today's is not there");
              return FALSE;
            }
          continue;
        }
      if (!same_bytes (g_hash_table_lookup (s->old_backups, name), data, len))
        {
          *why = g_strdup_printf ("the earlier backup %s changed", name);
          return FALSE;
        }
      figures.backups_checked++;
    }

  if (!today_there)
    {
      if (marks[MARK_BACKUP] > 0 || s->today_before != NULL)
        {
          *why = g_strdup_printf ("today's backup is gone (%s)", marks[MARK_BACKUP] > 0 ? "backup_now() had returned"
                                                                                        : "it was there before");
          return FALSE;
        }
    }
  else
    {
      g_autoptr(GHashTable) state = sound_backup (today_path, why);
      g_autoptr(Model) at_backup = model_copy (s->start);
      g_autofree char *data = NULL;
      gsize len;

      if (state == NULL)
        return FALSE;
      g_assert_true (g_file_get_contents (today_path, &data, &len, NULL));
      for (guint k = 0; k < s->acked_at_backup && k < s->batches->len; k++)
        model_apply (at_backup, g_ptr_array_index (s->batches, k));
      if (s->today_before != NULL && same_bytes (s->today_before, data, len))
        {
          if (marks[MARK_BACKUP] > 0)
            {
              *why = g_strdup ("backup_now() returned, but today's backup is still the old one");
              return FALSE;
            }
        }
      else
        {
          g_autofree char *as_new = model_mismatch (at_backup, state);
          g_autofree char *as_daily = s->today_before == NULL && marks[MARK_BACKUP] == 0
                                      ? model_mismatch (s->start, state) : g_strdup ("not the daily");

          if (as_new != NULL && as_daily != NULL)
            {
              *why = g_strdup_printf (marks[MARK_BACKUP] > 0
                                      ? "backup_now() returned, but today's backup is not the one it made: %s"
                                      : "today's backup holds neither the journal at open nor at "
                                        "backup_now(): %s", as_new);
              return FALSE;
            }
        }
      figures.backups_checked++;
    }

  /* Whatever a cut left half-made must not be offered for restoring. */
  listed = enough_store_list_backups (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < listed->len; i++)
    {
      EnoughBackupInfo *info = g_ptr_array_index (listed, i);
      g_autoptr(GHashTable) state = sound_backup (info->path, why);

      if (state == NULL)
        return FALSE;
    }
  return TRUE;
}

/* ---- one cut -------------------------------------------------------------------- */

static gboolean
check_import (Session     *s,
              GHashTable  *state,
              guint        found,
              const guint  marks[POWER_N_MARKS],
              char       **why)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  g_hash_table_iter_init (&iter, state);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Row *row = value;
      Change *want = s->imported ? g_hash_table_lookup (s->imported, key) : NULL;

      if (row->seq < IMPORT_SEQ_BASE)
        continue;
      if (want == NULL || want->seq != row->seq || strcmp (want->kind, row->kind) != 0 ||
          g_strcmp0 (want->parent, row->parent) != 0 || row->deleted)
        {
          *why = g_strdup_printf ("imported %s %s is not as in the file", row->kind, (char *) key);
          return FALSE;
        }
      n++;
    }
  if (s->imported == NULL)
    return TRUE;
  if (n != 0 && n != model_n_live (s->imported))
    {
      *why = g_strdup_printf ("half an import: %u of %u records", n, model_n_live (s->imported));
      return FALSE;
    }
  if (n == 0 && (marks[MARK_IMPORT] > 0 || found > s->batches_before_import))
    {
      *why = g_strdup_printf ("the import is gone, though %s", marks[MARK_IMPORT] > 0
                              ? "import_write() had returned" : "a later save survived");
      return FALSE;
    }
  if (n == 0)
    figures.imports_none++;
  else
    figures.imports_whole++;
  return TRUE;
}

/* The next start: the store opens the other copy of the cut's files. */
static gboolean
check_next_start (Session     *s,
                  const char  *dir,
                  Model       *found,
                  GHashTable  *state,
                  char       **why)
{
  g_autofree char *db = db_path_in (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(EnoughStore) store = NULL;
  g_autoptr(GHashTable) loaded = NULL;
  g_autoptr(GHashTable) expected = expected_loaded (found, state);
  g_autoptr(EnoughLetter) letter = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autofree char *text = make_text (rand, IMPORT_SEQ_BASE - 1, NULL);

  store = enough_store_open (db, ENOUGH_STORE_OPEN_CHECK_SYNC |
                             (s->backups ? 0 : ENOUGH_STORE_OPEN_NO_AUTO_BACKUP), &error);
  if (store == NULL)
    {
      *why = g_strdup_printf ("the next start failed: %s", error->message);
      return FALSE;
    }
  loaded = store_loaded (store);
  if (!same_sets (loaded, expected, why))
    return FALSE;
  letter = enough_store_create_letter (store);
  /* An intact text: the backup this start makes may hold it. */
  enough_letter_set_text (letter, text);
  if (!enough_store_flush (store, &error))
    {
      *why = g_strdup_printf ("the next start cannot save: %s", error->message);
      return FALSE;
    }
  _enough_store_wait_idle (store);
  if (s->backups)
    {
      g_autofree char *today = today_name ();
      g_autofree char *path = g_build_filename (dir, "enough", "backups", today, NULL);
      g_autoptr(GHashTable) backup = sound_backup (path, why);

      if (backup == NULL)
        return FALSE;
    }
  g_assert_true (enough_store_close (store, &error));
  g_assert_no_error (error);
  return TRUE;
}

static gboolean
check_cut (Session     *s,
           const char  *raw_dir,
           const char  *store_dir,
           const guint  marks[POWER_N_MARKS],
           Model      **out_found,
           char       **why)
{
  guint acked = marks[MARK_ACKED], handed = marks[MARK_HANDED];
  g_autofree char *db = db_path_in (raw_dir);
  g_autoptr(GHashTable) state = NULL;
  g_autoptr(Model) candidate = model_copy (s->start);
  g_autoptr(Model) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_why = NULL;
  guint found_k = 0, words = 0, records = 0;

  g_assert_cmpuint (acked, <=, handed);
  g_assert_cmpuint (handed, <=, s->batches->len);
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      if (acked > 0 || g_hash_table_size (s->start) > 0)
        {
          *why = g_strdup_printf ("the journal file is gone (%u batches acknowledged)", acked);
          return FALSE;
        }
      state = g_hash_table_new (g_str_hash, g_str_equal);
    }
  else if ((state = read_journal (db, &error)) == NULL)
    {
      *why = g_strdup (error->message);
      return FALSE;
    }

  /* The largest k whose first k batches are exactly the journal. */
  for (guint k = 0; k <= handed; k++)
    {
      if (k > 0)
        model_apply (candidate, g_ptr_array_index (s->batches, k - 1));
      if (k >= acked)
        {
          g_autofree char *mismatch = model_mismatch (candidate, state);

          if (mismatch == NULL)
            {
              g_clear_pointer (&found, g_hash_table_unref);
              found = model_copy (candidate);
              found_k = k;
            }
          else if (first_why == NULL)
            first_why = g_strdup_printf ("k=%u: %s", k, mismatch);
        }
    }
  if (found == NULL)
    {
      *why = g_strdup_printf ("the journal is not the result of whole batches (%u acknowledged, "
                              "%u handed): %s", acked, handed, first_why);
      return FALSE;
    }
  if (!check_import (s, state, found_k, marks, why))
    return FALSE;
  if (s->backups && !check_backups (s, raw_dir, marks, why))
    return FALSE;
  if (!check_next_start (s, store_dir, found, state, why))
    return FALSE;

  for (guint k = found_k; k < handed; k++)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, g_ptr_array_index (s->batches, k));
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          words += ((Change *) value)->words;
          records++;
        }
    }
  g_array_append_val (figures.lost_words, words);
  g_array_append_val (figures.lost_records, records);
  /* Every live record's text and place, imported ones included. */
  figures.values += g_hash_table_size (state);
  *out_found = g_steal_pointer (&found);
  return TRUE;
}

/* ---- sessions ---------------------------------------------------------------------- */

typedef void (*SessionBody) (Session *s, Writer *w);

static gint
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Records one session on the journal in @root, cuts the power at @n_cuts
 * points of it and checks each. Returns a folder holding one cut's files
 * for the next session (its journal in s->next_start), if @next. */
static char *
run_session (Session     *s,
             const char  *root,
             EnoughStoreOpenFlags flags,
             SessionBody  body,
             guint        n_cuts,
             GRand       *rand,
             guint64     *seq,
             gboolean     next)
{
  g_autofree char *db = db_path_in (root);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *scratch = make_root ();
  char *next_dir = NULL;
  PowerReplay *replay;
  PowerLog *log;
  Writer *w;
  guint n_ops, chosen = next ? g_rand_int_range (rand, 0, n_cuts) : G_MAXUINT;

  if (s->backups)
    read_backups (root, &s->old_backups, &s->today_before);
  power_vfs_use (TRUE);
  power_record_start (root);
  w = writer_open (db, flags, g_rand_int (rand), seq);
  if (opt_synchronous != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA synchronous = %s", opt_synchronous);

      g_assert_true (_enough_store_exec_on_writer (w->store, sql, NULL));
    }
  body (s, w);
  figures.acked += w->n_acked;
  s->batches = writer_close (w);
  log = power_record_stop ();
  power_vfs_use (FALSE);

  n_ops = power_log_get_n_ops (log);
  for (guint i = 0; i < n_cuts; i++)
    {
      guint cut = g_rand_int_range (rand, 0, n_ops + 1);

      g_array_append_val (cuts, cut);
    }
  g_array_sort (cuts, compare_uint);
  replay = power_replay_new (log);
  for (guint i = 0; i < n_cuts; i++)
    {
      guint cut = g_array_index (cuts, guint, i);
      guint32 cut_seed = g_rand_int (rand);
      g_autofree char *a = g_build_filename (scratch, "a", NULL);
      g_autofree char *b = g_build_filename (scratch, "b", NULL);
      g_autofree char *what = NULL;
      g_autofree char *why = NULL;
      g_autoptr(Model) found = NULL;
      guint marks[POWER_N_MARKS];

      g_assert_cmpint (g_mkdir (a, 0700), ==, 0);
      what = power_replay_cut (replay, cut, cut_seed, a, marks);
      copy_tree (a, b);
      if (i == chosen)
        {
          next_dir = make_root ();
          copy_tree (a, next_dir);
        }
      figures.cuts++;
      if (!check_cut (s, a, b, marks, &found, &why))
        {
          figures.failed++;
          g_test_message ("FAILED: cut at op %u of %u (seed %u; %s): %s", cut, n_ops, cut_seed, what, why);
          g_test_fail ();
          if (i == chosen)
            {
              remove_tree (next_dir);
              g_clear_pointer (&next_dir, g_free);
              chosen = i + 1 < n_cuts ? i + 1 : G_MAXUINT;
            }
        }
      else if (i == chosen)
        s->next_start = g_steal_pointer (&found);
      remove_tree (a);
      remove_tree (b);
    }
  g_test_message ("%u ops logged, %u cuts checked", n_ops, n_cuts);
  power_replay_free (replay);
  power_log_free (log);
  remove_tree (scratch);
  return next_dir;
}

static void
session_clear (Session *s)
{
  g_clear_pointer (&s->start, g_hash_table_unref);
  g_clear_pointer (&s->batches, g_ptr_array_unref);
  g_clear_pointer (&s->old_backups, g_hash_table_unref);
  g_clear_pointer (&s->today_before, g_bytes_unref);
}

static guint
share (guint percent,
       guint n_sessions)
{
  return MAX (1, (opt_cuts * percent / 100 + n_sessions - 1) / n_sessions);
}

/* ---- autosave ------------------------------------------------------------------------- */

static void
type_only (Session *s,
           Writer  *w)
{
  writer_type (w, 10);
}

static void
test_autosave (void)
{
  const guint n_journals = 3, n_sessions = 4;
  guint per_session = share (60, n_journals * n_sessions);
  g_autoptr(GRand) rand = g_rand_new_with_seed (opt_seed);

  for (guint j = 0; j < n_journals; j++)
    {
      /* The first session makes the folder and the journal. */
      g_autofree char *root = make_root ();
      g_autoptr(Model) start = model_new ();
      guint64 seq = 0;

      for (guint i = 0; i < n_sessions; i++)
        {
          Session s = { .start = g_steal_pointer (&start) };
          char *next = run_session (&s, root, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, type_only,
                                    per_session, rand, &seq, TRUE);

          remove_tree (root);
          g_free (root);
          root = next;
          start = g_steal_pointer (&s.next_start);
          session_clear (&s);
          if (root == NULL)
            break;  /* every cut failed: reported */
        }
      if (root != NULL)
        remove_tree (root);
    }
}

/* ---- the daily backup and backup_now() ---------------------------------------------------- */

static void
backup_session (Session *s,
                Writer  *w)
{
  g_autoptr(GError) error = NULL;

  /* The daily backup of the open (the store queued it). */
  _enough_store_wait_idle (w->store);
  writer_type (w, 3);
  s->acked_at_backup = w->n_acked;
  g_assert_true (enough_store_backup_now (w->store, &error));
  g_assert_no_error (error);
  power_mark (MARK_BACKUP);
  writer_type (w, 2);
}

/* A journal with a week of backups (today's not made yet). */
static Model *
setup_backups (const char *root,
               guint64    *seq,
               GRand      *rand)
{
  g_autofree char *db = db_path_in (root);
  g_autofree char *today = today_name ();
  g_autofree char *today_path = g_build_filename (root, "enough", "backups", today, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *data = NULL;
  Writer *w = writer_open (db, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, g_rand_int (rand), seq);
  g_autoptr(GPtrArray) batches = NULL;
  Model *model = model_new ();
  gsize len;

  writer_type (w, 4);
  g_assert_true (enough_store_backup_now (w->store, &error));
  g_assert_no_error (error);
  batches = writer_close (w);
  for (guint i = 0; i < batches->len; i++)
    model_apply (model, g_ptr_array_index (batches, i));

  g_assert_true (g_file_get_contents (today_path, &data, &len, NULL));
  for (int d = 1; d <= ENOUGH_STORE_N_BACKUPS; d++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_days (now, -d);
      g_autofree char *day = g_date_time_format (then, "%Y-%m-%d");
      g_autofree char *name = g_strdup_printf ("journal-%s.db", day);
      g_autofree char *path = g_build_filename (root, "enough", "backups", name, NULL);

      g_assert_true (g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
    }
  g_assert_cmpint (g_remove (today_path), ==, 0);
  return model;
}

static void
test_backup (void)
{
  const guint n_sessions = 2;
  g_autoptr(GRand) rand = g_rand_new_with_seed (opt_seed + 1);
  g_autofree char *root = make_root ();
  guint64 seq = 0;
  g_autoptr(Model) start = setup_backups (root, &seq, rand);

  for (guint i = 0; i < n_sessions && root != NULL; i++)
    {
      Session s = { .start = g_steal_pointer (&start), .backups = TRUE };
      char *next = run_session (&s, root, ENOUGH_STORE_OPEN_DEFAULT, backup_session,
                                share (20, n_sessions), rand, &seq, i + 1 < n_sessions);

      remove_tree (root);
      g_free (root);
      root = next;
      start = g_steal_pointer (&s.next_start);
      session_clear (&s);
    }
  if (root != NULL)
    remove_tree (root);
}

/* ---- an import -------------------------------------------------------------------------------- */

typedef struct
{
  Session       base;
  EnoughImport *import;
} ImportSession;

static void
import_session (Session *s,
                Writer  *w)
{
  EnoughImport *import = ((ImportSession *) s)->import;
  g_autoptr(GError) error = NULL;
  guint added = 0;

  writer_type (w, 2);
  s->batches_before_import = w->batches->len;
  g_assert_true (enough_import_write (w->store, import, &added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, enough_import_get_n_entries (import));
  power_mark (MARK_IMPORT);
  /* Typing on while the store indexes the import in the background. */
  writer_type (w, 3);
}

static void
test_import (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (opt_seed + 2);
  g_autofree char *source = make_root ();
  g_autofree char *source_db = db_path_in (source);
  g_autofree char *json_path = g_build_filename (source, "export.json", NULL);
  g_autofree char *root = make_root ();
  g_autofree char *db = db_path_in (root);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  EnoughExportOptions options = { .format = ENOUGH_EXPORT_JSON };
  ImportSession s = { { .imported = model_new () } };
  guint64 import_seq = IMPORT_SEQ_BASE, seq = 0;
  Writer *w;
  gsize len;
  char *next;

  /* What the file holds: another journal, exported. */
  w = writer_open (source_db, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, g_rand_int (rand), &import_seq);
  writer_type (w, 8);
  batches = writer_close (w);
  for (guint i = 0; i < batches->len; i++)
    model_apply (s.base.imported, g_ptr_array_index (batches, i));
  g_assert_true (enough_export_to_file (source_db, &options, json_file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &json, &len, NULL));
  s.import = enough_import_parse_data (json, len, &error);
  g_assert_no_error (error);
  g_clear_pointer (&batches, g_ptr_array_unref);

  /* The journal it goes into. */
  s.base.start = model_new ();
  w = writer_open (db, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, g_rand_int (rand), &seq);
  writer_type (w, 4);
  batches = writer_close (w);
  for (guint i = 0; i < batches->len; i++)
    model_apply (s.base.start, g_ptr_array_index (batches, i));

  next = run_session (&s.base, root, ENOUGH_STORE_OPEN_NO_AUTO_BACKUP, import_session,
                      share (20, 1), rand, &seq, FALSE);
  g_assert_null (next);
  session_clear (&s.base);
  g_clear_pointer (&s.base.imported, g_hash_table_unref);
  enough_import_free (s.import);
  remove_tree (root);
  remove_tree (source);
}

/* ---- main ----------------------------------------------------------------------------------------- */

static gint
compare_guint (gconstpointer a,
               gconstpointer b)
{
  return compare_uint (a, b);
}

static void
print_figures (void)
{
  guint n = figures.lost_words->len;
  guint max_words = 0, max_records = 0;

  g_array_sort (figures.lost_words, compare_guint);
  g_array_sort (figures.lost_records, compare_guint);
  if (n > 0)
    {
      max_words = g_array_index (figures.lost_words, guint, n - 1);
      max_records = g_array_index (figures.lost_records, guint, n - 1);
    }
  g_test_message ("power: seed %u, %u cuts, %u failed, %" G_GUINT64_FORMAT " values verified, "
                  "%u batches acknowledged, %u backup files checked, imports whole %u / "
                  "absent %u; typing lost per cut (unacknowledged): median %u words (%u records), "
                  "max %u words (%u records)",
                  opt_seed, figures.cuts, figures.failed, figures.values, figures.acked,
                  figures.backups_checked, figures.imports_whole, figures.imports_none,
                  n ? g_array_index (figures.lost_words, guint, n / 2) : 0,
                  n ? g_array_index (figures.lost_records, guint, n / 2) : 0, max_words, max_records);
}

static void
test_figures (void)
{
  print_figures ();
  g_assert_cmpuint (figures.cuts, >=, opt_cuts);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  int j = 1;
  int rc;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--seed="))
        opt_seed = (guint32) g_ascii_strtoull (argv[i] + 7, NULL, 10);
      else if (g_str_has_prefix (argv[i], "--cuts="))
        opt_cuts = (guint) g_ascii_strtoull (argv[i] + 7, NULL, 10);
      else if (g_str_has_prefix (argv[i], "--synchronous="))
        opt_synchronous = argv[i] + 14;
      else
        argv[j++] = argv[i];
    }
  argc = j;
  argv[argc] = NULL;

  g_test_init (&argc, &argv, NULL);
  /* Nothing may land in the user's data folder. */
  data_dir = enough_test_make_data_dir ();
  power_vfs_install ();
  power_vfs_use (FALSE);
  figures.lost_words = g_array_new (FALSE, FALSE, sizeof (guint));
  figures.lost_records = g_array_new (FALSE, FALSE, sizeof (guint));

  g_test_add_func ("/power/autosave", test_autosave);
  g_test_add_func ("/power/backup", test_backup);
  g_test_add_func ("/power/import", test_import);
  g_test_add_func ("/power/figures", test_figures);
  rc = g_test_run ();

  g_array_unref (figures.lost_words);
  g_array_unref (figures.lost_records);
  enough_test_remove_data_dir (data_dir);
  return rc;
}
