#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Launches the real `enough` binary with a private data dir, waits until its
# window is mapped on the X display, quits it through its own app.quit action
# over D-Bus and checks that it exits cleanly. Output is TAP.
set -u
exe="$1"
echo "1..4"

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null 2>&1; then
  echo "not ok 1 - needs an X display and xdotool (run through build-aux/test.sh)"
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
unset ENOUGH_DATA_DIR

"$exe" >"$tmp/log" 2>&1 &
pid=$!

wid=""
i=0
while [ $i -lt 300 ]; do
  wid=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -n 1)
  [ -n "$wid" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
  i=$((i + 1))
done

if [ -n "$wid" ]; then
  echo "ok 1 - window mapped after about $((i * 100)) ms"
else
  echo "not ok 1 - no window was mapped"
  sed 's/^/# /' "$tmp/log"
  kill "$pid" 2>/dev/null
  exit 1
fi

name=$(xdotool getwindowname "$wid")
if [ "$name" = "Enough" ]; then
  echo "ok 2 - window title is Enough"
else
  echo "not ok 2 - window title is '$name'"
fi

gdbus call --session --dest io.github.enoughjournal.Enough \
  --object-path /io/github/enoughjournal/Enough \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do
  sleep 0.1
  i=$((i + 1))
done

if kill -0 "$pid" 2>/dev/null; then
  echo "not ok 3 - still running 10 s after app.quit"
  kill -9 "$pid"
  exit 1
fi
wait "$pid"
rc=$?
if [ "$rc" -eq 0 ]; then
  echo "ok 3 - exited cleanly after app.quit"
else
  echo "not ok 3 - exit status $rc"
  sed 's/^/# /' "$tmp/log"
fi

if grep -qE "CRITICAL|WARNING|ERROR" "$tmp/log"; then
  echo "not ok 4 - warnings on stderr"
  sed 's/^/# /' "$tmp/log"
else
  echo "ok 4 - no warnings or criticals on stderr"
fi
