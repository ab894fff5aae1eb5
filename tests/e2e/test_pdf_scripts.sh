#!/bin/sh
# test_pdf_scripts.sh - every script a text can hold: names and a text in
# Vietnamese, Greek, Cyrillic, "ǆ", Arabic and Chinese (the 'scripts'
# variant of tests/e2e/pdf_variants.py).  What one reads equals what one
# copies: the diacritics are drawn (more ink than the same word without
# them: libharu's subsets used to drop composite glyphs' marks), the text
# copies as written, a character the style's fonts lack is drawn by a
# font fontconfig finds, and one no font has is a warning at its source,
# named; never a silent box or "?".
set -u
. "$(dirname "$0")/lib.sh"

python3 "$ROOT/tests/e2e/pdf_variants.py" "$SAMPLE" "$T/v" || {
    not_ok "pdf scripts: the variants are made"
    exit 0
}
run_bilan --input "$T/v/scripts" --output "$T/out" --quiet
expect_status "pdf scripts: names in six scripts exit 0" 0
pdf=$(ls "$T"/out/report-*.pdf 2>/dev/null | head -n 1)
[ -n "$pdf" ] || exit 0
pdftotext -layout "$pdf" "$T/text" 2>"$T/poppler"
pdftotext -bbox "$pdf" "$T/bbox.html" 2>>"$T/poppler"

missing=
for name in "Nguyễn Thị Minh Khai" "ǆemal Ǆokić" "Αλέξανδρος Παπαδόπουλος" \
    "Дмитрий Иванович Соколов" "王小明" "Chào mừng Nguyễn Thị, Ελληνικά, Кириллица, ǆ."; do
    grep -q "$name" "$T/text" || missing="$missing '$name'"
done
if [ -z "$missing" ] && [ ! -s "$T/poppler" ]; then
    ok "pdf scripts: every name copies as written, poppler has nothing to say"
else
    not_ok "pdf scripts: every name copies as written, poppler has nothing to say" \
        "missing:$missing" "$(head -n 3 "$T/poppler")"
fi

# The marks are drawn: each marked name has more ink than its plain twin.
page=$(awk 'BEGIN { p = 1 } { p += gsub(/\f/, "") } /Nguyễn Thị Minh/ { print p; exit }' "$T/text")
pdftoppm -gray -r 100 -f "$page" -l "$page" "$pdf" "$T/page"
python3 "$ROOT/tests/e2e/pdf_ink.py" "$T/bbox.html" "$T/page" 100 \
    "Nguyễn" "Nguyen" "Thị" "Thi" "ǆemal" "dzemal" "Ǆokić" "DZokić" \
    "Αλέξανδρος" "Αλεξανδρος" >"$T/ink" 2>&1
if ! grep -qv '^ok ' "$T/ink"; then
    ok "pdf scripts: diacritics are drawn (Nguyễn, Thị, ǆ, Ǆ, έ)"
else
    not_ok "pdf scripts: diacritics are drawn (Nguyễn, Thị, ǆ, Ǆ, έ)" "$(grep -v '^ok ' "$T/ink")"
fi

# Arabic: DejaVu Serif has none, DejaVu Sans (fonts-dejavu-core) has it.
if fc-list ':charset=0645' file | grep -q .; then
    if pdffonts "$pdf" | grep -q 'DejaVuSans' && ! grep -q 'no font shows.*U+0645' "$T/stderr"; then
        ok "pdf scripts: Arabic is drawn by a fallback font fontconfig found"
    else
        not_ok "pdf scripts: Arabic is drawn by a fallback font fontconfig found" \
            "$(pdffonts "$pdf" | tail -n +3)" "$(head -n 3 "$T/stderr")"
    fi
fi
# Chinese: drawn when a TrueType font has it, else named at its source.
if fc-list ':charset=738b:fontformat=TrueType' file | grep -q .; then
    if ! grep -q 'U+738B' "$T/stderr"; then
        ok "pdf scripts: Chinese is drawn by a fallback font"
    else
        not_ok "pdf scripts: Chinese is drawn by a fallback font" "$(head -n 3 "$T/stderr")"
    fi
elif grep -q 'report\.fr\.md:[0-9]*: warning: no font shows 王 (U+738B), 小 (U+5C0F), 明 (U+660E)' \
    "$T/stderr"; then
    ok "pdf scripts: Chinese with no font for it is a warning at its source, naming it"
else
    not_ok "pdf scripts: Chinese with no font for it is a warning at its source, naming it" \
        "$(head -n 3 "$T/stderr")"
fi
# Beyond U+FFFF (the PDF library cannot show it): a warning at its line.
line=$(grep -n 'Une abeille' "$T/v/scripts/texts/mission.md" | cut -d: -f1)
if grep -q "mission\.md:$line: warning: no font shows .* (U+1F41D)" "$T/stderr"; then
    ok "pdf scripts: a character beyond U+FFFF is a warning at its text's line"
else
    not_ok "pdf scripts: a character beyond U+FFFF is a warning at its text's line" \
        "$(cat "$T/stderr")"
fi
# Right-to-left text is shown but not shaped: said, naming its letters.
if grep -q 'report\.fr\.md:[0-9]*: warning: right-to-left text (م (U+0645)' "$T/stderr"; then
    ok "pdf scripts: right-to-left text is a warning (drawn left to right, unjoined)"
else
    not_ok "pdf scripts: right-to-left text is a warning (drawn left to right, unjoined)" \
        "$(cat "$T/stderr")"
fi
