/* pdf_chart.c - bar charts drawn as vectors: revenue (or expenses) by group
 * for the two years, and revenue and expenses over the history years.
 * Legible in black and white: one series solid dark grey, the other light
 * grey with hatching, every bar labelled with its value.  Money stays in
 * integer cents; doubles only place things on the page. */
#include "report/fmt.h"
#include "report/fields.h"
#include "pdf/pdf_chart.h"
#include "pdf/pdf_flow.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define PLOT_HEIGHT 150.0
#define AXIS_WIDTH 62.0

typedef struct pdf_chart_series {
    const char *label;
    int64_t *values;           /* cents, one per category */
} pdf_chart_series;

typedef struct pdf_chart {
    const char *title;
    const char **categories;
    size_t count;
    pdf_chart_series series[2];
} pdf_chart;

static void pdf_chart_money(const pdf_report *r, int64_t cents, char *out, size_t size)
{
    fields_value(r->f, cents, UNIT_MONEY, false, out, size);
}

static void bar_fill(pdf_report *r, int s, double x, double y, double w, double h)
{
    const pdf_style *st = r->st;
    if (s == 0) {
        pdf_draw_rect(r->draw, x, y, w, h, &st->bar_current, &st->text);
    } else {
        pdf_draw_rect(r->draw, x, y, w, h, &st->bar_previous, NULL);
        pdf_draw_hatch(r->draw, x, y, w, h, 3.5, st->text);
        pdf_draw_rect(r->draw, x, y, w, h, NULL, &st->text);
    }
}

static void legend(pdf_report *r, const pdf_chart *c, double y)
{
    const pdf_style *st = r->st;
    double x = r->left + AXIS_WIDTH;
    for (int s = 0; s < 2; s++) {
        bar_fill(r, s, x, y - 1, 14, 8);
        const char *label = c->series[s].label;
        pdf_flow_text_at(r, label, PDF_FACE_REGULAR, st->size_small, st->text, x + 18, y, 0,
                         PDF_ALIGN_LEFT);
        x += 18 + pdf_draw_width(r->draw, PDF_FACE_REGULAR, st->size_small, label,
                                 strlen(label)) + 20;
    }
}

/* The scale's top in cents and its step, from the largest value. */
static int64_t pdf_chart_scale(const pdf_chart *c, int64_t *top)
{
    int64_t max = 0;
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < c->count; i++)
            if (c->series[s].values[i] > max)
                max = c->series[s].values[i];
    int64_t dollars_top;
    int64_t step = layout_nice_step((max + 99) / 100, 5, &dollars_top);
    *top = dollars_top * 100;
    return step * 100;
}

static void grid(pdf_report *r, double base, double plot_w, int64_t top, int64_t step)
{
    const pdf_style *st = r->st;
    static const pdf_color light = { 0.85, 0.85, 0.85 };
    double x0 = r->left + AXIS_WIDTH;
    for (int64_t v = 0; v <= top; v += step) {
        double y = base + PLOT_HEIGHT * ((double)v / (double)top);
        pdf_draw_line(r->draw, x0, y, x0 + plot_w, y, v ? 0.4 : 0.8, v ? light : st->text);
        char label[FMT_SIZE];
        pdf_chart_money(r, v, label, sizeof label);
        pdf_flow_text_at(r, label, PDF_FACE_REGULAR, st->size_small - 1, st->muted,
                         r->left, y - 2.5, AXIS_WIDTH - 6, PDF_ALIGN_RIGHT);
    }
    pdf_draw_line(r->draw, x0, base, x0, base + PLOT_HEIGHT, 0.8, st->text);
}

static void bar(pdf_report *r, int s, int64_t value, int64_t top, double x, double w, double base)
{
    double h = value > 0 ? PLOT_HEIGHT * ((double)value / (double)top) : 0;
    if (h > 0)
        bar_fill(r, s, x, base, w, h);
    char label[FMT_SIZE];
    pdf_chart_money(r, value, label, sizeof label);
    double size = r->st->size_small - 1.5;
    double lw = pdf_draw_width(r->draw, PDF_FACE_REGULAR, size, label, strlen(label));
    if (lw > w + 6)   /* narrow bars: a smaller label, centred anyway */
        size = size * (w + 6) / lw > 4.5 ? size * (w + 6) / lw : 4.5;
    pdf_flow_text_at(r, label, PDF_FACE_REGULAR, size, r->st->text, x - 10, base + h + 2.5,
                     w + 20, PDF_ALIGN_CENTER);
}

static double category_labels_height(pdf_report *r, const pdf_chart *c, double gw)
{
    size_t most = 1;
    for (size_t i = 0; i < c->count; i++) {
        layout_para p;
        pdf_span span = { c->categories[i], PDF_FACE_REGULAR };
        size_t n = pdf_flow_wrap(r, &p, &span, 1, r->st->size_small, gw - 4);
        layout_para_free(&p);
        if (n > most)
            most = n;
    }
    return (double)most * pdf_flow_line_height(r, r->st->size_small);
}

static void pdf_chart_draw(pdf_report *r, const pdf_chart *c)
{
    const pdf_style *st = r->st;
    if (c->count == 0)
        return;
    double plot_w = r->width - AXIS_WIDTH;
    double gw = plot_w / (double)c->count;
    double labels_h = category_labels_height(r, c, gw);
    double total = st->size_h3 * 2 + 16 + PLOT_HEIGHT + 12 + labels_h;
    pdf_flow_space(r, 6);
    pdf_flow_ensure(r, total, 0);
    pdf_span span = { c->title, PDF_FACE_BOLD };
    pdf_text_opts o = { st->size_h3, st->text, 0, 0, PDF_ALIGN_LEFT, 1 };
    pdf_flow_text(r, &span, 1, &o);
    legend(r, c, r->flow.y - 10);
    double base = r->flow.y - 22 - PLOT_HEIGHT;
    int64_t top, step = pdf_chart_scale(c, &top);
    grid(r, base, plot_w, top, step);
    double bw = gw * 0.32 < 42 ? gw * 0.32 : 42;
    for (size_t i = 0; i < c->count; i++) {
        double gx = r->left + AXIS_WIDTH + gw * (double)i, mid = gx + gw / 2;
        bar(r, 0, c->series[0].values[i], top, mid - bw - 1, bw, base);
        bar(r, 1, c->series[1].values[i], top, mid + 1, bw, base);
        layout_para p;
        pdf_span cat = { c->categories[i], PDF_FACE_REGULAR };
        pdf_flow_wrap(r, &p, &cat, 1, st->size_small, gw - 4);
        pdf_flow_draw_para(r, &p, gx + 2, base - 4 - st->size_small, gw - 4, st->text,
                           PDF_ALIGN_CENTER);
        layout_para_free(&p);
    }
    r->flow.y = base - 8 - labels_h - st->paragraph_space;
}

static void pdf_chart_free(pdf_chart *c)
{
    free(c->categories);
    free(c->series[0].values);
    free(c->series[1].values);
}

static void pdf_chart_alloc(pdf_chart *c, const char *title, size_t n)
{
    c->title = title;
    c->count = n;
    c->categories = xcalloc(n + 1, sizeof *c->categories);
    c->series[0].values = xcalloc(n + 1, sizeof(int64_t));
    c->series[1].values = xcalloc(n + 1, sizeof(int64_t));
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
