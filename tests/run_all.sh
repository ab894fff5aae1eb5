#!/bin/sh
# run_all.sh - every test suite, then the grand totals.
#
#   sh tests/run_all.sh          (what `make test` runs, after building)
#
# 0. the layer rules of src/ (tests/layers.sh: no call circles, no
#    include across layers) on build/obj, and the code style
#    (tests/format.sh: the tree obeys .clang-format)
# 1. unit tests (build/tests/test_*)
# 2. end-to-end tests with build/bilan, then a sample of the fault
#    injection sweep (tests/faults/sweep.sh; `make faults` runs it all)
# 3. `make asan`, then the unit tests and every e2e script again with
#    build/asan/bilan (leaks detected, UB fatal; the workbook's 1.1M-line
#    split test only runs in stage 2)
# 3b. `make tsan`, then the generated inputs of test_parallel.sh (files
#    read on two threads) with build/tsan/bilan: a data race fails
# 4. the sample under valgrind
# 5. each fuzzer for FUZZ_SECONDS seconds (default 0: skipped)
# The last line is "P passed, F failed"; the exit status is non-zero on any
# failure.  SKIP=asan,valgrind (any of layers, format, unit, e2e, faults, asan,
# tsan, valgrind, fuzz) skips stages for a quick local run.

cd "$(dirname "$0")/.." || exit 70
MAKE=${MAKE:-make}
FUZZ_SECONDS=${FUZZ_SECONDS:-0}
passed=0
failed=0
log=$(mktemp) || exit 70
trap 'rm -f "$log"' EXIT
trap 'exit 130' INT TERM

skipped() {
    case ",${SKIP:-}," in *",$1,"*) echo "== $1: skipped (SKIP)"; return 0 ;; esac
    return 1
}

# stage NAME COMMAND...: runs it, shows its output, adds the counts of its
# last "...: P passed, F failed" line; a failing command that counted no
# failure counts as one.
stage() {
    name=$1
    shift
    echo "== $name"
    "$@" >"$log" 2>&1
    rc=$?
    cat "$log"
    counts=$(sed -n 's/^[a-z0-9 ]*: \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1 \2/p' \
        "$log" | tail -n 1)
    p=${counts% *}
    f=${counts#* }
    [ -n "$counts" ] || { p=0; f=0; }
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "not ok - $name: exit status $rc"
        f=1
    fi
    passed=$((passed + p))
    failed=$((failed + f))
}

# unit_bins DIR: the unit test programs expected in DIR, from tests/unit.
unit_bins() {
    for src in tests/unit/test_*.c; do
        [ -f "$src" ] && echo "$1/$(basename "$src" .c)"
    done
}

skipped layers || stage "layers" sh tests/layers.sh
skipped format || stage "format" sh tests/format.sh

if ! skipped unit; then
    bins=$(unit_bins build/tests)
    if [ -n "$bins" ]; then
        # shellcheck disable=SC2086
        stage "unit" sh tests/run_unit.sh $bins
    fi
fi

skipped e2e || stage "e2e" env BILAN=build/bilan sh tests/e2e/run.sh

skipped faults || stage "faults" env BILAN=build/bilan sh tests/faults/sweep.sh

if ! skipped asan; then
    asan_e2e=
    for s in test_cases.sh test_atomic.sh test_cli.sh test_totals.sh test_pdf.sh test_xlsx.sh \
        test_init.sh test_parallel.sh; do
        [ -f "tests/e2e/$s" ] && asan_e2e="$asan_e2e $s"
    done
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    echo "== asan build"
    if "$MAKE" --no-print-directory asan >"$log" 2>&1; then
        bins=$(unit_bins build/asan/tests)
        # shellcheck disable=SC2086
        [ -n "$bins" ] && stage "asan unit" sh tests/run_unit.sh $bins
        # shellcheck disable=SC2086
        stage "asan e2e" env BILAN=build/asan/bilan XLSX_SKIP_SLOW=1 sh tests/e2e/run.sh $asan_e2e
    else
        tail -n 30 "$log"
        echo "not ok - make asan failed"
        failed=$((failed + 1))
    fi
    unset ASAN_OPTIONS UBSAN_OPTIONS
fi

if ! skipped tsan; then
    echo "== tsan build"
    if "$MAKE" --no-print-directory tsan >"$log" 2>&1; then
        stage "tsan e2e" env TSAN_OPTIONS=halt_on_error=1:exitcode=70 PARALLEL_GENERATED_ONLY=1 \
            BILAN=build/tsan/bilan sh tests/e2e/run.sh test_parallel.sh
    else
        tail -n 30 "$log"
        echo "not ok - make tsan failed"
        failed=$((failed + 1))
    fi
fi

skipped valgrind || stage "valgrind" sh tests/valgrind.sh build/bilan

if ! skipped fuzz && [ "$FUZZ_SECONDS" -gt 0 ] 2>/dev/null; then
    stage "fuzz" sh tests/fuzz/run.sh "$FUZZ_SECONDS"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
