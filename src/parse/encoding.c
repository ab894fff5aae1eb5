/* encoding.c - UTF-8 classification, and Windows-1252 -> UTF-8 by table
 * (Windows-1252 is one byte per character: 0x00-0x7F is ASCII, 0xA0-0xFF
 * is U+00A0-U+00FF, and 0x80-0x9F is the table below, five of its bytes
 * undefined). */
#include "parse/encoding.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Expected length of the UTF-8 sequence led by c; 0 for no valid lead. */
static size_t utf8_lead_length(unsigned char c)
{
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF)
        return 3;
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    return 0;
}

/* Word-at-a-time tests on 8 bytes at once: the high bit of each byte of
 * a mask says something of that byte. */
static const uint64_t ONES = UINT64_C(0x0101010101010101);
static const uint64_t HIGH = UINT64_C(0x8080808080808080);

static uint64_t load8(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof w);
    return w;
}

/* The bytes of w below n (n <= 0x80): the mask has the high bit of each
 * such byte (and maybe of the byte after one, by a borrow, when that byte
 * is also ASCII), never of another. */
static uint64_t below(uint64_t w, unsigned char n)
{
    return (w - n * ONES) & ~w & HIGH;
}

/* Whether the 8 bytes at p are all ASCII and none is NUL. */
static bool ascii8(const unsigned char *p)
{
    uint64_t w = load8(p);
    return ((w & HIGH) | below(w, 1)) == 0;
}

/* The bytes of the 8 at p that may not be printable ASCII (0x20 to 0x7F):
 * the high bit of each is set in the result, for every such byte and
 * maybe for the byte after one below 0x20 (a borrow), never for others. */
static uint64_t unprintable8(const unsigned char *p)
{
    uint64_t w = load8(p);
    return (w & HIGH) | below(w, 0x20);
}

/* Which of the 8 bytes loaded a mask bit stands for (memcpy's order). */
static size_t byte_of_bit(uint64_t bits)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return 7 - (size_t)__builtin_clzll(bits) / 8;
#else
    return (size_t)__builtin_ctzll(bits) / 8;
#endif
}

/* The lowest-addressed of the mask's bits. */
static uint64_t first_bit(uint64_t bits)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return UINT64_C(1) << (63 - __builtin_clzll(bits));
#else
    return bits & -bits;
#endif
}

static bool plain_byte(unsigned char c)
{
    return (c >= 0x20 && c < 0x80) || c == '\t' || c == '\n' || c == '\r';
}

size_t encoding_plain_run(const unsigned char *p, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        /* a line end, most likely, when a word is not all printable */
        for (uint64_t bad = unprintable8(p + i); bad; bad &= ~first_bit(bad)) {
            size_t k = i + byte_of_bit(first_bit(bad));
            if (!plain_byte(p[k]))
                return k;
        }
    }
    for (; i < n; i++)
        if (!plain_byte(p[i]))
            return i;
    return n;
}

utf8_piece encoding_utf8_piece(const unsigned char *p, size_t n, bool more, size_t *len)
{
    size_t i = 0;
    while (i + 8 <= n && ascii8(p + i))
        i += 8;
    while (i < n && p[i] != 0 && p[i] < 0x80)
        i++;
    *len = i ? i : 1;
    if (i)
        return PIECE_ASCII;
    if (p[0] == 0)
        return PIECE_NUL;
    size_t k = utf8_lead_length(p[0]);
    if (k && n < k && more) {
        *len = n;
        return PIECE_CUT;
    }
    if (k && n >= k && text_is_utf8((const char *)p, k)) {
        *len = k;
        return PIECE_SEQUENCE;
    }
    return PIECE_INVALID;
}

/* ---- Windows-1252 ------------------------------------------------------ */

/* U+0000 where Windows-1252 defines nothing. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x0000, 0x017D, 0x0000, 0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178,
};

size_t encoding_from_cp1252(const unsigned char *in, size_t n, char *out, size_t *written)
{
    unsigned char *o = (unsigned char *)out;
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned c = in[i];
        if (c >= 0x80 && c < 0xA0 && !(c = cp1252_high[c - 0x80]))
            break;
        if (c < 0x80) {
            *o++ = (unsigned char)c;
        } else if (c < 0x800) {
            *o++ = (unsigned char)(0xC0 | c >> 6);
            *o++ = (unsigned char)(0x80 | (c & 0x3F));
        } else {
            *o++ = (unsigned char)(0xE0 | c >> 12);
            *o++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
            *o++ = (unsigned char)(0x80 | (c & 0x3F));
        }
    }
    *written = (size_t)(o - (unsigned char *)out);
    return i;
}

char *encoding_from_cp1252_dup(const char *text, size_t *len)
{
    char *out = xmalloc(3 * *len + 1);
    size_t written;
    if (encoding_from_cp1252((const unsigned char *)text, *len, out, &written) < *len) {
        free(out);
        return NULL;
    }
    out[written] = '\0';
    *len = written;
    return out;
}

/* ---- what XML forbids -------------------------------------------------- */

/* The length of the forbidden character at p[0..n), or 0 for none. */
static size_t xml_forbidden_at(const unsigned char *p, size_t n)
{
    if (p[0] < 0x20)
        return p[0] == '\t' || p[0] == '\n' || p[0] == '\r' ? 0 : 1;
    if (p[0] == 0xEF && n >= 3 && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
        return 3;
    return 0;
}

/* Whether none of the 8 bytes at p is below 0x20 or 0xEF (the lead of
 * U+FFFE and U+FFFF): then none starts a forbidden character. */
static bool xml_clean8(const unsigned char *p)
{
    uint64_t w = load8(p);
    return (below(w, 0x20) | below(w ^ (0xEF * ONES), 1)) == 0;
}

bool encoding_xml_forbidden(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        if (xml_clean8(p + i))
            continue;
        for (size_t k = i; k < i + 8; k++) /* a line end, most likely */
            if ((p[k] < 0x20 || p[k] == 0xEF) && xml_forbidden_at(p + k, len - k))
                return true;
    }
    for (; i < len; i++)
        if ((p[i] < 0x20 || p[i] == 0xEF) && xml_forbidden_at(p + i, len - i))
            return true;
    return false;
}

size_t encoding_xml_replace(const char *s, size_t len, char *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t n = xml_forbidden_at(p + i, len - i);
        if (n) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += n;
        } else {
            out[o++] = s[i++];
        }
    }
    return o;
}
