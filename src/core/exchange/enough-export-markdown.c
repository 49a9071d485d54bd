/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enough-experiment-kinds.h"
#include "enough-export-private.h"
#include "enough-dates.h"
#include "enough-item-bank.h"
#include "enough-self-check-scoring.h"

/* The Markdown export: for reading, printing or handing to a therapist;
 * in the user's language, dates in the local time zone. */

static void
md_date (GString *out,
         gint64   usec)
{
  /* As the lists show dates: "2 Dec 2026, 15:29" in the reader's language. */
  g_autofree char *text = usec > 0 ? enough_dates_format_date_time (usec) : NULL;

  g_string_append (out, text != NULL && text[0] != '\0' ? text : "?");
}

/* The local day of @usec, "2026-03-01". */
static char *
md_day (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d") : g_strdup ("?");
}

/* User text as Markdown that reads the same: characters Markdown would
 * take as formatting are escaped, line breaks kept. */
static void
md_text (GString    *out,
         const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gboolean line_start = TRUE;

  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (*p == '\n')
        {
          /* A blank line starts a paragraph; a single break stays one. */
          if (p[1] == '\n')
            {
              while (p[1] == '\n')
                p++;
              g_string_append (out, "\n\n");
            }
          else
            g_string_append (out, "  \n");
          line_start = TRUE;
          continue;
        }
      if (strchr ("\\`*_[]<>", *p) != NULL ||
          (line_start && strchr ("#+-|", *p) != NULL))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
      line_start = FALSE;
    }
}

static void
md_flag_names (GString    *out,
               GType       type,
               guint       value,
               const char *const *names)
{
  GFlagsClass *klass = g_type_class_ref (type);
  gboolean first = TRUE;
  guint i = 0;

  for (guint v = 0; v < klass->n_values; v++)
    {
      if (klass->values[v].value == 0)
        continue;
      if ((value & klass->values[v].value) == klass->values[v].value)
        {
          if (!first)
            /* Translators: separator between items of a list */
            g_string_append (out, _(", "));
          g_string_append (out, _(names[i]));
          first = FALSE;
        }
      i++;
    }
  g_type_class_unref (klass);
}

static const char *const pattern_names[] = {
  N_("all-or-nothing thinking"), N_("catastrophising"), N_("“should” statements"),
  N_("mind reading"), N_("discounting the positive"), N_("labelling"),
  N_("overgeneralising"), N_("fortune telling"), N_("emotional reasoning"),
  N_("mental filter"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (pattern_names) == 10);  /* one per EnoughPatterns flag */

static const char *const feeling_names[] = {
  N_("ashamed"), N_("anxious"), N_("tired"), N_("sad"), N_("angry"), N_("lonely"),
  N_("numb"), N_("other"),
};

/* "**Heading** (80 %)" then the text, when there is any. */
static void
md_field (GString    *out,
          const char *heading,
          const char *text,
          int         rating)
{
  if (*text == '\0' && rating < 0)
    return;
  g_string_append_printf (out, "**%s**", heading);
  if (rating >= 0)
    /* Translators: a 0–100 rating after a heading in the Markdown export; keep the %% */
    g_string_append_printf (out, _(" (%d %%)"), rating);
  g_string_append (out, "\n\n");
  if (*text != '\0')
    {
      md_text (out, text);
      g_string_append (out, "\n\n");
    }
}

/* "from 80 % to 45 %", or the one rating there is. */
static void
md_rerating (GString    *out,
             const char *heading,
             int         before,
             int         after)
{
  if (after < 0)
    return;
  g_string_append_printf (out, "**%s** ", heading);
  if (before >= 0)
    /* Translators: a belief re-rated after an experiment; keep the %% signs */
    g_string_append_printf (out, _("from %d %% to %d %%"), before, after);
  else
    g_string_append_printf (out, _("%d %%"), after);
  g_string_append (out, "\n\n");
}

/* Text in a table cell: one line, pipes escaped. */
static void
md_cell (GString    *out,
         const char *text)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit_set (text, "\r\n", -1);
  g_autofree char *one_line = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    g_strstrip (lines[i]);
  one_line = g_strjoinv (" ", lines);
  md_text (s, one_line);
  for (const char *p = s->str; *p != '\0'; p++)
    {
      if (*p == '|' && (p == s->str || p[-1] != '\\'))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
md_number (GString *out,
           int      value)
{
  if (value >= 0)
    g_string_append_printf (out, " %d |", value);
  else
    g_string_append (out, " – |");
}

/* Check-ins as a compact table per month: a row per day. */
static void
md_checkin (Export       *ex,
            GString      *out,
            sqlite3_stmt *row)
{
  const char *day = _enough_export_col_text (row, ENOUGH_CHECKIN_COL_DAY);
  const char *note = _enough_export_col_text (row, ENOUGH_CHECKIN_COL_NOTE);
  const char *reflection = _enough_export_col_text (row, ENOUGH_CHECKIN_COL_REFLECTION);
  int daylight = sqlite3_column_int (row, ENOUGH_CHECKIN_COL_DAYLIGHT);
  int morning = sqlite3_column_int (row, ENOUGH_CHECKIN_COL_MORNING_OUTSIDE);

  if (strlen (day) < 7 || strncmp (ex->checkin_month, day, 7) != 0)
    {
      if (ex->checkin_month[0] != '\0')
        g_string_append_c (out, '\n');
      g_strlcpy (ex->checkin_month, day, sizeof ex->checkin_month);
      g_string_append (out, "## ");
      /* Translators: heading of a month's table of check-ins in a Markdown export; %s is the month, "2026-12" */
      g_string_append_printf (out, _("Check-ins %s"), ex->checkin_month);
      g_string_append (out, "\n\n| ");
      g_string_append (out, _("Day"));
      g_string_append (out, " | ");
      g_string_append (out, _("Mood"));
      g_string_append (out, " | ");
      g_string_append (out, _("Energy"));
      g_string_append (out, " | ");
      g_string_append (out, _("Hours outside in daylight"));
      g_string_append (out, " | ");
      g_string_append (out, _("Outside in the morning"));
      g_string_append (out, " | ");
      g_string_append (out, _("Note"));
      g_string_append (out, " |\n|---|---|---|---|---|---|\n");
    }
  g_string_append_printf (out, "| %s |", day);
  md_number (out, sqlite3_column_int (row, ENOUGH_CHECKIN_COL_MOOD));
  md_number (out, sqlite3_column_int (row, ENOUGH_CHECKIN_COL_ENERGY));
  if (daylight >= 0)
    g_string_append_printf (out, " %d%s |", daylight / 2, daylight % 2 ? ".5" : "");
  else
    g_string_append (out, " – |");
  g_string_append_printf (out, " %s |", morning == 1 ? _("yes") : morning == 0 ? _("no") : "–");
  g_string_append (out, " ");
  md_cell (out, note);
  if (*reflection != '\0')
    {
      g_string_append (out, *note != '\0' ? " — " : "");
      g_string_append (out, _("Reflection: "));
      md_cell (out, reflection);
    }
  g_string_append (out, " |\n");
}

static void
md_experiment (GString      *out,
               sqlite3_stmt *row)
{
#define TEXT(col) _enough_export_col_text (row, ENOUGH_EXPERIMENT_COL_##col)
#define INT(col) sqlite3_column_int (row, ENOUGH_EXPERIMENT_COL_##col)
  const EnoughExperimentKindInfo *info = enough_experiment_kind_info (INT (EXPERIMENT_KIND));
  const char *came_true = enough_came_true_get_name (INT (CAME_TRUE));
  gint64 due_at = sqlite3_column_int64 (row, ENOUGH_EXPERIMENT_COL_DUE_AT);

  g_string_append (out, "## ");
  g_string_append (out, _("Experiment"));
  g_string_append (out, "\n\n*");
  md_date (out, sqlite3_column_int64 (row, ENOUGH_COL_CREATED));
  g_string_append (out, "*\n\n");

  g_string_append_printf (out, "### %s\n\n", _("Before"));
  md_field (out, _("The belief to test"), TEXT (BELIEF), INT (BELIEF_RATING));
  md_field (out, _("What I fear will happen"), TEXT (PREDICTION), INT (PREDICTION_LIKELIHOOD));
  if (info != NULL || *TEXT (ACTION) != '\0')
    {
      g_string_append_printf (out, "**%s**\n\n", _("The experiment"));
      if (info != NULL)
        g_string_append_printf (out, "*%s*\n\n", _(info->name));
      if (*TEXT (ACTION) != '\0')
        {
          md_text (out, TEXT (ACTION));
          g_string_append (out, "\n\n");
        }
    }
  if (due_at > 0)
    {
      /* As the other dates: "2 Dec 2026" (", 15:29" with a time). */
      g_autofree char *when = INT (DUE_HAS_TIME) ? enough_dates_format_date_time (due_at)
                                                 : enough_dates_format_date (due_at);

      g_string_append_printf (out, "**%s** %s\n\n", _("When:"), when != NULL ? when : "?");
    }
  md_field (out, _("What might get in the way, and what I will do then"), TEXT (OBSTACLES), -1);
  md_field (out, _("A kinder belief"), TEXT (ALTERNATIVE), INT (ALTERNATIVE_RATING));

  if (*TEXT (OUTCOME) != '\0' || came_true != NULL || *TEXT (LEARNED) != '\0' ||
      INT (BELIEF_AFTER) >= 0 || INT (ALTERNATIVE_AFTER) >= 0)
    {
      g_string_append_printf (out, "### %s\n\n", _("After"));
      md_field (out, _("What actually happened"), TEXT (OUTCOME), -1);
      if (came_true != NULL)
        g_string_append_printf (out, "**%s** %s\n\n", _("Did the prediction come true?"), came_true);
      md_field (out, _("What I learned"), TEXT (LEARNED), -1);
      md_rerating (out, _("The belief now:"), INT (BELIEF_RATING), INT (BELIEF_AFTER));
      md_rerating (out, _("The kinder belief now:"), INT (ALTERNATIVE_RATING), INT (ALTERNATIVE_AFTER));
    }
#undef TEXT
#undef INT
}

gboolean
_enough_export_markdown_entry (Export       *ex,
                               int           kind,
                               sqlite3_stmt *row,
                               GError      **error)
{
  GString *out = ex->buf;

  switch (kind)
    {
    case ENOUGH_RECORD_KIND_DIALOGUE:
      {
        const char *title = _enough_export_col_text (row, ENOUGH_DIALOGUE_COL_TITLE);
        const char *critic = _enough_export_col_text (row, ENOUGH_DIALOGUE_COL_CRITIC_NAME);
        int start = sqlite3_column_int (row, ENOUGH_DIALOGUE_COL_INTENSITY_START);
        int end = sqlite3_column_int (row, ENOUGH_DIALOGUE_COL_INTENSITY_END);
        int rc;

        g_autoptr(GString) escaped = g_string_new (NULL);

        md_text (escaped, *title != '\0' ? title : _("Untitled dialogue"));
        g_string_append (out, "## ");
        /* Translators: heading of an Inner Critic dialogue in a Markdown export; %s is its title */
        g_string_append_printf (out, _("Inner Critic: %s"), escaped->str);
        g_string_append (out, "\n\n*");
        md_date (out, sqlite3_column_int64 (row, ENOUGH_COL_CREATED));
        g_string_append (out, "*\n\n");
        if (*critic != '\0')
          {
            g_string_append (out, _("The critic’s name: "));
            md_text (out, critic);
            g_string_append (out, "\n\n");
          }
        if (start >= 0 && end >= 0)
          {
            /* Translators: a dialogue's intensity before and after, out of 10 */
            g_string_append_printf (out, _("How strong the critic felt: %d → %d of 10"), start, end);
            g_string_append (out, "\n\n");
          }
        else
          {
            if (start >= 0)
              g_string_append_printf (out, _("How strong the critic felt at the start: %d of 10"), start);
            if (end >= 0)
              g_string_append_printf (out, _("How strong it felt at the end: %d of 10"), end);
            if (start >= 0 || end >= 0)
              g_string_append (out, "\n\n");
          }

        sqlite3_bind_int64 (ex->turns, 1, sqlite3_column_int64 (row, ENOUGH_COL_ID));
        while ((rc = sqlite3_step (ex->turns)) == SQLITE_ROW)
          {
            guint patterns = (guint) sqlite3_column_int (ex->turns, ENOUGH_TURN_COL_PATTERNS);
            gboolean critic_turn = sqlite3_column_int (ex->turns, ENOUGH_TURN_COL_SPEAKER) == ENOUGH_SPEAKER_CRITIC;

            g_string_append (out, "**");
            if (critic_turn && *critic != '\0')
              {
                g_autoptr(GString) name = g_string_new (NULL);

                /* The critic speaks under the name the user gave it. */
                md_text (name, critic);
                /* Translators: a critic turn's speaker in an export; %s is the critic's name */
                g_string_append_printf (out, _("%s:"), name->str);
              }
            else
              g_string_append (out, critic_turn ? _("Critic:") : _("Me:"));
            g_string_append (out, "** ");
            md_text (out, _enough_export_col_text (ex->turns, ENOUGH_TURN_COL_TEXT));
            g_string_append (out, "\n\n");
            if (critic_turn && patterns != 0)
              {
                g_string_append (out, "*");
                g_string_append (out, _("Thinking patterns: "));
                md_flag_names (out, ENOUGH_TYPE_PATTERNS, patterns, pattern_names);
                g_string_append (out, "*\n\n");
              }
          }
        sqlite3_reset (ex->turns);
        if (rc != SQLITE_DONE)
          {
            _enough_export_set_db_error (error, ex->db);
            return FALSE;
          }
      }
      break;

    case ENOUGH_RECORD_KIND_LETTER:
      {
        const char *nge = _enough_export_col_text (row, ENOUGH_LETTER_COL_NOT_GOOD_ENOUGH);
        const char *text = _enough_export_col_text (row, ENOUGH_LETTER_COL_TEXT);
        const char *takeaway = _enough_export_col_text (row, ENOUGH_LETTER_COL_TAKEAWAY);
        guint feelings = (guint) sqlite3_column_int (row, ENOUGH_LETTER_COL_FEELINGS);

        g_string_append (out, "## ");
        g_string_append (out, _("Letter"));
        g_string_append (out, "\n\n*");
        md_date (out, sqlite3_column_int64 (row, ENOUGH_COL_CREATED));
        g_string_append (out, "*\n\n");
        if (*nge != '\0' || feelings != 0)
          {
            g_string_append_printf (out, "### %s\n\n", _("What felt not good enough"));
            if (*nge != '\0')
              {
                md_text (out, nge);
                g_string_append (out, "\n\n");
              }
            if (feelings != 0)
              {
                g_string_append (out, _("Feelings: "));
                md_flag_names (out, ENOUGH_TYPE_FEELINGS, feelings, feeling_names);
                g_string_append (out, "\n\n");
              }
          }
        if (*text != '\0')
          {
            g_string_append_printf (out, "### %s\n\n", _("The letter"));
            md_text (out, text);
            g_string_append (out, "\n\n");
          }
        if (*takeaway != '\0')
          {
            g_string_append_printf (out, "### %s\n\n", _("To carry with me"));
            md_text (out, takeaway);
            g_string_append (out, "\n\n");
          }
      }
      break;

    case ENOUGH_RECORD_KIND_SELF_CHECK:
      {
        guint version = (guint) sqlite3_column_int (row, ENOUGH_SELF_CHECK_COL_BANK_VERSION);
        const char *answers_text = _enough_export_col_text (row, ENOUGH_SELF_CHECK_COL_ANSWERS);
        const char *note = _enough_export_col_text (row, ENOUGH_SELF_CHECK_COL_NOTE);
        guint8 answers[ENOUGH_SELF_CHECK_N_ITEMS] = { 0 };
        gsize n = MIN (strlen (answers_text), G_N_ELEMENTS (answers));
        EnoughScores scores;

        for (gsize i = 0; i < n; i++)
          answers[i] = (guint8) (g_ascii_isdigit (answers_text[i]) ? answers_text[i] - '0' : 0);

        g_string_append (out, "## ");
        g_string_append (out, _("Self-Check"));
        g_string_append (out, "\n\n*");
        md_date (out, sqlite3_column_int64 (row, ENOUGH_COL_CREATED));
        g_string_append (out, "*\n\n");

        if (sqlite3_column_int64 (row, ENOUGH_SELF_CHECK_COL_COMPLETED_AT) != 0 &&
            enough_scores_compute (version, answers, n, &scores, NULL))
          {
            g_string_append_printf (out, "| %s | %s | %s |\n|---|---:|---|\n",
                                    _("Part"), _("Score (1–5)"), _("Level"));
            for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
              g_string_append_printf (out, "| %s | %.1f | %s |\n", enough_subscale_get_name (s),
                                      enough_scoring_round_for_display (scores.subscale_means[s]),
                                      enough_band_get_name (enough_scores_get_band (&scores, s)));
            for (guint d = 0; d < ENOUGH_N_DIMENSIONS; d++)
              g_string_append_printf (out, "| **%s** | %.1f | %s |\n", enough_dimension_get_name (d),
                                      enough_scoring_round_for_display (scores.dimensions[d]),
                                      enough_band_get_name (enough_scoring_band_for_mean (scores.dimensions[d])));
            g_string_append (out, "\n");
            /* A plain sentence for each part, as the results page says it. */
            for (guint s = 0; s < ENOUGH_N_SUBSCALES; s++)
              {
                g_string_append_printf (out, "- **%s:** ", enough_subscale_get_name (s));
                md_text (out, enough_subscale_get_band_text (s, enough_scores_get_band (&scores, s)));
                g_string_append (out, "\n");
              }
            g_string_append (out, "\n");
          }
        else
          {
            guint answered = enough_scoring_count_answered (answers, n);

            /* Translators: "12 of 24 statements answered"; the plural
             * follows the first number, the statements answered. */
            g_string_append_printf (out, ngettext ("Not finished: %u of %u statements answered.",
                                                   "Not finished: %u of %u statements answered.",
                                                   answered),
                                    answered, (guint) ENOUGH_SELF_CHECK_N_ITEMS);
            g_string_append (out, "\n\n");
          }
        /* The statements and the answers given, when asked for. */
        if (ex->options.with_answers && enough_item_bank_has_version (version) &&
            enough_scoring_count_answered (answers, n) > 0)
          {
            g_string_append_printf (out, "### %s\n\n", _("Your answers"));
            g_string_append_printf (out, "| %s | %s |\n|---|---|\n", _("Statement"), _("Your answer"));
            for (guint i = 0; i < MIN (n, enough_item_bank_get_n_items (version)); i++)
              {
                const EnoughItem *item = enough_item_bank_get_item (version, i);
                const char *label = enough_item_bank_get_scale_label (version, answers[i]);

                if (item == NULL || label == NULL)
                  continue;  /* not answered */
                g_string_append (out, "| ");
                md_text (out, enough_item_get_text (item));
                g_string_append (out, " | ");
                md_text (out, label);
                g_string_append (out, " |\n");
              }
            g_string_append (out, "\n");
          }
        if (*note != '\0')
          {
            g_string_append (out, _("Note: "));
            md_text (out, note);
            g_string_append (out, "\n\n");
          }
        g_string_append (out, "*");
        md_text (out, enough_item_bank_get_disclaimer ());
        g_string_append (out, "*\n\n");
      }
      break;

    case ENOUGH_RECORD_KIND_EXPERIMENT:
      md_experiment (out, row);
      break;

    case ENOUGH_RECORD_KIND_CHECKIN:
      md_checkin (ex, out, row);
      break;

    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

void
_enough_export_markdown_head (Export *ex,
                              gint64  now_usec)
{
  g_autoptr(GString) when = g_string_new (NULL);

  g_string_append_printf (ex->buf, "# %s\n\n", _("My Enough Journal"));
  md_date (when, now_usec);
  /* Translators: under the title of a Markdown export; %s is its date and time */
  g_string_append_printf (ex->buf, _("*Exported %s*"), when->str);
  g_string_append (ex->buf, "\n\n");
  /* The dates chosen, both days included (to_usec is the start of the
   * day after the last). */
  if (ex->options.from_usec > 0 || ex->options.to_usec > 0)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (ex->options.from_usec > 0)
        from = md_day (ex->options.from_usec);
      if (ex->options.to_usec > 0)
        to = md_day (ex->options.to_usec - 1);
      g_string_append_c (ex->buf, '*');
      if (from != NULL && to != NULL)
        /* Translators: under the title of an export; the first and last day included */
        g_string_append_printf (ex->buf, _("Entries from %s to %s"), from, to);
      else if (from != NULL)
        /* Translators: under the title of an export; the first day included */
        g_string_append_printf (ex->buf, _("Entries from %s on"), from);
      else
        /* Translators: under the title of an export; the last day included */
        g_string_append_printf (ex->buf, _("Entries up to %s"), to);
      g_string_append (ex->buf, "*\n\n");
    }
  g_string_append_printf (ex->buf, "*%s*\n\n",
                          _("Written in Enough — a private journal; it supports and does not replace professional help"));
}
