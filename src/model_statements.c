/* model_statements.c - the model's side of the statements: the budget of
 * each revenue and expense group (budget.csv), the opening balances and
 * the ledger's movements of the statement of financial position, summed
 * in two date buckets.  Memory grows with accounts and groups, never with
 * rows.  Calls only lib/ and parse/. */
#include "model.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ---- the budget -------------------------------------------------------- */

/* kind + 0x1F + group: the key of budget_index. */
static char *budget_key(account_kind kind, const char *group, size_t *len)
{
    const char *k = account_kind_name(kind);
    size_t klen = strlen(k), glen = strlen(group);
    char *key = xmalloc(klen + glen + 2);
    memcpy(key, k, klen);
    key[klen] = '\x1f';
    memcpy(key + klen + 1, group, glen + 1);
    *len = klen + 1 + glen;
    return key;
}

/* One entry per (kind, group) of accounts.csv, in its order. */
static void budget_make(model *m)
{
    m->budget_index = strmap_new();
    m->budget_folded = strmap_new();
    m->budget = xcalloc(m->account_count + 1, sizeof *m->budget);
    for (size_t i = 0; i < m->account_count; i++) {
        const account *a = &m->accounts[i];
        size_t len, pos;
        char *key = budget_key(a->kind, a->group, &len);
        if (!strmap_get(m->budget_index, key, len, &pos)) {
            pos = m->budget_count++;
            m->budget[pos] = (budget_group){ .group = a->group, .kind = a->kind };
            strmap_put(m->budget_index, key, len, pos);
            char *folded = text_header_key(a->group, strlen(a->group));
            const char *fk = folded ? folded : a->group;
            size_t first;
            if (!strmap_get(m->budget_folded, fk, strlen(fk), &first))
                strmap_put(m->budget_folded, fk, strlen(fk), pos);
            else if (m->budget[first].kind != a->kind)
                m->budget[first].shared = m->budget[pos].shared = true;
            free(folded);
        }
        free(key);
    }
}

budget_group *model_budget_group(model *m, const char *name, size_t len)
{
    if (!m->budget_index)
        budget_make(m);
    char *folded = text_header_key(name, len);
    size_t pos;
    bool found = folded && strmap_get(m->budget_folded, folded, strlen(folded), &pos);
    free(folded);
    return found ? &m->budget[pos] : NULL;
}

const budget_group *model_budget_find(const model *m, account_kind kind, const char *name)
{
    if (!m->budget_index)
        return NULL;
    size_t len, pos;
    char *key = budget_key(kind, name, &len);
    bool found = strmap_get(m->budget_index, key, len, &pos);
    free(key);
    return found ? &m->budget[pos] : NULL;
}

budget_group *model_budget_of(model *m, const account *a)
{
    if (!m->budget_index)
        budget_make(m);
    return (budget_group *)model_budget_find(m, a->kind, a->group);
}

bool model_budget_add(model *m, budget_group *g, int slot, int64_t cents)
{
    m->has_budget[slot] = true;
    g->named[slot] = true;
    return !__builtin_add_overflow(g->amount[slot], cents, &g->amount[slot]);
}

/* ---- the position ------------------------------------------------------ */

void model_position_open(model *m, const date *when)
{
    m->position.on = true;
    if (when) {
        m->position.dated = true;
        m->position.date = *when;
    }
}

void model_position_balance(model *m, account *a, int64_t cents, size_t line)
{
    (void)m;
    a->has_balance = true;
    a->balance_line = line;
    a->balance = cents;
}

int model_position_bucket(const model *m, date when)
{
    const position_input *p = &m->position;
    if (p->dated && date_compare(when, p->date) <= 0)
        return -1;
    if (date_compare(when, m->period[0].end) > 0)
        return -1;
    return date_compare(when, m->period[1].end) <= 0 ? 0 : 1;
}

bool model_position_add(model *m, account *a, date when, int64_t cents)
{
    a->in_ledger = true;
    if (!m->position.on)
        return true;
    int bucket = model_position_bucket(m, when);
    if (bucket < 0)
        return true;
    if (cents == INT64_MIN)
        return false;
    int64_t *sum;
    if (a->kind == KIND_REVENUE)
        sum = &m->position.surplus[bucket];
    else if (a->kind == KIND_EXPENSE)
        sum = &m->position.surplus[bucket], cents = -cents;
    else {
        sum = &a->moved[bucket];
        m->position.ledger_rows++;
    }
    return !__builtin_add_overflow(*sum, cents, sum);
}
