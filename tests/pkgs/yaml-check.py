#!/usr/bin/env python3
"""Checks pkgs.formats.yaml against PyYAML, the oracle.

Usage: yaml-check.py PREFIX CASES.json
CASES.json is a list of {"json": builtins.toJSON of the value, "yaml": what formats.yaml
wrote}. For every case, prints one line: PASS PREFIX/N, or FAIL PREFIX/N: why, where the text
must equal PyYAML's safe_dump of the JSON byte for byte, and PyYAML's safe_load of the text
must give the JSON's value back (unless PyYAML's own text does not give it back either, which
a `note:` line then says).
"""
import json
import sys

import yaml


def dump(value):
    return yaml.safe_dump(value, default_flow_style=False, sort_keys=True, allow_unicode=True)


def first_difference(want, got):
    w, g = want.splitlines(True), got.splitlines(True)
    for i, (a, b) in enumerate(zip(w, g)):
        if a != b:
            return "line %d: PyYAML %r, hearth %r" % (i + 1, a, b)
    return "PyYAML has %d lines, hearth %d (%r, %r)" % (len(w), len(g), want[-40:], got[-40:])


def main():
    prefix, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        cases = json.load(f)
    for n, case in enumerate(cases, 1):
        name = "%s/%02d" % (prefix, n)
        value = json.loads(case["json"])
        text, want = case["yaml"], dump(value)
        why = []
        if text != want:
            why.append("not PyYAML's text: " + first_difference(want, text))
        note = ""
        try:
            back = yaml.safe_load(text)
        except yaml.YAMLError as e:
            back = e
        if back != value:
            if yaml.safe_load(want) == value:
                why.append("safe_load reads back %r, not %r" % (back, value))
            else:
                note = "note: %s: PyYAML does not read its own text back as the value either" % name
        if why:
            print("FAIL %s: %s [value %s]" % (name, "; ".join(why), case["json"][:120]))
        else:
            print("PASS %s" % name)
            if note:
                print(note)


main()
