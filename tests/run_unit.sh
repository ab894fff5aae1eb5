#!/bin/sh
# run_unit.sh - run cmocka test programs, one line per program, then totals.
#
#   sh tests/run_unit.sh build/tests/test_*
#
# Counts come from cmocka's "[  PASSED  ] N test(s)." and
# "[  FAILED  ] N test(s)" lines.  A program that dies without them (a crash,
# a sanitizer report) counts as one failure.  The last line is
# "unit: P passed, F failed"; the exit status is non-zero on any failure.
# VERBOSE=1 shows every program's full output.

passed=0
failed=0
log=$(mktemp) || exit 70
trap 'rm -f "$log"' EXIT
trap 'exit 130' INT TERM

if [ $# -eq 0 ]; then
    echo "run_unit.sh: no test program given" >&2
    exit 64
fi

for bin in "$@"; do
    name=$(basename "$bin")
    if [ ! -x "$bin" ]; then
        echo "not ok - $name: not built"
        failed=$((failed + 1))
        continue
    fi
    CMOCKA_MESSAGE_OUTPUT=stdout "$bin" >"$log" 2>&1
    rc=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s)\..*/\1/p' "$log" | tail -n 1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test(s).*/\1/p' "$log" | tail -n 1)
    p=${p:-0}
    f=${f:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1     # died before cmocka could count: crash or sanitizer
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -eq 0 ]; then
        echo "ok - $name: $p passed"
        [ -n "$VERBOSE" ] && cat "$log"
    else
        echo "not ok - $name: $p passed, $f failed (exit $rc)"
        grep -v -e '^\[ RUN      \]' -e '^\[       OK \]' "$log" | sed 's/^/    /' | tail -n 40
    fi
done

echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
