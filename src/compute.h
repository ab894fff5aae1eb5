/* compute.h - the model -> the figures every renderer shows. */
#ifndef BILAN_COMPUTE_H
#define BILAN_COMPUTE_H

#include "lib/diag.h"
#include "figures.h"
#include "model.h"

/* Fills f from m.  Returns 0, or -1 when a total leaves the range of
 * int64 cents (reported to d, EXIT_DATAERR). */
int compute_figures(const model *m, figures *f, diag *d);

#endif
