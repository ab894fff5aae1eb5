/* trial_balance.h - read a trial balance as accounting software exports
 * it (QuickBooks Online and Desktop, Xero, Sage 50) or in bilan's own
 * layout (account, debit, credit): one row per account with its debit or
 * credit balance.
 *
 * A trial balance is not a ledger: no dates, no lines, only each
 * account's balance at one date, which the title rows say ("As of March
 * 31, 2014", "As at 31 March 2014").  For revenue and expense accounts it
 * is the fiscal year to date: what ingest compares with the ledger, or
 * takes instead of it for an earlier year that has no ledger lines.
 *
 * The header is found among the first IMPORT_SCAN_ROWS rows: the first
 * with a debit and a credit column ("Debit", "Debits", "Debit Amt",
 * "Debit (CAD)", "Débit"; Xero's "YTD Debit" and "YTD Credit" are taken
 * over its month's columns).  The account is the account column ("Account",
 * "Account ID", "Compte", ...) or, when the header names none, the first
 * column (QuickBooks: ",Debit,Credit"); its label may carry the code
 * ("4000 Sales", "Sales (200)", "200 - Sales"); a name column ("Account
 * Description") names it too.  Rows after the header:
 *   - blank rows, and rows without a debit or credit figure (headings of
 *     account types: "Revenue", "Expenses"): skipped;
 *   - "Total ...", "TOTAL", "Net ..." rows and footers ("Accrual Basis
 *     ..."): skipped, counted;
 *   - any other row with a figure: an account's balance. */
#ifndef BILAN_TRIAL_BALANCE_H
#define BILAN_TRIAL_BALANCE_H

#include "lib/diag.h"
#include "parse/date.h"
#include "parse/money.h"
#include "parse/record_source.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One account's row.  Strings are valid until the next trial_next. */
typedef struct trial_row {
    size_t line;
    const char *label;     /* the account as written: "4000 Sales" */
    const char *code;      /* its code (the code column's, or parsed
                                * from the label), or "" */
    const char *name;      /* its name, or "" */
    int64_t debit, credit; /* cents, each >= 0 (a negative debit is
                                * a credit) */
} trial_row;

typedef struct trial_reader trial_reader; /* opaque */

/* Finds the header of the trial balance r reads (nothing read yet).
 * NULL, reported to d at file, when there is none. */
trial_reader *trial_open(record_source *r, const char *file, money_decimal decimal, diag *d);

/* The date the title rows above the header give (the last one: "January
 * 1 - December 31, 2025" is as of its end), and its line; false when none. */
bool trial_as_of(const trial_reader *t, date *out, size_t *line);

/* The line of the header. */
size_t trial_header_line(const trial_reader *t);

/* The next account row: 1, 0 at the end, -1 when the file cannot be read
 * further.  A figure that is no amount is reported and its row skipped. */
int trial_next(trial_reader *t, trial_row *out);

/* Total, heading and footer rows skipped so far. */
size_t trial_skipped(const trial_reader *t);

void trial_close(trial_reader *t); /* NULL-safe; does not close r */

#endif
