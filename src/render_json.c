/* render_json.c - the figures as JSON, in the contract's shape.
 *
 * The comparable figures and their lists are written from the registry
 * (figure_registry.h), which the template's placeholders read too; the
 * rest of the structure is written here.  Numbers: money and hours from
 * integer hundredths with exactly two decimals, percentages from tenths
 * with one.  Strings are escaped by jansson, so no hand-written escaping. */
#include "render.h"
#include "figure_registry.h"
#include "lib/xalloc.h"

#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct json_out {
    FILE *out;
    int depth;
    bool first; /* no comma before the next member */
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
    fputs(text ? text : "null", j->out); /* NULL only for invalid UTF-8
                                              (allocation: xmalloc) */
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

static void null_member(json_out *j, const char *key)
{
    member(j, key);
    fputs("null", j->out);
}

/* Tenths with one decimal: 515 -> 51.5. */
static void tenths(json_out *j, const char *key, int64_t v)
{
    member(j, key);
    uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
    fprintf(j->out, "%s%" PRIu64 ".%" PRIu64, v < 0 ? "-" : "", mag / 10, mag % 10);
}

/* A number in a unit: money and hours with two decimals. */
static void number(json_out *j, const char *key, int64_t v, figure_unit unit)
{
    if (unit == FIGURE_COUNT)
        integer(j, key, v);
    else
        hundredths(j, key, v);
}

/* One part of a comparable figure as the member key: a number in the
 * unit, the change % in tenths, or null when the part has none. */
static void figure_part_member(json_out *j, const char *key, const figure *f, figure_part part,
                               figure_unit unit)
{
    int64_t v;
    if (!figure_part_value(f, part, &v))
        null_member(j, key);
    else if (part == FIGURE_CHANGE_PCT)
        tenths(j, key, v);
    else
        number(j, key, v, unit);
}

/* The members of a comparable figure, inside an object already open. */
static void figure_members(json_out *j, const figure *f, figure_unit unit)
{
    for (int p = 0; p < FIGURE_PART_COUNT; p++)
        figure_part_member(j, figure_part_name((figure_part)p), f, (figure_part)p, unit);
}

static void figure_object(json_out *j, const char *key, const figure *f, figure_unit unit)
{
    json_begin(j, key, '{');
    figure_members(j, f, unit);
    json_end(j, '}');
}

/* The path's last step when its first is section ("finances.revenue" in
 * "finances": "revenue"), else NULL. */
static const char *in_section(const char *path, const char *section)
{
    size_t n = strlen(section);
    return strncmp(path, section, n) == 0 && path[n] == '.' ? path + n + 1 : NULL;
}

/* A list of the registry: an array of objects, each its texts then its
 * figures. */
static void figure_array(json_out *j, const char *key, const figure_list *list, const figures *f)
{
    json_begin(j, key, '[');
    size_t n = list->count(f);
    for (size_t i = 0; i < n; i++) {
        json_begin(j, NULL, '{');
        for (size_t t = 0; t < FIGURE_TEXTS_MAX && list->texts[t].name; t++)
            text(j, list->texts[t].name, list->texts[t].get(f, i));
        for (size_t m = 0; m < FIGURE_MEMBERS_MAX && list->members[m].get; m++) {
            const figure_member *fm = &list->members[m];
            if (fm->name)
                figure_object(j, fm->name, fm->get(f, i), fm->unit);
            else
                figure_members(j, fm->get(f, i), fm->unit);
        }
        json_end(j, '}');
    }
    json_end(j, ']');
}

/* The registry's figures of a section ("finances"), then its lists. */
static void registered(json_out *j, const figures *f, const char *section)
{
    for (size_t i = 0; i < figure_entry_count; i++) {
        const figure_entry *e = &figure_entries[i];
        const char *key = in_section(e->path, section);
        const figure *fig = key ? e->get(f) : NULL;
        if (fig)
            figure_object(j, key, fig, e->unit);
    }
    for (size_t i = 0; i < figure_list_count; i++) {
        const char *key = in_section(figure_lists[i].path, section);
        if (key)
            figure_array(j, key, &figure_lists[i], f);
    }
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

/* The funders table as the PDF and the workbook show it: each row's kind,
 * name (a funder's) or count (other funders, donors), figure and share of
 * revenue in percent. */
static void funders(json_out *j, const figures *f)
{
    json_begin(j, "funders", '[');
    for (size_t i = 0; i < f->funder_count; i++) {
        const funder_row *r = &f->funders[i];
        json_begin(j, NULL, '{');
        text(j, "kind", funder_kind_name(r->kind));
        if (r->kind == FUNDER_NAMED)
            text(j, "name", r->name);
        else
            null_member(j, "name");
        if (r->kind == FUNDER_OTHERS || r->kind == FUNDER_DONORS)
            integer(j, "count", (int64_t)r->count);
        else
            null_member(j, "count");
        if (f->counterparties_previous_unknown) { /* a trial balance stood in */
            hundredths(j, "current", r->amount.current);
            null_member(j, "previous");
            null_member(j, "change");
            null_member(j, "change_pct");
        } else {
            figure_members(j, &r->amount, FIGURE_MONEY);
        }
        if (r->has_share)
            tenths(j, "share", r->share_tenths);
        else
            null_member(j, "share");
        json_end(j, '}');
    }
    json_end(j, ']');
}

static void finances(json_out *j, const figures *f)
{
    json_begin(j, "finances", '{');
    registered(j, f, "finances");
    json_begin(j, "counterparties", '[');
    for (size_t i = 0; i < f->counterparty_count; i++) {
        const counterparty_figure *c = &f->counterparties[i];
        json_begin(j, NULL, '{');
        text(j, "name", c->name);
        text(j, "kind", account_kind_name(c->kind));
        hundredths(j, "current", c->amount.current);
        if (f->counterparties_previous_unknown) {
            member(j, "previous"); /* a trial balance stood in: unknown */
            fputs("null", j->out);
        } else {
            hundredths(j, "previous", c->amount.previous);
        }
        json_end(j, '}');
    }
    json_end(j, ']');
    funders(j, f);
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
    registered(j, f, "activities");
    json_end(j, '}');
}

/* ---- statements ----------------------------------------------------------
 * Their objects have shapes of their own (a budget line's actual, budget,
 * variance; a position without its previous year-end), written here; the
 * members that are a figure's parts go through figure_part_member. */

/* The members of a budget line: actual, budget, variance, variance_pct
 * (its figure's current, previous, change, change %); of a forecast line:
 * budget, actual, change, change_pct (current, previous, change, change %).
 * Not budgeted: budget and changes null. */
static void budget_members(json_out *j, const budget_line *l, bool forecast)
{
    if (l->group)
        text(j, "group", l->group);
    const figure *a = &l->amount;
    static const char *const keys[2][FIGURE_PART_COUNT] = {
        { "actual", "budget", "variance", "variance_pct" },
        { "budget", "actual", "change", "change_pct" },
    };
    const char *const *k = keys[forecast];
    for (int p = 0; p < FIGURE_PART_COUNT; p++) {
        /* the actual (budget: current; forecast: previous) is always there */
        bool actual = p == (forecast ? FIGURE_PREVIOUS : FIGURE_CURRENT);
        if (l->budgeted || actual)
            figure_part_member(j, k[p], a, (figure_part)p, FIGURE_MONEY);
        else
            null_member(j, k[p]);
    }
}

static void budget_list(json_out *j, const char *key, const budget_line *l, size_t n, bool forecast)
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
    const struct {
        const char *key;
        const budget_line *line;
    } totals[] = {
        { "revenue", &b->revenue },
        { "expenses", &b->expenses },
        { "net", &b->net },
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
    for (int p = 0; p < FIGURE_PART_COUNT; p++) {
        const char *key = figure_part_name((figure_part)p);
        if (has_previous || p == FIGURE_CURRENT)
            figure_part_member(j, key, f, (figure_part)p, FIGURE_MONEY);
        else
            null_member(j, key);
    }
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
    const struct {
        const char *key;
        const figure *fig;
    } totals[] = {
        { "assets", &p->assets },
        { "liabilities", &p->liabilities },
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
    if (!ind->reserve_months.present && !ind->self_generated_share.present && !ind->largest_funder)
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
    /* jansson's allocations are xalloc's: out of memory exits 70, never a
     * member silently missing */
    json_set_alloc_funcs(xmalloc, free);
    FILE *out = fopen(path, "w");
    if (!out) {
        diag_report(d, EXIT_CANTCREAT, path, 0, NULL, "cannot write: %s", strerror(errno));
        return -1;
    }
    json_out j = { .out = out, .first = true };
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
