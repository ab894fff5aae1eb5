/* render_xlsx.c - the Excel workbook for funders (libxlsxwriter).
 *
 * Summary, revenue and expenses, funders, activities, partners, history,
 * and the ledger and activity detail the totals are computed from, with
 * live formulas whose cached results are the figures.  The sheets are
 * written by the xlsx_*.c files from the figures and a detail_source. */
#include "render.h"

#include "xlsx/xlsx.h"

int render_xlsx(const figures *f, const detail_source *src, const render_context *ctx,
                const char *path, diag *d)
{
    return xlsx_write(f, src, ctx, path, d);
}
