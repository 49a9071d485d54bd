#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# The startup benchmark's plumbing, not its figures: with a tiny journal it
# launches the bare window and the real app under its own Xvfb and D-Bus
# session, the LD_PRELOADed probe reports their first frames and memory, and
# every METRIC line comes out, the app's first frame showing list rows.
# Output is TAP.
set -u
bench="$1"
echo "1..3"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The preloaded probe comes before the sanitizer runtime in the link order.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS

if "$bench" --entries 40 --runs 1 --settle-ms 100 --journal "$tmp/journal" \
     >"$tmp/out" 2>"$tmp/err"; then
  echo "ok 1 - the benchmark ran"
else
  echo "not ok 1 - the benchmark failed"
  sed 's/^/# /' "$tmp/err" "$tmp/out"
fi

missing=""
for metric in startup_ratio startup_ms bare_startup_ms startup_empty_ms startup_main_cpu_ms \
              rss_big_mb rss_empty_mb first_frame_rows first_frame_spinners; do
  grep -q "^METRIC $metric [0-9][0-9.]* [a-z]*\$" "$tmp/out" || missing="$missing $metric"
done
if [ -z "$missing" ]; then
  echo "ok 2 - every METRIC line"
else
  echo "not ok 2 - missing or malformed:$missing"
fi

rows=$(awk '$1 == "METRIC" && $2 == "first_frame_rows" { print $3 }' "$tmp/out")
if [ "${rows:-0}" -gt 0 ]; then
  echo "ok 3 - the first frame showed $rows list rows"
else
  echo "not ok 3 - the first frame showed no list rows"
fi
