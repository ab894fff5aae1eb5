#!/bin/sh
# test_pdf_navigation.sh - the report is read on screen too: every contents
# entry is a link to the page it names, bookmarks go to their sections'
# pages, and the document says its language and shows its title (read
# with qpdf --json through tests/e2e/pdf_links.py).
set -u
. "$(dirname "$0")/lib.sh"

for lang in fr en; do
    run_bilan --input "$SAMPLE" --output "$T/$lang" --lang "$lang" --quiet
    pdf=$(ls "$T/$lang"/report-*.pdf 2>/dev/null | head -n 1)
    if [ -z "$pdf" ]; then
        not_ok "pdf navigation: $lang: the report is written" "$(head -n 3 "$T/stderr")"
        continue
    fi
    qpdf --json "$pdf" >"$T/$lang.json" 2>/dev/null
    python3 "$ROOT/tests/e2e/pdf_links.py" "$T/$lang.json" >"$T/$lang.nav" 2>&1
    # the contents page's entries: "N. Title ..... PAGE", as pdftotext reads them
    pdftotext -layout -f 2 -l 2 "$pdf" - | sed -n 's/^ *[0-9][0-9]*\. .* \([0-9][0-9]*\)$/\1/p' >"$T/$lang.toc"
    sed -n 's/^link 2 -> \([0-9]*\) .*/\1/p' "$T/$lang.nav" >"$T/$lang.links"
    if [ -s "$T/$lang.toc" ] && cmp -s "$T/$lang.toc" "$T/$lang.links"; then
        ok "pdf navigation: $lang: each contents entry links to the page it names"
    else
        not_ok "pdf navigation: $lang: each contents entry links to the page it names" \
            "pages: $(tr '\n' ' ' <"$T/$lang.toc")" "links: $(tr '\n' ' ' <"$T/$lang.links")"
    fi
    if grep -q "^lang $lang\$" "$T/$lang.nav" && grep -q '^display_title True$' "$T/$lang.nav"; then
        ok "pdf navigation: $lang: the document's language is $lang and its title is shown"
    else
        not_ok "pdf navigation: $lang: the document's language is $lang and its title is shown" \
            "$(head -n 2 "$T/$lang.nav")"
    fi
    title=$(pdfinfo "$pdf" | sed -n 's/^Title: *//p')
    case $title in
    *2013-2014) ok "pdf navigation: $lang: the title is set ($title)" ;;
    *) not_ok "pdf navigation: $lang: the title is set" "Title: $title" ;;
    esac
    # every top-level bookmark but the contents' goes where its entry does
    n=$(grep -c '^outline ' "$T/$lang.nav")
    if [ "$n" -gt 12 ] && ! grep -q '^outline .* -> ?$' "$T/$lang.nav"; then
        ok "pdf navigation: $lang: $n bookmarks, each with its page"
    else
        not_ok "pdf navigation: $lang: bookmarks each with its page" "$(grep '^outline' "$T/$lang.nav" | head -n 5)"
    fi
done
