/* pdf_layout.h - measuring, line breaking, justification, page flow and
 * chart scales for the PDF.  Pure: widths come from a callback, so all of
 * it is testable without libharu. */
#ifndef BILAN_PDF_LAYOUT_H
#define BILAN_PDF_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Width in points of text[0..len) set in face at size. */
typedef double (*layout_measure_fn)(void *user, int face, double size, const char *text,
                                    size_t len);
/* Width in points of a space in face at size. */
typedef double (*layout_space_fn)(void *user, int face, double size);

/* The faces a paragraph keeps its space's width for (pdf_draw.h's). */
enum { LAYOUT_FACES = 4 };

/* A piece of a word: no space inside, one face.  A word is a run of
 * atoms without space_before between them ("**Brochu**," is two atoms).
 * Its width is measured once, when it is added (or cut). */
typedef struct layout_atom {
    const char *text; /* borrowed from the caller's runs */
    size_t len;
    int face;
    double width;
    bool space_before; /* a breakable space precedes it */
    bool break_before; /* a forced line break precedes it */
    const char *url;   /* a link's target (borrowed), or NULL */
} layout_atom;

typedef struct layout_line {
    size_t first, count; /* atoms */
    double width;        /* natural width, spaces included */
    int spaces;          /* breakable spaces inside the line */
    bool last;           /* ends the paragraph or a forced break */
} layout_line;

typedef struct layout_para {
    layout_measure_fn measure;
    layout_space_fn space; /* NULL: a space is measured as " " */
    void *user;
    double size; /* font size */
    /* a space's width in each face, measured when a line first needs it */
    double space_width[LAYOUT_FACES];
    bool space_known[LAYOUT_FACES];
    layout_atom *atoms;
    size_t atom_count, atom_cap;
    layout_line *lines;
    size_t line_count, line_cap;
    bool pending_space, pending_break; /* between layout_para_add calls */
} layout_para;

void layout_para_init(layout_para *p, layout_measure_fn measure, void *user, double size);
/* Spaces' widths come from space (user's too) rather than measure: a
 * font's space measured once for all paragraphs. */
void layout_para_set_space(layout_para *p, layout_space_fn space);
void layout_para_free(layout_para *p);
/* Appends text in face: splits it at ASCII spaces, tabs and newlines (a
 * newline forces a line break).  U+00A0 and U+202F never break.  The text
 * must outlive the paragraph. */
void layout_para_add(layout_para *p, const char *text, size_t len, int face);
/* The same, the text a link to url (borrowed; NULL: not a link). */
void layout_para_add_link(layout_para *p, const char *text, size_t len, int face, const char *url);
/* Breaks into lines no wider than width (greedy first fit); a word wider
 * than the line is cut between characters.  Returns the line count. */
size_t layout_para_wrap(layout_para *p, double width);
/* The width of a space in face at the paragraph's size: measured at the
 * first call for face (the paragraph keeps it). */
double layout_space_width(layout_para *p, int face);
/* x offsets of each atom of line i from the left edge, justified to width
 * when justify is set and the line is not the last; out has line.count
 * entries. */
void layout_line_positions(const layout_para *p, size_t i, double width, bool justify, double *out);

/* The vertical flow of blocks down pages.  y decreases down the page. */
typedef struct layout_flow {
    double top, bottom; /* first baseline area top, bottom margin */
    double y;           /* current position */
    int page;           /* 1-based page number */
} layout_flow;

void layout_flow_init(layout_flow *fl, double top, double bottom, int page);
/* True when height fits between y and the bottom. */
bool layout_flow_fits(const layout_flow *fl, double height);
/* Moves to the top of the next page. */
void layout_flow_next_page(layout_flow *fl);
/* Makes room for height (plus keep, the part of what follows that must stay
 * with it, e.g. a heading's next lines): starts a new page when needed and
 * the page is not already empty.  Returns true when it broke the page. */
bool layout_flow_reserve(layout_flow *fl, double height, double keep);

/* A "nice" axis for values 0..max (max > 0): a step of 1, 2 or 5 x 10^k so
 * that max fits in at most ticks steps.  Returns the step; *top = step x
 * the number of steps used. */
int64_t layout_nice_step(int64_t max, int ticks, int64_t *top);

/* A "nice" axis for values lo..hi (lo <= 0 <= hi): a step of 1, 2 or 5 x
 * 10^k so that both fit in at most ticks steps in all, zero on a tick.
 * Returns the step; *bottom (<= 0) and *top (> 0 unless lo < 0 = hi) are
 * whole steps.  lo = hi = 0 gives 0..1. */
int64_t layout_nice_range(int64_t lo, int64_t hi, int ticks, int64_t *bottom, int64_t *top);

/* The byte offset of the decimal mark in a formatted number, or len when
 * there is none (used to align a column on the mark). */
size_t layout_decimal_at(const char *text, size_t len, char mark);

#endif
