#!/bin/sh
# test_pdf_rich.sh - the Markdown a user writes in texts/ reaches the PDF
# (GitHub Flavored Markdown, cmark-gfm): a picture at its paragraph with
# its caption, a table drawn as a table (not pipes), footnotes at the end
# of their section, links clickable with their target printed; what is not
# shown (raw HTML, a picture missing or remote) is a warning at its line,
# never silence; an HTML comment is a comment.  The 'rich' variant of
# tests/e2e/pdf_variants.py.
set -u
. "$(dirname "$0")/lib.sh"

python3 "$ROOT/tests/e2e/pdf_variants.py" "$SAMPLE" "$T/v" || {
    not_ok "pdf rich: the variants are made"
    exit 0
}
run_bilan --input "$T/v/rich" --output "$T/out" --quiet
expect_status "pdf rich: a text with a picture, a table, notes, links and HTML exits 0" 0
pdf=$(ls "$T"/out/report-*.pdf 2>/dev/null | head -n 1)
[ -n "$pdf" ] || exit 0
pdftotext -layout "$pdf" "$T/text"
md=mission.md

check_text() {   # NAME PATTERN: the PDF's text matches PATTERN
    if grep -q -- "$2" "$T/text"; then
        ok "pdf rich: $1"
    else
        not_ok "pdf rich: $1" "no '$2' in the PDF's text"
    fi
}
check_text "a picture's caption is its alt text" 'La ruche de Dynamo, vue du ciel'
check_text "a table's header row is drawn, its words whole" 'Programme  *Participants  *Heures  *Remarque'
check_text "a table's row is drawn, its long cell wrapped" 'Formation  *1 250  *310,5  *Une remarque'
if grep -q '|' "$T/text"; then
    not_ok "pdf rich: no table is printed as pipes" "$(grep -n '|' "$T/text" | head -n 3)"
else
    ok "pdf rich: no table is printed as pipes"
fi
check_text "a footnote reference is numbered" 'Notre mission\[1\] :'
check_text "footnotes end their section" '^\[1\] Adoptée en assemblée générale'
check_text "a second footnote" '^\[2\] Une note de bas de section'
check_text "a link's target is printed after its text" 'site de Dynamo (https://dynamocollectivo.com/mission)'

page=$(awk 'BEGIN { p = 1 } { p += gsub(/\f/, "") } /La ruche de Dynamo/ { print p; exit }' "$T/text")
n=$(pdfimages -f "$page" -l "$page" -list "$pdf" 2>/dev/null | awk 'NR > 2 && $3 == "image"' | wc -l)
if [ "$n" -ge 2 ]; then
    ok "pdf rich: the picture is drawn on its paragraph's page (and the header's logo)"
else
    not_ok "pdf rich: the picture is drawn on its paragraph's page" "$n images on page $page"
fi

qpdf --json "$pdf" >"$T/q.json" 2>/dev/null
python3 "$ROOT/tests/e2e/pdf_links.py" "$T/q.json" >"$T/nav"
for url in https://dynamocollectivo.com/mission https://example.org/rapport mailto:info@example.org; do
    if grep -q "^link $page -> $url\$" "$T/nav"; then
        ok "pdf rich: a link to $url is clickable"
    else
        not_ok "pdf rich: a link to $url is clickable" "$(grep '^link' "$T/nav" | head -n 5)"
    fi
done

warned() {   # LINE TEXT: one warning at mission.md:LINE saying TEXT
    if grep -q "$md:$1: warning: .*$2" "$T/stderr"; then
        ok "pdf rich: warned at $md:$1: $2"
    else
        not_ok "pdf rich: warned at $md:$1: $2" "$(cat "$T/stderr")"
    fi
}
warned 13 "HTML is not shown in the PDF: '<div"
warned 15 "HTML is not shown in the PDF: '<span>'"
warned 19 "picture 'images/absente.png' is not shown: No such file"
warned 19 "picture 'https://example.org/x.png' is not shown"
if grep -q "$md:17:" "$T/stderr"; then
    not_ok "pdf rich: an HTML comment is a comment, no warning" "$(grep "$md:17:" "$T/stderr")"
else
    ok "pdf rich: an HTML comment is a comment, no warning"
fi
