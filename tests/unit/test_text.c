/* test_text.c - trimming, Unicode comparison keys, header keys, UTF-8
 * validation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/text.h"

static void check_trim(const char *in, const char *expected)
{
    size_t len = strlen(in);
    const char *s = text_trim(in, &len);
    assert_int_equal(len, strlen(expected));
    assert_memory_equal(s, expected, len);
}

static void test_trim(void **state)
{
    (void)state;
    check_trim("  abc  ", "abc");
    check_trim("\t\r\n abc\n", "abc");
    check_trim("\xc2\xa0"
               "abc\xc2\xa0",
               "abc");
    check_trim("\xe2\x80\xaf"
               " abc \xe2\x80\xaf",
               "abc");
    check_trim("a b", "a b");
    check_trim("a\xc2\xa0"
               "b",
               "a\xc2\xa0"
               "b");
    check_trim("", "");
    check_trim("   ", "");
    check_trim("\xc2\xa0\xe2\x80\xaf", "");
    check_trim("caf\xc3\xa9", "caf\xc3\xa9");     /* é ends in 0xA9: kept */
    check_trim("\xc3\xa0", "\xc3\xa0");           /* à ends in 0xA0: kept */
    check_trim("x\xe2\x80\xa0", "x\xe2\x80\xa0"); /* U+2020 is not a space */
}

static void assert_fold(const char *in, const char *expected)
{
    char *key = text_fold_key(in, strlen(in));
    assert_non_null(key);
    assert_string_equal(key, expected);
    free(key);
}

static void test_fold(void **state)
{
    (void)state;
    assert_fold("MONTR\xc3\x89"
                "AL-NORD",
                "montr\xc3\xa9"
                "al-nord");
    assert_fold(" Montr\xc3\xa9"
                "al-Nord",
                "montr\xc3\xa9"
                "al-nord");
    assert_fold("montr\xc3\xa9"
                "al-nord",
                "montr\xc3\xa9"
                "al-nord");
    /* decomposed e + U+0301 composes to the same key */
    assert_fold("Montre\xcc\x81"
                "al-Nord",
                "montr\xc3\xa9"
                "al-nord");
    /* accents kept: they distinguish names */
    assert_fold("Montreal-Nord", "montreal-nord");
    /* full Unicode folding, not ASCII only: ß -> ss, final sigma */
    assert_fold("STRASSE", "strasse");
    assert_fold("Stra\xc3\x9f"
                "e",
                "strasse");
    assert_fold("\xce\xa3\xce\x8a\xce\xa3\xce\xa5\xce\xa6\xce\x9f\xce\xa3",
                "\xcf\x83\xce\xaf\xcf\x83\xcf\x85\xcf\x86\xce\xbf\xcf\x83");
    assert_fold("\xcf\x83\xce\xaf\xcf\x83\xcf\x85\xcf\x86\xce\xbf\xcf\x82",
                "\xcf\x83\xce\xaf\xcf\x83\xcf\x85\xcf\x86\xce\xbf\xcf\x83");
    /* inner white space runs collapse; surrounding ones go */
    assert_fold("  Centre   des\xc2\xa0\tfemmes\xe2\x80\xaf", "centre des femmes");
    assert_fold("", "");
    assert_fold("   ", "");
    /* '-' and '_' are kept in fold keys */
    assert_fold("a_b-c", "a_b-c");
}

static void test_fold_invalid(void **state)
{
    (void)state;
    assert_null(text_fold_key("caf\xe9", 4));
    assert_null(text_header_key("\xff", 1));
}

static void assert_header(const char *in, const char *expected)
{
    char *key = text_header_key(in, strlen(in));
    assert_non_null(key);
    assert_string_equal(key, expected);
    free(key);
}

static void test_header_key(void **state)
{
    (void)state;
    assert_header("D\xc3\xa9"
                  "bit ",
                  "debit");
    assert_header("DEBIT", "debit");
    assert_header("  Cr\xc3\xa9"
                  "dit",
                  "credit");
    assert_header("No de compte", "no de compte");
    assert_header("No. de compte", "no de compte");
    assert_header("no_de_compte", "no de compte");
    assert_header("No - de -- compte", "no de compte");
    assert_header("R\xc3\x89GION", "region");
    assert_header("\xc3\x89quipe", "equipe");
    assert_header("Type d\xe2\x80\x99"
                  "activit\xc3\xa9",
                  "type d'activite");
    assert_header("Type d'activit\xc3\xa9", "type d'activite");
    assert_header("_date_", "date");
    assert_header("Montant ($)", "montant ($)");
}

static void test_utf8(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t len;
        bool valid;
    } cases[] = {
        { "", 0, true },
        { "abc", 3, true },
        { "caf\xc3\xa9", 5, true },
        { "\xe2\x82\xac", 3, true },     /* € */
        { "\xf0\x9f\x98\x80", 4, true }, /* U+1F600 */
        { "\xf4\x8f\xbf\xbf", 4, true }, /* U+10FFFF */
        { "\xed\x9f\xbf", 3, true },     /* U+D7FF */
        { "a\0b", 3, true },
        { "caf\xe9", 4, false }, /* Latin-1 é */
        { "\xc3", 1, false },    /* truncated */
        { "\xe2\x82", 2, false },
        { "\x80", 1, false },     /* lone continuation */
        { "\xc0\xaf", 2, false }, /* overlong '/' */
        { "\xc1\xbf", 2, false },
        { "\xe0\x80\xaf", 3, false },     /* overlong */
        { "\xf0\x80\x80\xaf", 4, false }, /* overlong */
        { "\xed\xa0\x80", 3, false },     /* surrogate U+D800 */
        { "\xed\xbf\xbf", 3, false },     /* surrogate U+DFFF */
        { "\xf4\x90\x80\x80", 4, false }, /* above U+10FFFF */
        { "\xf5\x80\x80\x80", 4, false },
        { "\xff", 1, false },
        { "\xc3\x28", 2, false }, /* bad continuation */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (text_is_utf8(cases[i].s, cases[i].len) != cases[i].valid)
            fail_msg("case %zu: expected %s", i, cases[i].valid ? "valid" : "invalid");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trim),         cmocka_unit_test(test_fold),
        cmocka_unit_test(test_fold_invalid), cmocka_unit_test(test_header_key),
        cmocka_unit_test(test_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
