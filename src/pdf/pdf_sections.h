/* pdf_sections.h - the drawing of the template's directives (declared in
 * report/report.h): cover, contents, page breaks, the statement of revenue
 * and expenses, funders, history, program areas, charts, people, team,
 * partner and region lists. */
#ifndef BILAN_PDF_SECTIONS_H
#define BILAN_PDF_SECTIONS_H

#include "pdf/pdf.h"
#include "report/template.h"

/* Draws directive block b at the flow's position.  A directive with no
 * drawing is an internal error: reported (70), r->broken set. */
void pdf_sections_draw(pdf_report *r, const tpl_block *b);

/* Draws the contents' page numbers and dotted leaders on the pages the
 * contents were drawn on, once the last page is laid out. */
void pdf_sections_toc_fill(pdf_report *r);

#endif
