#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Installs what is missing, builds Enough and launches it from the build tree.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
build="${ENOUGH_BUILD_DIR:-$top/_build}"

"$top/build-aux/setup.sh"
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top"
fi
meson compile -C "$build"

# Uninstalled: point GLib at the freshly compiled settings schema.
export GSETTINGS_SCHEMA_DIR="$build/data"
export ENOUGH_LOCALEDIR="$build/po"
exec "$build/src/enough" "$@"
