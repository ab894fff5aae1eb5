/* test_pdf_people.c - people.csv in the report: "{{% people_others %}}"
 * lists, under its name, every group that no "people" or "team" directive
 * of the template shows (anywhere in it, group names folded), in
 * people.csv's order; "{{% people GROUP %}}" is checked by folded name
 * (pdf_parts.c through the template loader, figures filled by hand). */
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
#include <unistd.h>

static char dir[] = "/tmp/test_pdf_people_XXXXXX";
static char tpl[256], out[4096];
static person people[] = {
    { "Ann Lee", "Chair", "Board of Directors", "" },
    { "Marie Tremblay", "Présidente", "Conseil d\xe2\x80\x99" "administration", "" },
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
    f.lang = LANG_EN;
    f.people = people;
    f.people_count = sizeof people / sizeof *people;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(tpl);
    return rmdir(dir);
}

static bool no_field(void *user, const char *name, char *value, size_t size)
{
    (void)user, (void)name, (void)value, (void)size;
    return false;
}

/* Loads text as the template, with the report's generator and checks. */
static int load(tpl_doc *doc, const char *text, diag *d)
{
    FILE *t = fopen(tpl, "w");
    assert_non_null(t);
    fputs(text, t);
    fclose(t);
    FILE *err = fmemopen(out, sizeof out, "w");
    diag_init(d, err);
    pdf_report r = { .f = &f, .d = d };
    tpl_options opt = { .templates_dir = dir, .input_dir = dir, .resolve = no_field,
                        .directives = report_directives, .lang = "en",
                        .generate = report_generate, .generate_user = &r,
                        .late = report_late_directives };
    int rc = tpl_load(doc, tpl, "report.md", &opt, d);
    for (size_t i = 0; rc == 0 && i < doc->count; i++)
        if (doc->blocks[i].kind == TPL_DIRECTIVE && !report_directive_check(&r, &doc->blocks[i]))
            rc = -1;
    fclose(err);
    return rc;
}

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
    assert_int_equal(load(&doc, "# Team\n\n{{% people_others %}}\n\n# Board\n\n"
                                "{{% people board of directors %}}\n\n"
                                "{{% people CONSEIL D'ADMINISTRATION %}}\n\n{{% team %}}\n", &d), 0);
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
    assert_int_equal(load(&doc, "# People\n\n{{% people_others %}}\n", &d), 0);
    assert_int_equal(doc.count, 1 + 2 * 5);
    is_people(&doc, 2, "Board of Directors");
    is_people(&doc, 4, "Conseil d\xe2\x80\x99" "administration");
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
    assert_int_equal(load(&doc, "# Board\n\n{{% people Board of directors %}}\n\n"
                                "{{% people Conseil d'administration %}}\n\n{{% people staff %}}\n\n"
                                "{{% people VOLUNTEERS %}}\n\n{{% team %}}\n\n"
                                "# Others\n\n{{% people_others %}}\n", &d), 0);
    assert_int_equal(doc.count, 6);
    assert_string_equal(text_of(&doc, 0), "Board");
    assert_int_equal(doc.blocks[5].kind, TPL_DIRECTIVE);
    assert_string_equal(doc.blocks[5].name, "team");
    tpl_doc_free(&doc);
    size_t count = f.people_count;
    f.people_count = 0;                           /* no people.csv */
    assert_int_equal(load(&doc, "# Others\n\n{{% people_others %}}\n", &d), 0);
    assert_int_equal(doc.count, 0);
    f.people_count = count;
    tpl_doc_free(&doc);
}

static void test_errors(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    assert_int_equal(load(&doc, "Text.\n\n{{% people_others Staff %}}\n", &d), -1);
    assert_non_null(strstr(out, "report.md:3: directive '{{% people_others Staff %}}': "
                                "takes no argument"));
    tpl_doc_free(&doc);
    assert_int_equal(load(&doc, "Text.\n\n{{% people Bord of directors %}}\n", &d), -1);
    assert_non_null(strstr(out, "report.md:3: directive '{{% people Bord of directors %}}': "
                                "no such group in people.csv"));
    tpl_doc_free(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_others_after_the_rest),
        cmocka_unit_test(test_others_every_group),
        cmocka_unit_test(test_others_nothing_left),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
