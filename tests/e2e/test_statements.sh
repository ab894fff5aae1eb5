#!/bin/sh
# test_statements.sh - the statements (budget, forecast, financial
# position, indicators) against values computed independently from the
# CSV files (tests/e2e/statements_check.py, Python, no project code), on the
# sample and on variants of it: a budget that leaves groups out and has
# lines for another year, balances at other dates (the same position at the
# year-end; no previous one when the balances are later), an English run,
# no budget.csv and balances.csv (no object, sheet or section), books that
# do not balance (the contract's message, nothing written).  The Budget and
# position sheets, recalculated by LibreOffice from spoiled cached results,
# must equal figures.json (tests/e2e/xlsx_check.py values).
. "$ROOT/tests/e2e/lib.sh"

CHECK=$ROOT/tests/e2e/statements_check.py
XCHECK=$ROOT/tests/e2e/xlsx_check.py
need_openpyxl || true # (each workbook check fails without it)

# run_into NAME IN OUT ARGS...: bilan on IN into OUT; ok when exit 0.
run_into() {
    name=$1 in=$2 out=$3
    shift 3
    run_bilan --input "$in" --output "$out" "$@"
    if [ "$status" -eq 0 ]; then
        ok "$name"
        return 0
    fi
    not_ok "$name" "exit $status" "$(head -n 10 "$T/stderr")"
    return 1
}

# compare NAME IN OUT: statements_check.py compare.
compare() {
    if log=$(python3 "$CHECK" compare "$2" "$(ls "$3"/figures-*.json)" 2>&1); then
        ok "$1 ($(printf '%s\n' "$log" | tail -n 1))"
    else
        not_ok "$1" "$log"
    fi
}

# xlsx NAME OUT: cached values, then values recalculated by LibreOffice
# from spoiled cached results, equal figures.json (Budget, position,
# indicators included).
xlsx() {
    name=$1 dir=$2
    if [ -z "$PY" ]; then
        not_ok "$name" "no python3 with openpyxl: install python3-openpyxl"
        return
    fi
    book=$(ls "$dir"/workbook-*.xlsx) figs=$(ls "$dir"/figures-*.json)
    if log=$("$PY" "$XCHECK" values "$figs" "$book" 2>&1); then
        ok "$name: cached values"
    else
        not_ok "$name: cached values" "$log"
    fi
    if lo_recalc "$figs" "$book" "$dir"; then
        if log=$("$PY" "$XCHECK" values "$figs" "$dir/lo/book.xlsx" 2>&1); then
            ok "$name: recalculated by LibreOffice"
        else
            not_ok "$name: recalculated by LibreOffice" "$log"
        fi
    else
        not_ok "$name: recalculated by LibreOffice" "spoiling or LibreOffice failed" \
            "$(tail -n 5 "$T/lo.log" 2>/dev/null)"
    fi
}

# variant NAME: a copy of the sample in $T/NAME-input.
variant() {
    v=$T/$1-input
    rm -rf "$v"
    cp -R "$SAMPLE" "$v"
}

if [ ! -f "$SAMPLE/budget.csv" ] || [ ! -f "$SAMPLE/balances.csv" ]; then
    not_ok "the sample has budget.csv and balances.csv" "run scripts/gen_sample.py"
    exit 0
fi

# ---- the sample ---------------------------------------------------------
out=$T/sample
if run_into "sample run" "$SAMPLE" "$out"; then
    compare "sample: budget, forecast, position, indicators equal the CSV files" "$SAMPLE" "$out"
    if grep -q '"budget": 180000.00' "$out"/figures-*.json &&
        pdftotext "$out"/report-*.pdf - | tr '\n' ' ' | grep -q "cap des 180.000.\\$"; then
        ok "sample: the self-generated target, 180 000 \$, in figures.json and the report"
    else
        not_ok "sample: the self-generated target, 180 000 \$, in figures.json and the report"
    fi
    text=$(pdftotext -layout "$out"/report-*.pdf - 2>/dev/null)
    for s in "Budget et résultats 2013-2014" "Prévisions 2014-2015" "Situation financière" \
        "Indicateurs" "favorable" "défavorable" "Total du passif et de l'actif net"; do
        case $text in
        *"$s"*) ok "sample report shows '$s'" ;;
        *) not_ok "sample report shows '$s'" ;;
        esac
    done
fi

# ---- English --------------------------------------------------------------
out=$T/en
if run_into "English run" "$SAMPLE" "$out" --lang en; then
    compare "English: the same statements" "$SAMPLE" "$out"
    text=$(pdftotext -layout "$out"/report-*.pdf - 2>/dev/null)
    for s in "Budget and actual 2013-2014" "Forecast 2014-2015" "Financial position" \
        "favourable" "unfavourable" "Total liabilities and net assets" "n.m."; do
        case $text in
        *"$s"*) ok "English report shows '$s'" ;;
        *) not_ok "English report shows '$s'" ;;
        esac
    done
fi

# ---- a budget that leaves groups out, with another year's lines -----------
variant partial
grep -v "^2013-2014,,Autres revenus,\|^2014-2015,,Communications," "$SAMPLE/budget.csv" \
    >"$v/budget.csv"
printf '2012-2013,,Subventions,600000.00\n2012-2013,5000,,1.00\n' >>"$v/budget.csv"
out=$T/partial
if run_into "partial budget run" "$v" "$out"; then
    compare "partial budget: groups left out are null, out of the totals" "$v" "$out"
    if grep -q '"budget": null' "$out"/figures-*.json; then
        ok "partial budget: a group without a budget is null"
    else
        not_ok "partial budget: a group without a budget is null"
    fi
    xlsx "partial budget workbook" "$out"
fi

# ---- balances at another year-end: the same position --------------------
variant rebalanced
python3 "$CHECK" rebalance "$SAMPLE" 2012-03-31 "$v/balances.csv"
out=$T/rebalanced
if run_into "balances at 2012-03-31" "$v" "$out"; then
    compare "balances at 2012-03-31: the statements equal the CSV files" "$v" "$out"
    a=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["position"])' \
        "$(ls "$T/sample"/figures-*.json)")
    b=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["position"])' \
        "$(ls "$out"/figures-*.json)")
    if [ "$a" = "$b" ]; then
        ok "balances at 2012-03-31: the same position as the sample's"
    else
        not_ok "balances at 2012-03-31: the same position as the sample's" "$a" "$b"
    fi
fi

# ---- balances after the previous year-end: no previous position ----------
variant later
python3 "$CHECK" rebalance "$SAMPLE" 2013-06-30 "$v/balances.csv"
out=$T/later
if run_into "balances at 2013-06-30" "$v" "$out"; then
    compare "balances at 2013-06-30: previous null, current unchanged" "$v" "$out"
    if grep -q '"previous_date": null' "$out"/figures-*.json; then
        ok "balances at 2013-06-30: previous_date null"
    else
        not_ok "balances at 2013-06-30: previous_date null"
    fi
    xlsx "later balances workbook" "$out"
fi

# ---- without budget.csv and balances.csv ----------------------------------
variant plain
rm "$v/budget.csv" "$v/balances.csv"
out=$T/plain
if run_into "run without budget.csv and balances.csv" "$v" "$out"; then
    compare "without them: no budget, forecast, position, reserve_months" "$v" "$out"
    if grep -q '"budget"\|"forecast"\|"position"\|"reserve_months"' "$out"/figures-*.json; then
        not_ok "without them: figures.json has none of their objects"
    else
        ok "without them: figures.json has none of their objects"
    fi
    text=$(pdftotext "$out"/report-*.pdf - 2>/dev/null)
    case $text in
    *"Budget et résultats"* | *"Prévisions 20"* | *"Situation financière"*)
        not_ok "without them: no statement section in the report" ;;
    *) ok "without them: no statement section in the report" ;;
    esac
    if [ -n "$PY" ]; then
        if log=$("$PY" "$XCHECK" sheets "$(ls "$out"/workbook-*.xlsx)" Sommaire \
            "Revenus et dépenses" "Bailleurs de fonds" Activités Complicités Historique \
            "Grand livre" "Détail des activités" 2>&1); then
            ok "without them: no Budget or position sheet"
        else
            not_ok "without them: no Budget or position sheet" "$log"
        fi
    fi
fi

# ---- books that do not balance ---------------------------------------------
variant unbalanced
awk -F';' 'BEGIN { OFS = ";" } $1 == "1200" { sub(/,[0-9][0-9]$/, ",99", $3) } { print }' \
    "$SAMPLE/balances.csv" >"$v/balances.csv"
want=$(python3 "$CHECK" unbalanced "$v")
mkdir -p "$T/unbalanced"
run_bilan --input "$v" --output "$T/unbalanced"
expect_status "unbalanced books: exit 65" 65
if [ -n "$want" ] && [ "$(grep 'do not balance' "$T/stderr")" = "$want" ]; then
    ok "unbalanced books: the contract's message at each year-end"
else
    not_ok "unbalanced books: the contract's message at each year-end" "want: $want" \
        "got: $(cat "$T/stderr")"
fi
if tree_empty "$T/unbalanced"; then
    ok "unbalanced books: nothing written"
else
    not_ok "unbalanced books: nothing written" "$(ls "$T/unbalanced")"
fi
