#!/bin/sh
# sweep.sh - fault injection over the sample run: each call that can fail
# is made to fail, one run at a time (tests/faults/inject.c).
#
#   sh tests/faults/sweep.sh          sampled, for make test (about a minute)
#   sh tests/faults/sweep.sh --all    every N of every family (make faults)
#   FAMILIES="rename write" sh tests/faults/sweep.sh ...   only those
#   FROM=4000 TO=16000 STRIDE=50 FAMILIES=malloc sh tests/faults/sweep.sh
#                                     a range of N, to look closer
#
# bilan runs on input/ (SOURCE_DATE_EPOCH fixed) into a folder that holds
# the older outputs of tests/cases/_base.  A first run counts the calls of
# each family (malloc, calloc, realloc, fopen, write, rename, fontconfig);
# then, for each N swept, the Nth call fails.  Each run must:
#   - exit 0, 70 or 73 (or 66 when an fopen or a font lookup fails: an
#     input that cannot be read, a font not found), never die of a signal
#     or hang, and say why on stderr when it fails;
#   - exit 0 only with the same outputs as a run without a fault;
#   - otherwise leave the older outputs exactly as they were;
#   - leave no temporary file, in the output folder or in TMPDIR.
# Known: a fault inside a library function that drops, by design, an
# optional part of its file when its allocation fails, without a word (the
# KNOWN list below): an exit 0 with other outputs is counted as passed and
# shown as "ok - ... # known: WHY".  Nothing else is.
# Sampled: the first 50 calls of each family, then an even spread of about
# 60 more (a stride of at least 37).  Failures show the fault's backtrace
# (and the crash's) through addr2line.  Each family's line gives the runs
# by outcome ("exit 0: N, 70: N, ...").  The last line is
# "faults: P passed, F failed" (one per run); non-zero exit on any failure.
cd "$(dirname "$0")/../.." || exit 70
ROOT=$(pwd)
BILAN=${BILAN:-build/bilan}
case $BILAN in /*) ;; *) BILAN=$ROOT/$BILAN ;; esac
FAMILIES=${FAMILIES:-malloc calloc realloc fopen write rename fontconfig}
all=
[ "${1:-}" = --all ] && all=1
export SOURCE_DATE_EPOCH=1700000000
# A library that hangs after a failed allocation (fontconfig does, on one
# of its locks) is killed by bilan itself, within the 60 s of a run here:
# exit 70, "internal error while rendering ... (no end after 20 s)".
export BILAN_RENDER_SECONDS=20

W=$(mktemp -d "${TMPDIR:-/tmp}/bilan-faults.XXXXXX") || exit 70
trap 'rm -rf "$W"' EXIT
trap 'exit 130' INT TERM
passed=0
failed=0

# FUNCTION|WHY: library functions that go on without an optional part of
# their output when its allocation fails, and say nothing.  bilan cannot
# see it (no error, no message, errno overwritten before it returns).
KNOWN='_worksheet_write_freeze_panes|libxlsxwriter leaves out the frozen pane'"'"'s <selection> (which cell is selected)'

if [ ! -x "$BILAN" ]; then
    echo "not ok - $BILAN is not built"
    echo "faults: 0 passed, 1 failed"
    exit 1
fi
if nm "$BILAN" 2>/dev/null | grep -q __asan_init; then
    echo "ok - # SKIP $BILAN is built with ASan, which an LD_PRELOAD shim cannot follow"
    echo "faults: 0 passed, 0 failed"
    exit 0
fi

# The shim: build/faults/inject.so when up to date, else built here.
SHIM=${FAULT_SHIM:-$ROOT/build/faults/inject.so}
if [ ! -f "$SHIM" ] || [ "$ROOT/tests/faults/inject.c" -nt "$SHIM" ]; then
    SHIM=$W/inject.so
    ${CC:-cc} -shared -fPIC -O1 -g -o "$SHIM" "$ROOT/tests/faults/inject.c" -ldl || {
        echo "not ok - the shim does not build"
        echo "faults: 0 passed, 1 failed"
        exit 1
    }
fi

mkdir -p "$W/older" "$W/ref" "$W/tmp"
"$BILAN" -q --input tests/cases/_base/input --output "$W/older" &&
    "$BILAN" -q --input input --output "$W/ref" || {
    echo "not ok - the runs without a fault fail"
    echo "faults: 0 passed, 1 failed"
    exit 1
}
ref_sums=$( (cd "$W/ref" && cksum ./*) )

# A fresh output folder with the older outputs; $before is its state.
reset() {
    rm -rf "$W/out"
    cp -R "$W/older" "$W/out"
    before=$(cd "$W/out" && ls -lAi --time-style=+%s && cksum ./*)
}
reset

# run FAMILY N: one run with the Nth call of FAMILY failing; sets $status.
run() {
    rm -f "$W/log"
    timeout 60 env FAULT_FUNC="$1" FAULT_N="$2" FAULT_LOG="$W/log" ${3:+FAULT_COUNT=$3} \
        TMPDIR="$W/tmp" LD_PRELOAD="$SHIM" \
        "$BILAN" -q --input input --output "$W/out" >/dev/null 2>"$W/stderr"
    status=$?
}

# frames LINE_PREFIX: the backtrace after the log line that starts so: its
# first three frames, then bilan's, as "function at src/FILE:LINE".
frames() {
    awk -v p="$1" 'index($0, p) == 1 {on = 1; next} /^(fault|crash):/ {on = 0} on' \
        "$W/log" 2>/dev/null | grep -v -e 'inject\.so' -e '__libc_start' -e '^_start' |
    while IFS= read -r f; do
        i=$((${i:-0} + 1))
        case $f in
        "$BILAN"\(*)
            off=$(printf '%s\n' "$f" | sed -n 's/.*(\([^)]*+0x[0-9a-f]*\)).*/\1/p')
            loc=$(addr2line -f -e "$BILAN" "${off##*+}" 2>/dev/null | paste -sd ' ')
            case $loc in _start*) ;; *) echo "  ${loc:-$f}" | sed "s| $ROOT/| |" ;; esac ;;
        *) [ "$i" -le 3 ] && echo "  $f" | sed 's/\[0x[0-9a-f]*\]$//' ;;
        esac
    done | head -n 10
}

# check FAMILY N: the run's outcome against the rules above.
check() {
    why=
    nl='
'
    known=
    case $status in
    0)
        if [ "$( (cd "$W/out" && cksum ./*) )" != "$ref_sums" ]; then
            why="exit 0 but the outputs differ from a run without a fault"
            at=$(frames "fault:" | head -n 1)
            known=$(printf '%s\n' "$KNOWN" | while IFS='|' read -r fn text; do
                case $at in *"($fn+"*) echo "$text" ;; esac
            done | head -n 1)
            [ -z "$known" ] || why=
        fi
        [ "$(ls -A "$W/out" | wc -l)" -eq 3 ] || why="${why:+$why$nl}exit 0, the folder holds: $(ls -A "$W/out" | tr '\n' ' ')" ;;
    70 | 73) ;;
    66) [ "$1" = fopen ] || [ "$1" = fontconfig ] || why="exit 66" ;;
    124) why="no end after 60 s" ;;
    *) if [ "$status" -gt 128 ]; then why="killed by signal $((status - 128))"; else why="exit $status"; fi ;;
    esac
    if [ "$status" -ne 0 ]; then
        [ -s "$W/stderr" ] || why="${why:+$why$nl}exit $status without a word on stderr"
        now=$(cd "$W/out" && ls -lAi --time-style=+%s && cksum ./*)
        [ "$now" = "$before" ] ||
            why="${why:+$why$nl}the older outputs changed: $(ls -A "$W/out" | tr '\n' ' ')"
    else
        extra=$(ls -A "$W/out" | grep -v -e '^report-' -e '^workbook-' -e '^figures-')
        [ -z "$extra" ] || why="${why:+$why$nl}left in the output folder: $extra"
    fi
    [ -z "$(ls -A "$W/tmp")" ] || why="${why:+$why$nl}left in TMPDIR: $(ls -A "$W/tmp" | tr '\n' ' ')"
    outcomes="$outcomes $status"
    if [ -z "$why" ]; then
        passed=$((passed + 1))
        [ -z "$known" ] || echo "ok - $1 #$2: exit 0, other outputs # known: $known"
    else
        failed=$((failed + 1))
        echo "not ok - $1 #$2: $(printf '%s' "$why" | head -n 1)"
        {
            printf '%s\n' "$why" | sed 1d
            echo "exit $status; stderr: $(head -c 300 "$W/stderr" | tr '\n' ' ')"
            echo "fault at:"
            frames "fault:"
            if grep -q '^crash:' "$W/log" 2>/dev/null; then
                echo "crash at:"
                frames "crash:"
            fi
        } | sed 's/^/# /'
    fi
    # the next run starts from the older outputs again
    if [ "$status" -eq 0 ] || [ -n "$why" ]; then
        rm -rf "$W/tmp"/* "$W/tmp"/.[!.]* 2>/dev/null
        reset
    fi
}

# The calls each family makes in a run without a fault.
run none 0 "$W/counts"
if [ "$status" -ne 0 ] || [ ! -s "$W/counts" ]; then
    echo "not ok - a run under the shim without a fault: exit $status"
    echo "faults: 0 passed, 1 failed"
    exit 1
fi
reset

for family in $FAMILIES; do
    count=$(awk -v f="$family" '$1 == f {print $2}' "$W/counts")
    [ -n "$count" ] || { echo "not ok - $family: not a family of the shim"; failed=$((failed + 1)); continue; }
    stride=1
    if [ -z "$all" ]; then
        stride=$((count / 60))
        [ "$stride" -ge 37 ] || stride=37
    fi
    n=${FROM:-1}
    last=${TO:-$count}
    [ "$last" -le "$count" ] || last=$count
    if [ -n "${FROM:-}${TO:-}${STRIDE:-}" ]; then
        stride=${STRIDE:-1}
        first=$n
    else
        first=50                         # every N up to 50, then the stride
    fi
    runs=0
    f0=$failed
    outcomes=
    while [ "$n" -le "$last" ]; do
        run "$family" "$n"
        check "$family" "$n"
        runs=$((runs + 1))
        if [ "$n" -lt "$first" ]; then n=$((n + 1)); else n=$((n + stride)); fi
    done
    tally=$(printf '%s\n' $outcomes | sort -n | uniq -c | awk '{printf "%s%s: %s", (NR > 1 ? ", " : ""), $2, $1}')
    echo "# $family: $count calls, $runs runs (N ${FROM:-1}..$last, every ${stride}th after $first), $((failed - f0)) failed; by exit status: ${tally:-none}"
done

echo "faults: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
