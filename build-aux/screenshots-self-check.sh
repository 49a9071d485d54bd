#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Renders the Self-Check page with sample checks: a check in progress (the
# question view), the newest results, and the chart of scores over time,
# wide (1000x700) and narrow (360x700), light and dark, into OUT_DIR.
#
#   build-aux/screenshots-self-check.sh OUT_DIR [--lang LANGUAGE]
#
# long-history: the chart over 120 checks (the two dimensions, last 10).
#
# Uses the build in $ENOUGH_BUILD_DIR (default _build); builds
# tests/make-self-check-sample first if needed.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
build="${ENOUGH_BUILD_DIR:-$top/_build}"
out="${1:?usage: $0 OUT_DIR [--lang LANGUAGE]}"
lang=()
[ "${2:-}" = --lang ] && lang=(--lang "${3:?--lang needs a language}")
mkdir -p "$out"

ninja -C "$build" src/enough tests/make-self-check-sample >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for view in question results history long-history; do
  mkdir -m 700 -p "$work/$view"
  case "$view" in
    question) sample=in-progress ;; long-history) sample=long ;; *) sample=completed ;;
  esac
  ENOUGH_DATA_DIR="$work/$view" "$build/tests/make-self-check-sample" "$sample"
  for size in 1000x700 360x700; do
    for scheme in light dark; do
      dark=()
      [ "$scheme" = dark ] && dark=(--dark)
      shot="$out/self-check-$view-$size-$scheme.png"
      # The page opens on the check in progress, else on the newest results
      # (in one column: the list of checks, the newest selected);
      # ENOUGH_SELF_CHECK_VIEW=history opens the chart instead.
      # A busy machine may capture before the first frame (all black): retry.
      for attempt in 1 2 3; do
        ENOUGH_SELF_CHECK_VIEW="$(case "$view" in *history) echo history ;; esac)" \
          ENOUGH_BUILD_DIR="$build" "$top/build-aux/screenshot.sh" --page self-check --size "$size" \
          "${dark[@]}" "${lang[@]}" --data-dir "$work/$view" --out "$shot" >/dev/null 2>&1
        [ "$(convert "$shot" -format '%[fx:mean>0]' info:)" = 1 ] && break
      done
      echo "$shot"
    done
  done
done
