/* pdf_table.h - tables in the PDF: a header row repeated on every page the
 * table spans, text columns that wrap, numbers right-aligned on their
 * decimal mark, bold total rows with a rule above. */
#ifndef BILAN_PDF_TABLE_H
#define BILAN_PDF_TABLE_H

#include "pdf/pdf.h"

enum { PDF_TABLE_COLS_MAX = 12 };

typedef struct pdf_table_col {
    const char *title;
    double share;    /* of the text width; shares add up to 1 */
    pdf_align align; /* LEFT or CENTER (text, wrapped), NUMBER */
} pdf_table_col;

typedef enum pdf_table_row_kind {
    PDF_ROW_BODY,
    PDF_ROW_SECTION, /* a bold label spanning the row */
    PDF_ROW_TOTAL    /* bold, with a rule above */
} pdf_table_row_kind;

typedef struct pdf_table_row {
    char *cells[PDF_TABLE_COLS_MAX]; /* owned */
    pdf_table_row_kind kind;
} pdf_table_row;

typedef struct pdf_table {
    pdf_table_col cols[PDF_TABLE_COLS_MAX];
    int col_count;
    int cols_refused; /* columns added past PDF_TABLE_COLS_MAX */
    pdf_table_row *rows;
    size_t row_count, row_cap;
    /* NULL, or paragraphs the caller made of the texts (pdf_flow_para at
     * the table's size, in the row's face), already measured: wrapped
     * here rather than measured again.  paras: a row's after another,
     * col_count a row; titles: col_count, bold.  The caller frees them
     * after pdf_table_draw. */
    layout_para *paras, *titles;
} pdf_table;

void pdf_table_init(pdf_table *t);
/* Adds a column.  A column past PDF_TABLE_COLS_MAX is a programming error:
 * it is counted, and pdf_table_draw reports it instead of drawing. */
void pdf_table_add_col(pdf_table *t, const char *title, double share, pdf_align align);
/* Adds a row; cells are copied; pass col_count strings (NULL for empty). */
void pdf_table_add_row(pdf_table *t, pdf_table_row_kind kind, const char *const *cells);
/* Draws the table at the flow's position.  A table given more columns than
 * it can draw is never cut: nothing is drawn, the error is reported (exit
 * 70) and r->broken set; returns -1 then, else 0. */
int pdf_table_draw(pdf_report *r, const pdf_table *t);
void pdf_table_free(pdf_table *t);

#endif
