/* test_pdf_table.c - a table given more columns than it can draw is an
 * internal error (exit 70) reported by pdf_table_draw, never a silent cut;
 * rows keep their cells (pdf_table.c; the refusal happens before anything
 * is measured, so no PDF is made). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pdf/pdf_table.h"

#include <stdio.h>
#include <string.h>

static void test_too_many_columns(void **state)
{
    (void)state;
    char out[1024] = { 0 };
    FILE *err = fmemopen(out, sizeof out, "w");
    diag d;
    diag_init(&d, err);
    pdf_report r = { .d = &d };
    pdf_table t;
    pdf_table_init(&t);
    static const char *const titles[] = { "Type", "A", "B", "C", "D", "E", "F",
                                          "G",    "H", "I", "J", "K", "L" };
    for (int c = 0; c < PDF_TABLE_COLS_MAX + 1; c++)
        pdf_table_add_col(&t, titles[c], 1.0 / 13, c ? PDF_ALIGN_NUMBER : PDF_ALIGN_LEFT);
    const char *cells[] = { "x", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12" };
    pdf_table_add_row(&t, PDF_ROW_BODY, cells);
    assert_int_equal(t.col_count, PDF_TABLE_COLS_MAX);
    assert_int_equal(pdf_table_draw(&r, &t), -1);
    fclose(err);
    assert_true(r.broken);
    assert_int_equal(d.status, EXIT_SOFTWARE);
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(out, "a table of 13 columns ('Type' ...) but at most 12 can be drawn"));
    pdf_table_free(&t);
}

static void test_columns_kept(void **state)
{
    (void)state;
    pdf_table t;
    pdf_table_init(&t);
    for (int c = 0; c < PDF_TABLE_COLS_MAX; c++)
        pdf_table_add_col(&t, "T", 1.0 / PDF_TABLE_COLS_MAX, PDF_ALIGN_LEFT);
    const char *cells[PDF_TABLE_COLS_MAX] = { "a", NULL, "c", "d", "e", "f" };
    pdf_table_add_row(&t, PDF_ROW_TOTAL, cells);
    assert_int_equal(t.col_count, PDF_TABLE_COLS_MAX);
    assert_int_equal(t.cols_refused, 0);
    assert_int_equal(t.rows[0].kind, PDF_ROW_TOTAL);
    assert_null(t.rows[0].cells[1]);
    assert_string_equal(t.rows[0].cells[5], "f");
    pdf_table_free(&t);
    assert_int_equal(t.row_count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_too_many_columns),
        cmocka_unit_test(test_columns_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
