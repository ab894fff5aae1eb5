/* pdf_sections.c - the template's directives drawn: cover, contents, page
 * breaks, the statement of revenue and expenses, funders, history, program
 * area tables, charts, people and team lists, partner and region names in
 * columns.  One table gives each directive of report/report.h its drawing.
 * Each part reads the figures and formats them; sorting a list for display
 * is the only thing done to them. */
#include "pdf/pdf_sections.h"
#include "pdf/pdf_chart.h"
#include "pdf/pdf_flow.h"
#include "pdf/pdf_statements.h"
#include "pdf/pdf_table.h"
#include "report/fields.h"
#include "report/fmt.h"
#include "report/report.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- cover and contents ------------------------------------------------ */

/* A text of the cover wrapped to the text width at size, kept to be
 * drawn: each size is measured once however often the cover's height is
 * asked for. */
typedef struct cover_text {
    const char *text; /* NULL or "": nothing */
    int face;
    double size;
    layout_para para;
    size_t lines;
    bool wrapped;
} cover_text;

/* The height of c's text at size (0 when empty), wrapping it again only
 * when the size changed. */
static double cover_height(pdf_report *r, cover_text *c, double size)
{
    if (!c->text || !*c->text)
        return 0;
    if (!c->wrapped || c->size != size) {
        if (c->wrapped)
            layout_para_free(&c->para);
        pdf_span span = { c->text, c->face, NULL };
        c->lines = pdf_flow_wrap(r, &c->para, &span, 1, size, r->width);
        c->size = size;
        c->wrapped = true;
    }
    return (double)c->lines * pdf_flow_line_height(r, size);
}

/* Cover text c at size, its top at *y; moves *y below it. */
static void cover_line(pdf_report *r, cover_text *c, double size, pdf_color color, double *y)
{
    if (!c->text || !*c->text)
        return;
    double h = cover_height(r, c, size);
    pdf_flow_draw_para(r, &c->para, r->left, *y - size, r->width, color, PDF_ALIGN_LEFT);
    *y -= h;
}

static void cover_text_free(cover_text *c)
{
    if (c->wrapped)
        layout_para_free(&c->para);
}

/* The cover's sizes: the organisation's name and the title, made smaller
 * when needed so that the whole block fits its room. */
typedef struct cover_sizes {
    double org, title;
} cover_sizes;

/* The cover's block: name, subtitle, tagline, a bar, the title and the
 * fiscal year. */
enum { COVER_ORG, COVER_SUBTITLE, COVER_TAGLINE, COVER_TITLE, COVER_YEAR, COVER_TEXTS };

/* The height of the cover's block at sizes z, with the gaps cover()
 * leaves. */
static double cover_block(pdf_report *r, cover_text *t, cover_sizes z)
{
    const pdf_style *st = r->st;
    return cover_height(r, &t[COVER_ORG], z.org) +
           cover_height(r, &t[COVER_SUBTITLE], st->size_h2) + 18 +
           cover_height(r, &t[COVER_TAGLINE], st->size_h2) + 40 + 16 +
           cover_height(r, &t[COVER_TITLE], z.title) + cover_height(r, &t[COVER_YEAR], st->size_h1);
}

/* The cover's contact lines from the bottom margin up: address, phone and
 * email, website; returns the top of the highest. */
static double cover_contact(pdf_report *r)
{
    const pdf_style *st = r->st;
    const config *c = r->f->config;
    char reach[600];
    snprintf(reach, sizeof reach, "%s%s%s", c->org_phone ? c->org_phone : "",
             c->org_phone && c->org_email ? " \xc2\xb7 " : "", c->org_email ? c->org_email : "");
    const char *lines[] = { c->org_website, reach, c->org_address };
    double y = st->margin_bottom;
    for (size_t i = 0; i < 3; i++) {
        if (!lines[i] || !*lines[i])
            continue;
        cover_text t = { lines[i], PDF_FACE_REGULAR, 0, { 0 }, 0, false };
        double h = cover_height(r, &t, st->size_small);
        double top = y + h;
        cover_line(r, &t, st->size_small, st->muted, &top);
        cover_text_free(&t);
        y += h + 2;
    }
    return y;
}

/* The logo in the top right corner, at most a third of the width and 130
 * points high; returns its bottom (the top margin's when there is none). */
static double cover_logo(pdf_report *r)
{
    const pdf_style *st = r->st;
    double top = st->page_height - st->margin_top * 0.6;
    if (r->logo < 0)
        return st->page_height - st->margin_top;
    double h = 130, w = h * r->logo_aspect;
    if (w > r->width / 3) {
        w = r->width / 3;
        h = w / r->logo_aspect;
    }
    pdf_draw_image(r->draw, r->logo, r->left + r->width - w, top - h, w, h);
    return top - h;
}

/* "{{% cover %}}": the logo, the organisation, the report's title and
 * year, the contact lines; then a new page.  The block starts at 62 % of
 * the page's height when it fits there, higher when it must, and its two
 * large texts shrink when it fits nowhere between the logo and the
 * contact lines. */
static void cover(pdf_report *r, const char *arg)
{
    (void)arg;
    const pdf_style *st = r->st;
    const config *c = r->f->config;
    if (r->flow.y < r->flow.top)
        pdf_flow_new_page(r);
    double ceiling = cover_logo(r) - 24, floor = cover_contact(r) + 24;
    cover_text t[COVER_TEXTS] = {
        [COVER_ORG] = { c->org_name, PDF_FACE_BOLD, 0, { 0 }, 0, false },
        [COVER_SUBTITLE] = { c->org_subtitle, PDF_FACE_REGULAR, 0, { 0 }, 0, false },
        [COVER_TAGLINE] = { c->org_tagline, PDF_FACE_ITALIC, 0, { 0 }, 0, false },
        [COVER_TITLE] = { c->title, PDF_FACE_BOLD, 0, { 0 }, 0, false },
        [COVER_YEAR] = { r->f->current.label, PDF_FACE_REGULAR, 0, { 0 }, 0, false },
    };
    cover_sizes z = { st->size_cover_org, st->size_cover_title };
    double least = st->size_body;
    while (cover_block(r, t, z) > ceiling - floor && (z.org > least || z.title > least)) {
        z.org = z.org * 0.9 > least ? z.org * 0.9 : least;
        z.title = z.title * 0.95 > least ? z.title * 0.95 : least;
    }
    double height = cover_block(r, t, z), y = st->page_height * 0.62;
    if (y - height < floor)
        y = floor + height;
    if (y > ceiling)
        y = ceiling;
    cover_line(r, &t[COVER_ORG], z.org, st->accent, &y);
    cover_line(r, &t[COVER_SUBTITLE], st->size_h2, st->text, &y);
    y -= 18;
    cover_line(r, &t[COVER_TAGLINE], st->size_h2, st->muted, &y);
    y -= 40;
    pdf_draw_rect(r->draw, r->left, y - 4, 60, 4, &st->accent, NULL);
    y -= 16;
    cover_line(r, &t[COVER_TITLE], z.title, st->text, &y);
    cover_line(r, &t[COVER_YEAR], st->size_h1, st->accent, &y);
    for (int i = 0; i < COVER_TEXTS; i++)
        cover_text_free(&t[i]);
    pdf_flow_new_page(r);
}

/* The size of the contents' entries. */
static double toc_size(const pdf_report *r)
{
    return r->st->size_body + 1;
}

/* Contents entry i: number and title, wrapped before a page number column
 * as wide as "00" (pw: so the contents' length never depends on the
 * numbers), the whole entry a link to its section.  Its page number and
 * dotted leader are drawn after the last page (pdf_sections_toc_fill). */
static void toc_entry(pdf_report *r, size_t i, double lh, double pw)
{
    const pdf_style *st = r->st;
    char number[32];
    snprintf(number, sizeof number, "%zu.", i + 1);
    double size = toc_size(r), gap = lh - pdf_flow_line_height(r, size);
    double x = r->left + 30, right = r->left + r->width, room = right - pw - 12 - x;
    pdf_span span = { r->toc_titles[i], PDF_FACE_REGULAR, NULL };
    layout_para p;
    size_t lines = pdf_flow_wrap(r, &p, &span, 1, size, room);
    lines = lines ? lines : 1;
    double line = pdf_flow_line_height(r, size);
    pdf_flow_ensure(r, (double)lines * line + gap, 0);
    double top = r->flow.y, base = top - size;
    pdf_flow_text_at(r, number, PDF_FACE_BOLD, size, st->accent, r->left, base, 22,
                     PDF_ALIGN_RIGHT);
    pdf_flow_draw_para(r, &p, x, base, room, st->text, PDF_ALIGN_LEFT);
    double last = base - line * (double)(lines - 1);
    double tw = p.line_count ? p.lines[p.line_count - 1].width : 0;
    layout_para_free(&p);
    size_t page = pdf_draw_page_index(r->draw);
    if (page) {
        xgrow((void **)&r->toc_slots, &r->toc_slot_cap, r->toc_slot_count + 1,
              sizeof *r->toc_slots);
        r->toc_slots[r->toc_slot_count++] = (pdf_toc_slot){ i, page, last, x + tw };
    }
    r->flow.y = last - (line - size) - gap;
    pdf_draw_link_to(r->draw, r->left, r->flow.y + gap / 2, right, top, i);
}

void pdf_sections_toc_fill(pdf_report *r)
{
    const pdf_style *st = r->st;
    double size = toc_size(r), right = r->left + r->width;
    double dot = pdf_draw_width(r->draw, PDF_FACE_REGULAR, size, ".", 1);
    size_t current = pdf_draw_page_index(r->draw);
    for (size_t k = 0; k < r->toc_slot_count; k++) {
        const pdf_toc_slot *s = &r->toc_slots[k];
        char page[16], leader[256];
        if (s->entry < r->toc_count)
            snprintf(page, sizeof page, "%d", r->toc_pages[s->entry]);
        else
            snprintf(page, sizeof page, "00");
        pdf_draw_revisit(r->draw, s->page);
        double pw = pdf_draw_width(r->draw, PDF_FACE_REGULAR, size, page, strlen(page));
        pdf_flow_measured_at(r, page, pw, PDF_FACE_REGULAR, size, st->text, r->left, s->baseline,
                             r->width, PDF_ALIGN_RIGHT);
        /* The leader is one run of dots, so text extraction reads it as one. */
        double from = s->title_end + 6, to = right - pw - 6;
        size_t n = dot > 0 && to > from ? (size_t)((to - from) / dot) : 0;
        n = n < sizeof leader - 1 ? n : sizeof leader - 1;
        memset(leader, '.', n);
        leader[n] = '\0';
        pdf_flow_text_at(r, leader, PDF_FACE_REGULAR, size, st->rule, from, s->baseline, to - from,
                         PDF_ALIGN_RIGHT);
    }
    pdf_draw_revisit(r->draw, current);
}

/* "{{% toc %}}": the level-1 headings and their pages. */
static void toc(pdf_report *r, const char *arg)
{
    (void)arg;
    const pdf_style *st = r->st;
    pdf_flow_ensure(r, st->size_h1 * 3, 0);
    pdf_draw_bookmark(r->draw, 0, pdf_flow_label(r, "pdf.toc"), r->flow.y);
    pdf_span span = { pdf_flow_label(r, "pdf.toc"), PDF_FACE_BOLD, NULL };
    pdf_text_opts o = { st->size_h1, st->accent, 0, 0, PDF_ALIGN_LEFT, 1 };
    pdf_flow_text(r, &span, 1, &o);
    r->flow.y -= st->size_h1;
    double lh = pdf_flow_line_height(r, st->size_body + 1) * 1.3;
    double pw =
        r->toc_title_count ? pdf_draw_width(r->draw, PDF_FACE_REGULAR, toc_size(r), "00", 2) : 0;
    for (size_t i = 0; i < r->toc_title_count; i++)
        toc_entry(r, i, lh, pw);
    r->flow.y -= st->paragraph_space * 2;
}

/* ---- finances ---------------------------------------------------------- */

/* Tables show money exactly, to the cent, so that rows add up. */
static void money(const pdf_report *r, int64_t v, char *out, size_t size)
{
    fields_value(r->f, v, UNIT_MONEY_CENTS, false, out, size);
}

/* A row of a figure: its label, then its parts (current, previous,
 * change, change %). */
static void add_figure_row(pdf_report *r, pdf_table *t, pdf_table_row_kind kind, const char *label,
                           const figure *fig, fields_unit unit)
{
    char parts[FIGURE_PART_COUNT][FMT_SIZE];
    const char *cells[1 + FIGURE_PART_COUNT] = { label };
    for (int p = 0; p < FIGURE_PART_COUNT; p++) {
        fields_figure_part(r->f, fig, unit, (figure_part)p, parts[p], sizeof parts[p]);
        cells[1 + p] = parts[p];
    }
    pdf_table_add_row(t, kind, cells);
}

/* The columns of a comparison table: first, then a figure's parts (the
 * two years, change, change %). */
static void comparison_columns(pdf_report *r, pdf_table *t, const char *first)
{
    static const double width[FIGURE_PART_COUNT] = { 0.18, 0.18, 0.18, 0.13 };
    pdf_table_init(t);
    pdf_table_add_col(t, first, 0.33, PDF_ALIGN_LEFT);
    for (int p = 0; p < FIGURE_PART_COUNT; p++) {
        const char *heading = p == FIGURE_CURRENT    ? r->f->current.label
                              : p == FIGURE_PREVIOUS ? r->f->previous.label
                              : p == FIGURE_CHANGE   ? pdf_flow_label(r, "common.change")
                                                     : pdf_flow_label(r, "common.change_pct");
        pdf_table_add_col(t, heading, width[p], PDF_ALIGN_NUMBER);
    }
}

/* A bold label spanning the row: "Revenue", "Expenses". */
static void section_row(pdf_table *t, const char *label)
{
    const char *cells[PDF_TABLE_COLS_MAX] = { label };
    pdf_table_add_row(t, PDF_ROW_SECTION, cells);
}

/* "{{% statement %}}": revenue and expenses by group, totals and net. */
static void statement(pdf_report *r, const char *arg)
{
    (void)arg;
    const figures *f = r->f;
    char caption[256], end[FMT_SIZE];
    fmt_date(end, sizeof end, f->current.end, f->lang);
    snprintf(caption, sizeof caption, "%s %s", pdf_flow_label(r, "pdf.statement_caption"), end);
    pdf_span span = { caption, PDF_FACE_ITALIC, NULL };
    pdf_text_opts o = { r->st->size_body, r->st->muted, 0, 0, PDF_ALIGN_LEFT, 1 };
    pdf_flow_text(r, &span, 1, &o);
    r->flow.y -= 4;
    pdf_table t;
    comparison_columns(r, &t, pdf_flow_label(r, "common.group"));
    section_row(&t, pdf_flow_label(r, "common.revenue"));
    for (size_t i = 0; i < f->revenue_group_count; i++)
        add_figure_row(r, &t, PDF_ROW_BODY, figures_label(f, f->revenue_groups[i].group),
                       &f->revenue_groups[i].amount, UNIT_MONEY_CENTS);
    add_figure_row(r, &t, PDF_ROW_TOTAL, pdf_flow_label(r, "common.total_revenue"), &f->revenue,
                   UNIT_MONEY_CENTS);
    section_row(&t, pdf_flow_label(r, "common.expenses"));
    for (size_t i = 0; i < f->expense_group_count; i++)
        add_figure_row(r, &t, PDF_ROW_BODY, figures_label(f, f->expense_groups[i].group),
                       &f->expense_groups[i].amount, UNIT_MONEY_CENTS);
    add_figure_row(r, &t, PDF_ROW_TOTAL, pdf_flow_label(r, "common.total_expenses"), &f->expenses,
                   UNIT_MONEY_CENTS);
    add_figure_row(r, &t, PDF_ROW_TOTAL, pdf_flow_label(r, "common.net"), &f->net,
                   UNIT_MONEY_CENTS);
    pdf_table_draw(r, &t);
    pdf_table_free(&t);
}

/* A row of the funders table: label, both years (the previous one "n.d."
 * when a trial balance stood in for it: its split by funder is unknown). */
static void funder_cells(pdf_report *r, pdf_table *t, pdf_table_row_kind kind, const char *label,
                         const figure *amount, bool previous_unknown)
{
    char cur[FMT_SIZE], prev[FMT_SIZE];
    money(r, amount->current, cur, sizeof cur);
    money(r, amount->previous, prev, sizeof prev);
    if (previous_unknown)
        snprintf(prev, sizeof prev, "%s", pdf_flow_label(r, "common.unknown"));
    const char *cells[] = { label, cur, prev };
    pdf_table_add_row(t, kind, cells);
}

/* "{{% funders %}}": the funders table as compute listed it, and its
 * total, the revenue (report.c leaves the directive out when it is
 * empty). */
static void funders(pdf_report *r, const char *arg)
{
    (void)arg;
    const figures *f = r->f;
    pdf_table t;
    pdf_table_init(&t);
    pdf_table_add_col(&t, pdf_flow_label(r, "common.funder"), 0.56, PDF_ALIGN_LEFT);
    pdf_table_add_col(&t, f->current.label, 0.22, PDF_ALIGN_NUMBER);
    pdf_table_add_col(&t, f->previous.label, 0.22, PDF_ALIGN_NUMBER);
    for (size_t i = 0; i < f->funder_count; i++) {
        char *label = report_funder_label(r->msg, f->lang, &f->funders[i]);
        funder_cells(r, &t, PDF_ROW_BODY, label, &f->funders[i].amount,
                     f->counterparties_previous_unknown);
        free(label);
    }
    funder_cells(r, &t, PDF_ROW_TOTAL, pdf_flow_label(r, "common.total_revenue"), &f->revenue,
                 false);
    pdf_table_draw(r, &t);
    pdf_table_free(&t);
}

/* "{{% history %}}": revenue, expenses and net of each history year. */
static void history(pdf_report *r, const char *arg)
{
    (void)arg;
    const figures *f = r->f;
    pdf_table t;
    pdf_table_init(&t);
    pdf_table_add_col(&t, pdf_flow_label(r, "common.fiscal_year"), 0.25, PDF_ALIGN_LEFT);
    pdf_table_add_col(&t, pdf_flow_label(r, "common.revenue"), 0.25, PDF_ALIGN_NUMBER);
    pdf_table_add_col(&t, pdf_flow_label(r, "common.expenses"), 0.25, PDF_ALIGN_NUMBER);
    pdf_table_add_col(&t, pdf_flow_label(r, "pdf.net_short"), 0.25, PDF_ALIGN_NUMBER);
    for (size_t i = 0; i < f->history_count; i++) {
        const history_figure *h = &f->history[i];
        char rev[FMT_SIZE], exp[FMT_SIZE], net[FMT_SIZE];
        money(r, h->revenue, rev, sizeof rev);
        money(r, h->expenses, exp, sizeof exp);
        money(r, h->net, net, sizeof net);
        const char *cells[] = { h->period.label, rev, exp, net };
        pdf_table_add_row(&t, PDF_ROW_BODY, cells);
    }
    pdf_table_draw(r, &t);
    pdf_table_free(&t);
}

/* ---- program areas ----------------------------------------------------- */

/* A program area's activity types: counts and participants, both years. */
static void axis_types(pdf_report *r, const char *axis)
{
    const figures *f = r->f;
    char head[4][128];
    snprintf(head[0], sizeof head[0], "%s %s", pdf_flow_label(r, "common.activities"),
             f->current.label);
    snprintf(head[1], sizeof head[1], "%s %s", pdf_flow_label(r, "common.activities"),
             f->previous.label);
    snprintf(head[2], sizeof head[2], "%s %s", pdf_flow_label(r, "common.participants"),
             f->current.label);
    snprintf(head[3], sizeof head[3], "%s %s", pdf_flow_label(r, "common.participants"),
             f->previous.label);
    pdf_table t;
    pdf_table_init(&t);
    pdf_table_add_col(&t, pdf_flow_label(r, "common.type"), 0.36, PDF_ALIGN_LEFT);
    for (int i = 0; i < 4; i++)
        pdf_table_add_col(&t, head[i], 0.16, PDF_ALIGN_NUMBER);
    for (size_t i = 0; i < f->type_count; i++) {
        const type_figure *ty = &f->types[i];
        if (strcmp(ty->axis, axis) != 0)
            continue;
        char v[4][FMT_SIZE];
        fmt_count(v[0], sizeof v[0], ty->count.current, f->lang);
        fmt_count(v[1], sizeof v[1], ty->count.previous, f->lang);
        fmt_count(v[2], sizeof v[2], ty->participants.current, f->lang);
        fmt_count(v[3], sizeof v[3], ty->participants.previous, f->lang);
        const char *cells[] = { figures_label(f, ty->type), v[0], v[1], v[2], v[3] };
        pdf_table_add_row(&t, PDF_ROW_BODY, cells);
    }
    pdf_table_draw(r, &t);
    pdf_table_free(&t);
}

/* "{{% axis NAME %}}": a program area's summary table and its types. */
static void axis(pdf_report *r, const char *name)
{
    const figures *f = r->f;
    for (size_t i = 0; i < f->axis_count; i++) {
        const axis_figure *a = &f->axes[i];
        if (strcmp(a->axis, name) != 0)
            continue;
        pdf_table t;
        comparison_columns(r, &t, pdf_flow_label(r, "pdf.axis_summary"));
        add_figure_row(r, &t, PDF_ROW_BODY, pdf_flow_label(r, "common.activities"), &a->count,
                       UNIT_COUNT);
        add_figure_row(r, &t, PDF_ROW_BODY, pdf_flow_label(r, "common.participants"),
                       &a->participants, UNIT_COUNT);
        add_figure_row(r, &t, PDF_ROW_BODY, pdf_flow_label(r, "common.hours"), &a->hours,
                       UNIT_HOURS);
        pdf_table_draw(r, &t);
        pdf_table_free(&t);
        axis_types(r, name);
        return;
    }
}

/* ---- lists in columns -------------------------------------------------- */

typedef struct list_item {
    const char *name, *detail; /* detail may be "" */
    int face;                  /* of the name */
} list_item;

/* A piece of a list: lines from .. from + count of one item's paragraph.
 * An item is one piece unless it is taller than a page: then it is cut
 * into pieces, each continued at the top of the next column or page.  The
 * paragraph is the item's own (xmalloc'd); its last piece frees it. */
typedef struct list_piece {
    layout_para *para;
    size_t from, count;
    double height;
    bool last;
} list_piece;

/* The list being drawn: its items are wrapped as the pages need them, so
 * that only about a page's worth of pieces is held at a time.  pieces
 * holds the pieces not drawn yet, in order; next is the first item not
 * wrapped yet; height is the sum of the held pieces' heights. */
typedef struct list_geom {
    int cols;
    double gap, cw, lh;
    const list_item *items;
    size_t item_count, next;
    list_piece *pieces;
    size_t piece_count, piece_cap;
    double height;
} list_geom;

/* How many pieces from first fill cols columns no taller than target.  A
 * column holds one piece at least, but a later column does not start with
 * a piece taller than target: it waits for the next page. */
static size_t columns_take(const list_geom *g, size_t first, size_t n, double target)
{
    size_t i = first;
    for (int c = 0; c < g->cols && i < n; c++) {
        double h = 0;
        if (i > first && g->pieces[i].height > target)
            break;
        do
            h += g->pieces[i++].height;
        while (i < n && h + g->pieces[i].height <= target);
    }
    return i - first;
}

/* Lays pieces[first..first+count) out in columns, top to bottom then left
 * to right, from the current position. */
static void columns_draw(pdf_report *r, const list_geom *g, size_t first, size_t count,
                         double target)
{
    double top = r->flow.y, lowest = top;
    size_t i = first, end = first + count;
    for (int c = 0; c < g->cols && i < end; c++) {
        double y = top, h = 0;
        do {
            const list_piece *pc = &g->pieces[i++];
            pdf_flow_draw_lines(r, pc->para, pc->from, pc->count, r->left + c * (g->cw + g->gap),
                                y - r->st->size_body, g->cw, r->st->text, PDF_ALIGN_LEFT);
            y -= pc->height;
            h += pc->height;
        } while (i < end && h + g->pieces[i].height <= target);
        if (y < lowest)
            lowest = y;
    }
    r->flow.y = lowest;
}

/* Wraps the next item into its paragraph and cuts it into pieces no taller
 * than a page (4 points below an item's last piece). */
static void columns_wrap_next(pdf_report *r, list_geom *g)
{
    const list_item *it = &g->items[g->next++];
    double page = r->flow.top - r->flow.bottom;
    size_t most = page >= g->lh + 4 ? (size_t)((page - 4) / g->lh) : 1;
    pdf_span spans[3] = { { it->name, it->face, NULL },
                          { "\n", PDF_FACE_REGULAR, NULL },
                          { it->detail, PDF_FACE_ITALIC, NULL } };
    layout_para *para = xmalloc(sizeof *para);
    size_t lines = pdf_flow_wrap(r, para, spans, *it->detail ? 3 : 1, r->st->size_body, g->cw);
    size_t from = 0;
    do {
        size_t count = lines - from < most ? lines - from : most;
        bool last = from + count == lines;
        double height = (double)count * g->lh + (last ? 4 : 0);
        xgrow((void **)&g->pieces, &g->piece_cap, g->piece_count + 1, sizeof *g->pieces);
        g->pieces[g->piece_count++] = (list_piece){ para, from, count, height, last };
        g->height += height;
        from += count;
    } while (from < lines);
}

/* Wraps items until the held pieces are taller than limit and one more
 * piece is held, or every item is wrapped. */
static void columns_fill(pdf_report *r, list_geom *g, double limit)
{
    while (g->next < g->item_count && g->height <= limit)
        columns_wrap_next(r, g);
    if (g->next < g->item_count)
        columns_wrap_next(r, g);
}

/* Forgets the first count pieces (drawn), freeing their items' paragraphs. */
static void columns_drop(list_geom *g, size_t count)
{
    for (size_t k = 0; k < count; k++) {
        g->height -= g->pieces[k].height;
        if (g->pieces[k].last) {
            layout_para_free(g->pieces[k].para);
            free(g->pieces[k].para);
        }
    }
    g->piece_count -= count;
    memmove(g->pieces, g->pieces + count, g->piece_count * sizeof *g->pieces);
}

/* The column height for this page: the shortest that holds all the rest
 * when it fits on the page (balanced columns), else the page's room.  The
 * rest is summed only until it is known not to fit. */
static double columns_target(pdf_report *r, list_geom *g, double avail)
{
    double rest = 0, tallest = 0;
    for (size_t k = 0;; k++) {
        if (k == g->piece_count)
            columns_fill(r, g, g->height);
        if (k == g->piece_count)
            break;
        rest += g->pieces[k].height;
        tallest = g->pieces[k].height > tallest ? g->pieces[k].height : tallest;
        if (rest / g->cols >= avail || tallest >= avail)
            return avail; /* what the whole sum would give */
    }
    double target = rest / g->cols;
    target = target < tallest ? tallest : target;
    /* Everything is held here: balance, the shortest columns that hold it. */
    while (target < avail && columns_take(g, 0, g->piece_count, target) < g->piece_count)
        target += g->lh / 2;
    return target > avail ? avail : target;
}

/* A list in columns, balanced on the last page, continued on new pages. */
static void draw_columns(pdf_report *r, const list_item *items, size_t n)
{
    const pdf_style *st = r->st;
    list_geom g = {
        st->list_columns, 18, 0, pdf_flow_line_height(r, st->size_body), items, n, 0, NULL, 0, 0, 0
    };
    g.cw = (r->width - g.gap * (g.cols - 1)) / g.cols;
    for (;;) {
        columns_fill(r, &g, 0);
        if (g.piece_count == 0)
            break;
        double avail = r->flow.y - r->flow.bottom;
        double target = columns_target(r, &g, avail);
        if (g.pieces[0].height > avail && r->flow.y < r->flow.top) {
            pdf_flow_new_page(r);
            continue;
        }
        /* enough pieces for the columns, and one more to see where they end */
        columns_fill(r, &g, g.cols * target + g.pieces[0].height);
        size_t count = columns_take(&g, 0, g.piece_count, target);
        columns_draw(r, &g, 0, count, target);
        columns_drop(&g, count);
        if (g.piece_count > 0 || g.next < g.item_count)
            pdf_flow_new_page(r);
    }
    free(g.pieces);
    r->flow.y -= st->paragraph_space;
}

/* ---- people ------------------------------------------------------------ */

/* A list of people in columns, with their roles (NULL: nobody). */
static void people_columns(pdf_report *r, const people_list *list)
{
    const figures *f = r->f;
    size_t n = list ? list->count : 0;
    list_item *items = xcalloc(n + 1, sizeof *items);
    for (size_t i = 0; i < n; i++) {
        const person *p = &f->people[list->members[i]];
        items[i] = (list_item){ p->name, p->role, PDF_FACE_BOLD };
    }
    if (n == 0) {
        pdf_span span = { pdf_flow_label(r, "pdf.people_empty"), PDF_FACE_ITALIC, NULL };
        pdf_text_opts o = { r->st->size_body, r->st->muted, 0, 0, PDF_ALIGN_LEFT, 1 };
        pdf_flow_text(r, &span, 1, &o);
    }
    draw_columns(r, items, n);
    free(items);
}

/* "{{% people GROUP %}}": GROUP matched by its folded name. */
static void people_of(pdf_report *r, const char *group)
{
    people_columns(r, figures_people_group(r->f, group));
}

/* "{{% team %}}": every team, and the people without a team of a group
 * that has teams under the group's name, in order of first appearance. */
static void teams(pdf_report *r, const char *arg)
{
    (void)arg;
    for (size_t i = 0; i < r->f->people_unit_count; i++) {
        const people_list *unit = &r->f->people_units[i];
        pdf_flow_space(r, 4);
        pdf_flow_ensure(r, pdf_flow_line_height(r, r->st->size_h3),
                        pdf_flow_line_height(r, r->st->size_body) * 2);
        pdf_span span = { figures_label(r->f, unit->name), PDF_FACE_BOLD, NULL };
        pdf_text_opts o = { r->st->size_h3, r->st->accent, 0, 0, PDF_ALIGN_LEFT, 1 };
        pdf_flow_text(r, &span, 1, &o);
        r->flow.y -= 3;
        people_columns(r, unit);
    }
}

typedef struct sort_key {
    char *key;
    const char *name;
} sort_key;

/* By folded name, then as written. */
static int by_key(const void *a, const void *b)
{
    const sort_key *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : strcmp(x->name, y->name);
}

/* Names sorted as a reader expects (case and accents folded). */
static void names(pdf_report *r, const partner_figure *list, size_t n)
{
    sort_key *keys = xcalloc(n + 1, sizeof *keys);
    for (size_t i = 0; i < n; i++) {
        keys[i].name = list[i].name;
        keys[i].key = text_header_key(list[i].name, strlen(list[i].name));
        if (!keys[i].key)
            keys[i].key = xstrdup(list[i].name);
    }
    qsort(keys, n, sizeof *keys, by_key);
    list_item *items = xcalloc(n + 1, sizeof *items);
    for (size_t i = 0; i < n; i++)
        items[i] = (list_item){ keys[i].name, "", PDF_FACE_REGULAR };
    draw_columns(r, items, n);
    for (size_t i = 0; i < n; i++)
        free(keys[i].key);
    free(keys);
    free(items);
}

/* ---- dispatch ---------------------------------------------------------- */

/* "{{% pagebreak %}}": a new page unless the page is still empty. */
static void pagebreak(pdf_report *r, const char *arg)
{
    (void)arg;
    if (r->flow.y < r->flow.top)
        pdf_flow_new_page(r);
}

/* "{{% chart NAME %}}". */
static void chart(pdf_report *r, const char *arg)
{
    switch (report_chart_id_of(arg)) {
    case REPORT_CHART_REVENUE_GROUPS: pdf_chart_revenue_groups(r); break;
    case REPORT_CHART_EXPENSE_GROUPS: pdf_chart_expense_groups(r); break;
    case REPORT_CHART_HISTORY: pdf_chart_history(r); break;
    default: break; /* refused by report_check */
    }
}

/* "{{% partners %}}" and "{{% regions %}}": names in columns. */
static void partners(pdf_report *r, const char *arg)
{
    (void)arg;
    names(r, r->f->partners, r->f->partner_list_count);
}

static void regions(pdf_report *r, const char *arg)
{
    (void)arg;
    names(r, r->f->regions, r->f->region_list_count);
}

/* Each drawn directive's drawing, by its id; generated directives are
 * blocks by the time anything is drawn. */
typedef void pdf_section_fn(pdf_report *r, const char *arg);
static pdf_section_fn *const sections[REPORT_DIRECTIVE_COUNT] = {
    [REPORT_DIRECTIVE_COVER] = cover,
    [REPORT_DIRECTIVE_TOC] = toc,
    [REPORT_DIRECTIVE_PAGEBREAK] = pagebreak,
    [REPORT_DIRECTIVE_STATEMENT] = statement,
    [REPORT_DIRECTIVE_FUNDERS] = funders,
    [REPORT_DIRECTIVE_AXIS] = axis,
    [REPORT_DIRECTIVE_HISTORY] = history,
    [REPORT_DIRECTIVE_CHART] = chart,
    [REPORT_DIRECTIVE_PEOPLE] = people_of,
    [REPORT_DIRECTIVE_TEAM] = teams,
    [REPORT_DIRECTIVE_PARTNERS] = partners,
    [REPORT_DIRECTIVE_REGIONS] = regions,
    [REPORT_DIRECTIVE_BUDGET] = pdf_statements_budget,
    [REPORT_DIRECTIVE_FORECAST] = pdf_statements_forecast,
    [REPORT_DIRECTIVE_POSITION] = pdf_statements_position,
    [REPORT_DIRECTIVE_INDICATORS] = pdf_statements_indicators,
};

void pdf_sections_draw(pdf_report *r, const tpl_block *b)
{
    int id = report_directive_id_of(b->name);
    if (id < 0 || !sections[id]) {
        diag_report(r->d, EXIT_SOFTWARE, b->file, b->line, NULL,
                    "internal error: directive '%s' has no drawing in the PDF", b->name);
        r->broken = true;
        return;
    }
    sections[id](r, b->arg);
}
