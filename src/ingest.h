/* ingest.h - read the input folder (CSV or .xlsx files: bilan's layout or
 * what accounting software exports) into the model.
 *
 * Each file is read once from disk, learning its conventions (delimiter,
 * encoding, decimal mark, day/month order) from its values as it goes;
 * the rows that needed a convention not yet known are kept and read after
 * the last row, once the file has told it (beyond 8 MiB of them, or in a
 * sheet, the file is read again for them instead).  A large ledger or
 * activities.csv is read on two threads (ingest_split.h), with the same
 * result to the byte.  Memory grows with distinct accounts, axes and
 * partners, never with rows.
 * Problems are reported to the diag as FILE:LINE: column 'NAME': ...,
 * held and released in line order; the whole folder is read even after
 * one, so a run lists them all.
 *
 * The workbook's detail rows are not kept: ingest_detail_source() reads
 * the ledger files and activities.csv once more, with the conventions the first
 * read settled and through the same line readers as the totals. */
#ifndef BILAN_INGEST_H
#define BILAN_INGEST_H

#include "detail.h"
#include "lib/diag.h"
#include "model.h"

/* Reads accounts, every ledger*, trial-balance*, activities and people
 * file (.csv or .xlsx) from dir into m (model_init'ed with cfg).  Returns
 * 0, or -1 when d has errors. */
int ingest_input(model *m, const char *dir, diag *d);

/* The workbook's detail rows (detail.h), streamed again from the files
 * with the conventions the first read settled: m must outlive the source. */
detail_source ingest_detail_source(const model *m);

#endif
