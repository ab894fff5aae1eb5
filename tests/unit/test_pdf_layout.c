/* test_pdf_layout.c - line breaking, justification, page flow, chart
 * scales, decimal alignment: pdf_layout.c with a fake font (every
 * character 5 points wide in the regular face, 6 in bold; at size 10). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pdf/pdf_layout.h"

#include <string.h>

static double fake_measure(void *user, int face, double size, const char *text, size_t len)
{
    (void)user;
    size_t chars = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            chars++;
    return (double)chars * (face == 1 ? 6.0 : 5.0) * size / 10.0;
}

static layout_para para(void)
{
    layout_para p;
    layout_para_init(&p, fake_measure, NULL, 10);
    return p;
}

static void add(layout_para *p, const char *text, int face)
{
    layout_para_add(p, text, strlen(text), face);
}

static void test_greedy_wrap(void **state)
{
    (void)state;
    layout_para p = para();
    add(&p, "aaa bbb ccc", 0);
    assert_int_equal(layout_para_wrap(&p, 40), 2);
    assert_int_equal(p.lines[0].count, 2);
    assert_true(p.lines[0].width == 35);
    assert_false(p.lines[0].last);
    assert_int_equal(p.lines[1].first, 2);
    assert_true(p.lines[1].last);
    /* all on one line when it fits exactly */
    assert_int_equal(layout_para_wrap(&p, 55), 1);
    layout_para_free(&p);
}

static void test_justify(void **state)
{
    (void)state;
    layout_para p = para();
    add(&p, "aaa bbb ccc", 0);
    layout_para_wrap(&p, 40);
    double x[3];
    layout_line_positions(&p, 0, 40, true, x);
    assert_true(x[0] == 0 && x[1] == 25); /* 15 + space 5 + extra 5 */
    layout_line_positions(&p, 0, 40, false, x);
    assert_true(x[1] == 20);
    layout_line_positions(&p, 1, 40, true, x); /* last line: not stretched */
    assert_true(x[0] == 0);
    layout_para_free(&p);
}

static void test_no_break_spaces_and_forced_break(void **state)
{
    (void)state;
    layout_para p = para();
    add(&p,
        "total 125\xe2\x80\xaf"
        "000\xc2\xa0$\nnext",
        0);
    assert_int_equal(p.atom_count, 3); /* "total", "125 000 $", "next" */
    assert_int_equal(layout_para_wrap(&p, 500), 2);
    assert_true(p.lines[0].last); /* a forced break: not justified */
    assert_int_equal(p.lines[0].count, 2);
    assert_true(p.atoms[2].break_before);
    layout_para_free(&p);
}

static void test_styled_word_stays_whole(void **state)
{
    (void)state;
    layout_para p = para();
    add(&p, "France ", 0);
    add(&p, "Brochu", 1);
    add(&p, ", directrice", 0);
    assert_int_equal(p.atom_count, 4);
    assert_false(p.atoms[2].space_before); /* "," glued to "Brochu" */
    assert_true(p.atoms[1].space_before);
    /* "France" 30, " " 5, "Brochu" 36 + "," 5 = 76: the comma never starts a line */
    assert_int_equal(layout_para_wrap(&p, 74), 3);
    assert_int_equal(p.lines[1].count, 2);
    assert_int_equal(p.lines[1].first, 1);
    layout_para_free(&p);
}

static void test_long_word_is_cut(void **state)
{
    (void)state;
    layout_para p = para();
    add(&p,
        "é\xc3\xa9"
        "abcdefgh x",
        0);                                  /* 10 characters, 2 of them 2 bytes */
    size_t lines = layout_para_wrap(&p, 22); /* 4 characters per line */
    assert_int_equal(lines, 3);
    for (size_t i = 0; i < p.atom_count; i++)
        assert_true(p.atoms[i].width <= 22);
    assert_int_equal(p.atoms[0].len, 6); /* "ééab": never inside a character */
    assert_memory_equal(p.atoms[0].text,
                        "\xc3\xa9\xc3\xa9"
                        "ab",
                        6);
    layout_para_free(&p);
}

/* The texts a counting measure was asked for, and how often. */
typedef struct measured {
    char text[32][32];
    int face[32], count[32];
    size_t n, spaces;
} measured;

static double counting_measure(void *user, int face, double size, const char *text, size_t len)
{
    measured *m = user;
    if (len == 1 && text[0] == ' ')
        m->spaces++;
    size_t i = 0;
    while (i < m->n &&
           !(m->face[i] == face && strlen(m->text[i]) == len && memcmp(m->text[i], text, len) == 0))
        i++;
    if (i == m->n) {
        assert_true(m->n < 32 && len < 32);
        memcpy(m->text[i], text, len);
        m->text[i][len] = '\0';
        m->face[m->n++] = face;
    }
    m->count[i]++;
    return fake_measure(NULL, face, size, text, len);
}

/* Each word measured once, however often the paragraph is wrapped and
 * its lines placed; a space once a face; a word cut keeps the width
 * measured while finding the cut. */
static void test_measured_once(void **state)
{
    (void)state;
    measured m = { 0 };
    layout_para p;
    layout_para_init(&p, counting_measure, &m, 10);
    add(&p, "aaa bbb ccc ", 0);
    add(&p, "ddd eee", 1);
    add(&p, " abcdefghij", 0);
    for (double width = 22; width < 100; width += 11) {
        size_t lines = layout_para_wrap(&p, width);
        double x[8];
        for (size_t i = 0; i < lines; i++)
            layout_line_positions(&p, i, width, true, x);
    }
    assert_int_equal(m.spaces, 2); /* regular and bold */
    for (size_t i = 0; i < m.n; i++)
        if (m.count[i] != 1)
            fail_msg("'%s' measured %d times", m.text[i], m.count[i]);
    layout_para_free(&p);
}

static void test_empty(void **state)
{
    (void)state;
    layout_para p = para();
    add(&p, "   ", 0);
    assert_int_equal(layout_para_wrap(&p, 100), 0);
    layout_para_free(&p);
}

static void test_flow(void **state)
{
    (void)state;
    layout_flow fl;
    layout_flow_init(&fl, 700, 60, 1);
    assert_false(layout_flow_reserve(&fl, 2000, 0)); /* an empty page never breaks */
    fl.y = 100;
    assert_true(layout_flow_fits(&fl, 40));
    assert_false(layout_flow_fits(&fl, 41));
    assert_false(layout_flow_reserve(&fl, 30, 10));
    assert_true(layout_flow_reserve(&fl, 30, 11)); /* heading kept with what follows */
    assert_int_equal(fl.page, 2);
    assert_true(fl.y == 700);
}

static void test_nice_step(void **state)
{
    (void)state;
    int64_t top;
    assert_int_equal(layout_nice_step(645057, 5, &top), 200000);
    assert_int_equal(top, 800000);
    assert_int_equal(layout_nice_step(7, 5, &top), 2);
    assert_int_equal(top, 8);
    assert_int_equal(layout_nice_step(1, 5, &top), 1);
    assert_int_equal(top, 1);
    assert_int_equal(layout_nice_step(100, 5, &top), 20);
    assert_int_equal(top, 100);
    assert_int_equal(layout_nice_step(0, 5, &top), 1);
    assert_int_equal(layout_nice_step(INT64_MAX / 100, 5, &top) > 0, 1);
}

/* A range across zero: both sides in whole steps, zero on a tick. */
static void test_nice_range(void **state)
{
    (void)state;
    int64_t bottom, top;
    assert_int_equal(layout_nice_range(-36176, 645057, 5, &bottom, &top), 200000);
    assert_true(bottom == -200000 && top == 800000);
    assert_int_equal(layout_nice_range(-145673, 14326, 5, &bottom, &top), 50000);
    assert_true(bottom == -150000 && top == 50000);
    assert_int_equal(layout_nice_range(-30, 0, 5, &bottom, &top), 10);
    assert_true(bottom == -30 && top == 0);
    assert_int_equal(layout_nice_range(0, 0, 5, &bottom, &top), 1);
    assert_true(bottom == 0 && top == 1);
    assert_int_equal(layout_nice_range(0, 7, 5, &bottom, &top), 2);
    assert_true(bottom == 0 && top == 8);
    assert_true(layout_nice_range(INT64_MIN, INT64_MAX, 5, &bottom, &top) > 0);
    assert_true(bottom < 0 && top > 0);
}

static void test_decimal_at(void **state)
{
    (void)state;
    const char *pct = "+58,2\xc2\xa0%";
    assert_int_equal(layout_decimal_at(pct, strlen(pct), ','), 3);
    const char *money = "125\xe2\x80\xaf"
                        "000\xc2\xa0$";
    assert_int_equal(layout_decimal_at(money, strlen(money), ','), strlen(money));
    assert_int_equal(layout_decimal_at("$1,234", 6, '.'), 6);
    assert_int_equal(layout_decimal_at("1,234.5", 7, '.'), 5);
    assert_int_equal(layout_decimal_at("nouveau", 7, ','), 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_greedy_wrap),
        cmocka_unit_test(test_justify),
        cmocka_unit_test(test_no_break_spaces_and_forced_break),
        cmocka_unit_test(test_styled_word_stays_whole),
        cmocka_unit_test(test_long_word_is_cut),
        cmocka_unit_test(test_measured_once),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_flow),
        cmocka_unit_test(test_nice_step),
        cmocka_unit_test(test_nice_range),
        cmocka_unit_test(test_decimal_at),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
