#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Renders the real app in a private Xvfb display and saves a PNG of its window.
#
#   build-aux/screenshot.sh [--size WxH] [--dark] [--hc] [--page critic|letters|self-check|experiments|checkin]
#                           [--data-dir DIR] [--lang LANGUAGE] [--out FILE.png]
#                           [--action NAME]... [--key KEYS] [--type TEXT] [--welcome]
#
# --hc draws it in high contrast (as with the accessibility setting).
# --welcome shows the first launch's welcome (hidden otherwise).
# --data-dir uses an existing journal folder (default: a fresh empty one).
# --action activates a window or app action (e.g. app.help) before the shot;
#   NAME=STRING passes a string parameter (app.open-letter=UUID).
# --key presses KEYS (xdotool syntax, e.g. ctrl+f: actions installed on a
#   widget class are not on D-Bus, their shortcuts work), then --type types
#   TEXT (ASCII), after the actions; --then-key presses KEYS after that
#   (Return opens the first search result).
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
build="${ENOUGH_BUILD_DIR:-$top/_build}"
size=1000x700
scheme=prefer-light
page=critic
data_dir=""
lang=""
welcome_shown=true
out="$top/_screenshots/enough.png"
actions=()
type_text=""
keys=""
then_keys=""

while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --dark) scheme=prefer-dark; shift ;;
    --hc) high_contrast=1; shift ;;
    --page) page="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --lang) lang="$2"; shift 2 ;;
    --welcome) welcome_shown=false; shift ;;
    --out) out="$2"; shift 2 ;;
    --action) actions+=("$2"); shift 2 ;;
    --type) type_text="$2"; shift 2 ;;
    --key) keys="$2"; shift 2 ;;
    --then-key) then_keys="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

width=${size%x*}
height=${size#*x}
mkdir -p "$(dirname "$out")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A keyfile settings backend lets us choose the window size and page up front.
mkdir -p "$work/config/glib-2.0/settings"
cat > "$work/config/glib-2.0/settings/keyfile" <<KEYS
[io/github/enoughjournal/Enough]
window-width=$width
window-height=$height
last-page='$page'
welcome-shown=$welcome_shown
KEYS

export GSETTINGS_BACKEND=keyfile
export GSETTINGS_SCHEMA_DIR="$build/data"
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
export XDG_DATA_HOME="$work/data"
export ENOUGH_DATA_DIR="${data_dir:-$work/data/enough}"
export ADW_DEBUG_COLOR_SCHEME="$scheme"
if [ -n "${high_contrast:-}" ]; then
  export ADW_DEBUG_HIGH_CONTRAST=1
fi
export GTK_A11Y=none NO_AT_BRIDGE=1
export ENOUGH_LOCALEDIR="$build/po"
if [ -n "$lang" ]; then
  # A real locale too, so dates and numbers follow the language.
  case "$lang" in
    es) locale=es_ES ;; fr) locale=fr_FR ;; de) locale=de_DE ;; ko) locale=ko_KR ;;
    vi) locale=vi_VN ;; ja) locale=ja_JP ;; zh_CN|zh_TW) locale=$lang ;; *) locale=$lang ;;
  esac
  export LANGUAGE="$lang" LANG="${locale}.UTF-8" LC_ALL=
fi

cat > "$work/shot.sh" <<'SHOT'
set -eu
"$ENOUGH_EXE" >"$WORK/log" 2>&1 &
pid=$!
wid=$(timeout 30 xdotool search --sync --onlyvisible --pid "$pid" | head -n 1)
xdotool windowmove "$wid" 0 0
for action in $ACTIONS; do
  case "$action" in
    win.*) path=/io/github/enoughjournal/Enough/window/1; name=${action#win.} ;;
    *) path=/io/github/enoughjournal/Enough; name=${action#app.} ;;
  esac
  # NAME=STRING passes a string parameter (e.g. app.open-letter=UUID).
  param='[]'
  case "$name" in
    *=*) param="[<'${name#*=}'>]"; name=${name%%=*} ;;
  esac
  gdbus call --session --dest io.github.enoughjournal.Enough --object-path "$path" \
    --method org.gtk.Actions.Activate "$name" "$param" '{}' >/dev/null
done
if [ -n "$KEYS" ]; then
  sleep 1
  xdotool key $KEYS
fi
if [ -n "$TYPE_TEXT" ]; then
  sleep 0.5
  xdotool type --delay 30 "$TYPE_TEXT"
fi
if [ -n "$THEN_KEYS" ]; then
  sleep 0.5
  xdotool key $THEN_KEYS
fi
sleep "${ENOUGH_SCREENSHOT_WAIT:-3}"  # lets reveal animations finish
import -window root "$OUT"
gdbus call --session --dest io.github.enoughjournal.Enough --object-path /io/github/enoughjournal/Enough \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null || kill "$pid"
wait "$pid" || true
SHOT

ENOUGH_EXE="$build/src/enough" WORK="$work" OUT="$out" ACTIONS="${actions[*]:-}" TYPE_TEXT="$type_text" KEYS="$keys" THEN_KEYS="$then_keys" \
  xvfb-run -a -s "-screen 0 ${width}x${height}x24" dbus-run-session -- bash "$work/shot.sh"
echo "$out"
