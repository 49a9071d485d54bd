#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Extracts a fresh template from the sources listed in po/POTFILES.in and
# checks every language in po/LINGUAS against it: each message translated,
# nothing fuzzy, nothing obsolete missing, format specifiers matching
# (msgfmt --check). Output is TAP.
set -u
top="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$top" || exit 1

n=0
fail=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; fail=1; }

# The same keywords as meson's glib preset, so this template equals `ninja enough-pot`.
if xgettext --package-name=enough --from-code=UTF-8 --add-comments \
     --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     --keyword=ngettext:1,2 \
     --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
     --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
     --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
     --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
     --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
     --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
     --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
     -f po/POTFILES.in -D "$top" -o "$work/enough.pot" 2>"$work/xgettext.log"; then
  count=$(grep -c '^msgid ' "$work/enough.pot")
  ok "template extracted from the sources ($((count - 1)) messages)"
else
  not_ok "xgettext failed"
  sed 's/^/# /' "$work/xgettext.log"
fi

for lang in $(grep -v '^#' po/LINGUAS); do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    not_ok "$lang is in LINGUAS but $po is missing"
    continue
  fi

  if msgfmt --check --statistics -o /dev/null "$po" >"$work/stats" 2>&1; then
    ok "$lang: msgfmt --check passes (formats, headers)"
  else
    not_ok "$lang: msgfmt --check fails"
    sed 's/^/# /' "$work/stats"
  fi

  if grep -qE 'untranslated|fuzzy' "$work/stats"; then
    not_ok "$lang: incomplete: $(tail -n 1 "$work/stats")"
  else
    ok "$lang: every message translated, none fuzzy"
  fi

  # Every message of the fresh template must have a translation in the .po.
  if msgcmp "$po" "$work/enough.pot" >"$work/cmp" 2>&1; then
    ok "$lang: up to date with the sources"
  else
    not_ok "$lang: out of date with the sources (run: meson compile -C _build enough-update-po)"
    head -n 20 "$work/cmp" | sed 's/^/# /'
  fi
done

echo "1..$n"
exit $fail
