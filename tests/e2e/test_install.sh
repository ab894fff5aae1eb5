#!/bin/sh
# test_install.sh - `make install` and `make uninstall` (GNU conventions:
# PREFIX, DESTDIR, BINDIR, DATADIR, MANDIR): a build whose installed paths
# lie under $T is staged into a DESTDIR, checked, moved into place as a
# package manager would, and run from another folder on a copy of the
# sample: it finds its installed templates (unless --templates says
# otherwise) and its message catalogues.  Uninstalling leaves nothing.
# Builds the program once more, in $T (MAKE, default make; -j2).
. "$ROOT/tests/e2e/lib.sh"

MAKE=${MAKE:-make}
prefix=$T/prefix
stage=$T/stage

# mk TARGET VAR=VALUE...: make in ROOT with the build in $T/build.
mk() {
    "$MAKE" -s -C "$ROOT" --no-print-directory -j2 BUILD="$T/build" "$@" >"$T/make.log" 2>&1
}

# files_under DIR: the files and links under DIR, relative, sorted.
files_under() {
    (cd "$1" 2>/dev/null && find . \( -type f -o -type l \) | sort)
}

if ! mk install PREFIX="$prefix" DESTDIR="$stage"; then
    not_ok "make install DESTDIR=... PREFIX=..." "$(tail -n 20 "$T/make.log")"
    exit 0
fi
ok "make install DESTDIR=... PREFIX=..."

staged=$stage$prefix
missing=
for f in bin/bilan share/bilan/templates/report.fr.md share/bilan/templates/report.en.md \
    share/bilan/templates/style.ini share/bilan/templates/messages.fr.ini \
    share/man/man1/bilan.1 share/bash-completion/completions/bilan \
    share/locale/fr/LC_MESSAGES/bilan.mo; do
    [ -f "$staged/$f" ] || missing="$missing $f"
done
[ -z "$missing" ] && ok "the program, templates, man page, completion and catalogue staged" ||
    not_ok "the program, templates, man page, completion and catalogue staged" \
        "missing:$missing" "$(files_under "$stage")"
[ -x "$staged/bin/bilan" ] && ok "the program is executable" || not_ok "the program is executable"
outside=$(files_under "$stage" | grep -v "^\./${prefix#/}/")
[ -z "$outside" ] && ok "nothing staged outside DESTDIR/PREFIX" ||
    not_ok "nothing staged outside DESTDIR/PREFIX" "$outside"

# The package is unpacked in place; the program runs from elsewhere.
mkdir -p "$(dirname "$prefix")"
mv "$staged" "$prefix"
mkdir -p "$T/elsewhere"
cp -R "$SAMPLE" "$T/elsewhere/input"
(cd "$T/elsewhere" && "$prefix/bin/bilan" --check) >"$T/stdout" 2>"$T/stderr"
status=$?
expect_status "installed, run from another folder: --check exit 0 (templates found)" 0
(cd "$T/elsewhere" && "$prefix/bin/bilan" --quiet) >"$T/stdout" 2>"$T/stderr"
status=$?
expect_status "installed: the report is written" 0
[ -n "$(ls "$T/elsewhere/output" 2>/dev/null | grep '^report-.*\.pdf$')" ] &&
    ok "installed: output/report-LABEL.pdf" || not_ok "installed: output/report-LABEL.pdf" \
    "$(ls -A "$T/elsewhere")"
(cd "$T/elsewhere" && "$prefix/bin/bilan" --check --templates "$T/none") >"$T/stdout" 2>"$T/stderr"
status=$?
if [ "$status" -ne 0 ] && grep -q "$T/none" "$T/stderr"; then
    ok "installed: --templates still overrides"; else
    not_ok "installed: --templates still overrides" "exit $status" "$(cat "$T/stderr")"; fi
(cd "$T/elsewhere" && env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 LANGUAGE=fr \
    "$prefix/bin/bilan" --year abc) >"$T/stdout" 2>"$T/stderr"
grep -q "n'est pas une année" "$T/stderr" && ok "installed: the French catalogue is found" ||
    not_ok "installed: the French catalogue is found" "$(cat "$T/stderr")"
(cd "$T/elsewhere" && "$prefix/bin/bilan" init -q new) >"$T/stdout" 2>"$T/stderr"
status=$?
expect_status "installed: bilan init finds the template" 0

# uninstall: where it was installed, then from a staged copy
if mk uninstall PREFIX="$prefix" && [ -z "$(files_under "$prefix")" ]; then
    ok "make uninstall leaves no file"; else
    not_ok "make uninstall leaves no file" "$(files_under "$prefix")"; fi
[ ! -e "$prefix/share/bilan" ] && ok "make uninstall removes DATADIR/bilan" ||
    not_ok "make uninstall removes DATADIR/bilan"
rm -rf "$stage"
if mk install PREFIX=/opt/bilan-test DESTDIR="$stage" &&
    [ -f "$stage/opt/bilan-test/bin/bilan" ] && [ -f "$stage/opt/bilan-test/share/man/man1/bilan.1" ] &&
    mk uninstall PREFIX=/opt/bilan-test DESTDIR="$stage" && [ -z "$(files_under "$stage")" ]; then
    ok "install and uninstall with DESTDIR and another PREFIX"; else
    not_ok "install and uninstall with DESTDIR and another PREFIX" "$(tail -n 5 "$T/make.log")" \
        "$(files_under "$stage")"; fi
if mk install PREFIX=/usr BINDIR=/usr/games MANDIR=/usr/share/man2 DATADIR=/usr/share/x \
    DESTDIR="$stage" && [ -f "$stage/usr/games/bilan" ] &&
    [ -f "$stage/usr/share/man2/man1/bilan.1" ] && [ -f "$stage/usr/share/x/bilan/templates/style.ini" ] &&
    mk uninstall PREFIX=/usr BINDIR=/usr/games MANDIR=/usr/share/man2 DATADIR=/usr/share/x \
        DESTDIR="$stage" && [ -z "$(files_under "$stage")" ]; then
    ok "BINDIR, DATADIR and MANDIR are honoured"; else
    not_ok "BINDIR, DATADIR and MANDIR are honoured" "$(tail -n 5 "$T/make.log")" \
        "$(files_under "$stage")"; fi
