/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <string.h>

#include "enough-store-private.h"
#include "enough-store-schema.h"
#include "enough-tables.h"

/* A synthetic journal for benchmarks and tests: deterministic for a seed,
 * mixed kinds (about 45% dialogues, 35% letters, 20% self-checks), lengths
 * like real entries, dates spread over five years, about one entry in ten
 * in Chinese, Japanese or Korean. */

static const char *const english[] = {
  "I keep rereading the email before I send it, and it still feels wrong.",
  "If the presentation is not flawless they will see that I do not belong here.",
  "You always mess this up, you should have started the report last week.",
  "Everyone else seems to manage their deadlines without falling apart.",
  "I am afraid that one mistake will undo everything I have worked for.",
  "What would happen if I handed it in as it is, good enough for today?",
  "My mother used to check my homework twice and I still hear her voice.",
  "I finished the project, but all I can see are the three typos.",
  "Resting feels like something I have to earn first.",
  "You are trying to protect me from being rejected, I understand that.",
  "A friend would tell me that I did my best with the time I had.",
  "I would like to try taking a short walk instead of working late again.",
  "The garden was messy and it was still beautiful in the evening light.",
  "I compared myself to my colleague and felt small for the whole afternoon.",
  "Thank you for caring so much; I can take it from here, gently.",
  "It is okay to be tired. It is okay to stop for a while.",
  "I said something awkward at the meeting and replayed it all night.",
  "Nobody noticed the small error, but I could not stop thinking about it.",
  "Maybe the draft does not have to be perfect to be useful.",
  "I am learning that my worth is not a grade on a paper.",
  "The kitchen is not spotless and the dinner was still warm and good.",
  "When I make a mistake I can treat myself like I treat my sister.",
  "I cancelled the piano lesson because I had not practised enough.",
  "It feels unsafe to slow down, as if everything would collapse.",
};

static const char *const chinese[] = {
  "我总是担心自己做得不够好，害怕别人失望。",
  "今天的报告有一个小错误，我一直在想这件事。",
  "你应该更努力，不然大家都会看不起你。",
  "其实我已经尽力了，这样就足够了。",
  "工作太多了，我觉得很累，想休息一下。",
  "如果朋友这样说自己，我会温柔地安慰她。",
  "我害怕犯错，因为我觉得错误代表失败。",
};

static const char *const japanese[] = {
  "完璧にできなかったことばかり考えてしまう。",
  "今日は疲れたので、少し休んでもいいと思う。",
  "失敗したら、みんなにがっかりされるのが怖い。",
  "友だちならきっと「よく頑張ったね」と言ってくれる。",
  "仕事のメールを何度も読み直してしまった。",
};

static const char *const korean[] = {
  "나는 항상 충분히 잘하지 못한다고 느낀다.",
  "오늘 발표에서 작은 실수를 해서 계속 생각이 난다.",
  "조금 쉬어도 괜찮다고 나 자신에게 말해주고 싶다.",
  "친구라면 너는 최선을 다했어라고 말해줄 거야.",
  "실수하면 모두가 나를 실망할까 봐 무섭다.",
};

static const char *const critic_names[] = {
  "", "", "", "the Taskmaster", "the Judge", "the Worrier", "Inspector", "the Coach",
  "完美主义者", "検査官", "감시자",
};

typedef struct
{
  GRand       *rand;
  const char *const *bank;
  guint        bank_len;
} Voice;

static void
pick_voice (Voice *v)
{
  guint r = g_rand_int_range (v->rand, 0, 100);

  if (r < 4)
    {
      v->bank = chinese;
      v->bank_len = G_N_ELEMENTS (chinese);
    }
  else if (r < 7)
    {
      v->bank = japanese;
      v->bank_len = G_N_ELEMENTS (japanese);
    }
  else if (r < 10)
    {
      v->bank = korean;
      v->bank_len = G_N_ELEMENTS (korean);
    }
  else
    {
      v->bank = english;
      v->bank_len = G_N_ELEMENTS (english);
    }
}

/* Roughly @min..@max bytes of sentences from the voice's bank. */
static char *
text_of (Voice *v,
         guint  min,
         guint  max)
{
  guint target = (guint) g_rand_int_range (v->rand, (gint32) min, (gint32) max + 1);
  GString *s = g_string_new (NULL);

  while (s->len < target)
    {
      if (s->len > 0)
        g_string_append_c (s, v->bank == english ? ' ' : '\n');
      g_string_append (s, v->bank[g_rand_int_range (v->rand, 0, (gint32) v->bank_len)]);
      if (g_rand_int_range (v->rand, 0, 12) == 0)
        g_string_append (s, "\n\n");
    }
  return g_string_free (s, FALSE);
}

static char *
first_words (const char *text)
{
  const char *p = text;
  guint n = 0;

  for (; *p && n < 40; p = g_utf8_next_char (p), n++)
    if (*p == '.' || *p == '\n' || *p == ',')
      break;
  return g_strndup (text, p - text);
}

/* Entries per transaction: one giant transaction would grow the WAL to
 * the size of the whole journal before the first checkpoint. */
#define SLICE 5000

/* The parameter of a column in enough_table_insert_sql() */
#define P(column) ((column) + 1)

/* Starts a slice: a transaction with the insert triggers suspended; the
 * rows it adds get ids above @max_id (see enough-store-schema.c). */
static EnoughBulkWrite *
slice_begin (sqlite3  *db,
             gint64    max_id[ENOUGH_RECORD_N_KINDS],
             GError  **error)
{
  g_autoptr(EnoughBulkWrite) bulk = NULL;
  int rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, db, rc, "generate");
      return NULL;
    }
  for (int k = ENOUGH_RECORD_KIND_DIALOGUE; k <= ENOUGH_RECORD_KIND_LAST; k++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (id), 0) FROM %s",
                                              enough_table_for_kind (k)->name);
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          max_id[k] = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_OK)
        {
          _enough_store_set_sqlite_error (error, db, rc, "generate");
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return NULL;
        }
    }
  bulk = enough_store_bulk_begin (db, error);
  if (bulk == NULL)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return g_steal_pointer (&bulk);
}

/* Indexes the slice's rows, restores the triggers and commits. */
static gboolean
slice_end (sqlite3          *db,
           EnoughBulkWrite  *bulk,
           const gint64      max_id[ENOUGH_RECORD_N_KINDS],
           GError          **error)
{
  int rc;

  for (int k = ENOUGH_RECORD_KIND_DIALOGUE; k <= ENOUGH_RECORD_KIND_LAST; k++)
    if (!enough_store_bulk_index (db, k, max_id[k] + 1, G_MAXINT64, error))
      return FALSE;
  if (!enough_store_bulk_end (db, bulk, error))
    return FALSE;
  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, db, rc, "generate");
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_done (sqlite3      *db,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _enough_store_set_sqlite_error (error, db, rc, "generate");
      return FALSE;
    }
  return TRUE;
}

gboolean
_enough_generate_journal (sqlite3  *db,
                          guint     n_entries,
                          guint32   seed,
                          gint64    now_usec,
                          GError  **error)
{
  /* dialogues, turns, letters, self-checks */
  static const EnoughRecordKind kinds[] = {
    ENOUGH_RECORD_KIND_DIALOGUE, ENOUGH_RECORD_KIND_TURN,
    ENOUGH_RECORD_KIND_LETTER, ENOUGH_RECORD_KIND_SELF_CHECK,
  };
  sqlite3_stmt *stmts[G_N_ELEMENTS (kinds)] = { NULL };
  EnoughBulkWrite *bulk = NULL;
  gint64 max_id[ENOUGH_RECORD_N_KINDS] = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Voice v = { rand, english, G_N_ELEMENTS (english) };
  const gint64 span = (gint64) 5 * 365 * 24 * 3600 * G_USEC_PER_SEC;
  gboolean ok = FALSE;
  int rc;

  bulk = slice_begin (db, max_id, error);
  if (bulk == NULL)
    goto out;
  /* Prepared after the triggers are suspended (a schema change). */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *sql = enough_table_insert_sql (enough_table_for_kind (kinds[i]), "");

      rc = sqlite3_prepare_v2 (db, sql, -1, &stmts[i], NULL);
      if (rc != SQLITE_OK)
        {
          _enough_store_set_sqlite_error (error, db, rc, "generate");
          goto rollback;
        }
      /* The id is the next rowid; nothing is deleted. Bindings stay
       * across resets. */
      sqlite3_bind_null (stmts[i], P (ENOUGH_COL_ID));
      sqlite3_bind_int64 (stmts[i], P (ENOUGH_COL_DELETED_AT), 0);
    }

  for (guint i = 0; i < n_entries; i++)
    {
      /* Oldest first, so ids grow with time like a real journal. */
      gint64 created = now_usec - span + (gint64) ((double) span * (i + 1) / (n_entries + 1));
      gint64 updated = created + g_rand_int_range (rand, 0, 3600) * (gint64) G_USEC_PER_SEC;
      g_autofree char *uuid = g_uuid_string_random ();
      guint kind = (guint) g_rand_int_range (rand, 0, 100);

      if (i > 0 && i % SLICE == 0)
        {
          gboolean done = slice_end (db, bulk, max_id, error);

          g_clear_pointer (&bulk, enough_bulk_write_free);
          if (!done)
            goto rollback;
          bulk = slice_begin (db, max_id, error);
          if (bulk == NULL)
            goto out;
        }

      pick_voice (&v);

      if (kind < 45)
        {
          sqlite3_stmt *s = stmts[0];
          guint n_turns = (guint) g_rand_int_range (rand, 3, 11);
          g_autofree char *first = text_of (&v, 30, 200);
          g_autofree char *title = first_words (first);
          gint64 dialogue_id;

          sqlite3_bind_text (s, P (ENOUGH_COL_UUID), uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (s, P (ENOUGH_COL_CREATED), created);
          sqlite3_bind_int64 (s, P (ENOUGH_COL_UPDATED), updated);
          sqlite3_bind_text (s, P (ENOUGH_DIALOGUE_COL_TITLE), title, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (s, P (ENOUGH_DIALOGUE_COL_CRITIC_NAME), critic_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (critic_names))], -1, SQLITE_STATIC);
          sqlite3_bind_int (s, P (ENOUGH_DIALOGUE_COL_INTENSITY_START), g_rand_int_range (rand, -1, 11));
          sqlite3_bind_int (s, P (ENOUGH_DIALOGUE_COL_INTENSITY_END), g_rand_int_range (rand, -1, 11));
          sqlite3_bind_int (s, P (ENOUGH_DIALOGUE_COL_PROMPT_STEP), (int) MIN (n_turns, 6));
          if (!step_done (db, s, error))
            goto rollback;
          dialogue_id = sqlite3_last_insert_rowid (db);

          for (guint t = 0; t < n_turns; t++)
            {
              sqlite3_stmt *ts = stmts[1];
              g_autofree char *turn_uuid = g_uuid_string_random ();
              g_autofree char *text = t == 0 ? g_strdup (first) : text_of (&v, 30, 200);
              int speaker = (int) (t % 2);

              sqlite3_bind_text (ts, P (ENOUGH_COL_UUID), turn_uuid, -1, SQLITE_TRANSIENT);
              sqlite3_bind_int64 (ts, P (ENOUGH_COL_CREATED), created + t);
              sqlite3_bind_int64 (ts, P (ENOUGH_COL_UPDATED), created + t);
              sqlite3_bind_int64 (ts, P (ENOUGH_TURN_COL_DIALOGUE_ID), dialogue_id);
              sqlite3_bind_int64 (ts, P (ENOUGH_TURN_COL_POSITION), (gint64) (t + 1) * ENOUGH_TURN_POSITION_STEP);
              sqlite3_bind_int (ts, P (ENOUGH_TURN_COL_SPEAKER), speaker);
              sqlite3_bind_text (ts, P (ENOUGH_TURN_COL_TEXT), text, -1, SQLITE_TRANSIENT);
              sqlite3_bind_int (ts, P (ENOUGH_TURN_COL_PATTERNS), speaker == 0 ? g_rand_int_range (rand, 0, 256) & g_rand_int_range (rand, 0, 256) : 0);
              if (!step_done (db, ts, error))
                goto rollback;
            }
        }
      else if (kind < 80)
        {
          sqlite3_stmt *s = stmts[2];
          g_autofree char *nge = text_of (&v, 40, 250);
          g_autofree char *letter = text_of (&v, 200, 900);
          g_autofree char *takeaway = g_rand_int_range (rand, 0, 2) ? text_of (&v, 20, 60) : g_strdup ("");
          int reread = g_rand_int_range (rand, 0, 6);
          gint64 reread_at = reread > 0 && reread < 5 ? created + (gint64) 3600 * G_USEC_PER_SEC : 0;

          sqlite3_bind_text (s, P (ENOUGH_COL_UUID), uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (s, P (ENOUGH_COL_CREATED), created);
          sqlite3_bind_int64 (s, P (ENOUGH_COL_UPDATED), updated);
          sqlite3_bind_text (s, P (ENOUGH_LETTER_COL_NOT_GOOD_ENOUGH), nge, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (s, P (ENOUGH_LETTER_COL_FEELINGS), g_rand_int_range (rand, 0, 256));
          sqlite3_bind_text (s, P (ENOUGH_LETTER_COL_TEXT), letter, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (s, P (ENOUGH_LETTER_COL_STEP), 2);
          sqlite3_bind_int (s, P (ENOUGH_LETTER_COL_REREAD), reread);
          sqlite3_bind_int64 (s, P (ENOUGH_LETTER_COL_REREAD_AT), reread_at);
          sqlite3_bind_int64 (s, P (ENOUGH_LETTER_COL_REREAD_DONE_AT), reread_at ? reread_at + 60 * G_USEC_PER_SEC : 0);
          sqlite3_bind_text (s, P (ENOUGH_LETTER_COL_TAKEAWAY), takeaway, -1, SQLITE_TRANSIENT);
          if (!step_done (db, s, error))
            goto rollback;
        }
      else
        {
          sqlite3_stmt *s = stmts[3];
          char answers[ENOUGH_SELF_CHECK_N_ITEMS + 1];
          gboolean done = g_rand_int_range (rand, 0, 10) > 0 || i + 1 < n_entries;
          g_autofree char *note = g_rand_int_range (rand, 0, 5) == 0 ? text_of (&v, 20, 200) : g_strdup ("");

          for (guint a = 0; a < ENOUGH_SELF_CHECK_N_ITEMS; a++)
            answers[a] = (char) ('1' + g_rand_int_range (rand, 0, 5));
          answers[ENOUGH_SELF_CHECK_N_ITEMS] = '\0';

          sqlite3_bind_text (s, P (ENOUGH_COL_UUID), uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (s, P (ENOUGH_COL_CREATED), created);
          sqlite3_bind_int64 (s, P (ENOUGH_COL_UPDATED), updated);
          sqlite3_bind_int (s, P (ENOUGH_SELF_CHECK_COL_BANK_VERSION), 1);
          sqlite3_bind_text (s, P (ENOUGH_SELF_CHECK_COL_ANSWERS), answers, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (s, P (ENOUGH_SELF_CHECK_COL_CURRENT_INDEX), ENOUGH_SELF_CHECK_N_ITEMS - 1);
          sqlite3_bind_int64 (s, P (ENOUGH_SELF_CHECK_COL_COMPLETED_AT), done ? updated : 0);
          sqlite3_bind_text (s, P (ENOUGH_SELF_CHECK_COL_NOTE), note, -1, SQLITE_TRANSIENT);
          if (!step_done (db, s, error))
            goto rollback;
        }
    }

  if (!slice_end (db, bulk, max_id, error))
    goto rollback;
  ok = TRUE;
  goto out;

rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
out:
  enough_bulk_write_free (bulk);
  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    sqlite3_finalize (stmts[i]);
  return ok;
}
