#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Renders the Experiments page with sample experiments (one ready to look
# back open), wide (1000x700) and narrow (360x700), light and dark, into
# the folder given as argument; --lang LANG renders a translation.
#
#   build-aux/screenshots-experiments.sh OUT_DIR [--lang LANG]
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
build="${ENOUGH_BUILD_DIR:-$top/_build}"
out="${1:?usage: $0 OUT_DIR [--lang LANG]}"
shift
lang=()
if [ "${1:-}" = --lang ]; then lang=(--lang "$2"); fi
mkdir -p "$out"

ninja -C "$build" src/enough tests/make-experiments-sample >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -m 700 -p "$work/data"
uuid=$(ENOUGH_DATA_DIR="$work/data" "$build/tests/make-experiments-sample")
suffix="${lang[1]:-}"
for size in 1000x700 360x700; do
  for scheme in light dark; do
    dark=()
    [ "$scheme" = dark ] && dark=(--dark)
    ENOUGH_BUILD_DIR="$build" "$top/build-aux/screenshot.sh" --page experiments --size "$size" \
      "${dark[@]}" "${lang[@]}" --action "app.open-experiment=$uuid" --data-dir "$work/data" \
      --out "$out/experiments-$size-$scheme$suffix.png" >/dev/null
    echo "$out/experiments-$size-$scheme$suffix.png"
  done
done
