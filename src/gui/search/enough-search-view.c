/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-search-row.h"
#include "enough-search-view.h"
#include "enough-still-pointer.h"
#include "enough-word-wrap.h"

/* At most one search in this long: a key after a pause is searched at
 * once (its results on screen within the 150 ms a user feels as instant,
 * which a 100 ms debounce before each search left no room for), and the
 * keys of a fast typist's burst wait out the rest of it, only the last
 * searched. */
#define SEARCH_INTERVAL_MS 100
/* A bounded page of results per kind: the list is for finding, not reading. */
#define RESULTS_PER_KIND 20
/* Each frame that grows the list draws all of it that is shown again
 * (its card's background and border change size), so the rows a view
 * needs are made in as few frames as can be: as many as fit in
 * ROWS_BUDGET_US of a frame (all of an answer's rows laid out and drawn
 * together took longer than a frame on software rendering, measured with
 * bench/enough-bench-stalls.py). ROWS_FIRST_FRAME a frame while the
 * view has no size yet to measure against. */
#define ROWS_FIRST_FRAME 4
#define ROWS_BUDGET_US 4000
/* Rows are made until they reach this many views' heights below the
 * top of the view; the rest when the view is scrolled near them, a key
 * moves past them, the focus comes into the results or a row is asked
 * for. Each batch of rows is a frame that redraws the results, and for
 * rows nobody sees that was half of a first answer's CPU. */
#define ROWS_VIEWS_AHEAD 2

struct _EnoughSearchView
{
  GtkWidget     parent_instance;

  GtkStack     *stack;
  GtkScrolledWindow *scroller;
  GtkWidget    *group_dialogues;
  GtkWidget    *group_letters;
  GtkWidget    *group_checks;
  GtkWidget    *group_experiments;
  GtkWidget    *group_checkins;
  GtkListBox   *list_dialogues;
  GtkListBox   *list_letters;
  GtkListBox   *list_checks;
  GtkListBox   *list_experiments;
  GtkListBox   *list_checkins;

  EnoughStore  *store;
  char         *query;          /* shown */
  char         *pending_query;  /* waiting for its turn */
  guint         timeout_id;
  gint64        searched_at;    /* monotonic end of the last search */
  GCancellable *cancellable;    /* of the full answer in flight */
  GListStore   *results;        /* all shown, grouped by kind */
  GListStore   *groups[5];      /* dialogues, letters, self-checks, experiments, check-ins */
  guint         n_rows[5];      /* rows made of each group's results so far */
  guint         rows_tick_id;   /* makes the rest, a few each frame */
  gint64        rows_budget;    /* µs a frame may spend making rows */
  gboolean      rows_wait;      /* the next frame only shows the rows made */
};

G_DEFINE_FINAL_TYPE (EnoughSearchView, enough_search_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_OPEN_RESULT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
enough_search_view_new (void)
{
  return g_object_new (ENOUGH_TYPE_SEARCH_VIEW, NULL);
}

static void
on_row_activated (EnoughSearchView *self,
                  GtkListBoxRow    *row)
{
  EnoughSearchResult *result = g_object_get_data (G_OBJECT (row), "enough-search-result");

  if (result != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_RESULT], 0, result);
}

/* ---- Rows --------------------------------------------------------------- */

static GtkListBox *
group_list (EnoughSearchView *self,
            guint             g)
{
  GtkListBox *lists[5] = { self->list_dialogues, self->list_letters, self->list_checks,
                           self->list_experiments, self->list_checkins };

  return lists[g];
}

static gboolean
rows_pending (EnoughSearchView *self)
{
  for (guint g = 0; g < G_N_ELEMENTS (self->groups); g++)
    if (self->groups[g] != NULL &&
        self->n_rows[g] < g_list_model_get_n_items (G_LIST_MODEL (self->groups[g])))
      return TRUE;
  return FALSE;
}

/* The rows made so far reach far enough below what is shown. Measured
 * now rather than read from the last layout, so that the rows a view needs
 * come in one frame; GTK keeps the sizes, so the layout that follows does
 * not measure them again. The results fill the view, so before they have
 * been shown once, the view's size stands for theirs. */
static gboolean
rows_fill_view (EnoughSearchView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = 0;

  if (page <= 0)
    page = gtk_widget_get_height (GTK_WIDGET (self));
  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  return height >= gtk_adjustment_get_value (adjustment) + ROWS_VIEWS_AHEAD * page;
}

/* Makes up to @budget of the rows not made yet, in the order shown;
 * returns whether some are still to come. */
static gboolean
add_rows (EnoughSearchView *self,
          guint             budget)
{
  for (guint g = 0; g < G_N_ELEMENTS (self->groups); g++)
    {
      guint n;

      if (self->groups[g] == NULL || group_list (self, g) == NULL)
        return FALSE;  /* disposed */
      n = g_list_model_get_n_items (G_LIST_MODEL (self->groups[g]));
      for (; self->n_rows[g] < n && budget > 0; self->n_rows[g]++, budget--)
        {
          g_autoptr(EnoughSearchResult) result = g_list_model_get_item (G_LIST_MODEL (self->groups[g]),
                                                                        self->n_rows[g]);

          gtk_list_box_append (group_list (self, g), enough_search_row_new (result));
        }
      if (self->n_rows[g] < n)
        return TRUE;
    }
  return FALSE;
}

static void
stop_rows_tick (EnoughSearchView *self)
{
  if (self->rows_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->rows_tick_id);
  self->rows_tick_id = 0;
  self->rows_wait = FALSE;
}

static void
finish_rows (EnoughSearchView *self)
{
  stop_rows_tick (self);
  add_rows (self, G_MAXUINT);
}

/* Makes rows until they fill the view (and the views ahead) or the
 * frame's share of time is spent; returns whether more are needed. */
static gboolean
fill_rows (EnoughSearchView *self)
{
  gint64 deadline = g_get_monotonic_time () + self->rows_budget;

  /* Not laid out yet (mapped in this frame): nothing to measure against. */
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return add_rows (self, ROWS_FIRST_FRAME);
  while (!rows_fill_view (self))
    {
      if (!add_rows (self, 1))
        return FALSE;
      if (g_get_monotonic_time () >= deadline)
        return TRUE;
    }
  return FALSE;
}

static gboolean
on_rows_tick (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  EnoughSearchView *self = ENOUGH_SEARCH_VIEW (widget);

  if (self->rows_wait)
    {
      self->rows_wait = FALSE;
      return G_SOURCE_CONTINUE;
    }
  /* The rest on demand (on_view_changed()). */
  if (fill_rows (self))
    return G_SOURCE_CONTINUE;
  self->rows_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
start_rows_tick (EnoughSearchView *self)
{
  if (self->rows_tick_id == 0 && rows_pending (self))
    self->rows_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_rows_tick, NULL, NULL);
}

/* Scrolled, or the view grew: more rows, if they would soon be seen. */
static void
on_view_changed (EnoughSearchView *self)
{
  /* (Measuring only when there are rows to make: this runs at every
   * layout that changes the adjustment.) */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && rows_pending (self) && !rows_fill_view (self))
    start_rows_tick (self);
}

/* The rows the view shows now, in this frame; more over the next frames
 * if making them takes longer than a frame's share; all at once where
 * nothing is drawn. The frame right after lays out and draws a new
 * answer's first rows (the results page shown anew, its glyphs the first
 * time): making more rows in it too was the longest the UI thread was
 * busy while typing, so they wait for the frame after. */
static void
make_rows (EnoughSearchView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      finish_rows (self);
      return;
    }
  if (fill_rows (self))
    {
      self->rows_wait = TRUE;
      start_rows_tick (self);
    }
}

/* ---- Searching ---------------------------------------------------------- */

/* Shows @results (NULL: none) in the group's rows, which are kept: row i
 * shows result i, changed only if that result changed, rows removed only
 * at the end; the rows to add are made by make_rows(). Returns whether
 * anything changed. */
static gboolean
show_group (EnoughSearchView *self,
            guint             g,
            GPtrArray        *results)
{
  GtkListBox *list = group_list (self, g);
  GListStore *store = self->groups[g];
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  gboolean changed = n_old != results->len;

  for (guint i = 0; i < MIN (results->len, n_old); i++)
    {
      EnoughSearchResult *result = g_ptr_array_index (results, i);
      g_autoptr(EnoughSearchResult) old = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (enough_search_result_same (old, result))
        continue;
      if (i < self->n_rows[g])
        enough_search_row_update (GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) i)), result);
      changed = TRUE;
    }
  for (; self->n_rows[g] > results->len; self->n_rows[g]--)
    gtk_list_box_remove (list, GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) self->n_rows[g] - 1)));

  if (changed)
    g_list_store_splice (store, 0, n_old, results->pdata, results->len);
  return changed;
}

static void
show_results (EnoughSearchView *self,
              GListModel       *results)
{
  GtkWidget *group_boxes[5] = { self->group_dialogues, self->group_letters, self->group_checks,
                               self->group_experiments, self->group_checkins };
  GPtrArray *groups[5];
  guint n = results != NULL ? g_list_model_get_n_items (results) : 0;
  gboolean changed = FALSE;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    groups[g] = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      EnoughSearchResult *result = g_list_model_get_item (results, i);
      int group;

      switch (enough_search_result_get_kind (result))
        {
        case ENOUGH_RECORD_KIND_DIALOGUE: group = 0; break;
        case ENOUGH_RECORD_KIND_LETTER: group = 1; break;
        case ENOUGH_RECORD_KIND_SELF_CHECK: group = 2; break;
        case ENOUGH_RECORD_KIND_EXPERIMENT: group = 3; break;
        case ENOUGH_RECORD_KIND_CHECKIN: group = 4; break;
        case ENOUGH_RECORD_KIND_TURN:
        default:
          g_object_unref (result);
          continue;
        }
      g_ptr_array_add (groups[group], result);
    }

  /* A keystroke that leaves the results as they were (a trailing space,
   * a longer query that still matches nothing) costs no layout at all. */
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      changed |= show_group (self, g, groups[g]);
      gtk_widget_set_visible (group_boxes[g], groups[g]->len > 0);
    }

  make_rows (self);

  /* Flattened in the order shown, so "the first result" is the top row. */
  if (changed)
    g_list_store_remove_all (self->results);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      for (guint i = 0; changed && i < groups[g]->len; i++)
        g_list_store_append (self->results, g_ptr_array_index (groups[g], i));
      g_ptr_array_unref (groups[g]);
    }
}

static void
cancel_full_search (EnoughSearchView *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
on_full_search_done (GObject      *source,
                     GAsyncResult *res,
                     gpointer      user_data)
{
  g_autoptr(EnoughSearchView) self = user_data;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  results = enough_store_search_finish (ENOUGH_STORE (source), res, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (results == NULL)
    {
      /* The quick answer stays shown; it is only incomplete. */
      g_warning ("Search failed: %s", error->message);
      return;
    }

  show_results (self, results);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (results) > 0 ? "results" : "empty");
}

/* One character of Latin (or Cyrillic, …) text matches nearly everything;
 * one Chinese character or Japanese kana is already a word. */
static gboolean
is_too_short (const char *query)
{
  g_autofree char *stripped = g_strstrip (g_strdup (query));
  GUnicodeScript script;
  gunichar c;

  if (g_utf8_strlen (stripped, -1) != 1)
    return FALSE;

  c = g_utf8_get_char (stripped);
  script = g_unichar_get_script (c);
  return script != G_UNICODE_SCRIPT_HAN && script != G_UNICODE_SCRIPT_HIRAGANA &&
         script != G_UNICODE_SCRIPT_KATAKANA && script != G_UNICODE_SCRIPT_HANGUL &&
         script != G_UNICODE_SCRIPT_BOPOMOFO;
}

void
enough_search_view_set_query (EnoughSearchView *self,
                              const char       *query)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  gboolean complete = TRUE;

  g_return_if_fail (ENOUGH_IS_SEARCH_VIEW (self));

  if (query == NULL)
    query = "";

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_pointer (&self->pending_query, g_free);
  cancel_full_search (self);

  if (g_strcmp0 (self->query, query) != 0)
    {
      g_free (self->query);
      self->query = g_strdup (query);
    }

  stripped = g_strstrip (g_strdup (query));
  if (self->store == NULL || *stripped == '\0')
    {
      show_results (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "hint");
      return;
    }
  if (is_too_short (stripped))
    {
      show_results (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "short");
      return;
    }

  /* Fast and bounded: answers this keystroke at once… */
  results = enough_store_search (self->store, stripped, RESULTS_PER_KIND, &complete, &error);
  self->searched_at = g_get_monotonic_time ();
  if (results == NULL)
    g_warning ("Search failed: %s", error->message);
  show_results (self, results);

  /* …and when it had to stop early, the whole journal is read in the
   * background; a newer keystroke cancels it. */
  if (!complete)
    {
      self->cancellable = g_cancellable_new ();
      enough_store_search_async (self->store, stripped, RESULTS_PER_KIND, self->cancellable,
                                 on_full_search_done, g_object_ref (self));
      /* Until it answers, "No Results" could be wrong. */
      gtk_stack_set_visible_child_name (self->stack, "results");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    results != NULL && g_list_model_get_n_items (results) > 0 ?
                                    "results" : "empty");
}

static gboolean
same_search (const char *a,
             const char *b)
{
  g_autofree char *stripped_a = g_strstrip (g_strdup (a));
  g_autofree char *stripped_b = g_strstrip (g_strdup (b));

  return strcmp (stripped_a, stripped_b) == 0;
}

static gboolean
search_pending (gpointer user_data)
{
  EnoughSearchView *self = user_data;
  g_autofree char *query = g_steal_pointer (&self->pending_query);

  self->timeout_id = 0;
  /* Only spaces around it changed (a space typed before the next word):
   * the same search, so not asked again; one still running goes on. */
  if (self->query != NULL && same_search (self->query, query))
    {
      g_free (self->query);
      self->query = g_steal_pointer (&query);
      return G_SOURCE_REMOVE;
    }
  enough_search_view_set_query (self, query);

  return G_SOURCE_REMOVE;
}

void
enough_search_view_queue_query (EnoughSearchView *self,
                                const char       *query)
{
  gint64 since_ms;

  g_return_if_fail (ENOUGH_IS_SEARCH_VIEW (self));

  g_free (self->pending_query);
  self->pending_query = g_strdup (query != NULL ? query : "");
  /* Already waiting for its turn: the newest text is what it searches. */
  if (self->timeout_id != 0)
    return;
  since_ms = (g_get_monotonic_time () - self->searched_at) / 1000;
  /* In a source of its own rather than here: the key's dispatch stays
   * short; at default priority it still runs before the next frame. */
  if (since_ms >= SEARCH_INTERVAL_MS)
    self->timeout_id = g_idle_add_full (G_PRIORITY_DEFAULT, search_pending, self, NULL);
  else
    self->timeout_id = g_timeout_add ((guint) (SEARCH_INTERVAL_MS - since_ms), search_pending, self);
}

void
enough_search_view_set_store (EnoughSearchView *self,
                              EnoughStore      *store)
{
  g_return_if_fail (ENOUGH_IS_SEARCH_VIEW (self));
  g_return_if_fail (store == NULL || ENOUGH_IS_STORE (store));

  if (g_set_object (&self->store, store))
    enough_search_view_set_query (self, self->query);
}

const char *
enough_search_view_get_query (EnoughSearchView *self)
{
  g_return_val_if_fail (ENOUGH_IS_SEARCH_VIEW (self), NULL);

  return self->query != NULL ? self->query : "";
}

gboolean
enough_search_view_is_busy (EnoughSearchView *self)
{
  g_return_val_if_fail (ENOUGH_IS_SEARCH_VIEW (self), FALSE);

  return self->timeout_id != 0 || self->cancellable != NULL || self->rows_tick_id != 0;
}

const char *
enough_search_view_get_state (EnoughSearchView *self)
{
  g_return_val_if_fail (ENOUGH_IS_SEARCH_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GListModel *
enough_search_view_get_results (EnoughSearchView *self)
{
  g_return_val_if_fail (ENOUGH_IS_SEARCH_VIEW (self), NULL);

  return G_LIST_MODEL (self->results);
}

GtkWidget *
enough_search_view_get_row (EnoughSearchView *self,
                            guint             index)
{
  g_return_val_if_fail (ENOUGH_IS_SEARCH_VIEW (self), NULL);

  /* Asked for: made now, not a few frames later. */
  finish_rows (self);
  for (guint g = 0; g < G_N_ELEMENTS (self->groups); g++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups[g]));

      if (index < n)
        return GTK_WIDGET (gtk_list_box_get_row_at_index (group_list (self, g), index));
      index -= n;
    }

  return NULL;
}

gboolean
enough_search_view_activate_first (EnoughSearchView *self)
{
  g_autoptr(EnoughSearchResult) first = NULL;

  g_return_val_if_fail (ENOUGH_IS_SEARCH_VIEW (self), FALSE);

  /* Enter right after typing: search what is typed now, not what was. */
  if (self->timeout_id != 0)
    {
      g_autofree char *query = g_steal_pointer (&self->pending_query);

      enough_search_view_set_query (self, query);
    }

  first = g_list_model_get_item (G_LIST_MODEL (self->results), 0);
  if (first == NULL)
    return FALSE;

  g_signal_emit (self, signals[SIGNAL_OPEN_RESULT], 0, first);
  return TRUE;
}

static void show_focus (GtkWidget *row);

gboolean
enough_search_view_focus_first (EnoughSearchView *self)
{
  GtkWidget *row;

  g_return_val_if_fail (ENOUGH_IS_SEARCH_VIEW (self), FALSE);

  row = enough_search_view_get_row (self, 0);
  if (row == NULL || !gtk_widget_grab_focus (row))
    return FALSE;
  show_focus (row);  /* (Down from the search entry) */
  return TRUE;
}

/* ---- Keyboard ----------------------------------------------------------- */

/* Moved there by a key: the ring shows where, even after the pointer
 * moved (GTK turns it on only for its own Tab and arrow moves). */
static void
show_focus (GtkWidget *row)
{
  GtkRoot *root = gtk_widget_get_root (row);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
}

/* Up and Down go on from one group's results to the next group's, as if
 * they were one list: a list box stops (and beeps) at its own ends. */
static gboolean
on_keynav_failed (GtkWidget        *list,
                  GtkDirectionType  direction,
                  EnoughSearchView *self)
{
  int step = direction == GTK_DIR_DOWN ? 1 : direction == GTK_DIR_UP ? -1 : 0;
  int g;

  if (step == 0)
    return FALSE;

  /* The end of the rows made so far, not of the results. */
  if (rows_pending (self))
    {
      finish_rows (self);
      if (step > 0 && gtk_widget_child_focus (list, direction))
        return TRUE;
    }

  for (g = 0; g < (int) G_N_ELEMENTS (self->groups) && GTK_WIDGET (group_list (self, g)) != list; g++)
    ;
  for (g += step; g >= 0 && g < (int) G_N_ELEMENTS (self->groups); g += step)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups[g]));
      GtkListBoxRow *row;

      if (n == 0 || !gtk_widget_get_visible (GTK_WIDGET (group_list (self, g))))
        continue;
      row = gtk_list_box_get_row_at_index (group_list (self, g), step > 0 ? 0 : (int) n - 1);
      if (row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row)))
        {
          show_focus (GTK_WIDGET (row));
          return TRUE;
        }
    }

  return FALSE;  /* the very first or last result: GTK's bell */
}

/* ---- Object ------------------------------------------------------------- */

/* Ticks stop with the drawing; the rows still to come wait for the view
 * to be shown again. */
static void
enough_search_view_unmap (GtkWidget *widget)
{
  stop_rows_tick (ENOUGH_SEARCH_VIEW (widget));
  GTK_WIDGET_CLASS (enough_search_view_parent_class)->unmap (widget);
}

static void
enough_search_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (enough_search_view_parent_class)->map (widget);
  start_rows_tick (ENOUGH_SEARCH_VIEW (widget));
}

void
_enough_search_view_set_rows_budget_for_tests (EnoughSearchView *self,
                                               gint64            usec)
{
  g_return_if_fail (ENOUGH_IS_SEARCH_VIEW (self));

  self->rows_budget = usec;
}

/* Tab or Down into the results: every row, so none is skipped. */
static void
on_focus_enter (EnoughSearchView *self)
{
  finish_rows (self);
}

static void
enough_search_view_dispose (GObject *object)
{
  EnoughSearchView *self = ENOUGH_SEARCH_VIEW (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  cancel_full_search (self);
  stop_rows_tick (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_SEARCH_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->results);
  for (guint g = 0; g < G_N_ELEMENTS (self->groups); g++)
    g_clear_object (&self->groups[g]);

  G_OBJECT_CLASS (enough_search_view_parent_class)->dispose (object);
}

static void
enough_search_view_finalize (GObject *object)
{
  EnoughSearchView *self = ENOUGH_SEARCH_VIEW (object);

  g_free (self->query);
  g_free (self->pending_query);

  G_OBJECT_CLASS (enough_search_view_parent_class)->finalize (object);
}

static void
enough_search_view_class_init (EnoughSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_search_view_dispose;
  object_class->finalize = enough_search_view_finalize;
  widget_class->map = enough_search_view_map;
  widget_class->unmap = enough_search_view_unmap;

  signals[SIGNAL_OPEN_RESULT] =
    g_signal_new ("open-result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ENOUGH_TYPE_SEARCH_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/search/enough-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EnoughSearchView, stack);
  gtk_widget_class_bind_template_child (widget_class, EnoughSearchView, scroller);
  gtk_widget_class_bind_template_child (widget_class, EnoughSearchView, group_dialogues);
  gtk_widget_class_bind_template_child (widget_class, EnoughSearchView, group_letters);
  gtk_widget_class_bind_template_child (widget_class, EnoughSearchView, group_checks);
  gtk_widget_class_bind_template_child (widget_class, EnoughSearchView, group_experiments);
  gtk_widget_class_bind_template_child (widget_class, EnoughSearchView, group_checkins);
  gtk_widget_class_bind_template_child (widget_class, EnoughSearchView, list_dialogues);
  gtk_widget_class_bind_template_child (widget_class, EnoughSearchView, list_letters);
  gtk_widget_class_bind_template_child (widget_class, EnoughSearchView, list_checks);
  gtk_widget_class_bind_template_child (widget_class, EnoughSearchView, list_experiments);
  gtk_widget_class_bind_template_child (widget_class, EnoughSearchView, list_checkins);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
enough_search_view_init (EnoughSearchView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows_budget = ROWS_BUDGET_US;
  enough_word_wrap_descendants (GTK_WIDGET (self));

  /* The lists' rows follow the groups by hand (show_group()), not through
   * gtk_list_box_bind_model(), which would make every row anew each time
   * the results are replaced. */
  self->results = g_list_store_new (ENOUGH_TYPE_SEARCH_RESULT);
  for (guint g = 0; g < G_N_ELEMENTS (self->groups); g++)
    self->groups[g] = g_list_store_new (ENOUGH_TYPE_SEARCH_RESULT);
  g_signal_connect_object (self->list_dialogues, "keynav-failed", G_CALLBACK (on_keynav_failed), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->list_letters, "keynav-failed", G_CALLBACK (on_keynav_failed), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->list_checks, "keynav-failed", G_CALLBACK (on_keynav_failed), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->list_experiments, "keynav-failed", G_CALLBACK (on_keynav_failed), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->list_checkins, "keynav-failed", G_CALLBACK (on_keynav_failed), self, G_CONNECT_DEFAULT);
  /* Each key typed in the search entry would fade the results' scrollbar
   * in and out under a resting pointer. */
  enough_still_pointer_filter (GTK_WIDGET (self));
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_view_changed), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_view_changed), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (focus, "enter", G_CALLBACK (on_focus_enter), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), focus);
  }

  show_results (self, NULL);
}
