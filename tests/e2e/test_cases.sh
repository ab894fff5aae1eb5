#!/bin/sh
# test_cases.sh - run every tests/cases/NAME/ (not _NAME) against the binary.
#
# A case folder holds:
#   input/       the input folder (default: a copy of _base/input)
#   setup        optional sh script, run as `sh setup DIR` on the temporary
#                copy of the input, for inputs too big to commit
#   args         optional extra arguments, one line; @FILE@ is an existing
#                empty regular file, @TMP@ a scratch folder, @OUT@ the output
#                folder.  --input/--output are added unless args has them.
#   status       the expected exit status
#   stderr       optional: lines that must each appear in stderr (substring;
#                @FILE@ and @TMP@ as in args)
#   once         optional: substrings that must be on exactly one stderr line
#   absent       optional: substrings that must not be in stderr
#   maxlines     optional: most lines stderr may have
#   fsize        optional: file size limit for the run (ulimit -f blocks),
#                which makes writing an output fail as on a full disk
#   readonly     optional: the output folder is made read-only (as root,
#                who can write there anyway, the run is made as nobody)
#   expect.json  optional: key figures of the figures JSON (status 0)
# Checks: the status; stderr; nothing written (output folder, input folder
# and @FILE@ untouched) when the run fails or has --check; otherwise exactly
# the three outputs and the expected figures.  CASES=glob limits the run.
. "$ROOT/tests/e2e/lib.sh"

cases_dir=$ROOT/tests/cases

# listing DIR: every path under DIR with its size (to compare before/after).
listing() {
    (cd "$1" && find . -exec ls -ld {} + 2>/dev/null | awk '{print $5, $NF}' | sort)
}

# case_args CASEDIR IN OUT: prints the argument list, one per line.
case_args() {
    extra=
    [ -f "$1/args" ] && extra=$(sed -e "s|@FILE@|$T/file|g" -e "s|@TMP@|$T|g" \
        -e "s|@OUT@|$3|g" "$1/args")
    case " $extra " in *" --input "*) ;; *) printf '%s\n' --input "$2" ;; esac
    case " $extra " in *" --output "*) ;; *) printf '%s\n' --output "$3" ;; esac
    for a in $extra; do printf '%s\n' "$a"; done
}

# run_case CASEDIR IN OUT: runs the binary; sets $status.
run_case() {
    limit=
    [ -f "$1/fsize" ] && limit=$(cat "$1/fsize")
    case_args "$1" "$2" "$3" >"$T/argv"
    (
        cd "${NOBODY_ROOT:-$ROOT}" || exit 70
        if [ -n "$limit" ]; then
            trap '' XFSZ
            ulimit -f "$limit"
        fi
        # argv from a file, one argument per line (no spaces inside arguments)
        set --
        while IFS= read -r a; do set -- "$@" "$a"; done <"$T/argv"
        exec $RUN_AS "${NOBODY_BILAN:-$BILAN}" "$@"
    ) >"$T/stdout" 2>"$T/stderr"
    status=$?
}

# expectations FILE: the lines of a case's stderr/once/absent file, with
# @FILE@ and @TMP@ replaced as in args.
expectations() {
    sed -e "s|@FILE@|$T/file|g" -e "s|@TMP@|$T|g" "$1"
}

check_stderr() {
    name=$1 dir=$2 why=
    nl='
'
    if [ -f "$dir/stderr" ]; then
        while IFS= read -r want; do
            [ -z "$want" ] && continue
            grep -F -q -e "$want" "$T/stderr" || why="$why${why:+$nl}missing in stderr: $want"
        done <<EOF_
$(expectations "$dir/stderr")
EOF_
    fi
    if [ -f "$dir/once" ]; then
        while IFS= read -r want; do
            [ -z "$want" ] && continue
            n=$(grep -F -c -e "$want" "$T/stderr")
            [ "$n" -eq 1 ] || why="$why${why:+$nl}$n stderr lines have '$want', expected exactly 1"
        done <<EOF_
$(expectations "$dir/once")
EOF_
    fi
    if [ -f "$dir/absent" ]; then
        while IFS= read -r want; do
            [ -z "$want" ] && continue
            ! grep -F -q -e "$want" "$T/stderr" || why="$why${why:+$nl}unexpected in stderr: $want"
        done <<EOF_
$(expectations "$dir/absent")
EOF_
    fi
    if [ -f "$dir/maxlines" ]; then
        n=$(wc -l <"$T/stderr")
        [ "$n" -le "$(cat "$dir/maxlines")" ] ||
            why="$why${why:+$nl}stderr has $n lines, at most $(cat "$dir/maxlines") expected"
    fi
    if [ -n "$why" ]; then
        not_ok "$name: stderr" "$why" "stderr was:" "$(head -n 20 "$T/stderr")"
    else
        ok "$name: stderr"
    fi
}

check_outputs() {
    name=$1 dir=$2 out=$3
    files=$(ls -A "$out" | sort | tr '\n' ' ')
    case $files in
    "figures-"*".json report-"*".pdf workbook-"*".xlsx ") ok "$name: three outputs" ;;
    *) not_ok "$name: three outputs" "output folder holds: ${files:-nothing}" ;;
    esac
    [ -f "$dir/expect.json" ] || return 0
    json=$(ls "$out"/figures-*.json 2>/dev/null | head -n 1)
    if [ -z "$json" ]; then
        not_ok "$name: figures" "no figures JSON"
    elif why=$(python3 "$cases_dir/check_expect.py" "$dir/expect.json" "$json"); then
        ok "$name: figures"
    else
        not_ok "$name: figures" "$why"
    fi
}

for dir in "$cases_dir"/*/; do
    dir=${dir%/}
    name=$(basename "$dir")
    case $name in _*) continue ;; esac
    # shellcheck disable=SC2254
    case $name in ${CASES:-*}) ;; *) continue ;; esac
    if [ ! -f "$dir/status" ]; then
        not_ok "$name: case" "no status file"
        continue
    fi
    work=$T/case
    rm -rf "$work" "$T/file"
    mkdir -p "$work/out"
    : >"$T/file"
    if [ -d "$dir/input" ]; then
        cp -R "$dir/input" "$work/input"
    else
        cp -R "$cases_dir/_base/input" "$work/input"
    fi
    if [ -f "$dir/setup" ] && ! (cd "$dir" && sh ./setup "$work/input"); then
        not_ok "$name: setup" "setup failed"
        continue
    fi
    RUN_AS= NOBODY_BILAN= NOBODY_ROOT=
    if [ -f "$dir/readonly" ]; then
        if ! as_nobody; then
            not_ok "$name: read-only output" "root, and neither setpriv nor su can drop it"
            continue
        fi
        # nobody's own folder, so that only its mode stops the run
        [ -n "$RUN_AS" ] && chown nobody "$work/out"
        chmod a-w "$work/out"
    fi
    before=$(listing "$work/input")
    run_case "$dir" "$work/input" "$work/out"

    want=$(cat "$dir/status")
    expect_status "$name: exit $want" "$want"
    for f in stderr once absent maxlines; do
        if [ -f "$dir/$f" ]; then
            check_stderr "$name" "$dir"
            break
        fi
    done

    if [ "$(listing "$work/input")" != "$before" ]; then
        not_ok "$name: input untouched" "the input folder changed:" \
            "$(ls -lA "$work/input")"
    fi
    if [ "$status" -ne 0 ] || grep -q -e '--check' "$dir/args" 2>/dev/null; then
        if tree_empty "$work/out" && [ ! -s "$T/file" ]; then
            ok "$name: nothing written"
        else
            not_ok "$name: nothing written" "found: $(ls -A "$work/out" | tr '\n' ' ')"
        fi
    elif [ "$status" -eq 0 ]; then
        check_outputs "$name" "$dir" "$work/out"
    fi
    # a crash, a sanitizer or an internal error is never an expected outcome
    if [ "$status" -ge 70 ] && [ "$status" -ne 73 ] || grep -q -e 'AddressSanitizer' \
        -e 'runtime error:' -e 'LeakSanitizer' "$T/stderr"; then
        not_ok "$name: no crash" "exit $status" "$(tail -n 30 "$T/stderr")"
    fi
done
