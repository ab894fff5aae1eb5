/* xlsx_detail.c - the workbook's detail sheets: every ledger line and every
 * activity of the reported and previous years, streamed from the input
 * one row at a time (constant memory).  A sheet full at Excel's row limit
 * continues on "Ledger (2)", "Ledger (3)", ...; the formulas of the other
 * sheets sum over all of them (xlsx_detail_ifs, in xlsx_cells.c). */
#include "xlsx/xlsx.h"

#include <stdio.h>
#include <string.h>

static const char *const ledger_headers[XLSX_LEDGER_COL_COUNT] = {
    "workbook.col_date",  "workbook.col_account",      "workbook.col_account_name",
    "workbook.col_group", "workbook.col_counterparty", "workbook.col_memo",
    "workbook.col_ref",   ">workbook.col_amount",      "workbook.col_fiscal_year",
};

static const char *const activity_headers[XLSX_ACTIVITY_COL_COUNT] = {
    "workbook.col_date",          "workbook.col_axis",    "workbook.col_type",
    "workbook.col_title",         "workbook.col_partner", "workbook.col_region",
    ">workbook.col_participants", ">workbook.col_hours",  "workbook.col_fiscal_year",
};

typedef struct detail_walk {
    xlsx_book *b;
    xlsx_detail *det;
    const char *base; /* the first sheet's name */
    const char *const *headers;
    size_t cols;
} detail_walk;

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return n;
}

/* The first `chars` characters of s into buf. */
static void utf8_prefix(char *buf, size_t size, const char *s, size_t chars)
{
    size_t n = 0, seen = 0;
    for (; s[n] && n + 1 < size; n++) {
        if (((unsigned char)s[n] & 0xc0) != 0x80 && seen++ == chars)
            break;
        buf[n] = s[n];
    }
    while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
        n--; /* a character cut by size */
    buf[n] = '\0';
}

/* Adds the next sheet of the group with its header row. */
static lxw_worksheet *detail_sheet_add(detail_walk *w)
{
    xlsx_detail *det = w->det;
    if (det->count == XLSX_DETAIL_SHEETS_MAX) {
        xlsx_check(w->b, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
        return NULL;
    }
    char *name = det->name[det->count];
    size_t size = sizeof det->name[0];
    if (det->count == 0) {
        utf8_prefix(name, size, w->base, LXW_SHEETNAME_MAX);
    } else {
        char suffix[16];
        snprintf(suffix, sizeof suffix, " (%zu)", det->count + 1);
        utf8_prefix(name, size, w->base, LXW_SHEETNAME_MAX - strlen(suffix));
        strncat(name, suffix, size - strlen(name) - 1);
    }
    lxw_worksheet *ws = workbook_add_worksheet(w->b->wb, name);
    if (!ws) {
        xlsx_check(w->b, LXW_ERROR_SHEETNAME_ALREADY_USED);
        return NULL;
    }
    det->sheet[det->count] = ws;
    det->rows[det->count] = 0;
    det->count++;
    xlsx_headers(w->b, ws, 0, w->headers, w->cols);
    return ws;
}

/* The sheet the next row goes on, and its row. */
static lxw_worksheet *detail_next_row(detail_walk *w, lxw_row_t *row)
{
    xlsx_detail *det = w->det;
    if (det->count == 0 || det->rows[det->count - 1] + 1 >= w->b->max_rows)
        if (!detail_sheet_add(w))
            return NULL;
    *row = ++det->rows[det->count - 1];
    return det->sheet[det->count - 1];
}

static void detail_text(detail_walk *w, lxw_worksheet *ws, lxw_row_t row, int col, const char *text)
{
    xlsx_text(w->b, ws, row, (lxw_col_t)col, text, NULL);
    size_t chars = text ? utf8_chars(text) : 0;
    if (chars > w->det->width[col])
        w->det->width[col] = (unsigned)(chars > 60 ? 60 : chars);
}

static void detail_date(detail_walk *w, lxw_worksheet *ws, lxw_row_t row, date d)
{
    lxw_datetime dt = { d.year, d.month, d.day, 0, 0, 0 };
    xlsx_check(w->b, worksheet_write_datetime(ws, row, 0, &dt, w->b->fmt.date));
}

static int ledger_row(const ledger_detail *r, void *arg)
{
    detail_walk *w = arg;
    lxw_row_t row;
    lxw_worksheet *ws = detail_next_row(w, &row);
    if (!ws)
        return 1;
    detail_date(w, ws, row, r->date);
    detail_text(w, ws, row, XLSX_LEDGER_COL_ACCOUNT, r->account);
    detail_text(w, ws, row, XLSX_LEDGER_COL_ACCOUNT_NAME, r->account_name);
    detail_text(w, ws, row, XLSX_LEDGER_COL_GROUP, r->group);
    detail_text(w, ws, row, XLSX_LEDGER_COL_COUNTERPARTY, r->counterparty);
    detail_text(w, ws, row, XLSX_LEDGER_COL_MEMO, r->memo);
    detail_text(w, ws, row, XLSX_LEDGER_COL_REF, r->ref);
    xlsx_money(w->b, ws, row, XLSX_LEDGER_COL_AMOUNT, r->amount, w->b->fmt.money);
    detail_text(w, ws, row, XLSX_LEDGER_COL_YEAR, r->period->label);
    return w->b->err != LXW_NO_ERROR;
}

static int activity_row(const activity_detail *r, void *arg)
{
    detail_walk *w = arg;
    lxw_row_t row;
    lxw_worksheet *ws = detail_next_row(w, &row);
    if (!ws)
        return 1;
    detail_date(w, ws, row, r->date);
    detail_text(w, ws, row, XLSX_ACTIVITY_COL_AXIS, r->axis);
    detail_text(w, ws, row, XLSX_ACTIVITY_COL_TYPE, r->type);
    detail_text(w, ws, row, XLSX_ACTIVITY_COL_TITLE, r->title);
    detail_text(w, ws, row, XLSX_ACTIVITY_COL_PARTNER, r->partner);
    detail_text(w, ws, row, XLSX_ACTIVITY_COL_REGION, r->region);
    xlsx_count(w->b, ws, row, XLSX_ACTIVITY_COL_PARTICIPANTS, r->participants, w->b->fmt.count);
    xlsx_check(w->b, worksheet_write_number(ws, row, XLSX_ACTIVITY_COL_HOURS,
                                            xlsx_hundredths(r->hours), w->b->fmt.hours));
    detail_text(w, ws, row, XLSX_ACTIVITY_COL_YEAR, r->period->label);
    return w->b->err != LXW_NO_ERROR;
}

/* Widths from the widest text; numbers, dates and headers set a floor. */
static void detail_finish(detail_walk *w, const int *money_cols)
{
    xlsx_detail *det = w->det;
    for (size_t s = 0; s < det->count; s++) {
        lxw_worksheet *ws = det->sheet[s];
        for (size_t c = 0; c < w->cols; c++) {
            double width = det->width[c] + 2;
            if (width < 12)
                width = 12;
            if (money_cols[c] && width < 16)
                width = 16;
            xlsx_check(w->b, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width, NULL));
        }
        worksheet_freeze_panes(ws, 1, 0);
        xlsx_check(w->b, worksheet_autofilter(ws, 0, 0, det->rows[s], (lxw_col_t)(w->cols - 1)));
        xlsx_page_setup(w->b, ws, true, 1);
    }
}

static int detail_group(xlsx_book *b, xlsx_detail *det, const char *key, const char *const *headers,
                        size_t cols, bool ledger)
{
    detail_walk w = { b, det, xlsx_msg(b, key), headers, cols };
    if (!detail_sheet_add(&w))
        return 0;
    int rc = ledger ? b->src->each_ledger(b->src->ctx, ledger_row, &w)
                    : b->src->each_activity(b->src->ctx, activity_row, &w);
    if (rc != 0 && !b->err)
        b->walk_failed = ledger ? DETAIL_LEDGER : DETAIL_ACTIVITIES;
    static const int ledger_money[XLSX_LEDGER_COL_COUNT] = { [XLSX_LEDGER_COL_AMOUNT] = 1 };
    static const int activity_money[XLSX_ACTIVITY_COL_COUNT] = {
        [XLSX_ACTIVITY_COL_PARTICIPANTS] = 1,
        [XLSX_ACTIVITY_COL_HOURS] = 1,
    };
    detail_finish(&w, ledger ? ledger_money : activity_money);
    return rc;
}

/* Adds and fills the detail sheets (after the sheets of XLSX_SHEETS, so
 * they come last).  Returns the walk's non-zero value when it stopped. */
int xlsx_detail_write(xlsx_book *b)
{
    int rc = detail_group(b, &b->ledger, "workbook.sheet_ledger", ledger_headers,
                          XLSX_LEDGER_COL_COUNT, true);
    if (rc != 0 || b->err)
        return rc;
    return detail_group(b, &b->activity, "workbook.sheet_activity_detail", activity_headers,
                        XLSX_ACTIVITY_COL_COUNT, false);
}
