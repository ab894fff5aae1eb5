/* test_report.c - the report's content (report/report.c) through the
 * template loader, with figures filled by hand and the real message
 * catalogues, and no PDF: "{{% axes %}}" makes a section per program area,
 * in the figures' order, with its text (texts/SLUG.md) and its year in
 * figures in French and English; the slug of an axis name;
 * "{{% people_others %}}" lists, under its name, every group that no
 * "people" or "team" directive of the template shows (anywhere in it,
 * group names folded), in people.csv's order; the directive table and each
 * argument check's message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "report/report.h"
#include "compute_lists.h"
#include "tpl_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NNBSP "\xe2\x80\xaf"

static char dir[] = "/tmp/test_report_XXXXXX";
static char tpl[256], texts[256], text_path[300], out[4096];
static axis_figure axes[3];
static person people[] = {
    { "Ann Lee", "Chair", "Board of Directors", "" },
    { "Marie Tremblay", "Présidente",
      "Conseil d\xe2\x80\x99"
      "administration",
      "" },
    { "Jean Roy", "Coordonnateur", "Équipe", "Équipe Formation" },
    { "Marc Roy", "Coordonnateur", "Équipe", "" },
    { "Sam Green", "Youth worker", "Staff", "" },
    { "Bob Smith", "Treasurer", "BOARD OF DIRECTORS", "" },
    { "Kim Park", "Helper", "Volunteers", "" },
};
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
    f.people = people;
    f.people_count = sizeof people / sizeof *people;
    compute_roster(&f);
    if (mkdir(texts, 0700) != 0)
        return -1;
    FILE *t = fopen(text_path, "w");
    if (!t)
        return -1;
    fputs("# Mobilisation des connaissances\n\nNotre *miel*.\n", t);
    return fclose(t);
}

static int teardown(void **state)
{
    (void)state;
    f.people_count = 0;
    compute_roster(&f); /* frees the roster */
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

/* Loads text as the template in lang with the report's directives,
 * generator and checks, as render_pdf does; diagnostics go to out. */
static int load(tpl_doc *doc, const char *text, language lang, diag *d)
{
    FILE *t = fopen(tpl, "w");
    assert_non_null(t);
    fputs(text, t);
    fclose(t);
    f.lang = lang;
    memset(out, 0, sizeof out);
    FILE *err = fmemopen(out, sizeof out, "w");
    diag_init(d, err);
    messages *msg = messages_load("templates", lang, d);
    assert_non_null(msg);
    report_context rc = { &f, msg };
    tpl_options opt = {
        .templates_dir = dir, .input_dir = dir, .resolve = no_field, .lang = language_code(lang)
    };
    report_template_options(&opt, &rc);
    int status = tpl_load(doc, tpl, "report.md", &opt, d);
    if (report_check(&f, doc, d) != 0)
        status = -1;
    messages_free(msg);
    fclose(err);
    return status;
}

/* ---- axes -------------------------------------------------------------- */

static const char axes_template[] = "{{% toc %}}\n\n{{% axes %}}\n\n# End\n\nDone.\n";

static void test_sections_french(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    assert_int_equal(load(&doc, axes_template, LANG_FR, &d), 0);
    assert_int_equal(d.count, 0);
    /* toc; 3 x (heading, [text], "L'année en chiffres", sentence, axis); End, Done */
    assert_int_equal(doc.count, 1 + 5 + 4 + 4 + 2);
    assert_int_equal(doc.blocks[1].kind, TPL_HEADING);
    assert_int_equal(doc.blocks[1].level, 1);
    assert_string_equal(text_of(&doc, 1), "Mobilisation des connaissances");
    assert_string_equal(text_of(&doc, 2), "Notre miel."); /* its heading shown once */
    assert_string_equal(text_of(&doc, 3), "L'année en chiffres");
    assert_int_equal(doc.blocks[3].level, 2);
    assert_string_equal(text_of(&doc, 4),
                        "En 2013-2014, l'axe Mobilisation des connaissances compte 28 activités "
                        "(-49,1\xc2\xa0% par rapport à 2012-2013) et 1" NNBSP "234 participants.");
    assert_int_equal(doc.blocks[5].kind, TPL_DIRECTIVE);
    assert_string_equal(doc.blocks[5].name, "axis");
    assert_string_equal(doc.blocks[5].arg, "Mobilisation des connaissances");
    assert_string_equal(text_of(&doc, 6), "Éducation"); /* no text: straight to figures */
    assert_string_equal(text_of(&doc, 8),
                        "En 2013-2014, l'axe Éducation compte 1 activité et 1 participant. "
                        "Il n'en comptait aucune en 2012-2013.");
    assert_string_equal(text_of(&doc, 10), "Outreach"); /* only last year: still there */
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
    assert_int_equal(load(&doc, axes_template, LANG_EN, &d), 0);
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

static void test_axes_argument_refused(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    assert_int_equal(load(&doc, "Text.\n\n{{% axes Formation %}}\n", LANG_FR, &d), -1);
    assert_non_null(
        strstr(out, "report.md:3: directive '{{% axes Formation %}}': takes no argument"));
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
    slug_is("L\xe2\x80\x99\xc3\xa9quipe", "l-equipe"); /* L’équipe */
    slug_is("Straße", "strasse");
    slug_is("\xe2\x80\x94", ""); /* — */
    slug_is("\xff bad", "");     /* not UTF-8 */
}

/* ---- people ------------------------------------------------------------ */

static void is_people(const tpl_doc *doc, size_t i, const char *group)
{
    assert_int_equal(doc->blocks[i].kind, TPL_DIRECTIVE);
    assert_string_equal(doc->blocks[i].name, "people");
    assert_string_equal(doc->blocks[i].arg, group);
}

static void test_others_after_the_rest(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    /* people_others comes first: the directives after it count too; the
     * board's two spellings are one group; "team" shows Équipe */
    assert_int_equal(load(&doc,
                          "# Team\n\n{{% people_others %}}\n\n# Board\n\n"
                          "{{% people board of directors %}}\n\n"
                          "{{% people CONSEIL D'ADMINISTRATION %}}\n\n{{% team %}}\n",
                          LANG_EN, &d),
                     0);
    assert_int_equal(d.count, 0);
    assert_int_equal(doc.count, 1 + 4 + 4);
    assert_string_equal(text_of(&doc, 0), "Team");
    assert_int_equal(doc.blocks[1].kind, TPL_HEADING);
    assert_int_equal(doc.blocks[1].level, 2);
    assert_int_equal(doc.blocks[1].line, 3);
    assert_string_equal(text_of(&doc, 1), "Staff");
    is_people(&doc, 2, "Staff");
    assert_string_equal(text_of(&doc, 3), "Volunteers");
    is_people(&doc, 4, "Volunteers");
    assert_string_equal(text_of(&doc, 5), "Board");
    tpl_doc_free(&doc);
}

static void test_others_every_group(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    /* no team directive: the group with teams is listed like any other,
     * once per folded name, in people.csv's order */
    assert_int_equal(load(&doc, "# People\n\n{{% people_others %}}\n", LANG_EN, &d), 0);
    assert_int_equal(doc.count, 1 + 2 * 5);
    is_people(&doc, 2, "Board of Directors");
    is_people(&doc, 4,
              "Conseil d\xe2\x80\x99"
              "administration");
    is_people(&doc, 6, "Équipe");
    is_people(&doc, 8, "Staff");
    is_people(&doc, 10, "Volunteers");
    tpl_doc_free(&doc);
}

static void test_others_nothing_left(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    /* every group shown elsewhere: nothing generated, the empty section
     * is left out */
    assert_int_equal(load(&doc,
                          "# Board\n\n{{% people Board of directors %}}\n\n"
                          "{{% people Conseil d'administration %}}\n\n{{% people staff %}}\n\n"
                          "{{% people VOLUNTEERS %}}\n\n{{% team %}}\n\n"
                          "# Others\n\n{{% people_others %}}\n",
                          LANG_EN, &d),
                     0);
    assert_int_equal(doc.count, 6);
    assert_string_equal(text_of(&doc, 0), "Board");
    assert_int_equal(doc.blocks[5].kind, TPL_DIRECTIVE);
    assert_string_equal(doc.blocks[5].name, "team");
    tpl_doc_free(&doc);
    size_t count = f.people_count;
    f.people_count = 0; /* no people.csv */
    compute_roster(&f);
    assert_int_equal(load(&doc, "# Others\n\n{{% people_others %}}\n", LANG_EN, &d), 0);
    assert_int_equal(doc.count, 0);
    f.people_count = count;
    compute_roster(&f);
    tpl_doc_free(&doc);
}

static void test_people_errors(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    assert_int_equal(load(&doc, "Text.\n\n{{% people_others Staff %}}\n", LANG_EN, &d), -1);
    assert_non_null(strstr(out, "report.md:3: directive '{{% people_others Staff %}}': "
                                "takes no argument"));
    tpl_doc_free(&doc);
    assert_int_equal(load(&doc, "Text.\n\n{{% people Bord of directors %}}\n", LANG_EN, &d), -1);
    assert_non_null(strstr(out, "report.md:3: directive '{{% people Bord of directors %}}': "
                                "no such group in people.csv"));
    tpl_doc_free(&doc);
}

/* ---- the directive table ----------------------------------------------- */

static void test_every_drawn_directive_loads(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    funder_row funder = { .kind = FUNDER_NAMED, .name = "Centraide" };
    f.funders = &funder; /* something to show */
    f.funder_count = 1;
    f.budget.present = f.forecast.present = f.position.present = true;
    f.indicators.reserve_months.present = true;
    assert_int_equal(load(&doc,
                          "{{% cover %}}\n\n{{% toc %}}\n\n{{% pagebreak %}}\n\n"
                          "{{% statement %}}\n\n{{% funders %}}\n\n{{% axis Outreach %}}\n\n"
                          "{{% history %}}\n\n{{% chart revenue_groups %}}\n\n"
                          "{{% chart expense_groups %}}\n\n{{% chart history %}}\n\n"
                          "{{% people Staff %}}\n\n{{% team %}}\n\n{{% partners %}}\n\n"
                          "{{% regions %}}\n\n{{% budget %}}\n\n{{% forecast %}}\n\n"
                          "{{% position %}}\n\n{{% indicators %}}\n",
                          LANG_EN, &d),
                     0);
    assert_int_equal(d.count, 0);
    assert_int_equal(doc.count, 18);
    int drawn = 0;
    for (int i = 0; i < REPORT_DIRECTIVE_COUNT; i++)
        drawn += report_directives[i].kind == REPORT_DRAWN ||
                 report_directives[i].kind == REPORT_OPTIONAL;
    assert_int_equal(drawn, 16);
    for (size_t i = 0; i < doc.count; i++) {
        int id = report_directive_id_of(doc.blocks[i].name);
        assert_true(id >= 0);
        assert_true(report_directives[id].kind == REPORT_DRAWN ||
                    report_directives[id].kind == REPORT_OPTIONAL);
    }
    tpl_doc_free(&doc);
    /* no funders: the funders directive, and its heading, are left out */
    f.funders = NULL;
    f.funder_count = 0;
    assert_int_equal(load(&doc,
                          "# Funding\n\nText.\n\n## Our funders\n\n{{% funders %}}\n\n"
                          "## Statement\n\n{{% statement %}}\n",
                          LANG_EN, &d),
                     0);
    assert_int_equal(doc.count, 4);
    assert_string_equal(text_of(&doc, 2), "Statement");
    assert_string_equal(doc.blocks[3].name, "statement");
    tpl_doc_free(&doc);
    /* no budget.csv nor balances.csv: the statements, the indicators'
     * panel and the headings over nothing else are left out */
    f.budget.present = f.forecast.present = f.position.present = false;
    f.indicators.reserve_months.present = false;
    assert_int_equal(load(&doc,
                          "## Statement\n\n{{% statement %}}\n\n{{% indicators %}}\n\n"
                          "## Budget\n\n{{% budget %}}\n\n## Forecast\n\n{{% forecast %}}\n\n"
                          "## Position\n\n{{% position %}}\n",
                          LANG_EN, &d),
                     0);
    assert_int_equal(doc.count, 2);
    assert_string_equal(text_of(&doc, 0), "Statement");
    assert_string_equal(doc.blocks[1].name, "statement");
    tpl_doc_free(&doc);
    assert_int_equal(report_directive_id_of("people_others"), REPORT_DIRECTIVE_PEOPLE_OTHERS);
    assert_int_equal(report_directive_id_of("include"), -1);
    assert_int_equal(report_chart_id_of("history"), REPORT_CHART_HISTORY);
    assert_int_equal(report_chart_id_of("histories"), -1);
}

static void test_check_messages(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    /* every problem is reported, each at its line, with its exact words */
    assert_int_equal(load(&doc,
                          "{{% axis Nowhere %}}\n\n{{% chart pie %}}\n\n{{% chart %}}\n\n"
                          "{{% toc now %}}\n\n{{% people %}}\n\n{{% axis %}}\n",
                          LANG_FR, &d),
                     -1);
    assert_int_equal(d.count, 6);
    assert_non_null(strstr(out, "report.md:1: directive '{{% axis Nowhere %}}': "
                                "no such program area (axis) in activities.csv"));
    assert_non_null(strstr(out, "report.md:3: directive '{{% chart pie %}}': "
                                "expected revenue_groups, expense_groups or history"));
    assert_non_null(strstr(out, "report.md:5: directive '{{% chart  %}}': "
                                "expected revenue_groups, expense_groups or history"));
    assert_non_null(strstr(out, "report.md:7: directive '{{% toc now %}}': takes no argument"));
    assert_non_null(strstr(out, "report.md:9: directive '{{% people  %}}': "
                                "no such group in people.csv"));
    assert_non_null(strstr(out, "report.md:11: directive '{{% axis  %}}': "
                                "no such program area (axis) in activities.csv"));
    tpl_doc_free(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sections_french),
        cmocka_unit_test(test_sections_english),
        cmocka_unit_test(test_axes_argument_refused),
        cmocka_unit_test(test_slug),
        cmocka_unit_test(test_others_after_the_rest),
        cmocka_unit_test(test_others_every_group),
        cmocka_unit_test(test_others_nothing_left),
        cmocka_unit_test(test_people_errors),
        cmocka_unit_test(test_every_drawn_directive_loads),
        cmocka_unit_test(test_check_messages),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
