/* test_fmt.c - French and English money (in dollars, euros, pounds and
 * currency codes), counts, hours, percents, dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "report/fmt.h"

#define NNBSP "\xe2\x80\xaf"
#define NBSP  "\xc2\xa0"

static char buf[FMT_SIZE];

static void test_money_fr(void **state)
{
    (void)state;
    assert_string_equal(fmt_money(buf, sizeof buf, 12500000, false, "CAD", LANG_FR),
                        "125" NNBSP "000" NBSP "$");
    assert_string_equal(fmt_money(buf, sizeof buf, 12498050, true, "CAD", LANG_FR),
                        "124" NNBSP "980,50" NBSP "$");
    assert_string_equal(fmt_money(buf, sizeof buf, -123449, false, "CAD", LANG_FR),
                        "-1" NNBSP "234" NBSP "$");
    assert_string_equal(fmt_money(buf, sizeof buf, -123450, false, "CAD", LANG_FR),
                        "-1" NNBSP "235" NBSP "$");
    assert_string_equal(fmt_money(buf, sizeof buf, 0, false, "CAD", LANG_FR), "0" NBSP "$");
    assert_string_equal(fmt_money(buf, sizeof buf, -40, false, "CAD", LANG_FR), "0" NBSP "$");
    assert_string_equal(fmt_money(buf, sizeof buf, 99999, false, "CAD", LANG_FR),
                        "1" NNBSP "000" NBSP "$");
    assert_string_equal(fmt_money(buf, sizeof buf, 5, true, "CAD", LANG_FR), "0,05" NBSP "$");
}

static void test_money_en(void **state)
{
    (void)state;
    assert_string_equal(fmt_money(buf, sizeof buf, 12500000, false, "CAD", LANG_EN), "$125,000");
    assert_string_equal(fmt_money(buf, sizeof buf, -123400, false, "CAD", LANG_EN), "-$1,234");
    assert_string_equal(fmt_money(buf, sizeof buf, 123456789, true, "CAD", LANG_EN),
                        "$1,234,567.89");
    assert_string_equal(fmt_money(buf, sizeof buf, 100, false, "CAD", LANG_EN), "$1");
}

static void test_money_extremes(void **state)
{
    (void)state;
    assert_string_equal(fmt_money(buf, sizeof buf, INT64_MIN, true, "CAD", LANG_EN),
                        "-$92,233,720,368,547,758.08");
    assert_string_equal(fmt_money(buf, sizeof buf, INT64_MAX, false, "CAD", LANG_EN),
                        "$92,233,720,368,547,758");
    char small[6];
    fmt_money(small, sizeof small, 12500000, false, "CAD", LANG_EN);
    assert_string_equal(small, "$125,"); /* truncated, still terminated */
}

static void test_money_currencies(void **state)
{
    (void)state;
    assert_string_equal(fmt_money(buf, sizeof buf, 175000, false, "USD", LANG_EN), "$1,750");
    assert_string_equal(fmt_money(buf, sizeof buf, 175000, false, NULL, LANG_FR),
                        "1" NNBSP "750" NBSP "$");
    assert_string_equal(fmt_money(buf, sizeof buf, 175050, true, "EUR", LANG_FR),
                        "1" NNBSP "750,50" NBSP "\xe2\x82\xac");
    assert_string_equal(fmt_money(buf, sizeof buf, -175000, false, "EUR", LANG_EN), "-\xe2\x82\xac"
                                                                                    "1,750");
    assert_string_equal(fmt_money(buf, sizeof buf, 175000, false, "GBP", LANG_EN), "\xc2\xa3"
                                                                                   "1,750");
    assert_string_equal(fmt_money(buf, sizeof buf, 175000, false, "CHF", LANG_FR),
                        "1" NNBSP "750" NBSP "CHF");
    assert_string_equal(fmt_money(buf, sizeof buf, 175099, true, "CHF", LANG_EN),
                        "CHF" NBSP "1,750.99");
    assert_string_equal(fmt_money(buf, sizeof buf, -100, false, "JPY", LANG_EN), "-JPY" NBSP "1");
    assert_string_equal(fmt_currency_symbol("CAD"), "$");
    assert_string_equal(fmt_currency_symbol("AUD"), "$");
    assert_string_equal(fmt_currency_symbol("EUR"), "\xe2\x82\xac");
    assert_string_equal(fmt_currency_symbol("CHF"), "CHF");
    assert_string_equal(fmt_currency_symbol("C$"), "$"); /* not a code */
}

static void test_count_hours(void **state)
{
    (void)state;
    assert_string_equal(fmt_count(buf, sizeof buf, 12345, LANG_FR), "12" NNBSP "345");
    assert_string_equal(fmt_count(buf, sizeof buf, 12345, LANG_EN), "12,345");
    assert_string_equal(fmt_count(buf, sizeof buf, -999, LANG_EN), "-999");
    assert_string_equal(fmt_count(buf, sizeof buf, 1000, LANG_EN), "1,000");
    assert_string_equal(fmt_hours(buf, sizeof buf, 123450, LANG_FR), "1" NNBSP "234,5");
    assert_string_equal(fmt_hours(buf, sizeof buf, 123450, LANG_EN), "1,234.5");
    assert_string_equal(fmt_hours(buf, sizeof buf, 123400, LANG_EN), "1,234");
    assert_string_equal(fmt_hours(buf, sizeof buf, 123456, LANG_EN), "1,234.56");
    assert_string_equal(fmt_hours(buf, sizeof buf, 5, LANG_FR), "0,05");
    assert_string_equal(fmt_hours(buf, sizeof buf, -250, LANG_EN), "-2.5");
}

static void test_change_pct(void **state)
{
    (void)state;
    figure f = { .current = 12498000,
                 .previous = 7900000,
                 .change = 4598000,
                 .pct = FIGURE_PCT_VALUE,
                 .change_pct_tenths = 582 };
    assert_string_equal(fmt_change_pct(buf, sizeof buf, &f, LANG_FR), "+58,2" NBSP "%");
    assert_string_equal(fmt_change_pct(buf, sizeof buf, &f, LANG_EN), "+58.2%");
    f.change_pct_tenths = -125;
    assert_string_equal(fmt_change_pct(buf, sizeof buf, &f, LANG_EN), "-12.5%");
    f.change_pct_tenths = 0;
    assert_string_equal(fmt_change_pct(buf, sizeof buf, &f, LANG_FR), "0,0" NBSP "%");
    f.change_pct_tenths = 12000;
    assert_string_equal(fmt_change_pct(buf, sizeof buf, &f, LANG_EN), "+1,200.0%");
    f.pct = FIGURE_PCT_NEW;
    assert_string_equal(fmt_change_pct(buf, sizeof buf, &f, LANG_FR), "nouveau");
    assert_string_equal(fmt_change_pct(buf, sizeof buf, &f, LANG_EN), "new");
    f.pct = FIGURE_PCT_ZERO;
    assert_string_equal(fmt_change_pct(buf, sizeof buf, &f, LANG_FR), "\xe2\x80\x94");
    assert_string_equal(fmt_change_pct(buf, sizeof buf, &f, LANG_EN), "\xe2\x80\x94");
    f.pct = FIGURE_PCT_NEGATIVE;
    assert_string_equal(fmt_change_pct(buf, sizeof buf, &f, LANG_FR), "n.s.");
    assert_string_equal(fmt_change_pct(buf, sizeof buf, &f, LANG_EN), "n.m.");
    assert_null(fmt_pct_word(FIGURE_PCT_VALUE, LANG_FR));
    /* indicators: one decimal always */
    assert_string_equal(fmt_tenths(buf, sizeof buf, 15, false, LANG_FR), "1,5");
    assert_string_equal(fmt_tenths(buf, sizeof buf, 30, false, LANG_EN), "3.0");
    assert_string_equal(fmt_tenths(buf, sizeof buf, -5, false, LANG_EN), "-0.5");
    assert_string_equal(fmt_tenths(buf, sizeof buf, 162, true, LANG_FR), "16,2" NBSP "%");
    assert_string_equal(fmt_tenths(buf, sizeof buf, 1000, true, LANG_EN), "100.0%");
}

static void test_date(void **state)
{
    (void)state;
    assert_string_equal(fmt_date(buf, sizeof buf, (date){ 2014, 3, 31 }, LANG_FR), "31 mars 2014");
    assert_string_equal(fmt_date(buf, sizeof buf, (date){ 2013, 4, 1 }, LANG_FR), "1er avril 2013");
    assert_string_equal(fmt_date(buf, sizeof buf, (date){ 2013, 8, 15 }, LANG_FR), "15 août 2013");
    assert_string_equal(fmt_date(buf, sizeof buf, (date){ 2014, 3, 31 }, LANG_EN),
                        "March 31, 2014");
    assert_string_equal(fmt_date(buf, sizeof buf, (date){ 2014, 13, 1 }, LANG_EN), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_money_fr),       cmocka_unit_test(test_money_en),
        cmocka_unit_test(test_money_extremes), cmocka_unit_test(test_money_currencies),
        cmocka_unit_test(test_count_hours),    cmocka_unit_test(test_change_pct),
        cmocka_unit_test(test_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
