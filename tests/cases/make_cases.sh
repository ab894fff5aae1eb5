#!/bin/sh
# make_cases.sh - (re)generate the test cases from _base: one defect each.
#
#   sh tests/cases/make_cases.sh
#
# Each case is a copy of _base/input with ONE change, plus its expected exit
# status and stderr (see tests/e2e/test_cases.sh for the format).  The
# output is committed so a case can be read without running this; edit
# this script, not the folders.  Inputs too big to commit (a 10 MB field,
# 10,000 columns) get a `setup` script that builds them at test time.
#
# _base/input figures (fiscal year ending 03-31, reported 2013-2014):
#   revenue 11234.56 (previous 8000.00), expenses 6200.00 (4000.00),
#   net 5034.56; 8 ledger rows, 1 on an asset account; activities 3 (1),
#   participants 56 (10), hours 11.75 (3.00), partners 2, regions 2.
# Ledger lines: 2 4100 10000.00 | 3 4200 1234.56 | 4 5100 5000.00 |
#   5 5200 1200.00 | 6-7 previous year | 8 2011-2012 | 9 asset 1000.
set -e
CASES=$(cd "$(dirname "$0")" && pwd)
BASE=$CASES/_base/input

# new NAME STATUS: starts case NAME as a copy of _base.
new() {
    dir=$CASES/$1
    rm -rf "$dir"
    mkdir -p "$dir"
    cp -R "$BASE" "$dir/input"
    in=$dir/input
    echo "$2" >"$dir/status"
}
expect() { printf '%s\n' "$@" >>"$dir/stderr"; }     # stderr lines
once() { printf '%s\n' "$@" >>"$dir/once"; }         # on exactly one line
absent() { printf '%s\n' "$@" >>"$dir/absent"; }     # on no line
args() { printf '%s\n' "$*" >"$dir/args"; }
figures() { cat >"$dir/expect.json"; }
put() { cat >"$in/$1"; }                              # FILE <- stdin
append() { f=$1; shift; printf '%s\n' "$@" >>"$in/$f"; }
# setline FILE N TEXT: replaces line N.  delline FILE N.  insline FILE N TEXT:
# inserts before line N.
setline() { T=$3 awk -v n="$2" 'NR == n { print ENVIRON["T"]; next } { print }' \
    "$in/$1" >"$in/$1.new" && mv "$in/$1.new" "$in/$1"; }
delline() { awk -v n="$2" 'NR != n' "$in/$1" >"$in/$1.new" && mv "$in/$1.new" "$in/$1"; }
insline() { T=$3 awk -v n="$2" 'NR == n { print ENVIRON["T"] } { print }' \
    "$in/$1" >"$in/$1.new" && mv "$in/$1.new" "$in/$1"; }
edit() { sed "$2" "$in/$1" >"$in/$1.new" && mv "$in/$1.new" "$in/$1"; }
crlf() { awk '{ printf "%s\r\n", $0 }' "$in/$1" >"$in/$1.new" && mv "$in/$1.new" "$in/$1"; }
cp1252() { iconv -f UTF-8 -t WINDOWS-1252 "$in/$1" >"$in/$1.new" && mv "$in/$1.new" "$in/$1"; }

# The base figures, for valid variants that must not change them.
base_figures() {
    figures <<'JSON'
{
  "fiscal_year.label": "2013-2014",
  "finances.revenue.current": "11234.56",
  "finances.revenue.previous": "8000.00",
  "finances.expenses.current": "6200.00",
  "finances.expenses.previous": "4000.00",
  "finances.net.current": "5034.56",
  "inputs.ledger_rows": 8,
  "inputs.ledger_rows_other_kinds": 1
}
JSON
}

# Remove the generated cases (every folder but _base).
for d in "$CASES"/*/; do
    case $(basename "$d") in _*) ;; *) rm -rf "$d" ;; esac
done

### Empty files and files with a header only
for f in ledger accounts activities people; do
    new "empty_$f" 65
    : >"$in/$f.csv"
    expect "$f.csv"
done
new empty_report_ini 65
: >"$in/report.ini"
expect "report.ini"

new header_only_ledger 0
edit ledger.csv '2,$d'
figures <<'JSON'
{"finances.revenue.current": "0.00", "finances.expenses.current": "0.00",
 "inputs.ledger_rows": 0, "activities.count.current": 3}
JSON

new header_only_activities 0
edit activities.csv '2,$d'
figures <<'JSON'
{"activities.count.current": 0, "activities.participants.current": 0,
 "inputs.activity_rows": 0, "finances.revenue.current": "11234.56"}
JSON

new header_only_people 0

new header_only_accounts 65
edit accounts.csv '2,$d'
expect "ledger.csv:2: column 'account'"

### Line structure
new no_final_newline 0
printf '%s' "$(cat "$in/ledger.csv")" >"$in/ledger.csv"
base_figures

new unterminated_quote 65
setline ledger.csv 4 '2013-07-31,5100,5000.00,,"Paie,P-003'
expect "ledger.csv:4:"
expect 'quote'

new nul_byte 65
printf '2013-06-01,4200,1234.56,Ville\000de Montr\303\251al,Formation,P-002\n' >"$in/line3"
{ sed -n 1,2p "$in/ledger.csv"; cat "$in/line3"; sed -n '4,$p' "$in/ledger.csv"; } >"$in/x"
mv "$in/x" "$in/ledger.csv"
rm "$in/line3"
expect "ledger.csv:3:"
expect 'NUL'

new short_row 65
setline ledger.csv 4 '2013-07-31,5100'
expect "ledger.csv:4:"
expect 'amount'

new multiline_record_line_numbers 65
setline ledger.csv 3 '2013-06-01,4200,1234.56,Ville de Montréal,"Formation
sur deux lignes",P-002'
setline ledger.csv 5 '2013-07-31,5100,cinq mille,,Paie,P-003'
expect "ledger.csv:5: column 'amount'"
expect "'cinq mille'"

new blank_lines_line_numbers 65
insline ledger.csv 3 ''
insline ledger.csv 3 ''
setline ledger.csv 6 '2013-07-31,5100,cinq mille,,Paie,P-003'
expect "ledger.csv:6: column 'amount'"
expect "'cinq mille'"

new crlf_line_numbers 65
setline ledger.csv 4 '2013-07-31,5100,cinq mille,,Paie,P-003'
crlf ledger.csv
expect "ledger.csv:4: column 'amount'"
expect "'cinq mille'"

new huge_field 0
cat >"$dir/setup" <<'SH'
# Puts a 10 MB memo on ledger.csv line 3 (generated: too big to commit).
f=$1/ledger.csv
{
    sed -n 1,2p "$f"
    printf '2013-06-01,4200,1234.56,Ville de Montréal,'
    head -c 10485760 /dev/zero | tr '\0' x
    printf ',P-002\n'
    sed -n '4,$p' "$f"
} >"$f.new" && mv "$f.new" "$f"
SH
base_figures

new many_columns 0
cat >"$dir/setup" <<'SH'
# Widens ledger.csv to 10,000 columns (generated: too big to commit).
f=$1/ledger.csv
awk -F, '{
    s = $0
    for (i = NF + 1; i <= 10000; i++)
        s = s "," (NR == 1 ? "extra" i : i)
    print s
}' "$f" >"$f.new" && mv "$f.new" "$f"
SH
base_figures

new many_errors 65
{
    echo 'date,account,amount,counterparty,memo,ref'
    i=1
    while [ $i -le 120 ]; do
        echo "2013-05-01,4100,pas un montant,,,R-$i"
        i=$((i + 1))
    done
} >"$in/ledger.csv"
expect "ledger.csv:2: column 'amount'" "ledger.csv:51: column 'amount'" "70 more"
echo 55 >"$dir/maxlines"

### Encodings
new invalid_utf8_declared 65
append report.ini '' '[csv]' 'encoding = utf-8'
setline activities.csv 3 "$(printf '2013-09-20,Accompagnement,Coaching,Suivi \377\376,MONTRÉAL-NORD,Montréal,4,2')"
expect "activities.csv:3:"
expect 'UTF-8'

new cp1252_declared_utf8 65
append report.ini '' '[csv]' 'encoding = utf-8'
cp1252 ledger.csv
expect "ledger.csv:3:"
expect 'UTF-8'

new utf8_with_a_stray_cp1252_byte 65
printf 'date,account,amount,counterparty,memo,ref\n2013-05-01,4100,1.00,Caf\351,x,y\n' >"$in/l1"
tail -n +2 "$in/ledger.csv" >>"$in/l1" && mv "$in/l1" "$in/ledger.csv"
expect "ledger.csv:2:"
expect 'invalid UTF-8'

new bom_declared_cp1252 65
append report.ini '' '[csv]' 'encoding = windows-1252'
printf '\357\273\277' | cat - "$in/ledger.csv" >"$in/ledger.csv.new" && mv "$in/ledger.csv.new" "$in/ledger.csv"
expect "ledger.csv:1:"
expect 'byte order mark'

new utf16_ledger 65
iconv -f UTF-8 -t UTF-16 "$in/ledger.csv" >"$in/ledger.csv.new" && mv "$in/ledger.csv.new" "$in/ledger.csv"
expect "ledger.csv:1:"
expect 'UTF-16'

### Headers
new duplicate_header 65
setline ledger.csv 1 'date,account,amount,counterparty,memo,amount'
expect "ledger.csv:1: column 'amount'"

new duplicate_header_alias 65
setline ledger.csv 1 'date,account,amount,counterparty,memo,Montant'
expect "ledger.csv:1: column 'amount'"

for spec in ledger:date:colonne_x ledger:account:colonne_x ledger:amount:colonne_x \
    accounts:account:colonne_x accounts:name:colonne_x accounts:kind:sorte \
    accounts:group:colonne_x activities:date:colonne_x activities:axis:colonne_x \
    activities:type:colonne_x people:name:colonne_x people:group:colonne_x \
    people:role:colonne_x; do
    f=${spec%%:*} rest=${spec#*:}
    col=${rest%%:*} other=${rest#*:}
    new "missing_column_${f}_$col" 65
    T=$other awk -F, -v c="$col" 'BEGIN { OFS = "," }
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) $i = ENVIRON["T"] } { print }' \
        "$in/$f.csv" >"$in/x" && mv "$in/x" "$in/$f.csv"
    expect "$f.csv:1: column '$col'"
done

new people_group_empty 65
append people.csv 'Luc Roy,Bénévole,,'
expect "people.csv:4: column 'group'"

new debit_without_credit 65
setline ledger.csv 1 'date,account,debit,counterparty,memo,ref'
expect "ledger.csv:1: column 'credit'"

### Amounts
new amount_three_decimals 65
setline ledger.csv 3 '2013-06-01,4200,1234.567,Ville de Montréal,Formation,P-002'
expect "ledger.csv:3: column 'amount'"
expect 'decimals'

new amount_two_separators 65
setline ledger.csv 3 '2013-06-01,4200,"12,34,5",Ville de Montréal,Formation,P-002'
expect "ledger.csv:3: column 'amount'"
expect "'12,34,5'"

new amount_letters 65
setline ledger.csv 3 '2013-06-01,4200,12a4.00,Ville de Montréal,Formation,P-002'
expect "ledger.csv:3: column 'amount'"
expect "'12a4.00'"

new amount_overflow 65
setline ledger.csv 3 '2013-06-01,4200,99999999999999999999,Ville de Montréal,Formation,P-002'
expect "ledger.csv:3: column 'amount'"
expect "'99999999999999999999'"

new amount_sum_overflow 65
setline ledger.csv 2 '2013-04-15,4100,92233720368547758.07,Centraide,Versement 1,P-001'
setline ledger.csv 3 '2013-06-01,4100,92233720368547758.07,Ville de Montréal,Formation,P-002'
expect "ledger.csv"
expect 'range'

new amount_ambiguous 65
edit ledger.csv 's/\.00,/,/; s/1234\.56/"1,234"/'
expect "ledger.csv:3: column 'amount'"
expect "'1,234'"

new amount_empty 65
setline ledger.csv 4 '2013-07-31,5100,,,Paie,P-003'
expect "ledger.csv:4: column 'amount'"
expect 'empty'

new amount_only_sign 65
setline ledger.csv 4 '2013-07-31,5100,-,,Paie,P-003'
expect "ledger.csv:4: column 'amount'"
expect "'-'"

### Dates
new date_feb_30 65
setline ledger.csv 4 '2014-02-30,5100,5000.00,,Paie,P-003'
expect "ledger.csv:4: column 'date'"
expect "'2014-02-30'"

new date_feb_29_not_leap 65
setline ledger.csv 4 '2013-02-29,5100,5000.00,,Paie,P-003'
expect "ledger.csv:4: column 'date'"
expect "'2013-02-29'"

new date_13_13 65
setline ledger.csv 4 '13/13/2014,5100,5000.00,,Paie,P-003'
expect "ledger.csv:4: column 'date'"
expect "'13/13/2014'"

new date_garbage 65
setline ledger.csv 4 'hier,5100,5000.00,,Paie,P-003'
expect "ledger.csv:4: column 'date'"
expect "'hier'"

new date_empty 65
setline ledger.csv 4 ',5100,5000.00,,Paie,P-003'
expect "ledger.csv:4: column 'date'"
expect 'empty'

new date_order_undetectable 65
put ledger.csv <<'CSV'
date,account,amount,counterparty,memo,ref
01/04/2013,4100,10000.00,Centraide,Versement 1,P-001
06/05/2013,4200,1234.56,Ville de Montréal,Formation,P-002
07/08/2013,5100,5000.00,,Paie,P-003
03/02/2014,5200,1200.00,Propriétaire,Loyer,P-004
05/11/2012,4100,8000.00,Centraide,Versement,P-005
09/10/2012,5100,4000.00,,Paie,P-006
10/01/2011,4200,500.00,Client,Formation,P-007
05/06/2013,1000,300.00,,Dépôt,P-008
CSV
expect "ledger.csv" "column 'date'"
expect 'order'
once "ledger.csv"

new activity_date_invalid 65
setline activities.csv 4 '2014-13-01,Mobilisation des connaissances,Conférence,Colloque,Saint-Michel,Laval,40,6.25'
expect "activities.csv:4: column 'date'"
expect "'2014-13-01'"

### Accounts
new unknown_account 65
setline ledger.csv 5 '2014-03-31,9999,1200.00,Propriétaire,Loyer,P-004'
expect "ledger.csv:5: column 'account'"
expect "'9999'"

new duplicate_account 65
append accounts.csv '4100,Autre subvention,revenue,Subventions'
expect "accounts.csv:7: column 'account'"
expect "'4100'"

new bad_kind 65
setline accounts.csv 3 '4200,Formations,recette,Revenus autonomes'
expect "accounts.csv:3: column 'kind'"
expect "'recette'"
absent "ledger.csv:"

new empty_kind 65
setline accounts.csv 3 '4200,Formations,,Revenus autonomes'
expect "accounts.csv:3: column 'kind'"
expect 'empty'

new empty_account_code 65
setline accounts.csv 3 ',Formations,revenue,Revenus autonomes'
expect "accounts.csv:3: column 'account'"
expect 'empty'

### Activities
new negative_participants 65
setline activities.csv 3 '2013-09-20,Accompagnement,Coaching,Suivi,MONTRÉAL-NORD,Montréal,-4,2'
expect "activities.csv:3: column 'participants'"
expect "'-4'"

new participants_fraction 65
setline activities.csv 3 '2013-09-20,Accompagnement,Coaching,Suivi,MONTRÉAL-NORD,Montréal,4.5,2'
expect "activities.csv:3: column 'participants'"
expect "'4.5'"

new participants_letters 65
setline activities.csv 3 '2013-09-20,Accompagnement,Coaching,Suivi,MONTRÉAL-NORD,Montréal,quatre,2'
expect "activities.csv:3: column 'participants'"
expect "'quatre'"

new hours_three_decimals 65
setline activities.csv 2 '2013-05-10,Formation,Formation,Atelier 1,Montréal-Nord,Montréal,12,3.505'
expect "activities.csv:2: column 'hours'"
expect 'decimals'

new hours_negative 65
setline activities.csv 3 '2013-09-20,Accompagnement,Coaching,Suivi,MONTRÉAL-NORD,Montréal,4,-2'
expect "activities.csv:3: column 'hours'"
expect 'negative'

new activity_axis_empty 65
setline activities.csv 3 '2013-09-20,,Coaching,Suivi,MONTRÉAL-NORD,Montréal,4,2'
expect "activities.csv:3: column 'axis'"
expect 'empty'

### report.ini (base: line 10 fiscal_year_end, 11 year, 12 history,
### 13 language, 14 currency; appended lines start at 15)
new ini_unknown_key 65
append report.ini 'colour = bleu'
expect "report.ini:15:"
expect 'colour'

new ini_unknown_section 65
append report.ini '[couleurs]' 'fond = bleu'
expect "report.ini:15:"
expect 'couleurs'

new ini_syntax_error 65
append report.ini 'ceci n est pas une ligne ini'
expect "report.ini:15:"

new ini_bad_fiscal_year_end 65
setline report.ini 10 'fiscal_year_end = 13-45'
expect "report.ini:10:"
expect '13-45'

new ini_fiscal_year_end_feb_30 65
setline report.ini 10 'fiscal_year_end = 02-30'
expect "report.ini:10:"
expect '02-30'

new ini_missing_year 65
delline report.ini 11
expect "report.ini" "year"

new ini_missing_fiscal_year_end 65
delline report.ini 10
expect "report.ini" "fiscal_year_end"

new ini_missing_name 65
delline report.ini 3
expect "report.ini" "name"

new ini_bad_year 65
setline report.ini 11 'year = deux mille quatorze'
expect "report.ini:11:"
expect 'deux mille'

new ini_bad_history 65
setline report.ini 12 'history = 0'
expect "report.ini:12:"
expect 'history'

new ini_bad_language 65
setline report.ini 13 'language = de'
expect "report.ini:13:"
expect "'de'"

new ini_bad_encoding 65
append report.ini '[csv]' 'encoding = latin-9'
expect "report.ini:16:"
expect 'latin-9'

new ini_bad_delimiter 65
append report.ini '[csv]' 'delimiter = pipe'
expect "report.ini:16:"
expect 'pipe'

new ini_bad_date_order 65
append report.ini '[csv]' 'date_order = ymd'
expect "report.ini:16:"
expect 'ymd'

new ini_bad_workbook_detail 65
append report.ini '[workbook]' 'detail = peut-être'
expect "report.ini:16:"
expect 'detail'

new ini_columns_unknown_column 65
append report.ini '[columns.ledger]' 'colour = Couleur'
expect "report.ini:16:"
expect 'colour'

new ini_columns_unknown_file 65
append report.ini '[columns.forecast]' 'date = Date'
expect "report.ini:15:"
expect 'columns.forecast'

new ini_columns_header_absent 65
append report.ini '[columns.ledger]' 'date = Date de transaction'
expect "ledger.csv:1: column 'date'"
expect 'Date de transaction'

### Years
new year_without_data 0
setline report.ini 11 'year = 2020'
figures <<'JSON'
{"fiscal_year.label": "2019-2020", "finances.revenue.current": "0.00",
 "finances.expenses.current": "0.00", "activities.count.current": 0,
 "inputs.ledger_rows": 8, "inputs.ledger_rows_outside_years": 8,
 "inputs.activity_rows": 4}
JSON

new valid_no_previous_year 0
delline ledger.csv 7
delline ledger.csv 6
delline activities.csv 5
figures <<'JSON'
{"finances.revenue.previous": "0.00", "finances.revenue.change_pct": null,
 "finances.expenses.change_pct": null, "finances.net.change_pct": null,
 "finances.revenue_groups.0.change_pct": null,
 "finances.accounts.0.change_pct": null,
 "activities.count.change_pct": null, "activities.participants.change_pct": null,
 "activities.hours.change_pct": null, "activities.partners.change_pct": null,
 "activities.axes.0.count.change_pct": null,
 "activities.types.0.participants.change_pct": null}
JSON

new year_from_args 0
args --year 2013
figures <<'JSON'
{"fiscal_year.label": "2012-2013", "previous_fiscal_year.label": "2011-2012",
 "finances.revenue.current": "8000.00", "finances.revenue.previous": "500.00",
 "finances.revenue.change": "7500.00", "finances.revenue.change_pct": "1500.0",
 "activities.count.current": 1}
JSON

new lang_from_args 0
args --lang en
figures <<'JSON'
{"language": "en", "finances.revenue.current": "11234.56"}
JSON

### Missing files and folders
for f in ledger.csv accounts.csv activities.csv report.ini; do
    new "missing_$(echo "$f" | tr . _ | sed 's/_csv$//')" 66
    rm "$in/$f"
    expect "$f"
done

new missing_people 0
rm "$in/people.csv"
base_figures

new missing_input_dir 66
args --input @TMP@/absent
expect "@TMP@/absent: cannot open the input folder"

new missing_templates 66
args --templates @TMP@/absent
expect "@TMP@/absent"

### Outputs that cannot be written
new output_is_a_file 73
args --output @FILE@
expect "@FILE@"

new output_under_a_file 73
args --output @FILE@/out
expect "@FILE@/out"

new pdf_under_a_file 73
args --pdf @FILE@/report.pdf
expect "@FILE@/report.pdf"

new figures_in_missing_dir 73
args --figures @TMP@/absent/figures.json
expect "@TMP@/absent/figures.json"

new disk_full 73
echo 8 >"$dir/fsize"

new output_read_only 73
: >"$dir/readonly"

### --check
new check_only 0
args --check

new check_with_errors 65
args --check
setline ledger.csv 3 '2013-06-01,4200,12a4.00,Ville de Montréal,Formation,P-002'
expect "ledger.csv:3: column 'amount'"
expect "'12a4.00'"

### Valid variants: the same figures (or stated ones) from other exports
new valid_semicolon_comma_cp1252_crlf 0
put ledger.csv <<'CSV'
Date;Compte;Montant;Tiers;Libellé;Pièce
2013-04-15;4100;10 000,00;Centraide;Versement 1;P-001
2013-06-01;4200;1 234,56;Ville de Montréal;Formation;P-002
2013-07-31;5100;5000,00;;Paie;P-003
2014-03-31;5200;1200;Propriétaire;Loyer;P-004
2012-05-01;4100;8 000,00;Centraide;Versement;P-005
2012-09-10;5100;4000,00;;Paie;P-006
2011-10-01;4200;500,00;Client;Formation;P-007
2013-05-05;1000;300,00;;Dépôt;P-008
CSV
put activities.csv <<'CSV'
Date;Axe;Type;Titre;Partenaire;Région;Participants;Heures
2013-05-10;Formation;Formation;Atelier 1;Montréal-Nord;Montréal;12;3,5
2013-09-20;Accompagnement;Coaching;Suivi;MONTRÉAL-NORD;Montréal;4;2
2014-02-14;Mobilisation des connaissances;Conférence;Colloque;Saint-Michel;Laval;40;6,25
2012-11-11;Formation;Formation;Atelier 0;Saint-Michel;Montréal;10;3
CSV
for f in ledger.csv activities.csv accounts.csv; do cp1252 $f; crlf $f; done
figures <<'JSON'
{"finances.revenue.current": "11234.56", "finances.expenses.current": "6200.00",
 "finances.revenue_groups.0.group": "Subventions",
 "finances.expense_groups.1.group": "Frais généraux",
 "activities.hours.current": "11.75", "activities.participants.current": 56,
 "activities.partners.current": 2, "activities.axes.2.axis": "Mobilisation des connaissances"}
JSON

new valid_tab 0
for f in ledger.csv accounts.csv activities.csv people.csv; do edit $f "s/,/$(printf '\t')/g"; done
base_figures

new valid_debit_credit 0
put ledger.csv <<'CSV'
date,account,debit,credit,counterparty,memo,ref
2013-04-15,4100,,10000.00,Centraide,Versement 1,P-001
2013-06-01,4200,0.00,1300.00,Ville de Montréal,Formation,P-002
2013-06-02,4200,65.44,,Ville de Montréal,Remboursement,P-002b
2013-07-31,5100,5000.00,,,Paie,P-003
2014-03-31,5200,1200.00,0,Propriétaire,Loyer,P-004
2012-05-01,4100,,8000.00,Centraide,Versement,P-005
2012-09-10,5100,4000.00,,,Paie,P-006
2011-10-01,4200,,500.00,Client,Formation,P-007
2013-05-05,1000,300.00,,,Dépôt,P-008
CSV
figures <<'JSON'
{"finances.revenue.current": "11234.56", "finances.revenue.previous": "8000.00",
 "finances.expenses.current": "6200.00", "finances.net.current": "5034.56",
 "inputs.ledger_rows": 9}
JSON

new valid_french_headers 0
setline ledger.csv 1 'Date,No de compte,Montant,Tiers,Libellé,Référence'
setline accounts.csv 1 'Compte,Nom,Nature,Groupe'
setline activities.csv 1 'Date,Axe,Type,Titre,Partenaire,Région,Participants,Heures'
setline people.csv 1 'Nom,Rôle,Groupe,Équipe'
base_figures

new valid_header_case_accents_spaces 0
setline ledger.csv 1 ' DATE ,Account,MONTANT, Tiers ,LIBELLE,reference'
setline accounts.csv 1 'ACCOUNT , Name,KIND,Group'
setline activities.csv 1 'date,AXE,type,TITRE,partenaire,REGION,participants,HEURES'
base_figures

new valid_extra_columns 0
edit ledger.csv '1s/$/,Couleur/; 2,$s/$/,bleu/'
base_figures

new valid_column_mapping 0
setline ledger.csv 1 'Date de transaction,Compte GL,Total,Tiers,Memo,Ref'
append report.ini '' '[columns.ledger]' 'date = Date de transaction' \
    'account = Compte GL' 'amount = Total'
base_figures

new valid_mdy_day_over_12 0
put ledger.csv <<'CSV'
date,account,amount,counterparty,memo,ref
04/15/2013,4100,10000.00,Centraide,Versement 1,P-001
06/01/2013,4200,1234.56,Ville de Montréal,Formation,P-002
07/31/2013,5100,5000.00,,Paie,P-003
03/31/2014,5200,1200.00,Propriétaire,Loyer,P-004
05/01/2012,4100,8000.00,Centraide,Versement,P-005
09/10/2012,5100,4000.00,,Paie,P-006
10/01/2011,4200,500.00,Client,Formation,P-007
05/05/2013,1000,300.00,,Dépôt,P-008
CSV
base_figures

new valid_dmy_slashes 0
put ledger.csv <<'CSV'
date,account,amount,counterparty,memo,ref
15/04/2013,4100,10000.00,Centraide,Versement 1,P-001
01/06/2013,4200,1234.56,Ville de Montréal,Formation,P-002
31/07/2013,5100,5000.00,,Paie,P-003
31/03/2014,5200,1200.00,Propriétaire,Loyer,P-004
2012/05/01,4100,8000.00,Centraide,Versement,P-005
10/09/2012,5100,4000.00,,Paie,P-006
01/10/2011,4200,500.00,Client,Formation,P-007
05/05/2013,1000,300.00,,Dépôt,P-008
CSV
base_figures

new valid_date_order_from_ini 0
cp "$CASES/date_order_undetectable/input/ledger.csv" "$in/ledger.csv"
append report.ini '' '[csv]' 'date_order = dmy'
figures <<'JSON'
{"finances.revenue.current": "11234.56", "finances.expenses.current": "6200.00",
 "finances.revenue.previous": "8000.00"}
JSON

new valid_amount_forms_point 0
put ledger.csv <<'CSV'
date,account,amount,counterparty,memo,ref
2013-04-15,4100,"$10,000.00",Centraide,Versement 1,P-001
2013-06-01,4200,"$1,234.56",Ville de Montréal,Formation,P-002
2013-07-31,5100,"5,000.00",,Paie,P-003
2014-03-31,5200,1200,Propriétaire,Loyer,P-004
2014-03-31,5200,(200.00),Propriétaire,Remboursement,P-004b
2014-03-31,5200,-100,Propriétaire,Remboursement,P-004c
2012-05-01,4100,+8000,Centraide,Versement,P-005
2012-09-10,5100,4000.0,,Paie,P-006
2011-10-01,4200,500,Client,Formation,P-007
2013-05-05,1000,300.00,,Dépôt,P-008
CSV
figures <<'JSON'
{"finances.revenue.current": "11234.56", "finances.expenses.current": "5900.00",
 "finances.revenue.previous": "8000.00", "finances.expenses.previous": "4000.00",
 "inputs.ledger_rows": 10}
JSON

new valid_amount_forms_comma 0
nb=$(printf '\302\240') nnb=$(printf '\342\200\257')
put ledger.csv <<CSV
date;account;amount;counterparty;memo;ref
2013-04-15;4100;10${nb}000,00 \$;Centraide;Versement 1;P-001
2013-06-01;4200;1${nnb}234,56 \$;Ville de Montréal;Formation;P-002
2013-07-31;5100;5 000,00;;Paie;P-003
2014-03-31;5200;1200;Propriétaire;Loyer;P-004
2014-03-31;5200;(1 234,56);Propriétaire;Remboursement;P-004b
2012-05-01;4100;8000,0;Centraide;Versement;P-005
2012-09-10;5100;4000;;Paie;P-006
2011-10-01;4200;500;Client;Formation;P-007
2013-05-05;1000;300,00;;Dépôt;P-008
CSV
figures <<'JSON'
{"finances.revenue.current": "11234.56", "finances.expenses.current": "4965.44",
 "finances.revenue.previous": "8000.00", "inputs.ledger_rows": 9}
JSON

new valid_decimal_from_ini 0
edit ledger.csv 's/\.00,/,/; s/1234\.56/"1,234"/'
append report.ini '' '[csv]' 'decimal = point'
figures <<'JSON'
{"finances.revenue.current": "11234.00", "finances.expenses.current": "6200.00"}
JSON

new valid_settings_from_ini 0
for f in ledger.csv accounts.csv activities.csv people.csv; do edit $f 's/,/;/g'; cp1252 $f; done
append report.ini '' '[csv]' 'encoding = windows-1252' 'delimiter = semicolon' \
    'decimal = point' 'date_order = dmy' '' '[workbook]' 'detail = no'
base_figures

new valid_quoted_fields 0
put ledger.csv <<'CSV'
date,account,amount,counterparty,memo,ref
2013-04-15,4100,10000.00,"Centraide, Grand Montréal","Versement ""1""",P-001
2013-06-01,4200,1234.56,Ville de Montréal,"Formation
sur deux lignes",P-002
"2013-07-31","5100","5000.00","","Paie","P-003"
2014-03-31,5200,1200.00,Propriétaire,Loyer,P-004
2012-05-01,4100,8000.00,"Centraide, Grand Montréal",Versement,P-005
2012-09-10,5100,4000.00,,Paie,P-006
2011-10-01,4200,500.00,Client,Formation,P-007
2013-05-05,1000,300.00,,Dépôt,P-008
CSV
base_figures

new valid_bom_and_blank_lines 0
printf '\357\273\277' >"$in/x"
cat "$in/ledger.csv" >>"$in/x"
mv "$in/x" "$in/ledger.csv"
insline ledger.csv 4 ''
append ledger.csv '' ''
base_figures

new valid_kind_aliases 0
put accounts.csv <<'CSV'
account,name,kind,group
4100,Subvention Centraide,produit,Subventions
4200,Formations,Revenu,Revenus autonomes
5100,Salaires,charge,Salaires et charges sociales
5200,Loyer,DÉPENSE,Frais généraux
1000,Banque,asset,Actif
CSV
base_figures

new valid_calendar_year 0
setline report.ini 10 'fiscal_year_end = 12-31'
setline report.ini 11 'year = 2013'
figures <<'JSON'
{"fiscal_year.label": "2013", "fiscal_year.start": "2013-01-01",
 "fiscal_year.end": "2013-12-31", "previous_fiscal_year.label": "2012",
 "finances.revenue.current": "11234.56", "finances.revenue.previous": "8000.00",
 "finances.expenses.current": "5000.00", "finances.expenses.previous": "4000.00"}
JSON

new valid_rows_outside_years 0
append ledger.csv '2005-06-01,4100,99.99,Ancien,Vieux,P-009'
append activities.csv '2001-06-01,Formation,Formation,Vieux,Ailleurs,Nulle part,99,9'
figures <<'JSON'
{"finances.revenue.current": "11234.56", "inputs.ledger_rows": 9,
 "inputs.ledger_rows_outside_years": 1, "inputs.activity_rows": 5,
 "activities.count.current": 3}
JSON

new valid_partner_folding 0
append activities.csv '2013-10-01,Formation,Formation,Atelier 2, montréal-nord ,MONTRÉAL,5,1'
figures <<'JSON'
{"activities.count.current": 4, "activities.partners.current": 2,
 "activities.regions.current": 2, "activities.participants.current": 61}
JSON

new valid_cp1252_detected 0
cp1252 ledger.csv
cp1252 activities.csv
base_figures

new valid_empty_participants_hours 0
setline activities.csv 3 '2013-09-20,Accompagnement,Coaching,Suivi,MONTRÉAL-NORD,Montréal,,'
figures <<'JSON'
{"activities.count.current": 3, "activities.participants.current": 52,
 "activities.hours.current": "9.75"}
JSON

# Deeply nested Markdown in a narrative text (generated: too big to
# commit): never a crash; lists and quotes nested past 32 levels are refused
# at their line, emphasis however deep is shown.
new text_nested_quotes 65
cat >"$dir/setup" <<'SH'
# 100 KB of '>' in texts/mission.md: block quotes nested 100,000 deep.
mkdir -p "$1/texts"
awk 'BEGIN { for (i = 0; i < 102400; i++) printf ">"; print " x" }' >"$1/texts/mission.md"
SH
expect "texts/mission.md:1: lists and quotes nested more than 32 levels deep"

new text_nested_lists 65
cat >"$dir/setup" <<'SH'
# 200 KB of nested "- " in texts/mission.md: lists nested 100,000 deep.
mkdir -p "$1/texts"
awk 'BEGIN { for (i = 0; i < 102400; i++) printf "- "; print "x" }' >"$1/texts/mission.md"
SH
expect "texts/mission.md:1: lists and quotes nested more than 32 levels deep"

new text_nested_emphasis 0
cat >"$dir/setup" <<'SH'
# 600 KB of '*' around a word in texts/mission.md: emphasis nested
# 150,000 deep.
mkdir -p "$1/texts"
awk 'BEGIN { for (i = 0; i < 307200; i++) printf "*"; printf "x";
             for (i = 0; i < 307200; i++) printf "*"; print "" }' >"$1/texts/mission.md"
SH
base_figures

### Statements: budget.csv, balances.csv (docs/statements.md)
# budget.csv: year, account or group, amount.  A valid budget first.
new budget_valid 0
put budget.csv <<'CSV'
year,account,group,amount
2013-2014,,Subventions,9000.00
2014,4200,,2000.00
2013-2014,,Salaires et charges sociales,5500.00
2013-2014,,Subventions,500.00
2014-2015,,Revenus autonomes,3000.00
2011-2012,,Subventions,1.00
CSV
figures <<'JSON'
{"budget.label": "2013-2014", "budget.revenue.actual": "11234.56",
 "budget.revenue.budget": "11500.00", "budget.revenue.variance": "-265.44",
 "budget.revenue.variance_pct": "-2.3",
 "budget.revenue_groups.0.budget": "9500.00", "budget.revenue_groups.0.variance_pct": "5.3",
 "budget.expenses.actual": "5000.00", "budget.expenses.budget": "5500.00",
 "budget.expense_groups.1.group": "Frais généraux", "budget.expense_groups.1.budget": null,
 "budget.expense_groups.1.variance": null, "budget.expense_groups.1.actual": "1200.00",
 "budget.net.actual": "6234.56", "budget.net.budget": "6000.00",
 "forecast.label": "2014-2015", "forecast.revenue.budget": "3000.00",
 "forecast.revenue.actual": "1234.56", "forecast.revenue.change": "1765.44",
 "forecast.revenue.change_pct": "143.0", "forecast.revenue_groups.0.budget": null,
 "forecast.expenses.budget": null, "forecast.expenses.actual": "6200.00",
 "finances.revenue.current": "11234.56"}
JSON

new budget_unknown_group 65
put budget.csv <<'CSV'
year,account,group,amount
2013-2014,,Subventions,9000.00
2013-2014,,Dons privés,100.00
CSV
expect "budget.csv:3: column 'group': 'Dons privés' is not a group of accounts.csv"

new budget_unknown_account 65
put budget.csv <<'CSV'
exercice,compte,montant
2013-2014,9999,100.00
CSV
expect "budget.csv:2: column 'account': '9999' is not in accounts.csv"

new budget_account_other_kind 65
put budget.csv <<'CSV'
year,account,amount
2013-2014,1000,100.00
CSV
expect "budget.csv:2: column 'account': '1000' is an asset account"

new budget_group_other_kind 65
put budget.csv <<'CSV'
year,group,amount
2013-2014,Actif,100.00
CSV
expect "budget.csv:2: column 'group': 'Actif' is the group of an asset account"

new budget_account_not_in_group 65
put budget.csv <<'CSV'
year,account,group,amount
2013-2014,4100,Revenus autonomes,100.00
CSV
expect "budget.csv:2: column 'group': 'Revenus autonomes' is not the group of account 4100 (Subventions)"

new budget_year_no_fiscal_year 65
put budget.csv <<'CSV'
année;groupe;budget
2013-2014;Subventions;9 000,00
2013-2015;Subventions;100,00
FY14;Subventions;100,00
CSV
expect "budget.csv:3: column 'year': '2013-2015' names no fiscal year"
expect "budget.csv:4: column 'year': 'FY14' names no fiscal year"

new budget_other_year_checked 65
put budget.csv <<'CSV'
year,group,amount
2011-2012,Inexistant,100.00
2013-2014,Subventions,9000.00
CSV
expect "budget.csv:2: column 'group': 'Inexistant' is not a group of accounts.csv"

new budget_amount_empty 65
put budget.csv <<'CSV'
year,group,amount
2013-2014,Subventions,
CSV
expect "budget.csv:2: column 'amount': is empty"

new budget_amount_letters 65
put budget.csv <<'CSV'
year,group,amount
2013-2014,Subventions,neuf mille
CSV
expect "budget.csv:2: column 'amount': 'neuf mille'"

new budget_no_target 65
put budget.csv <<'CSV'
year,account,group,amount
2013-2014,,,100.00
CSV
expect "budget.csv:2: column 'group': is empty: a budget line names an account or a group"

new budget_no_target_column 65
put budget.csv <<'CSV'
year,amount
2013-2014,100.00
CSV
expect "budget.csv:1: column 'group': missing (need 'account' or 'group', or both)"

# balances.csv: account, date, balance.  A double-entry ledger that the
# balances make balance: cash against revenue and expenses.
double_entry() {
    append accounts.csv '3000,Actif net,equity,Actif net'
    put ledger.csv <<'CSV'
date,account,amount,counterparty,memo,ref
2013-04-15,4100,10000.00,Centraide,Versement 1,P-001
2013-04-15,1000,10000.00,Centraide,Versement 1,P-001
2013-07-31,5100,5000.00,,Paie,P-003
2013-07-31,1000,-5000.00,,Paie,P-003
2012-05-01,4100,8000.00,Centraide,Versement,P-005
2012-05-01,1000,8000.00,Centraide,Versement,P-005
2012-09-10,5100,4000.00,,Paie,P-006
2012-09-10,1000,-4000.00,,Paie,P-006
CSV
}

new position_valid 0
double_entry
put balances.csv <<'CSV'
compte;date;solde
1000;31/03/2012;2 500,00
3000;31/03/2012;2 500,00
CSV
figures <<'JSON'
{"position.date": "2014-03-31", "position.previous_date": "2013-03-31",
 "position.assets.current": "11500.00", "position.assets.previous": "6500.00",
 "position.assets.change": "5000.00", "position.assets.change_pct": "76.9",
 "position.liabilities.current": "0.00", "position.net_assets.current": "11500.00",
 "position.net_asset_groups.0.group": "Actif net",
 "position.net_asset_groups.0.previous": "6500.00",
 "indicators.reserve_months": "27.6", "indicators.largest_funder": "Centraide",
 "indicators.largest_funder_share": "100.0"}
JSON

new position_previous_before_balances 0
double_entry
put balances.csv <<'CSV'
account,date,balance
1000,2013-06-30,16500.00
3000,2013-06-30,16500.00
CSV
figures <<'JSON'
{"position.previous_date": null, "position.assets.current": "11500.00",
 "position.assets.previous": null, "position.assets.change": null,
 "position.assets.change_pct": null, "position.net_assets.current": "11500.00"}
JSON

new position_yes_without_balances 0
double_entry
edit report.ini 's/^currency = CAD$/currency = CAD\nposition = yes/'
figures <<'JSON'
{"position.assets.current": "9000.00", "position.assets.previous": "4000.00",
 "position.net_assets.current": "9000.00"}
JSON

new books_unbalanced 65
append accounts.csv '3000,Actif net,equity,Actif net'
put balances.csv <<'CSV'
account,date,balance
1000,2011-03-31,4500.00
3000,2011-03-31,0.00
CSV
expect "ledger.csv: the books do not balance at 2014-03-31: assets 4800.00, liabilities and net assets 9534.56, difference -4734.56"
absent "at 2013-03-31"

new books_unbalanced_missing_balance 65
append accounts.csv '3000,Actif net,equity,Actif net'
put balances.csv <<'CSV'
account,date,balance
3000,2011-03-31,0.00
CSV
expect "ledger.csv: the books do not balance at 2013-03-31: assets 0.00, liabilities and net assets 4500.00, difference -4500.00; accounts with ledger lines but no line in balances.csv: 1000 (Banque)"

new balances_unknown_account 65
append accounts.csv '3000,Actif net,equity,Actif net'
put balances.csv <<'CSV'
account,date,balance
9999,2011-03-31,100.00
CSV
expect "balances.csv:2: column 'account': '9999' is not in accounts.csv"

new balances_revenue_account 65
put balances.csv <<'CSV'
account,date,balance
4100,2011-03-31,100.00
5100,2011-03-31,100.00
CSV
expect "balances.csv:2: column 'account': '4100' is a revenue account"
expect "balances.csv:3: column 'account': '5100' is an expense account"

new balances_after_year_end 65
put balances.csv <<'CSV'
account,date,balance
1000,2014-04-30,100.00
CSV
expect "balances.csv:2: column 'date': 2014-04-30 is after the end of the reported fiscal year (2014-03-31)"

new balances_same_account_twice 65
put balances.csv <<'CSV'
account,date,balance
1000,2011-03-31,100.00
1000,2011-03-31,200.00
CSV
expect "balances.csv:3: column 'account': '1000' already has a balance at line 2"

new balances_two_dates 65
put balances.csv <<'CSV'
account,date,balance
1000,2011-03-31,100.00
1000,2012-03-31,100.00
CSV
expect "balances.csv:3: column 'date': 2012-03-31 is not the date of the other balances, 2011-03-31 (line 2)"

new balances_balance_empty 65
put balances.csv <<'CSV'
account,date,balance
1000,2011-03-31,
CSV
expect "balances.csv:2: column 'balance': is empty"

new balances_header_only 65
put balances.csv <<'CSV'
account,date,balance
CSV
expect "balances.csv: no balance line"

new position_no_equity 65
put balances.csv <<'CSV'
account,date,balance
1000,2011-03-31,4500.00
CSV
expect "accounts.csv: no equity account to carry the year's surplus into"

new ini_net_assets_group_unknown 65
double_entry
put balances.csv <<'CSV'
account,date,balance
1000,2012-03-31,2500.00
3000,2012-03-31,2500.00
CSV
edit report.ini 's/^currency = CAD$/currency = CAD\nnet_assets_group = Fonds affectés/'
expect "report.ini: net_assets_group = Fonds affectés: no equity account has that group"

new ini_bad_position 65
edit report.ini 's/^currency = CAD$/currency = CAD\nposition = peut-être/'
expect "report.ini:" "position 'peut-être' is not auto, yes or no"

### The funders table (docs/funders.md)
# funders_base: _base with gifts on account 4910 (group "Autres revenus")
# from two donors, and a revenue line without a counterparty.
funders_base() {
    append accounts.csv '4910,Dons,revenue,Autres revenus'
    append ledger.csv '2013-12-01,4910,50.00,Ann Donor,Don,P-009' \
        '2014-01-15,4910,25.00,Bob Donor,Don,P-010' \
        '2012-12-20,4910,20.00,Bob Donor,Don,P-011' \
        '2014-02-01,4200,100.00,,Vente au comptoir,P-012'
}

new valid_funders_default 0
funders_base
figures <<'JSON'
{"finances.revenue.current": "11409.56", "finances.revenue.previous": "8020.00",
 "finances.funders.0.kind": "funder", "finances.funders.0.name": "Centraide",
 "finances.funders.0.current": "10000.00", "finances.funders.0.previous": "8000.00",
 "finances.funders.0.share": "87.6",
 "finances.funders.1.name": "Ville de Montréal", "finances.funders.1.current": "1234.56",
 "finances.funders.2.kind": "donors", "finances.funders.2.name": null,
 "finances.funders.2.count": 2, "finances.funders.2.current": "75.00",
 "finances.funders.2.previous": "20.00",
 "finances.funders.3.kind": "other_revenue", "finances.funders.3.count": null,
 "finances.funders.3.current": "100.00", "finances.funders.3.previous": "0.00",
 "finances.funders.3.change_pct": null,
 "finances.counterparties.3.name": "Ann Donor"}
JSON

new valid_funders_settings 0
funders_base
edit report.ini 's/^currency = CAD$/currency = CAD\
funders_groups = Subventions, autres REVENUS\
funders_min = 100\
funders_top = 1\
donors = none/'
figures <<'JSON'
{"finances.funders.0.name": "Centraide", "finances.funders.0.current": "10000.00",
 "finances.funders.1.kind": "other_funders", "finances.funders.1.count": 2,
 "finances.funders.1.current": "75.00", "finances.funders.1.previous": "20.00",
 "finances.funders.2.kind": "other_revenue", "finances.funders.2.current": "1334.56",
 "finances.funders.2.previous": "0.00",
 "finances.revenue.current": "11409.56"}
JSON

new valid_funders_donors_by_code 0
funders_base
edit report.ini 's/^currency = CAD$/currency = CAD\
donors = 4200, 4910/'
figures <<'JSON'
{"finances.funders.0.name": "Centraide",
 "finances.funders.1.kind": "donors", "finances.funders.1.count": 3,
 "finances.funders.1.current": "1309.56", "finances.funders.1.previous": "20.00",
 "finances.funders.2.kind": "other_revenue", "finances.funders.2.current": "100.00"}
JSON

new valid_funders_none 0
edit ledger.csv 's/,Centraide,/,,/; s/,Ville de Montréal,/,,/'
figures <<'JSON'
{"finances.funders": [], "finances.revenue.current": "11234.56"}
JSON

new ini_bad_funders_groups 65
edit report.ini 's/^currency = CAD$/currency = CAD\
funders_groups = Subventions, Subvention, Salaires et charges sociales\
donors = Dons/'
expect "report.ini:15: funders_groups: 'Subvention' is not a revenue group of accounts.csv" \
    "report.ini:15: funders_groups: 'Salaires et charges sociales' is not a revenue group" \
    "report.ini:16: donors: 'Dons' is not a revenue group, account code or account name"

new ini_bad_funders_numbers 65
edit report.ini 's/^currency = CAD$/currency = CAD\
funders_min = 1,000\
funders_top = 0\
funders_groups =/'
expect "report.ini:15: funders_min '1,000' is not an amount of 0 or more" \
    "report.ini:16: funders_top '0' is not a number of funders from 1 to 99999" \
    "report.ini:17: funders_groups is empty"

### History from the first year with data
# history = 6 reaches back to 2008-2009; the first row is dated 2011-10-01.
new valid_history_first_year 0
edit report.ini 's/^history = 3$/history = 6/'
figures <<'JSON'
{"finances.history.0.label": "2011-2012", "finances.history.0.revenue": "500.00",
 "finances.history.2.label": "2013-2014", "finances.history.2.net": "5034.56",
 "finances.revenue.current": "11234.56"}
JSON

n=0
for d in "$CASES"/*/; do
    case $(basename "$d") in _*) ;; *) n=$((n + 1)) ;; esac
done
echo "$n cases in $CASES"
