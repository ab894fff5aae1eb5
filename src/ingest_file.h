/* ingest_file.h - internal to ingest*.c: one input file being read, with
 * its settled conventions, and the row readers of the four files.  Only
 * ingest.c calls the row readers; they read fields through ingest_field.h,
 * which calls none of them. */
#ifndef BILAN_INGEST_FILE_H
#define BILAN_INGEST_FILE_H

#include "detail.h"
#include "lib/diag.h"
#include "lib/strmap.h"
#include "model.h"
#include "parse/csv_reader.h"
#include "parse/import.h"
#include "parse/record_source.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct ingest_problems ingest_problems; /* ingest_field.c */
typedef struct ingest_file ingest_file;
typedef struct ingest_split ingest_split; /* ingest_split.c */

/* A row reader of ingest_input's pass: checks f->rec, reports, adds. */
typedef void (*ingest_row_fn)(ingest_file *f);
/* The checks of that pass before a row is added (ingest.c's row_check):
 * false when the row is not to be added now. */
typedef bool (*ingest_check_fn)(ingest_file *f);

/* Which ledger file first had lines on an account in a tracked year, when
 * there are several ledger files: a year's lines must come from one file,
 * or the files hold different accounts (else they would count twice). */
typedef struct ledger_years {
    strmap *first;    /* "slot\x1fcode" -> file << 40 | line */
    strmap *reported; /* "slot\x1ffile\x1ffile": said once */
} ledger_years;

struct ingest_file {
    model *m;
    diag *d;
    input_kind kind;
    const char *name;     /* "ledger.csv" */
    input_format *format; /* m->formats[kind] (m->ledgers[i]), or the
                                * detail walk's copy */
    csv_record rec;       /* the current record */
    record_source *src;   /* the file, when rec is its record: asked
                                * what a sheet's cell was (NULL when rec
                                * is an imported line's) */
    import_reader *ir;    /* the ledger: its import (tidy or not) */
    import_line imported; /* the export's line that rec is (ir not tidy) */
    bool is_imported;
    size_t file_index;     /* ledger*.csv: which one */
    size_t order_base;     /* added to lines to order rows across files */
    ledger_years *years;   /* several ledger files, or NULL */
    char *unknown_account; /* ledger: the last account name reported as
                                * unknown (once for a section's lines) */
    size_t *rule_hits;     /* accounts: per [groups] rule, the accounts
                                * it matched */

    size_t rows; /* data records read */
    /* The sum of the magnitudes the rows added (saturating): while it is
     * within int64, no running total can have left the range, in any
     * order of the rows (ingest_split.c). */
    uint64_t magnitude;
    bool is_part; /* the second part of a file read on two threads */

    /* Conventions learnt from the values: where first seen (0 = not yet). */
    bool decimal_fixed, order_fixed; /* set in report.ini */
    size_t decimal_line, order_line;
    /* Rows that need a convention not known when they were read. */
    size_t deferred_rows;
    size_t deferred_date_line; /* first row that waited for the date order */
    bool rereading;            /* second pass: only the deferred rows */
    bool order_unknown;        /* ... and the file never told the order */

    char *scratch; /* reusable buffer for keys */
    size_t scratch_cap;
    ingest_problems *problems; /* held until the end of the file */
};

/* The row readers.  A *_row function checks f->rec, reports its problems
 * and adds it to the model (ingest_input's pass); a *_detail function
 * gives the same record, read the same way, to the workbook's fn (the
 * detail walk), or skips it when it is not of the reported or the
 * previous year; it returns fn's value, or 0. */
void ingest_account_row(ingest_file *f); /* ingest_accounts.c */
/* After accounts.csv was read (read: without a problem that stopped it):
 * reports the [groups] rules that matched no account. */
void ingest_accounts_done(ingest_file *f, bool read);
/* The account whose code is code[0..len), or NULL, reported as not in
 * accounts.csv unless accounts.csv could not be read or already reported
 * that code (ingest_accounts.c; for the ledger, budget and balances). */
account *ingest_account_find(ingest_file *f, const char *code, size_t len);
void ingest_ledger_row(ingest_file *f); /* ingest_ledger.c */
int ingest_ledger_detail(ingest_file *f, ledger_detail_fn fn, void *arg);
void ingest_activity_row(ingest_file *f); /* ingest_activities.c */
int ingest_activity_detail(ingest_file *f, activity_detail_fn fn, void *arg);
void ingest_person_row(ingest_file *f);  /* ingest_people.c */
void ingest_budget_row(ingest_file *f);  /* ingest_budget.c */
void ingest_balance_row(ingest_file *f); /* ingest_balances.c */

/* Reads every trial-balance*.csv|xlsx of dir (ingest_trial.c), after the
 * ledger: checks each year that has ledger lines against it, and lets it
 * stand in for an earlier year that has none. */
void ingest_trial_balances(model *m, const char *dir, diag *d);

#endif
