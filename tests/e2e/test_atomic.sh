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

# A target that is a symbolic link: the file it names is replaced, the link
# stays a link.
links=$T/links
mkdir -p "$links"
ln -s "$links/real.json" "$links/link.json"
: >"$links/real.json"
run_bilan --input "$other" --output "$links" --figures "$links/link.json"
if [ "$status" -eq 0 ] && [ -L "$links/link.json" ] && [ -s "$links/real.json" ]; then
    ok "a symbolic link as target: the link stays, its file is written"
else
    not_ok "a symbolic link as target: the link stays, its file is written" "$(ls -lA "$links")"
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
