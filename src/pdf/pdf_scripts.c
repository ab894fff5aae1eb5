/* pdf_scripts.c - fallback fonts for the characters the faces lack, and
 * the warnings for those no font has (pdf_scripts.h).  A box or a "?" is
 * never silent: each character no font showed is named, once, at the
 * first text that held it. */
#include "pdf/pdf_scripts.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool pdf_scripts_fallbacks(pdf_report *r, pdf_style *st, const char *style_path)
{
    const pdf_missing *list;
    size_t n = pdf_draw_missing(r->draw, &list), count = 0;
    unsigned *cps = xcalloc(n + 1, sizeof *cps);
    for (size_t i = 0; i < n; i++)
        if (list[i].cp <= 0xFFFF && !list[i].rtl) /* beyond: libharu cannot show it */
            cps[count++] = (unsigned)list[i].cp;
    bool added = false;
    if (count && pdf_style_fallbacks(st, cps, count, style_path, r->d) != 0)
        r->broken = true;
    else if (count)
        for (int f = 0; f < PDF_FACE_COUNT; f++)
            for (size_t k = 0; k < st->fallback_count[f]; k++)
                added |= pdf_draw_add_fallback(r->draw, f, st->fallback_path[f][k],
                                               st->fallback_index[f][k]) == 0;
    free(cps);
    if (added)
        pdf_draw_forget_missing(r->draw);
    return added;
}

/* Appends character cp as "X (U+XXXX)" to out. */
static void name_char(char *out, size_t size, unsigned long cp)
{
    char utf8[5] = { 0 };
    if (cp < 0x80)
        utf8[0] = (char)cp;
    else if (cp < 0x800)
        utf8[0] = (char)(0xC0 | cp >> 6), utf8[1] = (char)(0x80 | (cp & 0x3F));
    else if (cp < 0x10000)
        utf8[0] = (char)(0xE0 | cp >> 12), utf8[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
        utf8[2] = (char)(0x80 | (cp & 0x3F));
    else
        utf8[0] = (char)(0xF0 | cp >> 18), utf8[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
        utf8[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), utf8[3] = (char)(0x80 | (cp & 0x3F));
    size_t len = strlen(out);
    snprintf(out + len, size - len, "%s%s (U+%04lX)", len ? ", " : "", utf8, cp);
}

/* Warns of the right-to-left characters from list[i] on with its source
 * (j past them): shown, but not as they are read.  Returns j. */
static size_t warn_rtl(pdf_report *r, const pdf_missing *list, size_t i, size_t n)
{
    size_t j = i, shown = 0;
    char names[512] = "";
    for (; j < n && list[j].rtl && list[j].file == list[i].file && list[j].line == list[i].line;
         j++)
        if (shown++ < 6)
            name_char(names, sizeof names, list[j].cp);
    diag_warning(r->d, list[i].file ? list[i].file : "report.ini", list[i].line, NULL,
                 "right-to-left text (%s%s) is drawn left to right, its letters unjoined: "
                 "it copies as written but does not read so",
                 names, shown > 6 ? ", ..." : "");
    return j;
}

void pdf_scripts_warn(pdf_report *r)
{
    const pdf_missing *list;
    size_t n = pdf_draw_missing(r->draw, &list);
    for (size_t i = 0; i < n;) {
        if (list[i].rtl) {
            i = warn_rtl(r, list, i, n);
            continue;
        }
        size_t j = i, shown = 0, beyond = 0;
        char names[512] = "";
        for (;
             j < n && !list[j].rtl && list[j].file == list[i].file && list[j].line == list[i].line;
             j++) {
            beyond += list[j].cp > 0xFFFF;
            if (shown++ < 12)
                name_char(names, sizeof names, list[j].cp);
        }
        size_t boxes = j - i - beyond;
        diag_warning(r->d, list[i].file ? list[i].file : "report.ini", list[i].line, NULL,
                     "no font shows %s%s in the text drawn here: %s%s%s", names,
                     shown > 12 ? _(" and more") : "",
                     boxes ? _("a box is printed (install a font that has "
                               "it, such as fonts-noto-core or fonts-wqy-zenhei)")
                           : "",
                     boxes && beyond ? _("; ") : "",
                     beyond ? _("the PDF library cannot show a character beyond U+FFFF: "
                                "'?' is printed")
                            : "");
        i = j;
    }
}
