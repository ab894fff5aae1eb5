/* pdf_table.c - drawing tables that may break across pages.  When the next
 * row does not fit, the table continues on a new page under a repeated
 * header row; only a row taller than a page is split, between the lines of
 * its text cells (every column but the numbers' wraps).  A column past PDF_TABLE_COLS_MAX is
 * an internal error reported when the table is drawn, never a silent cut.
 *
 * Each text is measured once: the column titles are wrapped once for all
 * the pages the table spans, a row's text cells when the row is placed
 * (only that row's paragraphs are held), a number's parts before and
 * after its decimal mark once each (the whole number is drawn without
 * being measured); a caller that measured the texts already (pdf_rich.c)
 * gives their paragraphs. */
#include "pdf/pdf_table.h"
#include "pdf/pdf_flow.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define PAD 4.0

void pdf_table_init(pdf_table *t)
{
    memset(t, 0, sizeof *t);
}

void pdf_table_add_col(pdf_table *t, const char *title, double share, pdf_align align)
{
    if (t->col_count < PDF_TABLE_COLS_MAX)
        t->cols[t->col_count++] = (pdf_table_col){ title, share, align };
    else
        t->cols_refused++; /* reported by pdf_table_draw, never dropped silently */
}

void pdf_table_add_row(pdf_table *t, pdf_table_row_kind kind, const char *const *cells)
{
    xgrow((void **)&t->rows, &t->row_cap, t->row_count + 1, sizeof *t->rows);
    pdf_table_row *row = &t->rows[t->row_count++];
    memset(row, 0, sizeof *row);
    row->kind = kind;
    for (int c = 0; c < t->col_count; c++)
        row->cells[c] = cells[c] ? xstrdup(cells[c]) : NULL;
}

void pdf_table_free(pdf_table *t)
{
    for (size_t i = 0; i < t->row_count; i++)
        for (int c = 0; c < t->col_count; c++)
            free(t->rows[i].cells[c]);
    free(t->rows);
    pdf_table_init(t);
}

/* A table as laid out: its columns, and its header row wrapped once for
 * every page it is drawn on. */
typedef struct table_geom {
    double x[PDF_TABLE_COLS_MAX + 1]; /* column edges */
    double frac[PDF_TABLE_COLS_MAX];  /* widest part after the decimal mark */
    double size, lh;
    char mark;
    layout_para *head[PDF_TABLE_COLS_MAX]; /* the column titles: own, or t->titles */
    layout_para own_head[PDF_TABLE_COLS_MAX];
    double head_height;
} table_geom;

/* A row's text cells wrapped: paragraphs of its own, or the caller's. */
typedef struct row_paras {
    layout_para *p[PDF_TABLE_COLS_MAX];
    layout_para own[PDF_TABLE_COLS_MAX];
} row_paras;

static double text_width(pdf_report *r, int face, double size, const char *s, size_t len)
{
    return pdf_draw_width(r->draw, face, size, s, len);
}

static int row_face(const pdf_table_row *row)
{
    return row->kind == PDF_ROW_BODY ? PDF_FACE_REGULAR : PDF_FACE_BOLD;
}

static void measure_columns(pdf_report *r, const pdf_table *t, table_geom *g)
{
    g->size = r->st->size_table;
    g->lh = pdf_flow_line_height(r, g->size);
    g->mark = r->f->lang == LANG_FR ? ',' : '.';
    g->x[0] = r->left;
    for (int c = 0; c < t->col_count; c++) {
        g->x[c + 1] = g->x[c] + t->cols[c].share * r->width;
        g->frac[c] = 0;
        for (size_t i = 0; t->cols[c].align == PDF_ALIGN_NUMBER && i < t->row_count; i++) {
            const char *s = t->rows[i].cells[c];
            if (!s)
                continue;
            size_t len = strlen(s), at = layout_decimal_at(s, len, g->mark);
            double w = text_width(r, row_face(&t->rows[i]), g->size, s + at, len - at);
            if (w > g->frac[c])
                g->frac[c] = w;
        }
    }
}

/* A number cell: its decimal mark on the column's common mark position;
 * words ("nouveau") flush right. */
static void number_cell(pdf_report *r, const table_geom *g, int c, const char *s, int face,
                        double y)
{
    size_t len = strlen(s), at = layout_decimal_at(s, len, g->mark);
    double right = g->x[c + 1] - PAD;
    bool numeric = strpbrk(s, "0123456789") != NULL; /* "€1.50", "CHF 2.00" too */
    if (!numeric) {
        pdf_flow_text_at(r, s, face, g->size, r->st->text, g->x[c], y, right - g->x[c],
                         PDF_ALIGN_RIGHT);
        return;
    }
    double whole = text_width(r, face, g->size, s, at);
    double room = right - g->x[c] - PAD;
    if (whole + g->frac[c] > room) { /* too wide for its column: smaller, flush right */
        double w = text_width(r, face, g->size, s, len);
        double size = w > room ? g->size * room / w : g->size;
        pdf_draw_text(r->draw, face, size, r->st->text, right - w * size / g->size, y, s, len);
        return;
    }
    pdf_draw_text(r->draw, face, g->size, r->st->text, right - g->frac[c] - whole, y, s, len);
}

/* Whether column c's cells wrap (text), or are numbers on one line. */
static bool wraps(const pdf_table *t, int c)
{
    return t->cols[c].align != PDF_ALIGN_NUMBER;
}

/* The width column c's text gets in row (a section label spans them all). */
static double cell_width(pdf_report *r, const table_geom *g, const pdf_table_row *row, int c)
{
    return (row->kind == PDF_ROW_SECTION ? r->width : g->x[c + 1] - g->x[c]) - 2 * PAD;
}

/* Wraps p (the caller's, measured) to width, or else own made of text. */
static layout_para *wrap_text(pdf_report *r, layout_para *p, layout_para *own, const char *text,
                              int face, double size, double width)
{
    if (p) {
        layout_para_wrap(p, width);
        return p;
    }
    pdf_span span = { text, face, NULL };
    pdf_flow_wrap(r, own, &span, text ? 1 : 0, size, width);
    return own;
}

/* Wraps row i's text cells into rp (one per column; a section label only
 * its first); returns the row's lines (1 at least). */
static size_t row_lines(pdf_report *r, const pdf_table *t, const table_geom *g, size_t i,
                        row_paras *rp)
{
    const pdf_table_row *row = &t->rows[i];
    size_t most = 1;
    for (int c = 0; c < t->col_count; c++) {
        bool text = c == 0 || (row->kind != PDF_ROW_SECTION && wraps(t, c));
        layout_para *given =
            text && t->paras ? &t->paras[i * (size_t)t->col_count + (size_t)c] : NULL;
        const char *s = !text ? NULL : row->cells[c] ? row->cells[c] : "";
        rp->p[c] =
            wrap_text(r, given, &rp->own[c], s, row_face(row), g->size, cell_width(r, g, row, c));
        most = rp->p[c]->line_count > most ? rp->p[c]->line_count : most;
    }
    return most;
}

/* Frees the paragraphs of ps that are in own (not the caller's). */
static void free_paras(const pdf_table *t, layout_para *const *ps, layout_para *own)
{
    for (int c = 0; c < t->col_count; c++)
        if (ps[c] == &own[c])
            layout_para_free(&own[c]);
}

/* Wraps the column titles (g->head) and finds the header row's height. */
static void wrap_header(pdf_report *r, const pdf_table *t, table_geom *g)
{
    size_t most = 1;
    for (int c = 0; c < t->col_count; c++) {
        g->head[c] = wrap_text(r, t->titles ? &t->titles[c] : NULL, &g->own_head[c],
                               t->cols[c].title ? t->cols[c].title : "", PDF_FACE_BOLD, g->size,
                               g->x[c + 1] - g->x[c] - 2 * PAD);
        if (g->head[c]->line_count > most)
            most = g->head[c]->line_count;
    }
    g->head_height = (double)most * g->lh + 4;
}

static void draw_header(pdf_report *r, const pdf_table *t, const table_geom *g)
{
    double y = r->flow.y;
    for (int c = 0; c < t->col_count; c++) {
        double w = g->x[c + 1] - g->x[c] - 2 * PAD;
        pdf_align align = t->cols[c].align == PDF_ALIGN_NUMBER ? PDF_ALIGN_RIGHT : t->cols[c].align;
        pdf_flow_draw_para(r, g->head[c], g->x[c] + PAD, y - g->size, w, r->st->muted, align);
    }
    r->flow.y -= g->head_height;
    pdf_draw_line(r->draw, g->x[0], r->flow.y + 1, g->x[t->col_count], r->flow.y + 1, 0.8,
                  r->st->accent);
    r->flow.y -= 2;
}

/* Lines from .. from + count of a row (count >= 1): its text cells' lines
 * in that range; the numbers, and a total's rule, with its first line. */
static void draw_row(pdf_report *r, const pdf_table *t, const table_geom *g,
                     const pdf_table_row *row, layout_para *const *paras, size_t from, size_t count,
                     bool shade)
{
    double y = r->flow.y, h = (double)count * g->lh + 2;
    int face = row_face(row);
    static const pdf_color shade_color = { 0.95, 0.95, 0.95 };
    if (shade && row->kind == PDF_ROW_BODY)
        pdf_draw_rect(r->draw, g->x[0], y - h, g->x[t->col_count] - g->x[0], h, &shade_color, NULL);
    if (row->kind == PDF_ROW_TOTAL && from == 0)
        pdf_draw_line(r->draw, g->x[0], y, g->x[t->col_count], y, 0.6, r->st->text);
    for (int c = 0; c < t->col_count; c++) {
        if (c > 0 && row->kind == PDF_ROW_SECTION)
            break;
        const char *s = row->cells[c];
        if (c == 0 || wraps(t, c)) {
            pdf_align align =
                c == 0 || row->kind == PDF_ROW_SECTION ? PDF_ALIGN_LEFT : t->cols[c].align;
            pdf_flow_draw_lines(r, paras[c], from, count, g->x[c] + PAD, y - g->size - 1,
                                cell_width(r, g, row, c),
                                row->kind == PDF_ROW_SECTION ? r->st->accent : r->st->text, align);
        } else if (from == 0 && s && *s) {
            number_cell(r, g, c, s, face, y - g->size - 1);
        }
    }
    r->flow.y -= h;
}

/* Continues the table on a new page, under its header row. */
static void next_page(pdf_report *r, const pdf_table *t, const table_geom *g)
{
    pdf_flow_new_page(r);
    draw_header(r, t, g);
}

/* A row taller than a page: split between lines of its first cell, each
 * part as many lines as the page holds (two at least at the bottom of a
 * page), the rest on the next pages under the repeated header.  A page too
 * small for one line under the header still gets one, so this ends. */
static void draw_row_split(pdf_report *r, const pdf_table *t, const table_geom *g,
                           const pdf_table_row *row, layout_para *const *paras, size_t lines,
                           bool shade)
{
    size_t done = 0;
    bool fresh = false; /* on a page begun for this row */
    while (done < lines) {
        double room = r->flow.y - r->flow.bottom - 2;
        size_t fit = room > 0 ? (size_t)(room / g->lh) : 0;
        if (!fresh && fit < (done == 0 ? 2 : 1)) {
            next_page(r, t, g);
            fresh = true;
            continue;
        }
        size_t n = fit == 0 ? 1 : fit < lines - done ? fit : lines - done;
        draw_row(r, t, g, row, paras, done, n, shade);
        done += n;
        fresh = false;
    }
}

int pdf_table_draw(pdf_report *r, const pdf_table *t)
{
    if (t->cols_refused) {
        diag_report(r->d, EXIT_SOFTWARE, NULL, 0, NULL,
                    "internal error: a table of %d columns ('%s' ...) but at most %d can be drawn",
                    t->col_count + t->cols_refused, t->cols[0].title ? t->cols[0].title : "",
                    PDF_TABLE_COLS_MAX);
        r->broken = true;
        return -1;
    }
    table_geom g;
    measure_columns(r, t, &g);
    wrap_header(r, t, &g);
    pdf_flow_ensure(r, g.head_height + 3 * g.lh, 0);
    draw_header(r, t, &g);
    /* the most a row can take: a page under the header row */
    double page = r->flow.top - r->flow.bottom - g.head_height - 2;
    for (size_t i = 0; i < t->row_count; i++) {
        const pdf_table_row *row = &t->rows[i];
        row_paras rp;
        size_t lines = row_lines(r, t, &g, i, &rp);
        double h = (double)lines * g.lh + 2;
        /* a section label stays with its first row; the last row is never
         * alone on a page */
        double keep = (row->kind == PDF_ROW_SECTION && i + 1 < t->row_count) ||
                              (i + 2 == t->row_count && i > 0)
                          ? g.lh + 2
                          : 0;
        if (h > page && !layout_flow_fits(&r->flow, h))
            draw_row_split(r, t, &g, row, rp.p, lines, i % 2 == 1);
        else {
            if (!layout_flow_fits(&r->flow, h + keep))
                next_page(r, t, &g);
            draw_row(r, t, &g, row, rp.p, 0, lines, i % 2 == 1);
        }
        free_paras(t, rp.p, rp.own);
    }
    free_paras(t, g.head, g.own_head);
    r->flow.y -= r->st->paragraph_space * 1.5;
    return 0;
}
