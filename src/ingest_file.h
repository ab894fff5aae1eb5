/* ingest_file.h - internal to ingest*.c: one input file being read, with
 * its settled conventions, and the row readers of the four files.  Only
 * ingest.c calls the row readers; they read fields through ingest_field.h,
 * which calls none of them. */
#ifndef BILAN_INGEST_FILE_H
#define BILAN_INGEST_FILE_H

#include "detail.h"
#include "lib/diag.h"
#include "model.h"
#include "parse/csv_reader.h"

#include <stdbool.h>

typedef struct ingest_problems ingest_problems;   /* ingest_field.c */

typedef struct ingest_file {
    model *m;
    diag *d;
    input_kind kind;
    const char *name;          /* "ledger.csv" */
    input_format *format;      /* m->formats[kind], or the detail walk's copy */
    csv_record rec;            /* the current record */

    size_t rows;               /* data records read */

    /* Conventions learnt from the values: where first seen (0 = not yet). */
    bool decimal_fixed, order_fixed;   /* set in report.ini */
    size_t decimal_line, order_line;
    /* Rows that need a convention not known when they were read. */
    size_t deferred_rows;
    size_t deferred_date_line; /* first row that waited for the date order */
    bool rereading;            /* second pass: only the deferred rows */
    bool order_unknown;        /* ... and the file never told the order */

    char *scratch;             /* reusable buffer for keys */
    size_t scratch_cap;
    ingest_problems *problems; /* held until the end of the file */
} ingest_file;

/* The row readers.  A *_row function checks f->rec, reports its problems
 * and adds it to the model (ingest_input's pass); a *_detail function
 * gives the same record, read the same way, to the workbook's fn (the
 * detail walk), or skips it when it is not of the reported or the
 * previous year; it returns fn's value, or 0. */
void ingest_account_row(ingest_file *f);          /* ingest_accounts.c */
void ingest_ledger_row(ingest_file *f);           /* ingest_ledger.c */
int ingest_ledger_detail(ingest_file *f, ledger_detail_fn fn, void *arg);
void ingest_activity_row(ingest_file *f);         /* ingest_activities.c */
int ingest_activity_detail(ingest_file *f, activity_detail_fn fn, void *arg);
void ingest_person_row(ingest_file *f);           /* ingest_people.c */
void ingest_budget_row(ingest_file *f);           /* ingest_budget.c */
void ingest_balance_row(ingest_file *f);          /* ingest_balances.c */

#endif
