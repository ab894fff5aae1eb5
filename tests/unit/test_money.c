/* test_money.c - amounts: every accepted form, every error, the decimal
 * mark evidence, checked addition. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "parse/money.h"

typedef struct amount_case {
    const char *text;
    money_decimal decimal;
    money_status status;
    int64_t cents; /* when MONEY_OK */
} amount_case;

#define A MONEY_DECIMAL_AUTO
#define P MONEY_DECIMAL_POINT
#define C MONEY_DECIMAL_COMMA

static const amount_case cases[] = {
    /* the contract's forms, auto */
    { "1234.56", A, MONEY_OK, 123456 },
    { "1,234.56", A, MONEY_OK, 123456 },
    { "1 234,56", A, MONEY_OK, 123456 },
    { "1\xc2\xa0"
      "234,56",
      A, MONEY_OK, 123456 }, /* U+00A0 */
    { "1\xe2\x80\xaf"
      "234,56",
      A, MONEY_OK, 123456 }, /* U+202F */
    { "1234,56", A, MONEY_OK, 123456 },
    { "-1234.56", A, MONEY_OK, -123456 },
    { "+12", A, MONEY_OK, 1200 },
    { "(1 234,56)", A, MONEY_OK, -123456 },
    { "( 1 234,56 $ )", A, MONEY_OK, -123456 },
    { "($1,234.56)", A, MONEY_OK, -123456 },
    { "1 234,56 $", A, MONEY_OK, 123456 },
    { "1 234,56\xc2\xa0$", A, MONEY_OK, 123456 },
    { "$1,234.56", A, MONEY_OK, 123456 },
    { "-$5", A, MONEY_OK, -500 },
    { "$-5", A, MONEY_OK, -500 },
    { "- 5", A, MONEY_OK, -500 },
    { "-5 $", A, MONEY_OK, -500 },
    /* euro and pound marks, like the dollar */
    { "1 234,56 \xe2\x82\xac", A, MONEY_OK, 123456 },
    { "1.234,56\xc2\xa0\xe2\x82\xac", A, MONEY_OK, 123456 },
    { "\xe2\x82\xac"
      "1,234.56",
      A, MONEY_OK, 123456 },
    { "-\xe2\x82\xac"
      "5",
      A, MONEY_OK, -500 },
    { "\xe2\x82\xac-5", A, MONEY_OK, -500 },
    { "(\xe2\x82\xac"
      "5)",
      A, MONEY_OK, -500 },
    { "\xc2\xa3"
      "12.50",
      A, MONEY_OK, 1250 },
    { "12,50 \xc2\xa3", A, MONEY_OK, 1250 },
    { "-\xc2\xa3"
      "12",
      A, MONEY_OK, -1200 },
    { "12.5", A, MONEY_OK, 1250 },
    { "12,5", A, MONEY_OK, 1250 },
    { "12.50", A, MONEY_OK, 1250 },
    { ".5", A, MONEY_OK, 50 },
    { ",05", A, MONEY_OK, 5 },
    { "0", A, MONEY_OK, 0 },
    { "-0", A, MONEY_OK, 0 },
    { "007", A, MONEY_OK, 700 },
    { "  42  ", A, MONEY_OK, 4200 },
    { "1234", A, MONEY_OK, 123400 },
    { "1 234", A, MONEY_OK, 123400 },
    { "1 234 567", A, MONEY_OK, 123456700 },
    { "1,234,567", A, MONEY_OK, 123456700 },
    { "1.234.567", A, MONEY_OK, 123456700 },
    { "1.234.567,89", A, MONEY_OK, 123456789 },
    { "1,234,567.89", A, MONEY_OK, 123456789 },
    { "1234,567", A, MONEY_DECIMALS, 0 },  /* 4-digit group: a mark */
    { "0,125", A, MONEY_DECIMALS, 0 },     /* a leading 0 is no group */
    { "1 234,567", A, MONEY_DECIMALS, 0 }, /* spaces group: ',' is the mark */
    /* ambiguous */
    { "1,234", A, MONEY_AMBIGUOUS, 0 },
    { "1.234", A, MONEY_AMBIGUOUS, 0 },
    { "-123,456", A, MONEY_AMBIGUOUS, 0 },
    /* a set mark */
    { "1,234", P, MONEY_OK, 123400 },
    { "1.234", C, MONEY_OK, 123400 },
    { "12,50", P, MONEY_SYNTAX, 0 },
    { "12.50", C, MONEY_SYNTAX, 0 },
    { "12.50", P, MONEY_OK, 1250 },
    { "12,50", C, MONEY_OK, 1250 },
    { "1 234.56", P, MONEY_OK, 123456 },
    { "1.234", P, MONEY_DECIMALS, 0 },
    { "1,234.56", C, MONEY_SYNTAX, 0 },
    { "1.234,56", P, MONEY_SYNTAX, 0 },
    { "1234", C, MONEY_OK, 123400 },
    /* errors */
    { "", A, MONEY_EMPTY, 0 },
    { "   ", A, MONEY_EMPTY, 0 },
    { "\xc2\xa0", A, MONEY_EMPTY, 0 },
    { "abc", A, MONEY_SYNTAX, 0 },
    { "12a", A, MONEY_SYNTAX, 0 },
    { "1e5", A, MONEY_SYNTAX, 0 },
    { "12,34,5", A, MONEY_SYNTAX, 0 },
    { "1.2.3", A, MONEY_SYNTAX, 0 },
    { "1.2.3", P, MONEY_SYNTAX, 0 },
    { "1,23,456", A, MONEY_SYNTAX, 0 },
    { "1234,567,890", A, MONEY_SYNTAX, 0 },
    { ",123,456", A, MONEY_SYNTAX, 0 },
    { "1,234,", A, MONEY_SYNTAX, 0 },
    { "1,,234", P, MONEY_SYNTAX, 0 },
    { "1 234.567,8", A, MONEY_SYNTAX, 0 }, /* two kinds of grouping */
    { "12.", A, MONEY_SYNTAX, 0 },
    { ".", A, MONEY_SYNTAX, 0 },
    { "-", A, MONEY_SYNTAX, 0 },
    { "$", A, MONEY_SYNTAX, 0 },
    { "()", A, MONEY_SYNTAX, 0 },
    { "(12", A, MONEY_SYNTAX, 0 },
    { "(-12)", A, MONEY_SYNTAX, 0 },
    { "--12", A, MONEY_SYNTAX, 0 },
    { "+-12", A, MONEY_SYNTAX, 0 },
    { "12-", A, MONEY_SYNTAX, 0 },
    { "$12$", A, MONEY_SYNTAX, 0 },
    { "\xe2\x82\xac", A, MONEY_SYNTAX, 0 },
    { "$12\xe2\x82\xac", A, MONEY_SYNTAX, 0 }, /* one mark at most */
    { "\xe2\x82\xac"
      "12\xc2\xa3",
      A, MONEY_SYNTAX, 0 },
    { "\xe2\x82", A, MONEY_SYNTAX, 0 }, /* a cut mark */
    { "12.345", P, MONEY_DECIMALS, 0 },
    { "12,3456", A, MONEY_DECIMALS, 0 },
    { "0.001", P, MONEY_DECIMALS, 0 },
    /* range: INT64_MAX cents is 92233720368547758.07 */
    { "92233720368547758.07", A, MONEY_OK, INT64_MAX },
    { "-92233720368547758.07", A, MONEY_OK, -INT64_MAX },
    { "92233720368547758.08", A, MONEY_OVERFLOW, 0 },
    { "92233720368547759", A, MONEY_OVERFLOW, 0 },
    { "99999999999999999999999999", A, MONEY_OVERFLOW, 0 },
};

static void test_forms(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const amount_case *c = &cases[i];
        int64_t cents = -1;
        money_status st = money_parse(c->text, strlen(c->text), c->decimal, &cents);
        if (st != c->status || (st == MONEY_OK && cents != c->cents))
            fail_msg("'%s' (decimal %d): status %d cents %lld, expected %d %lld", c->text,
                     (int)c->decimal, (int)st, (long long)cents, (int)c->status,
                     (long long)c->cents);
    }
}

/* The length is respected: the text need not be NUL-terminated. */
static void test_length(void **state)
{
    (void)state;
    int64_t cents;
    assert_int_equal(money_parse("12.50xyz", 5, MONEY_DECIMAL_AUTO, &cents), MONEY_OK);
    assert_int_equal(cents, 1250);
    assert_int_equal(money_parse("12", 0, MONEY_DECIMAL_AUTO, &cents), MONEY_EMPTY);
}

static void test_unchanged_on_error(void **state)
{
    (void)state;
    int64_t cents = 77;
    assert_int_equal(money_parse("x", 1, MONEY_DECIMAL_AUTO, &cents), MONEY_SYNTAX);
    assert_int_equal(cents, 77);
}

typedef struct evidence_case {
    const char *text;
    money_evidence evidence;
} evidence_case;

static void test_evidence(void **state)
{
    (void)state;
    static const evidence_case ev[] = {
        { "1234", MONEY_EVIDENCE_NONE },          { "1,234", MONEY_EVIDENCE_NONE },
        { "1.234", MONEY_EVIDENCE_NONE },         { "", MONEY_EVIDENCE_NONE },
        { "abc", MONEY_EVIDENCE_NONE },           { "1 234", MONEY_EVIDENCE_NONE },
        { "12,34,5", MONEY_EVIDENCE_NONE },       { "12.50", MONEY_EVIDENCE_POINT },
        { "1,234.56", MONEY_EVIDENCE_POINT },     { "1,234,567", MONEY_EVIDENCE_POINT },
        { "$1,234.56", MONEY_EVIDENCE_POINT },    { ".5", MONEY_EVIDENCE_POINT },
        { "12,50", MONEY_EVIDENCE_COMMA },        { "12,5", MONEY_EVIDENCE_COMMA },
        { "1 234,56", MONEY_EVIDENCE_COMMA },     { "1.234.567", MONEY_EVIDENCE_COMMA },
        { "(1 234,56 $)", MONEY_EVIDENCE_COMMA },
    };
    for (size_t i = 0; i < sizeof ev / sizeof ev[0]; i++) {
        money_evidence e = money_evidence_of(ev[i].text, strlen(ev[i].text));
        if (e != ev[i].evidence)
            fail_msg("'%s': evidence %d, expected %d", ev[i].text, (int)e, (int)ev[i].evidence);
    }
}

static void test_messages(void **state)
{
    (void)state;
    assert_string_equal(money_status_message(MONEY_SYNTAX), "is not an amount");
    assert_string_equal(money_status_message(MONEY_DECIMALS), "has more than two decimals");
    assert_string_equal(money_status_message(MONEY_AMBIGUOUS),
                        "has an ambiguous decimal separator (set [csv] decimal in report.ini)");
    assert_string_equal(money_status_message(MONEY_OVERFLOW), "is out of range");
    assert_string_equal(money_status_message(MONEY_EMPTY), "is empty");
}

static void test_add(void **state)
{
    (void)state;
    int64_t out = 5;
    assert_true(money_add(2, 3, &out));
    assert_int_equal(out, 5);
    assert_true(money_add(INT64_MAX, -1, &out));
    assert_true(money_add(INT64_MAX - 1, 1, &out));
    assert_true(out == INT64_MAX);
    out = 9;
    assert_false(money_add(INT64_MAX, 1, &out));
    assert_int_equal(out, 9);
    assert_false(money_add(INT64_MIN, -1, &out));
    assert_int_equal(out, 9);
    assert_true(money_add(INT64_MIN, 1, &out));
    assert_true(out == INT64_MIN + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_length),
        cmocka_unit_test(test_unchanged_on_error),
        cmocka_unit_test(test_evidence),
        cmocka_unit_test(test_messages),
        cmocka_unit_test(test_add),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
