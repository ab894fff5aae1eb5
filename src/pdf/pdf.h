/* pdf.h - the state shared by the PDF renderer's files: render_pdf.c
 * (passes and template blocks), pdf_flow.c (pages, text flow, header and
 * footer), pdf_sections.c (the directives' parts: cover, contents, tables,
 * lists), pdf_table.c (tables) and pdf_chart.c (charts).  Internal to the
 * PDF renderer. */
#ifndef BILAN_PDF_H
#define BILAN_PDF_H

#include "lib/diag.h"
#include "figures.h"
#include "report/messages.h"
#include "pdf/pdf_draw.h"
#include "pdf/pdf_layout.h"
#include "pdf/pdf_style.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum pdf_align {
    PDF_ALIGN_LEFT,
    PDF_ALIGN_JUSTIFY,
    PDF_ALIGN_RIGHT,
    PDF_ALIGN_CENTER,
    PDF_ALIGN_NUMBER /* right, aligned on the decimal mark */
} pdf_align;

/* A piece of text in one face; url makes it a link. */
typedef struct pdf_span {
    const char *text;
    int face;
    const char *url; /* NULL: not a link */
} pdf_span;

typedef struct pdf_text_opts {
    double size;
    pdf_color color;
    double indent_left, indent_right;
    pdf_align align;
    int keep_lines; /* lines that must stay together at the top */
} pdf_text_opts;

/* Where contents entry `entry` waits for its page number: the page
 * (pdf_draw_page_index), the baseline of its last line and where that
 * line's title ends. */
typedef struct pdf_toc_slot {
    size_t entry, page;
    double baseline, title_end;
} pdf_toc_slot;

/* The page header's texts as they fit (pdf_flow.c): the same on every
 * page, measured on the first page of a pass. */
typedef struct pdf_header {
    char *left, *right; /* the organisation, the title (malloc'd) */
    double right_width;
    bool ready;
} pdf_header;

typedef struct pdf_report {
    const figures *f;
    const messages *msg;
    const pdf_style *st;
    pdf_draw *draw;
    diag *d;
    layout_flow flow;
    double left, width; /* the text column */
    /* level-1 headings: titles, and pages found as the layout goes; the
     * contents' page numbers and leaders, whose places are kept while
     * the contents are drawn, are filled in after the last page. */
    int *toc_pages;
    size_t toc_count, toc_cap;
    pdf_toc_slot *toc_slots;
    size_t toc_slot_count, toc_slot_cap;
    char **toc_titles;
    size_t toc_title_count;
    size_t section_bookmark; /* the current level-1 bookmark */
    pdf_header header;
    int logo;           /* the organisation's logo image, or -1 */
    double logo_aspect; /* its width / height */
    bool join_page;     /* the next level-1 heading stays on this page */
    size_t dry_until;   /* render_pdf.c: the block that ends the
                                  sections laid out dry, whose widths
                                  are remembered until it (pdf_draw) */
    bool measuring;     /* a section is laid out dry to learn its
                                  height (render_pdf.c): warnings wait */
    bool quiet;         /* laid out again with fallback fonts: the
                                  first layout reported its problems */
    bool broken;        /* an internal error was reported (exit 70):
                                  the document is not saved */
} pdf_report;

#endif
