/* pdf_rich.h - what a text's Markdown holds besides paragraphs, drawn:
 * pictures (scaled to the text width, captioned by their alt text), GFM
 * tables (through pdf_table.c) and footnotes. */
#ifndef BILAN_PDF_RICH_H
#define BILAN_PDF_RICH_H

#include "pdf/pdf.h"
#include "report/template.h"

/* A TPL_IMAGE block: the picture at the flow's position; one the PDF
 * library cannot read is a warning at the block's line, once. */
void pdf_rich_image(pdf_report *r, const tpl_block *b);
/* A TPL_TABLE block. */
void pdf_rich_table(pdf_report *r, const tpl_block *b);
/* A TPL_FOOTNOTE block: a small paragraph. */
void pdf_rich_footnote(pdf_report *r, const tpl_block *b, const pdf_span *spans);

#endif
