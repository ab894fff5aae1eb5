/* record_source.h - one input file's records, whether the file is CSV or
 * the first sheet of an .xlsx workbook, so that what reads the records
 * (ingest, the import engine) does not care which.
 *
 * record_source_open chooses by the file itself (xlsx_reader_is_spreadsheet:
 * its name or its first bytes): an .xlsx is read by xlsx_reader, an old
 * .xls or an .ods is refused by it with a message saying to save it as
 * .xlsx or CSV, anything else is CSV (csv_reader).  Records are csv_record
 * in both cases.  What only a sheet knows (what a cell was: a number, a
 * date, text; its place "Sheet1!C12") is asked with the functions below,
 * which answer for a CSV file too. */
#ifndef BILAN_RECORD_SOURCE_H
#define BILAN_RECORD_SOURCE_H

#include "lib/diag.h"
#include "parse/csv_reader.h"
#include "parse/xlsx_reader.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct record_source record_source; /* opaque */

/* Opens path (name is what diagnostics call it: "ledger.xlsx"); options
 * apply to a CSV file.  On failure reports to d and returns NULL. */
record_source *record_source_open(const char *path, const char *name, const csv_options *options,
                                  diag *d);

/* The next record: 1, 0 at the end, -1 when the file cannot be read
 * further (reported).  As csv_reader_next and xlsx_reader_next. */
int record_source_next(record_source *s, csv_record *rec);

/* A source reading r, which it now owns (record_source_free frees it);
 * name is what diagnostics call the file.  NULL when r is NULL. */
record_source *record_source_of_csv(csv_reader *r, const char *name);

/* The CSV reader behind the source, or NULL for a sheet. */
csv_reader *record_source_csv(record_source *s);

/* Whether the file is a workbook's sheet rather than CSV. */
bool record_source_is_sheet(const record_source *s);

/* What field `field` of the last record was: a sheet's cell kind; in a CSV
 * file XLSX_CELL_TEXT (XLSX_CELL_EMPTY beyond the record's fields).  A
 * NUMBER field is plain "-1234.5" text, never ambiguous: parse it with
 * MONEY_DECIMAL_POINT, whatever the file's other values say. */
xlsx_cell_kind record_source_kind(const record_source *s, size_t field);

/* Where field `field` of the record at line is, for a diagnostic's file:
 * "ledger.xlsx:Sheet1!C12" in a sheet (then report at line 0), or the
 * file's name for CSV.  Written into buf; returns buf. */
char *record_source_place(const record_source *s, size_t line, size_t field, char *buf,
                          size_t size);

/* The CSV file's conventions as detected (for a sheet: options' own). */
char record_source_delimiter(const record_source *s);
csv_encoding record_source_encoding(const record_source *s);

/* A CSV file's encoding guess (csv_reader_guessing, _overturned); false
 * for a sheet. */
bool record_source_guessing(const record_source *s);
bool record_source_overturned(const record_source *s);

void record_source_free(record_source *s); /* NULL-safe, closes */

#endif
