#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Offline Flatpak test: builds flatpak/io.github.enoughjournal.Enough.json,
# installs it and runs it in the sandbox, without Flathub.
#
# Flathub cannot be reached from CI, so a small stand-in for the GNOME
# Platform and Sdk is built from Debian 12's packages (debootstrap, then
# apt-get inside a chroot), exported to a local OSTree repository and cached
# outside the clone, keyed by a hash of the package lists and of the recipe.
# The manifest is then built with flatpak-builder, rewriting only its
# runtime, sdk and runtime-version, installed, launched under Xvfb in a
# private D-Bus session, quit over D-Bus, fed entries with `enough --import`
# and read back with `--export`; then the sandbox is probed from inside, and
# the journal is encrypted there (`--encrypt --passphrase-file`) and read
# back with its passphrase.
# HOME (and so ~/.var/app) is a throw-away folder; the per-user installation
# holding the runtime is cached, the app is uninstalled from it at exit.
#
# Prints TAP-ish lines and ends with `flatpak: N passed, N failed`. Exits
# non-zero when a check fails. Skips (exit 0) only when debootstrap or
# flatpak cannot be installed.
#
# Environment:
#   ENOUGH_FLATPAK_CACHE   where to keep the runtime repository
#                          (default /var/cache/enough-flatpak-runtime as root,
#                          ~/.cache/enough-flatpak-runtime otherwise)
#   ENOUGH_DEBIAN_MIRROR   Debian mirror (default: the one apt is configured with)
#   ENOUGH_FLATPAK_KEEP=1  keep the work folder (logs, build dir) for debugging
set -uo pipefail

top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app_id=io.github.enoughjournal.Enough
object_path=/io/github/enoughjournal/Enough
manifest="$top/flatpak/$app_id.json"

# The app opens its journal at startup, so the database must appear in the
# sandbox's data dir (0 checks only that ~/.var/app/ID exists).
expect_database=1

# The stand-in runtime. The Platform holds what Enough links against plus
# what GTK needs to draw (Mesa, so it does not fall back to cairo) and show
# text and icons; the Sdk adds the build tools. appstream-util is needed
# because flatpak-builder 1.2 composes the metainfo with it.
suite=bookworm
platform_name=io.github.enoughjournal.OfflinePlatform
sdk_name=io.github.enoughjournal.OfflineSdk
platform_pkgs=(
  libgtk-4-1 libadwaita-1-0 libjson-glib-1.0-0 libsqlite3-0 libglib2.0-bin libgcrypt20
  gsettings-desktop-schemas adwaita-icon-theme hicolor-icon-theme librsvg2-common
  shared-mime-info fontconfig fonts-cantarell fonts-dejavu-core
  libegl1 libgl1 libgles2 libgl1-mesa-dri libegl-mesa0 libglx-mesa0
)
sdk_pkgs=(
  build-essential meson ninja-build pkg-config gettext
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev libgcrypt20-dev
  desktop-file-utils appstream-util elfutils libxml2-utils
)
host_pkgs=(flatpak flatpak-builder debootstrap elfutils xvfb xauth xdotool dbus libglib2.0-bin python3)

# --- TAP-ish reporting ------------------------------------------------------

results=""   # set once the work folder exists; one line per check
started=$(date +%s)

# ok DESCRIPTION / not_ok DESCRIPTION [LOGFILE]
ok () {
  echo ok >>"$results"
  echo "ok $(wc -l <"$results") - $1"
}
not_ok () {
  echo "not ok" >>"$results"
  echo "not ok $(wc -l <"$results") - $1"
  if [ -n "${2:-}" ] && [ -f "$2" ]; then
    tail -n 40 "$2" | sed 's/^/#   /'
  fi
}
# check DESCRIPTION COMMAND...: ok when COMMAND succeeds.
check () {
  local desc="$1"; shift
  if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}
note () { echo "# $*"; }
elapsed () { echo "$(( $(date +%s) - $1 )) s"; }

summary () {
  local p=0 f=0
  if [ -n "$results" ] && [ -f "$results" ]; then
    p=$(grep -c '^ok$' "$results")
    f=$(grep -c '^not ok$' "$results")
  fi
  echo "flatpak: $p passed, $f failed"
  [ "$f" -eq 0 ]
}

skip () {
  echo "1..0 # SKIP $*"
  echo "flatpak: 0 passed, 0 failed"
  exit 0
}

# Stops here: the remaining checks cannot run.
bail () {
  not_ok "$@"
  note "total $(elapsed "$started")"
  summary
  exit 1
}

# --- the session phase --------------------------------------------------------
# Runs inside Xvfb and a private D-Bus session (see the end of this file).

# has_every_entry IMPORTED EXPORTED: every entry id of the first JSON file is
# in the second.
has_every_entry () {
  python3 - "$1" "$2" <<'PY'
import json, sys
want = {e["id"] for e in json.load(open(sys.argv[1]))["entries"]}
have = {e["id"] for e in json.load(open(sys.argv[2]))["entries"]}
print("missing:", sorted(want - have))
sys.exit(0 if want and want <= have else 1)
PY
}

# The files under DIR holding any of the imported fixture's words in clear.
files_with_words () {
  grep -rlaF -e "Taskmaster" -e "我已经尽力了" -e "Dear me" "$1" 2>/dev/null
}

# The journal the checks above filled, encrypted inside the sandbox with
# the app's own command line (libgcrypt from the runtime): nothing of it
# left in clear, the entries back with the passphrase, a wrong one refused.
encrypted_checks () {
  local var="$1" dir="$1/data/enough" rc found
  local pass="$var/cache/passphrase" wrong="$var/cache/wrong-passphrase"

  printf 'a long walk by the sea\n' >"$pass"
  printf 'not the passphrase\n' >"$wrong"
  found=$(files_with_words "$dir")
  if [ -n "$found" ]; then
    ok "before encryption the imported words are in clear in the journal (so the next check can fail)"
  else
    not_ok "before encryption the imported words are in clear in the journal"
  fi
  if flatpak run --command=enough "$app_id" --encrypt --passphrase-file "$pass" \
       >"$work/encrypt.log" 2>&1 && [ -f "$dir/journal.key" ]; then
    ok "enough --encrypt --passphrase-file encrypts the sandboxed journal"
  else
    not_ok "enough --encrypt --passphrase-file encrypts the sandboxed journal" "$work/encrypt.log"
  fi
  found=$(files_with_words "$dir")
  if [ -z "$found" ] && [ -s "$dir/journal.db" ]; then
    ok "no imported word in clear in any file under ~/.var/app/$app_id/data/enough/"
  else
    not_ok "no imported word in clear in any file under ~/.var/app/$app_id/data/enough/ (found in: $found)"
  fi
  rm -f "$var/cache/export-encrypted.json"
  if flatpak run --command=enough "$app_id" --export "$var/cache/export-encrypted.json" \
       --passphrase-file "$pass" >"$work/export-encrypted.log" 2>&1 &&
     has_every_entry "$var/cache/import.json" "$var/cache/export-encrypted.json" \
       >>"$work/export-encrypted.log" 2>&1; then
    ok "enough --export --passphrase-file gives back every imported entry"
  else
    not_ok "enough --export --passphrase-file gives back every imported entry" "$work/export-encrypted.log"
  fi
  rm -f "$var/cache/export-wrong.json"
  flatpak run --command=enough "$app_id" --export "$var/cache/export-wrong.json" \
    --passphrase-file "$wrong" >"$work/export-wrong.log" 2>&1
  rc=$?
  if [ "$rc" -ne 0 ] && ! [ -s "$var/cache/export-wrong.json" ]; then
    ok "a wrong passphrase file fails (status $rc) and exports nothing"
  else
    not_ok "a wrong passphrase file fails and exports nothing (status $rc)" "$work/export-wrong.log"
  fi
}

session_checks () {
  local log="$work/app.log" pid wid i rc out

  note "X display $DISPLAY, session bus $DBUS_SESSION_BUS_ADDRESS"
  flatpak run "$app_id" >"$log" 2>&1 &
  pid=$!

  # Poll rather than `xdotool search --sync`, to stop early if the app dies.
  wid=""
  i=0
  while [ -z "$wid" ] && [ $i -lt 600 ] && kill -0 "$pid" 2>/dev/null; do
    wid=$(xdotool search --onlyvisible --name '^Enough$' 2>/dev/null | head -n 1)
    [ -n "$wid" ] || sleep 0.2
    i=$((i + 1))
  done
  if [ -n "$wid" ]; then
    ok "the sandboxed app shows its window (after about $((i / 5)) s)"
  else
    not_ok "the sandboxed app shows its window within 120 s" "$log"
  fi

  if gdbus call --session --dest "$app_id" --object-path "$object_path" \
       --method org.gtk.Actions.Activate quit '[]' '{}' >"$work/quit.log" 2>&1; then
    ok "app.quit is reachable over D-Bus from outside the sandbox"
  else
    not_ok "app.quit is reachable over D-Bus from outside the sandbox" "$work/quit.log"
  fi

  i=0
  while kill -0 "$pid" 2>/dev/null && [ $i -lt 200 ]; do
    sleep 0.1
    i=$((i + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    sleep 1
    kill -9 "$pid" 2>/dev/null
    not_ok "the app exits after app.quit" "$log"
  else
    wait "$pid"
    rc=$?
    if [ "$rc" -eq 0 ]; then
      ok "the app exits cleanly after app.quit"
    else
      not_ok "the app exits cleanly after app.quit (status $rc)" "$log"
    fi
  fi
  if grep -qE 'CRITICAL|Gtk-WARNING|Adwaita-WARNING|Enough-WARNING' "$log"; then
    note "app output (warnings):"
    sed 's/^/#   /' "$log"
  fi

  # The app's files land in the sandbox's own folder, not in the host's home.
  local var="$HOME/.var/app/$app_id"
  if [ "$expect_database" -eq 1 ]; then
    if [ -f "$var/data/enough/journal.db" ]; then
      ok "the journal database is in ~/.var/app/$app_id/data/enough/"
    else
      not_ok "the journal database is in ~/.var/app/$app_id/data/enough/"
      find "$var" 2>/dev/null | sed 's/^/#   /'
    fi
    local modes
    modes="$(stat -c %a "$var/data/enough" 2>&1) $(stat -c %a "$var/data/enough/journal.db" 2>&1)"
    if [ "$modes" = "700 600" ]; then
      ok "the journal folder is private (0700) and the database 0600"
    else
      not_ok "the journal folder is private (0700) and the database 0600 (got: $modes)"
    fi
  else
    if [ -d "$var" ]; then
      ok "the app got its data folder ~/.var/app/$app_id/"
    else
      not_ok "the app got its data folder ~/.var/app/$app_id/"
    fi
  fi

  # Entries go in and come out through the app's command line, in the
  # sandbox: the import file must be inside the app's own folder.
  mkdir -p "$var/cache"
  cp "$top/tests/fixtures/cli-import.json" "$var/cache/import.json"
  if flatpak run "$app_id" --import "$var/cache/import.json" >"$work/import.log" 2>&1; then
    ok "enough --import adds entries to the sandboxed journal ($(head -n 1 "$work/import.log" | sed 's/ from .*//'))"
  else
    not_ok "enough --import adds entries to the sandboxed journal" "$work/import.log"
  fi
  if flatpak run "$app_id" --export "$var/cache/export.json" >"$work/export.log" 2>&1 &&
     has_every_entry "$var/cache/import.json" "$var/cache/export.json" >>"$work/export.log" 2>&1
  then
    ok "enough --export gives back every imported entry"
  else
    not_ok "enough --export gives back every imported entry" "$work/export.log"
  fi

  # The sandbox holds: a file in the host's home cannot be read, while one in
  # the app's own folder can (so the command itself works and the first
  # check cannot pass by accident).
  echo "host secret" >"$HOME/host-secret.txt"
  mkdir -p "$var/data"
  echo "app data" >"$var/data/probe.txt"
  out=$(flatpak run --command=sh "$app_id" -c 'cat "$1"' sh "$var/data/probe.txt" 2>&1)
  if [ "$out" = "app data" ]; then
    ok "the sandbox can read its own ~/.var/app folder"
  else
    not_ok "the sandbox can read its own ~/.var/app folder (got: $out)"
  fi
  out=$(flatpak run --command=sh "$app_id" -c 'cat "$1"' sh "$HOME/host-secret.txt" 2>&1)
  rc=$?
  if [ $rc -ne 0 ] && ! printf '%s' "$out" | grep -q "host secret"; then
    ok "the sandbox cannot read a file in the host's home"
  else
    not_ok "the sandbox cannot read a file in the host's home (status $rc, got: $out)"
  fi
  if flatpak run --command=sh "$app_id" -c 'test -e "$1"' sh "$top/meson.build" 2>/dev/null; then
    not_ok "the sandbox cannot see the source tree on the host"
  else
    ok "the sandbox cannot see the source tree on the host"
  fi
  # /proc/net follows the sandbox's network namespace (/sys/class/net would not).
  out=$(flatpak run --command=sh "$app_id" -c 'cat /proc/net/dev' 2>&1 |
          awk -F: 'NR > 2 { gsub(/ /, "", $1); printf "%s ", $1 }')
  if [ "$out" = "lo " ]; then
    ok "the sandbox has no network, only loopback"
  else
    not_ok "the sandbox has no network, only loopback (got: $out)"
  fi

  encrypted_checks "$var"
}

if [ "${1:-}" = "--session" ]; then
  work="$2"
  results="$work/results"
  # The session's services talk on stdout too; keep the TAP lines apart.
  session_checks >"$work/session.tap"
  exit 0
fi

# --- host packages ------------------------------------------------------------

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    sudo="none"
  fi
fi

missing=()
for p in "${host_pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ] && [ "$sudo" != "none" ]; then
  echo "# installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null 2>&1 || true
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    echo "# apt-get install failed"
fi
for tool in flatpak flatpak-builder; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool cannot be installed"
done
command -v debootstrap >/dev/null 2>&1 || skip "debootstrap cannot be installed"
for tool in Xvfb xvfb-run xdotool dbus-run-session gdbus python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "not ok 1 - $tool is missing"; echo "flatpak: 0 passed, 1 failed"; exit 1; }
done

# --- a private home -------------------------------------------------------------

work="$(mktemp -d "${TMPDIR:-/tmp}/enough-flatpak.XXXXXX")"
results="$work/results"
: >"$results"
cleanup () {
  [ -z "${FLATPAK_USER_DIR:-}" ] || uninstall_app
  if [ "${ENOUGH_FLATPAK_KEEP:-0}" = "1" ]; then
    note "kept $work"
  else
    # Deployed runtime folders may be read-only for a normal user.
    [ "$(id -u)" -eq 0 ] || chmod -R u+w "$work" 2>/dev/null
    rm -rf "$work"
  fi
}
trap cleanup EXIT

real_home="$(getent passwd "$(id -u)" | cut -d: -f6)"
[ -n "$real_home" ] || real_home="${HOME:-/root}"
export HOME="$work/home"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# What the rest of the test suite sets must not leak into the sandbox.
unset ENOUGH_DATA_DIR GSETTINGS_BACKEND GSETTINGS_SCHEMA_DIR FLATPAK_USER_DIR \
  DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY XAUTHORITY LD_PRELOAD

# --- the static checks on the manifest -----------------------------------------

if python3 - "$manifest" <<'PY'
import json, re, sys
m = json.load(open(sys.argv[1]))
problems = []
if m.get("id") != "io.github.enoughjournal.Enough": problems.append("id")
if m.get("runtime") != "org.gnome.Platform" or m.get("sdk") != "org.gnome.Sdk":
    problems.append("runtime/sdk")
if not re.fullmatch(r"[0-9]+", str(m.get("runtime-version", ""))):
    problems.append("runtime-version is not a numbered GNOME release")
if m.get("command") != "enough": problems.append("command")
if sorted(m.get("finish-args", [])) != sorted(["--share=ipc", "--socket=wayland",
                                                 "--socket=fallback-x11", "--device=dri"]):
    problems.append("finish-args are not exactly the offline set")
if not m.get("cleanup"): problems.append("no cleanup list")
app = m["modules"][-1]
if app.get("buildsystem") != "meson" or not app.get("builddir"): problems.append("app module")
for p in problems: print("#   " + p)
sys.exit(1 if problems else 0)
PY
then
  ok "the manifest targets org.gnome.Platform with only the offline finish-args"
else
  not_ok "the manifest targets org.gnome.Platform with only the offline finish-args"
fi

# --- the stand-in runtime, cached -------------------------------------------------

arch="$(flatpak --default-arch)"
mirror="${ENOUGH_DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
  mirror=$(grep -hs -A3 -E '^Types:.*deb' /etc/apt/sources.list.d/*.sources |
             awk '/^URIs:/ { print $2 }' | grep -v security | head -n 1)
fi
if [ -z "$mirror" ]; then
  mirror=$(awk '$1 == "deb" && $3 == "'"$suite"'" { print $2; exit }' /etc/apt/sources.list 2>/dev/null)
fi
mirror="${mirror:-http://deb.debian.org/debian}"

# Runs COMMAND inside the tree ROOT with /proc mounted.
in_root () {
  local root="$1"; shift
  $sudo mount -t proc proc "$root/proc" || return 1
  $sudo env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    LC_ALL=C.UTF-8 chroot "$root" "$@"
  local rc=$?
  $sudo umount "$root/proc"
  return $rc
}

# Installs packages into ROOT.
root_install () {
  local root="$1"; shift
  in_root "$root" apt-get update -qq &&
    in_root "$root" apt-get install -y -qq --no-install-recommends "$@" &&
    in_root "$root" apt-get clean
}

# Turns the tree ROOT into a Flatpak runtime build dir DIR named NAME and
# exports it to REPO.
export_runtime () {
  local root="$1" dir="$2" name="$3" repo="$4"
  $sudo mkdir -p "$dir" &&
    $sudo mv "$root/usr" "$dir/files" &&
    $sudo mv "$root/etc" "$dir/files/etc" || return 1
  # flatpak builds the per-app ld cache (with /app/lib) by running
  # /usr/bin/ldconfig with the runtime's /etc/ld.so.conf.
  $sudo ln -sfn ../sbin/ldconfig "$dir/files/bin/ldconfig"
  $sudo sh -c ": >'$dir/files/etc/ld.so.conf'"
  # /etc moves one level down, so the relative mtab link would dangle.
  $sudo ln -sfn /proc/self/mounts "$dir/files/etc/mtab"
  $sudo rm -f "$dir/files/etc/shadow" "$dir/files/etc/shadow-" \
    "$dir/files/etc/gshadow" "$dir/files/etc/gshadow-"
  $sudo rm -rf "$dir/files/share/doc" "$dir/files/share/man" "$dir/files/share/info"
  $sudo sh -c "printf '[Runtime]\nname=%s\nruntime=%s\nsdk=%s\n' '$name' \
    '$platform_name/$arch/$suite' '$sdk_name/$arch/$suite' >'$dir/metadata'"
  $sudo flatpak build-export --no-update-summary --runtime --files=files \
    "$repo" "$dir" "$suite"
}

build_runtime () {
  local tmp="$1" repo="$1/repo"
  local t0
  t0=$(date +%s)
  # Debootstrap into a tree, make dpkg fast and keep services from starting.
  $sudo debootstrap --variant=minbase --arch="$(dpkg --print-architecture)" \
    "$suite" "$tmp/platform" "$mirror" >"$tmp/debootstrap.log" 2>&1 || return 1
  $sudo sh -c "echo force-unsafe-io >'$tmp/platform/etc/dpkg/dpkg.cfg.d/unsafe-io'
               printf '#!/bin/sh\nexit 101\n' >'$tmp/platform/usr/sbin/policy-rc.d'
               chmod 755 '$tmp/platform/usr/sbin/policy-rc.d'"
  note "debootstrap: $(elapsed "$t0")"
  t0=$(date +%s)
  root_install "$tmp/platform" "${platform_pkgs[@]}" >"$tmp/platform.log" 2>&1 || return 1
  $sudo cp -a "$tmp/platform" "$tmp/sdk" || return 1
  root_install "$tmp/sdk" "${sdk_pkgs[@]}" >"$tmp/sdk.log" 2>&1 || return 1
  $sudo rm -f "$tmp/platform/usr/sbin/policy-rc.d" "$tmp/sdk/usr/sbin/policy-rc.d"
  note "packages: $(elapsed "$t0")"
  t0=$(date +%s)
  export_runtime "$tmp/platform" "$tmp/platform-build" "$platform_name" "$repo" \
    >"$tmp/export.log" 2>&1 || return 1
  export_runtime "$tmp/sdk" "$tmp/sdk-build" "$sdk_name" "$repo" \
    >>"$tmp/export.log" 2>&1 || return 1
  $sudo flatpak build-update-repo "$repo" >>"$tmp/export.log" 2>&1 || return 1
  note "export: $(elapsed "$t0")"
}

# The key covers the package lists and the recipe itself, so changing either
# rebuilds the runtime.
key=$( {
  echo "$suite $arch $mirror $platform_name $sdk_name"
  echo "${platform_pkgs[*]}"
  echo "${sdk_pkgs[*]}"
  declare -f in_root root_install export_runtime build_runtime
} | sha256sum | cut -c1-16)

if [ -n "${ENOUGH_FLATPAK_CACHE:-}" ]; then
  cache_root="$ENOUGH_FLATPAK_CACHE"
elif [ "$(id -u)" -eq 0 ]; then
  cache_root=/var/cache/enough-flatpak-runtime
else
  cache_root="$real_home/.cache/enough-flatpak-runtime"
fi
cache="$cache_root/$key"

# One run at a time per cache: a concurrent run waits, then finds the runtime
# built and the shared installation free.
if ! mkdir -p "$cache_root" 2>/dev/null; then
  [ "$sudo" != "none" ] && $sudo mkdir -p "$cache_root" ||
    bail "the cache folder $cache_root can be created"
fi
if [ ! -w "$cache_root/.lock" ]; then
  if [ "$sudo" = "none" ]; then touch "$cache_root/.lock"; else
    $sudo touch "$cache_root/.lock" && $sudo chmod 666 "$cache_root/.lock"; fi
fi
exec 9>>"$cache_root/.lock" || bail "the cache lock $cache_root/.lock can be opened"
flock 9

t0=$(date +%s)
if [ -f "$cache/complete" ]; then
  ok "the stand-in runtime is cached in $cache"
else
  if [ "$sudo" = "none" ]; then
    skip "building the stand-in runtime with debootstrap needs root or sudo"
  fi
  note "building the stand-in runtime from Debian $suite ($mirror), once"
  # Leftovers of an interrupted build may still have /proc mounted.
  findmnt -rn -o TARGET | grep -F "$cache_root/.build-" | sort -r |
    while read -r m; do $sudo umount -l "$m"; done
  $sudo rm -rf --one-file-system "$cache_root"/.build-*
  tmp="$cache_root/.build-$key-$$"
  $sudo mkdir -p "$tmp"
  if build_runtime "$tmp"; then
    $sudo rm -rf "$cache"
    $sudo mkdir -p "$cache"
    $sudo mv "$tmp/repo" "$cache/repo"
    [ -z "$sudo" ] || $sudo chown -R "$(id -u):$(id -g)" "$cache"
    $sudo touch "$cache/complete"
    $sudo rm -rf --one-file-system "$tmp"
    # Only the current recipe is worth its ~400 MB.
    for old in "$cache_root"/*/; do
      [ "${old%/}" = "$cache" ] || $sudo rm -rf --one-file-system "${old%/}"
    done
    ok "the stand-in runtime is built from Debian $suite ($(elapsed "$t0"))"
  else
    for f in "$tmp"/*.log; do cp "$f" "$work/" 2>/dev/null; done
    $sudo umount "$tmp/platform/proc" "$tmp/sdk/proc" 2>/dev/null
    $sudo rm -rf --one-file-system "$tmp"
    log=$(ls -t "$work"/*.log 2>/dev/null | head -n 1)
    bail "the stand-in runtime is built from Debian $suite" "$log"
  fi
fi

# --- install the runtime, build and install the app -------------------------------

# The per-user installation that holds the runtime is kept in the cache too
# (installing it takes longer than the rest of a cached run); the app is
# installed into it for this run only.
export FLATPAK_USER_DIR="$cache/installation"
uninstall_app () {
  if flatpak --user info "$app_id" >/dev/null 2>&1; then
    flatpak --user uninstall -y --noninteractive "$app_id" >/dev/null 2>&1
  fi
}
install_runtime () {
  flatpak --user remote-add --no-gpg-verify --if-not-exists enough-offline \
    "file://$cache/repo" &&
    flatpak --user install -y --noninteractive --or-update enough-offline \
      "$platform_name//$suite" "$sdk_name//$suite"
}
uninstall_app
t0=$(date +%s)
if flatpak --user info "$platform_name//$suite" >/dev/null 2>&1 &&
   flatpak --user info "$sdk_name//$suite" >/dev/null 2>&1; then
  ok "the stand-in Platform and Sdk are installed in $FLATPAK_USER_DIR"
elif install_runtime >"$work/install.log" 2>&1 || {
       # A broken installation (say, an interrupted run) is rebuilt once.
       rm -rf "$FLATPAK_USER_DIR" && install_runtime >>"$work/install.log" 2>&1; }; then
  ok "the stand-in Platform and Sdk install into $FLATPAK_USER_DIR ($(elapsed "$t0"))"
else
  bail "the stand-in Platform and Sdk install into $FLATPAK_USER_DIR" "$work/install.log"
fi

# Build from a clean copy of the working tree (no build dirs, no .git), with
# the manifest beside it so that its "path": ".." points at the copy.
stage="$work/source"
mkdir -p "$stage"
if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
  git -C "$top" ls-files -z --cached --others --exclude-standard |
    (cd "$top" && tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -C "$stage" -xf -
else
  tar -C "$top" --exclude=./.git --exclude='./_build*' --exclude=./.flatpak-builder \
    --exclude=./flatpak-build -cf - . | tar -C "$stage" -xf -
fi
python3 - "$manifest" "$stage/flatpak/$app_id.json" "$platform_name" "$sdk_name" "$suite" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
m["runtime"], m["sdk"], m["runtime-version"] = sys.argv[3], sys.argv[4], sys.argv[5]
json.dump(m, open(sys.argv[2], "w"), indent=2)
PY

t0=$(date +%s)
if (cd "$work" && flatpak-builder --user --install --disable-rofiles-fuse --force-clean \
      --state-dir="$work/state" "$work/build" "$stage/flatpak/$app_id.json") \
     >"$work/builder.log" 2>&1; then
  ok "flatpak-builder builds and installs the manifest ($(elapsed "$t0"))"
else
  bail "flatpak-builder builds and installs the manifest" "$work/builder.log"
fi

# Files named by the app ID are exported to the host; the metainfo stays
# inside, composed into the app's AppStream catalog (share/app-info with
# flatpak-builder 1.2, share/swcatalog with 1.4).
exports="$FLATPAK_USER_DIR/exports/share"
for f in "applications/$app_id.desktop" "icons/hicolor/scalable/apps/$app_id.svg" \
         "dbus-1/services/$app_id.service"; do
  check "exported: $f" test -f "$exports/$f"
done
location=$(flatpak info --user --show-location "$app_id" 2>/dev/null)
if [ -f "$location/files/share/app-info/xmls/$app_id.xml.gz" ] ||
   [ -f "$location/files/share/swcatalog/xml/$app_id.xml.gz" ]; then
  ok "the metainfo is composed into the app's AppStream catalog"
else
  not_ok "the metainfo is composed into the app's AppStream catalog" "$work/builder.log"
fi

perms=$(flatpak info --user --show-permissions "$app_id" 2>&1)
if printf '%s\n' "$perms" | grep -q '^shared=ipc;$' &&
   ! printf '%s\n' "$perms" | grep -qE '^filesystems=|network'; then
  ok "the installed app has no network and no host folders"
else
  not_ok "the installed app has no network and no host folders"
  printf '%s\n' "$perms" | sed 's/^/#   /'
fi

# --- run it, sandboxed, headless --------------------------------------------------

t0=$(date +%s)
before=$(grep -c . "$results")
xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
  dbus-run-session -- bash "$top/build-aux/flatpak-test.sh" --session "$work" \
  >"$work/session.log" 2>&1
cat "$work/session.tap" 2>/dev/null
if [ "$(grep -c . "$results")" -lt "$(( before + 15 + expect_database ))" ]; then
  not_ok "the session checks all ran" "$work/session.log"
fi
note "session: $(elapsed "$t0")"

note "total $(elapsed "$started")"
summary
