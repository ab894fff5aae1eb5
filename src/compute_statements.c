/* compute_statements.c - the statements made from the model: the budget
 * and the forecast against the reported year's actuals, the statement of
 * financial position with its balance check, the board's indicators.
 * compute_figures calls it once the finances are computed; it calls
 * nothing of compute.c. */
#include "compute.h"
#include "lib/i18n.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Values are kept within +-2^62 so that a change never overflows. */
enum { RANGE_BITS = 62 };

typedef struct statements_state {
    const model *m;
    figures *f;
    diag *d;
    bool overflow;
} statements_state;

static bool in_range(int64_t v)
{
    return v < ((int64_t)1 << RANGE_BITS) && v > -((int64_t)1 << RANGE_BITS);
}

static void add(statements_state *s, int64_t *total, int64_t value)
{
    if (__builtin_add_overflow(*total, value, total) || !in_range(*total))
        s->overflow = true;
}

/* current - previous must not overflow, nor its percentage. */
static figure checked(statements_state *s, int64_t current, int64_t previous)
{
    int64_t tenths;
    bool clamped = false;
    if (!in_range(current) || !in_range(previous) ||
        (figure_change_pct_tenths(current - previous, previous, &tenths, &clamped) && clamped)) {
        s->overflow = true;
        return figure_make(0, 0);
    }
    return figure_make(current, previous);
}

/* ---- budget and forecast ----------------------------------------------- */

/* A line of the budget (actual against budget) or of the forecast (budget
 * against actual); an unbudgeted line keeps its actual, budget 0. */
static budget_line budget_line_make(statements_state *s, const char *group, bool budgeted,
                                    int64_t actual, int64_t budget, bool forecast)
{
    budget_line line = { group, budgeted, { 0 } };
    if (!budgeted)
        budget = 0;
    line.amount = forecast ? checked(s, budget, actual) : checked(s, actual, budget);
    return line;
}

/* The sums of the groups budgeted: actual and budget. */
typedef struct budget_sums {
    bool any;
    int64_t actual, budget;
} budget_sums;

/* One line per group of that kind, in the figures' order. */
static budget_line *budget_groups(statements_state *s, int slot, account_kind kind,
                                  const group_figure *groups, size_t n, budget_sums *sums)
{
    budget_line *out = xcalloc(n + 1, sizeof *out);
    for (size_t i = 0; i < n; i++) {
        const budget_group *g = model_budget_find(s->m, kind, groups[i].group);
        bool budgeted = g && g->named[slot];
        int64_t actual = groups[i].amount.current, budget = budgeted ? g->amount[slot] : 0;
        out[i] =
            budget_line_make(s, groups[i].group, budgeted, actual, budget, slot == BUDGET_NEXT);
        if (budgeted) {
            sums->any = true;
            add(s, &sums->actual, actual);
            add(s, &sums->budget, budget);
        }
    }
    return out;
}

/* The budget of slot (BUDGET_REPORTED: "budget"; BUDGET_NEXT:
 * "forecast"), when budget.csv has a line for that year.  Totals add the
 * groups budgeted; a kind with none keeps its whole actual, unbudgeted. */
static void budget_make(statements_state *s, budget_statement *b, int slot)
{
    const model *m = s->m;
    figures *f = s->f;
    if (!m->has_budget[slot])
        return;
    bool forecast = slot == BUDGET_NEXT;
    b->present = true;
    if (forecast) {
        fiscal_calendar cal = m->config->calendar;
        int year = m->config->year + 1;
        b->period.year = year;
        b->period.start = fiscal_year_start(cal, year);
        b->period.end = fiscal_year_end(cal, year);
        fiscal_year_label(cal, year, b->period.label, sizeof b->period.label);
    } else {
        b->period = m->period[0];
    }
    budget_sums rev = { 0 }, exp = { 0 };
    b->revenue_groups =
        budget_groups(s, slot, KIND_REVENUE, f->revenue_groups, f->revenue_group_count, &rev);
    b->revenue_group_count = f->revenue_group_count;
    b->expense_groups =
        budget_groups(s, slot, KIND_EXPENSE, f->expense_groups, f->expense_group_count, &exp);
    b->expense_group_count = f->expense_group_count;
    b->revenue = budget_line_make(s, NULL, rev.any, rev.any ? rev.actual : f->revenue.current,
                                  rev.budget, forecast);
    b->expenses = budget_line_make(s, NULL, exp.any, exp.any ? exp.actual : f->expenses.current,
                                   exp.budget, forecast);
    bool any = rev.any || exp.any;
    b->net = budget_line_make(s, NULL, any, any ? rev.actual - exp.actual : f->net.current,
                              rev.budget - exp.budget, forecast);
}

/* ---- the statement of financial position ------------------------------- */

/* The group's entry of a list, added when new. */
static group_figure *group_entry(group_figure **list, size_t *count, const char *name)
{
    for (size_t i = 0; i < *count; i++)
        if (strcmp((*list)[i].group, name) == 0)
            return &(*list)[i];
    *list = xrealloc(*list, (*count + 1) * sizeof **list);
    group_figure *g = &(*list)[(*count)++];
    memset(g, 0, sizeof *g);
    g->group = name;
    return g;
}

/* The equity group the surplus is carried into: [report]
 * net_assets_group, else the first of accounts.csv; NULL, reported, when
 * there is none. */
static const char *net_assets_group(statements_state *s)
{
    const model *m = s->m;
    const char *named = m->config->net_assets_group;
    for (size_t i = 0; i < m->account_count; i++) {
        const account *a = &m->accounts[i];
        if (a->kind == KIND_EQUITY && (!named || strcmp(a->group, named) == 0))
            return a->group;
    }
    if (named)
        diag_data(s->d, "report.ini", 0, NULL,
                  "net_assets_group = %s: no equity account has that group", named);
    else
        diag_data(s->d, input_file_name(INPUT_ACCOUNTS), 0, NULL,
                  "no equity account to carry the year's surplus into, for the statement "
                  "of financial position: add one (kind equity) with its balance");
    return NULL;
}

/* The lists of a kind, in the position. */
static group_figure **kind_list(position_statement *p, account_kind kind, size_t **count)
{
    if (kind == KIND_ASSET)
        return *count = &p->asset_group_count, &p->asset_groups;
    if (kind == KIND_LIABILITY)
        return *count = &p->liability_group_count, &p->liability_groups;
    return *count = &p->net_asset_group_count, &p->net_asset_groups;
}

/* Each asset, liability and equity account at the two year-ends, summed
 * into its group (amounts in the groups' current and previous, not yet
 * figures). */
static void position_accounts(statements_state *s, position_statement *p)
{
    const model *m = s->m;
    p->accounts = xcalloc(m->account_count + 1, sizeof *p->accounts);
    for (size_t i = 0; i < m->account_count; i++) {
        const account *a = &m->accounts[i];
        if (a->kind == KIND_REVENUE || a->kind == KIND_EXPENSE)
            continue;
        int64_t previous = a->balance, current;
        add(s, &previous, a->moved[0]);
        current = previous;
        add(s, &current, a->moved[1]);
        position_account *pa = &p->accounts[p->account_count++];
        *pa = (position_account){ a->code,
                                  a->name,
                                  a->group,
                                  a->kind,
                                  a->has_balance,
                                  a->balance,
                                  checked(s, current, p->has_previous ? previous : 0) };
        size_t *count;
        group_figure **list = kind_list(p, a->kind, &count);
        group_figure *g = group_entry(list, count, a->group);
        add(s, &g->amount.current, current);
        add(s, &g->amount.previous, previous);
    }
}

/* The groups' sums made figures, and their total. */
static figure position_total(statements_state *s, group_figure *groups, size_t n, bool has_previous)
{
    int64_t current = 0, previous = 0;
    for (size_t i = 0; i < n; i++) {
        figure *g = &groups[i].amount;
        add(s, &current, g->current);
        add(s, &previous, g->previous);
        *g = checked(s, g->current, has_previous ? g->previous : 0);
    }
    return checked(s, current, has_previous ? previous : 0);
}

/* Money as a diagnostic writes it: 1234.56, -0.05. */
static void money_text(int64_t cents, char *buf, size_t size)
{
    uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    snprintf(buf, size, "%s%" PRIu64 ".%02u", cents < 0 ? "-" : "", mag / 100,
             (unsigned)(mag % 100));
}

/* Appends to buf the asset, liability and equity accounts that have
 * ledger lines but no line in balances.csv: their opening balance is
 * missing, which would explain a difference. */
static void missing_balances(const model *m, char *buf, size_t size)
{
    size_t n = strlen(buf), listed = 0, more = 0;
    for (size_t i = 0; i < m->account_count; i++) {
        const account *a = &m->accounts[i];
        if (a->kind == KIND_REVENUE || a->kind == KIND_EXPENSE || a->has_balance || !a->in_ledger)
            continue;
        if (listed == 10 || n + 80 > size) {
            more++;
            continue;
        }
        n += (size_t)snprintf(buf + n, size - n, "%s%s (%.40s)",
                              listed++ ? _(", ")
                                       : _("; accounts with ledger lines but no line in "
                                           "balances.csv: "),
                              a->code, a->name);
    }
    if (more && n < size)
        snprintf(buf + n, size - n, ngettext(" and %zu more", " and %zu more", more), more);
}

/* Assets = liabilities + net assets at a year-end, to the cent; else the
 * contract's message (exit 65), with the accounts that may explain it. */
static void balance_check(statements_state *s, date when, int64_t assets, int64_t claims)
{
    if (assets == claims)
        return;
    char iso[11], a[32], c[32], diff[32], why[1200] = "";
    date_format_iso(when, iso);
    money_text(assets, a, sizeof a);
    money_text(claims, c, sizeof c);
    money_text(assets - claims, diff, sizeof diff);
    if (s->m->position.dated)
        missing_balances(s->m, why, sizeof why);
    diag_data(s->d, input_file_name(INPUT_LEDGER), 0, NULL,
              "the books do not balance at %s: assets %s, liabilities and net assets %s, "
              "difference %s%s",
              iso, a, c, diff, why);
}

/* The position at the two year-ends, when balances.csv (or [report]
 * position = yes) turns it on: balances + the ledger's movements since
 * their date; revenue - expenses since then carried into the net-asset
 * group; the books checked at both dates. */
static void position_make(statements_state *s)
{
    const model *m = s->m;
    position_statement *p = &s->f->position;
    if (!m->position.on)
        return;
    p->present = true;
    p->date = m->period[0].end;
    p->previous_date = m->period[1].end;
    p->dated = m->position.dated;
    p->balances_date = m->position.date;
    p->has_previous = !p->dated || date_compare(p->previous_date, p->balances_date) >= 0;
    p->net_assets_group = net_assets_group(s);
    position_accounts(s, p);
    int64_t before = m->position.surplus[0], total = before;
    add(s, &total, m->position.surplus[1]);
    p->surplus = checked(s, total, p->has_previous ? before : 0);
    if (p->net_assets_group) {
        group_figure *g =
            group_entry(&p->net_asset_groups, &p->net_asset_group_count, p->net_assets_group);
        add(s, &g->amount.current, total);
        add(s, &g->amount.previous, before);
    }
    /* the books, before the groups' previous values are dropped */
    int64_t claims[2] = { 0, 0 }, assets[2] = { 0, 0 };
    for (size_t i = 0; i < p->asset_group_count; i++) {
        add(s, &assets[0], p->asset_groups[i].amount.current);
        add(s, &assets[1], p->asset_groups[i].amount.previous);
    }
    for (size_t i = 0; i < p->liability_group_count + p->net_asset_group_count; i++) {
        const group_figure *g = i < p->liability_group_count
                                    ? &p->liability_groups[i]
                                    : &p->net_asset_groups[i - p->liability_group_count];
        add(s, &claims[0], g->amount.current);
        add(s, &claims[1], g->amount.previous);
    }
    p->assets = position_total(s, p->asset_groups, p->asset_group_count, p->has_previous);
    p->liabilities =
        position_total(s, p->liability_groups, p->liability_group_count, p->has_previous);
    p->net_assets =
        position_total(s, p->net_asset_groups, p->net_asset_group_count, p->has_previous);
    p->liabilities_and_net_assets = checked(s, claims[0], p->has_previous ? claims[1] : 0);
    if (s->overflow || !p->net_assets_group)
        return;
    if (p->has_previous)
        balance_check(s, p->previous_date, assets[1], claims[1]);
    balance_check(s, p->date, assets[0], claims[0]);
}

/* ---- indicators -------------------------------------------------------- */

/* An indicator of num x scale / den, null when den is 0. */
static indicator ratio(statements_state *s, int64_t num, int64_t den, int64_t scale)
{
    indicator ind = { .present = true };
    if (den != 0) {
        ind.defined = true;
        if (!figure_ratio_tenths(num, den, scale, &ind.tenths))
            s->overflow = true;
    }
    return ind;
}

/* Whether name a comes before b: compared after Unicode case folding,
 * then as written. */
static bool name_before(const char *a, const char *b)
{
    char *x = text_fold_key(a, strlen(a)), *y = text_fold_key(b, strlen(b));
    int c = x && y ? strcmp(x, y) : 0;
    free(x);
    free(y);
    return c ? c < 0 : strcmp(a, b) < 0;
}

/* The largest revenue counterparty of the reported year (above 0); ties
 * go to the first by name. */
static const counterparty_figure *largest_funder(const figures *f)
{
    const counterparty_figure *best = NULL;
    for (size_t i = 0; i < f->counterparty_count; i++) {
        const counterparty_figure *c = &f->counterparties[i];
        if (c->kind != KIND_REVENUE || c->amount.current <= 0)
            continue;
        if (!best || c->amount.current > best->amount.current ||
            (c->amount.current == best->amount.current && name_before(c->name, best->name)))
            best = c;
    }
    return best;
}

static void indicators_make(statements_state *s)
{
    figures *f = s->f;
    indicators *ind = &f->indicators;
    if (f->position.present)
        ind->reserve_months = ratio(s, f->position.net_assets.current, f->expenses.current, 120);
    if (f->has_self_generated)
        ind->self_generated_share = ratio(s, f->self_generated.current, f->revenue.current, 1000);
    const counterparty_figure *funder = largest_funder(f);
    if (funder) {
        ind->largest_funder = funder->name;
        ind->largest_funder_amount = funder->amount.current;
        ind->largest_funder_share = ratio(s, funder->amount.current, f->revenue.current, 1000);
    }
}

int compute_statements(const model *m, figures *f, diag *d)
{
    statements_state s = { m, f, d, false };
    if (m->formats[INPUT_BALANCES].path && m->position.rows == 0)
        diag_data(d, input_file_name(INPUT_BALANCES), 0, NULL,
                  "no balance line: give the balance of each asset, liability and equity "
                  "account at one date, or remove the file");
    budget_make(&s, &f->budget, BUDGET_REPORTED);
    budget_make(&s, &f->forecast, BUDGET_NEXT);
    position_make(&s);
    indicators_make(&s);
    if (s.overflow)
        diag_data(d, NULL, 0, NULL,
                  "a total of the budget, the financial position or an "
                  "indicator is out of range (beyond 2^62 cents)");
    return diag_failed(d) ? -1 : 0;
}
