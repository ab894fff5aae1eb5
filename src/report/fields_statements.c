/* fields_statements.c - the statements' placeholders: "budget.*",
 * "forecast.*", "position.*" and "indicators.*" -> formatted text from
 * the figures (docs/statements.md lists them).  A placeholder of a
 * statement that is absent, or of a group the budget does not name, is
 * unknown, so that "{{% if forecast.self_generated.budget %}}" tests it.
 * Nothing is computed here; it calls fmt.h only. */
#include "report/fields_statements.h"
#include "report/fmt.h"
#include "lib/text.h"

#include <stdio.h>
#include <string.h>

static bool put(char *out, size_t size, const char *text)
{
    snprintf(out, size, "%s", text);
    return true;
}

/* Money in whole units, as prose shows it; with plus, "+" before a
 * positive value. */
static bool money(const figures *f, int64_t cents, bool plus, char *out, size_t size)
{
    char num[FMT_SIZE];
    fmt_money(num, sizeof num, cents, false, f->config ? f->config->currency : NULL, f->lang);
    snprintf(out, size, "%s%s", plus && cents > 0 ? "+" : "", num);
    return true;
}

/* A part of a budget line: actual, budget, variance, variance_pct; of a
 * forecast line: budget, actual, change, change_pct. */
static bool budget_part(const figures *f, const budget_line *l, bool forecast, const char *part,
                        char *out, size_t size)
{
    int64_t actual = forecast ? l->amount.previous : l->amount.current;
    int64_t budget = forecast ? l->amount.current : l->amount.previous;
    if (strcmp(part, "actual") == 0)
        return money(f, actual, false, out, size);
    if (!l->budgeted)
        return false;
    if (strcmp(part, "budget") == 0)
        return money(f, budget, false, out, size);
    if (strcmp(part, forecast ? "change" : "variance") == 0)
        return money(f, l->amount.change, true, out, size);
    if (strcmp(part, forecast ? "change_pct" : "variance_pct") == 0)
        return fmt_change_pct(out, size, &l->amount, f->lang), true;
    return false;
}

static const budget_line *budget_group(const budget_line *l, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(l[i].group, name) == 0)
            return &l[i];
    return NULL;
}

/* "budget.label", "budget.revenue.variance", "forecast.self_generated.budget",
 * "forecast.revenue_groups[Revenus autonomes].budget", ... */
static bool budget_field(const figures *f, const char *name, char *out, size_t size)
{
    const budget_statement *b;
    bool forecast = strncmp(name, "forecast.", 9) == 0;
    if (forecast)
        b = &f->forecast, name += 9;
    else if (strncmp(name, "budget.", 7) == 0)
        b = &f->budget, name += 7;
    else
        return false;
    if (!b->present)
        return false;
    if (strcmp(name, "label") == 0)
        return put(out, size, b->period.label);
    char key[256];
    const char *rest = NULL;
    const budget_line *l = NULL;
    if (strncmp(name, "revenue.", 8) == 0)
        l = &b->revenue, rest = name + 8;
    else if (strncmp(name, "expenses.", 9) == 0)
        l = &b->expenses, rest = name + 9;
    else if (strncmp(name, "net.", 4) == 0)
        l = &b->net, rest = name + 4;
    else if (strncmp(name, "self_generated.", 15) == 0 && f->config &&
             f->config->self_generated_group)
        l = budget_group(b->revenue_groups, b->revenue_group_count,
                         f->config->self_generated_group),
        rest = name + 15;
    else if (strncmp(name, "revenue_groups[", 15) == 0 &&
             (rest = text_bracket_key(name + 15, key, sizeof key)))
        l = budget_group(b->revenue_groups, b->revenue_group_count, key);
    else if (strncmp(name, "expense_groups[", 15) == 0 &&
             (rest = text_bracket_key(name + 15, key, sizeof key)))
        l = budget_group(b->expense_groups, b->expense_group_count, key);
    return l && budget_part(f, l, forecast, rest, out, size);
}

/* A part of a position figure; previous and the changes are unknown when
 * the previous year-end is before the balances' date. */
static bool position_part(const figures *f, const figure *fig, const char *part, char *out,
                          size_t size)
{
    if (strcmp(part, "current") == 0)
        return money(f, fig->current, false, out, size);
    if (!f->position.has_previous)
        return false;
    if (strcmp(part, "previous") == 0)
        return money(f, fig->previous, false, out, size);
    if (strcmp(part, "change") == 0)
        return money(f, fig->change, true, out, size);
    if (strcmp(part, "change_pct") == 0)
        return fmt_change_pct(out, size, fig, f->lang), true;
    return false;
}

static const figure *position_group(const group_figure *g, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(g[i].group, name) == 0)
            return &g[i].amount;
    return NULL;
}

/* "position.date", "position.assets.current",
 * "position.net_asset_groups[Actif net].change", ... */
static bool position_field(const figures *f, const char *name, char *out, size_t size)
{
    const position_statement *p = &f->position;
    if (strncmp(name, "position.", 9) != 0 || !p->present)
        return false;
    name += 9;
    if (strcmp(name, "date") == 0)
        return fmt_date(out, size, p->date, f->lang), true;
    if (strcmp(name, "previous_date") == 0)
        return p->has_previous && (fmt_date(out, size, p->previous_date, f->lang), true);
    static const char *const lists[] = { "asset_groups[", "liability_groups[",
                                         "net_asset_groups[" };
    const group_figure *groups[] = { p->asset_groups, p->liability_groups, p->net_asset_groups };
    const size_t counts[] = { p->asset_group_count, p->liability_group_count,
                              p->net_asset_group_count };
    static const char *const totals[] = { "assets.", "liabilities.", "net_assets." };
    const figure *figs[] = { &p->assets, &p->liabilities, &p->net_assets };
    char key[256];
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(totals[i]);
        if (strncmp(name, totals[i], n) == 0)
            return position_part(f, figs[i], name + n, out, size);
        n = strlen(lists[i]);
        const char *rest =
            strncmp(name, lists[i], n) ? NULL : text_bracket_key(name + n, key, sizeof key);
        if (rest) {
            const figure *g = position_group(groups[i], counts[i], key);
            return g && position_part(f, g, rest, out, size);
        }
    }
    return false;
}

/* An indicator: "3,2", "16,1 %", or "—" when its divisor is 0. */
static bool indicator_text(const figures *f, const indicator *ind, bool percent, char *out,
                           size_t size)
{
    if (!ind->present)
        return false;
    if (!ind->defined)
        return put(out, size, fmt_pct_word(FIGURE_PCT_ZERO, f->lang));
    return fmt_tenths(out, size, ind->tenths, percent, f->lang), true;
}

/* "indicators.reserve_months", ".self_generated_share", ".largest_funder",
 * ".largest_funder_share", ".largest_funder_amount". */
static bool indicators_field(const figures *f, const char *name, char *out, size_t size)
{
    const indicators *ind = &f->indicators;
    if (strncmp(name, "indicators.", 11) != 0)
        return false;
    name += 11;
    if (strcmp(name, "reserve_months") == 0)
        return indicator_text(f, &ind->reserve_months, false, out, size);
    if (strcmp(name, "self_generated_share") == 0)
        return indicator_text(f, &ind->self_generated_share, true, out, size);
    if (!ind->largest_funder)
        return false;
    if (strcmp(name, "largest_funder") == 0)
        return put(out, size, ind->largest_funder);
    if (strcmp(name, "largest_funder_share") == 0)
        return indicator_text(f, &ind->largest_funder_share, true, out, size);
    if (strcmp(name, "largest_funder_amount") == 0)
        return money(f, ind->largest_funder_amount, false, out, size);
    return false;
}

bool fields_statements_resolve(const figures *f, const char *name, char *out, size_t size)
{
    return budget_field(f, name, out, size) || position_field(f, name, out, size) ||
           indicators_field(f, name, out, size);
}
