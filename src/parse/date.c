/* date.c - calendar dates: the written forms (YYYY-MM-DD, YYYY/MM/DD,
 * DD/MM/YYYY, MM/DD/YYYY), day/month order, day numbers, fiscal years.
 *
 * Also accepted, because spreadsheets export them: DD-MM-YYYY with '-'
 * (same order rules), and a trailing time of day "HH:MM[:SS]" after a
 * space or 'T', which is ignored. */
#include "parse/date.h"
#include "lib/i18n.h"
#include "lib/text.h"

#include <stdio.h>

/* The three numbers of a date as written, before any order is applied. */
typedef struct date_parts {
    int first, second, third;
    bool year_first; /* YYYY?MM?DD, else xx?xx?YYYY */
} date_parts;

/* Reads 1 to max digits at s[*i]; -1 when there are none or too many. */
static int read_number(const char *s, size_t len, size_t *i, size_t min, size_t max)
{
    size_t start = *i;
    int v = 0;
    while (*i < len && s[*i] >= '0' && s[*i] <= '9') {
        if (*i - start == max)
            return -1;
        v = v * 10 + (s[*i] - '0');
        (*i)++;
    }
    return *i - start >= min ? v : -1;
}

/* A time of day "HH:MM" or "HH:MM:SS" filling s[i..len). */
static bool is_time(const char *s, size_t len, size_t i)
{
    int h = read_number(s, len, &i, 1, 2);
    if (h < 0 || h > 23 || i >= len || s[i++] != ':')
        return false;
    int m = read_number(s, len, &i, 2, 2);
    if (m < 0 || m > 59)
        return false;
    if (i < len && s[i] == ':') {
        i++;
        int sec = read_number(s, len, &i, 2, 2);
        if (sec < 0 || sec > 60)
            return false;
    }
    return i == len;
}

/* Splits a trimmed text into its three numbers; false when not a date form. */
static bool split(const char *s, size_t len, date_parts *p)
{
    size_t i = 0;
    size_t digits = 0;
    while (digits < len && s[digits] >= '0' && s[digits] <= '9')
        digits++;
    p->year_first = digits == 4;
    size_t lead_max = p->year_first ? 4 : 2;
    p->first = read_number(s, len, &i, p->year_first ? 4 : 1, lead_max);
    if (p->first < 0 || i >= len || (s[i] != '-' && s[i] != '/'))
        return false;
    char sep = s[i++];
    p->second = read_number(s, len, &i, 1, 2);
    if (p->second < 0 || i >= len || s[i++] != sep)
        return false;
    p->third = p->year_first ? read_number(s, len, &i, 1, 2) : read_number(s, len, &i, 4, 4);
    if (p->third < 0)
        return false;
    if (i < len && (s[i] == ' ' || s[i] == 'T')) {
        while (i < len && s[i] == ' ')
            i++;
        if (i < len && s[i] == 'T')
            i++;
        return is_time(s, len, i);
    }
    return i == len;
}

static bool parts_of(const char *text, size_t len, date_parts *p)
{
    const char *s = text_trim(text, &len);
    return len > 0 && split(s, len, p);
}

bool date_is_valid(int year, int month, int day)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
        return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap);
}

static date_status make(int year, int month, int day, date *out)
{
    if (!date_is_valid(year, month, day))
        return DATE_INVALID;
    out->year = year;
    out->month = month;
    out->day = day;
    return DATE_OK;
}

date_status date_parse(const char *text, size_t len, date_order order, date *out)
{
    size_t n = len;
    text_trim(text, &n);
    if (n == 0)
        return DATE_EMPTY;
    date_parts p;
    if (!parts_of(text, len, &p))
        return DATE_SYNTAX;
    if (p.year_first)
        return make(p.first, p.second, p.third, out);
    if (order == DATE_ORDER_AUTO) {
        if (p.first > 12)
            order = DATE_ORDER_DMY;
        else if (p.second > 12 || p.first == p.second)
            order = DATE_ORDER_MDY;
        else
            return p.first == 0 || p.second == 0 ? DATE_INVALID : DATE_AMBIGUOUS;
    }
    if (order == DATE_ORDER_DMY)
        return make(p.third, p.second, p.first, out);
    return make(p.third, p.first, p.second, out);
}

date_order date_order_evidence(const char *text, size_t len)
{
    date_parts p;
    if (!parts_of(text, len, &p) || p.year_first)
        return DATE_ORDER_AUTO;
    if (p.first > 12 && p.first <= 31 && p.second >= 1 && p.second <= 12)
        return DATE_ORDER_DMY;
    if (p.second > 12 && p.second <= 31 && p.first >= 1 && p.first <= 12)
        return DATE_ORDER_MDY;
    return DATE_ORDER_AUTO;
}

bool date_needs_order(const char *text, size_t len)
{
    date_parts p;
    return parts_of(text, len, &p) && !p.year_first && p.first != p.second;
}

const char *date_status_message(date_status status)
{
    switch (status) {
    case DATE_OK: return N_("is a date");
    case DATE_EMPTY: return N_("is empty");
    case DATE_SYNTAX: return N_("is not a date (expected YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY)");
    case DATE_INVALID: return N_("is not a valid day");
    case DATE_AMBIGUOUS:
        return N_("has an ambiguous day/month order (set [csv] date_order in report.ini)");
    }
    return N_("is not a date");
}

int date_compare(date a, date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

/* Day numbers count from 0000-03-01 in 400-year eras of 146097 days, with
 * years starting in March so that the leap day ends each year. */
enum { ERA_DAYS = 146097, EPOCH_SHIFT = 719468 }; /* 0000-03-01 to 1970-01-01 */

long date_to_days(date d)
{
    long y = d.year - (d.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;                         /* [0, 399] */
    long moy = (d.month + 9) % 12;                    /* March = 0 */
    long doy = (153 * moy + 2) / 5 + d.day - 1;       /* [0, 365] */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */
    return era * ERA_DAYS + doe - EPOCH_SHIFT;
}

date date_from_days(long days)
{
    days += EPOCH_SHIFT;
    long era = (days >= 0 ? days : days - (ERA_DAYS - 1)) / ERA_DAYS;
    long doe = days - era * ERA_DAYS;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    date d;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(yoe + era * 400 + (d.month <= 2));
    return d;
}

/* The end of fiscal year `year`.  A year ending 02-28 or 02-29 ends on
 * the last day of February: 28 in common years, 29 in leap years. */
date fiscal_year_end(fiscal_calendar cal, int year)
{
    date d = { year, cal.end_month, cal.end_day };
    if (d.month == 2 && d.day >= 28)
        d.day = 29;
    while (d.day > 28 && !date_is_valid(d.year, d.month, d.day))
        d.day--;
    return d;
}

date fiscal_year_start(fiscal_calendar cal, int year)
{
    return date_from_days(date_to_days(fiscal_year_end(cal, year - 1)) + 1);
}

int fiscal_year_of(fiscal_calendar cal, date d)
{
    return date_compare(d, fiscal_year_end(cal, d.year)) <= 0 ? d.year : d.year + 1;
}

void fiscal_year_label(fiscal_calendar cal, int year, char *buf, size_t size)
{
    if (fiscal_year_start(cal, year).year == year)
        snprintf(buf, size, "%d", year);
    else
        snprintf(buf, size, "%d-%d", year - 1, year);
}

void date_format_iso(date d, char buf[11])
{
    snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)d.year % 10000u, (unsigned)d.month % 100u,
             (unsigned)d.day % 100u);
}
