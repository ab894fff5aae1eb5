/* ingest_file.h - what the ingest modules share: one input file being read,
 * its settled conventions, and the readers of typed fields.  Internal to
 * ingest*.c. */
#ifndef BILAN_INGEST_FILE_H
#define BILAN_INGEST_FILE_H

#include "parse/csv_reader.h"
#include "ingest.h"
#include "model.h"
#include "lib/xalloc.h"

#include <stdbool.h>

/* What a field reader says. */
typedef enum field_status {
    FIELD_OK,
    FIELD_ERROR       /* reported */
} field_status;

typedef struct ingest_file {
    model *m;
    diag *d;
    input_kind kind;
    const char *name;          /* "ledger.csv" */
    input_format *format;      /* m->formats[kind]: settled conventions */
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
} ingest_file;

/* A row processor: reads f->rec, reports problems, adds to the model. */
typedef void (*ingest_row_fn)(ingest_file *f);

/* Streams one file through fn.  Returns 0, or -1 when the file could not
 * be read at all (missing, empty, bad header, unreadable record). */
int ingest_run(ingest_file *f, model *m, input_kind kind, const char *dir,
               bool required, ingest_row_fn fn, diag *d);

/* The trimmed text of a column ("" when the file has no such column). */
const char *field_text(const ingest_file *f, column_id col, size_t *len);
bool field_present(const ingest_file *f, column_id col);

/* Typed readers: report problems at the record's line and column. */
field_status field_date(ingest_file *f, column_id col, date *out);
field_status field_amount(ingest_file *f, column_id col, bool empty_is_zero,
                          int64_t *out);
field_status field_count(ingest_file *f, column_id col, int64_t *out);
/* A ledger line's amount in the account's natural direction: the amount
 * column, or credit - debit for revenue, liability and equity accounts and
 * debit - credit for the others. */
field_status field_ledger_amount(ingest_file *f, account_kind kind, int64_t *out);
/* A required non-empty text; *out points into the record. */
field_status field_required(ingest_file *f, column_id col, const char **out,
                            size_t *len);

/* Copies s[0..len) NUL-terminated into the file's scratch buffer, after
 * prefix (may be NULL) and a 0x1F separator: a key for tally maps. */
const char *ingest_key(ingest_file *f, const char *prefix, const char *s, size_t len);

/* Per-kind row processors. */
void ingest_account_row(ingest_file *f);
void ingest_ledger_row(ingest_file *f);
void ingest_activity_row(ingest_file *f);
void ingest_person_row(ingest_file *f);

#endif
