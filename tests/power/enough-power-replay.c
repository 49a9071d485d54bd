/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */

/* Replaying the power log to a cut (see enough-power-vfs.h for the model). */

#include <glib/gstdio.h>
#include <string.h>

#include "enough-power-log.h"

#define SECTOR 512

struct _PowerReplay
{
  PowerLog   *log;
  guint       pos;
  GHashTable *names;        /* durable: rel path → inode */
  GPtrArray  *durable;      /* inode → GByteArray* */
  GPtrArray  *pending;      /* inode → GPtrArray of Op* since its last sync */
  GPtrArray  *pending_dir;  /* Op*: names since their folder's last sync */
  guint       marks[POWER_N_MARKS];
};


static void
bytes_resize (GByteArray *bytes,
              gint64      size)
{
  guint old = bytes->len;

  g_byte_array_set_size (bytes, (guint) size);
  if (bytes->len > old)
    memset (bytes->data + old, 0, bytes->len - old);
}

static void
bytes_write (GByteArray   *bytes,
             gint64        offset,
             const guint8 *data,
             gsize         len)
{
  if ((gint64) (offset + len) > (gint64) bytes->len)
    bytes_resize (bytes, offset + len);
  memcpy (bytes->data + offset, data, len);
}

static void
apply_data_op (GByteArray *bytes,
               const Op   *op)
{
  if (op->type == OP_TRUNCATE)
    {
      if (op->offset < (gint64) bytes->len)
        bytes_resize (bytes, op->offset);
      return;
    }
  bytes_write (bytes, op->offset, g_bytes_get_data (op->data, NULL), g_bytes_get_size (op->data));
}

static const char *
op_folder_key (const Op *op,
               char    **out)
{
  *out = power_parent_of (op->type == OP_RENAME ? op->path2 : op->path);
  if (op->type == OP_RENAME)
    {
      g_autofree char *from = power_parent_of (op->path);

      g_assert_cmpstr (from, ==, *out);
    }
  return *out;
}

static void
apply_name_op (GHashTable *names,
               const Op   *op)
{
  switch (op->type)
    {
    case OP_CREATE:
    case OP_MKDIR:
      g_hash_table_insert (names, g_strdup (op->path), GUINT_TO_POINTER (op->inode));
      break;
    case OP_UNLINK:
      if (GPOINTER_TO_UINT (g_hash_table_lookup (names, op->path)) == op->inode)
        g_hash_table_remove (names, op->path);
      break;
    case OP_RENAME:
      if (GPOINTER_TO_UINT (g_hash_table_lookup (names, op->path)) == op->inode)
        g_hash_table_remove (names, op->path);
      g_hash_table_insert (names, g_strdup (op->path2), GUINT_TO_POINTER (op->inode));
      break;
    case OP_WRITE:
    case OP_TRUNCATE:
    case OP_SYNC:
    case OP_DIRSYNC:
    case OP_MARK:
    default:
      g_assert_not_reached ();
    }
}

static GHashTable *
copy_names (GHashTable *names)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), value);
  return copy;
}

PowerReplay *
power_replay_new (PowerLog *log)
{
  PowerReplay *replay = g_new0 (PowerReplay, 1);

  replay->log = log;
  replay->names = copy_names (log->initial_names);
  replay->durable = g_ptr_array_new_with_free_func (power_free_byte_array);
  replay->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < log->initial_data->len; i++)
    {
      GByteArray *initial = g_ptr_array_index (log->initial_data, i);
      GByteArray *copy = g_byte_array_new ();

      if (initial != NULL)
        g_byte_array_append (copy, initial->data, initial->len);
      g_ptr_array_add (replay->durable, copy);
      g_ptr_array_add (replay->pending, g_ptr_array_new ());
    }
  replay->pending_dir = g_ptr_array_new ();
  return replay;
}

void
power_replay_free (PowerReplay *replay)
{
  if (replay == NULL)
    return;
  g_hash_table_unref (replay->names);
  g_ptr_array_unref (replay->durable);
  g_ptr_array_unref (replay->pending);
  g_ptr_array_unref (replay->pending_dir);
  g_free (replay);
}

static void
replay_advance (PowerReplay *replay,
                guint        to)
{
  g_assert_cmpuint (to, >=, replay->pos);
  g_assert_cmpuint (to, <=, replay->log->ops->len);
  for (; replay->pos < to; replay->pos++)
    {
      Op *op = g_ptr_array_index (replay->log->ops, replay->pos);
      GPtrArray *pending = op->inode < replay->pending->len ? g_ptr_array_index (replay->pending, op->inode) : NULL;

      switch (op->type)
        {
        case OP_WRITE:
        case OP_TRUNCATE:
          g_ptr_array_add (pending, op);
          break;
        case OP_SYNC:
          for (guint i = 0; i < pending->len; i++)
            apply_data_op (g_ptr_array_index (replay->durable, op->inode), g_ptr_array_index (pending, i));
          g_ptr_array_set_size (pending, 0);
          break;
        case OP_CREATE:
        case OP_MKDIR:
        case OP_RENAME:
        case OP_UNLINK:
          g_ptr_array_add (replay->pending_dir, op);
          break;
        case OP_DIRSYNC:
          for (guint i = 0; i < replay->pending_dir->len;)
            {
              Op *name_op = g_ptr_array_index (replay->pending_dir, i);
              g_autofree char *folder = NULL;

              if (strcmp (op_folder_key (name_op, &folder), op->path) == 0)
                {
                  apply_name_op (replay->names, name_op);
                  g_ptr_array_remove_index (replay->pending_dir, i);
                }
              else
                i++;
            }
          break;
        case OP_MARK:
          replay->marks[op->inode]++;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* New inodes made during the log have no durable data yet. */
static void
replay_grow (PowerReplay *replay)
{
  while (replay->durable->len < replay->log->initial_data->len)
    {
      g_ptr_array_add (replay->durable, g_byte_array_new ());
      g_ptr_array_add (replay->pending, g_ptr_array_new ());
    }
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The files after the cut: rel path → GByteArray (NULL for a folder).
 * @rand NULL: nothing lost (everything applied in order). */
static GHashTable *
build_image (PowerReplay *replay,
             GRand       *rand,
             GString     *what)
{
  GHashTable *image = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, power_free_byte_array);
  g_autoptr(GHashTable) names = copy_names (replay->names);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  gboolean posix = rand != NULL && g_rand_boolean (rand);
  guint n_dir = replay->pending_dir->len;
  guint prefix = rand == NULL ? n_dir : posix ? n_dir : (guint) g_rand_int_range (rand, 0, n_dir + 1);
  guint n_names = 0, n_writes = 0, n_dropped = 0, n_torn = 0;
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < prefix; i++)
    if (!posix || g_rand_boolean (rand))
      {
        apply_name_op (names, g_ptr_array_index (replay->pending_dir, i));
        n_names++;
      }

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, key);
  g_ptr_array_sort (paths, compare_paths);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      guint inode = GPOINTER_TO_UINT (g_hash_table_lookup (names, path));
      g_autofree char *parent = power_parent_of (path);
      GByteArray *bytes;
      GPtrArray *pending;
      g_autoptr(GPtrArray) order = NULL;

      /* A name in a folder whose own name did not persist is gone too
       * (sorted: the folder came first). */
      if (strcmp (parent, ".") != 0 && !g_hash_table_contains (image, parent))
        continue;
      if (g_array_index (replay->log->is_dir, gboolean, inode))
        {
          g_hash_table_insert (image, g_strdup (path), NULL);
          continue;
        }
      bytes = g_byte_array_new ();
      g_byte_array_append (bytes, ((GByteArray *) g_ptr_array_index (replay->durable, inode))->data,
                           ((GByteArray *) g_ptr_array_index (replay->durable, inode))->len);
      pending = g_ptr_array_index (replay->pending, inode);
      order = g_ptr_array_copy (pending, NULL, NULL);
      if (rand != NULL)
        for (guint j = order->len; j > 1; j--)
          {
            guint k = g_rand_int_range (rand, 0, j);
            gpointer tmp = order->pdata[j - 1];

            order->pdata[j - 1] = order->pdata[k];
            order->pdata[k] = tmp;
          }
      for (guint j = 0; j < order->len; j++)
        {
          const Op *op = g_ptr_array_index (order, j);
          guint fate = rand ? g_rand_int_range (rand, 0, 4) : 1;

          n_writes++;
          if (fate == 0)
            n_dropped++;
          else if (fate == 1 || op->type == OP_TRUNCATE)
            apply_data_op (bytes, op);
          else
            {
              /* Torn: sector by sector, old or new, now and then garbage. */
              const guint8 *data = g_bytes_get_data (op->data, NULL);
              gint64 end = op->offset + (gint64) g_bytes_get_size (op->data);

              n_torn++;
              for (gint64 at = op->offset; at < end;)
                {
                  gint64 next = MIN (end, (at / SECTOR + 1) * SECTOR);
                  guint roll = g_rand_int_range (rand, 0, 16);

                  if (roll < 7)
                    bytes_write (bytes, at, data + (at - op->offset), next - at);
                  else if (roll < 9)
                    {
                      guint8 garbage[SECTOR];

                      for (gint64 b = 0; b < next - at; b++)
                        garbage[b] = (guint8) g_rand_int (rand);
                      bytes_write (bytes, at, garbage, next - at);
                    }
                  at = next;
                }
            }
        }
      g_hash_table_insert (image, g_strdup (path), bytes);
    }

  if (what != NULL)
    g_string_append_printf (what, "%s: %u of %u name changes kept, %u unsynced writes (%u dropped, %u torn)",
                            posix ? "posix" : "journaled", n_names, n_dir, n_writes, n_dropped, n_torn);
  return image;
}

static void
write_image (GHashTable *image,
             const char *dest,
             GRand      *rand)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, image);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, key);
  g_ptr_array_sort (paths, compare_paths);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      GByteArray *bytes = g_hash_table_lookup (image, path);
      g_autofree char *abs = g_build_filename (dest, path, NULL);

      if (bytes == NULL)
        {
          g_assert_cmpint (g_mkdir (abs, 0700), ==, 0);
          continue;
        }
      g_assert_true (g_file_set_contents_full (abs, (const char *) bytes->data, bytes->len,
                                               G_FILE_SET_CONTENTS_NONE, 0600, NULL));
      /* What the dead process's wal-index left: nothing, or garbage. */
      if (g_str_has_suffix (path, "-wal") && g_rand_boolean (rand))
        {
          g_autofree char *shm = g_strndup (abs, strlen (abs) - 4);
          g_autofree char *shm_path = g_strconcat (shm, "-shm", NULL);
          g_autofree guint8 *garbage = g_malloc (32768);

          for (guint b = 0; b < 32768; b++)
            garbage[b] = (guint8) g_rand_int (rand);
          g_assert_true (g_file_set_contents_full (shm_path, (const char *) garbage, 32768,
                                                   G_FILE_SET_CONTENTS_NONE, 0600, NULL));
        }
    }
}

char *
power_replay_cut (PowerReplay *replay,
                  guint        cut,
                  guint32      seed,
                  const char  *dest,
                  guint        marks[POWER_N_MARKS])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) what = g_string_new (NULL);
  g_autoptr(GHashTable) image = NULL;

  replay_grow (replay);
  replay_advance (replay, cut);
  image = build_image (replay, rand, what);
  write_image (image, dest, rand);
  memcpy (marks, replay->marks, sizeof replay->marks);
  return g_string_free (g_steal_pointer (&what), FALSE);
}

/* Everything the log says, nothing lost, must be what is on disk: else
 * the store changed a file some way the model does not see. */
static void
compare_tree (GHashTable *image,
              const char *abs,
              const char *rel,
              guint      *n_seen)
{
  g_autoptr(GDir) dir = g_dir_open (abs, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (abs, name, NULL);
      g_autofree char *child_rel = rel ? g_build_filename (rel, name, NULL) : g_strdup (name);
      GByteArray *bytes;

      if (g_str_has_suffix (name, "-shm"))
        continue;
      if (!g_hash_table_lookup_extended (image, child_rel, NULL, (gpointer *) &bytes))
        g_error ("power-vfs: %s is on disk but not in the log", child_rel);
      (*n_seen)++;
      if (bytes == NULL)
        compare_tree (image, child, child_rel, n_seen);
      else
        {
          g_autofree char *data = NULL;
          gsize len = 0;

          g_assert_true (g_file_get_contents (child, &data, &len, NULL));
          if (len != bytes->len || memcmp (data, bytes->data, len) != 0)
            g_error ("power-vfs: %s differs from its log (%" G_GSIZE_FORMAT " bytes on disk, %u logged)",
                     child_rel, len, bytes->len);
        }
    }
}

void
power_log_check (PowerLog   *log,
                 const char *root)
{
  PowerReplay *replay = power_replay_new (log);
  g_autoptr(GHashTable) image = NULL;
  guint n_seen = 0;

  replay_grow (replay);
  replay_advance (replay, log->ops->len);
  image = build_image (replay, NULL, NULL);
  compare_tree (image, root, NULL, &n_seen);
  g_assert_cmpuint (n_seen, ==, g_hash_table_size (image));
  power_replay_free (replay);
}
