/* xlsx_criteria.c - which names the workbook's SUMIFS and COUNTIFS can
 * match.  A criterion taken from a cell is read as a pattern: wildcards,
 * comparison operators, numbers, dates and booleans, and it ignores case.
 * An account, axis or type whose name could match anything but its own
 * rows gets plain numbers instead of formulas, so a recalculated workbook
 * never disagrees with the figures. */
#include "xlsx/xlsx.h"

#include "lib/strmap.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

static bool ascii_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether a text, used as a SUMIFS/COUNTIFS criterion by cell reference,
 * matches exactly the cells holding the same text.  Criteria read wildcards
 * (* ? ~), comparison operators, numbers, dates and booleans, so only plain
 * integers and texts without digits that start with a letter qualify; the
 * other rows get plain values instead of formulas. */
bool xlsx_criterion_safe(const char *text)
{
    if (all_digits(text))
        return strlen(text) <= 15;
    if (!ascii_alpha(text[0]) && !((unsigned char)text[0] & 0x80))
        return false;
    if (strcasecmp(text, "true") == 0 || strcasecmp(text, "false") == 0 ||
        strcasecmp(text, "vrai") == 0 || strcasecmp(text, "faux") == 0)
        return false;
    for (const char *p = text; *p; p++)
        if (strchr("*?~0123456789", *p))
            return false;
    return true;
}

/* The key under which criteria see a text as equal to another: case
 * folded, and integers without their leading zeros. */
static char *criterion_key(const char *text)
{
    if (all_digits(text)) {
        while (text[0] == '0' && text[1])
            text++;
        return xstrdup(text);
    }
    char *key = text_fold_key(text, strlen(text));
    return key ? key : xstrdup(text);
}

/* Which entries of a list can be matched by criteria: each text safe, and
 * no other entry the same criterion (criteria ignore case).  Entries are
 * first[i], or the pairs (first[i], second[i]) when second is not NULL.
 * Linear: each entry's key is looked up in a map of the keys seen, whose
 * value is the first entry with that key.  Returns count flags
 * (xmalloc'd). */
bool *xlsx_criteria_usable(const char *const *first, const char *const *second, size_t count)
{
    bool *ok = xcalloc(count + 1, sizeof *ok);
    strmap *seen = strmap_new();
    for (size_t i = 0; i < count; i++) {
        ok[i] = xlsx_criterion_safe(first[i]) && (!second || xlsx_criterion_safe(second[i]));
        char *a = criterion_key(first[i]);
        char *b = second ? criterion_key(second[i]) : xstrdup("");
        size_t size = strlen(a) + strlen(b) + 2;
        char *key = xmalloc(size);
        snprintf(key, size, "%s%c%s", a, '\x1f', b);
        size_t other;
        if (strmap_get(seen, key, strlen(key), &other))
            ok[i] = ok[other] = false;
        else
            strmap_put(seen, key, strlen(key), i);
        free(key);
        free(a);
        free(b);
    }
    strmap_free(seen);
    return ok;
}
