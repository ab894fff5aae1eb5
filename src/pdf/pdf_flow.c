/* pdf_flow.c - pages, the text flow and single lines for the PDF: a page
 * begun with its header (organisation, title) and footer (page number),
 * paragraphs wrapped and flowed down the pages (the first lines kept
 * together, never one line alone at the top of a page), lines of text
 * aligned in a box.  The bottom layer of pdf/: it calls only pdf_layout.c
 * (line breaking, page flow) and pdf_draw.c (libharu).
 *
 * A string is measured once: a paragraph's words when it is made (a
 * space once a face, by pdf_draw), the header's texts on the first page
 * of a pass, a line's text only when its alignment needs its width, and
 * never again when it is drawn (pdf_flow_measured_at takes a width known
 * already). */
#include "pdf/pdf_flow.h"
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *pdf_flow_label(const pdf_report *r, const char *key)
{
    return messages_get(r->msg, key);
}

double pdf_flow_line_height(const pdf_report *r, double size)
{
    return size * r->st->leading;
}

/* The width of text, for layout_para (user is the pdf_draw). */
static double measure(void *user, int face, double size, const char *text, size_t len)
{
    return pdf_draw_width(user, face, size, text, len);
}

/* The width of a space, for layout_para: the face's, measured once. */
static double space(void *user, int face, double size)
{
    return pdf_draw_space_width(user, face, size);
}

#define ELLIPSIS "\xe2\x80\xa6"

/* pdf_flow_fit for a text whose width w is known. */
static char *fit(pdf_report *r, const char *text, double w, int face, double size, double width,
                 double *fitted)
{
    size_t len = strlen(text);
    if (w <= width + 0.001) {
        if (fitted)
            *fitted = w;
        return xstrdup(text);
    }
    char *out = xmalloc(len + sizeof ELLIPSIS);
    size_t keep = len;
    for (;;) {
        while (keep > 0 && ((unsigned char)text[keep] & 0xC0) == 0x80)
            keep--; /* a character's first byte */
        size_t cut = keep;
        while (cut > 0 && text[cut - 1] == ' ')
            cut--;
        memcpy(out, text, cut);
        memcpy(out + cut, ELLIPSIS, sizeof ELLIPSIS);
        /* the text cut to nothing is not measured (unless asked for) */
        w = keep == 0 && !fitted ? 0 : pdf_draw_width(r->draw, face, size, out, strlen(out));
        if (keep == 0 || w <= width + 0.001) {
            if (fitted)
                *fitted = w;
            return out;
        }
        keep--;
    }
}

/* ---- pages ------------------------------------------------------------- */

/* The widths of the header's left and right parts, when both do not fit
 * side by side in room: the shorter kept whole when it takes at most half,
 * the longer cut to what is left; else each cut to half. */
static void share_header(double room, double *left, double *right)
{
    if (*left + *right <= room)
        return;
    double half = room / 2;
    if (*left <= half)
        *right = room - *left;
    else if (*right <= half)
        *left = room - *right;
    else
        *left = *right = half;
}

/* The header's texts as they fit beside the logo (x: where they start):
 * the same on every page, so made on the pass's first page with a header
 * and kept in r->header. */
static void header_fit(pdf_report *r, double x)
{
    const figures *f = r->f;
    double size = r->st->size_small;
    char right[512];
    snprintf(right, sizeof right, "%s %s", f->config->title ? f->config->title : "",
             f->current.label);
    const char *name = f->config->org_name;
    double name_w = pdf_draw_width(r->draw, PDF_FACE_BOLD, size, name, strlen(name));
    double right_w = pdf_draw_width(r->draw, PDF_FACE_REGULAR, size, right, strlen(right));
    double lw = name_w, rw = right_w;
    share_header(r->left + r->width - x - 12, &lw, &rw);
    pdf_header *h = &r->header;
    h->left = fit(r, name, name_w, PDF_FACE_BOLD, size, lw, NULL);
    h->right = fit(r, right, right_w, PDF_FACE_REGULAR, size, rw, &h->right_width);
    h->ready = true;
}

/* The organisation (after its logo, small) and the report's title above a
 * rule, each cut short with an ellipsis rather than overprint the other;
 * the page number below the text. */
static void header_footer(pdf_report *r)
{
    const pdf_style *st = r->st;
    double top = st->page_height - st->margin_top + 28, size = st->size_small;
    char page[32];
    double x = r->left;
    if (r->logo >= 0) {
        double h = size * 1.8, w = h * r->logo_aspect;
        w = w > r->width / 4 ? r->width / 4 : w;
        pdf_draw_image(r->draw, r->logo, x, top - 2, w, w / r->logo_aspect);
        x += w + 6;
    }
    if (!r->header.ready)
        header_fit(r, x);
    const pdf_header *h = &r->header;
    pdf_flow_text_at(r, h->left, PDF_FACE_BOLD, size, st->muted, x, top, 0, PDF_ALIGN_LEFT);
    pdf_flow_measured_at(r, h->right, h->right_width, PDF_FACE_REGULAR, size, st->muted, r->left,
                         top, r->width, PDF_ALIGN_RIGHT);
    pdf_draw_line(r->draw, r->left, top - 5, r->left + r->width, top - 5, 0.4, st->rule);
    snprintf(page, sizeof page, "%d", r->flow.page);
    pdf_flow_text_at(r, page, PDF_FACE_REGULAR, size, st->muted, r->left, st->margin_bottom - 28,
                     r->width, PDF_ALIGN_CENTER);
}

/* Adds the page the flow is on; the cover (page 1) has no header. */
static void start_page(pdf_report *r)
{
    pdf_draw_page(r->draw, r->st->page_width, r->st->page_height);
    if (r->flow.page > 1)
        header_footer(r);
}

void pdf_flow_begin(pdf_report *r)
{
    const pdf_style *st = r->st;
    pdf_flow_end(r); /* the fonts may be others: the header is fitted again */
    layout_flow_init(&r->flow, st->page_height - st->margin_top, st->margin_bottom, 1);
    start_page(r);
}

void pdf_flow_end(pdf_report *r)
{
    free(r->header.left);
    free(r->header.right);
    memset(&r->header, 0, sizeof r->header);
}

void pdf_flow_new_page(pdf_report *r)
{
    layout_flow_next_page(&r->flow);
    start_page(r);
}

void pdf_flow_ensure(pdf_report *r, double height, double keep)
{
    if (layout_flow_reserve(&r->flow, height, keep))
        start_page(r);
}

void pdf_flow_space(pdf_report *r, double points)
{
    if (r->flow.y < r->flow.top) /* no space at the top of a page */
        r->flow.y -= points;
}

/* ---- text -------------------------------------------------------------- */

void pdf_flow_para(pdf_report *r, layout_para *p, const pdf_span *spans, size_t n, double size)
{
    layout_para_init(p, measure, r->draw, size);
    layout_para_set_space(p, space);
    for (size_t i = 0; i < n; i++)
        if (spans[i].text)
            layout_para_add_link(p, spans[i].text, strlen(spans[i].text), spans[i].face,
                                 spans[i].url);
}

size_t pdf_flow_wrap(pdf_report *r, layout_para *p, const pdf_span *spans, size_t n, double size,
                     double width)
{
    pdf_flow_para(r, p, spans, n, size);
    return layout_para_wrap(p, width);
}

/* Line i of p, its baseline at (x, y), aligned within [x, x + width]. */
static void draw_line(pdf_report *r, const layout_para *p, size_t i, double x, double y,
                      double width, pdf_color color, pdf_align align)
{
    const layout_line *ln = &p->lines[i];
    double *pos = xmalloc((ln->count + 1) * sizeof *pos);
    layout_line_positions(p, i, width, align == PDF_ALIGN_JUSTIFY, pos);
    double shift = 0;
    if (align == PDF_ALIGN_RIGHT || align == PDF_ALIGN_NUMBER)
        shift = width - ln->width;
    else if (align == PDF_ALIGN_CENTER)
        shift = (width - ln->width) / 2;
    for (size_t k = 0; k < ln->count; k++) {
        const layout_atom *a = &p->atoms[ln->first + k];
        double at = x + shift + pos[k];
        pdf_draw_text(r->draw, a->face, p->size, color, at, y, a->text, a->len);
        if (a->url) /* the word is a link: the box of its line's height */
            pdf_draw_link_uri(r->draw, at, y - p->size * 0.25, at + a->width, y + p->size * 0.9,
                              a->url);
    }
    free(pos);
}

void pdf_flow_draw_para(pdf_report *r, const layout_para *p, double x, double y, double width,
                        pdf_color color, pdf_align align)
{
    pdf_flow_draw_lines(r, p, 0, p->line_count, x, y, width, color, align);
}

void pdf_flow_draw_lines(pdf_report *r, const layout_para *p, size_t from, size_t count, double x,
                         double y, double width, pdf_color color, pdf_align align)
{
    double lh = pdf_flow_line_height(r, p->size);
    for (size_t k = 0; k < count && from + k < p->line_count; k++)
        draw_line(r, p, from + k, x, y - lh * (double)k, width, color, align);
}

char *pdf_flow_fit(pdf_report *r, const char *text, int face, double size, double width,
                   double *fitted)
{
    double w = pdf_draw_width(r->draw, face, size, text, strlen(text));
    return fit(r, text, w, face, size, width, fitted);
}

void pdf_flow_measured_at(pdf_report *r, const char *text, double text_width, int face, double size,
                          pdf_color color, double x, double y, double width, pdf_align align)
{
    if (!text || !*text)
        return;
    if (align == PDF_ALIGN_RIGHT || align == PDF_ALIGN_NUMBER)
        x += width - text_width;
    else if (align == PDF_ALIGN_CENTER)
        x += (width - text_width) / 2;
    pdf_draw_text(r->draw, face, size, color, x, y, text, strlen(text));
}

void pdf_flow_text_at(pdf_report *r, const char *text, int face, double size, pdf_color color,
                      double x, double y, double width, pdf_align align)
{
    if (!text || !*text)
        return;
    /* left-aligned text is drawn where it starts: its width is not needed */
    double w = align == PDF_ALIGN_LEFT || align == PDF_ALIGN_JUSTIFY
                   ? 0
                   : pdf_draw_width(r->draw, face, size, text, strlen(text));
    pdf_flow_measured_at(r, text, w, face, size, color, x, y, width, align);
}

void pdf_flow_text_para(pdf_report *r, layout_para *p, const pdf_text_opts *o)
{
    double width = r->width - o->indent_left - o->indent_right;
    size_t lines = layout_para_wrap(p, width);
    double lh = pdf_flow_line_height(r, o->size);
    size_t keep = (size_t)(o->keep_lines > 0 ? o->keep_lines : 2);
    for (size_t i = 0; i < lines; i++) {
        size_t rest = lines - i;
        /* the first lines together, and never one line alone at the top */
        double need = i == 0 ? (double)(rest < keep ? rest : keep) : rest == 2 ? 2 : 1;
        pdf_flow_ensure(r, lh * need, 0);
        draw_line(r, p, i, r->left + o->indent_left, r->flow.y - o->size, width, o->color,
                  o->align);
        r->flow.y -= lh;
    }
}

void pdf_flow_text(pdf_report *r, const pdf_span *spans, size_t n, const pdf_text_opts *o)
{
    layout_para p;
    pdf_flow_para(r, &p, spans, n, o->size);
    pdf_flow_text_para(r, &p, o);
    layout_para_free(&p);
}
