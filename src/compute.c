/* compute.c - totals, groups, year over year, distinct counts: the model
 * turned into the figures.  The only place a figure is computed. */
#include "compute.h"
#include "lib/strmap.h"
#include "compute_lists.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Values are kept within +-2^62 so that a change never overflows. */
enum { RANGE_BITS = 62 };

static bool in_range(int64_t v)
{
    return v < ((int64_t)1 << RANGE_BITS) && v > -((int64_t)1 << RANGE_BITS);
}

typedef struct compute_state {
    const model *m;
    figures *f;
    diag *d;
    bool overflow;
} compute_state;

static void add(compute_state *s, int64_t *total, int64_t value)
{
    if (!money_add(*total, value, total) || !in_range(*total))
        s->overflow = true;
}

static figure checked_figure(compute_state *s, int64_t current, int64_t previous)
{
    if (!in_range(current) || !in_range(previous)) {
        s->overflow = true;
        return figure_make(0, 0);
    }
    int64_t tenths;
    bool clamped;
    if (figure_change_pct_tenths(current - previous, previous, &tenths, &clamped) && clamped)
        s->overflow = true; /* a change beyond 10^17 % */
    return figure_make(current, previous);
}

/* ---- finances ---------------------------------------------------------- */

/* The group figure of name in list, added when new; index maps a group's
 * name to its place in list (linear in accounts, not accounts x groups). */
static group_figure *group_of(group_figure **list, size_t *count, strmap *index, const char *name)
{
    size_t at;
    if (strmap_get(index, name, strlen(name), &at))
        return &(*list)[at];
    strmap_put(index, name, strlen(name), *count);
    *list = xrealloc(*list, (*count + 1) * sizeof **list);
    group_figure *g = &(*list)[(*count)++];
    memset(g, 0, sizeof *g);
    g->group = name;
    return g;
}

/* Whether a tracked year has anything: a ledger or activity row, or an
 * amount (a stand-in such as a trial balance). */
static bool year_has_data(const model *m, int slot, int64_t year_total[2][MODEL_YEARS_MAX])
{
    return m->ledger_rows_in[slot] > 0 || m->totals[slot].activities > 0 ||
           year_total[0][slot] != 0 || year_total[1][slot] != 0;
}

/* The history years, oldest first, from the totals per slot.  It starts at
 * the first year with data: the years before an organisation existed (or
 * kept its books here) are left out rather than shown as zeros; a year
 * without data after that one stays, with its zeros.  The reported year
 * is always there. */
static void compute_history(compute_state *s, int64_t year_total[2][MODEL_YEARS_MAX])
{
    const model *m = s->m;
    figures *f = s->f;
    int history = m->config->history;
    while (history > 1 && !year_has_data(m, history - 1, year_total))
        history--;
    f->history = xcalloc((size_t)history, sizeof *f->history);
    f->history_count = (size_t)history;
    for (int i = 0; i < history; i++) {
        int slot = history - 1 - i;
        history_figure *h = &f->history[i];
        h->period = m->period[slot];
        h->revenue = year_total[0][slot];
        h->expenses = year_total[1][slot];
        h->net = h->revenue - h->expenses;
    }
}

/* Accounts, their groups and the totals of every tracked year. */
static void compute_accounts(compute_state *s)
{
    const model *m = s->m;
    figures *f = s->f;
    int64_t year_total[2][MODEL_YEARS_MAX] = { { 0 } }; /* [revenue?0:1][slot] */
    f->accounts = xcalloc(m->account_count, sizeof *f->accounts);
    strmap *revenue_index = strmap_new(), *expense_index = strmap_new();
    for (size_t i = 0; i < m->account_count; i++) {
        const account *a = &m->accounts[i];
        if (a->kind != KIND_REVENUE && a->kind != KIND_EXPENSE)
            continue;
        bool revenue = a->kind == KIND_REVENUE;
        account_figure *af = &f->accounts[f->account_count++];
        af->code = a->code;
        af->name = a->name;
        af->group = a->group;
        af->kind = a->kind;
        af->amount = checked_figure(s, a->amount[0], a->amount[1]);
        group_figure *g =
            revenue
                ? group_of(&f->revenue_groups, &f->revenue_group_count, revenue_index, a->group)
                : group_of(&f->expense_groups, &f->expense_group_count, expense_index, a->group);
        add(s, &g->amount.current, a->amount[0]);
        add(s, &g->amount.previous, a->amount[1]);
        for (int slot = 0; slot < m->years; slot++)
            add(s, &year_total[!revenue][slot], a->amount[slot]);
    }
    strmap_free(revenue_index);
    strmap_free(expense_index);
    for (size_t i = 0; i < f->revenue_group_count; i++) {
        group_figure *g = &f->revenue_groups[i];
        g->amount = checked_figure(s, g->amount.current, g->amount.previous);
    }
    for (size_t i = 0; i < f->expense_group_count; i++) {
        group_figure *g = &f->expense_groups[i];
        g->amount = checked_figure(s, g->amount.current, g->amount.previous);
    }
    f->revenue = checked_figure(s, year_total[0][0], year_total[0][1]);
    f->expenses = checked_figure(s, year_total[1][0], year_total[1][1]);
    f->net =
        checked_figure(s, year_total[0][0] - year_total[1][0], year_total[0][1] - year_total[1][1]);
    compute_history(s, year_total);
}

static void compute_self_generated(compute_state *s)
{
    figures *f = s->f;
    const char *name = s->m->config->self_generated_group;
    if (!name)
        return;
    for (size_t i = 0; i < f->revenue_group_count; i++) {
        if (strcmp(f->revenue_groups[i].group, name) == 0) {
            f->has_self_generated = true;
            f->self_generated = f->revenue_groups[i].amount;
            return;
        }
    }
    diag_data(s->d, "report.ini", 0, NULL, "self_generated = %s: no revenue account has that group",
              name);
}

static void compute_counterparties(compute_state *s)
{
    const tally_list *list = &s->m->counterparties;
    figures *f = s->f;
    f->counterparties = xcalloc(list->count, sizeof *f->counterparties);
    size_t *order = tally_list_order(list);
    for (size_t i = 0; i < list->count; i++) {
        const tally *t = &list->items[order[i]];
        counterparty_figure *c = &f->counterparties[f->counterparty_count++];
        c->name = t->name;
        c->kind = t->kind;
        c->amount = checked_figure(s, t->amount[0], t->amount[1]);
    }
    free(order);
    f->counterparties_previous_unknown = s->m->from_trial_balance[1];
}

/* The funders table (compute_lists.c), from the revenue lines by account
 * and counterparty. */
static void compute_funder_table(compute_state *s)
{
    const tally_list *list = &s->m->funder_lines;
    funder_line *lines = xcalloc(list->count + 1, sizeof *lines);
    for (size_t i = 0; i < list->count; i++) {
        const tally *t = &list->items[i];
        figure checked = checked_figure(s, t->amount[0], t->amount[1]);
        lines[i] = (funder_line){ t->name, t->axis, { checked.current, checked.previous } };
    }
    compute_funders(s->f, lines, list->count, s->d);
    free(lines);
}

/* ---- activities -------------------------------------------------------- */

static size_t distinct(const tally_list *list, int slot)
{
    size_t n = 0;
    for (size_t i = 0; i < list->count; i++)
        n += list->items[i].count[slot] > 0;
    return n;
}

static partner_figure *reported_year_list(const tally_list *list, size_t *count)
{
    partner_figure *out = xcalloc(list->count, sizeof *out);
    size_t *order = tally_list_order(list);
    *count = 0;
    for (size_t i = 0; i < list->count; i++) {
        const tally *t = &list->items[order[i]];
        if (t->count[0] == 0)
            continue;
        partner_figure *p = &out[(*count)++];
        p->name = t->name;
        p->activities = t->count[0];
        p->participants = t->participants[0];
    }
    free(order);
    return out;
}

static void compute_activities(compute_state *s)
{
    const model *m = s->m;
    figures *f = s->f;
    const year_totals *cur = &m->totals[0], *prev = &m->totals[1];
    f->activity_count = checked_figure(s, cur->activities, prev->activities);
    f->participants = checked_figure(s, cur->participants, prev->participants);
    f->hours = checked_figure(s, cur->hours, prev->hours);
    f->partner_count =
        figure_make((int64_t)distinct(&m->partners, 0), (int64_t)distinct(&m->partners, 1));
    f->region_count =
        figure_make((int64_t)distinct(&m->regions, 0), (int64_t)distinct(&m->regions, 1));

    f->axes = xcalloc(m->axes.count, sizeof *f->axes);
    size_t *order = tally_list_order(&m->axes);
    for (size_t i = 0; i < m->axes.count; i++) {
        const tally *t = &m->axes.items[order[i]];
        axis_figure *a = &f->axes[f->axis_count++];
        a->axis = t->name;
        a->count = checked_figure(s, t->count[0], t->count[1]);
        a->participants = checked_figure(s, t->participants[0], t->participants[1]);
        a->hours = checked_figure(s, t->hours[0], t->hours[1]);
    }
    free(order);
    f->types = xcalloc(m->types.count, sizeof *f->types);
    order = tally_list_order(&m->types);
    for (size_t i = 0; i < m->types.count; i++) {
        const tally *t = &m->types.items[order[i]];
        type_figure *ty = &f->types[f->type_count++];
        ty->type = t->name;
        ty->axis = t->axis;
        ty->count = checked_figure(s, t->count[0], t->count[1]);
        ty->participants = checked_figure(s, t->participants[0], t->participants[1]);
    }
    free(order);
    f->partners = reported_year_list(&m->partners, &f->partner_list_count);
    f->regions = reported_year_list(&m->regions, &f->region_list_count);
}

/* A reported year without a single ledger or activity row is a wrong
 * year (report.ini's year, or --year), not a report of zeros. */
static void check_year_has_rows(compute_state *s)
{
    const model *m = s->m;
    if (m->ledger_rows_current > 0 || m->totals[0].activities > 0)
        return;
    const fiscal_period *p = &m->period[0];
    char start[11], end[11];
    date_format_iso(p->start, start);
    date_format_iso(p->end, end);
    diag_data(s->d, NULL, 0, NULL,
              "fiscal year %s (%s to %s) has no row in ledger.csv or activities.csv: "
              "is the year right (year in report.ini, or --year)?",
              p->label, start, end);
}

/* The labels of report.ini (compute_labels), which may name the groups of
 * asset, liability and equity accounts too, whether or not a statement of
 * financial position shows them. */
static void compute_balance_labels(const model *m, figures *f, diag *d)
{
    const char **groups = xcalloc(m->account_count + 1, sizeof *groups);
    size_t n = 0;
    for (size_t i = 0; i < m->account_count; i++)
        if (m->accounts[i].kind != KIND_REVENUE && m->accounts[i].kind != KIND_EXPENSE)
            groups[n++] = m->accounts[i].group;
    compute_labels(f, groups, n, d);
    free(groups);
}

int compute_figures(const model *m, figures *f, diag *d)
{
    memset(f, 0, sizeof *f);
    compute_state s = { .m = m, .f = f, .d = d };
    f->config = m->config;
    f->lang = m->config->lang;
    f->current = m->period[0];
    f->previous = m->period[1];
    compute_accounts(&s);
    compute_self_generated(&s);
    compute_counterparties(&s);
    compute_funder_table(&s);
    compute_activities(&s);
    f->people = m->people;
    f->people_count = m->people_count;
    compute_roster(f);
    compute_balance_labels(m, f, d);
    f->inputs.ledger_rows = m->ledger_rows;
    f->inputs.ledger_rows_outside_years = m->ledger_rows_outside_years;
    f->inputs.ledger_rows_other_kinds = m->ledger_rows_other_kinds;
    f->inputs.activity_rows = m->activity_rows;
    f->inputs.ledger_rows_current = m->ledger_rows_current;
    f->inputs.activity_rows_current = (size_t)m->totals[0].activities;
    compute_statements(m, f, d);
    if (f->position.present)
        f->inputs.ledger_rows_position = m->position.ledger_rows;
    if (s.overflow)
        diag_data(d, NULL, 0, NULL,
                  "a total or its change in percent is out of range "
                  "(totals beyond 2^62 cents, or changes beyond 10^17 %%)");
    check_year_has_rows(&s);
    return diag_failed(d) ? -1 : 0;
}
