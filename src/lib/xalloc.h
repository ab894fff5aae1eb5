/* xalloc.h - allocation that never returns NULL.
 *
 * Out of memory is not an error path the program recovers from: it prints
 * one line and exits 70 (EXIT_SOFTWARE). */
#ifndef BILAN_XALLOC_H
#define BILAN_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows *ptr to hold at least need elements of size bytes; *cap is updated.
 * (Inline: the readers call it for every field, and it rarely grows.) */
void xgrow_to(void **ptr, size_t *cap, size_t need, size_t size);
static inline void xgrow(void **ptr, size_t *cap, size_t need, size_t size)
{
    if (need > *cap)
        xgrow_to(ptr, cap, need, size);
}
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);
/* Out of memory met in a call that reports it through errno (fopen,
 * fdopen, getline, a library): when err is ENOMEM, the same line and exit
 * 70 as a failed xmalloc, never "cannot open".  Returns otherwise. */
void xalloc_check(int err);

#endif
