/* render_pdf.c - the annual report as a PDF: style, messages and the
 * language's template loaded, then the document laid out and drawn in one
 * pass (the contents' page numbers filled in after the last page), then
 * written.
 *
 * This file walks the template's blocks (headings, paragraphs, lists,
 * quotes) and flows them down the pages through pdf/pdf_flow.c;
 * pdf/pdf_sections.c draws the directives (report/report.c declares and
 * checks them, and generates the sections they stand for).  Only figures
 * are read, never computed. */
#include "render.h"
#include "pdf/pdf.h"
#include "pdf/pdf_flow.h"
#include "pdf/pdf_rich.h"
#include "pdf/pdf_scripts.h"
#include "pdf/pdf_sections.h"
#include "report/fields.h"
#include "report/report.h"
#include "report/template.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BULLET "\xe2\x80\xa2"

/* ---- blocks ------------------------------------------------------------ */

/* The spans of a block: each run in the base face plus its own style. */
static pdf_span *block_spans(const tpl_block *b, int base)
{
    pdf_span *s = xcalloc(b->run_count ? b->run_count : 1, sizeof *s);
    for (size_t i = 0; i < b->run_count; i++)
        s[i] = (pdf_span){ b->runs[i].text, base | (int)b->runs[i].style, b->runs[i].url };
    return s;
}

/* A level-1 heading's page and bookmark, at height y. */
static void record_section(pdf_report *r, const tpl_block *b, double y)
{
    char *title = tpl_block_text(b);
    xgrow((void **)&r->toc_pages, &r->toc_cap, r->toc_count + 1, sizeof *r->toc_pages);
    r->toc_pages[r->toc_count++] = r->flow.page;
    pdf_draw_anchor(r->draw, r->toc_count - 1, y); /* where the contents go */
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

/* A heading: level 1 may start a page, is bookmarked and ruled; it stays
 * with the lines that follow. */
static void heading(pdf_report *r, const tpl_block *b)
{
    const pdf_style *st = r->st;
    double size = b->level == 1 ? st->size_h1 : b->level == 2 ? st->size_h2 : st->size_h3;
    int face = b->level >= 3 ? PDF_FACE_BOLD_ITALIC : PDF_FACE_BOLD;
    if (b->level == 1 && st->section_new_page && r->flow.y < r->flow.top && !r->join_page)
        pdf_flow_new_page(r);
    r->join_page = false;
    pdf_flow_space(r, b->level == 1 ? size : size * 0.9);
    double keep = pdf_flow_line_height(r, st->size_body) * 3;
    pdf_flow_ensure(r, pdf_flow_line_height(r, size), keep);
    double top = r->flow.y;
    if (b->level == 1)
        record_section(r, b, top);
    else if (b->level == 2 && r->section_bookmark) {
        char *title = tpl_block_text(b);
        pdf_draw_bookmark(r->draw, r->section_bookmark, title, top);
        free(title);
    }
    pdf_span *spans = block_spans(b, face);
    pdf_text_opts o = { size, b->level == 1 ? st->accent : st->text, 0, 0, PDF_ALIGN_LEFT, 9 };
    pdf_flow_text(r, spans, b->run_count, &o);
    free(spans);
    if (b->level == 1)
        pdf_draw_line(r->draw, r->left, r->flow.y + 2, r->left + r->width, r->flow.y + 2, 1,
                      st->accent);
    r->flow.y -= size * 0.3;
}

/* A justified paragraph of body text. */
static void paragraph(pdf_report *r, const tpl_block *b)
{
    pdf_span *spans = block_spans(b, PDF_FACE_REGULAR);
    pdf_text_opts o = { r->st->size_body, r->st->text, 0, 0, PDF_ALIGN_JUSTIFY, 2 };
    pdf_flow_text(r, spans, b->run_count, &o);
    free(spans);
    r->flow.y -= r->st->paragraph_space;
}

/* A list item's paragraph, its marker (bullet, dash or number) in the
 * margin unless it continues the item. */
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
        pdf_flow_ensure(r, pdf_flow_line_height(r, st->size_body) * 2, 0);
        pdf_flow_text_at(r, marker, PDF_FACE_REGULAR, st->size_body, st->accent,
                         r->left + indent - 14, r->flow.y - st->size_body, 10, PDF_ALIGN_RIGHT);
    }
    pdf_span *spans = block_spans(b, PDF_FACE_REGULAR);
    pdf_text_opts o = { st->size_body, st->text, indent, 0, PDF_ALIGN_LEFT, 2 };
    pdf_flow_text(r, spans, b->run_count, &o);
    free(spans);
    r->flow.y -= st->paragraph_space / 2;
}

/* A quote's paragraph in italics, indented; an attribution flush right. */
static void quote(pdf_report *r, const tpl_block *b)
{
    const pdf_style *st = r->st;
    double indent = 36.0 * b->level;
    bool attribution = b->kind == TPL_ATTRIBUTION;
    pdf_span *spans = block_spans(b, attribution ? PDF_FACE_REGULAR : PDF_FACE_ITALIC);
    pdf_text_opts o = { st->size_body + (attribution ? -1 : 0.5),
                        attribution ? st->muted : st->text,
                        indent,
                        indent,
                        attribution ? PDF_ALIGN_RIGHT : PDF_ALIGN_LEFT,
                        3 };
    pdf_flow_text(r, spans, b->run_count, &o);
    free(spans);
    r->flow.y -= st->paragraph_space;
}

/* One block of the template, drawn at the flow's position. */
static void block(pdf_report *r, const tpl_block *b)
{
    pdf_draw_set_source(r->draw, b->file, b->line);
    switch (b->kind) {
    case TPL_HEADING: heading(r, b); break;
    case TPL_PARAGRAPH: paragraph(r, b); break;
    case TPL_ITEM: item(r, b); break;
    case TPL_QUOTE:
    case TPL_ATTRIBUTION: quote(r, b); break;
    case TPL_RULE:
        pdf_flow_ensure(r, 12, 0);
        pdf_draw_line(r->draw, r->left + r->width / 3, r->flow.y - 6, r->left + 2 * r->width / 3,
                      r->flow.y - 6, 0.6, r->st->rule);
        r->flow.y -= 12;
        break;
    case TPL_DIRECTIVE: pdf_sections_draw(r, b); break;
    case TPL_IMAGE: pdf_rich_image(r, b); break;
    case TPL_TABLE: pdf_rich_table(r, b); break;
    case TPL_FOOTNOTE: {
        pdf_span *spans = block_spans(b, PDF_FACE_REGULAR);
        pdf_rich_footnote(r, b, spans);
        free(spans);
        break;
    }
    }
}

/* ---- the document ------------------------------------------------------ */

/* The end of the section block i starts (a heading): the next heading of
 * its level or above, a page break, or the end of the document. */
static size_t section_end(const tpl_doc *doc, size_t i)
{
    int level = doc->blocks[i].kind == TPL_HEADING ? doc->blocks[i].level : 1;
    size_t j = i + 1;
    for (; j < doc->count; j++) {
        const tpl_block *b = &doc->blocks[j];
        if ((b->kind == TPL_HEADING && b->level <= level) ||
            (b->kind == TPL_DIRECTIVE && strcmp(b->name, "pagebreak") == 0))
            break;
    }
    return j;
}

/* The height blocks [from, to) take laid out from the top of a page, or -1
 * when they do not fit on one: a dry layout, everything put back after.
 * Its widths are remembered until block `to` is reached (pdf_draw_set_dry,
 * layout_pass): laid out again for real, its texts are not measured
 * again. */
static double measure(pdf_report *r, const tpl_doc *doc, size_t from, size_t to)
{
    layout_flow saved = r->flow;
    r->dry_until = to > r->dry_until ? to : r->dry_until;
    size_t bookmark = r->section_bookmark, sections = r->toc_count;
    bool dry = pdf_draw_is_dry(r->draw);
    pdf_draw_set_dry(r->draw, true);
    r->measuring = true;
    layout_flow_next_page(&r->flow);
    int page = r->flow.page;
    for (size_t i = from; i < to; i++)
        block(r, &doc->blocks[i]);
    double height = r->flow.page == page ? r->flow.top - r->flow.y : -1;
    r->measuring = false;
    pdf_draw_set_dry(r->draw, dry);
    r->flow = saved;
    r->section_bookmark = bookmark;
    r->toc_count = sections;
    return height;
}

/* Whether the section from block i fits in the rest of the page; always
 * true when it fits on no page (it flows) or the page is still empty. */
static bool section_fits(pdf_report *r, const tpl_doc *doc, size_t i)
{
    if (r->flow.y >= r->flow.top || i >= doc->count)
        return true;
    double height = measure(r, doc, i, section_end(doc, i));
    /* a heading's space above it, which the top of a page leaves out */
    return height < 0 || layout_flow_fits(&r->flow, height + r->st->size_h1);
}

/* Whether level-1 section i, which would start a page, joins the current
 * one instead: when the page is less than half full and the whole section
 * fits in the rest (a short report has no nearly empty pages). */
static bool joins_page(pdf_report *r, const tpl_doc *doc, size_t i)
{
    const layout_flow *fl = &r->flow;
    if (!r->st->section_new_page || fl->y >= fl->top ||
        fl->y < fl->top - (fl->top - fl->bottom) / 2)
        return false;
    double height = measure(r, doc, i, section_end(doc, i));
    return height >= 0 && layout_flow_fits(fl, height + r->st->size_h1 * 2);
}

/* Lays the whole document out once, from page 1.  A section under a
 * heading below level 1 (a table and its chart under "Over 3 years") is
 * kept on one page when it fits on one: it starts a page rather than leave
 * its chart alone on the next; "{{% pagebreak %}}" breaks only when the
 * section after it does not fit in the rest of the page; and a level-1
 * section may join a page less than half full (joins_page). */
static void layout_pass(pdf_report *r, const tpl_doc *doc)
{
    r->toc_count = 0;
    r->toc_slot_count = 0;
    r->section_bookmark = 0;
    r->dry_until = 0;
    pdf_flow_begin(r);
    for (size_t i = 0; i < doc->count; i++) {
        const tpl_block *b = &doc->blocks[i];
        if (i == r->dry_until) /* the sections laid out dry are drawn */
            pdf_draw_forget_widths(r->draw);
        bool keep = !r->measuring && b->kind == TPL_HEADING && b->level > 1;
        bool pagebreak = b->kind == TPL_DIRECTIVE && strcmp(b->name, "pagebreak") == 0;
        if (keep && !section_fits(r, doc, i))
            pdf_flow_new_page(r);
        if (!r->measuring && b->kind == TPL_HEADING && b->level == 1)
            r->join_page = joins_page(r, doc, i);
        if (pagebreak && !r->measuring && section_fits(r, doc, i + 1))
            continue;
        block(r, b);
    }
    pdf_draw_forget_widths(r->draw);
}

/* Reads the language's template with the report's directives and
 * placeholders, then checks the directives' arguments.  0 or -1. */
static int load_template(pdf_report *r, const render_context *ctx, tpl_doc *doc)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/report.%s.md", ctx->templates_dir, language_code(r->f->lang));
    report_context content = { r->f, r->msg };
    tpl_options opt = { .templates_dir = ctx->templates_dir,
                        .input_dir = ctx->input_dir,
                        .resolve = fields_resolve,
                        .user = &content,
                        .lang = language_code(r->f->lang) };
    report_template_options(&opt, &content);
    int rc = tpl_load(doc, path, path, &opt, r->d);
    if (report_check(r->f, doc, r->d) != 0)
        rc = -1;
    return rc;
}

/* The document's title, author, subject, keywords and date. */
static void set_info(pdf_report *r, const render_context *ctx)
{
    const figures *f = r->f;
    char title[256], subject[600];
    snprintf(title, sizeof title, "%s %s", f->config->title ? f->config->title : "",
             f->current.label);
    snprintf(subject, sizeof subject, "%s - %s", f->config->org_name, title);
    pdf_info info = { title, f->config->org_name, subject, f->current.label, ctx->timestamp };
    pdf_draw_set_info(r->draw, &info);
    pdf_draw_set_language(r->draw, language_code(f->lang));
}

/* The organisation's logo ([organisation] logo, checked readable by
 * config.c): a file libharu cannot read is reported at its report.ini
 * line (65), one that cannot be opened or read now 66.  0 or -1. */
static int load_logo(pdf_report *r)
{
    const config *c = r->f->config;
    r->logo = -1;
    if (!c->org_logo)
        return 0;
    double w = 0, h = 0;
    const char *why = N_("it is empty");
    r->logo = pdf_draw_image_load(r->draw, c->org_logo, &w, &h, &why);
    if (r->logo == -2) {
        diag_report(r->d, EXIT_NOINPUT, "report.ini", c->org_logo_line, NULL,
                    "logo '%s': cannot read: %s", c->org_logo, _(why));
        return -1;
    }
    if (r->logo < 0 || w <= 0 || h <= 0) {
        diag_data(r->d, "report.ini", c->org_logo_line, NULL, "logo '%s' cannot be drawn: %s",
                  c->org_logo, _(why));
        r->logo = -1;
        return -1;
    }
    r->logo_aspect = w / h;
    return 0;
}

/* Opens the document on r->draw: its faces with the style's fallbacks,
 * its information and the logo.  0 or -1. */
static int open_document(pdf_report *r, const pdf_style *st, const render_context *ctx)
{
    for (int f = 0; f < PDF_FACE_COUNT; f++) {
        if (pdf_draw_load_face(r->draw, f, st->font_path[f]) != 0)
            return -1;
        for (size_t k = 0; k < st->fallback_count[f]; k++)
            pdf_draw_add_fallback(r->draw, f, st->fallback_path[f][k], st->fallback_index[f][k]);
    }
    set_info(r, ctx);
    return load_logo(r);
}

/* Loads the faces, lays the document out and draws it in one pass, fills
 * in the contents' page numbers and saves it when nothing broke.  When
 * fonts lack characters that fallback fonts have, the document is made
 * again with them (other fonts, other widths), its problems not reported
 * twice.  0 or -1. */
static int render(pdf_report *r, pdf_style *st, const char *style_path, const render_context *ctx,
                  const tpl_doc *doc, const char *path)
{
    if (open_document(r, st, ctx) != 0)
        return -1;
    collect_titles(r, doc);
    r->left = r->st->margin_left;
    r->width = r->st->page_width - r->st->margin_left - r->st->margin_right;
    layout_pass(r, doc);
    if (!r->broken && pdf_scripts_fallbacks(r, st, style_path)) {
        pdf_draw_free(r->draw);
        if (!(r->draw = pdf_draw_new(r->d)) || open_document(r, st, ctx) != 0)
            return -1;
        r->quiet = true;
        layout_pass(r, doc);
    }
    if (r->broken)
        return -1;
    pdf_sections_toc_fill(r);
    pdf_scripts_warn(r);
    return pdf_draw_save(r->draw, path);
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
    rc = render(&r, &st, style_path, ctx, &doc, path);
done:
    tpl_doc_free(&doc);
    pdf_flow_end(&r);
    pdf_draw_free(r.draw);
    messages_free(msg);
    pdf_style_free(&st);
    for (size_t i = 0; i < r.toc_title_count; i++)
        free(r.toc_titles[i]);
    free(r.toc_titles);
    free(r.toc_pages);
    free(r.toc_slots);
    return rc;
}
