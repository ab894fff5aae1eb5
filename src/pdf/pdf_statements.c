/* pdf_statements.c - the statements in the PDF: budget against actual
 * (with favourable and unfavourable variances told apart), the next
 * year's forecast against this year's actual, the statement of financial
 * position at the two year-ends, and the indicators' panel.  Tables show
 * money to the cent, as the statement of operations does; every value is
 * a figure, formatted here and never computed; groups are named by their
 * [labels.LANG] label when there is one (figures_label). */
#include "pdf/pdf_statements.h"
#include "pdf/pdf_flow.h"
#include "pdf/pdf_table.h"
#include "report/fields.h"
#include "report/fmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Money to the cent; with plus, "+" before a positive value. */
static void money(const pdf_report *r, int64_t cents, bool plus, char *out, size_t size)
{
    fields_value(r->f, cents, UNIT_MONEY_CENTS, plus, out, size);
}

/* An italic caption above a table, kept with the table's first rows. */
static void caption(pdf_report *r, const char *text)
{
    pdf_flow_ensure(r, pdf_flow_line_height(r, r->st->size_body),
                    6 * pdf_flow_line_height(r, r->st->size_table));
    pdf_span span = { .text = text, .face = PDF_FACE_ITALIC };
    pdf_text_opts o = { r->st->size_body, r->st->muted, 0, 0, PDF_ALIGN_LEFT, 1 };
    pdf_flow_text(r, &span, 1, &o);
    r->flow.y -= 4;
}

/* A bold label spanning the row. */
static void section_row(pdf_table *t, const char *label)
{
    const char *cells[PDF_TABLE_COLS_MAX] = { label };
    pdf_table_add_row(t, PDF_ROW_SECTION, cells);
}

/* ---- budget against actual --------------------------------------------- */

/* A variance's percent of the budget: "-2,5 %", "—" for a budget of 0,
 * "n.s." / "n.m." for a negative budget. */
static void variance_pct(const pdf_report *r, const figure *fig, char *out, size_t size)
{
    if (fig->pct == FIGURE_PCT_VALUE)
        fmt_change_pct(out, size, fig, r->f->lang);
    else
        snprintf(
            out, size, "%s",
            fmt_pct_word(fig->pct == FIGURE_PCT_NEGATIVE ? FIGURE_PCT_NEGATIVE : FIGURE_PCT_ZERO,
                         r->f->lang));
}

/* Whether a variance is good news: more revenue (or net) than budgeted,
 * fewer expenses.  "" when there is none. */
static const char *assessment(const pdf_report *r, int64_t variance, bool expense)
{
    if (variance == 0)
        return "";
    bool good = expense ? variance < 0 : variance > 0;
    return pdf_flow_label(r, good ? "pdf.favourable" : "pdf.unfavourable");
}

/* A row: label, actual, budget, variance, variance %, assessment. */
static void budget_row(pdf_report *r, pdf_table *t, pdf_table_row_kind kind, const char *label,
                       const budget_line *l, bool expense)
{
    char actual[FMT_SIZE], budget[FMT_SIZE], variance[FMT_SIZE], pct[FMT_SIZE];
    money(r, l->amount.current, false, actual, sizeof actual);
    if (!l->budgeted) {
        const char *cells[] = { label,
                                actual,
                                pdf_flow_label(r, "pdf.not_budgeted"),
                                fmt_pct_word(FIGURE_PCT_ZERO, r->f->lang),
                                "",
                                "" };
        pdf_table_add_row(t, kind, cells);
        return;
    }
    money(r, l->amount.previous, false, budget, sizeof budget);
    money(r, l->amount.change, true, variance, sizeof variance);
    variance_pct(r, &l->amount, pct, sizeof pct);
    const char *cells[] = { label,    actual, budget,
                            variance, pct,    assessment(r, l->amount.change, expense) };
    pdf_table_add_row(t, kind, cells);
}

/* A row of a budget statement's table; expense: the line is an expense's
 * (a variance against it is unfavourable when positive). */
typedef void (*budget_row_fn)(pdf_report *r, pdf_table *t, pdf_table_row_kind kind,
                              const char *label, const budget_line *l, bool expense);

/* A budget statement's rows, through row: the revenue groups and their
 * total, the expense groups and theirs, the net. */
static void budget_rows(pdf_report *r, pdf_table *t, const budget_statement *b, budget_row_fn row)
{
    section_row(t, pdf_flow_label(r, "common.revenue"));
    for (size_t i = 0; i < b->revenue_group_count; i++)
        row(r, t, PDF_ROW_BODY, figures_label(r->f, b->revenue_groups[i].group),
            &b->revenue_groups[i], false);
    row(r, t, PDF_ROW_TOTAL, pdf_flow_label(r, "common.total_revenue"), &b->revenue, false);
    section_row(t, pdf_flow_label(r, "common.expenses"));
    for (size_t i = 0; i < b->expense_group_count; i++)
        row(r, t, PDF_ROW_BODY, figures_label(r->f, b->expense_groups[i].group),
            &b->expense_groups[i], true);
    row(r, t, PDF_ROW_TOTAL, pdf_flow_label(r, "common.total_expenses"), &b->expenses, true);
    row(r, t, PDF_ROW_TOTAL, pdf_flow_label(r, "common.net"), &b->net, false);
}

/* "{{% budget %}}": the reported year's budget against its actuals, by
 * group, with the totals of the groups budgeted. */
void pdf_statements_budget(pdf_report *r, const char *arg)
{
    (void)arg;
    const budget_statement *b = &r->f->budget;
    if (!b->present)
        return;
    char text[256], end[FMT_SIZE];
    fmt_date(end, sizeof end, b->period.end, r->f->lang);
    snprintf(text, sizeof text, "%s %s", pdf_flow_label(r, "pdf.statement_caption"), end);
    caption(r, text);
    pdf_table t;
    pdf_table_init(&t);
    pdf_table_add_col(&t, pdf_flow_label(r, "common.group"), 0.27, PDF_ALIGN_LEFT);
    pdf_table_add_col(&t, pdf_flow_label(r, "pdf.actual"), 0.16, PDF_ALIGN_NUMBER);
    pdf_table_add_col(&t, pdf_flow_label(r, "pdf.budget"), 0.16, PDF_ALIGN_NUMBER);
    pdf_table_add_col(&t, pdf_flow_label(r, "common.change"), 0.15, PDF_ALIGN_NUMBER);
    pdf_table_add_col(&t, pdf_flow_label(r, "common.change_pct"), 0.11, PDF_ALIGN_NUMBER);
    pdf_table_add_col(&t, pdf_flow_label(r, "pdf.assessment"), 0.15, PDF_ALIGN_LEFT);
    budget_rows(r, &t, b, budget_row);
    pdf_table_draw(r, &t);
    pdf_table_free(&t);
}

/* ---- the forecast ------------------------------------------------------ */

/* A row: label, next year's budget, this year's actual, change, change %
 * (the same for revenue and expenses). */
static void forecast_row(pdf_report *r, pdf_table *t, pdf_table_row_kind kind, const char *label,
                         const budget_line *l, bool expense)
{
    (void)expense;
    char budget[FMT_SIZE], actual[FMT_SIZE], change[FMT_SIZE], pct[FMT_SIZE];
    money(r, l->amount.previous, false, actual, sizeof actual);
    if (!l->budgeted) {
        const char *cells[] = { label, pdf_flow_label(r, "pdf.not_budgeted"), actual,
                                fmt_pct_word(FIGURE_PCT_ZERO, r->f->lang), "" };
        pdf_table_add_row(t, kind, cells);
        return;
    }
    money(r, l->amount.current, false, budget, sizeof budget);
    money(r, l->amount.change, true, change, sizeof change);
    fmt_change_pct(pct, sizeof pct, &l->amount, r->f->lang);
    const char *cells[] = { label, budget, actual, change, pct };
    pdf_table_add_row(t, kind, cells);
}

/* "{{% forecast %}}": the next year's budget by group against the
 * reported year's actual: the growth the board is asked to plan for. */
void pdf_statements_forecast(pdf_report *r, const char *arg)
{
    (void)arg;
    const budget_statement *b = &r->f->forecast;
    if (!b->present)
        return;
    char budget_title[128], actual_title[128];
    snprintf(budget_title, sizeof budget_title, "%s %s", pdf_flow_label(r, "pdf.budget"),
             b->period.label);
    snprintf(actual_title, sizeof actual_title, "%s %s", pdf_flow_label(r, "pdf.actual"),
             r->f->current.label);
    pdf_table t;
    pdf_table_init(&t);
    pdf_table_add_col(&t, pdf_flow_label(r, "common.group"), 0.33, PDF_ALIGN_LEFT);
    pdf_table_add_col(&t, budget_title, 0.18, PDF_ALIGN_NUMBER);
    pdf_table_add_col(&t, actual_title, 0.18, PDF_ALIGN_NUMBER);
    pdf_table_add_col(&t, pdf_flow_label(r, "common.change"), 0.18, PDF_ALIGN_NUMBER);
    pdf_table_add_col(&t, pdf_flow_label(r, "common.change_pct"), 0.13, PDF_ALIGN_NUMBER);
    budget_rows(r, &t, b, forecast_row);
    pdf_table_draw(r, &t);
    pdf_table_free(&t);
}

/* ---- the statement of financial position ------------------------------ */

/* A row: label, the two year-ends, change, change %; without a previous
 * year-end (before the balances' date), "—" and nothing after it. */
static void position_row(pdf_report *r, pdf_table *t, pdf_table_row_kind kind, const char *label,
                         const figure *fig)
{
    char cur[FMT_SIZE], prev[FMT_SIZE], change[FMT_SIZE], pct[FMT_SIZE];
    money(r, fig->current, false, cur, sizeof cur);
    if (!r->f->position.has_previous) {
        const char *cells[] = { label, cur, fmt_pct_word(FIGURE_PCT_ZERO, r->f->lang), "", "" };
        pdf_table_add_row(t, kind, cells);
        return;
    }
    money(r, fig->previous, false, prev, sizeof prev);
    money(r, fig->change, true, change, sizeof change);
    fmt_change_pct(pct, sizeof pct, fig, r->f->lang);
    const char *cells[] = { label, cur, prev, change, pct };
    pdf_table_add_row(t, kind, cells);
}

/* A kind's section: its title, its groups, its total. */
static void position_section(pdf_report *r, pdf_table *t, const char *title_key,
                             const group_figure *groups, size_t n, const char *total_key,
                             const figure *total)
{
    section_row(t, pdf_flow_label(r, title_key));
    for (size_t i = 0; i < n; i++)
        position_row(r, t, PDF_ROW_BODY, figures_label(r->f, groups[i].group), &groups[i].amount);
    position_row(r, t, PDF_ROW_TOTAL, pdf_flow_label(r, total_key), total);
}

/* "{{% position %}}": assets, liabilities and net assets by group at the
 * two year-ends; the year's surplus is in the net-asset group named. */
void pdf_statements_position(pdf_report *r, const char *arg)
{
    (void)arg;
    const figures *f = r->f;
    const position_statement *p = &f->position;
    if (!p->present)
        return;
    char cur[FMT_SIZE], prev[FMT_SIZE], text[512];
    fmt_date(cur, sizeof cur, p->date, f->lang);
    fmt_date(prev, sizeof prev, p->previous_date, f->lang);
    snprintf(text, sizeof text, "%s %s", pdf_flow_label(r, "pdf.position_caption"), cur);
    caption(r, text);
    pdf_table t;
    pdf_table_init(&t);
    pdf_table_add_col(&t, pdf_flow_label(r, "common.group"), 0.33, PDF_ALIGN_LEFT);
    pdf_table_add_col(&t, cur, 0.18, PDF_ALIGN_NUMBER);
    pdf_table_add_col(&t, prev, 0.18, PDF_ALIGN_NUMBER);
    pdf_table_add_col(&t, pdf_flow_label(r, "common.change"), 0.18, PDF_ALIGN_NUMBER);
    pdf_table_add_col(&t, pdf_flow_label(r, "common.change_pct"), 0.13, PDF_ALIGN_NUMBER);
    position_section(r, &t, "pdf.assets", p->asset_groups, p->asset_group_count, "pdf.total_assets",
                     &p->assets);
    position_section(r, &t, "pdf.liabilities", p->liability_groups, p->liability_group_count,
                     "pdf.total_liabilities", &p->liabilities);
    position_section(r, &t, "pdf.net_assets", p->net_asset_groups, p->net_asset_group_count,
                     "pdf.total_net_assets", &p->net_assets);
    position_row(r, &t, PDF_ROW_TOTAL, pdf_flow_label(r, "pdf.total_liabilities_net_assets"),
                 &p->liabilities_and_net_assets);
    pdf_table_draw(r, &t);
    pdf_table_free(&t);
    if (p->net_assets_group) {
        snprintf(text, sizeof text, "%s %s.", pdf_flow_label(r, "pdf.position_surplus_note"),
                 figures_label(f, p->net_assets_group));
        pdf_span span = { .text = text, .face = PDF_FACE_ITALIC };
        pdf_text_opts o = { r->st->size_small, r->st->muted, 0, 0, PDF_ALIGN_LEFT, 2 };
        pdf_flow_text(r, &span, 1, &o);
        r->flow.y -= r->st->paragraph_space;
    }
}

/* ---- indicators -------------------------------------------------------- */

/* An indicator's text: "3,2", "16,1 %", "—" when its divisor is 0. */
static void indicator_text(const pdf_report *r, const indicator *ind, bool percent, char *out,
                           size_t size)
{
    if (ind->defined)
        fmt_tenths(out, size, ind->tenths, percent, r->f->lang);
    else
        snprintf(out, size, "%s", fmt_pct_word(FIGURE_PCT_ZERO, r->f->lang));
}

/* "{{% indicators %}}": a small shaded panel, a line per indicator
 * present: its label on the left (the largest funder's name after it,
 * cut to fit), its value on the right. */
void pdf_statements_indicators(pdf_report *r, const char *arg)
{
    (void)arg;
    const indicators *ind = &r->f->indicators;
    char labels[3][1200], values[3][FMT_SIZE];
    size_t n = 0;
    if (ind->reserve_months.present) {
        snprintf(labels[n], sizeof labels[0], "%s", pdf_flow_label(r, "pdf.reserve_months"));
        indicator_text(r, &ind->reserve_months, false, values[n++], sizeof values[0]);
    }
    if (ind->self_generated_share.present) {
        snprintf(labels[n], sizeof labels[0], "%s", pdf_flow_label(r, "pdf.self_generated_share"));
        indicator_text(r, &ind->self_generated_share, true, values[n++], sizeof values[0]);
    }
    if (ind->largest_funder) {
        snprintf(labels[n], sizeof labels[0], "%s (%s)",
                 pdf_flow_label(r, "pdf.largest_funder_share"), ind->largest_funder);
        indicator_text(r, &ind->largest_funder_share, true, values[n++], sizeof values[0]);
    }
    if (n == 0)
        return;
    const pdf_style *st = r->st;
    double size = st->size_body, lh = pdf_flow_line_height(r, size), pad = 8;
    double height = (double)(n + 1) * lh + 2 * pad;
    pdf_flow_space(r, 4);
    pdf_flow_ensure(r, height, 0);
    static const pdf_color shade = { 0.95, 0.95, 0.95 };
    double top = r->flow.y, x = r->left + pad, w = r->width - 2 * pad;
    pdf_draw_rect(r->draw, r->left, top - height, r->width, height, &shade, NULL);
    pdf_draw_rect(r->draw, r->left, top - height, 3, height, &st->accent, NULL);
    double y = top - pad - size;
    pdf_flow_text_at(r, pdf_flow_label(r, "pdf.indicators"), PDF_FACE_BOLD, size, st->accent, x, y,
                     w, PDF_ALIGN_LEFT);
    for (size_t i = 0; i < n; i++) {
        y -= lh;
        double value_w = pdf_draw_width(r->draw, PDF_FACE_BOLD, size, values[i], strlen(values[i]));
        char *label = pdf_flow_fit(r, labels[i], PDF_FACE_REGULAR, size, w - value_w - 12, NULL);
        pdf_flow_text_at(r, label, PDF_FACE_REGULAR, size, st->text, x, y, w, PDF_ALIGN_LEFT);
        free(label);
        pdf_flow_measured_at(r, values[i], value_w, PDF_FACE_BOLD, size, st->text, x, y, w,
                             PDF_ALIGN_RIGHT);
    }
    r->flow.y = top - height - st->paragraph_space * 1.5;
}
