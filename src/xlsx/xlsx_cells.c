/* xlsx_cells.c - what every sheet of the workbook writes with: the cell
 * formats, safe text, money and counts, formulas with their cached
 * results, the change columns, header rows, page set-up and sheet
 * references.  It calls nothing of the workbook above it.
 *
 * Number formats use Excel's placeholders ("," thousands, "." decimals);
 * the viewer's locale decides the characters shown, so a French Excel shows
 * 1 234,56 $ and an English one $1,234.56.  The currency symbol's place
 * follows the report's language. */
#include "report/fmt.h"
#include "xlsx/xlsx.h"

#include "lib/xalloc.h"

#include <errno.h>
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

/* Keeps the first error: later calls often fail because of it.  Also
 * the allocations libxlsxwriter does not check itself (lxw_strdup in
 * worksheet_write_formula_str, format_set_num_format, ...: the call
 * succeeds without its text): errno is ENOMEM then, and is cleared here
 * for the next call. */
void xlsx_check(xlsx_book *b, lxw_error err)
{
    if (err == LXW_NO_ERROR && errno == ENOMEM)
        err = LXW_ERROR_MEMORY_MALLOC_FAILED;
    errno = 0;
    if (err != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
        b->err = err;
}

/* A format, chart or series libxlsxwriter made: NULL only when its
 * allocation failed, which exits 70 as any out of memory does (xalloc),
 * rather than a workbook without it. */
void *xlsx_need(void *object)
{
    if (!object)
        xalloc_check(ENOMEM);
    return object;
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

/* The length (1 to 4) of the UTF-8 character at s, its code point in *cp;
 * 0 when s does not start a valid one (stray or cut continuation bytes,
 * an overlong form, a surrogate). */
static size_t utf8_char(const unsigned char *s, uint32_t *cp)
{
    size_t n;
    uint32_t v, min;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] >= 0xc2 && s[0] <= 0xdf)
        n = 2, v = s[0] & 0x1fu, min = 0x80;
    else if (s[0] >= 0xe0 && s[0] <= 0xef)
        n = 3, v = s[0] & 0x0fu, min = 0x800;
    else if (s[0] >= 0xf0 && s[0] <= 0xf4)
        n = 4, v = s[0] & 0x07u, min = 0x10000;
    else
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0; /* the terminating NUL stops here too */
        v = v << 6 | (s[i] & 0x3fu);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return 0;
    *cp = v;
    return n;
}

/* Characters the workbook never writes: those XML 1.0 forbids (C0
 * controls but TAB, LF and CR; U+FFFE, U+FFFF), and DEL. */
static bool is_forbidden(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7f || cp == 0xfffe ||
           cp == 0xffff;
}

enum { XLSX_TEXT_MAX = 32767 }; /* characters in a cell */

/* Whether s can go into the workbook as it is: valid UTF-8 without a
 * forbidden character; in a cell, also no "_xHHHH_" and not longer than a
 * cell holds. */
static bool text_clean(const char *s, bool cell)
{
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; chars++) {
        uint32_t cp;
        size_t n = utf8_char(p, &cp);
        if (n == 0 || is_forbidden(cp) || (cell && is_escape_at((const char *)p)))
            return false;
        p += n;
    }
    return !cell || chars <= XLSX_TEXT_MAX;
}

/* The one safe-text helper: every string the workbook writes (cells,
 * sheet names, header and footer, document properties, catalogue texts)
 * passes here.  Returns NULL when s can be written as it is, else a copy
 * (xmalloc'd) where each forbidden character, and each byte that is not
 * UTF-8, becomes U+FFFD, visibly; in a cell, "_xHHHH_" is escaped too and
 * the text is cut at a cell's length. */
char *xlsx_safe_text(const char *s, bool cell)
{
    if (text_clean(s, cell))
        return NULL;
    char *out = xmalloc(strlen(s) * 7 + 1);
    size_t n = 0, chars = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        uint32_t cp = 0;
        size_t len = utf8_char(p, &cp);
        bool escape = cell && len > 0 && is_escape_at((const char *)p);
        chars += escape ? 7 : 1;
        if (cell && chars > XLSX_TEXT_MAX - 6)
            break;
        if (escape) {
            memcpy(out + n, "_x005F", 6);
            n += 6;
        }
        if (len == 0 || is_forbidden(cp)) {
            memcpy(out + n, "\xef\xbf\xbd", 3); /* U+FFFD */
            n += 3;
            p += len ? len : 1;
            continue;
        }
        memcpy(out + n, p, len);
        n += len;
        p += len;
    }
    out[n] = '\0';
    return out;
}

/* The catalogue text of key in the workbook's language, made safe once
 * (a catalogue is the user's to edit, with --templates). */
const char *xlsx_msg(xlsx_book *b, const char *key)
{
    const char *text = messages_get(b->msg, key);
    for (size_t i = 0; i < b->safe_msg_count; i++)
        if (b->safe_msg[i].raw == text)
            return b->safe_msg[i].safe;
    char *safe = xlsx_safe_text(text, false);
    if (!safe)
        return text;
    b->safe_msg = xrealloc(b->safe_msg, (b->safe_msg_count + 1) * sizeof *b->safe_msg);
    b->safe_msg[b->safe_msg_count++] = (xlsx_safe_msg){ text, safe };
    return safe;
}

/* Frees what xlsx_msg made. */
void xlsx_msg_free(xlsx_book *b)
{
    for (size_t i = 0; i < b->safe_msg_count; i++)
        free(b->safe_msg[i].safe);
    free(b->safe_msg);
    b->safe_msg = NULL;
    b->safe_msg_count = 0;
}

/* Data text is only ever written as a string cell: a counterparty named
 * "=HYPERLINK(...)" stays text and never becomes a formula. */
void xlsx_text(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
               lxw_format *format)
{
    if (!text || !*text) {
        if (format)
            xlsx_check(b, worksheet_write_blank(ws, row, col, format));
        return;
    }
    char *copy = xlsx_safe_text(text, true);
    xlsx_check(b, worksheet_write_string(ws, row, col, copy ? copy : text, format));
    free(copy);
}

void xlsx_money(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int64_t cents,
                lxw_format *format)
{
    xlsx_check(b, worksheet_write_number(ws, row, col, xlsx_hundredths(cents), format));
}

void xlsx_count(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int64_t n,
                lxw_format *format)
{
    xlsx_check(b, worksheet_write_number(ws, row, col, (double)n, format));
}

/* A formula built by the program (cell references, sheet names and fixed
 * labels only) with its cached result.  fmt never carries data text. */
void xlsx_formula(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_format *format,
                  double cached, const char *fmt, ...)
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

/* text as a formula string literal's inside (quotes doubled). */
static void literal(const char *text, char *buf, size_t size)
{
    size_t n = 0;
    for (const char *s = text; *s && n + 3 < size; s++) {
        if (*s == '"')
            buf[n++] = '"';
        buf[n++] = *s;
    }
    buf[n] = '\0';
}

const char *xlsx_pct_word(xlsx_book *b, figure_pct pct)
{
    switch (pct) {
    case FIGURE_PCT_NEW: return xlsx_msg(b, "workbook.new");
    case FIGURE_PCT_ZERO: return xlsx_msg(b, "workbook.no_change");
    case FIGURE_PCT_NEGATIVE: return xlsx_msg(b, "workbook.not_meaningful");
    case FIGURE_PCT_VALUE: break;
    }
    return "";
}

void xlsx_pct_cell(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *cur,
                   const char *base, const char *const words[3], figure_pct pct, int64_t tenths,
                   lxw_format *format)
{
    char w[3][128], formula[512];
    for (int i = 0; i < 3; i++)
        literal(words[i], w[i], sizeof w[i]);
    snprintf(formula, sizeof formula,
             "=IF(%s>0,ROUND((%s-%s)/%s,3),IF(%s=0,IF(%s=0,\"%s\",\"%s\"),\"%s\"))", base, cur,
             base, base, base, cur, w[1], w[0], w[2]);
    if (pct == FIGURE_PCT_VALUE)
        xlsx_check(
            b, worksheet_write_formula_num(ws, row, col, formula, format, (double)tenths / 1000));
    else
        xlsx_check(b, worksheet_write_formula_str(ws, row, col, formula, format,
                                                  words[pct == FIGURE_PCT_NEW    ? 0
                                                        : pct == FIGURE_PCT_ZERO ? 1
                                                                                 : 2]));
}

/* Change and change % at col and col+1, from the current value at col-2
 * and the previous at col-1; cached results from the figure (in
 * hundredths for money and hours, units for counts).  A previous year of
 * 0 or below shows a word (fmt_pct_word's), never #DIV/0!. */
void xlsx_change(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const figure *fig,
                 bool hundredths, lxw_format *value_format, lxw_format *pct_format)
{
    char cur[16], prev[16];
    lxw_rowcol_to_cell(cur, row, (lxw_col_t)(col - 2));
    lxw_rowcol_to_cell(prev, row, (lxw_col_t)(col - 1));
    double change = hundredths ? xlsx_hundredths(fig->change) : (double)fig->change;
    xlsx_formula(b, ws, row, col, value_format, change, "=%s-%s", cur, prev);
    const char *words[3] = { xlsx_pct_word(b, FIGURE_PCT_NEW), xlsx_pct_word(b, FIGURE_PCT_ZERO),
                             xlsx_pct_word(b, FIGURE_PCT_NEGATIVE) };
    int64_t tenths = 0; /* the cached percentage, when fig->pct has one */
    figure_part_value(fig, FIGURE_CHANGE_PCT, &tenths);
    xlsx_pct_cell(b, ws, row, (lxw_col_t)(col + 1), cur, prev, words, fig->pct, tenths, pct_format);
}

/* A header row from catalogue keys; keys ending in a number column are
 * right-aligned when they start with '>' ("> workbook.col_amount"). */
void xlsx_headers(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, const char *const *keys,
                  size_t count)
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

/* The columns of a comparison from col, one per part of a figure: the two
 * year labels, change, change %.  Formulas use the year cells as SUMIFS
 * criteria. */
void xlsx_year_headers(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
    for (int p = 0; p < FIGURE_PART_COUNT; p++) {
        const char *heading = p == FIGURE_CURRENT    ? b->f->current.label
                              : p == FIGURE_PREVIOUS ? b->f->previous.label
                              : p == FIGURE_CHANGE   ? xlsx_msg(b, "workbook.col_change")
                                                     : xlsx_msg(b, "workbook.col_change_pct");
        xlsx_text(b, ws, row, (lxw_col_t)(col + p), heading, b->fmt.header_right);
    }
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
    xlsx_check(b, worksheet_ignore_errors(ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "A1:XFD1048576"));
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
    lxw_format *format = xlsx_need(workbook_add_format(b->wb));
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
void xlsx_formats_make(xlsx_book *b)
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

/* Appends text to buf, keeping within size. */
static void append(char *buf, size_t size, const char *text)
{
    size_t n = strlen(buf);
    if (n < size)
        snprintf(buf + n, size - n, "%s", text);
}

/* 'Sheet'!$H$2:$H$n for one column of one detail sheet. */
static void range_of(const xlsx_detail *det, size_t sheet, int col, char *buf, size_t size)
{
    char quoted[LXW_SHEETNAME_MAX * 8 + 3], letter[8];
    xlsx_quoted(det->name[sheet], quoted, sizeof quoted);
    lxw_col_to_name(letter, (lxw_col_t)col, LXW_TRUE);
    unsigned long last = (unsigned long)det->rows[sheet] + 1;
    snprintf(buf, size, "%s!%s$2:%s$%lu", quoted, letter, letter, last < 2 ? 2 : last);
}

/* The sum (or count) over every sheet of a detail group (xlsx.h). */
bool xlsx_detail_ifs(const xlsx_detail *det, int value_col, const int *crit_cols,
                     const char *const *crit_refs, size_t crit_count, char *buf, size_t size)
{
    char range[LXW_SHEETNAME_MAX * 8 + 40];
    buf[0] = '\0';
    for (size_t s = 0; s < det->count; s++) {
        append(buf, size, s ? "+" : "");
        append(buf, size, value_col >= 0 ? "SUMIFS(" : "COUNTIFS(");
        if (value_col >= 0) {
            range_of(det, s, value_col, range, sizeof range);
            append(buf, size, range);
            append(buf, size, ",");
        }
        for (size_t c = 0; c < crit_count; c++) {
            range_of(det, s, crit_cols[c], range, sizeof range);
            append(buf, size, c ? "," : "");
            append(buf, size, range);
            append(buf, size, ",");
            append(buf, size, crit_refs[c]);
        }
        append(buf, size, ")");
    }
    return det->count > 0 && strlen(buf) + 1 < size;
}

void xlsx_total_cell(xlsx_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int64_t cents,
                     const lxw_row_t *rows, size_t count, lxw_row_t first, lxw_row_t last)
{
    char letter[8], formula[XLSX_FORMULA_MAX] = "";
    lxw_col_to_name(letter, col, LXW_FALSE);
    if (!rows && last >= first)
        snprintf(formula, sizeof formula, "SUM(%s%lu:%s%lu)", letter, (unsigned long)first + 1,
                 letter, (unsigned long)last + 1);
    for (size_t i = 0, n = 0; rows && i < count && n + 16 < sizeof formula; i++)
        n += (size_t)snprintf(formula + n, sizeof formula - n, "%s%s%lu", i ? "+" : "", letter,
                              (unsigned long)rows[i] + 1);
    if (formula[0])
        xlsx_formula(b, ws, row, col, b->fmt.money_total, xlsx_hundredths(cents), "=%s", formula);
    else
        xlsx_money(b, ws, row, col, cents, b->fmt.money_total);
}

void xlsx_chart_insert(xlsx_book *b, lxw_worksheet *ws, lxw_chart *chart, const char *title_key,
                       lxw_row_t row, lxw_col_t col, lxw_chart_options *opt)
{
    chart_title_set_name(chart, xlsx_msg(b, title_key));
    lxw_chart_font title_font = { .size = 12, .bold = LXW_TRUE };
    chart_title_set_name_font(chart, &title_font);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_axis_set_num_format(chart->y_axis, "#,##0");
    xlsx_check(b, worksheet_insert_chart_opt(ws, row, col, chart, opt));
}
