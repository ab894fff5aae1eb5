/* xlsx_book.c - the workbook as a whole: formats, sheet set-up, document
 * properties, the order sheets are written in, and the cell helpers every
 * sheet uses (safe text, money, formulas with their cached results).
 *
 * Number formats use Excel's placeholders ("," thousands, "." decimals);
 * the viewer's locale decides the characters shown, so a French Excel shows
 * 1 234,56 $ and an English one $1,234.56.  The currency symbol's place
 * follows the report's language. */
#include "report/fmt.h"
#include "xlsx/xlsx.h"

#include "lib/xalloc.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The one place where an exact integer (cents, hundredths of an hour)
 * becomes a double: the xlsx format stores numbers, and the cached results
 * of formulas, as floating point.  Nothing is computed from the result. */
double xlsx_hundredths(int64_t value)
{
    return (double)value / 100;
}

const char *xlsx_msg(const xlsx_book *b, const char *key)
{
    return messages_get(b->msg, key);
}

/* Keeps the first error: later calls often fail because of it. */
void xlsx_check(xlsx_book *b, lxw_error err)
{
    if (err != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
        b->err = err;
}

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* "_x0041_" in a cell's text is an escape to Excel: the literal needs its
 * underscore escaped as "_x005F". */
static bool is_escape_at(const char *s)
{
    return s[0] == '_' && (s[1] == 'x' || s[1] == 'X') && is_hex(s[2]) && is_hex(s[3]) &&
           is_hex(s[4]) && is_hex(s[5]) && s[6] == '_';
}

static bool is_control(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
}

enum { XLSX_TEXT_MAX = 32767 };   /* characters in a cell */

/* Whether text can go into a cell as it is: no control characters (not
 * allowed in XML), no "_xHHHH_", not longer than a cell holds. */
static bool text_clean(const char *s)
{
    size_t chars = 0;
    for (const char *p = s; *p; p++) {
        if (is_control((unsigned char)*p) || is_escape_at(p))
            return false;
        if (((unsigned char)*p & 0xc0) != 0x80)
            chars++;
    }
    return chars <= XLSX_TEXT_MAX;
}

/* A copy of s that a cell can hold: control characters become spaces,
 * "_xHHHH_" is escaped, and the text is cut at a cell's length. */
static char *text_cleaned(const char *s)
{
    char *out = xmalloc(strlen(s) * 7 + 1);
    size_t n = 0, chars = 0;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if ((c & 0xc0) != 0x80 && ++chars > XLSX_TEXT_MAX - 6)
            break;
        if (is_escape_at(p)) {
            memcpy(out + n, "_x005F", 6);
            n += 6;
        }
        out[n++] = is_control(c) ? ' ' : (char)c;
    }
    out[n] = '\0';
    return out;
}

/* Data text is only ever written as a string cell: a counterparty named
 * "=HYPERLINK(...)" stays text and never becomes a formula. */
void xlsx_text(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
               const char *text, lxw_format *format)
{
    if (!text || !*text) {
        if (format)
            xlsx_check(b, worksheet_write_blank(ws, row, col, format));
        return;
    }
    if (text_clean(text)) {
        xlsx_check(b, worksheet_write_string(ws, row, col, text, format));
        return;
    }
    char *copy = text_cleaned(text);
    xlsx_check(b, worksheet_write_string(ws, row, col, copy, format));
    free(copy);
}

void xlsx_money(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                int64_t cents, lxw_format *format)
{
    xlsx_check(b, worksheet_write_number(ws, row, col, xlsx_hundredths(cents), format));
}

void xlsx_count(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                int64_t n, lxw_format *format)
{
    xlsx_check(b, worksheet_write_number(ws, row, col, (double)n, format));
}

/* A formula built by the program (cell references, sheet names and fixed
 * labels only) with its cached result.  fmt never carries data text. */
void xlsx_formula(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                  lxw_format *format, double cached, const char *fmt, ...)
{
    char formula[XLSX_FORMULA_MAX + 1];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(formula, sizeof formula, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof formula) {
        xlsx_check(b, LXW_ERROR_255_STRING_LENGTH_EXCEEDED);
        return;
    }
    xlsx_check(b, worksheet_write_formula_num(ws, row, col, formula, format, cached));
}

/* The language's "new" as a formula string literal (quotes doubled). */
static void new_literal(const xlsx_book *b, char *buf, size_t size)
{
    const char *s = xlsx_msg(b, "workbook.new");
    size_t n = 0;
    for (; *s && n + 3 < size; s++) {
        if (*s == '"')
            buf[n++] = '"';
        buf[n++] = *s;
    }
    buf[n] = '\0';
}

/* Change and change % at col and col+1, from the current value at col-2
 * and the previous at col-1; cached results from the figure (in
 * hundredths for money and hours, units for counts).  A zero
 * previous year shows "new", never #DIV/0!. */
void xlsx_change(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                 const figure *fig, bool hundredths, lxw_format *value_format,
                 lxw_format *pct_format)
{
    char cur[16], prev[16], fresh[128];
    lxw_rowcol_to_cell(cur, row, (lxw_col_t)(col - 2));
    lxw_rowcol_to_cell(prev, row, (lxw_col_t)(col - 1));
    double change = hundredths ? xlsx_hundredths(fig->change) : (double)fig->change;
    xlsx_formula(b, ws, row, col, value_format, change,
                 "=%s-%s", cur, prev);
    new_literal(b, fresh, sizeof fresh);
    char formula[256];
    snprintf(formula, sizeof formula, "=IF(%s=0,\"%s\",ROUND((%s-%s)/ABS(%s),3))",
             prev, fresh, cur, prev, prev);
    if (fig->has_pct)
        xlsx_check(b, worksheet_write_formula_num(ws, row, (lxw_col_t)(col + 1), formula,
                                                  pct_format,
                                                  (double)fig->change_pct_tenths / 1000));
    else
        xlsx_check(b, worksheet_write_formula_str(ws, row, (lxw_col_t)(col + 1), formula,
                                                  pct_format, xlsx_msg(b, "workbook.new")));
}

/* A header row from catalogue keys; keys ending in a number column are
 * right-aligned when they start with '>' ("> workbook.col_amount"). */
void xlsx_headers(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row,
                  const char *const *keys, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        const char *key = keys[i];
        lxw_format *format = b->fmt.header;
        if (key[0] == '>') {
            format = b->fmt.header_right;
            key++;
        }
        xlsx_text(b, ws, row, (lxw_col_t)i, *key ? xlsx_msg(b, key) : "", format);
    }
}

/* The four columns of a comparison from col: the two year labels, change,
 * change %.  Formulas use the year cells as SUMIFS criteria. */
void xlsx_year_headers(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
    xlsx_text(b, ws, row, col, b->f->current.label, b->fmt.header_right);
    xlsx_text(b, ws, row, (lxw_col_t)(col + 1), b->f->previous.label, b->fmt.header_right);
    xlsx_text(b, ws, row, (lxw_col_t)(col + 2), xlsx_msg(b, "workbook.col_change"),
              b->fmt.header_right);
    xlsx_text(b, ws, row, (lxw_col_t)(col + 3), xlsx_msg(b, "workbook.col_change_pct"),
              b->fmt.header_right);
}

/* Printing: one page wide, header rows repeated, organisation, sheet and
 * year at the top, page numbers at the bottom.  No "number stored as
 * text" marks. */
void xlsx_page_setup(xlsx_book *b, lxw_worksheet *ws, bool landscape, lxw_row_t header_rows)
{
    if (landscape)
        worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    if (header_rows > 0)
        xlsx_check(b, worksheet_repeat_rows(ws, 0, header_rows - 1));
    xlsx_check(b, worksheet_set_header(ws, b->header));
    xlsx_check(b, worksheet_set_footer(ws, b->footer));
    worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.75);
    /* account codes and year labels are text on purpose */
    xlsx_check(b, worksheet_ignore_errors(ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT,
                                          "A1:XFD1048576"));
}

/* 'name' with quotes doubled, for a formula's sheet reference. */
const char *xlsx_quoted(const char *sheet, char *buf, size_t size)
{
    size_t n = 0;
    buf[n++] = '\'';
    for (const char *p = sheet; *p && n + 3 < size; p++) {
        if (*p == '\'')
            buf[n++] = '\'';
        buf[n++] = *p;
    }
    buf[n++] = '\'';
    buf[n] = '\0';
    return buf;
}

static lxw_format *add_format(xlsx_book *b, const char *num_format, bool bold, bool total)
{
    lxw_format *format = workbook_add_format(b->wb);
    if (num_format)
        format_set_num_format(format, num_format);
    if (bold)
        format_set_bold(format);
    if (total) {
        format_set_top(format, LXW_BORDER_THIN);
        format_set_bold(format);
    }
    return format;
}

/* Money: thousands separators, two decimals, the symbol where the
 * language puts it; negatives in red and in parentheses. */
static void formats_make(xlsx_book *b)
{
    xlsx_formats *x = &b->fmt;
    const char *sym = fmt_currency_symbol(b->f->config ? b->f->config->currency : NULL);
    char money[128];
    if (b->f->lang == LANG_FR)
        snprintf(money, sizeof money, "#,##0.00\\ \"%s\";[Red](#,##0.00\\ \"%s\")", sym, sym);
    else
        snprintf(money, sizeof money, "\"%s\"#,##0.00;[Red](\"%s\"#,##0.00)", sym, sym);
    const char *pct = "+0.0%;[Red]-0.0%;0.0%";
    const char *count = "#,##0;[Red]-#,##0";
    const char *hours = "#,##0.00;[Red]-#,##0.00";

    x->title = add_format(b, NULL, true, false);
    format_set_font_size(x->title, 14);
    x->subtitle = add_format(b, NULL, false, false);
    format_set_italic(x->subtitle);
    x->header = add_format(b, NULL, true, false);
    format_set_bottom(x->header, LXW_BORDER_THIN);
    format_set_bg_color(x->header, 0xDDE4EE);
    format_set_text_wrap(x->header);
    format_set_align(x->header, LXW_ALIGN_VERTICAL_TOP);
    x->header_right = add_format(b, NULL, true, false);
    format_set_bottom(x->header_right, LXW_BORDER_THIN);
    format_set_bg_color(x->header_right, 0xDDE4EE);
    format_set_text_wrap(x->header_right);
    format_set_align(x->header_right, LXW_ALIGN_RIGHT);
    format_set_align(x->header_right, LXW_ALIGN_VERTICAL_TOP);
    x->section = add_format(b, NULL, true, false);
    format_set_font_size(x->section, 12);
    x->bold = add_format(b, NULL, true, false);
    x->date = add_format(b, "yyyy-mm-dd", false, false);
    x->money = add_format(b, money, false, false);
    x->money_total = add_format(b, money, false, true);
    x->count = add_format(b, count, false, false);
    x->count_total = add_format(b, count, false, true);
    x->hours = add_format(b, hours, false, false);
    x->hours_total = add_format(b, hours, false, true);
    x->pct = add_format(b, pct, false, false);
    format_set_align(x->pct, LXW_ALIGN_RIGHT);
    x->pct_total = add_format(b, pct, false, true);
    format_set_align(x->pct_total, LXW_ALIGN_RIGHT);
}

/* Appends text to buf with '&' doubled (header/footer codes start with &),
 * keeping within size and whole UTF-8 characters. */
static void append_escaped(char *buf, size_t size, const char *text, size_t limit)
{
    size_t n = strlen(buf), start = n;
    for (const char *p = text; *p && n + 3 < size && n - start < limit; p++) {
        if (*p == '&')
            buf[n++] = '&';
        buf[n++] = *p;
    }
    while (n > start && ((unsigned char)buf[n - 1] & 0x80)) {
        /* drop a cut multi-byte character */
        size_t k = n - 1;
        while (k > start && ((unsigned char)buf[k] & 0xc0) == 0x80)
            k--;
        unsigned char lead = (unsigned char)buf[k];
        size_t want = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
        if (n - k == want)
            break;
        n = k;
    }
    buf[n] = '\0';
}

static void header_footer_make(xlsx_book *b)
{
    const char *org = b->f->config && b->f->config->org_name ? b->f->config->org_name : "";
    snprintf(b->header, sizeof b->header, "&L");
    append_escaped(b->header, sizeof b->header, org, 160);
    size_t n = strlen(b->header);
    snprintf(b->header + n, sizeof b->header - n, "&C&A&R%s", b->f->current.label);
    snprintf(b->footer, sizeof b->footer, "&C");
    append_escaped(b->footer, sizeof b->footer, xlsx_msg(b, "workbook.page"), 60);
    n = strlen(b->footer);
    snprintf(b->footer + n, sizeof b->footer - n, " &P / &N");
}

static void properties_set(xlsx_book *b, const render_context *ctx)
{
    const config *cfg = b->f->config;
    char title[512];
    snprintf(title, sizeof title, "%s %s", cfg && cfg->title ? cfg->title : "",
             b->f->current.label);
    lxw_doc_properties props = {
        .title = title,
        .subject = (char *)xlsx_msg(b, "workbook.subject"),
        .author = cfg ? cfg->org_name : NULL,
        .company = cfg ? cfg->org_name : NULL,
        .created = ctx->timestamp,
    };
    xlsx_check(b, workbook_set_properties(b->wb, &props));
}

static lxw_worksheet *add_sheet(xlsx_book *b, int which, const char *key)
{
    snprintf(b->sheet_name[which], sizeof b->sheet_name[which], "%s", xlsx_msg(b, key));
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, b->sheet_name[which]);
    if (!ws)
        xlsx_check(b, LXW_ERROR_SHEETNAME_ALREADY_USED);
    return ws;
}

static bool sheets_add(xlsx_book *b)
{
    b->summary = add_sheet(b, XLSX_SHEET_SUMMARY, "workbook.sheet_summary");
    b->finances = add_sheet(b, XLSX_SHEET_FINANCES, "workbook.sheet_finances");
    b->funders = add_sheet(b, XLSX_SHEET_FUNDERS, "workbook.sheet_funders");
    b->activities = add_sheet(b, XLSX_SHEET_ACTIVITIES, "workbook.sheet_activities");
    b->partners = add_sheet(b, XLSX_SHEET_PARTNERS, "workbook.sheet_partners");
    b->history = add_sheet(b, XLSX_SHEET_HISTORY, "workbook.sheet_history");
    return b->summary && b->finances && b->funders && b->activities && b->partners &&
           b->history;
}

/* The directory of path, for libxlsxwriter's temporary files: the output
 * folder has room for the output, /tmp may not. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

static void sheets_write(xlsx_book *b)
{
    xlsx_finances_write(b);
    xlsx_funders_write(b);
    xlsx_activities_write(b);
    xlsx_partners_write(b);
    xlsx_history_write(b);
    xlsx_summary_write(b);   /* refers to rows the others placed */
    worksheet_activate(b->summary);
}

int xlsx_write(const figures *f, const detail_source *src, const render_context *ctx,
               const char *path, diag *d)
{
    /* libxlsxwriter prints numbers with "%.16G": under a decimal-comma
     * LC_NUMERIC every number in the file would be corrupt.  The program
     * never calls setlocale(); this guards against a change that would. */
    if (strcmp(localeconv()->decimal_point, ".") != 0) {
        diag_report(d, EXIT_SOFTWARE, path, 0, NULL,
                    "cannot write the workbook: LC_NUMERIC must use '.' as decimal point");
        return -1;
    }
    xlsx_book b = { .f = f, .src = src, .walk_failed = -1 };
    b.max_rows = ctx->max_rows ? (lxw_row_t)ctx->max_rows : LXW_ROW_MAX;
    b.detail = !f->config || f->config->workbook_detail;
    b.msg = messages_load(ctx->templates_dir, f->lang, d);
    if (!b.msg)
        return -1;
    char *tmpdir = dir_of(path);
    lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = tmpdir };
    b.wb = workbook_new_opt(path, &options);
    int rc = 0;
    if (!b.wb) {
        diag_report(d, EXIT_CANTCREAT, path, 0, NULL, "cannot write the workbook: %s",
                    lxw_strerror(LXW_ERROR_CREATING_XLSX_FILE));
        rc = -1;
        goto done;
    }
    formats_make(&b);
    header_footer_make(&b);
    properties_set(&b, ctx);
    if (sheets_add(&b) && b.detail && xlsx_detail_write(&b) != 0 && b.walk_failed >= 0) {
        detail_kind kind = (detail_kind)b.walk_failed;
        const char *input = src->path_of ? src->path_of(src->ctx, kind)
                            : kind == DETAIL_LEDGER ? "ledger.csv" : "activities.csv";
        diag_report(d, EXIT_NOINPUT, input, 0, NULL,
                    "cannot read it again for the workbook's detail sheets");
        rc = -1;
    }
    if (!b.err && rc == 0)
        sheets_write(&b);
    lxw_error err = workbook_close(b.wb);
    char why[320];
    if (b.err || err) {
        diag_report(d, EXIT_CANTCREAT, path, 0, NULL, "cannot write the workbook: %s",
                    lxw_strerror(b.err ? b.err : err));
        rc = -1;
    } else if (rc == 0 && xlsx_verify(path, why, sizeof why) != 0) {
        diag_report(d, EXIT_CANTCREAT, path, 0, NULL,
                    "cannot write the workbook: %s (disk full?)", why);
        rc = -1;
    }
done:
    free(b.rows.revenue_group);
    free(b.rows.expense_group);
    free(tmpdir);
    messages_free(b.msg);
    return rc;
}
