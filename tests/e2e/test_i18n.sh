#!/bin/sh
# test_i18n.sh - the messages in the user's language (GNU gettext): French
# diagnostics, summary, --help and --version under a French locale, chosen
# by LANGUAGE / LC_ALL / LC_MESSAGES / LANG, English when no catalogue
# matches; the outputs the same bytes whatever the locale; every message of
# the sources translated in po/fr.po, and po/bilan.pot up to date.
. "$ROOT/tests/e2e/lib.sh"

# A French locale: the system's fr_CA.UTF-8, else one generated into $T
# (LOCPATH), as `locales` allows without root.
locpath=
if ! locale -a 2>/dev/null | grep -qi '^fr_CA\.utf-\{0,1\}8$'; then
    mkdir -p "$T/locale"
    if localedef -i fr_CA -f UTF-8 "$T/locale/fr_CA.UTF-8" >"$T/localedef.log" 2>&1; then
        locpath=$T/locale
    else
        not_ok "a French locale (fr_CA.UTF-8) for the tests" \
            "localedef failed (install the locales package):" "$(cat "$T/localedef.log")"
        exit 0
    fi
fi
nbsp=$(printf '\302\240')

# in_locale VAR=VALUE... -- ARGS...: runs the binary from ROOT with the
# message variables cleared, then those given; as run_bilan.
in_locale() {
    envs=
    while [ "$1" != "--" ]; do envs="$envs $1"; shift; done
    shift
    # shellcheck disable=SC2086
    (cd "$ROOT" && env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG \
        ${locpath:+LOCPATH=$locpath} $envs "$BILAN" "$@") >"$T/stdout" 2>"$T/stderr"
    status=$?
}

# has NAME FILE TEXT...: ok when FILE holds every TEXT.
has() {
    name=$1 file=$2
    shift 2
    for text in "$@"; do
        if ! grep -qF -e "$text" "$file"; then
            not_ok "$name" "no '$text' in:" "$(head -c 1500 "$file")"
            return
        fi
    done
    ok "$name"
}

case_input=$ROOT/tests/cases/amount_letters/input

# French diagnostics: the column, the value in guillemets, the summary.
in_locale LC_ALL=fr_CA.UTF-8 -- --input "$case_input" --output "$T/out" --check
expect_status "French locale: bad data is still exit 65" 65
has "French diagnostic, « » and no-break spaces" "$T/stderr" \
    "ledger.csv:3: colonne «${nbsp}amount${nbsp}»${nbsp}: «${nbsp}12a4.00${nbsp}» n'est pas un montant" \
    "bilan: 1 problème; rien n'a été écrit"

in_locale LC_ALL=fr_CA.UTF-8 -- --input "$SAMPLE" --output "$T/out" --check
expect_status "French locale: --check exit 0" 0
has "French summary" "$T/stdout" "lignes du grand livre" "aucun problème trouvé"

in_locale LC_ALL=fr_CA.UTF-8 -- --help
has "French --help" "$T/stdout" "Usage${nbsp}: bilan" "Options${nbsp}:" "Code de sortie${nbsp}:"
in_locale LC_ALL=fr_CA.UTF-8 -- --version
has "French --version" "$T/stdout" "compilé avec libharu"
in_locale LC_ALL=fr_CA.UTF-8 -- --year abc
expect_status "French usage error: exit 64" 64
has "French usage error" "$T/stderr" "n'est pas une année" "Essayez «${nbsp}bilan --help${nbsp}»."

# Which variable chooses, as for any GNU program.
for vars in LANG=fr_CA.UTF-8 LC_MESSAGES=fr_CA.UTF-8 "LANG=C LC_MESSAGES=fr_CA.UTF-8" \
    "LANG=fr_CA.UTF-8 LANGUAGE=de:fr"; do
    # shellcheck disable=SC2086
    in_locale $vars -- --year abc
    has "$vars: French" "$T/stderr" "n'est pas une année"
done
for vars in "LC_ALL=C" "LANG=fr_CA.UTF-8 LC_ALL=C" "LANG=fr_CA.UTF-8 LANGUAGE=en" \
    "LANG=fr_CA.UTF-8 LANGUAGE=de" ""; do
    # shellcheck disable=SC2086
    in_locale $vars -- --year abc
    has "${vars:-no locale}: English" "$T/stderr" "is not a year from 1900 to 9999" \
        "Try 'bilan --help'."
done

# The outputs do not depend on the locale: the same bytes in C and French
# (the report's language is report.ini's, the numbers keep their '.').
in_locale LC_ALL=C -- --input "$SAMPLE" --output "$T/c" --quiet
c_status=$status
in_locale LC_ALL=fr_CA.UTF-8 -- --input "$SAMPLE" --output "$T/fr" --quiet
if [ "$c_status" -eq 0 ] && [ "$status" -eq 0 ] && [ -n "$(ls -A "$T/c")" ] &&
    [ "$(sums_of "$T/c")" = "$(sums_of "$T/fr")" ]; then
    ok "the outputs are the same bytes in the C and French locales"
else
    not_ok "the outputs are the same bytes in the C and French locales" \
        "C: $c_status $(sums_of "$T/c")" "fr: $status $(sums_of "$T/fr")"
fi

# The catalogues: made from the current sources, every message translated.
if command -v xgettext >/dev/null && command -v msgmerge >/dev/null; then
    if (cd "$ROOT" && sh scripts/po.sh current) >"$T/po.log" 2>&1; then
        ok "po/bilan.pot holds the messages of the sources"
    else
        not_ok "po/bilan.pot holds the messages of the sources" "$(cat "$T/po.log")"
    fi
    if (cd "$ROOT" && sh scripts/po.sh missing) >"$T/po.log" 2>&1; then
        ok "every message of the sources has a French translation"
    else
        not_ok "every message of the sources has a French translation" "$(cat "$T/po.log")"
    fi
    stats=$(cd "$ROOT" && msgfmt --check --statistics -o /dev/null po/fr.po 2>&1)
    case $stats in
    *fuzzy* | *untranslated* | *error*) not_ok "po/fr.po: no fuzzy, no untranslated" "$stats" ;;
    *) ok "po/fr.po: no fuzzy, no untranslated ($stats)" ;;
    esac
else
    not_ok "the catalogues" "xgettext, msgmerge: install the gettext package"
fi
