/* test_compute.c - year-over-year change: rounding, the null rules (a
 * base of 0: "new" or "—"; a negative base: "n.s."). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "compute.h"

static int64_t pct(int64_t current, int64_t previous)
{
    figure f = figure_make(current, previous);
    assert_int_equal(f.pct, FIGURE_PCT_VALUE);
    assert_int_equal(f.change, current - previous);
    return f.change_pct_tenths;
}

static void test_change_pct_reference(void **state)
{
    (void)state;
    /* The reference report: 79 000 $ -> 124 980 $ is +58.2 %. */
    assert_int_equal(pct(12498000, 7900000), 582);
    assert_int_equal(pct(12500000, 7900000), 582);
}

static void test_change_pct_rounds_half_away_from_zero(void **state)
{
    (void)state;
    /* 1/8 = 12.5 % exactly -> 12.5; 1/16 = 6.25 % -> 6.3; -6.25 % -> -6.3 */
    assert_int_equal(pct(900, 800), 125);
    assert_int_equal(pct(1700, 1600), 63);
    assert_int_equal(pct(1500, 1600), -63);
    /* 0.05 % -> 0.1, -0.05 % -> -0.1, 0.04 % -> 0.0 */
    assert_int_equal(pct(20010, 20000), 1);
    assert_int_equal(pct(19990, 20000), -1);
    assert_int_equal(pct(20008, 20000), 0);
}

static void test_change_pct_null_when_previous_negative(void **state)
{
    (void)state;
    /* The sample's net: a deficit of 6 742,18 $ that becomes a surplus of
     * 14 326,91 $ is not "+312.5 %". */
    figure f = figure_make(1432691, -674218);
    assert_int_equal(f.pct, FIGURE_PCT_NEGATIVE);
    assert_int_equal(f.change, 2106909);
    assert_int_equal(f.change_pct_tenths, 0);
    f = figure_make(-150, -100);
    assert_int_equal(f.pct, FIGURE_PCT_NEGATIVE);
    f = figure_make(0, -1);
    assert_int_equal(f.pct, FIGURE_PCT_NEGATIVE);
    int64_t tenths = 7;
    assert_false(figure_change_pct_tenths(50, -100, &tenths, NULL));
    /* one cent above 0 is a base */
    assert_int_equal(pct(2, 1), 1000);
    assert_int_equal(pct(-1, 1), -2000);
}

static void test_change_pct_null_when_previous_zero(void **state)
{
    (void)state;
    figure f = figure_make(12345, 0);
    assert_int_equal(f.pct, FIGURE_PCT_NEW);
    assert_int_equal(f.change, 12345);
    f = figure_make(-12345, 0);
    assert_int_equal(f.pct, FIGURE_PCT_NEW);
    f = figure_make(0, 0);
    assert_int_equal(f.pct, FIGURE_PCT_ZERO);
    assert_int_equal(f.change, 0);
}

static void test_change_pct_large_values(void **state)
{
    (void)state;
    /* change x 1000 would overflow int64; the result must not. */
    int64_t big = INT64_C(4000000000000000000);
    assert_int_equal(pct(big, big / 2), 1000);
}

static void test_change_pct_beyond_int64_saturates(void **state)
{
    (void)state;
    /* 10^17 cents against one cent: 10^22 tenths of a percent do not fit;
     * the value saturates (compute_figures reports such a figure). */
    int64_t tenths = 0;
    bool clamped = false;
    assert_true(figure_change_pct_tenths(INT64_C(100000000000000000), 1, &tenths, &clamped));
    assert_int_equal(tenths, INT64_MAX);
    assert_true(clamped);
    assert_true(figure_change_pct_tenths(100, 50, &tenths, &clamped));
    assert_int_equal(tenths, 2000);
    assert_false(clamped);
    assert_true(figure_change_pct_tenths(-INT64_C(100000000000000000), 1, &tenths, NULL));
    assert_int_equal(tenths, -INT64_MAX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_change_pct_reference),
        cmocka_unit_test(test_change_pct_rounds_half_away_from_zero),
        cmocka_unit_test(test_change_pct_null_when_previous_negative),
        cmocka_unit_test(test_change_pct_null_when_previous_zero),
        cmocka_unit_test(test_change_pct_large_values),
        cmocka_unit_test(test_change_pct_beyond_int64_saturates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
