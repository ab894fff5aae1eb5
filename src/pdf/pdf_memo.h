/* pdf_memo.h - a bounded memo of text widths for pdf_draw.c: the width
 * libharu gave for some bytes in some font, found again without asking
 * it.  It holds at most PDF_MEMO_ENTRIES texts of PDF_MEMO_BYTES bytes in
 * all: beyond that it remembers nothing more (what it holds is still
 * found) until it is cleared, so its memory grows with the texts it is
 * given up to about PDF_MEMO_ENTRIES * 40 + PDF_MEMO_BYTES bytes, never
 * more. */
#ifndef BILAN_PDF_MEMO_H
#define BILAN_PDF_MEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { PDF_MEMO_ENTRIES = 4096, PDF_MEMO_BYTES = 64 * 1024 };

typedef struct pdf_memo_entry pdf_memo_entry; /* pdf_memo.c */

typedef struct pdf_memo {
    uint32_t *slots;   /* open addressing: an entry's index + 1, 0 for none */
    size_t slot_count; /* a power of two, twice the entries at least */
    pdf_memo_entry *entries;
    size_t count, entry_cap;
    char *text; /* the entries' bytes, one after another */
    size_t text_len, text_cap;
} pdf_memo;

/* What a width is remembered by: bytes s[0..len) in font, and their
 * hash, worked out once (pdf_memo_key_of) for any number of memos. */
typedef struct pdf_memo_key {
    const void *font;
    const char *s;
    size_t len;
    uint32_t hash;
} pdf_memo_key;

pdf_memo_key pdf_memo_key_of(const void *font, const char *s, size_t len);
/* Frees what m holds; m is then empty (a zeroed pdf_memo is too). */
void pdf_memo_free(pdf_memo *m);
/* Forgets every width, keeping the memory for the next ones. */
void pdf_memo_clear(pdf_memo *m);
/* The width remembered for k (*units), or false. */
bool pdf_memo_get(const pdf_memo *m, const pdf_memo_key *k, double *units);
/* The width of k: remembered (*known), or else a new entry for it, its
 * width to be set through the pointer (0 until then); NULL when m is full
 * (nothing more remembered). */
double *pdf_memo_add(pdf_memo *m, const pdf_memo_key *k, bool *known);

#endif
