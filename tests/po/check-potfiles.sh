#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Every file with translatable strings must be listed in po/POTFILES.in,
# and everything listed there must exist. Output is TAP.
set -u
top="$1"
cd "$top" || exit 1

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
found=$(find src data \( -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.xml' \) |
        sort -u | while read -r f; do
          case "$f" in
            *.gresource.xml) continue ;;
          esac
          pattern='(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|ngettext)\(|translatable="yes"|<_?summary>|<description>'
          case "$f" in
            *.desktop.in) pattern="$pattern|^(Name|Comment|GenericName|Keywords)=" ;;
          esac
          if grep -qE "$pattern" "$f"; then
            echo "$f"
          fi
        done)

n=0
fail=0
echo "# checking po/POTFILES.in"
for f in $found; do
  n=$((n + 1))
  if printf '%s\n' "$listed" | grep -qx "$f"; then
    echo "ok $n - $f is listed"
  else
    echo "not ok $n - $f has translatable strings but is missing from po/POTFILES.in"
    fail=1
  fi
done
for f in $listed; do
  n=$((n + 1))
  if [ -f "$f" ]; then
    echo "ok $n - listed $f exists"
  else
    echo "not ok $n - po/POTFILES.in lists $f, which does not exist"
    fail=1
  fi
done
echo "1..$n"
exit $fail
