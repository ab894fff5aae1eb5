/* test_pdf_axes.c - "{{% axes %}}": a section per program area, in the
 * figures' order, with its text (texts/SLUG.md) and its year in figures
 * in French and English; the slug of an axis name (pdf_parts.c, through
 * the template loader, with figures filled by hand and the real message
 * catalogues). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pdf/pdf.h"
#include "tpl_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NNBSP "\xe2\x80\xaf"

static char dir[] = "/tmp/test_pdf_axes_XXXXXX";
static char tpl[256], texts[256], text_path[300], out[4096];
static axis_figure axes[3];
static figures f;

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    snprintf(tpl, sizeof tpl, "%s/report.md", dir);
    snprintf(texts, sizeof texts, "%s/texts", dir);
    snprintf(text_path, sizeof text_path, "%s/mobilisation-des-connaissances.md", texts);
    f.current = (fiscal_period){ 2014, "2013-2014", { 2013, 4, 1 }, { 2014, 3, 31 } };
    f.previous = (fiscal_period){ 2013, "2012-2013", { 2012, 4, 1 }, { 2013, 3, 31 } };
    axes[0] = (axis_figure){ "Mobilisation des connaissances", figure_make(28, 55),
                             figure_make(1234, 900), figure_make(0, 0) };
    axes[1] = (axis_figure){ "Éducation", figure_make(1, 0), figure_make(1, 0), figure_make(0, 0) };
    axes[2] = (axis_figure){ "Outreach", figure_make(0, 3), figure_make(0, 40), figure_make(0, 0) };
    f.axes = axes;
    f.axis_count = 3;
    if (mkdir(texts, 0700) != 0)
        return -1;
    FILE *t = fopen(text_path, "w");
    if (!t)
        return -1;
    fputs("# Mobilisation des connaissances\n\nNotre *miel*.\n", t);
    fclose(t);
    t = fopen(tpl, "w");
    if (!t)
        return -1;
    fputs("{{% toc %}}\n\n{{% axes %}}\n\n# End\n\nDone.\n", t);
    return fclose(t);
}

static int teardown(void **state)
{
    (void)state;
    unlink(text_path);
    unlink(tpl);
    rmdir(texts);
    return rmdir(dir);
}

static bool no_field(void *user, const char *name, char *value, size_t size)
{
    (void)user, (void)name, (void)value, (void)size;
    return false;
}

/* Loads the template with the axes generator in lang. */
static int load(tpl_doc *doc, language lang, diag *d)
{
    f.lang = lang;
    FILE *err = fmemopen(out, sizeof out, "w");
    diag_init(d, err);
    pdf_report r = { .f = &f, .d = d };
    messages *msg = messages_load("templates", lang, d);
    assert_non_null(msg);
    r.msg = msg;
    const char *const known[] = { "toc", "axis", NULL };
    tpl_options opt = { .templates_dir = dir, .input_dir = dir, .resolve = no_field,
                        .directives = known, .lang = language_code(lang),
                        .generate = report_generate, .generate_user = &r };
    int rc = tpl_load(doc, tpl, "report.md", &opt, d);
    messages_free(msg);
    fclose(err);
    return rc;
}

static void test_sections_french(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    assert_int_equal(load(&doc, LANG_FR, &d), 0);
    assert_int_equal(d.count, 0);
    /* toc; 3 x (heading, [text], "L'année en chiffres", sentence, axis); End, Done */
    assert_int_equal(doc.count, 1 + 5 + 4 + 4 + 2);
    assert_int_equal(doc.blocks[1].kind, TPL_HEADING);
    assert_int_equal(doc.blocks[1].level, 1);
    assert_string_equal(text_of(&doc, 1), "Mobilisation des connaissances");
    assert_string_equal(text_of(&doc, 2), "Notre miel.");   /* its heading shown once */
    assert_string_equal(text_of(&doc, 3), "L'année en chiffres");
    assert_int_equal(doc.blocks[3].level, 2);
    assert_string_equal(text_of(&doc, 4),
                        "En 2013-2014, l'axe Mobilisation des connaissances compte 28 activités "
                        "(-49,1\xc2\xa0% par rapport à 2012-2013) et 1" NNBSP "234 participants.");
    assert_int_equal(doc.blocks[5].kind, TPL_DIRECTIVE);
    assert_string_equal(doc.blocks[5].name, "axis");
    assert_string_equal(doc.blocks[5].arg, "Mobilisation des connaissances");
    assert_string_equal(text_of(&doc, 6), "Éducation");   /* no text: straight to figures */
    assert_string_equal(text_of(&doc, 8),
                        "En 2013-2014, l'axe Éducation compte 1 activité et 1 participant. "
                        "Il n'en comptait aucune en 2012-2013.");
    assert_string_equal(text_of(&doc, 10), "Outreach");   /* only last year: still there */
    assert_string_equal(text_of(&doc, 12),
                        "En 2013-2014, l'axe Outreach ne compte aucune activité, "
                        "contre 3 activités en 2012-2013.");
    assert_string_equal(doc.blocks[13].arg, "Outreach");
    assert_string_equal(text_of(&doc, 14), "End");
    tpl_doc_free(&doc);
}

static void test_sections_english(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    assert_int_equal(load(&doc, LANG_EN, &d), 0);
    assert_string_equal(text_of(&doc, 3), "The year in figures");
    assert_string_equal(text_of(&doc, 4),
                        "In 2013-2014, the Mobilisation des connaissances program area counts "
                        "28 activities (-49.1% over 2012-2013) and 1,234 participants.");
    assert_string_equal(text_of(&doc, 8),
                        "In 2013-2014, the Éducation program area counts 1 activity and "
                        "1 participant. It had none in 2012-2013.");
    assert_string_equal(text_of(&doc, 12),
                        "In 2013-2014, the Outreach program area has no activity, "
                        "against 3 activities in 2012-2013.");
    tpl_doc_free(&doc);
}

static void test_argument_refused(void **state)
{
    (void)state;
    FILE *t = fopen(tpl, "w");
    assert_non_null(t);
    fputs("Text.\n\n{{% axes Formation %}}\n", t);
    fclose(t);
    tpl_doc doc;
    diag d;
    assert_int_equal(load(&doc, LANG_FR, &d), -1);
    assert_non_null(strstr(out, "report.md:3: directive '{{% axes Formation %}}': takes no argument"));
    tpl_doc_free(&doc);
}

static void slug_is(const char *axis, const char *want)
{
    char *slug = report_axis_slug(axis);
    assert_string_equal(slug, want);
    free(slug);
}

static void test_slug(void **state)
{
    (void)state;
    slug_is("Mobilisation des connaissances", "mobilisation-des-connaissances");
    slug_is("Vie interne", "vie-interne");
    slug_is("Accompagnement", "accompagnement");
    slug_is("Youth programs", "youth-programs");
    slug_is("  ÉDUCATION & Jeunesse (2014)!", "education-jeunesse-2014");
    slug_is("L\xe2\x80\x99\xc3\xa9quipe", "l-equipe");        /* L’équipe */
    slug_is("Straße", "strasse");
    slug_is("\xe2\x80\x94", "");                              /* — */
    slug_is("\xff bad", "");                                  /* not UTF-8 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sections_french),
        cmocka_unit_test(test_sections_english),
        cmocka_unit_test(test_argument_refused),
        cmocka_unit_test(test_slug),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
