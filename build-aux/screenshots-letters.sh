#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Renders the Letters page with sample letters: the steps (a half-written
# letter) and the reading view, wide (1000x700) and narrow (360x700), light
# and dark, into the folder given as argument.
#
#   build-aux/screenshots-letters.sh OUT_DIR
#
# Uses the build in $ENOUGH_BUILD_DIR (default _build); builds
# tests/make-letters-sample first if needed.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
build="${ENOUGH_BUILD_DIR:-$top/_build}"
out="${1:?usage: $0 OUT_DIR}"
mkdir -p "$out"

ninja -C "$build" src/enough tests/make-letters-sample >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for kind in writing reading; do
  mkdir -m 700 -p "$work/$kind"
  uuid=$(ENOUGH_DATA_DIR="$work/$kind" "$build/tests/make-letters-sample" "$kind")
  # Narrow windows start on the list: open the newest letter as a click would.
  if [ "$kind" = writing ]; then open=app.edit-letter; else open=app.open-letter; fi
  for size in 1000x700 360x700; do
    for scheme in light dark; do
      dark=()
      [ "$scheme" = dark ] && dark=(--dark)
      ENOUGH_BUILD_DIR="$build" "$top/build-aux/screenshot.sh" --page letters --size "$size" \
        "${dark[@]}" --action "$open=$uuid" --data-dir "$work/$kind" --out "$out/letters-$kind-$size-$scheme.png" >/dev/null
      echo "$out/letters-$kind-$size-$scheme.png"
    done
  done
done
