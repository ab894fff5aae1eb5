#!/bin/sh
# test_long_lists.sh - the PDF's lists in columns over many pages (3,000
# partners, 1,500 people) come out byte for byte as they did before
# draw_columns wrapped its items page by page: the PDF's SHA-256 is the one
# recorded in long_lists.sha256 (from the binary before that change).  When
# a change is meant to alter the PDF, record the new sum with
# RECORD=1 sh tests/e2e/run.sh test_long_lists.sh, and say why.
set -u
. "$(dirname "$0")/lib.sh"

in=$T/in
cp -R "$ROOT/tests/cases/_base/input" "$in"
awk 'BEGIN { for (i = 0; i < 3000; i++)
    printf "2013-%02d-%02d,Formation,Formation,Atelier %d,Partenaire numéro %05d%s,Montréal,%d,2\n",
        4 + i % 9, 1 + i % 28, i, i, i % 7 ? "" : " et associés de la région", i % 40 }' \
    >>"$in/activities.csv"
awk 'BEGIN { for (i = 0; i < 1500; i++)
    printf "Personne %05d,Rôle %d%s,%s,\n", i, i % 50, i % 11 ? "" : " et responsable des communications",
        i % 2 ? "Équipe" : "Conseil d'\''administration" }' >>"$in/people.csv"

run_bilan --input "$in" --output "$T/out" --quiet
expect_status "long lists: exits 0" 0
pdf=$(ls "$T"/out/report-*.pdf 2>/dev/null | head -n 1)
[ -n "$pdf" ] || { not_ok "long lists: PDF written"; exit 0; }
sum=$(sha256sum "$pdf" | cut -d' ' -f1)
if [ "${RECORD:-0}" = 1 ]; then
    echo "$sum" >"$ROOT/tests/e2e/long_lists.sha256"
fi
want=$(cat "$ROOT/tests/e2e/long_lists.sha256")
if [ "$sum" = "$want" ]; then
    ok "long lists: the PDF is the same bytes"
else
    not_ok "long lists: the PDF is the same bytes" "sha256 $sum, recorded $want"
fi
