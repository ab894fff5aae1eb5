/* init_accounts.h - for `bilan init --from`: the accounts that ledger
 * exports use, read through the import engine (parse/import.h), written as
 * an accounts.csv to review. */
#ifndef BILAN_INIT_ACCOUNTS_H
#define BILAN_INIT_ACCOUNTS_H

#include "lib/diag.h"
#include "lib/lang.h"
#include "lib/strmap.h"

#include <stdbool.h>
#include <stdio.h>

/* One account an export uses. */
typedef struct init_account {
    char *code; /* "" when the export names it without a code */
    char *name; /* "" when the export does not say */
    bool xero;  /* read from a Xero export (its own code ranges) */
} init_account;

typedef struct init_accounts {
    init_account *items; /* in order of first appearance */
    size_t count, cap;
    strmap *seen;  /* code (or "\1" name) -> index in items */
    int last_year; /* latest year of a transaction; 0 when none */
    size_t lines;  /* transaction lines read */
} init_accounts;

void init_accounts_init(init_accounts *a);
void init_accounts_free(init_accounts *a);

/* Reads the export at path (display: its name in diagnostics) with the
 * import engine, adding its accounts to a.  Returns 0, or -1 when the
 * export cannot be read or has problems, all reported to d. */
int init_accounts_read(init_accounts *a, const char *path, const char *display, diag *d);

/* Writes accounts.csv: a header in lang, then one row per account, codes
 * in ascending order then the accounts named without a code; the kind
 * guessed from the code's range and the group set to the name, with a
 * review column saying what to check.  Returns 0, or -1 on a write error. */
int init_accounts_write(const init_accounts *a, FILE *out, language lang);

/* Writes one CSV field (quoted when it must be) followed by end. */
void init_csv_field(FILE *out, const char *text, char end);

#endif
