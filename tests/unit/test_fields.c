/* test_fields.c - placeholder names -> text, from a figures struct
 * filled by hand: money in report.ini's currency, whole in sentences and
 * to the cent in tables; people groups matched by folded name
 * (report/fields.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "report/fields.h"

#include <string.h>

#define NNBSP "\xe2\x80\xaf"
#define NBSP "\xc2\xa0"

static char org[] = "Dynamo", title[] = "Bilan annuel";
static config cfg;
static group_figure groups[2];
static axis_figure axes[1];
static person people[2] = { { "A", "Président", "Conseil d'administration", "" },
                            { "B", "", "Équipe", "Équipe Formation" } };
static figures f;

static int setup(void **state)
{
    (void)state;
    cfg.org_name = org;
    cfg.title = title;
    f.config = &cfg;
    f.lang = LANG_FR;
    f.current = (fiscal_period){ 2014, "2013-2014", { 2013, 4, 1 }, { 2014, 3, 31 } };
    f.previous = (fiscal_period){ 2013, "2012-2013", { 2012, 4, 1 }, { 2013, 3, 31 } };
    f.revenue = (figure){ 77386055, 66365194, 11020861, FIGURE_PCT_VALUE, 166 };
    groups[0] = (group_figure){ "Subventions", { 64505700, 58183900, 6321800, FIGURE_PCT_VALUE, 109 } };
    groups[1] = (group_figure){ "Revenus autonomes", { 12498000, 7900000, 4598000, FIGURE_PCT_VALUE, 582 } };
    f.revenue_groups = groups;
    f.revenue_group_count = 2;
    f.has_self_generated = true;
    f.self_generated = groups[1].amount;
    axes[0] = (axis_figure){ "Formation", { 40, 0, 40, FIGURE_PCT_NEW, 0 }, { 900, 450, 450, FIGURE_PCT_VALUE, 1000 },
                             { 12345, 100, 12245, FIGURE_PCT_VALUE, 122450 } };
    f.axes = axes;
    f.axis_count = 1;
    f.people = people;
    f.people_count = 2;
    return 0;
}

static const char *field(const char *name)
{
    static char out[256];
    if (!fields_resolve(&f, name, out, sizeof out))
        return NULL;
    return out;
}

static void test_french(void **state)
{
    (void)state;
    f.lang = LANG_FR;
    assert_string_equal(field("organisation.name"), "Dynamo");
    assert_string_equal(field("organisation.tagline"), "");      /* not set */
    assert_string_equal(field("fiscal_year.label"), "2013-2014");
    assert_string_equal(field("fiscal_year.end"), "31 mars 2014");
    assert_string_equal(field("previous_fiscal_year.start"), "1er avril 2012");
    assert_string_equal(field("finances.revenue.current"), "773" NNBSP "861" NBSP "$");
    assert_string_equal(field("finances.self_generated.previous"), "79" NNBSP "000" NBSP "$");
    assert_string_equal(field("finances.self_generated.change"), "+45" NNBSP "980" NBSP "$");
    assert_string_equal(field("finances.self_generated.change_pct"), "+58,2" NBSP "%");
    assert_string_equal(field("finances.revenue_groups[Revenus autonomes].current"),
                        "124" NNBSP "980" NBSP "$");
    assert_string_equal(field("activities.axes[Formation].count.change_pct"), "nouveau");
    assert_string_equal(field("activities.axes[Formation].hours.current"), "123,45");
    assert_string_equal(field("people[Conseil d'administration].count"), "1");
    assert_string_equal(field("people.teams"), "1");      /* one team, one empty */
}

static void test_english(void **state)
{
    (void)state;
    f.lang = LANG_EN;
    assert_string_equal(field("fiscal_year.end"), "March 31, 2014");
    assert_string_equal(field("finances.revenue.change"), "+$110,209");
    assert_string_equal(field("finances.revenue_groups[Subventions].change_pct"), "+10.9%");
    assert_string_equal(field("activities.axes[Formation].participants.previous"), "450");
    f.lang = LANG_FR;
}

static void test_group_names_folded(void **state)
{
    (void)state;
    f.lang = LANG_FR;
    assert_string_equal(field("people[CONSEIL D'ADMINISTRATION].count"), "1");
    assert_string_equal(field("people[conseil d\xe2\x80\x99" "administration].count"), "1");
    assert_string_equal(field("people[Equipe].count"), "1");
    assert_true(fields_same_group("Conseil d\xe2\x80\x99" "administration", "CONSEIL D'ADMINISTRATION"));
    assert_true(fields_same_group("Board  of directors", "board of Directors"));
    assert_false(fields_same_group("Board", "Board of directors"));
    assert_false(fields_same_group("Équipe", "Équipes"));
    people[0].team = "ÉQUIPE  formation";               /* one team, written twice */
    assert_string_equal(field("people.teams"), "1");
    people[0].team = "Équipe Jeunesse";
    assert_string_equal(field("people.teams"), "2");
    people[0].team = "";
}

static void test_currency(void **state)
{
    (void)state;
    char eur[] = "EUR", chf[] = "CHF";
    cfg.currency = eur;
    f.lang = LANG_FR;
    assert_string_equal(field("finances.revenue.current"), "773" NNBSP "861" NBSP "\xe2\x82\xac");
    f.lang = LANG_EN;
    assert_string_equal(field("finances.self_generated.change"), "+\xe2\x82\xac" "45,980");
    cfg.currency = chf;
    assert_string_equal(field("finances.revenue.current"), "CHF" NBSP "773,861");
    char out[64];
    fields_value(&f, -123456, UNIT_MONEY_CENTS, false, out, sizeof out);
    assert_string_equal(out, "-CHF" NBSP "1,234.56");
    fields_value(&f, 123456, UNIT_MONEY_CENTS, true, out, sizeof out);
    assert_string_equal(out, "+CHF" NBSP "1,234.56");
    f.lang = LANG_FR;
    fields_value(&f, 123456, UNIT_MONEY_CENTS, false, out, sizeof out);
    assert_string_equal(out, "1" NNBSP "234,56" NBSP "CHF");
    cfg.currency = NULL;                                /* not set: dollars */
    fields_value(&f, 123456, UNIT_MONEY, false, out, sizeof out);
    assert_string_equal(out, "1" NNBSP "235" NBSP "$");
}

static void test_unknown(void **state)
{
    (void)state;
    assert_null(field("finances.revenu"));
    assert_null(field("finances.revenue"));
    assert_null(field("finances.revenue.currant"));
    assert_null(field("finances.revenue_groups[Dons].current"));
    assert_null(field("finances.revenue_groups[Subventions"));
    assert_null(field("activities.axes[Formation].count"));
    assert_null(field("activities.axes[Accompagnement].count.current"));
    assert_null(field("people[Collaborateurs].count"));
    f.people_count = 1;                                 /* no team: unknown */
    assert_null(field("people.teams"));
    f.people_count = 2;
    f.has_self_generated = false;
    assert_null(field("finances.self_generated.current"));
    f.has_self_generated = true;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_french),
        cmocka_unit_test(test_english),
        cmocka_unit_test(test_group_names_folded),
        cmocka_unit_test(test_currency),
        cmocka_unit_test(test_unknown),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
