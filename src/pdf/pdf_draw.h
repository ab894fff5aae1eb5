/* pdf_draw.h - a thin layer over libharu: the document, embedded TrueType
 * faces, pages, text, lines, rectangles, hatching, bookmarks.
 *
 * libharu's errors are recorded (never longjmp) and turned into one
 * diagnostic.  In dry mode nothing is drawn and no page is created, but
 * measuring works: the layout uses it to learn a section's height. */
#ifndef BILAN_PDF_DRAW_H
#define BILAN_PDF_DRAW_H

#include "lib/diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

enum { PDF_FACE_REGULAR, PDF_FACE_BOLD, PDF_FACE_ITALIC, PDF_FACE_BOLD_ITALIC, PDF_FACE_COUNT };

typedef struct pdf_draw pdf_draw; /* opaque */

typedef struct pdf_color {
    double r, g, b; /* 0..1 */
} pdf_color;

typedef struct pdf_info {
    const char *title, *author, *subject, *keywords;
    time_t timestamp; /* creation and modification date */
} pdf_info;

/* A new document.  NULL with the problem reported. */
pdf_draw *pdf_draw_new(diag *d);
void pdf_draw_free(pdf_draw *w); /* NULL-safe */

/* Loads and embeds the TrueType file at path as face.  -1 on failure. */
int pdf_draw_load_face(pdf_draw *w, int face, const char *path);
/* Adds font index of the TrueType file (or collection) at path as a
 * fallback of face: it shows the characters the face has no glyph for.
 * -1 when libharu cannot embed it (nothing reported). */
int pdf_draw_add_fallback(pdf_draw *w, int face, const char *path, unsigned index);

/* A character no font could show (a box, or "?" beyond U+FFFF), or one of
 * a right-to-left script (rtl: shown, but left to right and unjoined),
 * with the source set when it was first met. */
typedef struct pdf_missing {
    unsigned long cp;
    const char *file;
    size_t line;
    bool rtl;
} pdf_missing;

/* The source of the text drawn from now on (file and line, for
 * pdf_draw_missing); file is borrowed. */
void pdf_draw_set_source(pdf_draw *w, const char *file, size_t line);
/* The characters no font could show so far, in the order met. */
size_t pdf_draw_missing(const pdf_draw *w, const pdf_missing **list);
void pdf_draw_forget_missing(pdf_draw *w);
void pdf_draw_set_info(pdf_draw *w, const pdf_info *info);
/* Dry mode on or off.  From a dry layout on, every width measured is
 * remembered (by font and text, in a bounded memo: pdf_memo.h), so that
 * laying the same section out for real measures none of its texts again;
 * until pdf_draw_forget_widths, to be called once the section is drawn. */
void pdf_draw_set_dry(pdf_draw *w, bool dry);
bool pdf_draw_is_dry(const pdf_draw *w);
/* Forgets the widths remembered, and remembers none until the next dry
 * layout. */
void pdf_draw_forget_widths(pdf_draw *w);

/* Width in points of text[0..len) in face at size. */
double pdf_draw_width(pdf_draw *w, int face, double size, const char *text, size_t len);
/* The width of a space (pdf_draw_width's of " "), measured once a face. */
double pdf_draw_space_width(pdf_draw *w, int face, double size);
/* Adds a page of width x height points; later drawing goes there. */
void pdf_draw_page(pdf_draw *w, double width, double height);

/* The current page's number among those added (1 for the first), to come
 * back to it; 0 in dry mode or before the first page. */
size_t pdf_draw_page_index(const pdf_draw *w);
/* Draws on page index (from pdf_draw_page_index) again from now on: a
 * page stays open until the document is saved. */
void pdf_draw_revisit(pdf_draw *w, size_t index);

/* Text with its baseline starting at (x, y). */
void pdf_draw_text(pdf_draw *w, int face, double size, pdf_color color, double x, double y,
                   const char *text, size_t len);
void pdf_draw_line(pdf_draw *w, double x0, double y0, double x1, double y1, double line_width,
                   pdf_color color);
/* A rectangle from (x, y) (lower left); fill and/or stroke. */
void pdf_draw_rect(pdf_draw *w, double x, double y, double width, double height,
                   const pdf_color *fill, const pdf_color *stroke);
/* Diagonal hatching inside a rectangle, lines spacing points apart. */
void pdf_draw_hatch(pdf_draw *w, double x, double y, double width, double height, double spacing,
                    pdf_color color);

/* A bookmark to the current page at height y, under parent (0 for the top
 * level); returns its handle for children, 0 in dry mode or on error. */
size_t pdf_draw_bookmark(pdf_draw *w, size_t parent, const char *title, double y);

/* Loads a PNG or JPEG file once (a path seen before gives the same
 * image): its id and size in pixels, or -1 with *why saying what is wrong
 * with the file, -2 when it cannot be opened or read (nothing reported:
 * the caller knows where it was named). */
int pdf_draw_image_load(pdf_draw *w, const char *path, double *px_width, double *px_height,
                        const char **why);
/* Draws image id in the rectangle from (x, y) (lower left). */
void pdf_draw_image(pdf_draw *w, int id, double x, double y, double width, double height);

/* Links: a rectangle of the current page (x0, y0 lower left, x1, y1 upper
 * right) that opens uri, or that goes to anchor target (a number the
 * caller chooses); an anchor is a place on the current page, set before
 * or after the links to it.  Links to an anchor never set go nowhere. */
void pdf_draw_link_uri(pdf_draw *w, double x0, double y0, double x1, double y1, const char *uri);
void pdf_draw_link_to(pdf_draw *w, double x0, double y0, double x1, double y1, size_t target);
void pdf_draw_anchor(pdf_draw *w, size_t target, double y);

/* The document's language, a BCP 47 tag ("fr-CA"), for screen readers. */
void pdf_draw_set_language(pdf_draw *w, const char *tag);

/* Writes the document to path.  0, or -1 with the problem reported. */
int pdf_draw_save(pdf_draw *w, const char *path);

/* Whether libharu reported an error so far; reports it once to d. */
bool pdf_draw_failed(pdf_draw *w);

#endif
