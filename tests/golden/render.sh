#!/bin/sh
# render.sh BILAN DIR - the sample's outputs in a form a diff reads, into DIR
# (created, must not exist): what tests/golden/sample/ holds and what
# tests/e2e/test_golden.sh compares with it.
#
#   DIR/figures.json     the figures JSON as written
#   DIR/report.txt       `pdftotext -layout` of the PDF
#   DIR/xlsx/...         the workbook's xl/workbook.xml (sheet names and
#                        order), xl/worksheets/*.xml and xl/sharedStrings.xml
#                        (if any), one element per line
#
# bilan runs from the repository root on input/ with SOURCE_DATE_EPOCH
# fixed, so that the outputs are the same on every machine.  `make golden`
# rewrites tests/golden/sample/ with it.
cd "$(dirname "$0")/../.." || exit 70
BILAN=$1
DIR=$2
if [ ! -x "$BILAN" ] || [ -z "$DIR" ] || [ -e "$DIR" ]; then
    echo "usage: render.sh BILAN DIR (DIR must not exist)" >&2
    exit 64
fi
raw=$(mktemp -d "${TMPDIR:-/tmp}/bilan-golden.XXXXXX") || exit 70
trap 'rm -rf "$raw"' EXIT
SOURCE_DATE_EPOCH=1700000000 "$BILAN" --quiet --input input --output "$raw" || {
    echo "render.sh: bilan failed on input/" >&2
    exit 1
}
mkdir -p "$DIR" || exit 73
cp "$raw"/figures-*.json "$DIR/figures.json" || exit 1
pdftotext -layout "$raw"/report-*.pdf "$DIR/report.txt" || exit 1
python3 - "$raw"/workbook-*.xlsx "$DIR/xlsx" <<'PY' || exit 1
import os, re, sys, zipfile
book, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(book) as z:
    for name in sorted(z.namelist()):
        if not re.fullmatch(r"xl/(workbook|sharedStrings|worksheets/sheet\d+)\.xml", name):
            continue
        lines, cell = [], None          # one element per line, a cell whole
        for tag in re.split(r"(?<=>)(?=<)", z.read(name).decode("utf-8")):
            if cell is not None:
                cell += tag
                if tag == "</c>":
                    lines.append(cell)
                    cell = None
            elif tag.startswith("<c ") and not tag.endswith("/>"):
                cell = tag
            else:
                lines.append(tag)
        path = os.path.join(out, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
PY
