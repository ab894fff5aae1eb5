/* ingest_split.h - internal to ingest*.c: a large CSV file (the ledger,
 * activities.csv) read on two threads.
 *
 * While the first thread (the caller's pass) reads the file from its
 * start, a second one reads it from a line end near the middle of what is
 * left, into a model of its own (model_part_init), and stops at the end;
 * the first stops where the second began (csv_reader_set_limit).  Then
 * the second's totals are added to the model (model_part_merge), its
 * tallies after the first's and its lines numbered on from the first's:
 * the outputs are the bytes a single thread would have made.
 *
 * Only when that is certain: when the split fell inside a quoted field,
 * when the second half had anything to say (a problem, a warning, a row
 * put aside for a convention, a convention or an encoding the first half
 * contradicts) or when a total could have left the range, its work is
 * dropped and the first thread reads on to the end, as it would have
 * alone.  So diagnostics are always the single thread's, in line order.
 *
 * A file is split only when it is bilan's own layout in CSV (an export's
 * sections run across lines), is the only ledger file, is at least
 * BILAN_SPLIT_MIN bytes (1 MiB by default), and two CPUs are there for
 * the process (BILAN_THREADS=1 forbids it, BILAN_THREADS=2 asks for it
 * even on one CPU). */
#ifndef BILAN_INGEST_SPLIT_H
#define BILAN_INGEST_SPLIT_H

#include "ingest_file.h"

#include <stdbool.h>
#include <sys/types.h>

/* The size of f's file, open as r, when it may be read on two threads;
 * else 0. */
off_t ingest_split_possible(const ingest_file *f, record_source *r);

/* Starts the second thread on the rest of the file if now is the time:
 * once the rows read tell the conventions the others need (size: the
 * file's, as ingest_split_possible gave it).  It reads each
 * row as the caller's pass does: check, then fn when check says so.  NULL
 * when it was not started: *again is then whether to ask at a later row. */
ingest_split *ingest_split_start(ingest_file *f, record_source *r, off_t size,
                                 ingest_check_fn check, ingest_row_fn fn, bool *again);

/* At r's end of records, the second half's start: waits for the second
 * thread and merges its work.  True when the file is read; false when r
 * is to read on (its limit lifted, the second thread's work dropped).
 * *s is freed either way. */
bool ingest_split_join(ingest_split **s, ingest_file *f, record_source *r);

/* Waits for the second thread and drops its work (the first half could
 * not be read to its end).  NULL-safe. */
void ingest_split_drop(ingest_split *s);

#endif
