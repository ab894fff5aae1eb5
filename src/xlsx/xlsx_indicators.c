/* xlsx_indicators.c - the board's indicators on the workbook's summary:
 * months of expenses covered by net assets, the self-generated share of
 * revenue, the largest funder's share, each a formula over the summary's
 * key figures (defined names) and the position sheet, rounded to one
 * decimal as the figures are, "—" when its divisor is 0.  Each row is
 * there only when its indicator is; each value has a defined name
 * (Reserve_months, Self_generated_share, Largest_funder_share). */
#include "xlsx/xlsx.h"

#include <stdio.h>

size_t xlsx_indicators_rows(const figures *f)
{
    const indicators *ind = &f->indicators;
    size_t n = (size_t)ind->reserve_months.present + ind->self_generated_share.present +
               (ind->largest_funder != NULL);
    return n ? n + 2 : 0; /* a blank and the header */
}

/* Defines name as column B of row. */
static void define(xlsx_book *b, const char *name, lxw_row_t row)
{
    char quoted[LXW_SHEETNAME_MAX * 8 + 3], ref[LXW_SHEETNAME_MAX * 8 + 32];
    xlsx_quoted(b->sheet_name[XLSX_SHEET_SUMMARY], quoted, sizeof quoted);
    snprintf(ref, sizeof ref, "=%s!$B$%lu", quoted, (unsigned long)row + 1);
    xlsx_check(b, workbook_define_name(b->wb, name, ref));
}

/* A row: label, value = IF(divisor=0,"—",ROUND(expression,digits)), its
 * cached result the indicator (tenths / scale) or the word. */
static void indicator_row(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, const char *key,
                          const char *name, const indicator *ind, double scale, lxw_format *format,
                          const char *divisor, const char *expression, int digits)
{
    char formula[512];
    const char *none = xlsx_pct_word(b, FIGURE_PCT_ZERO);
    xlsx_text(b, ws, row, 0, xlsx_msg(b, key), NULL);
    snprintf(formula, sizeof formula, "=IF(%s=0,\"%s\",ROUND(%s,%d))", divisor, none, expression,
             digits);
    if (ind->defined)
        xlsx_check(b, worksheet_write_formula_num(ws, row, 1, formula, format,
                                                  (double)ind->tenths / scale));
    else
        xlsx_check(b, worksheet_write_formula_str(ws, row, 1, formula, format, none));
    define(b, name, row);
}

void xlsx_indicators_write(xlsx_book *b, lxw_worksheet *ws, lxw_row_t *row)
{
    const figures *f = b->f;
    const indicators *ind = &f->indicators;
    if (xlsx_indicators_rows(f) == 0)
        return;
    lxw_format *tenths = workbook_add_format(b->wb), *share = workbook_add_format(b->wb);
    format_set_num_format(tenths, "0.0");
    format_set_align(tenths, LXW_ALIGN_RIGHT);
    format_set_num_format(share, "0.0%");
    format_set_align(share, LXW_ALIGN_RIGHT);
    lxw_row_t r = *row + 1;
    xlsx_text(b, ws, r, 0, xlsx_msg(b, "workbook.indicators"), b->fmt.header);
    xlsx_text(b, ws, r++, 1, "", b->fmt.header);
    if (ind->reserve_months.present)
        indicator_row(b, ws, r++, "workbook.reserve_months", "Reserve_months", &ind->reserve_months,
                      10, tenths, "Expenses", "Position_net_assets*12/Expenses", 1);
    if (ind->self_generated_share.present)
        indicator_row(b, ws, r++, "workbook.self_generated_share", "Self_generated_share",
                      &ind->self_generated_share, 1000, share, "Revenue", "Self_generated/Revenue",
                      3);
    if (ind->largest_funder) {
        char expression[64];
        snprintf(expression, sizeof expression, "D%lu/Revenue", (unsigned long)r + 1);
        indicator_row(b, ws, r, "workbook.largest_funder_share", "Largest_funder_share",
                      &ind->largest_funder_share, 1000, share, "Revenue", expression, 3);
        xlsx_text(b, ws, r, 2, ind->largest_funder, NULL);
        xlsx_money(b, ws, r++, 3, ind->largest_funder_amount, b->fmt.money);
    }
    *row = r;
}
