/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "enough-json-reader.h"

/* Values in one entry: a dialogue of ENOUGH_IMPORT_MAX_TURNS turns, each
 * with every member and pattern, needs about 150,000. */
#define MAX_VALUES (256 * 1024)

static void
where (const EnoughJsonReader *ps,
       guint                  *line,
       guint                  *column)
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
path_string (const EnoughJsonReader *ps)
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

gboolean
enough_json_reader_fail (EnoughJsonReader *ps,
                         gint              code,
                         const char       *format,
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
parse_string (EnoughJsonReader *ps,
              GString          *out,
              guint            *len)
{
  gsize base = out->len;

  if (ps->p >= ps->end || *ps->p != '"')
    return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("expected a string"));
  ps->p++;

  for (;;)
    {
      const char *run = ps->p;

      /* Copy plain runs in one go. */
      while (ps->p < ps->end && *ps->p != '"' && *ps->p != '\\' && (guchar) *ps->p >= 0x20)
        ps->p++;
      if (out->len - base + (gsize) (ps->p - run) > ENOUGH_IMPORT_MAX_STRING)
        return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_TOO_LARGE,
                             _("text longer than %u bytes"), (guint) ENOUGH_IMPORT_MAX_STRING);
      g_string_append_len (out, run, ps->p - run);

      if (ps->p >= ps->end)
        return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("the file ends inside a string"));
      if (*ps->p == '"')
        {
          ps->p++;
          break;
        }
      if ((guchar) *ps->p < 0x20)
        return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID,
                             *ps->p == '\0' ? _("a NUL character inside a string")
                                            : _("a control character inside a string"));

      /* a backslash */
      ps->p++;
      if (ps->p >= ps->end)
        return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("the file ends inside a string"));
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
              return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("a bad \\u escape"));
            ps->p += 4;
            if (cp >= 0xd800 && cp <= 0xdbff)
              {
                int low;

                if (ps->end - ps->p < 7 || ps->p[1] != '\\' || ps->p[2] != 'u' ||
                    (low = hex4 (ps->p + 3)) < 0xdc00 || low > 0xdfff)
                  return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("a lone surrogate in a \\u escape"));
                cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                ps->p += 6;
              }
            else if (cp >= 0xdc00 && cp <= 0xdfff)
              return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("a lone surrogate in a \\u escape"));
            if (cp == 0)
              return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("a NUL character inside a string"));
            g_string_append_unichar (out, (gunichar) cp);
          }
          break;
        default:
          return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("an unknown escape in a string"));
        }
      ps->p++;
      if (out->len - base > ENOUGH_IMPORT_MAX_STRING)
        return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_TOO_LARGE,
                             _("text longer than %u bytes"), (guint) ENOUGH_IMPORT_MAX_STRING);
    }

  if (!g_utf8_validate_len (out->str + base, out->len - base, NULL))
    return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("text that is not valid UTF-8"));
  *len = (guint) (out->len - base);
  g_string_append_c (out, '\0');
  return TRUE;
}

static gboolean
parse_number (EnoughJsonReader *ps,
              EnoughJsonValue  *val)
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
    return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("not a valid value"));
  if (ps->p < ps->end && *ps->p == '.')
    {
      integral = FALSE;
      ps->p++;
      if (ps->p >= ps->end || !g_ascii_isdigit (*ps->p))
        return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("not a valid number"));
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
        return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("not a valid number"));
      while (ps->p < ps->end && g_ascii_isdigit (*ps->p))
        ps->p++;
    }

  len = (gsize) (ps->p - s);
  if (len >= sizeof buf)
    return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_TOO_LARGE, _("a number with too many digits"));
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
          val->type = ENOUGH_JSON_VALUE_INT;
          val->v.i = v;
          return TRUE;
        }
      /* out of range: kept as a double, refused later */
    }
  val->type = ENOUGH_JSON_VALUE_DOUBLE;
  val->v.d = g_ascii_strtod (buf, NULL);
  return TRUE;
}

static gboolean
literal (EnoughJsonReader *ps,
         const char       *word)
{
  gsize n = strlen (word);

  if ((gsize) (ps->end - ps->p) < n || memcmp (ps->p, word, n) != 0)
    return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("not a valid value"));
  ps->p += n;
  return TRUE;
}

static gboolean
enter (EnoughJsonReader *ps)
{
  if (++ps->depth > ENOUGH_IMPORT_MAX_DEPTH)
    return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_TOO_LARGE,
                         _("nested deeper than %u levels"), (guint) ENOUGH_IMPORT_MAX_DEPTH);
  return TRUE;
}

gboolean
enough_json_reader_members (EnoughJsonReader     *ps,
                            EnoughJsonMemberFunc  member,
                            gpointer              data)
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
  enough_json_reader_skip_ws (ps);
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

      enough_json_reader_skip_ws (ps);
      ps->n_frames = frame;  /* a bad key is an error at the object */
      if (!parse_string (ps, ps->keys, &key_len))
        return FALSE;
      ps->n_frames = frame + 1;
      ps->frames[frame].key = (gssize) key_off;
      for (guint i = 0; i < n_seen; i++)
        if (strcmp (ps->keys->str + offsets[i], ps->keys->str + key_off) == 0)
          return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("this key appears twice"));
      if (n_seen >= ENOUGH_IMPORT_MAX_MEMBERS)
        {
          ps->n_frames = frame;
          return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_TOO_LARGE,
                               _("more than %u members"), (guint) ENOUGH_IMPORT_MAX_MEMBERS);
        }
      offsets[n_seen] = key_off;
      enough_json_reader_skip_ws (ps);
      if (ps->p >= ps->end || *ps->p != ':')
        {
          ps->n_frames = frame;
          return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("expected “:”"));
        }
      ps->p++;
      enough_json_reader_skip_ws (ps);

      if (!member (ps, ps->keys->str + key_off, data))
        return FALSE;
      n_seen++;
      ps->n_frames = frame;

      enough_json_reader_skip_ws (ps);
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
      return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID,
                           ps->p >= ps->end ? _("the file ends too early") : _("expected “,” or “}”"));
    }
  g_string_truncate (ps->keys, base);
  ps->depth--;
  return TRUE;
}

gboolean
enough_json_reader_elements (EnoughJsonReader      *ps,
                             guint                  max,
                             EnoughJsonElementFunc  element,
                             gpointer               data)
{
  /* at '[' */
  if (!enter (ps))
    return FALSE;
  ps->p++;
  enough_json_reader_skip_ws (ps);
  if (ps->p < ps->end && *ps->p == ']')
    {
      ps->p++;
      ps->depth--;
      return TRUE;
    }
  return enough_json_reader_elements_from (ps, max, element, data);
}

/* The elements of an array already entered, from one at ps->p to the
 * closing "]" (the second half starts here too). */
gboolean
enough_json_reader_elements_from (EnoughJsonReader      *ps,
                                  guint                  max,
                                  EnoughJsonElementFunc  element,
                                  gpointer               data)
{
  guint index = 0;
  guint frame = ps->n_frames;

  for (;;)
    {
      if (index >= max)
        return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_TOO_LARGE, _("more than %u items"), max);
      enough_json_reader_skip_ws (ps);
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

      enough_json_reader_skip_ws (ps);
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
      return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID,
                           ps->p >= ps->end ? _("the file ends too early") : _("expected “,” or “]”"));
    }
  ps->depth--;
  return TRUE;
}

static gboolean parse_value (EnoughJsonReader *ps, guint key);

static gboolean
object_member (EnoughJsonReader *ps,
               const char       *key,
               gpointer          data)
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
array_element (EnoughJsonReader *ps,
               guint             index,
               gpointer          data)
{
  guint *n = data;

  (*n)++;
  return parse_value (ps, 0);
}

/* Appends the value at ps->p (and its children) to ps->vals. */
static gboolean
parse_value (EnoughJsonReader *ps,
             guint             key)
{
  guint index = ps->vals->len;
  EnoughJsonValue val = { ENOUGH_JSON_VALUE_NULL, key, 0, 0, { 0 } };
  gboolean ok;

  enough_json_reader_skip_ws (ps);
  if (ps->p >= ps->end)
    return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_INVALID, _("the file ends too early"));
  /* Bounds the memory of one entry's tree, whatever its shape. */
  if (index >= MAX_VALUES)
    return enough_json_reader_fail (ps, ENOUGH_IMPORT_ERROR_TOO_LARGE, _("more than %u items"), (guint) MAX_VALUES);

  switch (*ps->p)
    {
    case '{':
    case '[':
      {
        gboolean object = *ps->p == '{';
        guint n = 0;

        val.type = object ? ENOUGH_JSON_VALUE_OBJECT : ENOUGH_JSON_VALUE_ARRAY;
        g_array_append_val (ps->vals, val);
        ok = object ? enough_json_reader_members (ps, object_member, &n)
                    : enough_json_reader_elements (ps, G_MAXUINT, array_element, &n);
        if (!ok)
          return FALSE;
        g_array_index (ps->vals, EnoughJsonValue, index).n = n;
        g_array_index (ps->vals, EnoughJsonValue, index).end = ps->vals->len;
        return TRUE;
      }
    case '"':
      val.type = ENOUGH_JSON_VALUE_STRING;
      val.v.s.off = (guint) ps->arena->len;
      ok = parse_string (ps, ps->arena, &val.v.s.len);
      break;
    case 't':
      val.type = ENOUGH_JSON_VALUE_TRUE;
      ok = literal (ps, "true");
      break;
    case 'f':
      val.type = ENOUGH_JSON_VALUE_FALSE;
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
gboolean
enough_json_reader_read_tree (EnoughJsonReader *ps)
{
  g_array_set_size (ps->vals, 0);
  g_string_truncate (ps->arena, 0);
  return parse_value (ps, 0);
}

