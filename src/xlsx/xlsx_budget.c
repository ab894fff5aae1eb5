/* xlsx_budget.c - the workbook's Budget sheet: the reported year's budget
 * against its actuals, then the next year's budget against the same
 * actuals, by group, with the totals of the groups budgeted; a chart of
 * budget and actual by group for each kind.  An actual is a reference to
 * its group's subtotal on the statement sheet, the totals, variances and
 * percents are formulas; every cached result is a figure.  The sheet is
 * absent without budget.csv (its row count is 0).  Defined names
 * (Budget_table, Budget_revenue, ..., Forecast_net) mark the tables and
 * their totals. */
#include "xlsx/xlsx.h"

#include <stdio.h>
#include <string.h>

enum { BC_LABEL, BC_FIRST, BC_SECOND, BC_CHANGE, BC_PCT };

typedef struct budget_writer {
    xlsx_book *b;
    lxw_worksheet *ws;
    lxw_row_t row;
    const budget_statement *st;
    const char *prefix; /* of the defined names: "Budget", "Forecast" */
    bool forecast;      /* budget in the first column, actual in the second */
    lxw_col_t actual_col, budget_col;
} budget_writer;

/* A table's rows: its title, the header, per kind a title, the groups,
 * the total and a blank, the net: as budget_table writes them. */
static size_t table_rows(const budget_statement *s)
{
    return s->present ? 9 + s->revenue_group_count + s->expense_group_count : 0;
}

size_t xlsx_budget_rows(const figures *f)
{
    size_t n = table_rows(&f->budget) + table_rows(&f->forecast);
    return f->budget.present && f->forecast.present ? n + 2 : n;
}

/* 'Revenus et dépenses'!$C$12: a cell of the statement sheet's current
 * year column. */
static void statement_cell(xlsx_book *b, lxw_row_t row, char *buf, size_t size)
{
    char quoted[LXW_SHEETNAME_MAX * 8 + 3];
    xlsx_quoted(b->sheet_name[XLSX_SHEET_FINANCES], quoted, sizeof quoted);
    snprintf(buf, size, "%s!$C$%lu", quoted, (unsigned long)row + 1);
}

/* Defines NAME_suffix as column B of the current row. */
static void define(budget_writer *w, const char *suffix, lxw_col_t col)
{
    char quoted[LXW_SHEETNAME_MAX * 8 + 3], ref[LXW_SHEETNAME_MAX * 8 + 40], name[64], cell[16];
    xlsx_quoted(w->b->sheet_name[XLSX_SHEET_BUDGET], quoted, sizeof quoted);
    lxw_rowcol_to_cell_abs(cell, w->row, col, LXW_TRUE, LXW_TRUE);
    snprintf(ref, sizeof ref, "=%s!%s", quoted, cell);
    snprintf(name, sizeof name, "%s_%s", w->prefix, suffix);
    xlsx_check(w->b, workbook_define_name(w->b->wb, name, ref));
}

/* A line's cells after its label: the actual (actual_formula), the budget
 * (budget_formula, or the number when NULL; blank when not budgeted), the
 * variance and its percent. */
static void line_cells(budget_writer *w, const budget_line *l, const char *actual_formula,
                       const char *budget_formula, bool total)
{
    xlsx_book *b = w->b;
    lxw_format *money = total ? b->fmt.money_total : b->fmt.money;
    lxw_format *pct = total ? b->fmt.pct_total : b->fmt.pct;
    int64_t actual = w->forecast ? l->amount.previous : l->amount.current;
    int64_t budget = w->forecast ? l->amount.current : l->amount.previous;
    xlsx_formula(b, w->ws, w->row, w->actual_col, money, xlsx_hundredths(actual), "=%s",
                 actual_formula);
    if (!l->budgeted) {
        for (lxw_col_t c = BC_FIRST; c <= BC_PCT; c++)
            if (c != w->actual_col && total)
                xlsx_check(b, worksheet_write_blank(w->ws, w->row, c, money));
        return;
    }
    if (budget_formula)
        xlsx_formula(b, w->ws, w->row, w->budget_col, money, xlsx_hundredths(budget), "=%s",
                     budget_formula);
    else
        xlsx_money(b, w->ws, w->row, w->budget_col, budget, money);
    char first[16], second[16];
    lxw_rowcol_to_cell(first, w->row, BC_FIRST);
    lxw_rowcol_to_cell(second, w->row, BC_SECOND);
    xlsx_formula(b, w->ws, w->row, BC_CHANGE, money, xlsx_hundredths(l->amount.change), "=%s-%s",
                 first, second);
    const char *words[3] = { xlsx_pct_word(b, FIGURE_PCT_NEW), xlsx_pct_word(b, FIGURE_PCT_ZERO),
                             xlsx_pct_word(b, FIGURE_PCT_NEGATIVE) };
    if (!w->forecast) /* a variance from a budget of 0 has no percent */
        words[0] = words[1];
    xlsx_pct_cell(b, w->ws, w->row, BC_PCT, first, second, words, l->amount.pct,
                  l->amount.change_pct_tenths, pct);
}

/* Appends "+B5" (or "-B5" with minus) to an expression of cells. */
static void append_cell(char *buf, size_t size, lxw_row_t row, lxw_col_t col, bool minus)
{
    char cell[16];
    lxw_rowcol_to_cell(cell, row, col);
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, "%s%s", minus ? "-" : n ? "+" : "", cell);
}

/* Where a kind's total went, for the net. */
typedef struct kind_total {
    lxw_row_t row;
    bool any; /* some group budgeted */
} kind_total;

/* A kind: its title, a row per group, the total of the groups budgeted
 * (the statement's total when none is), a blank. */
static kind_total kind_part(budget_writer *w, const char *title_key, const char *total_key,
                            const char *name, const budget_line *lines, size_t n,
                            const lxw_row_t *statement_rows, lxw_row_t statement_total,
                            const budget_line *total)
{
    xlsx_book *b = w->b;
    char ref[LXW_SHEETNAME_MAX * 8 + 32];
    char actuals[XLSX_FORMULA_MAX], budgets[XLSX_FORMULA_MAX];
    actuals[0] = budgets[0] = '\0';
    xlsx_text(b, w->ws, w->row++, BC_LABEL, xlsx_msg(b, title_key), b->fmt.section);
    for (size_t i = 0; i < n; i++) {
        xlsx_text(b, w->ws, w->row, BC_LABEL, lines[i].group, NULL);
        statement_cell(b, statement_rows[i], ref, sizeof ref);
        line_cells(w, &lines[i], ref, NULL, false);
        if (lines[i].budgeted && strlen(actuals) + 16 < sizeof actuals) {
            append_cell(actuals, sizeof actuals, w->row, w->actual_col, false);
            append_cell(budgets, sizeof budgets, w->row, w->budget_col, false);
        }
        w->row++;
    }
    kind_total t = { w->row, total->budgeted };
    xlsx_text(b, w->ws, w->row, BC_LABEL, xlsx_msg(b, total_key), b->fmt.bold);
    statement_cell(b, statement_total, ref, sizeof ref);
    line_cells(w, total, total->budgeted ? actuals : ref, budgets, true);
    define(w, name, w->actual_col);
    w->row += 2;
    return t;
}

/* The net of the kinds' totals: of the groups budgeted, or the
 * statement's net when no group is. */
static void net_line(budget_writer *w, kind_total rev, kind_total exp)
{
    xlsx_book *b = w->b;
    char actual[128] = "", budget[128] = "", ref[LXW_SHEETNAME_MAX * 8 + 32];
    xlsx_text(b, w->ws, w->row, BC_LABEL, xlsx_msg(b, "workbook.net"), b->fmt.bold);
    if (rev.any) {
        append_cell(actual, sizeof actual, rev.row, w->actual_col, false);
        append_cell(budget, sizeof budget, rev.row, w->budget_col, false);
    }
    if (exp.any) {
        append_cell(actual, sizeof actual, exp.row, w->actual_col, true);
        append_cell(budget, sizeof budget, exp.row, w->budget_col, true);
    }
    statement_cell(b, b->rows.net, ref, sizeof ref);
    line_cells(w, &w->st->net, rev.any || exp.any ? actual : ref, budget, true);
    define(w, "net", w->actual_col);
    w->row++;
}

/* A column chart of the kind's groups: actual and budget. */
static void kind_chart(budget_writer *w, lxw_row_t first, size_t n, const char *title_key,
                       lxw_row_t header, lxw_row_t at)
{
    xlsx_book *b = w->b;
    if (n == 0)
        return;
    const char *sheet = b->sheet_name[XLSX_SHEET_BUDGET];
    char quoted[LXW_SHEETNAME_MAX * 8 + 3], cats[320], vals[320];
    xlsx_quoted(sheet, quoted, sizeof quoted);
    lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
    unsigned long top = (unsigned long)first + 1, bottom = (unsigned long)(first + n);
    snprintf(cats, sizeof cats, "=%s!$A$%lu:$A$%lu", quoted, top, bottom);
    for (lxw_col_t col = BC_FIRST; col <= BC_SECOND; col++) {
        char letter[8];
        lxw_col_to_name(letter, col, LXW_TRUE);
        snprintf(vals, sizeof vals, "=%s!%s$%lu:%s$%lu", quoted, letter, top, letter, bottom);
        lxw_chart_series *series = chart_add_series(chart, cats, vals);
        chart_series_set_name_range(series, sheet, header, col);
    }
    lxw_chart_options opt = { .x_offset = 10, .x_scale = 1.3, .y_scale = 1.1 };
    xlsx_chart_insert(b, w->ws, chart, title_key, at, BC_PCT + 2, &opt);
}

/* A table: its title, the header, revenue, expenses, net; the budget's
 * table has its charts. */
static void budget_table(budget_writer *w)
{
    xlsx_book *b = w->b;
    const figures *f = b->f;
    const budget_statement *s = w->st;
    char title[160], first[160], second[160];
    snprintf(title, sizeof title, "%s %s",
             xlsx_msg(b, w->forecast ? "workbook.forecast_title" : "workbook.budget_title"),
             s->period.label);
    xlsx_text(b, w->ws, w->row++, BC_LABEL, title, b->fmt.title);
    snprintf(w->forecast ? first : second, 160, "%s %s", xlsx_msg(b, "workbook.col_budget"),
             s->period.label);
    snprintf(w->forecast ? second : first, 160, "%s %s", xlsx_msg(b, "workbook.col_actual"),
             f->current.label);
    lxw_row_t header = w->row;
    xlsx_text(b, w->ws, w->row, BC_LABEL, xlsx_msg(b, "workbook.col_group"), b->fmt.header);
    xlsx_text(b, w->ws, w->row, BC_FIRST, first, b->fmt.header_right);
    xlsx_text(b, w->ws, w->row, BC_SECOND, second, b->fmt.header_right);
    xlsx_text(b, w->ws, w->row, BC_CHANGE, xlsx_msg(b, "workbook.col_change"), b->fmt.header_right);
    xlsx_text(b, w->ws, w->row, BC_PCT, xlsx_msg(b, "workbook.col_change_pct"),
              b->fmt.header_right);
    define(w, "table", BC_LABEL);
    w->row++;
    lxw_row_t rev_first = w->row + 1;
    kind_total rev = kind_part(w, "workbook.revenue", "workbook.total_revenue", "revenue",
                               s->revenue_groups, s->revenue_group_count, b->rows.revenue_group,
                               b->rows.revenue_total, &s->revenue);
    lxw_row_t exp_first = w->row + 1;
    kind_total exp = kind_part(w, "workbook.expenses", "workbook.total_expenses", "expenses",
                               s->expense_groups, s->expense_group_count, b->rows.expense_group,
                               b->rows.expense_total, &s->expenses);
    net_line(w, rev, exp);
    if (!w->forecast) {
        kind_chart(w, rev_first, s->revenue_group_count, "workbook.chart_budget_revenue", header,
                   header - 1);
        kind_chart(w, exp_first, s->expense_group_count, "workbook.chart_budget_expenses", header,
                   header + 17);
    }
}

void xlsx_budget_write(xlsx_book *b)
{
    const figures *f = b->f;
    lxw_worksheet *ws = b->sheet[XLSX_SHEET_BUDGET];
    if (!ws)
        return;
    budget_writer w = { .b = b, .ws = ws };
    if (f->budget.present) {
        w.st = &f->budget;
        w.prefix = "Budget";
        w.actual_col = BC_FIRST;
        w.budget_col = BC_SECOND;
        budget_table(&w);
        w.row += 2;
    }
    if (f->forecast.present) {
        w.st = &f->forecast;
        w.prefix = "Forecast";
        w.forecast = true;
        w.actual_col = BC_SECOND;
        w.budget_col = BC_FIRST;
        budget_table(&w);
    }
    worksheet_set_column(ws, BC_LABEL, BC_LABEL, 36, NULL);
    worksheet_set_column(ws, BC_FIRST, BC_CHANGE, 18, NULL);
    worksheet_set_column(ws, BC_PCT, BC_PCT, 11, NULL);
    xlsx_page_setup(b, ws, true, 0);
}
