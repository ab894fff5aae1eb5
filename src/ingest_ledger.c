/* ingest_ledger.c - ledger.csv: one reader turns a record into its date,
 * its account and its amount (ledger_line_read); the totals (the row of
 * ingest_input's pass) and the workbook's detail rows (the detail walk)
 * both go through it, so they cannot read a line differently. */
#include "ingest_field.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a ledger record says. */
typedef struct ledger_line {
    date when;
    account *account;
    int64_t amount; /* cents, in the account's natural direction */
} ledger_line;

/* A ledger line's amount in the natural direction of an account of that
 * kind: the amount column, or credit - debit for revenue, liability and
 * equity accounts and debit - credit for the others. */
static ingest_field_status ledger_amount(ingest_file *f, account_kind kind, int64_t *out)
{
    if (ingest_field_present(f, COL_AMOUNT))
        return ingest_field_amount(f, COL_AMOUNT, false, out);
    int64_t debit, credit;
    ingest_field_status st = ingest_field_amount(f, COL_DEBIT, true, &debit);
    if (ingest_field_amount(f, COL_CREDIT, true, &credit) != INGEST_FIELD_OK ||
        st != INGEST_FIELD_OK)
        return INGEST_FIELD_ERROR;
    bool credit_side = kind == KIND_REVENUE || kind == KIND_LIABILITY || kind == KIND_EQUITY;
    if (__builtin_sub_overflow(credit_side ? credit : debit, credit_side ? debit : credit, out)) {
        ingest_problem(f, COL_AMOUNT, "is out of range", "is out of range");
        return INGEST_FIELD_ERROR;
    }
    return INGEST_FIELD_OK;
}

/* The account of an exported line that names it (account_is_name), or
 * whose code is not in accounts.csv but that has a name: by folded name
 * (capitals, accents and spaces ignored).  Reported when none. */
static account *imported_account(ingest_file *f, const char *code, size_t len)
{
    const model *m = f->m;
    const import_line *l = &f->imported;
    const char *name = l->account_is_name ? l->account : l->account_name;
    bool ambiguous = false;
    account *a = *name ? model_find_account_by_name(m, name, strlen(name), &ambiguous) : NULL;
    if (a || m->accounts_unreadable ||
        (!l->account_is_name && model_account_rejected(m, code, len)))
        return a;
    bool sections = import_profile_of(f->ir)->sections;
    const char *key = l->account_is_name ? name : code;
    size_t key_len = l->account_is_name ? strlen(name) : len;
    if (f->unknown_account && strlen(f->unknown_account) == key_len &&
        memcmp(f->unknown_account, key, key_len) == 0)
        return NULL; /* the same section: said at its first line */
    free(f->unknown_account);
    f->unknown_account = xstrndup(key, key_len);
    if (ambiguous)
        ingest_problem(f, COL_ACCOUNT, "two accounts of that name",
                       "'%s': two accounts of accounts.csv have that name; give the export "
                       "account numbers",
                       ingest_key(f, NULL, name, strlen(name)));
    else if (l->account_is_name)
        ingest_problem(f, COL_ACCOUNT, "not an account",
                       "%s'%s' is not an account of "
                       "accounts.csv",
                       sections ? _("section ") : "", ingest_key(f, NULL, name, strlen(name)));
    else
        ingest_problem(f, COL_ACCOUNT, "not in accounts.csv", "'%s' is not in accounts.csv%s%s%s",
                       ingest_key(f, NULL, code, len), *name ? _(" (nor its name, '") : "", name,
                       *name ? _("')") : "");
    return NULL;
}

/* The account a ledger record names, or NULL, reported unless accounts.csv
 * could not be read or already reported that code's row. */
static account *ledger_account(ingest_file *f)
{
    const char *code;
    size_t len;
    if (ingest_field_required(f, COL_ACCOUNT, &code, &len) != INGEST_FIELD_OK)
        return NULL;
    if (!f->is_imported)
        return ingest_account_find(f, code, len);
    account *a = f->imported.account_is_name ? NULL : model_find_account(f->m, code, len);
    return a ? a : imported_account(f, code, len);
}

/* Reads the current record: date, account and amount, each problem
 * reported.  Without a good date or account, the amount is still checked
 * (as an expense's), so that one run lists every problem. */
static ingest_field_status ledger_line_read(ingest_file *f, ledger_line *out)
{
    bool ok = ingest_field_date(f, COL_DATE, &out->when) == INGEST_FIELD_OK;
    out->account = ledger_account(f);
    ok &= out->account != NULL;
    account_kind kind = ok ? out->account->kind : KIND_EXPENSE;
    if (ledger_amount(f, kind, &out->amount) != INGEST_FIELD_OK || !ok)
        return INGEST_FIELD_ERROR;
    return INGEST_FIELD_OK;
}

/* ---- the totals -------------------------------------------------------- */

static void add_checked(ingest_file *f, column_id col, int64_t *total, int64_t value)
{
    if (!money_add(*total, value, total))
        ingest_problem(f, col, "total out of range", "the total it enters is out of range");
}

/* The line's amount added to its counterparty's, under the account's kind
 * (a funder and a supplier of the same name are two). */
static void add_counterparty(ingest_file *f, const account *a, int slot, int64_t amount)
{
    size_t len;
    const char *name = ingest_field_text(f, COL_COUNTERPARTY, &len);
    if (len == 0)
        return;
    const char *key = ingest_key(f, account_kind_name(a->kind), name, len);
    const char *shown = key + strlen(account_kind_name(a->kind)) + 1;
    tally *t =
        tally_list_get(f->m, &f->m->counterparties, key, shown, NULL, f->order_base + f->rec.line);
    t->kind = a->kind;
    add_checked(f, COL_AMOUNT, &t->amount[slot], amount);
    if (a->kind != KIND_REVENUE)
        return;
    /* and under (account, name), for the funders table; a sum out of
     * range saturates, and compute reports it */
    key = ingest_key(f, a->code, name, len);
    t = tally_list_get(f->m, &f->m->funder_lines, key, key + strlen(a->code) + 1, a->code,
                       f->rec.line);
    t->kind = a->kind;
    if (!money_add(t->amount[slot], amount, &t->amount[slot]))
        t->amount[slot] = amount < 0 ? INT64_MIN : INT64_MAX;
}

/* With several ledger files: the first file to have lines on the
 * account in the line's year is the only one that may; another is
 * reported once per year and pair of files. */
static void check_one_file(ingest_file *f, const account *a, int slot)
{
    ledger_years *y = f->years;
    char key[64];
    snprintf(key, sizeof key, "%d", slot);
    const char *k = ingest_key(f, key, a->code, strlen(a->code));
    size_t len = strlen(k), first;
    if (!strmap_get(y->first, k, len, &first)) {
        strmap_put(y->first, k, len, (f->file_index << 40) | f->rec.line);
        return;
    }
    size_t other = first >> 40, other_line = first & (((size_t)1 << 40) - 1);
    if (other == f->file_index)
        return;
    int n = snprintf(key, sizeof key, "%d\x1f%zu\x1f%zu", slot, other, f->file_index);
    if (strmap_get(y->reported, key, (size_t)n, &first))
        return;
    strmap_put(y->reported, key, (size_t)n, 0);
    const model *m = f->m;
    ingest_problem(f, COL_ACCOUNT, NULL,
                   "fiscal year %s: account '%s' has lines in %s too "
                   "(line %zu): a year's lines must come from one ledger file, or the files "
                   "must hold different accounts (else they count twice)",
                   m->period[slot].label, a->code, m->ledgers[other].name, other_line);
}

void ingest_ledger_row(ingest_file *f)
{
    model *m = f->m;
    ledger_line line;
    if (ledger_line_read(f, &line) != INGEST_FIELD_OK)
        return;
    ingest_magnitude_add(f, line.amount);
    if (!model_position_add(m, line.account, line.when, line.amount))
        ingest_problem(f, COL_AMOUNT, "total out of range", "the total it enters is out of range");
    int slot = model_slot_of_date(m, line.when);
    if (slot < 0)
        m->ledger_rows_outside_years++;
    else if (slot == 0)
        m->ledger_rows_current++;
    if (slot >= 0) {
        m->ledger_rows_in[slot]++;
        if (f->years)
            check_one_file(f, line.account, slot);
    }
    account_kind kind = line.account->kind;
    if (kind != KIND_REVENUE && kind != KIND_EXPENSE) {
        m->ledger_rows_other_kinds++;
        return;
    }
    if (slot < 0)
        return;
    account *a = line.account;
    add_checked(f, COL_AMOUNT, &a->amount[slot], line.amount);
    if (slot < 2)
        add_counterparty(f, a, slot, line.amount);
}

/* ---- the workbook's detail --------------------------------------------- */

/* A column's text, NUL-terminated in *copy (to free). */
static const char *text_copy(const ingest_file *f, column_id col, char **copy)
{
    size_t len;
    const char *s = ingest_field_text(f, col, &len);
    *copy = xstrndup(s, len);
    return *copy;
}

int ingest_ledger_detail(ingest_file *f, ledger_detail_fn fn, void *arg)
{
    const model *m = f->m;
    ledger_line line;
    if (ledger_line_read(f, &line) != INGEST_FIELD_OK)
        return 0;
    int slot = model_slot_of_date(m, line.when);
    if (slot != 0 && slot != 1)
        return 0;
    const account *a = line.account;
    ledger_detail row = {
        .line = f->rec.line,
        .date = line.when,
        .account = a->code,
        .account_name = a->name,
        .group = a->group,
        .kind = a->kind,
        .amount = line.amount,
        .period = &m->period[slot],
    };
    char *counterparty, *memo, *ref;
    row.counterparty = text_copy(f, COL_COUNTERPARTY, &counterparty);
    row.memo = text_copy(f, COL_MEMO, &memo);
    row.ref = text_copy(f, COL_REF, &ref);
    int rc = fn(&row, arg);
    free(counterparty);
    free(memo);
    free(ref);
    return rc;
}
