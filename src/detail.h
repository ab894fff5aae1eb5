/* detail.h - the workbook's detail rows, and where they come from.
 *
 * The workbook lists every ledger and activity row of the reported and the
 * previous fiscal year.  It gets them through a detail_source: ingest's
 * second walk over the input in the program (ingest_detail_source), stub
 * rows in the unit tests.  The renderer never sees the model. */
#ifndef BILAN_DETAIL_H
#define BILAN_DETAIL_H

#include "domain.h"

#include <stddef.h>
#include <stdint.h>

/* One row of each file.  Strings are valid during the callback only; a
 * callback returning non-zero stops the walk. */
typedef struct ledger_detail {
    size_t line; /* in ledger.csv */
    date date;
    const char *account, *account_name, *group;
    account_kind kind;
    const char *counterparty, *memo, *ref; /* "" when absent */
    int64_t amount;                        /* cents, natural direction of the account */
    const fiscal_period *period;
} ledger_detail;

typedef struct activity_detail {
    size_t line; /* in activities.csv */
    date date;
    const char *axis, *type, *title, *partner, *region;
    int64_t participants;
    int64_t hours; /* hundredths */
    const fiscal_period *period;
} activity_detail;

typedef int (*ledger_detail_fn)(const ledger_detail *row, void *arg);
typedef int (*activity_detail_fn)(const activity_detail *row, void *arg);

typedef enum detail_kind { DETAIL_LEDGER, DETAIL_ACTIVITIES } detail_kind;

typedef struct detail_source {
    const void *ctx;
    /* Calls fn on each row of the reported and previous years, in file
     * order; returns 0, fn's non-zero value, or -1 when the file cannot be
     * read again. */
    int (*each_ledger)(const void *ctx, ledger_detail_fn fn, void *arg);
    int (*each_activity)(const void *ctx, activity_detail_fn fn, void *arg);
    /* The file a walk reads, for diagnostics ("ledger.csv" when unknown). */
    const char *(*path_of)(const void *ctx, detail_kind kind);
} detail_source;

#endif
