/* test_compute.c - year-over-year change: rounding, the null rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "compute.h"

static int64_t pct(int64_t current, int64_t previous)
{
    figure f = figure_make(current, previous);
    assert_true(f.has_pct);
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

static void test_change_pct_uses_absolute_previous(void **state)
{
    (void)state;
    /* From a deficit of 100 to a surplus of 50: +150 / |-100| = +150 %. */
    assert_int_equal(pct(50, -100), 1500);
    /* From -100 to -150: -50 / 100 = -50 %. */
    assert_int_equal(pct(-150, -100), -500);
}

static void test_change_pct_null_when_previous_zero(void **state)
{
    (void)state;
    figure f = figure_make(12345, 0);
    assert_false(f.has_pct);
    assert_int_equal(f.change, 12345);
    f = figure_make(0, 0);
    assert_false(f.has_pct);
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
        cmocka_unit_test(test_change_pct_uses_absolute_previous),
        cmocka_unit_test(test_change_pct_null_when_previous_zero),
        cmocka_unit_test(test_change_pct_large_values),
        cmocka_unit_test(test_change_pct_beyond_int64_saturates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
