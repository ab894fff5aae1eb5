/* lang.h - the languages a report is written in, and their codes. */
#ifndef BILAN_LANG_H
#define BILAN_LANG_H

typedef enum language { LANG_FR, LANG_EN } language;

const char *language_code(language lang); /* "fr" / "en" */
/* "fr" or "en", in any case.  Returns 0, or -1 for anything else. */
int language_parse(const char *text, language *out);

#endif
