/* pdf_flow.h - the bottom layer of the PDF renderer: pages with their
 * header and footer, text flowed down the pages, single lines, wrapped
 * paragraphs for cells and labels.  Every other file of pdf/ draws through
 * these and pdf_draw.h; nothing here knows a section or a table. */
#ifndef BILAN_PDF_FLOW_H
#define BILAN_PDF_FLOW_H

#include "pdf/pdf.h"

#include <stddef.h>

/* The message catalogue's text for key. */
const char *pdf_flow_label(const pdf_report *r, const char *key);
double pdf_flow_line_height(const pdf_report *r, double size);
/* Starts a pass: the flow at the top of page 1, that page begun. */
void pdf_flow_begin(pdf_report *r);
/* Forgets what the pass kept (the header's texts); pdf_flow_begin does
 * it too. */
void pdf_flow_end(pdf_report *r);
/* Starts the next page (header and footer drawn). */
void pdf_flow_new_page(pdf_report *r);
/* Makes room for height, keeping keep more below it on the same page. */
void pdf_flow_ensure(pdf_report *r, double height, double keep);
void pdf_flow_space(pdf_report *r, double points);
/* Flows spans as a paragraph. */
void pdf_flow_text(pdf_report *r, const pdf_span *spans, size_t n, const pdf_text_opts *o);
/* The same for p, set by pdf_flow_para at o->size (wrapped here): a
 * paragraph flowed again, as a chart's title on each of its pages, is
 * measured once. */
void pdf_flow_text_para(pdf_report *r, layout_para *p, const pdf_text_opts *o);
/* One line of text at (x, baseline y) aligned within [x, x + width]
 * (measured only when not left-aligned). */
void pdf_flow_text_at(pdf_report *r, const char *text, int face, double size, pdf_color color,
                      double x, double y, double width, pdf_align align);
/* The same for a text whose width is known (text_width, as pdf_draw_width
 * gave it): nothing measured again. */
void pdf_flow_measured_at(pdf_report *r, const char *text, double text_width, int face, double size,
                          pdf_color color, double x, double y, double width, pdf_align align);
/* text as it fits in width on one line: whole, or cut short with an
 * ellipsis ("…"); malloc'd.  *fitted (unless NULL) is the result's width. */
char *pdf_flow_fit(pdf_report *r, const char *text, int face, double size, double width,
                   double *fitted);
/* Sets spans as a paragraph at size, each word measured once, to be
 * wrapped (layout_para_wrap, as often as needed: nothing is measured
 * again unless a word must be cut). */
void pdf_flow_para(pdf_report *r, layout_para *p, const pdf_span *spans, size_t n, double size);
/* Wraps spans into lines no wider than width, for cells and labels. */
size_t pdf_flow_wrap(pdf_report *r, layout_para *p, const pdf_span *spans, size_t n, double size,
                     double width);
/* Draws the wrapped lines of p with the first baseline at y. */
void pdf_flow_draw_para(pdf_report *r, const layout_para *p, double x, double y, double width,
                        pdf_color color, pdf_align align);
/* Draws lines from .. from + count of p (those that exist), the first at
 * baseline y: a part of a paragraph split across pages or columns. */
void pdf_flow_draw_lines(pdf_report *r, const layout_para *p, size_t from, size_t count, double x,
                         double y, double width, pdf_color color, pdf_align align);

#endif
