/* fmt.c - numbers, money, percents and dates as French and English write
 * them.  French groups thousands with a narrow no-break space (U+202F) and
 * puts a no-break space (U+00A0) before the currency and "%"; English uses
 * commas, and no space except after a currency code ("CHF 1,750").
 * Integer arithmetic only: magnitudes are handled as uint64_t so INT64_MIN
 * formats correctly. */
#include "report/fmt.h"

#include <stdio.h>
#include <string.h>

#define NNBSP "\xe2\x80\xaf" /* U+202F narrow no-break space */
#define NBSP  "\xc2\xa0"     /* U+00A0 no-break space */

static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* Writes n with thousands separators into out (at least 40 bytes). */
static void group_digits(char *out, uint64_t n, language lang)
{
    char digits[24];
    int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)n);
    const char *sep = lang == LANG_FR ? NNBSP : ",";
    size_t at = 0;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0) {
            memcpy(out + at, sep, strlen(sep));
            at += strlen(sep);
        }
        out[at++] = digits[i];
    }
    out[at] = '\0';
}

/* Copies text into buf, truncating to size; returns buf. */
static char *put(char *buf, size_t size, const char *text)
{
    if (size > 0)
        snprintf(buf, size, "%s", text);
    return buf;
}

static bool ascii_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

const char *fmt_currency_symbol(const char *code)
{
    static const char *const dollars[] = { "CAD", "USD", "AUD", "NZD" };
    if (!code)
        return "$";
    for (size_t i = 0; i < sizeof dollars / sizeof *dollars; i++)
        if (strcmp(code, dollars[i]) == 0)
            return "$";
    if (strcmp(code, "EUR") == 0)
        return "\xe2\x82\xac"; /* € */
    if (strcmp(code, "GBP") == 0)
        return "\xc2\xa3"; /* £ */
    for (const char *p = code; *p; p++)
        if (!ascii_alpha(*p))
            return "$";
    return *code ? code : "$";
}

char *fmt_money(char *buf, size_t size, int64_t cents, bool with_cents, const char *currency,
                language lang)
{
    uint64_t mag = magnitude(cents);
    uint64_t units = with_cents ? mag / 100 : mag / 100 + (mag % 100 >= 50);
    char whole[40], frac[16] = "", out[FMT_SIZE * 2];
    group_digits(whole, units, lang);
    const char *sign = cents < 0 && (with_cents || units > 0) ? "-" : "";
    if (with_cents)
        snprintf(frac, sizeof frac, "%c%02u", lang == LANG_FR ? ',' : '.', (unsigned)(mag % 100));
    const char *sym = fmt_currency_symbol(currency);
    bool word = ascii_alpha(sym[0]); /* a code: "CHF 1,750" */
    if (lang == LANG_FR)
        snprintf(out, sizeof out, "%s%s%s" NBSP "%s", sign, whole, frac, sym);
    else
        snprintf(out, sizeof out, "%s%s%s%s%s", sign, sym, word ? NBSP : "", whole, frac);
    return put(buf, size, out);
}

char *fmt_count(char *buf, size_t size, int64_t n, language lang)
{
    char whole[40], out[FMT_SIZE * 2];
    group_digits(whole, magnitude(n), lang);
    snprintf(out, sizeof out, "%s%s", n < 0 ? "-" : "", whole);
    return put(buf, size, out);
}

/* Formats a value in tenths or hundredths (scale 10 or 100), dropping
 * trailing zero decimals: 123450 (scale 100) -> "1 234,5". */
static void fmt_scaled(char *out, size_t size, int64_t v, unsigned scale, bool plus, language lang)
{
    uint64_t mag = magnitude(v);
    unsigned frac = (unsigned)(mag % scale);
    char whole[40], dec[16] = "";
    group_digits(whole, mag / scale, lang);
    char mark = lang == LANG_FR ? ',' : '.';
    if (scale == 100 && frac % 10 == 0)
        frac /= 10, scale = 10;
    if (scale == 100)
        snprintf(dec, sizeof dec, "%c%02u", mark, frac);
    else if (frac != 0 || plus)
        snprintf(dec, sizeof dec, "%c%u", mark, frac);
    const char *sign = v < 0 ? "-" : plus && v > 0 ? "+" : "";
    snprintf(out, size, "%s%s%s", sign, whole, dec);
}

char *fmt_hours(char *buf, size_t size, int64_t hundredths, language lang)
{
    char out[FMT_SIZE];
    fmt_scaled(out, sizeof out, hundredths, 100, false, lang);
    return put(buf, size, out);
}

const char *fmt_pct_word(figure_pct pct, language lang)
{
    switch (pct) {
    case FIGURE_PCT_NEW: return lang == LANG_FR ? "nouveau" : "new";
    case FIGURE_PCT_ZERO: return "\xe2\x80\x94"; /* U+2014 em dash */
    case FIGURE_PCT_NEGATIVE: return lang == LANG_FR ? "n.s." : "n.m.";
    case FIGURE_PCT_VALUE: break;
    }
    return NULL;
}

char *fmt_change_pct(char *buf, size_t size, const figure *f, language lang)
{
    if (f->pct != FIGURE_PCT_VALUE)
        return put(buf, size, fmt_pct_word(f->pct, lang));
    char num[FMT_SIZE], out[FMT_SIZE * 2];
    /* Percents always show their one decimal: "+58,2 %", "0,0 %". */
    fmt_scaled(num, sizeof num, f->change_pct_tenths, 10, true, lang);
    snprintf(out, sizeof out, "%s%s", num, lang == LANG_FR ? NBSP "%" : "%");
    return put(buf, size, out);
}

char *fmt_tenths(char *buf, size_t size, int64_t tenths, bool percent, language lang)
{
    char num[FMT_SIZE], out[FMT_SIZE * 2];
    fmt_scaled(num, sizeof num, tenths, 10, false, lang);
    if (tenths % 10 == 0) /* fmt_scaled drops a zero decimal */
        snprintf(num + strlen(num), sizeof num - strlen(num), "%c0", lang == LANG_FR ? ',' : '.');
    snprintf(out, sizeof out, "%s%s", num, !percent ? "" : lang == LANG_FR ? NBSP "%" : "%");
    return put(buf, size, out);
}

const char *fmt_plural(int64_t n, language lang)
{
    bool one = lang == LANG_FR ? n > -2 && n < 2 : n == 1 || n == -1;
    return one ? "one" : "other";
}

static const char *const month_fr[12] = { "janvier",   "février", "mars",     "avril",
                                          "mai",       "juin",    "juillet",  "août",
                                          "septembre", "octobre", "novembre", "décembre" };

static const char *const month_en[12] = { "January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December" };

char *fmt_date(char *buf, size_t size, date d, language lang)
{
    char out[FMT_SIZE];
    if (d.month < 1 || d.month > 12)
        return put(buf, size, "?");
    if (lang == LANG_FR)
        snprintf(out, sizeof out, "%d%s %s %d", d.day, d.day == 1 ? "er" : "",
                 month_fr[d.month - 1], d.year);
    else
        snprintf(out, sizeof out, "%s %d, %d", month_en[d.month - 1], d.day, d.year);
    return put(buf, size, out);
}
