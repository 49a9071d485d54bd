#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Installs what is missing, builds Enough and runs every test headless:
# a private X server (Xvfb), a private D-Bus session, in-memory settings and
# a throw-away data dir; then the store and import tests under Valgrind.
# Then does the same in an AddressSanitizer + UndefinedBehaviorSanitizer
# build. Last, builds the Flatpak and runs it in its sandbox, offline
# (build-aux/flatpak-test.sh).
#
#   build-aux/test.sh            everything
#   build-aux/test.sh --quick    skip the sanitizer build and the Flatpak
set -uo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
quick=0
[ "${1:-}" = "--quick" ] && quick=1

"$top/build-aux/setup.sh" || exit 1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GSETTINGS_BACKEND=memory
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

passed=0
failed=0
status=0

# Runs the suite of one build dir headless and adds its counts to the totals.
run_suite () {
  local build="$1"; shift
  local label="$1"; shift

  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$top" "$@" || return 1
  fi
  meson compile -C "$build" || return 1

  echo "== tests: $label"
  xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
    dbus-run-session -- \
    meson test -C "$build" --print-errorlogs --num-processes 2
  local rc=$?

  # Count from meson's own log so the summary is exact.
  local counts
  counts=$(python3 - "$build/meson-logs/testlog.json" <<'PY'
import json, sys
ok = bad = 0
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r.get("result") in ("OK", "EXPECTEDFAIL", "SKIP"):
        ok += 1
    else:
        bad += 1
print(ok, bad)
PY
)
  passed=$((passed + ${counts% *}))
  failed=$((failed + ${counts#* }))
  return $rc
}

run_suite "$top/_build" "debug build" || status=1

# The store and import tests under Valgrind's memcheck (errors and leaks
# fail them; tests/valgrind.supp, the setup in tests/meson.build).
echo "== tests: valgrind (store, import)"
meson test -C "$top/_build" --setup valgrind --print-errorlogs --num-processes 2 \
  store store-autosave store-search store-files store-write-errors import import-index \
  || status=1
vg_counts=$(python3 - "$top/_build/meson-logs/testlog-valgrind.json" <<'PY'
import json, sys
ok = bad = 0
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r.get("result") in ("OK", "EXPECTEDFAIL", "SKIP"):
        ok += 1
    else:
        bad += 1
print(ok, bad)
PY
)
if [ -n "$vg_counts" ]; then
  passed=$((passed + ${vg_counts% *}))
  failed=$((failed + ${vg_counts#* }))
else
  failed=$((failed + 1))
  status=1
fi

if [ $quick -eq 0 ]; then
  run_suite "$top/_build-sanitize" "address and undefined sanitizers" \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug || status=1
fi

# The Flatpak built, installed and run in its sandbox, offline; its checks
# count like the others (a skip counts as nothing).
if [ $quick -eq 0 ]; then
  echo "== tests: flatpak (offline, sandboxed)"
  "$top/build-aux/flatpak-test.sh" | tee "$work/flatpak.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  fp_counts=$(sed -n 's/^flatpak: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$work/flatpak.log" | tail -n 1)
  if [ -n "$fp_counts" ]; then
    passed=$((passed + ${fp_counts% *}))
    failed=$((failed + ${fp_counts#* }))
  else
    failed=$((failed + 1))
    status=1
  fi
fi

echo "tests: $passed passed, $failed failed"
exit $status
