#!/bin/sh
# test_docs.sh - the man page and the bash completion: docs/bilan.1 clean
# under groff -man -ww (and mandoc -T lint when installed), naming every
# option of --help and every import profile of the sources; the completion
# of options, --lang values, folders and files.
. "$ROOT/tests/e2e/lib.sh"

man=$ROOT/docs/bilan.1

# ---- the man page
if command -v groff >/dev/null; then
    if groff -man -ww -z "$man" >"$T/groff.log" 2>&1 && [ ! -s "$T/groff.log" ]; then
        ok "bilan.1: groff -man -ww -z is clean"
    else
        not_ok "bilan.1: groff -man -ww -z is clean" "$(cat "$T/groff.log")"
    fi
    groff -man -Tascii -P-cbou "$man" 2>/dev/null >"$T/man.txt"
else
    not_ok "bilan.1: groff -man -ww -z is clean" "groff not found (package groff-base)"
fi
if command -v mandoc >/dev/null; then
    # (mandoc's style notes are not errors)
    if mandoc -T lint -W warning "$man" >"$T/mandoc.log" 2>&1; then
        ok "bilan.1: mandoc -T lint is clean"
    else
        not_ok "bilan.1: mandoc -T lint is clean" "$(cat "$T/mandoc.log")"
    fi
fi

# every long option of --help is in the man page
run_bilan --help
opts=$(grep -o -e '--[a-z][a-z]*' "$T/stdout" | sort -u)
missing=
for o in $opts; do
    grep -qF -e "$o" "$T/man.txt" || missing="$missing $o"
done
[ -n "$opts" ] && [ -z "$missing" ] && ok "bilan.1 names every option of --help" ||
    not_ok "bilan.1 names every option of --help" "missing:$missing"

# every import profile of src/parse/import_profiles.c, and the sections asked for
profiles=$(sed -n 's/.*\.name = "\([a-z0-9-]*\)".*/\1/p' "$ROOT/src/parse/import_profiles.c")
missing=
for p in $profiles; do
    roff=$(printf '%s' "$p" | sed 's/-/\\\\-/g')      # qbo-gl -> qbo\-gl
    grep -qx "\.B $roff" "$man" || missing="$missing $p"
done
[ -n "$profiles" ] && [ -z "$missing" ] && ok "bilan.1 lists every import profile" ||
    not_ok "bilan.1 lists every import profile" "missing:$missing"
missing=
for s in SYNOPSIS OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO" \
    SOURCE_DATE_EPOCH BILAN_TIMINGS TMPDIR budget.csv balances.csv trial-balance \
    'ledger*.xlsx' 'bilan init'; do
    grep -qF -e "$s" "$T/man.txt" || missing="$missing '$s'"
done
[ -z "$missing" ] && ok "bilan.1 has its sections, variables and files" ||
    not_ok "bilan.1 has its sections, variables and files" "missing:$missing"

# ---- the bash completion
if ! command -v bash >/dev/null; then
    not_ok "bash completion" "bash not found"
    exit 0
fi
mkdir -p "$T/c/input" "$T/c/inbox" "$T/c/out"
: >"$T/c/export.csv"
: >"$T/c/export.xlsx"
: >"$T/c/notes.txt"
: >"$T/c/report.pdf"

# complete LINE: the completions of the last word of LINE (a trailing
# space: of a new word), one per line, sorted.
complete_line() {
    (cd "$T/c" && bash -c '
        . "$1"
        line=$2
        read -r -a COMP_WORDS <<<"$line"
        [[ $line == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        _bilan
        printf "%s\n" "${COMPREPLY[@]}" | sort' sh "$ROOT/scripts/bilan.bash-completion" "$1")
}

# expect_completion NAME LINE WANT: WANT is the space-separated sorted list.
expect_completion() {
    got=$(complete_line "$2" | tr '\n' ' ' | sed 's/ $//')
    if [ "$got" = "$3" ]; then ok "completion: $1"; else
        not_ok "completion: $1" "line: '$2'" "want: '$3'" "got:  '$got'"; fi
}

expect_completion "options" "bilan --ch" "--check"
expect_completion "options starting --" "bilan --l" "--lang"
expect_completion "--lang values" "bilan --lang " "en fr"
expect_completion "--lang f" "bilan --lang f" "fr"
expect_completion "--lang=value" "bilan --lang = " "en fr"
expect_completion "--input: folders" "bilan --input in" "inbox input"
expect_completion "--output: folders only" "bilan --output " "inbox input out"
expect_completion "--pdf: PDF files and folders" "bilan --pdf " "inbox input out report.pdf"
expect_completion "the subcommand" "bilan in" "init"
expect_completion "init: its options" "bilan init org --" "--from --help --lang --quiet --templates"
expect_completion "init --from: exports" "bilan init org --from ex" "export.csv export.xlsx"
expect_completion "init --from: more exports" "bilan init org --from export.csv ex" "export.csv export.xlsx"
expect_completion "init --lang" "bilan init org --lang " "en fr"
