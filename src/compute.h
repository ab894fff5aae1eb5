/* compute.h - the model -> the figures every renderer shows. */
#ifndef BILAN_COMPUTE_H
#define BILAN_COMPUTE_H

#include "lib/diag.h"
#include "figures.h"
#include "model.h"

/* Fills f from m.  Returns 0, or -1 (reported to d, EXIT_DATAERR) when a
 * total leaves the range of int64 cents, or when the reported year has no
 * ledger row and no activity row. */
int compute_figures(const model *m, figures *f, diag *d);

/* The statements of f (compute_statements.c), from m and f's finances:
 * budget, forecast, position (with the balance check) and indicators.
 * Returns 0, or -1 when d has errors. */
int compute_statements(const model *m, figures *f, diag *d);

#endif
