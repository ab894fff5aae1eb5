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
#include "lib/strmap_test.h"

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
    strmap_put(m, "a", 1, 10); /* replace */
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
    strcpy(key, "xyz"); /* the map kept its own copy */
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

/* 64-bit FNV-1a as the map used it, reduced to its low 16 bits: they
 * depend on nothing else, so keys that share them are easy to make. */
enum { FNV_BASIS_LOW = 0x2325, FNV_PRIME_LOW = 0x01B3 };

static uint16_t fnv_step(uint16_t h, unsigned char c)
{
    return (uint16_t)((h ^ c) * FNV_PRIME_LOW);
}

/* Writes to key a name (made of i) and three bytes after it that give
 * the whole key the low 16 hash bits target; returns its length. */
static size_t colliding_key(size_t i, uint16_t target, char *key)
{
    uint16_t inverse = FNV_PRIME_LOW; /* Newton: prime^-1 mod 2^16 */
    for (int k = 0; k < 4; k++)
        inverse =
            (uint16_t)((uint32_t)inverse * (uint16_t)(2u - (uint32_t)FNV_PRIME_LOW * inverse));
    uint16_t want = (uint16_t)((uint32_t)target * inverse); /* the state before the last xor */
    int n = snprintf(key, 32, "partner %zu ", i);
    uint16_t h = FNV_BASIS_LOW;
    for (int k = 0; k < n; k++)
        h = fnv_step(h, (unsigned char)key[k]);
    for (unsigned a = 0; a < 256; a++) {
        for (unsigned b = 0; b < 256; b++) {
            uint16_t y = fnv_step(fnv_step(h, (unsigned char)a), (unsigned char)b);
            if ((y >> 8) != (want >> 8))
                continue;
            key[n] = (char)a;
            key[n + 1] = (char)b;
            key[n + 2] = (char)((y ^ want) & 0xFF);
            return (size_t)n + 3;
        }
    }
    fail_msg("no key for %zu", i);
    return 0;
}

static void test_crafted_collisions(void **state)
{
    (void)state;
    /* Names crafted to collide in an unseeded hash (here FNV-1a, as the
     * map had) must not make the map quadratic: its hash is seeded. */
    enum { N = 20000 };
    strmap *m = strmap_new();
    char key[40];
    for (size_t i = 0; i < N; i++)
        strmap_put(m, key, colliding_key(i, 0x5A5A, key), i);
    for (size_t i = 0; i < N; i++) {
        size_t v;
        assert_true(strmap_get(m, key, colliding_key(i, 0x5A5A, key), &v));
        assert_int_equal(v, i);
    }
    assert_int_equal(strmap_count(m), N);
    assert_in_range(strmap_probes(m), 0, 10 * N);
    strmap_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_growth),
        cmocka_unit_test(test_crafted_collisions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
