/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "enough-export.h"
#include "enough-import.h"
#include "enough-item-bank.h"
#include "enough-store-private.h"
#include "enough-store-schema.h"

G_DEFINE_QUARK (enough-import-error-quark, enough_import_error)

/* Same gap as the store's, so later inserts between turns stay cheap. */
#define TURN_POSITION_STEP 1024

typedef struct
{
  const char    *uuid;
  gint64         created;
  gint64         updated;
  EnoughSpeaker  speaker;
  const char    *text;
  guint          patterns;
} ImportTurn;

typedef struct
{
  EnoughRecordKind  kind;
  const char       *uuid;
  gint64            created;
  gint64            updated;
  /* dialogue: title, critic name; letter: not good enough, text, takeaway;
   * self-check: note */
  const char       *s[3];
  /* dialogue: intensity start, end, prompt step; letter: feelings, step,
   * reread, reread at, reread done at; self-check: bank version, current
   * index, completed at */
  gint64            i[5];
  char              answers[ENOUGH_SELF_CHECK_N_ITEMS + 1];
  guint             first_turn;
  guint             n_turns;
} ImportEntry;

struct _EnoughImport
{
  GStringChunk *strings;
  GArray       *entries;   /* ImportEntry */
  GArray       *turns;     /* ImportTurn, each dialogue's in a row */
  GHashTable   *entry_ids; /* uuid (in strings) → itself */
  GHashTable   *turn_ids;
  guint         n_of_kind[5];
  EnoughImport *tail;      /* the strings of the second half, if read apart */

  /* writing */
  gint64        first_id[5];
  guint         n_added;
  guint         n_skipped;
};

guint
enough_import_get_n_entries (EnoughImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->entries->len;
}

void
enough_import_free (EnoughImport *import)
{
  if (import == NULL)
    return;
  g_string_chunk_free (import->strings);
  g_array_unref (import->entries);
  g_array_unref (import->turns);
  g_hash_table_unref (import->entry_ids);
  g_hash_table_unref (import->turn_ids);
  enough_import_free (import->tail);
  g_free (import);
}

static EnoughImport *
import_new (void)
{
  EnoughImport *import = g_new0 (EnoughImport, 1);

  import->strings = g_string_chunk_new (64 * 1024);
  import->entries = g_array_new (FALSE, TRUE, sizeof (ImportEntry));
  import->turns = g_array_new (FALSE, TRUE, sizeof (ImportTurn));
  import->entry_ids = g_hash_table_new (g_str_hash, g_str_equal);
  import->turn_ids = g_hash_table_new (g_str_hash, g_str_equal);
  return import;
}

/* ------------------------------------------------------------------------ */
/* A strict, bounded JSON reader. It reads one entry at a time into a flat
 * array of values (no object per value: a json-glib tree for each of a
 * big file's ~400,000 objects was half of the import's time), and keeps
 * where it is ("entries[3].turns[1].text") as a small stack that becomes
 * text only for an error. */

typedef enum
{
  VAL_NULL,
  VAL_FALSE,
  VAL_TRUE,
  VAL_INT,
  VAL_DOUBLE,
  VAL_STRING,
  VAL_ARRAY,
  VAL_OBJECT,
} ValType;

/* One value of the entry being read. A container's children follow it;
 * each child's `end` is the index of its next sibling. */
/* Values in one entry: a dialogue of ENOUGH_IMPORT_MAX_TURNS turns, each
 * with every member and pattern, needs about 150,000. */
#define MAX_VALUES (256 * 1024)

typedef struct
{
  ValType type;
  guint   key;  /* object members: the name's offset in the arena */
  guint   end;  /* index just past this value and its children */
  guint   n;    /* containers: number of children */
  union
  {
    gint64 i;
    double d;
    struct
    {
      guint off;  /* in the arena, NUL-terminated */
      guint len;
    } s;
  } v;
} Val;

/* Where the reader is: a member name (an offset in Parser.keys) or an
 * array index, one per open container. */
typedef struct
{
  gssize key;  /* -1 for an index */
  guint  index;
} Frame;

typedef struct _Parser
{
  const char   *start;
  const char   *p;
  const char   *end;
  Frame         frames[ENOUGH_IMPORT_MAX_DEPTH + 1];
  guint         n_frames;
  GString      *keys;   /* the member names of the open objects, a stack */
  GArray       *vals;   /* Val: the value being read */
  GString      *arena;  /* its strings */
  guint         depth;
  GError      **error;

  /* Where another thread started reading the entries (see "Two halves"),
   * and what to call when this one gets there. */
  const char   *split;
  guint         split_depth;
  gboolean    (*join) (struct _Parser *ps, guint index);
  gpointer      join_data;
} Parser;

static void
where (const Parser *ps,
       guint        *line,
       guint        *column)
{
  *line = 1;
  *column = 1;
  for (const char *q = ps->start; q < ps->p && q < ps->end; q++)
    {
      if (*q == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *q & 0xc0) != 0x80)
        {
          (*column)++;
        }
    }
}

static void
path_append_member (GString    *path,
                    const char *key)
{
  gsize n = strlen (key);

  if (path->len > 0)
    g_string_append_c (path, '.');
  /* Keep messages readable whatever the key. */
  if (n > 40)
    {
      const char *cut = g_utf8_find_prev_char (key, key + 40);
      g_string_append_len (path, key, cut != NULL ? cut - key : 0);
      g_string_append (path, "…");
    }
  else
    g_string_append (path, key);
}

static char *
path_string (const Parser *ps)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < ps->n_frames; i++)
    if (ps->frames[i].key >= 0)
      path_append_member (path, ps->keys->str + ps->frames[i].key);
    else
      g_string_append_printf (path, "[%u]", ps->frames[i].index);
  if (path->len == 0)
    /* Translators: where an error is, when it is not inside any member */
    g_string_append (path, _("document"));
  return g_string_free (path, FALSE);
}

G_GNUC_PRINTF (3, 4) static gboolean
syntax_error (Parser     *ps,
              gint        code,
              const char *format,
              ...)
{
  g_autofree char *detail = NULL;
  g_autofree char *path = NULL;
  va_list args;
  guint line, column;

  if (ps->error == NULL || *ps->error != NULL)
    return FALSE;
  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  where (ps, &line, &column);
  path = path_string (ps);
  g_set_error (ps->error, ENOUGH_IMPORT_ERROR, code,
               /* Translators: "entries[3].text: not valid UTF-8 (line 5, column 12)" */
               _("%s: %s (line %u, column %u)"), path, detail, line, column);
  return FALSE;
}

static inline void
skip_ws (Parser *ps)
{
  while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
    ps->p++;
}

static int
hex4 (const char *s)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int c = g_ascii_xdigit_value (s[i]);
      if (c < 0)
        return -1;
      v = v * 16 + c;
    }
  return v;
}

/* Appends a string to @out (then a NUL, not counted in *len): valid
 * UTF-8, no NUL inside. */
static gboolean
parse_string (Parser  *ps,
              GString *out,
              guint   *len)
{
  gsize base = out->len;

  if (ps->p >= ps->end || *ps->p != '"')
    return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("expected a string"));
  ps->p++;

  for (;;)
    {
      const char *run = ps->p;

      /* Copy plain runs in one go. */
      while (ps->p < ps->end && *ps->p != '"' && *ps->p != '\\' && (guchar) *ps->p >= 0x20)
        ps->p++;
      if (out->len - base + (gsize) (ps->p - run) > ENOUGH_IMPORT_MAX_STRING)
        return syntax_error (ps, ENOUGH_IMPORT_ERROR_TOO_LARGE,
                             _("text longer than %u bytes"), (guint) ENOUGH_IMPORT_MAX_STRING);
      g_string_append_len (out, run, ps->p - run);

      if (ps->p >= ps->end)
        return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("the file ends inside a string"));
      if (*ps->p == '"')
        {
          ps->p++;
          break;
        }
      if ((guchar) *ps->p < 0x20)
        return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID,
                             *ps->p == '\0' ? _("a NUL character inside a string")
                                            : _("a control character inside a string"));

      /* a backslash */
      ps->p++;
      if (ps->p >= ps->end)
        return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("the file ends inside a string"));
      switch (*ps->p)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            int cp;

            if (ps->end - ps->p < 5 || (cp = hex4 (ps->p + 1)) < 0)
              return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("a bad \\u escape"));
            ps->p += 4;
            if (cp >= 0xd800 && cp <= 0xdbff)
              {
                int low;

                if (ps->end - ps->p < 7 || ps->p[1] != '\\' || ps->p[2] != 'u' ||
                    (low = hex4 (ps->p + 3)) < 0xdc00 || low > 0xdfff)
                  return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("a lone surrogate in a \\u escape"));
                cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                ps->p += 6;
              }
            else if (cp >= 0xdc00 && cp <= 0xdfff)
              return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("a lone surrogate in a \\u escape"));
            if (cp == 0)
              return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("a NUL character inside a string"));
            g_string_append_unichar (out, (gunichar) cp);
          }
          break;
        default:
          return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("an unknown escape in a string"));
        }
      ps->p++;
      if (out->len - base > ENOUGH_IMPORT_MAX_STRING)
        return syntax_error (ps, ENOUGH_IMPORT_ERROR_TOO_LARGE,
                             _("text longer than %u bytes"), (guint) ENOUGH_IMPORT_MAX_STRING);
    }

  if (!g_utf8_validate_len (out->str + base, out->len - base, NULL))
    return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("text that is not valid UTF-8"));
  *len = (guint) (out->len - base);
  g_string_append_c (out, '\0');
  return TRUE;
}

static gboolean
parse_number (Parser *ps,
              Val    *val)
{
  const char *s = ps->p;
  gboolean integral = TRUE;
  char buf[64];
  gsize len;

  if (ps->p < ps->end && *ps->p == '-')
    ps->p++;
  if (ps->p < ps->end && *ps->p == '0')
    ps->p++;
  else if (ps->p < ps->end && *ps->p >= '1' && *ps->p <= '9')
    while (ps->p < ps->end && g_ascii_isdigit (*ps->p))
      ps->p++;
  else
    return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("not a valid value"));
  if (ps->p < ps->end && *ps->p == '.')
    {
      integral = FALSE;
      ps->p++;
      if (ps->p >= ps->end || !g_ascii_isdigit (*ps->p))
        return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("not a valid number"));
      while (ps->p < ps->end && g_ascii_isdigit (*ps->p))
        ps->p++;
    }
  if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E'))
    {
      integral = FALSE;
      ps->p++;
      if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-'))
        ps->p++;
      if (ps->p >= ps->end || !g_ascii_isdigit (*ps->p))
        return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("not a valid number"));
      while (ps->p < ps->end && g_ascii_isdigit (*ps->p))
        ps->p++;
    }

  len = (gsize) (ps->p - s);
  if (len >= sizeof buf)
    return syntax_error (ps, ENOUGH_IMPORT_ERROR_TOO_LARGE, _("a number with too many digits"));
  memcpy (buf, s, len);
  buf[len] = '\0';

  if (integral)
    {
      char *endp = NULL;
      gint64 v;

      errno = 0;
      v = g_ascii_strtoll (buf, &endp, 10);
      if (errno == 0)
        {
          val->type = VAL_INT;
          val->v.i = v;
          return TRUE;
        }
      /* out of range: kept as a double, refused later */
    }
  val->type = VAL_DOUBLE;
  val->v.d = g_ascii_strtod (buf, NULL);
  return TRUE;
}

static gboolean
literal (Parser     *ps,
         const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (ps->end - ps->p) < n || memcmp (ps->p, word, n) != 0)
    return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("not a valid value"));
  ps->p += n;
  return TRUE;
}

static gboolean
enter (Parser *ps)
{
  if (++ps->depth > ENOUGH_IMPORT_MAX_DEPTH)
    return syntax_error (ps, ENOUGH_IMPORT_ERROR_TOO_LARGE,
                         _("nested deeper than %u levels"), (guint) ENOUGH_IMPORT_MAX_DEPTH);
  return TRUE;
}

/* Calls @member for each member, with the path set and the value at ps->p;
 * @key is valid until the value is read (read it first). */
typedef gboolean (*MemberFunc) (Parser *ps, const char *key, gpointer data);

static gboolean
parse_members (Parser     *ps,
               MemberFunc  member,
               gpointer    data)
{
  /* The keys seen so far, NUL-separated on the keys stack: at most 64
   * short ones, so a linear look beats a hash table for each of ~400,000
   * objects. */
  gsize offsets[ENOUGH_IMPORT_MAX_MEMBERS];
  gsize base = ps->keys->len;
  guint n_seen = 0;
  guint frame;

  /* at '{' */
  if (!enter (ps))
    return FALSE;
  ps->p++;
  skip_ws (ps);
  if (ps->p < ps->end && *ps->p == '}')
    {
      ps->p++;
      ps->depth--;
      return TRUE;
    }

  frame = ps->n_frames;
  for (;;)
    {
      gsize key_off = ps->keys->len;
      guint key_len;

      skip_ws (ps);
      ps->n_frames = frame;  /* a bad key is an error at the object */
      if (!parse_string (ps, ps->keys, &key_len))
        return FALSE;
      ps->n_frames = frame + 1;
      ps->frames[frame].key = (gssize) key_off;
      for (guint i = 0; i < n_seen; i++)
        if (strcmp (ps->keys->str + offsets[i], ps->keys->str + key_off) == 0)
          return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("this key appears twice"));
      if (n_seen >= ENOUGH_IMPORT_MAX_MEMBERS)
        {
          ps->n_frames = frame;
          return syntax_error (ps, ENOUGH_IMPORT_ERROR_TOO_LARGE,
                               _("more than %u members"), (guint) ENOUGH_IMPORT_MAX_MEMBERS);
        }
      offsets[n_seen] = key_off;
      skip_ws (ps);
      if (ps->p >= ps->end || *ps->p != ':')
        {
          ps->n_frames = frame;
          return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("expected “:”"));
        }
      ps->p++;
      skip_ws (ps);

      if (!member (ps, ps->keys->str + key_off, data))
        return FALSE;
      n_seen++;
      ps->n_frames = frame;

      skip_ws (ps);
      if (ps->p < ps->end && *ps->p == ',')
        {
          ps->p++;
          continue;
        }
      if (ps->p < ps->end && *ps->p == '}')
        {
          ps->p++;
          break;
        }
      return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID,
                           ps->p >= ps->end ? _("the file ends too early") : _("expected “,” or “}”"));
    }
  g_string_truncate (ps->keys, base);
  ps->depth--;
  return TRUE;
}

typedef gboolean (*ElementFunc) (Parser *ps, guint index, gpointer data);

static gboolean parse_elements_from (Parser *ps, guint max, ElementFunc element, gpointer data);

static gboolean
parse_elements (Parser      *ps,
                guint        max,
                ElementFunc  element,
                gpointer     data)
{
  /* at '[' */
  if (!enter (ps))
    return FALSE;
  ps->p++;
  skip_ws (ps);
  if (ps->p < ps->end && *ps->p == ']')
    {
      ps->p++;
      ps->depth--;
      return TRUE;
    }
  return parse_elements_from (ps, max, element, data);
}

/* The elements of an array already entered, from one at ps->p to the
 * closing "]" (the second half starts here too). */
static gboolean
parse_elements_from (Parser      *ps,
                     guint        max,
                     ElementFunc  element,
                     gpointer     data)
{
  guint index = 0;
  guint frame = ps->n_frames;

  for (;;)
    {
      if (index >= max)
        return syntax_error (ps, ENOUGH_IMPORT_ERROR_TOO_LARGE, _("more than %u items"), max);
      skip_ws (ps);
      if (G_UNLIKELY (ps->p == ps->split) && ps->depth == ps->split_depth &&
          ps->join (ps, index))
        {
          /* the rest, up to and with the "]", was read by the other thread */
          break;
        }
      ps->frames[frame].key = -1;
      ps->frames[frame].index = index;
      ps->n_frames = frame + 1;
      if (!element (ps, index, data))
        return FALSE;
      ps->n_frames = frame;
      index++;

      skip_ws (ps);
      if (ps->p < ps->end && *ps->p == ',')
        {
          ps->p++;
          continue;
        }
      if (ps->p < ps->end && *ps->p == ']')
        {
          ps->p++;
          break;
        }
      return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID,
                           ps->p >= ps->end ? _("the file ends too early") : _("expected “,” or “]”"));
    }
  ps->depth--;
  return TRUE;
}

static gboolean parse_value (Parser *ps, guint key);

static gboolean
object_member (Parser     *ps,
               const char *key,
               gpointer    data)
{
  guint *n = data;
  gsize len = strlen (key);
  guint key_off = (guint) ps->arena->len;

  /* its own copy: the keys stack is reused */
  g_string_append_len (ps->arena, key, (gssize) len + 1);
  (*n)++;
  return parse_value (ps, key_off);
}

static gboolean
array_element (Parser   *ps,
               guint     index,
               gpointer  data)
{
  guint *n = data;

  (*n)++;
  return parse_value (ps, 0);
}

/* Appends the value at ps->p (and its children) to ps->vals. */
static gboolean
parse_value (Parser *ps,
             guint   key)
{
  guint index = ps->vals->len;
  Val val = { VAL_NULL, key, 0, 0, { 0 } };
  gboolean ok;

  skip_ws (ps);
  if (ps->p >= ps->end)
    return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("the file ends too early"));
  /* Bounds the memory of one entry's tree, whatever its shape. */
  if (index >= MAX_VALUES)
    return syntax_error (ps, ENOUGH_IMPORT_ERROR_TOO_LARGE, _("more than %u items"), (guint) MAX_VALUES);

  switch (*ps->p)
    {
    case '{':
    case '[':
      {
        gboolean object = *ps->p == '{';
        guint n = 0;

        val.type = object ? VAL_OBJECT : VAL_ARRAY;
        g_array_append_val (ps->vals, val);
        ok = object ? parse_members (ps, object_member, &n)
                    : parse_elements (ps, G_MAXUINT, array_element, &n);
        if (!ok)
          return FALSE;
        g_array_index (ps->vals, Val, index).n = n;
        g_array_index (ps->vals, Val, index).end = ps->vals->len;
        return TRUE;
      }
    case '"':
      val.type = VAL_STRING;
      val.v.s.off = (guint) ps->arena->len;
      ok = parse_string (ps, ps->arena, &val.v.s.len);
      break;
    case 't':
      val.type = VAL_TRUE;
      ok = literal (ps, "true");
      break;
    case 'f':
      val.type = VAL_FALSE;
      ok = literal (ps, "false");
      break;
    case 'n':
      ok = literal (ps, "null");
      break;
    default:
      ok = parse_number (ps, &val);
      break;
    }
  if (!ok)
    return FALSE;
  val.end = index + 1;
  g_array_append_val (ps->vals, val);
  return TRUE;
}

/* Reads one value into a fresh tree (ps->vals[0] is its root). The tree
 * is bounded by the file's size. */
static gboolean
parse_tree (Parser *ps)
{
  g_array_set_size (ps->vals, 0);
  g_string_truncate (ps->arena, 0);
  return parse_value (ps, 0);
}

/* ------------------------------------------------------------------------ */
/* Checking one entry (a tree of Val) into the compact form. */

typedef struct
{
  EnoughImport *import;
  GError      **error;
  guint         entry;
  int           turn;  /* -1 outside turns */
  const Val    *vals;
  const char   *arena;
} Check;

#define VAL_STR(c, val) ((c)->arena + (val)->v.s.off)

G_GNUC_PRINTF (4, 5) static gboolean
check_fail (Check      *c,
            gint        code,
            const char *member,
            const char *format,
            ...)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autofree char *detail = NULL;
  va_list args;

  g_string_printf (path, "entries[%u]", c->entry);
  if (c->turn >= 0)
    g_string_append_printf (path, ".turns[%d]", c->turn);
  if (member != NULL)
    g_string_append_printf (path, ".%s", member);

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (c->error, ENOUGH_IMPORT_ERROR, code, "%s: %s", path->str, detail);
  return FALSE;
}

/* The member @name of the object @object, or NULL. */
static const Val *
lookup (Check      *c,
        const Val  *object,
        const char *name)
{
  guint end = object->end;

  for (guint k = (guint) (object - c->vals) + 1; k < end; k = c->vals[k].end)
    if (strcmp (c->arena + c->vals[k].key, name) == 0)
      return &c->vals[k];
  return NULL;
}

static const Val *
member_node (Check       *c,
             const Val   *object,
             const char  *name,
             gboolean     required,
             gboolean    *ok)
{
  const Val *node = lookup (c, object, name);

  *ok = TRUE;
  if (node == NULL && required)
    *ok = check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name, _("missing"));
  return node;
}

static gboolean
get_string (Check       *c,
            const Val   *object,
            const char  *name,
            gboolean     required,
            gsize        max,
            const char **out)
{
  gboolean ok;
  const Val *node = member_node (c, object, name, required, &ok);

  *out = "";
  if (node == NULL)
    return ok;
  if (node->type != VAL_STRING)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name, _("expected a string"));
  if (node->v.s.len > max)
    return check_fail (c, ENOUGH_IMPORT_ERROR_TOO_LARGE, name, _("longer than %u bytes"), (guint) max);
  /* A plain copy: sharing equal texts (insert_const) hashed every text of
   * the file, ~10% of a big import; memory stays within the file's size. */
  *out = g_string_chunk_insert_len (c->import->strings, VAL_STR (c, node), (gssize) node->v.s.len);
  return TRUE;
}

/* An integer in [min, max]; null allowed if @null_value is not G_MININT64
 * (and then stored as it). */
static gboolean
get_int (Check       *c,
         const Val   *object,
         const char  *name,
         gboolean     required,
         gint64       min,
         gint64       max,
         gint64       null_value,
         gint64       fallback,
         gint64      *out)
{
  gboolean ok;
  const Val *node = member_node (c, object, name, required, &ok);
  gint64 v;

  *out = fallback;
  if (node == NULL)
    return ok;
  if (node->type == VAL_NULL && null_value != G_MININT64)
    {
      *out = null_value;
      return TRUE;
    }
  if (node->type != VAL_INT)
    return null_value != G_MININT64
           ? check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name,
                         _("expected a whole number from %lld to %lld or null"),
                         (long long) min, (long long) max)
           : check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name,
                         _("expected a whole number from %lld to %lld"),
                         (long long) min, (long long) max);
  v = node->v.i;
  if (v < min || v > max)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name,
                       /* Translators: a number in an imported file, then the range it must be in */
                       _("%lld is out of range (%lld to %lld)"),
                       (long long) v, (long long) min, (long long) max);
  *out = v;
  return TRUE;
}

static gboolean
get_timestamp (Check       *c,
               const Val   *object,
               const char  *name,
               gboolean     required,
               gboolean     nullable,
               gint64      *out)
{
  gboolean ok;
  const Val *node = member_node (c, object, name, required, &ok);

  *out = 0;
  if (node == NULL)
    return ok;
  if (nullable && node->type == VAL_NULL)
    return TRUE;
  if (node->type != VAL_STRING ||
      !enough_export_parse_timestamp (VAL_STR (c, node), out) || *out == 0)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name,
                       nullable ? _("expected a date and time like 2026-03-01T09:30:00Z, or null")
                                : _("expected a date and time like 2026-03-01T09:30:00Z"));
  return TRUE;
}

static gboolean
get_uuid (Check       *c,
          const Val   *object,
          GHashTable  *seen,
          const char **out)
{
  const char *s;

  if (!get_string (c, object, "id", TRUE, 64, &s))
    return FALSE;
  if (!g_uuid_string_is_valid (s))
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "id", _("expected a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e"));
  if (!g_hash_table_add (seen, (gpointer) s))
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "id", _("this id appears twice in the file"));
  *out = s;
  return TRUE;
}

static gboolean
get_flags (Check       *c,
           const Val   *object,
           const char  *name,
           GType        type,
           guint       *out)
{
  gboolean ok;
  const Val *node = member_node (c, object, name, FALSE, &ok);
  GFlagsClass *klass;
  gboolean result = TRUE;
  guint i = 0;

  *out = 0;
  if (node == NULL)
    return TRUE;
  if (node->type != VAL_ARRAY)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, name, _("expected a list of names"));
  klass = g_type_class_ref (type);
  for (guint k = (guint) (node - c->vals) + 1; k < node->end && result; k = c->vals[k].end, i++)
    {
      const Val *el = &c->vals[k];
      GFlagsValue *v = NULL;

      if (el->type == VAL_STRING)
        v = g_flags_get_value_by_nick (klass, VAL_STR (c, el));
      if (v == NULL || v->value == 0)
        {
          g_autoptr(GString) names = g_string_new (NULL);
          g_autofree char *el_name = g_strdup_printf ("%s[%u]", name, i);

          for (guint n = 0; n < klass->n_values; n++)
            if (klass->values[n].value != 0)
              g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "", klass->values[n].value_nick);
          result = check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, el_name, _("expected one of %s"), names->str);
        }
      else if (*out & v->value)
        {
          g_autofree char *el_name = g_strdup_printf ("%s[%u]", name, i);

          result = check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, el_name, _("listed twice"));
        }
      else
        *out |= v->value;
    }
  g_type_class_unref (klass);
  return result;
}

static gboolean
only_members (Check              *c,
              const Val          *object,
              const char *const  *known)
{
  for (guint k = (guint) (object - c->vals) + 1; k < object->end; k = c->vals[k].end)
    if (!g_strv_contains (known, c->arena + c->vals[k].key))
      return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, c->arena + c->vals[k].key, _("unknown member"));
  return TRUE;
}

static gboolean
check_turn (Check       *c,
            const Val   *node,
            ImportTurn  *turn)
{
  static const char *const known[] = { "id", "created", "updated", "speaker", "text", "patterns", NULL };
  const Val *speaker;
  gboolean ok;

  if (node->type != VAL_OBJECT)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, NULL, _("expected an object"));
  if (!only_members (c, node, known) ||
      !get_uuid (c, node, c->import->turn_ids, &turn->uuid) ||
      !get_timestamp (c, node, "created", TRUE, FALSE, &turn->created) ||
      !get_timestamp (c, node, "updated", TRUE, FALSE, &turn->updated))
    return FALSE;

  speaker = member_node (c, node, "speaker", TRUE, &ok);
  if (!ok)
    return FALSE;
  if (speaker->type != VAL_STRING || !enough_speaker_from_string (VAL_STR (c, speaker), &turn->speaker))
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "speaker", _("expected “critic” or “me”"));
  return get_string (c, node, "text", FALSE, ENOUGH_IMPORT_MAX_STRING, &turn->text) &&
         get_flags (c, node, "patterns", ENOUGH_TYPE_PATTERNS, &turn->patterns);
}

static gboolean
check_entry (Check       *c,
             const Val   *object,
             ImportEntry *e)
{
  static const char *const dialogue_members[] = {
    "kind", "id", "created", "updated", "title", "critic_name", "intensity_start",
    "intensity_end", "prompt_step", "turns", NULL };
  static const char *const letter_members[] = {
    "kind", "id", "created", "updated", "not_good_enough", "feelings", "text", "step",
    "reread", "reread_at", "reread_done_at", "takeaway", NULL };
  static const char *const self_check_members[] = {
    "kind", "id", "created", "updated", "bank_version", "answers", "current_index",
    "completed_at", "note", NULL };
  EnoughImport *import = c->import;
  const Val *kind;
  gboolean ok;

  if (object->type != VAL_OBJECT)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, NULL, _("expected an object"));

  kind = member_node (c, object, "kind", TRUE, &ok);
  if (!ok)
    return FALSE;
  if (kind->type != VAL_STRING)
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "kind", _("expected a string"));
  if (kind->v.s.len > 32)
    return check_fail (c, ENOUGH_IMPORT_ERROR_TOO_LARGE, "kind", _("longer than %u bytes"), 32);
  if (g_str_equal (VAL_STR (c, kind), "dialogue"))
    e->kind = ENOUGH_RECORD_KIND_DIALOGUE;
  else if (g_str_equal (VAL_STR (c, kind), "letter"))
    e->kind = ENOUGH_RECORD_KIND_LETTER;
  else if (g_str_equal (VAL_STR (c, kind), "self-check"))
    e->kind = ENOUGH_RECORD_KIND_SELF_CHECK;
  else
    return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "kind",
                       _("expected “dialogue”, “letter” or “self-check”"));

  if (!only_members (c, object, e->kind == ENOUGH_RECORD_KIND_DIALOGUE ? dialogue_members
                                : e->kind == ENOUGH_RECORD_KIND_LETTER ? letter_members
                                : self_check_members) ||
      !get_uuid (c, object, import->entry_ids, &e->uuid) ||
      !get_timestamp (c, object, "created", TRUE, FALSE, &e->created) ||
      !get_timestamp (c, object, "updated", TRUE, FALSE, &e->updated))
    return FALSE;

  switch (e->kind)
    {
    case ENOUGH_RECORD_KIND_DIALOGUE:
      {
        const Val *turns;

        if (!get_string (c, object, "title", FALSE, ENOUGH_IMPORT_MAX_SHORT, &e->s[0]) ||
            !get_string (c, object, "critic_name", FALSE, ENOUGH_IMPORT_MAX_SHORT, &e->s[1]) ||
            !get_int (c, object, "intensity_start", FALSE, 0, 10, -1, -1, &e->i[0]) ||
            !get_int (c, object, "intensity_end", FALSE, 0, 10, -1, -1, &e->i[1]) ||
            !get_int (c, object, "prompt_step", FALSE, 0, 6, G_MININT64, 0, &e->i[2]))
          return FALSE;

        e->first_turn = import->turns->len;
        turns = member_node (c, object, "turns", FALSE, &ok);
        if (turns != NULL)
          {
            guint i = 0;

            if (turns->type != VAL_ARRAY)
              return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "turns", _("expected a list"));
            if (turns->n > ENOUGH_IMPORT_MAX_TURNS)
              return check_fail (c, ENOUGH_IMPORT_ERROR_TOO_LARGE, "turns",
                                 _("more than %u turns"), (guint) ENOUGH_IMPORT_MAX_TURNS);
            for (guint k = (guint) (turns - c->vals) + 1; k < turns->end; k = c->vals[k].end, i++)
              {
                ImportTurn turn = { 0 };

                c->turn = (int) i;
                if (!check_turn (c, &c->vals[k], &turn))
                  return FALSE;
                g_array_append_val (import->turns, turn);
              }
            c->turn = -1;
          }
        e->n_turns = import->turns->len - e->first_turn;
      }
      break;

    case ENOUGH_RECORD_KIND_LETTER:
      {
        const Val *reread;
        guint feelings;

        if (!get_string (c, object, "not_good_enough", FALSE, ENOUGH_IMPORT_MAX_STRING, &e->s[0]) ||
            !get_string (c, object, "text", FALSE, ENOUGH_IMPORT_MAX_STRING, &e->s[1]) ||
            !get_string (c, object, "takeaway", FALSE, ENOUGH_IMPORT_MAX_STRING, &e->s[2]) ||
            !get_flags (c, object, "feelings", ENOUGH_TYPE_FEELINGS, &feelings) ||
            !get_int (c, object, "step", FALSE, 0, 2, G_MININT64, 0, &e->i[1]) ||
            !get_timestamp (c, object, "reread_at", FALSE, TRUE, &e->i[3]) ||
            !get_timestamp (c, object, "reread_done_at", FALSE, TRUE, &e->i[4]))
          return FALSE;
        e->i[0] = feelings;

        reread = lookup (c, object, "reread");
        if (reread != NULL)
          {
            GEnumValue *v = NULL;

            if (reread->type != VAL_STRING)
              return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "reread", _("expected a string"));
            if (reread->v.s.len > 32)
              return check_fail (c, ENOUGH_IMPORT_ERROR_TOO_LARGE, "reread", _("longer than %u bytes"), 32);
            {
              GEnumClass *klass = g_type_class_ref (ENOUGH_TYPE_REREAD);

              v = g_enum_get_value_by_nick (klass, VAL_STR (c, reread));
              g_type_class_unref (klass);
            }
            if (v == NULL)
              return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "reread",
                                 _("expected “unset”, “15-minutes”, “evening”, “tomorrow”, “next-week” or “never”"));
            e->i[2] = v->value;
          }
      }
      break;

    case ENOUGH_RECORD_KIND_SELF_CHECK:
      {
        const Val *answers;
        guint n_items;
        guint i = 0;
        gboolean all_answered = TRUE;

        if (!get_int (c, object, "bank_version", TRUE, 1, G_MAXINT, G_MININT64, 0, &e->i[0]))
          return FALSE;
        if (!enough_item_bank_has_version ((guint) e->i[0]))
          return check_fail (c, ENOUGH_IMPORT_ERROR_NEWER_VERSION, "bank_version",
                             _("this Self-Check was answered with statements from a newer version of Enough"));
        n_items = enough_item_bank_get_n_items ((guint) e->i[0]);
        if (n_items != ENOUGH_SELF_CHECK_N_ITEMS)
          return check_fail (c, ENOUGH_IMPORT_ERROR_NEWER_VERSION, "bank_version",
                             _("this Self-Check was answered with statements from a newer version of Enough"));

        answers = member_node (c, object, "answers", TRUE, &ok);
        if (!ok)
          return FALSE;
        if (answers->type != VAL_ARRAY || answers->n != n_items)
          return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "answers",
                             _("expected a list of %u answers"), n_items);
        for (guint k = (guint) (answers - c->vals) + 1; k < answers->end; k = c->vals[k].end, i++)
          {
            const Val *el = &c->vals[k];
            gint64 v = el->type == VAL_INT ? el->v.i : -1;

            if (v < 0 || v > 5)
              {
                g_autofree char *el_name = g_strdup_printf ("answers[%u]", i);
                return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, el_name,
                                   _("expected 0 (not answered) or an answer from 1 to 5"));
              }
            e->answers[i] = (char) ('0' + v);
            all_answered &= v != 0;
          }
        e->answers[n_items] = '\0';

        if (!get_int (c, object, "current_index", FALSE, 0, n_items - 1, G_MININT64, 0, &e->i[1]) ||
            !get_timestamp (c, object, "completed_at", FALSE, TRUE, &e->i[2]) ||
            !get_string (c, object, "note", FALSE, ENOUGH_IMPORT_MAX_STRING, &e->s[0]))
          return FALSE;
        if (e->i[2] != 0 && !all_answered)
          return check_fail (c, ENOUGH_IMPORT_ERROR_INVALID, "completed_at",
                             _("a finished Self-Check must have every statement answered"));
      }
      break;

    case ENOUGH_RECORD_KIND_TURN:
    default:
      g_assert_not_reached ();
    }

  import->n_of_kind[e->kind]++;
  import->n_of_kind[ENOUGH_RECORD_KIND_TURN] += e->n_turns;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Two halves
 *
 * A big file is read by two threads: this one from the start, a second
 * one from an entry near the middle (a guess: an export has one entry per
 * line) to the end of the entries. When this thread reaches that very
 * place as the start of an entry, the guess is confirmed and the second
 * half is taken as it is. In every other case (a wrong guess, any error
 * in either half, an id in both halves, too many entries) the second
 * half is dropped and this thread reads on by itself, so what is
 * accepted and every error message are exactly those of one thread
 * reading the whole file. */

#define SPLIT_MIN_BYTES (4 * 1024 * 1024)

static gsize split_min_bytes = SPLIT_MIN_BYTES;
static guint n_joined;

void
_enough_import_set_split_min_bytes (gsize bytes)
{
  split_min_bytes = bytes != 0 ? bytes : SPLIT_MIN_BYTES;
}

guint
_enough_import_get_n_joined (void)
{
  return g_atomic_int_get (&n_joined);
}

typedef struct
{
  const char   *start;
  const char   *from;
  const char   *end;
  guint         depth;
  EnoughImport *import;  /* what it read */
  const char   *stop;    /* just after the entries' "]" */
  gboolean      ok;
} Half;

/* Where to start the second half: the first line from the middle on
 * that starts an entry the way an export writes it; NULL if none. */
static const char *
find_split (const char *data,
            gsize       length)
{
  static const char pattern[] = "{\"kind\":";
  const char *end = data + length;
  const char *p = data + length / 2;

  while ((p = memchr (p, '\n', (gsize) (end - p))) != NULL)
    {
      p++;
      if ((gsize) (end - p) >= sizeof pattern - 1 && memcmp (p, pattern, sizeof pattern - 1) == 0)
        return p;
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* The document */

typedef struct
{
  EnoughImport *import;
  gboolean      has_format;
  gboolean      has_version;
  gboolean      has_entries;
  gint64        version;
  GError       *entry_error;  /* kept while the rest is read for the version */
  const char   *split;        /* where the second half starts, if it does */
  GThread      *thread;       /* reading it */
  Half         *half;
} Document;

static gboolean
entry_element (Parser   *ps,
               guint     index,
               gpointer  data)
{
  Document *doc = data;

  if (!parse_tree (ps))
    return FALSE;
  if (doc->entry_error == NULL)
    {
      Check c = { doc->import, &doc->entry_error, index, -1,
                  (const Val *) (gpointer) ps->vals->data, ps->arena->str };
      ImportEntry e = { 0 };

      if (check_entry (&c, c.vals, &e))
        g_array_append_val (doc->import->entries, e);
    }
  return TRUE;
}

/* The second half: from half->from, the entries up to the closing "]", as
 * this thread would read them. No messages: an error here only means
 * "read it again in order". */
static gpointer
half_thread (gpointer data)
{
  Half *half = data;
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autoptr(GString) arena = g_string_new (NULL);
  g_autoptr(GArray) vals = g_array_new (FALSE, FALSE, sizeof (Val));
  Document doc = { 0 };
  Parser ps = { 0 };

  doc.import = half->import;
  ps.start = half->start;
  ps.p = half->from;
  ps.end = half->end;
  ps.keys = keys;
  ps.vals = vals;
  ps.arena = arena;
  ps.depth = half->depth;
  ps.error = NULL;

  if (parse_elements_from (&ps, ENOUGH_IMPORT_MAX_ENTRIES, entry_element, &doc) &&
      doc.entry_error == NULL)
    {
      half->stop = ps.p;
      half->ok = TRUE;
    }
  g_clear_error (&doc.entry_error);
  return NULL;
}

/* This thread has reached the second half's start as the start of entry
 * @index: take what the other thread read if it can stand as it is. */
static gboolean
join_half (Parser *ps,
           guint   index)
{
  Document *doc = ps->join_data;
  EnoughImport *import = doc->import;
  EnoughImport *tail;
  GHashTableIter iter;
  gpointer id;
  guint n_turns = import->turns->len;

  ps->split = NULL;
  g_thread_join (g_steal_pointer (&doc->thread));
  tail = doc->half->import;
  if (!doc->half->ok || doc->entry_error != NULL ||
      (guint64) index + tail->entries->len > ENOUGH_IMPORT_MAX_ENTRIES)
    return FALSE;
  g_hash_table_iter_init (&iter, tail->entry_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (g_hash_table_contains (import->entry_ids, id))
      return FALSE;
  g_hash_table_iter_init (&iter, tail->turn_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (g_hash_table_contains (import->turn_ids, id))
      return FALSE;

  for (guint i = 0; i < tail->entries->len; i++)
    {
      ImportEntry *e = &g_array_index (tail->entries, ImportEntry, i);

      e->first_turn += n_turns;
    }
  g_array_append_vals (import->entries, tail->entries->data, tail->entries->len);
  g_array_append_vals (import->turns, tail->turns->data, tail->turns->len);
  for (guint k = 0; k < G_N_ELEMENTS (import->n_of_kind); k++)
    import->n_of_kind[k] += tail->n_of_kind[k];
  import->tail = g_steal_pointer (&doc->half->import);  /* its strings */
  ps->p = doc->half->stop;
  g_atomic_int_inc (&n_joined);
  return TRUE;
}

static gboolean
root_member (Parser     *ps,
             const char *key,
             gpointer    data)
{
  enum { FORMAT, VERSION, EXPORTED_AT, OTHER } which;
  Document *doc = data;
  const Val *val;

  if (g_str_equal (key, "entries"))
    {
      gboolean ok;

      doc->has_entries = TRUE;
      if (ps->p >= ps->end || *ps->p != '[')
        return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("expected a list of entries"));
      /* Each entry is checked, kept compact, and its tree dropped. Only
       * here, among the entries, can the second half join in. */
      ps->split = doc->thread != NULL ? doc->split : NULL;
      ps->split_depth = ps->depth + 1;
      ps->join = join_half;
      ps->join_data = doc;
      ok = parse_elements (ps, ENOUGH_IMPORT_MAX_ENTRIES, entry_element, doc);
      ps->split = NULL;
      return ok;
    }

  /* (@key is not valid after the value is read) */
  which = g_str_equal (key, "format") ? FORMAT
          : g_str_equal (key, "version") ? VERSION
          : g_str_equal (key, "exported_at") ? EXPORTED_AT : OTHER;
  if (!parse_tree (ps))
    return FALSE;
  val = (const Val *) (gpointer) ps->vals->data;
  switch (which)
    {
    case FORMAT:
      doc->has_format = TRUE;
      if (val->type != VAL_STRING ||
          !g_str_equal (ps->arena->str + val->v.s.off, ENOUGH_EXPORT_FORMAT_NAME))
        return syntax_error (ps, ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL,
                             _("expected “%s”: this is not an Enough journal export"),
                             ENOUGH_EXPORT_FORMAT_NAME);
      break;

    case VERSION:
      doc->has_version = TRUE;
      if (val->type != VAL_INT || val->v.i < 1)
        return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("expected a whole number from 1"));
      doc->version = val->v.i;
      if (doc->version > ENOUGH_EXPORT_VERSION)
        return syntax_error (ps, ENOUGH_IMPORT_ERROR_NEWER_VERSION,
                             _("this file was made by a newer version of Enough (format version "
                               "%lld; this one reads version %d). Update Enough to import it."),
                             (long long) doc->version, ENOUGH_EXPORT_VERSION);
      break;

    case EXPORTED_AT:
      {
        gint64 usec;

        if (val->type != VAL_STRING ||
            !enough_export_parse_timestamp (ps->arena->str + val->v.s.off, &usec))
          return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID,
                               _("expected a date and time like 2026-03-01T09:30:00Z"));
      }
      break;

    case OTHER:
    default:
      return syntax_error (ps, ENOUGH_IMPORT_ERROR_INVALID, _("unknown member"));
    }
  return TRUE;
}

EnoughImport *
enough_import_parse_data (const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(EnoughImport) import = NULL;
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autoptr(GString) arena = g_string_new (NULL);
  g_autoptr(GArray) vals = g_array_new (FALSE, FALSE, sizeof (Val));
  Document doc = { 0 };
  Parser ps = { 0 };
  Half half = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if ((gint64) length > ENOUGH_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: %s is "document" (where the error is, as
                    * in the other import errors), %u a size in megabytes. */
                   _("%s: the file is larger than %u MB"), _("document"),
                   (guint) (ENOUGH_IMPORT_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  import = import_new ();
  doc.import = import;
  ps.start = ps.p = data;
  ps.end = data + length;
  ps.keys = keys;
  ps.vals = vals;
  ps.arena = arena;
  ps.error = error;

  /* A UTF-8 byte order mark, as some editors write, is fine. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    ps.p += 3;
  skip_ws (&ps);
  if (ps.p >= ps.end || *ps.p != '{')
    {
      syntax_error (&ps, ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL,
                    _("expected a JSON object: this is not an Enough journal export"));
      return NULL;
    }

  if (length >= split_min_bytes && (doc.split = find_split (data, length)) != NULL)
    {
      half.start = data;
      half.from = doc.split;
      half.end = data + length;
      half.depth = 2;  /* in the document, in its entries */
      half.import = import_new ();
      doc.half = &half;
      doc.thread = g_thread_try_new ("enough-import", half_thread, &half, NULL);
    }
  ok = parse_members (&ps, root_member, &doc);
  /* not reached as an entry's start, or an error before */
  if (doc.thread != NULL)
    g_thread_join (g_steal_pointer (&doc.thread));
  enough_import_free (half.import);
  if (ok)
    {
      skip_ws (&ps);
      if (ps.p < ps.end)
        ok = syntax_error (&ps, ENOUGH_IMPORT_ERROR_INVALID, _("more text after the end of the document"));
    }
  if (!ok)
    {
      g_clear_error (&doc.entry_error);
      return NULL;
    }

  if (!doc.has_format)
    g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL,
                 _("format: missing: this is not an Enough journal export"));
  else if (!doc.has_version)
    g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_INVALID, _("version: missing"));
  else if (!doc.has_entries)
    g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_INVALID, _("entries: missing"));
  else if (doc.entry_error != NULL)
    g_propagate_error (error, g_steal_pointer (&doc.entry_error));
  else
    return g_steal_pointer (&import);

  g_clear_error (&doc.entry_error);
  return NULL;
}

EnoughImport *
enough_import_parse_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Refused before a byte is read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_NOT_A_JOURNAL,
                   /* Translators: %s is "document" (where the error is, as
                    * in the other import errors). */
                   _("%s: this is not a regular file"), _("document"));
      return NULL;
    }
  if (g_file_info_get_size (info) > ENOUGH_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: %s is "document" (where the error is, as
                    * in the other import errors), %u a size in megabytes. */
                   _("%s: the file is larger than %u MB"), _("document"),
                   (guint) (ENOUGH_IMPORT_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  path = g_file_get_path (file);
  if (path != NULL)
    {
      mapped = g_mapped_file_new (path, FALSE, error);
      if (mapped == NULL)
        return NULL;
      /* An empty file maps to NULL contents. */
      return enough_import_parse_data (g_mapped_file_get_contents (mapped) != NULL
                                       ? g_mapped_file_get_contents (mapped) : "",
                                       g_mapped_file_get_length (mapped), error);
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  return enough_import_parse_data (contents, length, error);
}

/* ------------------------------------------------------------------------ */
/* Writing, on the store's worker thread */

/* An id the journal already has is no error for an entry (skipped) and
 * one for a turn: either way the insert does nothing and says so
 * (sqlite3_changes() == 0), one index lookup instead of two. */
static const char *const insert_sql[5] = {
  [ENOUGH_RECORD_KIND_DIALOGUE] =
    "INSERT INTO dialogue (id, uuid, created, updated, title, critic_name,"
    " intensity_start, intensity_end, prompt_step) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (uuid) DO NOTHING",
  [ENOUGH_RECORD_KIND_TURN] =
    "INSERT INTO turn (id, uuid, created, updated, dialogue_id, position, speaker, text, patterns)"
    " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (uuid) DO NOTHING",
  [ENOUGH_RECORD_KIND_LETTER] =
    "INSERT INTO letter (id, uuid, created, updated, not_good_enough, feelings, text, step,"
    " reread, reread_at, reread_done_at, takeaway) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (uuid) DO NOTHING",
  [ENOUGH_RECORD_KIND_SELF_CHECK] =
    "INSERT INTO self_check (id, uuid, created, updated, bank_version, answers,"
    " current_index, completed_at, note) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (uuid) DO NOTHING",
};

/* In pages; 0 if off or unknown. */
static int
get_wal_autocheckpoint (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int pages = 0;

  if (sqlite3_prepare_v2 (db, "PRAGMA wal_autocheckpoint", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    pages = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return pages;
}

static gboolean
write_in_worker (sqlite3   *db,
                 gpointer   user_data,
                 GError   **error)
{
  EnoughImport *import = user_data;
  sqlite3_stmt *insert[5] = { NULL };
  g_autoptr(EnoughBulkWrite) bulk = NULL;
  gint64 next[5];
  gboolean ok = FALSE;
  int wal_autocheckpoint;
  int rc = SQLITE_OK;

  memcpy (next, import->first_id, sizeof next);
  import->n_added = import->n_skipped = 0;

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      _enough_store_set_sqlite_error (error, db, sqlite3_errcode (db), "import");
      return FALSE;
    }
  /* Rows only, with the insert triggers suspended (see
   * enough-store-schema.c); all in this transaction. */
  bulk = enough_store_bulk_begin (db, error);
  if (bulk == NULL)
    goto rollback;
  for (int k = ENOUGH_RECORD_KIND_DIALOGUE; k <= ENOUGH_RECORD_KIND_SELF_CHECK; k++)
    if (sqlite3_prepare_v2 (db, insert_sql[k], -1, &insert[k], NULL) != SQLITE_OK)
      goto sql_error;

  for (guint i = 0; i < import->entries->len; i++)
    {
      ImportEntry *e = &g_array_index (import->entries, ImportEntry, i);
      sqlite3_stmt *s = insert[e->kind];
      gint64 id;

      id = next[e->kind];
      sqlite3_bind_int64 (s, 1, id);
      sqlite3_bind_text (s, 2, e->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (s, 3, e->created);
      sqlite3_bind_int64 (s, 4, e->updated);
      switch (e->kind)
        {
        case ENOUGH_RECORD_KIND_DIALOGUE:
          sqlite3_bind_text (s, 5, e->s[0], -1, SQLITE_STATIC);
          sqlite3_bind_text (s, 6, e->s[1], -1, SQLITE_STATIC);
          for (int j = 0; j < 3; j++)
            sqlite3_bind_int64 (s, 7 + j, e->i[j]);
          break;
        case ENOUGH_RECORD_KIND_LETTER:
          sqlite3_bind_text (s, 5, e->s[0], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (s, 6, e->i[0]);
          sqlite3_bind_text (s, 7, e->s[1], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (s, 8, e->i[1]);
          sqlite3_bind_int64 (s, 9, e->i[2]);
          sqlite3_bind_int64 (s, 10, e->i[3]);
          sqlite3_bind_int64 (s, 11, e->i[4]);
          sqlite3_bind_text (s, 12, e->s[2], -1, SQLITE_STATIC);
          break;
        case ENOUGH_RECORD_KIND_SELF_CHECK:
          sqlite3_bind_int64 (s, 5, e->i[0]);
          sqlite3_bind_text (s, 6, e->answers, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (s, 7, e->i[1]);
          sqlite3_bind_int64 (s, 8, e->i[2]);
          sqlite3_bind_text (s, 9, e->s[0], -1, SQLITE_STATIC);
          break;
        case ENOUGH_RECORD_KIND_TURN:
        default:
          g_assert_not_reached ();
        }
      rc = sqlite3_step (s);
      sqlite3_reset (s);
      if (rc != SQLITE_DONE)
        goto sql_error;
      if (sqlite3_changes (db) == 0)
        {
          /* Already in the journal (an earlier import, or the same
           * journal): kept as it is. */
          import->n_skipped++;
          continue;
        }
      next[e->kind]++;

      for (guint j = 0; j < e->n_turns; j++)
        {
          ImportTurn *t = &g_array_index (import->turns, ImportTurn, e->first_turn + j);
          sqlite3_stmt *ts = insert[ENOUGH_RECORD_KIND_TURN];

          sqlite3_bind_int64 (ts, 1, next[ENOUGH_RECORD_KIND_TURN]);
          sqlite3_bind_text (ts, 2, t->uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (ts, 3, t->created);
          sqlite3_bind_int64 (ts, 4, t->updated);
          sqlite3_bind_int64 (ts, 5, id);
          sqlite3_bind_int64 (ts, 6, (gint64) (j + 1) * TURN_POSITION_STEP);
          sqlite3_bind_int (ts, 7, t->speaker);
          sqlite3_bind_text (ts, 8, t->text, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (ts, 9, t->patterns);
          rc = sqlite3_step (ts);
          sqlite3_reset (ts);
          if (rc != SQLITE_DONE)
            goto sql_error;
          if (sqlite3_changes (db) == 0)
            {
              g_set_error (error, ENOUGH_IMPORT_ERROR, ENOUGH_IMPORT_ERROR_CONFLICT,
                           _("entries[%u].turns[%u].id: this id already belongs to a turn of "
                             "another dialogue in your journal"), i, j);
              goto rollback;
            }
          next[ENOUGH_RECORD_KIND_TURN]++;
        }
      import->n_added++;
    }

  /* The reserved ids were used in order, so this import's rows are
   * exactly first_id..next - 1 of each kind. They are indexed after the
   * import, on the worker (see "Deferred indexing" in
   * enough-store-schema.c); until then the search scans them. */
  for (int k = ENOUGH_RECORD_KIND_DIALOGUE; k <= ENOUGH_RECORD_KIND_SELF_CHECK; k++)
    if (!enough_store_pending_add (db, k, import->first_id[k], next[k] - 1, error))
      goto rollback;
  if (!enough_store_bulk_end (db, bulk, error))
    goto rollback;

  /* The commit makes the import durable in the WAL; copying that back
   * into the database (a checkpoint, ~0.3 s for 100,000 entries) is left
   * to the next write on this worker, usually the first chunk of the
   * background indexing, instead of keeping the user waiting for it. */
  wal_autocheckpoint = get_wal_autocheckpoint (db);
  if (wal_autocheckpoint > 0)
    sqlite3_wal_autocheckpoint (db, 0);
  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (wal_autocheckpoint > 0)
    sqlite3_wal_autocheckpoint (db, wal_autocheckpoint);
  if (rc != SQLITE_OK)
    goto sql_error;
  ok = TRUE;
  goto out;

sql_error:
  _enough_store_set_sqlite_error (error, db, rc != SQLITE_OK ? rc : sqlite3_errcode (db), "import");
rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  import->n_added = 0;
  import->n_skipped = 0;
out:
  for (guint k = 0; k < G_N_ELEMENTS (insert); k++)
    sqlite3_finalize (insert[k]);
  return ok;
}

static void
reserve_ids (EnoughStore  *store,
             EnoughImport *import)
{
  for (int k = ENOUGH_RECORD_KIND_DIALOGUE; k <= ENOUGH_RECORD_KIND_SELF_CHECK; k++)
    import->first_id[k] = _enough_store_reserve_ids (store, k, import->n_of_kind[k]);
}

gboolean
enough_import_write (EnoughStore   *store,
                     EnoughImport  *import,
                     guint         *n_added,
                     guint         *n_skipped,
                     GError       **error)
{
  g_return_val_if_fail (ENOUGH_IS_STORE (store), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);

  reserve_ids (store, import);
  if (!_enough_store_run_on_writer (store, write_in_worker, import, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = import->n_added;
  if (n_skipped != NULL)
    *n_skipped = import->n_skipped;
  return TRUE;
}

gboolean
enough_import_file (EnoughStore  *store,
                    GFile        *file,
                    guint        *n_added,
                    guint        *n_skipped,
                    GError      **error)
{
  g_autoptr(EnoughImport) import = NULL;

  g_return_val_if_fail (ENOUGH_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  import = enough_import_parse_file (file, NULL, error);
  if (import == NULL)
    return FALSE;
  return enough_import_write (store, import, n_added, n_skipped, error);
}

/* ------------------------------------------------------------------------ */
/* Async: parse on a thread, write on the store's worker */

static void
parse_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  EnoughImport *import = enough_import_parse_file (task_data, cancellable, &error);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, (GDestroyNotify) enough_import_free);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!_enough_store_run_on_writer_finish (ENOUGH_STORE (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
parsed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EnoughStore *store = g_task_get_source_object (task);
  GError *error = NULL;
  EnoughImport *import = g_task_propagate_pointer (G_TASK (result), &error);

  if (import == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, import, (GDestroyNotify) enough_import_free);
  reserve_ids (store, import);
  _enough_store_run_on_writer_async (store, write_in_worker, import,
                                     g_task_get_cancellable (task), written_cb,
                                     g_object_ref (task));
}

void
enough_import_file_async (EnoughStore         *store,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) parse = NULL;

  g_return_if_fail (ENOUGH_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, enough_import_file_async);

  parse = g_task_new (NULL, cancellable, parsed_cb, task);
  g_task_set_task_data (parse, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (parse, parse_thread);
}

gboolean
enough_import_file_finish (EnoughStore   *store,
                           GAsyncResult  *result,
                           guint         *n_added,
                           guint         *n_skipped,
                           GError       **error)
{
  EnoughImport *import;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  import = g_task_get_task_data (G_TASK (result));
  if (n_added != NULL)
    *n_added = import->n_added;
  if (n_skipped != NULL)
    *n_skipped = import->n_skipped;
  return TRUE;
}
