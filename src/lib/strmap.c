/* strmap.c - string -> size_t hash map: open addressing with linear
 * probing, grown to twice its size past 70% load.  Keys are hashed with
 * SipHash-1-3 under a random key, so that crafted names (counterparties,
 * partners) cannot all collide and make the run quadratic. */
#include "lib/strmap.h"
#include "lib/strmap_test.h"
#include "lib/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

typedef struct strmap_slot {
    char *key; /* NULL when the slot is free */
    size_t len;
    uint64_t hash;
    size_t value;
} strmap_slot;

struct strmap {
    strmap_slot *slots;
    size_t cap; /* a power of two */
    size_t count;
    size_t probes; /* slots looked at by strmap_put (strmap_test.h); a
                      lookup counts none: two threads may look up at once */
};

enum { STRMAP_INITIAL = 16 };

/* ---- the hash: SipHash-1-3 with a key drawn once per process ----------- */

static uint64_t load64_le(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND           \
    do {                   \
        v0 += v1;          \
        v1 = ROTL(v1, 13); \
        v1 ^= v0;          \
        v0 = ROTL(v0, 32); \
        v2 += v3;          \
        v3 = ROTL(v3, 16); \
        v3 ^= v2;          \
        v0 += v3;          \
        v3 = ROTL(v3, 21); \
        v3 ^= v0;          \
        v2 += v1;          \
        v1 = ROTL(v1, 17); \
        v1 ^= v2;          \
        v2 = ROTL(v2, 32); \
    } while (0)

/* SipHash-1-3 (one round per block, three to finish) of key[0..len). */
static uint64_t siphash13(const uint64_t k[2], const char *key, size_t len)
{
    const unsigned char *p = (const unsigned char *)key;
    uint64_t v0 = UINT64_C(0x736f6d6570736575) ^ k[0];
    uint64_t v1 = UINT64_C(0x646f72616e646f6d) ^ k[1];
    uint64_t v2 = UINT64_C(0x6c7967656e657261) ^ k[0];
    uint64_t v3 = UINT64_C(0x7465646279746573) ^ k[1];
    size_t blocks = len / 8;
    for (size_t i = 0; i < blocks; i++, p += 8) {
        uint64_t m = load64_le(p);
        v3 ^= m;
        SIPROUND;
        v0 ^= m;
    }
    uint64_t last = (uint64_t)len << 56;
    for (size_t i = 0; i < len % 8; i++)
        last |= (uint64_t)p[i] << (8 * i);
    v3 ^= last;
    SIPROUND;
    v0 ^= last;
    v2 ^= 0xff;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

#undef SIPROUND
#undef ROTL

/* The hash key: random, drawn at the first map, so that names cannot be
 * crafted to collide (which would make every lookup walk them all).  The
 * program never depends on where keys land: maps are not iterated, and
 * lists keep their own order (first line seen). */
static uint64_t hash_key[2];

static void hash_key_init(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    if (getrandom(hash_key, sizeof hash_key, GRND_NONBLOCK) == (ssize_t)sizeof hash_key)
        return;
    /* No random source: a key the input cannot know in advance either. */
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    hash_key[0] = (uint64_t)t.tv_nsec << 32 ^ (uint64_t)t.tv_sec ^ (uint64_t)getpid();
    hash_key[1] = (uint64_t)(uintptr_t)&t ^ UINT64_C(0x9E3779B97F4A7C15);
}

static uint64_t hash_of(const char *key, size_t len)
{
    return siphash13(hash_key, key, len);
}

strmap *strmap_new(void)
{
    hash_key_init();
    strmap *m = xcalloc(1, sizeof *m);
    m->cap = STRMAP_INITIAL;
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
static strmap_slot *find(const strmap *m, const char *key, size_t len, uint64_t hash,
                         size_t *probes)
{
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        strmap_slot *s = &m->slots[i];
        ++*probes;
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
        *find(m, old[i].key, old[i].len, old[i].hash, &m->probes) = old[i];
    }
    free(old);
}

bool strmap_get(const strmap *m, const char *key, size_t len, size_t *value)
{
    size_t probes = 0;
    const strmap_slot *s = find(m, key, len, hash_of(key, len), &probes);
    if (!s->key)
        return false;
    *value = s->value;
    return true;
}

void strmap_put(strmap *m, const char *key, size_t len, size_t value)
{
    uint64_t hash = hash_of(key, len);
    strmap_slot *s = find(m, key, len, hash, &m->probes);
    if (s->key) {
        s->value = value;
        return;
    }
    if ((m->count + 1) * 10 > m->cap * 7) {
        grow(m);
        s = find(m, key, len, hash, &m->probes);
    }
    s->key = xstrndup(key, len);
    s->len = len;
    s->hash = hash;
    s->value = value;
    m->count++;
}

size_t strmap_count(const strmap *m)
{
    return m->count;
}

size_t strmap_probes(const strmap *m)
{
    return m->probes;
}
