#!/bin/sh
# test_pdf.sh - the PDF report, checked with independent readers: qpdf
# --check, pdffonts (every font embedded), pdftotext (sections on the pages
# the contents give, a section per program area, totals equal to
# figures.json, the statement and history to the cent, every person of
# people.csv, French and English formats and labels:
# tests/e2e/pdf_check.py); identical bytes on a second run; another
# organisation's data (other program areas, no texts, its own people groups,
# euros and Swiss francs) gets its own sections, all its people, its
# currency and none of Dynamo's; a bad template fails with exit 65 and
# FILE:LINE; a text or style.ini that is a folder exits 66 naming it.
set -u
. "$(dirname "$0")/lib.sh"

pdf=$T/fr.pdf
run_bilan --input "$SAMPLE" --output "$T/out" --pdf "$pdf" --figures "$T/fr.json" --quiet
expect_status "pdf: the sample run exits 0" 0
[ -f "$pdf" ] || { not_ok "pdf: written" "no $pdf"; exit 1; }

if qpdf --check "$pdf" >"$T/qpdf" 2>&1; then
    ok "pdf: qpdf --check passes"
else
    not_ok "pdf: qpdf --check passes" "$(tail -n 5 "$T/qpdf")"
fi

size=$(wc -c <"$pdf")
if [ "$size" -lt 1000000 ]; then
    ok "pdf: under 1 MB ($size bytes)"
else
    not_ok "pdf: under 1 MB" "$size bytes"
fi

# pdffonts: two header lines, then one line per font; column 5 is "emb".
pdffonts "$pdf" 2>/dev/null >"$T/fonts"
fonts=$(tail -n +3 "$T/fonts" | wc -l)
not_embedded=$(tail -n +3 "$T/fonts" | awk '{ if ($(NF-4) != "yes") print $1 }')
if [ "$fonts" -gt 0 ] && [ -z "$not_embedded" ]; then
    ok "pdf: all $fonts fonts embedded"
else
    not_ok "pdf: all fonts embedded" "$(cat "$T/fonts")"
fi

# pdf_check.py prints its own ok/not ok lines; one that ends without any
# "not ok" line but with an error (a crash) must fail too, not pass silently.
pdf_check() {
    python3 "$ROOT/tests/e2e/pdf_check.py" "$@" >"$T/pdf_check.out" 2>&1
    rc=$?
    cat "$T/pdf_check.out"
    if [ "$rc" -ne 0 ] && ! grep -q '^not ok' "$T/pdf_check.out"; then
        not_ok "pdf: pdf_check.py ran to its end" "exit $rc"
    fi
}

pdf_check "$pdf" "$T/fr.json" fr --people "$SAMPLE/people.csv"

run_bilan --input "$SAMPLE" --output "$T/out2" --pdf "$T/again.pdf" --quiet
if [ "$status" -eq 0 ] && cmp -s "$pdf" "$T/again.pdf"; then
    ok "pdf: a second run gives identical bytes"
else
    not_ok "pdf: a second run gives identical bytes" "status $status; $(cmp "$pdf" "$T/again.pdf" 2>&1)"
fi

run_bilan --input "$SAMPLE" --output "$T/out3" --lang en --pdf "$T/en.pdf" --figures "$T/en.json" --quiet
expect_status "pdf: the English run exits 0" 0
[ -f "$T/en.pdf" ] && pdf_check "$T/en.pdf" "$T/en.json" en \
    --people "$SAMPLE/people.csv" --labels "$SAMPLE/report.ini"

# Another organisation: program areas "Education" and "Outreach", no
# texts/ folder, its people in groups of its own (English names, a
# typographic apostrophe, capitals, a team member without a team), in
# Swiss francs (English) and euros (French).  Its report has a section per
# program area, in the contents on the right page, every person of
# people.csv, amounts in its currency, and none of Dynamo's sections or
# names (nor "Québec", which the French template once wrote).
base=$ROOT/tests/cases/_base/input
cat >"$T/people.csv" <<'EOF'
name,role,group,team
Ann Lee,Chair,Board of Directors,
Bob Smith,Treasurer,BOARD OF DIRECTORS,
Marie Tremblay,Présidente,Conseil d’administration,
Luc Côté,Trésorier,CONSEIL D'ADMINISTRATION,
Jean Roy,Coordonnateur,Équipe,Équipe Formation
Marc Roy,Coordonnateur,Équipe,
Sam Green,Youth worker,Staff,
Kim Park,Helper,Volunteers,
Lou Hart,Helper,volunteers,
EOF
dynamo="Accompagnement|Vie interne|Mobilisation des connaissances|Internal life|Training"
dynamo="$dynamo|Knowledge mobilisation|Mission and approaches|A word from the chair"
dynamo="$dynamo|Always learning|Closing words|Dynamo|Mission et approches|Le mot de la fin"
dynamo="$dynamo|Québec"
for lang in en fr; do
    other=$T/other-$lang-input
    mkdir -p "$other"
    for f in accounts.csv ledger.csv; do cp "$base/$f" "$other/$f"; done
    cp "$T/people.csv" "$other/people.csv"
    currency=CHF
    [ "$lang" = fr ] && currency=EUR
    sed -e 's/^language = fr/language = en/' -e 's/^name = .*/name = Riverside Youth Centre/' \
        -e 's/^address = .*/address = 12 River Road, Springfield/' \
        -e "s/^currency = .*/currency = $currency/" "$base/report.ini" >"$other/report.ini"
    sed -e 's/,Formation,/,Education,/' -e 's/,Accompagnement,/,Outreach,/' \
        -e 's/,Mobilisation des connaissances,/,Outreach,/' "$base/activities.csv" >"$other/activities.csv"
    run_bilan --input "$other" --output "$T/other-$lang" --lang "$lang" --pdf "$T/other-$lang.pdf" \
        --figures "$T/other-$lang.json" --quiet
    expect_status "pdf: another organisation's report ($lang) exits 0" 0
    if [ "$lang" = en ]; then
        sections="Board of directors|Our team|Education|Outreach|Financing|Our partners"
    else
        sections="Conseil d'administration|Présentation de l'équipe|Education|Outreach|Financement|Nos complicités"
    fi
    [ -f "$T/other-$lang.pdf" ] && pdf_check "$T/other-$lang.pdf" \
        "$T/other-$lang.json" "$lang" --sections "$sections" --absent "$dynamo" \
        --currency "$currency" --people "$other/people.csv" |
        sed "s/^\(not \)\{0,1\}ok - /&other organisation ($lang): /"
    # The groups no directive names are listed under their names, in
    # people.csv's order; the team member without a team under the group's.
    text=$(pdftotext "$T/other-$lang.pdf" - 2>/dev/null | tr '\n' ' ')
    case $text in
    *"Équipe Formation Jean Roy"*"Équipe Marc Roy"*"Staff Sam Green"*"Volunteers Kim Park"*"Lou Hart"*)
        ok "pdf: other organisation ($lang): teams, then each other group under its name" ;;
    *) not_ok "pdf: other organisation ($lang): teams, then each other group under its name" \
        "$(printf '%s' "$text" | grep -o 'Équipe Formation.\{0,300\}')" ;;
    esac
done

# A template with an unknown placeholder: exit 65, FILE:LINE, nothing written.
cp -R "$ROOT/templates" "$T/tpl"
printf '\nA typo: {{finances.revenu}}.\n' >>"$T/tpl/report.fr.md"
line=$(wc -l <"$T/tpl/report.fr.md")
run_bilan --input "$SAMPLE" --output "$T/out4" --templates "$T/tpl" --pdf "$T/bad.pdf"
want="$T/tpl/report.fr.md:$line: unknown placeholder '{{finances.revenu}}'"
if [ "$status" -eq 65 ] && grep -qF "$want" "$T/stderr" && [ ! -e "$T/bad.pdf" ]; then
    ok "pdf: an unknown placeholder exits 65 at report.fr.md:$line"
else
    not_ok "pdf: an unknown placeholder exits 65 at report.fr.md:$line" \
        "status $status" "stderr: $(head -c 1000 "$T/stderr")"
fi

# An include that leaves the allowed folders, and an unknown directive.
cp "$ROOT/templates/report.fr.md" "$T/tpl/report.fr.md"
printf '\n{{%% include ../../etc/passwd %%}}\n\n{{%% chrat history %%}}\n' >>"$T/tpl/report.fr.md"
line=$(wc -l <"$T/tpl/report.fr.md")
run_bilan --input "$SAMPLE" --output "$T/out5" --templates "$T/tpl" --pdf "$T/bad.pdf"
if [ "$status" -eq 65 ] && grep -qF "report.fr.md:$((line - 2)): include '../../etc/passwd'" "$T/stderr" &&
    grep -qF "report.fr.md:$line: unknown directive '{{% chrat %}}'" "$T/stderr"; then
    ok "pdf: an include outside templates/ and texts/ and an unknown directive exit 65"
else
    not_ok "pdf: an include outside templates/ and texts/ and an unknown directive exit 65" \
        "status $status" "stderr: $(head -c 1000 "$T/stderr")"
fi

# A narrative text that is a folder: exit 66, the folder named, nothing
# written.
cp -R "$SAMPLE" "$T/folder-input"
rm -f "$T/folder-input/texts/conseil.md"
mkdir "$T/folder-input/texts/conseil.md"
run_bilan --input "$T/folder-input" --output "$T/out6" --lang fr --pdf "$T/folder.pdf"
if [ "$status" -eq 66 ] && grep -qF "texts/conseil.md: is a folder, not a file" "$T/stderr" &&
    ! grep -q "Input/output error" "$T/stderr" && [ ! -e "$T/folder.pdf" ]; then
    ok "pdf: a text that is a folder exits 66 and names it"
else
    not_ok "pdf: a text that is a folder exits 66 and names it" \
        "status $status" "stderr: $(head -c 1000 "$T/stderr")"
fi

# A style.ini that is a folder is no empty style: exit 66, named.
cp -R "$ROOT/templates" "$T/tpl-folder"
rm -f "$T/tpl-folder/style.ini"
mkdir "$T/tpl-folder/style.ini"
run_bilan --input "$SAMPLE" --output "$T/out7" --templates "$T/tpl-folder" --pdf "$T/folder.pdf"
if [ "$status" -eq 66 ] && grep -qF "tpl-folder/style.ini: is a folder, not a file" "$T/stderr" &&
    [ ! -e "$T/folder.pdf" ]; then
    ok "pdf: a style.ini that is a folder exits 66 and names it"
else
    not_ok "pdf: a style.ini that is a folder exits 66 and names it" \
        "status $status" "stderr: $(head -c 1000 "$T/stderr")"
fi
