#!/bin/sh
# test_pdf_pages.sh - nothing runs over a page's bottom margin: a funder
# whose name wraps to more lines than a page holds (its table row is split
# between pages, under the repeated header row) and a partner name as tall
# (its list item continues in the next column or page; it used to loop for
# ever).  Read with pdftotext -bbox: every word of both names is on a page,
# and no word but the page number lies in the bottom margin of style.ini.
set -u
. "$(dirname "$0")/lib.sh"

in=$T/in
cp -R "$ROOT/tests/cases/_base/input" "$in"
# Names are at most 1,000 bytes (a longer one is refused at its line), so
# the page is made short instead: margins of 300 pt leave 192 pt of text.
cp -R "$ROOT/templates" "$T/tpl"
sed -i -e 's/^margin_top *=.*/margin_top = 300/' -e 's/^margin_bottom *=.*/margin_bottom = 300/' \
    -e 's/^small *=.*/small = 16/' -e 's/^body *=.*/body = 16/' \
    "$T/tpl/style.ini"
# 75 words for the funder of ledger.csv line 3, and for a partner
awk 'BEGIN { for (i = 0; i < 75; i++) printf "%sFondation%d", i ? " " : "", i }' >"$T/funder"
awk 'BEGIN { for (i = 0; i < 75; i++) printf "%sPartenaire%d", i ? " " : "", i }' >"$T/partner"
awk -v f="$(cat "$T/funder")" -F, 'BEGIN { OFS = "," } NR == 3 { $4 = f } { print }' \
    "$in/ledger.csv" >"$T/ledger" && mv "$T/ledger" "$in/ledger.csv"
awk -v p="Aaa $(cat "$T/partner")" -F, 'BEGIN { OFS = "," } NR == 2 { $5 = p } { print }' \
    "$in/activities.csv" >"$T/act" && mv "$T/act" "$in/activities.csv"

(cd "$ROOT" && timeout 120 "$BILAN" --input "$in" --output "$T/out" --templates "$T/tpl" --quiet) \
    >"$T/stdout" 2>"$T/stderr"
status=$?
expect_status "pdf pages: a name taller than a page exits 0" 0
pdf=$(ls "$T"/out/report-*.pdf 2>/dev/null | head -n 1)
[ -n "$pdf" ] || { not_ok "pdf pages: written"; exit 0; }

margin=$(sed -n 's/^margin_bottom *= *\([0-9.]*\).*/\1/p' "$T/tpl/style.ini")
pdftotext -bbox "$pdf" "$T/bbox.html" 2>"$T/pdftotext.err"
python3 - "$T/bbox.html" "${margin:-64}" >"$T/check" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
margin = float(sys.argv[2])
below, words = [], {"Fondation": set(), "Partenaire": set()}
pages = {"Fondation": set(), "Partenaire": set()}
for n, page in enumerate(re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>',
                                    html, re.S), 1):
    height, body = float(page[0]), page[1]
    found = re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" '
                       r'yMax="([\d.]+)">([^<]*)</word>', body)
    tall = False
    for ymax, word in found:
        m = re.fullmatch(r"(Fondation|Partenaire)(\d+)", word)
        if m:
            words[m.group(1)].add(int(m.group(2)))
            pages[m.group(1)].add(n)
            tall = True
    # on the pages of the tall names, the bottom margin holds the page
    # number only (1 pt for descenders)
    for ymax, word in found:
        if tall and float(ymax) > height - margin + 1 and word != str(n):
            below.append("page %d: %s at %s" % (n, word, ymax))
for kind, seen in words.items():
    print("%s %d" % (kind, len(seen)))
    print("%s pages %d" % (kind, len(pages[kind])))
print("below %d" % len(below))
for b in below[:10]:
    print(b)
PY
if grep -q '^Fondation 75$' "$T/check" && grep -q '^Partenaire 75$' "$T/check"; then
    ok "pdf pages: every word of the tall funder and partner names is on a page"
else
    not_ok "pdf pages: every word of the tall funder and partner names is on a page" \
        "$(head -n 2 "$T/check")"
fi
if grep -q '^Fondation pages [2-9]' "$T/check" && grep -q '^Partenaire pages [2-9]' "$T/check"; then
    ok "pdf pages: both names run over more than one page"
else
    not_ok "pdf pages: both names run over more than one page" "$(grep pages "$T/check")"
fi
if grep -q '^below 0$' "$T/check"; then
    ok "pdf pages: nothing but the page number in the bottom margin"
else
    not_ok "pdf pages: nothing but the page number in the bottom margin" \
        "$(sed -n '3,$p' "$T/check")"
fi
