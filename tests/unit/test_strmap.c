/* test_strmap.c - the string -> size_t hash map: put, replace, get,
 * growth, keys copied, lengths respected. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "lib/strmap.h"

static void test_basic(void **state)
{
    (void)state;
    strmap *m = strmap_new();
    size_t v = 99;
    assert_int_equal(strmap_count(m), 0);
    assert_false(strmap_get(m, "a", 1, &v));
    assert_int_equal(v, 99);
    strmap_put(m, "a", 1, 1);
    strmap_put(m, "b", 1, 2);
    assert_true(strmap_get(m, "a", 1, &v));
    assert_int_equal(v, 1);
    assert_true(strmap_get(m, "b", 1, &v));
    assert_int_equal(v, 2);
    strmap_put(m, "a", 1, 10);             /* replace */
    assert_true(strmap_get(m, "a", 1, &v));
    assert_int_equal(v, 10);
    assert_int_equal(strmap_count(m), 2);
    strmap_free(m);
    strmap_free(NULL);
}

static void test_keys(void **state)
{
    (void)state;
    strmap *m = strmap_new();
    char key[8] = "abc";
    strmap_put(m, key, 3, 7);
    strcpy(key, "xyz");                    /* the map kept its own copy */
    size_t v;
    assert_true(strmap_get(m, "abc", 3, &v));
    assert_int_equal(v, 7);
    assert_false(strmap_get(m, "xyz", 3, &v));
    /* lengths, not NUL, delimit keys: "ab" is a prefix, not the key */
    assert_false(strmap_get(m, "abcd", 2, &v));
    assert_true(strmap_get(m, "abcd", 3, &v));
    /* the empty key and keys with NUL bytes */
    strmap_put(m, "", 0, 1);
    strmap_put(m, "a\0b", 3, 2);
    strmap_put(m, "a\0c", 3, 3);
    assert_true(strmap_get(m, "", 0, &v));
    assert_int_equal(v, 1);
    assert_true(strmap_get(m, "a\0c", 3, &v));
    assert_int_equal(v, 3);
    assert_int_equal(strmap_count(m), 4);
    strmap_free(m);
}

static void test_growth(void **state)
{
    (void)state;
    strmap *m = strmap_new();
    char key[32];
    enum { N = 100000 };
    for (size_t i = 0; i < N; i++) {
        int n = snprintf(key, sizeof key, "key-%zu", i);
        strmap_put(m, key, (size_t)n, i * 3);
    }
    assert_int_equal(strmap_count(m), N);
    for (size_t i = 0; i < N; i++) {
        int n = snprintf(key, sizeof key, "key-%zu", i);
        size_t v;
        assert_true(strmap_get(m, key, (size_t)n, &v));
        assert_int_equal(v, i * 3);
    }
    assert_false(strmap_get(m, "key-100000", 10, &(size_t){ 0 }));
    strmap_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_growth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
