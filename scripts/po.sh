#!/bin/sh
# po.sh - the message catalogues (GNU gettext): extract, merge, check.
#
#   sh scripts/po.sh pot FILE   extract the messages of src/ into FILE
#   sh scripts/po.sh update     regenerate po/bilan.pot (only when its
#                               messages changed) and merge it into each
#                               po/LANG.po of po/LINGUAS (what `make po` does)
#   sh scripts/po.sh missing    list, per po/LANG.po, the messages of the
#                               sources that have no translation yet (new,
#                               fuzzy or untranslated); exit 1 when any
#   sh scripts/po.sh current    whether po/bilan.pot holds exactly the
#                               messages of the sources; lists the
#                               differences and exits 1 when it does not
#
# Messages are found by name: _() and N_() (lib/i18n.h), ngettext, and the
# functions that translate their format themselves: diag_report,
# diag_data, diag_warning (lib/diag.h), ingest_problem and ingest_warning
# (ingest_field.h), csv_reader.c's set_error and fail, import.c's report,
# report_at, agree (its what; its whose is marked N_) and
# report_untotalled, cli.c's usage_error, init.c's init_usage_error.  A new
# function of that kind needs its keyword below.  A message built with
# snprintf and passed on as "%s" is only translated when its format is
# written _("..."); a fragment returned by a function, when marked N_("...")
# where it is written and passed through _() where it is used.
set -eu
cd "$(dirname "$0")/.."

KEYWORDS="-k_ -kN_ -kngettext:1,2
  -kdiag_report:6 --flag=diag_report:6:c-format
  -kdiag_data:5 --flag=diag_data:5:c-format
  -kdiag_warning:5 --flag=diag_warning:5:c-format
  -kingest_problem:4 --flag=ingest_problem:4:c-format
  -kingest_warning:4 --flag=ingest_warning:4:c-format
  -kset_error:3 --flag=set_error:3:c-format
  -kfail:3 --flag=fail:3:c-format
  -kreport:3 --flag=report:3:c-format
  -kreport_at:4 --flag=report_at:4:c-format
  -kagree:3 -kreport_untotalled:4
  -kusage_error:2 --flag=usage_error:2:c-format
  -kinit_usage_error:1 --flag=init_usage_error:1:c-format
  --flag=_:1:pass-c-format --flag=N_:1:pass-c-format"

version=$(sed -n 's/^#define BILAN_VERSION "\(.*\)"/\1/p' src/cli.h)

# pot FILE: the messages of src/, files in name order, each message where
# it first appears; locations by file only, so that the catalogue changes
# when a message does, not when a line moves.
pot() {
    # shellcheck disable=SC2086
    find src -name '*.[ch]' | LC_ALL=C sort | xgettext --files-from=- -o "$1" \
        --language=C --from-code=UTF-8 --add-comments=TRANSLATORS: \
        --add-location=file --package-name=bilan --package-version="$version" \
        --msgid-bugs-address="the issues of the bilan repository" --no-wrap -k $KEYWORDS
    sed -i 's/charset=CHARSET/charset=UTF-8/' "$1"
}

# msgids FILE: the msgid and msgid_plural lines of a catalogue, sorted, for
# comparing two catalogues by their messages alone.
msgids() {
    msgattrib --no-obsolete --no-wrap --no-location --sort-output "$1" |
        grep -E '^msgid(_plural)? ' | LC_ALL=C sort
}

case ${1:-} in
pot)
    pot "$2"
    ;;
update)
    tmp=$(mktemp) && trap 'rm -f "$tmp" "$tmp.ids"' EXIT
    pot "$tmp"
    msgids "$tmp" >"$tmp.ids"
    if [ ! -f po/bilan.pot ] || ! msgids po/bilan.pot | cmp -s - "$tmp.ids"; then
        cp "$tmp" po/bilan.pot
        echo "po/bilan.pot: updated"
    fi
    for lang in $(cat po/LINGUAS); do
        msgmerge --quiet --update --backup=none --no-wrap po/"$lang".po po/bilan.pot
        msgattrib --no-obsolete --no-wrap -o po/"$lang".po po/"$lang".po
        msgfmt --check --statistics -o /dev/null po/"$lang".po 2>&1 | sed "s|^|po/$lang.po: |"
    done
    ;;
current)
    tmp=$(mktemp) && trap 'rm -f "$tmp" "$tmp.ids" "$tmp.old"' EXIT
    pot "$tmp"
    msgids "$tmp" >"$tmp.ids"
    msgids po/bilan.pot >"$tmp.old"
    if ! cmp -s "$tmp.old" "$tmp.ids"; then
        echo "po/bilan.pot is not up to date with the sources (run 'make po'):"
        diff "$tmp.old" "$tmp.ids" | sed -n 's/^</    only in po\/bilan.pot:/p; s/^>/    only in the sources:/p'
        exit 1
    fi
    ;;
missing)
    tmp=$(mktemp) && trap 'rm -f "$tmp" "$tmp.po"' EXIT
    pot "$tmp"
    status=0
    for lang in $(cat po/LINGUAS); do
        msgmerge --quiet --no-wrap -o "$tmp.po" po/"$lang".po "$tmp"
        left=$(msgattrib --no-obsolete --no-wrap --no-location --only-fuzzy "$tmp.po"
               msgattrib --no-obsolete --no-wrap --no-location --untranslated "$tmp.po")
        ids=$(printf '%s\n' "$left" | grep '^msgid "..*"' || true)
        if [ -n "$ids" ]; then
            echo "po/$lang.po: $(printf '%s\n' "$ids" | wc -l) messages to translate" \
                 "(run 'make po', then translate them in po/$lang.po):"
            printf '%s\n' "$ids" | sed 's/^/    /'
            status=1
        fi
    done
    exit $status
    ;;
*)
    echo "usage: sh scripts/po.sh pot FILE | update | current | missing" >&2
    exit 64
    ;;
esac
