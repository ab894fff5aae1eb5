/* date.h - calendar dates, the forms they are written in, fiscal years. */
#ifndef BILAN_DATE_H
#define BILAN_DATE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct date {
    int year, month, day;
} date;

typedef enum date_order {
    DATE_ORDER_AUTO, /* xx/xx/YYYY parses only when one part is above 12 */
    DATE_ORDER_DMY,
    DATE_ORDER_MDY
} date_order;

typedef enum date_status {
    DATE_OK,
    DATE_EMPTY,
    DATE_SYNTAX,   /* not one of the accepted forms */
    DATE_INVALID,  /* well-formed but not a day: 2014-02-30 */
    DATE_AMBIGUOUS /* 03/04/2014 with DATE_ORDER_AUTO */
} date_status;

/* Forms: YYYY-MM-DD, YYYY/MM/DD, DD/MM/YYYY, MM/DD/YYYY (one or two digit
 * day and month; surrounding spaces ignored). */
date_status date_parse(const char *text, size_t len, date_order order, date *out);

/* Evidence for the day/month order: DATE_ORDER_DMY when the first number
 * of an xx/xx/YYYY date is above 12, DATE_ORDER_MDY when the second is,
 * DATE_ORDER_AUTO when the text says nothing either way. */
date_order date_order_evidence(const char *text, size_t len);

/* True when text is an xx/xx/YYYY date whose order matters (day != month). */
bool date_needs_order(const char *text, size_t len);

const char *date_status_message(date_status status);

bool date_is_valid(int year, int month, int day);
int date_compare(date a, date b);
/* Days since 1970-01-01 (may be negative). */
long date_to_days(date d);
date date_from_days(long days);

/* Fiscal years.  The fiscal year named Y ends on Y-end_month-end_day;
 * 02-28 and 02-29 both mean the last day of February. */
typedef struct fiscal_calendar {
    int end_month, end_day;
} fiscal_calendar;

/* The year that names the fiscal year containing d. */
int fiscal_year_of(fiscal_calendar cal, date d);
date fiscal_year_start(fiscal_calendar cal, int year);
date fiscal_year_end(fiscal_calendar cal, int year);
/* "2013-2014", or "2014" when the year ends on 12-31; buf >= 10 bytes. */
void fiscal_year_label(fiscal_calendar cal, int year, char *buf, size_t size);

/* Writes YYYY-MM-DD (11 bytes with NUL). */
void date_format_iso(date d, char buf[11]);

#endif
