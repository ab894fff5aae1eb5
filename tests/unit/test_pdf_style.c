/* test_pdf_style.c - style.ini's fonts through fontconfig (pdf_style.c):
 * the font found must be of the family asked for, else an error naming
 * both (66), and so must its weight and slant (bold, italic); a generic
 * family takes what fontconfig gives; paths need no
 * lookup; fontconfig dying (here: FcInit killed) or out of memory (here:
 * FcFontMatch says so) is an error (70), never the run's crash.  FcInit and
 * FcFontMatch are replaced by wrappers that call the real ones unless a
 * test asks for a failure. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pdf/pdf_style.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static enum {
    FAULT_NONE,
    FAULT_KILLED,
    FAULT_NO_MEMORY,
    FAULT_REGULAR_FACE,
    FAULT_LOST_ONCE
} fault;
static char lost_marker[] = "/tmp/bilan-style-lost-XXXXXX"; /* made once lost */

FcBool FcInit(void)
{
    if (fault == FAULT_KILLED)
        kill(getpid(), SIGKILL);
    FcBool (*real)(void);
    *(void **)&real = dlsym(RTLD_NEXT, "FcInit");
    return real();
}

FcPattern *FcFontMatch(FcConfig *config, FcPattern *p, FcResult *result)
{
    if (fault == FAULT_NO_MEMORY) {
        *result = FcResultOutOfMemory;
        return NULL;
    }
    if (fault == FAULT_LOST_ONCE && access(lost_marker, F_OK) != 0) {
        /* the first lookup (a child process) finds nothing for one face,
         * as after an allocation fontconfig failed silently */
        close(open(lost_marker, O_WRONLY | O_CREAT, 0600));
        *result = FcResultNoMatch;
        return NULL;
    }
    FcPattern *(*real)(FcConfig *, FcPattern *, FcResult *);
    *(void **)&real = dlsym(RTLD_NEXT, "FcFontMatch");
    if (fault != FAULT_REGULAR_FACE)
        return real(config, p, result);
    /* the regular face whatever is asked, as fontconfig gives after some
     * failed allocations */
    FcPattern *upright = FcPatternDuplicate(p);
    FcPatternDel(upright, FC_WEIGHT);
    FcPatternDel(upright, FC_SLANT);
    FcPatternAddInteger(upright, FC_WEIGHT, FC_WEIGHT_REGULAR);
    FcPatternAddInteger(upright, FC_SLANT, FC_SLANT_ROMAN);
    FcPattern *match = real(config, upright, result);
    FcPatternDestroy(upright);
    return match;
}

static char path[] = "/tmp/test_pdf_style_XXXXXX";
static char out[4096];

static int setup(void **state)
{
    (void)state;
    int fd = mkstemp(path);
    return fd < 0 ? -1 : close(fd);
}

static int teardown(void **state)
{
    (void)state;
    return unlink(path);
}

/* Loads a style.ini whose [fonts] section is fonts; diagnostics in out. */
static int load(pdf_style *s, const char *fonts, diag *d)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "[fonts]\n%s", fonts);
    fclose(f);
    memset(out, 0, sizeof out);
    FILE *err = fmemopen(out, sizeof out, "w");
    diag_init(d, err);
    int rc = pdf_style_load(s, path, d);
    fclose(err);
    return rc;
}

static void test_default_fonts(void **state)
{
    (void)state;
    pdf_style s;
    diag d;
    assert_int_equal(load(&s, "", &d), 0);
    for (int f = 0; f < PDF_FACE_COUNT; f++)
        assert_non_null(strstr(s.font_path[f], "DejaVuSerif"));
    pdf_style_free(&s);
}

static void test_other_family_refused(void **state)
{
    (void)state;
    pdf_style s;
    diag d;
    assert_int_equal(load(&s, "bold = No Such Family Xyz:bold\n", &d), -1);
    assert_int_equal(d.status, EXIT_NOINPUT);
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(out, "[fonts] bold: no font of the family asked for in "
                                "'No Such Family Xyz:bold' (fontconfig offers '"));
    assert_null(s.font_path[PDF_FACE_BOLD]);
    assert_non_null(s.font_path[PDF_FACE_REGULAR]);
    pdf_style_free(&s);
}

/* A face of the family but not of the style asked for (the regular face
 * for bold or italic) is refused too: libharu would print it as it is. */
static void test_other_style_refused(void **state)
{
    (void)state;
    pdf_style s;
    diag d;
    fault = FAULT_REGULAR_FACE;
    int rc = load(&s, "", &d);
    fault = FAULT_NONE;
    assert_int_equal(rc, -1);
    assert_int_equal(d.status, EXIT_NOINPUT);
    assert_int_equal(d.count, PDF_FACE_COUNT - 1);
    assert_non_null(strstr(s.font_path[PDF_FACE_REGULAR], "DejaVuSerif"));
    assert_null(s.font_path[PDF_FACE_BOLD]);
    assert_null(s.font_path[PDF_FACE_ITALIC]);
    assert_non_null(strstr(out, "[fonts] italic: no face of the weight or slant asked for in "
                                "'DejaVu Serif:italic' (fontconfig offers 'DejaVu Serif Book'"));
    assert_non_null(strstr(out, "[fonts] bold: no face of the weight or slant asked for in "
                                "'DejaVu Serif:bold'"));
    pdf_style_free(&s);
}

/* A face not found is looked up once more before it is reported: a
 * fontconfig that lost a font folder to a failed allocation says nothing. */
static void test_lost_face_looked_up_again(void **state)
{
    (void)state;
    pdf_style s;
    diag d;
    int fd = mkstemp(lost_marker);
    assert_true(fd >= 0);
    close(fd);
    unlink(lost_marker);
    fault = FAULT_LOST_ONCE;
    int rc = load(&s, "", &d);
    fault = FAULT_NONE;
    assert_int_equal(access(lost_marker, F_OK), 0); /* the first lookup lost one */
    unlink(lost_marker);
    assert_int_equal(rc, 0);
    assert_int_equal(d.count, 0);
    for (int f = 0; f < PDF_FACE_COUNT; f++)
        assert_non_null(strstr(s.font_path[f], "DejaVuSerif"));
    pdf_style_free(&s);
}

static void test_family_spelling_and_generic(void **state)
{
    (void)state;
    pdf_style s;
    diag d;
    /* case and blanks aside; a list of families; a generic family */
    assert_int_equal(load(&s,
                          "regular = dejavuserif\nbold = No Such Xyz,DejaVu Serif:bold\n"
                          "italic = serif:italic\n",
                          &d),
                     0);
    assert_non_null(strstr(s.font_path[PDF_FACE_REGULAR], "DejaVuSerif"));
    assert_non_null(strstr(s.font_path[PDF_FACE_BOLD], "DejaVuSerif-Bold"));
    pdf_style_free(&s);
}

static void test_paths_need_no_lookup(void **state)
{
    (void)state;
    pdf_style s;
    diag d;
    fault = FAULT_KILLED; /* fontconfig would die: it is not started */
    assert_int_equal(load(&s,
                          "regular = /x/r.ttf\nbold = /x/b.ttf\nitalic = /x/i.ttf\n"
                          "bold_italic = /x/bi.ttf\n",
                          &d),
                     0);
    fault = FAULT_NONE;
    assert_string_equal(s.font_path[PDF_FACE_BOLD_ITALIC], "/x/bi.ttf");
    pdf_style_free(&s);
}

static void test_fontconfig_killed(void **state)
{
    (void)state;
    pdf_style s;
    diag d;
    fault = FAULT_KILLED;
    int rc = load(&s, "", &d);
    fault = FAULT_NONE;
    assert_int_equal(rc, -1);
    assert_int_equal(d.status, EXIT_SOFTWARE);
    assert_non_null(strstr(out, "fontconfig failed while looking up the fonts (signal 9)"));
    pdf_style_free(&s);
}

static void test_fontconfig_out_of_memory(void **state)
{
    (void)state;
    pdf_style s;
    diag d;
    fault = FAULT_NO_MEMORY;
    int rc = load(&s, "", &d);
    fault = FAULT_NONE;
    assert_int_equal(rc, -1);
    assert_int_equal(d.status, EXIT_SOFTWARE);
    assert_int_equal(d.count, PDF_FACE_COUNT);
    assert_non_null(strstr(out, "[fonts] regular: fontconfig failed looking up "
                                "'DejaVu Serif' (out of memory)"));
    pdf_style_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_fonts),
        cmocka_unit_test(test_other_family_refused),
        cmocka_unit_test(test_other_style_refused),
        cmocka_unit_test(test_lost_face_looked_up_again),
        cmocka_unit_test(test_family_spelling_and_generic),
        cmocka_unit_test(test_paths_need_no_lookup),
        cmocka_unit_test(test_fontconfig_killed),
        cmocka_unit_test(test_fontconfig_out_of_memory),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
