#!/bin/sh
# test_init.sh - `bilan init DIR [--lang fr|en] [--from EXPORT...]`: the new
# input folder and its contents; a folder that exists and is not empty is
# refused (73) with nothing written; --from copies the export in and lists
# its accounts, kinds guessed from the codes; --check on the result lists
# what is left to fill in, and once that is filled in the folder runs.
. "$ROOT/tests/e2e/lib.sh"

IMPORTS=$ROOT/tests/imports

# init_in ARGS...: `bilan init ARGS` run in $T/w (relative names land
# there), with the checkout's templates (the default ones are found from
# the checkout below, and when installed by test_install.sh).
init_in() {
    mkdir -p "$T/w"
    (cd "$T/w" && "$BILAN" init "$@" --templates "$ROOT/templates") >"$T/stdout" 2>"$T/stderr"
    status=$?
}

# check_in DIR: `bilan --input DIR --check` from ROOT.
check_in() {
    run_bilan --input "$T/w/$1" --output "$T/out" --check
}

# no_scratch NAME: ok when init left no scratch folder in $T/w.
no_scratch() {
    if [ -z "$(ls -A "$T/w" | grep '\.init-')" ]; then ok "$1"; else
        not_ok "$1" "$(ls -A "$T/w")"; fi
}

# ---- a new folder, in French (the default)
init_in org
expect_status "init: exit 0" 0
missing=
for f in report.ini accounts.csv activities.csv people.csv texts; do
    [ -e "$T/w/org/$f" ] || missing="$missing $f"
done
if [ -z "$missing" ]; then ok "init writes report.ini, the CSV files and texts/"; else
    not_ok "init writes report.ini, the CSV files and texts/" "missing:$missing"; fi
[ ! -e "$T/w/org/ledger.csv" ] && ok "no ledger without --from" || not_ok "no ledger without --from"

# one commented text per {{% text NAME %}} of the template
want=$(sed -n 's/^{{% *text \([^ %]*\) *%}}$/\1.md/p' "$ROOT/templates/report.fr.md" |
    sort | tr '\n' ' ')
got=$(ls "$T/w/org/texts" | sort | tr '\n' ' ')
if [ -n "$want" ] && [ "$want" = "$got" ]; then ok "one text per section of the template ($got)"; else
    not_ok "one text per section of the template" "want: $want" "got:  $got"; fi
if head -n 1 "$T/w/org/texts/mission.md" | grep -q '^<!--' &&
    grep -q 'Mission et approches' "$T/w/org/texts/mission.md"; then
    ok "a text is a comment naming its section"; else
    not_ok "a text is a comment naming its section" "$(cat "$T/w/org/texts/mission.md")"; fi
if [ "$(cat "$T/w/org/activities.csv")" = "date,axe,type,titre,partenaire,région,participants,heures" ] &&
    [ "$(cat "$T/w/org/people.csv")" = "nom,rôle,groupe,équipe" ] &&
    [ "$(cat "$T/w/org/accounts.csv")" = "compte,nom,nature,groupe,à vérifier" ]; then
    ok "French headers"; else
    not_ok "French headers" "$(head -n 1 "$T/w/org/"*.csv)"; fi
grep -q '^language = fr ' "$T/w/org/report.ini" && ok "report.ini: language = fr" ||
    not_ok "report.ini: language = fr" "$(cat "$T/w/org/report.ini")"

# --check lists what is left: the organisation's name, the ledger
check_in org
expect_status "--check on a new folder: exit 66 (no ledger yet)" 66
if grep -q '^report.ini:[0-9]*: name is empty' "$T/stderr" &&
    grep -q '^ledger.csv: cannot open' "$T/stderr"; then
    ok "--check says what is left to fill in, one line each"; else
    not_ok "--check says what is left to fill in, one line each" "$(cat "$T/stderr")"; fi

# the default templates: templates/ of the current folder
(cd "$ROOT" && "$BILAN" init -q "$T/w/org-default") >"$T/stdout" 2>"$T/stderr"
status=$?
expect_status "init with the default templates: exit 0" 0
[ "$(ls "$T/w/org-default/texts")" = "$(ls "$T/w/org/texts")" ] &&
    ok "the default templates give the same texts" || not_ok "the default templates give the same texts"

# ---- English
init_in --lang en org-en
expect_status "init --lang en: exit 0" 0
if grep -q '^language = en ' "$T/w/org-en/report.ini" &&
    [ "$(cat "$T/w/org-en/activities.csv")" = "date,axis,type,title,partner,region,participants,hours" ] &&
    grep -q 'Mission and approaches' "$T/w/org-en/texts/mission.md"; then
    ok "English report.ini, headers and texts"; else
    not_ok "English report.ini, headers and texts" "$(cat "$T/w/org-en/report.ini")"; fi

# the year to start from: SOURCE_DATE_EPOCH (else the clock) without --from
SOURCE_DATE_EPOCH=1700000000 init_in -q org-2023
grep -q '^year = 2023 ' "$T/w/org-2023/report.ini" && ok "year from SOURCE_DATE_EPOCH" ||
    not_ok "year from SOURCE_DATE_EPOCH" "$(grep year "$T/w/org-2023/report.ini")"
[ ! -s "$T/stdout" ] && ok "init -q prints nothing" || not_ok "init -q prints nothing" "$(cat "$T/stdout")"

# a trailing slash, missing parents
init_in -q slash/ && init_in -q deep/er/org
if [ -f "$T/w/slash/report.ini" ] && [ -f "$T/w/deep/er/org/report.ini" ] &&
    [ -z "$(ls -A "$T/w/slash" | grep init-)" ]; then
    ok "DIR/ and DIR with missing parents"; else
    not_ok "DIR/ and DIR with missing parents" "$(ls -AR "$T/w/slash" "$T/w/deep")"; fi

# ---- what is refused, writing nothing
mkdir -p "$T/w/full"
echo keep >"$T/w/full/notes.txt"
before=$(sums_of "$T/w/full")
init_in full
expect_status "a folder that is not empty: exit 73" 73
if [ "$(sums_of "$T/w/full")" = "$before" ] && grep -q 'not empty' "$T/stderr"; then
    ok "a folder that is not empty is left as it was, and said why"; else
    not_ok "a folder that is not empty is left as it was, and said why" "$(cat "$T/stderr")"; fi
no_scratch "refused: no scratch folder left"
echo x >"$T/w/afile"
init_in afile
expect_status "a file in the way: exit 73" 73
mkdir -p "$T/w/empty"
init_in empty -q
expect_status "an empty folder is filled: exit 0" 0
[ -f "$T/w/empty/report.ini" ] && ok "the empty folder holds report.ini" || not_ok "the empty folder holds report.ini"

for args in "" "--lang de x" "--colour x" "a b" "x --from"; do
    # shellcheck disable=SC2086
    init_in $args
    expect_status "init $args: exit 64" 64
done

# ---- --from: an export bilan reads
init_in -q --lang en qbo --from "$IMPORTS/qbo-gl.csv"
expect_status "init --from qbo-gl.csv: exit 0" 0
if cmp -s "$IMPORTS/qbo-gl.csv" "$T/w/qbo/ledger.csv"; then ok "the export is copied in as ledger.csv"; else
    not_ok "the export is copied in as ledger.csv"; fi
expected='account,name,kind,group,review
1000,Chequing,asset,Chequing,kind guessed from the code (1xxx: asset): check it
4100,Grants,revenue,Grants,kind guessed from the code (4xxx: revenue): check it
4200,Workshop fees,revenue,Workshop fees,kind guessed from the code (4xxx: revenue): check it
5100,Rent,expense,Rent,kind guessed from the code (5xxx: expense): check it
5200,Supplies,expense,Supplies,kind guessed from the code (5xxx: expense): check it'
if [ "$(cat "$T/w/qbo/accounts.csv")" = "$expected" ]; then
    ok "accounts.csv lists the export's accounts, kinds guessed and marked for review"; else
    not_ok "accounts.csv lists the export's accounts, kinds guessed and marked for review" \
        "$(cat "$T/w/qbo/accounts.csv")"; fi
grep -q '^year = 2025 ' "$T/w/qbo/report.ini" && ok "year from the export's dates" ||
    not_ok "year from the export's dates" "$(grep year "$T/w/qbo/report.ini")"

# Accounts named without a code (Wave, GnuCash): left for the user to code.
init_in -q --lang en wave --from "$IMPORTS/wave-account-transactions.csv"
if grep -q '^,Chequing,,Chequing,"no code in the export' "$T/w/wave/accounts.csv" &&
    grep -q '^4100,Grants,revenue,' "$T/w/wave/accounts.csv"; then
    ok "an account without a code is listed by name, its code and kind to fill in"; else
    not_ok "an account without a code is listed by name, its code and kind to fill in" \
        "$(cat "$T/w/wave/accounts.csv")"; fi

# Xero numbers its default chart otherwise: 200 is revenue there.
sed 's/^4100 - Grants/200 - Grants/; s/^Total 4100 - Grants/Total 200 - Grants/' \
    "$IMPORTS/xero-account-transactions.csv" >"$T/xero.csv"
init_in -q --lang en xero --from "$T/xero.csv"
if grep -q '^200,Grants,revenue,Grants,kind guessed from the code (2xx: revenue)' "$T/w/xero/accounts.csv" &&
    grep -q '^1000,Chequing,asset,' "$T/w/xero/accounts.csv"; then
    ok "Xero's three-digit codes by Xero's ranges"; else
    not_ok "Xero's three-digit codes by Xero's ranges" "$(cat "$T/w/xero/accounts.csv")"; fi

# Several exports: each copied in as ledger-NAME, the accounts of all.
cp "$IMPORTS/qbo-gl.csv" "$T/2024.csv"
init_in -q two --from "$T/2024.csv" "$IMPORTS/bilan.csv"
if [ -f "$T/w/two/ledger-2024.csv" ] && [ -f "$T/w/two/ledger-bilan.csv" ] &&
    [ ! -e "$T/w/two/ledger.csv" ] && [ "$(wc -l <"$T/w/two/accounts.csv")" -eq 6 ]; then
    ok "several exports: ledger-NAME each, their accounts once"; else
    not_ok "several exports: ledger-NAME each, their accounts once" "$(ls "$T/w/two")" \
        "$(cat "$T/w/two/accounts.csv")"; fi

# An export bilan cannot read: its problems, exit 65, nothing written.
init_in bad --from "$IMPORTS/broken/total-mismatch.csv"
expect_status "an export with a wrong total: exit 65" 65
if [ ! -e "$T/w/bad" ] && grep -q 'total-mismatch.csv:[0-9]*:' "$T/stderr"; then
    ok "its problem is listed at its line, nothing written"; else
    not_ok "its problem is listed at its line, nothing written" "$(cat "$T/stderr")" "$(ls -A "$T/w")"; fi
init_in bad --from "$T/absent.csv"
expect_status "a missing export: exit 66" 66
[ ! -e "$T/w/bad" ] && ok "a missing export: nothing written" || not_ok "a missing export: nothing written"
no_scratch "failed: no scratch folder left"

# ---- from the export to a report: --check lists what is left, then runs
init_in -q --lang en tidy --from "$IMPORTS/bilan.csv"
check_in tidy
expect_status "--check after init --from: exit 65 (names to fill in)" 65
if grep -q "^report.ini:[0-9]*: name is empty" "$T/stderr" &&
    grep -q "^accounts.csv:2: column 'name': is empty" "$T/stderr"; then
    ok "--check lists the organisation's and the accounts' names to fill in"; else
    not_ok "--check lists the organisation's and the accounts' names to fill in" "$(cat "$T/stderr")"; fi
d=$T/w/tidy
sed 's/^name = /name = Test/' "$d/report.ini" >"$T/ini" && mv "$T/ini" "$d/report.ini"
awk -F, 'NR == 1 {print; next} {print $1 ",Account " $1 "," $3 ",Group " $1 ","}' \
    "$d/accounts.csv" >"$T/acc" && mv "$T/acc" "$d/accounts.csv"
check_in tidy
expect_status "filled in: --check exit 0" 0
run_bilan --input "$d" --output "$T/out"
expect_status "filled in: the report is written" 0
if [ -s "$T/out/report-2025.pdf" ] && [ -s "$T/out/figures-2025.json" ]; then
    ok "report-2025.pdf and figures-2025.json written"; else
    not_ok "report-2025.pdf and figures-2025.json written" "$(ls -A "$T/out")"; fi
