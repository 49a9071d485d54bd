/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-store-private.h"

/* A lazy GListModel: it holds only ids and sort keys (16 bytes a row);
 * objects are made when GtkListView asks for them, a page at a time, and
 * the last page stays referenced so scrolling back and forth is cheap. */

#define PAGE_SIZE 64

struct _EnoughEntryList
{
  GObject           parent_instance;

  EnoughStore      *store;  /* not a reference; NULL once detached */
  EnoughRecordKind  kind;
  GType             item_type;
  gboolean          descending;
  GArray           *ids;    /* gint64 */
  GArray           *keys;   /* gint64 */
  GPtrArray        *window; /* EnoughRecord refs for [window_start, +len) */
  guint             window_start;
};

static void enough_entry_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EnoughEntryList, enough_entry_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      enough_entry_list_model_init))

static GType
enough_entry_list_get_item_type (GListModel *model)
{
  return ENOUGH_ENTRY_LIST (model)->item_type;
}

static guint
enough_entry_list_get_n_items (GListModel *model)
{
  return ENOUGH_ENTRY_LIST (model)->ids->len;
}

static gpointer
enough_entry_list_get_item (GListModel *model,
                            guint       position)
{
  EnoughEntryList *self = ENOUGH_ENTRY_LIST (model);
  guint start, end;

  if (position >= self->ids->len || self->store == NULL)
    return NULL;

  if (position >= self->window_start && position < self->window_start + self->window->len)
    {
      gpointer item = g_ptr_array_index (self->window, position - self->window_start);
      return item ? g_object_ref (item) : NULL;
    }

  start = position - position % PAGE_SIZE;
  end = MIN (start + PAGE_SIZE, self->ids->len);
  g_ptr_array_set_size (self->window, 0);
  self->window_start = start;
  for (guint i = start; i < end; i++)
    g_ptr_array_add (self->window,
                     _enough_store_get_record (self->store, self->kind,
                                               g_array_index (self->ids, gint64, i)));

  {
    gpointer item = g_ptr_array_index (self->window, position - start);
    return item ? g_object_ref (item) : NULL;
  }
}

static void
enough_entry_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = enough_entry_list_get_item_type;
  iface->get_n_items = enough_entry_list_get_n_items;
  iface->get_item = enough_entry_list_get_item;
}

static void
enough_entry_list_finalize (GObject *object)
{
  EnoughEntryList *self = ENOUGH_ENTRY_LIST (object);

  g_array_unref (self->ids);
  g_array_unref (self->keys);
  g_ptr_array_unref (self->window);

  G_OBJECT_CLASS (enough_entry_list_parent_class)->finalize (object);
}

static void
enough_entry_list_class_init (EnoughEntryListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = enough_entry_list_finalize;
}

static void
enough_entry_list_init (EnoughEntryList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->window = g_ptr_array_new_with_free_func (g_object_unref);
}

EnoughEntryList *
enough_entry_list_new (EnoughStore      *store,
                       EnoughRecordKind  kind,
                       GType             item_type,
                       gboolean          descending)
{
  EnoughEntryList *self = g_object_new (ENOUGH_TYPE_ENTRY_LIST, NULL);

  self->store = store;
  self->kind = kind;
  self->item_type = item_type;
  self->descending = descending;

  return self;
}

static void
drop_window (EnoughEntryList *self)
{
  /* Indices shift on every structural change; simplest is to refetch. */
  g_ptr_array_set_size (self->window, 0);
  self->window_start = 0;
}

void
enough_entry_list_set_ids (EnoughEntryList *self,
                           GArray          *ids,
                           GArray          *keys)
{
  guint removed = self->ids->len;

  g_return_if_fail (ids->len == keys->len);

  drop_window (self);
  g_array_unref (self->ids);
  g_array_unref (self->keys);
  self->ids = g_array_ref (ids);
  self->keys = g_array_ref (keys);
  if (removed || ids->len)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, ids->len);
}

/* TRUE if (key_a, id_a) sorts before (key_b, id_b) */
static gboolean
sorts_before (EnoughEntryList *self,
              gint64           key_a,
              gint64           id_a,
              gint64           key_b,
              gint64           id_b)
{
  if (self->descending)
    return key_a > key_b || (key_a == key_b && id_a > id_b);
  return key_a < key_b || (key_a == key_b && id_a < id_b);
}

guint
enough_entry_list_insert_sorted (EnoughEntryList *self,
                                 gint64           id,
                                 gint64           key)
{
  guint lo = 0, hi = self->ids->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (sorts_before (self, g_array_index (self->keys, gint64, mid),
                        g_array_index (self->ids, gint64, mid), key, id))
        lo = mid + 1;
      else
        hi = mid;
    }

  enough_entry_list_insert_at (self, lo, id, key);
  return lo;
}

void
enough_entry_list_insert_at (EnoughEntryList *self,
                             guint            index,
                             gint64           id,
                             gint64           key)
{
  g_return_if_fail (index <= self->ids->len);

  drop_window (self);
  g_array_insert_val (self->ids, index, id);
  g_array_insert_val (self->keys, index, key);
  g_list_model_items_changed (G_LIST_MODEL (self), index, 0, 1);
}

int
enough_entry_list_find (EnoughEntryList *self,
                        gint64           id)
{
  /* Linear, but over a flat array of integers: ~50 µs at 100,000 rows,
   * and only on delete/move, never per frame. */
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return (int) i;
  return -1;
}

int
enough_entry_list_remove (EnoughEntryList *self,
                          gint64           id)
{
  int index = enough_entry_list_find (self, id);

  if (index < 0)
    return -1;

  drop_window (self);
  g_array_remove_index (self->ids, (guint) index);
  g_array_remove_index (self->keys, (guint) index);
  g_list_model_items_changed (G_LIST_MODEL (self), (guint) index, 1, 0);
  return index;
}

gint64
enough_entry_list_get_key (EnoughEntryList *self,
                           guint            index)
{
  g_return_val_if_fail (index < self->keys->len, 0);
  return g_array_index (self->keys, gint64, index);
}

void
enough_entry_list_set_key (EnoughEntryList *self,
                           guint            index,
                           gint64           key)
{
  g_return_if_fail (index < self->keys->len);
  g_array_index (self->keys, gint64, index) = key;
}

gint64
enough_entry_list_get_id (EnoughEntryList *self,
                          guint            index)
{
  g_return_val_if_fail (index < self->ids->len, 0);
  return g_array_index (self->ids, gint64, index);
}

/* Appends older rows at the end (the lazy tail of a list being loaded). */
void
enough_entry_list_append (EnoughEntryList *self,
                          GArray          *ids,
                          GArray          *keys)
{
  guint position = self->ids->len;

  g_return_if_fail (ids->len == keys->len);
  if (ids->len == 0)
    return;

  g_array_append_vals (self->ids, ids->data, ids->len);
  g_array_append_vals (self->keys, keys->data, keys->len);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, ids->len);
}

void
enough_entry_list_detach (EnoughEntryList *self)
{
  drop_window (self);
  self->store = NULL;
}
