/* ingest_field.h - internal to ingest*.c: the typed readers of the current
 * record's fields.  They report a bad value at the record's line and
 * column ("ledger.csv:7: column 'amount': '12,3,4' is not an amount") and
 * call nothing above parse/ and lib/. */
#ifndef BILAN_INGEST_FIELD_H
#define BILAN_INGEST_FIELD_H

#include "ingest_file.h"

#include <stdbool.h>
#include <stdint.h>

/* What a field reader says. */
typedef enum ingest_field_status {
    INGEST_FIELD_OK,
    INGEST_FIELD_ERROR /* reported */
} ingest_field_status;

/* Whether the file has that column. */
bool ingest_field_present(const ingest_file *f, column_id col);
/* The trimmed text of a column ("" when the file has no such column, or
 * the record no such field); not NUL-terminated. */
const char *ingest_field_text(const ingest_file *f, column_id col, size_t *len);

/* Whether the column's field is a sheet's number cell (record_source_kind
 * NUMBER or NUMBER_OTHER): plain "-1234.5" text, read with a decimal
 * point whatever the file's text cells say, and telling nothing about
 * them. */
bool ingest_field_is_number(const ingest_file *f, column_id col);

/* A required non-empty text; *out points into the record. */
ingest_field_status ingest_field_required(ingest_file *f, column_id col, const char **out,
                                          size_t *len);
ingest_field_status ingest_field_date(ingest_file *f, column_id col, date *out);
/* Money in cents; empty_is_zero makes an empty field 0 instead of an error.
 * A sheet's number that is no amount (three decimals) is reported at its
 * cell, "ledger.xlsx:Sheet1!C12". */
ingest_field_status ingest_field_amount(ingest_file *f, column_id col, bool empty_is_zero,
                                        int64_t *out);
/* A whole number >= 0; an empty field is 0. */
ingest_field_status ingest_field_count(ingest_file *f, column_id col, int64_t *out);

/* Reports a problem of the current record, at its line and in column col
 * (COL_COUNT: none).  kind names the problem ("is not an amount"): when
 * one kind of problem of one column is on more than a few rows of a file
 * (the same column unreadable on every line), the first row's diagnostic
 * stands for all, and one more gives the count of the others.  A NULL
 * kind is never grouped.  Held until ingest_problems_flush, which reports
 * them in the order they came. */
void ingest_problem(ingest_file *f, column_id col, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The same at place ("ledger.xlsx:Sheet1!C12", shown with no line)
 * instead of the record's line. */
void ingest_problem_at(ingest_file *f, const char *place, column_id col, const char *kind,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The same for a warning: reported, but the run still succeeds. */
void ingest_warning(ingest_file *f, column_id col, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Reports the problems held for the file and forgets them. */
void ingest_problems_flush(ingest_file *f);
/* Marks the problems held so far; ingest_problems_withdraw forgets those
 * held since, as if never reported (the records they were found in were
 * decoded on an encoding guess that was overturned: csv_reader.h).  One
 * mark per file; withdrawing without a mark does nothing. */
void ingest_problems_mark(ingest_file *f);
void ingest_problems_withdraw(ingest_file *f);

/* Adds |v| to f->magnitude, saturating. */
void ingest_magnitude_add(ingest_file *f, int64_t v);

/* Copies s[0..len) NUL-terminated into the file's scratch buffer, after
 * prefix (may be NULL) and a 0x1F separator: a key for tally maps, or a
 * value quoted in a message.  Valid until the next call. */
const char *ingest_key(ingest_file *f, const char *prefix, const char *s, size_t len);

#endif
