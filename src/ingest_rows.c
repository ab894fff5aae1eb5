/* ingest_rows.c - one function per input file: validate a record and add
 * it to the model. */
#include "ingest_file.h"
#include "lib/text.h"

#include <stdlib.h>
#include <string.h>

/* ---- accounts.csv ------------------------------------------------------ */

static bool kind_parse(const char *s, size_t len, account_kind *out)
{
    static const struct {
        const char *name;
        account_kind kind;
    } names[] = {
        {"revenue", KIND_REVENUE}, {"revenues", KIND_REVENUE},
        {"income", KIND_REVENUE}, {"produit", KIND_REVENUE},
        {"produits", KIND_REVENUE}, {"revenu", KIND_REVENUE},
        {"revenus", KIND_REVENUE},
        {"expense", KIND_EXPENSE}, {"expenses", KIND_EXPENSE},
        {"charge", KIND_EXPENSE}, {"charges", KIND_EXPENSE},
        {"depense", KIND_EXPENSE}, {"depenses", KIND_EXPENSE},
        {"asset", KIND_ASSET}, {"assets", KIND_ASSET}, {"actif", KIND_ASSET},
        {"liability", KIND_LIABILITY}, {"liabilities", KIND_LIABILITY},
        {"passif", KIND_LIABILITY},
        {"equity", KIND_EQUITY}, {"actif net", KIND_EQUITY},
        {"avoir", KIND_EQUITY}, {"capitaux propres", KIND_EQUITY},
        {"fonds", KIND_EQUITY}, {"net assets", KIND_EQUITY},
        /* Account types as accounting software exports them. */
        {"other income", KIND_REVENUE}, {"autres revenus", KIND_REVENUE},
        {"autres produits", KIND_REVENUE},
        {"other expense", KIND_EXPENSE}, {"cost of goods sold", KIND_EXPENSE},
        {"cost of sales", KIND_EXPENSE}, {"autres charges", KIND_EXPENSE},
        {"bank", KIND_ASSET}, {"accounts receivable", KIND_ASSET},
        {"other current asset", KIND_ASSET}, {"fixed asset", KIND_ASSET},
        {"other asset", KIND_ASSET}, {"banque", KIND_ASSET},
        {"accounts payable", KIND_LIABILITY}, {"credit card", KIND_LIABILITY},
        {"other current liability", KIND_LIABILITY},
        {"long term liability", KIND_LIABILITY}, {"dette", KIND_LIABILITY},
        {"dettes", KIND_LIABILITY},
    };
    char *key = text_header_key(s, len);
    bool found = false;
    for (size_t i = 0; key && !found && i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(key, names[i].name) == 0) {
            *out = names[i].kind;
            found = true;
        }
    }
    free(key);
    return found;
}

void ingest_account_row(ingest_file *f)
{
    model *m = f->m;
    const char *code, *name, *kind_text, *group;
    size_t code_len, name_len, kind_len, group_len;
    account_kind kind = KIND_ASSET;
    bool ok = field_required(f, COL_ACCOUNT, &code, &code_len) == FIELD_OK;
    ok &= field_required(f, COL_NAME, &name, &name_len) == FIELD_OK;
    if (field_required(f, COL_KIND, &kind_text, &kind_len) == FIELD_OK &&
        !kind_parse(kind_text, kind_len, &kind)) {
        diag_data(f->d, f->name, f->rec.line, "kind",
                  "'%s' is not an account kind (revenue, expense, asset, "
                  "liability, equity)", ingest_key(f, NULL, kind_text, kind_len));
        ok = false;
    }
    group = field_text(f, COL_GROUP, &group_len);
    if (group_len == 0 && (kind == KIND_REVENUE || kind == KIND_EXPENSE)) {
        diag_data(f->d, f->name, f->rec.line, "group", "is empty");
        ok = false;
    }
    size_t existing;
    if (code_len && strmap_get(m->account_index, code, code_len, &existing)) {
        diag_data(f->d, f->name, f->rec.line, "account",
                  "'%s' is already defined at line %zu",
                  ingest_key(f, NULL, code, code_len), m->accounts[existing].line);
        ok = false;
    }
    if (!ok) {
        if (code_len)   /* its ledger lines need no second diagnostic */
            strmap_put(m->rejected_accounts, code, code_len, 0);
        return;
    }
    xgrow((void **)&m->accounts, &m->account_cap, m->account_count + 1, sizeof(account));
    account *a = &m->accounts[m->account_count];
    memset(a, 0, sizeof *a);
    a->code = arena_strndup(m->strings, code, code_len);
    a->name = arena_strndup(m->strings, name, name_len);
    a->group = arena_strndup(m->strings, group, group_len);
    a->kind = kind;
    a->line = f->rec.line;
    strmap_put(m->account_index, code, code_len, m->account_count++);
}

/* ---- ledger.csv -------------------------------------------------------- */

field_status field_ledger_amount(ingest_file *f, account_kind kind, int64_t *out)
{
    if (field_present(f, COL_AMOUNT))
        return field_amount(f, COL_AMOUNT, false, out);
    int64_t debit, credit;
    field_status st = field_amount(f, COL_DEBIT, true, &debit);
    if (field_amount(f, COL_CREDIT, true, &credit) != FIELD_OK || st != FIELD_OK)
        return FIELD_ERROR;
    bool credit_side = kind == KIND_REVENUE || kind == KIND_LIABILITY || kind == KIND_EQUITY;
    if (__builtin_sub_overflow(credit_side ? credit : debit,
                               credit_side ? debit : credit, out)) {
        diag_data(f->d, f->name, f->rec.line, "amount", "is out of range");
        return FIELD_ERROR;
    }
    return FIELD_OK;
}

static void add_checked(ingest_file *f, column_id col, int64_t *total, int64_t value)
{
    if (!money_add(*total, value, total))
        diag_data(f->d, f->name, f->rec.line, column_name(col),
                  "the total it enters is out of range");
}

static void add_counterparty(ingest_file *f, const account *a, int slot, int64_t amount)
{
    size_t len;
    const char *name = field_text(f, COL_COUNTERPARTY, &len);
    if (len == 0)
        return;
    const char *key = ingest_key(f, account_kind_name(a->kind), name, len);
    const char *shown = key + strlen(account_kind_name(a->kind)) + 1;
    tally *t = tally_list_get(f->m, &f->m->counterparties, key, shown, NULL, f->rec.line);
    t->kind = a->kind;
    add_checked(f, COL_AMOUNT, &t->amount[slot], amount);
}

void ingest_ledger_row(ingest_file *f)
{
    model *m = f->m;
    date when;
    const char *code;
    size_t code_len, pos = 0;
    bool ok = field_date(f, COL_DATE, &when) == FIELD_OK;
    if (field_required(f, COL_ACCOUNT, &code, &code_len) != FIELD_OK) {
        ok = false;
    } else if (!strmap_get(m->account_index, code, code_len, &pos)) {
        size_t ignored;
        if (!m->accounts_unreadable &&
            !strmap_get(m->rejected_accounts, code, code_len, &ignored))
            diag_data(f->d, f->name, f->rec.line, "account",
                      "'%s' is not in accounts.csv", ingest_key(f, NULL, code, code_len));
        ok = false;
    }
    account *a = ok ? &m->accounts[pos] : NULL;
    int64_t amount;
    if (field_ledger_amount(f, a ? a->kind : KIND_EXPENSE, &amount) != FIELD_OK || !ok)
        return;
    int slot = model_slot_of_date(m, when);
    if (slot < 0)
        m->ledger_rows_outside_years++;
    else if (slot == 0)
        m->ledger_rows_current++;
    if (a->kind != KIND_REVENUE && a->kind != KIND_EXPENSE) {
        m->ledger_rows_other_kinds++;
        return;
    }
    if (slot < 0)
        return;
    add_checked(f, COL_AMOUNT, &a->amount[slot], amount);
    if (slot < 2)
        add_counterparty(f, a, slot, amount);
}

/* ---- activities.csv ---------------------------------------------------- */

/* The tally of a name compared after folding (partners, regions).  Each
 * spelling is folded once: later rows find it by the text as written. */
static tally *folded_tally(ingest_file *f, tally_list *list, column_id col)
{
    size_t len, pos;
    const char *name = field_text(f, col, &len);
    if (len == 0)
        return NULL;
    if (strmap_get(list->spellings, name, len, &pos)) {
        tally *t = &list->items[pos];
        if (f->rec.line < t->first_line)
            tally_seen(f->m, t, ingest_key(f, NULL, name, len), f->rec.line);
        return t;
    }
    char *key = text_fold_key(name, len);
    if (!key) {
        diag_data(f->d, f->name, f->rec.line, column_name(col), "is not valid UTF-8");
        return NULL;
    }
    tally *t = tally_list_get(f->m, list, key, ingest_key(f, NULL, name, len), NULL,
                              f->rec.line);
    free(key);
    strmap_put(list->spellings, name, len, (size_t)(t - list->items));
    return t;
}

static void add_folded(ingest_file *f, tally_list *list, column_id col, int slot,
                       int64_t participants)
{
    tally *t = folded_tally(f, list, col);
    if (!t)
        return;
    t->count[slot]++;
    add_checked(f, COL_PARTICIPANTS, &t->participants[slot], participants);
}

void ingest_activity_row(ingest_file *f)
{
    model *m = f->m;
    date when;
    const char *axis, *type;
    size_t axis_len, type_len;
    int64_t participants = 0, hours = 0;
    bool ok = field_date(f, COL_DATE, &when) == FIELD_OK;
    ok &= field_required(f, COL_AXIS, &axis, &axis_len) == FIELD_OK;
    ok &= field_required(f, COL_TYPE, &type, &type_len) == FIELD_OK;
    ok &= field_count(f, COL_PARTICIPANTS, &participants) == FIELD_OK;
    if (field_amount(f, COL_HOURS, true, &hours) != FIELD_OK) {
        ok = false;
    } else if (hours < 0) {
        diag_data(f->d, f->name, f->rec.line, "hours", "is negative");
        ok = false;
    }
    if (!ok)
        return;
    int slot = model_slot_of_date(m, when);
    if (slot < 0)
        return;
    year_totals *y = &m->totals[slot];
    y->activities++;
    add_checked(f, COL_PARTICIPANTS, &y->participants, participants);
    add_checked(f, COL_HOURS, &y->hours, hours);
    if (slot > 1)
        return;
    char *axis_name = xstrndup(axis, axis_len);
    char *type_name = xstrndup(type, type_len);
    tally *t = tally_list_get(m, &m->axes, axis_name, axis_name, NULL, f->rec.line);
    t->count[slot]++;
    add_checked(f, COL_PARTICIPANTS, &t->participants[slot], participants);
    add_checked(f, COL_HOURS, &t->hours[slot], hours);
    t = tally_list_get(m, &m->types, ingest_key(f, axis_name, type, type_len),
                       type_name, axis_name, f->rec.line);
    t->count[slot]++;
    add_checked(f, COL_PARTICIPANTS, &t->participants[slot], participants);
    add_checked(f, COL_HOURS, &t->hours[slot], hours);
    free(axis_name);
    free(type_name);
    add_folded(f, &m->partners, COL_PARTNER, slot, participants);
    add_folded(f, &m->regions, COL_REGION, slot, participants);
}

/* ---- people.csv -------------------------------------------------------- */

static const char *optional_text(ingest_file *f, column_id col)
{
    size_t len;
    const char *s = field_text(f, col, &len);
    return arena_strndup(f->m->strings, s, len);
}

void ingest_person_row(ingest_file *f)
{
    model *m = f->m;
    const char *name, *group;
    size_t len, group_len;
    bool ok = field_required(f, COL_NAME, &name, &len) == FIELD_OK;
    if (field_required(f, COL_GROUP, &group, &group_len) != FIELD_OK || !ok)
        return;
    xgrow((void **)&m->people, &m->people_cap, m->people_count + 1, sizeof(person));
    person *p = &m->people[m->people_count++];
    p->name = arena_strndup(m->strings, name, len);
    p->role = optional_text(f, COL_ROLE);
    p->group = optional_text(f, COL_GROUP);
    p->team = optional_text(f, COL_TEAM);
}
