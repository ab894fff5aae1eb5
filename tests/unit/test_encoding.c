/* test_encoding.c - Windows-1252 to UTF-8, UTF-8 pieces, what XML forbids
 * (the encoding a file is read in is tested with the CSV reader). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parse/encoding.h"

static void check_cp1252(const char *in, const char *expected)
{
    size_t len = strlen(in);
    char *out = encoding_from_cp1252_dup(in, &len);
    assert_non_null(out);
    assert_int_equal(len, strlen(expected));
    assert_string_equal(out, expected);
    free(out);
}

static void test_cp1252(void **state)
{
    (void)state;
    check_cp1252("abc", "abc");
    check_cp1252("Montr\xe9"
                 "al",
                 "Montr\xc3\xa9"
                 "al");                                               /* é */
    check_cp1252("\x80 5", "\xe2\x82\xac 5");                         /* € */
    check_cp1252("\x92\x85\x9f", "\xe2\x80\x99\xe2\x80\xa6\xc5\xb8"); /* ’ … Ÿ */
    check_cp1252("\xa0\xff", "\xc2\xa0\xc3\xbf");                     /* NBSP ÿ */
    check_cp1252("", "");
}

static void test_cp1252_every_byte(void **state)
{
    (void)state;
    /* Each defined byte gives one character; the five undefined stop. */
    for (int b = 1; b < 256; b++) {
        unsigned char in = (unsigned char)b;
        char out[4];
        size_t written = 0;
        size_t done = encoding_from_cp1252(&in, 1, out, &written);
        bool undefined = b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
        assert_int_equal(done, undefined ? 0 : 1);
        if (undefined)
            assert_int_equal(written, 0);
        else if (b < 0x80)
            assert_int_equal(written, 1);
        else if (b >= 0xA0)
            assert_int_equal(written, 2);
        else /* Œ, Š, ƒ ... take 2 bytes, €, ’, … 3 */
            assert_in_range(written, 2, 3);
    }
}

static void test_cp1252_undefined(void **state)
{
    (void)state;
    size_t len = 5;
    assert_null(encoding_from_cp1252_dup("ab\x81"
                                         "cd",
                                         &len));
    const unsigned char in[] = "ab\x9d"
                               "cd";
    char out[16];
    size_t written;
    assert_int_equal(encoding_from_cp1252(in, 5, out, &written), 2);
    assert_int_equal(written, 2);
    /* A NUL byte is converted like any other: callers decide. */
    assert_int_equal(encoding_from_cp1252((const unsigned char *)"a\0b", 3, out, &written), 3);
    assert_int_equal(written, 3);
}

static void test_pieces(void **state)
{
    (void)state;
    size_t len;
    const unsigned char *p = (const unsigned char *)"abc\xc3\xa9";
    assert_int_equal(encoding_utf8_piece(p, 5, false, &len), PIECE_ASCII);
    assert_int_equal(len, 3);
    assert_int_equal(encoding_utf8_piece(p + 3, 2, false, &len), PIECE_SEQUENCE);
    assert_int_equal(len, 2);
    assert_int_equal(encoding_utf8_piece(p + 3, 1, true, &len), PIECE_CUT);
    assert_int_equal(encoding_utf8_piece(p + 3, 1, false, &len), PIECE_INVALID);
    assert_int_equal(encoding_utf8_piece((const unsigned char *)"\0", 1, false, &len), PIECE_NUL);
    assert_int_equal(encoding_utf8_piece((const unsigned char *)"\xe9t", 2, false, &len),
                     PIECE_INVALID);
}

/* The plain run stops at the first byte that is not printable ASCII, TAB,
 * LF or CR, wherever it falls in an 8-byte word, and agrees with a plain
 * byte-by-byte look at every byte value. */
static void test_plain_run(void **state)
{
    (void)state;
    unsigned char buf[40];
    for (int c = 0; c < 256; c++) {
        bool plain = (c >= 0x20 && c < 0x80) || c == '\t' || c == '\n' || c == '\r';
        for (size_t at = 0; at < 24; at++) {
            memset(buf, 'a', sizeof buf);
            buf[3] = '\n';
            buf[at] = (unsigned char)c;
            size_t want = plain ? sizeof buf : at;
            assert_int_equal(encoding_plain_run(buf, sizeof buf), want);
            assert_int_equal(encoding_plain_run(buf, at), at);
        }
    }
    assert_int_equal(encoding_plain_run((const unsigned char *)"", 0), 0);
}

static void check_xml(const char *in, const char *expected)
{
    size_t len = strlen(in);
    char out[64];
    assert_int_equal(encoding_xml_forbidden(in, len), strcmp(in, expected) != 0);
    size_t n = encoding_xml_replace(in, len, out);
    out[n] = '\0';
    assert_string_equal(out, expected);
}

static void test_xml_forbidden(void **state)
{
    (void)state;
    check_xml("plain \t\r\n text", "plain \t\r\n text");
    check_xml("a\x01"
              "b",
              "a\xEF\xBF\xBD"
              "b");
    check_xml("\x1f\x0b", "\xEF\xBF\xBD\xEF\xBF\xBD");
    check_xml("x\xEF\xBF\xBF", "x\xEF\xBF\xBD"); /* U+FFFF */
    check_xml("\xEF\xBF\xBE"
              "y",
              "\xEF\xBF\xBD"
              "y");                                                      /* U+FFFE */
    check_xml("\xEF\xBF\xBD \xEF\xBF\xBC", "\xEF\xBF\xBD \xEF\xBF\xBC"); /* allowed */
    check_xml("caf\xC3\xA9 \x7f", "caf\xC3\xA9 \x7f");                   /* DEL is allowed */
    check_xml("\xEF\xBF", "\xEF\xBF");                                   /* cut: not U+FFFF */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cp1252),           cmocka_unit_test(test_cp1252_every_byte),
        cmocka_unit_test(test_cp1252_undefined), cmocka_unit_test(test_pieces),
        cmocka_unit_test(test_xml_forbidden),    cmocka_unit_test(test_plain_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
