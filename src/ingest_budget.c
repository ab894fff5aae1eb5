/* ingest_budget.c - budget.csv (optional): per line a fiscal year, an
 * account or a group of accounts.csv, and an amount in the natural sign
 * (revenue expected, expense expected).  The reported year's lines and
 * the next year's are added into their group's budget; lines of other
 * years are read, checked and ignored. */
#include "ingest_field.h"
#include "lib/i18n.h"
#include "lib/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The four digits at s, or -1. */
static int four_digits(const char *s)
{
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        y = y * 10 + (s[i] - '0');
    }
    return y;
}

/* The year that names the fiscal year s[0..len) writes: its label
 * ("2013-2014", also with '/' or an en dash), or the calendar year in
 * which it ends ("2014"); -1 when it names none ("2013-2015", "FY14"). */
static int year_named(const config *cfg, const char *s, size_t len)
{
    if (len == 4)
        return four_digits(s) > 0 ? four_digits(s) : -1;
    size_t sep = len == 9 && (s[4] == '-' || s[4] == '/')             ? 1
                 : len == 11 && memcmp(s + 4, "\xe2\x80\x93", 3) == 0 ? 3
                                                                      : 0;
    if (!sep)
        return -1;
    int first = four_digits(s), year = four_digits(s + 4 + sep);
    if (first < 0 || year <= 0)
        return -1;
    char label[16];
    fiscal_year_label(cfg->calendar, year, label, sizeof label);
    char written[32];
    snprintf(written, sizeof written, "%04d-%04d", first, year);
    return strcmp(label, written) == 0 ? year : -1;
}

/* The slot (BUDGET_*) of the line's year, -1 for another year; false,
 * reported, when the year is missing or names no fiscal year. */
static bool budget_year(ingest_file *f, int *slot)
{
    const config *cfg = f->m->config;
    const char *s;
    size_t len;
    if (ingest_field_required(f, COL_YEAR, &s, &len) != INGEST_FIELD_OK)
        return false;
    int year = year_named(cfg, s, len);
    if (year < 0) {
        char label[16];
        fiscal_year_label(cfg->calendar, cfg->year, label, sizeof label);
        ingest_problem(f, COL_YEAR, "names no fiscal year",
                       "'%s' names no fiscal year (write its label, such as %s, or the "
                       "year in which it ends, %d)",
                       ingest_key(f, NULL, s, len), label, cfg->year);
        return false;
    }
    *slot = year == cfg->year ? BUDGET_REPORTED : year == cfg->year + 1 ? BUDGET_NEXT : -1;
    return true;
}

/* The budget entry of the line's account; NULL, reported (unless
 * accounts.csv could not be read or already reported that code), when it
 * is unknown or not a revenue or expense account, or when the line's
 * group is not the account's. */
static budget_group *account_target(ingest_file *f, const char *code, size_t len)
{
    model *m = f->m;
    account *a = ingest_account_find(f, code, len);
    if (!a)
        return NULL;
    if (a->kind != KIND_REVENUE && a->kind != KIND_EXPENSE) {
        ingest_problem(f, COL_ACCOUNT, "of another kind",
                       "'%s' is %s: a budget names revenue and expense accounts",
                       ingest_key(f, NULL, code, len), _(account_kind_phrase(a->kind)));
        return NULL;
    }
    size_t glen;
    const char *group = ingest_field_text(f, COL_GROUP, &glen);
    if (glen) {
        char *x = text_header_key(group, glen), *y = text_header_key(a->group, strlen(a->group));
        bool same = x && y && strcmp(x, y) == 0;
        free(x);
        free(y);
        if (!same) {
            ingest_problem(f, COL_GROUP, NULL, "'%s' is not the group of account %s (%s)",
                           ingest_key(f, NULL, group, glen), a->code, a->group);
            return NULL;
        }
    }
    return model_budget_of(m, a);
}

/* The budget entry of the line's group; NULL, reported, when no revenue
 * or expense account has that group, or accounts of both kinds do. */
static budget_group *group_target(ingest_file *f, const char *group, size_t len)
{
    model *m = f->m;
    budget_group *g = model_budget_group(m, group, len);
    if (!g) {
        if (!m->accounts_unreadable)
            ingest_problem(f, COL_GROUP, "not a group", "'%s' is not a group of accounts.csv",
                           ingest_key(f, NULL, group, len));
        return NULL;
    }
    if (g->kind != KIND_REVENUE && g->kind != KIND_EXPENSE) {
        ingest_problem(f, COL_GROUP, "of another kind",
                       "'%s' is the group of %s: a budget names revenue and "
                       "expense groups",
                       ingest_key(f, NULL, group, len), _(account_kind_phrase(g->kind)));
        return NULL;
    }
    if (g->shared) {
        ingest_problem(f, COL_GROUP, NULL,
                       "'%s' is the group of both revenue and expense accounts: "
                       "budget its accounts instead",
                       ingest_key(f, NULL, group, len));
        return NULL;
    }
    return g;
}

/* What the line budgets: its account (whose group must be the line's
 * group, when both are given) or else its group. */
static budget_group *budget_target(ingest_file *f, bool *ok)
{
    size_t code_len, group_len;
    const char *code = ingest_field_text(f, COL_ACCOUNT, &code_len);
    const char *group = ingest_field_text(f, COL_GROUP, &group_len);
    budget_group *g = NULL;
    if (code_len)
        g = account_target(f, code, code_len);
    else if (group_len)
        g = group_target(f, group, group_len);
    else
        ingest_problem(f, ingest_field_present(f, COL_GROUP) ? COL_GROUP : COL_ACCOUNT, "is empty",
                       "is empty: a budget line names an account or a group");
    *ok &= g != NULL;
    return g;
}

void ingest_budget_row(ingest_file *f)
{
    int slot = -1;
    bool ok = budget_year(f, &slot);
    budget_group *g = budget_target(f, &ok);
    int64_t cents;
    ok &= ingest_field_amount(f, COL_AMOUNT, false, &cents) == INGEST_FIELD_OK;
    if (!ok || slot < 0)
        return;
    if (!model_budget_add(f->m, g, slot, cents))
        ingest_problem(f, COL_AMOUNT, "total out of range", "the total it enters is out of range");
}
