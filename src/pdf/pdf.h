/* pdf_report.h - the state shared by the PDF renderer's files:
 * render_pdf.c (passes, blocks, text), pdf_parts.c (the generated parts:
 * tables, lists, cover, contents) and pdf_chart.c (charts).  Internal to
 * the PDF renderer. */
#ifndef BILAN_PDF_REPORT_H
#define BILAN_PDF_REPORT_H

#include "lib/diag.h"
#include "figures.h"
#include "report/messages.h"
#include "pdf/pdf_draw.h"
#include "pdf/pdf_layout.h"
#include "pdf/pdf_style.h"
#include "report/template.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum pdf_align {
    ALIGN_LEFT,
    ALIGN_JUSTIFY,
    ALIGN_RIGHT,
    ALIGN_CENTER,
    ALIGN_NUMBER               /* right, aligned on the decimal mark */
} pdf_align;

/* A piece of text in one face. */
typedef struct pdf_span {
    const char *text;
    int face;
} pdf_span;

typedef struct pdf_text_opts {
    double size;
    pdf_color color;
    double indent_left, indent_right;
    pdf_align align;
    int keep_lines;            /* lines that must stay together at the top */
} pdf_text_opts;

typedef struct pdf_report {
    const figures *f;
    const messages *msg;
    const pdf_style *st;
    pdf_draw *draw;
    diag *d;
    layout_flow flow;
    double left, width;        /* the text column */
    /* level-1 headings: titles and pages found by the current pass; the
     * first pass's pages are what the contents show in the second. */
    int *toc_pages;
    size_t toc_count, toc_cap;
    const int *known_pages;
    size_t known_count;
    char **toc_titles;
    size_t toc_title_count;
    size_t section_bookmark;   /* the current level-1 bookmark */
} pdf_report;

const char *report_label(const pdf_report *r, const char *key);
double report_line_height(const pdf_report *r, double size);
/* Starts the next page (header and footer drawn). */
void report_new_page(pdf_report *r);
/* Makes room for height, keeping keep more below it on the same page. */
void report_ensure(pdf_report *r, double height, double keep);
void report_space(pdf_report *r, double points);
/* Flows spans as a paragraph. */
void report_text(pdf_report *r, const pdf_span *spans, size_t n, const pdf_text_opts *o);
/* One line of text at (x, baseline y) aligned within [x, x + width]. */
void report_text_at(pdf_report *r, const char *text, int face, double size,
                    pdf_color color, double x, double y, double width, pdf_align align);
/* Wraps spans into lines no wider than width, for cells and labels. */
size_t report_wrap(pdf_report *r, layout_para *p, const pdf_span *spans, size_t n,
                   double size, double width);
/* Draws the wrapped lines of p with the first baseline at y. */
void report_draw_para(pdf_report *r, const layout_para *p, double x, double y,
                      double width, pdf_color color, pdf_align align);

/* pdf_parts.c */
extern const char *const report_directives[];
/* Checks a directive's argument against the figures; reports at its line. */
bool report_directive_check(pdf_report *r, const tpl_block *b);
void report_directive(pdf_report *r, const tpl_block *b);
/* The directives expanded once the whole template is read: "people_others". */
extern const char *const report_late_directives[];
/* The template's generated directives (a tpl_generate_fn, user the
 * pdf_report): "axes", a level-1 section per program area;
 * "people_others" (late), a level-2 heading and a "people" list for each
 * group of people.csv that no "people" or "team" directive shows. */
bool report_generate(void *user, tpl_builder *b, const char *name, const char *arg);
/* A program area's text name: "Mobilisation des connaissances" ->
 * "mobilisation-des-connaissances" (lower case, no accents, other than
 * letters and digits -> '-'); malloc'd, "" when nothing is left. */
char *report_axis_slug(const char *axis);

/* pdf_chart.c */
void chart_revenue_groups(pdf_report *r);
void chart_expense_groups(pdf_report *r);
void chart_history(pdf_report *r);

#endif
