#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Renders the search results (a sample journal searched for "enough") and the
# Preferences with its backups, wide (1000x700) and narrow (360x700), light
# and dark, into the folder given as argument.
#
#   build-aux/screenshots-search.sh OUT_DIR [--lang LANGUAGE]
#
# Also opens the result "first version" (a turn: its words marked in the
# bubble).
#
# Uses the build in $ENOUGH_BUILD_DIR (default _build); builds
# tests/make-search-sample first if needed.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
build="${ENOUGH_BUILD_DIR:-$top/_build}"
out="${1:?usage: $0 OUT_DIR [--lang LANGUAGE]}"
lang=()
[ "${2:-}" = --lang ] && lang=(--lang "${3:?--lang needs a language}")
mkdir -p "$out"

ninja -C "$build" src/enough tests/make-search-sample >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -m 700 -p "$work/journal"
ENOUGH_DATA_DIR="$work/journal" "$build/tests/make-search-sample"

for size in 1000x700 360x700; do
  for scheme in light dark; do
    dark=()
    [ "$scheme" = dark ] && dark=(--dark)
    ENOUGH_BUILD_DIR="$build" "$top/build-aux/screenshot.sh" --size "$size" "${dark[@]}" "${lang[@]}" \
      --data-dir "$work/journal" --key ctrl+f --type enough \
      --out "$out/search-$size-$scheme.png" >/dev/null
    echo "$out/search-$size-$scheme.png"
    ENOUGH_BUILD_DIR="$build" "$top/build-aux/screenshot.sh" --size "$size" "${dark[@]}" "${lang[@]}" \
      --data-dir "$work/journal" --key ctrl+f --type 'first version' --then-key Return \
      --out "$out/search-open-turn-$size-$scheme.png" >/dev/null
    echo "$out/search-open-turn-$size-$scheme.png"
    # The app made the day's backup of the journal on the first run.
    ENOUGH_BUILD_DIR="$build" "$top/build-aux/screenshot.sh" --size "$size" "${dark[@]}" "${lang[@]}" \
      --data-dir "$work/journal" --key ctrl+comma \
      --out "$out/preferences-$size-$scheme.png" >/dev/null
    echo "$out/preferences-$size-$scheme.png"
  done
done
