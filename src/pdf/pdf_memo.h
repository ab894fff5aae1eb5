/* pdf_memo.h - a bounded memo of text widths for pdf_draw.c: the width
 * libharu gave for some bytes in some font, found again without asking
 * it.  It holds at most PDF_MEMO_ENTRIES texts of PDF_MEMO_BYTES bytes in
 * all: beyond that it remembers nothing more (what it holds is still
 * found) until it is cleared, so its memory never exceeds about
 * PDF_MEMO_ENTRIES * 40 + PDF_MEMO_BYTES bytes whatever it is given. */
#ifndef BILAN_PDF_MEMO_H
#define BILAN_PDF_MEMO_H

#include <stdbool.h>
#include <stddef.h>

enum { PDF_MEMO_ENTRIES = 4096, PDF_MEMO_BYTES = 64 * 1024 };

typedef struct pdf_memo_entry pdf_memo_entry; /* pdf_memo.c */

typedef struct pdf_memo {
    unsigned *slots; /* open addressing: an entry's index + 1, 0 for none */
    pdf_memo_entry *entries;
    size_t count, entry_cap;
    char *text; /* the entries' bytes, one after another */
    size_t text_len, text_cap;
} pdf_memo;

/* Frees what m holds; m is then empty (a zeroed pdf_memo is too). */
void pdf_memo_free(pdf_memo *m);
/* Forgets every width, keeping the memory for the next ones. */
void pdf_memo_clear(pdf_memo *m);
/* The width remembered for s[0..len) in font (*units), or false. */
bool pdf_memo_get(const pdf_memo *m, const void *font, const char *s, size_t len, double *units);
/* Remembers units as the width of s[0..len) in font; false when m is
 * full (nothing remembered) or already has it. */
bool pdf_memo_put(pdf_memo *m, const void *font, const char *s, size_t len, double units);

#endif
