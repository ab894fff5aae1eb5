/* i18n.h - the program's messages in the user's language (GNU gettext).
 *
 * Diagnostics, the end-of-run summary, --help and --version are English in
 * the sources and translated through the catalogues of po/ (po/fr.po),
 * chosen as any GNU tool does: LANGUAGE, LC_ALL, LC_MESSAGES, LANG; English
 * when no catalogue matches.  Only the messages follow the locale: the
 * report's language is --lang / report.ini, and every other locale category
 * stays "C", so that the outputs are the same bytes whatever the locale.
 *
 * diag_report and diag_warning translate their format themselves (and the
 * wrappers that format before them do the same), so that a call site needs
 * no _(): `make po` extracts them by name (scripts/po.sh). */
#ifndef BILAN_I18N_H
#define BILAN_I18N_H

#include <libintl.h>

/* The translation of text (text itself when none); "" stays "" (gettext
 * would give the catalogue's header). */
__attribute__((format_arg(1))) static inline const char *i18n_text(const char *text)
{
    return text[0] ? gettext(text) : text;
}

#define _(text)  i18n_text(text)
/* Marks text for extraction where it is translated later, by _(). */
#define N_(text) (text)

/* Messages in the user's language from here on: LC_MESSAGES from the
 * environment, the catalogues of the build folder (uninstalled) or of the
 * installed locale folder, UTF-8 whatever LC_CTYPE says. */
void i18n_init(void);

#endif
