/* pdf_memo.c - a bounded memo of text widths (see pdf_memo.h): an open
 * addressing table over the entries, at most half full, the texts' bytes
 * kept one after another.  The table, the entries and the bytes grow with
 * use, doubling up to their bounds (powers of two), past which nothing
 * more is remembered; clearing costs what was used. */
#include "pdf/pdf_memo.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define SLOTS_MAX (2 * PDF_MEMO_ENTRIES)

struct pdf_memo_entry {
    const void *font;
    uint32_t hash, at, len; /* the text: m->text[at .. at + len) */
    double units;
};

pdf_memo_key pdf_memo_key_of(const void *font, const char *s, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a over the bytes, then the font's address */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    uintptr_t f = (uintptr_t)font;
    h = (h ^ (uint32_t)(f >> 4) ^ (uint32_t)((uint64_t)f >> 32)) * 16777619u;
    return (pdf_memo_key){ font, s, len, h };
}

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
        memset(m->slots, 0, m->slot_count * sizeof *m->slots);
    m->count = 0;
    m->text_len = 0;
}

/* The slot holding k, or the empty slot where it would go (there is
 * one: the table is at most half full). */
static size_t find(const pdf_memo *m, const pdf_memo_key *k)
{
    size_t mask = m->slot_count - 1, i = k->hash & mask;
    for (; m->slots[i]; i = (i + 1) & mask) {
        const pdf_memo_entry *e = &m->entries[m->slots[i] - 1];
        if (e->hash == k->hash && e->font == k->font && e->len == k->len &&
            memcmp(m->text + e->at, k->s, k->len) == 0)
            break;
    }
    return i;
}

bool pdf_memo_get(const pdf_memo *m, const pdf_memo_key *k, double *units)
{
    if (!m->count)
        return false;
    size_t i = find(m, k);
    if (!m->slots[i])
        return false;
    *units = m->entries[m->slots[i] - 1].units;
    return true;
}

/* Makes the table twice as large (64 slots at first), the entries put
 * back by their hashes. */
static void grow_slots(pdf_memo *m)
{
    size_t n = m->slot_count ? 2 * m->slot_count : 64;
    free(m->slots);
    m->slots = xcalloc(n, sizeof *m->slots);
    m->slot_count = n;
    for (size_t e = 0; e < m->count; e++) {
        size_t i = m->entries[e].hash & (n - 1);
        while (m->slots[i])
            i = (i + 1) & (n - 1);
        m->slots[i] = (uint32_t)e + 1;
    }
}

double *pdf_memo_add(pdf_memo *m, const pdf_memo_key *k, bool *known)
{
    *known = false;
    if (2 * (m->count + 1) > m->slot_count && m->slot_count < SLOTS_MAX)
        grow_slots(m);
    size_t i = find(m, k);
    if (m->slots[i]) {
        *known = true;
        return &m->entries[m->slots[i] - 1].units;
    }
    if (m->count == PDF_MEMO_ENTRIES || k->len > PDF_MEMO_BYTES - m->text_len)
        return NULL; /* full: what it holds stays, nothing more */
    xgrow((void **)&m->entries, &m->entry_cap, m->count + 1, sizeof *m->entries);
    xgrow((void **)&m->text, &m->text_cap, m->text_len + k->len, 1);
    memcpy(m->text + m->text_len, k->s, k->len);
    m->entries[m->count] =
        (pdf_memo_entry){ k->font, k->hash, (uint32_t)m->text_len, (uint32_t)k->len, 0 };
    m->slots[i] = (uint32_t)++m->count;
    m->text_len += k->len;
    return &m->entries[m->count - 1].units;
}
