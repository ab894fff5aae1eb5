/* test_compute_lists.c - the lists compute decides for every renderer
 * (compute_lists.c): the people roster (groups and team headings by
 * folded name, in order of first appearance, members in file order; the
 * distinct teams; O(people) on a large people.csv) and the funders table
 * (which revenue counterparties, in what order, with the other funders,
 * the donors together and the other revenue, adding up to revenue; the
 * settings funders_groups, funders_min, funders_top, donors). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "compute_lists.h"
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- the roster -------------------------------------------------------- */

static person people[] = {
    { "Ann Lee", "Chair", "Board of Directors", "" },
    { "Jean Roy", "Coordonnateur", "Équipe", "Équipe Formation" },
    { "Marie Tremblay", "Présidente",
      "Conseil d\xe2\x80\x99"
      "administration",
      "" },
    { "Marc Roy", "Coordonnateur", "EQUIPE", "" },
    { "Luc Roy", "Formateur", "Équipe", "ÉQUIPE  formation" },
    { "Bob Smith", "Treasurer", "BOARD OF DIRECTORS", "" },
    { "Kim Park", "Helper", "Volunteers", "Kitchen" },
};

static figures roster_of(person *list, size_t n)
{
    figures f = { .people = list, .people_count = n };
    compute_roster(&f);
    return f;
}

static void is_list(const people_list *l, const char *name, size_t count, const size_t *members)
{
    assert_non_null(l);
    assert_string_equal(l->name, name);
    assert_int_equal(l->count, count);
    for (size_t i = 0; i < count; i++)
        assert_int_equal(l->members[i], members[i]);
}

static void test_roster_groups(void **state)
{
    (void)state;
    figures f = roster_of(people, sizeof people / sizeof *people);
    /* one group per folded name, named as first written, in order of
     * first appearance; members in file order */
    assert_int_equal(f.people_group_count, 4);
    is_list(&f.people_groups[0], "Board of Directors", 2, (const size_t[]){ 0, 5 });
    is_list(&f.people_groups[1], "Équipe", 3, (const size_t[]){ 1, 3, 4 });
    is_list(&f.people_groups[2],
            "Conseil d\xe2\x80\x99"
            "administration",
            1, (const size_t[]){ 2 });
    is_list(&f.people_groups[3], "Volunteers", 1, (const size_t[]){ 6 });
    assert_false(f.people_groups[0].has_teams);
    assert_true(f.people_groups[1].has_teams);
    assert_true(f.people_groups[3].has_teams);
    assert_ptr_equal(figures_people_group(&f, "conseil d'ADMINISTRATION"), &f.people_groups[2]);
    assert_ptr_equal(figures_people_group(&f, "board  of directors"), &f.people_groups[0]);
    assert_null(figures_people_group(&f, "Board"));
    assert_null(figures_people_group(&f, "Équipes"));
    figures_free(&f);
}

static void test_roster_teams(void **state)
{
    (void)state;
    figures f = roster_of(people, sizeof people / sizeof *people);
    /* a team once per folded name; Marc (no team, in a group with teams)
     * under his group's name; groups without teams are not there */
    assert_int_equal(f.people_unit_count, 3);
    is_list(&f.people_units[0], "Équipe Formation", 2, (const size_t[]){ 1, 4 });
    is_list(&f.people_units[1], "EQUIPE", 1, (const size_t[]){ 3 });
    is_list(&f.people_units[2], "Kitchen", 1, (const size_t[]){ 6 });
    assert_int_equal(f.people_team_count, 2); /* Équipe Formation, Kitchen */
    figures_free(&f);
    f = roster_of(people, 0); /* no people.csv */
    assert_int_equal(f.people_group_count, 0);
    assert_int_equal(f.people_unit_count, 0);
    assert_int_equal(f.people_team_count, 0);
    assert_null(figures_people_group(&f, "Équipe"));
    figures_free(&f);
}

/* 200,000 people in 1,000 groups and 1,000 teams: the roster is made in
 * linear time (the quadratic one took minutes here). */
static void test_roster_large(void **state)
{
    (void)state;
    enum { N = 200000 };
    person *many = xcalloc(N, sizeof *many);
    char(*text)[3][24] = xcalloc(N, sizeof *text);
    for (size_t i = 0; i < N; i++) {
        snprintf(text[i][0], sizeof text[i][0], "Person %zu", i);
        snprintf(text[i][1], sizeof text[i][1], "Group %zu", i % 1000);
        snprintf(text[i][2], sizeof text[i][2], "Team %zu", i % 2000);
        many[i] = (person){ text[i][0], "", text[i][1], i / 1000 % 2 ? "" : text[i][2] };
    }
    clock_t start = clock();
    figures f = roster_of(many, N);
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    assert_true(seconds < 5);
    assert_int_equal(f.people_group_count, 1000);
    assert_int_equal(f.people_groups[999].count, N / 1000);
    /* half of each group has a team (Team 0 to Team 999), half has none:
     * listed under the group's name */
    assert_int_equal(f.people_team_count, 1000);
    assert_int_equal(f.people_unit_count, 1000 + 1000);
    assert_string_equal(f.people_units[0].name, "Team 0");
    assert_int_equal(f.people_units[0].count, N / 2000);
    figures_free(&f);
    free(text);
    free(many);
}

/* ---- funders ----------------------------------------------------------- */

static config cfg;
static account_figure accounts[] = {
    { "4100", "Centraide", "Subventions", KIND_REVENUE, { 0 } },
    { "4110", "Ville", "Subventions", KIND_REVENUE, { 0 } },
    { "4200", "Formations", "Revenus autonomes", KIND_REVENUE, { 0 } },
    { "4900", "Intérêts", "Autres revenus", KIND_REVENUE, { 0 } },
    { "4910", "Dons", "Autres revenus", KIND_REVENUE, { 0 } },
    { "5000", "Salaires", "Salaires", KIND_EXPENSE, { 0 } },
};
static group_figure groups[] = {
    { "Subventions", { 0 } },
    { "Revenus autonomes", { 0 } },
    { "Autres revenus", { 0 } },
};
/* revenue by line: 4100 Centraide 500/400, Ville 100/0 (on two accounts),
 * CDC 50/0, CRÉ 50/0, Table 0/30; 4200 CDC 20/0, Écoles 10/10, Nul 0/0;
 * 4910 Ann 5/0, Bob 5/2, Cy 0/0; and 4900 0.75/0.50 without anyone */
static const funder_line lines[] = {
    { "Centraide", "4100", { 50000, 40000 } },
    { "Ville", "4100", { 6000, 0 } },
    { "Ville", "4110", { 4000, 0 } },
    { "CDC", "4110", { 5000, 0 } },
    { "CRÉ", "4110", { 5000, 0 } },
    { "Table", "4110", { 0, 3000 } },
    { "CDC", "4200", { 2000, 0 } },
    { "Écoles", "4200", { 1000, 1000 } },
    { "Nul", "4200", { 0, 0 } },
    { "Ann", "4910", { 500, 0 } },
    { "Bob", "4910", { 500, 200 } },
    { "Cy", "4910", { 0, 0 } },
};

static figures funders_of(const char *groups_setting, int64_t min, int top, const char *donors,
                          diag *d)
{
    cfg = (config){ .funders_groups = (char *)groups_setting,
                    .funders_min = min,
                    .funders_top = top,
                    .donors = (char *)donors,
                    .funders_groups_line = 7,
                    .donors_line = 9 };
    figures f = { .config = &cfg,
                  .accounts = accounts,
                  .account_count = sizeof accounts / sizeof *accounts,
                  .revenue_groups = groups,
                  .revenue_group_count = 3,
                  .revenue = figure_make(74075, 44250) };
    diag_init(d, stderr);
    int rc = compute_funders(&f, lines, sizeof lines / sizeof *lines, d);
    assert_int_equal(rc, diag_failed(d) ? -1 : 0);
    return f;
}

/* Row i: its kind, name (a funder's) or count, and amounts. */
static void is_row(const figures *f, size_t i, funder_kind kind, const char *name, size_t count,
                   int64_t current, int64_t previous)
{
    assert_true(i < f->funder_count);
    const funder_row *r = &f->funders[i];
    assert_int_equal(r->kind, kind);
    if (kind == FUNDER_NAMED)
        assert_string_equal(r->name, name);
    else
        assert_int_equal(r->count, count);
    assert_int_equal(r->amount.current, current);
    assert_int_equal(r->amount.previous, previous);
    assert_int_equal(r->amount.change, current - previous);
}

/* The rows add up to revenue, both years. */
static void ties(const figures *f)
{
    int64_t cur = 0, prev = 0;
    for (size_t i = 0; i < f->funder_count; i++) {
        cur += f->funders[i].amount.current;
        prev += f->funders[i].amount.previous;
    }
    assert_int_equal(cur, f->revenue.current);
    assert_int_equal(prev, f->revenue.previous);
}

static void test_funders_default(void **state)
{
    (void)state;
    diag d;
    figures f = funders_of(NULL, 0, 0, NULL, &d);
    /* every counterparty by name, largest first, ties by name, the
     * accounts of one funder summed, none that is 0 in both years; the
     * gifts of account "Dons" together (Cy gave nothing: not counted);
     * the interest, without a counterparty, in the other revenue */
    assert_int_equal(f.funder_count, 8);
    is_row(&f, 0, FUNDER_NAMED, "Centraide", 0, 50000, 40000);
    is_row(&f, 1, FUNDER_NAMED, "Ville", 0, 10000, 0);
    is_row(&f, 2, FUNDER_NAMED, "CDC", 0, 7000, 0);
    is_row(&f, 3, FUNDER_NAMED, "CRÉ", 0, 5000, 0);
    is_row(&f, 4, FUNDER_NAMED, "Écoles", 0, 1000, 1000);
    is_row(&f, 5, FUNDER_NAMED, "Table", 0, 0, 3000);
    is_row(&f, 6, FUNDER_DONORS, NULL, 2, 1000, 200);
    is_row(&f, 7, FUNDER_OTHER_REVENUE, NULL, 0, 75, 50);
    ties(&f);
    /* shares of the reported year's revenue, in tenths of a percent */
    assert_true(f.funders[0].has_share);
    assert_int_equal(f.funders[0].share_tenths, 675); /* 500 / 740.75 */
    assert_int_equal(f.funders[5].share_tenths, 0);
    assert_int_equal(d.count, 0);
    free(f.funders);
}

static void test_funders_settings(void **state)
{
    (void)state;
    diag d;
    /* only the grants and the gifts; at least 50.00, at most two named */
    figures f = funders_of("subventions, AUTRES REVENUS", 5000, 2, NULL, &d);
    is_row(&f, 0, FUNDER_NAMED, "Centraide", 0, 50000, 40000);
    is_row(&f, 1, FUNDER_NAMED, "Ville", 0, 10000, 0);
    is_row(&f, 2, FUNDER_OTHERS, NULL, 3, 10000, 3000); /* CDC, CRÉ, Table */
    is_row(&f, 3, FUNDER_DONORS, NULL, 2, 1000, 200);
    is_row(&f, 4, FUNDER_OTHER_REVENUE, NULL, 0, 3075, 1050); /* 4200 and 4900 */
    assert_int_equal(f.funder_count, 5);
    ties(&f);
    free(f.funders);
    /* donors listed by name: "none" */
    f = funders_of(NULL, 0, 0, "none", &d);
    assert_int_equal(f.funder_count, 9);
    is_row(&f, 5, FUNDER_NAMED, "Ann", 0, 500, 0);
    is_row(&f, 6, FUNDER_NAMED, "Bob", 0, 500, 200);
    ties(&f);
    free(f.funders);
    /* donors by account code and group: 4200 and 4910 */
    f = funders_of(NULL, 0, 0, "4200, Dons", &d);
    is_row(&f, 2, FUNDER_NAMED, "CDC", 0, 5000, 0); /* its grant alone */
    is_row(&f, 4, FUNDER_NAMED, "Table", 0, 0, 3000);
    is_row(&f, 5, FUNDER_DONORS, NULL, 4, 4000, 1200); /* CDC, Écoles, Ann, Bob */
    ties(&f);
    free(f.funders);
}

static void test_funders_empty(void **state)
{
    (void)state;
    diag d;
    /* a group without counterparties: no table at all, not an "other
     * revenue" row alone */
    figures f = funders_of("Autres revenus", 0, 0, "none", &d);
    assert_int_equal(f.funder_count, 3);
    free(f.funders);
    f = funders_of("Autres revenus", 0, 0, "Dons", &d);
    assert_int_equal(f.funder_count, 2);
    assert_int_equal(f.funders[0].kind, FUNDER_DONORS);
    free(f.funders);
    cfg = (config){ 0 };
    figures none = { .config = &cfg, .revenue = figure_make(100, 0) };
    diag_init(&d, stderr);
    assert_int_equal(compute_funders(&none, NULL, 0, &d), 0);
    assert_int_equal(none.funder_count, 0);
    free(none.funders);
}

static void test_funders_unknown_names(void **state)
{
    (void)state;
    char out[1024] = "";
    FILE *err = fmemopen(out, sizeof out, "w");
    diag d;
    cfg = (config){ .funders_groups = "Subventions, Subvention",
                    .donors = "Don, 4910",
                    .funders_groups_line = 7,
                    .donors_line = 9 };
    figures f = { .config = &cfg,
                  .accounts = accounts,
                  .account_count = sizeof accounts / sizeof *accounts,
                  .revenue_groups = groups,
                  .revenue_group_count = 3 };
    diag_init(&d, err);
    assert_int_equal(compute_funders(&f, lines, sizeof lines / sizeof *lines, &d), -1);
    diag_finish(&d);
    fclose(err);
    assert_non_null(strstr(out, "report.ini:7: funders_groups: 'Subvention' is not a revenue "
                                "group of accounts.csv"));
    assert_non_null(strstr(out, "report.ini:9: donors: 'Don' is not a revenue group"));
    assert_null(strstr(out, "4910"));
    /* an expense group is no revenue group */
    cfg = (config){ .funders_groups = "Salaires", .funders_groups_line = 3 };
    err = fmemopen(out, sizeof out, "w");
    diag_init(&d, err);
    free(f.funders);
    f.funders = NULL;
    assert_int_equal(compute_funders(&f, lines, sizeof lines / sizeof *lines, &d), -1);
    fclose(err);
    assert_non_null(strstr(out, "report.ini:3: funders_groups: 'Salaires' is not"));
    free(f.funders);
}

/* ---- labels ------------------------------------------------------------ */

static void test_labels(void **state)
{
    (void)state;
    config_label labels[] = {
        { LANG_EN, "formation", "Training", 3 },    { LANG_EN, "Subventions", "Grants", 4 },
        { LANG_FR, "Staff", "Équipe", 6 },          { LANG_EN, "Formaton", "Typo", 7 },
        { LANG_EN, "débiteurs", "Receivables", 8 },
    };
    cfg = (config){ .labels = labels, .label_count = 5 };
    axis_figure axes[] = { { "Formation", { 0 }, { 0 }, { 0 } } };
    figures f = { .config = &cfg,
                  .lang = LANG_EN,
                  .axes = axes,
                  .axis_count = 1,
                  .revenue_groups = groups,
                  .revenue_group_count = 3,
                  .people = people,
                  .people_count = 1 };
    char out[512] = "";
    FILE *err = fmemopen(out, sizeof out, "w");
    diag d;
    diag_init(&d, err);
    const char *const balance_groups[] = { "Encaisse", "Débiteurs" };
    compute_labels(&f, balance_groups, 2, &d);
    fclose(err);
    /* names folded; the report's language only; a label naming nothing
     * is a warning (Staff is a group of no person here) */
    assert_string_equal(figures_label(&f, "Formation"), "Training");
    assert_string_equal(figures_label(&f, "SUBVENTIONS"), "Grants");
    assert_string_equal(figures_label(&f, "Revenus autonomes"), "Revenus autonomes");
    assert_string_equal(figures_label(&f, "Staff"), "Staff");
    /* a group of an asset account, with or without a position to show it */
    assert_string_equal(figures_label(&f, "Débiteurs"), "Receivables");
    assert_int_equal(d.status, EXIT_OK);
    assert_int_equal(d.warnings, 2);
    assert_non_null(strstr(out, "report.ini:6: warning: [labels.fr] 'Staff' is no program area"));
    assert_non_null(strstr(out, "report.ini:7: warning: [labels.en] 'Formaton'"));
    strmap_free(f.labels);
    figures none = { .lang = LANG_EN };
    assert_string_equal(figures_label(&none, "Formation"), "Formation");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roster_groups),         cmocka_unit_test(test_roster_teams),
        cmocka_unit_test(test_roster_large),          cmocka_unit_test(test_funders_default),
        cmocka_unit_test(test_funders_settings),      cmocka_unit_test(test_funders_empty),
        cmocka_unit_test(test_funders_unknown_names), cmocka_unit_test(test_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
