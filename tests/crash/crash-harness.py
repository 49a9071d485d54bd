#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
"""Crash-consistency harness: kills enough-crash-driver with SIGKILL at
seeded random moments and checks the journal after every kill.

After each kill, on a copy of the files exactly as the kill left them
(the original stays untouched for the next run, so the store itself does
the WAL recovery when the driver starts again):
  - PRAGMA integrity_check is "ok";
  - every value acknowledged by ::saved is there, intact (checksum);
  - nothing half-written is visible: the journal equals the state after
    some whole number of batches k (every write is one transaction), with
    k at least the last acknowledged batch and at most the last batch the
    driver handed to the store;
  - the next start loads exactly that state (the driver's "L" lines).
Also measures how much typing a kill lost: the time between the moment
the last committed batch was taken and the kill.

With --encrypted the journal is encrypted and the copy is read through
the driver (--dump: it finishes an interrupted conversion, runs
integrity_check through the key and writes a plain copy); with
--convert-every K, every K-th kill falls in the middle of the driver
turning encryption off and on in a loop, after which the journal must
still hold exactly the acknowledged state.

The kill schedule and the driver's writes are seeded (--seed); the exact
interleaving still depends on timing. Output is TAP, one point per journal.
"""

import argparse
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


class Failure(Exception):
    pass


def parse_log(text):
    """The complete lines of a driver log: loaded records, batches, acks."""
    lines = text.split("\n")[:-1]  # the last piece has no newline: torn
    loaded, ready, batches, acks, errors = {}, False, [], [], []
    current = None
    for line in lines:
        parts = line.split(" ")
        tag = parts[0]
        if tag == "L":
            loaded[parts[2]] = (parts[1], int(parts[3]), parts[4])
        elif tag == "READY":
            ready = True
        elif tag == "B":
            current = {"n": int(parts[1]), "t": int(parts[2]), "k": int(parts[3]), "records": []}
        elif tag == "R":
            current["records"].append((parts[1], parts[2], parts[3], parts[4]))
        elif tag == "E":
            if current is None or int(parts[1]) != current["n"] or len(current["records"]) != current["k"]:
                raise Failure("malformed batch in the log: %r" % line)
            if current["n"] != len(batches) + 1:
                raise Failure("batches out of order: %d after %d" % (current["n"], len(batches)))
            batches.append(current)
            current = None
        elif tag == "S":
            acks.append((int(parts[1]), int(parts[2])))
        elif tag == "F":
            errors.append(line)
        elif tag == "OPEN-FAILED":
            raise Failure("the journal could not be opened after a kill: " + line)
        elif tag == "CLOSED":
            pass
        else:
            raise Failure("unknown log line %r" % line)
    return loaded, ready, batches, acks, errors


def value_of(text):
    """(seq, intact) of a "<seq>|<sha1>|<payload>" text."""
    try:
        seq, digest, payload = text.split("|", 2)
    except ValueError:
        return None, False
    ok = hashlib.sha1(payload.encode("utf-8")).hexdigest() == digest
    return int(seq), ok


def read_journal(db_dir, name):
    """Integrity check and every record of a copy of the journal."""
    path = os.path.join(db_dir, name)
    con = sqlite3.connect(path)
    try:
        rows = con.execute("PRAGMA integrity_check").fetchall()
        if rows != [("ok",)]:
            raise Failure("integrity_check: %r" % rows[:5])
        state = {}
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "letter" not in tables:
            # Killed before the first schema step committed: an empty
            # journal, which the next start sets up (checked by matches()).
            return state
        queries = [
            ("letter", "SELECT uuid, text, deleted_at, '-' FROM letter"),
            ("dialogue", "SELECT uuid, title, deleted_at, '-' FROM dialogue"),
            ("turn", "SELECT t.uuid, t.text, t.deleted_at, d.uuid FROM turn t"
                     " JOIN dialogue d ON d.id = t.dialogue_id"),
        ]
        for kind, sql in queries:
            for uuid, text, deleted_at, parent in con.execute(sql):
                seq, intact = value_of(text)
                if not intact:
                    raise Failure("%s %s holds a half-written or foreign text: %r"
                                  % (kind, uuid, text[:80]))
                state[uuid] = (kind, seq, deleted_at != 0, parent)
        n_turns = con.execute("SELECT count(*) FROM turn").fetchone()[0]
        n_joined = sum(1 for v in state.values() if v[0] == "turn")
        if n_turns != n_joined:
            raise Failure("%d turns without their dialogue" % (n_turns - n_joined))
        return state
    finally:
        con.close()


def matches(model, state):
    """Does the journal hold exactly the model? model: uuid -> (kind, seq|'D', parent)."""
    for uuid, (kind, seq, parent) in model.items():
        row = state.get(uuid)
        if seq == "D":
            if row is not None and not row[2]:
                return "%s %s deleted but still there" % (kind, uuid)
            continue
        if row is None:
            return "%s %s (seq %d) missing" % (kind, uuid, seq)
        if row[2]:
            return "%s %s deleted, should not be" % (kind, uuid)
        if row[0] != kind or row[1] != seq or row[3] != parent:
            return "%s %s is %r, expected seq %d" % (kind, uuid, row, seq)
    for uuid, row in state.items():
        if uuid not in model:
            return "%s %s (seq %s) should not exist yet" % (row[0], uuid, row[1])
    return None


def apply_batch(model, batch):
    model = dict(model)
    for kind, uuid, seq, parent in batch["records"]:
        model[uuid] = (kind, "D" if seq == "D" else int(seq), parent)
    return model


def copy_for_check(db_dir, scratch, driver):
    """Copies the journal's files to @scratch; returns the plain file to read.
    With @driver (encrypted runs), it decrypts the copy."""
    if os.path.isdir(scratch):
        shutil.rmtree(scratch)
    os.mkdir(scratch)
    for name in os.listdir(db_dir):
        src = os.path.join(db_dir, name)
        if name.startswith("journal.") and os.path.isfile(src):
            if driver is None and name not in ("journal.db", "journal.db-wal", "journal.db-shm"):
                continue
            shutil.copy2(src, os.path.join(scratch, name))
    if driver is None:
        return "journal.db"
    db = os.path.join(scratch, "journal.db")
    out = os.path.join(scratch, "plain.db")
    res = subprocess.run([driver, "--db", db, "--dump", out], stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if res.returncode != 0:
        raise Failure("the encrypted journal did not pass its check: " + res.stderr.strip()[-300:])
    if not os.path.exists(db):
        return None
    return "plain.db"


def check_kill(model, log_text, db_dir, scratch, kill_usec, driver=None):
    """Verifies one kill; returns (new model, n values verified, loss ms or None)."""
    loaded, ready, batches, acks, errors = parse_log(log_text)
    if errors:
        raise Failure("write failures: %r" % errors[:3])

    if ready:
        live = {u: (k, s, p) for u, (k, s, p) in model.items() if s != "D"}
        if loaded != live:
            missing = set(live) - set(loaded)
            extra = set(loaded) - set(live)
            wrong = [u for u in set(live) & set(loaded) if live[u] != loaded[u]]
            raise Failure("the store loaded another state than the one on disk: "
                          "%d missing, %d extra, %d different" % (len(missing), len(extra), len(wrong)))

    acked = 0
    for n, _ in acks:
        if n != acked + 1:
            raise Failure("acknowledgements out of order: %d after %d" % (n, acked))
        acked = n
    if acked > len(batches):
        raise Failure("batch %d acknowledged but never logged" % acked)

    # Look at a copy: the kill's files stay as they are for the next start.
    name = copy_for_check(db_dir, scratch, driver)
    if name is None or not os.path.exists(os.path.join(scratch, name)):
        if acked == 0 and not model:
            return model, 0, None
        raise Failure("the journal file is gone")
    state = read_journal(scratch, name)

    prefix = model
    for batch in batches[:acked]:
        prefix = apply_batch(prefix, batch)
    found = None
    reasons = []
    candidate = prefix
    for k in range(acked, len(batches) + 1):
        if k > acked:
            candidate = apply_batch(candidate, batches[k - 1])
        why = matches(candidate, state)
        if why is None:
            found = k
            break
        reasons.append("k=%d: %s" % (k, why))
    if found is None:
        raise Failure("the journal is not the result of whole saved batches (acknowledged %d, "
                      "logged %d): %s" % (acked, len(batches), "; ".join(reasons[:3])))

    verified = sum(1 for v in candidate.values() if v[1] != "D")
    loss_ms = None
    if found > 0:
        loss_ms = (kill_usec - batches[found - 1]["t"]) / 1000.0
    return candidate, verified, loss_ms


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--driver", required=True)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--per-journal", type=int, default=25,
                        help="kills on one journal before starting a new one")
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--delay", type=int, default=25, help="autosave delay for the driver (ms)")
    parser.add_argument("--interval", type=int, default=2, help="time between edits (ms)")
    parser.add_argument("--min-kill-ms", type=int, default=5)
    parser.add_argument("--max-kill-ms", type=int, default=350)
    parser.add_argument("--max-loss-ms", type=float, default=3000.0,
                        help="fail if a kill lost more than this much typing")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--encrypted", action="store_true", help="an encrypted journal")
    parser.add_argument("--convert-every", type=int, default=0,
                        help="with --encrypted: every K-th kill interrupts conversions")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="enough-crash-")
    n_journals = (args.kills + args.per_journal - 1) // args.per_journal
    print("TAP version 13")
    print("1..%d" % n_journals)
    print("# seed %d, %d kills, autosave delay %d ms" % (args.seed, args.kills, args.delay))

    total_kills = total_verified = total_acks = total_conversion_kills = 0
    losses = []
    failed = 0
    started = time.monotonic()
    kill_no = 0
    for j in range(n_journals):
        db_dir = os.path.join(work, "journal-%d" % j)
        os.mkdir(db_dir, 0o700)
        model = {}
        kills_here = min(args.per_journal, args.kills - kill_no)
        try:
            for i in range(kills_here):
                kill_no += 1
                log_path = os.path.join(work, "run.log")
                if os.path.exists(log_path):
                    os.unlink(log_path)
                delay_s = rng.uniform(args.min_kill_ms, args.max_kill_ms) / 1000.0
                converting = (args.encrypted and args.convert_every > 0 and model
                              and kill_no % args.convert_every == 0)
                command = [args.driver, "--db", os.path.join(db_dir, "journal.db"),
                           "--log", log_path, "--seed", str(rng.randrange(1, 2**31)),
                           "--delay", str(args.delay), "--interval", str(args.interval)]
                if args.encrypted:
                    command.append("--encrypted")
                if converting:
                    command.append("--convert")
                    total_conversion_kills += 1
                proc = subprocess.Popen(command, stdin=subprocess.DEVNULL)
                time.sleep(delay_s)
                kill_usec = int(time.monotonic() * 1e6)
                if proc.poll() is not None:
                    raise Failure("the driver exited by itself (status %d)" % proc.returncode)
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                total_kills += 1
                # Killed before it opened its log (a slow start): nothing
                # was written, which the check below verifies too.
                text = ""
                if os.path.exists(log_path):
                    with open(log_path, encoding="utf-8", errors="strict") as f:
                        text = f.read()
                try:
                    model, verified, loss = check_kill(model, text, db_dir,
                                                       os.path.join(work, "scratch"), kill_usec,
                                                       args.driver if args.encrypted else None)
                except Failure as e:
                    raise Failure("kill %d (after %.0f ms): %s" % (kill_no, delay_s * 1000, e))
                total_verified += verified
                total_acks += sum(1 for line in text.split("\n") if line.startswith("S "))
                if loss is not None:
                    losses.append(loss)
                    if loss > args.max_loss_ms:
                        raise Failure("kill %d lost %.0f ms of typing (limit %.0f ms)"
                                      % (kill_no, loss, args.max_loss_ms))
            print("ok %d - journal %d survived %d kills (%d records live)"
                  % (j + 1, j, kills_here, sum(1 for v in model.values() if v[1] != "D")))
        except Failure as e:
            failed += 1
            print("not ok %d - journal %d: %s" % (j + 1, j, e))
            kill_no = (j + 1) * args.per_journal
        sys.stdout.flush()

    losses.sort()
    summary = ("crash%s: %d kills (%d during conversions), %d failed journals, %d records verified, %d batches acknowledged, "
               "loss after a kill: median %.0f ms, max %.0f ms, %.0f s"
               % (" (encrypted)" if args.encrypted else "", total_kills, total_conversion_kills,
                  failed, total_verified, total_acks,
                  losses[len(losses) // 2] if losses else 0, losses[-1] if losses else 0,
                  time.monotonic() - started))
    print("# " + summary)
    if args.keep or failed:
        print("# work folder kept: " + work)
    else:
        shutil.rmtree(work)
    return 1 if failed or total_kills < args.kills else 0


if __name__ == "__main__":
    sys.exit(main())
