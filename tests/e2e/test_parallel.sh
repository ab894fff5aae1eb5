#!/bin/sh
# test_parallel.sh - the serial reader and the split reader give the same
# bytes.  Issue 12 reads the ledger and the activities on two threads (the
# file cut at a record boundary, parsed in two halves, the partial
# aggregates merged in a fixed order); BILAN_THREADS=1 forces the serial
# reader, BILAN_SPLIT_MIN=1 splits every file that can be split.  Each input
# is run twice, from the same relative paths (stderr names them), with
# SOURCE_DATE_EPOCH fixed: BILAN_THREADS=1, then BILAN_THREADS=2
# BILAN_SPLIT_MIN=1; the exit status, stdout, stderr (temporary files'
# names, "bilan-PID.XXXXXX", aside) and every file written (the output
# folder, @FILE@ and @TMP@ of a case's args) must be the same.
#
# The inputs: the sample input/; every tests/cases folder as test_cases.sh
# prepares it (setup, args, fsize; not the read-only mode, which root
# ignores anyway); and inputs made from bench/gen_input's 50,000 ledger lines
# and 40,000 activities by tests/e2e/parallel_variants.py, each built to
# make a split reader fall back or merge with care: quoted line breaks
# across the middle byte, errors in both halves, Windows-1252 first met in
# the second half, DD/MM dates learnt in the second half, CRLF, a BOM, a
# stray quote, a quote never closed, a large activities file, and the
# sample's rows repeated (its statements from split files; see the .py).
# Those must also exit as they were made to (0, or 65 for the errors), and
# the split run must have read on two threads the files the variant says
# (BILAN_TIMINGS=1: "timing: ingest ... (N files on two threads)"; the
# timing lines are left out of the comparison): a test where no file was
# really split would prove nothing.
#
# Two inputs at a time (xargs -P; PARALLEL_JOBS=1 for one);
# PARALLEL_GENERATED_ONLY=1 runs only the generated inputs (the ones that
# are split: tests/run_all.sh's ThreadSanitizer stage).  Without python3
# or a C compiler the generated inputs cannot be made: that fails.
set -u
. "$(dirname "$0")/lib.sh"

SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
cases_dir=$ROOT/tests/cases

# run_once MODE W CASEDIR: runs bilan in folder W (its in/ ready) with
# MODE's environment (serial or split) and the case's args and fsize (none
# when CASEDIR is empty), and moves what it wrote and printed into W/MODE.
run_once() {
    mode=$1 w=$2 c=$3
    rm -rf "$w/out" "$w/tmp" "$w/file"
    mkdir "$w/out" "$w/tmp"
    : >"$w/file"
    extra='' limit=''
    if [ -n "$c" ]; then
        [ -f "$c/args" ] && extra=$(sed -e 's|@FILE@|file|g' -e 's|@TMP@|tmp|g' \
            -e 's|@OUT@|out|g' "$c/args")
        [ -f "$c/fsize" ] && limit=$(cat "$c/fsize")
    fi
    set --
    case " $extra " in *" --input "*) ;; *) set -- --input in ;; esac
    case " $extra " in *" --output "*) ;; *) set -- "$@" --output out ;; esac
    # shellcheck disable=SC2086
    set -- "$@" $extra
    if [ "$mode" = serial ]; then
        envs="BILAN_THREADS=1"
    else
        envs="BILAN_THREADS=2 BILAN_SPLIT_MIN=1"
    fi
    (
        cd "$w" || exit 70
        if [ -n "$limit" ]; then
            trap '' XFSZ
            ulimit -f "$limit"
        fi
        # shellcheck disable=SC2086
        exec env BILAN_TIMINGS=1 $envs "$BILAN" "$@"
    ) >"$w/stdout" 2>"$w/stderr"
    echo $? >"$w/status"
    # files read on two threads, then the timings left out
    sed -n 's/^timing: ingest .*(\([0-9]*\) files\{0,1\} on two threads)$/\1/p' "$w/stderr" >"$w/merged"
    [ -s "$w/merged" ] || echo 0 >"$w/merged"
    grep -v '^timing: ' "$w/stderr" >"$w/stderr.t"
    mv "$w/stderr.t" "$w/stderr"
    # the names of temporary files carry the process id and random letters
    sed 's/bilan-[0-9][0-9]*\.[A-Za-z0-9]\{6\}/bilan-PID.XXXXXX/g' "$w/stderr" >"$w/stderr.n"
    mv "$w/stderr.n" "$w/stderr"
    chmod -R u+w "$w/out" "$w/tmp" 2>/dev/null
    rm -rf "${w:?}/$mode"
    mkdir "$w/$mode"
    mv "$w/out" "$w/tmp" "$w/file" "$w/stdout" "$w/stderr" "$w/status" "$w/$mode/"
    mv "$w/merged" "$w/$mode.merged"
}

# compare_job JOB: "input", "case:NAME" or "gen:NAME STATUS MERGED";
# prepares the input, runs it both ways and prints one ok/not ok line
# (three for a generated input: its exit status and its files split too).
compare_job() {
    kind=${1%%:*} name=${1#*:} c='' want='' merged=''
    w=$T/job
    chmod -R u+w "$w" 2>/dev/null
    rm -rf "$w"
    mkdir -p "$w"
    ln -s "$ROOT/templates" "$w/templates"
    case $kind in
    input)
        name=input
        cp -R "$SAMPLE" "$w/in"
        ;;
    case)
        c=$cases_dir/$name
        if [ -d "$c/input" ]; then cp -R "$c/input" "$w/in"; else cp -R "$cases_dir/_base/input" "$w/in"; fi
        if [ -f "$c/setup" ] && ! (cd "$c" && sh ./setup "$w/in") >/dev/null 2>&1; then
            not_ok "case $name: setup"
            return 0
        fi
        ;;
    gen)
        merged=${name##* } name=${name% *}
        want=${name#* } name=${name% *}
        ln -s "$VARIANTS/$name" "$w/in"
        ;;
    esac
    run_once serial "$w" "$c"
    run_once split "$w" "$c"
    label="$kind $name: split = serial (exit $(cat "$w/serial/status"))"
    [ "$kind" = input ] && label="input/: split = serial (exit $(cat "$w/serial/status"))"
    if why=$(cd "$w" && diff -r serial split 2>&1); then
        ok "$label"
    else
        not_ok "$label" "$(printf '%s\n' "$why" | head -n 20)"
    fi
    if [ -n "$want" ]; then
        got=$(cat "$w/serial/status")
        if [ "$got" = "$want" ]; then
            ok "gen $name: exits $want as made"
        else
            not_ok "gen $name: exits $want as made" "exit $got" "$(head -n 5 "$w/serial/stderr")"
        fi
        got=$(cat "$w/split.merged")
        if [ "$got" = "$merged" ] && [ "$(cat "$w/serial.merged")" = 0 ]; then
            ok "gen $name: $merged file(s) read on two threads"
        else
            not_ok "gen $name: $merged file(s) read on two threads" \
                "split: $got, serial: $(cat "$w/serial.merged")"
        fi
    fi
}

# A child of xargs: compares each job given, each into its own file.
if [ "${1:-}" = --jobs ]; then
    res=$2
    shift 2
    for job in "$@"; do
        compare_job "$job" >"$res/$(printf '%s' "$job" | tr ' :/' '___').tap"
    done
    exit 0
fi

# generate: the generated inputs under $T/var; prints "gen:NAME STATUS
# MERGED" lines, or nothing (status 1) when python3 or a compiler is missing.
generate() {
    command -v python3 >/dev/null 2>&1 || return 1
    ${CC:-cc} -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -o "$T/gen_input" \
        "$ROOT/bench/gen_input.c" 2>"$T/gen.err" || return 1
    "$T/gen_input" 50000 "$T/gen-base" &&
        "$T/gen_input" -n 40000 5000 "$T/gen-act" &&
        "$T/gen_input" -c 50000 "$T/gen-dc" || return 1
    for d in base act dc; do
        [ -d "$SAMPLE/texts" ] && cp -R "$SAMPLE/texts" "$T/gen-$d/texts"
    done
    python3 "$ROOT/tests/e2e/parallel_variants.py" "$T/gen-base" "$T/gen-act" "$T/gen-dc" \
        "$T/var" "$SAMPLE" | sed 's/^/gen:/'
}

VARIANTS=$T/var
export VARIANTS ROOT BILAN SAMPLE
mkdir -p "$T/res"
if [ "${PARALLEL_GENERATED_ONLY:-0}" = 1 ]; then
    : >"$T/jobs"
else
    {
        echo input
        for dir in "$cases_dir"/*/; do
            dir=${dir%/}
            echo "case:$(basename "$dir")"
        done
    } >"$T/jobs"
fi
if generate >"$T/gen.jobs"; then
    cat "$T/gen.jobs" >>"$T/jobs"
else
    rm -f "$T/gen.jobs"
fi

# Jobs one per line (a generated one has spaces: "gen:NAME STATUS MERGED").
tr '\n' '\0' <"$T/jobs" | xargs -0 -P "${PARALLEL_JOBS:-2}" -n 8 sh "$0" --jobs "$T/res"

while IFS= read -r job; do
    f=$T/res/$(printf '%s' "$job" | tr ' :/' '___').tap
    if [ -f "$f" ]; then
        cat "$f"
    else
        not_ok "$job: compared" "no result (the job did not run)"
    fi
done <"$T/jobs"
[ -f "$T/gen.jobs" ] || not_ok "generated inputs" "no python3, or bench/gen_input.c does not build" \
    "$(cat "$T/gen.err" 2>/dev/null)"
