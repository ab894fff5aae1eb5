/* xlsx_activity.c - the activity sheets of the workbook: activities,
 * participants and hours by axis and by type, and the partners and
 * regions of the reported year.
 *
 * Counts are COUNTIFS and sums SUMIFS over the activity detail sheet (by
 * axis, type and the fiscal-year label of the column header), or plain
 * numbers when the detail sheets are off.  Partners and regions are
 * counted after Unicode case folding, which no formula can redo: they are
 * numbers. */
#include "xlsx/xlsx.h"

#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { AC_AXIS, AC_TYPE, AC_COUNT = 2, AC_PARTICIPANTS = 6, AC_HOURS = 10, AC_END = 14 };

typedef struct activity_writer {
    xlsx_book *b;
    lxw_worksheet *ws;
    lxw_row_t row;
} activity_writer;

/* One block's two value cells: COUNTIFS/SUMIFS over the detail when
 * formula, else numbers; then change and change %. */
static void block(activity_writer *w, lxw_col_t col, int value_col, bool by_type, const figure *fig,
                  bool hundredths, bool formula)
{
    xlsx_book *b = w->b;
    lxw_format *fmt = hundredths ? b->fmt.hours : b->fmt.count;
    for (lxw_col_t c = col; c <= col + 1; c++) {
        int64_t v = c == col ? fig->current : fig->previous;
        double cached = hundredths ? xlsx_hundredths(v) : (double)v;
        char axis_ref[16], type_ref[16], year_ref[16], letter[8];
        char ifs[XLSX_FORMULA_MAX];
        snprintf(axis_ref, sizeof axis_ref, "$A%lu", (unsigned long)w->row + 1);
        snprintf(type_ref, sizeof type_ref, "$B%lu", (unsigned long)w->row + 1);
        lxw_col_to_name(letter, c, LXW_FALSE);
        snprintf(year_ref, sizeof year_ref, "%s$2", letter);
        int cols[] = { XLSX_ACTIVITY_COL_YEAR, XLSX_ACTIVITY_COL_AXIS, XLSX_ACTIVITY_COL_TYPE };
        const char *refs[] = { year_ref, axis_ref, type_ref };
        if (formula &&
            xlsx_detail_ifs(&b->activity, value_col, cols, refs, by_type ? 3 : 2, ifs, sizeof ifs))
            xlsx_formula(b, w->ws, w->row, c, fmt, cached, "=%s", ifs);
        else
            xlsx_check(b, worksheet_write_number(w->ws, w->row, c, cached, fmt));
    }
    xlsx_change(b, w->ws, w->row, (lxw_col_t)(col + 2), fig, hundredths, fmt, b->fmt.pct);
}

static void axis_rows(activity_writer *w)
{
    const figures *f = w->b->f;
    const char **names = xcalloc(f->axis_count + 1, sizeof *names);
    for (size_t i = 0; i < f->axis_count; i++)
        names[i] = f->axes[i].axis;
    /* formulas only over detail sheets: no need to know otherwise */
    bool *usable = w->b->detail ? xlsx_criteria_usable(names, NULL, f->axis_count) : NULL;
    for (size_t i = 0; i < f->axis_count; i++, w->row++) {
        const axis_figure *a = &f->axes[i];
        bool formula = usable && usable[i];
        xlsx_text(w->b, w->ws, w->row, AC_AXIS, a->axis, NULL);
        block(w, AC_COUNT, -1, false, &a->count, false, formula);
        block(w, AC_PARTICIPANTS, XLSX_ACTIVITY_COL_PARTICIPANTS, false, &a->participants, false,
              formula);
        block(w, AC_HOURS, XLSX_ACTIVITY_COL_HOURS, false, &a->hours, true, formula);
    }
    free(usable);
    free(names);
}

/* The total row over the axis rows first..row-1: SUM formulas, cached
 * from the activity figures. */
static void axis_total(activity_writer *w, lxw_row_t first)
{
    xlsx_book *b = w->b;
    const figures *f = b->f;
    const struct {
        lxw_col_t col;
        const figure *fig;
        bool hundredths;
    } blocks[] = {
        { AC_COUNT, &f->activity_count, false },
        { AC_PARTICIPANTS, &f->participants, false },
        { AC_HOURS, &f->hours, true },
    };
    xlsx_text(b, w->ws, w->row, AC_AXIS, xlsx_msg(b, "workbook.total"), b->fmt.bold);
    for (size_t k = 0; k < 3; k++) {
        lxw_format *fmt = blocks[k].hundredths ? b->fmt.hours_total : b->fmt.count_total;
        for (lxw_col_t c = blocks[k].col; c <= blocks[k].col + 1; c++) {
            int64_t v = c == blocks[k].col ? blocks[k].fig->current : blocks[k].fig->previous;
            double cached = blocks[k].hundredths ? xlsx_hundredths(v) : (double)v;
            char letter[8];
            lxw_col_to_name(letter, c, LXW_FALSE);
            if (w->row > first)
                xlsx_formula(b, w->ws, w->row, c, fmt, cached, "=SUM(%s%lu:%s%lu)", letter,
                             (unsigned long)first + 1, letter, (unsigned long)w->row);
            else
                xlsx_check(b, worksheet_write_number(w->ws, w->row, c, cached, fmt));
        }
        xlsx_change(b, w->ws, w->row, (lxw_col_t)(blocks[k].col + 2), blocks[k].fig,
                    blocks[k].hundredths, fmt, b->fmt.pct_total);
    }
    b->activity_total = w->row++;
}

static void type_rows(activity_writer *w)
{
    const figures *f = w->b->f;
    const char **types = xcalloc(f->type_count + 1, sizeof *types);
    const char **axes = xcalloc(f->type_count + 1, sizeof *axes);
    for (size_t i = 0; i < f->type_count; i++) {
        types[i] = f->types[i].type;
        axes[i] = f->types[i].axis;
    }
    bool *usable = w->b->detail ? xlsx_criteria_usable(axes, types, f->type_count) : NULL;
    for (size_t i = 0; i < f->type_count; i++, w->row++) {
        const type_figure *t = &f->types[i];
        bool formula = usable && usable[i];
        xlsx_text(w->b, w->ws, w->row, AC_AXIS, t->axis, NULL);
        xlsx_text(w->b, w->ws, w->row, AC_TYPE, t->type, NULL);
        block(w, AC_COUNT, -1, true, &t->count, false, formula);
        block(w, AC_PARTICIPANTS, XLSX_ACTIVITY_COL_PARTICIPANTS, true, &t->participants, false,
              formula);
    }
    free(usable);
    free(types);
    free(axes);
}

static void activity_headers(activity_writer *w)
{
    xlsx_book *b = w->b;
    for (lxw_col_t c = 0; c < AC_END; c++)
        xlsx_text(b, w->ws, 0, c, "", b->fmt.header);
    xlsx_text(b, w->ws, 0, AC_COUNT, xlsx_msg(b, "workbook.activities"), b->fmt.header);
    xlsx_text(b, w->ws, 0, AC_PARTICIPANTS, xlsx_msg(b, "workbook.participants"), b->fmt.header);
    xlsx_text(b, w->ws, 0, AC_HOURS, xlsx_msg(b, "workbook.hours"), b->fmt.header);
    static const char *const keys[] = { "workbook.col_axis", "workbook.col_type" };
    xlsx_headers(b, w->ws, 1, keys, 2);
    xlsx_year_headers(b, w->ws, 1, AC_COUNT);
    xlsx_year_headers(b, w->ws, 1, AC_PARTICIPANTS);
    xlsx_year_headers(b, w->ws, 1, AC_HOURS);
}

/* Two header rows; a title, the axes, their total and a blank; a title
 * and the (type, axis) rows. */
size_t xlsx_activities_rows(const figures *f)
{
    return 6 + f->axis_count + f->type_count;
}

/* Activities: by axis with a total row, then by (type, axis). */
void xlsx_activities_write(xlsx_book *b)
{
    activity_writer w = { b, b->sheet[XLSX_SHEET_ACTIVITIES], 2 };
    activity_headers(&w);
    xlsx_text(b, w.ws, w.row++, AC_AXIS, xlsx_msg(b, "workbook.by_axis"), b->fmt.section);
    lxw_row_t first = w.row;
    axis_rows(&w);
    axis_total(&w, first);
    w.row++;
    xlsx_text(b, w.ws, w.row++, AC_AXIS, xlsx_msg(b, "workbook.by_type"), b->fmt.section);
    type_rows(&w);
    xlsx_check(w.b, worksheet_set_column(w.ws, AC_AXIS, AC_TYPE, 28, NULL));
    xlsx_check(w.b, worksheet_set_column(w.ws, AC_COUNT, AC_END - 1, 12, NULL));
    worksheet_freeze_panes(w.ws, 2, 2);
    xlsx_page_setup(b, w.ws, true, 2);
}

static lxw_row_t place_list(xlsx_book *b, lxw_row_t row, const char *name_key,
                            const partner_figure *items, size_t count)
{
    lxw_worksheet *ws = b->sheet[XLSX_SHEET_PARTNERS];
    static const char *const headers[] = { "", ">workbook.col_activities",
                                           ">workbook.col_participants" };
    xlsx_headers(b, ws, row, headers, 3);
    xlsx_text(b, ws, row++, 0, xlsx_msg(b, name_key), b->fmt.header);
    for (size_t i = 0; i < count; i++, row++) {
        xlsx_text(b, ws, row, 0, items[i].name, NULL);
        xlsx_count(b, ws, row, 1, items[i].activities, b->fmt.count);
        xlsx_count(b, ws, row, 2, items[i].participants, b->fmt.count);
    }
    return row;
}

/* The partners under their header, a blank, the regions under theirs. */
size_t xlsx_partners_rows(const figures *f)
{
    return 3 + f->partner_list_count + f->region_list_count;
}

/* Partners ("complicités") and regions of the reported year. */
void xlsx_partners_write(xlsx_book *b)
{
    const figures *f = b->f;
    lxw_worksheet *ws = b->sheet[XLSX_SHEET_PARTNERS];
    lxw_row_t row = place_list(b, 0, "workbook.col_partner", f->partners, f->partner_list_count);
    place_list(b, row + 1, "workbook.col_region", f->regions, f->region_list_count);
    xlsx_check(b, worksheet_set_column(ws, 0, 0, 40, NULL));
    xlsx_check(b, worksheet_set_column(ws, 1, 2, 14, NULL));
    worksheet_freeze_panes(ws, 1, 0);
    xlsx_page_setup(b, ws, false, 1);
}
