#!/usr/bin/env python3
"""check_expect.py - compare key figures of a figures JSON with expect.json.

    python3 tests/cases/check_expect.py EXPECT.json FIGURES.json

EXPECT.json maps dotted paths to values: {"finances.revenue.current": "1234.56",
"finances.revenue_groups.0.group": "Subventions", "activities.count.previous": 1}.
A path step that is a number indexes a list.  Numbers are compared exactly as
decimals (the figures JSON is read with Decimal, never float), so "1234.56"
matches 1234.56 but not 1234.5600001; null matches null.  Prints one line per
mismatch and exits 1 if any."""
import json
import sys
from decimal import Decimal, InvalidOperation

MISSING = object()


def lookup(doc, path):
    node = doc
    for step in path.split("."):
        if isinstance(node, list):
            try:
                node = node[int(step)]
            except (ValueError, IndexError):
                return MISSING
        elif isinstance(node, dict) and step in node:
            node = node[step]
        else:
            return MISSING
    return node


def same(want, got):
    if want is None or got is None:
        return want is got
    if isinstance(got, Decimal) and not isinstance(want, bool):
        try:
            return Decimal(str(want)) == got
        except InvalidOperation:
            return False
    return want == got


def main(argv):
    if len(argv) != 3:
        print("usage: check_expect.py EXPECT.json FIGURES.json", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        expect = json.load(f)
    try:
        with open(argv[2], encoding="utf-8") as f:
            figures = json.load(f, parse_float=Decimal, parse_int=Decimal)
    except (OSError, ValueError) as e:
        print(f"{argv[2]}: not readable JSON: {e}")
        return 1
    bad = 0
    for path, want in expect.items():
        got = lookup(figures, path)
        if got is MISSING:
            print(f"{path}: missing, expected {want!r}")
            bad += 1
        elif not same(want, got):
            print(f"{path}: {got!s} expected {want!s}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
