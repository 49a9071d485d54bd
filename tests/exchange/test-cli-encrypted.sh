#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# The command line on an encrypted journal: --encrypt, --decrypt, and
# --export / --import with --passphrase-file; a wrong passphrase is an
# error on stderr, exit 1, and changes nothing. No display needed. TAP.
set -u
exe="$1"
fixtures="$2"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ENOUGH_DATA_DIR="$tmp/data" TZ=UTC LANGUAGE=C
unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY
cd "$tmp" || exit 1

n=0
fail=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () {
  n=$((n + 1)); echo "not ok $n - $1"; fail=1
  sed 's/^/# out: /' out 2>/dev/null; sed 's/^/# err: /' err 2>/dev/null
}
check () {
  desc="$1"; want="$2"; shift 2
  "$exe" "$@" >out 2>err </dev/null
  got=$?
  if [ "$got" -eq "$want" ]; then ok "$desc (exit $got)"; else not_ok "$desc: exit $got, expected $want"; fi
}
has () {
  if grep -qF -- "$3" "$2"; then ok "$1"; else not_ok "$1: “$3” not in $2"; fi
}
# No word of the journal in clear in any file under the data folder.
clean () {
  if grep -rlF -e "Taskmaster" -e "我已经尽力了" -e "Dear me" "$tmp/data" >found 2>/dev/null; then
    not_ok "$1: words in clear in $(cat found)"
  else
    ok "$1"
  fi
}

printf 'first secret\n' > pass
printf 'not it\n' > wrong

check "import into a plain journal" 0 --import "$fixtures/cli-import.json"
check "a plain journal cannot be decrypted" 1 --decrypt --passphrase-file pass
has "… saying so" err "not encrypted"

check "--encrypt" 0 --encrypt --passphrase-file pass
has "… shows the recovery key" out "Recovery key: "
has "… with the warning" out "nobody can open the journal"
[ -f data/journal.key ] && ok "the key file is beside the journal" || not_ok "no data/journal.key"
mode=$(stat -c %a data/journal.key)
[ "$mode" = "600" ] && ok "the key file is private (0600)" || not_ok "key file mode is $mode"
clean "nothing in clear after --encrypt"
check "encrypting twice is refused" 1 --encrypt --passphrase-file pass

cp data/journal.db before.db
check "export with a wrong passphrase" 1 --export x.json --passphrase-file wrong
has "… says the passphrase is wrong" err "passphrase is wrong"
[ ! -e x.json ] && ok "… and writes no file" || not_ok "x.json was written"
check "import with a wrong passphrase" 1 --import "$fixtures/cli-import.json" --passphrase-file wrong
check "decrypt with a wrong passphrase" 1 --decrypt --passphrase-file wrong
cmp -s before.db data/journal.db && ok "wrong passphrases changed nothing" || not_ok "the journal changed"
[ -f data/journal.key ] && ok "… and it is still encrypted" || not_ok "key file gone"

# Without a controlling terminal (setsid), even when run from one.
setsid -w "$exe" --export x.json >out 2>err </dev/null
[ $? -eq 1 ] && ok "no terminal and no file: a clear error (exit 1)" || not_ok "no terminal: exit status"
has "… naming --passphrase-file" err "--passphrase-file"

check "export an encrypted journal" 0 --export all.json --passphrase-file pass
has "export summary" out "Exported 3 entries to"
has "the export is plain JSON" all.json '"speaker":"me","text":"我已经尽力了。"'
check "import into an encrypted journal" 0 --import "$fixtures/cli-import.json" --passphrase-file pass
has "… finds what is there" out "(3 already in your journal)"
clean "nothing in clear after import"

check "--decrypt" 0 --decrypt --passphrase-file pass
has "… says so" out "no longer encrypted"
[ ! -e data/journal.key ] && ok "the key file is gone" || not_ok "data/journal.key still there"
check "export after decrypting needs no passphrase" 0 --export plain.json
sed 's/"exported_at":"[^"]*"//' all.json > a1
sed 's/"exported_at":"[^"]*"//' plain.json > a2
cmp -s a1 a2 && ok "the same journal after the round trip" || not_ok "the journal changed"

check "--passphrase-file alone is a usage error" 2 --passphrase-file pass
check "--encrypt with --export is a usage error" 2 --encrypt --export x.json

echo "1..$n"
exit $fail
