/* pdf_draw_test.h - a test hook for pdf_draw: every text libharu is asked
 * to measure, to prove that the layout measures each string once.  Not
 * for the program's own use. */
#ifndef BILAN_PDF_DRAW_TEST_H
#define BILAN_PDF_DRAW_TEST_H

#include "pdf/pdf_draw.h"

/* Told of one measure: bytes text[0..len) in face (as given to libharu:
 * Windows-1252 for a text that encoding holds). */
typedef void pdf_draw_measured_fn(void *ctx, int face, const char *text, size_t len);

/* Calls fn(ctx, ...) for every measure from now on (fn NULL: none). */
void pdf_draw_on_measure(pdf_draw *w, pdf_draw_measured_fn *fn, void *ctx);

#endif
