#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Enough developers
#
# Fails when two labels shown together underline the same letter, in the
# English source or in any language of po/LINGUAS: the second one could
# then not be reached with Alt+letter. Output is TAP.
#
# What is "shown together":
# - the items of one <menu> or <submenu> level, all its sections together
#   (GtkPopoverMenu shows a level as one list);
# - every label of one .ui template or top-level object (a page, a dialog,
#   a popover), menus excluded;
# - in C, the responses added to one message dialog (one function), and
#   the labels passed in one call (a file chooser's Accept and Cancel).
#
# usage: check-mnemonics.py SOURCE_ROOT

import os
import re
import sys
import xml.etree.ElementTree as ET


def unescape(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            out.append({'n': '\n', 't': '\t', '"': '"', '\\': '\\'}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def read_po(path):
    """{(msgctxt, msgid): msgstr} for the translated, non-fuzzy entries."""
    entries = {}
    cur = {}
    key = None
    fuzzy = False

    def flush():
        nonlocal cur, fuzzy
        if 'msgid' in cur and not fuzzy:
            msgstr = cur.get('msgstr', cur.get('msgstr[0]', ''))
            if msgstr:
                entries[(cur.get('msgctxt'), cur['msgid'])] = msgstr
        cur = {}
        fuzzy = False

    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('#~'):
                continue
            if line.startswith('#,') and 'fuzzy' in line:
                if 'msgid' in cur:
                    flush()
                fuzzy = True
                continue
            if line.startswith('#') or not line.strip():
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
            if m:
                # A fuzzy flag before this entry has flushed the last one
                # already; otherwise this is where the last one ends.
                if m.group(1) in ('msgctxt', 'msgid') and any(k.startswith('msgstr') for k in cur):
                    flush()
                key = m.group(1)
                cur[key] = unescape(m.group(2))
            elif line.startswith('"') and key is not None:
                cur[key] += unescape(line[1:-1])
    flush()
    return entries


def mnemonic(text):
    """The underlined letter, lower-cased, or None."""
    i = 0
    while i < len(text) - 1:
        if text[i] == '_':
            if text[i + 1] == '_':
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def ui_groups(path):
    """Groups of (msgctxt, msgid) from one .ui file."""
    tree = ET.parse(path)
    root = tree.getroot()
    groups = []

    def translatable(elem):
        if elem.get('translatable') in ('yes', 'true', '1') and elem.text:
            return (elem.get('context'), elem.text)
        return None

    def menu_level(elem, group):
        for child in elem:
            if child.tag == 'submenu':
                sub = []
                menu_level(child, sub)
                groups.append(sub)
                # The submenu's own label belongs to the parent level.
                for attr in child.findall('attribute'):
                    if attr.get('name') == 'label' and translatable(attr):
                        group.append(translatable(attr))
            elif child.tag == 'attribute':
                if child.get('name') == 'label' and translatable(child):
                    group.append(translatable(child))
            else:
                menu_level(child, group)

    def widget_strings(elem, group):
        for child in elem:
            if child.tag == 'menu':
                continue
            if child.tag in ('property', 'attribute') and translatable(child):
                group.append(translatable(child))
            widget_strings(child, group)

    for elem in root.iter('menu'):
        group = []
        menu_level(elem, group)
        groups.append(group)

    for top in root:
        if top.tag in ('template', 'object'):
            group = []
            widget_strings(top, group)
            groups.append(group)

    return groups


C_STRING = r'_\(\s*"((?:[^"\\]|\\.)*)"\s*\)'


def c_groups(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    groups = []
    # Function bodies: from a line "{" to the next line "}" (GNU style).
    for body in re.findall(r'^\{\n(.*?)^\}', text, re.S | re.M):
        responses = [(None, unescape(m)) for m in
                     re.findall(r'adw_message_dialog_add_response\s*\([^;]*?' + C_STRING, body, re.S)]
        groups.append(responses)
        for statement in body.split(';'):
            strings = [(None, unescape(m)) for m in re.findall(C_STRING, statement)]
            if sum(1 for _c, s in strings if mnemonic(s)) >= 2:
                groups.append(strings)
    return groups


def collect_groups(top):
    groups = []
    with open(os.path.join(top, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        files = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    for rel in files:
        path = os.path.join(top, rel)
        if rel.endswith('.ui'):
            found = ui_groups(path)
        elif rel.endswith('.c'):
            found = c_groups(path)
        else:
            continue
        for g in found:
            g = [k for k in g if mnemonic(k[1])]
            if len(g) >= 2:
                groups.append((rel, g))
    return groups


def clashes(groups, translate):
    found = []
    for rel, group in groups:
        seen = {}
        for key in group:
            text = translate(key)
            letter = mnemonic(text)
            if letter is None:
                continue
            if letter in seen and seen[letter] != text:
                found.append('%s: “%s” and “%s” both underline “%s”'
                             % (rel, seen[letter], text, letter))
            seen.setdefault(letter, text)
    return found


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else '.'
    groups = collect_groups(top)
    n = 0
    failed = False

    def report(ok, name, details=()):
        nonlocal n, failed
        n += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', n, name))
        for d in details:
            print('# ' + d)
        failed = failed or not ok

    report(len(groups) > 0, 'found %d groups of labels with mnemonics' % len(groups))
    english = clashes(groups, lambda k: k[1])
    report(not english, 'en: no two labels shown together underline the same letter', english)

    with open(os.path.join(top, 'po', 'LINGUAS'), encoding='utf-8') as f:
        langs = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    for lang in langs:
        po = read_po(os.path.join(top, 'po', lang + '.po'))
        found = clashes(groups, lambda k: po.get(k, k[1]))
        report(not found, '%s: no two labels shown together underline the same letter' % lang, found)

    print('1..%d' % n)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
