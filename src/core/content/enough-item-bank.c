/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>

#include "enough-item-bank.h"

/* The statements were written for Enough; none is taken or adapted from a
 * published perfectionism questionnaire. They are presented in bank order:
 * one round of six (one per subscale) after another, so no subscale comes
 * in a block, and the reverse-keyed ones are spread over rounds 2–4.
 *
 * Never edit a statement of a released version in a way that changes its
 * meaning: add a new version instead (see banks[] below).
 *
 * Version 1, kept for the checks answered with it. */
static const EnoughItem items_v1[] = {
  /* Translators: a Self-Check statement; the person rates how much it is
   * like them, from "Not at all like me" to "Very much like me". Translate
   * the meaning naturally, the way people say it about themselves, not
   * word for word. Keep it short and warm. */
  { "hs1", ENOUGH_SUBSCALE_HIGH_STANDARDS, FALSE, N_("I put a lot of care into the things I do, even the small ones.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "fm1", ENOUGH_SUBSCALE_FEAR_OF_MISTAKES, FALSE, N_("Before I send a message, I check it again and again for mistakes.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "ic1", ENOUGH_SUBSCALE_INNER_CRITIC, FALSE, N_("When I fall short, the voice in my head gets harsh.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "an1", ENOUGH_SUBSCALE_ALL_OR_NOTHING, FALSE, N_("If I can’t do something properly, I’d rather not start at all.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "wa1", ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, FALSE, N_("On days when I get a lot done, I like myself more.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "tr1", ENOUGH_SUBSCALE_TROUBLE_RESTING, FALSE, N_("I feel guilty taking a break before everything is done.") },

  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "hs2", ENOUGH_SUBSCALE_HIGH_STANDARDS, FALSE, N_("I like to set myself goals that stretch me.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * Agreeing with this one means *less* fear of mistakes. */
  { "fm2", ENOUGH_SUBSCALE_FEAR_OF_MISTAKES, TRUE, N_("When I get something wrong, I can usually shrug and move on.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "ic2", ENOUGH_SUBSCALE_INNER_CRITIC, FALSE, N_("I say things to myself that I would never say to a friend.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * "A new habit" is something like a daily walk or journaling. */
  { "an2", ENOUGH_SUBSCALE_ALL_OR_NOTHING, FALSE, N_("If I miss one day of a new habit, I tend to give up on it.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * Agreeing with this one means worth is *less* tied to achievement. */
  { "wa2", ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, TRUE, N_("I feel just as worthwhile on a day when I get nothing done.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "tr2", ENOUGH_SUBSCALE_TROUBLE_RESTING, FALSE, N_("I find it hard to stop working, even when I’m tired.") },

  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * "So-so" means only average, neither good nor bad. */
  { "hs3", ENOUGH_SUBSCALE_HIGH_STANDARDS, FALSE, N_("I would rather take longer than hand in something so-so.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "fm3", ENOUGH_SUBSCALE_FEAR_OF_MISTAKES, FALSE, N_("I worry that one slip could make everything go wrong.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * "Be on my own side" means to support and stand by myself.
   * Agreeing with this one means a *gentler* inner critic. */
  { "ic3", ENOUGH_SUBSCALE_INNER_CRITIC, TRUE, N_("When things go badly, I can still be on my own side.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "an3", ENOUGH_SUBSCALE_ALL_OR_NOTHING, FALSE, N_("My work feels either great or useless, rarely somewhere in between.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "wa3", ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, FALSE, N_("When my work is criticised, it feels like a judgement of me.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * Agreeing with this one means *less* trouble resting. */
  { "tr3", ENOUGH_SUBSCALE_TROUBLE_RESTING, TRUE, N_("I can enjoy a free evening without feeling I should be doing more.") },

  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * Agreeing with this one means *lower* standards; "good enough" is
   * meant in a neutral, relaxed way. */
  { "hs4", ENOUGH_SUBSCALE_HIGH_STANDARDS, TRUE, N_("For most everyday tasks, “good enough” is all I aim for.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "fm4", ENOUGH_SUBSCALE_FEAR_OF_MISTAKES, FALSE, N_("A small mistake can stay on my mind for days.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * "Call myself names" means insulting myself ("stupid", …). */
  { "ic4", ENOUGH_SUBSCALE_INNER_CRITIC, FALSE, N_("I call myself names when something doesn’t go to plan.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * Agreeing with this one means *less* all-or-nothing thinking. */
  { "an4", ENOUGH_SUBSCALE_ALL_OR_NOTHING, TRUE, N_("I can see a half-finished job as real progress.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "wa4", ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, FALSE, N_("I feel I have to earn my place by being useful.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "tr4", ENOUGH_SUBSCALE_TROUBLE_RESTING, FALSE, N_("I put things off because I’m afraid they won’t turn out well.") },
};

/* Version 2 rewrites five statements of version 1 (new ids; the rest are
 * unchanged and keep theirs):
 * - ic4 and an1 read too close to published scales; ic5 and an5 say it in
 *   the app's own words, and an5 no longer overlaps procrastination;
 * - tr3 and tr4 asked two things at once (tr5, tr6 ask one);
 * - hs4 only covered everyday tasks (hs5 covers most things). */
static const EnoughItem items_v2[] = {
  /* Translators: a Self-Check statement; the person rates how much it is
   * like them, from "Not at all like me" to "Very much like me". Translate
   * the meaning naturally, the way people say it about themselves, not
   * word for word. Keep it short and warm. */
  { "hs1", ENOUGH_SUBSCALE_HIGH_STANDARDS, FALSE, N_("I put a lot of care into the things I do, even the small ones.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "fm1", ENOUGH_SUBSCALE_FEAR_OF_MISTAKES, FALSE, N_("Before I send a message, I check it again and again for mistakes.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "ic1", ENOUGH_SUBSCALE_INNER_CRITIC, FALSE, N_("When I fall short, the voice in my head gets harsh.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * It means: one small thing going wrong makes the whole plan feel spoilt. */
  { "an5", ENOUGH_SUBSCALE_ALL_OR_NOTHING, FALSE, N_("If one part of my plan goes wrong, the whole plan feels ruined.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "wa1", ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, FALSE, N_("On days when I get a lot done, I like myself more.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "tr1", ENOUGH_SUBSCALE_TROUBLE_RESTING, FALSE, N_("I feel guilty taking a break before everything is done.") },

  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "hs2", ENOUGH_SUBSCALE_HIGH_STANDARDS, FALSE, N_("I like to set myself goals that stretch me.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * Agreeing with this one means *less* fear of mistakes. */
  { "fm2", ENOUGH_SUBSCALE_FEAR_OF_MISTAKES, TRUE, N_("When I get something wrong, I can usually shrug and move on.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "ic2", ENOUGH_SUBSCALE_INNER_CRITIC, FALSE, N_("I say things to myself that I would never say to a friend.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * "A new habit" is something like a daily walk or journaling. */
  { "an2", ENOUGH_SUBSCALE_ALL_OR_NOTHING, FALSE, N_("If I miss one day of a new habit, I tend to give up on it.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * Agreeing with this one means worth is *less* tied to achievement. */
  { "wa2", ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, TRUE, N_("I feel just as worthwhile on a day when I get nothing done.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "tr2", ENOUGH_SUBSCALE_TROUBLE_RESTING, FALSE, N_("I find it hard to stop working, even when I’m tired.") },

  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * "So-so" means only average, neither good nor bad. */
  { "hs3", ENOUGH_SUBSCALE_HIGH_STANDARDS, FALSE, N_("I would rather take longer than hand in something so-so.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "fm3", ENOUGH_SUBSCALE_FEAR_OF_MISTAKES, FALSE, N_("I worry that one slip could make everything go wrong.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * "Be on my own side" means to support and stand by myself.
   * Agreeing with this one means a *gentler* inner critic. */
  { "ic3", ENOUGH_SUBSCALE_INNER_CRITIC, TRUE, N_("When things go badly, I can still be on my own side.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "an3", ENOUGH_SUBSCALE_ALL_OR_NOTHING, FALSE, N_("My work feels either great or useless, rarely somewhere in between.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "wa3", ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, FALSE, N_("When my work is criticised, it feels like a judgement of me.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * Agreeing with this one means *less* trouble resting. */
  { "tr5", ENOUGH_SUBSCALE_TROUBLE_RESTING, TRUE, N_("I can spend an evening doing nothing in particular.") },

  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * Agreeing with this one means *lower* standards; "good enough" is
   * meant in a neutral, relaxed way. */
  { "hs5", ENOUGH_SUBSCALE_HIGH_STANDARDS, TRUE, N_("In most things I do, “good enough” is what I aim for.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "fm4", ENOUGH_SUBSCALE_FEAR_OF_MISTAKES, FALSE, N_("A small mistake can stay on my mind for days.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * "Put myself down" means to belittle myself. */
  { "ic5", ENOUGH_SUBSCALE_INNER_CRITIC, FALSE, N_("When I mess up, I’m quick to put myself down.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word.
   * Agreeing with this one means *less* all-or-nothing thinking. */
  { "an4", ENOUGH_SUBSCALE_ALL_OR_NOTHING, TRUE, N_("I can see a half-finished job as real progress.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "wa4", ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT, FALSE, N_("I feel I have to earn my place by being useful.") },
  /* Translators: a Self-Check statement, rated "like me" or not. Translate
   * it naturally, the way people say it about themselves, not word for word. */
  { "tr6", ENOUGH_SUBSCALE_TROUBLE_RESTING, FALSE, N_("I keep putting off the tasks that matter most to me.") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (items_v1) == ENOUGH_ITEM_BANK_N_ITEMS);
G_STATIC_ASSERT (G_N_ELEMENTS (items_v2) == ENOUGH_ITEM_BANK_N_ITEMS);
G_STATIC_ASSERT (ENOUGH_ITEM_BANK_N_ITEMS
                 == ENOUGH_N_SUBSCALES * ENOUGH_ITEM_BANK_ITEMS_PER_SUBSCALE);

/* Index 0 is unused so that answer n has label n. */
static const char * const scale_labels_v1[ENOUGH_ANSWER_MAX + 1] = {
  NULL,
  /* Translators: Self-Check answer 1 of 5, for a statement about oneself. */
  N_("Not at all like me"),
  /* Translators: Self-Check answer 2 of 5, for a statement about oneself. */
  N_("A little like me"),
  /* Translators: Self-Check answer 3 of 5, for a statement about oneself. */
  N_("Somewhat like me"),
  /* Translators: Self-Check answer 4 of 5, for a statement about oneself. */
  N_("Mostly like me"),
  /* Translators: Self-Check answer 5 of 5, for a statement about oneself. */
  N_("Very much like me"),
};

typedef struct
{
  guint              version;
  const EnoughItem  *items;
  guint              n_items;
  const char * const *scale_labels;   /* ENOUGH_ANSWER_MAX + 1 entries */
} EnoughItemBank;

/* To add a version: write its items (reuse ids only for statements whose
 * meaning is unchanged, give reworded ones new ids), add a row here and
 * bump ENOUGH_ITEM_BANK_VERSION. Released versions must stay as they are.
 * The answer labels did not change in version 2. */
static const EnoughItemBank banks[] = {
  { 1, items_v1, G_N_ELEMENTS (items_v1), scale_labels_v1 },
  { 2, items_v2, G_N_ELEMENTS (items_v2), scale_labels_v1 },
};

static const EnoughItemBank *
find_bank (guint version)
{
  for (gsize i = 0; i < G_N_ELEMENTS (banks); i++)
    {
      if (banks[i].version == version)
        return &banks[i];
    }

  return NULL;
}

gboolean
enough_item_bank_has_version (guint version)
{
  return find_bank (version) != NULL;
}

/* 0 for a version this build does not know (for example a check made by a
 * newer Enough and then opened in an older one). */
guint
enough_item_bank_get_n_items (guint version)
{
  const EnoughItemBank *bank = find_bank (version);

  return bank != NULL ? bank->n_items : 0;
}

/* NULL when the version is unknown or index is past the end. */
const EnoughItem *
enough_item_bank_get_item (guint version,
                           guint index)
{
  const EnoughItemBank *bank = find_bank (version);

  if (bank == NULL || index >= bank->n_items)
    return NULL;

  return &bank->items[index];
}

const EnoughItem *
enough_item_bank_find_item (guint       version,
                            const char *id,
                            guint      *out_index)
{
  const EnoughItemBank *bank = find_bank (version);

  g_return_val_if_fail (id != NULL, NULL);

  if (bank == NULL)
    return NULL;

  for (guint i = 0; i < bank->n_items; i++)
    {
      if (g_str_equal (bank->items[i].id, id))
        {
          if (out_index != NULL)
            *out_index = i;
          return &bank->items[i];
        }
    }

  return NULL;
}

/* The translated label for answer 1–5, or NULL for 0, out-of-range
 * answers and unknown versions. */
const char *
enough_item_bank_get_scale_label (guint version,
                                  guint answer)
{
  const EnoughItemBank *bank = find_bank (version);

  if (bank == NULL || answer < ENOUGH_ANSWER_MIN || answer > ENOUGH_ANSWER_MAX)
    return NULL;

  return _(bank->scale_labels[answer]);
}

const char *
enough_item_get_text (const EnoughItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  return _(item->text);
}

/* The answer as it counts towards the subscale: reverse-keyed statements
 * count 6 - answer, so agreeing strongly (5) with "I can shrug and move
 * on" adds 1 to Fear of mistakes. Returns 0 for an answer outside 1–5. */
guint
enough_item_score_answer (const EnoughItem *item,
                          guint             answer)
{
  g_return_val_if_fail (item != NULL, 0);

  if (answer < ENOUGH_ANSWER_MIN || answer > ENOUGH_ANSWER_MAX)
    return 0;

  return item->reversed ? (ENOUGH_ANSWER_MIN + ENOUGH_ANSWER_MAX) - answer : answer;
}

typedef struct
{
  const char *id;
  const char *name;
  const char *description;
  const char *bands[ENOUGH_N_BANDS];
} SubscaleInfo;

/* Descriptions and band sentences speak to the person ("you") and say what
 * a score *may* mean; they never say what the person is. */
static const SubscaleInfo subscales[ENOUGH_N_SUBSCALES] = {
  [ENOUGH_SUBSCALE_HIGH_STANDARDS] = {
    "high-standards",
    /* Translators: name of a Self-Check subscale. */
    N_("High standards"),
    /* Translators: one-line description of the High standards subscale. */
    N_("How high you set the bar for yourself. This can be a real strength."),
    {
      /* Translators: Self-Check result sentence for a low High standards score. */
      N_("A lower score may mean you are not pushing yourself hard right now. That can be a restful choice."),
      /* Translators: Self-Check result sentence for a middle High standards score. */
      N_("A middle score may mean you care about doing well without needing every task to be perfect."),
      /* Translators: Self-Check result sentence for a high High standards
       * score. High standards on their own can be healthy; keep that tone. */
      N_("A higher score may mean you aim high and care about quality. On its own, that can be healthy and rewarding."),
    },
  },
  [ENOUGH_SUBSCALE_FEAR_OF_MISTAKES] = {
    "fear-of-mistakes",
    /* Translators: name of a Self-Check subscale. */
    N_("Fear of mistakes"),
    /* Translators: one-line description of the Fear of mistakes subscale. */
    N_("How much mistakes, or the thought of making them, worry you."),
    {
      /* Translators: Self-Check result sentence for a low Fear of mistakes score. */
      N_("A lower score may mean mistakes don’t weigh on you much at the moment."),
      /* Translators: Self-Check result sentence for a middle Fear of mistakes score. */
      N_("A middle score may mean some mistakes stay with you, while you can let others go."),
      /* Translators: Self-Check result sentence for a high Fear of mistakes score. */
      N_("A higher score may mean mistakes feel big and scary right now. That is a lot to carry, and it can ease."),
    },
  },
  [ENOUGH_SUBSCALE_INNER_CRITIC] = {
    "inner-critic",
    /* Translators: name of a Self-Check subscale. */
    N_("Inner critic"),
    /* Translators: one-line description of the Inner critic subscale. */
    N_("How harshly you speak to yourself when things fall short."),
    {
      /* Translators: Self-Check result sentence for a low Inner critic score. */
      N_("A lower score may mean you tend to speak to yourself fairly kindly."),
      /* Translators: Self-Check result sentence for a middle Inner critic score. */
      N_("A middle score may mean your inner voice is kind at times and hard on you at others."),
      /* Translators: Self-Check result sentence for a high Inner critic score. */
      N_("A higher score may mean your inner voice is often harsh. It may be trying to protect you, in a painful way."),
    },
  },
  [ENOUGH_SUBSCALE_ALL_OR_NOTHING] = {
    "all-or-nothing",
    /* Translators: name of a Self-Check subscale. */
    N_("All-or-nothing thinking"),
    /* Translators: one-line description of the All-or-nothing thinking subscale. */
    N_("How often things feel either perfect or failed, with nothing in between."),
    {
      /* Translators: Self-Check result sentence for a low All-or-nothing thinking score. */
      N_("A lower score may mean you can often see the middle ground between perfect and failed."),
      /* Translators: Self-Check result sentence for a middle All-or-nothing thinking score. */
      N_("A middle score may mean things sometimes feel all-or-nothing, especially when they matter to you."),
      /* Translators: Self-Check result sentence for a high All-or-nothing thinking score. */
      N_("A higher score may mean things often feel perfect or failed. Noticing the in-between can make room to breathe."),
    },
  },
  [ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT] = {
    "worth-and-achievement",
    /* Translators: name of a Self-Check subscale. */
    N_("Worth tied to achievement"),
    /* Translators: one-line description of the Worth tied to achievement subscale. */
    N_("How much your sense of your own worth rises and falls with what you get done."),
    {
      /* Translators: Self-Check result sentence for a low Worth tied to achievement score. */
      N_("A lower score may mean your sense of worth stays fairly steady, whatever you get done."),
      /* Translators: Self-Check result sentence for a middle Worth tied to achievement score. */
      N_("A middle score may mean how you feel about yourself sometimes rises and falls with how things go."),
      /* Translators: Self-Check result sentence for a high Worth tied to achievement score. */
      N_("A higher score may mean it often feels as if you have to earn your worth. You matter beyond what you do."),
    },
  },
  [ENOUGH_SUBSCALE_TROUBLE_RESTING] = {
    "trouble-resting",
    /* Translators: name of a Self-Check subscale. */
    N_("Trouble resting"),
    /* Translators: one-line description of the Trouble resting subscale. */
    N_("How hard it is to stop, to rest, or to start when the result might not be perfect."),
    {
      /* Translators: Self-Check result sentence for a low Trouble resting score. */
      N_("A lower score may mean you can usually stop and rest without much guilt."),
      /* Translators: Self-Check result sentence for a middle Trouble resting score. */
      N_("A middle score may mean rest sometimes feels like something you have to earn."),
      /* Translators: Self-Check result sentence for a high Trouble resting score. */
      N_("A higher score may mean rest is hard to allow yourself right now. A break does not have to be earned."),
    },
  },
};

const char *
enough_subscale_get_id (EnoughSubscale subscale)
{
  g_return_val_if_fail (subscale < ENOUGH_N_SUBSCALES, NULL);

  return subscales[subscale].id;
}

gboolean
enough_subscale_from_id (const char     *id,
                         EnoughSubscale *out_subscale)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < ENOUGH_N_SUBSCALES; i++)
    {
      if (g_str_equal (subscales[i].id, id))
        {
          if (out_subscale != NULL)
            *out_subscale = (EnoughSubscale) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
enough_subscale_get_name (EnoughSubscale subscale)
{
  g_return_val_if_fail (subscale < ENOUGH_N_SUBSCALES, NULL);

  return _(subscales[subscale].name);
}

const char *
enough_subscale_get_description (EnoughSubscale subscale)
{
  g_return_val_if_fail (subscale < ENOUGH_N_SUBSCALES, NULL);

  return _(subscales[subscale].description);
}

const char *
enough_subscale_get_band_text (EnoughSubscale subscale,
                               EnoughBand     band)
{
  g_return_val_if_fail (subscale < ENOUGH_N_SUBSCALES, NULL);
  g_return_val_if_fail (band < ENOUGH_N_BANDS, NULL);

  return _(subscales[subscale].bands[band]);
}

static const char * const band_names[ENOUGH_N_BANDS] = {
  /* Translators: where a Self-Check score falls, e.g. for screen readers. */
  [ENOUGH_BAND_LOW] = N_("Lower range"),
  /* Translators: where a Self-Check score falls, e.g. for screen readers. */
  [ENOUGH_BAND_MIDDLE] = N_("Middle range"),
  /* Translators: where a Self-Check score falls, e.g. for screen readers. */
  [ENOUGH_BAND_HIGH] = N_("Higher range"),
};

const char *
enough_band_get_name (EnoughBand band)
{
  g_return_val_if_fail (band < ENOUGH_N_BANDS, NULL);

  return _(band_names[band]);
}

static const struct
{
  const char *name;
  const char *description;
} dimensions[ENOUGH_N_DIMENSIONS] = {
  [ENOUGH_DIMENSION_STRIVINGS] = {
    /* Translators: one of the two overall Self-Check dimensions: aiming high. */
    N_("Striving"),
    /* Translators: description of the Striving dimension. */
    N_("How high you set the bar: your High standards score."),
  },
  [ENOUGH_DIMENSION_CONCERNS] = {
    /* Translators: one of the two overall Self-Check dimensions: the worry
     * and pressure that can come with aiming high. */
    N_("Concerns"),
    /* Translators: description of the Concerns dimension. */
    N_("How much worry and pressure come with it: the other five scores, averaged."),
  },
};

const char *
enough_dimension_get_name (EnoughDimension dimension)
{
  g_return_val_if_fail (dimension < ENOUGH_N_DIMENSIONS, NULL);

  return _(dimensions[dimension].name);
}

const char *
enough_dimension_get_description (EnoughDimension dimension)
{
  g_return_val_if_fail (dimension < ENOUGH_N_DIMENSIONS, NULL);

  return _(dimensions[dimension].description);
}

static const char * const exercise_names[ENOUGH_N_EXERCISES] = {
  /* Translators: the name of a page of the app (the dialogue exercise). */
  [ENOUGH_EXERCISE_INNER_CRITIC] = N_("Inner Critic"),
  /* Translators: the name of a page of the app (the self-compassion letters). */
  [ENOUGH_EXERCISE_LETTERS] = N_("Letters"),
};

const char *
enough_exercise_get_name (EnoughExercise exercise)
{
  g_return_val_if_fail (exercise < ENOUGH_N_EXERCISES, NULL);

  return _(exercise_names[exercise]);
}

/* Indexed by the subscale the suggestion is about; ENOUGH_N_SUBSCALES
 * holds the sentence for when none of the five concerns stands out. High
 * standards alone need no exercise, so they share that sentence. */
static const char * const suggestions[ENOUGH_N_SUBSCALES + 1] = {
  [ENOUGH_SUBSCALE_HIGH_STANDARDS] = NULL,
  /* Translators: Self-Check suggestion; "Inner Critic" is the name of a page. */
  [ENOUGH_SUBSCALE_FEAR_OF_MISTAKES] = N_("Your answers about mistakes stood out. On the Inner Critic page, you could ask the worried voice what it is afraid would happen."),
  /* Translators: Self-Check suggestion; "Inner Critic" is the name of a page. */
  [ENOUGH_SUBSCALE_INNER_CRITIC] = N_("Your answers about harsh self-talk stood out. On the Inner Critic page, you could let that voice speak, then answer it as you would a good friend."),
  /* Translators: Self-Check suggestion; "Inner Critic" is the name of a page. */
  [ENOUGH_SUBSCALE_ALL_OR_NOTHING] = N_("Your answers about all-or-nothing thinking stood out. On the Inner Critic page, you could spot that pattern in the critic’s words and look for the middle ground."),
  /* Translators: Self-Check suggestion; "Letters" is the name of a page. */
  [ENOUGH_SUBSCALE_WORTH_AND_ACHIEVEMENT] = N_("Your answers about worth and achievement stood out. On the Letters page, you could write to yourself as a kind friend who likes you for who you are."),
  /* Translators: Self-Check suggestion; "Letters" is the name of a page. */
  [ENOUGH_SUBSCALE_TROUBLE_RESTING] = N_("Your answers about resting stood out. On the Letters page, you could write yourself a kind letter that gives you permission to rest."),
  /* Translators: Self-Check suggestion when none of the worry scores is
   * high; "Letters" is the name of a page. */
  [ENOUGH_N_SUBSCALES] = N_("None of the worry scores stands out right now. If you like, a letter on the Letters page is a gentle way to notice what is going well."),
};

/* focus is what enough_scores_get_suggestion() picked: a concern, or
 * ENOUGH_N_SUBSCALES when none stands out. */
const char *
enough_item_bank_get_suggestion_text (EnoughSubscale focus)
{
  g_return_val_if_fail (focus <= ENOUGH_N_SUBSCALES, NULL);

  if (focus == ENOUGH_SUBSCALE_HIGH_STANDARDS)
    focus = ENOUGH_N_SUBSCALES;

  return _(suggestions[focus]);
}

const char *
enough_item_bank_get_disclaimer (void)
{
  /* Translators: shown with every Self-Check result. */
  return _("This is a reflection aid, not a diagnosis. It supports, and does not replace, professional help.");
}
