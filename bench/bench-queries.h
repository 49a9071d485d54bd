/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include <glib.h>

/* The search benchmark's 100 queries, shared by enough-bench and
 * enough-bench-crypt so both measure the same searches. */
G_GNUC_UNUSED static const char *const queries[] = {
  /* English: common, rare, several words, odd case, partial words */
  "deadline", "presentation", "mistake", "mother", "garden", "typos", "rejected",
  "piano", "kitchen", "colleague", "tired", "email", "perfect", "Good Enough",
  "worth", "report", "afraid", "friend would", "short walk", "evening light",
  "awkward", "homework", "belong", "collapse", "rest", "proud", "sister",
  "treat myself", "not a grade", "draft does", "replayed", "spotless",
  "flawless", "earn", "DEADLINES", "practis", "apart", "undo everything",
  "protect me", "small error", "it is okay", "the Taskmaster", "Judge",
  "Inspector", "Coach", "Worrier", "warm and good", "three typos", "slow down",
  "a while", "learning", "useful", "compared", "mess this up", "best with",
  "handed it in", "started the report", "nobody noticed", "whole afternoon",
  "zebra", "quantum", "xylophone", "nonexistentword", "糟糕透了",
  /* Chinese: 3+ characters and two-character words */
  "不够好", "报告", "工作", "休息", "害怕", "失望", "朋友", "错误", "完美主义者",
  "我已经尽力", "温柔地安慰",
  /* Japanese */
  "完璧", "疲れた", "休んでも", "がっかり", "頑張った", "メール", "検査官",
  "失敗", "読み直して",
  /* Korean */
  "실수", "친구", "발표에서", "쉬어도", "충분히", "실망할까", "감시자", "괜찮다고",
  /* one character, mixed scripts */
  "累", "怕", "a", "I am", "ok 好", "心", "나", "もう一度",
};

G_STATIC_ASSERT (G_N_ELEMENTS (queries) == 100);
