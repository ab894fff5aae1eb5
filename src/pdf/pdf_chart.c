/* pdf_chart.c - bar charts drawn as vectors: revenue (or expenses) by group
 * for the two years, and revenue and expenses over the history years.
 * Legible in black and white: one series solid (the brand colour), the
 * other light grey with hatching, every bar labelled with its value.
 *
 * Other organisations' figures decide the shape: a negative value is a bar
 * below the zero line, its label below it; a chart whose values are all 0
 * is not drawn.  Columns are used when every category name wraps at its
 * spaces within its column and every value label fits over its own bar;
 * otherwise (many or long categories, long amounts) the bars are
 * horizontal, one row per category with its name beside it and each label
 * at the end of its bar, continued on the next page when needed.  So no
 * label ever meets another.  Money stays in integer cents; doubles only
 * place things on the page.  Each label is measured once for the chart,
 * though its height and its fit are asked for several times; so are the
 * title and the scale's amounts, drawn on every page of the bars. */
#include "report/fmt.h"
#include "report/fields.h"
#include "pdf/pdf_chart.h"
#include "pdf/pdf_flow.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define PLOT_HEIGHT 150.0
#define AXIS_WIDTH  62.0
#define BAR_H       9.0 /* a horizontal bar's thickness */

typedef struct pdf_chart_series {
    const char *label;
    int64_t *values; /* cents, one per category */
} pdf_chart_series;

typedef struct pdf_chart {
    const char *title;
    const char **categories;
    size_t count;
    pdf_chart_series series[2];
    /* the scale, in cents: bottom <= 0 < top (or bottom < 0 = top) */
    int64_t bottom, top, step;
    double label_size; /* of the value labels */
    /* what is measured once (chart_measure, chart_name): each value's
     * label at label_size, the series' names at size_small (the legend),
     * the categories' names at size_small, each a paragraph measured when
     * first needed and wrapped again to the width asked */
    double *label_width[2];
    double widest_label;
    double legend_width[2];
    layout_para *names;
    bool *named;
} pdf_chart;

static void pdf_chart_money(const pdf_report *r, int64_t cents, char *out, size_t size)
{
    fields_value(r->f, cents, UNIT_MONEY, false, out, size);
}

static double text_width(pdf_report *r, double size, const char *s)
{
    return pdf_draw_width(r->draw, PDF_FACE_REGULAR, size, s, strlen(s));
}

static void bar_fill(pdf_report *r, int s, double x, double y, double w, double h)
{
    const pdf_style *st = r->st;
    if (w <= 0 || h <= 0)
        return;
    if (s == 0) {
        pdf_draw_rect(r->draw, x, y, w, h, &st->bar_current, &st->text);
    } else {
        pdf_draw_rect(r->draw, x, y, w, h, &st->bar_previous, NULL);
        pdf_draw_hatch(r->draw, x, y, w, h, 3.5, st->text);
        pdf_draw_rect(r->draw, x, y, w, h, NULL, &st->text);
    }
}

static void legend(pdf_report *r, const pdf_chart *c, double x, double y)
{
    const pdf_style *st = r->st;
    for (int s = 0; s < 2; s++) {
        bar_fill(r, s, x, y - 1, 14, 8);
        const char *label = c->series[s].label;
        pdf_flow_text_at(r, label, PDF_FACE_REGULAR, st->size_small, st->text, x + 18, y, 0,
                         PDF_ALIGN_LEFT);
        x += 18 + c->legend_width[s] + 20;
    }
}

/* The scale from the smallest and largest values, whole dollars per step;
 * false when every value is 0 (nothing to draw). */
static bool chart_scale(pdf_chart *c)
{
    int64_t lo = 0, hi = 0;
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < c->count; i++) {
            int64_t v = c->series[s].values[i];
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
    if (lo == 0 && hi == 0)
        return false;
    int64_t bottom, top; /* whole dollars, rounded away from zero */
    int64_t step =
        layout_nice_range(lo / 100 - (lo % 100 != 0), hi / 100 + (hi % 100 != 0), 5, &bottom, &top);
    if (top <= INT64_MAX / 100 && bottom >= -(INT64_MAX / 100)) {
        c->step = step * 100;
        c->bottom = bottom * 100;
        c->top = top * 100;
    } else { /* amounts near the limit: steps in cents */
        c->step = layout_nice_range(lo, hi, 5, &c->bottom, &c->top);
    }
    return true;
}

/* Where value v lies between a (the scale's bottom) and b (its top). */
static double place(const pdf_chart *c, int64_t v, double a, double b)
{
    return a + (b - a) * (((double)v - (double)c->bottom) / ((double)c->top - (double)c->bottom));
}

/* The scale's steps from bottom to top (the ticks less one). */
static int64_t steps(const pdf_chart *c)
{
    return c->top / c->step + -(c->bottom / c->step);
}

/* Measures the value labels (c->label_width, the widest) and the
 * legend's names, once for the chart. */
static void chart_measure(pdf_report *r, pdf_chart *c)
{
    c->widest_label = 0;
    for (int s = 0; s < 2; s++) {
        for (size_t i = 0; i < c->count; i++) {
            char label[FMT_SIZE];
            pdf_chart_money(r, c->series[s].values[i], label, sizeof label);
            double w = text_width(r, c->label_size, label);
            c->label_width[s][i] = w;
            c->widest_label = w > c->widest_label ? w : c->widest_label;
        }
    }
    for (int s = 0; s < 2; s++)
        c->legend_width[s] = text_width(r, r->st->size_small, c->series[s].label);
}

/* Category i's name as a paragraph at size_small, its words measured on
 * the first call.  Wrapping keeps a word cut for a narrow width: the
 * columns' width cuts none (upright_fits wraps only when every word
 * fits), and the bars wrap the names to one width. */
static layout_para *chart_name(pdf_report *r, pdf_chart *c, size_t i)
{
    if (!c->named[i]) {
        pdf_span span = { c->categories[i], PDF_FACE_REGULAR, NULL };
        pdf_flow_para(r, &c->names[i], &span, 1, r->st->size_small);
        c->named[i] = true;
    }
    return &c->names[i];
}

/* The widest word of category i: what a wrap at spaces cannot cut (its
 * paragraph's pieces when only spaces part them). */
static double widest_word(pdf_report *r, pdf_chart *c, size_t i)
{
    const char *text = c->categories[i];
    double most = 0;
    if (!strpbrk(text, "\t\r\n")) {
        const layout_para *p = chart_name(r, c, i);
        for (size_t k = 0; k < p->atom_count; k++)
            most = p->atoms[k].width > most ? p->atoms[k].width : most;
        return most;
    }
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, " ");
        double w = pdf_draw_width(r->draw, PDF_FACE_REGULAR, r->st->size_small, p, n);
        most = w > most ? w : most;
        p += n;
        p += *p == ' ';
    }
    return most;
}

/* Category i's name wrapped to width: its lines (1 at least). */
static size_t label_lines(pdf_report *r, pdf_chart *c, size_t i, double width)
{
    size_t n = layout_para_wrap(chart_name(r, c, i), width);
    return n ? n : 1;
}

/* ---- columns ----------------------------------------------------------- */

/* Whether columns show c without a cut word, a label over another or a
 * category name taller than three lines. */
static bool upright_fits(pdf_report *r, pdf_chart *c)
{
    double gw = (r->width - AXIS_WIDTH) / (double)c->count;
    if (c->widest_label > gw / 2 - 3)
        return false;
    for (size_t i = 0; i < c->count; i++)
        if (widest_word(r, c, i) > gw - 4 || label_lines(r, c, i, gw - 4) > 3)
            return false;
    return true;
}

/* The grid's lines and amounts, left of the plot, from the bottom up. */
static void column_grid(pdf_report *r, const pdf_chart *c, double base, double plot_w)
{
    const pdf_style *st = r->st;
    static const pdf_color light = { 0.85, 0.85, 0.85 };
    double x0 = r->left + AXIS_WIDTH;
    for (int64_t k = 0; k <= steps(c); k++) {
        int64_t v = c->bottom + k * c->step;
        double y = place(c, v, base, base + PLOT_HEIGHT);
        pdf_draw_line(r->draw, x0, y, x0 + plot_w, y, v ? 0.4 : 0.8, v ? light : st->text);
        char label[FMT_SIZE];
        pdf_chart_money(r, v, label, sizeof label);
        pdf_flow_text_at(r, label, PDF_FACE_REGULAR, st->size_small - 1, st->muted, r->left,
                         y - 2.5, AXIS_WIDTH - 6, PDF_ALIGN_RIGHT);
    }
    pdf_draw_line(r->draw, x0, base, x0, base + PLOT_HEIGHT, 0.8, st->text);
}

/* A column from the zero line (up, or down for a negative value), its
 * value over it (or under it). */
static void column(pdf_report *r, const pdf_chart *c, int s, size_t i, double x, double w,
                   double base)
{
    int64_t value = c->series[s].values[i];
    double label_w = c->label_width[s][i];
    double zero = place(c, 0, base, base + PLOT_HEIGHT);
    double end = place(c, value, base, base + PLOT_HEIGHT);
    bar_fill(r, s, x, value < 0 ? end : zero, w, value < 0 ? zero - end : end - zero);
    char label[FMT_SIZE];
    pdf_chart_money(r, value, label, sizeof label);
    double y = value < 0 ? end - 2.5 - c->label_size : end + 2.5;
    pdf_flow_measured_at(r, label, label_w, PDF_FACE_REGULAR, c->label_size, r->st->text, x - 4, y,
                         w + 8, PDF_ALIGN_CENTER);
}

/* The height of the category names under the columns. */
static double column_names_height(pdf_report *r, pdf_chart *c, double gw)
{
    size_t most = 1;
    for (size_t i = 0; i < c->count; i++) {
        size_t n = label_lines(r, c, i, gw - 4);
        most = n > most ? n : most;
    }
    return (double)most * pdf_flow_line_height(r, r->st->size_small);
}

static void draw_columns(pdf_report *r, pdf_chart *c)
{
    const pdf_style *st = r->st;
    double plot_w = r->width - AXIS_WIDTH, gw = plot_w / (double)c->count;
    double names_h = column_names_height(r, c, gw);
    /* room under the lowest bar's label when the scale goes below zero */
    double under = c->bottom < 0 ? c->label_size + 4 : 0;
    double total = st->size_h3 * 2 + 16 + PLOT_HEIGHT + under + 12 + names_h;
    pdf_flow_ensure(r, total, 0);
    pdf_span span = { c->title, PDF_FACE_BOLD, NULL };
    pdf_text_opts o = { st->size_h3, st->text, 0, 0, PDF_ALIGN_LEFT, 1 };
    pdf_flow_text(r, &span, 1, &o);
    legend(r, c, r->left + AXIS_WIDTH, r->flow.y - 10);
    double base = r->flow.y - 22 - PLOT_HEIGHT;
    column_grid(r, c, base, plot_w);
    double bw = gw * 0.32 < 42 ? gw * 0.32 : 42;
    double names = base - under - 4 - st->size_small;
    for (size_t i = 0; i < c->count; i++) {
        double gx = r->left + AXIS_WIDTH + gw * (double)i, mid = gx + gw / 2;
        column(r, c, 0, i, mid - bw - 1, bw, base);
        column(r, c, 1, i, mid + 1, bw, base);
        label_lines(r, c, i, gw - 4);
        pdf_flow_draw_para(r, chart_name(r, c, i), gx + 2, names, gw - 4, st->text,
                           PDF_ALIGN_CENTER);
    }
    r->flow.y = base - under - 8 - names_h - st->paragraph_space;
}

/* ---- horizontal bars --------------------------------------------------- */

typedef struct bar_geom {
    double name_w;  /* the category names' column */
    double x0, x1;  /* the scale's bottom and top */
    double label_w; /* the widest value label */
    double line;    /* a name's line height */
} bar_geom;

/* The columns of horizontal bars: names on the left (at most 38 % of the
 * width), then room for a label left of the zero line when a value is
 * negative, the bars, room for a label right of the longest. */
static void bar_layout(pdf_report *r, pdf_chart *c, bar_geom *g)
{
    g->line = pdf_flow_line_height(r, r->st->size_small);
    g->label_w = c->widest_label + 4;
    double most = 0;
    for (size_t i = 0; i < c->count; i++) {
        /* a name of one word is its paragraph's one piece, measured */
        const layout_para *p = chart_name(r, c, i);
        double w = p->atom_count == 1 && p->atoms[0].len == strlen(c->categories[i])
                       ? p->atoms[0].width
                       : text_width(r, r->st->size_small, c->categories[i]);
        most = w > most ? w : most;
    }
    g->name_w = most + 8 < r->width * 0.38 ? most + 8 : r->width * 0.38;
    g->x0 = r->left + g->name_w + (c->bottom < 0 ? g->label_w : 0);
    g->x1 = r->left + r->width - g->label_w;
}

/* The height of category i's row: its two bars, or its name's lines. */
static double bar_row_height(pdf_report *r, pdf_chart *c, const bar_geom *g, size_t i)
{
    double name = (double)label_lines(r, c, i, g->name_w - 8) * g->line;
    double bars = 2 * BAR_H + 2;
    return (name > bars ? name : bars) + 6;
}

/* The widths of the scale's amounts (at size_small - 1), from the bottom
 * up, measured once for every page the bars take; malloc'd. */
static double *tick_widths(pdf_report *r, const pdf_chart *c)
{
    int64_t ticks = steps(c);
    double *width = xcalloc((size_t)ticks + 1, sizeof *width);
    for (int64_t k = 0; k <= ticks; k++) {
        char label[FMT_SIZE];
        pdf_chart_money(r, c->bottom + k * c->step, label, sizeof label);
        width[k] = text_width(r, r->st->size_small - 1, label);
    }
    return width;
}

/* The scale's vertical lines over rows from top to bottom, their amounts
 * (width: tick_widths) under them (every other one when they would
 * touch). */
static void bar_grid(pdf_report *r, const pdf_chart *c, const bar_geom *g, const double *width,
                     double top, double bottom)
{
    const pdf_style *st = r->st;
    static const pdf_color light = { 0.85, 0.85, 0.85 };
    double size = st->size_small - 1, widest = 0;
    int64_t ticks = steps(c);
    for (int64_t k = 0; k <= ticks; k++)
        widest = width[k] > widest ? width[k] : widest;
    double gap = place(c, c->bottom + c->step, g->x0, g->x1) - g->x0;
    int every = widest + 4 > gap ? (int)((widest + 4) / gap) + 1 : 1;
    for (int64_t k = 0; k <= ticks; k++) {
        int64_t v = c->bottom + k * c->step;
        double x = place(c, v, g->x0, g->x1);
        pdf_draw_line(r->draw, x, bottom, x, top, v ? 0.4 : 0.8, v ? light : st->text);
        if (k % every != 0 && v != 0)
            continue;
        char label[FMT_SIZE];
        pdf_chart_money(r, v, label, sizeof label);
        pdf_flow_measured_at(r, label, width[k], PDF_FACE_REGULAR, size, st->muted, x - 40,
                             bottom - 3 - size, 80, PDF_ALIGN_CENTER);
    }
}

/* A horizontal bar from the zero line, its value at its end. */
static void bar_h(pdf_report *r, const pdf_chart *c, const bar_geom *g, int s, size_t i, double y)
{
    int64_t value = c->series[s].values[i];
    double zero = place(c, 0, g->x0, g->x1), end = place(c, value, g->x0, g->x1);
    bar_fill(r, s, value < 0 ? end : zero, y, value < 0 ? zero - end : end - zero, BAR_H);
    char label[FMT_SIZE];
    pdf_chart_money(r, value, label, sizeof label);
    double base = y + (BAR_H - c->label_size * 0.7) / 2;
    if (value < 0)
        pdf_flow_measured_at(r, label, c->label_width[s][i], PDF_FACE_REGULAR, c->label_size,
                             r->st->text, end - 3 - g->label_w, base, g->label_w, PDF_ALIGN_RIGHT);
    else
        pdf_flow_text_at(r, label, PDF_FACE_REGULAR, c->label_size, r->st->text, end + 3, base, 0,
                         PDF_ALIGN_LEFT);
}

/* Category i's row, its top at y: name, then both years' bars. */
static void bar_row(pdf_report *r, pdf_chart *c, const bar_geom *g, size_t i, double y)
{
    const pdf_style *st = r->st;
    label_lines(r, c, i, g->name_w - 8);
    pdf_flow_draw_para(r, chart_name(r, c, i), r->left, y - 3 - st->size_small, g->name_w - 8,
                       st->text, PDF_ALIGN_LEFT);
    bar_h(r, c, g, 0, i, y - 3 - BAR_H);
    bar_h(r, c, g, 1, i, y - 3 - 2 * BAR_H - 2);
}

/* Horizontal bars, continued on the next pages under the title and
 * legend again: the title and the scale's amounts measured once for all
 * the pages. */
static void draw_bars(pdf_report *r, pdf_chart *c)
{
    const pdf_style *st = r->st;
    bar_geom g;
    bar_layout(r, c, &g);
    double head = pdf_flow_line_height(r, st->size_h3) + 16, foot = st->size_small + 8;
    pdf_span span = { c->title, PDF_FACE_BOLD, NULL };
    layout_para title = { 0 };
    double *ticks = NULL; /* both made where the first page needs them */
    size_t i = 0;
    while (i < c->count) {
        /* the title and legend with two rows at least, on every page */
        double first = bar_row_height(r, c, &g, i);
        double second = i + 1 < c->count ? bar_row_height(r, c, &g, i + 1) : 0;
        pdf_flow_ensure(r, head + first + second + foot, 0);
        if (!ticks)
            pdf_flow_para(r, &title, &span, 1, st->size_h3);
        pdf_text_opts o = { st->size_h3, st->text, 0, 0, PDF_ALIGN_LEFT, 1 };
        pdf_flow_text_para(r, &title, &o);
        legend(r, c, r->left + g.name_w, r->flow.y - 10);
        double top = r->flow.y - 16, y = top;
        while (i < c->count &&
               (y == top || y - bar_row_height(r, c, &g, i) - foot >= r->flow.bottom)) {
            bar_row(r, c, &g, i, y);
            y -= bar_row_height(r, c, &g, i);
            i++;
        }
        if (!ticks)
            ticks = tick_widths(r, c);
        bar_grid(r, c, &g, ticks, top, y);
        r->flow.y = y - foot - st->paragraph_space;
        if (i < c->count)
            pdf_flow_new_page(r);
    }
    free(ticks);
    layout_para_free(&title);
}

/* ---- charts ------------------------------------------------------------ */

static void pdf_chart_draw(pdf_report *r, pdf_chart *c)
{
    if (c->count == 0 || !chart_scale(c))
        return; /* nothing to show: no chart */
    c->label_size = r->st->size_small - 1.5;
    chart_measure(r, c);
    pdf_flow_space(r, 6);
    if (upright_fits(r, c))
        draw_columns(r, c);
    else
        draw_bars(r, c);
}

static void pdf_chart_free(pdf_chart *c)
{
    for (size_t i = 0; i < c->count; i++)
        if (c->named[i])
            layout_para_free(&c->names[i]);
    free(c->names);
    free(c->named);
    free(c->categories);
    for (int s = 0; s < 2; s++) {
        free(c->series[s].values);
        free(c->label_width[s]);
    }
}

static void pdf_chart_alloc(pdf_chart *c, const char *title, size_t n)
{
    memset(c, 0, sizeof *c);
    c->title = title;
    c->count = n;
    c->categories = xcalloc(n + 1, sizeof *c->categories);
    c->series[0].values = xcalloc(n + 1, sizeof(int64_t));
    c->series[1].values = xcalloc(n + 1, sizeof(int64_t));
    c->label_width[0] = xcalloc(n + 1, sizeof(double));
    c->label_width[1] = xcalloc(n + 1, sizeof(double));
    c->names = xcalloc(n + 1, sizeof *c->names);
    c->named = xcalloc(n + 1, sizeof *c->named);
}

static void groups_chart(pdf_report *r, const char *title, const group_figure *g, size_t n)
{
    pdf_chart c;
    pdf_chart_alloc(&c, title, n);
    c.series[0].label = r->f->current.label;
    c.series[1].label = r->f->previous.label;
    for (size_t i = 0; i < n; i++) {
        c.categories[i] = figures_label(r->f, g[i].group);
        c.series[0].values[i] = g[i].amount.current;
        c.series[1].values[i] = g[i].amount.previous;
    }
    pdf_chart_draw(r, &c);
    pdf_chart_free(&c);
}

void pdf_chart_revenue_groups(pdf_report *r)
{
    groups_chart(r, pdf_flow_label(r, "pdf.chart_revenue_groups"), r->f->revenue_groups,
                 r->f->revenue_group_count);
}

void pdf_chart_expense_groups(pdf_report *r)
{
    groups_chart(r, pdf_flow_label(r, "pdf.chart_expense_groups"), r->f->expense_groups,
                 r->f->expense_group_count);
}

void pdf_chart_history(pdf_report *r)
{
    const figures *f = r->f;
    pdf_chart c;
    pdf_chart_alloc(&c, pdf_flow_label(r, "pdf.chart_history"), f->history_count);
    c.series[0].label = pdf_flow_label(r, "common.revenue");
    c.series[1].label = pdf_flow_label(r, "common.expenses");
    for (size_t i = 0; i < f->history_count; i++) {
        c.categories[i] = f->history[i].period.label;
        c.series[0].values[i] = f->history[i].revenue;
        c.series[1].values[i] = f->history[i].expenses;
    }
    pdf_chart_draw(r, &c);
    pdf_chart_free(&c);
}
