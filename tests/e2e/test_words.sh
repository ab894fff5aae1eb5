#!/bin/sh
# test_words.sh - the report's words and the funders table as they reach
# the PDF (pdftotext), the workbook and the JSON, on variants of _base:
#   - counts agree with their nouns ("1 complicité, dans 1 région",
#     "1 partner in 1 region"), and the change of a figure that was 0 reads
#     "nouveau cette année";
#   - [labels.en] translates program areas, groups and types in the English
#     report (headings, statement, types table), not in the JSON or the
#     workbook, whose formulas match the data's names; a label that names
#     nothing is a warning at its line;
#   - history starts at the first year with data, in all three outputs;
#   - the funders table ends with the donors' row and a total equal to
#     revenue; with no counterparty there is no funders section at all.
set -u
. "$(dirname "$0")/lib.sh"

BASE=$ROOT/tests/cases/_base/input

# variant NAME: a copy of _base/input in $T/NAME/in.
variant() {
    mkdir -p "$T/$1"
    cp -R "$BASE" "$T/$1/in"
}

# render NAME ARGS...: runs bilan on $T/NAME/in; the PDF's text (layout) in
# $T/NAME/text, the figures in $T/NAME/figures.json.
render() {
    name=$1
    shift
    run_bilan --input "$T/$name/in" --output "$T/$name/out" --quiet "$@"
    pdf=$(ls "$T/$name"/out/report-*.pdf 2>/dev/null | head -n 1)
    : >"$T/$name/text"
    [ -n "$pdf" ] && pdftotext -layout "$pdf" "$T/$name/text"
    cp "$T/$name"/out/figures-*.json "$T/$name/figures.json" 2>/dev/null
}

# has NAME TEST STRING: ok when the PDF text of NAME holds STRING.
has() {
    if grep -F -q -e "$3" "$T/$1/text"; then ok "$2"; else not_ok "$2" "no '$3' in the PDF"; fi
}
# lacks NAME TEST STRING: ok when it does not.
lacks() {
    if grep -F -q -e "$3" "$T/$1/text"; then
        not_ok "$2" "$(grep -F -n -e "$3" "$T/$1/text" | head -n 3)"
    else
        ok "$2"
    fi
}
# json NAME TEST PYTHON-EXPR: ok when the expression over d (the figures)
# is true.
json() {
    if python3 -c "import json, sys; d = json.load(open(sys.argv[1])); sys.exit(0 if ($3) else 1)" \
        "$T/$1/figures.json"; then
        ok "$2"
    else
        not_ok "$2" "false: $3"
    fi
}

# ---- one partner in one region, a figure from 0 -------------------------
variant one
cat >"$T/one/in/activities.csv" <<'CSV'
date,axis,type,title,partner,region,participants,hours
2013-05-10,Formation,Formation,Atelier 1,Montréal-Nord,Montréal,1,3.5
CSV
printf 'self_generated = Revenus autonomes\n' >>"$T/one/in/report.ini"
sed -i 's/^2011-10-01,4200,500.00,Client,/2011-10-01,4100,500.00,Client,/' "$T/one/in/ledger.csv"
render one
expect_status "one partner: exits 0" 0
has one "one partner: singular nouns" "1 complicité, dans 1 région, pour 1 activité et 1 participant."
has one "a figure from 0: nouveau cette année" "autogénéré de 1 235 $, nouveau cette année."
lacks one "no 'variation de nouveau'" "variation de nouveau"
render one --lang en
has one "one partner, in English" "1 partner in 1 region, for 1 activity and 1 participant."
has one "a figure from 0, in English" "new this year."

# ---- [labels.en] ------------------------------------------------------------
variant labels
cat >>"$T/labels/in/report.ini" <<'INI'

[labels.en]
Formation = Training
subventions = Grants
Salaires et charges sociales = Salaries and benefits
Conférence = Lecture
Équipe = The staff
Formaton = Typo
INI
render labels --lang en
expect_status "labels: exits 0" 0
if grep -q "report.ini:[0-9]*: warning: \[labels.en\] 'Formaton' is no program area" "$T/stderr"; then
    ok "labels: a label that names nothing is a warning at its line"
else
    not_ok "labels: a label that names nothing is a warning at its line" "$(head -n 5 "$T/stderr")"
fi
has labels "labels: program area heading" "Training"
has labels "labels: revenue group in the statement" "Grants"
has labels "labels: expense group in the statement" "Salaries and benefits"
has labels "labels: activity type" "Lecture"
lacks labels "labels: no French group name left in the statement" "Subventions"
json labels "labels: the JSON keeps the data's names" \
    "d['finances']['revenue_groups'][0]['group'] == 'Subventions' and d['activities']['axes'][0]['axis'] == 'Formation'"
render labels
has labels "labels: the French report keeps the names" "Subventions"

# ---- history from the first year with data ----------------------------------
variant history
sed -i 's/^history = 3$/history = 6/' "$T/history/in/report.ini"
render history
expect_status "history: exits 0" 0
json history "history: JSON from 2011-2012, the first year with data" \
    "[h['label'] for h in d['finances']['history']] == ['2011-2012', '2012-2013', '2013-2014']"
has history "history: PDF heading counts the years shown" "Sur 3 exercices"
lacks history "history: no year before the data in the PDF" "2010-2011"
book=$(ls "$T"/history/out/workbook-*.xlsx)
if ! need_openpyxl; then
    not_ok "history: workbook from the first year with data" "no python3 with openpyxl"
elif "$PY" - "$book" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[5]
labels = [r[0].value for r in ws.iter_rows(min_row=2) if r[0].value]
sys.exit(0 if labels == ["2011-2012", "2012-2013", "2013-2014"] else 1)
PY
then
    ok "history: workbook from the first year with data"
else
    not_ok "history: workbook from the first year with data"
fi

# ---- the funders table ------------------------------------------------------
variant funders
printf '4910,Dons,revenue,Autres revenus\n' >>"$T/funders/in/accounts.csv"
printf '2013-12-01,4910,50.00,Ann Donor,Don,P-009\n2014-01-15,4910,25.00,Bob Donor,Don,P-010\n' \
    >>"$T/funders/in/ledger.csv"
render funders
has funders "funders: donors together" "Dons de particuliers, 2 donateurs"
lacks funders "funders: no donor by name" "Ann Donor"
has funders "funders: the total is the revenue" "Total des revenus"
variant nofunders
sed -i 's/,Centraide,/,,/; s/,Ville de Montréal,/,,/' "$T/nofunders/in/ledger.csv"
render nofunders
expect_status "no funders: exits 0" 0
lacks nofunders "no funders: no funders section" "Nos bailleurs de fonds"
lacks nofunders "no funders: no empty table" "Bailleur de fonds"
has nofunders "no funders: the statement is still there" "État des revenus et dépenses"
