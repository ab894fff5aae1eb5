/* test_statements.c - the statements' arithmetic on a model built by hand:
 * ratios in tenths at the rounding edges (x.x5 half away from zero,
 * negative values, a divisor of 0), budget variances (negative, of a
 * budget of 0 or below, totals of the groups budgeted), the forecast's
 * change, the position with its balance check and its null previous
 * year-end, the indicators (reserve months, shares, the largest funder's
 * tie). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "compute.h"
#include "report/fields_statements.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- ratios -------------------------------------------------------------- */

static int64_t tenths(int64_t num, int64_t den, int64_t scale)
{
    int64_t t = INT64_MIN;
    assert_true(figure_ratio_tenths(num, den, scale, &t));
    return t;
}

static void test_ratio_rounds_half_away_from_zero(void **state)
{
    (void)state;
    /* percentages (scale 1000): 1/8 = 12.5 %; 1/16 = 6.25 % -> 6.3 */
    assert_int_equal(tenths(1, 8, 1000), 125);
    assert_int_equal(tenths(1, 16, 1000), 63);
    assert_int_equal(tenths(-1, 16, 1000), -63);
    assert_int_equal(tenths(1, -16, 1000), -63);
    assert_int_equal(tenths(-1, -16, 1000), 63);
    /* 0.05 % -> 0.1; 0.0499.. % -> 0.0 */
    assert_int_equal(tenths(1, 2000, 1000), 1);
    assert_int_equal(tenths(1, 2001, 1000), 0);
    assert_int_equal(tenths(-1, 2000, 1000), -1);
    /* months of expenses (scale 120): 125 / (1000 / 12) = 1.5; 1 / (240 /
     * 12) = 0.05 -> 0.1; -0.05 -> -0.1 */
    assert_int_equal(tenths(125, 1000, 120), 15);
    assert_int_equal(tenths(1, 240, 120), 1);
    assert_int_equal(tenths(-1, 240, 120), -1);
    assert_int_equal(tenths(0, 240, 120), 0);
}

static void test_ratio_of_zero_or_huge(void **state)
{
    (void)state;
    int64_t t = 7;
    assert_false(figure_ratio_tenths(5, 0, 1000, &t));
    assert_int_equal(t, 7);
    /* beyond int64: refused, never wrapped */
    assert_false(figure_ratio_tenths(INT64_MAX, 1, 1000, &t));
    /* exact in 128 bits: 2^62 cents against themselves is 100 % */
    int64_t big = INT64_C(4611686018427387904);
    assert_int_equal(tenths(big, big, 1000), 1000);
}

/* ---- a model built by hand ------------------------------------------------ */

typedef struct fixture {
    config cfg;
    model m;
    figures f;
    diag d;
    char *messages;
    size_t messages_len;
    FILE *stream;
} fixture;

static char org[] = "Test", currency[] = "CAD", self[] = "Revenus autonomes";

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    fx->cfg = (config){ .org_name = org,
                        .calendar = { 3, 31 },
                        .year = 2014,
                        .history = 3,
                        .lang = LANG_FR,
                        .currency = currency,
                        .self_generated_group = self };
    model_init(&fx->m, &fx->cfg);
    fx->m.ledger_rows_current = 1;
    fx->stream = open_memstream(&fx->messages, &fx->messages_len);
    diag_init(&fx->d, fx->stream);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    figures_free(&fx->f);
    model_free(&fx->m);
    fclose(fx->stream);
    free(fx->messages);
    free(fx);
    return 0;
}

/* An account with its amounts of the reported and the previous year. */
static account *add(fixture *fx, const char *code, account_kind kind, const char *group,
                    int64_t current, int64_t previous)
{
    account *a = model_add_account(&fx->m, code, strlen(code), 2);
    a->name = a->code;
    a->group = group;
    a->kind = kind;
    a->amount[0] = current;
    a->amount[1] = previous;
    return a;
}

static void budget(fixture *fx, const char *code, int slot, int64_t cents)
{
    account *a = model_find_account(&fx->m, code, strlen(code));
    assert_non_null(a);
    assert_true(model_budget_add(&fx->m, model_budget_of(&fx->m, a), slot, cents));
}

static int compute(fixture *fx)
{
    int rc = compute_figures(&fx->m, &fx->f, &fx->d);
    fflush(fx->stream);
    if (rc != 0 && getenv("VERBOSE"))
        fprintf(stderr, "%s", fx->messages);
    return rc;
}

static const budget_line *group_line(const budget_statement *b, const char *group)
{
    for (size_t i = 0; i < b->revenue_group_count; i++)
        if (strcmp(b->revenue_groups[i].group, group) == 0)
            return &b->revenue_groups[i];
    for (size_t i = 0; i < b->expense_group_count; i++)
        if (strcmp(b->expense_groups[i].group, group) == 0)
            return &b->expense_groups[i];
    fail_msg("no budget line for %s", group);
    return NULL;
}

/* ---- budget and forecast -------------------------------------------------- */

static void test_budget_variances(void **state)
{
    fixture *fx = *state;
    add(fx, "4100", KIND_REVENUE, "Subventions", 10105, 0);
    add(fx, "4200", KIND_REVENUE, "Revenus autonomes", 9895, 0);
    add(fx, "4300", KIND_REVENUE, "Dons", 500, 0);
    add(fx, "4400", KIND_REVENUE, "Ventes", 50, 0);
    add(fx, "4500", KIND_REVENUE, "Intérêts", 0, 0);
    add(fx, "5100", KIND_EXPENSE, "Salaires", 90000, 0);
    add(fx, "5200", KIND_EXPENSE, "Loyer", 7000, 0);
    budget(fx, "4100", BUDGET_REPORTED, 10000);  /* +1.05 % -> +1.1 */
    budget(fx, "4200", BUDGET_REPORTED, 10000);  /* -1.05 % -> -1.1 */
    budget(fx, "4300", BUDGET_REPORTED, 0);      /* a budget of 0 */
    budget(fx, "4400", BUDGET_REPORTED, -100);   /* a negative budget */
    budget(fx, "4500", BUDGET_REPORTED, 0);      /* 0 against 0 */
    budget(fx, "5100", BUDGET_REPORTED, 100000); /* spent less: -10 % */
    assert_int_equal(compute(fx), 0);
    const budget_statement *b = &fx->f.budget;
    assert_true(b->present);
    assert_string_equal(b->period.label, "2013-2014");
    const budget_line *l = group_line(b, "Subventions");
    assert_true(l->budgeted);
    assert_int_equal(l->amount.current, 10105);  /* actual */
    assert_int_equal(l->amount.previous, 10000); /* budget */
    assert_int_equal(l->amount.change, 105);
    assert_int_equal(l->amount.pct, FIGURE_PCT_VALUE);
    assert_int_equal(l->amount.change_pct_tenths, 11);
    l = group_line(b, "Revenus autonomes");
    assert_int_equal(l->amount.change, -105);
    assert_int_equal(l->amount.change_pct_tenths, -11);
    l = group_line(b, "Dons");
    assert_int_equal(l->amount.change, 500);
    assert_int_equal(l->amount.pct, FIGURE_PCT_NEW);
    l = group_line(b, "Ventes");
    assert_int_equal(l->amount.change, 150);
    assert_int_equal(l->amount.pct, FIGURE_PCT_NEGATIVE);
    l = group_line(b, "Intérêts");
    assert_int_equal(l->amount.pct, FIGURE_PCT_ZERO);
    l = group_line(b, "Salaires");
    assert_int_equal(l->amount.change, -10000);
    assert_int_equal(l->amount.change_pct_tenths, -100);
    /* Loyer is not budgeted: out of the totals, its actual kept */
    l = group_line(b, "Loyer");
    assert_false(l->budgeted);
    assert_int_equal(l->amount.current, 7000);
    assert_int_equal(b->revenue.amount.current, 10105 + 9895 + 500 + 50);
    assert_int_equal(b->revenue.amount.previous, 10000 + 10000 + 0 - 100);
    assert_int_equal(b->expenses.amount.current, 90000);
    assert_int_equal(b->expenses.amount.previous, 100000);
    assert_int_equal(b->net.amount.current, 20550 - 90000);
    assert_int_equal(b->net.amount.previous, 19900 - 100000);
    assert_int_equal(b->net.amount.pct, FIGURE_PCT_NEGATIVE);
    /* no line for the next year: no forecast */
    assert_false(fx->f.forecast.present);
}

static void test_forecast_against_actual(void **state)
{
    fixture *fx = *state;
    add(fx, "4200", KIND_REVENUE, "Revenus autonomes", 12498000, 7900000);
    add(fx, "4300", KIND_REVENUE, "Dons", 0, 0);
    add(fx, "5100", KIND_EXPENSE, "Salaires", 100000, 0);
    budget(fx, "4200", BUDGET_NEXT, 18000000);
    budget(fx, "4300", BUDGET_NEXT, 2500);
    assert_int_equal(compute(fx), 0);
    assert_false(fx->f.budget.present);
    const budget_statement *b = &fx->f.forecast;
    assert_true(b->present);
    assert_string_equal(b->period.label, "2014-2015");
    assert_int_equal(b->period.end.year, 2015);
    const budget_line *l = group_line(b, "Revenus autonomes");
    assert_int_equal(l->amount.current, 18000000);  /* budget */
    assert_int_equal(l->amount.previous, 12498000); /* actual */
    assert_int_equal(l->amount.change, 5502000);
    assert_int_equal(l->amount.change_pct_tenths, 440);
    l = group_line(b, "Dons");
    assert_int_equal(l->amount.pct, FIGURE_PCT_NEW); /* from an actual of 0 */
    /* no expense budgeted: the whole actual, unbudgeted */
    assert_false(b->expenses.budgeted);
    assert_int_equal(b->expenses.amount.previous, 100000);
    assert_true(b->net.budgeted);
    assert_int_equal(b->net.amount.current, 18002500);
    assert_int_equal(b->net.amount.previous, 12498000);
    /* the placeholders: the target of the self-generated group */
    char out[128];
    assert_true(
        fields_statements_resolve(&fx->f, "forecast.self_generated.budget", out, sizeof out));
    assert_string_equal(out, "180\xe2\x80\xaf"
                             "000\xc2\xa0$");
    assert_true(fields_statements_resolve(&fx->f,
                                          "forecast.revenue_groups[Revenus autonomes]"
                                          ".change_pct",
                                          out, sizeof out));
    assert_string_equal(out, "+44,0\xc2\xa0%");
    assert_true(fields_statements_resolve(&fx->f, "forecast.label", out, sizeof out));
    assert_string_equal(out, "2014-2015");
    /* absent: the budget, an unbudgeted total's budget, the position */
    assert_false(fields_statements_resolve(&fx->f, "budget.label", out, sizeof out));
    assert_false(fields_statements_resolve(&fx->f, "forecast.expenses.budget", out, sizeof out));
    assert_true(fields_statements_resolve(&fx->f, "forecast.expenses.actual", out, sizeof out));
    assert_false(fields_statements_resolve(&fx->f, "position.date", out, sizeof out));
}

/* ---- the position --------------------------------------------------------- */

static date day(int y, int m, int d)
{
    return (date){ y, m, d };
}

/* Cash against revenue and expenses, balances at 2012-03-31. */
static void books(fixture *fx, int64_t opening_cash, int64_t opening_equity, date when)
{
    fx->cfg.self_generated_group = NULL;
    account *cash = add(fx, "1000", KIND_ASSET, "Encaisse", 0, 0);
    add(fx, "2100", KIND_LIABILITY, "Créditeurs", 0, 0);
    account *equity = add(fx, "3000", KIND_EQUITY, "Actif net", 0, 0);
    account *grant = add(fx, "4100", KIND_REVENUE, "Subventions", 10000, 8000);
    account *pay = add(fx, "5100", KIND_EXPENSE, "Salaires", 5000, 4000);
    model_position_open(&fx->m, &when);
    model_position_balance(&fx->m, cash, opening_cash, 2);
    model_position_balance(&fx->m, equity, opening_equity, 3);
    const struct {
        account *a;
        date d;
        int64_t cents;
    } lines[] = {
        { grant, day(2012, 5, 1), 8000 },   { cash, day(2012, 5, 1), 8000 },
        { pay, day(2012, 9, 10), 4000 },    { cash, day(2012, 9, 10), -4000 },
        { grant, day(2013, 4, 15), 10000 }, { cash, day(2013, 4, 15), 10000 },
        { pay, day(2013, 7, 31), 5000 },    { cash, day(2013, 7, 31), -5000 },
        { cash, day(2011, 6, 1), 99999 }, /* before the balances: in them */
        { cash, day(2014, 4, 1), 99999 }, /* after the reported year */
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        assert_true(model_position_add(&fx->m, lines[i].a, lines[i].d, lines[i].cents));
}

static void test_position_at_two_year_ends(void **state)
{
    fixture *fx = *state;
    books(fx, 2500, 2500, day(2012, 3, 31));
    assert_int_equal(compute(fx), 0);
    const position_statement *p = &fx->f.position;
    assert_true(p->present);
    assert_true(p->has_previous);
    assert_int_equal(p->assets.current, 11500);
    assert_int_equal(p->assets.previous, 6500);
    assert_int_equal(p->liabilities.current, 0);
    assert_int_equal(p->net_assets.current, 11500);
    assert_int_equal(p->net_assets.previous, 6500);
    assert_string_equal(p->net_assets_group, "Actif net");
    assert_int_equal(p->surplus.current, 9000);
    assert_int_equal(p->surplus.previous, 4000);
    assert_int_equal(p->liabilities_and_net_assets.current, 11500);
    /* indicators: 11500 / (5000 / 12) = 27.6 months */
    assert_true(fx->f.indicators.reserve_months.present);
    assert_true(fx->f.indicators.reserve_months.defined);
    assert_int_equal(fx->f.indicators.reserve_months.tenths, 276);
}

static void test_position_previous_before_balances(void **state)
{
    fixture *fx = *state;
    books(fx, 16500, 16500, day(2013, 6, 30));
    assert_int_equal(compute(fx), 0);
    const position_statement *p = &fx->f.position;
    assert_false(p->has_previous);
    assert_int_equal(p->assets.current, 11500);
    assert_int_equal(p->net_assets.current, 11500);
    assert_int_equal(p->surplus.current, -5000);
}

static void test_books_that_do_not_balance(void **state)
{
    fixture *fx = *state;
    books(fx, 2500, 2400, day(2012, 3, 31));
    add(fx, "1200", KIND_ASSET, "Débiteurs", 0, 0)->in_ledger = true; /* no balance */
    assert_int_equal(compute(fx), -1);
    assert_int_equal(fx->d.status, EXIT_DATAERR);
    assert_non_null(strstr(fx->messages,
                           "ledger.csv: the books do not balance at 2013-03-31: assets 65.00, "
                           "liabilities and net assets 64.00, difference 1.00; accounts with "
                           "ledger lines but no line in balances.csv: 1200 (1200)\n"));
    assert_non_null(strstr(fx->messages, "at 2014-03-31: assets 115.00, liabilities and net "
                                         "assets 114.00, difference 1.00"));
}

/* ---- indicators ------------------------------------------------------------ */

/* A revenue counterparty of the reported year. */
static void funder(fixture *fx, const char *name, int64_t cents, size_t line)
{
    char key[64];
    snprintf(key, sizeof key, "revenue\x1f%s", name);
    tally *t = tally_list_get(&fx->m, &fx->m.counterparties, key, name, NULL, line);
    t->kind = KIND_REVENUE;
    t->amount[0] = cents;
}

static void test_indicators(void **state)
{
    fixture *fx = *state;
    add(fx, "4100", KIND_REVENUE, "Subventions", 1500, 0);
    add(fx, "4200", KIND_REVENUE, "Revenus autonomes", 100, 0);
    funder(fx, "beta", 800, 2);
    funder(fx, "Alpha", 800, 3); /* a tie: the first by folded name */
    funder(fx, "gamma", -5, 4);
    assert_int_equal(compute(fx), 0);
    const indicators *ind = &fx->f.indicators;
    assert_false(ind->reserve_months.present); /* no position */
    assert_true(ind->self_generated_share.present);
    assert_int_equal(ind->self_generated_share.tenths, 63); /* 100 / 1600 = 6.25 % */
    assert_non_null(ind->largest_funder);
    assert_string_equal(ind->largest_funder, "Alpha");
    assert_int_equal(ind->largest_funder_share.tenths, 500);
}

static void test_indicators_of_zero_revenue(void **state)
{
    fixture *fx = *state;
    add(fx, "4200", KIND_REVENUE, "Revenus autonomes", 0, 100);
    add(fx, "5100", KIND_EXPENSE, "Salaires", 100, 0);
    assert_int_equal(compute(fx), 0);
    const indicators *ind = &fx->f.indicators;
    assert_true(ind->self_generated_share.present);
    assert_false(ind->self_generated_share.defined); /* null */
    assert_null(ind->largest_funder);                /* none above 0 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ratio_rounds_half_away_from_zero),
        cmocka_unit_test(test_ratio_of_zero_or_huge),
        cmocka_unit_test_setup_teardown(test_budget_variances, setup, teardown),
        cmocka_unit_test_setup_teardown(test_forecast_against_actual, setup, teardown),
        cmocka_unit_test_setup_teardown(test_position_at_two_year_ends, setup, teardown),
        cmocka_unit_test_setup_teardown(test_position_previous_before_balances, setup, teardown),
        cmocka_unit_test_setup_teardown(test_books_that_do_not_balance, setup, teardown),
        cmocka_unit_test_setup_teardown(test_indicators, setup, teardown),
        cmocka_unit_test_setup_teardown(test_indicators_of_zero_revenue, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
