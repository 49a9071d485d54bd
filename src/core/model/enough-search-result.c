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
};

G_DEFINE_FINAL_TYPE (EnoughSearchResult, enough_search_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ENTRY_UUID,
  PROP_TURN_UUID,
  PROP_SNIPPET,
  PROP_CREATED_AT,
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
