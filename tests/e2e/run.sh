#!/bin/sh
# run.sh - run the end-to-end scripts and count their TAP-like results.
#
#   BILAN=build/bilan sh tests/e2e/run.sh [test_NAME.sh ...]
#
# Runs every tests/e2e/test_*.sh (or the ones named) from the repository
# root with BILAN (the binary, made absolute) and ROOT (the repository) in
# the environment.  Each script prints "ok - NAME" or "not ok - NAME" lines,
# and "#" lines that explain a failure (before or after it).  Shown: failures
# and one line per script; VERBOSE=1 shows everything.  The last line is
# "e2e: P passed, F failed"; the exit status is non-zero on any failure.

here=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$here/../.." && pwd)
BILAN=${BILAN:-build/bilan}
case $BILAN in
/*) ;;
*) BILAN=$ROOT/$BILAN ;;
esac
export BILAN ROOT

if [ ! -x "$BILAN" ]; then
    echo "e2e: $BILAN is not an executable (run make first)" >&2
    echo "e2e: 0 passed, 1 failed"
    exit 1
fi

if [ $# -eq 0 ]; then
    set -- "$here"/test_*.sh
fi

log=$(mktemp) || exit 70
trap 'rm -f "$log"' EXIT
trap 'exit 130' INT TERM

passed=0
failed=0
for script in "$@"; do
    case $script in
    */*) ;;
    *) script=$here/$script ;;
    esac
    [ -f "$script" ] || { echo "not ok - $script: no such script"; failed=$((failed + 1)); continue; }
    name=$(basename "$script")
    (cd "$ROOT" && sh "$script") >"$log" 2>&1
    rc=$?
    p=$(grep -c '^ok - ' "$log")
    f=$(grep -c '^not ok - ' "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "not ok - $name exited $rc" >>"$log"
        f=1
    fi
    if [ -n "$VERBOSE" ]; then
        cat "$log"
    else
        # each failure with the "#" lines that follow it
        # each failure with its "#" lines, those just before it and after it
        awk '/^ok - /{buf = ""; show = 0; next}
             /^not ok - /{printf "%s", buf; buf = ""; print; show = 1; next}
             /^#/{if (show) print; else buf = buf $0 "\n"}' "$log"
    fi
    echo "$name: $p passed, $f failed"
    passed=$((passed + p))
    failed=$((failed + f))
done

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
