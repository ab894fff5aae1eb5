/* ingest_ledger.c - ledger.csv: one reader turns a record into its date,
 * its account and its amount (ledger_line_read); the totals (the row of
 * ingest_input's pass) and the workbook's detail rows (the detail walk)
 * both go through it, so they cannot read a line differently. */
#include "ingest_field.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* What a ledger record says. */
typedef struct ledger_line {
    date when;
    account *account;
    int64_t amount;            /* cents, in the account's natural direction */
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
    if (__builtin_sub_overflow(credit_side ? credit : debit,
                               credit_side ? debit : credit, out)) {
        ingest_problem(f, COL_AMOUNT, "is out of range", "is out of range");
        return INGEST_FIELD_ERROR;
    }
    return INGEST_FIELD_OK;
}

/* The account a ledger record names, or NULL, reported unless accounts.csv
 * could not be read or already reported that code's row. */
static account *ledger_account(ingest_file *f)
{
    const model *m = f->m;
    const char *code;
    size_t len;
    if (ingest_field_required(f, COL_ACCOUNT, &code, &len) != INGEST_FIELD_OK)
        return NULL;
    account *a = model_find_account(m, code, len);
    if (!a && !m->accounts_unreadable && !model_account_rejected(m, code, len))
        ingest_problem(f, COL_ACCOUNT, "not in accounts.csv", "'%s' is not in accounts.csv",
                       ingest_key(f, NULL, code, len));
    return a;
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
    tally *t = tally_list_get(f->m, &f->m->counterparties, key, shown, NULL, f->rec.line);
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

void ingest_ledger_row(ingest_file *f)
{
    model *m = f->m;
    ledger_line line;
    if (ledger_line_read(f, &line) != INGEST_FIELD_OK)
        return;
    if (!model_position_add(m, line.account, line.when, line.amount))
        ingest_problem(f, COL_AMOUNT, "total out of range", "the total it enters is out of range");
    int slot = model_slot_of_date(m, line.when);
    if (slot < 0)
        m->ledger_rows_outside_years++;
    else if (slot == 0)
        m->ledger_rows_current++;
    if (slot >= 0)
        m->ledger_rows_in[slot]++;
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
        .line = f->rec.line, .date = line.when, .account = a->code,
        .account_name = a->name, .group = a->group, .kind = a->kind,
        .amount = line.amount, .period = &m->period[slot],
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
