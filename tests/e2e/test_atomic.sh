#!/bin/sh
# test_atomic.sh - a failed run leaves earlier outputs exactly as they were
# and no partial or temporary file behind.
#
# Writes the sample's three outputs into a folder, then runs into the same
# folder, with other (valid) data so that any rewrite would show:
# bad input (65), each output in turn unwritable (73), a file size limit
# hit mid-write (73), and --check (0).  After each: same checksums, same
# inodes (not replaced by an identical copy), no other file.
. "$ROOT/tests/e2e/lib.sh"

out=$T/out
mkdir -p "$out"
run_bilan --input "$SAMPLE" --output "$out"
if [ "$status" -ne 0 ]; then
    not_ok "sample run" "exit $status" "$(head -n 20 "$T/stderr")"
    exit 0
fi
ok "sample run"
pdf=$(ls "$out"/report-*.pdf 2>/dev/null)
xlsx=$(ls "$out"/workbook-*.xlsx 2>/dev/null)
json=$(ls "$out"/figures-*.json 2>/dev/null)
if [ -z "$pdf" ] || [ -z "$xlsx" ] || [ -z "$json" ]; then
    not_ok "sample outputs" "found: $(ls -A "$out" | tr '\n' ' ')"
    exit 0
fi
ok "sample outputs"
state() { sums_of "$out"; ls -i "$out" | sort; }
before=$(state)
sums_before=$(sums_of "$out")
sums_of_before() { echo "$sums_before"; }

# Other valid data: the test base with its revenue changed, so that a
# rewritten output would differ from the sample's.
other=$T/other
cp -R "$ROOT/tests/cases/_base/input" "$other"
sed 's/10000\.00/10001.00/' "$other/ledger.csv" >"$T/x" && mv "$T/x" "$other/ledger.csv"
bad=$T/bad
cp -R "$other" "$bad"
printf '2013-06-02,4200,douze,,,\n' >>"$bad/ledger.csv"

# after NAME: the folder is as the sample run left it.
after() {
    now=$(state)
    if [ "$now" = "$before" ]; then
        ok "$1: earlier outputs untouched"
    else
        not_ok "$1: earlier outputs untouched" "before:" "$before" "after:" "$now"
    fi
}

run_bilan --input "$bad" --output "$out"
expect_status "bad input: exit 65" 65
after "bad input"

run_bilan --input "$bad" --output "$out" --check
expect_status "bad input --check: exit 65" 65
after "bad input --check"

run_bilan --input "$other" --output "$out" --check
expect_status "--check: exit 0" 0
after "--check"

# Each output in turn cannot be written (its folder does not exist); the
# other two target the existing files.
for which in pdf xlsx figures; do
    set -- --pdf "$pdf" --xlsx "$xlsx" --figures "$json"
    case $which in
    pdf) set -- --pdf "$T/absent/r.pdf" --xlsx "$xlsx" --figures "$json" ;;
    xlsx) set -- --pdf "$pdf" --xlsx "$T/absent/w.xlsx" --figures "$json" ;;
    figures) set -- --pdf "$pdf" --xlsx "$xlsx" --figures "$T/absent/f.json" ;;
    esac
    run_bilan --input "$other" --output "$out" "$@"
    expect_status "$which unwritable: exit 73" 73
    after "$which unwritable"
done

# A write that fails half-way, as on a full disk: a file size limit of a
# few kilobytes (SIGXFSZ ignored, so write() fails with EFBIG).
(
    cd "$ROOT" || exit 70
    trap '' XFSZ
    ulimit -f 16
    exec "$BILAN" --input "$other" --output "$out"
) >"$T/stdout" 2>"$T/stderr"
status=$?
expect_status "full disk: exit 73" 73
after "full disk"

# The same folder still takes a good run, which replaces all three.
run_bilan --input "$other" --output "$out"
expect_status "later good run: exit 0" 0
if [ "$(ls -A "$out" | wc -l)" -eq 3 ] && [ "$(sums_of "$out")" != "$(sums_of_before)" ]; then
    ok "later good run: three new files, no leftovers"
else
    not_ok "later good run: three new files, no leftovers" "$(ls -lA "$out")"
fi

# A symbolic link at a target is replaced, as mv does: the file it named
# (outside the output folder) keeps its bytes, inode and mode, and a
# dangling link creates nothing where it points.
links=$T/links
away=$T/away
mkdir -p "$links" "$away"
printf 'precious\n' >"$away/real.json"
chmod 600 "$away/real.json"
ln -s "$away/real.json" "$links/link.json"
ln -s "$away/absent.pdf" "$links/dangling.pdf"
away_state() { ls -li "$away"; cksum "$away"/*; }
away_before=$(away_state)
run_bilan --input "$other" --output "$links" --figures "$links/link.json" \
    --pdf "$links/dangling.pdf"
if [ "$status" -eq 0 ] && [ -f "$links/link.json" ] && [ ! -L "$links/link.json" ] &&
    [ -f "$links/dangling.pdf" ] && [ ! -L "$links/dangling.pdf" ] &&
    [ "$(away_state)" = "$away_before" ]; then
    ok "a symbolic link as target: the link is replaced, what it named is untouched"
else
    not_ok "a symbolic link as target: the link is replaced, what it named is untouched" \
        "exit $status" "$(ls -lA "$links" "$away")"
fi

# A dangling link in a run that then fails (73): nothing anywhere.
rm -rf "$links"
mkdir -p "$links"
ln -s "$away/absent.json" "$links/dangling.json"
run_bilan --input "$other" --output "$links" --figures "$links/dangling.json" \
    --xlsx "$T/absent/w.xlsx"
expect_status "dangling link, run fails: exit 73" 73
if [ "$(away_state)" = "$away_before" ] && [ "$(ls -A "$links")" = dangling.json ] &&
    [ -L "$links/dangling.json" ]; then
    ok "dangling link, run fails: nothing created, the link stays"
else
    not_ok "dangling link, run fails: nothing created, the link stays" \
        "$(ls -lA "$links" "$away")"
fi

# A rename that fails after another succeeded (the workbook's target is a
# folder that is not empty; the PDF is renamed first): the PDF is put back,
# so the folder holds the earlier set, with no kept or temporary file.  The
# same when the PDF did not exist before: it is gone again.
mixed=$T/mixed
mkdir -p "$mixed/w.xlsx"
: >"$mixed/w.xlsx/inside"
cp "$pdf" "$mixed/r.pdf"
cp "$json" "$mixed/f.json"
mixed_state() { sums_of "$mixed"; ls -iR "$mixed"; }
mixed_before=$(mixed_state)
for case in "earlier PDF" "no earlier PDF"; do
    [ "$case" = "no earlier PDF" ] && rm "$mixed/r.pdf" && mixed_before=$(mixed_state)
    run_bilan --input "$other" --output "$mixed" --pdf "$mixed/r.pdf" \
        --xlsx "$mixed/w.xlsx" --figures "$mixed/f.json"
    expect_status "failed rename, $case: exit 73" 73
    if [ "$(mixed_state)" = "$mixed_before" ]; then
        ok "failed rename, $case: the earlier set, nothing else"
    else
        not_ok "failed rename, $case: the earlier set, nothing else" \
            "before:" "$mixed_before" "after:" "$(mixed_state)"
    fi
done

# Temporary and kept files of a run that is gone (SIGKILL, a crash) are
# removed by the next run into the folder; those of a live run, and other
# files, stay.
stale=$T/stale
mkdir -p "$stale"
gone=$(sh -c 'echo $$')
while kill -0 "$gone" 2>/dev/null; do gone=$(sh -c 'echo $$'); done
for f in ".figures-x.json.bilan-$gone.Ab12Cd" ".report-x.pdf.bilan-$gone.bak" \
    ".w.xlsx.bilan-$gone.zZ9yY8" ".figures-x.json.bilan-$$.Qw12Er" .keep \
    "notes.bilan-$gone.txt" ".x.bilan-$gone.toolong1"; do
    printf 'x\n' >"$stale/$f"
done
# a scratch folder, with a file libxlsxwriter did not unlink in time
mkdir "$stale/.workbook-x.xlsx.bilan-$gone.Sc12Ra"
printf 'x\n' >"$stale/.workbook-x.xlsx.bilan-$gone.Sc12Ra/tmp.AbCdEfGhIj"
run_bilan --input "$other" --output "$stale"
left=$(ls -A "$stale" | grep -v -e '^report-' -e '^workbook-' -e '^figures-' | sort | tr '\n' ' ')
want=$(printf '%s\n' ".figures-x.json.bilan-$$.Qw12Er" .keep "notes.bilan-$gone.txt" \
    ".x.bilan-$gone.toolong1" | sort | tr '\n' ' ')
if [ "$status" -eq 0 ] && [ "$left" = "$want" ]; then
    ok "stale temporary files of a run that is gone are removed"
else
    not_ok "stale temporary files of a run that is gone are removed" "exit $status" \
        "left: $left" "want: $want"
fi

# SIGTERM at any moment of a run: the folder holds the earlier set or the
# new one, never a mix, and no temporary file.
term=$T/term
ref=$T/term-ref
run_bilan --input "$other" --output "$ref"
new_sums=$(sums_of "$ref")
run_bilan --input "$SAMPLE" --output "$term"
old_sums=$(sums_of "$term")
why=
for delay in 0.01 0.03 0.06 0.1 0.15 0.2 0.3; do
    (cd "$ROOT" && exec "$BILAN" --quiet --input "$other" --output "$term") &
    pid=$!
    sleep "$delay"
    kill -TERM "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    rc=$?
    now=$(sums_of "$term")
    if [ "$now" = "$new_sums" ]; then
        run_bilan --input "$SAMPLE" --output "$term"     # the earlier set again
    elif [ "$now" != "$old_sums" ] || { [ "$rc" -ne 143 ] && [ "$rc" -ne 0 ]; }; then
        why="$why
after ${delay}s: exit $rc, the folder holds: $(ls -A "$term" | tr '\n' ' ')"
    fi
done
if [ -z "$why" ]; then
    ok "SIGTERM during a run: the earlier set or the new one, no temporary file"
else
    not_ok "SIGTERM during a run: the earlier set or the new one, no temporary file" "$why"
fi

# With the fault-injection shim (tests/faults/inject.c): each rename slowed
# down, a signal lands inside the commit, while the previous files are kept
# (".bak", only there during the commit).
# wait_for_commit PID: until the commit has begun (or PID is gone).
wait_for_commit() {
    i=0
    while [ "$i" -lt 1000 ] && kill -0 "$1" 2>/dev/null &&
        ! ls -A "$2" | grep -q '\.bak$'; do
        sleep 0.01
        i=$((i + 1))
    done
    sleep 0.3                    # the first rename done, the second under way
}
if shim=$(fault_shim); then
    commit=$T/commit
    run_bilan --input "$SAMPLE" --output "$commit"
    (cd "$ROOT" && exec env FAULT_SLOW=rename:500 LD_PRELOAD="$shim" \
        "$BILAN" --quiet --input "$other" --output "$commit") &
    pid=$!
    wait_for_commit "$pid" "$commit"
    kill -TERM "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    rc=$?
    if [ "$rc" -eq 143 ] && [ "$(sums_of "$commit")" = "$new_sums" ]; then
        ok "SIGTERM inside the commit: held until the new set is complete"
    else
        not_ok "SIGTERM inside the commit: held until the new set is complete" \
            "exit $rc" "$(ls -lA "$commit")"
    fi

    # The second or third rename fails (EIO): those before it are undone.
    for n in 2 3; do
        run_bilan --input "$SAMPLE" --output "$commit"
        commit_before=$(sums_of "$commit"; ls -i "$commit" | sort)
        (cd "$ROOT" && exec env FAULT_FUNC=rename FAULT_N=$n LD_PRELOAD="$shim" \
            "$BILAN" --quiet --input "$other" --output "$commit") 2>"$T/stderr"
        rc=$?
        if [ "$rc" -eq 73 ] && [ "$(sums_of "$commit"; ls -i "$commit" | sort)" = "$commit_before" ]; then
            ok "rename #$n fails: exit 73, the earlier set as it was"
        else
            not_ok "rename #$n fails: exit 73, the earlier set as it was" "exit $rc" \
                "$(cat "$T/stderr")" "$(ls -lA "$commit")"
        fi
    done

    # SIGKILL inside the commit leaves its files; the next run removes them.
    run_bilan --input "$SAMPLE" --output "$commit"
    (cd "$ROOT" && exec env FAULT_SLOW=rename:500 LD_PRELOAD="$shim" \
        "$BILAN" --quiet --input "$other" --output "$commit") &
    pid=$!
    wait_for_commit "$pid" "$commit"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    debris=$(ls -A "$commit" | grep -c '^\.')
    run_bilan --input "$other" --output "$commit"
    if [ "$debris" -gt 0 ] && [ "$status" -eq 0 ] && [ "$(sums_of "$commit")" = "$new_sums" ]; then
        ok "SIGKILL inside the commit: the next run removes its $debris files"
    else
        not_ok "SIGKILL inside the commit: the next run removes its files" \
            "$debris files left by the killed run; next run: exit $status" "$(ls -lA "$commit")"
    fi

    # Out of memory (exit 70) after the temporary files were made: they go,
    # the earlier outputs stay.  The Nth allocation fails, for N in the
    # second half of a run until one ends in "out of memory".
    oom=$T/oom
    (cd "$ROOT" && env FAULT_COUNT="$T/counts" LD_PRELOAD="$shim" \
        "$BILAN" --quiet --input "$other" --output "$oom") >/dev/null 2>&1
    count=$(awk '$1 == "malloc" {print $2}' "$T/counts")
    n=$((count / 2))
    found=
    while [ -z "$found" ] && [ "$n" -lt "$count" ]; do
        rm -rf "$oom"
        cp -R "$term" "$oom"
        oom_before=$(sums_of "$oom")
        (cd "$ROOT" && exec env FAULT_FUNC=malloc FAULT_N="$n" LD_PRELOAD="$shim" \
            "$BILAN" --quiet --input "$other" --output "$oom") >/dev/null 2>"$T/stderr"
        rc=$?
        [ "$rc" -eq 70 ] && grep -q 'out of memory' "$T/stderr" && found=$n
        n=$((n + count / 40 + 1))
    done 2>/dev/null                     # "Segmentation fault": the sweep's business
    if [ -n "$found" ] && [ "$(sums_of "$oom")" = "$oom_before" ]; then
        ok "out of memory (exit 70, malloc #$found): no temporary file, the earlier outputs stay"
    else
        not_ok "out of memory (exit 70): no temporary file, the earlier outputs stay" \
            "${found:+malloc #$found: }$(ls -lA "$oom")"
    fi

    # The outputs are rendered in a child process (src/lib/isolate.c): one
    # that dies (a library's crash after its own allocation failed; here
    # SIGKILL, as the kernel's OOM killer sends, while fontconfig, slowed
    # down, looks the fonts up) or takes longer than BILAN_RENDER_SECONDS
    # ends the run with exit 70 and a message; the earlier outputs stay, no
    # temporary file is left.
    # render_child PID: the rendering process of bilan PID, once it looks
    # the fonts up (it has a child of its own then), or nothing.
    render_child() {
        i=0
        while [ "$i" -lt 500 ] && kill -0 "$1" 2>/dev/null; do
            for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do
                if [ -n "$(ps -o pid= --ppid "$c" 2>/dev/null)" ]; then
                    echo "$c"
                    return 0
                fi
            done
            sleep 0.01
            i=$((i + 1))
        done
        return 1
    }
    crash=$T/crash
    run_bilan --input "$SAMPLE" --output "$crash"
    crash_before=$(sums_of "$crash"; ls -iA "$crash" | sort)
    (cd "$ROOT" && exec env FAULT_SLOW=fontconfig:1000 LD_PRELOAD="$shim" \
        "$BILAN" --input "$other" --output "$crash") >/dev/null 2>"$T/stderr" &
    pid=$!
    child=$(render_child "$pid") && kill -KILL "$child"
    wait "$pid"
    rc=$?
    if [ -n "$child" ] && [ "$rc" -eq 70 ] &&
        grep -qx 'internal error while rendering the PDF report (signal 9)' "$T/stderr" &&
        grep -qx 'bilan: 1 problem; nothing written' "$T/stderr" &&
        [ "$(sums_of "$crash"; ls -iA "$crash" | sort)" = "$crash_before" ]; then
        ok "the rendering process killed: exit 70, named, the earlier outputs as they were"
    else
        not_ok "the rendering process killed: exit 70, named, the earlier outputs as they were" \
            "child ${child:-not found}, exit $rc" "$(cat "$T/stderr")" "$(ls -lA "$crash")"
    fi
    (cd "$ROOT" && exec env BILAN_RENDER_SECONDS=1 FAULT_SLOW=fontconfig:800 \
        LD_PRELOAD="$shim" "$BILAN" --input "$other" --output "$crash") >/dev/null 2>"$T/stderr"
    rc=$?
    if [ "$rc" -eq 70 ] &&
        grep -qx 'internal error while rendering the PDF report (no end after 1 s)' "$T/stderr" &&
        [ "$(sums_of "$crash"; ls -iA "$crash" | sort)" = "$crash_before" ]; then
        ok "the rendering process past its time limit: killed, exit 70, nothing written"
    else
        not_ok "the rendering process past its time limit: killed, exit 70, nothing written" \
            "exit $rc" "$(cat "$T/stderr")" "$(ls -lA "$crash")"
    fi
else
    ok "signals inside the commit, out of memory # SKIP no fault shim under ASan"
fi

# Two outputs that are one file, or an output on an input file: a usage
# error (64), nothing written.
dup=$T/dup
run_bilan --input "$other" --output "$dup" --pdf "$dup/x" --figures "$dup/../dup/x"
expect_status "two outputs on one file: exit 64" 64
if [ ! -e "$dup" ]; then
    ok "two outputs on one file: nothing written"
else
    not_ok "two outputs on one file: nothing written" "$(ls -lA "$dup")"
fi
inx=$T/inx
cp -R "$other" "$inx"
inx_before=$(sums_of "$inx")
run_bilan --input "$inx" --output "$inx" --figures "$inx/ledger.csv"
expect_status "an output on an input file: exit 64" 64
if [ "$(sums_of "$inx")" = "$inx_before" ]; then
    ok "an output on an input file: nothing written"
else
    not_ok "an output on an input file: nothing written" "$(ls -lA "$inx")"
fi

# A target that is not a regular file is written directly: a pipe.
bytes=$(cd "$ROOT" && "$BILAN" --input "$other" --output "$links" --quiet --figures /dev/stdout | wc -c)
if [ "$bytes" -gt 100 ] && [ -L /dev/stdout ]; then
    ok "--figures /dev/stdout writes to the pipe"
else
    not_ok "--figures /dev/stdout writes to the pipe" "$bytes bytes"
fi

# A run killed by a closed pipe (the reader is gone before the figures are
# written) dies of SIGPIPE and leaves no temporary file.
killed=$T/killed
mkdir -p "$killed"
( (cd "$ROOT" && exec "$BILAN" --input "$other" --output "$killed" --figures /dev/stdout);
  echo $? >"$T/killed.rc" ) | true
if [ "$(cat "$T/killed.rc")" -eq 141 ] && [ -z "$(ls -A "$killed")" ]; then
    ok "a run ended by SIGPIPE leaves no temporary file"
else
    not_ok "a run ended by SIGPIPE leaves no temporary file" \
        "exit $(cat "$T/killed.rc")" "$(ls -lA "$killed")"
fi
