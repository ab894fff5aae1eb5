/* lang.c - language codes: parsed from report.ini and --lang, written into
 * the documents' metadata. */
#include "lib/lang.h"

#include <strings.h>

const char *language_code(language lang)
{
    return lang == LANG_EN ? "en" : "fr";
}

int language_parse(const char *text, language *out)
{
    if (strcasecmp(text, "fr") == 0)
        *out = LANG_FR;
    else if (strcasecmp(text, "en") == 0)
        *out = LANG_EN;
    else
        return -1;
    return 0;
}
