/* strmap.c - string -> size_t hash map: open addressing with linear
 * probing, FNV-1a hashes, grown to twice its size past 70% load. */
#include "lib/strmap.h"
#include "lib/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct strmap_slot {
    char *key;             /* NULL when the slot is free */
    size_t len;
    uint64_t hash;
    size_t value;
} strmap_slot;

struct strmap {
    strmap_slot *slots;
    size_t cap;            /* a power of two */
    size_t count;
};

enum { STRMAP_INITIAL = 16 };

static uint64_t fnv1a(const char *key, size_t len)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= 1099511628211u;
    }
    return h;
}

strmap *strmap_new(void)
{
    strmap *m = xmalloc(sizeof *m);
    m->cap = STRMAP_INITIAL;
    m->count = 0;
    m->slots = xcalloc(m->cap, sizeof *m->slots);
    return m;
}

void strmap_free(strmap *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    free(m);
}

/* The slot holding key, or the free slot where it would go. */
static strmap_slot *find(const strmap *m, const char *key, size_t len, uint64_t hash)
{
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        strmap_slot *s = &m->slots[i];
        if (!s->key)
            return s;
        if (s->hash == hash && s->len == len && memcmp(s->key, key, len) == 0)
            return s;
    }
}

static void grow(strmap *m)
{
    strmap_slot *old = m->slots;
    size_t old_cap = m->cap;
    m->cap *= 2;
    m->slots = xcalloc(m->cap, sizeof *m->slots);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].key)
            continue;
        *find(m, old[i].key, old[i].len, old[i].hash) = old[i];
    }
    free(old);
}

bool strmap_get(const strmap *m, const char *key, size_t len, size_t *value)
{
    const strmap_slot *s = find(m, key, len, fnv1a(key, len));
    if (!s->key)
        return false;
    *value = s->value;
    return true;
}

void strmap_put(strmap *m, const char *key, size_t len, size_t value)
{
    uint64_t hash = fnv1a(key, len);
    strmap_slot *s = find(m, key, len, hash);
    if (s->key) {
        s->value = value;
        return;
    }
    if ((m->count + 1) * 10 > m->cap * 7) {
        grow(m);
        s = find(m, key, len, hash);
    }
    s->key = xstrndup(key, len);
    s->len = len;
    s->hash = hash;
    s->value = value;
    m->count++;
}

size_t strmap_count(const strmap *m) { return m->count; }
