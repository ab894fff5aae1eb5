/* model.c - the model's storage: fiscal-year slots, accounts, tallies. */
#include "model.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

static void tally_list_init(tally_list *list)
{
    memset(list, 0, sizeof *list);
    list->index = strmap_new();
    list->spellings = strmap_new();
}

static void tally_list_free(tally_list *list)
{
    free(list->items);
    strmap_free(list->index);
    strmap_free(list->spellings);
}

/* Calls fn on every tally list of m. */
static void each_tally_list(model *m, void (*fn)(tally_list *))
{
    tally_list *all[] = { &m->counterparties, &m->funder_lines, &m->axes,
                          &m->types,          &m->partners,     &m->regions };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        fn(all[i]);
}

void model_init(model *m, const config *cfg)
{
    memset(m, 0, sizeof *m);
    m->config = cfg;
    m->strings = arena_new();
    m->years = cfg->history > 2 ? cfg->history : 2;
    if (m->years > MODEL_YEARS_MAX)
        m->years = MODEL_YEARS_MAX;
    for (int slot = 0; slot < m->years; slot++) {
        fiscal_period *p = &m->period[slot];
        p->year = cfg->year - slot;
        p->start = fiscal_year_start(cfg->calendar, p->year);
        p->end = fiscal_year_end(cfg->calendar, p->year);
        fiscal_year_label(cfg->calendar, p->year, p->label, sizeof p->label);
    }
    m->account_index = strmap_new();
    m->rejected_accounts = strmap_new();
    m->account_names = strmap_new();
    each_tally_list(m, tally_list_init);
    m->position.on = cfg->position == CONFIG_POSITION_YES;
}

void model_free(model *m)
{
    free(m->accounts);
    strmap_free(m->account_index);
    strmap_free(m->rejected_accounts);
    strmap_free(m->account_names);
    each_tally_list(m, tally_list_free);
    free(m->people);
    free(m->budget);
    strmap_free(m->budget_index);
    strmap_free(m->budget_folded);
    for (int k = 0; k < INPUT_KIND_COUNT; k++) {
        free(m->formats[k].path);
        free(m->formats[k].name);
    }
    for (size_t i = 0; i < m->ledger_count; i++) {
        free(m->ledgers[i].path);
        free(m->ledgers[i].name);
    }
    free(m->ledgers);
    free(m->notes);
    arena_free(m->strings);
    memset(m, 0, sizeof *m);
}

int model_slot_of_year(const model *m, int year)
{
    int slot = m->config->year - year;
    return slot >= 0 && slot < m->years ? slot : -1;
}

int model_slot_of_date(const model *m, date d)
{
    return model_slot_of_year(m, fiscal_year_of(m->config->calendar, d));
}

const char *model_strndup(model *m, const char *s, size_t len)
{
    return arena_strndup(m->strings, s, len);
}

account *model_add_account(model *m, const char *code, size_t len, size_t line)
{
    xgrow((void **)&m->accounts, &m->account_cap, m->account_count + 1, sizeof(account));
    account *a = &m->accounts[m->account_count];
    memset(a, 0, sizeof *a);
    a->code = arena_strndup(m->strings, code, len);
    a->name = a->group = "";
    a->line = line;
    strmap_put(m->account_index, code, len, m->account_count++);
    return a;
}

account *model_find_account(const model *m, const char *code, size_t len)
{
    size_t pos;
    return strmap_get(m->account_index, code, len, &pos) ? &m->accounts[pos] : NULL;
}

/* Indexes position pos under the folded key of s[0..len). */
static void index_name(model *m, const char *s, size_t len, size_t pos)
{
    char *key = text_header_key(s, len);
    if (!key || !*key) {
        free(key);
        return;
    }
    size_t old;
    if (strmap_get(m->account_names, key, strlen(key), &old) && old != pos)
        pos = MODEL_NAME_AMBIGUOUS;
    strmap_put(m->account_names, key, strlen(key), pos);
    free(key);
}

void model_index_account_name(model *m, const account *a, const char *name, size_t len)
{
    size_t pos = (size_t)(a - m->accounts);
    index_name(m, name, len, pos);
    const char *colon = NULL;
    for (size_t i = 0; i < len; i++)
        if (name[i] == ':')
            colon = name + i;
    if (colon)
        index_name(m, colon + 1, len - (size_t)(colon + 1 - name), pos);
}

account *model_find_account_by_name(const model *m, const char *name, size_t len, bool *ambiguous)
{
    char *key = text_header_key(name, len);
    size_t pos;
    bool found = key && *key && strmap_get(m->account_names, key, strlen(key), &pos);
    free(key);
    if (ambiguous)
        *ambiguous = found && pos == MODEL_NAME_AMBIGUOUS;
    return found && pos != MODEL_NAME_AMBIGUOUS ? &m->accounts[pos] : NULL;
}

void model_add_note(model *m, const char *text)
{
    m->notes = xrealloc(m->notes, (m->note_count + 1) * sizeof *m->notes);
    m->notes[m->note_count++] = arena_strdup(m->strings, text);
}

void model_reject_account(model *m, const char *code, size_t len)
{
    strmap_put(m->rejected_accounts, code, len, 0);
}

bool model_account_rejected(const model *m, const char *code, size_t len)
{
    size_t ignored;
    return strmap_get(m->rejected_accounts, code, len, &ignored);
}

person *model_add_person(model *m)
{
    xgrow((void **)&m->people, &m->people_cap, m->people_count + 1, sizeof(person));
    person *p = &m->people[m->people_count++];
    p->name = p->role = p->group = p->team = "";
    return p;
}

void tally_seen(model *m, tally *t, const char *name, size_t line)
{
    if (line < t->first_line) {
        t->first_line = line;
        t->name = arena_strdup(m->strings, name);
    }
}

tally *tally_list_get(model *m, tally_list *list, const char *key, const char *name,
                      const char *axis, size_t line)
{
    size_t pos;
    if (strmap_get(list->index, key, strlen(key), &pos)) {
        tally_seen(m, &list->items[pos], name, line);
        return &list->items[pos];
    }
    xgrow((void **)&list->items, &list->cap, list->count + 1, sizeof(tally));
    pos = list->count++;
    tally *t = &list->items[pos];
    memset(t, 0, sizeof *t);
    t->name = arena_strdup(m->strings, name);
    t->axis = axis ? arena_strdup(m->strings, axis) : NULL;
    t->first_line = line;
    strmap_put(list->index, key, strlen(key), pos);
    return t;
}

typedef struct line_pos {
    size_t line, pos;
} line_pos;

static int by_line(const void *a, const void *b)
{
    size_t la = ((const line_pos *)a)->line, lb = ((const line_pos *)b)->line;
    return (la > lb) - (la < lb);
}

size_t *tally_list_order(const tally_list *list)
{
    line_pos *pairs = xcalloc(list->count, sizeof *pairs);
    for (size_t i = 0; i < list->count; i++)
        pairs[i] = (line_pos){ list->items[i].first_line, i };
    qsort(pairs, list->count, sizeof *pairs, by_line);
    size_t *order = xcalloc(list->count, sizeof *order);
    for (size_t i = 0; i < list->count; i++)
        order[i] = pairs[i].pos;
    free(pairs);
    return order;
}

/* ---- a part of a file read apart (ingest_split.c) ---------------------- */

void model_part_init(model *part, const model *whole)
{
    *part = *whole;
    part->strings = arena_new();
    part->accounts = xcalloc(whole->account_count ? whole->account_count : 1, sizeof(account));
    for (size_t i = 0; i < whole->account_count; i++) {
        account *a = &part->accounts[i];
        *a = whole->accounts[i];
        memset(a->amount, 0, sizeof a->amount);
        memset(a->moved, 0, sizeof a->moved);
        a->in_ledger = false;
    }
    memset(part->totals, 0, sizeof part->totals);
    each_tally_list(part, tally_list_init);
    part->ledger_rows_outside_years = part->ledger_rows_other_kinds = 0;
    part->ledger_rows_current = 0;
    memset(part->ledger_rows_in, 0, sizeof part->ledger_rows_in);
    part->position.ledger_rows = 0;
    memset(part->position.surplus, 0, sizeof part->position.surplus);
}

void model_part_free(model *part)
{
    free(part->accounts);
    each_tally_list(part, tally_list_free);
    arena_free(part->strings);
    memset(part, 0, sizeof *part);
}

static void add_sums(int64_t *into, const int64_t *from, size_t n)
{
    for (size_t i = 0; i < n; i++)
        into[i] += from[i];
}

/* The tallies of a part's list added to the whole's, in the part's order
 * of first appearance; key_of gives an item's key (as the row readers
 * made it) in buf. */
static void merge_tallies(model *whole, tally_list *into, const tally_list *from,
                          size_t line_offset,
                          const char *(*key_of)(const tally *t, char **buf, size_t *cap))
{
    char *buf = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < from->count; i++) {
        const tally *p = &from->items[i];
        tally *t = tally_list_get(whole, into, key_of(p, &buf, &cap), p->name, p->axis,
                                  p->first_line + line_offset);
        t->kind = p->kind;
        add_sums(t->amount, p->amount, 2);
        add_sums(t->count, p->count, 2);
        add_sums(t->participants, p->participants, 2);
        add_sums(t->hours, p->hours, 2);
    }
    free(buf);
}

/* "prefix\x1fname", as ingest_key makes keys. */
static const char *joined_key(const char *prefix, const char *name, char **buf, size_t *cap)
{
    size_t plen = strlen(prefix), nlen = strlen(name);
    xgrow((void **)buf, cap, plen + nlen + 2, 1);
    memcpy(*buf, prefix, plen);
    (*buf)[plen] = '\x1f';
    memcpy(*buf + plen + 1, name, nlen + 1);
    return *buf;
}

static const char *counterparty_key(const tally *t, char **buf, size_t *cap)
{
    return joined_key(account_kind_name(t->kind), t->name, buf, cap);
}

static const char *funder_line_key(const tally *t, char **buf, size_t *cap)
{
    return joined_key(t->axis, t->name, buf, cap);
}

static const char *type_key(const tally *t, char **buf, size_t *cap)
{
    return joined_key(t->axis, t->name, buf, cap);
}

static const char *name_key(const tally *t, char **buf, size_t *cap)
{
    size_t n = strlen(t->name) + 1;
    xgrow((void **)buf, cap, n, 1);
    memcpy(*buf, t->name, n);
    return *buf;
}

/* Partners and regions: keyed by the folded name. */
static const char *folded_key(const tally *t, char **buf, size_t *cap)
{
    char *key = text_fold_key(t->name, strlen(t->name));
    name_key(&(tally){ .name = key }, buf, cap);
    free(key);
    return *buf;
}

void model_part_merge(model *whole, const model *part, size_t line_offset)
{
    for (size_t i = 0; i < whole->account_count; i++) {
        account *a = &whole->accounts[i];
        const account *p = &part->accounts[i];
        add_sums(a->amount, p->amount, MODEL_YEARS_MAX);
        add_sums(a->moved, p->moved, 2);
        a->in_ledger |= p->in_ledger;
    }
    for (int slot = 0; slot < MODEL_YEARS_MAX; slot++) {
        year_totals *y = &whole->totals[slot];
        const year_totals *p = &part->totals[slot];
        y->activities += p->activities;
        y->participants += p->participants;
        y->hours += p->hours;
        whole->ledger_rows_in[slot] += part->ledger_rows_in[slot];
    }
    whole->ledger_rows_outside_years += part->ledger_rows_outside_years;
    whole->ledger_rows_other_kinds += part->ledger_rows_other_kinds;
    whole->ledger_rows_current += part->ledger_rows_current;
    whole->position.ledger_rows += part->position.ledger_rows;
    add_sums(whole->position.surplus, part->position.surplus, 2);
    merge_tallies(whole, &whole->counterparties, &part->counterparties, line_offset,
                  counterparty_key);
    merge_tallies(whole, &whole->funder_lines, &part->funder_lines, line_offset, funder_line_key);
    merge_tallies(whole, &whole->axes, &part->axes, line_offset, name_key);
    merge_tallies(whole, &whole->types, &part->types, line_offset, type_key);
    merge_tallies(whole, &whole->partners, &part->partners, line_offset, folded_key);
    merge_tallies(whole, &whole->regions, &part->regions, line_offset, folded_key);
}
