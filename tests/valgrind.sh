#!/bin/sh
# valgrind.sh - the program under valgrind: no memory error, no leak.
#
#   sh tests/valgrind.sh build/bilan
#
# Runs the sample (input/), the sample with --check, and one failing run
# (bad amount: the error path must free everything too).  A valgrind error
# or a definite/indirect leak makes valgrind exit 99.  The outputs are
# rendered in a forked child (src/lib/isolate.c), which valgrind follows
# without --trace-children (that is for exec): an error or a leak there
# makes the child exit 99, which bilan reports as "internal error while
# rendering ... (exit 99)", exit 70, so the case fails too.  Prints
# "ok - NAME" / "not ok - NAME" lines, then "valgrind: P passed, F failed";
# exit status non-zero on any failure.

BIN=${1:-build/bilan}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
SAMPLE=$ROOT/input
[ -f "$SAMPLE/report.ini" ] || SAMPLE=$ROOT/tests/cases/_base/input

if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind: not installed" >&2
    echo "valgrind: 0 passed, 1 failed"
    exit 1
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/bilan-vg.XXXXXX") || exit 70
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT TERM
passed=0
failed=0

# vg NAME WANT ARGS...: runs BIN ARGS under valgrind; WANT is its own status.
vg() {
    name=$1 want=$2
    shift 2
    (cd "$ROOT" && valgrind -q --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
        --track-fds=no "$BIN" "$@") >"$T/stdout" 2>"$T/stderr"
    rc=$?
    if [ "$rc" -eq "$want" ]; then
        echo "ok - valgrind: $name"
        passed=$((passed + 1))
    else
        echo "not ok - valgrind: $name (exit $rc, expected $want; 99 = valgrind error)"
        sed 's/^/# /' "$T/stderr" | head -n 60
        failed=$((failed + 1))
    fi
}

mkdir -p "$T/out"
vg "sample run" 0 --input "$SAMPLE" --output "$T/out"
vg "sample --check" 0 --input "$SAMPLE" --output "$T/out" --check

cp -R "$ROOT/tests/cases/_base/input" "$T/bad"
printf '2013-06-02,4200,douze,,,\n2013-06-03,9999,12.00,,,\n' >>"$T/bad/ledger.csv"
vg "bad input" 65 --input "$T/bad" --output "$T/out2"
vg "bad command line" 64 --year abc

echo "valgrind: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
