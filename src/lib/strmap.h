/* strmap.h - a string -> size_t hash map (open addressing, a seeded hash:
 * where keys land differs from run to run, and nothing may depend on it).
 * Keys are copied and owned by the map. */
#ifndef BILAN_STRMAP_H
#define BILAN_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct strmap strmap;

strmap *strmap_new(void);
void strmap_free(strmap *m); /* NULL-safe */
/* True and *value set when key is present. */
bool strmap_get(const strmap *m, const char *key, size_t len, size_t *value);
/* Sets key to value (adds or replaces). */
void strmap_put(strmap *m, const char *key, size_t len, size_t value);
size_t strmap_count(const strmap *m);

#endif
