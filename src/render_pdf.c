/* render_pdf.c - the annual report as a PDF: style, messages and the
 * language's template loaded, then the document laid out twice (the first,
 * dry pass finds the page of every section for the table of contents and
 * the second draws), then written.
 *
 * This file walks the template's blocks (headings, paragraphs, lists,
 * quotes) and flows text down the pages; pdf_parts.c draws the generated
 * parts and pdf_chart.c the charts.  Only figures are read, never
 * computed. */
#include "report/fmt.h"
#include "report/fields.h"
#include "pdf/pdf.h"
#include "render.h"
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BULLET "\xe2\x80\xa2"

const char *report_label(const pdf_report *r, const char *key)
{
    return messages_get(r->msg, key);
}

double report_line_height(const pdf_report *r, double size)
{
    return size * r->st->leading;
}

static double measure(void *user, int face, double size, const char *text, size_t len)
{
    return pdf_draw_width(user, face, size, text, len);
}

/* ---- pages ------------------------------------------------------------- */

static void header_footer(pdf_report *r)
{
    const pdf_style *st = r->st;
    const figures *f = r->f;
    double top = st->page_height - st->margin_top + 28;
    char right[256], page[32];
    snprintf(right, sizeof right, "%s %s", f->config->title ? f->config->title : "",
             f->current.label);
    report_text_at(r, f->config->org_name, PDF_FACE_BOLD, st->size_small, st->muted,
                   r->left, top, r->width, ALIGN_LEFT);
    report_text_at(r, right, PDF_FACE_REGULAR, st->size_small, st->muted,
                   r->left, top, r->width, ALIGN_RIGHT);
    pdf_draw_line(r->draw, r->left, top - 5, r->left + r->width, top - 5, 0.4, st->rule);
    snprintf(page, sizeof page, "%d", r->flow.page);
    report_text_at(r, page, PDF_FACE_REGULAR, st->size_small, st->muted,
                   r->left, st->margin_bottom - 28, r->width, ALIGN_CENTER);
}

static void start_page(pdf_report *r)
{
    pdf_draw_page(r->draw, r->st->page_width, r->st->page_height);
    if (r->flow.page > 1)
        header_footer(r);
}

void report_new_page(pdf_report *r)
{
    layout_flow_next_page(&r->flow);
    start_page(r);
}

void report_ensure(pdf_report *r, double height, double keep)
{
    if (layout_flow_reserve(&r->flow, height, keep))
        start_page(r);
}

void report_space(pdf_report *r, double points)
{
    if (r->flow.y < r->flow.top)       /* no space at the top of a page */
        r->flow.y -= points;
}

/* ---- text -------------------------------------------------------------- */

size_t report_wrap(pdf_report *r, layout_para *p, const pdf_span *spans, size_t n,
                   double size, double width)
{
    layout_para_init(p, measure, r->draw, size);
    for (size_t i = 0; i < n; i++)
        if (spans[i].text)
            layout_para_add(p, spans[i].text, strlen(spans[i].text), spans[i].face);
    return layout_para_wrap(p, width);
}

static void draw_line(pdf_report *r, const layout_para *p, size_t i, double x, double y,
                      double width, pdf_color color, pdf_align align)
{
    const layout_line *ln = &p->lines[i];
    double *pos = xmalloc((ln->count + 1) * sizeof *pos);
    layout_line_positions(p, i, width, align == ALIGN_JUSTIFY, pos);
    double shift = 0;
    if (align == ALIGN_RIGHT || align == ALIGN_NUMBER)
        shift = width - ln->width;
    else if (align == ALIGN_CENTER)
        shift = (width - ln->width) / 2;
    for (size_t k = 0; k < ln->count; k++) {
        const layout_atom *a = &p->atoms[ln->first + k];
        pdf_draw_text(r->draw, a->face, p->size, color, x + shift + pos[k], y, a->text, a->len);
    }
    free(pos);
}

void report_draw_para(pdf_report *r, const layout_para *p, double x, double y,
                      double width, pdf_color color, pdf_align align)
{
    double lh = report_line_height(r, p->size);
    for (size_t i = 0; i < p->line_count; i++)
        draw_line(r, p, i, x, y - lh * (double)i, width, color, align);
}

void report_text_at(pdf_report *r, const char *text, int face, double size,
                    pdf_color color, double x, double y, double width, pdf_align align)
{
    if (!text || !*text)
        return;
    double w = pdf_draw_width(r->draw, face, size, text, strlen(text));
    if (align == ALIGN_RIGHT || align == ALIGN_NUMBER)
        x += width - w;
    else if (align == ALIGN_CENTER)
        x += (width - w) / 2;
    pdf_draw_text(r->draw, face, size, color, x, y, text, strlen(text));
}

void report_text(pdf_report *r, const pdf_span *spans, size_t n, const pdf_text_opts *o)
{
    double width = r->width - o->indent_left - o->indent_right;
    layout_para p;
    size_t lines = report_wrap(r, &p, spans, n, o->size, width);
    double lh = report_line_height(r, o->size);
    size_t keep = (size_t)(o->keep_lines > 0 ? o->keep_lines : 2);
    for (size_t i = 0; i < lines; i++) {
        size_t rest = lines - i;
        /* the first lines together, and never one line alone at the top */
        double need = i == 0 ? (double)(rest < keep ? rest : keep) : rest == 2 ? 2 : 1;
        report_ensure(r, lh * need, 0);
        draw_line(r, &p, i, r->left + o->indent_left, r->flow.y - o->size, width,
                  o->color, o->align);
        r->flow.y -= lh;
    }
    layout_para_free(&p);
}

/* ---- blocks ------------------------------------------------------------ */

/* The spans of a block: each run in the base face plus its own style. */
static pdf_span *block_spans(const tpl_block *b, int base)
{
    pdf_span *s = xcalloc(b->run_count ? b->run_count : 1, sizeof *s);
    for (size_t i = 0; i < b->run_count; i++)
        s[i] = (pdf_span){ b->runs[i].text, base | (int)b->runs[i].style };
    return s;
}

static void record_section(pdf_report *r, const tpl_block *b, double y)
{
    char *title = tpl_block_text(b);
    xgrow((void **)&r->toc_pages, &r->toc_cap, r->toc_count + 1, sizeof *r->toc_pages);
    r->toc_pages[r->toc_count++] = r->flow.page;
    r->section_bookmark = pdf_draw_bookmark(r->draw, 0, title, y);
    free(title);
}

/* The contents' titles, known before any page is laid out. */
static void collect_titles(pdf_report *r, const tpl_doc *doc)
{
    for (size_t i = 0; i < doc->count; i++) {
        const tpl_block *b = &doc->blocks[i];
        if (b->kind != TPL_HEADING || b->level != 1)
            continue;
        r->toc_titles = xrealloc(r->toc_titles, (r->toc_title_count + 1) * sizeof *r->toc_titles);
        r->toc_titles[r->toc_title_count++] = tpl_block_text(b);
    }
}

static void heading(pdf_report *r, const tpl_block *b)
{
    const pdf_style *st = r->st;
    double size = b->level == 1 ? st->size_h1 : b->level == 2 ? st->size_h2 : st->size_h3;
    int face = b->level >= 3 ? PDF_FACE_BOLD_ITALIC : PDF_FACE_BOLD;
    if (b->level == 1 && st->section_new_page && r->flow.y < r->flow.top)
        report_new_page(r);
    report_space(r, b->level == 1 ? size : size * 0.9);
    double keep = report_line_height(r, st->size_body) * 3;
    report_ensure(r, report_line_height(r, size), keep);
    double top = r->flow.y;
    if (b->level == 1)
        record_section(r, b, top);
    else if (b->level == 2 && r->section_bookmark) {
        char *title = tpl_block_text(b);
        pdf_draw_bookmark(r->draw, r->section_bookmark, title, top);
        free(title);
    }
    pdf_span *spans = block_spans(b, face);
    pdf_text_opts o = { size, b->level == 1 ? st->accent : st->text, 0, 0, ALIGN_LEFT, 9 };
    report_text(r, spans, b->run_count, &o);
    free(spans);
    if (b->level == 1)
        pdf_draw_line(r->draw, r->left, r->flow.y + 2, r->left + r->width, r->flow.y + 2,
                      1, st->accent);
    r->flow.y -= size * 0.3;
}

static void paragraph(pdf_report *r, const tpl_block *b)
{
    pdf_span *spans = block_spans(b, PDF_FACE_REGULAR);
    pdf_text_opts o = { r->st->size_body, r->st->text, 0, 0, ALIGN_JUSTIFY, 2 };
    report_text(r, spans, b->run_count, &o);
    free(spans);
    r->flow.y -= r->st->paragraph_space;
}

static void item(pdf_report *r, const tpl_block *b)
{
    const pdf_style *st = r->st;
    double indent = 16.0 * b->level;
    if (!b->continued) {
        char marker[16];
        if (b->number)
            snprintf(marker, sizeof marker, "%d.", b->number);
        else
            snprintf(marker, sizeof marker, "%s", b->level > 1 ? "\xe2\x80\x93" : BULLET);
        report_ensure(r, report_line_height(r, st->size_body) * 2, 0);
        report_text_at(r, marker, PDF_FACE_REGULAR, st->size_body, st->accent,
                       r->left + indent - 14, r->flow.y - st->size_body, 10, ALIGN_RIGHT);
    }
    pdf_span *spans = block_spans(b, PDF_FACE_REGULAR);
    pdf_text_opts o = { st->size_body, st->text, indent, 0, ALIGN_LEFT, 2 };
    report_text(r, spans, b->run_count, &o);
    free(spans);
    r->flow.y -= st->paragraph_space / 2;
}

static void quote(pdf_report *r, const tpl_block *b)
{
    const pdf_style *st = r->st;
    double indent = 36.0 * b->level;
    bool attribution = b->kind == TPL_ATTRIBUTION;
    pdf_span *spans = block_spans(b, attribution ? PDF_FACE_REGULAR : PDF_FACE_ITALIC);
    pdf_text_opts o = { st->size_body + (attribution ? -1 : 0.5),
                        attribution ? st->muted : st->text, indent, indent,
                        attribution ? ALIGN_RIGHT : ALIGN_LEFT, 3 };
    report_text(r, spans, b->run_count, &o);
    free(spans);
    r->flow.y -= st->paragraph_space;
}

static void block(pdf_report *r, const tpl_block *b)
{
    switch (b->kind) {
    case TPL_HEADING: heading(r, b); break;
    case TPL_PARAGRAPH: paragraph(r, b); break;
    case TPL_ITEM: item(r, b); break;
    case TPL_QUOTE:
    case TPL_ATTRIBUTION: quote(r, b); break;
    case TPL_RULE:
        report_ensure(r, 12, 0);
        pdf_draw_line(r->draw, r->left + r->width / 3, r->flow.y - 6,
                      r->left + 2 * r->width / 3, r->flow.y - 6, 0.6, r->st->rule);
        r->flow.y -= 12;
        break;
    case TPL_DIRECTIVE: report_directive(r, b); break;
    }
}

/* ---- the document ------------------------------------------------------ */

static void layout_pass(pdf_report *r, const tpl_doc *doc)
{
    const pdf_style *st = r->st;
    r->toc_count = 0;
    r->section_bookmark = 0;
    layout_flow_init(&r->flow, st->page_height - st->margin_top, st->margin_bottom, 1);
    start_page(r);
    for (size_t i = 0; i < doc->count; i++)
        block(r, &doc->blocks[i]);
}

static int load_template(pdf_report *r, const render_context *ctx, tpl_doc *doc)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/report.%s.md", ctx->templates_dir,
             language_code(r->f->lang));
    tpl_options opt = { .templates_dir = ctx->templates_dir, .input_dir = ctx->input_dir,
                        .resolve = pdf_field_resolve, .user = (void *)r->f,
                        .directives = report_directives, .lang = language_code(r->f->lang),
                        .generate = report_generate, .generate_user = r,
                        .late = report_late_directives };
    int rc = tpl_load(doc, path, path, &opt, r->d);
    for (size_t i = 0; i < doc->count; i++)
        if (doc->blocks[i].kind == TPL_DIRECTIVE && !report_directive_check(r, &doc->blocks[i]))
            rc = -1;
    return rc;
}

static void set_info(pdf_report *r, const render_context *ctx)
{
    const figures *f = r->f;
    char title[256], subject[600];
    snprintf(title, sizeof title, "%s %s", f->config->title ? f->config->title : "",
             f->current.label);
    snprintf(subject, sizeof subject, "%s - %s", f->config->org_name, title);
    pdf_info info = { title, f->config->org_name, subject, f->current.label, ctx->timestamp };
    pdf_draw_set_info(r->draw, &info);
}

static int render(pdf_report *r, const render_context *ctx, const tpl_doc *doc,
                  const char *path)
{
    for (int f = 0; f < PDF_FACE_COUNT; f++)
        if (pdf_draw_load_face(r->draw, f, r->st->font_path[f]) != 0)
            return -1;
    set_info(r, ctx);
    collect_titles(r, doc);
    r->left = r->st->margin_left;
    r->width = r->st->page_width - r->st->margin_left - r->st->margin_right;
    pdf_draw_set_dry(r->draw, true);
    layout_pass(r, doc);
    int *first = xmalloc((r->toc_count + 1) * sizeof *first);
    memcpy(first, r->toc_pages, r->toc_count * sizeof *first);
    r->known_pages = first;
    r->known_count = r->toc_count;
    pdf_draw_set_dry(r->draw, false);
    layout_pass(r, doc);
    int rc = 0;
    if (r->toc_count != r->known_count ||
        memcmp(first, r->toc_pages, r->toc_count * sizeof *first) != 0) {
        diag_report(r->d, EXIT_SOFTWARE, NULL, 0, NULL,
                    "the two layout passes disagree on section pages");
        rc = -1;
    }
    free(first);
    r->known_pages = NULL;
    return rc ? rc : pdf_draw_save(r->draw, path);
}

int render_pdf(const figures *f, const render_context *ctx, const char *path, diag *d)
{
    pdf_style st;
    char style_path[4096];
    snprintf(style_path, sizeof style_path, "%s/style.ini", ctx->templates_dir);
    pdf_report r = { .f = f, .st = &st, .d = d };
    tpl_doc doc = { 0 };
    messages *msg = NULL;
    int rc = -1;
    if (pdf_style_load(&st, style_path, d) != 0)
        goto done;
    if (!(r.msg = msg = messages_load(ctx->templates_dir, f->lang, d)))
        goto done;
    if (!(r.draw = pdf_draw_new(d)))
        goto done;
    if (load_template(&r, ctx, &doc) != 0)
        goto done;
    rc = render(&r, ctx, &doc, path);
done:
    tpl_doc_free(&doc);
    pdf_draw_free(r.draw);
    messages_free(msg);
    pdf_style_free(&st);
    for (size_t i = 0; i < r.toc_title_count; i++)
        free(r.toc_titles[i]);
    free(r.toc_titles);
    free(r.toc_pages);
    return rc;
}
