# lib.sh - shared helpers for the end-to-end scripts (sourced, POSIX sh).
#
# Gives: ok/not_ok/check (TAP-like lines), a scratch folder $T removed on
# exit, run_bilan (status, stdout and stderr captured), tree_empty,
# sums_of, fault_shim.  Expects BILAN and ROOT from tests/e2e/run.sh;
# works standalone from the repository root too.

ROOT=${ROOT:-$(pwd)}
BILAN=${BILAN:-$ROOT/build/bilan}
SAMPLE=${SAMPLE:-$ROOT/input}
[ -f "$SAMPLE/report.ini" ] || SAMPLE=$ROOT/tests/cases/_base/input

T=$(mktemp -d "${TMPDIR:-/tmp}/bilan-e2e.XXXXXX") || exit 70
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 130' INT TERM

ok() { echo "ok - $*"; }

# not_ok NAME [EXPLANATION...]: each explanation line is printed as "# ...".
not_ok() {
    echo "not ok - $1"
    shift
    for why in "$@"; do
        printf '%s\n' "$why" | sed 's/^/# /'
    done
}

# run_bilan ARGS...: runs the binary from ROOT (so templates/ is found);
# sets $status, and leaves stdout in $T/stdout, stderr in $T/stderr.
run_bilan() {
    (cd "$ROOT" && "$BILAN" "$@") >"$T/stdout" 2>"$T/stderr"
    status=$?
}

# expect_status NAME WANT: ok when the last run_bilan exited WANT.
expect_status() {
    if [ "$status" -eq "$2" ]; then
        ok "$1"
    else
        not_ok "$1" "exit status $status, expected $2" \
            "stderr: $(head -c 2000 "$T/stderr")"
    fi
}

# tree_empty DIR: true when DIR holds nothing at all (not even dot files).
tree_empty() {
    [ -z "$(ls -A "$1" 2>/dev/null)" ]
}

# sums_of DIR: one "checksum name" line per file, sorted.
sums_of() {
    (cd "$1" && find . -type f -exec cksum {} +) | sort
}

# fault_shim: prints the path of the fault-injection shim
# (tests/faults/inject.c): build/faults/inject.so beside the binary's build
# when up to date, else one built in $T; nothing (status 1) when BILAN is
# built with ASan, which an LD_PRELOAD shim cannot follow.
fault_shim() {
    nm "$BILAN" 2>/dev/null | grep -q __asan_init && return 1
    shim=$(dirname "$BILAN")/faults/inject.so
    if [ ! -f "$shim" ] || [ "$ROOT/tests/faults/inject.c" -nt "$shim" ]; then
        shim=$T/inject.so
        [ -f "$shim" ] || ${CC:-cc} -shared -fPIC -O1 -g -o "$shim" \
            "$ROOT/tests/faults/inject.c" -ldl || return 1
    fi
    echo "$shim"
}
