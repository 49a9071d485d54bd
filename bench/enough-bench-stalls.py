#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
"""How long the UI thread is kept from the screen while a search is typed.

    bench/enough-bench-stalls.py [--build _build-release] [--journal DIR] [--runs 2]
        [--into search|letter|long-letter] [QUERY…]

Runs Enough on a copy of the journal under its own Xvfb, opens search
(Ctrl+F) and types each query a key every 0.4 s (--into letter: into a new
letter instead, the Letters page's Ctrl+N; --into long-letter: at the start
of the newest letter made --letter-chars long, 40,000 unless told, as the
side-by-side bench's --only letters does), while `perf` records a
uprobe on the entry and the return of GLib's g_main_context_dispatch() in
the UI thread: every callback, input event, timeout and frame (layout,
drawing) of the app runs inside one such dispatch, so the longest one is
the longest the UI thread was busy at a stretch (Chinese, Japanese and
Korean queries are typed one key a character, as an input method
commits them). Prints, per query, the median over the runs of the
longest dispatch:

    METRIC stall_<query>_longest_dispatch_ms N ms

(stall_letter_…, stall_long_letter_… with --into letter, long-letter.)

Needs root (uprobes) and perf; the target is 16 ms (one frame).
"""
import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The side-by-side bench's way of typing CJK (its file name is not a module's).
_SPEC = importlib.util.spec_from_file_location(
    "enough_bench_rednotebook", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                             "enough-bench-rednotebook.py"))
SIDE_BY_SIDE = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(SIDE_BY_SIDE)
GLIB = "/usr/lib/x86_64-linux-gnu/libglib-2.0.so.0"
EVENTS = ["probe_libglib:g_main_context_dispatch", "probe_libglib:g_main_context_dispatch__return"]


def ensure_probes():
    have = subprocess.run(["perf", "probe", "-l"], capture_output=True, text=True).stdout
    for spec, name in (("g_main_context_dispatch", EVENTS[0]),
                       ("g_main_context_dispatch%return", EVENTS[1])):
        if name not in have:
            subprocess.run(["perf", "probe", "-q", "-x", GLIB, spec], check=True)


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def wait_idle(pid, cap_s=120):
    """Until a whole second without a tick (past the journal's open and its
    background checks)."""
    last = cpu_ticks(pid)
    start = time.monotonic()
    while time.monotonic() - start < cap_s:
        time.sleep(1)
        now = cpu_ticks(pid)
        if now == last:
            return
        last = now


def longest_dispatch_ms(data):
    out = subprocess.run(["perf", "script", "-i", data, "-F", "time,event"],
                         capture_output=True, text=True).stdout
    started, durations = [], []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        t = float(parts[0].rstrip(":"))
        if parts[1].endswith("__return:"):
            if started:  # dispatches nest (a dialog's own loop)
                durations.append((t - started.pop()) * 1000.0)
        else:
            started.append(t)
    return max(durations) if durations else float("nan")


def run_once(args, query, display):
    with tempfile.TemporaryDirectory(prefix="enough-bench-stalls-") as work:
        shutil.copy(os.path.join(args.journal, "journal.db"), work)
        if args.into == "long-letter":
            SIDE_BY_SIDE.make_long_letter(os.path.join(work, "journal.db"), args.letter_chars)
        settings = os.path.join(work, "config", "glib-2.0", "settings")
        os.makedirs(settings)
        with open(os.path.join(settings, "keyfile"), "w") as f:
            f.write("[io/github/enoughjournal/Enough]\nwelcome-shown=true\n")
        env = dict(os.environ, DISPLAY=display, GSETTINGS_BACKEND="keyfile",
                   XDG_CONFIG_HOME=os.path.join(work, "config"), ENOUGH_DATA_DIR=work,
                   GSETTINGS_SCHEMA_DIR=os.path.join(args.build, "data"))
        env.pop("GSK_RENDERER", None)
        proc = subprocess.Popen([os.path.join(args.build, "src", "enough")], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def xdotool(*words):
            return subprocess.run(["xdotool", *words], env=env, check=True,
                                  capture_output=True, text=True).stdout

        try:
            time.sleep(4)
            wait_idle(proc.pid)
            window = xdotool("search", "--onlyvisible", "--pid", str(proc.pid)).split()[0]
            xdotool("windowfocus", "--sync", window)
            if args.into == "search":
                xdotool("key", "--clearmodifiers", "ctrl+f")
            else:
                # The Letters tab of the default 1000x700 window (its Ctrl+N
                # needs the focus in the page), as the side-by-side bench.
                xdotool("mousemove", "--window", window, *SIDE_BY_SIDE.LETTERS_TAB, "click", "1")
                wait_idle(proc.pid)
                if args.into == "letter":
                    xdotool("key", "--clearmodifiers", "ctrl+n")
                else:
                    for at in (SIDE_BY_SIDE.LETTERS_FIRST_ROW, SIDE_BY_SIDE.LETTER_TEXT_AT):
                        xdotool("mousemove", "--window", window, *at, "click", "1")
                        wait_idle(proc.pid)
                    xdotool("key", "--clearmodifiers", "ctrl+Home")
            time.sleep(1.5)
            data = os.path.join(work, "dispatch.data")
            seconds = 0.4 * len(query) + 1.5
            perf = subprocess.Popen(["perf", "record", "-q", "-e", EVENTS[0], "-e", EVENTS[1],
                                     "-t", str(proc.pid), "-o", data, "--", "sleep", str(seconds)],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.1)
            if query.isascii():
                xdotool("type", "--delay", "400", query)
            else:
                # Chinese, Japanese, Korean: one key each, on the keycodes
                # mapped before the app started (see map_spare_keys()).
                for i, ch in enumerate(query):
                    if i > 0:
                        time.sleep(0.4)
                    SIDE_BY_SIDE.send_key(ch)
            perf.wait()
            return longest_dispatch_ms(data)
        finally:
            proc.terminate()
            proc.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default=os.path.join(SRC, "_build-release"))
    parser.add_argument("--journal", default=os.path.expanduser("~/.cache/enough-bench/many-matches-20"),
                        help="folder of the journal (bench/enough-bench-rednotebook.py makes it)")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--letter-chars", type=int, default=SIDE_BY_SIDE.LONG_LETTER_CHARS,
                        help="--into long-letter: its length (default %(default)s; the journal's "
                        "letters are about 2,000)")
    parser.add_argument("--into", choices=["search", "letter", "long-letter"], default="search",
                        help="where the keys go (default: the search field)")
    parser.add_argument("queries", nargs="*", default=["qqz", "perfect", " kind"])
    args = parser.parse_args()
    args.build = os.path.abspath(args.build)
    # Its own X server, and a session bus of its own that knows it (the
    # portals the app asks start on that display), as on a desktop.
    if os.environ.get("ENOUGH_BENCH_STALLS_BUS") is None:
        display = ":" + str(90 + os.getpid() % 9)
        xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(1)
            env = dict(os.environ, ENOUGH_BENCH_STALLS_BUS="1", DISPLAY=display)
            return subprocess.run(["dbus-run-session", "--", sys.executable, os.path.abspath(__file__)] +
                                  sys.argv[1:], env=env).returncode
        finally:
            xvfb.terminate()
    ensure_probes()
    cjk = sorted({ch for query in args.queries for ch in query if not ch.isascii()})
    if cjk:
        SIDE_BY_SIDE.map_spare_keys(cjk)
    for query in args.queries:
        runs = [run_once(args, query, os.environ["DISPLAY"]) for _ in range(args.runs)]
        print(f"# {query!r}: " + " / ".join(f"{r:.1f}" for r in runs) + " ms")
        name = query.strip().replace(" ", "_") or "space"
        if args.into != "search":
            name = args.into.replace("-", "_") + "_" + name
        print(f"METRIC stall_{name}_longest_dispatch_ms {statistics.median(runs):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
