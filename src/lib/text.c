/* text.c - UTF-8 helpers: trimming, validation, and the keys under which
 * names and headers are compared (utf8proc case folding, accents off). */
#include "lib/text.h"
#include "lib/diag.h"
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Length of the white space sequence starting s[0..len), or 0: ASCII
 * white space, U+00A0 (C2 A0) or U+202F (E2 80 AF). */
static size_t space_at(const unsigned char *s, size_t len)
{
    if (len >= 1 && (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r')))
        return 1;
    if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (len >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF)
        return 3;
    return 0;
}

/* Length of the white space sequence ending at s[len-1], or 0. */
static size_t space_before(const unsigned char *s, size_t len)
{
    if (len >= 1 && space_at(s + len - 1, 1))
        return 1;
    if (len >= 2 && space_at(s + len - 2, 2) == 2)
        return 2;
    if (len >= 3 && space_at(s + len - 3, 3) == 3)
        return 3;
    return 0;
}

const char *text_trim(const char *s, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = *len, k;
    /* Most fields start and end with a printable ASCII character. */
    if (n == 0 || (p[0] > ' ' && p[0] < 0x80 && p[n - 1] > ' ' && p[n - 1] < 0x80))
        return s;
    while ((k = space_at(p, n)) > 0) {
        p += k;
        n -= k;
    }
    while ((k = space_before(p, n)) > 0)
        n -= k;
    *len = n;
    return (const char *)p;
}

/* Length of the valid UTF-8 sequence at s[0..len), or 0 when invalid or
 * truncated: no overlong forms, no surrogates, nothing above U+10FFFF. */
static size_t utf8_sequence(const unsigned char *s, size_t len)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF; /* bounds of the second byte */
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        else if (c == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        else if (c == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
    } else
        return 0;
    if (len < n || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

bool text_is_utf8(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_sequence(p + i, len - i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

/* Whether code point c separates words in a key. */
static bool is_key_space(utf8proc_int32_t c, bool header)
{
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return true;
    if (header && (c == '_' || c == '-' || c == '.'))
        return true;
    return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

/* Rewrites the mapped string src[0..len) into a new xmalloc'd key: runs of
 * separators become one space, none at either end; in header keys the
 * typographic apostrophes become '\''. */
static char *collapse(const utf8proc_uint8_t *src, size_t len, bool header)
{
    char *out = xmalloc(len + 1);
    size_t n = 0, i = 0;
    bool pending_space = false;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(src + i, (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0)
            break; /* cannot happen: utf8proc output */
        if (is_key_space(c, header)) {
            pending_space = n > 0;
        } else {
            if (pending_space)
                out[n++] = ' ';
            pending_space = false;
            if (header && (c == 0x2019 || c == 0x2018))
                out[n++] = '\'';
            else {
                memcpy(out + n, src + i, (size_t)k);
                n += (size_t)k;
            }
        }
        i += (size_t)k;
    }
    out[n] = '\0';
    return out;
}

static bool is_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* The key of an ASCII string, as utf8proc would give it but without the
 * round trip through code points: most names in most files are ASCII. */
static char *ascii_key(const char *s, size_t len, bool header)
{
    char *out = xmalloc(len + 1);
    size_t n = 0;
    bool pending_space = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_key_space(c, header)) {
            pending_space = n > 0;
            continue;
        }
        if (pending_space)
            out[n++] = ' ';
        pending_space = false;
        out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    out[n] = '\0';
    return out;
}

static char *make_key(const char *s, size_t len, utf8proc_option_t extra, bool header)
{
    if (is_ascii(s, len))
        return ascii_key(s, len, header);
    if (!text_is_utf8(s, len))
        return NULL;
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_option_t options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | extra;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &mapped, options);
    if (n == UTF8PROC_ERROR_NOMEM) {
        /* The same exit as every other allocation failure (xalloc.c). */
        fprintf(stderr, "bilan: out of memory (utf8proc)\n");
        exit(EXIT_SOFTWARE);
    }
    if (n < 0) {
        free(mapped);
        return NULL;
    }
    char *key = collapse(mapped, (size_t)n, header);
    free(mapped);
    return key;
}

char *text_fold_key(const char *s, size_t len)
{
    return make_key(s, len, 0, false);
}

char *text_header_key(const char *s, size_t len)
{
    return make_key(s, len, UTF8PROC_STRIPMARK, true);
}

const char *text_bracket_key(const char *s, char *key, size_t size)
{
    const char *end = strstr(s, "].");
    if (!end || (size_t)(end - s) >= size)
        return NULL;
    memcpy(key, s, (size_t)(end - s));
    key[end - s] = '\0';
    return end + 2;
}

bool text_all_digits(const char *s, size_t len)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

bool text_digits_le(const char *a, size_t alen, const char *b, size_t blen)
{
    while (alen > 1 && *a == '0') {
        a++;
        alen--;
    }
    while (blen > 1 && *b == '0') {
        b++;
        blen--;
    }
    if (alen != blen)
        return alen < blen;
    return memcmp(a, b, alen) <= 0;
}
