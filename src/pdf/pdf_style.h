/* pdf_style.h - the PDF's look, from templates/style.ini: page size and
 * margins, the four font faces (fontconfig pattern or .ttf path), sizes,
 * spacing, colours. */
#ifndef BILAN_PDF_STYLE_H
#define BILAN_PDF_STYLE_H

#include "lib/diag.h"
#include "pdf/pdf_draw.h"

#include <stdbool.h>

enum { PDF_FALLBACK_MAX = 4 };

typedef struct pdf_style {
    double page_width, page_height;
    double margin_top, margin_bottom, margin_left, margin_right;
    char *font[PDF_FACE_COUNT];      /* as written: pattern or path */
    char *font_path[PDF_FACE_COUNT]; /* resolved .ttf file */
    /* fonts for the characters a face lacks (pdf_style_fallbacks) */
    char *fallback_path[PDF_FACE_COUNT][PDF_FALLBACK_MAX];
    unsigned fallback_index[PDF_FACE_COUNT][PDF_FALLBACK_MAX]; /* in a collection */
    size_t fallback_count[PDF_FACE_COUNT];
    double size_body, size_h1, size_h2, size_h3, size_table, size_small;
    double size_cover_title, size_cover_org;
    double leading;         /* line height / font size */
    double paragraph_space; /* points after a paragraph */
    pdf_color text;
    pdf_color accent; /* the brand colour ([colours] brand):
                                        headings, tables, charts, cover */
    pdf_color muted, rule;
    pdf_color bar_current; /* charts; the brand colour unless set */
    pdf_color bar_previous;
    bool section_new_page; /* level-1 headings start a page */
    int list_columns;      /* people and partner lists */
} pdf_style;

/* Defaults, then path's settings (missing file: 66; unknown section or
 * key, bad value: 65 at its line); then resolves the fonts through
 * fontconfig.  Returns 0 or -1. */
int pdf_style_load(pdf_style *s, const char *path, diag *d);
void pdf_style_free(pdf_style *s);

/* Looks up, through fontconfig (in a child process, as the faces), the
 * TrueType fonts that show the characters cps[0..count) for each face's
 * weight and slant, any family: s->fallback_*.  0, or -1 with fontconfig's
 * failure reported (path names style.ini). */
int pdf_style_fallbacks(pdf_style *s, const unsigned *cps, size_t count, const char *path, diag *d);

#endif
