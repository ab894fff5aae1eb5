/* arena.h - a string arena: the model's strings (names, labels), allocated
 * one after the other in large blocks and freed all at once. */
#ifndef BILAN_ARENA_H
#define BILAN_ARENA_H

#include <stddef.h>

typedef struct arena arena; /* opaque: a list of blocks */

arena *arena_new(void);
void arena_free(arena *a); /* NULL-safe; frees every string */
/* size bytes aligned for any type; never NULL (out of memory exits). */
void *arena_alloc(arena *a, size_t size);
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);

#endif
