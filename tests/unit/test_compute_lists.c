/* test_compute_lists.c - the lists compute decides for every renderer
 * (compute_lists.c): the people roster (groups and team headings by
 * folded name, in order of first appearance, members in file order; the
 * distinct teams; O(people) on a large people.csv) and the funders table
 * (which revenue counterparties, in what order). */
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
    { "Marie Tremblay", "Présidente", "Conseil d\xe2\x80\x99" "administration", "" },
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

static void is_list(const people_list *l, const char *name, size_t count,
                    const size_t *members)
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
    is_list(&f.people_groups[2], "Conseil d\xe2\x80\x99" "administration", 1, (const size_t[]){ 2 });
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
    assert_int_equal(f.people_team_count, 2);   /* Équipe Formation, Kitchen */
    figures_free(&f);
    f = roster_of(people, 0);                   /* no people.csv */
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
    char (*text)[3][24] = xcalloc(N, sizeof *text);
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

static void test_funders_order(void **state)
{
    (void)state;
    counterparty_figure c[] = {
        { "Ville", KIND_REVENUE, figure_make(1850000, 1500000) },
        { "Bureau en Gros", KIND_EXPENSE, figure_make(9000000, 0) },
        { "Centraide", KIND_REVENUE, figure_make(39875000, 37724050) },
        { "CRÉ", KIND_REVENUE, figure_make(145000, 0) },
        { "CDC", KIND_REVENUE, figure_make(145000, 0) },
        { "Table", KIND_REVENUE, figure_make(0, 427550) },
    };
    figures f = { .counterparties = c, .counterparty_count = sizeof c / sizeof *c };
    compute_funders(&f);
    /* revenue only, largest first, ties by name */
    static const char *const order[] = { "Centraide", "Ville", "CDC", "CRÉ", "Table" };
    assert_int_equal(f.funder_count, 5);
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(f.funders[i].name, order[i]);
    assert_int_equal(f.funders[0].amount.previous, 37724050);
    free(f.funders);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roster_groups),
        cmocka_unit_test(test_roster_teams),
        cmocka_unit_test(test_roster_large),
        cmocka_unit_test(test_funders_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
