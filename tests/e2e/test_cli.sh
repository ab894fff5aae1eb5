#!/bin/sh
# test_cli.sh - the command line: options, exit statuses, default names,
# --check and --quiet.
. "$ROOT/tests/e2e/lib.sh"

out=$T/out

run_bilan --help
expect_status "--help: exit 0" 0
if grep -q -e '--input' "$T/stdout" && grep -q -e '--check' "$T/stdout"; then
    ok "--help lists the options on stdout"
else
    not_ok "--help lists the options on stdout" "$(head -n 5 "$T/stdout")"
fi

run_bilan --version
expect_status "--version: exit 0" 0
if grep -q '[0-9]\.[0-9]' "$T/stdout"; then
    ok "--version prints a version"
else
    not_ok "--version prints a version" "$(cat "$T/stdout")"
fi

# usage errors: exit 64, a message on stderr, nothing on stdout, nothing written
usage() {
    name=$1
    shift
    rm -rf "$out"
    run_bilan --input "$SAMPLE" --output "$out" "$@"
    expect_status "$name: exit 64" 64
    if [ -s "$T/stderr" ] && [ ! -e "$out" ]; then
        ok "$name: message, nothing written"
    else
        not_ok "$name: message, nothing written" "stderr: $(cat "$T/stderr")" \
            "output: $(ls -A "$out" 2>&1)"
    fi
}
usage "unknown option" --colour
usage "--year abc" --year abc
usage "--year 20x4" --year 20x4
usage "--lang de" --lang de
usage "--input without value" --check --input
usage "stray argument" extra

rm -rf "$out"
run_bilan --input "$T/absent" --output "$out"
expect_status "missing input folder: exit 66" 66
if grep -q -e "absent" -e "report.ini" "$T/stderr"; then ok "missing input folder named"; else
    not_ok "missing input folder named" "$(cat "$T/stderr")"; fi

# --check: exit 0, one line, nothing written
mkdir -p "$out"
run_bilan --input "$SAMPLE" --output "$out" --check
expect_status "--check: exit 0" 0
# (before it, one line per ledger file says how it was read)
lines=$(cat "$T/stdout" "$T/stderr" | grep -v -c '^ledger[^:]*: ')
if [ "$lines" -eq 1 ] && tail -n 1 "$T/stdout" | grep -q '^bilan: '; then
    ok "--check prints a one-line summary"; else
    not_ok "--check prints a one-line summary" "$(cat "$T/stdout" "$T/stderr")"; fi
if tree_empty "$out"; then ok "--check writes nothing"; else
    not_ok "--check writes nothing" "$(ls -A "$out")"; fi

# --check reads the templates as a run does: an unknown placeholder fails it
cp -R "$ROOT/templates" "$T/badtpl"
printf '\n{{finances.no_such_figure}}\n' >>"$T/badtpl/report.fr.md"
run_bilan --input "$SAMPLE" --output "$out" --templates "$T/badtpl" --check
expect_status "--check: an unknown placeholder in the template is exit 65" 65
if grep -q 'no_such_figure' "$T/stderr"; then ok "--check names the unknown placeholder"; else
    not_ok "--check names the unknown placeholder" "$(cat "$T/stderr")"; fi
if tree_empty "$out" && [ -z "$(ls -A "${TMPDIR:-/tmp}" | grep '^bilan-check-')" ]; then
    ok "--check with a bad template writes nothing and leaves no scratch folder"; else
    not_ok "--check with a bad template writes nothing and leaves no scratch folder"; fi

# --quiet: nothing at all on success
run_bilan --input "$SAMPLE" --output "$out" --quiet
expect_status "--quiet: exit 0" 0
if [ ! -s "$T/stdout" ] && [ ! -s "$T/stderr" ]; then ok "--quiet prints nothing"; else
    not_ok "--quiet prints nothing" "$(cat "$T/stdout" "$T/stderr")"; fi

# Defaults: --input input, --output output, --templates templates, names
# from the fiscal year's label.  Run in a scratch folder laid out like the
# repository.
work=$T/work
mkdir -p "$work"
cp -R "$ROOT/tests/cases/_base/input" "$work/input"
ln -s "$ROOT/templates" "$work/templates"
(cd "$work" && "$BILAN" --quiet) >"$T/stdout" 2>"$T/stderr"
status=$?
expect_status "defaults: exit 0" 0
names=$(ls -A "$work/output" 2>/dev/null | sort | tr '\n' ' ')
want="figures-2013-2014.json report-2013-2014.pdf workbook-2013-2014.xlsx "
if [ "$names" = "$want" ]; then ok "default output names"; else
    not_ok "default output names" "got: $names" "want: $want"; fi

rm -rf "$work/output"
(cd "$work" && "$BILAN" --quiet --year 2013) >"$T/stdout" 2>"$T/stderr"
status=$?
expect_status "--year 2013: exit 0" 0
names=$(ls -A "$work/output" 2>/dev/null | sort | tr '\n' ' ')
want="figures-2012-2013.json report-2012-2013.pdf workbook-2012-2013.xlsx "
if [ "$names" = "$want" ]; then ok "--year names the outputs"; else
    not_ok "--year names the outputs" "got: $names" "want: $want"; fi

# Explicit paths: each output where asked, nothing else written
rm -rf "$work/output"
mkdir -p "$T/elsewhere"
(cd "$work" && "$BILAN" --quiet --pdf "$T/elsewhere/a.pdf" --xlsx "$T/elsewhere/b.xlsx" \
    --figures "$T/elsewhere/c.json") >"$T/stdout" 2>"$T/stderr"
status=$?
expect_status "explicit paths: exit 0" 0
names=$(ls -A "$T/elsewhere" | sort | tr '\n' ' ')
if [ "$names" = "a.pdf b.xlsx c.json " ] && tree_empty "$work/output"; then
    ok "explicit paths used, nothing else written"
else
    not_ok "explicit paths used, nothing else written" "elsewhere: $names" \
        "output: $(ls -A "$work/output" 2>&1)"
fi
if head -c 5 "$T/elsewhere/a.pdf" | grep -q '%PDF-' &&
    head -c 2 "$T/elsewhere/b.xlsx" | grep -q 'PK' &&
    python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/elsewhere/c.json"; then
    ok "outputs are a PDF, a zip and JSON"
else
    not_ok "outputs are a PDF, a zip and JSON"
fi

# Same input, same bytes: the outputs do not depend on the clock.
mkdir -p "$T/again"
sleep 1
(cd "$work" && "$BILAN" --quiet --pdf "$T/again/a.pdf" --xlsx "$T/again/b.xlsx" \
    --figures "$T/again/c.json") >/dev/null 2>&1
for f in a.pdf b.xlsx c.json; do
    if [ ! -f "$T/elsewhere/$f" ]; then
        not_ok "reproducible: $f" "no output to compare (the run failed)"
    elif cmp -s "$T/elsewhere/$f" "$T/again/$f"; then
        ok "reproducible: $f"
    else
        not_ok "reproducible: $f" "two runs of the same input differ"
    fi
done

# The summary names the files written; it stays out of an output that goes
# to standard output.
rm -rf "$out"
run_bilan --input "$SAMPLE" --output "$out"
if grep -q "wrote $out/report-.*\.pdf, $out/workbook-.*\.xlsx, $out/figures-.*\.json" "$T/stdout"; then
    ok "the summary names the three files written"
else
    not_ok "the summary names the three files written" "$(cat "$T/stdout")"
fi
rm -rf "$out"
run_bilan --input "$SAMPLE" --output "$out" --figures /dev/stdout
if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/stdout" 2>/dev/null &&
   grep -q "wrote" "$T/stderr"; then
    ok "--figures /dev/stdout: stdout is the JSON alone, the summary on stderr"
else
    not_ok "--figures /dev/stdout: stdout is the JSON alone, the summary on stderr" \
        "$(tail -c 200 "$T/stdout")" "$(cat "$T/stderr")"
fi
