/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enough-crypt-vfs.h"
#include "enough-store-private.h"
#include "enough-store-schema.h"
#include "enough-store-test-hooks.h"
#include "enough-tables.h"

/* How a search works
 *
 * The FTS5 table `search` (trigram tokenizer) holds every piece of user
 * text; its rowid says where the text lives (id * 64 + kind * 8 + field).
 * A query is split into words, ANDed. Words of 3+ characters go to MATCH
 * (indexed, any script). Words of 1–2 characters cannot use trigrams:
 * next to a longer word they are LIKE filters on its matches; on their own,
 * CJK ones (everyday in Chinese, Japanese and Korean) use `search_cjk`, an
 * index of single CJK characters matched as a phrase; only short Latin
 * words alone are a scan, bounded by a time budget on the UI thread.
 *
 * The newest CANDIDATES matches are read (rowid order, so the index can
 * stop early), given a relevance in C (field weight times occurrences, in
 * a few steps), grouped by kind and cut to the limit, most relevant and
 * newest first. Only the winners are resolved to entries and get a
 * snippet and their entry's name; each group is then shown by relevance,
 * then date (newest first), the equally relevant turns of one dialogue
 * together. */

#define CANDIDATES 256
#define SYNC_BUDGET_USEC (8 * 1000)
#define SNIPPET_BEFORE 24  /* characters of context before the match */
#define SNIPPET_LENGTH 120 /* characters in a snippet */
#define TITLE_HEAD_BYTES 512 /* of a letter's text, to name it */

typedef struct
{
  GPtrArray *terms;    /* char*, as typed */
  GPtrArray *folded;   /* GArray of gunichar, lower-cased, per term */
  guint      n_long;
} Query;

typedef struct
{
  gint64  rowid;
  double  score;
  char   *text;    /* the first TEXT_MAX_BYTES, valid UTF-8 */
  gsize   length;  /* bytes of the whole stored text */
} Candidate;

/* Scoring and snippets read the first TEXT_MAX_BYTES of a text: a letter
 * of a megabyte costs no more than a few pages (20 of them took 277 ms,
 * far past the UI thread's 8 ms). */
#define TEXT_MAX_BYTES (16 * 1024)

typedef struct
{
  gint64        deadline;
  GCancellable *cancellable;
  gboolean      interrupted;
} Budget;

typedef gboolean (*HiddenFunc) (gpointer          data,
                                EnoughRecordKind  kind,
                                gint64            id);

static void
candidate_free (Candidate *c)
{
  g_free (c->text);
  g_free (c);
}

/* A candidate whose first @n bytes of @length are at @text. The copy is
 * valid UTF-8 whatever the database holds: a damaged or crafted file can
 * store any bytes (and still pass quick_check), and the scans below step
 * by UTF-8 lead bytes, which would run past the end of a broken one. */
static Candidate *
candidate_new_from_bytes (gint64      rowid,
                          const char *text,
                          gsize       n,
                          gsize       length)
{
  Candidate *c = g_new0 (Candidate, 1);
  const char *valid_end = NULL;

  c->rowid = rowid;
  c->length = length;
  if (text == NULL)
    {
      c->text = g_strdup ("");
      return c;
    }
  n = strnlen (text, MIN (n, TEXT_MAX_BYTES));
  if (g_utf8_validate_len (text, n, &valid_end))
    c->text = g_strndup (text, n);
  else if (n < length && n - (gsize) (valid_end - text) < 4)
    c->text = g_strndup (text, valid_end - text);  /* cut inside a character */
  else
    c->text = g_utf8_make_valid (text, (gssize) n);
  return c;
}

/* A candidate from column 0 (rowid) and 1 (text) of @stmt. */
static Candidate *
candidate_new (sqlite3_stmt *stmt)
{
  const char *text = (const char *) sqlite3_column_text (stmt, 1);
  gsize length = (gsize) sqlite3_column_bytes (stmt, 1);

  return candidate_new_from_bytes (sqlite3_column_int64 (stmt, 0), text, length, length);
}

/* A candidate of the index row @rowid, reading only the first
 * TEXT_MAX_BYTES of its text from the index's content table as a blob:
 * SQLite then follows only the first few overflow pages of a long text,
 * where a column read would load all of it (20 letters of 1 MB cost
 * 48 ms that way, 6 times the UI thread's budget). *blob is reused from
 * row to row. NULL if the row is gone. */
static Candidate *
candidate_new_from_index (sqlite3       *db,
                          gint64         rowid,
                          sqlite3_blob **blob)
{
  g_autofree char *head = NULL;
  int rc, length, n;

  if (*blob == NULL)
    rc = sqlite3_blob_open (db, "main", "search_content", "c0", rowid, 0, blob);
  else
    rc = sqlite3_blob_reopen (*blob, rowid);
  if (rc != SQLITE_OK)
    {
      /* After a failed reopen the handle is aborted: start afresh. */
      g_clear_pointer (blob, sqlite3_blob_close);
      return NULL;
    }
  length = sqlite3_blob_bytes (*blob);
  n = MIN (length, TEXT_MAX_BYTES);
  head = g_malloc (n + 1);
  if (sqlite3_blob_read (*blob, head, n, 0) != SQLITE_OK)
    return NULL;
  head[n] = '\0';
  return candidate_new_from_bytes (rowid, head, (gsize) n, (gsize) length);
}

static void
query_clear (Query *q)
{
  g_clear_pointer (&q->terms, g_ptr_array_unref);
  g_clear_pointer (&q->folded, g_ptr_array_unref);
}

static void
query_parse (Query      *q,
             const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFC);
  const char *p = normal ? normal : "";

  q->terms = g_ptr_array_new_with_free_func (g_free);
  q->folded = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  q->n_long = 0;

  while (*p)
    {
      const char *start;
      GArray *chars;

      while (*p && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (!*p)
        break;
      start = p;
      chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
      while (*p && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          gunichar c = g_unichar_tolower (g_utf8_get_char (p));
          g_array_append_val (chars, c);
          p = g_utf8_next_char (p);
        }
      /* A dozen words is plenty; more only slows the query. */
      if (q->terms->len < 12)
        {
          g_ptr_array_add (q->terms, g_strndup (start, p - start));
          g_ptr_array_add (q->folded, chars);
          if (chars->len >= 3)
            q->n_long++;
        }
      else
        g_array_unref (chars);
    }
}

static gboolean
term_is_long (Query *q,
              guint  i)
{
  return ((GArray *) g_ptr_array_index (q->folded, i))->len >= 3;
}

static gboolean
term_is_cjk (const char *term)
{
  for (const char *p = term; *p; p = g_utf8_next_char (p))
    if (!enough_store_is_cjk (g_utf8_get_char (p)))
      return FALSE;
  return *term != '\0';
}

/* Finds the next occurrence of any term at or after byte @from; returns
 * its byte start or -1, with the end in *out_end. */
static gssize
find_match (Query      *q,
            const char *text,
            gsize       from,
            gsize      *out_end)
{
  for (const char *p = text + from; *p; p = g_utf8_next_char (p))
    {
      for (guint t = 0; t < q->folded->len; t++)
        {
          GArray *chars = g_ptr_array_index (q->folded, t);
          const char *s = p;
          guint i;

          for (i = 0; i < chars->len && *s; i++)
            {
              if (g_unichar_tolower (g_utf8_get_char (s)) != g_array_index (chars, gunichar, i))
                break;
              s = g_utf8_next_char (s);
            }
          if (i == chars->len && chars->len > 0)
            {
              *out_end = s - text;
              return p - text;
            }
        }
    }
  return -1;
}

static double
field_weight (guint field)
{
  switch (field)
    {
    case ENOUGH_SEARCH_FIELD_TITLE:
    case ENOUGH_SEARCH_FIELD_TAKEAWAY:
    case ENOUGH_SEARCH_FIELD_CRITIC_NAME:
      return 2.0;
    default:
      return 1.0;
    }
}

/* Lower is better, like bm25: titles first, then more hits. In whole
 * steps (one, two, three or more hits), so that results as relevant as
 * each other show newest first, which a list of thousands needs more
 * than a finer score nobody can see. */
static double
score_candidate (Query      *q,
                 Candidate  *c)
{
  gsize pos = 0, end = 0;
  guint hits = 0;
  gssize at;

  while (hits < 3 && (at = find_match (q, c->text, pos, &end)) >= 0)
    {
      hits++;
      pos = end;
    }
  return -(field_weight (enough_table_search_field ((guint) ((c->rowid >> 3) & 7), (guint) (c->rowid & 7)))
           * (1.0 + hits));
}

static void
make_snippet (Query       *q,
              const char  *text,
              char       **out_snippet,
              GArray      *matches)
{
  gsize end = 0;
  gssize first = find_match (q, text, 0, &end);
  const char *start = text;
  const char *stop;
  GString *out = g_string_new (NULL);
  gsize base;

  if (first > 0)
    {
      /* Back up a little for context, without splitting a character. */
      start = text + first;
      for (guint i = 0; i < SNIPPET_BEFORE && start > text; i++)
        start = g_utf8_prev_char (start);
    }
  stop = start;
  for (guint i = 0; i < SNIPPET_LENGTH && *stop; i++)
    stop = g_utf8_next_char (stop);
  if (first >= 0 && text + end > stop)
    stop = text + end;

  if (start > text)
    g_string_append (out, "…");
  base = out->len;
  g_string_append_len (out, start, stop - start);
  if (*stop)
    g_string_append (out, "…");

  /* One line: newlines and tabs become spaces (same byte length, so the
   * offsets stay right). */
  for (gsize i = 0; i < out->len; i++)
    if (out->str[i] == '\n' || out->str[i] == '\r' || out->str[i] == '\t')
      out->str[i] = ' ';

  if (first >= 0)
    {
      gsize pos = start - text;
      gssize at;

      while ((at = find_match (q, text, pos, &end)) >= 0 && text + end <= stop)
        {
          guint range[2] = { (guint) (base + (at - (start - text))),
                             (guint) (base + (end - (start - text))) };
          g_array_append_vals (matches, range, 2);
          pos = end;
        }
    }

  *out_snippet = g_string_free (out, FALSE);
}

static int
progress_cb (void *data)
{
  Budget *budget = data;

  if ((budget->deadline > 0 && g_get_monotonic_time () > budget->deadline) ||
      g_cancellable_is_cancelled (budget->cancellable))
    {
      budget->interrupted = TRUE;
      return 1;
    }
  return 0;
}

static char *
like_pattern (const char *term)
{
  GString *s = g_string_new ("%");

  for (const char *p = term; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

static sqlite3_stmt *
prepare_cached (sqlite3     *db,
                GHashTable  *cache,
                const char  *sql,
                GError     **error)
{
  return _enough_store_cached_stmt (db, cache, sql, "search", error);
}

static void
release_stmt (GHashTable   *cache,
              sqlite3_stmt *stmt)
{
  if (cache != NULL)
    sqlite3_reset (stmt);
  else
    sqlite3_finalize (stmt);
}

static gint
candidate_order (gconstpointer a,
                 gconstpointer b)
{
  const Candidate *ca = *(Candidate * const *) a;
  const Candidate *cb = *(Candidate * const *) b;

  if (ca->score != cb->score)
    return ca->score < cb->score ? -1 : 1;
  return ca->rowid < cb->rowid ? 1 : (ca->rowid > cb->rowid ? -1 : 0);
}

typedef struct
{
  EnoughSearchResult *result;
  EnoughRecordKind    kind;
  gint64              entry_id;
  gint64              rowid;
} Hit;

/* Relevance, then date (newest first); as relevant, one entry's hits
 * together, in their order in it. */
static gint
hit_order (gconstpointer a,
           gconstpointer b)
{
  const Hit *ha = *(Hit * const *) a;
  const Hit *hb = *(Hit * const *) b;
  double ra = enough_search_result_get_rank (ha->result);
  double rb = enough_search_result_get_rank (hb->result);
  gint64 ca = enough_search_result_get_created_at (ha->result);
  gint64 cb = enough_search_result_get_created_at (hb->result);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  if (ca != cb)
    return ca > cb ? -1 : 1;
  if (ha->entry_id != hb->entry_id)
    return ha->entry_id > hb->entry_id ? -1 : 1;
  return ha->rowid < hb->rowid ? -1 : (ha->rowid > hb->rowid ? 1 : 0);
}

/* The first TITLE_HEAD_BYTES of a letter's @column, as valid UTF-8, read
 * as a blob so that a letter of a megabyte costs a page or two, not all
 * of its overflow pages. NULL if it cannot be read. */
static char *
read_text_head (sqlite3    *db,
                const char *table,
                const char *column,
                gint64      id)
{
  sqlite3_blob *blob = NULL;
  g_autofree char *head = NULL;
  const char *valid_end = NULL;
  int n;

  if (sqlite3_blob_open (db, "main", table, column, id, 0, &blob) != SQLITE_OK)
    {
      sqlite3_blob_close (blob);
      return NULL;
    }
  n = MIN (sqlite3_blob_bytes (blob), TITLE_HEAD_BYTES);
  head = g_malloc (n + 1);
  if (sqlite3_blob_read (blob, head, n, 0) != SQLITE_OK)
    n = 0;
  head[n] = '\0';
  sqlite3_blob_close (blob);
  /* Cut inside a character: drop it; other bad bytes are made valid. */
  if (!g_utf8_validate_len (head, n, &valid_end) && n - (valid_end - head) < 4)
    n = valid_end - head;
  return g_utf8_make_valid (head, n);
}

/* What names a letter in the Letters list: what felt not good enough,
 * or else the letter. */
static char *
dup_letter_title (sqlite3 *db,
                  gint64   id)
{
  g_autofree char *title = read_text_head (db, "letter", "not_good_enough", id);

  if (title != NULL && *g_strstrip (title) != '\0')
    return g_steal_pointer (&title);
  return read_text_head (db, "letter", "text", id);
}

static void
hit_free (Hit *hit)
{
  g_clear_object (&hit->result);
  g_free (hit);
}

/* Rows an import wrote but the worker has not indexed yet (see "Deferred
 * indexing" in enough-store-schema.c) are scanned: every word as a LIKE
 * filter on the pending ids, skipping rows the triggers indexed meanwhile
 * (the index query found those). Like the short-word scan, it has the time
 * budget on the UI thread (the result is then incomplete and the caller
 * searches again in the background, unbounded). Returns FALSE with
 * *rc set on an SQL error or an interruption. */
static gboolean
scan_pending (sqlite3    *db,
              GHashTable *cache,
              Query      *q,
              GPtrArray  *candidates,
              int        *out_rc)
{
  sqlite3_stmt *pending;
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok = TRUE;
  int rc;

  *out_rc = SQLITE_OK;
  pending = prepare_cached (db, cache, "SELECT kind, first_id, last_id FROM search_pending", NULL);
  if (pending == NULL)
    {
      g_array_unref (ranges);
      return TRUE;  /* a journal made before version 4, opened read-only */
    }
  while ((rc = sqlite3_step (pending)) == SQLITE_ROW)
    {
      gint64 r[3] = { sqlite3_column_int64 (pending, 0), sqlite3_column_int64 (pending, 1),
                      sqlite3_column_int64 (pending, 2) };
      g_array_append_vals (ranges, r, 3);
    }
  release_stmt (cache, pending);
  if (rc != SQLITE_DONE)
    {
      *out_rc = rc;
      g_array_unref (ranges);
      return FALSE;
    }

  for (guint r = 0; ok && r < ranges->len; r += 3)
    for (guint i = 0; ok && i < enough_store_n_indexed_fields (); i++)
      {
        g_autoptr(GString) sql = g_string_new (NULL);
        EnoughRecordKind kind;
        const char *table, *column;
        guint field;
        sqlite3_stmt *stmt;
        int param = 3;

        enough_store_get_indexed_field (i, &kind, &table, &column, &field);
        if ((gint64) kind != g_array_index (ranges, gint64, r))
          continue;
        g_string_append_printf (sql, "SELECT id * 64 + %u, %s FROM %s WHERE id BETWEEN ?1 AND ?2",
                                field, column, table);
        for (guint t = 0; t < q->terms->len; t++)
          g_string_append_printf (sql, " AND %s LIKE ?%u ESCAPE '\\'", column, t + 3);
        g_string_append_printf (sql, " AND NOT EXISTS (SELECT 1 FROM search WHERE rowid = id * 64 + %u)"
                                " ORDER BY id DESC LIMIT %d", field, CANDIDATES);
        stmt = prepare_cached (db, cache, sql->str, NULL);
        if (stmt == NULL)
          {
            *out_rc = sqlite3_errcode (db);
            ok = FALSE;
            break;
          }
        sqlite3_bind_int64 (stmt, 1, g_array_index (ranges, gint64, r + 1));
        sqlite3_bind_int64 (stmt, 2, g_array_index (ranges, gint64, r + 2));
        for (guint t = 0; t < q->terms->len; t++)
          sqlite3_bind_text (stmt, param++, like_pattern (g_ptr_array_index (q->terms, t)), -1, g_free);
        while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
          {
            g_ptr_array_add (candidates, candidate_new (stmt));
          }
        release_stmt (cache, stmt);
        if (rc != SQLITE_DONE)
          {
            *out_rc = rc;
            ok = FALSE;
          }
      }
  g_array_unref (ranges);
  return ok;
}

/* Resolves a candidate to its entry; NULL if the entry is deleted. */
static Hit *
resolve (sqlite3    *db,
         GHashTable *cache,
         Query      *q,
         Candidate  *c,
         GError    **error)
{
  gint64 id = c->rowid >> 6;
  guint kind = (guint) ((c->rowid >> 3) & 7);
  guint field = enough_table_search_field (kind, (guint) (c->rowid & 7));
  static const char *const sql[ENOUGH_RECORD_N_KINDS] = {
    [ENOUGH_RECORD_KIND_DIALOGUE] = "SELECT id, uuid, created, deleted_at, NULL, title FROM dialogue WHERE id = ?",
    [ENOUGH_RECORD_KIND_TURN] = "SELECT d.id, d.uuid, d.created, d.deleted_at + t.deleted_at, t.uuid, d.title"
                                " FROM turn t JOIN dialogue d ON d.id = t.dialogue_id WHERE t.id = ?",
    [ENOUGH_RECORD_KIND_LETTER] = "SELECT id, uuid, created, deleted_at, NULL, NULL FROM letter WHERE id = ?",
    [ENOUGH_RECORD_KIND_SELF_CHECK] = "SELECT id, uuid, created, deleted_at, NULL, NULL FROM self_check WHERE id = ?",
    [ENOUGH_RECORD_KIND_EXPERIMENT] = "SELECT id, uuid, created, deleted_at, NULL, NULL FROM experiment WHERE id = ?",
    /* A check-in is named by its day ("YYYY-MM-DD"). */
    [ENOUGH_RECORD_KIND_CHECKIN] = "SELECT id, uuid, created, deleted_at, NULL, day FROM checkin WHERE id = ?",
  };
  sqlite3_stmt *stmt;
  Hit *hit = NULL;

  if (kind < ENOUGH_RECORD_KIND_DIALOGUE || kind > ENOUGH_RECORD_KIND_LAST)
    return NULL;
  stmt = prepare_cached (db, cache, sql[kind], error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 3) == 0)
    {
      g_autofree char *snippet = NULL;
      g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (guint));

      make_snippet (q, c->text, &snippet, matches);
      hit = g_new0 (Hit, 1);
      hit->kind = kind == ENOUGH_RECORD_KIND_TURN ? ENOUGH_RECORD_KIND_DIALOGUE : kind;
      hit->entry_id = sqlite3_column_int64 (stmt, 0);
      hit->result = _enough_search_result_new (hit->kind, field,
                                               (const char *) sqlite3_column_text (stmt, 1),
                                               (const char *) sqlite3_column_text (stmt, 4),
                                               snippet, (const guint *) matches->data,
                                               matches->len / 2, c->score,
                                               sqlite3_column_int64 (stmt, 2));
      hit->rowid = c->rowid;
      /* The entry's name, in the search job: the rows ask nothing more. */
      if (kind == ENOUGH_RECORD_KIND_LETTER || kind == ENOUGH_RECORD_KIND_EXPERIMENT)
        {
          g_autofree char *title = kind == ENOUGH_RECORD_KIND_LETTER
                                   ? dup_letter_title (db, id)
                                   : read_text_head (db, "experiment", "belief", id);

          _enough_search_result_set_entry_title (hit->result, title);
        }
      else
        _enough_search_result_set_entry_title (hit->result, (const char *) sqlite3_column_text (stmt, 5));
    }
  release_stmt (cache, stmt);
  return hit;
}

/* The whole search against one connection. @cache may be NULL (statements
 * are then finalized). @deadline 0 = no time budget. Returns Hit*s grouped
 * by kind, best first. */
static GPtrArray *
search_run (sqlite3       *db,
            GHashTable    *cache,
            const char    *text,
            guint          limit,
            gint64         deadline,
            GCancellable  *cancellable,
            HiddenFunc     hidden,
            gpointer       hidden_data,
            gboolean      *complete,
            GError       **error)
{
  Query q = { 0 };
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) cjk = g_string_new (NULL);
  g_autoptr(GPtrArray) likes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  GPtrArray *groups[ENOUGH_RECORD_N_KINDS] = { NULL };
  GPtrArray *hits = g_ptr_array_new_with_free_func ((GDestroyNotify) hit_free);
  Budget budget = { deadline, cancellable, FALSE };
  sqlite3_blob *blob = NULL;
  sqlite3_stmt *stmt;
  int rc;
  int param = 1;

  if (limit == 0)
    limit = 20;
  *complete = TRUE;
  query_parse (&q, text);
  if (q.terms->len == 0)
    {
      query_clear (&q);
      return hits;
    }

  for (guint i = 0; i < q.terms->len; i++)
    {
      const char *term = g_ptr_array_index (q.terms, i);

      if (q.n_long == 0 && term_is_cjk (term))
        {
          /* "工作" → the phrase "工 作" in the character index */
          g_autofree char *tokens = enough_store_cjk_tokens (term);

          if (cjk->len)
            g_string_append_c (cjk, ' ');
          g_string_append_printf (cjk, "\"%s\"", tokens);
        }
      else if (term_is_long (&q, i))
        {
          if (match->len)
            g_string_append_c (match, ' ');
          g_string_append_c (match, '"');
          for (const char *p = term; *p; p++)
            {
              if (*p == '"')
                g_string_append_c (match, '"');
              g_string_append_c (match, *p);
            }
          g_string_append_c (match, '"');
        }
      else
        g_ptr_array_add (likes, like_pattern (term));
    }

  if (cjk->len > 0)
    {
      /* With no LIKE filter to read them, texts are read from the
       * content table afterwards, only as far as scoring needs. */
      if (likes->len == 0)
        g_string_append (sql, "SELECT c.rowid FROM search_cjk c WHERE search_cjk MATCH ?");
      else
        g_string_append (sql, "SELECT s.rowid, s.text FROM search_cjk c JOIN search s"
                              " ON s.rowid = c.rowid WHERE search_cjk MATCH ?");
      for (guint i = 0; i < likes->len; i++)
        g_string_append (sql, " AND s.text LIKE ? ESCAPE '\\'");
      g_string_append_printf (sql, " ORDER BY c.rowid DESC LIMIT %d", CANDIDATES);
    }
  else
    {
      g_string_append (sql, likes->len == 0 ? "SELECT rowid FROM search WHERE "
                                            : "SELECT rowid, text FROM search WHERE ");
      if (q.n_long > 0)
        g_string_append (sql, "search MATCH ?");
      for (guint i = 0; i < likes->len; i++)
        g_string_append_printf (sql, "%stext LIKE ? ESCAPE '\\'", (i > 0 || q.n_long > 0) ? " AND " : "");
      g_string_append_printf (sql, " ORDER BY rowid DESC LIMIT %d", CANDIDATES);
    }

  stmt = prepare_cached (db, cache, sql->str, error);
  if (stmt == NULL)
    {
      query_clear (&q);
      g_ptr_array_unref (hits);
      return NULL;
    }
  if (cjk->len > 0)
    sqlite3_bind_text (stmt, param++, cjk->str, -1, SQLITE_TRANSIENT);
  else if (q.n_long > 0)
    sqlite3_bind_text (stmt, param++, match->str, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < likes->len; i++)
    sqlite3_bind_text (stmt, param++, g_ptr_array_index (likes, i), -1, SQLITE_TRANSIENT);

  /* Only a scan (short words alone) has a time budget, as the header says:
   * an index lookup is fast at any size, and on a slow machine (or under
   * Valgrind) it must not come back empty and "incomplete". */
  if (cjk->len > 0 || q.n_long > 0)
    budget.deadline = 0;
  sqlite3_progress_handler (db, 1000, progress_cb, &budget);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate *c;

      if (likes->len == 0)
        c = candidate_new_from_index (db, sqlite3_column_int64 (stmt, 0), &blob);
      else
        c = candidate_new (stmt);
      if (c != NULL)
        g_ptr_array_add (candidates, c);
    }
  g_clear_pointer (&blob, sqlite3_blob_close);
  release_stmt (cache, stmt);
  if (rc == SQLITE_DONE)
    {
      /* imported rows not indexed yet: a scan, so the budget applies */
      budget.deadline = deadline;
      if (!scan_pending (db, cache, &q, candidates, &rc))
        rc = rc != SQLITE_OK ? rc : SQLITE_ERROR;
      else
        rc = SQLITE_DONE;
    }
  sqlite3_progress_handler (db, 0, NULL, NULL);

  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_INTERRUPT && budget.interrupted)
        {
          /* Out of time (or cancelled): what we have is still useful. */
          *complete = FALSE;
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              query_clear (&q);
              g_ptr_array_unref (hits);
              return NULL;
            }
        }
      else
        {
          _enough_store_set_sqlite_error (error, db, rc, "search");
          query_clear (&q);
          g_ptr_array_unref (hits);
          return NULL;
        }
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (candidates, i);
      c->score = score_candidate (&q, c);
    }
  g_ptr_array_sort (candidates, candidate_order);

  for (guint kind = 1; kind < ENOUGH_RECORD_N_KINDS; kind++)
    groups[kind] = g_ptr_array_new ();
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (candidates, i);
      guint kind = (guint) ((c->rowid >> 3) & 7);
      guint group = kind == ENOUGH_RECORD_KIND_TURN ? ENOUGH_RECORD_KIND_DIALOGUE : kind;
      Hit *hit;

      if (group < 1 || group > ENOUGH_RECORD_KIND_LAST || groups[group]->len >= limit)
        continue;
      hit = resolve (db, cache, &q, c, NULL);
      if (hit == NULL)
        continue;
      if (hidden != NULL && hidden (hidden_data, hit->kind, hit->entry_id))
        {
          hit_free (hit);
          continue;
        }
      g_ptr_array_add (groups[group], hit);
    }

  {
    static const guint order[] = { ENOUGH_RECORD_KIND_DIALOGUE, ENOUGH_RECORD_KIND_LETTER,
                                   ENOUGH_RECORD_KIND_SELF_CHECK, ENOUGH_RECORD_KIND_EXPERIMENT,
                                   ENOUGH_RECORD_KIND_CHECKIN };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      g_ptr_array_sort (groups[order[i]], hit_order);
    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      for (guint j = 0; j < groups[order[i]]->len; j++)
        g_ptr_array_add (hits, g_ptr_array_index (groups[order[i]], j));
  }
  for (guint kind = 1; kind < ENOUGH_RECORD_N_KINDS; kind++)
    g_ptr_array_unref (groups[kind]);
  query_clear (&q);

  return hits;
}

static GListModel *
hits_to_model (GPtrArray  *hits,
               HiddenFunc  hidden,
               gpointer    hidden_data)
{
  GListStore *store = g_list_store_new (ENOUGH_TYPE_SEARCH_RESULT);

  for (guint i = 0; i < hits->len; i++)
    {
      Hit *hit = g_ptr_array_index (hits, i);

      if (hidden == NULL || !hidden (hidden_data, hit->kind, hit->entry_id))
        g_list_store_append (store, hit->result);
    }
  return G_LIST_MODEL (store);
}

/* Entries deleted in this session are still in the index until the next
 * save (and the rows until close); the live objects know. */
static gboolean
hidden_live (gpointer          data,
             EnoughRecordKind  kind,
             gint64            id)
{
  EnoughRecord *live = _enough_store_peek_record (data, kind, id);
  return live != NULL && enough_record_is_deleted (live);
}

GListModel *
enough_store_search (EnoughStore  *self,
                     const char   *query,
                     guint         limit_per_kind,
                     gboolean     *complete,
                     GError      **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  gboolean done = TRUE;

  g_return_val_if_fail (ENOUGH_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (_enough_store_get_read_db (self) == NULL)
    {
      g_set_error_literal (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CLOSED,
                           _("The journal is closed."));
      return NULL;
    }

  hits = search_run (_enough_store_get_read_db (self), _enough_store_get_read_stmts (self),
                     query, limit_per_kind, g_get_monotonic_time () + SYNC_BUDGET_USEC,
                     NULL, hidden_live, self, &done, error);
  if (complete != NULL)
    *complete = done;
  if (hits == NULL)
    return NULL;
  return hits_to_model (hits, NULL, NULL);
}

guint64
_enough_store_take_read_pages (EnoughStore *self)
{
  sqlite3 *db = _enough_store_get_read_db (self);
  int hits = 0, misses = 0, high = 0;

  g_return_val_if_fail (db != NULL, 0);
  sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_HIT, &hits, &high, TRUE);
  sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_MISS, &misses, &high, TRUE);
  return (guint64) hits + (guint64) misses;
}

typedef struct
{
  char  *path;
  char  *query;
  guint  limit;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_free (data->path);
  g_free (data->query);
  g_free (data);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  sqlite3 *db = NULL;
  GError *error = NULL;
  GPtrArray *hits;
  gboolean complete;
  int rc;

  /* Its own short-lived connection: SQLite connections are not shared
   * between threads here. */
  rc = enough_crypt_open_db (data->path, SQLITE_OPEN_READONLY, NULL, &db);
  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (&error, db, rc, "search");
      sqlite3_close (db);
      g_task_return_error (task, error);
      return;
    }
  sqlite3_busy_timeout (db, 2000);
  hits = search_run (db, NULL, data->query, data->limit, 0, cancellable,
                     NULL, NULL, &complete, &error);
  sqlite3_close (db);

  if (hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

void
enough_store_search_async (EnoughStore         *self,
                           const char          *query,
                           guint                limit_per_kind,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  g_return_if_fail (ENOUGH_IS_STORE (self));
  g_return_if_fail (query != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, enough_store_search_async);
  data = g_new0 (SearchData, 1);
  data->path = g_strdup (enough_store_get_path (self));
  data->query = g_strdup (query);
  data->limit = limit_per_kind;
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_thread);
}

GListModel *
enough_store_search_finish (EnoughStore   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_autoptr(GPtrArray) hits = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  hits = g_task_propagate_pointer (G_TASK (result), error);
  if (hits == NULL)
    return NULL;
  /* Back on the UI thread: now the live objects can be asked. */
  return hits_to_model (hits, _enough_store_get_read_db (self) ? hidden_live : NULL, self);
}
