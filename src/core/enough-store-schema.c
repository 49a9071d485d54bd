/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include "enough-store-schema.h"

/* Version 1: the four record tables. Kept verbatim: a fresh journal is made
 * by running every step from 1, so new and migrated journals are the same,
 * and tests/fixtures/journal-v1.sql must match this. */
static const char schema_v1[] =
  "CREATE TABLE dialogue ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  deleted_at INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  critic_name TEXT NOT NULL DEFAULT '',"
  "  intensity_start INTEGER NOT NULL DEFAULT -1,"
  "  intensity_end INTEGER NOT NULL DEFAULT -1,"
  "  prompt_step INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX dialogue_list ON dialogue (created, id) WHERE deleted_at = 0;"
  "CREATE INDEX dialogue_deleted ON dialogue (deleted_at) WHERE deleted_at != 0;"
  "CREATE TABLE turn ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  deleted_at INTEGER NOT NULL DEFAULT 0,"
  "  dialogue_id INTEGER NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  speaker INTEGER NOT NULL,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  patterns INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX turn_order ON turn (dialogue_id, position, id);"
  "CREATE INDEX turn_deleted ON turn (deleted_at) WHERE deleted_at != 0;"
  "CREATE TABLE letter ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  deleted_at INTEGER NOT NULL DEFAULT 0,"
  "  not_good_enough TEXT NOT NULL DEFAULT '',"
  "  feelings INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  step INTEGER NOT NULL DEFAULT 0,"
  "  reread INTEGER NOT NULL DEFAULT 0,"
  "  reread_at INTEGER NOT NULL DEFAULT 0,"
  "  reread_done_at INTEGER NOT NULL DEFAULT 0,"
  "  takeaway TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX letter_list ON letter (created, id) WHERE deleted_at = 0;"
  "CREATE INDEX letter_deleted ON letter (deleted_at) WHERE deleted_at != 0;"
  "CREATE INDEX letter_due ON letter (reread_at) WHERE reread_at > 0 AND reread_done_at = 0 AND deleted_at = 0;"
  "CREATE TABLE self_check ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  deleted_at INTEGER NOT NULL DEFAULT 0,"
  "  bank_version INTEGER NOT NULL,"
  "  answers TEXT NOT NULL DEFAULT '000000000000000000000000',"
  "  current_index INTEGER NOT NULL DEFAULT 0,"
  "  completed_at INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX self_check_list ON self_check (created, id) WHERE deleted_at = 0;"
  "CREATE INDEX self_check_deleted ON self_check (deleted_at) WHERE deleted_at != 0;"
  "CREATE INDEX self_check_open ON self_check (created) WHERE completed_at = 0 AND deleted_at = 0;";

/* Version 2: self-check notes, and the full-text index over every piece of
 * user text. The index rowid encodes where the text lives:
 *   rowid = record id * 64 + kind * 8 + field
 * (kind and field as in EnoughRecordKind / EnoughSearchField), so triggers
 * find their row by rowid and a hit needs no extra column. Trigram makes
 * any substring of 3+ characters findable in any script, CJK included. */
static const char schema_v2[] =
  "ALTER TABLE self_check ADD COLUMN note TEXT NOT NULL DEFAULT '';"
  "CREATE VIRTUAL TABLE search USING fts5 (text, tokenize = 'trigram');"
  /* dialogue: title 9, critic name 10 */
  "CREATE TRIGGER dialogue_ai AFTER INSERT ON dialogue BEGIN"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 9, new.title WHERE new.title != '';"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 10, new.critic_name WHERE new.critic_name != '';"
  "END;"
  "CREATE TRIGGER dialogue_au_title AFTER UPDATE OF title ON dialogue WHEN old.title IS NOT new.title BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 9;"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 9, new.title WHERE new.title != '';"
  "END;"
  "CREATE TRIGGER dialogue_au_critic AFTER UPDATE OF critic_name ON dialogue WHEN old.critic_name IS NOT new.critic_name BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 10;"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 10, new.critic_name WHERE new.critic_name != '';"
  "END;"
  "CREATE TRIGGER dialogue_ad AFTER DELETE ON dialogue BEGIN"
  "  DELETE FROM search WHERE rowid IN (old.id * 64 + 9, old.id * 64 + 10);"
  "END;"
  /* turn: text 19 */
  "CREATE TRIGGER turn_ai AFTER INSERT ON turn BEGIN"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 19, new.text WHERE new.text != '';"
  "END;"
  "CREATE TRIGGER turn_au AFTER UPDATE OF text ON turn WHEN old.text IS NOT new.text BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 19;"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 19, new.text WHERE new.text != '';"
  "END;"
  "CREATE TRIGGER turn_ad AFTER DELETE ON turn BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 19;"
  "END;"
  /* letter: not good enough 28, letter 29, takeaway 30 */
  "CREATE TRIGGER letter_ai AFTER INSERT ON letter BEGIN"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 28, new.not_good_enough WHERE new.not_good_enough != '';"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 29, new.text WHERE new.text != '';"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 30, new.takeaway WHERE new.takeaway != '';"
  "END;"
  "CREATE TRIGGER letter_au_nge AFTER UPDATE OF not_good_enough ON letter WHEN old.not_good_enough IS NOT new.not_good_enough BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 28;"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 28, new.not_good_enough WHERE new.not_good_enough != '';"
  "END;"
  "CREATE TRIGGER letter_au_text AFTER UPDATE OF text ON letter WHEN old.text IS NOT new.text BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 29;"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 29, new.text WHERE new.text != '';"
  "END;"
  "CREATE TRIGGER letter_au_takeaway AFTER UPDATE OF takeaway ON letter WHEN old.takeaway IS NOT new.takeaway BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 30;"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 30, new.takeaway WHERE new.takeaway != '';"
  "END;"
  "CREATE TRIGGER letter_ad AFTER DELETE ON letter BEGIN"
  "  DELETE FROM search WHERE rowid IN (old.id * 64 + 28, old.id * 64 + 29, old.id * 64 + 30);"
  "END;"
  /* self-check: note 39 */
  "CREATE TRIGGER self_check_ai AFTER INSERT ON self_check BEGIN"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 39, new.note WHERE new.note != '';"
  "END;"
  "CREATE TRIGGER self_check_au AFTER UPDATE OF note ON self_check WHEN old.note IS NOT new.note BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 39;"
  "  INSERT INTO search (rowid, text) SELECT new.id * 64 + 39, new.note WHERE new.note != '';"
  "END;"
  "CREATE TRIGGER self_check_ad AFTER DELETE ON self_check BEGIN"
  "  DELETE FROM search WHERE rowid = old.id * 64 + 39;"
  "END;"
  /* index what version 1 already held */
  "INSERT INTO search (rowid, text) SELECT id * 64 + 9, title FROM dialogue WHERE title != '';"
  "INSERT INTO search (rowid, text) SELECT id * 64 + 10, critic_name FROM dialogue WHERE critic_name != '';"
  "INSERT INTO search (rowid, text) SELECT id * 64 + 19, text FROM turn WHERE text != '';"
  "INSERT INTO search (rowid, text) SELECT id * 64 + 28, not_good_enough FROM letter WHERE not_good_enough != '';"
  "INSERT INTO search (rowid, text) SELECT id * 64 + 29, text FROM letter WHERE text != '';"
  "INSERT INTO search (rowid, text) SELECT id * 64 + 30, takeaway FROM letter WHERE takeaway != '';";

static const char *const steps[] = {
  schema_v1,
  schema_v2,
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == ENOUGH_STORE_SCHEMA_VERSION);

const char *
enough_store_schema_step (guint to_version)
{
  g_return_val_if_fail (to_version >= 1 && to_version <= G_N_ELEMENTS (steps), NULL);
  return steps[to_version - 1];
}
