/* pdf_parts.c - the template's directives: the generated parts of the
 * report (cover, contents, statement of revenue and expenses, funders,
 * program areas, history, people and partner lists), and the generated
 * blocks ("axes": a section per program area; "people_others": a list per
 * people group that the template does not show otherwise).  Each part
 * reads the figures and formats them; sorting a list for display is the
 * only thing done to them. */
#include "report/fmt.h"
#include "report/fields.h"
#include "pdf/pdf.h"
#include "pdf/pdf_table.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

const char *const report_directives[] = {
    "cover", "toc", "pagebreak", "statement", "funders", "axis", "history",
    "chart", "people", "team", "partners", "regions", NULL
};

const char *const report_late_directives[] = { "people_others", NULL };

/* ---- checks ------------------------------------------------------------ */

static bool axis_exists(const figures *f, const char *name)
{
    for (size_t i = 0; i < f->axis_count; i++)
        if (strcmp(f->axes[i].axis, name) == 0)
            return true;
    return false;
}

static bool people_group_exists(const figures *f, const char *name)
{
    for (size_t i = 0; i < f->people_count; i++)
        if (pdf_same_group(f->people[i].group, name))
            return true;
    return f->people_count == 0;   /* people.csv is optional */
}

static bool check_fail(pdf_report *r, const tpl_block *b, const char *why)
{
    diag_data(r->d, b->file, b->line, NULL, "directive '{{%% %s %s %%}}': %s",
              b->name, b->arg, why);
    return false;
}

bool report_directive_check(pdf_report *r, const tpl_block *b)
{
    const char *n = b->name, *a = b->arg;
    if (!strcmp(n, "axis"))
        return axis_exists(r->f, a) || check_fail(r, b, "no such program area (axis) in activities.csv");
    if (!strcmp(n, "people"))
        return (*a && people_group_exists(r->f, a)) ||
               check_fail(r, b, "no such group in people.csv");
    if (!strcmp(n, "chart"))
        return !strcmp(a, "revenue_groups") || !strcmp(a, "expense_groups") ||
               !strcmp(a, "history") ||
               check_fail(r, b, "expected revenue_groups, expense_groups or history");
    return !*a || check_fail(r, b, "takes no argument");
}

/* ---- cover and contents ------------------------------------------------ */

static void hexagon(pdf_report *r, double cx, double cy, double radius, pdf_color color)
{
    static const double dx[7] = { 1, 0.5, -0.5, -1, -0.5, 0.5, 1 };
    static const double dy[7] = { 0, 0.866, 0.866, 0, -0.866, -0.866, 0 };
    for (int i = 0; i < 6; i++)
        pdf_draw_line(r->draw, cx + radius * dx[i], cy + radius * dy[i],
                      cx + radius * dx[i + 1], cy + radius * dy[i + 1], 1.2, color);
}

static void cover_line(pdf_report *r, const char *text, int face, double size,
                       pdf_color color, double *y)
{
    if (!text || !*text)
        return;
    pdf_span span = { text, face };
    layout_para p;
    size_t lines = report_wrap(r, &p, &span, 1, size, r->width);
    report_draw_para(r, &p, r->left, *y - size, r->width, color, ALIGN_LEFT);
    *y -= (double)lines * report_line_height(r, size);
    layout_para_free(&p);
}

static void cover(pdf_report *r)
{
    const pdf_style *st = r->st;
    const config *c = r->f->config;
    if (r->flow.y < r->flow.top)
        report_new_page(r);
    for (int j = 0; j < 4; j++)   /* a honeycomb in the corner */
        for (int i = 0; i < 4 - j; i++)
            hexagon(r, st->page_width - 50 - 27.0 * j,
                    st->page_height - 50 - 31.18 * i - 15.59 * (j % 2), 18, st->accent);
    double y = st->page_height * 0.62;
    cover_line(r, c->org_name, PDF_FACE_BOLD, st->size_cover_org, st->accent, &y);
    cover_line(r, c->org_subtitle, PDF_FACE_REGULAR, st->size_h2, st->text, &y);
    y -= 18;
    cover_line(r, c->org_tagline, PDF_FACE_ITALIC, st->size_h2, st->muted, &y);
    y -= 40;
    pdf_draw_rect(r->draw, r->left, y - 4, 60, 4, &st->accent, NULL);
    y -= 16;
    cover_line(r, c->title, PDF_FACE_BOLD, st->size_cover_title, st->text, &y);
    cover_line(r, r->f->current.label, PDF_FACE_REGULAR, st->size_h1, st->accent, &y);
    double foot = st->margin_bottom + 12;
    if (c->org_website)
        report_text_at(r, c->org_website, PDF_FACE_REGULAR, st->size_small, st->muted,
                       r->left, foot, r->width, ALIGN_LEFT);
    if (c->org_address)
        report_text_at(r, c->org_address, PDF_FACE_REGULAR, st->size_small, st->muted,
                       r->left, foot + 12, r->width, ALIGN_LEFT);
    report_new_page(r);
}

static void toc_entry(pdf_report *r, size_t i, double lh)
{
    const pdf_style *st = r->st;
    char number[32], page[16];
    snprintf(number, sizeof number, "%zu.", i + 1);
    if (i < r->known_count)
        snprintf(page, sizeof page, "%d", r->known_pages[i]);
    else
        snprintf(page, sizeof page, "00");
    double size = st->size_body + 1, base = r->flow.y - size;
    double pw = pdf_draw_width(r->draw, PDF_FACE_REGULAR, size, page, strlen(page));
    const char *title = r->toc_titles[i];
    double tw = pdf_draw_width(r->draw, PDF_FACE_REGULAR, size, title, strlen(title));
    report_text_at(r, number, PDF_FACE_BOLD, size, st->accent, r->left, base, 22, ALIGN_RIGHT);
    report_text_at(r, title, PDF_FACE_REGULAR, size, st->text, r->left + 30, base, 0, ALIGN_LEFT);
    report_text_at(r, page, PDF_FACE_REGULAR, size, st->text, r->left, base, r->width, ALIGN_RIGHT);
    /* The leader is one run of dots, so text extraction reads it as one. */
    double dot = pdf_draw_width(r->draw, PDF_FACE_REGULAR, size, ".", 1);
    double from = r->left + 30 + tw + 6, to = r->left + r->width - pw - 6;
    char leader[256];
    size_t n = dot > 0 && to > from ? (size_t)((to - from) / dot) : 0;
    n = n < sizeof leader - 1 ? n : sizeof leader - 1;
    memset(leader, '.', n);
    leader[n] = '\0';
    report_text_at(r, leader, PDF_FACE_REGULAR, size, st->rule, from, base, to - from, ALIGN_RIGHT);
    r->flow.y -= lh;
}

static void toc(pdf_report *r)
{
    const pdf_style *st = r->st;
    report_ensure(r, st->size_h1 * 3, 0);
    pdf_draw_bookmark(r->draw, 0, report_label(r, "pdf.toc"), r->flow.y);
    pdf_span span = { report_label(r, "pdf.toc"), PDF_FACE_BOLD };
    pdf_text_opts o = { st->size_h1, st->accent, 0, 0, ALIGN_LEFT, 1 };
    report_text(r, &span, 1, &o);
    r->flow.y -= st->size_h1;
    double lh = report_line_height(r, st->size_body + 1) * 1.3;
    for (size_t i = 0; i < r->toc_title_count; i++) {
        report_ensure(r, lh, 0);
        toc_entry(r, i, lh);
    }
    r->flow.y -= st->paragraph_space * 2;
}

/* ---- finances ---------------------------------------------------------- */

/* Tables show money exactly, to the cent, so that rows add up. */
static void money(const pdf_report *r, int64_t v, char *out, size_t size)
{
    pdf_field_value(r->f, v, FIELD_MONEY_CENTS, false, out, size);
}

static void add_figure_row(pdf_report *r, pdf_table *t, table_row_kind kind,
                           const char *label, const figure *fig, field_unit unit)
{
    char cur[FMT_SIZE], prev[FMT_SIZE], change[FMT_SIZE], pct[FMT_SIZE];
    pdf_field_part(r->f, fig, unit, "current", cur, sizeof cur);
    pdf_field_part(r->f, fig, unit, "previous", prev, sizeof prev);
    pdf_field_part(r->f, fig, unit, "change", change, sizeof change);
    pdf_field_part(r->f, fig, unit, "change_pct", pct, sizeof pct);
    const char *cells[] = { label, cur, prev, change, pct };
    table_add_row(t, kind, cells);
}

static void comparison_columns(pdf_report *r, pdf_table *t, const char *first)
{
    table_init(t);
    table_add_col(t, first, 0.33, ALIGN_LEFT);
    table_add_col(t, r->f->current.label, 0.18, ALIGN_NUMBER);
    table_add_col(t, r->f->previous.label, 0.18, ALIGN_NUMBER);
    table_add_col(t, report_label(r, "common.change"), 0.18, ALIGN_NUMBER);
    table_add_col(t, report_label(r, "common.change_pct"), 0.13, ALIGN_NUMBER);
}

static void section_row(pdf_table *t, const char *label)
{
    const char *cells[TABLE_COLS_MAX] = { label };
    table_add_row(t, ROW_SECTION, cells);
}

static void statement(pdf_report *r)
{
    const figures *f = r->f;
    char caption[256], end[FMT_SIZE];
    fmt_date(end, sizeof end, f->current.end, f->lang);
    snprintf(caption, sizeof caption, "%s %s", report_label(r, "pdf.statement_caption"), end);
    pdf_span span = { caption, PDF_FACE_ITALIC };
    pdf_text_opts o = { r->st->size_body, r->st->muted, 0, 0, ALIGN_LEFT, 1 };
    report_text(r, &span, 1, &o);
    r->flow.y -= 4;
    pdf_table t;
    comparison_columns(r, &t, report_label(r, "common.group"));
    section_row(&t, report_label(r, "common.revenue"));
    for (size_t i = 0; i < f->revenue_group_count; i++)
        add_figure_row(r, &t, ROW_BODY, f->revenue_groups[i].group, &f->revenue_groups[i].amount, FIELD_MONEY_CENTS);
    add_figure_row(r, &t, ROW_TOTAL, report_label(r, "common.total_revenue"), &f->revenue, FIELD_MONEY_CENTS);
    section_row(&t, report_label(r, "common.expenses"));
    for (size_t i = 0; i < f->expense_group_count; i++)
        add_figure_row(r, &t, ROW_BODY, f->expense_groups[i].group, &f->expense_groups[i].amount, FIELD_MONEY_CENTS);
    add_figure_row(r, &t, ROW_TOTAL, report_label(r, "common.total_expenses"), &f->expenses, FIELD_MONEY_CENTS);
    add_figure_row(r, &t, ROW_TOTAL, report_label(r, "common.net"), &f->net, FIELD_MONEY_CENTS);
    table_draw(r, &t);
    table_free(&t);
}

static int by_amount(const void *a, const void *b)
{
    const counterparty_figure *x = *(const counterparty_figure *const *)a;
    const counterparty_figure *y = *(const counterparty_figure *const *)b;
    if (x->amount.current != y->amount.current)
        return x->amount.current < y->amount.current ? 1 : -1;
    return strcmp(x->name, y->name);
}

static void funders(pdf_report *r)
{
    const figures *f = r->f;
    const counterparty_figure **list = xcalloc(f->counterparty_count + 1, sizeof *list);
    size_t n = 0;
    for (size_t i = 0; i < f->counterparty_count; i++)
        if (f->counterparties[i].kind == KIND_REVENUE)
            list[n++] = &f->counterparties[i];
    qsort(list, n, sizeof *list, by_amount);
    pdf_table t;
    table_init(&t);
    table_add_col(&t, report_label(r, "common.funder"), 0.56, ALIGN_LEFT);
    table_add_col(&t, f->current.label, 0.22, ALIGN_NUMBER);
    table_add_col(&t, f->previous.label, 0.22, ALIGN_NUMBER);
    for (size_t i = 0; i < n; i++) {
        char cur[FMT_SIZE], prev[FMT_SIZE];
        money(r, list[i]->amount.current, cur, sizeof cur);
        money(r, list[i]->amount.previous, prev, sizeof prev);
        const char *cells[] = { list[i]->name, cur, prev };
        table_add_row(&t, ROW_BODY, cells);
    }
    table_draw(r, &t);
    table_free(&t);
    free(list);
}

static void history(pdf_report *r)
{
    const figures *f = r->f;
    pdf_table t;
    table_init(&t);
    table_add_col(&t, report_label(r, "common.fiscal_year"), 0.25, ALIGN_LEFT);
    table_add_col(&t, report_label(r, "common.revenue"), 0.25, ALIGN_NUMBER);
    table_add_col(&t, report_label(r, "common.expenses"), 0.25, ALIGN_NUMBER);
    table_add_col(&t, report_label(r, "pdf.net_short"), 0.25, ALIGN_NUMBER);
    for (size_t i = 0; i < f->history_count; i++) {
        const history_figure *h = &f->history[i];
        char rev[FMT_SIZE], exp[FMT_SIZE], net[FMT_SIZE];
        money(r, h->revenue, rev, sizeof rev);
        money(r, h->expenses, exp, sizeof exp);
        money(r, h->net, net, sizeof net);
        const char *cells[] = { h->period.label, rev, exp, net };
        table_add_row(&t, ROW_BODY, cells);
    }
    table_draw(r, &t);
    table_free(&t);
}

/* ---- program areas ----------------------------------------------------- */

static void axis_types(pdf_report *r, const char *axis)
{
    const figures *f = r->f;
    char head[4][128];
    snprintf(head[0], sizeof head[0], "%s %s", report_label(r, "common.activities"), f->current.label);
    snprintf(head[1], sizeof head[1], "%s %s", report_label(r, "common.activities"), f->previous.label);
    snprintf(head[2], sizeof head[2], "%s %s", report_label(r, "common.participants"), f->current.label);
    snprintf(head[3], sizeof head[3], "%s %s", report_label(r, "common.participants"), f->previous.label);
    pdf_table t;
    table_init(&t);
    table_add_col(&t, report_label(r, "common.type"), 0.36, ALIGN_LEFT);
    for (int i = 0; i < 4; i++)
        table_add_col(&t, head[i], 0.16, ALIGN_NUMBER);
    for (size_t i = 0; i < f->type_count; i++) {
        const type_figure *ty = &f->types[i];
        if (strcmp(ty->axis, axis) != 0)
            continue;
        char v[4][FMT_SIZE];
        fmt_count(v[0], sizeof v[0], ty->count.current, f->lang);
        fmt_count(v[1], sizeof v[1], ty->count.previous, f->lang);
        fmt_count(v[2], sizeof v[2], ty->participants.current, f->lang);
        fmt_count(v[3], sizeof v[3], ty->participants.previous, f->lang);
        const char *cells[] = { ty->type, v[0], v[1], v[2], v[3] };
        table_add_row(&t, ROW_BODY, cells);
    }
    table_draw(r, &t);
    table_free(&t);
}

static void axis(pdf_report *r, const char *name)
{
    const figures *f = r->f;
    for (size_t i = 0; i < f->axis_count; i++) {
        const axis_figure *a = &f->axes[i];
        if (strcmp(a->axis, name) != 0)
            continue;
        pdf_table t;
        comparison_columns(r, &t, report_label(r, "pdf.axis_summary"));
        add_figure_row(r, &t, ROW_BODY, report_label(r, "common.activities"), &a->count, FIELD_COUNT);
        add_figure_row(r, &t, ROW_BODY, report_label(r, "common.participants"), &a->participants, FIELD_COUNT);
        add_figure_row(r, &t, ROW_BODY, report_label(r, "common.hours"), &a->hours, FIELD_HOURS);
        table_draw(r, &t);
        table_free(&t);
        axis_types(r, name);
        return;
    }
}

/* ---- a section per program area ---------------------------------------- */

char *report_axis_slug(const char *axis)
{
    char *key = text_header_key(axis, strlen(axis));   /* folded, no accents */
    char *out = xmalloc(strlen(key ? key : "") + 1);
    size_t n = 0;
    bool gap = false;
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)(key ? key : "");
    utf8proc_int32_t cp;
    utf8proc_ssize_t len;
    while (*s && (len = utf8proc_iterate(s, -1, &cp)) > 0) {
        utf8proc_category_t c = utf8proc_category(cp);
        bool alnum = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
                     (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
        if (alnum) {
            if (gap && n)
                out[n++] = '-';
            memcpy(out + n, s, (size_t)len);
            n += (size_t)len;
        }
        gap = !alnum;
        s += len;
    }
    out[n] = '\0';
    free(key);
    return out;
}

/* "168 activités", "1 participant": French counts 0 and 1 as singular. */
static void counted(pdf_report *r, int64_t n, const char *word, char *out, size_t size)
{
    char num[FMT_SIZE], key[64];
    fmt_count(num, sizeof num, n, r->f->lang);
    bool one = r->f->lang == LANG_FR ? n < 2 : n == 1;
    snprintf(key, sizeof key, "pdf.%s_%s", word, one ? "one" : "other");
    snprintf(out, size, "%s %s", num, report_label(r, key));
}

/* A catalogue text with each "{name}" replaced by its value (malloc'd);
 * other braces are kept as written. */
static char *fill(const char *text, const char *const names[], const char *const values[],
                  size_t count)
{
    char *out = NULL;
    size_t len = 0, cap = 0;
    for (const char *p = text; *p;) {
        const char *piece = p;
        size_t n = 1, skip = 1;
        for (size_t i = 0; *p == '{' && i < count; i++) {
            size_t k = strlen(names[i]);
            if (strncmp(p + 1, names[i], k) == 0 && p[k + 1] == '}') {
                piece = values[i];
                n = strlen(piece);
                skip = k + 2;
                break;
            }
        }
        xgrow((void **)&out, &cap, len + n + 1, 1);
        memcpy(out + len, piece, n);
        len += n;
        p += skip;
    }
    xgrow((void **)&out, &cap, len + 1, 1);
    out[len] = '\0';
    return out;
}

/* The year in figures of one program area, in a sentence. */
static char *axis_sentence(pdf_report *r, const axis_figure *a)
{
    const figures *f = r->f;
    char count[FMT_SIZE + 64], previous[FMT_SIZE + 64], people[FMT_SIZE + 64], pct[FMT_SIZE];
    counted(r, a->count.current, "activity", count, sizeof count);
    counted(r, a->count.previous, "activity", previous, sizeof previous);
    counted(r, a->participants.current, "participant", people, sizeof people);
    pdf_field_part(f, &a->count, FIELD_COUNT, "change_pct", pct, sizeof pct);
    const char *key = a->count.current == 0 ? "pdf.axis_sentence_none"
                      : !a->count.has_pct  ? "pdf.axis_sentence_new"
                                           : "pdf.axis_sentence";
    static const char *const names[] = { "year", "previous_year", "axis", "count",
                                         "previous", "participants", "change_pct" };
    const char *const values[] = { f->current.label, f->previous.label, a->axis, count,
                                   previous, people, pct };
    return fill(report_label(r, key), names, values, sizeof names / sizeof *names);
}

static void people_others(pdf_report *r, tpl_builder *b);

/* "{{% axes %}}": for each program area, in the figures' order, a level-1
 * section: its name, its narrative text (texts/SLUG.md), then the year in
 * figures: a sentence and the axis table. */
bool report_generate(void *user, tpl_builder *b, const char *name, const char *arg)
{
    pdf_report *r = user;
    if (strcmp(name, "axes") != 0 && strcmp(name, "people_others") != 0)
        return false;
    if (*arg) {
        tpl_builder_fail(b, "takes no argument");
        return true;
    }
    if (strcmp(name, "people_others") == 0) {
        people_others(r, b);
        return true;
    }
    for (size_t i = 0; i < r->f->axis_count; i++) {
        const axis_figure *a = &r->f->axes[i];
        tpl_add_heading(b, 1, a->axis);
        char *slug = report_axis_slug(a->axis);
        if (*slug)
            tpl_add_text(b, slug);
        free(slug);
        tpl_add_heading(b, 2, report_label(r, "pdf.axis_year"));
        char *sentence = axis_sentence(r, a);
        tpl_add_paragraph(b, sentence);
        free(sentence);
        tpl_add_directive(b, "axis", a->axis);
    }
    return true;
}

/* ---- lists in columns -------------------------------------------------- */

typedef struct list_item {
    const char *name, *detail;   /* detail may be "" */
    int face;                    /* of the name */
} list_item;

typedef struct list_geom {
    int cols;
    double gap, cw, lh;
    layout_para *paras;          /* one per item */
    double *heights;
} list_geom;

/* How many items from first fill cols columns no taller than target. */
static size_t columns_take(const list_geom *g, size_t first, size_t n, double target)
{
    size_t i = first;
    for (int c = 0; c < g->cols && i < n; c++) {
        double h = 0;
        do
            h += g->heights[i++];
        while (i < n && h + g->heights[i] <= target);
    }
    return i - first;
}

/* Lays items[first..first+count) out in columns, top to bottom then left
 * to right, from the current position. */
static void columns_draw(pdf_report *r, const list_geom *g, size_t first, size_t count,
                         double target)
{
    double top = r->flow.y, lowest = top;
    size_t i = first, end = first + count;
    for (int c = 0; c < g->cols && i < end; c++) {
        double y = top, h = 0;
        do {
            report_draw_para(r, &g->paras[i], r->left + c * (g->cw + g->gap),
                             y - r->st->size_body, g->cw, r->st->text, ALIGN_LEFT);
            y -= g->heights[i];
            h += g->heights[i++];
        } while (i < end && h + g->heights[i] <= target);
        if (y < lowest)
            lowest = y;
    }
    r->flow.y = lowest;
}

/* A list in columns, balanced on the last page, continued on new pages. */
static void draw_columns(pdf_report *r, const list_item *items, size_t n)
{
    const pdf_style *st = r->st;
    list_geom g = { st->list_columns, 18, 0, report_line_height(r, st->size_body), NULL, NULL };
    g.cw = (r->width - g.gap * (g.cols - 1)) / g.cols;
    g.paras = xcalloc(n + 1, sizeof *g.paras);
    g.heights = xcalloc(n + 1, sizeof *g.heights);
    for (size_t i = 0; i < n; i++) {
        pdf_span spans[3] = { { items[i].name, items[i].face }, { "\n", PDF_FACE_REGULAR },
                              { items[i].detail, PDF_FACE_ITALIC } };
        size_t lines = report_wrap(r, &g.paras[i], spans, *items[i].detail ? 3 : 1,
                                   st->size_body, g.cw);
        g.heights[i] = (double)lines * g.lh + 4;
    }
    size_t i = 0;
    while (i < n) {
        double rest = 0, tallest = 0;
        for (size_t k = i; k < n; k++) {
            rest += g.heights[k];
            tallest = g.heights[k] > tallest ? g.heights[k] : tallest;
        }
        double avail = r->flow.y - r->flow.bottom, target = rest / g.cols;
        target = target < tallest ? tallest : target;
        while (target < avail && i + columns_take(&g, i, n, target) < n)
            target += g.lh / 2;   /* balance: the shortest columns that hold it all */
        if (target > avail)
            target = avail;
        if (g.heights[i] > avail) {
            report_new_page(r);
            continue;
        }
        size_t count = columns_take(&g, i, n, target);
        columns_draw(r, &g, i, count, target);
        i += count;
        if (i < n)
            report_new_page(r);
    }
    for (size_t k = 0; k < n; k++)
        layout_para_free(&g.paras[k]);
    free(g.paras);
    free(g.heights);
    r->flow.y -= st->paragraph_space;
}

/* ---- people ------------------------------------------------------------ */

/* people.csv's names folded (pdf_same_group), once per list drawn. */
typedef struct roster {
    size_t count;
    char **group;              /* each person's group, folded */
    char **unit;               /* the heading "team" lists them under,
                                  folded, or NULL (below) */
    const char **unit_name;    /* that heading as written */
} roster;

static char *fold(const char *s)
{
    char *key = text_header_key(s, strlen(s));
    return key ? key : xstrdup(s);
}

/* Under "team", a person is listed under their team or, in a group where
 * others have a team, under the group's name; a person of a group without
 * teams is not listed there (unit NULL). */
static void roster_make(roster *ro, const figures *f)
{
    size_t n = f->people_count;
    ro->count = n;
    ro->group = xcalloc(n + 1, sizeof *ro->group);
    ro->unit = xcalloc(n + 1, sizeof *ro->unit);
    ro->unit_name = xcalloc(n + 1, sizeof *ro->unit_name);
    for (size_t i = 0; i < n; i++)
        ro->group[i] = fold(f->people[i].group);
    for (size_t i = 0; i < n; i++) {
        const person *p = &f->people[i];
        bool teams = *p->team != '\0';
        for (size_t k = 0; k < n && !teams; k++)
            teams = *f->people[k].team && strcmp(ro->group[k], ro->group[i]) == 0;
        if (teams) {
            ro->unit_name[i] = *p->team ? p->team : p->group;
            ro->unit[i] = fold(ro->unit_name[i]);
        }
    }
}

static void roster_free(roster *ro)
{
    for (size_t i = 0; i < ro->count; i++) {
        free(ro->group[i]);
        free(ro->unit[i]);
    }
    free(ro->group);
    free(ro->unit);
    free(ro->unit_name);
}

/* The people whose key (keys[i]) is key, in columns, with their roles. */
static void people_list(pdf_report *r, char *const *keys, const char *key)
{
    const figures *f = r->f;
    list_item *items = xcalloc(f->people_count + 1, sizeof *items);
    size_t n = 0;
    for (size_t i = 0; i < f->people_count; i++)
        if (keys[i] && strcmp(keys[i], key) == 0)
            items[n++] = (list_item){ f->people[i].name, f->people[i].role, PDF_FACE_BOLD };
    if (n == 0) {
        pdf_span span = { report_label(r, "pdf.people_empty"), PDF_FACE_ITALIC };
        pdf_text_opts o = { r->st->size_body, r->st->muted, 0, 0, ALIGN_LEFT, 1 };
        report_text(r, &span, 1, &o);
    }
    draw_columns(r, items, n);
    free(items);
}

/* "{{% people GROUP %}}": GROUP matched by its folded key. */
static void people_of(pdf_report *r, const char *group)
{
    roster ro;
    roster_make(&ro, r->f);
    char *key = fold(group);
    people_list(r, ro.group, key);
    free(key);
    roster_free(&ro);
}

static bool key_before(char *const *keys, size_t upto, const char *key)
{
    for (size_t i = 0; i < upto; i++)
        if (keys[i] && strcmp(keys[i], key) == 0)
            return true;
    return false;
}

/* "{{% team %}}": every team, and the people without a team of a group
 * that has teams under the group's name, in order of first appearance. */
static void teams(pdf_report *r)
{
    roster ro;
    roster_make(&ro, r->f);
    for (size_t i = 0; i < ro.count; i++) {
        if (!ro.unit[i] || key_before(ro.unit, i, ro.unit[i]))
            continue;
        report_space(r, 4);
        report_ensure(r, report_line_height(r, r->st->size_h3), report_line_height(r, r->st->size_body) * 2);
        pdf_span span = { ro.unit_name[i], PDF_FACE_BOLD };
        pdf_text_opts o = { r->st->size_h3, r->st->accent, 0, 0, ALIGN_LEFT, 1 };
        report_text(r, &span, 1, &o);
        r->flow.y -= 3;
        people_list(r, ro.unit, ro.unit[i]);
    }
    roster_free(&ro);
}

/* Whether the group of person i is shown by a directive of doc: a
 * "people" naming it (folded), or a "team" listing it (it has teams). */
static bool group_shown(const tpl_doc *doc, const roster *ro, size_t i)
{
    for (size_t k = 0; k < doc->count; k++) {
        const tpl_block *b = &doc->blocks[k];
        if (b->kind != TPL_DIRECTIVE)
            continue;
        if (!strcmp(b->name, "team") && ro->unit[i])
            return true;
        if (!strcmp(b->name, "people")) {
            char *key = fold(b->arg);
            bool same = strcmp(key, ro->group[i]) == 0;
            free(key);
            if (same)
                return true;
        }
    }
    return false;
}

/* "{{% people_others %}}" (late: the whole template is known): every group
 * of people.csv that no "people" or "team" directive shows, in file order,
 * as a level-2 heading (its name) and its "people" list. */
static void people_others(pdf_report *r, tpl_builder *b)
{
    const figures *f = r->f;
    roster ro;
    roster_make(&ro, f);
    const tpl_doc *doc = tpl_builder_doc(b);
    for (size_t i = 0; i < ro.count; i++) {
        if (key_before(ro.group, i, ro.group[i]) || group_shown(doc, &ro, i))
            continue;
        tpl_add_heading(b, 2, f->people[i].group);
        tpl_add_directive(b, "people", f->people[i].group);
    }
    roster_free(&ro);
}

typedef struct sort_key {
    char *key;
    const char *name;
} sort_key;

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

void report_directive(pdf_report *r, const tpl_block *b)
{
    const char *n = b->name;
    if (!strcmp(n, "cover"))
        cover(r);
    else if (!strcmp(n, "toc"))
        toc(r);
    else if (!strcmp(n, "pagebreak")) {
        if (r->flow.y < r->flow.top)
            report_new_page(r);
    } else if (!strcmp(n, "statement"))
        statement(r);
    else if (!strcmp(n, "funders"))
        funders(r);
    else if (!strcmp(n, "history"))
        history(r);
    else if (!strcmp(n, "axis"))
        axis(r, b->arg);
    else if (!strcmp(n, "chart") && !strcmp(b->arg, "revenue_groups"))
        chart_revenue_groups(r);
    else if (!strcmp(n, "chart") && !strcmp(b->arg, "expense_groups"))
        chart_expense_groups(r);
    else if (!strcmp(n, "chart"))
        chart_history(r);
    else if (!strcmp(n, "people"))
        people_of(r, b->arg);
    else if (!strcmp(n, "team"))
        teams(r);
    else if (!strcmp(n, "partners"))
        names(r, r->f->partners, r->f->partner_list_count);
    else if (!strcmp(n, "regions"))
        names(r, r->f->regions, r->f->region_list_count);
}
