#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# The command line: enough --export FILE [--from --to], enough --import FILE,
# --help; exit statuses, one-line summaries, errors on stderr, and a journal
# left untouched by a refused import. No display needed. Output is TAP.
set -u
exe="$1"
fixtures="$2"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ENOUGH_DATA_DIR="$tmp/data" TZ=UTC LANGUAGE=C
# Never talk to a session bus (or an Enough) that happens to be there.
unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY
cd "$tmp" || exit 1

n=0
fail=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () {
  n=$((n + 1)); echo "not ok $n - $1"; fail=1
  sed 's/^/# out: /' out 2>/dev/null; sed 's/^/# err: /' err 2>/dev/null
}
# check DESCRIPTION EXPECTED_STATUS ARGS… (stdout → out, stderr → err)
check () {
  desc="$1"; want="$2"; shift 2
  "$exe" "$@" >out 2>err
  got=$?
  if [ "$got" -eq "$want" ]; then ok "$desc (exit $got)"; else not_ok "$desc: exit $got, expected $want"; fi
}
has () {  # has DESCRIPTION FILE TEXT
  if grep -qF -- "$3" "$2"; then ok "$1"; else not_ok "$1: “$3” not in $2"; fi
}

check "--help" 0 --help
has "--help lists --export" out "--export=FILE"
has "--help lists --import" out "--import=FILE"
has "--help lists --from" out "--from=DATE"

check "export before any journal fails" 1 --export early.json
has "… and says why on stderr" err "no journal"
[ ! -e early.json ] && ok "… and writes no file" || not_ok "early.json was written"

check "import" 0 --import "$fixtures/cli-import.json"
has "import summary" out "Imported 3 entries from"
check "import again" 0 --import "$fixtures/cli-import.json"
has "re-import adds nothing" out "Imported 0 new entries from"
has "re-import counts what was there" out "(3 already in your journal)"

check "export JSON" 0 --export all.json
has "export summary" out "Exported 3 entries to"
has "JSON export is versioned" all.json '{"format":"enough-journal","version":2,'
has "JSON export keeps the turns" all.json '"speaker":"me","text":"我已经尽力了。"'
mode=$(stat -c %a all.json)
[ "$mode" = "600" ] && ok "export is private (0600)" || not_ok "export mode is $mode"

check "export Markdown" 0 --export all.md
has "Markdown has the dialogue as a script, the critic by its name" all.md "**the Taskmaster:** You should have started earlier."
has "Markdown has the letter" all.md "Dear me, it is okay."

check "export a date range" 0 --export range.json --from 2025-04-01 --to 2025-04-10
has "range summary" out "Exported 1 entry to"
has "range holds the letter" range.json '"kind":"letter"'
if grep -q '"kind":"dialogue"' range.json; then not_ok "range holds the dialogue"; else ok "range leaves out the dialogue"; fi

# a hostile file: refused, named, and nothing changes
printf '%s' '{"format":"enough-journal","version":1,"entries":[{"kind":"letter","id":"66666666-6666-4666-8666-666666666666","created":"2025-01-01T00:00:00Z","updated":"2025-01-01T00:00:00Z"},{"kind":"dialogue","id":"77777777-7777-4777-8777-777777777777","created":"2025-01-01T00:00:00Z","updated":"2025-01-01T00:00:00Z","turns":[{"id":"88888888-8888-4888-8888-888888888888","created":"2025-01-01T00:00:00Z","updated":"2025-01-01T00:00:00Z","speaker":"narrator"}]}]}' > bad.json
check "a malformed import fails" 1 --import bad.json
has "… naming the place on stderr" err "entries[1].turns[0].speaker: expected"
[ ! -s out ] && ok "… and prints nothing on stdout" || not_ok "stdout not empty"
check "export after the refused import" 0 --export after.json
# same journal: the documents differ only in exported_at
sed 's/"exported_at":"[^"]*"//' all.json > a1
sed 's/"exported_at":"[^"]*"//' after.json > a2
cmp -s a1 a2 && ok "the refused import changed nothing" || not_ok "journal changed after a refused import"

printf '{"format":"enough-journal","version":3,"entries":[]}' > newer.json
check "a newer file is refused" 1 --import newer.json
has "… saying so" err "newer version of Enough"
check "a missing file fails" 1 --import nowhere.json
check "an unknown export format is a usage error" 2 --export notes.txt
check "a bad date is a usage error" 2 --export x.json --from yesterday
has "… saying what is wrong" err "is not a date"
check "--export and --import together is a usage error" 2 --export x.json --import all.json
check "--from alone is a usage error" 2 --from 2025-01-01

echo "1..$n"
exit $fail
