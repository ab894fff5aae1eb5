/* pdf_scripts.h - every script a text can hold: the characters the
 * style's faces have no glyph for, met by a dry layout pass, are looked up
 * in the fonts fontconfig knows (pdf_style_fallbacks) and those fonts
 * added to the faces; what no font shows is a warning at the source of the
 * text, naming the characters. */
#ifndef BILAN_PDF_SCRIPTS_H
#define BILAN_PDF_SCRIPTS_H

#include "pdf/pdf.h"

/* Adds fallback fonts for the characters the layout so far met and the
 * faces lack, then forgets them.  True when fonts were added (the layout
 * must be done again: widths changed); false when none was needed or
 * found.  -1 (as true) never: fontconfig's failure is reported, r->broken
 * set. */
bool pdf_scripts_fallbacks(pdf_report *r, pdf_style *st, const char *style_path);

/* Warns, at each text's source, of the characters no font showed. */
void pdf_scripts_warn(pdf_report *r);

#endif
