#!/bin/sh
# test_imports.sh - accounting software exports give the figures of the
# same transactions as a tidy ledger, to the cent: each product's layout
# (tests/imports/), as CSV and as .xlsx, in one file or one file per
# fiscal year (tests/e2e/imports_check.py does the work).  The .xlsx files
# are written with openpyxl: Debian's python3-openpyxl, hence
# /usr/bin/python3 when it has it.
. "$ROOT/tests/e2e/lib.sh"

py=python3
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
    py=/usr/bin/python3
fi
"$py" "$ROOT/tests/e2e/imports_check.py" "$BILAN" "$ROOT" "$T"
