/* ingest.h - read the input folder (CSV exports) into the model.
 *
 * Each file is streamed once to settle its conventions (delimiter,
 * encoding, decimal mark, day/month order) and once to read it, so memory
 * grows with distinct accounts, axes and partners, never with rows.
 * Problems are reported to the diag as FILE:LINE: column 'NAME': ...;
 * the whole folder is read even after one, so a run lists them all. */
#ifndef BILAN_INGEST_H
#define BILAN_INGEST_H

#include "config.h"
#include "detail.h"
#include "lib/diag.h"
#include "figures.h"
#include "model.h"

/* Reads accounts.csv, ledger.csv, activities.csv and people.csv from dir
 * into m (model_init'ed with cfg).  Returns 0, or -1 when d has errors. */
int ingest_input(model *m, const char *dir, diag *d);

/* The workbook's detail rows (detail.h), streamed again from the files
 * with the conventions the first read settled: m must outlive the source. */
detail_source ingest_detail_source(const model *m);

int ingest_each_ledger_detail(const model *m, ledger_detail_fn fn, void *arg);
int ingest_each_activity_detail(const model *m, activity_detail_fn fn, void *arg);

#endif
