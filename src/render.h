/* render.h - the three renderers.  Each reads the computed figures (and,
 * for the workbook's detail sheets, the rows of a detail_source) and writes
 * one file at path, which the caller renames into place.
 * Each returns 0, or -1 with the problem reported to d. */
#ifndef BILAN_RENDER_H
#define BILAN_RENDER_H

#include "lib/diag.h"
#include "figures.h"
#include "detail.h"

#include <time.h>

typedef struct render_context {
    const char *templates_dir; /* templates/ */
    const char *input_dir;     /* input/, for its texts folder */
    time_t timestamp;          /* document date: SOURCE_DATE_EPOCH or the
                                    fiscal year end, never the clock */
    size_t max_rows;           /* workbook rows per sheet, header included;
                                    0 = Excel's limit (tests set fewer) */
    const char *scratch_dir;   /* the workbook library's temporary files:
                                    a private folder, or NULL (the
                                    workbook's folder) */
} render_context;

int render_json(const figures *f, const char *path, diag *d);
int render_pdf(const figures *f, const render_context *ctx, const char *path, diag *d);
int render_xlsx(const figures *f, const detail_source *src, const render_context *ctx,
                const char *path, diag *d);

#endif
