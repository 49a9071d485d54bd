/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-search-result.h"

struct _EnoughSearchResult
{
  GObject            parent_instance;

  EnoughRecordKind   kind;
  EnoughSearchField  field;
  char              *entry_uuid;
  char              *turn_uuid;
  char              *snippet;
  guint             *matches;  /* start0, end0, start1, end1, … */
  guint              n_matches;
  double             rank;
  gint64             created_at;
  char              *entry_title;
};

/* As the Letters list cuts a letter's first words. */
#define ENTRY_TITLE_MAX_CHARS 60

G_DEFINE_FINAL_TYPE (EnoughSearchResult, enough_search_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ENTRY_UUID,
  PROP_TURN_UUID,
  PROP_SNIPPET,
  PROP_CREATED_AT,
  PROP_ENTRY_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
enough_search_result_finalize (GObject *object)
{
  EnoughSearchResult *self = ENOUGH_SEARCH_RESULT (object);

  g_free (self->entry_uuid);
  g_free (self->turn_uuid);
  g_free (self->snippet);
  g_free (self->matches);
  g_free (self->entry_title);

  G_OBJECT_CLASS (enough_search_result_parent_class)->finalize (object);
}

static void
enough_search_result_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EnoughSearchResult *self = ENOUGH_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ENTRY_UUID:
      g_value_set_string (value, self->entry_uuid);
      break;
    case PROP_TURN_UUID:
      g_value_set_string (value, self->turn_uuid);
      break;
    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_ENTRY_TITLE:
      g_value_set_string (value, self->entry_title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_search_result_class_init (EnoughSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = enough_search_result_finalize;
  object_class->get_property = enough_search_result_get_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, ENOUGH_TYPE_RECORD_KIND,
                                             ENOUGH_RECORD_KIND_DIALOGUE, ro);
  properties[PROP_ENTRY_UUID] = g_param_spec_string ("entry-uuid", NULL, NULL, NULL, ro);
  properties[PROP_TURN_UUID] = g_param_spec_string ("turn-uuid", NULL, NULL, NULL, ro);
  properties[PROP_SNIPPET] = g_param_spec_string ("snippet", NULL, NULL, NULL, ro);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL,
                                                    0, G_MAXINT64, 0, ro);
  properties[PROP_ENTRY_TITLE] = g_param_spec_string ("entry-title", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
enough_search_result_init (EnoughSearchResult *self)
{
}

EnoughSearchResult *
_enough_search_result_new (EnoughRecordKind   kind,
                           EnoughSearchField  field,
                           const char        *entry_uuid,
                           const char        *turn_uuid,
                           const char        *snippet,
                           const guint       *matches,
                           guint              n_matches,
                           double             rank,
                           gint64             created_at)
{
  EnoughSearchResult *self = g_object_new (ENOUGH_TYPE_SEARCH_RESULT, NULL);

  self->kind = kind;
  self->field = field;
  self->entry_uuid = g_strdup (entry_uuid);
  self->turn_uuid = g_strdup (turn_uuid);
  self->snippet = g_strdup (snippet);
  self->n_matches = n_matches;
  self->matches = n_matches ? g_memdup2 (matches, sizeof (guint) * 2 * n_matches) : NULL;
  self->rank = rank;
  self->created_at = created_at;

  return self;
}

EnoughRecordKind
enough_search_result_get_kind (EnoughSearchResult *self)
{
  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (self), 0);
  return self->kind;
}

EnoughSearchField
enough_search_result_get_field (EnoughSearchResult *self)
{
  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (self), 0);
  return self->field;
}

const char *
enough_search_result_get_entry_uuid (EnoughSearchResult *self)
{
  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (self), NULL);
  return self->entry_uuid;
}

const char *
enough_search_result_get_turn_uuid (EnoughSearchResult *self)
{
  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (self), NULL);
  return self->turn_uuid;
}

const char *
enough_search_result_get_snippet (EnoughSearchResult *self)
{
  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (self), NULL);
  return self->snippet;
}

double
enough_search_result_get_rank (EnoughSearchResult *self)
{
  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (self), 0);
  return self->rank;
}

guint
enough_search_result_get_n_matches (EnoughSearchResult *self)
{
  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (self), 0);
  return self->n_matches;
}

void
enough_search_result_get_match (EnoughSearchResult *self,
                                guint               i,
                                guint              *start,
                                guint              *end)
{
  g_return_if_fail (ENOUGH_IS_SEARCH_RESULT (self));
  g_return_if_fail (i < self->n_matches);
  if (start)
    *start = self->matches[2 * i];
  if (end)
    *end = self->matches[2 * i + 1];
}

gint64
enough_search_result_get_created_at (EnoughSearchResult *self)
{
  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (self), 0);
  return self->created_at;
}

const char *
enough_search_result_get_entry_title (EnoughSearchResult *self)
{
  g_return_val_if_fail (ENOUGH_IS_SEARCH_RESULT (self), NULL);
  return self->entry_title;
}

/* The start of @text with its whitespace (newlines too) collapsed, cut at
 * a word boundary near @max_chars; NULL if there is nothing but
 * whitespace. */
static char *
dup_first_words (const char *text,
                 guint       max_chars)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;
  guint n_chars = 0;
  gsize last_break = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        {
          last_break = out->len;
          g_string_append_c (out, ' ');
          n_chars++;
        }
      space = FALSE;

      if (n_chars >= max_chars)
        {
          /* Cut at the last space when there is one (not for CJK text). */
          if (last_break > 0)
            g_string_truncate (out, last_break);
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, c);
      n_chars++;
    }

  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
_enough_search_result_set_entry_title (EnoughSearchResult *self,
                                       const char         *text)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (ENOUGH_IS_SEARCH_RESULT (self));

  g_clear_pointer (&self->entry_title, g_free);
  if (text == NULL)
    return;
  valid = g_utf8_make_valid (text, -1);
  self->entry_title = dup_first_words (valid, ENTRY_TITLE_MAX_CHARS);
}
