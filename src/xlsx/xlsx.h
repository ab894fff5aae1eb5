/* xlsx.h - the workbook renderer's insides, shared by render_xlsx.c (the
 * workbook as a whole) and the xlsx_*.c files below it: one per group of
 * sheets, xlsx_cells.c for what they all write with.  Not a public
 * interface: the program and the unit tests call render_xlsx() (render.h).
 *
 * The workbook is written in libxlsxwriter's constant-memory mode: each
 * sheet keeps only its current row in memory, so every sheet is written
 * top to bottom.  The detail sheets are written first (their row counts
 * decide the ranges the formulas of the other sheets refer to), then the
 * summary sheets, whose layout is planned from the figures alone. */
#ifndef BILAN_XLSX_H
#define BILAN_XLSX_H

#include "lib/diag.h"
#include "figures.h"
#include "figure_registry.h"
#include "detail.h"
#include "report/messages.h"
#include "render.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xlsxwriter.h>

/* The sheets before the detail sheets, in the order they are added (the
 * order a reader sees them): id, catalogue key of the name, writer, the
 * rows it will need (counted from the figures before anything is written),
 * the input its lists come from, and whether it is written after the
 * others (the summary refers to rows they placed).  render_xlsx.c makes
 * its sheet table from this list; a sheet writer refers to a sheet as
 * b->sheet[XLSX_SHEET_id].  A sheet whose rows function says 0 is not in
 * the workbook (b->sheet[id] is NULL): the statements' sheets without
 * their input. */
#define XLSX_SHEETS(X)                                                                             \
    X(SUMMARY, "workbook.sheet_summary", xlsx_summary_write, xlsx_summary_rows, DETAIL_LEDGER,     \
      true)                                                                                        \
    X(FINANCES, "workbook.sheet_finances", xlsx_finances_write, xlsx_finances_rows, DETAIL_LEDGER, \
      false)                                                                                       \
    X(FUNDERS, "workbook.sheet_funders", xlsx_funders_write, xlsx_funders_rows, DETAIL_LEDGER,     \
      false)                                                                                       \
    X(ACTIVITIES, "workbook.sheet_activities", xlsx_activities_write, xlsx_activities_rows,        \
      DETAIL_ACTIVITIES, false)                                                                    \
    X(PARTNERS, "workbook.sheet_partners", xlsx_partners_write, xlsx_partners_rows,                \
      DETAIL_ACTIVITIES, false)                                                                    \
    X(HISTORY, "workbook.sheet_history", xlsx_history_write, xlsx_history_rows, DETAIL_LEDGER,     \
      false)                                                                                       \
    X(BUDGET, "workbook.sheet_budget", xlsx_budget_write, xlsx_budget_rows, DETAIL_LEDGER, false)  \
    X(POSITION, "workbook.sheet_position", xlsx_position_write, xlsx_position_rows, DETAIL_LEDGER, \
      false)

#define XLSX_SHEET_ID(id, key, writer, rows, from, last) XLSX_SHEET_##id,
typedef enum xlsx_sheet { XLSX_SHEETS(XLSX_SHEET_ID) XLSX_SHEET_COUNT } xlsx_sheet;
#undef XLSX_SHEET_ID

/* The cell formats, made once per workbook. */
typedef struct xlsx_formats {
    lxw_format *title, *subtitle, *header, *header_right, *section;
    lxw_format *bold, *date;
    lxw_format *money, *money_total, *count, *count_total;
    lxw_format *hours, *hours_total, *pct, *pct_total;
} xlsx_formats;

/* A detail sheet and its continuations past Excel's row limit. */
enum { XLSX_DETAIL_SHEETS_MAX = 64 };
typedef struct xlsx_detail {
    lxw_worksheet *sheet[XLSX_DETAIL_SHEETS_MAX];
    char name[XLSX_DETAIL_SHEETS_MAX][LXW_SHEETNAME_MAX * 4 + 1];
    lxw_row_t rows[XLSX_DETAIL_SHEETS_MAX]; /* data rows on each */
    size_t count;
    unsigned width[16]; /* widest text per column */
} xlsx_detail;

/* Where the finance sheet put the rows that other sheets refer to. */
typedef struct xlsx_finance_rows {
    lxw_row_t revenue_total, expense_total, net;
    lxw_row_t *revenue_group, *expense_group; /* subtotal row per group */
} xlsx_finance_rows;

/* A catalogue text and its copy made safe for XML (xlsx_msg). */
typedef struct xlsx_safe_msg {
    const char *raw;
    char *safe;
} xlsx_safe_msg;

typedef struct xlsx_book {
    lxw_workbook *wb;
    const figures *f;
    const detail_source *src;
    messages *msg;
    xlsx_safe_msg *safe_msg; /* the catalogue texts that needed a copy */
    size_t safe_msg_count;
    xlsx_formats fmt;
    bool detail;        /* the detail sheets are written */
    lxw_row_t max_rows; /* rows per detail sheet (the others are
                                  checked against LXW_ROW_MAX) */
    lxw_error err;      /* the first libxlsxwriter error */
    int walk_failed;    /* -1, or the detail_kind read again in vain */

    lxw_worksheet *sheet[XLSX_SHEET_COUNT];
    char sheet_name[XLSX_SHEET_COUNT][LXW_SHEETNAME_MAX * 4 + 1];
    xlsx_detail ledger, activity;
    xlsx_finance_rows rows;
    lxw_row_t activity_total; /* total row of the activities sheet */
    char header[LXW_HEADER_FOOTER_MAX + 1], footer[LXW_HEADER_FOOTER_MAX + 1];
} xlsx_book;

enum { XLSX_FORMULA_MAX = 8192 }; /* Excel's limit on a formula's length */

/* xlsx_cells.c: formats, cells, formulas and sheet set-up. */
void xlsx_formats_make(xlsx_book *b);
double xlsx_hundredths(int64_t value);
char *xlsx_safe_text(const char *s, bool cell);
const char *xlsx_msg(xlsx_book *b, const char *key);
void xlsx_msg_free(xlsx_book *b);
void xlsx_check(xlsx_book *b, lxw_error err);
void *xlsx_need(void *object);
void xlsx_text(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
               lxw_format *format);
void xlsx_money(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int64_t cents,
                lxw_format *format);
void xlsx_count(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int64_t n,
                lxw_format *format);
void xlsx_formula(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_format *format,
                  double cached, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void xlsx_change(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const figure *fig,
                 bool hundredths, lxw_format *value_format, lxw_format *pct_format);
/* A total's money cell: the sum of column col's cells in rows (count of
 * them), or of its range first..last when rows is NULL, as a formula
 * whose cached value is cents; cents as a number when there is nothing to
 * add. */
void xlsx_total_cell(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int64_t cents,
                     const lxw_row_t *rows, size_t count, lxw_row_t first, lxw_row_t last);
/* Titles the chart (the catalogue's key), puts its legend below and its
 * values as "#,##0", and inserts it at (row, col) with opt. */
void xlsx_chart_insert(xlsx_book *b, lxw_worksheet *ws, lxw_chart *chart, const char *title_key,
                       lxw_row_t row, lxw_col_t col, lxw_chart_options *opt);
/* The catalogue's word for a change % that is not a percentage:
 * "nouveau", "—", "n.s." ("" for FIGURE_PCT_VALUE). */
const char *xlsx_pct_word(xlsx_book *b, figure_pct pct);
/* A change % cell: (cur - base) / base when the cell base is above 0,
 * else words[0] (base 0, cur not 0), words[1] (both 0) or words[2] (base
 * below 0), as a formula; its cached result the percentage (tenths) or the
 * word of pct. */
void xlsx_pct_cell(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *cur,
                   const char *base, const char *const words[3], figure_pct pct, int64_t tenths,
                   lxw_format *format);
void xlsx_headers(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, const char *const *keys,
                  size_t count);
void xlsx_year_headers(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col);
void xlsx_page_setup(xlsx_book *b, lxw_worksheet *ws, bool landscape, lxw_row_t header_rows);
const char *xlsx_quoted(const char *sheet, char *buf, size_t size);
/* Writes to buf the sum over every sheet of the group:
 * "SUMIFS(S!$H$2:$H$9,S!$B$2:$B$9,$A5,...)+SUMIFS(...)"; value_col < 0
 * gives COUNTIFS.  crit_cols/crit_refs pair a detail column with a cell.
 * False when there is no sheet or the formula does not fit in size. */
bool xlsx_detail_ifs(const xlsx_detail *det, int value_col, const int *crit_cols,
                     const char *const *crit_refs, size_t crit_count, char *buf, size_t size);

/* xlsx_criteria.c: which names SUMIFS/COUNTIFS can match. */
bool xlsx_criterion_safe(const char *text);
bool *xlsx_criteria_usable(const char *const *first, const char *const *second, size_t count);

/* xlsx_detail.c: the ledger and activity detail sheets. */
int xlsx_detail_write(xlsx_book *b);

/* xlsx_finance.c: revenue and expenses, funders, history.  Each sheet
 * writer has a _rows function: the rows it will write for figures f. */
void xlsx_finances_write(xlsx_book *b);
void xlsx_funders_write(xlsx_book *b);
void xlsx_history_write(xlsx_book *b);
size_t xlsx_finances_rows(const figures *f);
size_t xlsx_funders_rows(const figures *f);
size_t xlsx_history_rows(const figures *f);

/* xlsx_activity.c: activities by axis and type, partners. */
void xlsx_activities_write(xlsx_book *b);
void xlsx_partners_write(xlsx_book *b);
size_t xlsx_activities_rows(const figures *f);
size_t xlsx_partners_rows(const figures *f);

/* xlsx_verify.c: 0 when every XML part of the workbook at path is whole
 * (libxlsxwriter does not see failed writes of its temporary files);
 * else -1 with the reason in why. */
int xlsx_verify(const char *path, char *why, size_t size);

/* xlsx_budget.c: the budget and the forecast against the actuals (absent
 * without budget.csv). */
void xlsx_budget_write(xlsx_book *b);
size_t xlsx_budget_rows(const figures *f);

/* xlsx_position.c: the statement of financial position (absent without
 * a position). */
void xlsx_position_write(xlsx_book *b);
size_t xlsx_position_rows(const figures *f);

/* xlsx_indicators.c: the indicators' rows of the summary, from *row on
 * (a blank, a header, a row each); *row is moved past them.  Its rows
 * function gives 0 without indicators. */
void xlsx_indicators_write(xlsx_book *b, lxw_worksheet *ws, lxw_row_t *row);
size_t xlsx_indicators_rows(const figures *f);

/* xlsx_summary.c: key figures, defined names, the revenue chart. */
void xlsx_summary_write(xlsx_book *b);
size_t xlsx_summary_rows(const figures *f);

/* Ledger and activity detail columns (xlsx_detail.c writes them). */
enum {
    XLSX_LEDGER_COL_DATE,
    XLSX_LEDGER_COL_ACCOUNT,
    XLSX_LEDGER_COL_ACCOUNT_NAME,
    XLSX_LEDGER_COL_GROUP,
    XLSX_LEDGER_COL_COUNTERPARTY,
    XLSX_LEDGER_COL_MEMO,
    XLSX_LEDGER_COL_REF,
    XLSX_LEDGER_COL_AMOUNT,
    XLSX_LEDGER_COL_YEAR,
    XLSX_LEDGER_COL_COUNT
};
enum {
    XLSX_ACTIVITY_COL_DATE,
    XLSX_ACTIVITY_COL_AXIS,
    XLSX_ACTIVITY_COL_TYPE,
    XLSX_ACTIVITY_COL_TITLE,
    XLSX_ACTIVITY_COL_PARTNER,
    XLSX_ACTIVITY_COL_REGION,
    XLSX_ACTIVITY_COL_PARTICIPANTS,
    XLSX_ACTIVITY_COL_HOURS,
    XLSX_ACTIVITY_COL_YEAR,
    XLSX_ACTIVITY_COL_COUNT
};

#endif
