#!/bin/sh
# make_fixtures.sh - remake the real-producer workbooks test_xlsx_reader
# reads: LibreOffice's .xlsx (1900 and 1904 date systems), .xls and .ods
# of ledger.fods, and openpyxl's .xlsx (make_openpyxl.py).  Needs
# libreoffice-calc-nogui and python3-openpyxl.  Run from this folder.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp ledger.fods "$tmp/libreoffice.fods"
sed 's/1899-12-30/1904-01-01/' ledger.fods >"$tmp/libreoffice-1904.fods"
lo() {
    soffice -env:UserInstallation="file://$tmp/profile" --headless \
        --convert-to "$1" --outdir "$tmp" "$2" >/dev/null
}
lo 'xlsx:Calc MS Excel 2007 XML' "$tmp/libreoffice.fods"
lo 'xlsx:Calc MS Excel 2007 XML' "$tmp/libreoffice-1904.fods"
lo 'xls:MS Excel 97' "$tmp/libreoffice.fods"
lo ods "$tmp/libreoffice.fods"
cp "$tmp/libreoffice.xlsx" "$tmp/libreoffice-1904.xlsx" "$tmp/libreoffice.xls" \
    "$tmp/libreoffice.ods" .
/usr/bin/python3 make_openpyxl.py openpyxl.xlsx
