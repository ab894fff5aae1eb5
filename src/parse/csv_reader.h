/* csv_reader.h - stream CSV records with their physical line numbers.
 *
 * Wraps libcsv.  Reads the file once, in chunks, so memory does not grow
 * with the file; decodes Windows-1252 to UTF-8 when asked or detected (as
 * the file is read: csv_reader_guessing); takes the delimiter (',' ';'
 * TAB) from Excel's "sep=;" first line, which it skips, or detects it from
 * the header line; skips a UTF-8 BOM and blank lines.
 * Each record carries the physical line where it starts (header = 1, or 2
 * after a "sep=" line); a record spanning lines is reported at its first.
 * Characters that XML forbids are replaced in the fields (csv_record). */
#ifndef BILAN_CSV_READER_H
#define BILAN_CSV_READER_H

#include "lib/diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

typedef enum csv_encoding {
    CSV_ENCODING_AUTO, /* the first non-ASCII piece decides */
    CSV_ENCODING_UTF8,
    CSV_ENCODING_CP1252
} csv_encoding;

typedef struct csv_options {
    csv_encoding encoding;
    char delimiter; /* ',' ';' '\t', or 0 to detect */
} csv_options;

typedef struct csv_record {
    size_t line;   /* physical line of the record's first byte */
    size_t count;  /* number of fields */
    char **fields; /* UTF-8, NUL-terminated; valid until the next call */
    size_t *lengths;
    /* Fields where characters XML 1.0 forbids (C0 controls but TAB, LF and
     * CR; U+FFFE, U+FFFF) were replaced by U+FFFD, so that no output can
     * break on them: NULL when none, else one flag per field. */
    const bool *replaced;
} csv_record;

typedef struct csv_reader csv_reader; /* opaque */

/* Opens path; name is what diagnostics call the file ("ledger.csv").
 * On failure reports to d (EXIT_NOINPUT) and returns NULL. */
csv_reader *csv_reader_open(const char *path, const char *name, const csv_options *options,
                            diag *d);

/* Reads the next record into *rec: 1 = a record, 0 = end of file,
 * -1 = the file cannot be read further (reported to d, EXIT_DATAERR). */
int csv_reader_next(csv_reader *r, csv_record *rec);

/* ---- reading part of a file (ingest_split.c: two threads) ----
 *
 * A reader may read the file from `start` (a record's first byte; options
 * must give the delimiter and may give the encoding) and count its lines
 * from 1 there; and it may be told to stop before byte `limit`: its next
 * call then returns 0 at the limit without ending the file, and reading
 * goes on from there once the limit is lifted (-1). */
csv_reader *csv_reader_open_at(const char *path, const char *name, const csv_options *options,
                               off_t start, diag *d);
void csv_reader_set_limit(csv_reader *r, off_t limit);
/* The bytes of the file read so far (the limit must not be below it). */
off_t csv_reader_offset(const csv_reader *r);
/* Stopped at the limit with every byte before it parsed and no record
 * begun: the limit is a record's start. */
bool csv_reader_at_record_start(const csv_reader *r);
/* The physical line that the next byte is on. */
size_t csv_reader_line(const csv_reader *r);
/* The file ends at the limit for this reader: what is beyond was read by
 * another, and agreed with it (no encoding guess left in doubt). */
void csv_reader_end_at_limit(csv_reader *r);

char csv_reader_delimiter(const csv_reader *r); /* after the header */
/* The encoding as decided so far (before the end of the file, Windows-1252
 * may be a guess still in doubt: see below). */
csv_encoding csv_reader_encoding(const csv_reader *r);

/* With CSV_ENCODING_AUTO, the first non-ASCII piece of the file decides
 * its encoding: a valid UTF-8 sequence, UTF-8; a byte that cannot be
 * UTF-8, Windows-1252, on a guess that a valid UTF-8 sequence later in the
 * file overturns: the file is then UTF-8 with a bad byte, reported at that
 * byte's line as if the file had been read as UTF-8 from the start.
 *
 * csv_reader_guessing: whether the records read so far rest on a guess
 * that is still in doubt: from the record that holds the bad byte until
 * the end of the file is read.
 *
 * csv_reader_overturned: after csv_reader_next returned -1, whether the
 * guess was overturned.  What d received while records rested on the guess
 * was then withdrawn (diag_rollback); the caller withdraws what it holds
 * of its own.  A reader freed before the end of a file still in doubt
 * reads the rest of it (only to look through it) and reports the bad byte
 * if the guess is overturned. */
bool csv_reader_guessing(const csv_reader *r);
bool csv_reader_overturned(const csv_reader *r);

void csv_reader_free(csv_reader *r); /* NULL-safe, closes; see above */

#endif
