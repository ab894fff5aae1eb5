/* import.h - read the exports of accounting software (QuickBooks Online and
 * Desktop, Sage 50, Xero, Wave, GnuCash, Odoo) as bilan's tidy ledger
 * records.
 *
 * A report export is a grid of labelled rows, not a table: title rows,
 * then a header, then per account a section row ("4000 Sales"), perhaps an
 * opening balance, the transaction lines, a total, a blank row; a grand
 * total and a footer at the end.  An import profile (import_profiles.c)
 * describes one product's layout as data: its header signature, amount
 * mode, where the account comes from, its labels.  One engine (import.c)
 * reads them all:
 *   - import_open finds the header among the first IMPORT_SCAN_ROWS
 *     records and the one profile it belongs to (or takes the forced one);
 *   - import_next classifies every later row (transaction, section,
 *     balance or total, blank, footer) and returns the transactions as
 *     normalized lines; anything else is an error at its line;
 *   - the export checks itself: each total, and opening + lines = closing
 *     where the export shows both, must equal the sum of the lines read.
 *
 * bilan's own tidy layout is the profile "bilan": its header is the first
 * record and its rows are the caller's to read (import_is_tidy). */
#ifndef BILAN_IMPORT_H
#define BILAN_IMPORT_H

#include "lib/diag.h"
#include "parse/columns.h"
#include "parse/csv_reader.h"
#include "parse/date.h"
#include "parse/record_source.h"
#include "parse/money.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { IMPORT_SCAN_ROWS = 30 }; /* records searched for the header */

/* ---- profiles (data: import_profiles.c) -------------------------------- */

/* What a column of an export is for. */
typedef enum import_role {
    IMPORT_END, /* ends a profile's column list */
    IMPORT_DATE,
    IMPORT_ACCOUNT,      /* account code or name on the row (or the section's code) */
    IMPORT_ACCOUNT_NAME, /* the account's name beside its code (Sage 50 US) */
    IMPORT_AMOUNT,       /* one signed amount (see import_amount_mode) */
    IMPORT_DEBIT,
    IMPORT_CREDIT,
    IMPORT_BALANCE, /* running balance: read for checks, never summed */
    IMPORT_COUNTERPARTY,
    IMPORT_MEMO,
    IMPORT_REF,
    IMPORT_TYPE, /* transaction type or journal: empty on balance rows */
    IMPORT_KNOWN /* recognised, not used */
} import_role;

/* One column of a profile.  names holds the folded header names (as
 * text_header_key gives them: lower case, no accents, runs of space '-'
 * '.' '_' made one space), '|' between alternatives; a trailing '*'
 * matches any ending ("debit (*" is "Debit (CAD)").  Each column claims the
 * first header cell, not claimed by an earlier column, that it matches. */
typedef struct import_column {
    import_role role;
    const char *names;
    bool required; /* part of the header signature */
} import_column;

/* What a labelled row is. */
typedef enum import_label_kind {
    IMPORT_LABEL_OPENING,    /* opening balance of the section */
    IMPORT_LABEL_TOTAL,      /* the section's total and/or closing balance; closes it */
    IMPORT_LABEL_TOTAL_SUBS, /* the section's total with its sub-accounts */
    IMPORT_LABEL_CHANGE,     /* a period's debits, credits and net change */
    IMPORT_LABEL_GRAND,      /* the grand total: the export's last data row */
    IMPORT_LABEL_SKIP,       /* a figure derived from others: counted, not checked */
    IMPORT_LABEL_FOOTER      /* "Accrual Basis ...": no figures */
} import_label_kind;

/* A label, folded like header names; one '*' may stand for the section's
 * label ("total for *"), which must then be the section's. */
typedef struct import_label {
    const char *pattern; /* NULL ends a list */
    import_label_kind kind;
} import_label;

typedef enum import_amount_mode {
    IMPORT_AMOUNT_DEBIT_CREDIT,  /* two columns */
    IMPORT_AMOUNT_NATURAL,       /* one amount in the account's natural
                                  * direction: bilan's own 'amount' */
    IMPORT_AMOUNT_DEBIT_POSITIVE /* one amount, debit positive (or a Dr/Cr
                                  * suffix): becomes debit or credit */
} import_amount_mode;

typedef enum import_account_source {
    IMPORT_ACCOUNT_COLUMN,    /* every transaction row names it */
    IMPORT_ACCOUNT_FILL_DOWN, /* a column, empty until the account changes */
    IMPORT_ACCOUNT_SECTION    /* the section row above the lines */
} import_account_source;

/* How a balance column moves with the lines, for opening + lines = closing. */
typedef enum import_balance_sign {
    IMPORT_BALANCE_UNCHECKED,
    IMPORT_BALANCE_AMOUNT, /* + the natural amounts */
    IMPORT_BALANCE_DEBIT,  /* + debits - credits */
    IMPORT_BALANCE_EITHER  /* natural to the account, whose kind the
                                  * export does not say: either sign fits */
} import_balance_sign;

typedef struct import_profile {
    const char *name;    /* "qbo-gl"; report.ini [import] profile */
    const char *product; /* "QuickBooks Online, General Ledger" */
    bool tidy;           /* bilan's own layout (columns.c maps it) */
    const import_column *columns;
    import_amount_mode amount;
    import_account_source account;
    /* Sections: a section row in the first columns (up to the date
     * column), its other cells empty but for money; its code parsed from
     * "4000 Sales", "4000 · Sales", "425 - Name", "Name (425)", else the
     * label is the account's name. */
    bool sections;               /* section rows mark the accounts (also
                                  * with IMPORT_ACCOUNT_COLUMN: for checks) */
    bool nested;                 /* sections nest: sub-accounts */
    bool totals_required;        /* every section ends with its total */
    bool totals_include_opening; /* a total's debit and credit include the
                                  * opening row's (Odoo) */
    bool unlabelled_total;       /* a row of money cells alone is a total */
    bool header_repeats;         /* the header again under each section
                                  * title (Odoo); the title comes before it */
    bool end_required;           /* the export ends with its grand total */
    import_balance_sign balance;
    money_decimal decimal; /* for a value that cannot tell its mark */
    const import_label *labels;
    const char *const *ignored_accounts; /* folded patterns, NULL-ended, or NULL */
} import_profile;

/* Every profile, the tidy "bilan" first. */
const import_profile *import_profiles(size_t *count);
/* The profile of that name (case-insensitive), or NULL. */
const import_profile *import_profile_find(const char *name);

/* Splits an account label into code and name, as section rows are read:
 * "4000 Sales", "4000 · Sales", "425 - Freight", "Sales (4000)", and the
 * last part of a path, "Expenses:Rent", "6000 · A:6010 · B".  Both point
 * into label; *code_len is 0 when it carries no code (the whole label, or
 * its last part, is then the name). */
void import_account_split(const char *label, size_t len, const char **code, size_t *code_len,
                          const char **name, size_t *name_len);

/* Money as exports write it ("$1,234.56", "-$53.15", "(420.81)",
 * "1 234,56 $", "10,000.00 Dr", "5 000,00 Ct") into cents: with the
 * decimal mark *learned (AUTO: learnt from this value when it tells, and
 * kept), else fallback for a value that cannot tell ("1,500"); a Dr/Cr
 * (Dt/Ct) suffix gives a debit-positive sign. */
money_status import_money(const char *s, size_t len, money_decimal *learned, money_decimal fallback,
                          int64_t *out);

/* A date as exports write it: numeric in that order (AUTO: only when the
 * values tell), ISO, or with the month's name ("March 31, 2014", "31 mars
 * 2014", "1 Apr 2011"). */
bool import_parse_date(const char *s, size_t len, date_order order, date *out);

/* ---- reading ----------------------------------------------------------- */

typedef struct import_options {
    const char *profile;            /* report.ini [import] profile, or NULL */
    const column_override *columns; /* report.ini [columns.ledger], or NULL */
    money_decimal decimal;          /* report.ini [csv] decimal */
    bool quiet;                     /* a second read of a file already
                                       * checked: report nothing */
} import_options;

/* The fields of import_line.record, in this order; import_column_map says
 * which column_id each is. */
enum {
    IMPORT_FIELD_DATE,
    IMPORT_FIELD_ACCOUNT,
    IMPORT_FIELD_AMOUNT,
    IMPORT_FIELD_DEBIT,
    IMPORT_FIELD_CREDIT,
    IMPORT_FIELD_COUNTERPARTY,
    IMPORT_FIELD_MEMO,
    IMPORT_FIELD_REF,
    IMPORT_FIELD_COUNT
};

/* One transaction row of an export, normalized.  Strings are valid until
 * the next import_next or import_close. */
typedef struct import_line {
    size_t line;              /* physical line of the row in the export */
    const char *date;         /* as written (a two-digit year made four
                               * digits); "12 Apr 2025", "Apr 12, 2025",
                               * "12 avr. 2025" become YYYY-MM-DD */
    const char *account;      /* the account's code; its name when the
                               * export gives none (account_is_name) */
    const char *account_name; /* the name as the export writes it, or "" */
    bool account_is_name;     /* match account by folded name in accounts.csv */
    bool natural;             /* amount is set; else debit and credit */
    int64_t amount;           /* cents, natural sign (as bilan's 'amount') */
    int64_t debit, credit;    /* cents, >= 0 for a debit-positive amount */
    const char *counterparty; /* "" when the export has no such column */
    const char *memo, *ref;
    /* The same line as a tidy ledger record: fields IMPORT_FIELD_*, money
     * written "-1234.56" (point decimal, no grouping), line = line. */
    csv_record record;
} import_line;

/* What a file held, for bilan --check. */
typedef struct import_counts {
    size_t transactions;     /* lines returned */
    size_t sections;         /* accounts met (section rows, fill-down changes) */
    size_t totals_checked;   /* totals and closing balances compared */
    size_t balances_skipped; /* opening, closing and change rows */
    size_t other_skipped;    /* repeated headers, footers, ignored accounts */
    size_t header_line;      /* where the header was found */
} import_counts;

typedef struct import_reader import_reader; /* opaque */

/* Finds the header among the first records of r (opened, nothing read)
 * and its profile, or checks the forced one.  Reports to d, at file, a
 * header that matches no profile or two (naming the nearest), and returns
 * NULL; for a first record that is nearest to bilan's tidy layout, the
 * problems columns.c finds in it.  r must outlive the reader. */
import_reader *import_open(record_source *r, const char *file, const import_options *options,
                           diag *d);

/* Whether the file is in bilan's tidy layout: its header was the first
 * record, import_column_map gives its mapping, and the caller reads its
 * data records from r itself (import_next returns 0). */
bool import_is_tidy(const import_reader *ir);

/* Tidy: the header's mapping.  Else: where each column_id is in
 * import_line.record (amount, or debit and credit, per the profile). */
const column_map *import_column_map(const import_reader *ir);

/* The next transaction line: 1, 0 at the end (after the end-of-file
 * checks), -1 when the file cannot be read further.  Rows in error are
 * reported and not returned. */
int import_next(import_reader *ir, import_line *out);

const import_profile *import_profile_of(const import_reader *ir);
const import_counts *import_counts_of(const import_reader *ir);

/* "qbo-gl (line 5): 976 transaction rows, 52 sections, 45 totals checked,
 * 4 balance rows skipped" into buf. */
void import_summary(const import_reader *ir, char *buf, size_t size);

void import_close(import_reader *ir); /* NULL-safe; does not close r */

#endif
