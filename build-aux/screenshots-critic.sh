#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Renders the Inner Critic page with a sample dialogue (a named critic,
# ratings, marked patterns, the prompt card at step 5), wide (1000x700) and
# narrow (360x700), light and dark, into OUT_DIR; plus the empty journal.
#
#   build-aux/screenshots-critic.sh OUT_DIR
#
# Uses the build in $ENOUGH_BUILD_DIR (default _build); builds
# tests/make-critic-sample first if needed.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
build="${ENOUGH_BUILD_DIR:-$top/_build}"
out="${1:?usage: $0 OUT_DIR}"
mkdir -p "$out"

ninja -C "$build" src/enough tests/make-critic-sample >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -m 700 -p "$work/sample" "$work/empty"
ENOUGH_DATA_DIR="$work/sample" "$build/tests/make-critic-sample"

for view in sample empty; do
  for size in 1000x700 360x700; do
    for scheme in light dark; do
      dark=()
      [ "$scheme" = dark ] && dark=(--dark)
      shot="$out/critic-$view-$size-$scheme.png"
      # A busy machine may capture before the first frame (all black): retry.
      for attempt in 1 2 3; do
        ENOUGH_BUILD_DIR="$build" "$top/build-aux/screenshot.sh" --page critic --size "$size" \
          "${dark[@]}" --data-dir "$work/$view" --out "$shot" >/dev/null 2>&1
        [ "$(convert "$shot" -format '%[fx:mean>0]' info:)" = 1 ] && break
      done
      echo "$shot"
    done
  done
done
