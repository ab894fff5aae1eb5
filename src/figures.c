/* figures.c - the figures' own operations: a comparable figure made from
 * two years' values, the figures freed, account kinds named, a people
 * group found by its name. */
#include "figures.h"
#include "lib/i18n.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

const char *account_kind_name(account_kind kind)
{
    static const char *const names[] = {
        [KIND_REVENUE] = "revenue",     [KIND_EXPENSE] = "expense", [KIND_ASSET] = "asset",
        [KIND_LIABILITY] = "liability", [KIND_EQUITY] = "equity",
    };
    return names[kind];
}

const char *account_kind_phrase(account_kind kind)
{
    static const char *const phrases[] = {
        [KIND_REVENUE] = N_("a revenue account"), [KIND_EXPENSE] = N_("an expense account"),
        [KIND_ASSET] = N_("an asset account"),    [KIND_LIABILITY] = N_("a liability account"),
        [KIND_EQUITY] = N_("an equity account"),
    };
    return phrases[kind];
}

const char *funder_kind_name(funder_kind kind)
{
    static const char *const names[] = {
        [FUNDER_NAMED] = "funder",
        [FUNDER_OTHERS] = "other_funders",
        [FUNDER_DONORS] = "donors",
        [FUNDER_OTHER_REVENUE] = "other_revenue",
    };
    return names[kind];
}

/* change / previous x 1000 (previous > 0), rounded half away from zero,
 * in 128 bits. */
static __int128 pct_tenths(int64_t change, int64_t previous)
{
    __int128 num = (__int128)change * 1000;
    __int128 den = previous;
    __int128 mag = num < 0 ? -num : num;
    __int128 q = (mag * 2 + den) / (den * 2);
    return num < 0 ? -q : q;
}

figure_pct figure_pct_of(int64_t current, int64_t previous)
{
    if (previous > 0)
        return FIGURE_PCT_VALUE;
    if (previous < 0)
        return FIGURE_PCT_NEGATIVE;
    return current == 0 ? FIGURE_PCT_ZERO : FIGURE_PCT_NEW;
}

bool figure_change_pct_tenths(int64_t change, int64_t previous, int64_t *tenths, bool *clamped)
{
    if (previous <= 0)
        return false;
    __int128 q = pct_tenths(change, previous);
    bool out = q > INT64_MAX || q < -INT64_MAX;
    *tenths = q > INT64_MAX ? INT64_MAX : q < -INT64_MAX ? -INT64_MAX : (int64_t)q;
    if (clamped)
        *clamped = out;
    return true;
}

figure figure_make(int64_t current, int64_t previous)
{
    figure f = { .current = current, .previous = previous };
    f.change = current - previous; /* callers keep totals within range */
    f.pct = figure_pct_of(current, previous);
    if (!figure_change_pct_tenths(f.change, previous, &f.change_pct_tenths, NULL))
        f.change_pct_tenths = 0;
    return f;
}

bool figure_ratio_tenths(int64_t num, int64_t den, int64_t scale, int64_t *tenths)
{
    if (den == 0)
        return false;
    __int128 n = (__int128)num * scale, d = den;
    bool negative = (n < 0) != (d < 0) && n != 0;
    if (n < 0)
        n = -n;
    if (d < 0)
        d = -d;
    __int128 q = (n * 2 + d) / (d * 2);
    if (q > INT64_MAX)
        return false;
    *tenths = negative ? -(int64_t)q : (int64_t)q;
    return true;
}

static void people_lists_free(people_list *lists, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(lists[i].key);
    free(lists);
}

void figures_free(figures *f)
{
    if (!f)
        return;
    free(f->budget.revenue_groups);
    free(f->budget.expense_groups);
    free(f->forecast.revenue_groups);
    free(f->forecast.expense_groups);
    free(f->position.asset_groups);
    free(f->position.liability_groups);
    free(f->position.net_asset_groups);
    free(f->position.accounts);
    free(f->funders);
    people_lists_free(f->people_groups, f->people_group_count);
    people_lists_free(f->people_units, f->people_unit_count);
    free(f->people_members);
    strmap_free(f->labels);
    free(f->revenue_groups);
    free(f->expense_groups);
    free(f->accounts);
    free(f->counterparties);
    free(f->history);
    free(f->axes);
    free(f->types);
    free(f->partners);
    free(f->regions);
    memset(f, 0, sizeof *f);
}

const people_list *figures_people_group(const figures *f, const char *name)
{
    char *key = text_header_key(name, strlen(name));
    if (!key)
        key = xstrdup(name);
    const people_list *found = NULL;
    for (size_t i = 0; i < f->people_group_count && !found; i++)
        if (strcmp(f->people_groups[i].key, key) == 0)
            found = &f->people_groups[i];
    free(key);
    return found;
}

const char *figures_label(const figures *f, const char *name)
{
    if (!f->labels || !name)
        return name;
    char *key = text_header_key(name, strlen(name));
    size_t at;
    bool found = key && strmap_get(f->labels, key, strlen(key), &at);
    free(key);
    return found ? f->config->labels[at].label : name;
}
