/* pdf_table.h - tables in the PDF: a header row repeated on every page the
 * table spans, a first column that wraps, numbers right-aligned on their
 * decimal mark, bold total rows with a rule above. */
#ifndef BILAN_PDF_TABLE_H
#define BILAN_PDF_TABLE_H

#include "pdf/pdf.h"

enum { TABLE_COLS_MAX = 6 };

typedef struct table_col {
    const char *title;
    double share;              /* of the text width; shares add up to 1 */
    pdf_align align;           /* ALIGN_LEFT or ALIGN_NUMBER */
} table_col;

typedef enum table_row_kind {
    ROW_BODY,
    ROW_SECTION,               /* a bold label spanning the row */
    ROW_TOTAL                  /* bold, with a rule above */
} table_row_kind;

typedef struct table_row {
    char *cells[TABLE_COLS_MAX];   /* owned */
    table_row_kind kind;
} table_row;

typedef struct pdf_table {
    table_col cols[TABLE_COLS_MAX];
    int col_count;
    table_row *rows;
    size_t row_count, row_cap;
} pdf_table;

void table_init(pdf_table *t);
void table_add_col(pdf_table *t, const char *title, double share, pdf_align align);
/* Adds a row; cells are copied; pass col_count strings (NULL for empty). */
void table_add_row(pdf_table *t, table_row_kind kind, const char *const *cells);
void table_draw(pdf_report *r, const pdf_table *t);
void table_free(pdf_table *t);

#endif
