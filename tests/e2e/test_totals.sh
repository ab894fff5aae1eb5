#!/bin/sh
# test_totals.sh - the sample's figures, computed independently of the C code
# (tests/e2e/check_totals.py, Python over the CSV files), equal figures.json
# to the cent.
set -u
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if "$BILAN" --input "$ROOT/input" --output "$out" --templates "$ROOT/templates" --quiet; then
    echo "ok - sample run exits 0"
else
    echo "not ok - sample run exits 0"
    exit 1
fi
if python3 "$ROOT/tests/e2e/check_totals.py" "$ROOT/input" "$out/figures-2013-2014.json" >"$out/log" 2>&1; then
    echo "ok - figures.json equals the independent totals ($(tail -n 1 "$out/log"))"
else
    sed 's/^/# /' "$out/log" | tail -n 20
    echo "not ok - figures.json equals the independent totals"
    exit 1
fi
