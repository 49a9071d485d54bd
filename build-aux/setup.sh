#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Installs, from Debian 12's packages, whatever is missing to build, run and
# test Enough. Safe to run again: it does nothing when all is there.
set -euo pipefail

packages=(
  poppler-utils  # pdftotext: the PDF export test reads its text layer
  libgcrypt20-dev  # encryption at rest (src/core/crypto; HACKING.md, "Dependencies")
  libsecret-1-dev  # "Unlock automatically": the passphrase in the keyring (optional, -Dkeyring)
  gnome-keyring  # the lock test's secret service on its private D-Bus session
  build-essential meson ninja-build pkg-config gettext git
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev
  desktop-file-utils appstream
  xvfb xauth dbus dbus-x11 xdotool imagemagick at-spi2-core
  adwaita-icon-theme librsvg2-common gsettings-desktop-schemas
  fonts-cantarell fonts-dejavu-core fonts-noto-cjk locales-all
  valgrind python3 tzdata
)
# clang only for the fuzzing build (CC=clang meson setup -Dfuzzing=true; docs/reliability.md).
if [ "${1:-}" = "--fuzzing" ]; then
  packages+=(clang)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
