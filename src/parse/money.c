/* money.c - amount text -> exact integer cents.
 *
 * A value is an optional wrapper (parentheses for a negative, a sign, a
 * currency mark $, € or £ before or after) around a body of digits and separators.  The decimal
 * mark is ',' or '.'; the other one, and space, U+00A0 and U+202F, group
 * thousands, in proper groups of three.  With MONEY_DECIMAL_AUTO the mark
 * is told by the value itself: the last of two kinds of separator, the
 * other one of a separator repeated (1,234,567), or a single separator
 * not followed by exactly three digits (12,5  12.50); a single separator
 * followed by three digits (1,234) is ambiguous.  A value may start with
 * its mark (.5 is 50 cents).  Never floating point. */
#include "parse/money.h"
#include "lib/i18n.h"
#include "lib/text.h"

#include <string.h>

enum { SEP_NONE = 0, SEP_SPACE = 's' };

/* The separator at s[0..len): '.', ',' or SEP_SPACE, with its length in
 * *n; SEP_NONE when s starts with something else. */
static int separator_at(const char *s, size_t len, size_t *n)
{
    const unsigned char *p = (const unsigned char *)s;
    *n = 1;
    if (p[0] == '.' || p[0] == ',')
        return p[0];
    if (p[0] == ' ')
        return SEP_SPACE;
    if (len >= 2 && p[0] == 0xC2 && p[1] == 0xA0) {
        *n = 2;
        return SEP_SPACE;
    }
    if (len >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF) {
        *n = 3;
        return SEP_SPACE;
    }
    return SEP_NONE;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* What the separators of a body say, for choosing its decimal mark. */
typedef struct body_survey {
    size_t points, commas, spaces;
    int last;            /* the last '.' or ',' */
    size_t digits_after; /* digits right after it */
    size_t first_group;  /* digits before the first separator */
    bool leading_zero;   /* the body starts with '0' */
    bool bad_char;       /* something neither digit nor separator */
} body_survey;

static body_survey survey(const char *s, size_t len)
{
    body_survey v = { 0, 0, 0, SEP_NONE, 0, 0, len > 0 && s[0] == '0', false };
    bool seen_sep = false;
    size_t i = 0;
    while (i < len) {
        if (is_digit(s[i])) {
            if (!seen_sep)
                v.first_group++;
            if (v.last)
                v.digits_after++;
            i++;
            continue;
        }
        size_t n;
        int sep = separator_at(s + i, len - i, &n);
        if (sep == SEP_NONE) {
            v.bad_char = true;
            return v;
        }
        seen_sep = true;
        if (sep == SEP_SPACE) {
            v.spaces++;
        } else {
            v.points += sep == '.';
            v.commas += sep == ',';
            v.last = sep;
            v.digits_after = 0;
        }
        i += n;
    }
    return v;
}

enum { MARK_AMBIGUOUS = -1 };

/* The decimal mark a body says it uses, '.' when it has neither mark nor
 * grouping comma/point, MARK_AMBIGUOUS when it cannot tell. */
static int auto_mark(const body_survey *v)
{
    if (v->points && v->commas)
        return v->last;
    if (!v->points && !v->commas)
        return '.';
    int c = v->points ? '.' : ',';
    if (v->points + v->commas > 1)
        return c == '.' ? ',' : '.';
    if (v->digits_after == 3 && !v->spaces && v->first_group >= 1 && v->first_group <= 3 &&
        !v->leading_zero)
        return MARK_AMBIGUOUS;
    return c;
}

/* Reading state of a body under a known mark. */
typedef struct body_reader {
    uint64_t units; /* the integer part */
    unsigned cents;
    size_t frac_digits;
    size_t group;  /* digits in the current integer group */
    size_t groups; /* integer groups closed by a grouping separator */
    int grouper;   /* the grouping separator in use */
    bool in_frac, overflow;
} body_reader;

static bool close_group(body_reader *b)
{
    if (b->groups == 0)
        return b->grouper == SEP_NONE || (b->group >= 1 && b->group <= 3);
    return b->group == 3;
}

static void add_digit(body_reader *b, int d)
{
    if (b->in_frac) {
        if (++b->frac_digits <= 2)
            b->cents = b->cents * 10 + (unsigned)d;
        return;
    }
    b->group++;
    if (b->units > (UINT64_MAX - 9) / 10)
        b->overflow = true;
    else
        b->units = b->units * 10 + (uint64_t)d;
}

/* A separator sep: the mark, or a grouping separator.  False on syntax. */
static bool add_separator(body_reader *b, int sep, int mark)
{
    if (b->in_frac)
        return false;
    if (sep == mark) {
        if (b->grouper != SEP_NONE && !close_group(b))
            return false;
        b->in_frac = true;
        return true;
    }
    if (b->grouper == SEP_NONE)
        b->grouper = sep;
    if (sep != b->grouper || !close_group(b))
        return false;
    b->groups++;
    b->group = 0;
    return true;
}

static money_status read_body(const char *s, size_t len, int mark, uint64_t *magnitude)
{
    body_reader b;
    memset(&b, 0, sizeof b);
    for (size_t i = 0, n; i < len; i += n) {
        n = 1;
        if (is_digit(s[i])) {
            add_digit(&b, s[i] - '0');
            continue;
        }
        int sep = separator_at(s + i, len - i, &n);
        if (sep == SEP_NONE || !add_separator(&b, sep, mark))
            return MONEY_SYNTAX;
    }
    if (b.in_frac ? b.frac_digits == 0 : (b.groups > 0 && !close_group(&b)))
        return MONEY_SYNTAX;
    if (!b.in_frac && b.group == 0)
        return MONEY_SYNTAX;
    if (b.frac_digits > 2)
        return MONEY_DECIMALS;
    if (b.frac_digits == 1)
        b.cents *= 10;
    if (b.overflow || b.units > ((uint64_t)INT64_MAX - b.cents) / 100)
        return MONEY_OVERFLOW;
    *magnitude = b.units * 100 + b.cents;
    return MONEY_OK;
}

/* Removes mark (n bytes) from the front of s[0..*len) (then spaces): true
 * if it was there. */
static bool strip_front(const char **s, size_t *len, const char *mark, size_t n)
{
    if (*len < n || (*s)[0] != mark[0] || memcmp(*s, mark, n) != 0)
        return false;
    *s += n;
    *len -= n;
    *s = text_trim(*s, len);
    return true;
}

static bool strip_back(const char **s, size_t *len, const char *mark, size_t n)
{
    if (*len < n || (*s)[*len - 1] != mark[n - 1] || memcmp(*s + *len - n, mark, n) != 0)
        return false;
    *len -= n;
    *s = text_trim(*s, len);
    return true;
}

/* Removes a leading '+' or '-' (then spaces): true if there was one. */
static bool strip_sign(const char **s, size_t *len, bool *negative)
{
    if (*len == 0 || ((*s)[0] != '-' && (*s)[0] != '+'))
        return false;
    *negative = (*s)[0] == '-';
    return strip_front(s, len, *negative ? "-" : "+", 1);
}

/* The currency marks an amount may carry, before or after it. */
static const struct {
    const char *text;
    size_t len;
} currency_marks[] = { { "$", 1 }, { "\xe2\x82\xac", 3 } /* € */, { "\xc2\xa3", 2 } /* £ */ };

enum { CURRENCY_MARKS = sizeof currency_marks / sizeof currency_marks[0] };

/* Removes one currency mark from the front (or, when back, the back). */
static bool strip_currency(const char **s, size_t *len, bool back)
{
    for (size_t i = 0; i < CURRENCY_MARKS; i++) {
        const char *mark = currency_marks[i].text;
        size_t n = currency_marks[i].len;
        if (back ? strip_back(s, len, mark, n) : strip_front(s, len, mark, n))
            return true;
    }
    return false;
}

/* Peels the wrapper off text: parentheses, sign, a currency mark ($, €,
 * £) before or after.  Leaves the body in *s, *len; false when nothing is
 * left. */
static bool unwrap(const char **s, size_t *len, bool *negative)
{
    bool sign = false;
    *negative = false;
    if (strip_front(s, len, "(", 1)) {
        if (!strip_back(s, len, ")", 1))
            return false;
        sign = *negative = true;
    }
    if (!sign)
        sign = strip_sign(s, len, negative);
    bool currency = strip_currency(s, len, false);
    if (currency && !sign)
        strip_sign(s, len, negative);
    if (!currency)
        strip_currency(s, len, true);
    return *len > 0;
}

money_status money_parse(const char *text, size_t len, money_decimal decimal, int64_t *cents)
{
    const char *s = text_trim(text, &len);
    if (len == 0)
        return MONEY_EMPTY;
    bool negative;
    if (!unwrap(&s, &len, &negative))
        return MONEY_SYNTAX;
    body_survey v = survey(s, len);
    if (v.bad_char)
        return MONEY_SYNTAX;
    int mark = decimal == MONEY_DECIMAL_POINT   ? '.'
               : decimal == MONEY_DECIMAL_COMMA ? ','
                                                : auto_mark(&v);
    if (mark == MARK_AMBIGUOUS)
        return MONEY_AMBIGUOUS;
    uint64_t magnitude;
    money_status st = read_body(s, len, mark, &magnitude);
    if (st == MONEY_OK)
        *cents = negative ? -(int64_t)magnitude : (int64_t)magnitude;
    return st;
}

money_evidence money_evidence_of(const char *text, size_t len)
{
    const char *s = text_trim(text, &len);
    bool negative;
    uint64_t magnitude;
    if (len == 0 || !unwrap(&s, &len, &negative))
        return MONEY_EVIDENCE_NONE;
    body_survey v = survey(s, len);
    if (v.bad_char || (!v.points && !v.commas))
        return MONEY_EVIDENCE_NONE;
    int mark = auto_mark(&v);
    if (mark == MARK_AMBIGUOUS || read_body(s, len, mark, &magnitude) != MONEY_OK)
        return MONEY_EVIDENCE_NONE;
    return mark == '.' ? MONEY_EVIDENCE_POINT : MONEY_EVIDENCE_COMMA;
}

const char *money_status_message(money_status status)
{
    switch (status) {
    case MONEY_OK: return N_("is an amount");
    case MONEY_EMPTY: return N_("is empty");
    case MONEY_SYNTAX: return N_("is not an amount");
    case MONEY_DECIMALS: return N_("has more than two decimals");
    case MONEY_AMBIGUOUS:
        return N_("has an ambiguous decimal separator (set [csv] decimal in report.ini)");
    case MONEY_OVERFLOW: return N_("is out of range");
    }
    return N_("is not an amount");
}

bool money_add(int64_t a, int64_t b, int64_t *out)
{
    if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
        return false;
    *out = a + b;
    return true;
}
