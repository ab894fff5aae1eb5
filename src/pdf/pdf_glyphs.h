/* pdf_glyphs.h - what libharu 2.3.0's TrueType subsets leave out, put
 * back.  A composite glyph ("ễ" is "e" with a circumflex-and-tilde, itself
 * made of two marks) draws other glyphs; libharu marks a used glyph's
 * direct components only, and none at all for its UTF-8 fonts, so the
 * marks were missing from the embedded font: "Nguyễn Thị" printed as
 * "Nguyen Thi" while it copied right.  Fixed upstream after 2.3.0. */
#ifndef BILAN_PDF_GLYPHS_H
#define BILAN_PDF_GLYPHS_H

#include <hpdf.h>
#include <hpdf_fontdef.h> /* libharu's internal TrueType record */

/* Marks every glyph a used glyph of def draws, at any depth, as used, so
 * that the subset written holds them.  Call before saving. */
void pdf_glyphs_close(HPDF_FontDef def);

/* Whether def's font has a glyph for the character cp (of the BMP). */
int pdf_glyphs_has(HPDF_FontDef def, unsigned cp);

#endif
