#!/bin/sh
# test_xlsx.sh - the Excel workbook, read back by independent programs.
#
# openpyxl reads the cached results (what a viewer that does not
# recalculate shows); LibreOffice recalculates a copy whose cached results
# were all overwritten, so its values come from the formulas alone.  Both
# must equal figures.json to the cent.  Also: sheet names in French and in
# English, formula-like text kept as text, "nouveau" for a group with no
# revenue the year before, detail = no, identical bytes twice, and (slow,
# ~30 s) a ledger past Excel's 1,048,576 rows continuing on a second sheet
# with memory that does not grow.  XLSX_SKIP_SLOW=1 leaves the last out.
. "$ROOT/tests/e2e/lib.sh"

CHECK=$ROOT/tests/e2e/xlsx_check.py
if ! need_openpyxl; then
    not_ok "python3 with openpyxl" "install python3-openpyxl"
    exit 0
fi

# check NAME COMMAND...: ok when the checker exits 0, else its output.
check() {
    name=$1
    shift
    if out=$("$PY" "$CHECK" "$@" 2>&1); then ok "$name"; else not_ok "$name" "$out"; fi
}

# run_into NAME DIR ARGS...: runs bilan with --output DIR; ok when exit 0.
run_into() {
    name=$1 dir=$2
    shift 2
    run_bilan --output "$dir" "$@"
    if [ "$status" -eq 0 ] && [ -f "$(ls "$dir"/workbook-*.xlsx 2>/dev/null)" ]; then
        ok "$name"
        return 0
    fi
    not_ok "$name" "exit $status" "$(head -n 20 "$T/stderr")"
    return 1
}

book() { ls "$1"/workbook-*.xlsx; }
figs() { ls "$1"/figures-*.json; }

# recalc NAME DIR: LibreOffice recalculates DIR's workbook, its cached
# results first spoiled; the values must still equal figures.json.
recalc() {
    name=$1 dir=$2
    if lo_recalc "$(figs "$dir")" "$(book "$dir")" "$dir"; then
        check "$name" values "$(figs "$dir")" "$dir/lo/book.xlsx"
    else
        not_ok "$name" "spoiling or LibreOffice failed" "$(tail -n 5 "$T/lo.log" 2>/dev/null)"
    fi
}

# ---- the sample, in French --------------------------------------------
fr=$T/fr
if run_into "sample run" "$fr" --input "$SAMPLE"; then
    check "French sheet names in order" sheets "$(book "$fr")" Sommaire \
        "Revenus et dépenses" "Bailleurs de fonds" Activités Complicités Historique \
        Budget "Situation financière" "Grand livre" "Détail des activités"
    check "cached values equal figures.json" values "$(figs "$fr")" "$(book "$fr")"
    check "totals and changes are formulas" formulas "$(book "$fr")" 100
    recalc "LibreOffice recalculation equals figures.json" "$fr"

    fr2=$T/fr2
    if run_into "second run" "$fr2" --input "$SAMPLE"; then
        if cmp -s "$(book "$fr")" "$(book "$fr2")"; then
            ok "two runs give identical bytes"
        else
            not_ok "two runs give identical bytes" "$(cmp "$(book "$fr")" "$(book "$fr2")")"
        fi
    fi
fi

# ---- English ------------------------------------------------------------
en=$T/en
if run_into "English run" "$en" --input "$SAMPLE" --lang en; then
    check "English sheet names" sheets "$(book "$en")" Summary "Revenue and expenses" \
        Funders Activities Partners History Budget "Financial position" Ledger \
        "Activities detail"
    check "English cached values" values "$(figs "$en")" "$(book "$en")"
fi

# ---- formula-like text and a group new this year -----------------------
inj=$T/inj-input
cp -R "$SAMPLE" "$inj"
rm -f "$inj/balances.csv"   # single-entry lines: no statement of financial position
printf '4300,Commandites,revenue,Commandites\n' >>"$inj/accounts.csv"
case $(head -n 1 "$inj/ledger.csv") in
*";"*) sep=";" amount="1 500,00" small="250,00" ;;
*) sep="," amount="1500.00" small="250.00" ;;
esac
eol=$(head -n 1 "$inj/ledger.csv" | od -An -c | grep -q '\\r' && printf '\r')
date_of=$(sed -n 2p "$inj/ledger.csv" | cut -d"$sep" -f1)
case $date_of in
*/*) d1="15/06/2013" d2="20/06/2013" ;;
*) d1="2013-06-15" d2="2013-06-20" ;;
esac
# the sample's header: date, account, counterparty, memo, ref, debit, credit
{
    printf '%s%s4300%s"=HYPERLINK(""http://x.test"",""clic"")"%s+1%s@SUM(A1)%s%s"%s"%s\n' \
        "$d1" "$sep" "$sep" "$sep" "$sep" "$sep" "$sep" "$amount" "$eol"
    printf '%s%s4300%s-2%s=1+2%s-3%s%s"%s"%s\n' \
        "$d2" "$sep" "$sep" "$sep" "$sep" "$sep" "$sep" "$small" "$eol"
} >>"$inj/ledger.csv"
injout=$T/inj
if run_into "run with formula-like text" "$injout" --input "$inj"; then
    check "formula-like text stays text" text "$(book "$injout")" \
        '=HYPERLINK("http://x.test","clic")' '+1' '-2' '@SUM(A1)' '=1+2'
    check "group new this year shows nouveau" cell "$(book "$injout")" 1 Commandites E nouveau
    check "values with the new group" values "$(figs "$injout")" "$(book "$injout")"
    recalc "recalculated: nouveau, no #DIV/0!, values" "$injout"
    if [ -f "$injout/lo/book.xlsx" ]; then
        check "recalculated group shows nouveau" cell "$injout/lo/book.xlsx" 1 Commandites E nouveau
    fi
fi

# ---- detail = no ---------------------------------------------------------
nod=$T/nodetail-input
cp -R "$SAMPLE" "$nod"
if grep -q '^detail' "$nod/report.ini"; then
    sed 's/^detail *=.*/detail = no/' "$nod/report.ini" >"$T/ini" && mv "$T/ini" "$nod/report.ini"
else
    printf '\n[workbook]\ndetail = no\n' >>"$nod/report.ini"
fi
nodout=$T/nodetail
if run_into "run with detail = no" "$nodout" --input "$nod"; then
    check "no detail sheets" sheets "$(book "$nodout")" Sommaire "Revenus et dépenses" \
        "Bailleurs de fonds" Activités Complicités Historique Budget "Situation financière"
    check "detail = no: cached values" values "$(figs "$nodout")" "$(book "$nodout")"
    recalc "detail = no: recalculated values" "$nodout"
fi

# ---- the funders table with settings ----------------------------------
# Only two groups, ten funders of 1,000 $ or more named: the other funders,
# the donors and the other revenue rows (a formula on the finance sheet's
# total) are there and add up to revenue, recalculated too.
fun=$T/funders-input
cp -R "$SAMPLE" "$fun"
sed 's/^self_generated = .*/&\
funders_groups = Subventions, Autres revenus\
funders_top = 10\
funders_min = 1000/' "$SAMPLE/report.ini" >"$fun/report.ini"
funout=$T/funders
if run_into "run with funders settings" "$funout" --input "$fun"; then
    check "funders settings: cached values" values "$(figs "$funout")" "$(book "$funout")"
    check "funders settings: other revenue row" cell "$(book "$funout")" 3 "Autres revenus" \
        B 124980
    recalc "funders settings: recalculated values" "$funout"
fi

# A previous year that a trial balance stood in for: its funders are
# unknown, so the funders sheet says "n.d." and its total is the revenue.
tb=$T/tb
cp -R "$ROOT/tests/cases/trial_balance_stands_in/input" "$tb"
run_bilan --input "$tb" --output "$T/tbout" --quiet
if [ "$status" -eq 0 ] && "$PY" - "$T"/tbout/workbook-*.xlsx >"$T/tbcheck" 2>&1 <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[2]                      # summary, finances, funders
rows = list(ws.iter_rows(values_only=True))
body, total = rows[1:-1], rows[-1]
assert body and all(r[2] == "n.d." for r in body), rows
assert total[2] == 7750, total
PY
then ok "funders of a trial balance's year: n.d., and the total is the revenue"
else not_ok "funders of a trial balance's year: n.d., and the total is the revenue" "$(cat "$T/tbcheck")"
fi

# ---- past Excel's row limit (slow) -------------------------------------
if [ -n "$XLSX_SKIP_SLOW" ]; then
    ok "ledger past 1,048,576 rows # SKIP XLSX_SKIP_SLOW"
    exit 0
fi
big=$T/big-input
cp -R "$SAMPLE" "$big"
rm -f "$big/balances.csv"   # a ledger of single-entry lines
grep -v '^\[workbook\]\|^detail' "$SAMPLE/report.ini" >"$big/report.ini"
codes=$(awk -F, 'NR > 1 && ($3 == "revenue" || $3 == "expense") { printf "%s ", $1 }' \
    "$big/accounts.csv")
# 1,100,000 lines over April 2012 - March 2014 (the reported and previous
# fiscal years of the sample's 2014)
awk -v codes="$codes" 'BEGIN {
    n = split(codes, acc, " ")
    print "date,account,amount,counterparty,memo,ref"
    for (i = 0; i < 1100000; i++) {
        k = i % 24; m = (3 + k) % 12 + 1; y = 2012 + int((k + 3) / 12)
        printf "%04d-%02d-%02d,%s,%d.%02d,Tiers %d,Ligne %d,R%d\n", y, m,
            1 + int(i / 24) % 28, acc[1 + i % n], 1 + i % 500, i % 100, i % 37, i, i
    }
}' >"$big/ledger.csv"
bigout=$T/big
mkdir -p "$bigout"
start=$(date +%s)
if command -v /usr/bin/time >/dev/null 2>&1; then
    (cd "$ROOT" && /usr/bin/time -f '%M' -o "$T/rss" "$BILAN" --input "$big" \
        --output "$bigout") >"$T/stdout" 2>"$T/stderr"
    status=$?
else
    run_bilan --input "$big" --output "$bigout"
fi
secs=$(($(date +%s) - start))
if [ "$status" -eq 0 ]; then
    ok "1,100,000 ledger lines in ${secs} s"
    check "ledger continues on a second sheet, formulas sum both" split \
        "$(figs "$bigout")" "$(book "$bigout")" "Grand livre"
    if [ -f "$T/rss" ]; then
        rss=$(tail -n 1 "$T/rss")
        if [ "$rss" -lt 102400 ]; then
            ok "memory stays small: ${rss} KB at most"
        else
            not_ok "memory stays small" "max RSS ${rss} KB for 1,100,000 lines"
        fi
    fi
else
    not_ok "1,100,000 ledger lines" "exit $status" "$(head -n 20 "$T/stderr")"
fi
rm -rf "$big" "$bigout"

