#!/bin/sh
# test_summary.sh - the end-of-run summary: one line saying what was read,
# what was left aside and why (ledger rows outside the report's fiscal
# years, rows on balance-sheet accounts, warnings), with counts, and what
# was written.
. "$ROOT/tests/e2e/lib.sh"

# the sample (a double-entry ledger): 12 ledger rows before the history
# years, 6 of them on balance-sheet accounts dated before balances.csv's
# date; the statement of financial position reads the 2090 others
run_bilan --input "$SAMPLE" --output "$T/out" --check
expect_status "--check on the sample: exit 0" 0
if [ "$(grep -c "^bilan:" "$T/stdout")" -eq 1 ] &&
    grep -q "3054 ledger rows, 382 activities read (left aside: 12 ledger rows dated outside the report's fiscal years, 6 ledger rows on asset, liability or equity accounts); no problems found" "$T/stdout"; then
    ok "the summary counts the rows left aside, and why"; else
    not_ok "the summary counts the rows left aside, and why" "$(cat "$T/stdout")"; fi

# without balances.csv, no position reads them: all 2096 are left aside
mkdir -p "$T/nopos"
cp -R "$SAMPLE/." "$T/nopos/"
rm "$T/nopos/balances.csv"
run_bilan --input "$T/nopos" --output "$T/out4" --check
if [ "$status" -eq 0 ] &&
    grep -q "(left aside: 12 ledger rows dated outside the report's fiscal years, 2096 ledger rows on asset, liability or equity accounts)" "$T/stdout"; then
    ok "without a position, the rows on balance-sheet accounts are left aside"; else
    not_ok "without a position, the rows on balance-sheet accounts are left aside" \
        "exit $status" "$(cat "$T/stdout" "$T/stderr")"; fi

# warnings: counted in the summary, the run still succeeds
case_dir=$ROOT/tests/cases/valid_control_characters/input
run_bilan --input "$case_dir" --output "$T/out2"
expect_status "a run with warnings: exit 0" 0
if grep -q "(left aside: 1 ledger row on an asset, liability or equity account; 6 warnings above); wrote " "$T/stdout"; then
    ok "the summary counts the warnings printed above"; else
    not_ok "the summary counts the warnings printed above" "$(cat "$T/stdout")"; fi

# nothing left aside: nothing said about it
mkdir -p "$T/plain"
cp -R "$ROOT/tests/cases/_base/input/." "$T/plain/"
grep -v ',1000,' "$T/plain/ledger.csv" >"$T/l" && mv "$T/l" "$T/plain/ledger.csv"
run_bilan --input "$T/plain" --output "$T/out3" --check
if [ "$status" -eq 0 ] && ! grep -q 'left aside' "$T/stdout" &&
    grep -q 'ledger rows, 4 activities read; no problems found' "$T/stdout"; then
    ok "nothing left aside: the summary does not say so"; else
    not_ok "nothing left aside: the summary does not say so" "exit $status" \
        "$(cat "$T/stdout" "$T/stderr")"; fi
