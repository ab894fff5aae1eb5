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
#include "compute_lists.h"

#include <stdio.h>
#include <string.h>

#define NNBSP "\xe2\x80\xaf"
#define NBSP  "\xc2\xa0"

static char org[] = "Dynamo", title[] = "Bilan annuel";
static config cfg;
static group_figure groups[2];
static axis_figure axes[1];
static person people[2] = { { "A", "Président", "Conseil d'administration", "" },
                            { "B", "", "Équipe", "Équipe Formation" } };
static figures f;
static messages *catalogue[2]; /* the real ones, by language */

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
    groups[0] =
        (group_figure){ "Subventions", { 64505700, 58183900, 6321800, FIGURE_PCT_VALUE, 109 } };
    groups[1] = (group_figure){ "Revenus autonomes",
                                { 12498000, 7900000, 4598000, FIGURE_PCT_VALUE, 582 } };
    f.revenue_groups = groups;
    f.revenue_group_count = 2;
    f.has_self_generated = true;
    f.self_generated = groups[1].amount;
    axes[0] = (axis_figure){ "Formation",
                             { 40, 0, 40, FIGURE_PCT_NEW, 0 },
                             { 900, 450, 450, FIGURE_PCT_VALUE, 1000 },
                             { 12345, 100, 12245, FIGURE_PCT_VALUE, 122450 } };
    f.axes = axes;
    f.axis_count = 1;
    f.people = people;
    f.people_count = 2;
    compute_roster(&f);
    diag d;
    diag_init(&d, stderr);
    catalogue[LANG_FR] = messages_load("templates", LANG_FR, &d);
    catalogue[LANG_EN] = messages_load("templates", LANG_EN, &d);
    return catalogue[LANG_FR] && catalogue[LANG_EN] ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    messages_free(catalogue[LANG_FR]);
    messages_free(catalogue[LANG_EN]);
    f.people_count = 0;
    compute_roster(&f); /* frees the roster */
    return 0;
}

static const char *field(const char *name)
{
    static char out[256];
    fields_context c = { &f, catalogue[f.lang] };
    if (!fields_resolve(&c, name, out, sizeof out))
        return NULL;
    return out;
}

static void test_french(void **state)
{
    (void)state;
    f.lang = LANG_FR;
    assert_string_equal(field("organisation.name"), "Dynamo");
    assert_string_equal(field("organisation.tagline"), ""); /* not set */
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
    assert_string_equal(field("people.teams"), "1"); /* one team, one empty */
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
    assert_string_equal(field("people[conseil d\xe2\x80\x99"
                              "administration].count"),
                        "1");
    assert_string_equal(field("people[Equipe].count"), "1");
    assert_non_null(figures_people_group(&f, "CONSEIL D\xe2\x80\x99"
                                             "ADMINISTRATION"));
    assert_null(figures_people_group(&f, "Conseil"));
    assert_null(figures_people_group(&f, "Équipes"));
    people[0].team = "ÉQUIPE  formation"; /* one team, written twice */
    compute_roster(&f);
    assert_string_equal(field("people.teams"), "1");
    people[0].team = "Équipe Jeunesse";
    compute_roster(&f);
    assert_string_equal(field("people.teams"), "2");
    people[0].team = "";
    compute_roster(&f);
}

static void test_currency(void **state)
{
    (void)state;
    char eur[] = "EUR", chf[] = "CHF";
    cfg.currency = eur;
    f.lang = LANG_FR;
    assert_string_equal(field("finances.revenue.current"), "773" NNBSP "861" NBSP "\xe2\x82\xac");
    f.lang = LANG_EN;
    assert_string_equal(field("finances.self_generated.change"), "+\xe2\x82\xac"
                                                                 "45,980");
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
    cfg.currency = NULL; /* not set: dollars */
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
    f.people_count = 1; /* no team: unknown */
    compute_roster(&f);
    assert_null(field("people.teams"));
    f.people_count = 2;
    compute_roster(&f);
    f.has_self_generated = false;
    assert_null(field("finances.self_generated.current"));
    f.has_self_generated = true;
}

/* Counted nouns agree with their number, in each language's way; the
 * change in words: a percentage, "nouveau cette année" from 0, "comme
 * l'an dernier" from 0 to 0. */
static void test_words(void **state)
{
    (void)state;
    f.lang = LANG_FR;
    f.partner_count = figure_make(1, 0);
    f.region_count = figure_make(0, 12);
    assert_string_equal(field("activities.partners.current.counted"), "1 complicité");
    assert_string_equal(field("activities.regions.current.counted"), "0 région");
    assert_string_equal(field("activities.regions.previous.counted"), "12 régions");
    assert_null(field("activities.regions.change.counted"));
    assert_null(field("finances.revenue.current.counted")); /* money has no noun */
    assert_null(field("activities.regions.current.count"));
    f.history_count = 1;
    assert_string_equal(field("history.years.counted"), "1 exercice");
    assert_string_equal(field("finances.self_generated.change_phrase"),
                        "soit une variation de +58,2" NBSP "% sur l'an dernier");
    figure saved = f.self_generated;
    f.self_generated = figure_make(12498000, 0);
    assert_string_equal(field("finances.self_generated.change_phrase"), "nouveau cette année");
    f.self_generated = figure_make(0, 0);
    assert_string_equal(field("finances.self_generated.change_phrase"), "comme l'an dernier");
    f.lang = LANG_EN;
    assert_string_equal(field("activities.regions.current.counted"), "0 regions");
    assert_string_equal(field("activities.partners.current.counted"), "1 partner");
    assert_string_equal(field("history.years.counted"), "1 fiscal year");
    assert_string_equal(field("finances.self_generated.change_phrase"), "as last year");
    f.self_generated = saved;
    assert_string_equal(field("finances.self_generated.change_phrase"),
                        "a change of +58.2% over last year");
    f.history_count = 0;
    f.lang = LANG_FR;
}

/* Every figure of the registry (figure_registry.h, which the JSON is
 * written from) is a placeholder, with each of its parts; likewise every
 * list element that a name can select. */
static void test_registry_placeholders(void **state)
{
    (void)state;
    char name[256];
    for (size_t i = 0; i < figure_entry_count; i++)
        for (int p = 0; p < FIGURE_PART_COUNT; p++) {
            snprintf(name, sizeof name, "%s.%s", figure_entries[i].path,
                     figure_part_name((figure_part)p));
            assert_non_null(field(name));
        }
    for (size_t i = 0; i < figure_list_count; i++) {
        const figure_list *list = &figure_lists[i];
        if (!list->placeholder || list->count(&f) == 0)
            continue;
        const figure_member *m = &list->members[FIGURE_MEMBERS_MAX - 1];
        while (!m->get)
            m--;
        snprintf(name, sizeof name, "%s[%s].%s%s%s", list->path, list->texts[0].get(&f, 0),
                 m->name ? m->name : "", m->name ? "." : "", "change_pct");
        assert_non_null(field(name));
    }
    assert_int_equal(figure_part_of("change_pct"), FIGURE_CHANGE_PCT);
    assert_int_equal(figure_part_of("current."), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_french),
        cmocka_unit_test(test_english),
        cmocka_unit_test(test_group_names_folded),
        cmocka_unit_test(test_currency),
        cmocka_unit_test(test_unknown),
        cmocka_unit_test(test_registry_placeholders),
        cmocka_unit_test(test_words),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
