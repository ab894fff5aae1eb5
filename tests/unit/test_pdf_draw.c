/* test_pdf_draw.c - the libharu wrapper: U+202F falls back to U+00A0 in a
 * face without it, libharu errors become diagnostics (no longjmp), saving
 * to an unwritable place fails cleanly, same input gives the same bytes;
 * faces are embedded only when used, as Windows-1252 fonts unless a text
 * needs another character (then also as a Unicode font). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pdf/pdf_draw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SERIF "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
#define BOLD  "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
#define MONO  "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf"
#define NNBSP_TEXT  \
    "1\xe2\x80\xaf" \
    "000"
#define NBSP_TEXT \
    "1\xc2\xa0"   \
    "000"

static double width(pdf_draw *w, const char *s)
{
    return pdf_draw_width(w, PDF_FACE_REGULAR, 10, s, strlen(s));
}

static void test_narrow_space(void **state)
{
    (void)state;
    diag d;
    diag_init(&d, stderr);
    pdf_draw *w = pdf_draw_new(&d);
    assert_int_equal(pdf_draw_load_face(w, PDF_FACE_REGULAR, SERIF), 0);
    assert_true(width(w, NNBSP_TEXT) < width(w, NBSP_TEXT)); /* DejaVu has U+202F */
    pdf_draw_free(w);
    if (access(MONO, R_OK) != 0)
        skip();
    w = pdf_draw_new(&d);
    assert_int_equal(pdf_draw_load_face(w, PDF_FACE_REGULAR, MONO), 0);
    assert_true(width(w, NNBSP_TEXT) == width(w, NBSP_TEXT)); /* no U+202F: U+00A0 */
    assert_true(width(w, NBSP_TEXT) > 0);
    pdf_draw_free(w);
    assert_int_equal(d.count, 0);
}

static void test_errors_are_diagnostics(void **state)
{
    (void)state;
    char out[1024] = "";
    FILE *err = fmemopen(out, sizeof out, "w");
    diag d;
    diag_init(&d, err);
    pdf_draw *w = pdf_draw_new(&d);
    assert_int_equal(pdf_draw_load_face(w, PDF_FACE_REGULAR, "/nonexistent/font.ttf"), -1);
    pdf_draw_free(w);
    w = pdf_draw_new(&d);
    assert_int_equal(pdf_draw_load_face(w, PDF_FACE_REGULAR, SERIF), 0);
    pdf_draw_page(w, 612, 792);
    pdf_draw_text(w, PDF_FACE_REGULAR, 10, (pdf_color){ 0, 0, 0 }, 72, 700, "é", 2);
    assert_false(pdf_draw_failed(w));
    assert_int_equal(pdf_draw_save(w, "/nonexistent/dir/out.pdf"), -1);
    pdf_draw_free(w);
    fclose(err);
    assert_int_equal(d.status, EXIT_CANTCREAT);
    assert_non_null(strstr(out, "/nonexistent/font.ttf: cannot load"));
    assert_non_null(strstr(out, "/nonexistent/dir/out.pdf: cannot write the PDF"));
}

static long build(const char *path, bool dry)
{
    diag d;
    diag_init(&d, stderr);
    pdf_draw *w = pdf_draw_new(&d);
    assert_int_equal(pdf_draw_load_face(w, PDF_FACE_REGULAR, SERIF), 0);
    pdf_info info = { "Bilan annuel é", "Dynamo", "sujet", NULL, 1396224000 };
    pdf_draw_set_info(w, &info);
    pdf_draw_set_dry(w, dry);
    pdf_draw_page(w, 612, 792);
    pdf_draw_text(w, PDF_FACE_REGULAR, 12, (pdf_color){ 0, 0, 0 }, 72, 700, "Œuvre « ça »",
                  strlen("Œuvre « ça »"));
    pdf_draw_rect(w, 72, 600, 100, 50, &(pdf_color){ 0.5, 0.5, 0.5 }, NULL);
    pdf_draw_hatch(w, 72, 600, 100, 50, 4, (pdf_color){ 0, 0, 0 });
    assert_int_equal(pdf_draw_bookmark(w, 0, "Financement", 700) != 0, !dry);
    assert_int_equal(pdf_draw_save(w, path), 0);
    pdf_draw_free(w);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fclose(f);
    return size;
}

static void test_same_bytes(void **state)
{
    (void)state;
    char a[] = "/tmp/test_pdf_draw_a_XXXXXX", b[] = "/tmp/test_pdf_draw_b_XXXXXX";
    close(mkstemp(a));
    close(mkstemp(b));
    long sa = build(a, false), sb = build(b, false);
    assert_int_equal(sa, sb);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "cmp -s %s %s", a, b);
    assert_int_equal(system(cmd), 0);
    long dry = build(b, true); /* dry: no page drawn, no font used */
    assert_true(dry < sa);
    unlink(a);
    unlink(b);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    for (size_t i = 0; i < n; i++) /* binary streams: keep the dictionaries' text */
        if (buf[i] == '\0')
            buf[i] = ' ';
    buf[n] = '\0';
    return buf;
}

/* Draws text in the regular face of a document with two faces loaded;
 * returns the saved file's bytes. */
static char *draw_only_regular(const char *path, const char *text)
{
    diag d;
    diag_init(&d, stderr);
    pdf_draw *w = pdf_draw_new(&d);
    assert_int_equal(pdf_draw_load_face(w, PDF_FACE_REGULAR, SERIF), 0);
    assert_int_equal(pdf_draw_load_face(w, PDF_FACE_BOLD, BOLD), 0);
    pdf_draw_page(w, 612, 792);
    pdf_draw_text(w, PDF_FACE_REGULAR, 12, (pdf_color){ 0, 0, 0 }, 72, 700, text, strlen(text));
    pdf_draw_line(w, 72, 690, 300, 690, 1, (pdf_color){ 0, 0, 0 });
    pdf_draw_text(w, PDF_FACE_REGULAR, 12, (pdf_color){ 0, 0, 0 }, 72, 680, text, strlen(text));
    assert_int_equal(pdf_draw_save(w, path), 0);
    assert_false(pdf_draw_failed(w));
    pdf_draw_free(w);
    return slurp(path);
}

static void test_fonts_made_when_used(void **state)
{
    (void)state;
    char p[] = "/tmp/test_pdf_draw_f_XXXXXX";
    close(mkstemp(p));
    const char *pdf = draw_only_regular(p, "Œuvre « ça » 124"
                                           "\xe2\x80\xaf"
                                           "980 $ — ’");
    assert_non_null(strstr(pdf, "DejaVuSerif"));
    assert_null(strstr(pdf, "DejaVuSerif-Bold")); /* loaded, never used: not there */
    assert_null(strstr(pdf, "Identity-H"));       /* Windows-1252 only */
    assert_non_null(strstr(pdf, "/TrueType"));
    pdf = draw_only_regular(p, "Łódź Ω");
    assert_non_null(strstr(pdf, "Identity-H")); /* outside Windows-1252 */
    unlink(p);
}

static void test_widths_of_both_fonts(void **state)
{
    (void)state;
    diag d;
    diag_init(&d, stderr);
    pdf_draw *w = pdf_draw_new(&d);
    assert_int_equal(pdf_draw_load_face(w, PDF_FACE_REGULAR, SERIF), 0);
    double latin = width(w, "Lodz"), unicode = width(w, "\xc5\x81odz"); /* Łodz */
    assert_true(latin > 10 && unicode > 10);
    assert_true(unicode - latin < 2 && latin - unicode < 2); /* Ł about as wide as L */
    double gap = width(w, "1"
                          "\xe2\x80\xaf"
                          "000") -
                 width(w, "1000");
    assert_true(gap > 1.5 && gap < 2.5);       /* U+202F: 0.2 em at 10 pt */
    assert_true(width(w, "\xe2\x82\xac") > 0); /* € is in Windows-1252 */
    pdf_draw_free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_narrow_space),         cmocka_unit_test(test_errors_are_diagnostics),
        cmocka_unit_test(test_same_bytes),           cmocka_unit_test(test_fonts_made_when_used),
        cmocka_unit_test(test_widths_of_both_fonts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
