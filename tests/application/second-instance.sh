#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Launching `enough` while it runs: the second process hands over to the
# first through GApplication (D-Bus) and exits at once; there is still one
# window, presented again. Needs the test's X display and D-Bus session
# (build-aux/test.sh provides both). Output is TAP.
set -u
exe="$1"
echo "1..5"

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null 2>&1; then
  echo "not ok 1 - needs an X display and xdotool (run through build-aux/test.sh)"
  exit 1
fi

tmp=$(mktemp -d)
first=""
cleanup () {
  [ -n "$first" ] && kill "$first" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
unset ENOUGH_DATA_DIR
# The first launch's welcome would be a second window (tests/window/test-welcome.c).
export GSETTINGS_BACKEND=keyfile
mkdir -p "$tmp/config/glib-2.0/settings"
printf '[io/github/enoughjournal/Enough]\nwelcome-shown=true\n' > "$tmp/config/glib-2.0/settings/keyfile"

windows_of () {
  xdotool search --onlyvisible --pid "$1" 2>/dev/null | wc -l
}

"$exe" >"$tmp/first.log" 2>&1 &
first=$!
i=0
while [ "$(windows_of "$first")" -eq 0 ] && [ $i -lt 300 ]; do
  kill -0 "$first" 2>/dev/null || break
  sleep 0.1
  i=$((i + 1))
done
if [ "$(windows_of "$first")" -eq 1 ]; then
  echo "ok 1 - the first instance shows its window"
else
  echo "not ok 1 - the first instance shows no window"
  sed 's/^/# /' "$tmp/first.log"
  exit 1
fi
wid=$(xdotool search --onlyvisible --pid "$first" | head -n 1)

# The second launch: it must hand over and leave within a few seconds.
start=$(date +%s%N)
"$exe" >"$tmp/second.log" 2>&1 &
second=$!
i=0
while kill -0 "$second" 2>/dev/null && [ $i -lt 100 ]; do
  sleep 0.1
  i=$((i + 1))
done
if kill -0 "$second" 2>/dev/null; then
  echo "not ok 2 - the second instance still runs after 10 s"
  kill -9 "$second"
else
  wait "$second"
  rc=$?
  ms=$((($(date +%s%N) - start) / 1000000))
  if [ "$rc" -eq 0 ]; then
    echo "ok 2 - the second instance handed over and exited in $ms ms"
  else
    echo "not ok 2 - the second instance exited with status $rc"
    sed 's/^/# /' "$tmp/second.log"
  fi
fi

# Still exactly one window on the display, the first one, still shown.
sleep 0.5
n=$(xdotool search --onlyvisible --name '^Enough$' 2>/dev/null | wc -l)
if [ "$n" -eq 1 ] && [ "$(windows_of "$first")" -eq 1 ]; then
  echo "ok 3 - one window on the display"
else
  echo "not ok 3 - $n windows named Enough on the display"
fi
if [ "$(xdotool search --onlyvisible --pid "$first" | head -n 1)" = "$wid" ]; then
  echo "ok 4 - it is the same window"
else
  echo "not ok 4 - the window was replaced"
fi

gdbus call --session --dest io.github.enoughjournal.Enough \
  --object-path /io/github/enoughjournal/Enough \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null
i=0
while kill -0 "$first" 2>/dev/null && [ $i -lt 100 ]; do
  sleep 0.1
  i=$((i + 1))
done
if kill -0 "$first" 2>/dev/null; then
  echo "not ok 5 - the first instance still runs 10 s after app.quit"
else
  wait "$first"
  rc=$?
  first=""
  if [ "$rc" -eq 0 ] && ! grep -qE "CRITICAL|WARNING" "$tmp/first.log" "$tmp/second.log"; then
    echo "ok 5 - both exited cleanly, no warnings"
  else
    echo "not ok 5 - exit status $rc or warnings:"
    sed 's/^/# /' "$tmp/first.log" "$tmp/second.log"
  fi
fi
