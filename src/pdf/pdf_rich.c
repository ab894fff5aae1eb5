/* pdf_rich.c - pictures, tables and footnotes of the texts (pdf_rich.h).
 * A picture takes the text width, or less when it would be taller than
 * half a page, centred, its caption in italics under it; it moves to the
 * next page with its caption rather than be cut.  A table's columns share
 * the width in proportion to their widest cell, each at least a tenth of
 * its share, and wrap. */
#include "pdf/pdf_rich.h"
#include "pdf/pdf_flow.h"
#include "pdf/pdf_table.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Whether problems found now are to be reported: once, by the layout
 * that draws, not by the measures nor a layout done again. */
static bool reporting(const pdf_report *r)
{
    return !pdf_draw_is_dry(r->draw) && !r->measuring && !r->quiet;
}

void pdf_rich_image(pdf_report *r, const tpl_block *b)
{
    const pdf_style *st = r->st;
    double pw = 0, ph = 0;
    const char *why = N_("it is empty");
    int id = pdf_draw_image_load(r->draw, b->image, &pw, &ph, &why);
    if (id == -2 && errno != ENOENT) { /* there, but unreadable: not a warning */
        if (reporting(r))
            diag_report(r->d, EXIT_NOINPUT, b->file, b->line, NULL, "picture '%s': cannot read: %s",
                        b->image, _(why));
        return;
    }
    if (id < 0 || pw <= 0 || ph <= 0) {
        if (reporting(r))
            diag_warning(r->d, b->file, b->line, NULL, "picture '%s' is not shown: %s", b->image,
                         _(why));
        return;
    }
    double w = r->width, h = w * ph / pw, most = (r->flow.top - r->flow.bottom) / 2;
    if (h > most) {
        h = most;
        w = h * pw / ph;
    }
    layout_para cap = { 0 };
    char *caption = tpl_block_text(b);
    pdf_span span = { caption, PDF_FACE_ITALIC, NULL };
    size_t lines = *caption ? pdf_flow_wrap(r, &cap, &span, 1, st->size_small, r->width) : 0;
    double lh = pdf_flow_line_height(r, st->size_small);
    pdf_flow_space(r, 4);
    pdf_flow_ensure(r, h + 6 + (double)lines * lh, 0);
    pdf_draw_image(r->draw, id, r->left + (r->width - w) / 2, r->flow.y - h, w, h);
    r->flow.y -= h + 4;
    if (lines) {
        pdf_flow_draw_para(r, &cap, r->left, r->flow.y - st->size_small, r->width, st->muted,
                           PDF_ALIGN_CENTER);
        r->flow.y -= (double)lines * lh;
        layout_para_free(&cap);
    }
    free(caption);
    r->flow.y -= st->paragraph_space;
}

/* The widths of cell text's widest word (*word) and of all of it (*whole),
 * p being its paragraph (pdf_flow_para): its words are measured there,
 * and a text of one word is not measured again. */
static void measure_cell(pdf_report *r, int face, const char *text, const layout_para *p,
                         double *word, double *whole)
{
    double size = r->st->size_table;
    size_t len = strlen(text);
    bool one = p->atom_count == 1 && p->atoms[0].len == len;
    *whole = one ? p->atoms[0].width : pdf_draw_width(r->draw, face, size, text, len);
    *word = 0;
    if (!strpbrk(text, "\t\r\n")) { /* its words are the paragraph's pieces */
        for (size_t k = 0; k < p->atom_count; k++)
            *word = p->atoms[k].width > *word ? p->atoms[k].width : *word;
        return;
    }
    for (const char *q = text; *q;) {
        size_t n = strcspn(q, " ");
        double w = pdf_draw_width(r->draw, face, size, q, n);
        *word = w > *word ? w : *word;
        q += n;
        q += *q == ' ';
    }
}

/* Each column's share of the width: as wide as its widest cell when all
 * fit; else its widest word at least (a word is not cut while the words
 * fit), and the rest of the width in proportion to what each lacks.
 * paras: the cells' paragraphs, cols a row. */
static void table_shares(pdf_report *r, const tpl_block *b, size_t cols, const layout_para *paras,
                         double *share)
{
    double least[PDF_TABLE_COLS_MAX], most[PDF_TABLE_COLS_MAX], sum_least = 0, sum_most = 0;
    for (size_t c = 0; c < cols; c++) {
        least[c] = most[c] = 0;
        for (size_t i = 0; i < b->rows; i++) {
            double word, whole;
            measure_cell(r, i == 0 && b->header ? PDF_FACE_BOLD : PDF_FACE_REGULAR,
                         b->cells[i * b->cols + c], &paras[i * cols + c], &word, &whole);
            least[c] = word > least[c] ? word : least[c];
            most[c] = whole > most[c] ? whole : most[c];
        }
        least[c] += 10; /* the cell's padding */
        most[c] += 10;
        sum_least += least[c];
        sum_most += most[c];
    }
    double room = r->width - sum_least, lack = sum_most - sum_least;
    for (size_t c = 0; c < cols; c++) {
        double w = sum_most <= r->width ? most[c] * r->width / sum_most
                   : room <= 0          ? least[c] * r->width / sum_least
                               : least[c] + (lack > 0 ? room * (most[c] - least[c]) / lack : 0);
        share[c] = w / r->width;
    }
}

/* The paragraphs of the first cols cells of each row, cols a row, at the
 * table's size (the first row's bold when it is the header): measured
 * once, for the columns' shares, then wrapped by pdf_table_draw. */
static layout_para *cell_paras(pdf_report *r, const tpl_block *b, size_t cols)
{
    layout_para *paras = xcalloc(b->rows * cols + 1, sizeof *paras);
    for (size_t i = 0; i < b->rows; i++)
        for (size_t c = 0; c < cols; c++) {
            pdf_span span = { b->cells[i * b->cols + c],
                              i == 0 && b->header ? PDF_FACE_BOLD : PDF_FACE_REGULAR, NULL };
            pdf_flow_para(r, &paras[i * cols + c], &span, 1, r->st->size_table);
        }
    return paras;
}

void pdf_rich_table(pdf_report *r, const tpl_block *b)
{
    size_t cols = b->cols < PDF_TABLE_COLS_MAX ? b->cols : PDF_TABLE_COLS_MAX;
    if (b->cols > cols && reporting(r))
        diag_warning(r->d, b->file, b->line, NULL, "a table of %zu columns: the first %d are shown",
                     b->cols, PDF_TABLE_COLS_MAX);
    layout_para *paras = cell_paras(r, b, cols);
    double share[PDF_TABLE_COLS_MAX];
    table_shares(r, b, cols, paras, share);
    pdf_table t;
    pdf_table_init(&t);
    for (size_t c = 0; c < cols; c++) {
        char a = b->aligns ? b->aligns[c] : 0;
        pdf_align align = a == 'r'   ? PDF_ALIGN_NUMBER
                          : a == 'c' ? PDF_ALIGN_CENTER
                                     : PDF_ALIGN_LEFT;
        pdf_table_add_col(&t, b->header ? b->cells[c] : "", share[c], align);
    }
    size_t first = b->header ? 1 : 0;
    for (size_t i = first; i < b->rows; i++)
        pdf_table_add_row(&t, PDF_ROW_BODY, (const char *const *)&b->cells[i * b->cols]);
    t.titles = b->header ? paras : NULL;
    t.paras = paras + first * cols;
    pdf_flow_space(r, 4);
    pdf_table_draw(r, &t);
    pdf_table_free(&t);
    for (size_t k = 0; k < b->rows * cols; k++)
        layout_para_free(&paras[k]);
    free(paras);
}

void pdf_rich_footnote(pdf_report *r, const tpl_block *b, const pdf_span *spans)
{
    const pdf_style *st = r->st;
    pdf_text_opts o = { st->size_small, st->muted, 0, 0, PDF_ALIGN_LEFT, 2 };
    pdf_flow_text(r, spans, b->run_count, &o);
    r->flow.y -= st->paragraph_space / 2;
}
