/* test_date.c - date forms, validity, day/month order, day numbers, fiscal
 * years and their labels. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "parse/date.h"

typedef struct date_case {
    const char *text;
    date_order order;
    date_status status;
    int year, month, day;
} date_case;

#define AUTO DATE_ORDER_AUTO
#define DMY  DATE_ORDER_DMY
#define MDY  DATE_ORDER_MDY

static const date_case cases[] = {
    { "2014-03-31", AUTO, DATE_OK, 2014, 3, 31 },
    { "2014/03/31", AUTO, DATE_OK, 2014, 3, 31 },
    { "2014-3-5", AUTO, DATE_OK, 2014, 3, 5 },
    { "  2014-03-31 ", AUTO, DATE_OK, 2014, 3, 31 },
    { "2014-03-31 00:00:00", AUTO, DATE_OK, 2014, 3, 31 },
    { "2014-03-31T12:30", AUTO, DATE_OK, 2014, 3, 31 },
    { "31/03/2014", AUTO, DATE_OK, 2014, 3, 31 }, /* day > 12 tells */
    { "03/31/2014", AUTO, DATE_OK, 2014, 3, 31 },
    { "05/05/2014", AUTO, DATE_OK, 2014, 5, 5 }, /* same either way */
    { "3/4/2014", DMY, DATE_OK, 2014, 4, 3 },
    { "3/4/2014", MDY, DATE_OK, 2014, 3, 4 },
    { "03/04/2014", DMY, DATE_OK, 2014, 4, 3 },
    { "31-03-2014", AUTO, DATE_OK, 2014, 3, 31 },
    { "2012-02-29", AUTO, DATE_OK, 2012, 2, 29 },
    { "2000-02-29", AUTO, DATE_OK, 2000, 2, 29 },
    { "29/02/2016", DMY, DATE_OK, 2016, 2, 29 },
    /* ambiguous */
    { "03/04/2014", AUTO, DATE_AMBIGUOUS, 0, 0, 0 },
    { "12/1/2014", AUTO, DATE_AMBIGUOUS, 0, 0, 0 },
    /* invalid days */
    { "2014-02-30", AUTO, DATE_INVALID, 0, 0, 0 },
    { "2013-02-29", AUTO, DATE_INVALID, 0, 0, 0 },
    { "1900-02-29", AUTO, DATE_INVALID, 0, 0, 0 },
    { "2014-13-01", AUTO, DATE_INVALID, 0, 0, 0 },
    { "2014-00-10", AUTO, DATE_INVALID, 0, 0, 0 },
    { "2014-04-31", AUTO, DATE_INVALID, 0, 0, 0 },
    { "0000-01-01", AUTO, DATE_INVALID, 0, 0, 0 },
    { "31/03/2014", MDY, DATE_INVALID, 0, 0, 0 },
    { "03/31/2014", DMY, DATE_INVALID, 0, 0, 0 },
    { "31/02/2014", AUTO, DATE_INVALID, 0, 0, 0 },
    { "13/13/2014", AUTO, DATE_INVALID, 0, 0, 0 },
    { "0/5/2014", AUTO, DATE_INVALID, 0, 0, 0 },
    /* not dates */
    { "", AUTO, DATE_EMPTY, 0, 0, 0 },
    { "   ", AUTO, DATE_EMPTY, 0, 0, 0 },
    { "2014", AUTO, DATE_SYNTAX, 0, 0, 0 },
    { "2014-03", AUTO, DATE_SYNTAX, 0, 0, 0 },
    { "14-03-31", AUTO, DATE_SYNTAX, 0, 0, 0 },
    { "31/03/14", AUTO, DATE_SYNTAX, 0, 0, 0 },
    { "2014-03/31", AUTO, DATE_SYNTAX, 0, 0, 0 },
    { "2014-003-01", AUTO, DATE_SYNTAX, 0, 0, 0 },
    { "20140-03-01", AUTO, DATE_SYNTAX, 0, 0, 0 },
    { "31.03.2014", AUTO, DATE_SYNTAX, 0, 0, 0 },
    { "March 31, 2014", AUTO, DATE_SYNTAX, 0, 0, 0 },
    { "2014-03-31x", AUTO, DATE_SYNTAX, 0, 0, 0 },
    { "2014-03-31 25:00", AUTO, DATE_SYNTAX, 0, 0, 0 },
    { "2014-03-31 12", AUTO, DATE_SYNTAX, 0, 0, 0 },
};

static void test_forms(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const date_case *c = &cases[i];
        date d = { 0, 0, 0 };
        date_status st = date_parse(c->text, strlen(c->text), c->order, &d);
        if (st != c->status ||
            (st == DATE_OK && (d.year != c->year || d.month != c->month || d.day != c->day)))
            fail_msg("'%s' (order %d): status %d %d-%d-%d, expected %d %d-%d-%d", c->text,
                     (int)c->order, (int)st, d.year, d.month, d.day, (int)c->status, c->year,
                     c->month, c->day);
    }
}

static void test_length(void **state)
{
    (void)state;
    date d;
    assert_int_equal(date_parse("2014-03-31junk", 10, DATE_ORDER_AUTO, &d), DATE_OK);
    assert_int_equal(d.day, 31);
}

static void test_order_evidence(void **state)
{
    (void)state;
    assert_int_equal(date_order_evidence("31/03/2014", 10), DATE_ORDER_DMY);
    assert_int_equal(date_order_evidence("03/31/2014", 10), DATE_ORDER_MDY);
    assert_int_equal(date_order_evidence("3/4/2014", 8), DATE_ORDER_AUTO);
    assert_int_equal(date_order_evidence("05/05/2014", 10), DATE_ORDER_AUTO);
    assert_int_equal(date_order_evidence("2014-03-31", 10), DATE_ORDER_AUTO);
    assert_int_equal(date_order_evidence("45/03/2014", 10), DATE_ORDER_AUTO);
    assert_int_equal(date_order_evidence("junk", 4), DATE_ORDER_AUTO);

    assert_true(date_needs_order("03/04/2014", 10));
    assert_true(date_needs_order("31/03/2014", 10));
    assert_false(date_needs_order("05/05/2014", 10));
    assert_false(date_needs_order("2014-03-04", 10));
    assert_false(date_needs_order("", 0));
}

static void test_days(void **state)
{
    (void)state;
    assert_int_equal(date_to_days((date){ 1970, 1, 1 }), 0);
    assert_int_equal(date_to_days((date){ 1970, 1, 2 }), 1);
    assert_int_equal(date_to_days((date){ 1969, 12, 31 }), -1);
    assert_int_equal(date_to_days((date){ 2000, 3, 1 }), 11017);
    assert_int_equal(date_to_days((date){ 2014, 3, 31 }), 16160);
    assert_int_equal(date_to_days((date){ 1, 1, 1 }), -719162);
    /* Round trip, and consecutive days, over four centuries and more. */
    date prev = date_from_days(-150000);
    for (long n = -149999; n < 150000; n++) {
        date d = date_from_days(n);
        assert_true(date_is_valid(d.year, d.month, d.day));
        assert_int_equal(date_to_days(d), n);
        assert_int_equal(date_compare(prev, d), -1);
        prev = d;
    }
}

static void test_valid_compare(void **state)
{
    (void)state;
    assert_true(date_is_valid(2016, 2, 29));
    assert_false(date_is_valid(2100, 2, 29));
    assert_true(date_is_valid(2400, 2, 29));
    assert_false(date_is_valid(2014, 6, 31));
    assert_int_equal(date_compare((date){ 2014, 3, 31 }, (date){ 2014, 4, 1 }), -1);
    assert_int_equal(date_compare((date){ 2014, 4, 1 }, (date){ 2014, 3, 31 }), 1);
    assert_int_equal(date_compare((date){ 2014, 4, 1 }, (date){ 2014, 4, 1 }), 0);
    assert_int_equal(date_compare((date){ 2013, 12, 31 }, (date){ 2014, 1, 1 }), -1);
}

static void assert_date(date d, int y, int m, int day)
{
    assert_int_equal(d.year, y);
    assert_int_equal(d.month, m);
    assert_int_equal(d.day, day);
}

static void test_fiscal_years(void **state)
{
    (void)state;
    fiscal_calendar march = { 3, 31 };
    assert_int_equal(fiscal_year_of(march, (date){ 2013, 3, 31 }), 2013);
    assert_int_equal(fiscal_year_of(march, (date){ 2013, 4, 1 }), 2014);
    assert_int_equal(fiscal_year_of(march, (date){ 2014, 3, 31 }), 2014);
    assert_int_equal(fiscal_year_of(march, (date){ 2014, 1, 1 }), 2014);
    assert_int_equal(fiscal_year_of(march, (date){ 2013, 12, 31 }), 2014);
    assert_date(fiscal_year_start(march, 2014), 2013, 4, 1);
    assert_date(fiscal_year_end(march, 2014), 2014, 3, 31);

    char label[16];
    fiscal_year_label(march, 2014, label, sizeof label);
    assert_string_equal(label, "2013-2014");

    fiscal_calendar december = { 12, 31 };
    assert_int_equal(fiscal_year_of(december, (date){ 2014, 12, 31 }), 2014);
    assert_int_equal(fiscal_year_of(december, (date){ 2015, 1, 1 }), 2015);
    assert_date(fiscal_year_start(december, 2014), 2014, 1, 1);
    fiscal_year_label(december, 2014, label, sizeof label);
    assert_string_equal(label, "2014");

    fiscal_calendar june = { 6, 30 };
    assert_date(fiscal_year_start(june, 2014), 2013, 7, 1);
    assert_int_equal(fiscal_year_of(june, (date){ 2013, 7, 1 }), 2014);
    assert_int_equal(fiscal_year_of(june, (date){ 2013, 6, 30 }), 2013);

    /* A 02-29 year end falls on 02-28 in common years. */
    fiscal_calendar leap = { 2, 29 };
    assert_date(fiscal_year_end(leap, 2015), 2015, 2, 28);
    assert_date(fiscal_year_end(leap, 2016), 2016, 2, 29);
    assert_date(fiscal_year_start(leap, 2016), 2015, 3, 1);
    assert_int_equal(fiscal_year_of(leap, (date){ 2016, 2, 29 }), 2016);
    assert_int_equal(fiscal_year_of(leap, (date){ 2015, 3, 1 }), 2016);

    /* 02-28 means the same: the last day of February, in leap years too. */
    fiscal_calendar feb28 = { 2, 28 };
    assert_date(fiscal_year_end(feb28, 2015), 2015, 2, 28);
    assert_date(fiscal_year_end(feb28, 2016), 2016, 2, 29);
    assert_date(fiscal_year_start(feb28, 2017), 2016, 3, 1);
    assert_int_equal(fiscal_year_of(feb28, (date){ 2016, 2, 29 }), 2016);
    assert_int_equal(fiscal_year_of(feb28, (date){ 2016, 3, 1 }), 2017);
}

static void test_format(void **state)
{
    (void)state;
    char buf[11];
    date_format_iso((date){ 2014, 3, 5 }, buf);
    assert_string_equal(buf, "2014-03-05");
    date_format_iso((date){ 999, 12, 31 }, buf);
    assert_string_equal(buf, "0999-12-31");
}

static void test_messages(void **state)
{
    (void)state;
    for (int s = DATE_OK; s <= DATE_AMBIGUOUS; s++)
        assert_non_null(date_status_message((date_status)s));
    assert_string_equal(date_status_message(DATE_EMPTY), "is empty");
    assert_non_null(strstr(date_status_message(DATE_AMBIGUOUS), "date_order"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),          cmocka_unit_test(test_length),
        cmocka_unit_test(test_order_evidence), cmocka_unit_test(test_days),
        cmocka_unit_test(test_valid_compare),  cmocka_unit_test(test_fiscal_years),
        cmocka_unit_test(test_format),         cmocka_unit_test(test_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
