/* xlsx_finance.c - the money sheets of the workbook: revenue and expenses
 * by group and account, funders (compute's table, as the PDF shows it),
 * history (with its chart).
 *
 * An account's amounts are SUMIFS over the Ledger sheet (by account code
 * and fiscal-year label, the label taken from the column header), or plain
 * numbers when the detail sheets are off; group subtotals and totals are
 * SUM formulas over the rows above.  Every cached result is a figure. */
#include "xlsx/xlsx.h"

#include "lib/strmap.h"
#include "lib/xalloc.h"
#include "report/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FC_CODE, FC_NAME, FC_CURRENT, FC_PREVIOUS, FC_CHANGE, FC_PCT };

typedef struct finance_writer {
    xlsx_book *b;
    lxw_worksheet *ws;
    lxw_row_t row;
    bool *usable; /* per account: SUMIFS can find its lines */
    unsigned name_width;
} finance_writer;

/* A value cell of an account row: SUMIFS over the ledger, or the number. */
static void account_value(finance_writer *w, lxw_col_t col, int64_t cents, bool formula)
{
    char code_ref[16], year_ref[16], letter[8];
    snprintf(code_ref, sizeof code_ref, "$A%lu", (unsigned long)w->row + 1);
    lxw_col_to_name(letter, col, LXW_FALSE);
    snprintf(year_ref, sizeof year_ref, "%s$1", letter);
    static const int cols[] = { XLSX_LEDGER_COL_ACCOUNT, XLSX_LEDGER_COL_YEAR };
    const char *refs[] = { code_ref, year_ref };
    char ifs[XLSX_FORMULA_MAX];
    if (formula &&
        xlsx_detail_ifs(&w->b->ledger, XLSX_LEDGER_COL_AMOUNT, cols, refs, 2, ifs, sizeof ifs))
        xlsx_formula(w->b, w->ws, w->row, col, w->b->fmt.money, xlsx_hundredths(cents), "=%s", ifs);
    else
        xlsx_money(w->b, w->ws, w->row, col, cents, w->b->fmt.money);
}

static void account_row(finance_writer *w, size_t index)
{
    xlsx_book *b = w->b;
    const account_figure *a = &b->f->accounts[index];
    bool formula = w->usable && w->usable[index];
    xlsx_text(b, w->ws, w->row, FC_CODE, a->code, NULL);
    xlsx_text(b, w->ws, w->row, FC_NAME, a->name, NULL);
    account_value(w, FC_CURRENT, a->amount.current, formula);
    account_value(w, FC_PREVIOUS, a->amount.previous, formula);
    xlsx_change(b, w->ws, w->row, FC_CHANGE, &a->amount, true, b->fmt.money, b->fmt.pct);
    size_t len = strlen(a->name);
    if (len > w->name_width)
        w->name_width = (unsigned)(len > 50 ? 50 : len);
    w->row++;
}

/* A total row: label, formula for both years (cells listed in rows, or the
 * range first..last when rows is NULL; a number when there is nothing to
 * add), change and change %. */
static void total_row(finance_writer *w, const char *label, const figure *fig,
                      const lxw_row_t *rows, size_t count, lxw_row_t first, lxw_row_t last)
{
    xlsx_book *b = w->b;
    xlsx_text(b, w->ws, w->row, FC_NAME, label, b->fmt.bold);
    for (lxw_col_t col = FC_CURRENT; col <= FC_PREVIOUS; col++) {
        int64_t cents = col == FC_CURRENT ? fig->current : fig->previous;
        xlsx_total_cell(b, w->ws, w->row, col, cents, rows, count, first, last);
    }
    xlsx_change(b, w->ws, w->row, FC_CHANGE, fig, true, b->fmt.money_total, b->fmt.pct_total);
    w->row++;
}

#define NO_ACCOUNT ((size_t)-1)

/* The accounts of kind in each group, in order, as chains: with n accounts,
 * next[n + g] is group g's first account, next[i] the account after i in
 * its group, NO_ACCOUNT ending a chain (xmalloc'd).  Linear: the groups are
 * found by name in a strmap. */
static size_t *group_accounts(const figures *f, account_kind kind, const group_figure *groups,
                              size_t group_count)
{
    size_t n = f->account_count;
    size_t *next = xmalloc((n + group_count + 1) * sizeof *next);
    size_t *last = xmalloc((group_count + 1) * sizeof *last);
    strmap *index = strmap_new();
    for (size_t g = group_count; g-- > 0;) /* the first of a name wins */
        strmap_put(index, groups[g].group, strlen(groups[g].group), g);
    for (size_t k = 0; k < n + group_count; k++)
        next[k] = NO_ACCOUNT;
    for (size_t g = 0; g < group_count; g++)
        last[g] = n + g;
    for (size_t i = 0; i < n; i++) {
        size_t g;
        const char *name = f->accounts[i].group;
        if (f->accounts[i].kind != kind || !strmap_get(index, name, strlen(name), &g))
            continue;
        next[last[g]] = i;
        last[g] = i;
    }
    strmap_free(index);
    free(last);
    return next;
}

/* One kind's section: per group its accounts and a subtotal, then the
 * kind's total.  Subtotal rows go to group_rows; returns the total row. */
static lxw_row_t kind_section(finance_writer *w, account_kind kind, const char *title_key,
                              const char *total_key, const group_figure *groups, size_t group_count,
                              const figure *total, lxw_row_t *group_rows)
{
    xlsx_book *b = w->b;
    const figures *f = b->f;
    xlsx_text(b, w->ws, w->row++, FC_CODE, xlsx_msg(b, title_key), b->fmt.section);
    size_t *next = group_accounts(f, kind, groups, group_count);
    for (size_t g = 0; g < group_count; g++) {
        xlsx_text(b, w->ws, w->row++, FC_CODE, groups[g].group, b->fmt.bold);
        lxw_row_t first = w->row;
        for (size_t i = next[f->account_count + g]; i != NO_ACCOUNT; i = next[i])
            account_row(w, i);
        char label[512];
        snprintf(label, sizeof label, "%s %s", xlsx_msg(b, "workbook.total"), groups[g].group);
        group_rows[g] = w->row;
        /* first > last when the group has no account: a plain number */
        total_row(w, label, &groups[g].amount, NULL, 0, first, w->row - 1);
    }
    lxw_row_t total_at = w->row;
    free(next);
    total_row(w, xlsx_msg(b, total_key), total, group_rows, group_count, 0, 0);
    w->row++; /* a blank row after the section */
    return total_at;
}

/* Per account, whether SUMIFS can find its lines; NULL without detail
 * sheets (no formulas then). */
static bool *accounts_usable(const xlsx_book *b)
{
    const figures *f = b->f;
    if (!b->detail)
        return NULL;
    const char **codes = xcalloc(f->account_count + 1, sizeof *codes);
    for (size_t i = 0; i < f->account_count; i++)
        codes[i] = f->accounts[i].code;
    bool *usable = xlsx_criteria_usable(codes, NULL, f->account_count);
    free(codes);
    return usable;
}

/* The header; per kind a title, per group a title, its accounts and a
 * subtotal, the kind's total and a blank; the net. */
size_t xlsx_finances_rows(const figures *f)
{
    size_t accounts = 0;
    for (size_t i = 0; i < f->account_count; i++)
        accounts += f->accounts[i].kind == KIND_REVENUE || f->accounts[i].kind == KIND_EXPENSE;
    return 8 + 2 * (f->revenue_group_count + f->expense_group_count) + accounts;
}

void xlsx_finances_write(xlsx_book *b)
{
    const figures *f = b->f;
    finance_writer w = {
        .b = b, .ws = b->sheet[XLSX_SHEET_FINANCES], .usable = accounts_usable(b), .name_width = 20
    };
    static const char *const headers[] = { "workbook.col_account", "workbook.col_account_name" };
    xlsx_headers(b, w.ws, 0, headers, 2);
    xlsx_year_headers(b, w.ws, 0, FC_CURRENT);
    w.row = 1;
    b->rows.revenue_group = xcalloc(f->revenue_group_count + 1, sizeof(lxw_row_t));
    b->rows.expense_group = xcalloc(f->expense_group_count + 1, sizeof(lxw_row_t));
    lxw_row_t rev =
        kind_section(&w, KIND_REVENUE, "workbook.revenue", "workbook.total_revenue",
                     f->revenue_groups, f->revenue_group_count, &f->revenue, b->rows.revenue_group);
    lxw_row_t exp = kind_section(&w, KIND_EXPENSE, "workbook.expenses", "workbook.total_expenses",
                                 f->expense_groups, f->expense_group_count, &f->expenses,
                                 b->rows.expense_group);
    b->rows.revenue_total = rev;
    b->rows.expense_total = exp;
    b->rows.net = w.row;
    lxw_row_t net_rows[2] = { rev, exp };
    xlsx_text(b, w.ws, w.row, FC_NAME, xlsx_msg(b, "workbook.net"), b->fmt.bold);
    for (lxw_col_t col = FC_CURRENT; col <= FC_PREVIOUS; col++) {
        char letter[8];
        lxw_col_to_name(letter, col, LXW_FALSE);
        int64_t cents = col == FC_CURRENT ? f->net.current : f->net.previous;
        xlsx_formula(b, w.ws, w.row, col, b->fmt.money_total, xlsx_hundredths(cents),
                     "=%s%lu-%s%lu", letter, (unsigned long)net_rows[0] + 1, letter,
                     (unsigned long)net_rows[1] + 1);
    }
    xlsx_change(b, w.ws, w.row, FC_CHANGE, &f->net, true, b->fmt.money_total, b->fmt.pct_total);
    free(w.usable);

    xlsx_check(w.b, worksheet_set_column(w.ws, FC_CODE, FC_CODE, 12, NULL));
    xlsx_check(w.b, worksheet_set_column(w.ws, FC_NAME, FC_NAME, w.name_width + 4, NULL));
    xlsx_check(w.b, worksheet_set_column(w.ws, FC_CURRENT, FC_CHANGE, 17, NULL));
    xlsx_check(w.b, worksheet_set_column(w.ws, FC_PCT, FC_PCT, 11, NULL));
    worksheet_freeze_panes(w.ws, 1, 0);
    xlsx_page_setup(b, w.ws, false, 1);
}

/* The header, the funders, the total. */
size_t xlsx_funders_rows(const figures *f)
{
    return f->funder_count + 2;
}

enum { UC_NAME, UC_CURRENT, UC_PREVIOUS, UC_CHANGE, UC_PCT, UC_SHARE };

/* A row's share of revenue: its reported-year amount over the total's,
 * or "" when revenue is not above 0. */
static void funder_share(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_row_t total,
                         const funder_row *c, lxw_format *format)
{
    char formula[128];
    snprintf(formula, sizeof formula, "=IF($B$%lu<=0,\"\",ROUND(B%lu/$B$%lu,3))",
             (unsigned long)total + 1, (unsigned long)row + 1, (unsigned long)total + 1);
    if (c->has_share)
        xlsx_check(b, worksheet_write_formula_num(ws, row, UC_SHARE, formula, format,
                                                  (double)c->share_tenths / 1000));
    else
        xlsx_check(b, worksheet_write_formula_str(ws, row, UC_SHARE, formula, format, ""));
}

/* The other revenue: the finance sheet's revenue total less the rows
 * above, so that the sheet adds up to it. */
static void other_revenue(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, const figure *fig)
{
    char quoted[LXW_SHEETNAME_MAX * 8 + 3];
    xlsx_quoted(b->sheet_name[XLSX_SHEET_FINANCES], quoted, sizeof quoted);
    for (lxw_col_t col = UC_CURRENT; col <= UC_PREVIOUS; col++) {
        char letter[8], there[8];
        lxw_col_to_name(letter, col, LXW_FALSE);
        lxw_col_to_name(there, (lxw_col_t)(FC_CURRENT + col - UC_CURRENT), LXW_FALSE);
        int64_t cents = col == UC_CURRENT ? fig->current : fig->previous;
        if (row > 1)
            xlsx_formula(b, ws, row, col, b->fmt.money, xlsx_hundredths(cents),
                         "=%s!%s%lu-SUM(%s2:%s%lu)", quoted, there,
                         (unsigned long)b->rows.revenue_total + 1, letter, letter,
                         (unsigned long)row);
        else
            xlsx_formula(b, ws, row, col, b->fmt.money, xlsx_hundredths(cents), "=%s!%s%lu", quoted,
                         there, (unsigned long)b->rows.revenue_total + 1);
    }
}

/* A row whose previous year a trial balance stood in for: its split by
 * funder is unknown, so "n.d." rather than 0 (the current year as usual). */
static void funder_unknown_previous(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row,
                                    const funder_row *c)
{
    const char *unknown = xlsx_msg(b, "common.unknown");
    xlsx_money(b, ws, row, UC_CURRENT, c->amount.current, b->fmt.money);
    for (lxw_col_t col = UC_PREVIOUS; col <= UC_PCT; col++)
        xlsx_text(b, ws, row, col, unknown, b->fmt.header_right);
}

/* Funders: the funders table as compute listed it (the PDF's rows, in its
 * order), both years, change, change % and share of revenue; the total,
 * which is the revenue. */
void xlsx_funders_write(xlsx_book *b)
{
    const figures *f = b->f;
    lxw_worksheet *ws = b->sheet[XLSX_SHEET_FUNDERS];
    xlsx_text(b, ws, 0, UC_NAME, xlsx_msg(b, "workbook.col_funder"), b->fmt.header);
    xlsx_year_headers(b, ws, 0, UC_CURRENT);
    xlsx_text(b, ws, 0, UC_SHARE, xlsx_msg(b, "common.share"), b->fmt.header_right);
    lxw_row_t row = 1, total = (lxw_row_t)(f->funder_count + 1);
    size_t width = 20;
    for (size_t i = 0; i < f->funder_count; i++, row++) {
        const funder_row *c = &f->funders[i];
        char *label = report_funder_label(b->msg, f->lang, c);
        xlsx_text(b, ws, row, UC_NAME, label, NULL);
        if (f->counterparties_previous_unknown) {
            funder_unknown_previous(b, ws, row, c);
        } else if (c->kind == FUNDER_OTHER_REVENUE) {
            other_revenue(b, ws, row, &c->amount);
        } else {
            xlsx_money(b, ws, row, UC_CURRENT, c->amount.current, b->fmt.money);
            xlsx_money(b, ws, row, UC_PREVIOUS, c->amount.previous, b->fmt.money);
        }
        if (!f->counterparties_previous_unknown)
            xlsx_change(b, ws, row, UC_CHANGE, &c->amount, true, b->fmt.money, b->fmt.pct);
        funder_share(b, ws, row, total, c, b->fmt.pct);
        if (strlen(label) > width)
            width = strlen(label) > 50 ? 50 : strlen(label);
        free(label);
    }
    if (f->funder_count > 0) {
        const figure *sum = &f->revenue;
        xlsx_text(b, ws, row, UC_NAME, xlsx_msg(b, "common.total_revenue"), b->fmt.bold);
        for (lxw_col_t col = UC_CURRENT; col <= UC_PREVIOUS; col++) {
            char letter[8];
            lxw_col_to_name(letter, col, LXW_FALSE);
            int64_t cents = col == UC_CURRENT ? sum->current : sum->previous;
            if (col == UC_PREVIOUS && f->counterparties_previous_unknown)
                xlsx_money(b, ws, row, col, cents, b->fmt.money_total); /* not a sum of "n.d." */
            else
                xlsx_formula(b, ws, row, col, b->fmt.money_total, xlsx_hundredths(cents),
                             "=SUM(%s2:%s%lu)", letter, letter, (unsigned long)row);
        }
        xlsx_change(b, ws, row, UC_CHANGE, sum, true, b->fmt.money_total, b->fmt.pct_total);
        funder_row all = { .amount = *sum };
        all.has_share = sum->current > 0;
        all.share_tenths = 1000;
        funder_share(b, ws, row, total, &all, b->fmt.pct_total);
    }
    xlsx_check(b, worksheet_set_column(ws, UC_NAME, UC_NAME, (double)width + 4, NULL));
    xlsx_check(b, worksheet_set_column(ws, UC_CURRENT, UC_CHANGE, 17, NULL));
    xlsx_check(b, worksheet_set_column(ws, UC_PCT, UC_SHARE, 11, NULL));
    worksheet_freeze_panes(ws, 1, 0);
    xlsx_page_setup(b, ws, false, 1);
}

/* Column chart of revenue and expenses over the history years. */
static void history_chart(xlsx_book *b, lxw_row_t last)
{
    const char *sheet = b->sheet_name[XLSX_SHEET_HISTORY];
    char quoted[LXW_SHEETNAME_MAX * 8 + 3], cats[320], vals[320];
    xlsx_quoted(sheet, quoted, sizeof quoted);
    lxw_chart *chart = xlsx_need(workbook_add_chart(b->wb, LXW_CHART_COLUMN));
    snprintf(cats, sizeof cats, "=%s!$A$2:$A$%lu", quoted, (unsigned long)last + 1);
    for (lxw_col_t col = 1; col <= 2; col++) {
        char letter[8];
        lxw_col_to_name(letter, col, LXW_TRUE);
        snprintf(vals, sizeof vals, "=%s!%s$2:%s$%lu", quoted, letter, letter,
                 (unsigned long)last + 1);
        lxw_chart_series *series = xlsx_need(chart_add_series(chart, cats, vals));
        chart_series_set_name_range(series, sheet, 0, col);
    }
    lxw_chart_options opt = { .x_scale = 1.4, .y_scale = 1.2 };
    xlsx_chart_insert(b, b->sheet[XLSX_SHEET_HISTORY], chart, "workbook.chart_history", 1, 5, &opt);
}

/* The header and a row per fiscal year. */
size_t xlsx_history_rows(const figures *f)
{
    return 1 + f->history_count;
}

/* History: one row per fiscal year, oldest first; the net is a formula. */
void xlsx_history_write(xlsx_book *b)
{
    const figures *f = b->f;
    lxw_worksheet *ws = b->sheet[XLSX_SHEET_HISTORY];
    static const char *const headers[] = {
        "workbook.col_fiscal_year",
        ">workbook.revenue",
        ">workbook.expenses",
        ">workbook.col_net",
    };
    xlsx_headers(b, ws, 0, headers, 4);
    lxw_row_t row = 1;
    for (size_t i = 0; i < f->history_count; i++, row++) {
        const history_figure *h = &f->history[i];
        xlsx_text(b, ws, row, 0, h->period.label, NULL);
        xlsx_money(b, ws, row, 1, h->revenue, b->fmt.money);
        xlsx_money(b, ws, row, 2, h->expenses, b->fmt.money);
        xlsx_formula(b, ws, row, 3, b->fmt.money, xlsx_hundredths(h->net), "=B%lu-C%lu",
                     (unsigned long)row + 1, (unsigned long)row + 1);
    }
    xlsx_check(b, worksheet_set_column(ws, 0, 0, 14, NULL));
    xlsx_check(b, worksheet_set_column(ws, 1, 3, 22, NULL));
    worksheet_freeze_panes(ws, 1, 0);
    xlsx_page_setup(b, ws, true, 1);
    if (f->history_count > 0)
        history_chart(b, row - 1);
}
