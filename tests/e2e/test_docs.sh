#!/bin/sh
# test_docs.sh - the man page: docs/bilan.1 clean under groff -man -ww (and
# mandoc -T lint when installed), naming every option of --help and every
# import profile of the sources.
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
