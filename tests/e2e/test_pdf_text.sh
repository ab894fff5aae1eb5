#!/bin/sh
# test_pdf_text.sh - narrative texts as they reach the PDF, read back with
# pdftotext: characters outside Windows-1252 (Polish, Greek, CJK, symbols)
# come out as written, and poppler finds the fonts' ToUnicode maps valid
# (libharu 2.3.0 writes a CID map there, which poppler reports as a syntax
# error); a text saved as Windows-1252 is converted, as the CSV files are.
set -u
. "$(dirname "$0")/lib.sh"

# with_text NAME TEXT-FILE: a copy of _base/input whose texts/mission.md is
# TEXT-FILE, in $T/NAME/in; runs bilan on it; the PDF's text in
# $T/NAME/text, pdftotext's messages in $T/NAME/warnings.
with_text() {
    mkdir -p "$T/$1"
    cp -R "$ROOT/tests/cases/_base/input" "$T/$1/in"
    mkdir -p "$T/$1/in/texts"
    cp "$2" "$T/$1/in/texts/mission.md"
    run_bilan --input "$T/$1/in" --output "$T/$1/out" --quiet
    pdf=$(ls "$T/$1"/out/report-*.pdf 2>/dev/null | head -n 1)
    : >"$T/$1/text"
    : >"$T/$1/warnings"
    [ -n "$pdf" ] && pdftotext "$pdf" "$T/$1/text" 2>"$T/$1/warnings"
}

printf '# Mission\n\nŁódź et Ωmega, Ἀθῆναι, 中文, ☺ ← fin.\n' >"$T/unicode.md"
with_text unicode "$T/unicode.md"
expect_status "pdf text: a text outside Windows-1252 exits 0" 0
if grep -q 'Łódź et Ωmega, Ἀθῆναι, 中文, ☺ ← fin.' "$T/unicode/text"; then
    ok "pdf text: characters outside Windows-1252 read back as written"
else
    not_ok "pdf text: characters outside Windows-1252 read back as written" \
        "$(grep -n 'Ωmega' "$T/unicode/text" | head -n 3)"
fi
if [ ! -s "$T/unicode/warnings" ]; then
    ok "pdf text: pdftotext has nothing to say about the fonts (ToUnicode valid)"
else
    not_ok "pdf text: pdftotext has nothing to say about the fonts (ToUnicode valid)" \
        "$(head -n 3 "$T/unicode/warnings")"
fi

# A text saved as Windows-1252 ("ANSI", as Notepad did) is read as such, as
# the CSV files and report.ini are: "Été « cité » – 15 €, Œuvre".
printf '# Mission\n\n\311t\351 \253 cit\351 \273 \226 15 \200, \214uvre.\n' >"$T/ansi.md"
with_text ansi "$T/ansi.md"
expect_status "pdf text: a Windows-1252 text exits 0" 0
if grep -q 'Été « cité » – 15 €, Œuvre.' "$T/ansi/text"; then
    ok "pdf text: a Windows-1252 text reads back as written"
else
    not_ok "pdf text: a Windows-1252 text reads back as written" \
        "$(grep -n 'cit' "$T/ansi/text" | head -n 3)"
fi
