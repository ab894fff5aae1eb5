# lib.sh - shared helpers for the end-to-end scripts (sourced, POSIX sh).
#
# Gives: ok/not_ok/check (TAP-like lines), a scratch folder $T removed on
# exit, run_bilan (status, stdout and stderr captured), tree_empty,
# sums_of, fault_shim, as_nobody, need_openpyxl, lo_recalc.  Expects BILAN and ROOT from
# tests/e2e/run.sh;
# works standalone from the repository root too.

ROOT=${ROOT:-$(pwd)}
BILAN=${BILAN:-$ROOT/build/bilan}
SAMPLE=${SAMPLE:-$ROOT/input}
[ -f "$SAMPLE/report.ini" ] || SAMPLE=$ROOT/tests/cases/_base/input

# The program's messages in English whatever the locale, as the tests expect
# them (test_i18n.sh sets its own).
LANGUAGE=en
export LANGUAGE

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

# as_nobody: for a test that needs permissions to hold, which root ignores
# (CI runs as root).  As root: RUN_AS becomes the command prefix that runs
# a program as the unprivileged user nobody (setpriv from util-linux, else
# su), NOBODY_ROOT a world-readable copy of the binary (NOBODY_BILAN) and
# the templates, and $T is made traversable, so that nobody reaches what is
# under it.  As anyone else: RUN_AS is empty and NOBODY_BILAN, NOBODY_ROOT
# are BILAN and ROOT.  Returns 1 when root cannot switch.
as_nobody() {
    RUN_AS= NOBODY_BILAN=$BILAN NOBODY_ROOT=$ROOT
    [ "$(id -u)" -eq 0 ] || return 0
    for group in nogroup nobody; do
        if setpriv --reuid=nobody --regid=$group --clear-groups true 2>/dev/null; then
            RUN_AS="setpriv --reuid=nobody --regid=$group --clear-groups"
            break
        fi
    done
    if [ -z "$RUN_AS" ]; then
        su nobody -s /bin/sh -c true 2>/dev/null || return 1
        printf '#!/bin/sh\nexec su -s /bin/sh -c '\''exec "$0" "$@"'\'' -- nobody "$@"\n' \
            >"$T/su-nobody"
        chmod 755 "$T/su-nobody"
        RUN_AS=$T/su-nobody
    fi
    NOBODY_ROOT=$T/nobody
    NOBODY_BILAN=$NOBODY_ROOT/bilan
    if [ ! -x "$NOBODY_BILAN" ]; then
        mkdir -p "$NOBODY_ROOT" && cp "$BILAN" "$NOBODY_BILAN" &&
            cp -R "$ROOT/templates" "$NOBODY_ROOT/templates" || return 1
        chmod -R a+rX "$NOBODY_ROOT"
    fi
    chmod a+x "$T"
}

# need_openpyxl: sets PY to a python3 that has openpyxl; false when there
# is none (scripts/deps.sh installs python3-openpyxl: the caller fails).
need_openpyxl() {
    PY=
    for p in python3 /usr/bin/python3; do
        if "$p" -c 'import openpyxl' 2>/dev/null; then
            PY=$p
            return 0
        fi
    done
    return 1
}

# lo_recalc FIGS BOOK DIR: BOOK with its cached results spoiled (they must
# then no longer equal FIGS, else spoiling proved nothing), recalculated
# by LibreOffice into DIR/lo/book.xlsx, headless, with a private profile
# that recalculates every formula on load (the default trusts the cached
# results).  False when a step fails; $T/lo.log says why.  Needs PY.
lo_recalc() {
    lo_figs=$1 lo_book=$2 lo_dir=$3
    lo_soffice=$(command -v soffice || command -v libreoffice) || {
        echo "no soffice: install libreoffice-calc-nogui" >"$T/lo.log"
        return 1
    }
    lo_profile=$T/lo-profile
    if [ ! -d "$lo_profile" ]; then
        mkdir -p "$lo_profile/user"
        cat >"$lo_profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
    fi
    mkdir -p "$lo_dir/spoiled" "$lo_dir/lo"
    "$PY" "$ROOT/tests/e2e/xlsx_check.py" tamper "$lo_book" "$lo_dir/spoiled/book.xlsx" \
        >"$T/lo.log" 2>&1 &&
        ! "$PY" "$ROOT/tests/e2e/xlsx_check.py" values "$lo_figs" "$lo_dir/spoiled/book.xlsx" \
            >/dev/null 2>&1 &&
        "$lo_soffice" -env:UserInstallation="file://$lo_profile" --headless \
            --convert-to 'xlsx:Calc Office Open XML' --outdir "$lo_dir/lo" \
            "$lo_dir/spoiled/book.xlsx" >>"$T/lo.log" 2>&1 &&
        [ -f "$lo_dir/lo/book.xlsx" ]
}
