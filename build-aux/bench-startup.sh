#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Builds Enough optimised (in _build-perf unless ENOUGH_BUILD_DIR is set) and
# runs the startup benchmark: the real app with a 100,000-entry journal
# against a bare AdwApplicationWindow program, alternately, under its own
# Xvfb and D-Bus session. Arguments go to enough-bench-startup
# (--runs R, --entries N, --verbose, --help). Prints METRIC lines.
set -eu
top="$(cd "$(dirname "$0")/.." && pwd)"
build="${ENOUGH_BUILD_DIR:-$top/_build-perf}"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" -Dbuildtype=release -Dtests=false
fi
meson compile -C "$build" >/dev/null
exec "$build/bench/enough-bench-startup" "$@"
