/* pdf_memo.c - a bounded memo of text widths (see pdf_memo.h): an open
 * addressing table of twice PDF_MEMO_ENTRIES slots over the entries, the
 * texts' bytes kept one after another.  The table (32 KiB) is made on the
 * first width remembered; the entries and bytes grow with use, doubling
 * up to their bounds (powers of two), past which nothing more is
 * remembered. */
#include "pdf/pdf_memo.h"
#include "lib/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS (2 * PDF_MEMO_ENTRIES) /* a power of two: half full at most */

struct pdf_memo_entry {
    const void *font;
    uint32_t hash, at, len; /* the text: m->text[at .. at + len) */
    double units;
};

void pdf_memo_free(pdf_memo *m)
{
    free(m->slots);
    free(m->entries);
    free(m->text);
    memset(m, 0, sizeof *m);
}

void pdf_memo_clear(pdf_memo *m)
{
    if (m->count)
        memset(m->slots, 0, SLOTS * sizeof *m->slots);
    m->count = 0;
    m->text_len = 0;
}

/* FNV-1a over the bytes, then the font's address mixed in. */
static uint32_t hash_of(const void *font, const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    uintptr_t f = (uintptr_t)font;
    return (h ^ (uint32_t)(f >> 4) ^ (uint32_t)(f >> 32)) * 16777619u;
}

/* The slot holding s[0..len) in font, or the empty slot where it would
 * go (the table is never full: at most half its slots are used). */
static size_t find(const pdf_memo *m, const void *font, const char *s, size_t len, uint32_t h)
{
    size_t i = h & (SLOTS - 1);
    for (; m->slots[i]; i = (i + 1) & (SLOTS - 1)) {
        const pdf_memo_entry *e = &m->entries[m->slots[i] - 1];
        if (e->hash == h && e->font == font && e->len == len &&
            memcmp(m->text + e->at, s, len) == 0)
            break;
    }
    return i;
}

bool pdf_memo_get(const pdf_memo *m, const void *font, const char *s, size_t len, double *units)
{
    if (!m->count)
        return false;
    size_t i = find(m, font, s, len, hash_of(font, s, len));
    if (!m->slots[i])
        return false;
    *units = m->entries[m->slots[i] - 1].units;
    return true;
}

bool pdf_memo_put(pdf_memo *m, const void *font, const char *s, size_t len, double units)
{
    if (m->count == PDF_MEMO_ENTRIES || len > PDF_MEMO_BYTES - m->text_len)
        return false; /* full: what it holds stays, nothing more */
    if (!m->slots)
        m->slots = xcalloc(SLOTS, sizeof *m->slots);
    uint32_t h = hash_of(font, s, len);
    size_t i = find(m, font, s, len, h);
    if (m->slots[i])
        return false;
    xgrow((void **)&m->entries, &m->entry_cap, m->count + 1, sizeof *m->entries);
    xgrow((void **)&m->text, &m->text_cap, m->text_len + len, 1);
    memcpy(m->text + m->text_len, s, len);
    m->entries[m->count] = (pdf_memo_entry){ font, h, (uint32_t)m->text_len, (uint32_t)len, units };
    m->slots[i] = (unsigned)++m->count;
    m->text_len += len;
    return true;
}
