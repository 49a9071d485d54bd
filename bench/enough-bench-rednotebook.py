#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
"""Enough and RedNotebook side by side on the "many matches" journal (issue #28).

Run by hand from the source tree, never by the tests:

    bench/enough-bench-rednotebook.py [--build _build] [--runs 3] [--years 20]
        [--enough-env GSK_RENDERER=gl]   # an extra Enough variant, e.g. the old renderer
        [--other-build DIR]              # also Enough from another build (before/after)

It makes (once) the journal with bench/enough-many-matches, as Enough's
journal.db and as RedNotebook month files (the same letters), installs the
Debian package `rednotebook` if it is missing, starts one Xvfb (no window
manager) and one D-Bus session, and runs, alternately, the bare GTK 4 window
(bench/bare-window), Enough (and each --enough-env variant) and RedNotebook,
each on a fresh copy of the journal. Keys go in through XTEST (xdotool), one
every 0.4 s, as a person types. CPU is the whole process's, every thread,
exited ones too (utime+stime of /proc/PID/stat, the sum of
/proc/PID/task/*/stat plus the threads gone), counted from the first key
until the process has not used a tick for 0.5 s, divided by the keys.

Prints METRIC lines (medians over the runs) and the load average:
  ready_ms, bare_ready_ms, rednotebook_ready_ms
        spawn until the window is mapped and viewable (xdotool, same for all)
  idle_rss_mb, rednotebook_idle_rss_mb
        VmRSS once started and idle (>= 4 s after the spawn, then 0.5 s idle)
  search_key_cpu_ms, rednotebook_search_key_cpu_ms
        per key of the queries that match ("perfect", " kind"); Enough: Ctrl+F,
        RedNotebook: its sidebar search entry; the no-match query "qqz" as
        search_nomatch_key_cpu_ms; five trailing spaces after "perfect" (the
        results do not change) as search_same_key_cpu_ms (its 10 ms ticks'
        figure as search_same_key_ticks_ms), more letters after "qqz"
        (searched again, still no match) as search_same_nomatch_key_cpu_ms.
        CPU per key is from the threads' schedstat nanoseconds
  focused_idle_cpu_pct (search field; _letter_, _composer_ variants too),
  rednotebook_focused_idle_cpu_pct
        % of one core over 5 s with the field focused and nothing typed
  letter_key_cpu_ms, rednotebook_letter_key_cpu_ms
        per key typed into a new letter (RedNotebook: the day's text)
"""

import argparse
import ctypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TICK_S = 1.0 / os.sysconf("SC_CLK_TCK")
KEY_GAP_S = 0.4
IDLE_S = 0.5
QUERIES = ["qqz", "perfect", " kind"]
MATCHING = ["perfect", " kind"]
SAME_AFTER, SAME_KEYS = "perfect", "     "  # trailing spaces: the same results
# Letters after a query that matches nothing: searched again, still nothing.
NOMATCH_AFTER, NOMATCH_KEYS = "qqz", "zzzzz"
LETTER_TEXT = "a kind walk"
# --scale: a query of the synthetic journal's that matches more than half
# of its 100,000 entries, then Chinese, Japanese and Korean ones of one and
# two characters (typed one character a key, as an input method commits).
SCALE_QUERIES = [("the", "the"), ("zh_2", "休息"), ("zh_1", "累"), ("ja_2", "疲れ"), ("ko_2", "실수")]
# --letters (window-relative points of the default 1000x700 window).
LETTERS_TAB = ("320", "27")
LETTERS_FIRST_ROW = ("150", "110")
# In the letter's text (below the step's title, words and hints, which
# take the first 460 px; at 300 the click landed on the hints, and the
# keys meant for the text went to the page: its ⋮ menu, Share…).
LETTER_TEXT_AT = ("650", "520")
LONG_LETTER_CHARS = 40000
SCROLL_KEYS = 8
WHEEL_NOTCHES = 16
LIST_PAGE_PX = 570  # the list's height in the 1000x700 window
SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime


class ThreadClock:
    """Nanoseconds on a CPU of every thread of a process, from each thread's
    /proc/PID/task/TID/schedstat: precise where the 10 ms ticks of
    /proc/PID/stat are not (a 10 ms target is one tick). A thread that exits
    keeps its last sampled time; one that starts and exits between two
    samples is missed (samples are 50 ms apart at most while waiting)."""

    def __init__(self, pid):
        self.pid = pid
        self.last = {}

    def sample(self):
        try:
            tids = os.listdir(f"/proc/{self.pid}/task")
        except FileNotFoundError:
            tids = []
        for tid in tids:
            try:
                with open(f"/proc/{self.pid}/task/{tid}/schedstat") as f:
                    self.last[tid] = int(f.read().split()[0])
            except (FileNotFoundError, ProcessLookupError, ValueError, IndexError):
                pass
        return sum(self.last.values())


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def wait_idle(pid, cap_s=15.0, clock=None):
    """Until the process used no tick for IDLE_S (at most cap_s)."""
    start = time.monotonic()
    last = cpu_ticks(pid)
    since = time.monotonic()
    while time.monotonic() - start < cap_s:
        time.sleep(0.05)
        if clock is not None:
            clock.sample()
        now = cpu_ticks(pid)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= IDLE_S:
            return last
    return last


def xdo(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True).stdout.strip()


def key_name(ch):
    return {" ": "space", "'": "apostrophe"}.get(ch, ch)


def map_spare_keys(chars):
    """Puts each character on a spare keycode of the X server's keymap, once,
    before any client starts. `xdotool type` maps a character to a spare
    keycode for each key and maps it back after: the app then often read
    the key with the old map and nothing was typed (runs of about 1 ms per
    "key", an empty search field in the screenshot)."""
    x11 = ctypes.CDLL("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XGetKeyboardMapping.restype = ctypes.POINTER(ctypes.c_ulong)
    x11.XGetKeyboardMapping.argtypes = [ctypes.c_void_p, ctypes.c_ubyte, ctypes.c_int,
                                        ctypes.POINTER(ctypes.c_int)]
    x11.XChangeKeyboardMapping.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                           ctypes.POINTER(ctypes.c_ulong), ctypes.c_int]
    x11.XDisplayKeycodes.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int),
                                     ctypes.POINTER(ctypes.c_int)]
    x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    x11.XFree.argtypes = [ctypes.c_void_p]
    display = x11.XOpenDisplay(None)
    if not display:
        sys.exit("enough-bench-rednotebook: cannot open the X display")
    low, high, per = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
    x11.XDisplayKeycodes(display, ctypes.byref(low), ctypes.byref(high))
    count = high.value - low.value + 1
    keysyms = x11.XGetKeyboardMapping(display, low.value, count, ctypes.byref(per))
    spare = [low.value + i for i in range(count)
             if all(keysyms[i * per.value + j] == 0 for j in range(per.value))]
    x11.XFree(keysyms)
    if len(spare) < len(chars):
        sys.exit("enough-bench-rednotebook: not enough spare keycodes for the CJK queries")
    for keycode, ch in zip(spare, chars):
        syms = (ctypes.c_ulong * per.value)(*([0x01000000 + ord(ch)] * per.value))
        x11.XChangeKeyboardMapping(display, keycode, per.value, syms, 1)
    x11.XSync(display, 0)
    x11.XCloseDisplay(display)


def send_key(ch):
    if ord(ch) < 128:
        xdo("key", "--clearmodifiers", key_name(ch))
    else:
        # Chinese, Japanese, Korean: the key map_spare_keys() gave the
        # character, one key press as an input method would commit it.
        xdo("key", "--clearmodifiers", f"U{ord(ch):04X}")


def type_cpu_ms(pid, text):
    """CPU per key: keys KEY_GAP_S apart, from the first until idle; from the
    threads' nanoseconds (the ticks' figure is kept as a cross-check)."""
    clock = ThreadClock(pid)
    start_ns = clock.sample()
    start = cpu_ticks(pid)
    for i, ch in enumerate(text):
        if i > 0:
            for _ in range(int(KEY_GAP_S / 0.05)):
                time.sleep(0.05)
                clock.sample()
        send_key(ch)
    end = wait_idle(pid, clock=clock)
    end_ns = clock.sample()
    type_cpu_ms.ticks_ms = (end - start) * TICK_S * 1000.0 / len(text)
    return (end_ns - start_ns) / 1e6 / len(text)


def keys_cpu_ms(pid, keys):
    """The same for named keys (Page_Down, …)."""
    clock = ThreadClock(pid)
    start_ns = clock.sample()
    for i, key in enumerate(keys):
        if i > 0:
            for _ in range(int(KEY_GAP_S / 0.05)):
                time.sleep(0.05)
                clock.sample()
        if key == "wheel":
            xdo("click", "5")  # one notch down
        else:
            xdo("key", "--clearmodifiers", key)
    wait_idle(pid, clock=clock)
    return (clock.sample() - start_ns) / 1e6 / len(keys)


def focused_idle_pct(pid, seconds=5.0):
    # Not "until idle": a blinking cursor may keep the process busy for the
    # whole blink timeout (10 s), which is what this measures.
    time.sleep(1.0)
    start = cpu_ticks(pid)
    time.sleep(seconds)
    return (cpu_ticks(pid) - start) * TICK_S * 100.0 / seconds


def launch(argv, env, cwd=None):
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    window = ""
    while not window:
        if proc.poll() is not None or time.monotonic() - t0 > 60:
            raise RuntimeError(f"{argv[0]} did not show a window")
        window = xdo("search", "--onlyvisible", "--pid", str(proc.pid)).split("\n")[0]
        if not window:
            time.sleep(0.01)
    ready_ms = (time.monotonic() - t0) * 1000.0
    # Past Enough's background integrity check (3 s after open), then idle.
    time.sleep(max(0.0, 4.0 - (time.monotonic() - t0)))
    wait_idle(proc.pid, cap_s=20)
    xdo("windowfocus", "--sync", window)
    return proc, window, ready_ms


def stop(proc):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def clear_field(pid):
    xdo("key", "--clearmodifiers", "ctrl+a")
    xdo("key", "--clearmodifiers", "BackSpace")
    wait_idle(pid)


def fresh_settings(folder):
    """Settings of a returning user, fresh for each run: the first launch's
    welcome window (which would take the keys) already seen, every other key
    at its default. A keyfile, since the memory backend cannot be preset."""
    path = os.path.join(folder, "config", "glib-2.0", "settings")
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "keyfile"), "w") as f:
        f.write("[io/github/enoughjournal/Enough]\nwelcome-shown=true\n")
    return {"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": os.path.join(folder, "config")}


def run_bare(args, env):
    proc, _, ready = launch([os.path.join(args.build, "bench", "bare-window")], env)
    rss = rss_mb(proc.pid)
    stop(proc)
    return {"bare_ready_ms": ready, "bare_idle_rss_mb": rss}


def run_enough(args, env, journal, prefix, build=None):
    r = {}
    with tempfile.TemporaryDirectory(prefix="enough-bench-rn-") as data:
        shutil.copy(os.path.join(journal, "journal.db"), data)
        env = dict(env, ENOUGH_DATA_DIR=data, **fresh_settings(data))
        proc, window, r[prefix + "ready_ms"] = launch([os.path.join(build or args.build, "src", "enough")], env)
        pid = proc.pid
        r[prefix + "idle_rss_mb"] = rss_mb(pid)
        xdo("key", "--clearmodifiers", "ctrl+f")
        r[prefix + "focused_idle_cpu_pct"] = focused_idle_pct(pid)
        for q in QUERIES:
            r[prefix + "query " + repr(q)] = type_cpu_ms(pid, q)
            if q == SAME_AFTER:
                # Keys that leave the results as they were.
                r[prefix + "search_same_key_cpu_ms"] = type_cpu_ms(pid, SAME_KEYS)
                r[prefix + "search_same_key_ticks_ms"] = type_cpu_ms.ticks_ms
            if q == NOMATCH_AFTER:
                r[prefix + "search_same_nomatch_key_cpu_ms"] = type_cpu_ms(pid, NOMATCH_KEYS)
            clear_field(pid)
        r[prefix + "search_key_cpu_ms"] = statistics.mean(r[prefix + "query " + repr(q)] for q in MATCHING)
        r[prefix + "search_nomatch_key_cpu_ms"] = r[prefix + "query 'qqz'"]
        xdo("key", "--clearmodifiers", "Escape")
        # Clicks on the view switcher's tabs (the default 1000x700 window):
        # with the focus outside a page, its Ctrl+N does not reach it.
        xdo("mousemove", "--window", window, "500", "27", "click", "1")
        wait_idle(pid)
        xdo("key", "--clearmodifiers", "ctrl+n")
        r[prefix + "focused_idle_letter_cpu_pct"] = focused_idle_pct(pid)
        r[prefix + "letter_key_cpu_ms"] = type_cpu_ms(pid, LETTER_TEXT)
        xdo("mousemove", "--window", window, "365", "27", "click", "1")
        wait_idle(pid)
        # "New Dialogue" on the empty critic page.
        xdo("mousemove", "--window", window, "500", "512", "click", "1")
        r[prefix + "focused_idle_composer_cpu_pct"] = focused_idle_pct(pid)
        stop(proc)
    return r


def make_long_letter(db, chars):
    """The newest letter's text made @chars long (its own words repeated),
    through SQLite: the search index follows through its triggers."""
    import sqlite3
    con = sqlite3.connect(db)

    def no_cjk(text):
        # The app's enough_cjk() for the index of CJK characters, which the
        # triggers call: NULL for text without any (these letters' words).
        if text and any(ord(c) >= 0x2E80 for c in text):
            raise ValueError("make_long_letter: a letter with CJK text")
        return None
    con.create_function("enough_cjk", 1, no_cjk)
    row = con.execute("SELECT id, text FROM letter WHERE deleted_at = 0 ORDER BY created DESC LIMIT 1").fetchone()
    text = row[1]
    while len(text) < chars:
        text += "\n\n" + row[1]
    # A draft on its second step (the letter's text), where it opens.
    con.execute("UPDATE letter SET text = ?, step = 1 WHERE id = ?", (text[:chars], row[0]))
    con.commit()
    con.close()


def shot(args, name):
    if args.shots:
        subprocess.run(["import", "-window", "root", os.path.join(args.shots, name + ".png")])


def run_letters(args, env, journal, prefix, build=None):
    """The Letters page: its first show, the list scrolled a screen at a time
    (Page Down on a focused row), and a long letter scrolled a screen at a
    time (Page Down in its text)."""
    r = {}
    with tempfile.TemporaryDirectory(prefix="enough-bench-rn-") as data:
        shutil.copy(os.path.join(journal, "journal.db"), data)
        if args.long_letter_chars > 0:
            make_long_letter(os.path.join(data, "journal.db"), args.long_letter_chars)
        env = dict(env, ENOUGH_DATA_DIR=data, **fresh_settings(data))
        proc, window, _ = launch([os.path.join(build or args.build, "src", "enough")], env)
        pid = proc.pid
        clock = ThreadClock(pid)
        start = clock.sample()
        xdo("mousemove", "--window", window, *LETTERS_TAB, "click", "1")
        wait_idle(pid, clock=clock)
        r[prefix + "letters_show_cpu_ms"] = (clock.sample() - start) / 1e6
        shot(args, prefix + "letters-shown")
        # The list, by the mouse wheel (a click opens a letter and moves the
        # focus into it, so Page Down would not reach the list): GTK scrolls
        # page_size^(2/3) a notch, so a screen is page_size^(1/3) notches.
        xdo("mousemove", "--window", window, *LETTERS_FIRST_ROW)
        r[prefix + "letters_list_notch_cpu_ms"] = keys_cpu_ms(pid, ["wheel"] * WHEEL_NOTCHES)
        r[prefix + "letters_list_screen_cpu_ms"] = (r[prefix + "letters_list_notch_cpu_ms"] *
                                                    LIST_PAGE_PX ** (1.0 / 3.0))
        shot(args, prefix + "letters-list-scrolled")
        xdo("key", "--clearmodifiers", "ctrl+Home")
        # The first row of the list (the newest, long letter): opened.
        xdo("mousemove", "--window", window, *LETTERS_FIRST_ROW, "click", "1")
        wait_idle(pid)
        shot(args, prefix + "letters-opened")
        # Into the letter's text, at its start.
        xdo("mousemove", "--window", window, *LETTER_TEXT_AT, "click", "1")
        wait_idle(pid)
        xdo("key", "--clearmodifiers", "ctrl+Home")
        wait_idle(pid)
        r[prefix + "long_letter_page_cpu_ms"] = keys_cpu_ms(pid, ["Page_Down"] * SCROLL_KEYS)
        shot(args, prefix + "letter-scrolled")
        # Typing there, the pointer resting on the text (as after a click).
        r[prefix + "long_letter_key_cpu_ms"] = type_cpu_ms(pid, LETTER_TEXT)
        shot(args, prefix + "letter-typed")
        stop(proc)
    return r


def run_scale(args, env, journal, prefix, build=None):
    """Search keys, a letter's keys and idle RSS on another journal (the
    100,000-entry synthetic one and its newest 2,000)."""
    r = {}
    with tempfile.TemporaryDirectory(prefix="enough-bench-rn-") as data:
        shutil.copy(os.path.join(journal, "journal.db"), data)
        env = dict(env, ENOUGH_DATA_DIR=data, **fresh_settings(data))
        proc, window, r[prefix + "ready_ms"] = launch([os.path.join(build or args.build, "src", "enough")], env)
        pid = proc.pid
        r[prefix + "idle_rss_mb"] = rss_mb(pid)
        shot(args, prefix + "started")
        xdo("key", "--clearmodifiers", "ctrl+f")
        wait_idle(pid)
        for label, q in SCALE_QUERIES:
            r[prefix + "search_key_cpu_ms_" + label] = type_cpu_ms(pid, q)
            shot(args, prefix + "query-" + label)
            if label == "the":
                r[prefix + "search_same_key_cpu_ms"] = type_cpu_ms(pid, SAME_KEYS)
            clear_field(pid)
        xdo("key", "--clearmodifiers", "Escape")
        wait_idle(pid)
        r[prefix + "after_search_rss_mb"] = rss_mb(pid)
        stop(proc)
    return r


def run_rednotebook(args, env, journal):
    r = {}
    with tempfile.TemporaryDirectory(prefix="enough-bench-rn-") as home:
        data = os.path.join(home, "journal")
        shutil.copytree(journal, data)
        env = dict(env, HOME=home)
        proc, window, r["rednotebook_ready_ms"] = launch(["rednotebook", data], env)
        pid = proc.pid
        r["rednotebook_idle_rss_mb"] = rss_mb(pid)
        # The sidebar's search entry, under the calendar (1024x700 window).
        xdo("mousemove", "--window", window, "100", "260", "click", "1")
        r["rednotebook_focused_idle_cpu_pct"] = focused_idle_pct(pid)
        for q in QUERIES:
            r["rednotebook_query " + repr(q)] = type_cpu_ms(pid, q)
            clear_field(pid)
        r["rednotebook_search_key_cpu_ms"] = statistics.mean(
            r["rednotebook_query " + repr(q)] for q in MATCHING)
        # The day's text, right of the sidebar.
        xdo("mousemove", "--window", window, "600", "300", "click", "1")
        wait_idle(pid)
        r["rednotebook_letter_key_cpu_ms"] = type_cpu_ms(pid, LETTER_TEXT)
        stop(proc)
    return r


def ensure_rednotebook():
    if shutil.which("rednotebook"):
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["apt-get", "install", "-y", "rednotebook"], check=True)


def inner(args):
    base = dict(os.environ, GSETTINGS_BACKEND="memory", GTK_A11Y="none", NO_AT_BRIDGE="1",
                GSETTINGS_SCHEMA_DIR=os.path.join(args.build, "data"))
    base.pop("GSK_RENDERER", None)
    variants = [("", {}, None)]
    for i, assignment in enumerate(args.enough_env):
        name, _, value = assignment.partition("=")
        variants.append((f"env{i + 1}_", {name: value}, None))
    if args.other_build:
        variants.append(("other_", {}, args.other_build))
    results = {}
    map_spare_keys(sorted({ch for _, q in SCALE_QUERIES for ch in q if ord(ch) >= 128}))
    if args.only != "all":
        inner_only(args, base, variants, results)
        return
    # One unmeasured run of each first: the first program to start in the
    # session also starts the portals, and disk caches fill.
    run_bare(args, base)
    for _, variant, build in variants:
        run_enough(args, dict(base, **variant), args.journal, "", build)
    run_rednotebook(args, base, os.path.join(args.journal, "rednotebook"))
    print("# warm-up done", flush=True)
    for run in range(args.runs):
        order = [("bare", None)] + [("enough", v) for v in variants] + [("rednotebook", None)]
        # Alternating: each run starts one place further along.
        order = order[run % len(order):] + order[:run % len(order)]
        for what, variant in order:
            if what == "bare":
                r = run_bare(args, base)
            elif what == "enough":
                r = run_enough(args, dict(base, **variant[1]), args.journal, variant[0], variant[2])
            else:
                r = run_rednotebook(args, base, os.path.join(args.journal, "rednotebook"))
            for k, v in r.items():
                results.setdefault(k, []).append(v)
            print(f"# run {run + 1} {what} {variant[1:] if variant else ''}: " +
                  ", ".join(f"{k}={v:.1f}" for k, v in r.items()), flush=True)
    print_metrics(args, results)


def inner_only(args, base, variants, results):
    """--only letters / --only scale: Enough alone (each variant), alternating."""
    def one(variant):
        prefix, extra, build = variant
        env = dict(base, **extra)
        if args.only == "letters":
            return run_letters(args, env, args.journal, prefix, build)
        r = {}
        for name, journal in zip(("big_", "small_"), args.scale):
            r.update(run_scale(args, env, journal, prefix + name, build))
        return r
    for variant in variants:
        one(variant)
    print("# warm-up done", flush=True)
    for run in range(args.runs):
        order = variants[run % len(variants):] + variants[:run % len(variants)]
        for variant in order:
            r = one(variant)
            for k, v in r.items():
                results.setdefault(k, []).append(v)
            print(f"# run {run + 1} {variant[0] or 'now'}: " +
                  ", ".join(f"{k}={v:.1f}" for k, v in r.items()), flush=True)
    print_metrics(args, results)


def print_metrics(args, results):
    for i, assignment in enumerate(args.enough_env):
        print(f"# env{i + 1}_ = Enough with {assignment}")
    if args.other_build:
        print(f"# other_ = Enough from {args.other_build}")
    for k, v in results.items():
        unit = "pct" if k.endswith("_pct") else "mb" if k.endswith("_mb") else "ms"
        name = k.replace(" ", "_").replace("'", "")
        print(f"METRIC {name} {statistics.median(v):.1f} {unit}")
    print("# load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default=os.path.join(SRC, "_build"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--journal", default=None, help="folder of the journal (made if missing)")
    parser.add_argument("--enough-env", action="append", default=[],
                        help="NAME=VALUE: also measure Enough with this variable (repeatable)")
    parser.add_argument("--other-build", default=None,
                        help="also measure the enough of this build folder (other_ figures)")
    parser.add_argument("--only", choices=["all", "letters", "scale"], default="all",
                        help="letters: the Letters page on the many-matches journal (its "
                        "first show, the list and a long letter scrolled a screen a key); "
                        "scale: the --scale journals (no RedNotebook)")
    parser.add_argument("--scale", nargs=2, metavar=("BIG", "SMALL"),
                        default=[os.path.expanduser("~/.cache/enough-bench/journal-100000"),
                                 os.path.expanduser("~/.cache/enough-bench/journal-100000-newest-2000")],
                        help="folders of the journals for --only scale (made by "
                        "bench/enough-bench-startup)")
    parser.add_argument("--long-letter-chars", type=int, default=LONG_LETTER_CHARS,
                        help="--only letters: the newest letter made this long before the "
                        "page is first shown (0: the journal's letters as they are)")
    parser.add_argument("--shots", default=None, help="folder for screenshots of each step")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.build = os.path.abspath(args.build)
    if args.journal is None:
        args.journal = os.path.expanduser(f"~/.cache/enough-bench/many-matches-{args.years}")
    if args.inner:
        inner(args)
        return
    if args.only == "all":
        ensure_rednotebook()
    if not os.path.exists(os.path.join(args.journal, "journal.db")):
        subprocess.run([os.path.join(args.build, "bench", "enough-many-matches"),
                        "--out", args.journal, "--years", str(args.years),
                        "--rednotebook", os.path.join(args.journal, "rednotebook")], check=True)
    print("# load average at start: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    # One Xvfb (no window manager) and one D-Bus session for all the runs.
    argv = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24 -nolisten tcp",
            "dbus-run-session", "--", sys.executable, os.path.abspath(__file__), "--inner",
            "--build", args.build, "--runs", str(args.runs), "--journal", args.journal]
    for e in args.enough_env:
        argv += ["--enough-env", e]
    argv += ["--only", args.only, "--scale", *map(os.path.abspath, args.scale),
             "--long-letter-chars", str(args.long_letter_chars)]
    if args.shots:
        argv += ["--shots", os.path.abspath(args.shots)]
    if args.other_build:
        argv += ["--other-build", os.path.abspath(args.other_build)]
    sys.exit(subprocess.run(argv).returncode)


if __name__ == "__main__":
    main()
