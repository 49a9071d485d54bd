#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Runs the GUI tests again and again on a busy machine, the way a loaded CI
# or a first install runs them, and says how often each passed. Run by hand
# (not by CI, not a meson test): it takes a while.
#
#   tests/stress-gui.sh [-n N] [-C BUILD_DIR] [-s SETUP] [-- TEST…]
#
#   -n N        repeat each test N times (default 20)
#   -C DIR      the build dir (default _build; e.g. _build-sanitize)
#   -s SETUP    a meson test setup (e.g. one that selects tests the
#               default setup leaves out)
#   TEST…       only these tests (default: the whole "gui" suite)
#
# Headless like build-aux/test.sh (Xvfb, a private D-Bus session, in-memory
# settings, throw-away XDG dirs); two tests at a time; while one CPU hog per
# core runs (stress-ng, installed if missing, else a shell busy loop). Exits 0 only
# when every run of every test passed.
set -uo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
repeat=20
build="$top/_build"
setup=()
# meson names the logs after the setup too (stress-SETUP.json).
log=stress

while [ $# -gt 0 ]; do
  case "$1" in
    -n) repeat="$2"; shift 2 ;;
    -C) build="$(cd "$2" && pwd)"; shift 2 ;;
    -s) setup=(--setup "$2"); log="stress-$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '5,19p' "$0"; exit 0 ;;
    *) break ;;
  esac
done

if [ ! -f "$build/build.ninja" ]; then
  echo "no build in $build (meson setup it first)" >&2
  exit 2
fi
meson compile -C "$build" >/dev/null || exit 1

work="$(mktemp -d)"
hogs=()
cleanup () {
  for pid in "${hogs[@]}"; do
    kill "$pid" 2>/dev/null
  done
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export GSETTINGS_BACKEND=memory
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# One hog per core, at the lowest priority of none: the tests compete for
# every core with something that never sleeps.
cores="$(nproc)"
# stress-ng from Debian's packages if it can be had; a busy loop otherwise.
if ! command -v stress-ng >/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends stress-ng \
    >/dev/null 2>&1 || true
fi
if command -v stress-ng >/dev/null; then
  stress-ng --cpu "$cores" --quiet &
  hogs+=($!)
else
  for _ in $(seq "$cores"); do
    ( while :; do :; done ) &
    hogs+=($!)
  done
fi

if [ $# -gt 0 ]; then
  selection=("$@")
else
  selection=(--suite gui)
fi

echo "== $build: ${selection[*]}, $repeat times each, 2 at a time, $cores CPU hogs"
start=$(date +%s)
# meson stops repeating after the first repetition with a failure: run
# again for what is left until every test ran $repeat times.
: > "$work/all.json"
: > "$work/all.txt"
rc=0
left=$repeat
while [ "$left" -gt 0 ]; do
  xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
    dbus-run-session -- \
    meson test -C "$build" --no-rebuild --repeat "$left" --num-processes 2 \
      --print-errorlogs --logbase stress "${setup[@]}" "${selection[@]}" > "$work/meson.log" 2>&1 || rc=1
  cat "$build/meson-logs/$log.json" >> "$work/all.json"
  cat "$build/meson-logs/$log.txt" >> "$work/all.txt"
  done_runs=$(python3 -c 'import collections, json, sys
c = collections.Counter(json.loads(l)["name"] for l in open(sys.argv[1]))
print(min(c.values()) if c else 0)' "$work/all.json")
  [ "$done_runs" -gt 0 ] || break
  left=$(( repeat - done_runs ))
done
cp "$work/all.json" "$build/meson-logs/stress-all.json"
cp "$work/all.txt" "$build/meson-logs/stress-all.txt"
echo "== done in $(( $(date +%s) - start )) s; full log: $build/meson-logs/stress-all.txt"

# Per test: passed / runs, and how the others ended.
python3 - "$build/meson-logs/stress-all.json" "$repeat" <<'PY'
import collections, json, sys
runs = collections.OrderedDict()
for line in open(sys.argv[1]):
    r = json.loads(line)
    runs.setdefault(r["name"], []).append(r.get("result"))
bad_total = 0
for name, results in sorted(runs.items()):
    ok = sum(1 for x in results if x in ("OK", "EXPECTEDFAIL", "SKIP"))
    others = collections.Counter(x for x in results if x not in ("OK", "EXPECTEDFAIL", "SKIP"))
    # A run that never happened (meson stopped early) counts as failed.
    missing = max(0, int(sys.argv[2]) - len(results))
    if missing:
        others["NOT RUN"] = missing
    bad_total += len(results) - ok + missing
    extra = "" if not others else "  (" + ", ".join(f"{n} {k}" for k, n in others.items()) + ")"
    print(f"{name.split(' / ')[-1]:24} {ok}/{len(results) + missing}{extra}")
passed = sum(len(r) for r in runs.values()) + sum(max(0, int(sys.argv[2]) - len(r)) for r in runs.values()) - bad_total
print(f"stress: {passed} passed, {bad_total} failed")
sys.exit(1 if bad_total else 0)
PY
summary=$?
[ $rc -eq 0 ] && [ $summary -eq 0 ]
