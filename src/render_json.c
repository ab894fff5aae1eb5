/* render_json.c - the figures as JSON, in the contract's shape.
 *
 * Structure and numbers are written here: money and hours from integer
 * hundredths with exactly two decimals, percentages from tenths with one.
 * Strings are escaped by jansson, so no hand-written escaping. */
#include "render.h"

#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct json_out {
    FILE *out;
    int depth;
    bool first;                /* no comma before the next member */
} json_out;

static void newline(json_out *j)
{
    fputc('\n', j->out);
    for (int i = 0; i < j->depth; i++)
        fputs("  ", j->out);
}

static void string(json_out *j, const char *s)
{
    json_t *v = json_string(s);
    char *text = v ? json_dumps(v, JSON_ENCODE_ANY) : NULL;
    fputs(text ? text : "null", j->out);   /* NULL only for invalid UTF-8 */
    free(text);
    json_decref(v);
}

/* Starts a member ("key": ) or, with key NULL, an array element. */
static void member(json_out *j, const char *key)
{
    if (!j->first)
        fputc(',', j->out);
    j->first = false;
    newline(j);
    if (key) {
        string(j, key);
        fputs(": ", j->out);
    }
}

static void json_begin(json_out *j, const char *key, char bracket)
{
    if (key || j->depth)
        member(j, key);
    fputc(bracket, j->out);
    j->depth++;
    j->first = true;
}

static void json_end(json_out *j, char bracket)
{
    j->depth--;
    if (!j->first)
        newline(j);
    fputc(bracket, j->out);
    j->first = false;
}

/* Two decimals from hundredths: 12345 -> 123.45, -5 -> -0.05. */
static void hundredths(json_out *j, const char *key, int64_t v)
{
    member(j, key);
    uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
    fprintf(j->out, "%s%" PRIu64 ".%02" PRIu64, v < 0 ? "-" : "", mag / 100, mag % 100);
}

static void integer(json_out *j, const char *key, int64_t v)
{
    member(j, key);
    fprintf(j->out, "%" PRId64, v);
}

static void text(json_out *j, const char *key, const char *s)
{
    member(j, key);
    string(j, s);
}

typedef void (*number_fn)(json_out *, const char *, int64_t);

/* The members of a comparable figure, inside an object already open. */
static void figure_members(json_out *j, const figure *f, number_fn number)
{
    number(j, "current", f->current);
    number(j, "previous", f->previous);
    number(j, "change", f->change);
    member(j, "change_pct");
    if (f->pct != FIGURE_PCT_VALUE) {
        fputs("null", j->out);
        return;
    }
    int64_t t = f->change_pct_tenths;
    uint64_t mag = t < 0 ? -(uint64_t)t : (uint64_t)t;
    fprintf(j->out, "%s%" PRIu64 ".%" PRIu64, t < 0 ? "-" : "", mag / 10, mag % 10);
}

static void figure_object(json_out *j, const char *key, const figure *f, number_fn number)
{
    json_begin(j, key, '{');
    figure_members(j, f, number);
    json_end(j, '}');
}

static void period(json_out *j, const char *key, const fiscal_period *p)
{
    char start[11], end[11];
    date_format_iso(p->start, start);
    date_format_iso(p->end, end);
    json_begin(j, key, '{');
    text(j, "label", p->label);
    text(j, "start", start);
    text(j, "end", end);
    json_end(j, '}');
}

static void groups(json_out *j, const char *key, const group_figure *g, size_t n)
{
    json_begin(j, key, '[');
    for (size_t i = 0; i < n; i++) {
        json_begin(j, NULL, '{');
        text(j, "group", g[i].group);
        figure_members(j, &g[i].amount, hundredths);
        json_end(j, '}');
    }
    json_end(j, ']');
}

static void finances(json_out *j, const figures *f)
{
    json_begin(j, "finances", '{');
    figure_object(j, "revenue", &f->revenue, hundredths);
    figure_object(j, "expenses", &f->expenses, hundredths);
    figure_object(j, "net", &f->net, hundredths);
    if (f->has_self_generated)
        figure_object(j, "self_generated", &f->self_generated, hundredths);
    groups(j, "revenue_groups", f->revenue_groups, f->revenue_group_count);
    groups(j, "expense_groups", f->expense_groups, f->expense_group_count);
    json_begin(j, "accounts", '[');
    for (size_t i = 0; i < f->account_count; i++) {
        const account_figure *a = &f->accounts[i];
        json_begin(j, NULL, '{');
        text(j, "account", a->code);
        text(j, "name", a->name);
        text(j, "kind", account_kind_name(a->kind));
        text(j, "group", a->group);
        figure_members(j, &a->amount, hundredths);
        json_end(j, '}');
    }
    json_end(j, ']');
    json_begin(j, "counterparties", '[');
    for (size_t i = 0; i < f->counterparty_count; i++) {
        const counterparty_figure *c = &f->counterparties[i];
        json_begin(j, NULL, '{');
        text(j, "name", c->name);
        text(j, "kind", account_kind_name(c->kind));
        hundredths(j, "current", c->amount.current);
        hundredths(j, "previous", c->amount.previous);
        json_end(j, '}');
    }
    json_end(j, ']');
    json_begin(j, "history", '[');
    for (size_t i = 0; i < f->history_count; i++) {
        const history_figure *h = &f->history[i];
        json_begin(j, NULL, '{');
        text(j, "label", h->period.label);
        hundredths(j, "revenue", h->revenue);
        hundredths(j, "expenses", h->expenses);
        hundredths(j, "net", h->net);
        json_end(j, '}');
    }
    json_end(j, ']');
    json_end(j, '}');
}

static void activities(json_out *j, const figures *f)
{
    json_begin(j, "activities", '{');
    figure_object(j, "count", &f->activity_count, integer);
    figure_object(j, "participants", &f->participants, integer);
    figure_object(j, "hours", &f->hours, hundredths);
    figure_object(j, "partners", &f->partner_count, integer);
    figure_object(j, "regions", &f->region_count, integer);
    json_begin(j, "axes", '[');
    for (size_t i = 0; i < f->axis_count; i++) {
        const axis_figure *a = &f->axes[i];
        json_begin(j, NULL, '{');
        text(j, "axis", a->axis);
        figure_object(j, "count", &a->count, integer);
        figure_object(j, "participants", &a->participants, integer);
        figure_object(j, "hours", &a->hours, hundredths);
        json_end(j, '}');
    }
    json_end(j, ']');
    json_begin(j, "types", '[');
    for (size_t i = 0; i < f->type_count; i++) {
        const type_figure *t = &f->types[i];
        json_begin(j, NULL, '{');
        text(j, "type", t->type);
        text(j, "axis", t->axis);
        figure_object(j, "count", &t->count, integer);
        figure_object(j, "participants", &t->participants, integer);
        json_end(j, '}');
    }
    json_end(j, ']');
    json_end(j, '}');
}

/* ---- statements ---------------------------------------------------------- */

static void null_member(json_out *j, const char *key)
{
    member(j, key);
    fputs("null", j->out);
}

/* One decimal from tenths: 582 -> 58.2, -5 -> -0.5. */
static void tenths(json_out *j, const char *key, int64_t t)
{
    member(j, key);
    uint64_t mag = t < 0 ? -(uint64_t)t : (uint64_t)t;
    fprintf(j->out, "%s%" PRIu64 ".%" PRIu64, t < 0 ? "-" : "", mag / 10, mag % 10);
}

/* A change's percent, or null. */
static void pct_member(json_out *j, const char *key, const figure *f)
{
    if (f->pct == FIGURE_PCT_VALUE)
        tenths(j, key, f->change_pct_tenths);
    else
        null_member(j, key);
}

/* The members of a budget line: actual, budget, variance, variance_pct;
 * of a forecast line: budget, actual, change, change_pct. */
static void budget_members(json_out *j, const budget_line *l, bool forecast)
{
    if (l->group)
        text(j, "group", l->group);
    int64_t actual = forecast ? l->amount.previous : l->amount.current;
    if (!forecast)
        hundredths(j, "actual", actual);
    if (l->budgeted)
        hundredths(j, "budget", forecast ? l->amount.current : l->amount.previous);
    else
        null_member(j, "budget");
    if (forecast)
        hundredths(j, "actual", actual);
    const char *change = forecast ? "change" : "variance";
    const char *pct = forecast ? "change_pct" : "variance_pct";
    if (l->budgeted) {
        hundredths(j, change, l->amount.change);
        pct_member(j, pct, &l->amount);
    } else {
        null_member(j, change);
        null_member(j, pct);
    }
}

static void budget_list(json_out *j, const char *key, const budget_line *l, size_t n,
                        bool forecast)
{
    json_begin(j, key, '[');
    for (size_t i = 0; i < n; i++) {
        json_begin(j, NULL, '{');
        budget_members(j, &l[i], forecast);
        json_end(j, '}');
    }
    json_end(j, ']');
}

/* "budget" or "forecast", when budget.csv has that year. */
static void budget_statement_json(json_out *j, const char *key, const budget_statement *b,
                                  bool forecast)
{
    if (!b->present)
        return;
    json_begin(j, key, '{');
    text(j, "label", b->period.label);
    const struct { const char *key; const budget_line *line; } totals[] = {
        { "revenue", &b->revenue }, { "expenses", &b->expenses }, { "net", &b->net },
    };
    for (size_t i = 0; i < 3; i++) {
        json_begin(j, totals[i].key, '{');
        budget_members(j, totals[i].line, forecast);
        json_end(j, '}');
    }
    budget_list(j, "revenue_groups", b->revenue_groups, b->revenue_group_count, forecast);
    budget_list(j, "expense_groups", b->expense_groups, b->expense_group_count, forecast);
    json_end(j, '}');
}

/* A figure of the position: previous, change and change % null when the
 * previous year-end is before the balances' date. */
static void position_members(json_out *j, const figure *f, bool has_previous)
{
    if (has_previous) {
        figure_members(j, f, hundredths);
        return;
    }
    hundredths(j, "current", f->current);
    null_member(j, "previous");
    null_member(j, "change");
    null_member(j, "change_pct");
}

static void position_groups(json_out *j, const char *key, const group_figure *g, size_t n,
                            bool has_previous)
{
    json_begin(j, key, '[');
    for (size_t i = 0; i < n; i++) {
        json_begin(j, NULL, '{');
        text(j, "group", g[i].group);
        position_members(j, &g[i].amount, has_previous);
        json_end(j, '}');
    }
    json_end(j, ']');
}

static void position_json(json_out *j, const position_statement *p)
{
    if (!p->present)
        return;
    char iso[11];
    json_begin(j, "position", '{');
    date_format_iso(p->date, iso);
    text(j, "date", iso);
    if (p->has_previous) {
        date_format_iso(p->previous_date, iso);
        text(j, "previous_date", iso);
    } else {
        null_member(j, "previous_date");
    }
    const struct { const char *key; const figure *fig; } totals[] = {
        { "assets", &p->assets }, { "liabilities", &p->liabilities },
        { "net_assets", &p->net_assets },
    };
    for (size_t i = 0; i < 3; i++) {
        json_begin(j, totals[i].key, '{');
        position_members(j, totals[i].fig, p->has_previous);
        json_end(j, '}');
    }
    position_groups(j, "asset_groups", p->asset_groups, p->asset_group_count, p->has_previous);
    position_groups(j, "liability_groups", p->liability_groups, p->liability_group_count,
                    p->has_previous);
    position_groups(j, "net_asset_groups", p->net_asset_groups, p->net_asset_group_count,
                    p->has_previous);
    json_end(j, '}');
}

static void indicator_member(json_out *j, const char *key, const indicator *ind)
{
    if (!ind->present)
        return;
    if (ind->defined)
        tenths(j, key, ind->tenths);
    else
        null_member(j, key);
}

/* "indicators": each present only when its inputs are. */
static void indicators_json(json_out *j, const indicators *ind)
{
    if (!ind->reserve_months.present && !ind->self_generated_share.present &&
        !ind->largest_funder)
        return;
    json_begin(j, "indicators", '{');
    indicator_member(j, "reserve_months", &ind->reserve_months);
    indicator_member(j, "self_generated_share", &ind->self_generated_share);
    if (ind->largest_funder) {
        text(j, "largest_funder", ind->largest_funder);
        indicator_member(j, "largest_funder_share", &ind->largest_funder_share);
    }
    json_end(j, '}');
}

static void inputs(json_out *j, const figures *f)
{
    json_begin(j, "inputs", '{');
    integer(j, "ledger_rows", (int64_t)f->inputs.ledger_rows);
    integer(j, "ledger_rows_outside_years", (int64_t)f->inputs.ledger_rows_outside_years);
    integer(j, "ledger_rows_other_kinds", (int64_t)f->inputs.ledger_rows_other_kinds);
    integer(j, "activity_rows", (int64_t)f->inputs.activity_rows);
    json_end(j, '}');
}

int render_json(const figures *f, const char *path, diag *d)
{
    FILE *out = fopen(path, "w");
    if (!out) {
        diag_report(d, EXIT_CANTCREAT, path, 0, NULL, "cannot write: %s", strerror(errno));
        return -1;
    }
    json_out j = {.out = out, .first = true};
    json_begin(&j, NULL, '{');
    text(&j, "organisation", f->config->org_name);
    text(&j, "language", language_code(f->lang));
    period(&j, "fiscal_year", &f->current);
    period(&j, "previous_fiscal_year", &f->previous);
    finances(&j, f);
    budget_statement_json(&j, "budget", &f->budget, false);
    budget_statement_json(&j, "forecast", &f->forecast, true);
    position_json(&j, &f->position);
    indicators_json(&j, &f->indicators);
    activities(&j, f);
    inputs(&j, f);
    json_end(&j, '}');
    fputc('\n', out);
    int failed = ferror(out);
    if (fclose(out) != 0 || failed) {
        diag_report(d, EXIT_CANTCREAT, path, 0, NULL, "cannot write: %s", strerror(errno));
        return -1;
    }
    return 0;
}
