/* xlsx_reader.h - stream the rows of an .xlsx workbook's first sheet as
 * CSV-like records, so that ingest reads an .xlsx file like a CSV file.
 *
 * libzip opens the container, expat parses the XML.  The first worksheet
 * (in tab order, visible ones first) is found through the workbook and its
 * relationships; the shared strings are held in memory; the sheet is
 * streamed a chunk at a time, so memory holds one chunk and one row.
 *
 * Records are csv_record, as csv_reader gives them: a record is a sheet row
 * with at least one non-empty cell; its line is the row number (1-based,
 * rows absent from the sheet are skipped, never renumbered); field i is
 * column i (field 0 is column A), a gap between cells is an empty field,
 * and empty cells at the end of a row are not fields (read them as empty,
 * like missing trailing CSV fields).  Each field is UTF-8 text:
 *   - strings (shared, rich text runs joined, inline, formula results) as
 *     they are, _xHHHH_ escapes decoded;
 *   - booleans "TRUE" / "FALSE"; error values as shown ("#N/A");
 *   - numbers as plain decimal text, with '.' and no thousands separator,
 *     after removing binary noise: the workbook's text ("1234.5600000001",
 *     "1.2345600000000001E3", "2720197.6299999948") is rounded half away
 *     from zero at the 13th significant digit, at 6 decimals at most and
 *     at 3 at least (a real third decimal always stays), and trailing
 *     zeros dropped: "1234.56", "-12", "0.3", "2720197.63".
 *     Converted from the text, never through a double.  A number that
 *     still has more than two decimals ("0.125") keeps them, so the amount
 *     parser rejects it; its kind (XLSX_CELL_NUMBER_OTHER) lets the caller
 *     say so at FILE:SHEET!CELL (xlsx_reader_place).  The reader itself
 *     never reports a cell's value: only the caller knows which columns
 *     are amounts;
 *   - numbers with a date format (built-in 14-17, 22, East Asian date
 *     ids, or a custom format with a day, month or year; not time-only
 *     formats) as "YYYY-MM-DD", in the 1900 system (with Excel's fictitious
 *     1900-02-29) or the 1904 one, the time of day dropped; ISO date cells
 *     (t="d") likewise.
 *
 * Refused with a clear diagnostic naming the file (EXIT_DATAERR): an old
 * .xls or encrypted workbook (OLE2), an .ods, a binary .xlsb, anything
 * that is not a zip, a damaged zip, a missing part, XML that is not well
 * formed (with the part and its line), a DOCTYPE, rows or cells out of
 * order, a shared string that does not exist (at FILE:SHEET!CELL).  A file
 * that cannot be opened is EXIT_NOINPUT. */
#ifndef BILAN_XLSX_READER_H
#define BILAN_XLSX_READER_H

#include "lib/diag.h"
#include "parse/csv_reader.h"

#include <stdbool.h>
#include <stddef.h>

/* What a field of the current record was in the sheet. */
typedef enum xlsx_cell_kind {
    XLSX_CELL_EMPTY,        /* no cell, or a cell without a value */
    XLSX_CELL_TEXT,         /* a string, or an error value (#N/A) */
    XLSX_CELL_NUMBER,       /* a number with at most two decimals: "-1234.5"
                              (parse it with MONEY_DECIMAL_POINT: never
                              ambiguous, whatever the file's other cells) */
    XLSX_CELL_NUMBER_OTHER, /* a number with more decimals ("0.125"), or
                              beyond 10^18 (the workbook's own text) */
    XLSX_CELL_DATE,         /* a date-formatted number: "YYYY-MM-DD" */
    XLSX_CELL_BOOL          /* "TRUE" or "FALSE" */
} xlsx_cell_kind;

typedef struct xlsx_reader xlsx_reader; /* opaque */

/* Opens path; name is what diagnostics call the file ("ledger.xlsx").
 * Reads the workbook, its styles and shared strings, and finds the first
 * sheet.  On failure reports to d and returns NULL. */
xlsx_reader *xlsx_reader_open(const char *path, const char *name, diag *d);

/* Reads the next row into *rec: 1 = a record, 0 = end of the sheet,
 * -1 = the sheet cannot be read further (reported to d, EXIT_DATAERR; every
 * later call returns -1).  rec's fields are valid until the next call.
 * The sheet is streamed: the rows before a damaged spot (bad XML, a zip
 * CRC checked at the part's end) come before the -1. */
int xlsx_reader_next(xlsx_reader *r, csv_record *rec);

/* The kind of field `field` of the last record (EMPTY beyond its count). */
xlsx_cell_kind xlsx_reader_kind(const xlsx_reader *r, size_t field);

/* The sheet's name, as its tab shows it. */
const char *xlsx_reader_sheet(const xlsx_reader *r);

/* The cell at row `line`, field `field` (column A = 0) as "Sheet1!C12"
 * ("'Grand livre'!C12" when the name needs quotes, as Excel writes it),
 * in buf (truncated to size); returns buf. */
char *xlsx_reader_cell(const xlsx_reader *r, size_t line, size_t field, char *buf, size_t size);

/* The same with the file name in front, "ledger.xlsx:Sheet1!C12": a
 * diagnostic's place.  Use it as diag_report's file, with line 0. */
char *xlsx_reader_place(const xlsx_reader *r, size_t line, size_t field, char *buf, size_t size);

void xlsx_reader_free(xlsx_reader *r); /* NULL-safe, closes */

/* Whether path is a spreadsheet for this reader rather than a CSV file: its
 * name ends in .xlsx, .xlsm, .xls or .ods (any case), or it starts like a
 * zip or an OLE2 file.  (.xls and .ods are then refused with a clear
 * message by xlsx_reader_open.) */
bool xlsx_reader_is_spreadsheet(const char *path);

/* Column name of field (0 = "A", 26 = "AA") into buf; returns buf. */
char *xlsx_column_name(size_t field, char buf[16]);

#endif
