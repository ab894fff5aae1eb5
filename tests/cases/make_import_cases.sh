#!/bin/sh
# make_import_cases.sh - (re)generate the cases of accounting software
# exports (issue 10): broken exports, several ledger files, trial balances,
# account lists, report.ini [import] and [groups].  Only the folders named
# here are rewritten (import_*, ledger_*, trial_balance_*, accounts_list_*,
# groups_*, ini_import_*); edit this script, not the folders.
#
#   sh tests/cases/make_import_cases.sh
#
# The export cases read tests/imports/ (the same nine transactions in each
# product's layout, fiscal year 2025 ending 12-31) with the accounts of
# those fixtures; the others change tests/cases/_base (see make_cases.sh).
set -e
CASES=$(cd "$(dirname "$0")" && pwd)
BASE=$CASES/_base/input
IMPORTS=$CASES/../imports

new() {
    dir=$CASES/$1
    rm -rf "$dir"
    mkdir -p "$dir"
    cp -R "$BASE" "$dir/input"
    in=$dir/input
    echo "$2" >"$dir/status"
}
expect() { printf '%s\n' "$@" >>"$dir/stderr"; }
absent() { printf '%s\n' "$@" >>"$dir/absent"; }
figures() { cat >"$dir/expect.json"; }
put() { cat >"$in/$1"; }

# export_case NAME STATUS FIXTURE: the fixtures' input folder, ledger.csv
# being tests/imports/FIXTURE.
export_case() {
    new "$1" "$2"
    put report.ini <<'INI'
[organisation]
name = Maison des jeunes Test
[report]
fiscal_year_end = 12-31
year = 2025
history = 2
language = en
INI
    put accounts.csv <<'CSV'
account,name,kind,group
1000,Chequing,asset,Cash
4100,Grants,revenue,Grants
4200,Workshop fees,revenue,Self-generated revenue
5000,Operating expenses,expense,Operations
5100,Rent,expense,Operations
5200,Supplies,expense,Operations
CSV
    put activities.csv <<'CSV'
date,axis,type,title,partner,region,participants,hours
2025-02-10,Training,Workshop,Budgeting,Saint-Michel,Montréal,12,3
CSV
    rm -f "$in/people.csv"
    cp "$IMPORTS/$3" "$in/ledger.csv"
}

# The fixtures' figures (fiscal year 2025).
export_figures() {
    figures <<'JSON'
{
  "finances.revenue.current": "8600.25",
  "finances.expenses.current": "2815.57",
  "finances.net.current": "5784.68",
  "inputs.ledger_rows": 18,
  "inputs.ledger_rows_other_kinds": 9
}
JSON
}

for d in "$CASES"/import_* "$CASES"/ledger_* "$CASES"/trial_balance_* \
         "$CASES"/accounts_list_* "$CASES"/groups_* "$CASES"/ini_import_*; do
    [ -d "$d" ] && rm -rf "$d"
done

### Broken exports: each an error at its line, nothing written

export_case import_unknown_header 65 broken/unknown-header.csv
expect "ledger.csv: no known header in the first 30 rows; nearest: 'qbo-gl' (line 5"
expect "missing 'memo/description'"

export_case import_two_profiles 65 broken/two-profiles.csv
expect "the header fits several import profiles"
expect "choose one with [import] profile in report.ini"

export_case import_total_disagrees 65 broken/total-mismatch.csv
expect "ledger.csv:22: account '4100 Grants': the export's total is 7600.00 but its lines sum to 7500.00"

export_case import_truncated 65 broken/truncated-mid-section.csv
expect "ledger.csv:21: the export ends inside account '4100 Grants' (section at line 19), before its total row: is the file cut short?"

export_case import_unknown_row 65 broken/unknown-row.csv
expect "ledger.csv:9: a row that is neither a transaction (no date under 'Date'), an account section nor a known label: 'Deposit' in column 3"

# A section whose name (no code: account numbers off) is no account.
export_case import_unknown_section 65 qbo-transaction-detail.csv
sed 's/^Supplies,/Office supplies,/; s/^Total for Supplies,/Total for Office supplies,/' \
    "$IMPORTS/qbo-transaction-detail.csv" >"$in/ledger.csv"
expect "ledger.csv:30: column 'account': section 'Office supplies' is not an account of accounts.csv"
absent "ledger.csv:31:"

# A forced profile that does not fit, and one that does not exist.
export_case ini_import_profile_wrong 65 qbo-gl.csv
printf '[import]\nprofile = xero-account-transactions\n' >>"$in/report.ini"
expect "ledger.csv: no header of the import profile 'xero-account-transactions' in the first 30 rows"

export_case ini_import_profile_unknown 65 qbo-gl.csv
printf '[import]\nprofile = quickbooks\n' >>"$in/report.ini"
expect "report.ini:9: profile = quickbooks: no such import profile (known: bilan, qbo-gl"

# A forced profile that fits: as detected.
export_case ini_import_profile_forced 0 qbo-gl.csv
printf '[import]\nprofile = qbo-gl\n' >>"$in/report.ini"
export_figures

# An old Excel workbook: refused, with what to do.
export_case import_xls_refused 65 qbo-gl.csv
rm "$in/ledger.csv"
printf '\320\317\021\340\241\261\032\341' >"$in/ledger.xls"
head -c 1000 /dev/zero >>"$in/ledger.xls"
expect "ledger.xls: "
expect "save it as .xlsx"

### Several ledger files

# One file per fiscal year: the base figures.
new ledger_per_year_files 0
rm "$in/ledger.csv"
{ head -1 "$BASE/ledger.csv"; grep -E '^(2013-(0[4-9]|1)|2014-0[1-3])' "$BASE/ledger.csv"; } \
    >"$in/ledger-2013-2014.csv"
{ head -1 "$BASE/ledger.csv"; grep -v -E '^(date|2013-(0[4-9]|1)|2014-0[1-3])' "$BASE/ledger.csv"; } \
    >"$in/ledger-earlier.csv"
figures <<'JSON'
{
  "finances.revenue.current": "11234.56",
  "finances.revenue.previous": "8000.00",
  "finances.expenses.current": "6200.00",
  "finances.net.current": "5034.56",
  "finances.counterparties.0.name": "Centraide",
  "inputs.ledger_rows": 8,
  "inputs.ledger_rows_other_kinds": 1
}
JSON

# Two files with lines of one year on different accounts: they add up.
new ledger_files_disjoint_accounts 0
grep -v ',5200,' "$BASE/ledger.csv" >"$in/ledger.csv"
{ head -1 "$BASE/ledger.csv"; grep ',5200,' "$BASE/ledger.csv"; } >"$in/ledger-rent.csv"
figures <<'JSON'
{
  "finances.expenses.current": "6200.00",
  "inputs.ledger_rows": 8
}
JSON

# Two files with lines of one year on one account: counted twice.
new ledger_files_double_counted 65
{ head -1 "$BASE/ledger.csv"; echo "2013-10-01,4100,500.00,Centraide,Versement 2,P-009"; } \
    >"$in/ledger-2014.csv"
expect "ledger.csv:2: column 'account': fiscal year 2013-2014: account '4100' has lines in ledger-2014.csv too (line 2): a year's lines must come from one ledger file, or the files must hold different accounts (else they count twice)"

# Two files for one input.
new accounts_list_two_files 65
cp "$in/accounts.csv" "$in/accounts.xlsx"
expect "accounts.csv: accounts.csv and accounts.xlsx are two files for one input: keep one"

### Account lists and [groups]

# QuickBooks Online's Account List: types as kinds, groups from names.
new accounts_list_qbo 0
put accounts.csv <<'CSV'
Organisme témoin,,,,
Account List,,,,
,,,,
Account,Type,Detail type,Description,Balance
4100 Subvention Centraide,Income,Non-Profit Income,,
4200 Formations,Income,Service/Fee Income,,
5000 Charges:5100 Salaires,Expenses,Payroll Expenses,,
5000 Charges:5200 Loyer,Expenses,Rent or Lease of Buildings,,
1000 Banque,Bank,Chequing,,"1,300.00"
,,,,
"Accrual Basis Wednesday, January 07, 2026 10:15 AM GMT-05:00",,,,
CSV
figures <<'JSON'
{
  "finances.revenue.current": "11234.56",
  "finances.expenses.current": "6200.00",
  "finances.revenue_groups.0.group": "Subvention Centraide",
  "finances.expense_groups.0.group": "Charges",
  "finances.expense_groups.0.current": "6200.00",
  "finances.accounts.2.name": "Salaires"
}
JSON

# Xero's Chart of Accounts, with report.ini [groups] by range and name.
new groups_by_range_and_name 0
put accounts.csv <<'CSV'
*Code,*Name,*Type,*Tax Code,Description,Dashboard,Expense Claims,Enable Payments,Balance
4100,Subvention Centraide,Revenue,Tax Exempt,,No,No,No,
4200,Formations,Sales,GST on Income,,No,No,No,
5100,Salaires,Wages Expense,,,No,No,No,
5200,Loyer,Overhead,,,No,No,No,
1000,Banque,Bank,,,Yes,No,No,
CSV
printf '[groups]\nProduits = 4000-4999\nCharges = Salaires, loyer\n' >>"$in/report.ini"
figures <<'JSON'
{
  "finances.revenue_groups.0.group": "Produits",
  "finances.revenue_groups.0.current": "11234.56",
  "finances.expense_groups.0.group": "Charges",
  "finances.expense_groups.0.current": "6200.00"
}
JSON

new groups_rule_matches_nothing 65
printf '[groups]\nDons = 4500-4599, Dons divers\n' >>"$in/report.ini"
expect "report.ini:16: [groups] Dons: the range '4500-4599' matches no account of accounts.csv"
expect "report.ini:16: [groups] Dons: the code or name 'Dons divers' matches no account of accounts.csv"

### Trial balances

# A trial balance of the reported year that agrees with the ledger.
new trial_balance_agrees 0
put trial-balance.csv <<'CSV'
Organisme témoin,,
Trial Balance,,
"As of March 31, 2014",,
,,
,Debit,Credit
1000 Banque,300.00,
4100 Subvention Centraide,,"10,000.00"
4200 Formations,,"1,234.56"
5100 Salaires,"5,000.00",
5200 Loyer,"1,200.00",
TOTAL,"6,500.00","11,234.56"
CSV
figures <<'JSON'
{"finances.revenue.current": "11234.56"}
JSON

# ... and one that does not.
new trial_balance_disagrees 65
put trial-balance-2014.csv <<'CSV'
Account,Debit,Credit,YTD Debit,YTD Credit
Subvention Centraide (4100),,900.00,,9000.00
Formations (4200),,100.00,,1234.56
Salaires (5100),400.00,,5000.00,
Loyer (5200),1200.00,,1200.00,
Total,1600.00,1000.00,6200.00,10234.56
CSV
expect "trial-balance-2014.csv:2: column 'account': '4100 Subvention Centraide': the trial balance says 9000.00 for 2013-2014, but the ledger's lines make 10000.00"

# An earlier year without ledger lines: the trial balance stands in, and
# that year's counterparties are unknown.
new trial_balance_stands_in 0
grep -v -E '^2012-' "$BASE/ledger.csv" >"$in/ledger.csv"
put trial-balance-2012-2013.csv <<'CSV'
Account ID,Account Description,Debit Amt,Credit Amt
4100,Subvention Centraide,,"7,500.00"
4200,Formations,,250.00
5100,Salaires,"3,000.00",
,Total,"3,000.00","7,750.00"
CSV
figures <<'JSON'
{
  "finances.revenue.current": "11234.56",
  "finances.revenue.previous": "7750.00",
  "finances.expenses.previous": "3000.00",
  "finances.history.1.revenue": "7750.00",
  "finances.counterparties.0.name": "Centraide",
  "finances.counterparties.0.previous": null,
  "finances.funders.0.name": "Centraide",
  "finances.funders.0.current": "10000.00",
  "finances.funders.0.previous": null,
  "finances.funders.0.change_pct": null
}
JSON

# A trial balance that is not of a year's end.
new trial_balance_not_year_end 65
put trial-balance.csv <<'CSV'
Trial Balance,,
"As of December 31, 2013",,
,Debit,Credit
4100 Subvention Centraide,,"5,000.00"
CSV
expect "trial-balance.csv:2: the trial balance is as of 2013-12-31, not the end of a fiscal year (2014-03-31)"

n=0
for d in "$CASES"/import_* "$CASES"/ledger_* "$CASES"/trial_balance_* \
         "$CASES"/accounts_list_* "$CASES"/groups_* "$CASES"/ini_import_*; do
    [ -d "$d" ] && n=$((n + 1))
done
echo "$n import cases in $CASES"
