/* pdf_style.h - the PDF's look, from templates/style.ini: page size and
 * margins, the four font faces (fontconfig pattern or .ttf path), sizes,
 * spacing, colours. */
#ifndef BILAN_PDF_STYLE_H
#define BILAN_PDF_STYLE_H

#include "lib/diag.h"
#include "pdf/pdf_draw.h"

#include <stdbool.h>

typedef struct pdf_style {
    double page_width, page_height;
    double margin_top, margin_bottom, margin_left, margin_right;
    char *font[PDF_FACE_COUNT];      /* as written: pattern or path */
    char *font_path[PDF_FACE_COUNT]; /* resolved .ttf file */
    double size_body, size_h1, size_h2, size_h3, size_table, size_small;
    double size_cover_title, size_cover_org;
    double leading;                  /* line height / font size */
    double paragraph_space;          /* points after a paragraph */
    pdf_color text;
    pdf_color accent;                /* the brand colour ([colours] brand):
                                        headings, tables, charts, cover */
    pdf_color muted, rule;
    pdf_color bar_current;           /* charts; the brand colour unless set */
    pdf_color bar_previous;
    bool section_new_page;           /* level-1 headings start a page */
    int list_columns;                /* people and partner lists */
} pdf_style;

/* Defaults, then path's settings (missing file: 66; unknown section or
 * key, bad value: 65 at its line); then resolves the fonts through
 * fontconfig.  Returns 0 or -1. */
int pdf_style_load(pdf_style *s, const char *path, diag *d);
void pdf_style_free(pdf_style *s);

#endif
