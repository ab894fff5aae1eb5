/* render_xlsx.c - the Excel workbook for funders (libxlsxwriter).
 *
 * Summary, revenue and expenses, funders, activities, partners, history,
 * and the ledger and activity detail the totals are computed from, with
 * live formulas whose cached results are the figures.  The sheets are
 * written by the xlsx_*.c files; this file only binds the detail walk to
 * the input, so the unit tests can give their own rows (xlsx.h). */
#include "render.h"

#include "ingest.h"
#include "xlsx/xlsx.h"

int render_xlsx(const figures *f, const model *m, const render_context *ctx,
                const char *path, diag *d)
{
    static const xlsx_source input = {
        .each_ledger = ingest_each_ledger_detail,
        .each_activity = ingest_each_activity_detail,
    };
    return xlsx_write(f, m, ctx, &input, path, d);
}
