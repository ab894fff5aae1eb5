#!/bin/sh
# snapshot.sh BILAN OUTFILE: run BILAN on input/ and every tests/cases/*/input
# with SOURCE_DATE_EPOCH fixed; write one line per run and output:
# case, exit status, sha256 of stderr, sha256 of each output file.
# Run from the worktree to snapshot: its templates/ are the ones used.
BILAN=$(realpath "$1"); out=$(realpath "$2")
TEMPLATES=$PWD/templates
export SOURCE_DATE_EPOCH=1700000000
W=$(mktemp -d "${TMPDIR:-/tmp}/snapwork.XXXXXX") || exit 70
trap 'rm -rf "$W"' EXIT
: >"$out"
for d in input tests/cases/*/; do
  name=${d%/}; name=${name#tests/cases/}
  src=$d; [ "$d" != input ] && src=${d}input
  [ -d "$src" ] || src=tests/cases/_base/input
  rm -rf "$W/in" "$W/out"; cp -r "$src" "$W/in"; mkdir "$W/out"
  [ -f "$d/setup" ] && sh "$d/setup" "$W/in" >/dev/null 2>&1
  (cd "$W" && "$BILAN" --input in --output out --templates "$TEMPLATES" >stdout 2>stderr; echo $? >rc)
  printf '%s rc=%s err=%s\n' "$name" "$(cat "$W/rc")" "$(sha256sum <"$W/stderr" | cut -c1-16)" >>"$out"
  (cd "$W/out" && for f in $(ls); do printf '  %s %s\n' "$f" "$(sha256sum <"$f" | cut -c1-16)"; done) >>"$out"
done
