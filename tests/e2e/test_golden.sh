#!/bin/sh
# test_golden.sh - the sample's outputs are exactly the committed ones.
#
# tests/golden/render.sh turns the outputs of input/ (SOURCE_DATE_EPOCH
# fixed) into text: the figures JSON, `pdftotext -layout` of the PDF and the
# workbook's sheet XML, one cell per line.  Each file must equal its copy in
# tests/golden/sample/, so that a moved column, a lost section or a changed
# figure fails here even when every property test still holds.  An
# intended change is recorded with `make golden` (and reviewed in the diff).
. "$ROOT/tests/e2e/lib.sh"

golden=$ROOT/tests/golden/sample
now=$T/now
if ! sh "$ROOT/tests/golden/render.sh" "$BILAN" "$now" 2>"$T/stderr"; then
    not_ok "golden: render the sample" "$(head -n 20 "$T/stderr")"
    exit 0
fi
ok "golden: render the sample"
if [ ! -d "$golden" ]; then
    not_ok "golden: tests/golden/sample exists" "run make golden"
    exit 0
fi

# every file of either tree, once
files=$( (cd "$golden" && find . -type f; cd "$now" && find . -type f) | sort -u)
for f in $files; do
    name=${f#./}
    if [ ! -f "$golden/$f" ]; then
        not_ok "golden: $name" "new output file, not in tests/golden/sample (make golden?)"
    elif [ ! -f "$now/$f" ]; then
        not_ok "golden: $name" "no longer produced"
    elif cmp -s "$golden/$f" "$now/$f"; then
        ok "golden: $name"
    else
        n=$(diff "$golden/$f" "$now/$f" | grep -c '^[<>]')
        not_ok "golden: $name" "$n lines differ from tests/golden/sample/$name (- golden, + now;" \
            "make golden records an intended change):" \
            "$(diff -u "$golden/$f" "$now/$f" | sed -n '3,42p')"
    fi
done
