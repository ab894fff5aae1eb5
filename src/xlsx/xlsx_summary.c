/* xlsx_summary.c - the workbook's first sheet: organisation and fiscal
 * year, the key figures (each a reference to the total that the other
 * sheets compute, with change and change %), revenue and expenses by
 * group with a chart, and a defined name for each key figure. */
#include "xlsx/xlsx.h"

#include <stdio.h>
#include <string.h>

enum { SC_LABEL, SC_CURRENT, SC_PREVIOUS, SC_CHANGE, SC_PCT };

typedef struct key_figure {
    const char *label_key;
    const char *name; /* defined name */
    const figure *fig;
    figure_unit unit;
    int sheet;     /* XLSX_SHEET_*, or -1: the number itself */
    lxw_row_t row; /* there */
    lxw_col_t col; /* the current year's column there */
} key_figure;

typedef struct summary_writer {
    xlsx_book *b;
    lxw_worksheet *ws;
    lxw_row_t row;
} summary_writer;

static lxw_format *unit_format(const xlsx_book *b, figure_unit u)
{
    return u == FIGURE_MONEY ? b->fmt.money : u == FIGURE_HOURS ? b->fmt.hours : b->fmt.count;
}

static double unit_value(figure_unit u, int64_t v)
{
    return u == FIGURE_COUNT ? (double)v : xlsx_hundredths(v);
}

/* Writes a comparison row whose values are references to another sheet's
 * cells (row, col and col+1), or the numbers when sheet < 0. */
static void compare_row(summary_writer *w, const char *label, const figure *fig, figure_unit u,
                        int sheet, lxw_row_t row, lxw_col_t col)
{
    xlsx_book *b = w->b;
    lxw_format *fmt = unit_format(b, u);
    xlsx_text(b, w->ws, w->row, SC_LABEL, label, NULL);
    for (lxw_col_t k = 0; k < 2; k++) {
        double cached = unit_value(u, k == 0 ? fig->current : fig->previous);
        if (sheet < 0) {
            xlsx_check(
                b, worksheet_write_number(w->ws, w->row, (lxw_col_t)(SC_CURRENT + k), cached, fmt));
            continue;
        }
        char quoted[LXW_SHEETNAME_MAX * 8 + 3], cell[16];
        xlsx_quoted(b->sheet_name[sheet], quoted, sizeof quoted);
        lxw_rowcol_to_cell(cell, row, (lxw_col_t)(col + k));
        xlsx_formula(b, w->ws, w->row, (lxw_col_t)(SC_CURRENT + k), fmt, cached, "=%s!%s", quoted,
                     cell);
    }
    xlsx_change(b, w->ws, w->row, SC_CHANGE, fig, u != FIGURE_COUNT, fmt, b->fmt.pct);
    w->row++;
}

static void define_names(summary_writer *w, const key_figure *k, lxw_row_t row)
{
    char quoted[LXW_SHEETNAME_MAX * 8 + 3], ref[LXW_SHEETNAME_MAX * 8 + 32], name[64];
    xlsx_quoted(w->b->sheet_name[XLSX_SHEET_SUMMARY], quoted, sizeof quoted);
    snprintf(ref, sizeof ref, "=%s!$B$%lu", quoted, (unsigned long)row + 1);
    xlsx_check(w->b, workbook_define_name(w->b->wb, k->name, ref));
    snprintf(ref, sizeof ref, "=%s!$C$%lu", quoted, (unsigned long)row + 1);
    snprintf(name, sizeof name, "%s_previous", k->name);
    xlsx_check(w->b, workbook_define_name(w->b->wb, name, ref));
}

/* The revenue group named as self-generated in report.ini, or -1. */
static long self_generated_group(const figures *f)
{
    const char *name = f->config ? f->config->self_generated_group : NULL;
    for (size_t g = 0; name && g < f->revenue_group_count; g++)
        if (strcmp(f->revenue_groups[g].group, name) == 0)
            return (long)g;
    return -1;
}

static void key_figures(summary_writer *w)
{
    xlsx_book *b = w->b;
    const figures *f = b->f;
    long self = self_generated_group(f);
    lxw_row_t act = b->activity_total;
    key_figure keys[] = {
        { "workbook.revenue", "Revenue", &f->revenue, FIGURE_MONEY, XLSX_SHEET_FINANCES,
          b->rows.revenue_total, 2 },
        { "workbook.expenses", "Expenses", &f->expenses, FIGURE_MONEY, XLSX_SHEET_FINANCES,
          b->rows.expense_total, 2 },
        { "workbook.net", "Net", &f->net, FIGURE_MONEY, XLSX_SHEET_FINANCES, b->rows.net, 2 },
        { "workbook.self_generated", "Self_generated", &f->self_generated, FIGURE_MONEY,
          self >= 0 ? XLSX_SHEET_FINANCES : -1, self >= 0 ? b->rows.revenue_group[self] : 0, 2 },
        { "workbook.activities", "Activities", &f->activity_count, FIGURE_COUNT,
          XLSX_SHEET_ACTIVITIES, act, 2 },
        { "workbook.participants", "Participants", &f->participants, FIGURE_COUNT,
          XLSX_SHEET_ACTIVITIES, act, 6 },
        { "workbook.hours", "Hours", &f->hours, FIGURE_HOURS, XLSX_SHEET_ACTIVITIES, act, 10 },
        { "workbook.partners", "Partners", &f->partner_count, FIGURE_COUNT, -1, 0, 0 },
        { "workbook.regions", "Regions", &f->region_count, FIGURE_COUNT, -1, 0, 0 },
    };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        if (i == 3 && !f->has_self_generated)
            continue;
        define_names(w, &keys[i], w->row);
        compare_row(w, xlsx_msg(b, keys[i].label_key), keys[i].fig, keys[i].unit, keys[i].sheet,
                    keys[i].row, keys[i].col);
    }
}

static void comparison_header(summary_writer *w, const char *label_key)
{
    xlsx_text(w->b, w->ws, w->row, SC_LABEL, xlsx_msg(w->b, label_key), w->b->fmt.header);
    xlsx_year_headers(w->b, w->ws, w->row, SC_CURRENT);
    w->row++;
}

/* Revenue (or expenses) by group, each a reference to its subtotal row on
 * the finance sheet.  Returns the first row of the list. */
static lxw_row_t group_table(summary_writer *w, const char *title_key, const group_figure *groups,
                             size_t count, const lxw_row_t *rows)
{
    comparison_header(w, title_key);
    lxw_row_t first = w->row;
    for (size_t g = 0; g < count; g++)
        compare_row(w, groups[g].group, &groups[g].amount, FIGURE_MONEY, XLSX_SHEET_FINANCES,
                    rows[g], 2);
    return first;
}

/* Column chart: revenue by group, reported year against the previous. */
static void group_chart(summary_writer *w, lxw_row_t first, lxw_row_t last, lxw_row_t header)
{
    xlsx_book *b = w->b;
    const char *sheet = b->sheet_name[XLSX_SHEET_SUMMARY];
    char quoted[LXW_SHEETNAME_MAX * 8 + 3], cats[320], vals[320];
    xlsx_quoted(sheet, quoted, sizeof quoted);
    lxw_chart *chart = xlsx_need(workbook_add_chart(b->wb, LXW_CHART_COLUMN));
    snprintf(cats, sizeof cats, "=%s!$A$%lu:$A$%lu", quoted, (unsigned long)first + 1,
             (unsigned long)last + 1);
    for (lxw_col_t col = SC_CURRENT; col <= SC_PREVIOUS; col++) {
        char letter[8];
        lxw_col_to_name(letter, col, LXW_TRUE);
        snprintf(vals, sizeof vals, "=%s!%s$%lu:%s$%lu", quoted, letter, (unsigned long)first + 1,
                 letter, (unsigned long)last + 1);
        lxw_chart_series *series = xlsx_need(chart_add_series(chart, cats, vals));
        chart_series_set_name_range(series, sheet, header, col);
    }
    lxw_chart_options opt = { .x_offset = 10, .x_scale = 1.3, .y_scale = 1.1 };
    xlsx_chart_insert(b, w->ws, chart, "workbook.chart_revenue_groups", header, SC_PCT + 2, &opt);
}

static void heading(summary_writer *w)
{
    xlsx_book *b = w->b;
    const figures *f = b->f;
    const char *org = f->config && f->config->org_name ? f->config->org_name : "";
    xlsx_text(b, w->ws, 0, SC_LABEL, org, b->fmt.title);
    const char *title = f->config && f->config->title ? f->config->title : "";
    xlsx_text(b, w->ws, 1, SC_LABEL, title, b->fmt.subtitle);
    xlsx_text(b, w->ws, 2, SC_LABEL, xlsx_msg(b, "workbook.fiscal_year"), b->fmt.bold);
    xlsx_text(b, w->ws, 2, SC_CURRENT, f->current.label, NULL);
    xlsx_text(b, w->ws, 3, SC_LABEL, xlsx_msg(b, "workbook.period"), b->fmt.bold);
    lxw_datetime start = {
        f->current.start.year, f->current.start.month, f->current.start.day, 0, 0, 0
    };
    lxw_datetime end = { f->current.end.year, f->current.end.month, f->current.end.day, 0, 0, 0 };
    xlsx_check(b, worksheet_write_datetime(w->ws, 3, SC_CURRENT, &start, b->fmt.date));
    xlsx_check(b, worksheet_write_datetime(w->ws, 3, SC_PREVIOUS, &end, b->fmt.date));
    w->row = 5;
}

/* Four heading rows and a blank, the key figures under their header,
 * a blank, then each group table under its header with a blank between:
 * as xlsx_summary_write lays them out. */
size_t xlsx_summary_rows(const figures *f)
{
    size_t key_figures = f->has_self_generated ? 9 : 8;
    return 10 + key_figures + f->revenue_group_count + f->expense_group_count +
           xlsx_indicators_rows(f);
}

void xlsx_summary_write(xlsx_book *b)
{
    const figures *f = b->f;
    summary_writer w = { b, b->sheet[XLSX_SHEET_SUMMARY], 0 };
    heading(&w);
    comparison_header(&w, "workbook.col_figure");
    key_figures(&w);
    w.row++;
    lxw_row_t header = w.row;
    lxw_row_t first = group_table(&w, "workbook.revenue_by_group", f->revenue_groups,
                                  f->revenue_group_count, b->rows.revenue_group);
    if (f->revenue_group_count > 0)
        group_chart(&w, first, w.row - 1, header);
    w.row++;
    group_table(&w, "workbook.expenses_by_group", f->expense_groups, f->expense_group_count,
                b->rows.expense_group);
    xlsx_indicators_write(b, w.ws, &w.row);
    xlsx_check(w.b, worksheet_set_column(w.ws, SC_LABEL, SC_LABEL, 42, NULL));
    xlsx_check(w.b, worksheet_set_column(w.ws, SC_CURRENT, SC_CHANGE, 17, NULL));
    xlsx_check(w.b, worksheet_set_column(w.ws, SC_PCT, SC_PCT, 11, NULL));
    xlsx_page_setup(b, w.ws, true, 0);
}
