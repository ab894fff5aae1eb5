/* ingest.h - read the input folder (CSV exports) into the model.
 *
 * Each file is streamed once to settle its conventions (delimiter,
 * encoding, decimal mark, day/month order) and once to read it, so memory
 * grows with distinct accounts, axes and partners, never with rows.
 * Problems are reported to the diag as FILE:LINE: column 'NAME': ...;
 * the whole folder is read even after one, so a run lists them all. */
#ifndef BILAN_INGEST_H
#define BILAN_INGEST_H

#include "config.h"
#include "lib/diag.h"
#include "figures.h"
#include "model.h"

/* Reads accounts.csv, ledger.csv, activities.csv and people.csv from dir
 * into m (model_init'ed with cfg).  Returns 0, or -1 when d has errors. */
int ingest_input(model *m, const char *dir, diag *d);

/* Detail rows for the workbook, streamed again from the files with the
 * conventions the first read settled.  Only rows of the reported and the
 * previous fiscal year are passed; strings are valid during the call.
 * A callback returning non-zero stops the walk; that value is returned. */
typedef struct ledger_detail {
    size_t line;               /* in ledger.csv */
    date date;
    const char *account, *account_name, *group;
    account_kind kind;
    const char *counterparty, *memo, *ref;   /* "" when absent */
    int64_t amount;            /* cents, natural direction of the account */
    const fiscal_period *period;
} ledger_detail;

typedef struct activity_detail {
    size_t line;               /* in activities.csv */
    date date;
    const char *axis, *type, *title, *partner, *region;
    int64_t participants;
    int64_t hours;             /* hundredths */
    const fiscal_period *period;
} activity_detail;

typedef int (*ledger_detail_fn)(const ledger_detail *row, void *arg);
typedef int (*activity_detail_fn)(const activity_detail *row, void *arg);

int ingest_each_ledger_detail(const model *m, ledger_detail_fn fn, void *arg);
int ingest_each_activity_detail(const model *m, activity_detail_fn fn, void *arg);

#endif
