#!/bin/sh
# test_pdf_layout.sh - the report of any organisation, not only the
# sample's, reads right: the sample and variants unlike it (a 71-character
# name and long titles, a negative group, many groups, no funders, names in
# other scripts, a three-line ledger, an all-zero year: tests/e2e/
# pdf_variants.py) are read back with `pdftotext -bbox`, and no word may
# lie outside its page or overprint another (tests/e2e/pdf_layout.py).
# Then what each variant is about: the cover keeps its fiscal year, the
# sample keeps every section, and so on.
set -u
. "$(dirname "$0")/lib.sh"

python3 "$ROOT/tests/e2e/pdf_variants.py" "$SAMPLE" "$T/v" || {
    not_ok "pdf layout: the variants are made"
    exit 0
}
cp -R "$SAMPLE" "$T/v/sample"

# render NAME: bilan on $T/v/NAME into $T/o/NAME; the PDF's words and boxes
# in $T/o/NAME/bbox.html, its text in text.txt (-layout), pdftotext's
# messages in poppler.txt, bilan's stderr in stderr.txt.
render() {
    o=$T/o/$1
    mkdir -p "$o"
    (cd "$ROOT" && timeout 120 "$BILAN" --input "$T/v/$1" --output "$o" --quiet) \
        >/dev/null 2>"$o/stderr.txt"
    status=$?
    pdf=$(ls "$o"/report-*.pdf 2>/dev/null | head -n 1)
    if [ "$status" -ne 0 ] || [ -z "$pdf" ]; then
        not_ok "pdf layout: $1 renders" "exit status $status" "$(head -n 5 "$o/stderr.txt")"
        return 1
    fi
    pdftotext -bbox "$pdf" "$o/bbox.html" 2>"$o/poppler.txt"
    pdftotext -layout "$pdf" "$o/text.txt" 2>>"$o/poppler.txt"
    return 0
}

# page_text NAME N: the text of page N of NAME's PDF.
page_text() {
    pdftotext -layout -f "$2" -l "$2" "$(ls "$T/o/$1"/report-*.pdf | head -n 1)" - 2>/dev/null
}

for v in sample long negative groups nofunders scripts tiny zero norevenue rich; do
    render "$v" || continue
    python3 "$ROOT/tests/e2e/pdf_layout.py" "$T/o/$v/bbox.html" >"$T/o/$v/layout.txt"
    if grep -q 'problems 0$' "$T/o/$v/layout.txt"; then
        ok "pdf layout: $v: every word on its page, none overprints another"
    else
        not_ok "pdf layout: $v: every word on its page, none overprints another" \
            "$(head -n 12 "$T/o/$v/layout.txt")" "$(tail -n 1 "$T/o/$v/layout.txt")"
    fi
    if [ ! -s "$T/o/$v/poppler.txt" ]; then
        ok "pdf layout: $v: poppler reads the PDF without a warning"
    else
        not_ok "pdf layout: $v: poppler reads the PDF without a warning" \
            "$(head -n 3 "$T/o/$v/poppler.txt")"
    fi
done

# The sample keeps every section, in the contents and as a heading.
missing=
for s in "Mission et approches" "Conseil d'administration" "Présentation de l'équipe" \
    "Mot du président" "Accompagnement" "Formation" "Mobilisation des connaissances" \
    "Vie interne" "Financement" "Nos bailleurs de fonds" "État des revenus et dépenses" \
    "Sur 3 exercices" "En apprentissage constant" "Nos complicités" "Le mot de la fin"; do
    n=$(grep -c "$s" "$T/o/sample/text.txt" 2>/dev/null)
    [ "${n:-0}" -ge 1 ] || missing="$missing '$s'"
done
if [ -z "$missing" ]; then
    ok "pdf layout: the sample's PDF has all its sections"
else
    not_ok "pdf layout: the sample's PDF has all its sections" "missing:$missing"
fi

# long: the cover keeps the fiscal year under a 71-character name, and the
# closing line has no empty "— —" for the missing address and phone.
if page_text long 1 | grep -q '2013-2014'; then
    ok "pdf layout: long: the fiscal year stays on the cover"
else
    not_ok "pdf layout: long: the fiscal year stays on the cover" "$(page_text long 1 | head -n 20)"
fi
if ! grep -q '—  *—' "$T/o/long/text.txt" && ! grep -q '— *$' "$T/o/long/text.txt"; then
    ok "pdf layout: long: no empty '— —' for a missing address or phone"
else
    not_ok "pdf layout: long: no empty '— —' for a missing address or phone" \
        "$(grep -n '—' "$T/o/long/text.txt" | tail -n 3)"
fi

# Charts: a negative value has its bar and label (under the zero line), an
# all-zero chart is left out, many groups take horizontal bars whose names
# are never cut inside a word.
if grep -q -- '-36 176 \$' "$T/o/negative/text.txt"; then
    ok "pdf layout: negative: the negative group's bar is labelled"
else
    not_ok "pdf layout: negative: the negative group's bar is labelled" \
        "$(grep -n 'Autres revenus' "$T/o/negative/text.txt" | head -n 3)"
fi
if ! grep -q 'Revenus par poste' "$T/o/norevenue/text.txt" && \
    grep -q 'Revenus et dépenses par exercice' "$T/o/norevenue/text.txt"; then
    ok "pdf layout: norevenue: a chart whose values are all 0 is left out, the others kept"
else
    not_ok "pdf layout: norevenue: a chart whose values are all 0 is left out, the others kept" \
        "$(grep -n 'par poste\|par exercice' "$T/o/norevenue/text.txt")"
fi
if grep -q 'Subventions salariales d.Emploi-Québec' "$T/o/groups/text.txt" && \
    ! grep -q 'Servic$' "$T/o/groups/text.txt"; then
    ok "pdf layout: groups: category names wrap between words"
else
    not_ok "pdf layout: groups: category names wrap between words" \
        "$(grep -n 'Subventions sal\|Servic' "$T/o/groups/text.txt" | head -n 3)"
fi
# A short report has no nearly empty pages: the three-line ledger's fits
# on the cover, four pages of sections and the closing one.
n=$(pdfinfo "$(ls "$T"/o/tiny/report-*.pdf | head -n 1)" | awk '/^Pages:/ { print $2 }')
if [ "${n:-99}" -le 5 ]; then
    ok "pdf layout: tiny: $n pages for a three-line ledger"
else
    not_ok "pdf layout: tiny: at most 5 pages for a three-line ledger" "$n pages"
fi
# The history chart is never alone on its page: its table and heading go
# with it.
page=$(awk 'BEGIN { p = 1 } /\f/ { p += gsub(/\f/, "") } /Revenus et dépenses par exercice/ { print p; exit }' \
    "$T/o/sample/text.txt")
if page_text sample "$page" | grep -q 'Sur 3 exercices'; then
    ok "pdf layout: sample: the history chart is on its section's page"
else
    not_ok "pdf layout: sample: the history chart is on its section's page" "page $page"
fi

# The logo: on the cover and, small, in every page header; none without one.
images() {
    pdfimages -list "$(ls "$T/o/$1"/report-*.pdf | head -n 1)" 2>/dev/null | awk 'NR > 2 && $3 == "image" { print $1 }' | sort -un | wc -l
}
pages=$(pdfinfo "$(ls "$T"/o/sample/report-*.pdf | head -n 1)" | awk '/^Pages:/ { print $2 }')
if [ "$(images sample)" = "$pages" ]; then
    ok "pdf layout: sample: its logo is on every page"
else
    not_ok "pdf layout: sample: its logo is on every page" "pages with an image: $(images sample) of $pages"
fi
if [ "$(images nofunders)" = 0 ]; then
    ok "pdf layout: no logo, no picture"
else
    not_ok "pdf layout: no logo, no picture" "pages with an image: $(images nofunders)"
fi
