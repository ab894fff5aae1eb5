/* ingest_balances.c - balances.csv (optional): the balance of each asset,
 * liability and equity account at the end of one day (natural sign:
 * assets a debit balance, the others a credit balance), before the ledger
 * is read, so that its lines can be summed from that date on.  One date
 * for every line: a second date is an error at its line. */
#include "ingest_field.h"
#include "lib/i18n.h"

/* The account a line names, or NULL, reported (unless accounts.csv could
 * not be read or already reported that code): unknown, not an asset,
 * liability or equity account, or given twice. */
static account *balance_account(ingest_file *f)
{
    const char *code;
    size_t len;
    if (ingest_field_required(f, COL_ACCOUNT, &code, &len) != INGEST_FIELD_OK)
        return NULL;
    account *a = ingest_account_find(f, code, len);
    if (!a)
        return NULL;
    if (a->kind == KIND_REVENUE || a->kind == KIND_EXPENSE) {
        ingest_problem(f, COL_ACCOUNT, "of another kind",
                       "'%s' is %s: balances.csv gives asset, liability and "
                       "equity accounts (revenue and expenses come from the ledger)",
                       ingest_key(f, NULL, code, len), _(account_kind_phrase(a->kind)));
        return NULL;
    }
    if (a->has_balance) {
        ingest_problem(f, COL_ACCOUNT, NULL, "'%s' already has a balance at line %zu",
                       ingest_key(f, NULL, code, len), a->balance_line);
        return NULL;
    }
    return a;
}

/* The line's date: not after the reported year's end, and the date of the
 * lines before it (the first good one sets it). */
static bool balance_date(ingest_file *f)
{
    model *m = f->m;
    date when;
    if (ingest_field_date(f, COL_DATE, &when) != INGEST_FIELD_OK)
        return false;
    char iso[11], other[11];
    date_format_iso(when, iso);
    if (date_compare(when, m->period[0].end) > 0) {
        date_format_iso(m->period[0].end, other);
        ingest_problem(f, COL_DATE, "after the reported year",
                       "%s is after the end of the reported fiscal year (%s): give the "
                       "balances at an earlier year-end, such as the audited ones",
                       iso, other);
        return false;
    }
    if (!m->position.dated) {
        model_position_open(m, &when);
        m->position.date_line = f->rec.line;
        return true;
    }
    if (date_compare(when, m->position.date) != 0) {
        date_format_iso(m->position.date, other);
        ingest_problem(f, COL_DATE, "another date",
                       "%s is not the date of the other balances, %s (line %zu): every "
                       "balance is at one date",
                       iso, other, m->position.date_line);
        return false;
    }
    return true;
}

void ingest_balance_row(ingest_file *f)
{
    model *m = f->m;
    m->position.rows++;
    bool ok = balance_date(f);
    account *a = balance_account(f);
    int64_t cents;
    ok &= ingest_field_amount(f, COL_BALANCE, false, &cents) == INGEST_FIELD_OK;
    if (ok && a)
        model_position_balance(m, a, cents, f->rec.line);
}
