/* xlsx_position.c - the workbook's sheet of the statement of financial
 * position: each asset, liability and equity account at the two
 * year-ends, by group, with subtotals and totals, the cumulative surplus
 * carried into its net-asset group, and a check row (assets - liabilities
 * - net assets, 0).  A balance at the reported year's end is the previous
 * one plus the year's ledger lines (SUMIFS over the Ledger sheet), the
 * cumulative surplus the previous one plus the statement sheet's net;
 * subtotals and totals are SUMs; every cached result is a figure.  The
 * sheet is absent without a position (its row count is 0).  Defined names:
 * Position_table, Position_assets, Position_liabilities,
 * Position_net_assets. */
#include "xlsx/xlsx.h"

#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PC_CODE, PC_NAME, PC_CURRENT, PC_PREVIOUS, PC_CHANGE, PC_PCT };

typedef struct position_writer {
    xlsx_book *b;
    lxw_worksheet *ws;
    lxw_row_t row;
    const position_statement *p;
    bool *usable; /* per account: SUMIFS can find its lines */
    unsigned name_width;
} position_writer;

size_t xlsx_position_rows(const figures *f)
{
    const position_statement *p = &f->position;
    if (!p->present)
        return 0;
    size_t groups = p->asset_group_count + p->liability_group_count + p->net_asset_group_count;
    return 1 + 3 * 3 + 2 * groups + p->account_count + 1 + 2;
}

/* Defines Position_suffix as the current row's current-year cell. */
static void define(position_writer *w, const char *suffix, lxw_col_t col)
{
    char quoted[LXW_SHEETNAME_MAX * 8 + 3], ref[LXW_SHEETNAME_MAX * 8 + 40], name[64], cell[16];
    xlsx_quoted(w->b->sheet_name[XLSX_SHEET_POSITION], quoted, sizeof quoted);
    lxw_rowcol_to_cell_abs(cell, w->row, col, LXW_TRUE, LXW_TRUE);
    snprintf(ref, sizeof ref, "=%s!%s", quoted, cell);
    snprintf(name, sizeof name, "Position_%s", suffix);
    xlsx_check(w->b, workbook_define_name(w->b->wb, name, ref));
}

/* Change and change % of the row, when there is a previous year-end. */
static void change_cells(position_writer *w, const figure *fig, bool total)
{
    xlsx_book *b = w->b;
    if (w->p->has_previous)
        xlsx_change(b, w->ws, w->row, PC_CHANGE, fig, true,
                    total ? b->fmt.money_total : b->fmt.money,
                    total ? b->fmt.pct_total : b->fmt.pct);
}

/* An account: its balance at the previous year-end (a number), at the
 * reported one (that plus the year's ledger lines, or a number). */
static void account_row(position_writer *w, size_t index)
{
    xlsx_book *b = w->b;
    const position_account *a = &w->p->accounts[index];
    xlsx_text(b, w->ws, w->row, PC_CODE, a->code, NULL);
    xlsx_text(b, w->ws, w->row, PC_NAME, a->name, NULL);
    char ifs[XLSX_FORMULA_MAX], code_ref[16], year[32];
    bool formula = false;
    if (w->p->has_previous) {
        xlsx_money(b, w->ws, w->row, PC_PREVIOUS, a->amount.previous, b->fmt.money);
        snprintf(code_ref, sizeof code_ref, "$A%lu", (unsigned long)w->row + 1);
        snprintf(year, sizeof year, "\"%s\"", b->f->current.label);
        static const int cols[] = { XLSX_LEDGER_COL_ACCOUNT, XLSX_LEDGER_COL_YEAR };
        const char *refs[] = { code_ref, year };
        formula = b->detail && w->usable[index] &&
                  xlsx_detail_ifs(&b->ledger, XLSX_LEDGER_COL_AMOUNT, cols, refs, 2, ifs,
                                  sizeof ifs - 16);
    }
    if (formula)
        xlsx_formula(b, w->ws, w->row, PC_CURRENT, b->fmt.money, xlsx_hundredths(a->amount.current),
                     "=D%lu+%s", (unsigned long)w->row + 1, ifs);
    else
        xlsx_money(b, w->ws, w->row, PC_CURRENT, a->amount.current, b->fmt.money);
    change_cells(w, &a->amount, false);
    size_t len = strlen(a->name);
    if (len > w->name_width)
        w->name_width = (unsigned)(len > 50 ? 50 : len);
    w->row++;
}

/* The surplus carried into the net-asset group: revenue - expenses since
 * the balances' date; at the reported year-end, the previous value plus
 * the statement sheet's net. */
static void surplus_row(position_writer *w)
{
    xlsx_book *b = w->b;
    const position_statement *p = w->p;
    char label[256], iso[11];
    date_format_iso(p->balances_date, iso);
    if (p->dated)
        snprintf(label, sizeof label, "%s %s", xlsx_msg(b, "workbook.surplus_since"), iso);
    else
        snprintf(label, sizeof label, "%s", xlsx_msg(b, "workbook.surplus_total"));
    xlsx_text(b, w->ws, w->row, PC_NAME, label, NULL);
    if (p->has_previous) {
        char quoted[LXW_SHEETNAME_MAX * 8 + 3];
        xlsx_quoted(b->sheet_name[XLSX_SHEET_FINANCES], quoted, sizeof quoted);
        xlsx_money(b, w->ws, w->row, PC_PREVIOUS, p->surplus.previous, b->fmt.money);
        xlsx_formula(b, w->ws, w->row, PC_CURRENT, b->fmt.money,
                     xlsx_hundredths(p->surplus.current), "=D%lu+%s!$C$%lu",
                     (unsigned long)w->row + 1, quoted, (unsigned long)b->rows.net + 1);
    } else {
        xlsx_money(b, w->ws, w->row, PC_CURRENT, p->surplus.current, b->fmt.money);
    }
    change_cells(w, &p->surplus, false);
    w->row++;
}

/* A total row: label, formulas summing the cells of rows (both years),
 * change and change %. */
static void total_row(position_writer *w, const char *label, const figure *fig,
                      const lxw_row_t *rows, size_t count, lxw_row_t first, lxw_row_t last)
{
    xlsx_book *b = w->b;
    xlsx_text(b, w->ws, w->row, PC_NAME, label, b->fmt.bold);
    for (lxw_col_t col = PC_CURRENT; col <= PC_PREVIOUS; col++) {
        int64_t cents = col == PC_CURRENT ? fig->current : fig->previous;
        if (col == PC_PREVIOUS && !w->p->has_previous)
            break;
        xlsx_total_cell(b, w->ws, w->row, col, cents, rows, count, first, last);
    }
    change_cells(w, fig, true);
    w->row++;
}

/* A kind: its title, per group its title, accounts (and the surplus in
 * the net-asset group) and subtotal, the kind's total, a blank.  Returns
 * the total's row. */
static lxw_row_t kind_section(position_writer *w, account_kind kind, const char *title_key,
                              const char *total_key, const group_figure *groups, size_t n,
                              const figure *total)
{
    xlsx_book *b = w->b;
    const position_statement *p = w->p;
    lxw_row_t *subtotals = xcalloc(n + 1, sizeof *subtotals);
    xlsx_text(b, w->ws, w->row++, PC_CODE, xlsx_msg(b, title_key), b->fmt.section);
    for (size_t g = 0; g < n; g++) {
        xlsx_text(b, w->ws, w->row++, PC_CODE, groups[g].group, b->fmt.bold);
        lxw_row_t first = w->row;
        for (size_t i = 0; i < p->account_count; i++)
            if (p->accounts[i].kind == kind && strcmp(p->accounts[i].group, groups[g].group) == 0)
                account_row(w, i);
        if (kind == KIND_EQUITY && p->net_assets_group &&
            strcmp(groups[g].group, p->net_assets_group) == 0)
            surplus_row(w);
        char label[512];
        snprintf(label, sizeof label, "%s %s", xlsx_msg(b, "workbook.total"), groups[g].group);
        subtotals[g] = w->row;
        total_row(w, label, &groups[g].amount, NULL, 0, first, w->row - 1);
    }
    lxw_row_t at = w->row;
    total_row(w, xlsx_msg(b, total_key), total, subtotals, n, 0, 0);
    free(subtotals);
    w->row++;
    return at;
}

/* Which account codes SUMIFS can match (xlsx_criteria_usable). */
static bool *codes_usable(const position_statement *p)
{
    const char **codes = xcalloc(p->account_count + 1, sizeof *codes);
    for (size_t i = 0; i < p->account_count; i++)
        codes[i] = p->accounts[i].code;
    bool *usable = xlsx_criteria_usable(codes, NULL, p->account_count);
    free(codes);
    return usable;
}

/* The header: code, name, the two year-ends, change, change %. */
static void header(position_writer *w)
{
    xlsx_book *b = w->b;
    static const char *const keys[] = { "workbook.col_account", "workbook.col_account_name" };
    xlsx_headers(b, w->ws, 0, keys, 2);
    char iso[11];
    date_format_iso(w->p->date, iso);
    xlsx_text(b, w->ws, 0, PC_CURRENT, iso, b->fmt.header_right);
    date_format_iso(w->p->previous_date, iso);
    xlsx_text(b, w->ws, 0, PC_PREVIOUS, w->p->has_previous ? iso : "", b->fmt.header_right);
    xlsx_text(b, w->ws, 0, PC_CHANGE, xlsx_msg(b, "workbook.col_change"), b->fmt.header_right);
    xlsx_text(b, w->ws, 0, PC_PCT, xlsx_msg(b, "workbook.col_change_pct"), b->fmt.header_right);
    define(w, "table", PC_CODE);
    w->row = 1;
}

void xlsx_position_write(xlsx_book *b)
{
    lxw_worksheet *ws = b->sheet[XLSX_SHEET_POSITION];
    if (!ws)
        return;
    const position_statement *p = &b->f->position;
    position_writer w = { .b = b, .ws = ws, .p = p, .usable = codes_usable(p), .name_width = 24 };
    header(&w);
    lxw_row_t rows[3];
    rows[0] = kind_section(&w, KIND_ASSET, "workbook.assets", "workbook.total_assets",
                           p->asset_groups, p->asset_group_count, &p->assets);
    rows[1] = kind_section(&w, KIND_LIABILITY, "workbook.liabilities", "workbook.total_liabilities",
                           p->liability_groups, p->liability_group_count, &p->liabilities);
    rows[2] = kind_section(&w, KIND_EQUITY, "workbook.net_assets", "workbook.total_net_assets",
                           p->net_asset_groups, p->net_asset_group_count, &p->net_assets);
    static const char *const names[] = { "assets", "liabilities", "net_assets" };
    lxw_row_t end = w.row;
    for (int i = 0; i < 3; i++) {
        w.row = rows[i];
        define(&w, names[i], PC_CURRENT);
    }
    w.row = end;
    total_row(&w, xlsx_msg(b, "workbook.total_liabilities_net_assets"),
              &p->liabilities_and_net_assets, rows + 1, 2, 0, 0);
    xlsx_text(b, ws, w.row, PC_NAME, xlsx_msg(b, "workbook.balance_check"), NULL);
    for (lxw_col_t col = PC_CURRENT; col <= (p->has_previous ? PC_PREVIOUS : PC_CURRENT); col++) {
        char letter[8];
        lxw_col_to_name(letter, col, LXW_FALSE);
        xlsx_formula(b, ws, w.row, col, b->fmt.money, 0, "=%s%lu-%s%lu", letter,
                     (unsigned long)rows[0] + 1, letter, (unsigned long)w.row);
    }
    free(w.usable);
    worksheet_set_column(ws, PC_CODE, PC_CODE, 12, NULL);
    worksheet_set_column(ws, PC_NAME, PC_NAME, w.name_width + 4, NULL);
    worksheet_set_column(ws, PC_CURRENT, PC_CHANGE, 17, NULL);
    worksheet_set_column(ws, PC_PCT, PC_PCT, 11, NULL);
    worksheet_freeze_panes(ws, 1, 0);
    xlsx_page_setup(b, ws, false, 1);
}
